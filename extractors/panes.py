"""Tables printed side by side: ruled tables set next to each other across one band of the page (lists of equal
layout for several topics, a spreadsheet's blocks), each with its own rules, parted by an empty stretch of page.

The page's text lines run across all of them (words sharing a baseline), so a reader of lines sees one wide table
whose rows join unrelated entries. Here such a band is cut into panes, one per stack of rules, each read as a page
of its own; the rest of the page is read as before.
"""
from __future__ import annotations

from dataclasses import replace

from extractors.layout import PageLayout, Rule, TextLine, Word, split_segments
from extractors.regions import (
    INDENT_TOLERANCE,
    MIN_TABLE_LINES,
    Frame,
    Region,
    _stack_rules,
    find_regions,
    is_multi,
    is_value_text,
)
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings

MIN_PANE_RULES = 3  # a pane's stack of rules parts at least two rows
MIN_PANE_GAP = 4.0  # points of empty page between two stacks of rules set side by side
PANE_Y_OVERLAP = 0.5  # stacks side by side overlap in height by at least this share of the shorter one


def _y_overlap(a: Frame, b: Frame) -> bool:
    """Given two stacks of rules, return whether they run alongside each other (share most of the shorter one's
    height)."""
    return min(a.bottom, b.bottom) - max(a.top, b.top) >= PANE_Y_OVERLAP * min(a.bottom - a.top, b.bottom - b.top)


def _line(words: list[Word], vrules: list[Rule], settings: ExtractionSettings) -> TextLine:
    """Given the words of a line's part, return them as a text line of their own, split into segments."""
    ln = TextLine(words)
    split_segments(ln, vrules, settings)
    return ln


def _reads_as_table(lines: list[TextLine]) -> bool:
    """Given a pane's lines, return whether they read as a table with a label column: several lines of cells, most
    of them opening with text (a label), not an amount (a block of amounts ruled apart from its labels is a part
    of one table, not a table beside it)."""
    multi = [ln for ln in lines if is_multi(ln)]
    labelled = [ln for ln in multi if not is_value_text(ln.segments[0].text)]
    return len(multi) >= MIN_TABLE_LINES and 2 * len(labelled) > len(multi)


def _closed_box(f: Frame, vrules: list[Rule]) -> bool:
    """Given a stack of rules and the page's vertical rules, return whether it is a closed box: vertical rules at
    both its ends run from its first rule to its last (a figure's or a text box's frame)."""
    def side(x: float) -> bool:
        return any(abs(r.pos - x) <= INDENT_TOLERANCE and r.start <= f.top + INDENT_TOLERANCE
                   and r.end >= f.bottom - INDENT_TOLERANCE for r in vrules)
    return side(f.x0) and side(f.x1)


def side_by_side(page: PageLayout, settings: ExtractionSettings = DEFAULT_SETTINGS
                 ) -> tuple[list[PageLayout], list[TextLine]] | None:
    """Given a page, return the panes of a band of tables set side by side (each a layout holding the band's text
    and rules over its stack of rules) and the page's lines that the band holds; None when the page has no such
    band.

    A band is two or more stacks of horizontal rules (each parting rows, or a closed box: a figure's frame) that
    run alongside each other, apart by at least MIN_PANE_GAP of empty page, every word of the lines between their
    rules lying over one of them, and at least two of them reading as a table of their own, labels first
    (`_reads_as_table`), or one of them, the others closed boxes (a chart beside a table)."""
    stacks = sorted((f for f in _stack_rules(page.hrules)
                     if len(f.rules) >= MIN_PANE_RULES or (len(f.rules) >= 2 and _closed_box(f, page.vrules))),
                    key=lambda f: f.x0)
    for s in stacks:
        row = [t for t in stacks if _y_overlap(s, t)]
        if len(row) < 2 or any(b.x0 - a.x1 < MIN_PANE_GAP for a, b in zip(row, row[1:], strict=False)):
            continue
        top, bottom = min(f.top for f in row), max(f.bottom for f in row)
        band = [ln for ln in page.lines if top - 0.5 <= (ln.top + ln.bottom) / 2 <= bottom + 0.5]
        cuts = [(a.x1 + b.x0) / 2 for a, b in zip(row, row[1:], strict=False)]
        bounds = list(zip([float("-inf"), *cuts], [*cuts, float("inf")], strict=True))
        if not band or not all(any(f.x0 - INDENT_TOLERANCE <= w.x0 and w.x1 <= f.x1 + INDENT_TOLERANCE for f in row)
                               for ln in band for w in ln.words):
            continue
        panes = []
        for a, b in bounds:
            vrules = [r for r in page.vrules if a < r.pos < b]
            lines = [_line(ws, vrules, settings) for ln in band
                     if (ws := [w for w in ln.words if a < (w.x0 + w.x1) / 2 < b])]
            panes.append(replace(page, lines=lines, vrules=vrules,
                                 hrules=[r for r in page.hrules if a <= r.start and r.end <= b],
                                 shades=[s for s in page.shades if a <= s[0] and s[2] <= b],
                                 joints=[j for j in page.joints if a < j.x < b]))
        tables = [_reads_as_table(p.lines) for p in panes]
        if sum(tables) >= 2 or (any(tables) and all(t or _closed_box(f, page.vrules) for t, f in zip(tables, row,
                                                                                                   strict=True))):
            return panes, band
    return None


def page_regions(page: PageLayout, settings: ExtractionSettings = DEFAULT_SETTINGS, open_top: bool = False
                 ) -> tuple[list[Region], set[int]]:
    """Given a page, return its table regions (`find_regions`) in reading order and the ids of the page's lines read
    in panes of tables set side by side (`side_by_side`): the regions above such a band, the panes' regions left
    to right, then the regions below it."""
    split = side_by_side(page, settings)
    if split is None:
        return find_regions(page, settings, open_top=open_top), set()
    panes, band = split
    ids = {id(ln) for ln in band}
    rest = find_regions(replace(page, lines=[ln for ln in page.lines if id(ln) not in ids]), settings,
                        open_top=open_top)
    top = band[0].top
    inner = [r for p in panes for r in find_regions(p, settings)]
    return [r for r in rest if r.top < top] + inner + [r for r in rest if r.top >= top], ids
