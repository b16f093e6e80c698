"""Find table regions on a page: runs of text lines that share a column structure, ruled or not."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from extractors.layout import PageLayout, Rule, Segment, TextLine, Word, is_number_token
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings
from normalizers.numbers import parse_danish
from normalizers.units import find_unit

CAPTION = re.compile(r"^(tabel|table|tab\.|figur|oversigt)\s*\d+[a-z]?\b[.:]?", re.IGNORECASE)
YEAR_TOKEN = re.compile(r"^(19|20)\d\d([-/](19|20)?\d\d)?$")
NUMBERED_HEADING = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-ZÆØÅ][a-zæøå]")  # "10. Hvem er hørt?"
# "1.000 kr.", "1.000 kr./2024-P/L)": a unit (its price level after a slash), not an amount
UNIT_WORD = re.compile(r"^(kr|mio|mia|t\.kr)\.?(/\S*)?[),]*$", re.IGNORECASE)
MARK = re.compile(r"^(x|X|\u2713|\u2714|\u2715|\u2717|\u2718|\u25cf|\u25a0|\u2022)$")  # a tick in a plan's period
PROSE_FRAME_SHARE = 0.5  # running text between two rules of a stack spans at least this share of its width
SECTION_NUMBER = re.compile(r"^\d{1,2}(\.\d{1,2})*\.?$")  # the number of a numbered heading set apart ("8.")
BULLETS = frozenset({"•", "●", "▪", "■", "◦", "○", "·", "‣", "–", "-", "o", "\uf0b7", "\uf0a7", "(cid:127)"})
RULE_ALIGN_TOLERANCE = 6.0  # rules of one frame start and end within this distance
FRAME_MAX_ROW_HEIGHT = 450.0  # consecutive rules of one frame are at most this far apart (tall text rows)
MIN_TABLE_LINES = 2  # a region needs this many multi-segment lines (or ruled rows) to be a table
# The gap that ends a region is measured in font sizes of at least this many points: cell padding is set in points
# whatever the type's size, so a table set very small (5.5 pt to fit the page) has gaps of more font sizes between
# its header and its first row (a word processor's padding, a bottom-aligned first row) than its rows have.
MIN_GAP_TEXT_SIZE = 7.0
INDENT_TOLERANCE = 3.0
PROSE_INDENT_TOLERANCE = 12.0  # running text starts at most this far right of the page's text margin
VALUE_KINDS = ("number", "nil", "with_unit", "percent", "below_threshold")
TRAILING_GAP_FACTOR = 0.8  # a wrapped last label line sits at most this many font sizes below the line before
TIGHT_LINE_GAP = 0.45  # a line this close (share of the font size) under the line above wraps the same cell
UNIT_LINE_MAX_CHARS = 40
COLUMN_FLUSH = 1.5  # a line starting this close to where a column's cells start is set in that column
SAME_SIZE = 0.1  # two lines this close in font size are set in one size
TITLE_SIZE_SLACK = 0.25  # a line above a table set this much larger than its first row is a title, not header
HEADER_LINE_GAP_FACTOR = 0.9  # lines of one wrapped header cell are closer than this many font sizes
FOOT_ROW_GAP_FACTOR = 3.0  # a lone line at a page's foot this close under a header left there is its first row
CAPTION_WIDTH_SHARE = 0.4  # a lone line above a table, from the left margin and wider than this, is its caption
FRAME_TEXT_SIZE_SLACK = 1.5  # single lines between two rules set this much larger than the cells are not a row
RULE_TEXT_MARGIN = 10.0  # rules further than this above the first / below the last text line are ignored
HEADING_SIZE_BANDS = 4  # a heading between two tables of one stack is set larger than the cells of this many bands
GAP_BAND_PADDING_FACTOR = 2.0  # a band between two rules with an empty stretch this many times the frame's cell
GAP_BAND_SIZE_FACTOR = 1.0  # padding and this many of its font sizes tall, before no line of cells, is not a row
CENTRED_SLACK = 0.25  # text in a band at most this many font sizes lower than centred is set centred (a row)
CENTRED_ROW_EXTRA = 0.75  # ... when the space over it beyond the cells' padding is less than this many font sizes
FOOTNOTE_RULE_SHARE = 0.4  # a footnote rule is at most this share of the text width long
HEADING_GAP_LINES = 2.0  # an empty stretch this many of the rows' font sizes tall above a heading parts tables
SIDE_BY_SIDE_SHARE = 0.25  # two lines overlapping by this share of the later one's height are set side by side
SAME_GAP = 0.5  # two vertical gaps this close (points) are one spacing (a row's padding, up to float noise)
CUT_ROW_GAP_FACTOR = 2.0  # a cut row opening a page is followed by its table's body at most this many region gaps
# below it (a tall row's padding: its cells centred on a wrapped remark)
MIN_ALIGNED_CELLS = 3  # a cut row and the body under it share the start (or end) of at least this many cells


@dataclass
class Frame:
    """A stack of horizontal rules of the same extent: the outline of a ruled table."""

    x0: float
    x1: float
    rules: list[float] = field(default_factory=list)  # y positions, top to bottom
    parted: bool = False  # cut from the stack of rules above it by a band that is no row: another table starts here

    @property
    def top(self) -> float:
        """y of the first rule."""
        return self.rules[0]

    @property
    def bottom(self) -> float:
        """y of the last rule."""
        return self.rules[-1]


@dataclass
class Region:
    """A table region on one page: its lines, and the frame it lies in when ruled."""

    page: PageLayout
    lines: list[TextLine]
    frame: Frame | None = None
    foot: bool = False  # one body row ending the page: the first row of a table the page break cut (see
    # `find_regions`), read only to have the rows on the next page put under it
    fragment: bool = False  # one line of cells opening the page: a table's part the page break cut off (see
    # `find_regions`), read only to be put back onto the table on the page before

    @property
    def x0(self) -> float:
        """Left edge of the region's text (or frame)."""
        xs = [ln.x0 for ln in self.lines] + ([self.frame.x0] if self.frame else [])
        return min(xs)

    @property
    def x1(self) -> float:
        """Right edge of the region's text (or frame)."""
        xs = [ln.x1 for ln in self.lines] + ([self.frame.x1] if self.frame else [])
        return max(xs)

    @property
    def top(self) -> float:
        """Top of the first line."""
        return self.lines[0].top

    @property
    def bottom(self) -> float:
        """Bottom of the last line."""
        return self.lines[-1].bottom


def _stack_rules(hrules: list[Rule]) -> list[Frame]:
    """Given horizontal rules, return stacks of rules with the same extent that follow each other closely."""
    frames: list[Frame] = []
    for r in sorted(hrules, key=lambda r: (r.pos, r.start)):
        for f in frames:
            if (abs(f.x0 - r.start) <= RULE_ALIGN_TOLERANCE and abs(f.x1 - r.end) <= RULE_ALIGN_TOLERANCE
                    and 0 <= r.pos - f.rules[-1] <= FRAME_MAX_ROW_HEIGHT):
                if r.pos - f.rules[-1] > 0.5:
                    f.rules.append(r.pos)
                break
        else:
            frames.append(Frame(r.start, r.end, [r.pos]))
    return frames


def _is_prose(line: TextLine, left: float, prose_right: float) -> bool:
    """Given a line and the page's text margins, return whether it reads as running text: one run of words from
    about the left margin (a table's cell padding may put the margin a few points left of the prose) to about
    the right one."""
    return len(line.segments) == 1 and line.x0 <= left + PROSE_INDENT_TOLERANCE and line.x1 >= prose_right


def _prose_between_rows(band: list[TextLine], frame: Frame, left: float, prose_right: float,
                        cell_size: float | None, next_cells: bool = False) -> bool:
    """Given the lines between two rules of a stack, the stack, the page's text margins and the cells' text size,
    return whether running text across the frame sits between lines of cells, or under lines of cells and over a
    heading: the band holds the body of one table, a note under it and the start of the next (each ruled under
    its header only, or only above its totals; the next table's title set bold and larger than the cells), not
    one row (a merged row of running text holds no line of cells above it and no line of cells or heading below
    it). Running text set apart under lines of cells, in a larger size than theirs, is a paragraph under the table
    whatever follows it (the next table's plain title and header over its ruled-off body: a merged row is set in
    the cells' size and as close under the row above as rows are)."""
    prose = [i for i, ln in enumerate(band)
             if _is_prose(ln, left, prose_right) and ln.x1 - ln.x0 >= PROSE_FRAME_SHARE * (frame.x1 - frame.x0)]
    return any((any(is_multi(ln) for ln in band[:i]) or _set_apart_below(band[:i], band[i]))
               and (any(is_multi(ln) or _is_band_heading(ln, cell_size) for ln in band[i + 1:])
                    or (next_cells and any(is_multi(ln) for ln in band[:i]) and len(band) > i + 1)
                    or (any(is_multi(ln) for ln in band[:i]) and _set_apart_below(band[:i], band[i])
                        and cell_size is not None and band[i].size > cell_size + TITLE_SIZE_SLACK))
               for i in prose)


def _set_apart_below(above: list[TextLine], line: TextLine) -> bool:
    """Given the lines of a band above a line of running text and that line, return whether the running text starts
    a paragraph of its own under them: they end an empty stretch several of its lines tall above it (the last line
    of a row carried over the page break, then the paragraph under the table), not a cell's next paragraph, set a
    word processor's paragraph spacing (about a line) under the one before."""
    return bool(above) and line.top - max(ln.bottom for ln in above) > HEADING_GAP_LINES * line.size


def find_frames(hrules: list[Rule], lines: list[TextLine], left: float, prose_right: float,
                shades: Sequence[tuple[float, float, float, float]] = ()) -> list[Frame]:
    """Given rules, text lines and the page's shaded rectangles, return frames: stacks of >= 2 rules enclosing table
    rows, not running text.

    A stack is cut where the band between two rules holds a caption or only running text, and rules above or
    below all text (running header/footer rules) are ignored. A band filled by a shade of the stack's width from
    rule to rule (`_shaded_band`) is a row of the table (a section row "Bevillingsudløb, der allerede er håndteret
    ...", however wide its one line runs), not running text between two tables.
    """
    if not lines:
        return []
    first, last = lines[0].top, lines[-1].bottom
    out: list[Frame] = []
    inside = [r for r in hrules if first - RULE_TEXT_MARGIN <= r.pos <= last + RULE_TEXT_MARGIN]

    def framed(f: Frame, positions: list[float], parted: bool) -> Frame:
        """The frame of a stack's rules at these positions, as wide as those rules (not the whole stack)."""
        own = [r for r in inside if r.pos in positions and abs(r.start - f.x0) <= RULE_ALIGN_TOLERANCE
               and abs(r.end - f.x1) <= RULE_ALIGN_TOLERANCE]
        return Frame(min(r.start for r in own), max(r.end for r in own), positions, parted)

    for f in _stack_rules(inside):
        cur = [f.rules[0]]
        sizes = sorted(ln.size for ln in lines if f.top <= (ln.top + ln.bottom) / 2 <= f.bottom and is_multi(ln))
        cell_size = sizes[len(sizes) // 2] if sizes else None
        bands = [[ln for ln in lines if a <= (ln.top + ln.bottom) / 2 <= b
                  and ln.x0 >= f.x0 - INDENT_TOLERANCE and ln.x1 <= f.x1 + 20]
                 for a, b in zip(f.rules, f.rules[1:], strict=False)]
        padding, padding_below = _cell_padding(bands, f.rules), _cell_padding_below(bands, f.rules)
        cells_x0 = min((ln.x0 for band in bands for ln in band if is_multi(ln)), default=None)
        parted = False
        for k, b in enumerate(f.rules[1:]):
            band = bands[k]
            gap = _is_gap_band(band, f.rules[k], b, padding) and not _centred_in_band(
                band, f.rules[k], b, padding, padding_below)
            near = _median_cell_size(bands[max(0, k - HEADING_SIZE_BANDS + 1):k + HEADING_SIZE_BANDS])
            cells = [ln for ln in band if is_multi(ln)]
            # a caption between the rules parts two tables, also when it starts a little left of the stack
            captioned = any(is_caption(ln) for ln in lines if f.rules[k] < (ln.top + ln.bottom) / 2 < b
                            and ln.x0 < f.x1 and ln.x1 > f.x0)
            # a caption, running text set larger than the cells, or a numbered section heading (which ends the
            # table the lines above it make, `find_regions`) parts the stack
            cut = gap or captioned or any(is_caption(ln) or _larger_text_run(ln, f, near or cell_size)
                                          or _is_section_heading(ln, cells, framed=True) for ln in band) or (
                _prose_between_rows(band, f, left, prose_right, near or cell_size,
                                    k + 1 < len(bands) and any(is_multi(ln) for ln in bands[k + 1]))
                or _heads_table_below_gap(band, f.rules[k], b)
            ) or _heads_next_table(
                band, bands[k + 1] if k + 1 < len(bands) else [], _median_cell_size(bands[k:k + HEADING_SIZE_BANDS]),
                cells_x0) or (
                not any(is_multi(ln) for ln in band) and not _shaded_band(shades, f, f.rules[k], b, band, cell_size)
                and any((ln.x1 - ln.x0 >= PROSE_FRAME_SHARE * (f.x1 - f.x0) and (
                            _is_prose(ln, left, prose_right)
                            or (cell_size is not None and ln.size > cell_size + TITLE_SIZE_SLACK)))
                        or NUMBERED_HEADING.match(ln.text) or is_list_item(ln)
                        or (cell_size is not None and ln.size > cell_size + FRAME_TEXT_SIZE_SLACK)
                        for ln in band))
            if cut:
                if len(cur) >= 2:
                    out.append(framed(f, cur, parted))
                cur, parted = [b], gap or (parted and len(cur) < 2)  # a lone rule's cut keeps the parting
            else:
                cur.append(b)
        if len(cur) >= 2:
            out.append(framed(f, cur, parted))
    return out


def _shaded_band(shades: Sequence[tuple[float, float, float, float]], frame: Frame, top: float, bottom: float,
                 band: list[TextLine], cell_size: float | None) -> bool:
    """Given the page's shaded rectangles, a stack of rules, the positions of two of its rules, the lines between
    them and the stack's cell text size, return whether the band is a shaded row of the table: one line, set no
    larger than the cells, in a shade that fills the band from rule to rule across the stack (a row's background; a
    paragraph between two tables is printed on the page's ground)."""
    if len(band) != 1 or cell_size is None or band[0].size > cell_size + FRAME_TEXT_SIZE_SLACK:
        return False
    return any(x0 <= frame.x0 + COLUMN_FLUSH and x1 >= frame.x1 - COLUMN_FLUSH
               and abs(s_top - top) <= COLUMN_FLUSH and abs(s_bottom - bottom) <= COLUMN_FLUSH
               for x0, s_top, x1, s_bottom in shades)


def _largest_gap(band: list[TextLine], top: float, bottom: float) -> tuple[float, list[TextLine]]:
    """Given the lines between two rules at `top` and `bottom`, return the tallest empty stretch between them and the
    lines below it."""
    ordered = sorted(band, key=lambda ln: ln.top)
    best, below, reached = -1.0, ordered, top
    for k, ln in enumerate(ordered):
        if ln.top - reached > best:
            best, below = ln.top - reached, ordered[k:]
        reached = max(reached, ln.bottom)
    if bottom - reached > best:
        best, below = bottom - reached, []
    return best, below


def _cell_padding(bands: list[list[TextLine]], rules: list[float]) -> float | None:
    """Given the lines of each band of a stack and its rules, return the median space between a rule and the first
    line below it (the cells' top padding), or None when no band holds text."""
    pads = sorted(min(ln.top for ln in band) - rules[k] for k, band in enumerate(bands) if band)
    return pads[len(pads) // 2] if pads else None


def _cell_padding_below(bands: list[list[TextLine]], rules: list[float]) -> float | None:
    """Given the lines of each band of a stack and its rules, return the median space between the last line of a
    band and the rule under it (the cells' bottom padding, as the line boxes sit), or None when no band holds text."""
    pads = sorted(rules[k + 1] - max(ln.bottom for ln in band) for k, band in enumerate(bands) if band)
    return pads[len(pads) // 2] if pads else None


def _centred_in_band(band: list[TextLine], top: float, bottom: float, padding: float | None,
                     padding_below: float | None) -> bool:
    """Given the lines of a band between two rules, the rules' positions and the stack's cell padding above and
    below the text, return whether the band's text is set vertically centred in it, as a row's cells are in a row
    taller than they need (a section row "Realisering af effektiviseringer", alone in a row of a minimum height, in
    a table whose tall rows fill their bands): the space over the text beyond the cells' padding above is no more
    than that under it beyond their padding below and less than a line (the spacing around a heading between two
    tables is a line or more over and under it), and the text is one block (text before the next table's rule
    sits at the foot of a band that parts two tables, under the paragraph spacing or the heading's space above it;
    a row and, an empty stretch under it, the next table's heading are two blocks)."""
    if not band or padding is None or padding_below is None:
        return False
    below = _largest_gap(band, top, bottom)[1]
    if below and len(below) < len(band):  # the tallest empty stretch lies between lines: text in two blocks
        return False
    size = max(ln.size for ln in band)
    extra_above = min(ln.top for ln in band) - top - padding
    extra_below = bottom - max(ln.bottom for ln in band) - padding_below
    return extra_above <= min(extra_below + CENTRED_SLACK * size, CENTRED_ROW_EXTRA * size)


def _is_gap_band(band: list[TextLine], top: float, bottom: float, padding: float | None) -> bool:
    """Given the lines of a band between two rules, the rules' positions and the stack's cell padding, return whether
    the band is the space between two tables that share the stack of rules (rules of one width from one margin to the
    other), not a row: an empty stretch inside it many times the cells' padding and
    taller than its text (the space above a heading, a paragraph's margin), with no line of cells below it; above it
    either nothing (the text starts far below the rule) or a row, and then only a heading below it. A row is as tight
    as its cells (a cell's paragraphs, spaced apart by a word processor, start right under the rule); a table's last
    row above that stretch (no rule under it) is read on from the table above.
    """
    if not band or padding is None:
        return False
    gap, below = _largest_gap(band, top, bottom)
    if any(is_multi(ln) for ln in below) or gap <= GAP_BAND_PADDING_FACTOR * max(padding, 0.5) or (
            gap < GAP_BAND_SIZE_FACTOR * max(ln.size for ln in band)):
        return False
    above = [ln for ln in band if ln not in below]
    if not any(is_multi(ln) for ln in above):  # the text starts far below the rule (a row starts right under it)
        # ... or a note under the table above right under it ("Kilde: ..."), set smaller than the bold heading
        # that alone follows the stretch
        return min(ln.top for ln in band) - top > GAP_BAND_PADDING_FACTOR * max(padding, 0.5) or (
            bool(below) and all(ln.bold for ln in below)
            and max(ln.size for ln in above) < min(ln.size for ln in below) - TITLE_SIZE_SLACK)
    # a row above the stretch: only a heading below it parts the tables (a cell's next paragraph, set after the
    # paragraph spacing of a word processor, is no heading)
    sizes = [ln.size for ln in above if is_multi(ln)]
    return bool(below) and all(ln.bold or ln.size > max(sizes) + TITLE_SIZE_SLACK for ln in below)


def _heads_table_below_gap(band: list[TextLine], top: float, bottom: float) -> bool:
    """Given the lines of a band between two rules and the rules' positions, return whether the band holds the last
    rows of one table and, below an empty stretch, the heading and header of the next (two tables each ruled under
    its header only): lines of cells above the stretch, a single line first below it, and the stretch several of
    those rows' lines tall (a cell's paragraphs, spaced apart by a word processor, are about a line apart)."""
    if not band:
        return False
    gap, below = _largest_gap(band, top, bottom)
    sizes = [ln.size for ln in band if ln not in below and is_multi(ln)]
    return (bool(sizes) and bool(below) and not is_multi(below[0]) and any(is_multi(ln) for ln in below)
            and gap > HEADING_GAP_LINES * max(sizes))


def _median_cell_size(bands: list[list[TextLine]]) -> float | None:
    """Given bands of a stack, return the median text size of their lines of cells (None without any)."""
    sizes = sorted(ln.size for band in bands for ln in band if is_multi(ln))
    return sizes[len(sizes) // 2] if sizes else None


def _is_band_heading(line: TextLine, cell_size: float | None, cells_x0: float | None = None) -> bool:
    """Given a line between two rules of a frame, the frame's cell text size and where its cells' text starts,
    return whether it is a heading between two tables that share the stack of rules (the band may also hold the
    next table's header, set above its first rule): one bold run of words, or a numbered heading whose number is
    set apart ("8." | "Opfølgning"), set larger than the cells, or set in another size and starting left of every
    cell's text (a title at the margin, outside the cells' padding: "Oversigt" over a table of key figures; such a
    title may be set plain). A group row of a table is set like its cells, in them."""
    if cell_size is None or not (len(line.segments) == 1 or is_numbered_item(line)):
        return False
    if not line.bold:  # a plain title ("Opfølgning" set like the captions), when a header follows it
        return len(line.segments) == 1 and (line.size > cell_size + FRAME_TEXT_SIZE_SLACK
                                            or _margin_title(line, cell_size, cells_x0))
    return line.size > cell_size + TITLE_SIZE_SLACK or _margin_title(line, cell_size, cells_x0)


def _margin_title(line: TextLine, cell_size: float, cells_x0: float | None) -> bool:
    """Given a bold line of one run of words between two rules of a frame, the frame's cell text size and where its
    cells' text starts, return whether it is a table's title set at the margin: in another size than the cells and
    starting left of every cell's text (outside the cells' padding, where no row of a table starts)."""
    return (cells_x0 is not None and abs(line.size - cell_size) > TITLE_SIZE_SLACK
            and line.x0 < cells_x0 - COLUMN_FLUSH)


def plain_title(line: TextLine, region: Region) -> bool:
    """Given a plain line right above a region and the region, return whether it is the table's title set at the
    margin (`_margin_title`: in another size than the cells, starting left of every line of the table, outside the
    cells' padding), one short run of words ("Oversigt"), not running text."""
    return (not line.bold and len(line.segments) == 1
            and line.x1 - line.x0 <= CAPTION_WIDTH_SHARE * (region.x1 - region.x0)
            and _margin_title(line, _text_size(region.lines, line), min(ln.x0 for ln in region.lines)))


def _holds_amount(line: TextLine, below: TextLine | None = None) -> bool:
    """Given a line and the line under it (if known), return whether any of its words is a printed amount (a year
    is none, nor the number of a unit, "1.000 kr.", also when the unit word wrapped onto the next line of the same
    cell: "1.000" over "kr." in a narrow header cell, `_unit_wrapped_under`)."""
    words = line.words
    return any(is_number_token(w.text) and not YEAR_TOKEN.match(w.text)
               and not (i + 1 < len(words) and UNIT_WORD.match(words[i + 1].text))
               and not _unit_wrapped_under(w, line, below) for i, w in enumerate(words))


def _unit_wrapped_under(word: Word, line: TextLine, below: TextLine | None) -> bool:
    """Given a number word ending a run of words of a line and the line right under it, return whether the
    number's unit word wrapped onto that line in the same cell: the first word of a run of the line under, a unit
    ("kr."), under the number and as close as the lines of one wrapped cell."""
    if below is None or below.top - line.bottom > HEADER_LINE_GAP_FACTOR * max(line.size, 1.0):
        return False
    if not any(sg.words and sg.words[-1].x1 == word.x1 and sg.words[-1].text == word.text for sg in line.segments):
        return False
    return any(sg.words and UNIT_WORD.match(sg.words[0].text)
               and sg.words[0].x0 < word.x1 and sg.words[0].x1 > word.x0 for sg in below.segments)


def _holds_mark(line: TextLine) -> bool:
    """Given a line, return whether a cell after its first is a tick (`MARK`: "X" in a plan's period), which no
    header holds."""
    return any(MARK.match(sg.text.strip()) for sg in line.segments[1:])


def _heads_next_table(band: list[TextLine], below: list[TextLine], cell_size: float | None,
                      cells_x0: float | None = None) -> bool:
    """Given the lines of a band between two rules of a frame, those of the band below it and the frame's cell text
    size, return whether the band holds a heading that opens another table sharing the stack of rules: a heading
    line (`_is_band_heading`) followed by a header, i.e. a line of several cells without amounts (and none above
    it), under it in the band (a header set above the next table's first rule) or else in the band below. A
    section row of the same table, however it is set, is followed by rows with amounts. A title at the margin
    (`_margin_title`) is no row of a table at all, and the table it titles may have no header (key figures, "2,2
    dage om året") or start under the stack's last rule. Any heading of the band counts, not only its first: a note
    under the table above (set smaller, at the margin: "Anm.: Beløb i faste priser ...") may come before the title."""
    return any(_heading_opens_table(head, band, below, cell_size, cells_x0)
               for head in band if _is_band_heading(head, cell_size, cells_x0))


def _heading_opens_table(head: TextLine, band: list[TextLine], below: list[TextLine], cell_size: float | None,
                         cells_x0: float | None) -> bool:
    """Given a heading line of a band (`_is_band_heading`), the band's lines, those of the band below and the
    frame's cell text size and text start, return whether the heading opens another table (`_heads_next_table`)."""
    if head.bold and _margin_title(head, cell_size, cells_x0):
        return True
    after = [ln for ln in band if ln.top >= head.bottom - 0.5] or below
    first = next((ln for ln in after if is_multi(ln)), None)
    upto = after.index(first) + 1 if first is not None else 0
    return first is not None and not any(_holds_amount(ln, after[i + 1] if i + 1 < len(after) else None)
                                         for i, ln in enumerate(after[:upto]))


def _larger_text_run(line: TextLine, frame: Frame, cell_size: float | None) -> bool:
    """Given a line between two rules of a frame and the text size of the cells near it, return whether it is
    running text set larger than the cells and across most of the frame (a note or paragraph between two tables).
    The cells near it, not the whole stack's: tables of one width stacked down a page may be set in other sizes
    (a wide table's type made smaller), and a header line of a table in the larger size is no running text."""
    return (cell_size is not None and len(line.segments) == 1 and line.size > cell_size + FRAME_TEXT_SIZE_SLACK
            and line.x1 - line.x0 > PROSE_FRAME_SHARE * (frame.x1 - frame.x0))


def is_list_item(line: TextLine) -> bool:
    """Given a line, return whether it is a bulleted list item: a lone bullet glyph, then one run of text."""
    return len(line.segments) == 2 and line.segments[0].text.strip() in BULLETS


JUSTIFIED_MIN_WORDS = 4  # a justified prose line spreads at least this many words ...
JUSTIFIED_GAP_SPREAD = 1.0  # ... with gaps equal to within this many points ...
JUSTIFIED_VALUE_SHARE = 1 / 3  # ... and at most this share of them numbers or marks ("2020", "–")


def is_justified(line: TextLine) -> bool:
    """Given a line, return whether it is a line of justified prose: every word its own segment, the gaps
    between them all equal, the first one too, words rather than values (a table's cells are not spaced evenly, and
    hold numbers, marks or several words; a title may quote a year or a dash: "Satspuljer 2020 der kan søges ...
    – ...")."""
    segs = line.segments
    if len(segs) < JUSTIFIED_MIN_WORDS or any(len(s.words) > 1 for s in segs[1:]):
        return False
    values = sum(bool(is_number_token(s.text) or MARK.match(s.text)) for s in segs[1:])
    if values > JUSTIFIED_VALUE_SHARE * (len(segs) - 1):
        return False
    gaps = [b.x0 - a.x1 for a, b in zip(segs[1:], segs[2:], strict=False)]
    # (a first cell set far left of evenly spaced heads, "Mio. kr., 2019-pl" before "Budget Overslag Overslag",
    # is a header's: a justified line's first gap is stretched like the others)
    return max(gaps) - min(gaps) <= JUSTIFIED_GAP_SPREAD and segs[1].x0 - segs[0].x1 <= max(gaps) + JUSTIFIED_GAP_SPREAD


NUMBERED_ITEM_GAP_FACTOR = 0.65  # a word space, monospaced too (0.6 em), is narrower; a tab to a list indent wider


def is_numbered_item(line: TextLine) -> bool:
    """Given a line, return whether it is a numbered heading or list item whose number was set apart from its
    text ("10." and "Hvem er hørt?" are two segments only because a number is split from a capitalised word):
    the number and one run of text, no further apart than a plain space (a table's columns have a gutter)."""
    segs = line.segments
    number = segs[0].text.strip() if segs else ""
    return (len(segs) == 2 and bool(SECTION_NUMBER.match(number)) and "." in number  # "10.", "1.6" (not "12")
            and bool(NUMBERED_HEADING.match(line.text))
            and segs[1].x0 - segs[0].x1 < NUMBERED_ITEM_GAP_FACTOR * max(line.size, 1.0))


def is_multi(line: TextLine) -> bool:
    """Given a line, return whether it holds several cells (a list item's bullet or number and a justified prose
    line's spread words do not count)."""
    return (len(line.segments) >= 2 and not is_list_item(line) and not is_numbered_item(line)
            and not is_justified(line))


def is_value_text(text: str) -> bool:
    """Given a line's text, return whether it is one printed value (a number, nil, "4 år", "12 %")."""
    return parse_danish(text).kind in VALUE_KINDS


def is_caption(line: TextLine) -> bool:
    """Given a line, return whether it reads as a table caption ("Tabel 1. ...")."""
    return bool(CAPTION.match(line.text.strip()))


def _frame_of(line: TextLine, frames: list[Frame]) -> Frame | None:
    """Given a line, return the frame it lies inside, if any."""
    mid = (line.top + line.bottom) / 2
    for f in frames:
        if f.top - 0.5 <= mid <= f.bottom + 0.5 and line.x0 >= f.x0 - INDENT_TOLERANCE and line.x1 <= f.x1 + 20:
            return f
    return None


def is_unit_line(line: TextLine) -> bool:
    """Given a line, return whether it only states a unit/price level, e.g. "(1.000 kr.)" or "(kr., 2022-pl)"."""
    t = line.text.strip()
    return t.startswith("(") and t.endswith(")") and len(t) <= UNIT_LINE_MAX_CHARS and bool(find_unit(t))


def _ruled_off(line: TextLine, first_row: TextLine, hrules: list[Rule]) -> bool:
    """Given a line above a table's first row, that row and the page's horizontal rules, return whether a rule
    between the two spans both: the rule under a table's header, which parts it from the body."""
    lo, hi = min(line.x0, first_row.x0), max(line.x1, first_row.x1)
    below = (first_row.top + first_row.bottom) / 2  # rows set tight: the row's line box may reach over the rule
    return any(line.bottom - 0.5 <= r.pos <= below and r.start <= lo + INDENT_TOLERANCE
               and r.end >= hi - INDENT_TOLERANCE for r in hrules)


def _above_first_column(pending: list[TextLine], first_row: TextLine, left: float) -> int:
    """Given single lines waiting above a table's first line of several cells and that line, return how many of
    the leading ones are a title: the last line that starts at the margin, over a first column the first line
    leaves empty, with no line between it and the first line in that column. A header cell holds its lines
    together (set to the top, the middle or the bottom of its row), so a line with an empty stretch under it in
    its own column is not one of the header's ("Opfølgning" tight above a header set to the bottom)."""
    for i in range(len(pending) - 1, -1, -1):
        ln = pending[i]
        below = pending[i + 1:] + [first_row]
        if (ln.x0 <= left + INDENT_TOLERANCE and first_row.x0 > ln.x1
                and not any(b.x0 < ln.x1 and b.x1 > ln.x0 for b in below)):
            return i + 1
    return 0


def _apart_over_first_column(line: TextLine, below: TextLine, first_row: TextLine) -> bool:
    """Given a single line above a table's first line of several cells, the line under it and that first line,
    return whether it is a title over the first column: the first line is a header (no amount in it), the line
    ends before the header's second cell starts, and it is not set as tight above the next line as the lines of
    one wrapped header cell are ("Oversigt" a line's gap above "Effektiviseringskatalog 2025 | 2025 | 2026")."""
    return (len(first_row.segments) > 1 and not _holds_amount(first_row)
            and line.x1 < first_row.segments[1].x0
            and below.top - line.bottom > TIGHT_LINE_GAP * max(line.size, 1.0))


def _wraps_caption(caption: TextLine, line: TextLine, first_row: TextLine) -> bool:
    """Given a caption line dropped above a table, the line under it and the table's first row, return whether the
    line is the caption's next line: set in the caption's size and weight, not the first row's size, and as tight
    under it as a wrapped line ("... – Beskæftigelses- og" / "Integrationsudvalgets område.")."""
    return (abs(line.size - caption.size) <= SAME_SIZE and line.bold == caption.bold
            and abs(line.size - first_row.size) > TITLE_SIZE_SLACK
            and line.top - caption.bottom <= TIGHT_LINE_GAP * max(caption.size, 1.0))


def _drop_caption_lines(pending: list[TextLine], first_row: TextLine, left: float, right: float,
                        hrules: list[Rule] = (), top_rules: list[Rule] = ()) -> list[TextLine]:
    """Given single lines waiting above a table's first row, drop the leading ones that read as its caption or
    title: unit lines, lines that start at the left margin and run over a good part of the text width, lines set
    apart from what follows by more than a wrapped header's line spacing (over the first column of a header row: by
    more than a wrapped cell's), lines set larger than the table, bold titles left of it in another size
    (`_titles_table`), and the next lines of a caption dropped. The last
    line stays when a rule under it spans it and the first row (`hrules`, the page's): that is the table's header
    (one cell, the other columns' headers empty), ruled off from the body. A line set in another size than the line
    under it, with a rule between the two (`top_rules`: the first rule of the table's frame), is a caption set
    tight above the table's box, however close (the lines of one header cell have no rule between them)."""
    lines = pending + [first_row]
    header = bool(pending) and _ruled_off(pending[-1], first_row, list(hrules))
    i = _above_first_column(pending, first_row, left)
    if pending and _group_head_over(pending[-1], first_row):
        return pending[-1:]  # a header's row of group heads (what is above it is the caption)
    while i < len(pending) and (
            is_unit_line(pending[i]) or _titles_table(pending[i], [first_row])
            or pending[i].size > first_row.size + TITLE_SIZE_SLACK
            or (abs(pending[i].size - lines[i + 1].size) > SAME_SIZE
                and _ruled_off(pending[i], lines[i + 1], list(top_rules)))
            or (not (header and i == len(pending) - 1) and (
                _apart_over_first_column(pending[i], lines[i + 1], first_row)
                or (i > 0 and _wraps_caption(pending[i - 1], pending[i], first_row))
                or (pending[i].x0 <= left + PROSE_INDENT_TOLERANCE
                    and pending[i].x1 - pending[i].x0 > CAPTION_WIDTH_SHARE * (right - left))
                or (lines[i + 1].top - pending[i].bottom > HEADER_LINE_GAP_FACTOR * max(pending[i].size, 1.0)
                    and not _in_later_column(pending[i], [first_row], first_row.size))))):
        i += 1
    return pending[i:]


GROUP_HEAD_SPREAD = 0.5  # a group head lies this near (a share of the mean head pitch) the middle of its heads


def _group_head_over(line: TextLine, first_row: TextLine) -> bool:
    """Given a single line right above a table's first line of several cells (its header) and that line, return
    whether it is a row of group heads over it (a header of two levels: "Budget" / "Overslagsår" over the year
    heads; a unit line, "1.000 kr." centred over them all, is the caption's): set in the header's size and weight,
    as close above it as a row is to the next (a line and a half), over its later cells only, flush with none of its
    cells' edges (not a unit or a note set flush right above the last column), and each of its runs of words centred
    over two or more of the header's cells (within `GROUP_HEAD_SPREAD` of their pitch; the grid reads which columns
    each one spans)."""
    heads = first_row.segments
    if find_unit(line.text):  # a unit line is the whole table's (its caption's): its number would read as a value
        return False
    if (len(heads) < 3 or _holds_amount(first_row) or abs(line.size - first_row.size) > SAME_SIZE
            or line.bold != first_row.bold or line.x0 < heads[1].x0 - COLUMN_FLUSH
            or first_row.top - line.bottom > 1.5 * max(line.size, 1.0)):
        return False
    edges = [x for h in heads for x in (h.x0, h.x1)]
    if any(abs(x - e) <= COLUMN_FLUSH for sg in line.segments for x in (sg.x0, sg.x1) for e in edges):
        return False

    def centred(sg: Segment) -> bool:
        mid = (sg.x0 + sg.x1) / 2
        return any(abs(mid - (heads[a].x0 + heads[b].x1) / 2)
                   <= GROUP_HEAD_SPREAD * (heads[b].x1 - heads[a].x0) / (b - a + 1)
                   for a in range(1, len(heads)) for b in range(a + 1, len(heads)))

    return all(centred(sg) for sg in line.segments)


def _band_of(line: TextLine, frame: Frame) -> int:
    """Given a framed line, return the index of the band between two of the frame's rules it sits in."""
    mid = (line.top + line.bottom) / 2
    return sum(1 for y in frame.rules if mid > y)


def _spread_bands(lines: list[TextLine], frame: Frame) -> int:
    """Given a region's lines and its frame, return how many bands between its rules hold cells side by side, also
    where they sit on lines of their own (a value set vertically centred beside a wrapped label)."""
    by_band: dict[int, list[tuple[float, float]]] = {}
    for ln in lines:
        if frame.top <= (ln.top + ln.bottom) / 2 <= frame.bottom:
            spans = [(sg.x0, sg.x1) for sg in ln.segments] if is_multi(ln) else [(ln.x0, ln.x1)]
            by_band.setdefault(_band_of(ln, frame), []).extend(spans)
    count = 0
    for spans in by_band.values():
        ordered = sorted(spans)
        reach = ordered[0][1]
        for x0, x1 in ordered[1:]:
            if x0 > reach:  # a run clear of every one left of it: a second cell
                count += 1
                break
            reach = max(reach, x1)
    return count


def _is_header_band(lines: list[TextLine]) -> bool:
    """Given the lines of one band, return whether it reads as a header: all bold, several cells, no amounts."""
    return (all(ln.bold for ln in lines) and any(len(ln.segments) >= 2 for ln in lines)
            and not any(is_number_token(w.text) and not YEAR_TOKEN.match(w.text) for ln in lines for w in ln.words))


def split_inner_tables(region: Region) -> list[Region]:
    """Given a framed region, split it where a header band follows plain body bands (more than one band of text,
    or a band with amounts), or follows a band that only holds a bold heading line (two tables sharing one stack
    of rules); such a heading band belongs to neither."""
    if region.frame is None:
        return [region]
    bands: dict[int, list[TextLine]] = {}
    for ln in region.lines:
        bands.setdefault(_band_of(ln, region.frame), []).append(ln)
    ordered = [lines for _, lines in sorted(bands.items())]
    out, cur = [], []
    for i, lines in enumerate(ordered):
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        heading = (cur and nxt is not None and _is_header_band(nxt)
                   and all(ln.bold and len(ln.segments) == 1 for ln in lines))
        if heading:
            out.append(Region(region.page, cur, region.frame))
            cur = []
            continue
        if cur and not all(ln.bold for ln in cur[-1:]) and _is_header_band(lines) and (
                len(cur) > len(ordered[i - 1]) or any(_holds_amount(ln) for ln in cur)):
            # (one band of text before it is this table's own header, set in another weight than its bold
            # section row "Milepæle for ...", which runs over a gutter: no table of its own)
            out.append(Region(region.page, cur, region.frame))
            cur = []
        cur.extend(lines)
    if cur:
        out.append(Region(region.page, cur, region.frame))
    return out


def _ends_open(line: TextLine, below: TextLine) -> bool:
    """Given a line and a line below it, return whether the text above the lower line (its cell's segment, or the
    whole line) ends open ("-", ","), so that the lower line goes on with it. A dash printed as a word of its own
    is a nil amount ("3,5 -" ending a row), not a word broken at its hyphen."""
    above = [s for s in line.segments if s.x0 <= below.x1 and s.x1 >= below.x0] or line.segments
    return any(_text_ends_open(s.text) for s in above) or _text_ends_open(line.text)


def _text_ends_open(text: str) -> bool:
    """Given a text, return whether it ends open: a comma, or a hyphen closing a word (not a lone nil dash)."""
    words = text.split()
    return bool(words) and (words[-1].endswith(",") or (words[-1].endswith("-") and words[-1] != "-"))


def _opens_next_table(current: list[TextLine], pending: list[TextLine], line: TextLine, left: float,
                      right: float) -> bool:
    """Given an unruled table's lines, the single lines waiting under them, the line of cells after those and the
    page's text margins, return whether the waiting lines title another table that this line heads: the first
    one starts at the margin, set further below the table than any of its lines is below the one above, the line
    holds no amount, and either running text waits between them (a line from the margin over a good part of the
    text width, past the table's first column, in another size than the table's or starting left of every line of
    the table, outside its cells' padding), or the first waiting line is
    set in another size than the table's text (a title, "Oversigt", however short), or no cell of the line starts
    or ends where one of the table's does (another table's columns). A title right above the line, at the margin
    left of where the table's text starts and in another size (`_titles_table`, bold or plain: "Oversigt" set like
    the captions), set apart from the table, opens another table also when the line holds amounts (a table of key
    figures, "2,2 dage om året"); so does a title set clearly larger than the table's text (`_set_larger`), alone
    or under other lines of one run of words without an amount (the table's note, "Kilde: ..."), wherever the
    table's cells start (cells set a little left of the margin: no title starts left of them). A line
    set clearly smaller or larger than
    the table's text (`FRAME_TEXT_SIZE_SLACK`) under waiting lines set further below the table than its lines are
    apart heads another table wherever the waiting lines start (the page's margin may be set by a wide table's cells
    left of the text's), and so does a line under a plain title set apart, at the margin left of every line of the
    table and in another size (`_titles_table`), over a line of its own (the title "Oversigt" over a bold one-cell
    header, whatever the line holds), and so does a line under a title set apart in a size of its own, other than
    the table's and the line's, closer to the line than to what is above it (`_resized_title_over`). "Set further
    below" means by more than `SAME_GAP` (a section row at the rows' spacing is no title). The waiting lines that
    finish the table's last row (`_trailing_continuation`:
    a long cell's last lines, under its row's other cells) are the table's: the lines under them are the ones
    looked at."""
    if not pending:
        return False
    if len(current) >= 2 and _titled_header(current, pending, line, left):
        return True
    # the lines that finish the table's last row (a long cell's last lines, under the row's other cells) are the
    # table's: what waits under them is what may title another table (also under a table of one line so far, a
    # header repeated atop the page over the rest of a row the page break cut: "2024 | ... | 2028" / "i" /
    # "hjemmeplejen", then the title "Hvem er hørt?")
    finish = _trailing_continuation(current, pending, at_foot=False)
    current, pending = current + finish, pending[len(finish):]
    if pending and len(current) == 1 and _titles_after_lone_row(current[0], pending, line, left):
        return True
    if not pending or len(current) < 2:
        return False
    spacing = max(b.top - a.bottom for a, b in zip(current, current[1:], strict=False))
    set_apart = pending[0].top - current[-1].bottom > spacing + SAME_GAP
    if set_apart and abs(line.size - _text_size(current, line)) > FRAME_TEXT_SIZE_SLACK:
        return True  # the line's cells are set in another size than the table's: another table's
    if set_apart and any(_titles_table(ln, current, plain=True) for ln in pending[:-1]):
        return True  # a plain title at the margin over another table's header ("Oversigt" / "Rygestopkurser ...")
    if set_apart and _title_over_one_cell_header(current, pending, left):
        return True  # ... also where the table's cells start left of the margin, outside the text
    if set_apart and _resized_title_over(current, pending, line):
        return True  # a title in a size of its own, closer to the lines of cells under it than to the table
    if pending[0].x0 > left + INDENT_TOLERANCE or not set_apart:
        return False
    if _titles_table(pending[-1], current, plain=True):
        return True
    if (_set_larger(pending[-1], current) and all(len(p.segments) == 1 for p in pending)
            and not any(_holds_amount(p) for p in pending)):
        return True  # a title set clearly larger than the table's text, at the margin: also over key figures (and
        # under the table's note, "Kilde: ..." over "Oversigt", each one run of words)
    if _holds_amount(line):
        return False
    cells_x0 = min(ln.x0 for ln in current)
    # (the first column's cells: lines of several cells that start there, not a line of later columns' cells)
    labels_end = max((ln.segments[0].x1 for ln in current if is_multi(ln) and ln.x0 <= cells_x0 + INDENT_TOLERANCE),
                     default=right)
    if any(len(ln.segments) == 1 and ln.x0 <= left + INDENT_TOLERANCE and ln.x1 > labels_end + INDENT_TOLERANCE
           and ln.x1 - ln.x0 > CAPTION_WIDTH_SHARE * (right - left)
           and (abs(ln.size - _text_size(current, ln)) > TITLE_SIZE_SLACK or ln.x0 < cells_x0 - COLUMN_FLUSH)
           for ln in pending):
        return True
    if len(pending[0].segments) == 1 and abs(pending[0].size - _text_size(current, pending[0])) > TITLE_SIZE_SLACK:
        return True
    return _other_columns(current, line)


def _titles_after_lone_row(row: TextLine, pending: list[TextLine], line: TextLine, left: float) -> bool:
    """Given the one line of a table so far (the last row of a table cut by a page break, atop the next page), the
    single lines waiting under it and the line of cells after those, return whether the one waiting line titles
    another table: the row holds an amount (no header waiting for its body), the title is one run of words at about
    the page's margin, in another size than both the row and the line under it, and no cell of that line after its
    first starts, ends or is centred where one of the row's does (`_other_columns`: "Tilbagebetalingstid ... | 3 år",
    then "Oversigt" in 9.5 pt over key figures in 10 pt, "... | 2,2 dage om året", in a column of their own)."""
    if len(pending) != 1 or not is_multi(row) or not _holds_amount(row):
        return False
    title = pending[0]
    return (len(title.segments) == 1 and title.x0 <= left + PROSE_INDENT_TOLERANCE
            and abs(title.size - row.size) > TITLE_SIZE_SLACK and abs(title.size - line.size) > TITLE_SIZE_SLACK
            and _other_columns([row], line))


def _title_over_one_cell_header(current: list[TextLine], pending: list[TextLine], left: float) -> bool:
    """Given a table's lines and the single lines waiting under them, return whether the first two are another
    table's title and its header of one cell: the title one run of words at about the page's margin, set in another
    size than the table's text, further below the table than its lines are apart and closer to the line under it
    than to the table; that line one bold run in the table's size (also in a shaded band as wide as the table: no
    section row of it): "Oversigt" / "Rygestopkurser i arbejdstiden (1.000 kr.)" over its rows, under a table whose
    cells start left of the margin (no title starts left of them)."""
    if len(pending) < 2 or len(current) < 2:
        return False
    title, head = pending[0], pending[1]
    size = _text_size(current, title)
    spacing = max(b.top - a.bottom for a, b in zip(current, current[1:], strict=False))
    return (title.top - current[-1].bottom > spacing + SAME_GAP and len(title.segments) == 1 and len(head.segments) == 1
            and head.bold and not title.bold
            and abs(title.size - size) > TITLE_SIZE_SLACK and abs(head.size - size) <= SAME_SIZE
            and title.x0 <= left + PROSE_INDENT_TOLERANCE
            and head.top - title.bottom < title.top - current[-1].bottom)


def _resized_title_over(current: list[TextLine], pending: list[TextLine], line: TextLine) -> bool:
    """Given a table's lines, the single lines waiting under them (set apart below the table) and the line of cells
    after those, return whether the last waiting line titles another table: one run of words in another size than
    both the table's text and the line under it, closer to that line than to the line above it ("Oversigt" in
    9.5 pt over key figures in 8 pt, under a table and its note, where the table's cells start left of the page's
    margin, so no title starts left of them; a group row of the table is set at its rows' spacing, not apart)."""
    title = pending[-1]
    above = pending[-2] if len(pending) > 1 else current[-1]
    size = _text_size(current, line)
    return (len(title.segments) == 1 and abs(title.size - size) > TITLE_SIZE_SLACK
            and abs(title.size - line.size) > TITLE_SIZE_SLACK
            and line.top - title.bottom < title.top - above.bottom)


def _other_columns(current: list[TextLine], line: TextLine) -> bool:
    """Given a table's lines and a line of cells after them, return whether no cell of the line after its first
    starts, ends or is centred where one of the table's does (another table's columns; a text cell centred in a
    column of centred amounts, "Dækket ved" under "13.767", is set in that column)."""
    cells = [sg for ln in current if is_multi(ln) for sg in ln.segments[1:]]
    return bool(cells) and not any(any(set_alike((sg.x0, sg.x1), (o.x0, o.x1), COLUMN_FLUSH) for o in cells)
                                   for sg in line.segments[1:])


def set_alike(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    """Given two texts' horizontal extents and a tolerance, return whether they are set in one column: they start
    together, end together (figures set to the right) or share a middle (cells set centred), within the tolerance."""
    return (abs(a[0] - b[0]) <= tolerance or abs(a[1] - b[1]) <= tolerance
            or abs(a[0] + a[1] - b[0] - b[1]) <= 2 * tolerance)


def _titled_header(current: list[TextLine], pending: list[TextLine], line: TextLine, left: float) -> bool:
    """Given a table's lines, the single lines waiting under them and the line of cells after those, return whether
    the last waiting line titles another table that this line heads, however close the tables are stacked (a
    timetable, then "Hvem er hørt?", then its own table): a title at about the margin, left of every line of the table
    (`_titles_table`; not bold too when the line after it is a header, with no amount), or one run of words set
    clearly larger than the table's text over such a header (a table's cells may start left of the margin, set
    wider than the text), or one run in another size than the table's text over a header whose cells start and end
    nowhere the table's do (`_other_columns`: "Erfaringsudvikling ..." over "Område | Kommune" under a list of
    initiatives, all in one face, the title set flush with the cells), and set further below the line above it
    than above the line it titles (a title goes with what follows; the last lines of the table's wrapped cells may
    wait above it)."""
    title = pending[-1]
    above = pending[-2] if len(pending) > 1 else current[-1]
    if title.x0 > left + PROSE_INDENT_TOLERANCE or title.top - above.bottom <= line.top - title.bottom:
        return False
    header = not _holds_amount(line) and is_multi(line)
    resized = abs(title.size - _text_size(current, title)) > TITLE_SIZE_SLACK
    return _titles_table(title, current, plain=header) or (
        header and len(title.segments) == 1 and (
            _set_larger(title, current) or (resized and _other_columns(current, line))))


def _titles_table(line: TextLine, current: list[TextLine], plain: bool = False) -> bool:
    """Given a single line under a table and the table's lines, return whether it is the bold title of another table:
    one bold run of words, set in another size than the table's text and starting left of every line of the table
    (at the margin, outside the cells' padding: a group row of the table is set in its cells). `plain`: a title
    that is not bold counts too (set like the captions of the page, the line under it a header)."""
    return (len(line.segments) == 1 and (line.bold or plain)
            and _margin_title(line, _text_size(current, line), min(ln.x0 for ln in current)))


def _in_later_column(line: TextLine, current: list[TextLine], size: float) -> bool:
    """Given a single line after a table, the table's lines and its text size, return whether the line is a row
    of the table that only fills a later column (its first cell empty, as under a label spanning several rows):
    one segment, set like the table's text, starting flush with a cell of the table that is not in the first
    column, and ending before the next column starts. The table's cells there are the later segments of its lines
    of several cells and its lines of one cell set right of where its first column ends (the lines of a long text
    cell set to the top, on baselines of their own beside a label and amounts set to the middle of the row)."""
    if len(line.segments) != 1 or abs(line.size - size) > 0.5:
        return False
    multi = [ln for ln in current if is_multi(ln)]
    for ln in multi:
        for a, b in zip(ln.segments[1:], [*ln.segments[2:], None], strict=True):
            if abs(a.x0 - line.x0) <= COLUMN_FLUSH and (b is None or line.x1 < b.x0):
                return True
    if not multi:
        return False
    second = min(ln.segments[1].x0 for ln in multi)  # where the first column ends
    if not any(len(ln.segments) == 1 and ln.x0 >= second - COLUMN_FLUSH and abs(ln.x0 - line.x0) <= COLUMN_FLUSH
               for ln in current):
        return False
    after = [sg.x0 for ln in multi for sg in ln.segments[1:] if sg.x0 > line.x0 + COLUMN_FLUSH]
    return not after or line.x1 < min(after)


def _row_of_single_lines(current: list[TextLine], pending: list[TextLine]) -> list[TextLine]:
    """Given a table's lines and the single lines after it, return the leading ones that make a last row whose
    cells never share a line (cells centred, their wrapped lines interleaved): each close under the one before,
    set like the table's text, inside one column of the table's lines of several cells, and two columns filled.
    [] when they are not that."""
    cells = [sg for ln in current if is_multi(ln) for sg in ln.segments]
    size = _text_size(current, current[-1])
    run: list[TextLine] = []
    prev = current[-1]
    for ln in pending:
        if (ln.top - prev.bottom > TRAILING_GAP_FACTOR * max(ln.size, 1.0) or abs(ln.size - size) > 0.5
                or len(ln.segments) != 1):
            break
        run.append(ln)
        prev = ln
    columns = []
    for ln in run:
        inside = [sg for sg in cells if sg.x0 < ln.x1 and sg.x1 > ln.x0]
        if not inside or not any(sg.x0 - INDENT_TOLERANCE <= ln.x0 and ln.x1 <= sg.x1 + INDENT_TOLERANCE
                                 or ln.x0 - INDENT_TOLERANCE <= sg.x0 and sg.x1 <= ln.x1 + INDENT_TOLERANCE
                                 for sg in inside):
            return []
        columns.append((min(sg.x0 for sg in inside), max(sg.x1 for sg in inside)))
    apart = any(a[1] < b[0] or b[1] < a[0] for a in columns for b in columns)
    return run if apart and len(run) >= 2 else []


def _trailing_continuation(current: list[TextLine], pending: list[TextLine], at_foot: bool) -> list[TextLine]:
    """Given a table's lines and the single lines after it, return those that finish its last row: each close
    below the one before, starting in lowercase or after text that ends open ("-", ","), or set beside the line
    before (a label's last line beside a value centred on the label's lines). At the foot of a page
    (nothing follows on it), lines set like the table's text, close below it (no further than the table's lines
    are apart: a note set apart under the last row is no row) and inside its first column go on it too: a row
    that the page break cuts after its first cell's lines; elsewhere such lines do when set as tight
    under the line before as a wrapped line (a last label's second line, "Totaløkonomi")."""
    if (row := _row_of_single_lines(current, pending)):
        return row
    out: list[TextLine] = []
    prev = current[-1]
    size = _text_size(current, prev)
    x0 = min(ln.x0 for ln in current)
    label_end = min((ln.segments[1].x0 for ln in current if len(ln.segments) >= 2), default=x0)
    # a row the page break cuts follows the table's last row at the table's spacing, not set apart below it
    spacing = max((b.top - a.bottom for a, b in zip(current, current[1:], strict=False)), default=None)
    for ln in pending:
        text = ln.text.strip()
        if not text:
            break
        tight = ln.top - prev.bottom <= TIGHT_LINE_GAP * max(ln.size, 1.0)
        close_under = spacing is None or ln.top - prev.bottom <= spacing + SAME_GAP
        cut_row = (((at_foot and close_under) or tight) and abs(ln.size - size) <= 0.5
                   and ln.x0 >= x0 - INDENT_TOLERANCE and ln.x1 < label_end
                   and not is_caption(ln))  # (pending lines are close already)
        beside = ln.top < prev.bottom - 1.0  # set beside the last line (a value centred on a wrapped label)
        if not cut_row and not beside and not _in_later_column(ln, current, size) and (
                ln.top - prev.bottom > TRAILING_GAP_FACTOR * max(ln.size, 1.0)
                or not (text[0].islower() or _ends_open(prev, ln))):
            break
        out.append(ln)
        prev = ln
    return out


MARGIN_SHARE = 0.1  # the margins leave out this share of the text (by width) beyond them, stray lines


def _weighted_quantile(values: list[tuple[float, float]], share: float) -> float:
    """Given (value, weight) pairs and a share, return the smallest value with at least that share of the total
    weight at or below it."""
    values = sorted(values)
    total = sum(w for _, w in values)
    acc = 0.0
    for v, w in values:
        acc += w
        if acc >= share * total:
            return v
    return values[-1][0]


def text_span(page: PageLayout) -> tuple[float, float]:
    """Given a page, return the x extent of its text block (left margin, right margin): where its lines start and
    end, weighted by their width, so that many short cells of one column (a table whose label column is empty
    in most rows) do not move the margin to that column."""
    if not page.lines:
        return 0.0, page.width
    width = [max(ln.x1 - ln.x0, 1.0) for ln in page.lines]
    left = _weighted_quantile([(ln.x0, w) for ln, w in zip(page.lines, width, strict=True)], MARGIN_SHARE)
    right = _weighted_quantile([(ln.x1, w) for ln, w in zip(page.lines, width, strict=True)], 1 - MARGIN_SHARE)
    if right > page.width >= 2 * left:  # a table run off the page's edge (printed past it) is no margin: the
        right = page.width - left  # text block's right margin mirrors its left one
    return left, right


def _is_section_heading(line: TextLine, current: list[TextLine], framed: bool = False) -> bool:
    """Given a line, the lines of the table so far and whether the line sits in ruled rows, return whether it is a
    numbered section heading ("10. Hvem er hørt?") that ends the table: one segment (outside ruled rows, also its
    number set apart and one segment), set in bold or larger than the table's text by a title's slack (a print scaled
    to the page sets 8.4 pt over 8 pt cells; a numbered row label, "1.6.
    Fællesskabspulje ...", is set like the rows around it)."""
    if not NUMBERED_HEADING.match(line.text) or not (len(line.segments) == 1 or (
            not framed and len(line.segments) == 2 and SECTION_NUMBER.match(line.segments[0].text))):
        return False  # one run of words, or outside ruled rows the number set apart from it (monospaced fonts)
    return line.bold or line.size > _text_size(current, line) + TITLE_SIZE_SLACK


def _is_heading(line: TextLine, current: list[TextLine]) -> bool:
    """Given a line outside any frame and the lines of the table so far, return whether it is a heading that ends
    the table ("Opfølgning" between two tables): one bold segment set larger than the table's text."""
    return (bool(current) and len(line.segments) == 1 and line.bold
            and line.size > _text_size(current, line) + TITLE_SIZE_SLACK)


def _text_size(current: list[TextLine], line: TextLine) -> float:
    """Given the lines of the table so far and the next line, return the table's text size (median; the line's own
    size when there is no table yet)."""
    return sorted(ln.size for ln in current)[len(current) // 2] if current else line.size


def _set_larger(line: TextLine, current: list[TextLine]) -> bool:
    """Given a line and the lines of the table so far, return whether it is set clearly larger than the table's
    text (a heading after the table, not a row of it)."""
    return line.size > _text_size(current, line) + FRAME_TEXT_SIZE_SLACK


def _caption_goes_on(caption: TextLine, line: TextLine) -> bool:
    """Given a caption's line and the line under it, return whether that line goes on with the caption: set in its
    size and weight, as tight under it as a wrapped line, and indented to where a word of the caption after its
    number starts (a caption's hanging indent: "Table 4: Number of students in" / "educational institutions in
    2000, 2002 and 2004", the second line starting under "Number")."""
    starts = [w.x0 for w in caption.words[1:]]
    return (abs(line.size - caption.size) <= SAME_SIZE and line.bold == caption.bold
            and line.top - caption.bottom <= TIGHT_LINE_GAP * max(caption.size, 1.0)
            and line.x0 > caption.x0 + INDENT_TOLERANCE and any(abs(line.x0 - x) <= COLUMN_FLUSH for x in starts))


def _note_under(line: TextLine, current: list[TextLine], after: list[TextLine],
                settings: ExtractionSettings = DEFAULT_SETTINGS) -> bool:
    """Given a line under a ruled table's last rule, the table's lines and the page's lines after it, return whether
    it opens the notes under the table ("Source: ...", a key to its marks): set clearly smaller than the table's
    text, and no line set like the table's cells follows the smaller lines closely (a header row of small
    column heads between a group head and the body is no note)."""
    size = _text_size(current, line)
    if line.size >= size - FRAME_TEXT_SIZE_SLACK:
        return False
    prev = line
    for ln in after:
        if ln.top - prev.bottom > settings.region_gap_factor * max(ln.size, 6.0):
            return True
        if ln.size >= size - FRAME_TEXT_SIZE_SLACK:
            return not (is_multi(ln) and abs(ln.size - size) <= FRAME_TEXT_SIZE_SLACK)
        prev = ln
    return True


def _without_title(lines: list[TextLine]) -> list[TextLine]:
    """Given a region's lines, return them without the leading lines set clearly larger than the table's text (a
    title whose words are spread over several runs, taken in as a row)."""
    size = _text_size(lines, lines[0]) if lines else 0.0
    i = 0
    while i < len(lines) - 1 and lines[i].size > size + FRAME_TEXT_SIZE_SLACK:
        i += 1
    return lines[i:]


def nothing_above(lines: list[TextLine], top: float) -> bool:
    """Given a page's lines and the top of a region, return whether nothing is printed above it on the page."""
    return not any(ln.bottom <= top for ln in lines)


def _header_over(current: list[TextLine], current_frame: Frame | None) -> bool:
    """Given the lines read since the last table closed and their frame, return whether they can only be the
    header of a frame below them, also of one parted from the rules above it: unframed lines without an amount
    (a header ruled under it only, set right under the heading that ended the table before)."""
    return current_frame is None and not any(_holds_amount(ln) for ln in current)


def _overlap(a: Frame, b: Frame) -> bool:
    """Given two frames, return whether their x extents overlap by at least half of the narrower one."""
    return min(a.x1, b.x1) - max(a.x0, b.x0) >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def _union(a: Frame, b: Frame) -> Frame:
    """Given two frames one table runs through, return one frame spanning both, with all their rules."""
    return Frame(min(a.x0, b.x0), max(a.x1, b.x1), sorted(set(a.rules) | set(b.rules)))


def footnote_rule(page: PageLayout, left: float, right: float) -> float | None:
    """Given a page and its text margins, return the y of the rule that sets off its footnotes, or None: a short
    rule (at most FOOTNOTE_RULE_SHARE of the text width) from the left margin, no rule below it within the margins
    (a narrow table's rules), all lines below it (one or more) set smaller than the page's text above it, none of
    them beside or crossing the rule."""
    for r in page.hrules:
        below = [ln for ln in page.lines if ln.top >= r.pos]
        above = [ln for ln in page.lines if ln.bottom <= r.pos]
        if (abs(r.start - left) > PROSE_INDENT_TOLERANCE or r.end - r.start > FOOTNOTE_RULE_SHARE * (right - left)
                or not below or not above or any(ln.top < r.pos < ln.bottom for ln in page.lines)
                or any(x.pos > r.pos + 1.0 for x in page.hrules)
                or any(v.end > r.pos + 1.0 and left - INDENT_TOLERANCE <= v.pos <= right + INDENT_TOLERANCE
                       for v in page.vrules)):
            continue
        sizes = sorted(ln.size for ln in above)
        if max(ln.size for ln in below) < sizes[len(sizes) // 2] - SAME_SIZE:
            return r.pos
    return None


def find_regions(page: PageLayout, settings: ExtractionSettings = DEFAULT_SETTINGS, open_top: bool = False
                 ) -> list[Region]:
    """Given a page (running lines removed), return its table regions top to bottom.

    `open_top`: the page before ends in a table or a header left at its foot. Then the lines that open this page
    make a region (marked `fragment`) also when they hold one line of cells only: the last row of that table, or
    the one row under that header, that the page break moved on (a row's cells and its wrapped lines)."""
    left, right = text_span(page)
    prose_right = left + settings.prose_right_share * (right - left)
    foot = footnote_rule(page, left, right)
    if foot is not None:  # the footnotes under it are no table
        page = replace(page, lines=[ln for ln in page.lines if ln.top < foot])
    frames = find_frames(page.hrules, page.lines, left, prose_right, page.shades)
    regions: list[Region] = []
    current: list[TextLine] = []
    current_frame: Frame | None = None
    pending: list[TextLine] = []

    members: set[int] = set()  # ids of the frames the current region runs through

    def close(at_foot: bool = False) -> set[int]:
        """Close the current region; return the ids of the waiting lines it took in (its last row's lines)."""
        nonlocal current, current_frame, pending, members
        members = set()
        taken: list[TextLine] = []
        if at_foot and current and current_frame is not None and (cut := _row_cut_below(page, current_frame,
                                                                                        current, pending)):
            taken = cut  # the first lines of a row the page break cut, under the grid's last rule
        elif current and (current_frame is None or current[-1].top > current_frame.bottom):
            # (framed too when its rows went on below the last rule, a rule above the totals only)
            taken = _trailing_continuation(current, pending, at_foot)
        elif current and pending:  # rules between the rows, none under the last one
            taken = _row_of_single_lines(current, pending)
        current.extend(taken)
        current = _without_title(current)
        # (a line set beside the one before it, a value centred on a label's lines, makes a line of cells too)
        multi = sum(is_multi(ln) or (k > 0 and _side_by_side(ln, current[k - 1])) for k, ln in enumerate(current))
        framed_rows = len(current_frame.rules) - 1 if current_frame else 0
        if current and current_frame is not None and multi < MIN_TABLE_LINES:
            multi = max(multi, _spread_bands(current, current_frame))
        if current and (multi >= MIN_TABLE_LINES or (current_frame and framed_rows >= 2 and multi >= 1)):
            regions.extend(split_inner_tables(Region(page, current, current_frame)))
        elif current and multi == 1 and open_top and not regions and (
                nothing_above(page.lines, current[0].top) or (atop := _label_atop(page.lines, current))):
            # (with the lines of its label cell above it, when they read as a caption: the label of the table's
            # last row on the page before, whose other cells stayed there)
            if not nothing_above(page.lines, current[0].top):
                current = atop + current
            regions.append(Region(page, current, current_frame, fragment=True))
        elif (current and multi == 1 and at_foot and not any(ln.top >= current[-1].bottom for ln in page.lines)
              and any(_holds_amount(ln) or _holds_mark(ln) for ln in current if is_multi(ln))):
            # one body row ending the page (an amount in it, no header): the first row of a table the page break
            # cut, whose other rows open the next page
            regions.append(Region(page, current, current_frame, foot=True))
        current, current_frame, pending = [], None, []
        return {id(ln) for ln in taken}

    notes: TextLine | None = None  # the last line of the notes under a table (set smaller than its cells)
    notes_below = 0.0  # ... which are set smaller than this
    caption: TextLine | None = None  # the last line of a caption just read
    for k, ln in enumerate(page.lines):
        if notes is not None and (ln.size >= notes_below
                                  or ln.top - notes.bottom > settings.region_gap_factor * max(ln.size, 6.0)):
            notes = None
        if notes is not None:
            notes = ln
            continue
        frame = _frame_of(ln, frames)
        prev = (pending or current or [None])[-1]
        gap_ok = prev is not None and ln.top - prev.bottom <= settings.region_gap_factor * max(ln.size,
                                                                                                MIN_GAP_TEXT_SIZE)
        if caption is not None and _caption_goes_on(caption, ln):
            caption = ln
            continue
        caption = ln if is_caption(ln) else None
        if (is_caption(ln) or _is_section_heading(ln, current, frame is not None)
                or (frame is None and _is_heading(ln, current))):
            close()
            continue
        if frame is not None:
            if current and id(frame) not in members:
                # lines printed above the first rule (a header), or rules that only set off some rows (a rule
                # above a total): the table goes on through the next stack of rules when nothing parts them
                if (gap_ok and (not frame.parted or _header_over(current, current_frame))
                        and (current_frame is None or _overlap(current_frame, frame))
                        and not _opens_next_table(current, pending, ln, left, right)):
                    current.extend(pending)
                    current.append(ln)
                    current_frame = frame if current_frame is None else _union(current_frame, frame)
                    members.add(id(frame))
                    pending = []
                    continue
                close()
            if current_frame is None or not current:
                current_frame = frame
            members.add(id(frame))
            if frame.top > ln.top:  # header lines above the frame's first rule belong to it (not a caption)
                current.extend(pending if current else _drop_caption_lines(
                    pending, ln, left, right, top_rules=[r for r in page.hrules if abs(r.pos - frame.top) < 0.5]))
            elif not current:  # the lines of a row a page break cut, printed above the frame at the page's top
                # (or a header's row of group heads, ruled off above the frame's first row: the column heads)
                current.extend(_row_cut_above(page, frame, frames, open_top) or (
                    pending[-1:] if pending and _group_head_over(pending[-1], ln) else []))
            current.append(ln)
            pending = []
            continue
        note = False
        if current_frame is not None and current and not (
                gap_ok and (is_multi(ln) or not _is_prose(ln, left, prose_right)) and not _set_larger(ln, current)
                and not (note := _note_under(ln, current, page.lines[k + 1:], settings))
                and current_frame.x0 - INDENT_TOLERANCE <= ln.x0 and ln.x1 <= current_frame.x1 + INDENT_TOLERANCE):
            # a table whose last rule is not its end (rules above totals only): rows after it go on, set like them
            limit = _text_size(current, ln) - FRAME_TEXT_SIZE_SLACK
            close()
            prev, gap_ok = None, False
            if note:  # the notes under the table, set smaller than its cells, are no table either
                notes, notes_below = ln, limit
                continue
        # a line set beside the one before it (cells of one row on different baselines) is a line of cells too
        beside = prev is not None and _side_by_side(ln, prev) and (bool(current) or (
            bool(pending) and pending[-1] is prev and not _is_prose(prev, left, prose_right)))
        if is_multi(ln) or (current and ln.x0 > left + INDENT_TOLERANCE and is_value_text(ln.text)) or beside:
            if (current and gap_ok and not _set_larger(ln, current)
                    and (beside or not _opens_next_table(current, pending, ln, left, right))):
                current.extend(pending)
                current.append(ln)
            else:
                waiting = pending
                # the lines the table takes in (its wrapped cells' last lines, above the next one's title) are not
                # the next table's
                taken = close()
                waiting = [x for x in waiting if id(x) not in taken]
                if beside and not current:  # a row's cell set beside the line before: that line is a cell too
                    keep = [*_drop_caption_lines(waiting[:-1], prev, left, right, page.hrules), prev]
                else:
                    keep = _drop_caption_lines(waiting, ln, left, right, page.hrules) if gap_ok else []
                current = keep + [ln]
            pending = []
            continue
        # running text (from about the margin to the right one) is no table line, even set a little right of
        # the page's margin (a running line the page does not repeat may set that margin further left)
        narrow = ln.x1 < prose_right or (ln.x0 > left + INDENT_TOLERANCE and not _is_prose(ln, left, prose_right))
        if (current and gap_ok and _shaded_section_row(page, ln, current, page.lines[k + 1:k + 2], settings)
                and not _title_over_one_cell_header(current, [*pending, ln], left)):
            current.extend(pending)  # a section row of the table, however wide its text runs
            current.append(ln)
            pending = []
            continue
        if (narrow or current and _label_beside_cells(ln, page.lines[k + 1:k + 2])) and (gap_ok or not current):
            if current or ln.x0 > left + INDENT_TOLERANCE or ln.bold:
                pending.append(ln)
            else:
                pending = [ln] if not current else pending
            continue
        close()
    close(at_foot=True)
    if open_top and len(regions) >= 2 and _body_under_cut_row(page, regions[0], regions[1], settings):
        regions[:2] = [Region(page, [*regions[0].lines, *regions[1].lines], regions[0].frame or regions[1].frame)]
    return regions


def _shaded_section_row(page: PageLayout, line: TextLine, current: list[TextLine], after: list[TextLine],
                        settings: ExtractionSettings) -> bool:
    """Given a page, a line of one run of words under the lines of a table being read, the line after it and the
    settings, return whether the line is a section row of that table set in a shaded band of its own
    ("Bevillingsudløb, der allerede er håndteret ..." between a list's total and the rows it heads), not running
    text that ends the table: the band holds this line alone, is as wide as the table's lines (it may run wider,
    over their padding), the line is set no larger than the table's cells, and a line of cells follows it
    closely. Such a row may run as wide as prose, which alone would end the table."""
    if len(line.segments) != 1 or not after or not is_multi(after[0]) or _set_larger(line, current):
        return False
    if after[0].top - line.bottom > settings.region_gap_factor * max(after[0].size, MIN_GAP_TEXT_SIZE):
        return False
    x0, x1 = min(ln.x0 for ln in current), max(ln.x1 for ln in current)
    return any(bx0 <= x0 + COLUMN_FLUSH and bx1 >= x1 - COLUMN_FLUSH
               and top <= line.top and line.bottom <= bottom and bottom <= after[0].top
               and not any(ln is not line and top < (ln.top + ln.bottom) / 2 < bottom for ln in page.lines)
               for bx0, top, bx1, bottom in page.shades)


def _body_under_cut_row(page: PageLayout, cut: Region, body: Region, settings: ExtractionSettings) -> bool:
    """Given a page, its opening fragment (the row of a table the page break cut, `find_regions`), the region under
    it and the settings, return whether that region is the rest of the same table, set apart only by tall rows'
    padding: unframed, nothing printed between the two, a gap of at most `CUT_ROW_GAP_FACTOR` region gaps, and the
    body's first line of cells holds an amount (no header row opens it: a line above it is the rest of a wrapped
    cell set to the middle of its row, "Ekstra budget afsat ..." over a row's values) and lines up, cell for cell,
    with the cut row (each cell of the line with fewer starts, ends or is centred where one of the other's is)."""
    if not cut.fragment or cut.frame is not None or (body.frame is not None and body.frame.top < cut.bottom):
        return False
    inside = {id(ln) for ln in (*cut.lines, *body.lines)}
    if any(cut.bottom < ln.top < body.top and id(ln) not in inside for ln in page.lines):
        return False
    first = next((ln for ln in body.lines if is_multi(ln)), None)
    row = next((ln for ln in cut.lines if is_multi(ln)), None)
    if first is None or row is None or not _holds_amount(first):
        return False
    if body.top - cut.bottom > CUT_ROW_GAP_FACTOR * settings.region_gap_factor * max(first.size, 6.0):
        return False
    fewer, more = sorted((row.segments, first.segments), key=len)
    return len(fewer) >= MIN_ALIGNED_CELLS and all(
        any(set_alike((s.x0, s.x1), (o.x0, o.x1), COLUMN_FLUSH) for o in more) for s in fewer)


def _label_beside_cells(line: TextLine, after: list[TextLine]) -> bool:
    """Given a line of one run of words and the line after it, return whether the line is a cell's first line set
    beside the other cells of its row, however wide it runs (a label wrapped over two lines, its row's number and
    amount centred on them: "19" and "9,1" on a baseline between the label's two lines): the next line holds
    several cells, overlaps this one vertically by a good share of a line, and each of its cells lies wholly left
    or right of this line's words. Running text has no cells set beside its lines."""
    if len(line.segments) != 1 or not after or not is_multi(after[0]):
        return False
    nxt = after[0]
    overlap = min(line.bottom, nxt.bottom) - max(line.top, nxt.top)
    return (overlap >= SIDE_BY_SIDE_SHARE * (nxt.bottom - nxt.top)
            and all(sg.x1 <= line.x0 or sg.x0 >= line.x1 for sg in nxt.segments))


def _side_by_side(line: TextLine, prev: TextLine) -> bool:
    """Given a line and the line before it, return whether the two are cells of one row set side by side in
    different columns though on different baselines (a label and a value centred on another cell's lines): they
    overlap vertically by a good share of a line and not at all horizontally."""
    overlap = min(line.bottom, prev.bottom) - max(line.top, prev.top)
    return (overlap >= SIDE_BY_SIDE_SHARE * (line.bottom - line.top)
            and (line.x0 >= prev.x1 + INDENT_TOLERANCE or line.x1 <= prev.x0 - INDENT_TOLERANCE))


def _row_cut_above(page: PageLayout, frame: Frame, frames: list[Frame], open_top: bool = False) -> list[TextLine]:
    """Given a page, a frame, the page's frames and whether the page before ends in a table, return the lines
    printed above the frame's first rule that are the rest of a row a page break cut (the row's label moved on to
    this page, its values left on the page before, as a cell set to the middle of a tall row does): the first lines
    of the page, nothing but them above the rule, the lines of one first-column cell (`lines_atop`). A caption or
    title above a table starts at the margin, left of the cells' padding, or is set in another size or weight.
    With `open_top`, also lines in any column that the frame's column rules enclose, running on from the page's
    top (`_within_column_rules`), set in the cells' size and weight: the rest of a text cell cut by the page
    break ("sexsygdomme" under a cell's "Styrket indsats på området for / test og behandling af" at the foot of
    the page before), which a browser sets under no rule of its own (a bold header's rest, under a header left
    at the foot of the page before, is that header's: `header_rest_atop`). [] when the lines above the frame are
    not that."""
    lines = page.lines
    inside = [ln for ln in lines if _frame_of(ln, frames) is frame]
    above = [ln for ln in lines if (ln.top + ln.bottom) / 2 < frame.top]
    cut = lines_atop(lines, above, inside, one_cell=True)
    if cut or not open_top or not above or not inside or lines[:len(above)] != above:
        return cut
    size = _text_size(inside, inside[0])
    cells = [ln for ln in inside if is_multi(ln)]
    if cells and all(abs(ln.size - size) <= SAME_SIZE and ln.bold == cells[-1].bold for ln in above) \
            and _within_column_rules(page, above, frame):
        return above
    return []


MIN_COLUMN_RULES = 3  # a grid's column rules: its two sides and at least one between its columns


def _row_cut_below(page: PageLayout, frame: Frame, current: list[TextLine], pending: list[TextLine]
                   ) -> list[TextLine]:
    """Given a page, the frame of the table read last on it, that table's lines and the lines after them, return
    the lines under the frame's last rule that are the first lines of a row the page break cut (a browser sets a
    cell of a tall row that fitted before the break there, "Dækket ved forhandlinger om budget 2025", and its
    label after the break): the last lines of the page, set in the table's text size, each cell of them between
    two of the frame's column rules, which run down from its last rule over them (`_within_column_rules`). []
    when they are not that."""
    below = [ln for ln in pending if (ln.top + ln.bottom) / 2 > frame.bottom]
    if not below or below != pending or page.lines[-len(below):] != below:
        return []
    size = _text_size(current, current[-1])
    if any(abs(ln.size - size) > SAME_SIZE for ln in below):
        return []
    return below if _within_column_rules(page, below, frame, downwards=True) else []


def _within_column_rules(page: PageLayout, above: list[TextLine], frame: Frame, downwards: bool = False) -> bool:
    """Given a page, the lines above a frame's first rule and the frame, return whether the frame's column rules
    (its sides and one between columns at least, `MIN_COLUMN_RULES`) run up from its first rule over those lines
    and each of their cells lies between two of them: cells of the table's own grid, open at its top (a row the
    page break cut), not a caption or title set above the table. With `downwards`, the lines are under the frame's
    last rule, and the rules run down from it over them (the grid open at its foot)."""
    if downwards:
        rules = sorted(v.pos for v in page.vrules
                       if frame.x0 - RULE_ALIGN_TOLERANCE <= v.pos <= frame.x1 + RULE_ALIGN_TOLERANCE
                       and v.start <= frame.bottom and v.end >= above[-1].bottom - RULE_ALIGN_TOLERANCE)
    else:
        top = above[0].top
        rules = sorted(v.pos for v in page.vrules
                       if frame.x0 - RULE_ALIGN_TOLERANCE <= v.pos <= frame.x1 + RULE_ALIGN_TOLERANCE
                       and v.start <= top and v.end >= frame.top)
    if (len(rules) < MIN_COLUMN_RULES or abs(rules[0] - frame.x0) > RULE_ALIGN_TOLERANCE
            or abs(rules[-1] - frame.x1) > RULE_ALIGN_TOLERANCE):
        return False
    bands = list(pairwise(rules))
    return all(any(a <= seg.x0 and seg.x1 <= b for a, b in bands) for ln in above for seg in ln.segments)


def _label_atop(lines: list[TextLine], current: list[TextLine]) -> list[TextLine]:
    """Given a page's lines and the lines of a region, return the lines above the region when they are the first of
    the page and the lines of one first-column cell (`lines_atop`), else []."""
    above = [ln for ln in lines if ln.bottom <= current[0].top]
    return lines_atop(lines, above, current, one_cell=True)


def lines_atop(lines: list[TextLine], above: list[TextLine], table: list[TextLine], one_cell: bool) -> list[TextLine]:
    """Given a page's lines, the ones above a table's lines and the table's lines, return the lines above when they
    are the first of the page and each one run of words set in the size of the table's cells, starting where the
    cells of its first column start; with `one_cell` (the lines of one cell), also ending before its second column
    (or set in a later text column's cell: `_in_later_text_column`, the label of a table numbering its rows), in
    the weight of most cells and each as tight under the one before as a wrapped cell's lines (else a group row
    may span the columns). [] when they are not."""
    cells = [ln for ln in table if is_multi(ln)]
    if not above or not cells or lines[:len(above)] != above:
        return []
    first_x0 = min(ln.x0 for ln in cells)
    second_x0 = min(ln.segments[1].x0 for ln in cells)
    size = _text_size(table, table[0])
    bold = 2 * sum(ln.bold for ln in cells) > len(cells)  # the cells' weight (a page may end on a bold total)
    prev: TextLine | None = None
    for ln in above:
        flush = abs(ln.x0 - first_x0) <= COLUMN_FLUSH and (not one_cell or ln.x1 < second_x0)
        if (len(ln.segments) != 1 or abs(ln.size - size) > SAME_SIZE
                or not (flush or (one_cell and _in_later_text_column(ln, cells)))
                or (one_cell and (ln.bold != bold or (
                    prev is not None and ln.top - prev.bottom > TIGHT_LINE_GAP * max(ln.size, 1.0))))):
            return []
        prev = ln
    return above


def _in_later_text_column(line: TextLine, cells: list[TextLine]) -> bool:
    """Given a one-run line above a table and the table's lines of several cells, return whether the line is set in
    a later column's cell: it starts where several rows' cells of a column start, not the first ("Nr.") column's
    (a numbered table labels its rows in its third column), and ends before the next column's cells start."""
    starts = [seg.x0 for ln in cells for seg in ln.segments]
    if sum(abs(x - line.x0) <= COLUMN_FLUSH for x in starts) < MIN_TABLE_LINES:
        return False
    return line.x1 < min((x for x in starts if x > line.x0 + COLUMN_FLUSH), default=line.x0)


def header_rest_atop(lines: list[TextLine], above: list[TextLine], head: list[TextLine], region: Region
                     ) -> list[TextLine]:
    """Given a page's lines, the ones above its first region, the header lines left at the foot of the page before
    and that region, return the lines above when they are the rest of that header's row, which the page break cut:
    the first lines of the page, each one run of words in the header's size and weight, within the region's width,
    clear of every cell the header printed at the foot (a cell taller than the others goes on where they left the
    row empty: "Hvornår" / "gennemføres" / "opfølgningen?" over the last column, set to the top of the row that
    WeasyPrint broke after the other cells' lines), each as tight under the one before as a wrapped cell's lines.
    [] when they are not."""
    if not above or not head or lines[:len(above)] != above:
        return []
    spans = [(s.x0, s.x1) for ln in head for s in ln.segments]
    prev: TextLine | None = None
    for ln in above:
        if (len(ln.segments) != 1 or is_caption(ln) or ln.bold != head[-1].bold
                or abs(ln.size - head[-1].size) > SAME_SIZE
                or ln.x0 < region.x0 - COLUMN_FLUSH or ln.x1 > region.x1 + COLUMN_FLUSH
                or any(ln.x0 < b and a < ln.x1 for a, b in spans)
                or (prev is not None and ln.top - prev.bottom > TIGHT_LINE_GAP * max(ln.size, 1.0))):
            return []
        prev = ln
    return above


def section_rows_atop(page: PageLayout, region: Region, bold_header: bool = False) -> list[TextLine]:
    """Given a page that opens under a table the page break cut, the page's first region and whether that table's
    header is set bold, return the lines above the region that are that table's rows (a section row,
    "Implementeringsomkostninger", set apart in a band of its own at the top of the page, not a title): the region
    opens with a body row (its first line of cells holds an amount or a tick, "X" in a plan's period, or is set
    plain under a table whose header is bold: no header heads it, so it goes on from the page before; or the lines
    above are set in a shaded band of the table's width right above it, `_in_band_atop`) and the lines above it are
    the first of the page, set in the cells' size where its first column's cells start (`lines_atop`), none a
    caption. [] when they are not."""
    first = next((ln for ln in region.lines if is_multi(ln)), None)
    if first is None:
        return []
    above = [ln for ln in page.lines if ln.bottom <= region.top]
    body_row = _holds_amount(first) or _holds_mark(first) or (bold_header and not first.bold)
    if any(is_caption(ln) for ln in above) or not (body_row or _in_band_atop(page, above, region)):
        return []
    return lines_atop(page.lines, above, region.lines, one_cell=False)


def _in_band_atop(page: PageLayout, above: list[TextLine], region: Region) -> bool:
    """Given a page, the lines above its first region and that region, return whether those lines are set in one
    shaded band as wide as the region's text, which ends right above it (within a line's height): a section row
    of the table, shaded as its other section rows are ("Realisering af effektiviseringer" atop the page, over the
    rows of a text table that the page break cut), not a title."""
    if not above:
        return False
    height = max(ln.bottom - ln.top for ln in above)
    return any(x0 <= region.x0 + COLUMN_FLUSH and x1 >= region.x1 - COLUMN_FLUSH
               and 0 <= region.top - bottom <= height
               and all(x0 <= ln.x0 and ln.x1 <= x1 and top <= ln.top and ln.bottom <= bottom for ln in above)
               for x0, top, x1, bottom in page.shades)


def trailing_header(page: PageLayout, regions: list[Region], settings: ExtractionSettings = DEFAULT_SETTINGS
                    ) -> list[TextLine]:
    """Given a page and its regions, return the lines at its foot, below every region, that read as a table's
    header left alone by a page break (the body starts on the next page): lines set as close as a wrapped header
    cell's, at least one of several cells, none holding an amount ("1.000 kr." states a unit), caption or running
    text; lone lines a row's height under the header's last line (which may hold one wrapped head alone,
    `_ends_header_cells`) are its first (section) rows. [] when the foot of the page is not that."""
    left, right = text_span(page)
    prose_right = left + settings.prose_right_share * (right - left)
    below = regions[-1].bottom if regions else float("-inf")
    foot = footnote_rule(page, left, right)
    out: list[TextLine] = []
    lines = [ln for ln in page.lines if ln.top > below and (foot is None or ln.top < foot)]
    for k in range(len(lines) - 1, -1, -1):
        ln = lines[k]
        gap = out[0].top - ln.bottom if out else 0.0
        # lone lines under a header of several cells, a row's height below it, are its first (section) rows
        first_rows = (_ends_header_cells(lines[:k + 1]) and not any(is_multi(x) for x in out)
                      and gap <= FOOT_ROW_GAP_FACTOR * ln.size)
        if out and gap > HEADER_LINE_GAP_FACTOR * max(ln.size, 1.0) and not first_rows:
            break
        if is_caption(ln) or is_unit_line(ln) or _is_prose(ln, left, prose_right) or _holds_amount(ln) or (
                out and len(ln.segments) == 1 and ln.size > max(x.size for x in out) + TITLE_SIZE_SLACK):
            break  # (a title set larger than the header: its caption)
        out.insert(0, ln)
    return out if any(is_multi(ln) for ln in out) else []


def _ends_header_cells(lines: list[TextLine]) -> bool:
    """Given lines down to a line at a page's foot, return whether that last line ends a header of several cells:
    it holds several cells, or it is a wrapped head's last line, set as tight under lines of the header as a
    wrapped cell's lines, the nearest of them of several cells (only the longest head of a row runs to its
    last line: "Hvornår" / "gennemføres" / "opfølgningen?")."""
    for upper, lower in zip(lines[-2::-1], lines[::-1], strict=False):
        if is_multi(lower):
            return True
        if lower.top - upper.bottom > HEADER_LINE_GAP_FACTOR * max(lower.size, 1.0):
            return False
    return bool(lines) and is_multi(lines[0])



RULE_REACH = 1.0  # a rule this close to a line's edge still reaches it
MIN_RULED_ROWS = 3  # rows ruled apart, no column rules beside them: this many tell a grid from rules above totals
MIN_COLUMN_RULES = 2  # a row's cells are closed at the sides by at least this many column rules (its frame's sides)


def cut_at_foot(region: Region, rows: list[tuple[float, float]], span_share: float) -> bool:
    """Given a table region, the top and bottom of each of its body rows' text and the share of the table's width
    a rule spans to part its rows, return whether the page break cut its last row: a rule parts every two of its
    rows and none closes the last one (a browser breaking a row leaves its cells open at the page's foot, their
    rest atop the next page). The rows are a grid's when column rules run down beside the last row's text, or
    when there are `MIN_RULED_ROWS` of them (two rows parted by a rule are also a row over a total under its
    rule)."""
    if len(rows) < 2:
        return False
    page, width = region.page, max(region.x1 - region.x0, 1.0)
    ys = [r.pos for r in page.hrules if region.top - 3 <= r.pos
          and min(r.end, region.x1) - max(r.start, region.x0) >= span_share * width]
    last_top, last_bottom = rows[-1]
    if any(y >= last_bottom - RULE_REACH for y in ys):
        return False
    if not all(any(a[1] - RULE_REACH <= y <= b[0] + RULE_REACH for y in ys)
               for a, b in zip(rows, rows[1:], strict=False)):
        return False
    sides = [v for v in page.vrules if region.x0 - 3 <= v.pos <= region.x1 + 3
             and v.start <= last_top and v.end >= last_bottom - RULE_REACH]
    return len(rows) >= MIN_RULED_ROWS or len(sides) >= MIN_COLUMN_RULES
