"""Page primitives from pdfplumber: words, text lines split into cell segments, rulings and shadings.

Geometry only: nothing here knows about tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTLine, LTRect
from pdfplumber.utils.text import WordExtractor

from extractors.rotation import char_turn, dominant_turn, turn_box, turned_size, unturn_box
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings


@dataclass
class Word:
    """One word with its box (pdfplumber coordinates) and font facts."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool
    apart: bool = False  # set apart from the word before it on its line by a gap inside one of pdfplumber's words
    # (`split_set_apart`): two runs of text placed side by side, e.g. two cells across a narrow gutter


@dataclass
class WordRun:
    """Words left to right (one segment or one whole line), with their extent and text computed once."""

    words: list[Word]

    @cached_property
    def x0(self) -> float:
        """Left edge."""
        return self.words[0].x0

    @cached_property
    def x1(self) -> float:
        """Right edge."""
        return max(w.x1 for w in self.words)

    @cached_property
    def top(self) -> float:
        """Top edge."""
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        """Bottom edge."""
        return max(w.bottom for w in self.words)

    @cached_property
    def text(self) -> str:
        """The words joined by single spaces."""
        return " ".join(w.text for w in self.words)


@dataclass
class Segment(WordRun):
    """A run of words on one text line separated from its neighbours by a wide gap: a cell candidate."""


@dataclass
class TextLine(WordRun):
    """Words sharing a baseline, left to right, and their segments."""

    segments: list[Segment] = field(default_factory=list)

    @cached_property
    def size(self) -> float:
        """Median font size."""
        return median(w.size for w in self.words)

    @cached_property
    def bold(self) -> bool:
        """True when most characters are set in a bold face."""
        return mostly_bold(self.words)


def mostly_bold(words: list[Word]) -> bool:
    """Given words, return whether most of their characters are set in a bold face."""
    return sum(len(w.text) for w in words if w.bold) * 2 > sum(len(w.text) for w in words)


@dataclass(frozen=True)
class Rule:
    """A horizontal (y, x0..x1) or vertical (x, top..bottom) ruling."""

    pos: float
    start: float
    end: float


@dataclass(frozen=True)
class Joint:
    """A point where two per-cell pieces of a rule or shading band meet: a column boundary at x over top..bottom."""

    x: float
    top: float
    bottom: float


@dataclass
class PageLayout:
    """Everything the table finder needs from one page."""

    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine]
    hrules: list[Rule]
    vrules: list[Rule]
    shades: list[tuple[float, float, float, float]]  # filled rects: x0, top, x1, bottom
    turn: int = 0  # the page's text was turned by this much; all coordinates above are in the upright frame
    page_width: float = 0.0  # the page's own size (pdfplumber's), for boxes back in its coordinates
    page_height: float = 0.0
    text_only: bool = False  # only its text lines are known (a first look found no table signs on it)
    joints: list[Joint] = field(default_factory=list)  # column boundaries implied by per-cell rules and shading
    own_hyphens: bool = False  # the document breaks lines only at its words' own hyphens, never hyphenating a word
    # (`extractors.hyphenation`; set on every page of a document once all are read)

    def to_page(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """Given a box in this layout's (upright) frame, return it in the page's own pdfplumber coordinates."""
        return unturn_box(box, self.turn, self.page_width, self.page_height) if self.turn else box


def _is_bold(fontname: str) -> bool:
    """Given a PDF font name, return whether it names a bold face."""
    f = fontname.lower()
    return "bold" in f or "black" in f or "heavy" in f or f.endswith(",b") or "-bd" in f


@dataclass
class PageObjects:
    """The raw objects of one page in pdfplumber's coordinates: chars (dicts) and drawn boxes."""

    chars: list[dict]
    lines: list[tuple[float, float, float, float]]  # x0, top, x1, bottom of stroked lines
    rects: list[tuple[float, float, float, float, bool, bool]]  # x0, top, x1, bottom, fill, stroke
    width: float = 0.0  # of the (turned) frame the coordinates above are in
    height: float = 0.0
    turn: int = 0  # how far the page's text was turned; coordinates are in the frame where it reads upright


def _walk(objs):
    """Given pdfminer layout objects, yield the leaves (descending into figures)."""
    for o in objs:
        if isinstance(o, LTContainer) and not isinstance(o, LTChar):
            yield from _walk(o)
        else:
            yield o


OBJECTS_ATTR = "_dkbudget_objects"  # a pdfplumber page's objects kept on it by `page_objects_unturned(keep=True)`


def page_objects_unturned(page, keep: bool = False) -> PageObjects:
    """Given a pdfplumber page, return its chars and drawn boxes from pdfplumber's layout tree, in the page's own
    frame. `keep`: leave them on the page for the next call (the first lines of a document read the same chars as
    its tables); a call without it takes kept objects off the page (a long document's pages do not all hold two
    copies of their chars at once).

    This reads ``page.layout`` (pdfplumber's pdfminer tree) directly and converts coordinates exactly as
    pdfplumber's ``page.chars``/``page.rects`` do, skipping the per-attribute resolution those properties do for
    every char, which we do not need: it halves the time per page. A char holds the keys of ``page.chars`` that
    line-finding reads (text, box, doctop, upright, size, width, height) and the font name and turn.
    """
    kept = getattr(page, OBJECTS_ATTR, None)
    if kept is not None:
        if not keep:
            delattr(page, OBJECTS_ATTR)
        return kept
    height = float(page.height)
    mb_x0, mb_top = float(page.mediabox[0]), float(page.mediabox[1])
    doctop = page.initial_doctop
    chars, lines, rects = [], [], []
    for o in _walk(page.layout._objs):
        top, bottom = height - o.y1 + mb_top, height - o.y0 + mb_top
        x0, x1 = o.x0 + mb_x0, o.x1 + mb_x0
        if isinstance(o, LTChar):
            chars.append({"text": o.get_text(), "x0": x0, "x1": x1, "top": top, "bottom": bottom,
                          "doctop": doctop + top, "upright": o.upright, "size": o.size, "width": o.width,
                          "height": o.height, "fontname": o.fontname, "turn": char_turn(o.matrix)})
        elif isinstance(o, LTRect):
            rects.append((x0, top, x1, bottom, bool(o.fill), bool(o.stroke)))
        elif isinstance(o, LTLine):
            lines.append((x0, top, x1, bottom))
        elif isinstance(o, LTCurve) and (x1 - x0 <= DEFAULT_SETTINGS.rule_max_thickness
                                         or bottom - top <= DEFAULT_SETTINGS.rule_max_thickness):
            lines.append((x0, top, x1, bottom))
    objects = PageObjects(chars, lines, rects, float(page.width), height)
    if keep:
        setattr(page, OBJECTS_ATTR, objects)
    return objects


def page_objects(page) -> PageObjects:
    """Given a pdfplumber page, return its chars and drawn boxes (`page_objects_unturned`) in the frame where its
    text reads upright (`_turned_upright`)."""
    return _turned_upright(page_objects_unturned(page))


def _turned_upright(objects: PageObjects) -> PageObjects:
    """Given a page's objects, return them in the frame where most of its text reads left to right (a table
    printed sideways becomes an ordinary landscape page); characters of other directions are not upright there."""
    turn = dominant_turn([c["turn"] for c in objects.chars])
    if turn == 0:
        return objects
    w, h = objects.width, objects.height
    chars = []
    for c in objects.chars:
        x0, top, x1, bottom = turn_box((c["x0"], c["top"], c["x1"], c["bottom"]), turn, w, h)
        # pdfminer's size of a turned glyph is its advance; in the upright frame the size is the box height
        chars.append({**c, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "doctop": top,
                      "upright": c["turn"] == turn, "size": round(bottom - top, 2)})
    lines = [turn_box(b, turn, w, h) for b in objects.lines]
    rects = [turn_box(r[:4], turn, w, h) + r[4:] for r in objects.rects]
    tw, th = turned_size(w, h, turn)
    return PageObjects(chars, lines, rects, tw, th, turn)


SET_APART_SHARE = 0.1  # chars of one word this far apart (share of the size) were placed apart: no letter fit
# of any producer seen leaves a gap inside a word (kerning closes or opens it by hundredths of the size)


def split_set_apart(chars: list[dict]) -> list[list[dict]]:
    """Given the chars of one of pdfplumber's words (left to right), return them in the runs they were placed in:
    parted where a char starts more than `SET_APART_SHARE` of the size after the one before it ends. pdfplumber
    joins chars closer than its tolerance whatever set them there; two cells across a gutter narrower than that
    ("Nr." against "Omprioritering", a label's last letter against an amount) are two words, not one."""
    runs = [[chars[0]]]
    for a, b in zip(chars, chars[1:], strict=False):
        if b["x0"] - a["x1"] > SET_APART_SHARE * max(float(a.get("size") or 0.0), 1.0):
            runs.append([b])
        else:
            runs[-1].append(b)
    return runs


def words_of(objects: PageObjects, settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[Word]:
    """Given a page's objects, return its upright words (pdfplumber's word grouping, parted where its chars were
    placed apart: `split_set_apart`) with size and boldness."""
    extractor = WordExtractor(x_tolerance=settings.word_x_tolerance, y_tolerance=settings.word_y_tolerance,
                              keep_blank_chars=False, use_text_flow=False, extra_attrs=["size", "fontname"])
    out = []
    for w, chars in extractor.iter_extract_tuples(objects.chars):
        if not w.get("upright", True) or not w["text"].strip():
            continue
        size, bold = float(w.get("size") or (w["bottom"] - w["top"])), _is_bold(w.get("fontname") or "")
        runs = split_set_apart(chars) if len(chars) > 1 else [chars]
        if len(runs) == 1:
            out.append(Word(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]), size, bold))
            continue
        for k, run in enumerate(runs):
            text = "".join(c["text"] for c in run)
            if text.strip():
                out.append(Word(text, float(min(c["x0"] for c in run)), float(min(c["top"] for c in run)),
                                float(max(c["x1"] for c in run)), float(max(c["bottom"] for c in run)), size, bold,
                                apart=k > 0))
    return out


def group_lines(words: list[Word], settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[TextLine]:
    """Given words, return text lines (words whose baselines agree), top to bottom, words left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if lines:
            last = lines[-1]
            ref = median(x.bottom for x in last)
            if abs(w.bottom - ref) <= settings.line_y_tolerance * max(w.size, 1.0):
                last.append(w)
                continue
        lines.append([w])
    return [TextLine(sorted(ws, key=lambda w: w.x0)) for ws in lines]


_NUMBER_TOKEN = re.compile(r"^[(]?[-\u2212\u2013\u2012\u2010]?\d[\d.,]*%?[)]?$|^[-\u2212\u2013\u2012\u2010]$")
_SIGN_OR_OPEN_GROUP = re.compile(r"^[-\u2212\u2013\u2012\u2010]$|^[-\u2212\u2013\u2012\u2010]?\d{1,3}\.$")
NUMBER_WORD_GAP_FACTOR = 0.45  # wider than a plain space (about 0.25-0.3 of the font size)
OWN_SPACE_NUMBER_WORD_FACTOR = 0.35  # ... the floor where the line shows its own word space to measure against
WORD_NUMBER_GAP_FACTOR = 0.55  # a word of text and an amount after it this far apart (share of the size) ...
TWICE_SPACE = 2.0  # ... and this many of the line's word spaces are two cells
WIDER_THAN_SPACE = 1.3  # ... and than the line's own word space by this factor (a monospaced space is 0.6 em)
SIGN_JOIN_FACTOR = 0.45  # a sign or an open thousands group closer than this share of the size joins the digits


def is_number_token(text: str) -> bool:
    """Given a word, return whether it looks like a number or a lone nil/sign dash."""
    return bool(_NUMBER_TOKEN.match(text))


def _joins_number(prev: Word, w: Word) -> bool:
    """Given two adjacent words, return whether they are one printed number ("- 1.690", "-2. 750")."""
    return (bool(_SIGN_OR_OPEN_GROUP.match(prev.text)) and w.text[:1].isdigit()
            and w.x0 - prev.x1 < SIGN_JOIN_FACTOR * max(w.size, 1.0))


def _dash_in_text(w: Word, nxt: Word | None, gap: float, after: Word | None = None) -> bool:
    """Given a word, the word after it, the segment gap and the word after that, return whether the word is a dash
    inside text ("3000 – Børnefamilier"): a lone dash followed closely by a word that is not a number (no nil
    marker), or by a number that a lower-case word of text follows as closely (a range of dates run on in a text
    cell: "14. december 2018 – 30. september 2020", its line wrapped before the dash or after it)."""
    if not (len(w.text) == 1 and w.text in "-\u2212\u2013\u2012\u2010" and nxt is not None
            and nxt.x0 - w.x1 < gap):
        return False
    if not is_number_token(nxt.text):
        return True
    return (after is not None and 0 <= after.x0 - nxt.x1 < gap and after.text[:1].islower()
            and not is_number_token(after.text))


def _word_at(words: list[Word], k: int) -> Word | None:
    """Given a line's words and an index, return the word there (None past the end)."""
    return words[k] if k < len(words) else None


def _after_comma(prev: Word) -> bool:
    """Given the first of two adjacent number words, return whether the second goes on from it after a comma: one
    cell's list ("3170, 6211", "Februar 2024, 2025, 2026") or a decimal comma set apart; a column's amount does not
    end in a comma. The two then part only as words do, at a segment gap."""
    return prev.text.endswith(",")


OPENS_A_LABEL = "§#"  # signs that open a label as a capital does ("12  § 15.26.52.10. Forebyggelse")
RULE_CROSSING_SHARE = 0.5  # a vertical rule parts a line's words where it runs over this share of the line's height


def _segment_gap(line: TextLine, settings: ExtractionSettings) -> float:
    """Given a text line, return the gap from which its words part into segments (cells)."""
    return max(settings.segment_gap_min, settings.segment_gap_factor * line.size)


def _text_spaces(line: TextLine, gap: float) -> list[float]:
    """Given a text line and its segment gap, return the spaces it shows between two words of text (no number on
    either side), narrower than the gap."""
    words = line.words
    return [b.x0 - a.x1 for a, b in zip(words, words[1:], strict=False)
            if 0 < b.x0 - a.x1 < gap and not is_number_token(a.text) and not is_number_token(b.text)]


def _median(xs: list[float]) -> float:
    """Given numbers, return their (upper) median, 0.0 for none."""
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else 0.0


def page_word_spaces(lines: list[TextLine], settings: ExtractionSettings = DEFAULT_SETTINGS) -> dict[float, float]:
    """Given a page's text lines, return the word space its lines of each font size show between words of text
    (median; sizes rounded to `SPACE_SIZE_STEP`): the space of a line that shows none of its own (a table row
    "1  § 10.11.22.10. Ankestyrelsen  10,5" whose only spaces touch numbers), from the lines set like it."""
    by_size: dict[float, list[float]] = {}
    for ln in lines:
        by_size.setdefault(_size_key(ln.size), []).extend(_text_spaces(ln, _segment_gap(ln, settings)))
    return {k: _median(v) for k, v in by_size.items() if v}


SPACE_SIZE_STEP = 0.5  # font sizes are pooled for their word space in steps of this many points


def _size_key(size: float) -> float:
    """Given a font size, return the key its lines are pooled under for their word space."""
    return round(size / SPACE_SIZE_STEP) * SPACE_SIZE_STEP


def _number_word_gap(size: float, space: float, page_space: float) -> float:
    """Given a word's font size, the word space its line shows between words of text (0.0 for none) and the page's
    word space for the size, return the gap from which an amount parts from a capitalised word after it. Past
    clearly more than a word space (`WIDER_THAN_SPACE`), and wider than a plain space of the size: where the line
    shows its own space that is measured, and the floor is lower (`OWN_SPACE_NUMBER_WORD_FACTOR`: cells padded
    tight in a narrow serif, "41.301" three points before "Bør videreføres" where a space is two); where it shows
    none, the page's space is only a guard and the floor is a wide space (`NUMBER_WORD_GAP_FACTOR`)."""
    floor = OWN_SPACE_NUMBER_WORD_FACTOR if space > 0 else NUMBER_WORD_GAP_FACTOR
    return max(floor * max(size, 1.0), WIDER_THAN_SPACE * page_space)


def split_segments(line: TextLine, vrules: list[Rule], settings: ExtractionSettings = DEFAULT_SETTINGS,
                   spaces: dict[float, float] | None = None) -> None:
    """Given a text line and the page's vertical rulings, split it into segments at wide gaps and at rulings that
    cross it (over `RULE_CROSSING_SHARE` of its height: the column rules of a table above that end on a spanning
    line, or a rule's stub touching it, part no words). `spaces`: the page's word space per font size
    (`page_word_spaces`), for a line that shows no space between two words of text of its own."""
    gap = _segment_gap(line, settings)
    reach = RULE_CROSSING_SHARE * (line.bottom - line.top)
    crossing = [r.pos for r in vrules if min(r.end, line.bottom) - max(r.start, line.top) >= reach]
    segs: list[list[Word]] = []
    words = line.words
    # a word space: the font's own where the line shows it between words (a monospaced one's is wider than most);
    # where it shows none, the one the page's lines of its size show guards only against parting an amount from a
    # word after it at a word space (those lines may be set in another font: it parts no text from an amount)
    space = _median(_text_spaces(line, gap))
    page_space = space or (spaces or {}).get(_size_key(line.size), 0.0)
    for k, w in enumerate(words):
        if segs:
            prev = segs[-1][-1]
            ruled = any(prev.x1 - 0.5 <= x <= w.x0 + 0.5 for x in crossing)
            prev_number, w_number = is_number_token(prev.text), is_number_token(w.text)
            numbers = (prev_number and w_number and not _joins_number(prev, w)
                       and not _dash_in_text(w, _word_at(words, k + 1), gap, _word_at(words, k + 2))
                       and not _dash_in_text(prev, w, gap, _word_at(words, k + 1))
                       and not _after_comma(prev))
            # an amount followed, past a plain space, by a capitalised word ("13.767  Bør videreføres"); a dash
            # inside a run of words ("Kommune – Fordeling") is no amount
            number_word = (prev_number and (w.text[:1].isupper() or w.text[:1] in OPENS_A_LABEL)
                           and not (len(prev.text) == 1 and not prev.text.isdigit() and len(segs[-1]) > 1)
                           and w.x0 - prev.x1 >= _number_word_gap(w.size, space, page_space))
            # ... and the mirror: a word of text followed, past twice the word space its line shows between words,
            # by an amount ("Hjernerystelse  6,0": left-set amounts against a label run up to a narrow gutter)
            word_number = (space > 0 and not prev_number and w_number
                           and any(c.isdigit() for c in w.text)
                           and w.x0 - prev.x1 >= max(WORD_NUMBER_GAP_FACTOR * max(w.size, 1.0),
                                                     TWICE_SPACE * space))
            if not w.apart and ((w.x0 - prev.x1 < gap and not ruled and not numbers and not number_word
                                 and not word_number) or (
                    not ruled and _joins_number(prev, w))):
                segs[-1].append(w)
                continue
        segs.append([w])
    line.segments = [Segment(ws) for ws in segs]


def rules_and_shades(objects: PageObjects, settings: ExtractionSettings = DEFAULT_SETTINGS
                     ) -> tuple[list[Rule], list[Rule], list[tuple[float, float, float, float]]]:
    """Given a page's objects, return its horizontal rules, vertical rules and filled shadings."""
    h: list[Rule] = []
    v: list[Rule] = []
    shades = []
    thick = settings.rule_max_thickness
    dots: list[tuple[float, float, float, float]] = []
    for x0, top, x1, bottom in objects.lines:
        if bottom - top <= thick and x1 - x0 >= settings.rule_min_length:
            h.append(Rule((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= thick and bottom - top >= settings.rule_min_length:
            v.append(Rule((x0 + x1) / 2, top, bottom))
    for x0, top, x1, bottom, fill, stroke in objects.rects:
        w, ht = x1 - x0, bottom - top
        if ht <= thick and w >= settings.rule_min_length:
            h.append(Rule((top + bottom) / 2, x0, x1))
        elif w <= thick and ht >= settings.rule_min_length:
            v.append(Rule((x0 + x1) / 2, top, bottom))
        elif w >= settings.rule_min_length and ht >= settings.rule_min_length:
            if fill:
                shades.append((x0, top, x1, bottom))
            if stroke:
                h += [Rule(top, x0, x1), Rule(bottom, x0, x1)]
                v += [Rule(x0, top, bottom), Rule(x1, top, bottom)]
        elif fill and w <= thick and ht <= thick:
            dots.append((x0, top, x1, bottom))
    h += dotted_rules(dots, settings.rule_min_length, vertical=False)
    v += dotted_rules(dots, settings.rule_min_length, vertical=True)
    return h, v, shades


DOT_PITCH_FACTOR = 2.5  # dots of one dotted rule follow each other at most this many dot sizes apart (centres)
MIN_DOTS = 4  # a dotted rule has at least this many dots


def dotted_rules(dots: list[tuple[float, float, float, float]], min_length: float, vertical: bool) -> list[Rule]:
    """Given small filled squares (x0, top, x1, bottom) and the shortest rule, return the rules of one direction they
    draw: a dotted border printed as a row (or column) of dots, each close after the one before (Chromium prints CSS
    `dotted` borders so), a rule from the first dot to the last."""
    lines: dict[float, list[tuple[float, float, float]]] = {}
    for x0, top, x1, bottom in dots:
        across, along = ((x0 + x1) / 2, (top, bottom)) if vertical else ((top + bottom) / 2, (x0, x1))
        lines.setdefault(round(across * 2) / 2, []).append((along[0], along[1], max(x1 - x0, bottom - top)))
    out: list[Rule] = []
    for pos, ds in lines.items():
        ds.sort()
        run = [ds[0]]
        for d in [*ds[1:], None]:
            if d is not None and d[0] - run[-1][0] <= DOT_PITCH_FACTOR * max(d[2], run[-1][2]):
                run.append(d)
                continue
            if len(run) >= MIN_DOTS and run[-1][1] - run[0][0] >= min_length:
                out.append(Rule(pos, run[0][0], run[-1][1]))
            if d is not None:
                run = [d]
    return out


RULE_COLLINEAR_TOLERANCE = 1.0  # rule pieces whose positions differ by at most this lie on one line
RULE_JOIN_GAP = 2.0  # ... and join when the gap between them is at most this (abutting per-cell borders)
SHADE_EDGE_TOLERANCE = 1.0  # shading cells whose tops and bottoms agree this closely form one band


def merge_rules(rules: list[Rule]) -> list[Rule]:
    """Given rule pieces of one direction, return the rules a reader sees: collinear pieces that abut or
    overlap (a border drawn per cell, or drawn twice) joined into one rule, ordered by position and start."""
    out: list[Rule] = []
    ordered = sorted(rules, key=lambda r: r.pos)
    i = 0
    while i < len(ordered):
        j = i + 1
        while j < len(ordered) and ordered[j].pos - ordered[j - 1].pos <= RULE_COLLINEAR_TOLERANCE:
            j += 1
        cluster = sorted(ordered[i:j], key=lambda r: r.start)
        pos = median(r.pos for r in cluster)
        cur = Rule(pos, cluster[0].start, cluster[0].end)
        for r in cluster[1:]:
            if r.start <= cur.end + RULE_JOIN_GAP:
                cur = Rule(pos, cur.start, max(cur.end, r.end))
            else:
                out.append(cur)
                cur = Rule(pos, r.start, r.end)
        out.append(cur)
        i = j
    return sorted(out, key=lambda r: (r.pos, r.start))


def rule_joints(pieces: list[Rule], merged: list[Rule]) -> list[Joint]:
    """Given horizontal rule pieces and the merged rules, return a joint for every inner point where two pieces
    of one merged rule meet: where a border drawn per cell changes cells, i.e. a column boundary."""
    out = []
    for m in merged:
        ends = sorted({round(p.end, 1) for p in pieces if abs(p.pos - m.pos) <= RULE_COLLINEAR_TOLERANCE
                       and m.start - 0.5 <= p.start and p.end <= m.end + 0.5})
        out += [Joint(x, m.pos, m.pos) for x in ends if m.start + RULE_JOIN_GAP < x < m.end - RULE_JOIN_GAP]
    return out


def merge_shades(shades: list[tuple[float, float, float, float]]
                 ) -> tuple[list[tuple[float, float, float, float]], list[Joint]]:
    """Given filled rectangles, return the bands a reader sees (cells of one shaded row, side by side, joined;
    duplicates dropped) and a joint, over its band's height, where two joined cells meet (a column boundary)."""
    bands: list[list[float]] = []
    joints: list[Joint] = []
    for x0, top, x1, bottom in sorted(shades, key=lambda s: (round(s[1]), round(s[3]), s[0])):
        for b in bands[-3:]:
            if (abs(b[1] - top) <= SHADE_EDGE_TOLERANCE and abs(b[3] - bottom) <= SHADE_EDGE_TOLERANCE
                    and x0 <= b[2] + RULE_JOIN_GAP and x1 >= b[0] - RULE_JOIN_GAP):
                if x0 >= b[2] - RULE_JOIN_GAP:
                    joints.append(Joint(round((x0 + b[2]) / 2, 1), b[1], b[3]))
                b[0], b[2] = min(b[0], x0), max(b[2], x1)
                break
        else:
            bands.append([x0, top, x1, bottom])
    return [tuple(b) for b in bands], joints


def read_page(page, number: int, settings: ExtractionSettings = DEFAULT_SETTINGS) -> PageLayout:
    """Given a pdfplumber page and its 1-based number, return its layout primitives.

    Rulings and shadings are joined into the lines and bands a reader sees before anything else (Word,
    LibreOffice and browsers draw borders and shading per cell); where pieces of one rule or band meet, a
    column boundary is recorded (`PageLayout.joints`).
    """
    objects = page_objects(page)
    h_pieces, v_pieces, shade_pieces = rules_and_shades(objects, settings)
    h, v = merge_rules(h_pieces), merge_rules(v_pieces)
    shades, shade_joints = merge_shades(shade_pieces)
    joints = rule_joints(h_pieces, h) + shade_joints
    lines = group_lines(words_of(objects, settings), settings)
    spaces = page_word_spaces(lines, settings)
    for ln in lines:
        split_segments(ln, v, settings, spaces)
    return PageLayout(number, objects.width, objects.height, lines, h, v, shades, objects.turn,
                      float(page.width), float(page.height), joints=joints)
