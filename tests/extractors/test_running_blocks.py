"""Running blocks atop pages (extractors/margins.py): what repeats at one height on several pages is not always a
running header. A fact sheet printed page by page opens several pages with the same captioned table, its header
bottom-aligned so that its upper lines sit in one column only; caption and header lines then repeat at one height
on every such page, yet they are the table's, not a committee system's block."""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, write_pdf
from tests.producers.reading import body_texts, norm

LEFT, RIGHT = 57.0, 538.0
EDGES = [LEFT, 430.0, 485.0, RIGHT]
HEAD_LINES = [["", "", "Dato for"], ["", "", "godkendelse"], ["", "Ja/Nej/Ikke", "og evt."], ["", "relevant",
                                                                                               "høringssvar"]]
BODY = [["Ejendomsfaglig vurdering", "Ikke relevant", "-"], ["IT-kredsen", "Ikke relevant", "-"],
        ["MED-udvalg", "Ja", "12. januar 2022"]]
CAPTION = "Hvem er hørt?"


def _sheet(proposal: int) -> Sheet:
    """One page: a running header, then the captioned table with its bottom-aligned header at the top of the body,
    then a paragraph."""
    sheet = Sheet()
    sheet.text(LEFT, 30, "Københavns Kommune 12. august 2022", size=8)
    sheet.text(LEFT, 78, CAPTION, bold=True, size=9.5)
    y = 92.0
    for line in HEAD_LINES:
        for x, s in zip(EDGES, line, strict=False):
            if s:
                sheet.text(x + 3, y, s, bold=True, size=8)
        y += 9.6
    sheet.hline(LEFT, RIGHT, y - 5)
    y += 8
    for row in BODY:
        for x, s in zip(EDGES, row, strict=False):
            sheet.text(x + 3, y, s, size=8)
        y += 17.6
    sheet.hline(LEFT, RIGHT, y - 9)
    sheet.text(LEFT, y + 30, f"Forslag {proposal}: forvaltningen vurderer, at forslaget kan gennemføres.", size=10)
    sheet.text(LEFT, 810, f"Side {proposal}", size=8)
    return sheet


def _pdf(path: Path) -> Path:
    return write_pdf([_sheet(i) for i in range(1, 4)], path)


def test_a_captioned_table_atop_several_pages_keeps_its_caption_and_header(tmp_path):
    """The caption and the upper header lines ("Dato for", "godkendelse") repeat at one height on every page, one
    cell each, like a running block; but they are set as tight as wrapped lines over the header's lower lines, so
    they belong to the table: every page's table keeps its caption and its whole third column title."""
    tables = extract_tables(_pdf(tmp_path / "sheets.pdf"))
    assert len(tables) == 3
    for t in tables:
        assert t.caption == CAPTION
        assert t.columns == ["", "Ja/Nej/Ikke relevant", "Dato for godkendelse og evt. høringssvar"]
        assert body_texts(t) == [[norm(c) for c in row] for row in BODY]
