"""A "Hvem er hørt?" table ruled under its header only, rows parted by padding: most rows hold a nil mark ("-", a
value line), one row holds a remark of several lines and a wrapped date instead, set top-aligned or vertically
centred beside its one-line label. That row's lines are one row of their own, never dealt to the value rows
around it."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT, RIGHT = 57.0, 538.0
COL2, COL3_RIGHT = 220.0, 535.0
SIZE, LEAD, PAD = 8.0, 10.0, 1.5
HEADER = ["", "Ja/Nej/Ikke relevant", "Dato for godkendelse"]
REMARK = ["Ja Der har været dialog samt en række møder", "med Center for Kunstig Intelligens i",
          "forbindelse med udarbejdelsen af", "innovationscasen."]
DATE = ["Møderne har", "været afviklet i", "efteråret 2021"]
ROWS = [("Ejendomsfaglig vurdering", ["Ikke relevant"], ["-"]),
        ("IT-kredsen", ["Ikke relevant"], ["-"]),
        ("Koncern-IT", REMARK, DATE),
        ("HR-kredsen", ["Ikke relevant"], ["-"]),
        ("Velfærdsanalytisk vurdering", ["Ikke relevant"], ["-"])]


def _cell(sheet: Sheet, lines: list[str], top: float, height: float, x: float, right: bool, centred: bool) -> None:
    """Set a cell's lines from `top` (or centred in a row of `height`), left at x or right-aligned to x."""
    y = top + (height - len(lines) * LEAD) / 2 if centred else top
    for j, s in enumerate(lines):
        baseline = y + j * LEAD + SIZE - 1
        if right:
            sheet.text_right(x, baseline, s, size=SIZE)
        else:
            sheet.text(x, baseline, s, size=SIZE)


def _pdf(path: Path, centred: bool) -> Path:
    sheet = Sheet()
    sheet.text(LEFT, 90.0, "Hvem er hørt?", size=10.0)
    sheet.text(COL2, 110.0, HEADER[1], True, SIZE)
    sheet.text_right(COL3_RIGHT, 110.0, HEADER[2], True, SIZE)
    y = 114.0
    sheet.hline(LEFT, RIGHT, y)
    for label, remark, date in ROWS:
        height = max(len(remark), len(date)) * LEAD
        top = y + PAD
        _cell(sheet, [label], top, height, LEFT + 1.5, False, centred)
        _cell(sheet, remark, top, height, COL2, False, centred)
        _cell(sheet, date, top, height, COL3_RIGHT, True, centred)
        y = top + height + PAD
    sheet.text(LEFT, y + 30.0, "Forslaget er udarbejdet i samarbejde med forvaltningens ledelse.", size=10.0)
    return write_pdf([sheet], path)


@pytest.mark.parametrize("centred", [False, True], ids=["top", "centred"])
def test_a_row_of_wrapped_text_between_value_rows_is_one_row(tmp_path: Path, centred: bool) -> None:
    assert width(REMARK[0], size=SIZE) < COL3_RIGHT - width(DATE[1], size=SIZE) - COL2  # the columns do not touch
    tables = extract_tables(_pdf(tmp_path / "hvem.pdf", centred))
    assert len(tables) == 1
    rows = [[c.text if c else "" for c in r.cells] for r in tables[0].rows]
    assert rows == [[label, " ".join(remark), " ".join(date)] for label, remark, date in ROWS]
