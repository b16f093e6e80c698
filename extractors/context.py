"""Captions and context headings: what a table is called and which proposal or section it belongs to."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.layout import TextLine
from extractors.regions import CAPTION, Region, is_caption, is_unit_line
from normalizers.labels import clean_text, join_lines

# "Forslagets titel: SU1. ..." or a heading that starts with a proposal code ("SU1. ...", "BU/SI01 - ...").
TITLE_PREFIX = re.compile(r"(^|\s)forslagets\s+titel\s*:\s*", re.IGNORECASE)
RESUME_TAIL = re.compile(r"\s+(Resum[ée]\s*:.*|Re-)$", re.IGNORECASE)
CODE_ONLY = re.compile(r"^[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})?\s?\d{1,3}[a-z]?\s*[.:\-–]?$")
CODE_HEADING = re.compile(r"^[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})?\s?\d{1,3}[a-z]?\s*(?:\.|:|-|–)\s*\S")
MAX_HEADING_WORDS = 25
MAX_CAPTION_LINES = 2
CAPTION_GAP_FACTOR = 1.8  # unnumbered caption lines sit at most this many font sizes above the table


@dataclass(frozen=True)
class Heading:
    """A heading in document order: page, y, text, and whether it names a proposal (a code heading)."""

    page: int
    top: float
    text: str
    is_title: bool


def _proposal_title(text: str, following: list[TextLine]) -> str:
    """Given the text after "Forslagets titel:" and the lines below, return the title: continued on the next
    line when it breaks off (a lone code, a hyphen, "Re-" of "Resumé:"), cut before "Resumé:"."""
    if not text and following:  # the title is set on the line below the label
        text, following = clean_text(following[0].text), following[1:]
    if following and (text.endswith("-") or CODE_ONLY.match(text) or (
            not RESUME_TAIL.search(text) and RESUME_TAIL.search(" " + clean_text(following[0].text)))):
        text = clean_text(join_lines([text, following[0].text]))
    text = re.split(r"\s+Resum[ée]\s*:", text, maxsplit=1, flags=re.IGNORECASE)[0]
    return RESUME_TAIL.sub("", text).strip()


def heading_of(line: TextLine, following: list[TextLine] | None = None) -> Heading | None:
    """Given a non-table text line (and the lines below it), return it as a heading when it reads as one: a
    proposal title ("Forslagets titel: ..."), a line opening with a proposal code, or a short bold line."""
    text = clean_text(line.text)
    m = TITLE_PREFIX.search(text)
    if m:
        title = _proposal_title(text[m.end():].strip(), following or [])
        return Heading(0, line.top, title, True) if title else None
    if CODE_HEADING.match(text) and len(text.split()) <= MAX_HEADING_WORDS and (line.bold or line.size >= 11):
        return Heading(0, line.top, text, True)
    if line.bold and len(text.split()) <= MAX_HEADING_WORDS and not is_caption(line):
        return Heading(0, line.top, text, False)
    return None


def caption_above(lines: list[TextLine], region: Region, lookup: int) -> str | None:
    """Given a page's lines and a region, return the caption printed just above it: a numbered caption
    ("Tabel 1. ..."), else the bold title and unit lines directly above ("Oversigt (1.000 kr.)")."""
    above = [ln for ln in lines if ln.bottom <= region.top + 0.5][-lookup:]
    for i in range(len(above) - 1, -1, -1):
        if is_caption(above[i]):
            parts = [above[i].text] + [ln.text for ln in above[i + 1:i + MAX_CAPTION_LINES]
                                        if ln.size <= above[i].size + 0.5 and not ln.segments[1:]]
            return clean_text(join_lines(parts))
    parts: list[TextLine] = []
    below = region.top
    for ln in reversed(above):
        if below - ln.bottom > CAPTION_GAP_FACTOR * ln.size or not (ln.bold or is_unit_line(ln)):
            break
        parts.insert(0, ln)
        below = ln.top
    return clean_text(join_lines([ln.text for ln in parts])) if parts else None


def is_caption_text(text: str | None) -> bool:
    """Given a caption, return whether it is a numbered table caption."""
    return bool(text and CAPTION.match(text))
