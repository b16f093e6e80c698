"""A follow-up table ruled only under its header and above its last row (fpdf2's style family `totals`, tune seed
6174's doc-003 "Opfølgning"), its cells set vertically centred: a one-line label sits half a line below the first
lines of the two-line cells beside it, so the lines of a row overlap one another and rows follow at a gap no wider
than a wrapped line's would be. The test draws a small PDF with ReportLab's canvas the way fpdf2 prints it and
fails without its fix: the band between the two rules holds several rows, parted where no cell reaches from one
into the next, each with a label of its own (they were read as one row, their cells run together).
"""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, write_pdf

LEFT = 58.5
SIZE = 7.5
HALF = 4.7  # a centred one-line cell sits this far below the first line of a two-line cell beside it
COLS = [LEFT, LEFT + 232, LEFT + 356, LEFT + 420]
HEADER = ["Opfølgningsmål", "Hvordan måles", "Ansvarlig", "Hvornår"]
SECTION = "Milepæle for implementering og anvendelse af investeringsmidler"
ROWS = [  # (label, remark lines, responsible lines, when): the label one line, centred beside the others' two
    # lines, and so is "when" when one line (the label then alone on its line when "when" takes two)
    ("Etablering af 5 nye pladser efter §84", ["Samarbejdsaftale med leverandør", "etableret"],
     ["Borgercenter", "Voksne"], "Ultimo 2022"),
    ("Tættere samarbejde om borgerens videre forløb", ["Dialog med relevante medarbejder", "og ledere"],
     ["Borgercenter", "Voksne"], "Ultimo 2023"),
    ("Sparet transporttid", ["Afrapportering fra projektleder", "baseret på løbende evaluering"],
     ["Borgercenter", "Voksne"], ["Ultimo 2023 og", "2024"]),
]
LAST = ("Færre tilbagefald", "Udgifter ved fraflytning", "Borgercenter", "Ultimo 2025")


def _rows(table) -> list[list[str]]:
    """A table's rows as texts."""
    return [[c.text if c else "" for c in r.cells] for r in table.rows]


def _pdf(path: Path) -> Path:
    """A heading, the bold header (a rule under it), a bold section row in a shaded band, three rows of centred
    cells 21.7 pt apart, a rule, and a last one-line row."""
    sheet = Sheet()
    sheet.text(LEFT, 60, "8. Opfølgning", size=9.5)
    y = 78.0  # baselines
    for x, head in zip(COLS, HEADER, strict=True):
        sheet.text(x, y, head, bold=True, size=SIZE)
    sheet.hline(LEFT - 1.5, 538.0, y + 3.0)
    y += 12.4
    sheet.fill(LEFT - 1.5, y - 8.0, 538.0, y + 3.0)  # the section row in a shaded band of its own
    sheet.text(LEFT, y, SECTION, bold=True, size=SIZE)
    y += 15.4
    for label, remark, who, when in ROWS:
        for j, (a, b) in enumerate(zip(remark, who, strict=True)):
            sheet.text(COLS[1], y + 2 * j * HALF, a, size=SIZE)
            sheet.text(COLS[2], y + 2 * j * HALF, b, size=SIZE)
        sheet.text(COLS[0], y + HALF, label, size=SIZE)
        for j, text in enumerate([when] if isinstance(when, str) else when):
            sheet.text(COLS[3], y + (HALF if isinstance(when, str) else 2 * j * HALF), text, size=SIZE)
        y += 21.7
    y -= 2.0
    sheet.hline(LEFT - 1.5, 538.0, y - 9.0)
    for x, text in zip(COLS, LAST, strict=True):
        sheet.text(x, y, text, size=SIZE)
    sheet.text(LEFT, y + 40, "Forslaget er udarbejdet i samarbejde med de berørte centre.", size=10)
    return write_pdf([sheet], path)


def test_centred_rows_between_a_header_rule_and_a_total_rule_are_rows(tmp_path):
    """One table: the section row, each centred row on its own (its cells' lines joined), the last row."""
    tables = [t for t in extract_tables(_pdf(tmp_path / "centred.pdf")) if t.rows]
    assert len(tables) == 1
    assert tables[0].columns == HEADER
    want = [[SECTION, "", "", ""]] + [[label, " ".join(remark), " ".join(who), when if isinstance(when, str)
                                       else " ".join(when)]
                                      for label, remark, who, when in ROWS] + [list(LAST)]
    assert _rows(tables[0]) == want
