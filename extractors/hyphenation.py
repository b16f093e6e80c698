"""Whether a document hyphenates words at line ends, read from its running text.

A word processor or typesetter set to hyphenate breaks long words of its paragraphs at syllables ("forvalt-" /
"ningen"); browsers, and word processors as set by default, break a line only at a space or at a word's own hyphen
("front-" / "end", "log-" / "data"). A reader tells the two apart by the paragraphs: where a line-end hyphen joins
into a word the document prints whole elsewhere, or where paragraph lines often end in a hyphen, the document
hyphenates; where its paragraphs run on for many lines and (almost) never end in one, it does not, and a hyphen
that ends a line is the word's own.
"""
from __future__ import annotations

from extractors.layout import PageLayout, TextLine
from normalizers.labels import LINE_END_HYPHENS, SOFT_HYPHEN, bare_word

MIN_PARAGRAPH_LINES = 20  # fewer lines of running text tell nothing either way
MAX_OWN_BREAK_SHARE = 0.02  # a document that does not hyphenate ends at most this share of its paragraph lines so
PARAGRAPH_LINE_GAP = 1.0  # (font sizes) the most space between two lines of one paragraph


def _paragraph_pairs(page: PageLayout) -> list[tuple[TextLine, TextLine]]:
    """Given a page, return its consecutive lines of running text: one segment each, starting at one left edge,
    set as close as the lines of one paragraph."""
    return [(a, b) for a, b in zip(page.lines, page.lines[1:], strict=False)
            if len(a.segments) == 1 and len(b.segments) == 1 and abs(a.x0 - b.x0) <= a.size
            and 0 <= b.top - a.bottom <= PARAGRAPH_LINE_GAP * max(a.size, b.size)]


def _broken(upper: TextLine, lower: TextLine) -> bool:
    """Given two lines of a paragraph, return whether the upper ends in a hyphen between lowercase letters."""
    last, first = upper.words[-1].text, lower.words[0].text
    return (len(last) > 2 and last[-1] in LINE_END_HYPHENS and last[-2].isalpha() and last[-2].islower()
            and first[:1].isalpha() and first[:1].islower())


def breaks_only_at_own_hyphens(pages: list[PageLayout]) -> bool:
    """Given a document's pages, return whether its running text shows that it never hyphenates words at line
    ends: enough paragraph lines, none ending in a soft hyphen or in a hyphen that joins into a word printed whole
    elsewhere, and hardly any ending in a hyphen at all."""
    pairs = [pair for p in pages for pair in _paragraph_pairs(p)]
    breaks = [(a, b) for a, b in pairs if _broken(a, b)]
    if len(pairs) < MIN_PARAGRAPH_LINES or len(breaks) > MAX_OWN_BREAK_SHARE * len(pairs):
        return False
    if not breaks:
        return True
    # the document's whole words are gathered only for the few breaks left to judge (a hyphenating document, the
    # long one above all, is told by its share of breaks alone)
    whole = {bare_word(w.text) for p in pages for ln in p.lines for w in ln.words
             if w.text[-1:] not in LINE_END_HYPHENS}
    return not any(a.words[-1].text[-1] == SOFT_HYPHEN
                   or bare_word(a.words[-1].text[:-1] + b.words[0].text) in whole for a, b in breaks)
