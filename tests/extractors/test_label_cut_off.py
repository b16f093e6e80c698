"""Regression test for a row whose label a page break moved on while its other cells stayed at the page's foot, the
way WeasyPrint cuts an economics table (tune seed 783, weasyprint-doc-003): under a section row ("Varige ændringer")
the line of the row's values ends the page, its label of three lines opens the next page under the repeated header.
The test draws a small PDF with ReportLab's canvas."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, write_pdf

LEFT = 65.0
AREA_X = LEFT + 175
YEARS_X = [LEFT + 300, LEFT + 350, LEFT + 400, LEFT + 450]  # where each year's column ends
HEADER = ["1.000 kr. 2023 p/l", "Styringsområde", "2022", "2023", "2024", "2025"]
PITCH, WRAP = 14.3, 11.3  # a row's pitch (a line and the cells' padding); a wrapped line's
CUT_LABEL = ["Besparelser ved identifikation", "af udenbysborgere på egne", "tilbud"]
CUT_VALUES = ["Service", "", "-1.500", "-2.000", "-2.000"]
NEXT_LABEL = ["Besparelser ved identifikation", "af udenbys borgere på private", "tilbud"]
NEXT = [" ".join(NEXT_LABEL), "Service", "", "-1.500", "-2.000", "-2.000"]
TOTAL = ["Samlet varig ændring", "", "", "-3.000", "-4.000", "-4.000"]
PROSE = "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser for borgerne."


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


def _cells(sheet: Sheet, row: list[str], y: float, bold: bool = False) -> None:
    """Set a row's cells on the baseline y (label, area, then right-aligned years); "" leaves a cell empty."""
    if row[0]:
        sheet.text(LEFT, y, row[0], bold=bold, size=9.0)
    if row[1]:
        sheet.text(AREA_X, y, row[1], bold=bold, size=9.0)
    for x1, text in zip(YEARS_X, row[2:], strict=True):
        if text:
            sheet.text_right(x1, y, text, bold=bold, size=9.0)


def _header(sheet: Sheet, y: float) -> None:
    """Set the header on the baseline y, ruled off under it."""
    _cells(sheet, HEADER, y)
    sheet.hline(LEFT - 2, YEARS_X[-1] + 2, y + 4)


def _cut_label_pdf(path: Path) -> Path:
    """Tabel 1 starts at page 1's foot: header, the section row "Varige ændringer", and a row's pitch under it the
    values of the next row alone; page 2 repeats the header, then that row's label (three lines), the next row (its
    values on its label's first line) and the total, then running text."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 720, PROSE, size=10.0)
    first.text(LEFT, 750, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    _header(first, 766)
    first.text(LEFT, 766 + PITCH + 2, "Varige ændringer", size=9.0)
    _cells(first, ["", *CUT_VALUES], 766 + 2 * PITCH + 2)
    _header(second, 74)
    y = 74 + PITCH + 2
    for k, line in enumerate(CUT_LABEL):
        second.text(LEFT, y + k * WRAP, line, size=9.0)
    y += 2 * WRAP + PITCH
    _cells(second, ["", *NEXT[1:]], y)
    for k, line in enumerate(NEXT_LABEL):
        second.text(LEFT, y + k * WRAP, line, size=9.0)
    y += 2 * WRAP + PITCH
    _cells(second, TOTAL, y, bold=True)
    second.text(LEFT, y + 30, PROSE, size=10.0)
    return write_pdf([first, second], path)


def test_a_rows_cells_left_under_a_section_row_at_the_foot_rejoin_its_label(tmp_path):
    """A line of cells without a label at a page's foot, clear under a section row (a label alone), is the row
    whose label the page break moved on: not the section row's cells; the label opening the next page joins it."""
    tables = extract_tables(_cut_label_pdf(tmp_path / "cut_label.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == HEADER
    assert _rows(t) == [["Varige ændringer", "", "", "", "", ""], [" ".join(CUT_LABEL), *CUT_VALUES], NEXT, TOTAL]
