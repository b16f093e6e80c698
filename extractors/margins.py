"""Running page headers and footers ("Side 14 af 155", dates, organisation names): recognised, then ignored."""
from __future__ import annotations

import re
from collections import Counter

from extractors.layout import PageLayout, TextLine
from extractors.regions import TIGHT_LINE_GAP
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings

MAX_RUNNING_SEGMENTS = 3  # a repeated margin line with more cells than this is a repeated table header, kept
RUNNING_BLOCK_SHARE = 0.25  # a running header/footer block may reach this share of the page's long side ...
MIN_BLOCK_LINES = 2  # a running block has at least this many lines (one line in the body is no block)
POSITION_BUCKET = 2.0  # ... when each of its lines repeats at the same height (within this many points)
_PAGE_NUMBER = re.compile(r"^(side|page|s\.)?\s*\d+\s*((af|of|/)\s*\d+)?$", re.IGNORECASE)


def _shape(line: TextLine) -> str:
    """Given a line, return its text with digits masked, the key under which running lines repeat."""
    return re.sub(r"\d+", "#", line.text.casefold()).strip()


def _in_margin(line: TextLine, page: PageLayout, share: float) -> bool:
    """Given a line, return whether it sits in the page's top or bottom margin band (a share of the page's
    long side, so landscape pages get the same band as portrait ones)."""
    band = share * max(page.height, page.width)
    return line.bottom <= band or line.top >= page.height - band


def strip_running_lines(pages: list[PageLayout], settings: ExtractionSettings = DEFAULT_SETTINGS) -> None:
    """Given all pages of a document, drop the running header/footer lines from each page in place."""
    counts = Counter()
    for p in pages:
        counts.update({_shape(ln) for ln in p.lines if _in_margin(ln, p, settings.margin_share)})
    need = max(2, int(settings.repeat_share * len(pages) + 0.5))
    for p in pages:
        drop = [_in_margin(ln, p, settings.margin_share) and (
                (counts[_shape(ln)] >= need and len(ln.segments) <= MAX_RUNNING_SEGMENTS)
                or bool(_PAGE_NUMBER.match(ln.text.strip()))) for ln in p.lines]
        p.lines = [ln for ln, d in zip(p.lines, _keep_wrapped_heads(p.lines, drop), strict=True) if not d]


def _keep_wrapped_heads(lines: list[TextLine], drop: list[bool]) -> list[bool]:
    """Given a page's lines and which of them read as running lines, return that verdict with the lines of a
    repeated table header kept: a line set as tight as a wrapped line above a kept line of more cells than a running
    line has (a table header repeated at the top of each page, its first cell wrapped: "Initiativ og" over
    "aktivitetsområde | 2021 | 2022 | ..."), or above such a line kept in turn."""
    out = list(drop)
    for i in range(len(lines) - 2, -1, -1):
        line, below = lines[i], lines[i + 1]
        heads = len(below.segments) > MAX_RUNNING_SEGMENTS or drop[i + 1]  # (dropped, then kept here)
        if out[i] and not out[i + 1] and heads and _tight(line, below):
            out[i] = False
    return _keep_head_tails(lines, drop, out)


def _tight(upper: TextLine, lower: TextLine) -> bool:
    """Given two consecutive lines, return whether they are set as tight as the wrapped lines of one cell."""
    return 0 <= lower.top - upper.bottom <= TIGHT_LINE_GAP * max(upper.size, lower.size, 1.0)


def _keep_head_tails(lines: list[TextLine], drop: list[bool], out: list[bool]) -> list[bool]:
    """Given a page's lines, which of them read as running lines and the verdict so far, return it with the
    wrapped lines under a kept repeated table header kept too: a line of a few cells set as tight as a wrapped line
    under a kept line of more cells than a running line has, or under such a line kept in turn (a header repeated
    at the top of each page whose later columns wrap: "SKAL-opgaver" over "hvor der er", "Vurdering af" over
    "potentiale for")."""
    out = list(out)
    for i in range(1, len(lines)):
        above, line = lines[i - 1], lines[i]
        heads = len(above.segments) > MAX_RUNNING_SEGMENTS or (drop[i - 1] and not out[i - 1])
        if out[i] and drop[i] and not out[i - 1] and heads and _tight(above, line):
            out[i] = False
    return out


def _placed(line: TextLine) -> tuple[str, int]:
    """Given a line, return its shape and height on the page: the key of a line of a running block."""
    return _shape(line), round(line.top / POSITION_BUCKET)


def strip_running_blocks(pages: list[PageLayout], settings: ExtractionSettings = DEFAULT_SETTINGS) -> None:
    """Given all pages of a document, drop running header blocks that reach beyond the margin band (a committee
    system's "Udvalg / Referat / Dato: ... / Side N" block): a run of at least `MIN_BLOCK_LINES` single-cell lines
    from the top of a page, each printed at the same height on enough pages, up to the first line that is not.
    (Only at the top: the last lines of fact sheets printed page by page repeat at one height too.)"""
    need = max(2, int(settings.repeat_share * len(pages) + 0.5))
    counts = Counter()
    for p in pages:
        counts.update({_placed(ln) for ln in p.lines})

    def running(ln: TextLine, p: PageLayout) -> bool:
        top_block = ln.bottom <= RUNNING_BLOCK_SHARE * max(p.height, p.width) and len(ln.segments) == 1
        return top_block and (counts[_placed(ln)] >= need or bool(_PAGE_NUMBER.match(ln.text.strip())))

    for p in pages:
        i = 0
        while i < len(p.lines) and running(p.lines[i], p):
            i += 1
        i = _without_table_heads(p.lines, i)
        if i >= MIN_BLOCK_LINES:
            p.lines = p.lines[i:]


def _without_table_heads(lines: list[TextLine], end: int) -> int:
    """Given a page's lines and the end of the run of repeated lines atop it, return the end with the upper lines of
    what follows given back: a line set as tight as a wrapped line above the first line after the run is the top of
    a table header (a bottom-aligned "Dato for" over "godkendelse"), not part of a running block; a table printed at
    the top of several pages repeats its caption and header at one height, and only a committee system's block,
    set apart from the page's body, is running."""
    while 0 < end < len(lines) and _tight(lines[end - 1], lines[end]):
        end -= 1
    return end
