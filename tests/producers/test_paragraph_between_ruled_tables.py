"""Two tables under one stack of rules, parted by paragraphs set in the running text's size, printed by LibreOffice
in the style of tune seed 8726's LibreOffice document 001 (rules under the header and above the totals only, cells
one point smaller than the running text): SU6's "Investering i implementering af røgfri arbejdstid" (its totals
row under a rule) and, under two paragraphs and the plain title "Oversigt" / "(1.000 kr.)", "Rygestopkurser i
arbejdstiden", ruled under its one-cell header. The rule above the first table's totals and the rule under the
second's header span the same width, so they stack into one frame whose band holds the totals row, the paragraphs,
the title and the second table's header.

What used to go wrong: that band was read as rows of the first table (running text set no more than 1.5 points
larger than the cells is no "larger text run", and nothing in the band under the paragraphs was a line of cells or a
heading), so the paragraphs and the second table became rows of the first, whose "2025 | 2026" columns merged under
the second table's wide cells ("Ca. 3.000 kr."): 8 amounts lost. Running text set apart under lines of cells, in a
larger size than theirs, is a paragraph under the table, not a merged row (`regions._prose_between_rows`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_body_as_printed, norm, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 508736  # the tune item (LibreOffice document 001 of seed 8726)
PRODUCER = "libreoffice"
TABLES = ("36_su6-investering-i-implementering-af-roegfri-arbejdstid.csv", "37_su6-rygestopkurser-i-arbejdstiden.csv")


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "001")},
                          tmp_path_factory.mktemp("paragraph-between-ruled-tables"))


@pytest.mark.parametrize("name", TABLES)
def test_tables_under_one_stack_of_rules_read_apart(name: str, read: dict) -> None:
    """Each of the two tables is read on its own, with its printed rows (and the first its printed year heads)."""
    printed, table = printed_table_and_read(read, PRODUCER, name)
    assert [norm(c) for c in table.columns[1:]] == [norm(h) for h in printed.header[1:]], table.columns
    assert_body_as_printed(printed.rows, table)
