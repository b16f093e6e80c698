"""Build a table grid from a region: columns from rulings or whitespace, rows from rules or line blocks,
header rows joined into logical column headers, cells joined into the text a reader reads."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz.fuzz import ratio

from extractors.broken_words import mend_broken_words
from extractors.layout import PageLayout, Segment, TextLine, Word, is_number_token, mostly_bold
from extractors.linecells import DASHES, LineCells, cell_text, label_text, open_end, starts_lower
from extractors.model import Cell, Row, Table
from extractors.regions import (
    HEADER_LINE_GAP_FACTOR,
    MARK,
    TIGHT_LINE_GAP,
    YEAR_TOKEN,
    Region,
    cut_at_foot,
    nothing_above,
)
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings
from extractors.wraps import (
    CENTRE_SHARE,
    CENTRE_TOLERANCE,
    FIT_MARGIN,
    NO_WRAPPING,
    Wrapping,
    bottom_aligned,
    centred_on_value_line,
    centred_overhang,
    centred_spans,
    ends_short,
    label_centred_on,
    label_width,
    room_before_next,
    top_aligned,
    wraps_onto,
)
from normalizers.labels import LINE_END_HYPHENS, clean_text, join_lines, normalize_key
from normalizers.numbers import number_text, parse_danish

MIN_COLUMN_GAP = 1.0  # an empty x band at least this wide separates two columns
SPANNING_SHARE = 0.55  # a lone segment wider than this share of the region spans columns (group label, note)
VRULE_HEIGHT_SHARE = 0.5  # a vertical rule separates columns when it spans this share of the region height
COVERAGE_STEP = 0.5
MIN_VALUE_LINES = 3  # value lines needed before their spacing may add column separators
SEPARATOR_MATCH = 3.0  # separators closer than this are the same
ALIGN_TOLERANCE = 1.5  # cell edges this close line up
LABEL_INDENTS = 3  # a label column indents its rows at most this many ways (levels of a hierarchy)
NUMERIC_KINDS = ("number", "nil")


def _segments_for_columns(region: Region) -> list[Segment]:
    """Given a region, return the segments that define its columns. Lone segments that span columns are out: wide
    ones, and those starting in the first column that run over a whole gutter the lines of several cells leave
    free (a section row "Milepæle for implementering og anvendelse af investeringsmidler" in a text table whose
    first column is narrow)."""
    width = max(region.x1 - region.x0, 1.0)
    multi = [sg for ln in region.lines if len(ln.segments) >= 2 for sg in ln.segments]
    n_multi = sum(len(ln.segments) >= 2 for ln in region.lines)
    gutters = _free_bands(multi, region.x0 - 1, region.x1 + 1) if n_multi >= MIN_VALUE_LINES else []
    left = min((sg.x0 for sg in multi), default=region.x0)
    out = []
    for ln in region.lines:
        if len(ln.segments) == 1 and ((ln.x1 - ln.x0) > SPANNING_SHARE * width or (
                ln.x0 <= left + ALIGN_TOLERANCE and any(_runs_over(ln, a, b) for a, b in gutters))):
            continue
        out.extend(ln.segments)
    return out


def _runs_over(line: TextLine, a: float, b: float) -> bool:
    """Given a one-segment line and a gutter (a, b), return whether the line's text runs over the whole gutter,
    its words there no further apart than a word space (two cells set close are not one run of text)."""
    if not (line.x0 <= a and line.x1 >= b):
        return False
    words = line.words
    return all(nxt.x0 - w.x1 <= WIDE_SPACE_SHARE * max(line.size, 1.0)
               for w, nxt in zip(words, words[1:], strict=False) if nxt.x0 > a and w.x1 < b)


def _ruled_separators(region: Region) -> list[float]:
    """Given a region, return x positions of vertical rules that run through most of it (inner ones only: a
    rule with no word of the region on one side is the table's border, however wide the region's frame is)."""
    height = max(region.bottom - region.top, 1.0)
    words = [w for ln in region.lines for w in ln.words]
    xs = []
    for r in region.page.vrules:
        overlap = min(r.end, region.bottom) - max(r.start, region.top)
        if (overlap >= VRULE_HEIGHT_SHARE * height and region.x0 + 2 < r.pos < region.x1 - 2
                and any(w.x1 <= r.pos + 1 for w in words) and any(w.x0 >= r.pos - 1 for w in words)):
            xs.append(r.pos)
    xs.sort()
    return [x for i, x in enumerate(xs) if i == 0 or x - xs[i - 1] > 2]


def _joint_separators(region: Region) -> list[float]:
    """Given a region, return the column boundaries that per-cell rules and shading mark inside it (where two
    cells' pieces of one rule or band meet), one x per boundary."""
    xs = sorted(j.x for j in region.page.joints if region.top - 3 <= j.bottom and j.top <= region.bottom + 3
                and region.x0 + 2 < j.x < region.x1 - 2)
    out: list[float] = []
    for x in xs:
        if out and x - out[-1] <= SEPARATOR_MATCH:
            continue
        out.append(x)
    return out


def _free_bands(segments: list[Segment], x0: float, x1: float) -> list[tuple[float, float]]:
    """Given segments, return the x bands (start, end) between the first and last covered x that no segment
    covers and that are at least `MIN_COLUMN_GAP` wide."""
    n = int((x1 - x0) / COVERAGE_STEP) + 2
    cover = [0] * n
    for s in segments:
        a = max(0, int((s.x0 - x0) / COVERAGE_STEP))
        b = min(n - 1, int((s.x1 - x0) / COVERAGE_STEP) + 1)
        for i in range(a, b):
            cover[i] += 1
    bands = []
    first = next((k for k, c in enumerate(cover) if c), n)
    last = max((k for k, c in enumerate(cover) if c), default=0)
    i = first
    while i <= last:
        if cover[i] == 0:
            j = i
            while j <= last and cover[j] == 0:
                j += 1
            if (j - i) * COVERAGE_STEP >= MIN_COLUMN_GAP:
                bands.append((x0 + i * COVERAGE_STEP, x0 + j * COVERAGE_STEP))
            i = j
        else:
            i += 1
    return bands


def _clear_part(a: float, b: float, words: list[Word]) -> tuple[float, float] | None:
    """Given an x band and words, return the widest part of the band that no word crosses (at least
    `MIN_COLUMN_GAP` wide), or None."""
    edges = sorted((max(a, w.x0), min(b, w.x1)) for w in words if w.x0 < b and w.x1 > a)
    best, x = None, a
    for lo, hi in [*edges, (b, b)]:
        if lo - x >= MIN_COLUMN_GAP and (best is None or lo - x > best[1] - best[0]):
            best = (x, lo)
        x = max(x, hi)
    return best


def _unspanned(lines: list[TextLine], a: float, b: float, top: float) -> list[Word]:
    """Given a region's lines, a gutter (a, b) its value lines leave free and the top of its first value line,
    return the lines' words but those of a head above the line of column heads over the values whose run of words
    goes over the whole gutter or is centred in it (a group head centred over several columns: "Overslagsår" over
    the years after the budget year, "1.000 kr." over all of them; no column's own head is centred between two
    columns, but its head may cover a gap inside its own amounts: "-2. 750")."""
    heads = [ln for ln in lines if ln.bottom <= top and len(ln.segments) >= 2]  # lines of column heads
    top = heads[-1].top if heads else top  # group heads are set over the (last) line of column heads
    return [w for ln in lines for sg in ln.segments for w in sg.words
            if not (ln.bottom <= top and (sg.x0 <= a and sg.x1 >= b or a <= (sg.x0 + sg.x1) / 2 <= b))]


def _clear_middle(a: float, b: float, lines: list[TextLine]) -> float:
    """Given a free band between columns and the region's lines, return the middle of the band's widest part that
    no word of a line ending or starting in it crosses (`_clear_part`: a long label line, left out of the columns'
    segments as spanning, may run into the gutter with its last words, which a separator at the band's middle would
    cut off into a column of their own), or the band's middle when there is none. Lines set across the whole band
    (a section row spanning the columns) do not count: they run over every gutter."""
    words = [w for ln in lines if not (ln.x0 <= a and ln.x1 >= b) for w in ln.words]
    part = _clear_part(a, b, words) or (a, b)
    return (part[0] + part[1]) / 2


def column_separators(region: Region) -> list[float]:
    """Given a region, return the x positions that separate its columns, left to right.

    Vertical rules when there are, else the joints of rules and shading drawn per cell; else the x bands no
    segment covers, and the starts of left-aligned columns set close to the column before them. Value lines (with
    a number) usually space their columns more clearly than header lines, whose wrapped words may run close to the
    next column: a band the value lines leave free, which no word of any line crosses, separates columns too.
    """
    ruled = _ruled_separators(region) or _joint_separators(region)
    if ruled:
        seps = sorted(ruled + _unruled_separators(region, ruled))
        return sorted(seps + _set_close_separators(region, seps))
    x0, x1 = region.x0 - 1, region.x1 + 1
    seps = [_clear_middle(a, b, region.lines) for a, b in _free_bands(_segments_for_columns(region), x0, x1)]
    seps = sorted(seps + _flush_start_separators(region, seps))
    valued = [ln for ln in region.lines if len(ln.segments) >= 2 and any(_is_numeric_text(s.text) for s in ln.segments)]
    if len(valued) >= MIN_VALUE_LINES:
        words = [w for ln in region.lines for w in ln.words]
        segs = [part for ln in valued for s in ln.segments for part in _parted_at(s, seps)]
        top = min(ln.top for ln in valued)
        heads = [w for ln in region.lines if ln.bottom <= top for w in ln.words]
        for a, b in _free_bands(segs, x0, x1):
            # a header's words may run into the gutter from either side; a group head spans it
            part = _clear_part(a, b, words) or _clear_part(a, b, _unspanned(region.lines, a, b, top))
            if part is None:
                continue
            sep = (part[0] + part[1]) / 2
            if all(abs(sep - s) > SEPARATOR_MATCH for s in seps) and _aligned_on_both_sides(sep, segs, heads):
                seps.append(sep)
    return sorted(seps + _set_close_separators(region, seps))


def _parted_at(segment: Segment, seps: list[float]) -> list[Segment]:
    """Given a segment and the column boundaries found so far, return it parted where a boundary falls between two
    of its words: cells set as close as a word space (cells padded a point or less: an amount right-aligned against
    the remark after it, "5.128.516 Servicerer ...") are one segment, but the boundary the other lines show parts
    them, so the amount lines up with its column's other amounts."""
    parts: list[list[Word]] = [[]]
    for w in segment.words:
        if parts[-1] and any(parts[-1][-1].x1 <= x <= w.x0 for x in seps):
            parts.append([])
        parts[-1].append(w)
    return [segment] if len(parts) == 1 else [Segment(ws) for ws in parts]


def _unruled_separators(region: Region, ruled: list[float]) -> list[float]:
    """Given a region and the column boundaries its rules mark, return the boundaries of columns that no rule parts
    (a rule after the label column only): between two ruled boundaries (or the region's edges), where at least
    MIN_VALUE_LINES value lines each print several cells, a band those cells leave free, which no word crosses and
    at whose sides the cells line up (`_aligned_on_both_sides`)."""
    words = [w for ln in region.lines for w in ln.words]
    bounds = [region.x0 - 1, *ruled, region.x1 + 1]
    out: list[float] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        per_line = [[s for s in ln.segments if a < s.x0 and s.x1 < b] for ln in region.lines
                    if any(_is_numeric_text(s.text) for s in ln.segments)]
        per_line = [segs for segs in per_line if len(segs) >= 2]
        if len(per_line) < MIN_VALUE_LINES:
            continue
        top = min(ln.top for ln in region.lines if any(_is_numeric_text(s.text) for s in ln.segments))
        for lo, hi in _free_bands([s for segs in per_line for s in segs], a, b):
            part = _clear_part(lo, hi, words) or _clear_part(lo, hi, _unspanned(region.lines, lo, hi, top))
            if part is not None and _lined_up_beside(sep := (part[0] + part[1]) / 2, per_line):
                out.append(sep)
    return out


def _lined_up_beside(sep: float, per_line: list[list[Segment]]) -> bool:
    """Given a candidate column boundary and each value line's cells, return whether the cells next to it on
    either side line up in every line (their starts or their ends flush: left- or right-aligned columns)."""
    def flush(xs: list[float]) -> bool:
        return len(xs) >= MIN_VALUE_LINES and max(xs) - min(xs) <= ALIGN_TOLERANCE

    left = [max((s for s in segs if s.x1 < sep), key=lambda s: s.x1, default=None) for segs in per_line]
    right = [min((s for s in segs if s.x0 > sep), key=lambda s: s.x0, default=None) for segs in per_line]
    if any(s is None for s in left + right):
        return False
    if all(flush([s.x0 for s in side]) or flush([s.x1 for s in side]) for side in (left, right)):
        return True
    return (_indented_labels(left) and flush([s.x1 for s in right])
            and 2 * sum(_is_numeric_text(s.text) for s in right) > len(right))


def _indented_labels(cells: list[Segment]) -> bool:
    """Given the cells left of a candidate boundary, one per value line, return whether they are labels set at a
    few indents (a budget's hierarchy: "MINISTRY OF ..." flush left, "1. Department of ..." under it): text, not
    numbers, starting at no more than `LABEL_INDENTS` distinct x positions, several lines at each."""
    if len(cells) < MIN_VALUE_LINES or any(_is_numeric_text(s.text) for s in cells):
        return False
    starts: list[list[float]] = []
    for x in sorted(s.x0 for s in cells):
        if starts and x - starts[-1][0] <= ALIGN_TOLERANCE:
            starts[-1].append(x)
        else:
            starts.append([x])
    return len(starts) <= LABEL_INDENTS and all(len(group) >= 2 for group in starts)


def _flush_start_separators(region: Region, seps: list[float]) -> list[float]:
    """Given a region and its separators so far, return separators before left-aligned columns that run close to
    the column before them: where at least `MIN_VALUE_LINES` segments start flush at one x inside the region, no
    word crosses that x, and no separator lies between it and the nearest text to its left. A line of one run of
    text from the region's left edge may cross it: a section row set over several columns ("Realisering af
    effektiviseringer") over a text column set close to the one before it. A word inside a run of words that
    starts after a wider space than the run's other words are set apart counts as a start too, once two runs
    start there: a label that fills its column runs on into the next column's cell, set as close as its padding
    ("... digitale flekstidsskemaer 3220 – Borgere med handicap" under "Bevillingsområde")."""
    left = region.x0 + ALIGN_TOLERANCE
    words = [w for ln in region.lines if len(ln.segments) > 1 or ln.x0 > left for w in ln.words]
    own = sorted(s.x0 for ln in region.lines for s in ln.segments
                 if s.x0 > region.x0 + 2 and not _is_numeric_text(s.text))
    inner = {(id(ln), w.x0) for ln in region.lines for s in ln.segments for w, rest in _set_apart_words(s)
             if sum(abs(x - w.x0) <= ALIGN_TOLERANCE for x in own) >= 2 and not _is_numeric_text(rest)}
    starts = sorted(own + [x for _, x in inner | _run_on_amount_starts(region)])  # a word counted once
    out: list[float] = []
    i = 0
    while i < len(starts):
        j = i
        while j + 1 < len(starts) and starts[j + 1] - starts[i] <= ALIGN_TOLERANCE:
            j += 1
        x = starts[i]
        if j - i + 1 >= MIN_VALUE_LINES and not any(w.x0 < x - 0.5 < w.x1 for w in words):
            edge = max((w.x1 for w in words if w.x1 <= x), default=None)
            if edge is not None and not any(edge - 0.5 <= s <= x + 0.5 for s in seps + out):
                out.append((edge + x) / 2)
        i = j + 1
    return out


def _set_apart_words(segment: Segment) -> list[tuple[Word, str]]:
    """Given a run of words, return its words set after a space wider (by `ALIGN_TOLERANCE` / 3) than every other
    space of the run, each with the run's text from it on: where a cell's padding, not a word space, parts two
    words (cells set as close as a word space, one run of words). None in a run of fewer than three words (no word
    spacing to compare with)."""
    ws = segment.words
    gaps = [b.x0 - a.x1 for a, b in zip(ws, ws[1:], strict=False)]
    if len(gaps) < 2:
        return []
    return [(ws[k + 1], cell_text(ws[k + 1:])) for k, g in enumerate(gaps)
            if g > max(gaps[:k] + gaps[k + 1:]) + ALIGN_TOLERANCE / 3]


def _run_on_amount_starts(region: Region) -> set[tuple[int, float]]:
    """Given a region, return the starts of amounts set left in their column that a label's run of words takes in
    ("... mennesker med psykiske 38,5": the label run up to a gutter narrower than a wide space, the amount or nil
    after it one word of the run), each with the starts of the amounts set apart that start flush with it (at
    least `MIN_VALUE_LINES` in all): the start of a column of left-set amounts. On a page with no head over the
    columns (a table continued without its header) nothing else shows where that column starts. Each start is
    (id of its line, x), so that a word found by another rule too counts once."""
    amounts = [(id(ln), s.x0) for ln in region.lines for s in ln.segments
               if s.x0 > region.x0 + 2 and all(is_number_token(w.text) for w in s.words)]
    run_on = [(id(ln), b.x0) for ln in region.lines for s in ln.segments
              for a, b in zip(s.words, s.words[1:], strict=False)
              if is_number_token(b.text) and not is_number_token(a.text) and b.x0 > a.x1]
    out: set[int] = set()  # (indexes into run_on + amounts: each start counted once)
    xs = run_on + amounts
    for k, (_, x) in enumerate(run_on):
        flush = {i for i, (_, y) in enumerate(xs) if abs(y - x) <= ALIGN_TOLERANCE}
        if any(i >= len(run_on) for i in flush) and len(flush) >= MIN_VALUE_LINES:
            out |= flush | {k}
    return {xs[i] for i in out}


def _set_close_separators(region: Region, seps: list[float]) -> list[float]:
    """Given a region and its separators so far, return separators between a right-aligned column of numbers and a
    left-aligned column set so close after it that each line's two cells read as one run of words ("27 D" under
    "Nr. DUT"): at least `MIN_VALUE_LINES` numbers, each the first word of its run of words ("6211" of "3170, 6211"
    is none), end flush at one x, and either two heads above them are parted there (one ending where the numbers
    end, the next, no number, starting after it: a sparse column of marks, "D" on a few rows or none of a page's)
    and no number starting where they start ends short of them (numbers set left under a head of two words,
    "Mean Loss", end flush only when they have as many digits), or at least `MIN_VALUE_LINES` lines print such a
    number followed by a word that is no number, those words starting flush, and the numbers are set right (they
    start at different x: "2", "27", "117"); no separator lies between the numbers and the words and no word of the
    region crosses the gap. A numbered label ("1 Administration", "10 Drift") starts its text after its number's
    own space, wherever the number ends, under one head."""
    words = [w for ln in region.lines for w in ln.words]
    numbers = [sg.words[0] for ln in region.lines for sg in ln.segments if sg.words[0].text.isdigit()]
    pairs = [(a, b) for ln in region.lines for sg in ln.segments for a, b in zip(sg.words, sg.words[1:], strict=False)
             if b.x0 > a.x1 and not is_number_token(b.text)]
    marked = [(a, b) for a, b in pairs if a.text.isdigit()]
    out: list[float] = []
    for a, b in pairs:
        edge, start = a.x1, b.x0
        column = [w for w in numbers if abs(w.x1 - edge) <= ALIGN_TOLERANCE]
        if len(column) < MIN_VALUE_LINES or any(edge - 0.5 <= x <= start + 0.5 for x in seps + out):
            continue
        head = not a.text.isdigit() and a.bottom <= min(w.top for w in column)
        after = [q for q in marked
                 if abs(q[0].x1 - edge) <= ALIGN_TOLERANCE and abs(q[1].x0 - start) <= ALIGN_TOLERANCE]
        set_right = max(w.x0 for w in column) - min(w.x0 for w in column) > ALIGN_TOLERANCE
        left = min(w.x0 for w in column)
        set_left = any(abs(w.x0 - left) <= ALIGN_TOLERANCE and w.x1 < edge - ALIGN_TOLERANCE for w in numbers)
        sep = (edge + start) / 2
        if ((head and not set_left or len(after) >= MIN_VALUE_LINES and set_right)
                and not any(w.x0 < sep < w.x1 for w in words)):
            out.append(sep)
    return out


def _aligned_on_both_sides(sep: float, segs: list[Segment], heads: Sequence[Word] = ()) -> bool:
    """Given a candidate separator, the value lines' segments (and the words of the lines above them), return
    whether column edges line up on both sides of it: cells ending flush before it (or, the column before it set
    flush left, the cells starting nearest before it starting flush: "Service" cells under a head "Styringsområde"
    that runs on into the year head after it), and text cells starting flush after it (a left-aligned text column
    set close to the column before it) or the numbers of the column after it ending flush or centred on one x (a
    right-aligned or centred number column whose header runs into the gutter: "Bevilling B2024"). A sparse column
    (two amounts, the first year's implementation costs only) counts its head too: the first head word after the
    separator, over those numbers and ending flush with them or centred on their centre, is a third cell lined up."""
    left = [s.x1 for s in segs if s.x1 < sep]
    right = [s.x0 for s in segs if s.x0 > sep and not _is_numeric_text(s.text)]
    if not left:
        return False
    edge_l = max(left)
    flush_l = sum(1 for x in left if edge_l - x <= ALIGN_TOLERANCE)
    starts = [s.x0 for s in segs if s.x1 < sep]
    flush_start = sum(1 for x in starts if max(starts) - x <= ALIGN_TOLERANCE)
    if flush_l < MIN_VALUE_LINES and flush_start < MIN_VALUE_LINES:
        return False
    if right:
        edge_r = min(right)
        if sum(1 for x in right if x - edge_r <= ALIGN_TOLERANCE) >= MIN_VALUE_LINES:
            return True
    # or a number column after it, right-aligned or centred: the numbers nearest it end flush or share a centre
    first = sorted((s for s in segs if s.x0 > sep and _is_numeric_text(s.text)), key=lambda s: s.x0)
    near = [s for s in first if s.x0 <= first[0].x1] if first else []
    if not near:
        return False
    head = min((w for w in heads if w.x0 > sep), key=lambda w: w.x0, default=None)
    head = head if head is not None and head.x0 <= first[0].x1 and first[0].x0 <= head.x1 else None
    for edge in (lambda b: b.x1, lambda b: (b.x0 + b.x1) / 2):
        xs = [edge(s) for s in near]
        if sum(1 for x in xs if x - min(xs) <= ALIGN_TOLERANCE) >= MIN_VALUE_LINES:
            return True
        if head is not None:
            lined = sum(1 for x in xs if abs(x - edge(head)) <= ALIGN_TOLERANCE)
            if lined >= 2 and lined + 1 >= MIN_VALUE_LINES:
                return True
    return False


def _column_of(x: float, seps: list[float]) -> int:
    """Given an x position and separators, return the column index it falls in."""
    return sum(1 for s in seps if x > s)


def assign_cells(lines: list[TextLine], seps: list[float]) -> list[LineCells]:
    """Given lines and column separators, distribute each line's words over the columns.

    A segment that lies in one column goes there whole; one that crosses a separator between two of its words
    is split by word centres; one with a word straddling a separator (a spanning label) stays in the column
    where it starts.
    """
    out = []
    starts = _column_starts(lines, seps)
    text_starts = _column_text_starts(lines, seps)
    for ln in lines:
        lc = LineCells(ln)
        for seg in ln.segments:
            cols = {_column_of((w.x0 + w.x1) / 2, seps) for w in seg.words}
            if len(cols) == 1:
                lc.cells.setdefault(cols.pop(), []).extend(seg.words)
                continue
            numeric = all(is_number_token(w.text) for w in seg.words)
            inner = [x for x in seps if seg.x0 < x < seg.x1]
            cut = next((k for k, w in enumerate(seg.words) if k and any(abs(w.x0 - x) <= ALIGN_TOLERANCE
                                                                        for x in starts)
                        and _parts_run(seg.words, k, ln.size)), None)
            if cut is not None and (len(inner) == 1 or all(
                    seg.words[cut - 1].x1 <= x <= seg.words[cut].x0 or any(w.x0 < x < w.x1 for w in seg.words[:cut])
                    for x in inner)):
                # a label run up to the gutter, the next column's cell set on in the same run of words: part them
                # where a word starts flush with that column's cells, after a space wider than a word space (the
                # label may run over more separators, each inside one of its words or in the space it is parted at:
                # the edge of the text the next column starts at; a separator between two of its words is a
                # column of its own, "Algoritme1 | Forberede data")
                lc.cells.setdefault(_column_of(seg.x0 + 0.5, seps), []).extend(seg.words[:cut])
                lc.cells.setdefault(_column_of(seg.words[cut].x0 + 0.5, seps), []).extend(seg.words[cut:])
            elif numeric or not any(w.x0 < x < w.x1 for w in seg.words for x in inner):
                first = _column_of(seg.x0 + 0.5, seps)
                for w in seg.words:
                    col = _column_of((w.x0 + w.x1) / 2, seps)
                    # a word of a line's lone run of text that ends in the gutter, before any cell of the next
                    # column starts, is the run's (a wrapped label's long line), not that column's (a header's
                    # words run into the gutter over right-aligned numbers in a line of several cells)
                    while (not numeric and len(ln.segments) == 1 and col > first
                           and w.x1 < text_starts.get(col, float("-inf"))):
                        col -= 1
                    lc.cells.setdefault(col, []).extend([w])
            else:
                lc.cells.setdefault(_column_of(seg.x0 + 0.5, seps), []).extend(seg.words)
        out.append(lc)
    return out


OWN_SPACE_MARGIN = 1.1  # a space this many times the widest word space before it in its run is wider than those


def _parts_run(words: list[Word], k: int, size: float) -> bool:
    """Given a run of words, the index of one that starts flush with the next column's cells and the line's size,
    return whether the space before it parts two cells: wider than a word space (`WIDE_SPACE_SHARE`), or a number
    after text ("Tilbagebetalingstid baseret på serviceeffektivisering" run up to the gutter, its "2" set in the
    next column a cell's padding after it, about a word space in a tight table) after a space wider than every word
    space of the text before it."""
    gap = words[k].x0 - words[k - 1].x1
    if gap > WIDE_SPACE_SHARE * size:
        return True
    if not is_number_token(words[k].text) or is_number_token(words[k - 1].text) or k < 2:
        return False
    return gap > OWN_SPACE_MARGIN * max(b.x0 - a.x1 for a, b in zip(words[:k], words[1:k], strict=False))


def _column_text_starts(lines: list[TextLine], seps: list[float]) -> dict[int, float]:
    """Given a region's lines and its column separators, return for each column the left edge of its text: the
    leftmost start of the segments that lie in that column alone (a segment run across a separator says nothing
    about where a column's cells start)."""
    out: dict[int, float] = {}
    for ln in lines:
        for seg in ln.segments:
            cols = {_column_of((w.x0 + w.x1) / 2, seps) for w in seg.words}
            if len(cols) == 1:
                col = cols.pop()
                out[col] = min(out.get(col, seg.x0), seg.x0)
    return out


def _column_starts(lines: list[TextLine], seps: list[float]) -> list[float]:
    """Given a region's lines and its column separators, return the x where the cells of a column after the first
    start flush: the left edge shared (within `ALIGN_TOLERANCE`) by at least `MIN_VALUE_LINES` segments that
    start right after a separator (a left-aligned text column)."""
    firsts = sorted(s.x0 for ln in lines for s in ln.segments
                    if any(0 <= s.x0 - x <= 2 * SEPARATOR_MATCH + ALIGN_TOLERANCE for x in seps)
                    and not _is_numeric_text(s.text))
    out: list[float] = []
    i = 0
    while i < len(firsts):
        j = i
        while j + 1 < len(firsts) and firsts[j + 1] - firsts[i] <= ALIGN_TOLERANCE:
            j += 1
        if j - i + 1 >= MIN_VALUE_LINES:
            out.append(firsts[i])
        i = j + 1
    return out


# ---------------------------------------------------------------- rows
def _is_numeric_text(text: str) -> bool:
    """Given a cell text, return whether it is a printed number or nil marker (not a year heading)."""
    t = text.strip()
    return not YEAR_TOKEN.match(t) and parse_danish(t).kind in NUMERIC_KINDS


def first_text_column(columns: list[list[str]]) -> int:
    """Given each column's cell texts, return the first column whose cells are mostly text of 3+ characters
    (a number, nil or code column such as "Nr." or "DUT" is passed over), else 0. A column holding one text only
    (its head over a code column left empty on this page, "DUT") is passed over when a later column holds more."""
    texty = [c for c, texts in enumerate(columns) if _mostly_text(texts)]
    return next((c for c in texty if len(columns[c]) > 1), texty[0] if texty else 0)


def _mostly_text(texts: list[str]) -> bool:
    """Given a column's cell texts, return whether they are mostly text of 3+ characters (no amounts, nil or codes)."""
    words = [t for t in texts if parse_danish(t).kind not in NUMERIC_KINDS]
    return bool(texts) and 2 * len(words) > len(texts) and sum(len(t) for t in words) >= 3 * len(words)


def label_column(lcs: list[LineCells], ncols: int) -> int:
    """Given distributed lines, return the label column: the first column whose cells are mostly text."""
    return first_text_column([[cell_text(lc.cells[c]) for lc in lcs if c in lc.cells] for c in range(ncols)])


_OPEN_CODE = re.compile(r"^\d+\s?[-\u2212\u2013]$")  # "3000 -": a code whose text goes on on the next line


def _is_anchor(lc: LineCells, label_col: int) -> bool:
    """Given a distributed line, return whether it carries a number (or a mark, the "X" of an activity plan)
    outside the label column (a row's values; a code broken off before its text, "3000 -" of "3000 -
    Børnefamilier ...", is none)."""
    return any(c != label_col and (all(is_number_token(w.text) for w in ws) or _is_numeric_text(cell_text(ws))
                                   or _is_quantity(cell_text(ws)) or all(MARK.match(w.text) for w in ws))
               and not _years(ws) and not _OPEN_CODE.match(cell_text(ws))
               for c, ws in lc.cells.items())


def _years(words: list[Word]) -> bool:
    """Given a cell's words, return whether they are a year or a list of years ("2025, 2026,": dates in a text
    cell, not amounts)."""
    return all(YEAR_TOKEN.match(w.text.rstrip(",;.")) for w in words)


def _is_quantity(text: str) -> bool:
    """Given a cell text, return whether it is a count of time or a share ("4 år", "26 uger", "12,5 %")."""
    n = parse_danish(text)
    return n.kind == "percent" or (n.kind == "with_unit" and bool(QUANTITY_UNITS.match(n.unit or "")))


def _row_rules(region: Region, settings: ExtractionSettings) -> list[float]:
    """Given a region, return y positions of rules (and shading edges) that separate its rows."""
    width = max(region.x1 - region.x0, 1.0)
    top, bottom = region.top - 3, region.bottom + 3
    if region.frame is not None:  # the frame's own rules bound its rows, however much the cells are padded
        top, bottom = min(top, region.frame.top - 0.5), max(bottom, region.frame.bottom + 0.5)
    ys = []
    for r in region.page.hrules:
        if top <= r.pos <= bottom and (min(r.end, region.x1) - max(r.start, region.x0)
                                                            >= settings.rule_span_share * width):
            ys.append(r.pos)
    for x0, top_, x1, bottom_ in region.page.shades:
        if min(x1, region.x1) - max(x0, region.x0) >= settings.rule_span_share * width:
            ys += [y for y in (top_, bottom_) if top <= y <= bottom]
    ys.sort()
    return [y for i, y in enumerate(ys) if i == 0 or y - ys[i - 1] > 1.0]


_OPEN_NUMBER = re.compile(r"^[-\u2212\u2013]?\s?(\d{1,3}\.)+$|^[-\u2212\u2013]$")
_GROUP_DIGITS = re.compile(r"^\d{3}([.,]\d+)*$")


def _continues_numbers(above: LineCells, lc: LineCells, label_col: int) -> bool:
    """Given two consecutive lines, return whether the second only finishes numbers the first broke off
    ("-2." then "750"): each of its value cells sits under an open number in the same column."""
    cells = {c: cell_text(ws) for c, ws in lc.cells.items() if c != label_col}
    if not cells:
        return False
    return all(_GROUP_DIGITS.match(t) and c in above.cells and _OPEN_NUMBER.match(cell_text(above.cells[c]))
               for c, t in cells.items())


def _dash_opens_text(block: list[LineCells], i: int, label_col: int) -> bool:
    """Given a block's lines and one carrying values, return whether its only values are lone dashes that each open
    a text going on in their column on the next line, a line with no label of its own, beside a cell opening its
    list the same way ("- Terapeuterne ansættes -"): the dash of a list item ("-" / "Terapeuterne indgår ..."), a
    cell wrapped right after its bullet, not a nil (a nil over the next row's text set to its middle, "IT-kredsen |
    Ikke relevant | -" / "| | Møderne har", is one)."""
    lc = block[i]
    dashes = [c for c, ws in lc.cells.items() if c != label_col and cell_text(ws) in DASHES]
    if not dashes or i + 1 >= len(block) or label_col in block[i + 1].cells:
        return False
    bullets = {cell_text(lc.cells[c]) for c in dashes}
    if not any(c != label_col and c not in dashes and len(ws) > 1 and ws[0].text in bullets
               and ws[1].text[:1].isalpha() for c, ws in lc.cells.items()):
        return False
    rest = LineCells(lc.line, {c: ws for c, ws in lc.cells.items() if c not in dashes})
    below = block[i + 1].cells
    return not _is_anchor(rest, label_col) and all(
        c in below and below[c][0].text[:1].isalpha() and not is_number_token(below[c][0].text) for c in dashes)


QUANTITY_UNITS = re.compile(r"^(år|mdr\.?|måneder|uger|dage|timer|årsværk|pct\.?)$", re.IGNORECASE)
OVERLAP_TOLERANCE = 1.0
BOXED_BODY_LINES = 2  # a boxed table's one body band with this many lines holds rows that no rule parts
SPACE_SHARE = 0.3  # a word space is about this share of the font size
WIDE_SPACE_SHARE = 0.45  # a space this wide (share of the font size) is wider than a word space


PADDED_BLOCKS = 3  # an unruled table parted by space into this many blocks (header, rows) pads its rows apart


def _wraps_label_above(block: list[LineCells], i: int, label_col: int, widths: list[float | None] | None) -> bool:
    """Given a block, one of its lines and the columns' widths, return whether the line's label goes on from the
    label line right above it: set as tight under it as a wrapped line, its first word too wide to have fitted
    there ("gennemfører" / "‘Træning ved hjælper’."), and not a line of cells of its own (`_fills_like_above`,
    or a cell beside the label opens a run of words no wrap broke off the cell above, `_unbroken_cell`: the last
    row set as tight as wrapped lines under rows padded apart, "Algoritme1 | (Afventer data)" over "Algoritme2 |
    Udvikle algoritme")."""
    if not i or label_col not in block[i - 1].cells:
        return False
    above, lc = block[i - 1], block[i]
    return (lc.line.top - above.line.bottom <= TIGHT_LINE_GAP * max(lc.line.size, 1.0)
            and widths is not None and widths[label_col] is not None
            and not _fits_after(above, lc, label_col, widths) and not _fills_like_above(above, lc, label_col)
            and not _unbroken_cell(block, i, label_col, widths))


def _fills_like_above(above: LineCells, lc: LineCells, label_col: int) -> bool:
    """Given two consecutive lines and the label column, return whether the lower is a row of cells of its own
    like the one above: it fills every column the upper fills (one besides the label at least), and each of its
    cells starts like an entry (`_opens_entry`). Wrapped cells do not all go on from a capital at once
    ("Identifikation af 5-7 ..." | "Visitationsdata ..." | "Borgercenter Voksne" | "Ultimo 2023" under a row
    like it, rows set as tight as wrapped lines)."""
    cols = set(above.cells)
    return (len(cols) >= 2 and label_col in cols and cols <= set(lc.cells)
            and all(_opens_entry(ws) for ws in lc.cells.values()))


def _text_anchors(block: list[LineCells], label_col: int) -> list[int]:
    """Given a block without value lines (a text table), return the lines that open a row: a label that starts
    like a new entry, with another column filled on the same line, and, under a label line, no cell of another
    column on it going on in lowercase from the line right above, set as tight under it as a wrapped line
    ("‘Træning ved hjælper’ får effekt." beside "effekt af de gennemførte" under "80% af de borgere der gennemfører"
    | "Andelen af borgere der får": the first line of a row's cells starts each of them; a label set on its row's
    last line, cells bottom-aligned, has no label line above it in its row)."""
    out = []
    for i, lc in enumerate(block):
        label = label_text(lc, label_col)
        if not label or starts_lower(label) or not any(c != label_col for c in lc.cells):
            continue
        above = label_text(block[i - 1], label_col) if i else ""
        if i and above and open_end(above):
            continue
        if i and above and _goes_on_in_lowercase(block[i - 1], lc, label_col):
            continue
        out.append(i)
    return out


def _goes_on_in_lowercase(above: LineCells, lc: LineCells, label_col: int) -> bool:
    """Given two consecutive lines of a text table and its label column, return whether the lower is set as tight
    under the upper as a wrapped line and one of its cells besides the label starts in lowercase under a cell of
    the upper in that column (it goes on with it)."""
    return (lc.line.top - above.line.bottom <= TIGHT_LINE_GAP * max(lc.line.size, 1.0)
            and any(c != label_col and c in above.cells and ws[0].text[:1].islower() for c, ws in lc.cells.items()))


ROW_PADDING_MIN = 1.0  # a row's cell padding widens the gap above it by at least this much over a wrapped line's
LABEL_PADDING_SHARE = 0.3  # ... and, between label lines, by at least this share of the font size
TIGHT_ROW_PADDING = 0.3  # rows set to the bottom of tight rows (a word processor's cells) are parted by this much
SAME_SIZE = 0.5  # font sizes this close are one size
PADDED_ROW_SIZES = 1.45  # a row of one line at least this many times its font size tall is padded (a line's
# leading alone stays under it)


def _set_off(block: list[LineCells], indices: list[int], size_share: float, wrap_gap: float | None = None,
             least: float = ROW_PADDING_MIN) -> set[int]:
    """Given a block, the lines of it to measure and a share of the font size, return those of the lines whose gap
    to the lowest measured line above is wider than the narrowest such gap (a wrapped line's) by a cell's padding:
    at least `least` (`ROW_PADDING_MIN`), and `size_share` of the font size. Overlapping lines (a value centred between
    two wrapped lines) give no gap."""
    gaps: dict[int, float] = {}
    bottom = None
    for i in indices:
        if bottom is not None:
            gaps[i] = block[i].line.top - bottom
        bottom = block[i].line.bottom if bottom is None else max(bottom, block[i].line.bottom)
    tight = [g for g in gaps.values() if g >= 0] + ([wrap_gap] if wrap_gap is not None else [])
    if not tight:
        return set()
    base = min(tight)
    return {i for i, g in gaps.items() if g >= base + max(least, size_share * block[i].line.size)}


def _wrap_gap(lcs: list[LineCells]) -> float | None:
    """Given a region's lines, return the gap between two wrapped lines of one cell: the narrowest gap between
    consecutive lines of the same size that do not overlap (None when there is none)."""
    gaps = [b.line.top - a.line.bottom for a, b in zip(lcs, lcs[1:], strict=False)
            if abs(a.line.size - b.line.size) <= SAME_SIZE and b.line.top >= a.line.bottom]
    return min(gaps, default=None)


def _set_off_lines(block: list[LineCells], label_col: int) -> set[int]:
    """Given the lines of a block and the label column, return the label lines that open a new row by their gap
    to the label line above, where rows are padded and labels wrap tight (lines holding only values, e.g. centred
    between wrapped lines, are left out of the measure)."""
    return _set_off(block, [i for i, lc in enumerate(block) if label_col in lc.cells], LABEL_PADDING_SHARE)


def _padded_text_anchors(block: list[LineCells], label_col: int, wrap: float | None, width: float | None = None,
                         top: bool = False) -> list[int]:
    """Given a ruled band without value lines, its table's wrapped-line gap and the width its labels are set in,
    return the lines that open a text row inside it (a band set off by shading or sparse rules can hold several
    rows): entries as in a text table, set off from the line above by a cell's padding, or, in rows set as tight
    as wrapped lines (no padding parts any) and top-aligned on one line grid (`_off_grid`: cells centred beside a
    wrapped label are read by the label lines' padding below), under a label line that ends short
    (`_label_ended_above`) or, cells set to the top of their rows (`top`), under lines that leave the label column
    empty (`_label_left_off_above`). [] when the band reads as one row."""
    set_off = _set_off(block, list(range(len(block))), 0.0, wrap)
    entries = _text_anchors(block, label_col)
    out = [i for i in entries if i == 0 or i in set_off]
    if len(out) < 2 and not _off_grid(block):
        out = [i for i in entries if i == 0 or _label_ended_above(block, i, label_col, width)
               or (top and _label_left_off_above(block, i, label_col))]
    if len(out) < 2 and any(label_col not in lc.cells for lc in block):
        # cells set vertically centred beside a wrapped label are lines of their own, leave the label's first
        # line alone and overlap both its lines (hiding the wrap's gap): the label lines' own gaps show the
        # padding that parts the rows (a cell's paragraphs alone, with no such values beside them, do not)
        out = sorted({0} | _set_off_lines(block, label_col))
    return out if len(out) >= 2 else []


def _unbroken_cell(block: list[LineCells], i: int, label_col: int, widths: list[float | None] | None) -> bool:
    """Given a block, a line of it with a label and the columns' widths (`column_widths`), return whether a cell of
    another column on that line opens a run of words of its own under the cell of the line right above: it starts
    with a capital and its first word would have fitted at the end of the cell above (`_fits_after`), so no wrap
    broke that cell there: the line opens a row however tight it is set."""
    if i == 0 or widths is None or label_col not in block[i].cells:
        return False
    above, lc = block[i - 1], block[i]
    return any(c != label_col and ws[0].text[:1].isupper() and _fits_after(above, lc, c, widths)
               for c, ws in lc.cells.items() if c in above.cells)


def _padded_runs(block: list[LineCells], label_col: int) -> list[list[LineCells]]:
    """Given a ruled band without value lines and its label column, return its rows when the band's own padding
    parts it into several runs of lines (a gap wider than its narrowest, a wrapped line's, by a cell's padding:
    `_set_off`) that each hold exactly one entry (`_text_anchors`): rows whose cells are set to the bottom (or the
    middle) of the row, a label on the row's last line under the wrapped lines of its other cells ("Forberede data"
    / "Algoritme1 | og platform"), which no reading from a row's first line parts. Rows set as tight as a word
    processor sets its cells are parted by less (`TIGHT_ROW_PADDING`): runs parted so are rows when each ends with
    its label (`_label_closes_runs`). [] otherwise."""
    entries = _text_anchors(block, label_col)
    bounds = [*sorted({0} | _set_off(block, list(range(len(block))), 0.0)), len(block)]
    runs = [block[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(runs) >= 2 and all(sum(a <= i < b for i in entries) == 1 for a, b in zip(bounds, bounds[1:], strict=False)):
        return runs
    return _centred_entries(block, label_col) or _tight_label_runs(block, label_col)


def _centred_entries(block: list[LineCells], label_col: int) -> list[list[LineCells]]:
    """Given a ruled band without value lines whose cells are set vertically centred (`_off_grid`: a cell's lines
    half a line off another's, no gap between two rows wider than one between two lines of a cell), return its
    rows when no cell reaches from one into the next (`_centred_rows`) and each such run holds a label that
    opens an entry (not starting in lowercase, the label above not ending open: "Sparet transporttid" beside
    the two lines of its remark, then "Færre tilbagefald") and a cell of another column (a label's last line
    alone, "1.800 liggedage", goes on from the row above). [] otherwise."""
    if not _off_grid(block):
        return []
    runs = _centred_rows(block)
    labels = [[label_text(lc, label_col) for lc in run if label_col in lc.cells] for run in runs]
    if len(runs) < 2 or not all(labels) or not all(any(set(lc.cells) - {label_col} for lc in run) for run in runs):
        return []
    if any(starts_lower(ls[0]) or open_end(above[-1]) for above, ls in zip(labels, labels[1:], strict=False)):
        return []
    return runs


def _tight_label_runs(block: list[LineCells], label_col: int) -> list[list[LineCells]]:
    """Given a block's lines and the label column, return its rows when rows set as tight as a word processor sets
    its cells are parted by their little padding (`TIGHT_ROW_PADDING` over a wrapped line's gap) and each run so
    parted ends with its label (`_label_closes_runs`): cells set to the bottom of their rows. [] otherwise."""
    bounds = [*sorted({0} | _set_off(block, list(range(len(block))), 0.0, least=TIGHT_ROW_PADDING)), len(block)]
    runs = [block[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return runs if len(runs) >= 2 and _label_closes_runs(runs, label_col) else []


def _label_closes_runs(runs: list[list[LineCells]], label_col: int) -> bool:
    """Given a band's runs of lines parted by a row's padding and the label column, return whether each run is one
    row set to the bottom: it ends with a label line (the row's last line), and its first label line starts like an
    entry of its own (not in lowercase, the label above it not ending open) and its later label lines evidently go
    on from the one above (`wraps_onto`): the lines of a label wrapped over several lines, beside the other cells'
    last lines, starting in lowercase ("5% stigning i antallet af" / "hjemmeplejeborgere, der oplever" / ...) where
    no line opens an entry with another column beside it. (Rows of one line each, set a little unevenly, are no
    such runs.)"""
    above = ""
    for run in runs:
        labels = [label_text(lc, label_col) for lc in run if label_col in lc.cells]
        if label_col not in run[-1].cells or starts_lower(labels[0]) or (above and open_end(above)):
            return False
        if not (all(wraps_onto(a, b) for a, b in zip(labels, labels[1:], strict=False)) or _grows_to_bottom(run)):
            return False  # two labels in one run: rows of one line each, not parted by this little space
        above = labels[-1]
    return True


def _cells_ending_together(block: list[LineCells], label_col: int, width: float | None = None,
                           widths: list[float | None] | None = None) -> list[list[LineCells]]:
    """Given a text table's block of lines set as tight as wrapped lines (no padding parts its rows) and its label
    column (and the width its labels are set in), return its rows when its cells are set to the bottom of their
    rows: every cell of a row ends on the row's last line, so a row ends where a column's text stops (a line holds a
    column the next line leaves empty), or where its label ends short of the next (`ends_short`: two rows whose
    cells all end on their last lines, "ved hjælper’." over "80% af de borgere der"). Read
    so only when each row so parted ends with its label (`_label_closes_runs`) and some row holds other columns'
    lines above its label (a row set to the top starts with its label): "Ikke" / "Ejendomsfaglig vurdering |
    relevant" over "Ikke" / "IT-kredsen | relevant". [] otherwise."""
    if any(b.line.top - a.line.top >= PADDED_ROW_SIZES * a.line.size for a, b in zip(block, block[1:], strict=False)):
        return []  # lines set a padded row apart: a label spanning several rows, not cells ending together
    bounds = [0, *(i + 1 for i in range(len(block) - 1) if set(block[i].cells) - set(block[i + 1].cells)
                   or ends_short(block[i], block[i + 1], label_col, width)), len(block)]
    runs = [block[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(runs) < 2 or not any(label_col not in run[0].cells for run in runs) or any(
            _goes_on_in_lowercase(a[-1], b[0], label_col) for a, b in zip(runs, runs[1:], strict=False)):
        return []  # (a cell going on in lowercase across the cut: a head set to the top, "Dato for" / "godkendelse")
    if any(ws[0].text[:1].isupper() and _fits_after(a, b, c, widths)
           for run in runs for a, b in zip(run, run[1:], strict=False) for c, ws in b.cells.items() if c in a.cells):
        return []  # a cell inside a run that no wrap broke off: rows under a label spanning them, set to the top
    return runs if _label_closes_runs(runs, label_col) else []


def _grows_to_bottom(run: list[LineCells]) -> bool:
    """Given a run of lines, return whether it reads as one row whose cells are set to its bottom: each line holds
    the columns of the line above and maybe more (cells of several heights all end on the last line), and the last
    line holds more columns than the first (rows of one line each, every line full, are no such row): a label
    wrapped with no evidence in its words ("falder med (5% af borgerne med 15% effekt)" / "0,03%") beside them."""
    cols = [set(lc.cells) for lc in run]
    return len(cols[-1]) > len(cols[0]) and all(a <= b for a, b in zip(cols, cols[1:], strict=False))


def _label_last_rows(block: list[LineCells], label_col: int) -> list[list[LineCells]]:
    """Given a ruled band without value lines and its label column, return its rows when its cells are set to the
    bottom of their rows however tight: the band ends with an entry (`_text_anchors`) and holds at least two, no
    other line holds a label, and every entry has lines of other columns only right above it (a row set to the top
    starts with its label; a label's second line that starts like an entry, "‘Træning ved hjælper’.", follows its
    first line directly), so each entry ends a row. [] otherwise."""
    entries = _text_anchors(block, label_col)
    if (len(entries) < 2 or entries[-1] != len(block) - 1
            or any(label_col in lc.cells for i, lc in enumerate(block) if i not in entries)
            or any(e == 0 or e - 1 in entries for e in entries)):
        return []
    bounds = [0, *(e + 1 for e in entries)]
    return [block[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _centred_label_rows(block: list[LineCells], label_col: int) -> list[list[LineCells]]:
    """Given a ruled band without value lines and its label column, return its rows when its cells are set
    vertically centred off one line grid (`_off_grid`) and the runs of overlapping cells (`_centred_rows`) part it
    into two rows or more, each holding a label and a cell of another column (a label's last line alone, "1.800
    liggedage" under "... nedbringes med knap", is no row): rows of a text table that no rule parts (a band between
    two shaded section rows, "Algoritme1" and "Algoritme2" each beside cells of two lines, "Teste algoritme" /
    "Udvikle front-end"), where the wrapped lines of the taller cells hide the gap of a wrapped line and no line's
    padding tells where a row starts. [] otherwise."""
    if not _off_grid(block):
        return []
    rows = _centred_rows(block)
    if len(rows) >= 2 and all(any(label_col in lc.cells for lc in row)
                              and any(set(lc.cells) - {label_col} for lc in row) for row in rows):
        return rows
    return []


def _label_ended_above(block: list[LineCells], i: int, label_col: int, width: float | None) -> bool:
    """Given a block, a line opening an entry, the label column and the width labels are set in, return whether
    the nearest label line above ends its label there (`wraps.ends_short`: no open end, and this line's first word
    would have fitted after it, so no wrapping broke the label)."""
    above = next((j for j in range(i - 1, -1, -1) if label_col in block[j].cells), None)
    return above is not None and ends_short(block[above], block[i], label_col, width)


def _label_left_off_above(block: list[LineCells], i: int, label_col: int) -> bool:
    """Given a block, a line opening an entry and the label column, return whether the line right above it leaves
    the label column empty under a label line further up: a label's wrapped lines follow one another, so that label
    ended before the lines of other columns' taller cells went on without it (cells set to the top of their rows:
    "Psykologsamtaler til ældre i psykisk mistrivsel | Dækket ved" / "forhandlinger" / "om budget" / "2025", then
    "Tidlig forebyggende indsats ... | Dækket ved" opens the next row, though its first word would not have fitted
    after the long label above)."""
    return i >= 2 and label_col not in block[i - 1].cells and any(label_col in lc.cells for lc in block[:i - 1])


def column_widths(lcs: list[LineCells], edges: list[float]) -> list[float | None]:
    """Given a region's distributed lines and the columns' x edges, return for each column the width a line of its
    cells may take before it wraps: its widest line lying inside the column (a line running on into the next
    column, a section row set across the table, wraps at another width), at most the column's width (None for an
    empty column), or the room it leaves its lines before a text column set flush left after it when that is wider
    (`room_before_next`)."""
    out: list[float | None] = []
    for c in range(len(edges) - 1):
        inside = [lc.cells[c] for lc in lcs if c in lc.cells and lc.cells[c][-1].x1 <= edges[c + 1] + FIT_MARGIN]
        widths = [ws[-1].x1 - ws[0].x0 for ws in inside or [lc.cells[c] for lc in lcs if c in lc.cells]]
        out.append(max(min(max(widths), edges[c + 1] - edges[c]), room_before_next(lcs, c) or 0.0) if widths
                   else None)
    return out


def _fits_after(above: LineCells, lc: LineCells, col: int, widths: list[float | None] | None) -> bool:
    """Given two lines, a column and the columns' widths (`column_widths`), return whether the first word of the
    lower line's cell in that column would have fitted at the end of the upper line's: no wrapping broke the cell
    there, so the upper line ends its cell (a section row such as "Varige ændringer" over the first row of its
    group)."""
    width = widths[col] if widths else None
    if width is None or col not in above.cells or col not in lc.cells:
        return False
    words, first = above.cells[col], lc.cells[col][0]
    return words[-1].x1 - words[0].x0 + SPACE_SHARE * lc.line.size + (first.x1 - first.x0) <= width


def _split_block(block: list[LineCells], label_col: int, ruled: bool, edges: list[float],
                 wrap: float | None = None, wrapping: Wrapping = NO_WRAPPING,
                 widths: list[float | None] | None = None, padded: bool = False,
                 listing: frozenset[int] = frozenset()) -> list[list[LineCells]]:
    """Given the lines of one row block, split it into rows (`widths`: how wide a line of each column's cells may
    run, see `column_widths`; `padded`: the table's rows are parted by space, so a line set tight under a label
    it wraps from opens no entry in a text table; `listing`: the columns that list entries one per line in the
    whole table, `_listed_columns`, where a block holds too few of their lines to tell).

    Lines with values (or, in a text table, lines opening an entry) each open a row. A ruled band with at most one
    such line is one row. Elsewhere the other lines join rows: label lines that evidently go on into each other
    (an open end such as a hyphen, a next line starting lowercase) as one label, which joins the row it evidently
    continues (a lowercase start, an open end, a row whose own label is empty or continues: in rows centred on
    their values, not past a label line of its own it did not run into, `_lower_start_beyond`), the nearer one when
    both would take it, never the row below when the label ends short of the column's width before a label of
    its own (`wrapping.width`), is set off from it by a row's padding or starts with a word that would have fitted
    on it; a label that continues neither (a section heading such as "Varige ændringer") is
    a row of its own, and so are label lines above the wrapped label a centred value line is the middle of. A
    line with no label (a wrapped cell of another column) joins the row above, or the row below when rows set
    their cells bottom-aligned (`wrapping.bottom`) or it sits beside the next row's value line (cells centred).
    Where rows set their cells bottom-aligned, the label line right above a value line, in its weight and not ending
    short, ends that row's label, and a line in capitals under a label line in mixed case is a section row however
    tight (rows as tight as wrapped lines: "SU9. Tilpasning af kapacitetsniveau" / "FORTROLIGT | -7.400 ..." is one
    row, "INNOVATIONSFORSLAG" under a value line a row of its own).
    A text table whose cells are set vertically centred, off one another's line grid or a cell of several lines
    beside a shorter label (`centred_spans`), is parted where no cell reaches from one row into the next
    (`_centred_rows`).
    """
    anchors = [i for i, lc in enumerate(block) if _is_anchor(lc, label_col)
               and not (i and _continues_numbers(block[i - 1], lc, label_col))
               and not _dash_opens_text(block, i, label_col)]
    valued = bool(anchors)  # (rows found by their value lines; a ruled text band's entries are looked for below)
    if ruled and not anchors:
        if runs := (_padded_runs(block, label_col) or _label_last_rows(block, label_col)
                    or _centred_label_rows(block, label_col)
                    or (wrapping.bottom and _cells_ending_together(block, label_col, wrapping.width, widths))):
            return runs
        anchors = _padded_text_anchors(block, label_col, wrap, wrapping.width, top=wrapping.top)
    if ruled and len(anchors) <= 1:
        return _section_over_row(block, anchors, label_col) or [block]
    text_table = not anchors and not ruled
    if text_table and (runs := _tight_label_runs(block, label_col)
                       or _cells_ending_together(block, label_col, wrapping.width, widths)):
        return runs
    if text_table and (_off_grid(block) or centred_spans(_cell_paragraphs(block, widths), label_col)):
        return _centred_rows(block, widths)
    if text_table:
        anchors = _text_anchors(block, label_col) or _padded_text_anchors(block, label_col, wrap, wrapping.width)
        if padded:
            anchors = [i for i in anchors if not _wraps_label_above(block, i, label_col, widths)]
    if not anchors:
        if text_table and len(block) > 1 and all(_spaced_entry(block, i) for i in range(len(block))):
            return [[lc] for lc in block]  # entries set a row's padding apart, one column filled (a list's
            # entries atop a page under an empty first column): no cell wraps over two of them
        return [block]
    groups: dict[int, list[int]] = {a: [a] for a in anchors}
    own: list[list[int]] = [] if text_table else _centred_islands(block, anchors, label_col)
    taken = {j for unit in own for j in unit}
    mid = [(lc.line.top + lc.line.bottom) / 2 for lc in block]
    set_off = _set_off_lines(block, label_col)
    listed = _listed_columns(block, label_col) | listing if text_table else set()
    i = 0
    while i < len(block):
        lc = block[i]
        if i in groups or i in taken:
            i += 1
            continue
        prev = max((a for a in anchors if a < i), default=None)
        nxt = min((a for a in anchors if a > i), default=None)
        label = label_text(lc, label_col)
        if not label:
            if (not text_table and nxt is not None and not wrapping.top
                    and centred_on_value_line(block, i, nxt, anchors, TIGHT_LINE_GAP)):
                groups[nxt].append(i)  # a cell set vertically centred on the next row's value line
            elif not text_table and nxt is not None and not wrapping.top and _opens_padded_row(block, i, nxt):
                groups[nxt].append(i)  # the wrapped top of a cell of the next row, set to its row's bottom
            elif (valued and nxt is not None and i - 1 in anchors and not wrapping.top
                  and _runs_down_to(block, i, nxt, label_col, widths)):
                groups[nxt].append(i)  # the top of a cell set to its row's bottom, right under the row above's
                # value line: it goes on down to its row's value line and ends there ("Lønninger til ..." /
                # "visitation, som ..." / "3 | Myndighed | ... | omgange.")
            elif _new_entry(block, i, label_col, edges, widths) or (text_table and (
                    _spaced_entry(block, i) or _listed_line(lc, listed))):
                own.append([i])  # a row of its own under a label that spans several rows
            else:  # only other columns go on: a wrapped cell of the row above, or of the row below (cells set
                # bottom-aligned, or vertically centred and this line beside the next row's value line)
                above_next = nxt is not None and (i - 1 in groups[nxt] or (
                    lc.line.bottom > block[nxt].line.top + OVERLAP_TOLERANCE
                    and (prev is None or lc.line.top >= block[prev].line.bottom - OVERLAP_TOLERANCE)))
                if nxt is not None and (prev is None or wrapping.bottom or above_next):
                    groups[nxt].append(i)
                else:  # the row of the line right above (a row of its own may lie between it and the value line)
                    _row_holding(i - 1, groups, own).append(i)
            i += 1
            continue
        k = i  # the label's last line: label lines that go on into each other are one label
        while (k + 1 < len(block) and k + 1 not in groups and label_col in block[k + 1].cells
               and (wraps_onto(label_text(block[k], label_col), label_text(block[k + 1], label_col))
                    or (padded and wrapping.bottom and len(anchors) == 1
                        and _tight_down_to(block, k, anchors[0], label_col, set_off)
                        and not ends_short(block[k], block[k + 1], label_col, wrapping.width)))):
            k += 1
        unit = list(range(i, k + 1))
        last = label_text(block[k], label_col)
        below = next((j for j in range(k + 1, len(block)) if label_col in block[j].cells), None)
        before = label_text(block[i - 1], label_col) if i else ""
        # the label line above ends its label (this line's first word would have fitted after it): no wrap
        label_ended = _label_ended_above(block, i, label_col, wrapping.width)
        takes_prev = prev is not None and (
            starts_lower(label) or (not label_ended and (
                (open_end(before) and (before.strip() or i not in set_off))
                or (not label_text(block[prev], label_col) and i not in set_off
                    and not _centred_row_closed(block, groups[prev], anchors, label_col)))))
        ends_cell = below is not None and (
            ends_short(block[k], block[below], label_col, wrapping.width)
            or _repeats_label_above(block, i, k, label_col)
            or (not open_end(last) and (below in set_off or _fits_after(block[k], block[below], label_col, widths))))
        takes_next = nxt is not None and (
            open_end(last) or not label_text(block[nxt], label_col)
            or (starts_lower(label_text(block[nxt], label_col))
                and not _lower_start_beyond(block, i, below, nxt, anchors, label_col, wrapping, valued))
            or label_text(block[nxt], label_col).isdigit()  # "Matthæusgade" / "1" (wrapped)
            or _padded_onto(block, unit, nxt, label_col, set_off, padded and len(anchors) == 1,
                            padded and wrapping.bottom)
            # rows set bottom-aligned: the label line right above a value line ends that row's label
            or (wrapping.bottom and nxt == k + 1 and block[k].line.bold == block[nxt].line.bold)
            # a label opened under one that ended short, filling its column, tight over a line of amounts: its top
            or (valued and label_ended and not wrapping.top and _fills_onto(block, unit, nxt, label_col))
            # rows that set their values to a wrapped label's middle: the label lines centred on a value line
            or (valued and not wrapping.top and not wrapping.bottom
                and label_centred_on(block, i, nxt, anchors, label_col, TIGHT_LINE_GAP))) and not ends_cell
        if takes_prev and takes_next:
            groups[prev if mid[i] - mid[prev] <= mid[nxt] - mid[k] else nxt].extend(unit)
        elif takes_prev or takes_next:
            groups[prev if takes_prev else nxt].extend(unit)
        elif (prev is not None and i - 1 >= prev and lc.line.bold == block[i - 1].line.bold
              and label_col in block[i - 1].cells and not _fits_after(block[i - 1], lc, label_col, widths)
              and lc.line.top - block[i - 1].line.bottom <= TIGHT_LINE_GAP * max(lc.line.size, 1.0)
              and not (_capitals_under_mixed(before, label)
                       and (wrapping.bottom or _set_as_rows(block, i, anchors)))
              and not (_padded_like_rows(block, i, anchors) and not _capitals_go_on(before, label))
              and not (valued and _opens_like(block, _row_holding(i - 1, groups, own), i, label_col))
              and not (valued and _centred_row_closed(block, _row_holding(i - 1, groups, own), anchors, label_col))):
            # set as tight as a wrapped line right under the label above ("... EN" / "AF OS"); under an empty
            # stretch of the label column it is a label of its own (a cell's lines are not parted); a line in
            # capitals under a label in mixed case, set as far below it as rows are set apart, is a section row of
            # its own ("INNOVATIONSFORSLAG"; a marker wrapped under a label, "FORTROLIGT", is set tighter). It goes
            # on the row of the line right above, which may be a row of its own under the value line: a row's lines
            # follow on, no row takes a line across another
            _row_holding(i - 1, groups, own).extend(unit)
        else:
            own.append(unit)
        i = k + 1
    for a in anchors:
        if label_col not in block[a].cells and (over := centred_overhang(block, a, groups[a], label_col)):
            groups[a] = [m for m in groups[a] if m not in over]
            own.append(over)
    rows = [sorted(g) for g in groups.values()] + own
    return [[block[i] for i in r] for r in sorted(rows)]


def _centred_row_closed(block: list[LineCells], row: list[int], anchors: list[int], label_col: int) -> bool:
    """Given a block, the lines of a row so far, the value lines and the label column, return whether the row is
    whole as a row set to the middle of its cells: its value line has no label of its own and sits between its label
    lines, label lines above and below it, in their middle. A label line more would move that middle: the line
    under such a row opens another ("SU6. Indførelse af ..." / "−14.700 ..." / "Sundheds- og
    Omsorgsforvaltningen", then the section row "INNOVATIONSFORSLAG" set as tight)."""
    values = [a for a in row if a in anchors and label_col not in block[a].cells]
    labels = [block[j].line for j in sorted(row) if label_col in block[j].cells]
    if len(values) != 1 or not labels:
        return False
    v = block[values[0]].line
    mid, tol = (v.top + v.bottom) / 2, max(CENTRE_TOLERANCE, CENTRE_SHARE * v.size)
    if not (labels[0].top + labels[0].bottom) / 2 < mid < (labels[-1].top + labels[-1].bottom) / 2:
        return False
    return abs((labels[0].top + labels[-1].bottom) / 2 - mid) <= tol


def _lower_start_beyond(block: list[LineCells], i: int, below: int | None, nxt: int, anchors: list[int],
                        label_col: int, wrapping: Wrapping, valued: bool) -> bool:
    """Given a block, the first line of a label unit, the next label line under the unit, the value line below it
    (its label starting in lowercase) and what the region tells of its rows, return whether that lowercase start
    goes on from another label line, not from this unit: in rows that set their values to a wrapped label's
    middle, a label line of its own lies between the unit and the value line (the unit did not run into it) and
    the label lines from the unit down are not centred on the value line. The unit is then no top of that label
    ("udførerområderne (køb af ekstern rådgivning)", the rest of a row the page break cut, atop the lines
    "Projektledelse og frikøb af ..." / "forberede ... | Service | 2700 | 450" / "tiltagene på ...")."""
    return (valued and not wrapping.top and not wrapping.bottom and below is not None and below < nxt
            and not label_centred_on(block, i, nxt, anchors, label_col, TIGHT_LINE_GAP))


def _tight_down_to(block: list[LineCells], k: int, anchor: int, label_col: int, set_off: set[int]) -> bool:
    """Given a block that is one row of a table whose rows are padded apart and set their cells bottom-aligned,
    a label line, the block's value line below it and the label lines set off by a row's padding, return whether
    the label lines from this one down to the value line run on as one label, each as tight under the one above
    as the wrapped lines of one cell and in its weight, none set off: a label of four lines whose second ends on
    a whole word before a capital ("Rammereduktion af selvejende" / "institutioner i Borgercenter" / "Handicap og
    Borgercenter" / "Voksne | Service | -150 ..."), which no wrapping rule alone joins."""
    lines = list(range(k, anchor + 1))
    return (k < anchor and all(label_col in block[j].cells and j not in set_off for j in lines[1:])
            and all(block[j].line.bold == block[anchor].line.bold for j in lines)
            and all(block[b].line.top - block[a].line.bottom <= TIGHT_LINE_GAP * max(block[b].line.size, 1.0)
                    for a, b in zip(lines, lines[1:], strict=False)))


def _repeats_label_above(block: list[LineCells], i: int, k: int, label_col: int) -> bool:
    """Given a block, a label unit of one line (`i == k`) and the label column, return whether its label repeats
    the label line right above it word for word, both lines holding cells of other columns beside it: rows of one
    group repeating the group's name beside their own entries ("Sundheds- og Omsorgsudvalget | Besparelse" /
    "Sundheds- og Omsorgsudvalget | Omkostninger"). Such a line is a whole label, however much of its column it
    fills. (A label line alone may repeat a section row above it and go on below: "Implementeringsomkostninger" /
    "Implementeringsomkostninger" / "–terapeutfaglige kompetencer".)"""
    if i != k or i == 0 or label_col not in block[i - 1].cells:
        return False
    if set(block[i].cells) == {label_col} or set(block[i - 1].cells) == {label_col}:
        return False
    label = label_text(block[i], label_col)
    return bool(label.strip()) and label == label_text(block[i - 1], label_col)


def _fills_onto(block: list[LineCells], unit: list[int], nxt: int, label_col: int) -> bool:
    """Given a block, the lines of a label unit that opens a label (the label above it ended short), the value line
    below it and the label column, return whether the unit is the top of the value line's label: its lines hold
    nothing but the label (a row set to its foot sets its other cells on its last line), and the value line
    follows right under it, as tight as a wrapped line and in its weight, with a label of its own. (The caller has
    found that the value line's first word would not have fitted on the unit's last line, so a wrapping broke the
    label there: "Implementeringsomkostninger" / "Opnormering med ... og juridisk" / "Understøttelse | Service |
    2.520 ...", where no lowercase start or open end tells that rows set their cells bottom-aligned.)"""
    k = unit[-1]
    if (nxt != k + 1 or label_col not in block[nxt].cells or block[k].line.bold != block[nxt].line.bold
            or any(set(block[j].cells) != {label_col} for j in unit)):
        return False
    low, up = block[nxt].line, block[k].line
    return 0 <= low.top - up.bottom <= TIGHT_LINE_GAP * max(low.size, 1.0)


OPENING_WORDS = 2  # labels of sibling entries open with this many words alike


def _opens_like(block: list[LineCells], row: list[int], i: int, label_col: int) -> bool:
    """Given a block's lines, the lines of the row above a label line, the line and the label column, return
    whether the line's label opens with the same words as that row's label (`OPENING_WORDS`, the first a word):
    the label of a sibling entry ("Effekt på lønudgifter ... 6.45 | -8.702 ..." / "Effekt på øvrige administrative
    udgifter", a row without amounts), not a wrapped line of the label above, which never repeats its opening.
    (Only in a table of amounts: a text cell's sentences may open alike, "Udgifter i Center for ..." / "Udgifter i de
    to centre ...".)"""
    first = next((j for j in sorted(row) if label_col in block[j].cells), None)
    if first is None or first == i:
        return False
    opening = label_text(block[first], label_col).split()[:OPENING_WORDS]
    return (len(opening) == OPENING_WORDS and opening[0][:1].isalpha()
            and label_text(block[i], label_col).split()[:OPENING_WORDS] == opening)


def _row_holding(j: int, groups: dict[int, list[int]], own: list[list[int]]) -> list[int]:
    """Given a line's index and the rows gathered so far (value rows by their value line, rows of their own),
    return the row that holds the line."""
    return next((g for g in [*groups.values(), *own] if j in g), groups[max(a for a in groups if a <= j)])


def _section_over_row(block: list[LineCells], anchors: list[int], label_col: int) -> list[list[LineCells]]:
    """Given a ruled band's lines with one value line and the label column, return the band parted into a section
    row and the row under it when the lines above the value line hold labels only, all set bold, and the value
    line's label is set plain ("Varige ændringer" over "Behandlingstiden nedsættes med 2½" | "Service" | "-1.400", the
    band ruled only above the total: a wrapped label keeps its weight); else []."""
    if len(anchors) != 1 or anchors[0] == 0 or label_col not in block[anchors[0]].cells:
        return []
    if mostly_bold(block[anchors[0]].cells[label_col]):
        return []  # the value line's own label is set bold too: the lines above are its label's first lines
    top = block[:anchors[0]]
    if not all(lc.line.bold and set(lc.cells) == {label_col} for lc in top):
        return []
    return [top, block[anchors[0]:]]


def _padded_onto(block: list[LineCells], unit: list[int], nxt: int, label_col: int, set_off: set[int],
                 one_row: bool, bottom: bool = False) -> bool:
    """Given a block, label lines read as one label (`unit`), the next value line, the label lines set off from
    the label line above by a row's padding (`_set_off_lines`) and whether the block is one row of a table whose
    rows are parted by space (`one_row`: a padded table's block with one value line), return whether the label's
    lines open the value line's row: the first is set off from the row above by that padding (or opens such a
    block), and they and the value line's own label line follow on as tight as the wrapped lines of one cell
    (`TIGHT_LINE_GAP`), the value line right under them (rows padded apart, cells set bottom-aligned: "Hjælp til
    stalkingudsatte og" / "stalkere - driftstilskud til Dansk" / "Stalking Center 16,5 ..."; the next line's
    capital starts no row there). A section row over rows set at one spacing ("Implementeringsomkostninger") is
    set as far above the row under it as the rows are apart, and stays a row of its own; so does one set in
    another weight than the row under it (bold over plain, as tight as wrapped lines: a wrapped label keeps its
    weight). `bottom`: the rows are padded apart and set their cells bottom-aligned, so a label whose lines run
    that tight down to the value line is its row's, wherever it starts (under the first lines of a taller cell
    of its row: "Flere mennesker med" / "handicap i job – bilag nr." / "90 (Beskæftigelse) | 66,6 ...")."""
    # rows padded apart and set bottom-aligned: the label lines between the label and the value line go on down
    # to it as tight, whatever word starts them ("Rammereduktion af selvejende" / "institutioner i Borgercenter" /
    # "Handicap og Borgercenter" / "Voksne | Service | -150 ...")
    between = list(range(unit[-1] + 1, nxt)) if bottom and one_row else []
    lines = [*unit, *between, nxt]
    return ((unit[0] in set_off or (unit[0] == 0 and one_row) or bottom) and nxt == lines[-2] + 1
            and all(label_col in block[j].cells for j in between)
            and label_col in block[nxt].cells and not any(j in set_off for j in lines[1:])
            and all(block[j].line.bold == block[nxt].line.bold for j in lines)
            and all(block[b].line.top - block[a].line.bottom <= TIGHT_LINE_GAP * max(block[b].line.size, 1.0)
                    for a, b in zip(lines, lines[1:], strict=False)))


def _capitals_under_mixed(upper: str, lower: str) -> bool:
    """Given a label line and the label line under it, return whether the lower is set in capitals (letters, none
    lowercase: a section row, "INNOVATIONSFORSLAG") under a label line ending in a word in lowercase (a name in
    capitals broken over the two lines, "... kampagnen EN AF" / "OS", goes on)."""
    letters = [ch for ch in lower if ch.isalpha()]
    words = upper.split()
    return (len(letters) >= 2 and not any(ch.islower() for ch in letters)
            and bool(words) and any(ch.islower() for ch in words[-1]))


def _capitals_go_on(upper: str, lower: str) -> bool:
    """Given a label line and the label line under it, return whether the lower, set in capitals, goes on from a
    word in capitals ending the upper: a name in capitals broken over two lines ("... kampagnen EN AF" / "OS"),
    whatever space parts them."""
    letters = [ch for ch in lower if ch.isalpha()]
    words = upper.split()
    return (bool(letters) and not any(ch.islower() for ch in letters) and bool(words)
            and any(ch.isalpha() for ch in words[-1]) and not any(ch.islower() for ch in words[-1]))


ROW_GAP_SLACK = 0.5  # points: a line this much tighter under the one above than rows are set apart is still a row


def _set_as_rows(block: list[LineCells], i: int, anchors: list[int]) -> bool:
    """Given a block's lines, a line of it and its value lines, return whether the line sits at least as far below
    the line above it as two value lines next to each other do (rows set as tight as wrapped lines, no padding
    between them); False when no two value lines are next to each other."""
    gaps = [block[a + 1].line.top - block[a].line.bottom for a in anchors if a + 1 in anchors]
    return bool(gaps) and i > 0 and block[i].line.top - block[i - 1].line.bottom >= min(gaps) - ROW_GAP_SLACK


def _padded_like_rows(block: list[LineCells], i: int, anchors: list[int]) -> bool:
    """Given a block's lines, a line of it and the lines opening its rows (`anchors`), return whether the line sits
    as far below the line above it as every row's first line does, and that gap is wider than the narrowest gap
    between two lines of the block (a wrapped line's) by a row's padding (`ROW_PADDING_MIN`): rows padded apart
    a little, a line so set opens a row ("Realisering af" / "effektiviseringer", a section row, under a label's
    last wrapped line). False when no row's first line has a line above it."""
    gaps = [g for a in anchors if a > 0 and (g := block[a].line.top - block[a - 1].line.bottom) >= 0]
    tight = [g for a, b in zip(block, block[1:], strict=False) if (g := b.line.top - a.line.bottom) >= 0]
    if not gaps or not tight or i == 0:
        return False
    row = min(gaps)
    return (row >= min(tight) + ROW_PADDING_MIN
            and block[i].line.top - block[i - 1].line.bottom >= row - ROW_GAP_SLACK)


def _centred_islands(block: list[LineCells], anchors: list[int], label_col: int) -> list[list[int]]:
    """Given a block's lines and its value lines (`anchors`), return the runs of lines that are a row without
    values of their own: lines set tight on one another, parted from the lines above and below by more than a
    wrapped line's gap (a row's padding), with no value line and one label line ("Koncern-IT" over the wrapped
    lines of a remark and a date, top-aligned) or some lines half a line off the others' grid (cells of several
    lines set vertically centred beside the label). Such a run holds every line of its row; without it, its lines
    would be dealt to the value rows around it. (Label lines set tight without such a sign may be section rows.)"""
    runs: list[list[int]] = []
    for i, lc in enumerate(block):
        above = block[i - 1].line if i else None
        if above is not None and lc.line.top - above.bottom <= TIGHT_LINE_GAP * max(above.size, lc.line.size, 1.0):
            runs[-1].append(i)
        else:
            runs.append([i])
    values = set(anchors)
    out = []
    for run in runs:
        labels = sum(label_col in block[j].cells for j in run)
        if len(run) > 1 and not values & set(run) and labels and (
                labels == 1 or _off_grid([block[j] for j in run])):
            out.append(run)
    taken = {j for run in out for j in run}
    return out + [run for run in _centred_on_labels(block, anchors, label_col) if not taken & set(run)]


def _centred_on_labels(block: list[LineCells], anchors: list[int], label_col: int) -> list[list[int]]:
    """Given a block's lines, its value lines (`anchors`) and the label column, return the rows without values of
    their own set as tight as wrapped lines between value rows, their cells vertically centred on a one-line label:
    each label line that is no value line, beside which a cell of another column (`_cell_paragraphs`) of several
    lines has its middle, the lines of every such cell being all the lines between two value rows (or the block's
    ends), the label starting an entry of its own ("Ja Der har været dialog ..." / "Kunstig Intelligens ..." /
    "innovationscasen." beside "Koncern-IT" between "IT-kredsen | Ikke relevant | -" and "HR-kredsen | ...", its
    first line right under the row above, closer than a row's padding)."""
    cells = _cell_paragraphs(block)
    values = set(anchors)
    out: list[list[int]] = []
    for i, lc in enumerate(block):
        if i in values or label_col not in lc.cells:
            continue
        before = max((a for a in values if a < i), default=-1)
        after = min((a for a in values if a > i), default=len(block))
        above = next((label_text(block[j], label_col) for j in range(i - 1, -1, -1) if label_col in block[j].cells),
                     "")
        if wraps_onto(above, label_text(lc, label_col)):
            continue
        mid = (lc.line.top + lc.line.bottom) / 2
        tol = max(CENTRE_TOLERANCE, CENTRE_SHARE * lc.line.size)
        spans = [(t, b) for c, col in cells.items() if c != label_col for t, b in col
                 if b - t > lc.line.bottom - lc.line.top + OVERLAP_TOLERANCE and abs((t + b) / 2 - mid) <= tol]
        if not spans:
            continue
        top, bottom = min(t for t, _ in spans), max(b for _, b in spans)
        run = [j for j, m in enumerate(block) if top <= (m.line.top + m.line.bottom) / 2 <= bottom]
        if (run == list(range(before + 1, after)) and len(run) > 1
                and sum(label_col in block[j].cells for j in run) == 1):
            out.append(run)
    return out


CELL_GAP_PITCHES = 1.5  # lines of one column this many line pitches apart (an empty line between) are two cells


def _off_grid(block: list[LineCells]) -> bool:
    """Given a block of lines, return whether some line overlaps the line above it: a cell set vertically centred
    beside cells with one line more or less sits half a line off the others' line grid."""
    return any(b.line.top < a.line.bottom - OVERLAP_TOLERANCE for a, b in zip(block, block[1:], strict=False))


def _cell_paragraphs(block: list[LineCells], widths: list[float | None] | None = None
                     ) -> dict[int, list[tuple[float, float]]]:
    """Given a block of a text table (and the columns' widths, `column_widths`), return per column the vertical
    extent (top, bottom) of its cells: a column's lines follow on in one cell unless more than `CELL_GAP_PITCHES`
    line pitches part them (the narrowest pitch between two lines of one column), or a pitch widened by a row's
    padding (`ROW_PADDING_MIN`, and `LABEL_PADDING_SHARE` of the font size: the lines of one cell are never padded
    apart, so a line starting in lowercase there, "i forbindelse med ...", opens the next row's cell), or the lower
    line starts like an entry of its own (`_opens_entry`) under a line with no open end, or whose end its first
    word would have fitted after (no wrap broke it there: a cell's text may end on "med"); a number or nil marker
    ("-") is a cell of its own. A cell read in two is put together again by the rows (cells of one row overlap)."""
    cols = sorted({c for lc in block for c in lc.cells})
    runs = {c: [lc for lc in block if c in lc.cells] for c in cols}
    pitch = min((b.line.top - a.line.top for run in runs.values() for a, b in zip(run, run[1:], strict=False)
                 if b.line.top >= a.line.bottom - OVERLAP_TOLERANCE), default=None)
    out: dict[int, list[tuple[float, float]]] = {}
    for c, run in runs.items():
        cells = out.setdefault(c, [])
        top, bottom = run[0].line.top, run[0].line.bottom
        for a, b in zip(run, run[1:], strict=False):
            if (_is_numeric_text(cell_text(a.cells[c])) or _is_numeric_text(cell_text(b.cells[c]))
                    or (pitch is not None and b.line.top - a.line.top > min(
                    CELL_GAP_PITCHES * pitch, pitch + max(ROW_PADDING_MIN, LABEL_PADDING_SHARE * b.line.size)))
                    or (_opens_entry(b.cells[c]) and (not open_end(cell_text(a.cells[c]))
                                                      or _fits_after(a, b, c, widths)))):
                cells.append((top, bottom))
                top = b.line.top
            bottom = b.line.bottom
        cells.append((top, bottom))
    return out


def _opens_entry(words: list[Word]) -> bool:
    """Given the words of a cell's line, return whether they start like an entry of their own: with a capital, or
    with a number followed by words ("4 medarbejdere ...", "4. kvartal 2023"; a lone year wrapped off "Dækket ved
    forhandlinger om budget" goes on in its cell)."""
    first = words[0].text[:1]
    return first.isupper() or (first.isdigit() and len(words) > 1)


def _centred_rows(block: list[LineCells], widths: list[float | None] | None = None) -> list[list[LineCells]]:
    """Given a block of a text table whose cells are set vertically centred (`_off_grid`) and the columns' widths
    (`column_widths`), return its rows: the
    runs of cells (`_cell_paragraphs`) that overlap one another, each row the lines in one such run. Rows set
    without padding follow on at the pitch of a wrapped line, and a short cell's lines sit beside the middle of the
    row's tallest one, so neither a gap nor a line that fills every column tells where a row starts: only that no
    cell reaches from one row into the next."""
    spans: list[list[float]] = []
    for top, bottom in sorted(span for cells in _cell_paragraphs(block, widths).values() for span in cells):
        if spans and top < spans[-1][1] - OVERLAP_TOLERANCE:
            spans[-1][1] = max(spans[-1][1], bottom)
        else:
            spans.append([top, bottom])
    rows: list[list[LineCells]] = [[] for _ in spans]
    for lc in block:
        mid = (lc.line.top + lc.line.bottom) / 2
        rows[next((k for k, (top, bottom) in enumerate(spans) if top <= mid <= bottom), len(spans) - 1)].append(lc)
    return [r for r in rows if r]


def _spaced_entry(block: list[LineCells], i: int) -> bool:
    """Given a block of a text table and one of its lines without a label, return whether the
    line is an entry of its own under a label that spans several rows: each of its cells starts with a capital,
    and it is set further from the lines above and below it than a wrapped line of one cell is (a row's padding;
    a line set tight above the next one may be the first line of that row, its label set lower)."""
    lc = block[i]
    if not lc.cells or not all(ws[0].text[:1].isupper() for ws in lc.cells.values()):
        return False
    apart = TIGHT_LINE_GAP * max(lc.line.size, 1.0)
    above = i == 0 or lc.line.top - block[i - 1].line.bottom > apart
    below = i == len(block) - 1 or block[i + 1].line.top - lc.line.bottom > apart
    return above and below


LISTED_MIN_LINES = 4  # a column lists entries one per line when at least this many of its lines have no label
LISTED_SHARE = 0.5  # ... and, judged over a whole table, at least this share of them


def _listed_columns(block: list[LineCells], label_col: int, bare_share: float = 0.0) -> set[int]:
    """Given a block of a text table and its label column, return the columns that list entries one per line
    (names of municipalities under each area): at least `LISTED_MIN_LINES` of the column's lines have no label
    beside them, and every line of it starts like an entry (`_opens_entry`) and has no open end. A cell's wrapped
    text goes on in lowercase or from an open end somewhere; a list's lines never do, however tight they are set
    and however short of the column's width each one stops (rows as tight as wrapped lines: LibreOffice). With
    `bare_share`, the lines without a label must be at least that share of the column's (a whole table's list under
    labels that span several rows, not a few wrapped cells: "Borgercenter" / "Voksne")."""
    out = set()
    for c in sorted({c for lc in block for c in lc.cells} - {label_col}):
        run = [lc.cells[c] for lc in block if c in lc.cells]
        bare = sum(label_col not in lc.cells for lc in block if c in lc.cells)
        if (bare >= max(LISTED_MIN_LINES, bare_share * len(run))
                and all(_opens_entry(ws) and not open_end(cell_text(ws)) for ws in run)):
            out.add(c)
    return out


def _listed_line(lc: LineCells, listed: set[int]) -> bool:
    """Given a line without a label and the columns that list entries one per line (`_listed_columns`), return
    whether the line is an entry of its own: all its cells lie in such columns."""
    return bool(lc.cells) and all(c in listed for c in lc.cells)


def _new_entry(block: list[LineCells], i: int, label_col: int, edges: list[float],
               widths: list[float | None] | None = None) -> bool:
    """Given a block, one of its lines without a label, the label column, the columns' x edges and widths
    (`column_widths`), return whether the line opens an entry of its own rather than wrapping the cell above: each
    of its cells starts with a capital, and the cell text on the line just above in that column stopped short of
    the column's right edge and of its widest line (the first word of this line would have fitted there, so no
    wrapping broke it off)."""
    lc = block[i]
    if not i or not lc.cells:
        return False
    above = block[i - 1]
    for c, ws in lc.cells.items():
        first = ws[0].text
        if c == label_col or not first[:1].isupper() or c not in above.cells:
            return False
        right = edges[c + 1]
        space = SPACE_SHARE * lc.line.size
        if above.cells[c][-1].x1 + space + (ws[0].x1 - ws[0].x0) > right or (
                widths and widths[c] is not None and not _fits_after(above, lc, c, widths)):
            return False
    return True


def _runs_down_to(block: list[LineCells], i: int, nxt: int, label_col: int, widths: list[float | None] | None
                  ) -> bool:
    """Given a block, one of its lines without a label, the next value line below it, the label column and the
    columns' widths (`column_widths`), return whether the line opens a cell that runs down to that value line and
    ends there, with the row's other cells: each line from it down to the value line is set as tight as a wrapped
    line under the one above and goes on from it in a column of both (`_wraps_cell_onto`), and the line under the
    value line goes on from it in none of those columns (a remark centred beside a one-line row runs on past its
    value line). Rows whose cells are set to the bottom, where a tall cell's first line comes as close under the
    row above as a wrapped line (small type leads wide, the row's padding is small), print such a cell above the
    row's label ("... specialiseret træning mm." / "Kan påvirkes ...")."""
    if not 0 < i < nxt or not all(_wraps_cell_onto(block[j - 1], block[j], label_col, widths)
                                  for j in range(i + 1, nxt + 1)):
        return False
    cols = {c for j in range(i, nxt + 1) for c in block[j].cells if c != label_col}
    return nxt + 1 >= len(block) or not _wraps_cell_onto(block[nxt], block[nxt + 1], label_col, widths, cols)


def _wraps_cell_onto(above: LineCells, lc: LineCells, label_col: int, widths: list[float | None] | None,
                     cols: set[int] | None = None) -> bool:
    """Given two consecutive lines, the label column, the columns' widths and optionally the columns to look at,
    return whether the lower line is set as tight under the upper as a wrapped line and goes on from it in a
    column (other than the label's) of both: starting in lowercase, or with a word that would not have fitted on
    the upper line (a wrap)."""
    return lc.line.top - above.line.bottom <= TIGHT_LINE_GAP * max(lc.line.size, 1.0) and any(
        c != label_col and c in above.cells and (cols is None or c in cols)
        and (ws[0].text[:1].islower() or not _fits_after(above, lc, c, widths))
        for c, ws in lc.cells.items())


def _right_edge(region: Region) -> float:
    """Given a region, return the x its last column may run to: the end of the rules (or shading) drawn across
    it, else its text's right end."""
    ends = [r.end for r in region.page.hrules if region.top - 3 <= r.pos <= region.bottom + 3
            and r.start < region.x1 and r.end > region.x0]
    ends += [x1 for x0, top, x1, bottom in region.page.shades if top < region.bottom and bottom > region.top
             and x0 < region.x1 and x1 > region.x0]
    return max([region.x1, *ends])


def _padded_above(lcs: list[LineCells], j: int, wrap: float | None) -> bool:
    """Given distributed lines, one of them and the wrapped-line gap, return whether the line is set off from the
    line above by a row's padding (wider than a wrapped line's gap by `ROW_PADDING_MIN` and `LABEL_PADDING_SHARE`
    of the font size)."""
    size = lcs[j].line.size
    return wrap is not None and lcs[j].line.top - lcs[j - 1].line.bottom >= wrap + max(
        ROW_PADDING_MIN, LABEL_PADDING_SHARE * size)


def _opens_padded_row(block: list[LineCells], i: int, nxt: int) -> bool:
    """Given a block, one of its lines without a label and the next value line below it, return whether the line
    is the first line of that value line's row: it is set off from the line above by a row's padding
    (`_padded_above`), and every line from it down to the value line follows on as tight as the wrapped lines of
    one cell. Rows padded apart whose cells are set to the row's bottom (or middle) start a cell of several lines
    above the row's label ("Lønninger til visitatorer ..." / "samlede visitation ..." / "3 | Myndighed, visitatorer
    | ... | tildelt af forskellige omgange."); the wrapped end of the row above would follow it tight, and an entry
    of its own would be padded off from the row below too."""
    wrap = _wrap_gap(block)
    return (0 < i < nxt and _padded_above(block, i, wrap)
            and not any(_padded_above(block, j, wrap) for j in range(i + 1, nxt + 1)))


def _cut_runs(region: Region, lcs: list[LineCells], label_col: int) -> tuple[int, int]:
    """Given a region and its distributed lines, return how many of its first and of its last lines are a row the
    page break cut, apart from the rows next to them: under nothing printed above on the page, plain lines with no
    label set off by a row's padding above the first line with one (the rest of the cells of the last row on the
    page before: they are not the wrapped top of this row's cells); over nothing printed below, lines with no label
    in two columns or more, the last of them set off by a row's padding from the line above, or all of them under a
    label set alone (`_under_lone_label`): the first lines of a row whose label went on to the next page, they
    are not the wrapped end of the row above."""
    labelled = [i for i, lc in enumerate(lcs) if label_col in lc.cells]
    if not labelled:
        return 0, 0
    wrap = _wrap_gap(lcs)
    page = region.page
    first, last = labelled[0], labelled[-1] + 1
    lead = first if (0 < first and nothing_above(page.lines, region.top)
                     and not any(lc.line.bold for lc in lcs[:first]) and _padded_above(lcs, first, wrap)) else 0
    start = max((j for j in range(last, len(lcs)) if _padded_above(lcs, j, wrap)), default=len(lcs))
    if start == len(lcs) and _under_lone_label(lcs, last):
        start = last
    tail = len(lcs) - start if (start < len(lcs) and not any(ln.top >= region.bottom for ln in page.lines)
                                and len({c for lc in lcs[start:] for c in lc.cells}) >= 2) else 0
    return lead, tail


def _under_lone_label(lcs: list[LineCells], last: int) -> bool:
    """Given distributed lines and the index after the last one with a label, return whether the lines after it are
    below that line, clear of it, and it holds its label alone (a section row, "Varige ændringer"): cells of a row
    whose label the page break moved on (a label cell of several lines, the row's other cells set to its middle),
    not that label's own (a one-line label's cells share its line, a wrapped label's run beside its lines)."""
    above = lcs[last - 1]
    return (0 < last < len(lcs) and len(above.cells) == 1 and not _ends_wrapped_label(lcs, last - 1)
            and all(lc.line.top >= above.line.bottom for lc in lcs[last:]))


def _ends_wrapped_label(lcs: list[LineCells], j: int) -> bool:
    """Given distributed lines and one holding a label alone, return whether it is the last line of a label wrapped
    over several lines: the line above holds a label alone too, set as tight above it as the wrapped lines of one
    cell (`TIGHT_LINE_GAP`). Cells left at a page's foot right under such a label are the bottom-aligned values of
    that label's row, cut by the page break after them ("Spor 1: Bedre udnyttelse af" / "kapacitet, færre køb og" /
    "revisitationer som følge af styrket" / "Service | -5.800 ...", its label's rest atop the next page), not a row
    under a section row."""
    if j < 1:
        return False
    up, line = lcs[j - 1].line, lcs[j].line
    return len(lcs[j - 1].cells) == 1 and set(lcs[j - 1].cells) == set(lcs[j].cells) \
        and 0 <= line.top - up.bottom <= TIGHT_LINE_GAP * max(line.size, 1.0)


def group_rows(region: Region, lcs: list[LineCells], label_col: int, seps: list[float],
               settings: ExtractionSettings = DEFAULT_SETTINGS, cut: bool = True) -> list[list[LineCells]]:
    """Given a region's distributed lines and its column separators, return its rows (lists of lines), header
    lines included; with `cut`, the lines at either end that are a row the page break cut are a row of their own
    (`_cut_runs`)."""
    lead, tail = _cut_runs(region, lcs, label_col) if cut else (0, 0)
    if lead or tail:
        inner = group_rows(region, lcs[lead:len(lcs) - tail], label_col, seps, settings, cut=False)
        return ([lcs[:lead]] if lead else []) + inner + ([lcs[len(lcs) - tail:]] if tail else [])
    edges = [region.x0, *seps, _right_edge(region)]
    widths = column_widths(lcs, edges)
    rules = _row_rules(region, settings)
    anchors = {i for i, lc in enumerate(lcs) if _is_anchor(lc, label_col)}
    wrapping = Wrapping(label_width(lcs, label_col, edges[label_col + 1]), bottom_aligned(lcs, label_col, anchors),
                        top_aligned(lcs, label_col, anchors))
    if len(rules) >= 2:
        wrap = _wrap_gap(lcs)
        bands: dict[int, list[LineCells]] = {}
        for lc in lcs:
            mid = (lc.line.top + lc.line.bottom) / 2
            bands.setdefault(sum(1 for y in rules if mid > y), []).append(lc)
        ordered = [band for _, band in sorted(bands.items())]
        # a box with a rule under its header only (the body one band of many lines): its rows are not ruled apart
        # (or a box around the whole table, one band)
        boxed = len(ordered) - 1 if len(ordered) <= 2 and len(ordered[-1]) >= BOXED_BODY_LINES else None
        # rules that do not part every row (under the header, above totals): a band holds several value lines
        # somewhere, and a band with one value line may hold a section row over it too, so it is not one row
        sparse = any(sum(_is_anchor(lc, label_col) for lc in band) >= 2 for band in ordered)
        one_line = _one_line_row_height(bands, rules)
        rows = []
        for k, band in enumerate(ordered):
            if one_line is not None and k != boxed and not any(_is_anchor(lc, label_col) for lc in band):
                *parts, band = _rows_at_row_pitch(band, one_line)  # text rows a band holds, a row's height apart
                for part in parts:
                    rows += _split_block(part, label_col, True, edges, wrap, wrapping, widths)
            if k == boxed:  # rows not ruled apart: parted by the space between them, as without rules
                blocks = _spaced_blocks(band, settings)
                listing = frozenset(_listed_columns(band, label_col, LISTED_SHARE))
                for block in blocks:
                    rows += _split_block(block, label_col, False, edges, wrapping=wrapping, widths=widths,
                                         padded=len(blocks) >= PADDED_BLOCKS, listing=listing)
                continue
            one = sum(_is_anchor(lc, label_col) for lc in band) == 1
            ruled = not (sparse and one)
            rows += _split_block(band, label_col, ruled, edges, wrap, wrapping, widths)
        return rows
    rows = []
    blocks = _spaced_blocks(lcs, settings)
    # a column listing entries one per line shows it over the table, though a block may hold one line of it
    listing = frozenset(_listed_columns(lcs, label_col, LISTED_SHARE))
    for b in blocks:
        rows += _split_block(b, label_col, False, edges, wrapping=wrapping, widths=widths,
                             padded=len(blocks) >= PADDED_BLOCKS, listing=listing)
    return rows


def _one_line_row_height(bands: dict[int, list[LineCells]], rules: list[float]
                         ) -> tuple[float, TextLine, float | None] | None:
    """Given a ruled region's lines by band (keyed by the number of rules above them) and its rules, return the
    height of a padded row of one line and that line: the lowest band that rules (or shading edges) bound on both
    sides and that holds exactly one line, taller than its line's size by more than a line's leading
    (`PADDED_ROW_SIZES`), and than a wrapped line's pitch by a row's padding (`ROW_PADDING_MIN`; small type leads
    wide): the pitch of the lines of a band so bound that is too short to hold them as rows of that height (one
    row's wrapped lines). A row set without padding is as tall as a wrapped line's pitch, and tells nothing. None
    when no band is such a row; with it, that wrapped line's pitch (None when no band shows one)."""
    bound = {k: band for k, band in bands.items() if 0 < k < len(rules)}
    rows = [(rules[k] - rules[k - 1], band[0].line) for k, band in bound.items() if len(band) == 1]

    def pitch(h: float) -> float | None:
        return min((b.line.top - a.line.top for k, band in bound.items()
                    if len(band) >= 2 and rules[k] - rules[k - 1] < len(band) * h - TIGHT_ROW_PADDING
                    for a, b in zip(band, band[1:], strict=False)), default=None)

    def padded(h: float, ln: TextLine) -> bool:
        p = pitch(h)
        return h >= PADDED_ROW_SIZES * ln.size and (p is None or h >= p + ROW_PADDING_MIN)

    best = min(((h, ln) for h, ln in rows if padded(h, ln)), key=lambda r: r[0], default=None)
    return None if best is None else (*best, pitch(best[0]))


def _rows_at_row_pitch(band: list[LineCells], row: tuple[float, TextLine, float | None]) -> list[list[LineCells]]:
    """Given a ruled band of lines and a padded row of one line (`_one_line_row_height`: its height, line and the
    wrapped lines' pitch), return the band parted where a line set like that row's (one size, one weight: not a
    bold section row's height measuring plain rows, unless the line sits just that height below the line above:
    plain rows of one line under shaded section rows, "Scenarie 1" over "Algoritme1" and "Algoritme2") sits a
    whole row's height below the line above (top to top, in one size): lines of one cell are set a line pitch
    apart, which is less than a one-line row's height by the row's padding; the band above a table's first shaded
    stripe (zebra shading that leaves the header and the first row plain) holds two rows set that far apart. A
    gap nearer the wrapped lines' pitch than the row's height is a wrapped line's, however little the padding
    (small type with a padding of about 1 pt: a cell of three wrapped lines, "Dækket ved" / "forhandlinger" /
    "om budget 2025", is one row)."""
    height, line, pitch = row
    least = max(height - ROW_PADDING_MIN, (height + pitch) / 2 if pitch is not None else 0.0)
    parts = [band[:1]]
    for above, lc in zip(band, band[1:], strict=False):
        if (abs(lc.line.size - line.size) <= SAME_SIZE and abs(above.line.size - line.size) <= SAME_SIZE
                and (lc.line.bold == line.bold or abs(lc.line.top - above.line.top - height) <= TIGHT_ROW_PADDING)
                and lc.line.top - above.line.top >= least):
            parts.append([lc])
        else:
            parts[-1].append(lc)
    return parts


def _spaced_blocks(lcs: list[LineCells], settings: ExtractionSettings) -> list[list[LineCells]]:
    """Given lines not ruled apart, return blocks of lines set at most `row_gap_factor` line pitches apart (and
    in one weight): rows, or runs of rows, parted by more space than a wrapped line."""
    # the line pitch: between consecutive lines that do not overlap (a value line centred between two label
    # lines overlaps both, and would make the pitch look tiny)
    pitch = min((b.line.top - a.line.top for a, b in zip(lcs, lcs[1:], strict=False)
                 if b.line.top >= a.line.bottom - OVERLAP_TOLERANCE), default=10.0)
    blocks: list[list[LineCells]] = []
    for lc in lcs:
        if blocks and lc.line.top - blocks[-1][-1].line.top <= settings.row_gap_factor * pitch \
                and lc.line.bold == blocks[-1][-1].line.bold:
            blocks[-1].append(lc)
        else:
            blocks.append([lc])
    return blocks


# ---------------------------------------------------------------- header and assembly
def _peel_header_lines(row: list[LineCells], label_col: int) -> tuple[list[LineCells], list[LineCells]]:
    """Given the first row group, split off leading header lines that were grouped with the first value line."""
    if not any(_is_anchor(lc, label_col) for lc in row):
        return [], row
    first = next(i for i, lc in enumerate(row) if _is_anchor(lc, label_col))
    anchor_bold = row[first].line.bold
    k = 0
    while k < first and (any(c != label_col for c in row[k].cells) or (row[k].line.bold and not anchor_bold)):
        k += 1
    return row[:k], row[k:]


def _peel_text_header(rows: list[list[LineCells]], label_col: int) -> tuple[list[LineCells], list[LineCells]]:
    """Given an unruled text table's rows, split off the lines of its first row that are the header over the other
    columns, grouped with the first entry because the label column's head is empty: the lines above the entry's
    first line (a label and another cell; or, the entry's cells set centred beside its wrapped label so that no
    line holds both, its first label line under bold heads, no line from there on bold), none with a label, that
    head every column the body fills besides the labels (an entry's own cells wrapped above its label, set centred
    or bottom-aligned, head only some)."""
    row = rows[0]
    first = next((i for i, lc in enumerate(row) if label_col in lc.cells and any(c != label_col for c in lc.cells)),
                 None)
    if first is None:  # the entry's cells set centred beside its wrapped label: bold heads over plain lines
        first = next((i for i, lc in enumerate(row) if label_col in lc.cells), None)
        if not first or not all(lc.line.bold for lc in row[:first]) or any(lc.line.bold for lc in row[first:]):
            return [], row
    if not first or any(label_col in lc.cells for lc in row[:first]) or _ends_wrapped_head(row, first, label_col):
        return [], row
    body_cols = {c for lc in row[first:] + [lc for r in rows[1:] for lc in r] for c in lc.cells if c != label_col}
    heads = {c for lc in row[:first] for c in lc.cells}
    return (row[:first], row[first:]) if body_cols and body_cols <= heads else ([], row)


def _ends_wrapped_head(row: list[LineCells], first: int, label_col: int) -> bool:
    """Given a text table's first row, the index of its first line with a label and the label column, return
    whether that line is the last line of a header set to the bottom of its cells, not an entry's first line: every
    other cell on it goes on in lowercase from the head above it ("Hvordan måles" / "opfølgningsmålet?"), the
    label column's head beside them, and no line follows in the row (an entry's cells run on below it)."""
    lc = row[first]
    others = [c for c in lc.cells if c != label_col]
    return (first == len(row) - 1 and bool(others)
            and all(c in row[first - 1].cells and starts_lower(cell_text(lc.cells[c])) for c in others))


def _ends_ruled_head(lcs: list[LineCells], i: int, label_col: int, rules: list[float]) -> bool:
    """Given a value table's distributed lines, the index of a line carrying a number, its label column and the
    rules across it, return whether that line is the last line of a head wrapped over several lines, not a row: it
    has no label, each of its cells goes on from a text line of the same column set as tight above it (a head's
    last word, "FTSE Eurotop" / "100"), no rule parts it from that line, and a rule parts it from the line below
    (the rule under the header; a row's values set under its label sit in the row's band)."""
    if i == 0 or i + 1 >= len(lcs) or label_col in lcs[i].cells:
        return False
    upper, lc, lower = lcs[i - 1], lcs[i], lcs[i + 1]

    def mid(x: LineCells) -> float:
        return (x.line.top + x.line.bottom) / 2

    return (not _is_anchor(upper, label_col) and set(lc.cells) <= set(upper.cells)
            and lc.line.top - upper.line.bottom <= TIGHT_LINE_GAP * max(upper.line.size, 1.0)
            and not any(mid(upper) < y < mid(lc) for y in rules) and any(mid(lc) < y < mid(lower) for y in rules))


def _leading_header(lcs: list[LineCells], label_col: int, edges: list[float], width: float | None,
                    rules: list[float] = ()) -> list[LineCells]:
    """Given a value table's distributed lines, its label column, its columns' x edges and the width its labels
    are set in, return its header lines when the lines tell them apart: above the first value line, the first
    line holding a head over every column the body fills (a year, a unit, "Beløb ..."), the lines above it (a
    head wrapped over several lines and set bottom-aligned leaves lines holding some columns' heads only, or the
    label column's head only, set as tight as a wrapped line), and the lines set that tight under it (a head
    wrapped and set top-aligned), all in one weight. A line under it must continue heads: a label there is one the
    label head above wraps into (not a section row whose first word would have fitted after it within `width`),
    or, with no label head above, comes with other columns' heads; and it ends above the first value line (not a
    label whose values are centred beside it), and no rule (of `rules`) parts it from the line above (the rule
    under the header: rows set without padding sit as tight under it as a wrapped head).

    [] when no line heads every column, or a line above it is no part of one wrapped header: not tight, in
    another weight, or holding a head that spans columns (a header of two levels, a group head over its columns'
    heads, is left to the rows)."""
    first = next((i for i, lc in enumerate(lcs) if _is_anchor(lc, label_col)
                  and not _ends_ruled_head(lcs, i, label_col, rules)), None)
    if first is None:
        return []
    body_cols = {c for lc in lcs[first:] for c in lc.cells if c != label_col}
    end = next((i for i in range(first) if body_cols and body_cols <= set(lcs[i].cells)), None)
    if end is None:
        return []

    def tight(upper: LineCells, lower: LineCells) -> bool:
        return upper.line.bold == lower.line.bold and (
            lower.line.top - upper.line.bottom <= TIGHT_LINE_GAP * max(upper.line.size, 1.0))

    def ruled_off(upper: LineCells, lower: LineCells) -> bool:
        return any((upper.line.top + upper.line.bottom) / 2 < y < (lower.line.top + lower.line.bottom) / 2
                   for y in rules)

    def spans(lc: LineCells) -> bool:
        return any(ws[-1].x1 > edges[c + 1] + ALIGN_TOLERANCE or ws[0].x0 < edges[c] - ALIGN_TOLERANCE
                   for c, ws in lc.cells.items())

    for i, lc in enumerate(lcs[:end]):
        if lc.line.bold != lcs[end].line.bold or spans(lc) or (
                set(lc.cells) <= {label_col} and not tight(lc, lcs[i + 1])):
            return []
    k = end + 1
    while (k < first and tight(lcs[k - 1], lcs[k]) and not ruled_off(lcs[k - 1], lcs[k])
           and lcs[k].line.bottom <= lcs[first].line.top and not _resumes_column(lcs[:k], lcs[k])):
        if label_col in lcs[k].cells:
            head = next((lc for lc in reversed(lcs[:k]) if label_col in lc.cells), None)
            if (ends_short(head, lcs[k], label_col, width) if head is not None
                    else set(lcs[k].cells) <= {label_col}):
                break
        k += 1
    return lcs[:k]


def _resumes_column(above: list[LineCells], lc: LineCells) -> bool:
    """Given the lines above a line and the line, return whether it holds text in a column that held text higher
    up but not on the line right above: a cell's wrapped lines follow one another, so that text opens a new cell
    (a row's "Ikke relevant" under a wrapped head "Ja/Nej/Ikke" / "relevant" that the head of a column beside it,
    wrapped over more lines, keeps apart from it by as little as a line's leading)."""
    if not above:
        return False
    return any(c not in above[-1].cells and any(c in a.cells for a in above[:-1]) for c in lc.cells)


def _texts(row: list[LineCells]) -> dict[int, list[str]]:
    """Given a row's lines, return each column's per-line texts, top to bottom."""
    out: dict[int, list[str]] = {}
    for lc in row:
        for c, ws in sorted(lc.cells.items()):
            out.setdefault(c, []).append(cell_text(ws))
    return out


def _is_header_row(row: list[LineCells], label_col: int, first: bool, ruled_off: bool = False) -> bool:
    """Given a row, return whether it reads as a header: no printed amounts, and spread over columns (or, for
    the first row, all bold or ruled off from the body, `ruled_off`)."""
    texts = {c: join_lines(ts) for c, ts in _texts(row).items()}
    if not texts or any(_is_numeric_text(t) or _is_measure(t) for t in texts.values()):
        return False
    return len(texts) >= 2 or any(c != label_col for c in texts) or (
        first and (ruled_off or all(lc.line.bold for lc in row)))


def _ruled_header(rows: list[list[LineCells]], rules: list[float]) -> bool:
    """Given a region's rows and the rules across it, return whether a rule parts the first row from the body and
    no rule parts the second row from the third: the rule under a header, not rules between every row."""
    def between(a: list[LineCells], b: list[LineCells]) -> bool:
        # (line middles: rows set tight may reach over the rule between them with their line boxes)
        lo = max((lc.line.top + lc.line.bottom) / 2 for lc in a)
        hi = min((lc.line.top + lc.line.bottom) / 2 for lc in b)
        return any(lo < y < hi for y in rules)
    return len(rows) >= 2 and between(rows[0], rows[1]) and not (len(rows) >= 3 and between(rows[1], rows[2]))


UNIT_SCALES = (1, 1000, 1000000)  # "1.000 kr.", "1 mio. kr.": a unit heading, not an amount


def _is_measure(text: str) -> bool:
    """Given a cell text, return whether it is a measured amount with its unit or a share ("2,2 dage om året",
    "4.233 kr. om året", "12 %"), which no header cell is; a unit heading ("1.000 kr.") or a period ("2022 Q2")
    is not one."""
    n = parse_danish(text.strip())
    if n.kind == "percent":
        return True
    return (n.kind == "with_unit" and n.value is not None and n.value not in UNIT_SCALES
            and not YEAR_TOKEN.match(text.split()[0]))


def _boldness(row: list[LineCells]) -> bool:
    """Given a row, return whether all its lines are bold."""
    return all(lc.line.bold for lc in row)


def _continues_header(first: list[LineCells], row: list[LineCells], label_col: int, body: list[list[LineCells]]
                      ) -> bool:
    """Given the first header row, a candidate further one and the rows under it, return whether it continues the
    header: both set in bold, or it only labels value columns, columns whose body holds amounts in most of its cells
    (e.g. a span "2019-2022" under "I alt"; not the rest of a remark a page break cut, opening the page under the
    repeated header, in a column of remarks whose total row prints a "0")."""
    if _boldness(first) and _boldness(row):
        return True
    # (columns of amounts: at least half their filled cells, not a remark column with one "0" in it)
    ncols = 1 + max((c for r in [*body, row, first] for lc in r for c in lc.cells), default=0)
    values = {c for c in _amount_columns(body, label_col, ncols)
              if any(c in lc.cells for r in body for lc in r)}
    if all(c in values for lc in row for c in lc.cells):
        return True
    # a first row of group heads only ("Budget" | "Overslagsår" over the years), over columns of amounts or none
    # (a budget year's column may be empty), heads no column of its own: the column heads under it go on (a lone
    # head over all of them, a block's title, stays a header row of its own, as ICDAR 2013's ground truth keeps it)
    filled = {c for r in body for lc in r for c, ws in lc.cells.items() if cell_text(ws).strip()}
    heads = {c for lc in first for c in lc.cells}
    return len(heads) >= 2 and all(c != label_col and (c in values or c not in filled) for c in heads)


def join_wrapped(lines: list[str], page: PageLayout) -> str:
    """Given the wrapped lines of one cell and its page, return them joined (`join_lines`); a line that ends in a
    hyphen is joined with the next as the page prints the word elsewhere, whole on one line ("Udvikle front-end"
    beside "Teste front-" / "end": the hyphen is the word's own, not a hyphenation), and a hyphen between lowercase
    words is kept in a document that never hyphenates (`PageLayout.own_hyphens`)."""
    if not any(ln.rstrip().endswith(tuple(LINE_END_HYPHENS)) for ln in lines[:-1]):
        return join_lines(lines)
    return join_lines(lines, {w.text for ln in page.lines for w in ln.words}, page.own_hyphens)


def _cell(row: list[LineCells], col: int, page: PageLayout) -> Cell | None:
    """Given a row and a column, return the cell as a reader reads it, with its box, or None when empty."""
    lines = [lc.cells[col] for lc in row if col in lc.cells]
    if not lines:
        return None
    text = clean_text(join_wrapped([cell_text(ws) for ws in lines], page))
    if parse_danish(text).kind in NUMERIC_KINDS:
        text = number_text(text)
    words = [w for ws in lines for w in ws]
    bbox = (min(w.x0 for w in words), min(w.top for w in words), max(w.x1 for w in words),
            max(w.bottom for w in words))
    return Cell(text, page.number, page.to_page(bbox))


def build_table(region: Region, settings: ExtractionSettings = DEFAULT_SETTINGS, header_only: bool = False
                ) -> Table | None:
    """Given a table region, return its grid (header joined into column names, body rows), or None if empty.

    `header_only`: a grid whose lines all read as its header is returned too, with no body rows (the region opens
    its page under a table the page break cut: its one text row, no amounts in it, reads like a header; stitching
    reads it as the body row it is)."""
    seps = column_separators(region)
    ncols = len(seps) + 1
    page_words = Counter(w.text for ln in region.page.lines for w in ln.words)
    lcs = mend_broken_words(assign_cells(region.lines, seps), page_words)
    label_col = label_column(lcs, ncols)
    numeric = any(_is_anchor(lc, label_col) for lc in lcs)
    edges = [region.x0, *seps, _right_edge(region)]
    width = label_width(lcs, label_col, edges[label_col + 1])
    rules = _row_rules(region, settings)
    lead = _leading_header(lcs, label_col, edges, width, rules) if numeric else []
    rows = group_rows(region, lcs[len(lead):], label_col, seps, settings)
    header: list[list[LineCells]] = [lead] if lead else []
    peeled: list[LineCells] = []
    if rows and not lead:
        # (a band of text lines between rules is one row: the header's; a band no rule tops, above the first
        # stripe of zebra shading that leaves the header and the first row plain, may hold the first row too)
        peeled, rest = (_peel_header_lines(rows[0], label_col) if numeric
                        else _peel_text_header(rows, label_col)
                        if len(rules) < 2 or not any(y < rows[0][0].line.top for y in rules)
                        else ([], rows[0]))
        if peeled:
            header.append(peeled)
            rows[0] = rest
    ruled_off = not header and _ruled_header(rows, rules)
    while rows and len(header) < 3 and _is_header_row(rows[0], label_col, not header, ruled_off) and (
            not header or _continues_header(header[0], rows[0], label_col, rows[1:])):
        header.append(rows.pop(0))
        if not numeric:
            break
    page = region.page
    spread = _spread_group_heads(header, rows, label_col, edges) if numeric else header
    heads = {c: " ".join(join_wrapped(ts, page) for row in spread for cc, ts in _texts(row).items() if cc == c)
             for c in range(ncols)}
    body = [[_cell(r, c, page) for c in range(ncols)] for r in rows]
    used = [c for c in range(ncols) if heads[c] or any(b[c] for b in body)]
    if (not body and not (header_only and header)) or len(used) < 2:
        return None
    out_rows = [Row([b[c] for c in used], page.number) for b in body if any(b[c] for c in used)]
    bounds = [region.x0 - 1] + seps + [region.x1 + 1]
    head_row = Row([_header_cell(header, c, page) for c in used], page.number) if header else None
    return Table(page=page.number, last_page=page.number, columns=[clean_text(heads[c]) for c in used], rows=out_rows,
                 bbox=(region.x0, region.top, region.x1, region.bottom),
                 col_x=[(bounds[c], bounds[c + 1]) for c in used], col_text=[_text_extent(lcs, c) for c in used],
                 header_row=head_row,
                 header_bold=bool(header) and all(lc.line.bold for row in header for lc in row),
                 header_in_row=bool(peeled) and len(header) == 1 and bool(out_rows),
                 cut_foot=cut_at_foot(region, [(min(lc.line.top for lc in r), max(lc.line.bottom for lc in r))
                                               for r in rows if r], settings.rule_span_share))


GROUP_HEAD_FIT = 0.25  # a group head sits centred over its columns within this share of their mean width


def _spread_group_heads(header: list[list[LineCells]], body: list[list[LineCells]], label_col: int,
                        edges: list[float]) -> list[list[LineCells]]:
    """Given a value table's header rows, its body rows, its label column and its columns' x edges, return the
    header rows with each group head copied into every column it spans: a head on a header line over several value
    columns that each have a head of their own below it, centred between those columns' outer edges ("Overslagsår"
    over the years after the budget year, a unit over all the years: a header of two levels). Each column it spans
    then reads the group head and its own head joined, as a head wrapped over lines reads. A head centred over one
    column stays its own; a lone head over all of them is no column's (left out). A head set in a larger size than
    the heads under it ("Finland" over "Female", "Male" in a smaller type) heads a block of a cross table: a cell of
    its own, as ICDAR 2013's ground truth keeps it, left where it lies."""
    lines = [lc for row in header for lc in row]
    if len(lines) < 2:
        return header
    values = _amount_columns(body, label_col, len(edges) - 1)
    moved: dict[int, LineCells] = {}
    for i, upper in enumerate(lines[:-1]):
        below = lines[i + 1:]
        if abs(upper.line.size - below[0].line.size) > SAME_SIZE:
            continue  # a head set larger over smaller ones heads a block of columns: a cell of its own (a cross table)
        headed = {c for lc in below for c in lc.cells} & values
        # set as tight as a wrapped line over the next line, a head in its column aligned as its head there wraps
        wrapped = below[0].line.top - upper.line.bottom <= TIGHT_LINE_GAP * max(upper.line.size, 1.0)
        segs, options = [], []
        for seg in upper.line.segments:
            own = {c for c, ws in upper.cells.items() if any(w in ws for w in seg.words)}
            taken = {c for c in upper.cells if c not in own}
            if own and own <= headed and not (wrapped and _continues_head(seg, own, below[0], edges)) and not (
                    _heads_each_column(upper, seg, own, below[0])):
                segs.append(seg)
                options.append(_centred_runs(seg, own, headed - taken, edges))
        spans = [(seg, run) for seg, run in zip(segs, _choose_runs(options), strict=True)
                 if run is not None and len(run) >= 2]
        if len(spans) == 1 and set(spans[0][1]) == headed:
            # one head over every headed value column tells none apart: a head shared by all (a unit, a title of
            # the block: "1.000 kr.", "THRESHOLD FOR RELEASES"), a cell of its own, left out of the column heads
            spans = [(spans[0][0], range(0))]
        if spans:
            cells = {c: list(ws) for c, ws in upper.cells.items()}
            for seg, run in spans:
                for c in list(cells):
                    cells[c] = [w for w in cells[c] if w not in seg.words]
                    if not cells[c]:
                        del cells[c]
                for c in run:
                    cells[c] = sorted(cells.get(c, []) + list(seg.words), key=lambda w: w.x0)
            moved[id(upper)] = LineCells(upper.line, dict(sorted(cells.items())))
    if not moved:
        return header
    return [[moved.get(id(lc), lc) for lc in row] for row in header]


def _heads_each_column(upper: LineCells, seg: Segment, own: set[int], lower: LineCells) -> bool:
    """Given a header line, one of its segments, the columns its words fall in and the header line under it, return
    whether the segment is the heads of several columns set close, not one head over them: it falls in two or more
    columns, and in each its words line up with that column's head below (left edges, right edges or centres:
    "Overslag" over each of "2026", "2027", … set right-aligned, closer than a segment gap)."""
    if len(own) < 2:
        return False
    for c in own:
        mine, ws = [w for w in upper.cells.get(c, []) if w in seg.words], lower.cells.get(c)
        if not mine or not ws:
            return False
        a0, a1, b0, b1 = mine[0].x0, mine[-1].x1, ws[0].x0, ws[-1].x1
        if min(abs(a0 - b0), abs(a1 - b1), abs((a0 + a1) - (b0 + b1)) / 2) > ALIGN_TOLERANCE:
            return False
    return True


def _continues_head(seg: Segment, own: set[int], lower: LineCells, edges: list[float]) -> bool:
    """Given a head segment, the columns its words fall in, the header line under it and the columns' x edges,
    return whether it may be the first line of a head that wraps into that line: it lies within one column and lines
    up with that column's text below (left edges, right edges or centres)."""
    if len(own) != 1 or seg.x0 < edges[min(own)] or seg.x1 > edges[min(own) + 1]:
        return False
    ws = lower.cells.get(min(own))
    if not ws:
        return False
    x0, x1 = ws[0].x0, ws[-1].x1
    return min(abs(seg.x0 - x0), abs(seg.x1 - x1), abs((seg.x0 + seg.x1) - (x0 + x1)) / 2) <= ALIGN_TOLERANCE


def _amount_columns(body: list[list[LineCells]], label_col: int, ncols: int) -> set[int]:
    """Given a table's body rows, its label column and its column count, return the columns (but the label column)
    at least half of whose filled cells are amounts or nil markers (a column the body leaves empty too)."""
    filled: dict[int, int] = {}
    amounts: dict[int, int] = {}
    for row in body:
        for c, ts in _texts(row).items():
            filled[c] = filled.get(c, 0) + 1
            amounts[c] = amounts.get(c, 0) + _is_numeric_text(join_lines(ts))
    return {c for c in range(ncols) if c != label_col and 2 * amounts.get(c, 0) >= filled.get(c, 0)}


def _centred_runs(seg: Segment, own: set[int], free: set[int], edges: list[float]) -> list[tuple[range, float]]:
    """Given a head segment, the columns its words fall in, the columns it may span (value columns headed below it,
    holding no other head on its line) and the columns' x edges, return the runs of adjacent free columns holding
    its own columns that it is centred over (within `GROUP_HEAD_FIT` of their mean width), each with how far off
    centre it is (a share of that width), widest first."""
    lo, hi = min(own), max(own)
    if any(c not in free for c in range(lo, hi + 1)):
        return []
    while lo - 1 in free:
        lo -= 1
    while hi + 1 in free:
        hi += 1
    mid = (seg.x0 + seg.x1) / 2
    out = []
    for r in (range(a, b + 1) for a in range(lo, min(own) + 1) for b in range(max(own), hi + 1)):
        off = abs(mid - (edges[r[0]] + edges[r[-1] + 1]) / 2) / ((edges[r[-1] + 1] - edges[r[0]]) / len(r))
        if off <= GROUP_HEAD_FIT:
            out.append((r, off))
    return sorted(out, key=lambda ro: -len(ro[0]))


def _choose_runs(options: list[list[tuple[range, float]]]) -> list[range | None]:
    """Given each head segment's centred runs and how far off centre (segments left to right), return one run or
    None per segment: runs that do not overlap, as many segments placed as can be, then as many columns covered,
    then the best centred (a head centred over one column next to a group head keeps to its column: a run one
    column wider on each side is centred there too, less well)."""
    best: tuple[tuple[int, int, float], list[range | None]] = ((-1, -1, 0.0), [])

    def walk(k: int, after: int, chosen: list[tuple[range, float] | None]) -> None:
        nonlocal best
        if k == len(options):
            placed = [ro for ro in chosen if ro is not None]
            score = (len(placed), sum(len(r) for r, _ in placed), -sum(off for _, off in placed))
            if score > best[0]:
                best = (score, [ro[0] if ro else None for ro in chosen])
            return
        for ro in options[k]:
            if ro[0][0] > after:
                walk(k + 1, ro[0][-1], [*chosen, ro])
        walk(k + 1, after, [*chosen, None])

    walk(0, -1, [])
    return best[1]


def _text_extent(lcs: list[LineCells], col: int) -> tuple[float, float] | None:
    """Given a region's distributed lines and a column, return the x extent of the column's words (None if empty)."""
    words = [w for lc in lcs for w in lc.cells.get(col, [])]
    return (min(w.x0 for w in words), max(w.x1 for w in words)) if words else None


def _header_cell(header: list[list[LineCells]], col: int, page: PageLayout) -> Cell | None:
    """Given the header rows, return the joined header cell of one column (kept to restore a misread header)."""
    return _cell([lc for row in header for lc in row], col, page)


HEADER_REPEAT_RATIO = 85  # rapidfuzz ratio from which one header repeats another (a page's, the lines at a foot)
AMOUNT_KINDS = ("number", "with_unit", "percent")  # a "header" cell holding an amount is a body row


def holds_amount(row: Row | None) -> bool:
    """Given a row (or None), return whether any of its cells is a printed amount (no header cell is)."""
    return row is not None and any(c is not None and parse_danish(c.text).kind in AMOUNT_KINDS for c in row.cells)


def join_rows(upper: Row, lower: Row) -> Row:
    """Given two rows of one grid, the one above the other, return them as one row (each cell's lines in order)."""
    cells = []
    for a, b in zip(upper.cells, lower.cells, strict=True):
        if a is None or b is None:
            cells.append(a or b)
        else:
            cells.append(type(a)(clean_text(join_lines([a.text, b.text])), a.page, a.bbox))
    return Row(cells, upper.page)


def header_rows(table: Table) -> list[Row]:
    """Given a table whose header was misread (a body row read as one), return the rows that header is to go back
    in front of the body as: the header row itself, or none when its lines were read off the first body row's
    (`Table.header_in_row`, a row whose cells set above its values, say a long text centred beside them): they are
    put back into that row."""
    if table.header_row is None:
        return []
    if table.header_in_row and table.rows:
        table.rows[0] = join_rows(table.header_row, table.rows[0])
        return []
    return [table.header_row]


def _columns_right_of(table: Table, lines: list[TextLine]) -> list[tuple[float, float]]:
    """Given a table and header lines, return the table's column bands with one more for each of the header's cells
    that start right of all text of its last column (columns its body leaves empty on its page; the cells of a
    wrapped header cell overlap), the last column's band cut halfway to the first of them, each new band reaching
    halfway to the next."""
    if not table.col_x:
        return table.col_x
    last0, last1 = table.col_x[-1]
    text = table.col_text[-1] if len(table.col_text) == len(table.col_x) else None
    right = text[1] if text else last0
    groups: list[list[float]] = []
    for s in sorted((s for ln in lines for s in ln.segments if s.x0 > right), key=lambda s: s.x0):
        if groups and s.x0 <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], s.x1)
        else:
            groups.append([s.x0, s.x1])
    if not groups:
        return table.col_x
    start = (right + groups[0][0]) / 2
    out = [*table.col_x[:-1], (last0, start)]
    for k, (_, x1) in enumerate(groups):
        end = (x1 + groups[k + 1][0]) / 2 if k + 1 < len(groups) else max(x1 + 1, last1)
        out.append((start, end))
        start = end
    return out


def _bounds_clear_of_heads(col_x: list[tuple[float, float]], table: Table, lines: list[TextLine]
                           ) -> list[tuple[float, float]]:
    """Given a table's column bands (from its body's page), the table and header lines left at the foot of the page
    before, return the bands with each boundary that cuts a word of the header moved to the middle of the widest
    part of the gutter between the two columns' texts that no head word crosses: a head set close to the next
    ("Styringsområde 2024", the year right-aligned over its figures) is parted where the body's gutter lets it,
    not read as one head over the first column and none over the second. Only the words of lines of several heads
    count; a gutter that a line of one run of words crosses (a section row under the header, spanning the columns)
    keeps its boundary. Bands unchanged where no such part is."""
    words = [w for ln in lines if len(ln.segments) >= 2 for w in ln.words]
    if len(table.col_text) != len(table.col_x):
        return col_x
    out = list(col_x)
    for k in range(1, len(table.col_x)):
        x, before, after = out[k][0], table.col_text[k - 1], table.col_text[k]
        if (before is None or after is None or not any(w.x0 < x < w.x1 for w in words)
                or any(len(ln.segments) == 1 and ln.x0 < after[0] and ln.x1 > before[1] for ln in lines)):
            continue
        part = _clear_part(before[1], after[0], words)
        if part is not None:
            mid = (part[0] + part[1]) / 2
            out[k - 1], out[k] = (out[k - 1][0], mid), (mid, out[k][1])
    return out


def _head_between_texts(table: Table, lines: list[TextLine], k: int) -> tuple[float, float] | None:
    """Given a table, header lines and one of its columns (not the first), return the band of a column its body
    leaves empty on its page right before that column when a cell of the header lines sits in the gutter between
    the texts of that column and the one before, touching neither (a year head "2026" over no figures, between the
    texts of the columns around it; the column bands, drawn from the page's whitespace, meet in that gutter): the
    band from halfway between the text before and the head to halfway between the head and the text after. None
    otherwise."""
    if len(table.col_text) != len(table.col_x) or table.col_text[k - 1] is None or table.col_text[k] is None:
        return None
    left, right = table.col_text[k - 1][1], table.col_text[k][0]
    heads = [sg for ln in lines for sg in ln.segments
             if sg.x0 > left + ALIGN_TOLERANCE and sg.x1 < right - ALIGN_TOLERANCE]
    if not heads:
        return None
    return (left + min(sg.x0 for sg in heads)) / 2, (max(sg.x1 for sg in heads) + right) / 2


def adopt_header(table: Table, lines: list[TextLine], page: PageLayout, rest: Sequence[TextLine] = ()) -> bool:
    """Given a table opening its page without a header of its own (none, or a body row read as one: a row with
    amounts, or any row that does not repeat the lines) or under a repeat of them, the header lines left at the foot
    of the page before and that page, make them the table's header when each of their cells falls in one of its
    columns or right of its last one (columns the body leaves empty on its page: they are added, empty; the last
    column runs on to the right over a head that starts in it); plain lines under a bold header there, or lines set
    a gap below the header's lines, are its first row; a cell that falls between two of its columns heads a column its
    body leaves empty on its page (dropped there: it is put back, empty); a repeat of the header on the table's page
    is dropped. The table then starts on that page. `rest`: lines atop the table's page that finish the header's
    row in cells it left empty at the foot (`regions.header_rest_atop`): they are read into its cells. Return
    whether it did."""
    col_x = _bounds_clear_of_heads(list(_columns_right_of(table, [*lines, *rest])), table, [*lines, *rest])
    old = list(range(len(table.col_x)))  # where each of the table's columns goes among col_x
    segments = [s for ln in [*lines, *rest] for s in ln.segments]
    middles = [(s.x0 + s.x1) / 2 for s in segments]
    # the last column runs on to the right over a head that starts in it (a head wider than the column's text:
    # "Permanent" over nil markers set to the left)
    last0, last1 = col_x[-1]
    col_x[-1] = (last0, max([last1, *(s.x1 for s in segments if last0 <= s.x0 <= last1)]))
    # ... and the first column runs on to the left under a head that ends in it (a head right-aligned over figures
    # narrower than it: "Nr." over the numbers 1 to 9)
    first0, first1 = col_x[0]
    col_x[0] = (min([first0, *(s.x0 for s in segments if first0 <= s.x1 <= first1)]), first1)
    for k in range(len(table.col_x) - 1, 0, -1):  # a column its body leaves empty on its page, between two others
        a, b = col_x[k - 1][1], col_x[k][0]
        if not any(a < m < b for m in middles) and (gap := _head_between_texts(table, lines, k)) is not None:
            a, b = gap  # (bands that meet: a head set in the gutter between two columns' texts)
            col_x[k - 1], col_x[k] = (col_x[k - 1][0], a), (b, col_x[k][1])
        if any(a < m < b for m in middles):
            col_x.insert(k, (a, b))
            old = [j if j < k else j + 1 for j in old]
    extra = len(col_x) - len(table.col_x)
    if any(not any(a <= m <= b for a, b in col_x) for m in middles):
        return False
    seps = [b for _, b in col_x[:-1]]
    # a bold header with plain lines under it, or lines set a gap below its last line of several cells: those are
    # the first row, cut off from the rest by the page break
    k = next((i for i, ln in enumerate(lines) if not ln.bold), len(lines)) if lines[0].bold else len(lines)
    # (the header's last lines may hold one wrapped head alone: "Hvornår" / "gennemføres" / "opfølgningen?")
    last = max((i for i, ln in enumerate(lines) if len(ln.segments) >= 2), default=len(lines) - 1)
    k = next((i for i in range(last + 1, k) if lines[i].top - lines[i - 1].bottom
              > HEADER_LINE_GAP_FACTOR * max(lines[i - 1].size, 1.0)), k)
    # the page repeats the header left at the foot of the page before (its years are no amounts): the table starts
    # there, under its caption and over any first row the page break cut off ("Varige ændringer"); the repeat is
    # dropped
    repeats = table.header_row is not None and ratio(
        normalize_key(" ".join(ln.text for ln in lines[:k])), normalize_key(" ".join(table.columns))
    ) >= HEADER_REPEAT_RATIO
    foot = lines
    cut_row = assign_cells(lines[k:], seps)
    lines = lines[:k]
    row = assign_cells([*lines, *rest], seps)
    cells = [_cell(row, c, page) for c in range(len(col_x))]
    if sum(c is not None for c in cells) < 2:
        return False
    if extra:
        texts: list[tuple[float, float] | None] = [None] * len(col_x)
        for j, k in enumerate(old):
            texts[k] = table.col_text[j] if j < len(table.col_text) else None
        table.col_x, table.col_text = col_x, texts
        for r in [*table.rows, *([table.header_row] if table.header_row else [])]:
            moved: list[Cell | None] = [None] * len(col_x)
            for j, k in enumerate(old):
                moved[k] = r.cells[j]
            r.cells = moved
    table.rows[:0] = [] if repeats else header_rows(table)
    if cut_row:
        table.rows.insert(0, Row([_cell(cut_row, c, page) for c in range(len(table.col_x))], page.number))
    table.bbox_last_bottom = table.bbox[3] if table.bbox else 0.0
    table.header_row = Row(cells, page.number)
    table.columns = [clean_text(c.text) if c else "" for c in cells]
    table.header_bold = all(ln.bold for ln in lines)
    table.page = page.number
    table.bbox = (min(ln.x0 for ln in foot), foot[0].top, max(ln.x1 for ln in foot), foot[-1].bottom)
    return True


COLUMN_PAGE_FLUSH = 2.0  # a line on a page of later columns starts (or ends) this close to that column's text
COLUMN_PAGE_MIN_LINES = 2  # ... and there are at least this many such lines (or they end where a region starts)
HEADER_MAX_LINES = 4  # a header repeated atop a page is at most this many lines


def repeated_header(lines: list[TextLine], table: Table) -> int:
    """Given a page's opening lines and the table the page break cut, return how many of those lines repeat the
    table's header (a header repeated on each page), 0 when they do not open with it."""
    if not table.columns or not any(table.columns) or holds_amount(table.header_row):
        return 0
    head = normalize_key(" ".join(table.columns))
    best, count = 0.0, 0
    for k in range(1, min(HEADER_MAX_LINES, len(lines)) + 1):
        if (score := ratio(normalize_key(" ".join(ln.text for ln in lines[:k])), head)) > best:
            best, count = score, k
    return count if best >= HEADER_REPEAT_RATIO else 0


def _ruled_off_below(page: PageLayout, lines: list[TextLine], below: TextLine) -> bool:
    """Given a page, the lines opening it in a table's later columns and the line under them, return whether a rule
    runs under those lines, above that line, across their width: the frame of a boxed table closing the rest of
    its cut row (text printed under the table follows it)."""
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    return any(lines[-1].bottom <= r.pos <= below.top and r.start <= x0 + ALIGN_TOLERANCE
               and r.end >= x1 - ALIGN_TOLERANCE for r in page.hrules)


def column_page(page: PageLayout, table: Table, label_col: int, stop: float) -> tuple[Table, list[TextLine]] | None:
    """Given a page opening under a table the page break cut (the table on the page before ends at its foot), that
    table, its label column and where the page's first table region starts (or its foot), return the page's
    opening lines as a continuation of the table, with those lines, when they are text set only in the table's
    later columns (a page of the rows under one long label: the label on the page before, a "Kommune" column
    going on), each of their runs starting or ending flush with the text of one column right of the label column,
    none an amount, running on to that region or the page's foot, or to a rule closing them (`_ruled_off_below`:
    the rest of a cut text cell in a boxed table, text printed under the box). None when the page does not open
    so (or the lines are too few to tell: one line only right above the region, which left it out)."""
    if not table.col_x or len(table.col_text) != len(table.col_x) or label_col >= len(table.col_x) - 1:
        return None
    later = [(k, t) for k, t in enumerate(table.col_text) if k > label_col and t is not None]
    head = page.lines[:repeated_header(page.lines, table)]  # the table's header repeated atop the page: skipped
    lines: list[TextLine] = []
    for ln in page.lines[len(head):]:
        if ln.top >= stop:
            break
        if not all(any(abs(s.x0 - t[0]) <= COLUMN_PAGE_FLUSH or abs(s.x1 - t[1]) <= COLUMN_PAGE_FLUSH
                       for _, t in later) and parse_danish(s.text).kind not in AMOUNT_KINDS + NUMERIC_KINDS
                   for s in ln.segments):
            break
        lines.append(ln)
    below = page.lines[len(head) + len(lines)] if len(head) + len(lines) < len(page.lines) else None
    if below is not None and below.top < stop and lines and _ruled_off_below(page, lines, below):
        below = None  # (the table's frame closes the lines: what follows it, before the region, is printed under
        # the table)
    if (below is not None and below.top < stop) or len(lines) < (1 if below is not None else COLUMN_PAGE_MIN_LINES):
        return None  # (they run on to the page's first table region or its foot; one line will do right above
        # the region: the region left it out)
    seps = [b for _, b in table.col_x[:-1]]
    lcs = assign_cells(lines, seps)
    if any(c <= label_col for lc in lcs for c in lc.cells):
        return None
    rules = sorted(r.pos for r in page.hrules)
    rows: list[list[LineCells]] = []
    for lc in lcs:
        above = rows[-1][-1].line if rows else None
        if above is None or lc.line.top - above.bottom > TIGHT_LINE_GAP * max(lc.line.size, 1.0) or any(
                above.bottom < y < lc.line.top for y in rules):
            rows.append([lc])
        else:
            rows.append(rows.pop() + [lc])
    n = len(table.col_x)
    body = [Row([_cell(r, c, page) for c in range(n)], page.number) for r in rows]
    bbox = (min(ln.x0 for ln in lines), lines[0].top, max(ln.x1 for ln in lines), lines[-1].bottom)
    return Table(page=page.number, last_page=page.number, columns=list(table.columns), rows=body, bbox=bbox,
                 col_x=list(table.col_x), col_text=list(table.col_text)), head + lines
