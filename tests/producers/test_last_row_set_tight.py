"""A text table whose rows are padded apart but for its last row, set as tight under the row above as a wrapped
line, printed by LibreOffice in the style of tune seed 8726's LibreOffice document 001 (a box, cells set to the
top): SU7's "Tidsplan" ("Scenarie 2" over "Algoritme1 | Forberede data og platform | (Afventer data) | ..." and
"Algoritme2 | | Udvikle algoritme | ..."). Its other rows each hold an empty cell, which LibreOffice sets a paragraph
of the document's larger type tall; the last two rows fill their label and most cells, so nothing pads them apart.

What used to go wrong: "Algoritme2", starting like an entry right under "Algoritme1" with no row's padding
between, was read as the second line of that label, and its cells as the wrapped second lines of the cells above
(13 cells lost). A line under a label opens a row of its own when a cell of another column on it starts with a
capital and its first word would have fitted at the end of the cell above: no wrap broke that cell there
("(Afventer data)" / "Udvikle algoritme").
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 508726  # the tune item (LibreOffice document 001 of seed 8726)
PRODUCER = "libreoffice"
TABLE = "45_su7-tidsplan-scenarier.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "001")},
                          tmp_path_factory.mktemp("last-row-set-tight"))


def test_last_row_set_tight_is_a_row_of_its_own(read: dict) -> None:
    """The table is read with its printed rows, "Algoritme2" under "Algoritme1" in both scenarios."""
    printed, table = printed_table_and_read(read, PRODUCER, TABLE)
    assert_read_as_printed(printed, table)
