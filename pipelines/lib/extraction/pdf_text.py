"""Read a PDF's page count and the printed lines of its first pages (text + main font size) with pdfplumber.

The lines are pdfplumber's `extract_text_lines` (default settings), computed from chars taken straight from the
page's pdfminer layout tree (`page.layout`) rather than from `page.chars`: pdfplumber resolves some twenty
attributes per char there, of which line-finding reads six, and that costs more than parsing the page. The
layout tree stays cached on the page, so the table extractor reading the same open document
(`extractors.tables.read_layouts(..., pdf=...)`) does not parse the page again.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
from pdfminer.layout import LTChar, LTContainer
from pdfplumber.page import Page
from pdfplumber.utils import chars_to_textmap
from pdfplumber.utils.geometry import objects_to_bbox
from pdfplumber.utils.text import TextMap

from domain.documents import FIRST_PAGES, TextLine
from extractors.layout import page_objects_unturned

SIZE_DECIMALS = 1  # font sizes are compared after rounding to this many decimals
STRIPPED_LINE = re.compile(r" *([^\n]+?) *(\n|$)")  # pdfplumber's `TextMap.extract_text_lines(strip=True)` pattern


def _main_size(chars: list[dict]) -> float:
    """Given a line's chars, return the font size most of its characters are printed in."""
    sizes = Counter(round(float(c.get("size", 0.0)), SIZE_DECIMALS) for c in chars if str(c.get("text", "")).strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _layout_chars(objs: list) -> Iterator[LTChar]:
    """Given pdfminer layout objects, yield their LTChars in the order pdfplumber's `page.chars` lists them."""
    for obj in objs:
        if isinstance(obj, LTContainer):
            yield from _layout_chars(obj._objs)  # noqa: SLF001 - as pdfplumber's own iter_layout_objects
        elif isinstance(obj, LTChar):
            yield obj


def page_chars(page: Page) -> list[dict]:
    """Given a pdfplumber page, return its chars with the keys line-finding reads, valued as in `page.chars`: the
    chars the table extractor reads of the page too (`extractors.layout.page_objects_unturned`, read once), unless
    the PDF was opened with a Unicode normalisation, which only `page.chars` applies."""
    norm = page.pdf.unicode_norm
    if norm is None:
        return page_objects_unturned(page, keep=True).chars
    height = page.height
    mb_x0, mb_top = page.mediabox[:2]
    chars = []
    for obj in _layout_chars(page.layout._objs):  # noqa: SLF001
        top = (height - obj.y1) + mb_top
        bottom = (height - obj.y0) + mb_top
        x0, x1 = (obj.x0 + mb_x0, obj.x1 + mb_x0) if mb_x0 != 0 else (obj.x0, obj.x1)
        chars.append({"text": unicodedata.normalize(norm, obj.get_text()),
                      "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": page.initial_doctop + top,
                      "upright": obj.upright, "size": obj.size, "width": obj.width, "height": obj.height})
    return chars


def _textmap(page: Page) -> TextMap:
    """Given a pdfplumber page, return the text map `page.extract_text_lines()` reads, parsing the page once."""
    return chars_to_textmap(page_chars(page), layout_bbox=page.bbox, layout_width=page.width,
                            layout_height=page.height)


def text_lines(page: Page) -> list[dict]:
    """Given a pdfplumber page, return `page.extract_text_lines()` (strip, with chars), parsing the page once."""
    return _textmap(page).extract_text_lines(strip=True, return_chars=True)


def line_texts(page: Page) -> list[tuple[str, list[dict]]]:
    """Given a pdfplumber page, return the text and chars of each of `text_lines(page)`, without the line boxes
    pdfplumber also computes (a bounding box over every char of every line) and the first lines never read."""
    textmap = _textmap(page)
    tuples, out = textmap.tuples, []
    for m in STRIPPED_LINE.finditer(textmap.as_string):
        text = m.group(1)
        if not text.strip():
            continue
        chars = [c for _, c in tuples[m.start(1):m.end(1)] if c is not None]
        if not chars:
            objects_to_bbox(chars)  # raises as pdfplumber's own line search does
        out.append((text, chars))
    return out


def first_lines(pdf: pdfplumber.PDF, n_first: int = FIRST_PAGES) -> list[TextLine]:
    """Given an open PDF, return the lines of its first `n_first` pages, in reading order (pages stay parsed)."""
    lines: list[TextLine] = []
    for number, page in enumerate(pdf.pages[:n_first], start=1):
        for text, chars in line_texts(page):
            lines.append(TextLine(text=text, page=number, size=_main_size(chars)))
    return lines


def read_first_lines(pdf_path: Path | str, n_first: int = FIRST_PAGES) -> tuple[int, list[TextLine]]:
    """Given a PDF path, return its page count and the lines of its first `n_first` pages, in reading order."""
    with pdfplumber.open(pdf_path) as pdf:
        return len(pdf.pages), first_lines(pdf, n_first)
