"""Regression tests for layouts seen in real PDFs of producers we have never seen (the ICDAR 2013 EU documents):
each test draws a similar small table with ReportLab's canvas at test time and checks it reads as printed."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_borders, set_rows, write_pdf

LEFT = 60.0


def _rows(table: Table) -> list[list[str]]:
    """The body rows' texts (blank for an empty cell)."""
    return [[c.text if c else "" for c in row.cells] for row in table.rows]


def _head_ending_in_number_pdf(path: Path) -> Path:
    """A table ruled cell by cell whose header cells wrap over several lines, one of them ending in a number on a
    line of its own ("Companies on" / "FTSE Eurotop" / "100"), inside the header's ruled band."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Reclassifications by company", bold=True)
    edges = [LEFT, LEFT + 120, LEFT + 200, LEFT + 280, LEFT + 360]
    header = ["", ["Number of", "companies"], ["Companies on", "FTSE Eurotop", "100"], ["Share of", "all"]]
    body = [["0 reclassifications", "52", "14", "52%"], ["1 reclassification", "28", "4", "28%"],
            ["2 reclassifications", "20", "4", "20%"], ["Total", "100", "22", ""]]
    rows = set_rows(sheet, edges, [header, *body], 100, numeric_from=1)
    cell_borders(sheet, edges, rows)
    return write_pdf([sheet], path)


def test_a_head_wrapped_onto_a_number_line_stays_in_the_header(tmp_path: Path) -> None:
    """A header cell's last line that is a number ("100" of "FTSE Eurotop 100"), set tight under the head's other
    lines and ruled off from the body with them, is the end of that head, not a first row of its own."""
    tables = extract_tables(_head_ending_in_number_pdf(tmp_path / "head.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == ["", "Number of companies", "Companies on FTSE Eurotop 100", "Share of all"]
    assert _rows(t)[0] == ["0 reclassifications", "52", "14", "52%"]
    assert len(t.rows) == 4
