"""Proposal headings that a page break cuts: the heading's first lines end one page, its rest opens the next
(fpdf2, tune seeds 2323 and 1618: "UD13. Styrket indsats i forbindelse med mellemkommunal" / "refusion", and
"Forslagets titel: BU05. Styrkelse af udslusningsarbejdet i" / "kommunale dagbehandlingstilbud og de modtagende
skoler" / "(SOFs andel)", its second line justified into runs of words set wide apart). The heading is the whole
title, and its rest atop the next page is no heading of its own. Each test draws a small PDF at test time."""
from __future__ import annotations

from pathlib import Path

from extractors.context import Heading
from extractors.tables import extract_from_layouts, read_layouts
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 57.0
RIGHT = 538.0
TITLE_SIZE = 13.0
PROSE = ["Forslaget er udarbejdet i samarbejde med de berørte centre og er drøftet i forvaltningens ledelse, og",
         "der er tale om et skøn, som vil blive kvalificeret i forbindelse med implementeringen af forslaget i",
         "løbet af det kommende budgetår."]


def _prose(sheet: Sheet, top: float) -> None:
    """Set a paragraph of running text (10 pt, from the left margin) at `top`."""
    for k, line in enumerate(PROSE):
        sheet.text(LEFT, top + 13 * k, line, size=10.0)


def _justified(sheet: Sheet, baseline: float, text: str) -> None:
    """Set a bold title line justified from margin to margin: its words spread over the line's width."""
    words = text.split()
    free = RIGHT - LEFT - sum(width(w, True, TITLE_SIZE) for w in words)
    gap, x = free / (len(words) - 1), LEFT
    for w in words:
        sheet.text(x, baseline, w, bold=True, size=TITLE_SIZE)
        x += width(w, True, TITLE_SIZE) + gap


def _headings(pdf: Path) -> list[Heading]:
    """The headings read from a PDF's text outside its tables."""
    outline: list = []
    extract_from_layouts(read_layouts(pdf), outline=outline)
    return [h for h in outline if isinstance(h, Heading)]


def _cut_heading_pdf(path: Path, first: str, rest: list[str], justified: bool = False) -> Path:
    """Page 1: running text, then a bold heading's first line at the page's foot; page 2: the heading's rest
    (`justified`: its first line spread over the width), then running text."""
    one, two = Sheet(), Sheet()
    _prose(one, 80)
    _prose(one, 400)
    one.text(LEFT, 770, first, bold=True, size=TITLE_SIZE)
    for k, line in enumerate(rest):
        if justified and k == 0:
            _justified(two, 70 + 16 * k, line)
        else:
            two.text(LEFT, 70 + 16 * k, line, bold=True, size=TITLE_SIZE)
    _prose(two, 70 + 16 * len(rest) + 10)
    return write_pdf([one, two], path)


def test_a_code_heading_cut_by_the_page_break_goes_on_atop_the_next_page(tmp_path):
    pdf = _cut_heading_pdf(tmp_path / "code.pdf", "UD13. Styrket indsats i forbindelse med mellemkommunal",
                           ["refusion"])
    titles = [h.text for h in _headings(pdf)]
    assert titles == ["UD13. Styrket indsats i forbindelse med mellemkommunal refusion"]


def test_a_proposal_title_cut_by_the_page_break_goes_on_over_a_justified_line(tmp_path):
    pdf = _cut_heading_pdf(tmp_path / "title.pdf", "Forslagets titel: BU05. Styrkelse af udslusningsarbejdet i",
                           ["kommunale dagbehandlingstilbud og de modtagende skoler", "(SOFs andel)"],
                           justified=True)
    heads = _headings(pdf)
    assert [h.text for h in heads if h.is_title] == [
        "BU05. Styrkelse af udslusningsarbejdet i kommunale dagbehandlingstilbud og de modtagende skoler (SOFs andel)"]


def test_a_heading_ending_its_page_takes_no_body_text_from_the_next(tmp_path):
    """A heading that ends on its page takes nothing from the next page's first lines set in the body's size."""
    one, two = Sheet(), Sheet()
    _prose(one, 80)
    one.text(LEFT, 770, "UD14. Bedre brug af data i sagsbehandlingen", bold=True, size=TITLE_SIZE)
    _prose(two, 70)
    titles = [h.text for h in _headings(write_pdf([one, two], tmp_path / "ends.pdf"))]
    assert titles == ["UD14. Bedre brug af data i sagsbehandlingen"]
