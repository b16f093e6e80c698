"""Regression test for a table a page break cuts the way ReportLab's platypus Table cuts it: small type, tall padded
rows ruled below each one (LINEBELOW), every cell set to the middle of its row, the header printed once. The first
row on the next page lies above that page's first rule, and when it and the row under it each wrap a long remark,
the remarks' lines are further apart than a region's line gap: the first row was read as a page-opening fragment
(stitched to the table before) and the rest of the page as a table of its own, headed by the first line of the
next row's remark (tune seed 784, reportlab-doc-004: a "Skal/Kan" task budget read at 0.374 numeric recall).
The test draws a small PDF with ReportLab's canvas at test time."""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

SIZE = 5.5
LEAD = 6.6  # a wrapped remark's line pitch
PAD = 8.0  # cell padding above and below a row's text
EDGES = [40.0, 60.0, 200.0, 280.0, 360.0, 520.0, 560.0]
HEADER = ["Nr.", "Opgave", "Budget 2024", "SKAL-opgaver", "Bemærkninger", "Vurdering"]
PAGE1 = [
    ["1", "Ledelse og projekter", "45.208.310", "45.208.310", ["Ledelse af området, projekter og puljer"], "Lille"],
    ["2", "Sekretariatet", "12.004.518", "12.004.518", ["Administration af området"], "Mellem"],
    ["3", "Myndighed, visitatorer", "23.614.927", "23.614.927",
     ["Visitation efter serviceloven, antallet af", "visitatorer kan tilpasses."], "Mellem"],
    ["4", "Demenskonsulenter", "5.302.114", "5.302.114", ["Serviceniveau kan justeres."], "Stor"],
    ["5", "Hjælpemidler", "325.603.187", "325.603.187", ["Udgiften påvirkes af markedsvilkår."], "Lille"],
]
PAGE2 = [
    ["6", "Depot - Genbrugshjælpemidler", "108.564.911", "108.564.911",
     ["Kan påvirkes ved andre aftaler. Pt. drifter kommunen", "selv hjælpemiddeldepotet samt udbringning."], "Mellem"],
    ["7", "Budget til fordeling på plejecentre", "79.691.031", "79.691.031",
     ["Ekstra budget afsat i budgetaftalen til bemanding aften/nat på", "plejecentre. Derudover tværgående midler."],
     "Mellem"],
    ["8", "Blomstergården", "465.494.218", "465.494.218", ["Serviceniveau kan justeres."], "Mellem"],
    ["9", "Antvorskov", "196.910.140", "196.910.140", ["Serviceniveau kan justeres."], "Mellem"],
    ["10", "Sygeplejen", "508.441.458", "508.441.458", ["Lovbunden opgave, udføres jf. lægehenvisninger."], "Lille"],
]


def _set_centred_rows(sheet: Sheet, rows: list[list[str | list[str]]], top: float, bold: bool = False) -> float:
    """Set rows from `top` down, every cell centred on its row's height (a wrapped remark makes the row taller), a
    rule under each row across the table (ReportLab's LINEBELOW); amounts right-aligned. Return the last rule's y."""
    y = top
    for row in rows:
        cells = [c if isinstance(c, list) else [c] for c in row]
        n = max(len(c) for c in cells)
        height = 2 * PAD + SIZE + (n - 1) * LEAD
        middle = y + height / 2
        for k, lines in enumerate(cells):
            first = middle - (len(lines) - 1) * LEAD / 2 + SIZE / 2 - 1.5  # baseline of the cell's first line
            for j, s in enumerate(lines):
                if k in (2, 3) and not bold:
                    sheet.text(EDGES[k + 1] - 3 - width(s, bold, SIZE), first + j * LEAD, s, bold, SIZE)
                else:
                    sheet.text(EDGES[k] + 3, first + j * LEAD, s, bold, SIZE)
        y += height
        sheet.hline(EDGES[0], EDGES[-1], y)
    return y


def test_cut_row_and_wrapped_remarks_under_it_continue_the_table(tmp_path: Path) -> None:
    """The row opening the second page (above its first rule) and the body under it, whose first row's remark
    begins above that row's values, are one continuation of the table on the first page: no second table headed
    by the remark's first line, every row kept."""
    p1, p2 = Sheet(), Sheet()
    p1.text(40.0, 70.0, "Fordeling af budget 2024 på opgaver – Bilag 1", bold=True, size=9.0)
    p1.hline(EDGES[0], EDGES[-1], 80.0)
    y = _set_centred_rows(p1, [HEADER], 80.0, bold=True)
    _set_centred_rows(p1, PAGE1, y)
    _set_centred_rows(p2, PAGE2, 66.0)
    tables = extract_tables(write_pdf([p1, p2], tmp_path / "cut_row_gap.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns[:3] == HEADER[:3]
    assert [r.cells[0].text for r in t.rows if r.cells[0]] == [str(i) for i in range(1, 11)]
    remark_col = t.columns.index("Bemærkninger")
    remark = next(r.cells[remark_col].text for r in t.rows if r.cells[0] and r.cells[0].text == "7")
    assert remark.startswith("Ekstra budget afsat") and remark.endswith("tværgående midler.")
