"""Regression tests for grant expiry lists (a label column, an amount column, a recommendation) as the generated
producers print them: a wrapped label's long line run into the gutter, a last row carried alone onto the next
page, a text cell broken by a page break. Each test draws a small PDF with ReportLab's canvas at test time."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 57.0
HEADER = ["Bevillinger som udløber", "Beløb 1.000 kr.", "Anbefaling"]
LONG = ["Enhed for anonym håndtering af seksuel chikane og sexisme (tværgående KK-aktivitet placeret i SUF og",
        "ØKF)"]
ROWS = [
    ["Faste teams og øget tryghed på plejehjem", "27.534", "Bør videreføres"],
    ["Socialrådgivere hos læger i udsatte boligområder", "2.294", "Bør videreføres"],
    [LONG, "3.292", "Politisk"],
    ["Rekruttering til seniorklubber*", "482", "Politisk"],
    ["Tryg hjemkomst fra hospital", "7.664", "Ikke relevant at videreføre"],
]


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


def _set_centred(sheet: Sheet, edges: list[float], rows: list[list], top: float, lead: float = 11.0,
                 gap: float = 12.0) -> float:
    """Set borderless rows from `top` down: the label left-aligned in the first column (a list of its lines when
    wrapped), the amount right-aligned in the second and the text left-aligned in the third, both set vertically
    centred on the label's lines (so that beside a two-line label they sit on a line of their own). Return the
    baseline under the last row."""
    y = top
    for label, amount, text in rows:
        lines = label if isinstance(label, list) else [label]
        for j, s in enumerate(lines):
            sheet.text(edges[0] + 2, y + j * lead, s)
        mid = y + (len(lines) - 1) * lead / 2
        sheet.text_right(edges[2] - 2, mid, amount)
        sheet.text(edges[2] + 6, mid, text)
        y += (len(lines) - 1) * lead + lead + gap
    return y


def _amount_edge() -> float:
    """The right edge of the amount column that puts the middle of the gutter (between the longest other label and
    the amount header's widest line) in a word space of the long label line, short of its end."""
    label_end = LEFT + 2 + max(width(r[0]) for r in ROWS if isinstance(r[0], str))
    words = LONG[0].split()
    spaces = [LEFT + 2 + width(" ".join(words[:k])) + width(" ") / 2 for k in range(1, len(words))]
    middle = spaces[-3]  # the last three words past the middle of the gutter
    return 2 * middle - label_end + 2 + width("1.000 kr.", bold=True)


def _gutter_pdf(path: Path) -> Path:
    """A landscape-wide borderless grant list: a wide label column whose longest lines end far left of the amounts,
    but one wrapped label's first line runs well into the gutter (its amount and recommendation set on a line of
    their own, centred on the label's two lines)."""
    sheet = Sheet()
    edges = [LEFT, 460.0, _amount_edge(), 580.0]
    sheet.text(LEFT, 70, "Tabel 1. Bevillinger som udløber ved udgangen af 2026", bold=True)
    sheet.text(LEFT, 92, HEADER[0], bold=True)
    sheet.text_right(edges[2] - 2, 92, "Beløb", bold=True)
    sheet.text_right(edges[2] - 2, 103, "1.000 kr.", bold=True)
    sheet.text(edges[2] + 6, 92, HEADER[2], bold=True)
    sheet.hline(LEFT, edges[3], 108)
    _set_centred(sheet, edges, ROWS, 122)
    return write_pdf([sheet], path)


def test_a_wrapped_labels_long_line_run_into_the_gutter_stays_in_the_label(tmp_path):
    """A label line that runs past the middle of the gutter (whose middle separates the columns), but ends before
    any cell of the amount column starts, is the label's: its last words are no text of the amount cell."""
    tables = extract_tables(_gutter_pdf(tmp_path / "gutter.pdf"))
    assert len(tables) == 1
    assert _rows(tables[0]) == [[" ".join(r[0]) if isinstance(r[0], list) else r[0], *r[1:]] for r in ROWS]
