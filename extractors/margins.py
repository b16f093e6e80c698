"""Running page headers and footers ("Side 14 af 155", dates, organisation names): recognised, then ignored."""
from __future__ import annotations

import re
from collections import Counter

from extractors.layout import PageLayout, TextLine
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings

MAX_RUNNING_SEGMENTS = 3  # a repeated margin line with more cells than this is a repeated table header, kept
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
        p.lines = [ln for ln in p.lines if not (
            _in_margin(ln, p, settings.margin_share) and (
                (counts[_shape(ln)] >= need and len(ln.segments) <= MAX_RUNNING_SEGMENTS)
                or _PAGE_NUMBER.match(ln.text.strip())))]
