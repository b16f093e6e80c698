"""Captions and context headings: what a table is called and which proposal or section it belongs to."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.layout import TextLine
from extractors.regions import CAPTION, Region, is_caption, is_unit_line, plain_title
from normalizers.labels import clean_text, join_lines

# "Forslagets titel: SU1. ..." or a heading that starts with a proposal code ("SU1. ...", "BU/SI01 - ...").
TITLE_PREFIX = re.compile(r"(^|\s)forslagets\s+titel\s*:\s*", re.IGNORECASE)
LABEL_BROKEN = re.compile(r"(^|\s)forslagets$", re.IGNORECASE)  # the label broken after its first word
TITLE_LABEL_TAIL = re.compile(r"^titel\s*:\s*", re.IGNORECASE)
RESUME_TAIL = re.compile(r"\s+(Resum[ée]\s*:.*|Re-)$", re.IGNORECASE)
CODE_ONLY = re.compile(r"^[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})?\s?\d{1,3}[a-z]?\s*[.:\-–]?$")
CODE_HEADING = re.compile(r"^[A-ZÆØÅ]{1,5}(?:/[A-ZÆØÅ]{1,5})?\s?\d{1,3}[a-z]?\s*(?:\.|:|-|–)\s*\S")
MAX_HEADING_WORDS = 25
MAX_TITLE_LINES = 3  # a proposal title wraps over at most this many lines
TITLE_LINE_GAP = 0.6  # a title's next line sits at most this many font sizes below the line above it
SIZE_TOLERANCE = 0.5  # points: lines of one title are set in one size
# What ends a proposal title: its résumé ("Resumé:", "Kort resumé:"), a bracketed remark ("[Se under ...]",
# "[Forslaget er fortsat under udarbejdelse ...]") or the proposal type heading set after it.
TITLE_END = re.compile(r"\s*(?:\b(?:kort\s+)?resum[ée]\s*:.*|\[.*|\b(?:INVESTERINGS|INNOVATIONS|EFFEKTIVISERINGS)"
                       r"(?:FORSLAG|-)\b.*)$", re.IGNORECASE | re.DOTALL)
TITLE_STOP_LINE = re.compile(r"^(?:(?:kort\s+)?resum[ée]\b|\[|(?:INVESTERINGS|INNOVATIONS|EFFEKTIVISERINGS)FORSLAG\b)",
                             re.IGNORECASE)
NUMBERED_HEADING = re.compile(r"^\d+(?:\.\d+)*\.?\s+\S")  # "1. Baggrund og formål"
# A labelled field line: "Fremstillende forvaltning:" (value on the line or the next), at most a few words.
FIELD_LABEL = re.compile(r"^([A-ZÆØÅ][\w\-/ ]{1,40}?)\s*:\s*(.*)$")
MAX_FIELD_LABEL_WORDS = 4
MAX_FIELD_VALUE_WORDS = 8
MAX_CAPTION_LINES = 2
CAPTION_GAP_FACTOR = 1.8  # unnumbered caption lines sit at most this many font sizes above the table
# A bold title set apart above the table (space after the title, the cells' padding) sits at most this many font
# sizes above it, and nearer to it than to the line above the title (`_title_with_gap`).
SPACED_TITLE_GAP_FACTOR = 3.5


@dataclass(frozen=True)
class Heading:
    """A heading in document order: page, y, text, and whether it names a proposal (a code heading)."""

    page: int
    top: float
    text: str
    is_title: bool


@dataclass(frozen=True)
class Field:
    """A labelled field printed outside the tables ("Fremstillende forvaltning: Socialforvaltningen")."""

    page: int
    top: float
    label: str
    value: str


def _continues(line: TextLine, below: TextLine, across: bool = False) -> bool:
    """Given a title line and the line below it, return whether the title runs on there: the same size, set
    tight below it (no paragraph gap; `across`: the line below opens the next page, the page break between them),
    and not a résumé, remark or proposal-type line."""
    return (abs(below.size - line.size) <= SIZE_TOLERANCE
            and (across or below.top - line.bottom <= TITLE_LINE_GAP * line.size)
            and not TITLE_STOP_LINE.match(clean_text(below.text)))


def _below(following: list[TextLine], carried: list[TextLine]) -> list[tuple[TextLine, bool]]:
    """Given the lines below a heading on its page and the lines opening the next page (when those below run to
    the page's foot), return them in reading order, each with whether the page break comes right before it."""
    return [(b, False) for b in following] + [(b, i == 0) for i, b in enumerate(carried)]


def _proposal_title(line: TextLine, text: str, following: list[TextLine], carried: list[TextLine] | None = None
                    ) -> str:
    """Given the line of "Forslagets titel:", the text after the label, the lines below and the lines opening the
    next page (`heading_of`), return the whole title: run on over the lines set tight below it (a title that
    wraps, a lone code, "Re-" of "Resumé:"), cut before its résumé, a bracketed remark or the proposal type."""
    lines = [text] if text else []
    above = line
    for below, across in _below(following, carried or []):
        if len(lines) >= MAX_TITLE_LINES:
            break
        broken_resume = bool(lines) and lines[-1].endswith(" Re-")  # "Re-" / "sumé:" below
        if lines and not broken_resume and (TITLE_END.search(" ".join(lines))
                                            or not _continues(above, below, across)):
            break
        lines.append(clean_text(below.text))
        above = below
    text = TITLE_END.sub("", clean_text(join_lines(lines)))
    return RESUME_TAIL.sub("", text).strip(" -–")


def _code_heading(line: TextLine, text: str, following: list[TextLine], carried: list[TextLine] | None = None
                  ) -> str:
    """Given a heading line that opens with a proposal code, the lines below and the lines opening the next page
    (`heading_of`), return the whole heading: run on over the lines set tight below it in the same face (a wrapped
    title, also over a page break), never into another heading."""
    lines, above = [text], line
    for below, across in _below(following, carried or []):
        nxt = clean_text(below.text)
        if (len(lines) >= MAX_TITLE_LINES or below.bold != line.bold or not _continues(above, below, across)
                or CODE_HEADING.match(nxt) or NUMBERED_HEADING.match(nxt) or TITLE_PREFIX.search(nxt)):
            break
        lines.append(nxt)
        above = below
    return TITLE_END.sub("", clean_text(join_lines(lines))).strip(" -–") or text


def field_of(line: TextLine, following: list[TextLine]) -> Field | None:
    """Given a non-table text line and the lines below it, return it as a labelled field when it reads as one:
    a short label ending in ":" with a short value after it on the line, or alone on the next line."""
    m = FIELD_LABEL.match(clean_text(line.text))
    if not m or len(m.group(1).split()) > MAX_FIELD_LABEL_WORDS:
        return None
    value = m.group(2).strip()
    if not value and following and ":" not in following[0].text and following[0].top - line.bottom <= line.size * 2:
        value = clean_text(following[0].text)
    if not value or len(value.split()) > MAX_FIELD_VALUE_WORDS or value.endswith(("-", ",")):
        return None  # prose that happens to open with "Word:" runs on
    return Field(0, line.top, m.group(1).strip(), value)


def heading_of(line: TextLine, following: list[TextLine] | None = None, carried: list[TextLine] | None = None
               ) -> Heading | None:
    """Given a non-table text line (and the lines below it), return it as a heading when it reads as one: a
    proposal title ("Forslagets titel: ..."), a line opening with a proposal code, or a short bold line.
    `carried`: when the lines below run to the foot of the page, the first lines of the next page, where a title
    the page break cut goes on ("UD13. Styrket indsats ... mellemkommunal" / "refusion")."""
    text = clean_text(line.text)
    if following and LABEL_BROKEN.search(text) and (m := TITLE_LABEL_TAIL.match(clean_text(following[0].text))):
        title = _proposal_title(following[0], clean_text(following[0].text)[m.end():].strip(), following[1:])
        return Heading(0, following[0].top, title, True) if title else None  # "Forslagets" / "titel: ..."
    m = TITLE_PREFIX.search(text)
    if m:
        title = _proposal_title(line, text[m.end():].strip(), following or [], carried)
        return Heading(0, line.top, title, True) if title else None
    if CODE_HEADING.match(text) and len(text.split()) <= MAX_HEADING_WORDS and (line.bold or line.size >= 11):
        return Heading(0, line.top, _code_heading(line, text, following or [], carried), True)
    if line.bold and len(text.split()) <= MAX_HEADING_WORDS and not is_caption(line):
        return Heading(0, line.top, text, False)
    return None


def _top_edge(region: Region) -> float:
    """Given a region, return where the table's box starts: the rule over its first line when one spans it (a
    table ruled at its top sets its padding under the rule), else the first line's top."""
    first = region.lines[0]
    return min((r.pos for r in region.page.hrules
                if first.top - first.size <= r.pos <= first.top + 0.5 and r.start <= region.x0 + first.size
                and r.end >= region.x1 - first.size), default=region.top)


def caption_above(lines: list[TextLine], region: Region, lookup: int) -> str | None:
    """Given a page's lines and a region, return the caption printed just above it: a numbered caption
    ("Tabel 1. ..."), else the bold title and unit lines directly above ("Oversigt (1.000 kr.)"), or a plain title
    at the margin right above it (`plain_title`)."""
    above = [ln for ln in lines if ln.bottom <= region.top + 0.5][-lookup:]
    for i in range(len(above) - 1, -1, -1):
        if is_caption(above[i]):
            parts = [above[i].text] + [ln.text for ln in above[i + 1:i + MAX_CAPTION_LINES]
                                        if ln.size <= above[i].size + 0.5 and not ln.segments[1:]]
            return clean_text(join_lines(parts))
    parts: list[TextLine] = []
    below = _top_edge(region)
    for ln in reversed(above):
        if below - ln.bottom > CAPTION_GAP_FACTOR * ln.size:
            if parts or not _title_with_gap(lines, ln, below):
                break
        elif not (ln.bold or is_unit_line(ln) or (not parts and plain_title(ln, region))):
            break
        parts.insert(0, ln)
        below = ln.top
    return clean_text(join_lines([ln.text for ln in parts])) if parts else None


def _title_with_gap(lines: list[TextLine], title: TextLine, below: float) -> bool:
    """Given a page's lines, the line right above a table and where the table starts, return whether that line is
    the table's title set apart from it (space after the title, the cells' padding): one run of words set bold, at
    most `SPACED_TITLE_GAP_FACTOR` font sizes above the table and nearer to it than to the line above the title (a
    heading over the text between, or over the space before the next section, is set nearer to what it heads)."""
    gap = below - title.bottom
    if title.segments[1:] or not title.bold or gap > SPACED_TITLE_GAP_FACTOR * title.size:
        return False
    before = [ln.bottom for ln in lines if ln.bottom <= title.top + 0.5 and ln is not title]
    return not before or title.top - max(before) > gap


def caption_at_foot(lines: list[TextLine]) -> str | None:
    """Given the lines a page prints below its last table (or all its lines when it has none), return the numbered
    caption that ends the page ("Tabel 3. Serviceinvesteringer i forslaget", maybe wrapped or followed by a unit
    line), or None: a caption the page break parted from its table, which opens the next page."""
    tail = lines[-MAX_CAPTION_LINES:]
    for i, ln in enumerate(tail):
        if is_caption(ln) and all(not below.segments[1:] and below.size <= ln.size + SIZE_TOLERANCE
                                  for below in tail[i + 1:]):
            return clean_text(join_lines([below.text for below in tail[i:]]))
    return None


def is_caption_text(text: str | None) -> bool:
    """Given a caption, return whether it is a numbered table caption."""
    return bool(text and CAPTION.match(text))
