"""A header left alone at the foot of a page whose first head is wider than the figures under it, printed by
LibreOffice in the style of tune seed 8726's LibreOffice document 002 (no rules, zebra shading, header not bold
and not repeated): "Tabel 2 Omprioritering af fremadrettede bevillinger" prints its caption and header at the foot of
page 6 and its rows atop page 7. Its first head "Nr." is set right-aligned over the row numbers 1 to 4, one digit
wide each, so the head starts left of every figure of its column.

What used to go wrong: the header at the foot is read into the column bands of the body on the next page
(`grid.adopt_header`), and the first band starts where the body's numbers do: the middle of "Nr." fell left of
every band, the header was not adopted, and the rows were read as a table of their own without header or caption
(26 amounts lost). The first column now runs on to the left under a head that ends in it, as the last column runs
on to the right over a head that starts in it.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 508734  # the tune item (LibreOffice document 002 of seed 8726)
PRODUCER = "libreoffice"
TABLE = "02_satspulje-2019-tabel2-omprioritering-bevillinger.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "002")},
                          tmp_path_factory.mktemp("head-wider-than-figures"))


def test_header_at_the_foot_over_narrower_figures_heads_its_rows(read: dict) -> None:
    """The rows atop the next page are read under the header left at the foot, "Nr." heading the row numbers."""
    printed, table = printed_table_and_read(read, PRODUCER, TABLE)
    assert_read_as_printed(printed, table)
