"""How the labels of a table without rules wrap: which label line goes on in the next one, which stops short of
the column's width (so the next line is a row of its own), whether rows set their values on the last line of a
wrapped label (bottom-aligned), which label lines a vertically centred value line is the middle of, and whether
a text table's cells are set centred on their labels."""
from __future__ import annotations

from dataclasses import dataclass

from extractors.layout import is_number_token
from extractors.linecells import DASHES, LineCells, cell_text, label_text, open_end, starts_lower

SPACE_SHARE = 0.3  # a word space is about this share of the font size
FIT_MARGIN = 0.5  # a word fits on a line when it ends at least this far inside the column's width
CENTRE_TOLERANCE = 1.0  # a centred value line's middle and its label lines' middle agree this closely (pt) ...
CENTRE_SHARE = 0.15  # ... or within this share of the font size
SPACING_TOLERANCE = 0.5  # the gaps between the lines of one cell agree this closely (pt)


@dataclass(frozen=True)
class Wrapping:
    """What a region's lines tell about its rows as a whole: the width its labels are set in (None: unknown) and
    whether rows set their cells bottom-aligned, or evidently top-aligned (`top_aligned`)."""

    width: float | None = None
    bottom: bool = False
    top: bool = False


def label_width(lcs: list[LineCells], label_col: int, right: float) -> float | None:
    """Given a region's distributed lines, the label column and the x where that column ends, return the width
    the column's labels are set in: the widest label cell lying inside the column (a label line spanning into
    the next column is left out), or the room the column leaves its lines before a text column set flush left
    after it when that is wider (`room_before_next`: short labels in a wide column wrap at its width, not at the
    widest of them). None when no label lies inside it."""
    widths = [ws[-1].x1 - ws[0].x0 for lc in lcs if (ws := lc.cells.get(label_col)) and ws[-1].x1 <= right + 0.5]
    if not widths:
        return None
    return max(max(widths), room_before_next(lcs, label_col) or 0.0)


FLUSH_CELLS_MIN = 3  # cells starting at one x that make a column set flush left
FLUSH_TOLERANCE = 1.5  # cell starts this close are flush
SHORT_GUTTERS = 2.0  # a column's lines that all end more than this many gutters before the next column stop short


def _gutter(lcs: list[LineCells]) -> float | None:
    """Given a region's distributed lines, return the narrowest gap between two neighbouring cells of one line:
    the space a table leaves at least between its columns' texts (both cells' padding). None when no line holds
    two cells."""
    gaps = []
    for lc in lcs:
        cells = [lc.cells[c] for c in sorted(lc.cells)]
        gaps += [b[0].x0 - a[-1].x1 for a, b in zip(cells, cells[1:], strict=False) if b[0].x0 > a[-1].x1]
    return min(gaps, default=None)


def room_before_next(lcs: list[LineCells], col: int) -> float | None:
    """Given a region's distributed lines and a column, return how wide the column's lines may run when the column
    after it is a text column set flush left (most of its cells start at its left edge, and most of those, at
    least `FLUSH_CELLS_MIN`, with a word that is no number: a heading year may start one): from the column's
    leftmost text to that edge, less the table's narrowest gap between two cells of a line (`_gutter`). A line of
    the column wraps only there, however short its labels are. None when the next column is no such column, or
    when the column's lines run up to it (the widest ends within `SHORT_GUTTERS` gutters of it): lines that fill
    their column wrap at the widest of them, which is then the closer measure."""
    starts = [lc.cells[col + 1][0] for lc in lcs if col + 1 in lc.cells]
    lefts = [lc.cells[col][0].x0 for lc in lcs if col in lc.cells]
    gutter = _gutter(lcs)
    if not starts or not lefts or gutter is None:
        return None
    edge = min(w.x0 for w in starts)
    flush = [w for w in starts if w.x0 - edge <= FLUSH_TOLERANCE]
    text = [w for w in flush if not is_number_token(w.text)]
    if len(text) < FLUSH_CELLS_MIN or 2 * len(flush) < len(starts) or 2 * len(text) <= len(flush):
        return None
    ends = [lc.cells[col][-1].x1 for lc in lcs if col in lc.cells and lc.cells[col][-1].x1 < edge]
    if not ends or edge - max(ends) <= SHORT_GUTTERS * gutter:
        return None  # the column's lines run up to the next column: they wrap at the widest of them
    if _wraps_evidently(lcs, col):
        return None  # its cells wrap where a line goes on into the next: the widest line shows where they wrap
    return edge - min(lefts) - gutter


def _wraps_evidently(lcs: list[LineCells], col: int) -> bool:
    """Given a region's distributed lines and a column, return whether one of the column's lines evidently goes on
    into the column's next line (`wraps_onto`: an open end, or the next line starting in lowercase)."""
    texts = [label_text(lc, col) for lc in lcs if col in lc.cells]
    return any(wraps_onto(a, b) for a, b in zip(texts, texts[1:], strict=False))


def wraps_onto(upper: str, lower: str) -> bool:
    """Given two consecutive label lines, return whether the label evidently goes on from the first into the
    second (an open end such as a hyphen or "og", or a second line starting lowercase)."""
    return open_end(upper) or starts_lower(lower)


def ends_short(upper: LineCells, lower: LineCells, label_col: int, width: float | None) -> bool:
    """Given a label line, the next label line and the width the labels are set in, return whether the first
    label ends there rather than wrapping into the second: it has no open end, the second starts like a label of
    its own, and the second's first word would have fitted on the first line (no wrapping broke it off), e.g. a
    section row "INVESTERINGSFORSLAG" above "SU1. Styrkelse af ..."."""
    if width is None or label_col not in upper.cells or label_col not in lower.cells:
        return False
    up, low = label_text(upper, label_col), label_text(lower, label_col)
    if wraps_onto(up, low):
        return False
    ws, first = upper.cells[label_col], lower.cells[label_col][0]
    used = ws[-1].x1 - ws[0].x0 + SPACE_SHARE * upper.line.size + (first.x1 - first.x0)
    return used <= width - FIT_MARGIN


def bottom_aligned(lcs: list[LineCells], label_col: int, anchors: set[int]) -> bool:
    """Given a region's distributed lines, the label column and the indices of the lines carrying a row's values,
    return whether rows set their cells bottom-aligned: some value line ends a label wrapped from the line above
    it, and none starts a label that wraps onto the line below it."""
    above, below = _wrapped_at_values(lcs, label_col, anchors)
    return above > 0 and below == 0


def top_aligned(lcs: list[LineCells], label_col: int, anchors: set[int]) -> bool:
    """Given a region's distributed lines, the label column and the indices of the lines carrying a row's values,
    return whether rows set their cells top-aligned: some value line starts a label that wraps onto the line below
    it, and none ends a label wrapped from the line above it (a value centred beside a label of three lines does
    both)."""
    above, below = _wrapped_at_values(lcs, label_col, anchors)
    return below > 0 and above == 0


def _wrapped_at_values(lcs: list[LineCells], label_col: int, anchors: set[int]) -> tuple[int, int]:
    """Given a region's distributed lines, the label column and the indices of its value lines, return how many
    value lines end a label wrapped from the line above and how many start a label wrapping onto the line below.
    A text cell of another column tells the same as the label ("3220 – Borgere med" / "handicap" beside a label
    whose second line starts with a capital, "... i Borgercenter" / "Handicap")."""
    above = below = 0
    for a in sorted(anchors):
        if label_col not in lcs[a].cells:
            continue
        if a and a - 1 not in anchors and _goes_on(lcs[a - 1], lcs[a], label_col):
            above += 1
        if a + 1 < len(lcs) and a + 1 not in anchors and _goes_on(lcs[a], lcs[a + 1], label_col):
            below += 1
    return above, below


def _goes_on(upper: LineCells, lower: LineCells, label_col: int) -> bool:
    """Given two consecutive lines and the label column, return whether a cell of the upper evidently goes on in the
    lower (`wraps_onto`): the label, or a text cell of another column (no number ending the upper line nor starting
    the lower). A spaced dash ending a line of words ("3000 –" / "Børnefamilier med") is the text's open end, not a
    nil: a cell set in the middle of its row goes on into the value line from there as well as out of it."""
    def text(lc: LineCells, c: int) -> str:
        return cell_text(lc.cells[c])

    def ends_in_number(words: list[str]) -> bool:
        return is_number_token(words[-1]) and not (len(words) > 1 and words[-1] in DASHES)

    return any(c in upper.cells and (c == label_col or not (ends_in_number(text(upper, c).split())
                                                            or is_number_token(text(lower, c).split()[0])))
               and wraps_onto(text(upper, c), text(lower, c)) for c in lower.cells)


def centred_overhang(block: list[LineCells], anchor: int, members: list[int], label_col: int) -> list[int]:
    """Given a block, a value line without a label set between the lines of a wrapped label (vertically
    centred), and the lines grouped with it, return the top label lines that lie outside the label it is the
    middle of: when the label lines above and below it are not centred on it, but are once the first few are
    left out (a section row set right above the wrapped label), those first few; else []."""
    v = block[anchor].line
    mid = (v.top + v.bottom) / 2
    tol = max(CENTRE_TOLERANCE, CENTRE_SHARE * v.size)
    labels = sorted(i for i in members if i != anchor and label_col in block[i].cells)
    above = [i for i in labels if i < anchor]
    if not above or not any(i > anchor for i in labels):
        return []
    bottom = max(block[i].line.bottom for i in labels)

    def off(first: int) -> float:
        return abs((block[first].line.top + bottom) / 2 - mid)

    if off(labels[0]) <= tol:
        return []
    for k in range(1, len(above)):
        if off(above[k]) <= tol and not wraps_onto(label_text(block[above[k - 1]], label_col),
                                                  label_text(block[above[k]], label_col)):
            return above[:k]
    return []


def _centred_run(block: list[LineCells], line: int, anchor: int, col: int, bound: int, gap_share: float) -> bool:
    """Given a block, a line, a value line, a column of the line, the index past which no line is taken (the next
    or previous value line) and the widest gap between wrapped lines (share of the font size), return whether the
    column's lines from this one on towards the value line and past it, each as tight to the one before as a
    wrapped line and all at one spacing (the padding between two rows makes a gap a little wider), are at some
    point centred on the value line."""
    v = block[anchor].line
    mid = (v.top + v.bottom) / 2
    tol = max(CENTRE_TOLERANCE, CENTRE_SHARE * v.size)
    step = 1 if anchor > line else -1
    top, bottom = block[line].line.top, block[line].line.bottom
    first: float | None = None  # the gap between the first two lines: a cell's lines are set at one spacing
    for j in range(line + step, bound + step, step):
        centre = (top + bottom) / 2
        if abs(centre - mid) <= tol and bottom > v.bottom and top < v.top:
            return True
        if step * (centre - mid) > tol:  # past the middle already: taking more lines moves it further away
            return False
        if j == bound or col not in block[j].cells:
            continue
        ln = block[j].line
        gap = ln.top - bottom if step > 0 else top - ln.bottom
        first = gap if first is None else first
        if gap > gap_share * max(ln.size, 1.0) or abs(gap - first) > SPACING_TOLERANCE:
            return False
        top, bottom = min(top, ln.top), max(bottom, ln.bottom)
    return False


def centred_on_value_line(block: list[LineCells], line: int, anchor: int, anchors: list[int], gap_share: float
                          ) -> bool:
    """Given a block, a line without a label, a value line `anchor` (the block's value lines: `anchors`) and the
    widest gap, as a share of the font size, between two wrapped lines of one cell, return whether each of the
    line's cells belongs to a cell set vertically centred on the value line: the lines of that column from this
    one on towards the value line and past it (each as tight to the one before as a wrapped line, none past the
    value line after it) are centred on it, e.g. a remark of two or three lines beside a one-line row. A line of
    another row never shares that middle, as rows do not overlap; a line that closes a cell centred on the value
    line above it is that row's, however the lines below it fall."""
    lc = block[line]
    if not lc.cells:
        return False
    if anchor > line:
        before = max((a for a in anchors if a < line), default=None)
        if before is not None and centred_on_value_line(block, line, before, anchors, gap_share):
            return False
        bound = min((a for a in anchors if a > anchor), default=len(block))
    else:
        bound = max((a for a in anchors if a < anchor), default=-1)
    return all(_centred_run(block, line, anchor, c, bound, gap_share) for c in lc.cells)


def label_centred_on(block: list[LineCells], line: int, anchor: int, anchors: list[int], label_col: int,
                     gap_share: float) -> bool:
    """Given a block, a label line above a value line `anchor` that has a label line of its own (the block's
    value lines: `anchors`), the label column and the widest gap between two wrapped lines (share of the font size),
    return whether the label lines from this one on down to the value line's or past it, each as tight under the one
    before as one cell's lines (`gap_share`) and those under the value line going on from the line above them
    (`wraps_onto`), are centred on it: the first line of a label whose row sets its
    values to its middle ("Spor 1:" / "Videnopbygning ift. | 800 ..." / "fremtidigt behov"), whatever word starts
    the value line's label."""
    if not line < anchor or label_col not in block[anchor].cells:
        return False
    bound = min((a for a in anchors if a > anchor), default=len(block))
    v = block[anchor].line
    mid, tol = (v.top + v.bottom) / 2, max(CENTRE_TOLERANCE, CENTRE_SHARE * v.size)
    top, bottom = block[line].line.top, block[line].line.bottom
    last = line  # the label line above the next one looked at
    for j in range(line + 1, bound):
        if label_col not in block[j].cells:
            continue
        ln = block[j].line
        if not 0 <= ln.top - bottom <= gap_share * max(ln.size, 1.0) or (
                j > anchor and not wraps_onto(label_text(block[last], label_col), label_text(block[j], label_col))):
            return False  # (under the value line, only the label's own wrapped lines: not the next row's first)
        bottom, last = ln.bottom, j
        if j >= anchor and abs((top + bottom) / 2 - mid) <= tol:
            return True
    return False


def centred_spans(cells: dict[int, list[tuple[float, float]]], label_col: int) -> bool:
    """Given a text table's cells per column as vertical extents (top, bottom) and the label column, return
    whether its cells are set vertically centred on their row: every cell of another column beside a label shares
    that label's middle, and some such cell reaches above its label by more than half a line (a cell of several lines
    beside a one-line label, in rows set as tight as wrapped lines: its first lines sit beside nothing, closer to
    the row above than a row's padding, so only their middle tells whose they are)."""
    line = min((b - t for spans in cells.values() for t, b in spans), default=0.0)  # a one-line cell's height
    tol = max(CENTRE_TOLERANCE, CENTRE_SHARE * line)
    above = False
    for top, bottom in cells.get(label_col, []):
        for c, spans in cells.items():
            for t, b in spans:
                if c == label_col or b <= top or t >= bottom:
                    continue
                if abs((t + b) / 2 - (top + bottom) / 2) > tol:
                    return False
                above = above or t < top - line / 2
    return above


NO_WRAPPING = Wrapping()  # nothing known: no width to measure against, cells top-aligned
