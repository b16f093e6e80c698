"""Lay a gold table out as pages of drawing primitives under a `Style` (rulings, fonts, minus glyphs, widths,
alignment, page breaks, orientation, captions), with running header/footer and prose around the table.

Coordinates are in points with the origin at the top left of the page as a viewer shows it (pdfplumber's
convention); `render.py` turns the primitives into a PDF with ReportLab or fpdf2. Deterministic: no randomness.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from tests.variants.cells import GoldTable, norm, parse_dk

PORTRAIT = (595.28, 841.89)
LANDSCAPE = (841.89, 595.28)
MARGIN_X = 56.0  # left/right page margin
MARGIN_TOP = 72.0  # body starts below the running header (1 inch)
MARGIN_BOTTOM = 60.0  # body ends above the running footer
RUNNING_SIZE = 8.0
PROSE_SIZE = 10.0
CAPTION_GAP = 6.0  # space between caption (or unit line) and the table
MIN_TEXT_COL = 60.0  # narrowest text column
MIN_NUM_COL = 28.0  # narrowest number column
HEADER_WORD_MAX = 44.0  # a number column is widened for its longest header word up to this width
TEXT_IN_NUM_MAX = 110.0  # ... and for text printed in it ("Dækket ved ...") up to this width
TEXT_WANT_MAX = 260.0  # a text column's claim on the width is capped here (long labels wrap instead)
HYPHEN_MIN = 3  # a hyphenated word keeps at least this many letters on each side
VOWELS = set("aeiouyæøå")
ORG = "Københavns Kommune"
DATE = "12. august 2022"
PAGE_OFFSET = 2  # the variant's first page is "Side 3 af ..."
PROSE = ("Forvaltningen har udarbejdet nedenstående oversigt over de økonomiske konsekvenser af forslaget. "
         "Beløbene er opgjort i faste priser og afrundet, og forslaget indgår i de videre forhandlinger om budgettet "
         "sammen med de øvrige forslag fra udvalget, der behandles på mødet i næste måned.")
PROSE_AFTER = ("Noter til tabellen: Alle besparelser er angivet med negativt fortegn. Udvalget orienteres om "
               "udmøntningen i forbindelse med den kommende budgetopfølgning.")

_VERA_DIR = Path(reportlab.__file__).resolve().parent / "fonts"
# font family -> (regular, bold) font names as the renderers know them
FONTS = {"Helvetica": ("Helvetica", "Helvetica-Bold"), "Times": ("Times-Roman", "Times-Bold"),
         "Courier": ("Courier", "Courier-Bold"), "Vera": ("Vera", "VeraBd")}
TTF_FILES = {"Vera": _VERA_DIR / "Vera.ttf", "VeraBd": _VERA_DIR / "VeraBd.ttf"}  # shipped with ReportLab
for _name, _path in TTF_FILES.items():
    pdfmetrics.registerFont(TTFont(_name, str(_path)))


@dataclass(frozen=True)
class Style:
    """How one variant prints its table; every field is one dimension of layout variation."""

    renderer: str = "reportlab"  # reportlab | fpdf2
    font: str = "Helvetica"  # a FONTS family
    size: float = 8.0
    bold_header: bool = True
    rulings: str = "grid"  # grid | hrules | header | none | zebra
    minus: str = "-"  # glyph printed for a negative sign
    minus_space: bool = False  # "- 1.690"
    nil: str = "-"  # glyph printed for the nil marker "-"
    num_align: str = "right"  # right | center | left
    valign: str = "top"  # top | middle
    pad: float = 4.0  # cell padding (two paddings separate neighbouring columns' text)
    num_extra: float = 6.0  # extra width given to each number column beyond its widest value
    label_share: float | None = None  # label column's share of the table width (None: from content)
    hyphenate: bool = True  # break words over lines with a hyphen when they do not fit
    orientation: str = "portrait"  # portrait | landscape | rotate90 (portrait MediaBox, /Rotate 90, landscape view)
    rows_per_page: int | None = None  # force a page break after this many body rows
    split_rows: bool = False  # a multi-line row at a page break is split: its first lines stay, the rest move on
    repeat_header: bool = True  # continuation pages repeat the header row
    repeat_caption: bool = False  # continuation pages repeat the caption
    caption: str | None = None  # caption text (None: the gold title)
    unit_line: str | None = None  # a unit line printed under the caption, e.g. "(1.000 kr.)"
    year_shift: int = 0  # other years: every 4-digit year in headers and caption moves by this
    scale: int = 1  # other numbers: every amount is multiplied by this (sums stay consistent)
    prose_lines: bool = True  # running prose before and after the table
    lead_paragraphs: int = 1  # prose paragraphs before the table (more push it down to a natural page break)
    top_margin: float = MARGIN_TOP  # where the body (and a continuation page's repeated header) starts


# ---------------------------------------------------------------- primitives
@dataclass
class Text:
    """A string whose baseline starts at (x, y)."""

    x: float
    y: float
    s: str
    font: str
    size: float
    color: tuple[float, float, float] = (0, 0, 0)


@dataclass
class Line:
    """A stroked line segment."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5


@dataclass
class Fill:
    """A filled rectangle (x0, top, x1, bottom)."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple[float, float, float]


@dataclass
class Page:
    """One page as a viewer shows it: its size, whether it is stored rotated, and what is drawn on it."""

    width: float
    height: float
    rotate90: bool = False
    items: list[Text | Line | Fill] = field(default_factory=list)


# ---------------------------------------------------------------- gold -> printed cells
_YEAR = re.compile(r"\b(19|20)(\d{2})\b")
YEAR_FIELDS = ("pl_year", "budget_year")  # gold metadata that are years of the printed text


def _shift_years(s: str, shift: int) -> str:
    """Given text and a year shift, return it with every 4-digit year moved by the shift."""
    return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), s) if shift else s


def format_dk(value: Decimal, decimals: int) -> str:
    """Given a number and its printed decimals, return it in Danish print ("-1.139,2")."""
    q = value.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    whole, _, frac = f"{abs(q):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return sign + grouped + ("," + frac if frac else "")


def _scale_cell(cell: str, scale: int) -> str:
    """Given a printed cell and a factor, return the cell with its amount multiplied (text unchanged)."""
    v = parse_dk(cell)
    if v is None or scale == 1:
        return cell
    decimals = len(cell.split(",")[1]) if "," in cell else 0
    return format_dk(v * scale, decimals)


def vary_gold(gold: GoldTable, style: Style) -> GoldTable:
    """Given a gold table and a style, return the table as this variant prints it (other years and numbers).

    Row labels and "Nr." columns are not scaled; the returned table is what the variant is scored against.
    """
    if not style.year_shift and style.scale == 1:
        return gold
    header = [_shift_years(h, style.year_shift) for h in gold.header]
    keep = {gold.label_col} | {i for i, h in enumerate(gold.header) if norm(h).startswith("nr")}
    rows = [[c if i in keep else _scale_cell(c, style.scale) for i, c in enumerate(r)] for r in gold.rows]
    meta = dict(gold.meta, title=_shift_years(gold.title, style.year_shift))
    if isinstance(meta.get("unit_printed"), str):  # "1.000 kr. 2023 p/l" heads the label column: printed text
        meta["unit_printed"] = _shift_years(meta["unit_printed"], style.year_shift)
    for key in YEAR_FIELDS:  # the printed price level and budget year move with the printed years
        if isinstance(meta.get(key), int):
            meta[key] += style.year_shift
    return GoldTable(gold.doc, gold.file, meta, header, rows)


def printed(cell: str, style: Style) -> str:
    """Given a gold cell, return it as the variant prints it (minus glyph, space after the sign, nil glyph)."""
    s = cell.strip()
    if s == "-":
        return style.nil
    if s.startswith("-") and parse_dk(s) is not None:
        return style.minus + (" " if style.minus_space else "") + s[1:]
    return s


def header_text(gold: GoldTable, col: int) -> str:
    """Given a gold table and a column, return the printed header (the unit in a synthetic label header)."""
    h = gold.header[col]
    if norm(h) in ("label", "value"):
        if col == gold.label_col:
            unit, pl = gold.meta.get("unit_printed") or gold.meta.get("unit"), gold.meta.get("pl_year")
            return gold.meta.get("unit_printed") or (f"{unit} {pl} p/l" if unit and pl else unit or "")
        return ""
    return h


# ---------------------------------------------------------------- text measuring and wrapping
def font_name(style: Style, bold: bool) -> str:
    """Given a style and boldness, return the font name to draw with."""
    return FONTS[style.font][1 if bold else 0]


def width(s: str, font: str, size: float) -> float:
    """Given a string, font name and size, return its advance width in points."""
    return pdfmetrics.stringWidth(s, font, size)


def _hyphen_split(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Given a word too wide for a line, return (head with break hyphen, tail) fitting `room`, or None."""
    for syllable in (True, False):  # first try breaks before a consonant+vowel ("bor-gere"), then anywhere
        for i in range(len(word) - HYPHEN_MIN, HYPHEN_MIN - 1, -1):
            head, tail = word[:i], word[i:]
            if head.endswith("-"):  # break after a real hyphen, no extra hyphen
                if width(head, font, size) <= room:
                    return head, tail
                continue
            if not (head[-1].isalpha() and head[-1].islower() and tail[0].isalpha() and tail[0].islower()):
                continue
            if not all(ch.isalpha() for ch in head[-HYPHEN_MIN:] + tail[:HYPHEN_MIN]):
                continue
            if syllable and not (tail[0] not in VOWELS and tail[1] in VOWELS):
                continue
            if width(head + "-", font, size) <= room:
                return head + "-", tail
    return None


def wrap(text: str, font: str, size: float, box: float, hyphenate: bool) -> list[str]:
    """Given text and a box width, return its lines (greedy, hyphenating words that do not fit)."""
    lines: list[str] = []
    cur = ""
    words = text.split()
    while words:
        w = words.pop(0)
        cand = f"{cur} {w}" if cur else w
        if width(cand, font, size) <= box:
            cur = cand
            continue
        room = box - width(f"{cur} ", font, size) if cur else box
        split = _hyphen_split(w, room, font, size) if hyphenate else None
        if split:
            lines.append(f"{cur} {split[0]}" if cur else split[0])
            cur = ""
            words.insert(0, split[1])
        elif cur:
            lines.append(cur)
            cur = ""
            words.insert(0, w)
        else:  # an unbreakable word wider than the box: let it overflow
            lines.append(w)
    if cur:
        lines.append(cur)
    return lines or [""]


# ---------------------------------------------------------------- table layout
@dataclass
class _Cell:
    lines: list[str]
    align: str


@dataclass
class _Row:
    cells: list[_Cell]
    bold: bool

    @property
    def n_lines(self) -> int:
        return max(len(c.lines) for c in self.cells)


def _is_numeric_col(gold: GoldTable, col: int) -> bool:
    """Given a gold table and a column, say whether most of its filled cells are numbers or nil markers."""
    vals = [r[col].strip() for r in gold.rows if r[col].strip()]
    nums = [v for v in vals if v == "-" or parse_dk(v) is not None]
    return bool(vals) and 2 * len(nums) >= len(vals)


def _column_widths(gold: GoldTable, style: Style, total: float) -> list[float]:
    """Given a gold table, style and table width, return every column's width."""
    reg, bold = font_name(style, False), font_name(style, style.bold_header)
    n = len(gold.header)
    numeric = [_is_numeric_col(gold, c) and c != gold.label_col for c in range(n)]
    widths, want = [0.0] * n, [0.0] * n
    for c in range(n):
        vals = [printed(r[c], style) for r in gold.rows if r[c].strip()]
        if numeric[c]:
            nums = [v for v in vals if parse_dk(v) is not None or v == style.nil]
            texts = [v for v in vals if v not in nums]  # e.g. "Dækket ved ..." in an amount column
            head = max((width(w, bold, style.size) for w in header_text(gold, c).split()), default=0)
            widest = max([width(v, reg, style.size) for v in nums] + [min(head, HEADER_WORD_MAX)]
                         + [min(width(v, reg, style.size), TEXT_IN_NUM_MAX) for v in texts])
            widths[c] = max(MIN_NUM_COL, widest + 2 * style.pad + style.num_extra)
        else:
            want[c] = max((width(v, reg, style.size) for v in vals), default=MIN_TEXT_COL) + 2 * style.pad
    rest = total - sum(widths)
    text_cols = [c for c in range(n) if not numeric[c]]
    if style.label_share is not None and gold.label_col in text_cols:
        widths[gold.label_col] = total * style.label_share
        rest -= widths[gold.label_col]
        text_cols.remove(gold.label_col)
    if text_cols:
        want = [min(w, TEXT_WANT_MAX) for w in want]
        need = sum(want[c] for c in text_cols)
        for c in text_cols:
            share = rest * want[c] / need if need > rest else want[c] + (rest - need) / len(text_cols)
            widths[c] = max(MIN_TEXT_COL, share)
    return widths


def _table_rows(gold: GoldTable, style: Style, widths: list[float]) -> tuple[_Row, list[_Row]]:
    """Given a gold table, style and column widths, return (header row, body rows) with wrapped lines."""
    hb = font_name(style, style.bold_header)
    numeric = [_is_numeric_col(gold, c) and c != gold.label_col for c in range(len(widths))]

    def cell(text: str, c: int, font: str, header: bool) -> _Cell:
        box = widths[c] - 2 * style.pad
        is_num = not header and (parse_dk(text) is not None or text == style.nil)
        numbered = norm(gold.header[c]).startswith("nr")  # row numbers are identifiers, set flush left
        align = style.num_align if numeric[c] and (is_num or header) and not numbered else "left"
        return _Cell(wrap(text, font, style.size, box, style.hyphenate) if text else [], align)

    header = _Row([cell(header_text(gold, c), c, hb, True) for c in range(len(widths))], style.bold_header)
    body = []
    for r in gold.rows:
        label = norm(r[gold.label_col])
        bold = style.bold_header and (label.endswith("i alt") or label.startswith("samle"))
        font = font_name(style, bold)
        body.append(_Row([cell(printed(r[c], style), c, font, False) for c in range(len(widths))], bold))
    return header, body


class _Writer:
    """Pages being filled top to bottom, with running header/footer added when a page is opened."""

    def __init__(self, style: Style) -> None:
        self.style = style
        self.size = PORTRAIT if style.orientation == "portrait" else LANDSCAPE
        self.pages: list[Page] = []
        self.y = 0.0
        self.new_page()

    @property
    def bottom(self) -> float:
        return self.size[1] - MARGIN_BOTTOM

    def new_page(self) -> None:
        w, h = self.size
        page = Page(w, h, rotate90=self.style.orientation == "rotate90")
        reg = font_name(self.style, False)
        page.items.append(Text(MARGIN_X, 34, ORG, reg, RUNNING_SIZE))
        page.items.append(Text(w - MARGIN_X - width(DATE, reg, RUNNING_SIZE), 34, DATE, reg, RUNNING_SIZE))
        page.items.append(Line(MARGIN_X, 39, w - MARGIN_X, 39, 0.4))
        self.pages.append(page)
        self.y = self.style.top_margin

    def text_block(self, text: str, size: float, bold: bool, gap: float = 4.0) -> None:
        font = font_name(self.style, bold)
        for line in wrap(text, font, size, self.size[0] - 2 * MARGIN_X, hyphenate=False):
            if self.y + size * 1.25 > self.bottom:
                self.new_page()
            self.y += size * 1.25
            self.pages[-1].items.append(Text(MARGIN_X, self.y - size * 0.25, line, font, size))
        self.y += gap

    def finish(self) -> list[Page]:
        total = PAGE_OFFSET + len(self.pages) + 7
        for i, page in enumerate(self.pages):
            s = f"Side {PAGE_OFFSET + i + 1} af {total}"
            reg = font_name(self.style, False)
            page.items.append(Text(page.width - MARGIN_X - width(s, reg, RUNNING_SIZE), page.height - 30, s, reg,
                                   RUNNING_SIZE))
        return self.pages


def _draw_row(page: Page, row: _Row, lines: range, top: float, widths: list[float], style: Style,
              header: bool, shade: tuple[float, float, float] | None) -> float:
    """Given a row and which of its lines to draw at `top`, draw them on the page; return the row's bottom."""
    leading = style.size * 1.2
    n = len(lines)
    height = n * leading + 2 * style.pad
    x = MARGIN_X
    if shade:
        page.items.append(Fill(MARGIN_X, top, MARGIN_X + sum(widths), top + height, shade))
    color = (1.0, 1.0, 1.0) if header and style.rulings == "zebra" else (0.0, 0.0, 0.0)
    font = font_name(style, row.bold)
    for c, cell in enumerate(row.cells):
        mine = [cell.lines[i] for i in lines if i < len(cell.lines)]
        offset = (n - len(mine)) * leading / 2 if style.valign == "middle" else 0.0
        for k, line in enumerate(mine):
            base = top + style.pad + offset + k * leading + style.size * 0.85
            lw = width(line, font, style.size)
            if cell.align == "right":
                lx = x + widths[c] - style.pad - lw
            elif cell.align == "center":
                lx = x + (widths[c] - lw) / 2
            else:
                lx = x + style.pad
            page.items.append(Text(lx, base, line, font, style.size, color))
        x += widths[c]
    return top + height


def _rules(page: Page, bounds: list[float], header_bottom: float | None, widths: list[float], style: Style) -> None:
    """Given the row boundaries of one page's table fragment, draw the style's rulings."""
    x0, x1 = MARGIN_X, MARGIN_X + sum(widths)
    if style.rulings in ("grid", "hrules"):
        for y in bounds:
            page.items.append(Line(x0, y, x1, y))
    if style.rulings == "grid":
        x = x0
        for w in [0.0] + widths:
            x += w
            page.items.append(Line(x, bounds[0], x, bounds[-1]))
    if style.rulings == "header" and header_bottom is not None:
        page.items.append(Line(x0, header_bottom, x1, header_bottom, 0.8))


def layout(gold: GoldTable, style: Style, context: str | None = None) -> list[Page]:
    """Given a (varied) gold table, a style and an optional context heading, return the variant's pages."""
    w = _Writer(style)
    table_w = w.size[0] - 2 * MARGIN_X
    widths = _column_widths(gold, style, table_w)
    header, body = _table_rows(gold, style, widths)
    leading = style.size * 1.2
    caption = style.caption if style.caption is not None else gold.title
    if context:
        w.text_block(context, 11.0, bold=True)
    if style.prose_lines:
        for _ in range(style.lead_paragraphs):
            w.text_block(PROSE, PROSE_SIZE, bold=False, gap=10.0)

    def open_table(first: bool) -> tuple[list[float], float | None]:
        if first or style.repeat_caption:
            if caption:
                w.text_block(caption, 9.0, bold=True, gap=2.0)
            if style.unit_line and first:
                w.text_block(style.unit_line, 8.0, bold=False, gap=2.0)
            w.y += CAPTION_GAP
        bounds = [w.y]
        if first or style.repeat_header:
            shade = (0.16, 0.28, 0.45) if style.rulings == "zebra" else None
            w.y = _draw_row(w.pages[-1], header, range(header.n_lines), w.y, widths, style, True, shade)
            bounds.append(w.y)
            return bounds, w.y
        return bounds, None

    bounds, head_bottom = open_table(True)
    on_page = 0
    for i, row in enumerate(body):
        n = row.n_lines
        height = n * leading + 2 * style.pad
        forced = style.rows_per_page is not None and on_page >= style.rows_per_page
        if forced or w.y + height > w.bottom:
            fit = int((w.bottom - w.y - 2 * style.pad) // leading)
            if style.split_rows and n >= 2:
                first = max(1, min(n - 1, fit, (n + 1) // 2 if forced else fit))
                if fit >= 1:
                    shade = (0.93, 0.93, 0.93) if style.rulings == "zebra" and i % 2 else None
                    w.y = _draw_row(w.pages[-1], row, range(first), w.y, widths, style, False, shade)
                    bounds.append(w.y)
                    _rules(w.pages[-1], bounds, head_bottom, widths, style)
                    w.new_page()
                    bounds, head_bottom = open_table(False)
                    w.y = _draw_row(w.pages[-1], row, range(first, n), w.y, widths, style, False, shade)
                    bounds.append(w.y)
                    on_page = 1
                    continue
            _rules(w.pages[-1], bounds, head_bottom, widths, style)
            w.new_page()
            bounds, head_bottom = open_table(False)
            on_page = 0
        shade = (0.93, 0.93, 0.93) if style.rulings == "zebra" and i % 2 else None
        w.y = _draw_row(w.pages[-1], row, range(n), w.y, widths, style, False, shade)
        bounds.append(w.y)
        on_page += 1
    _rules(w.pages[-1], bounds, head_bottom, widths, style)
    w.y += 14.0
    if style.prose_lines and w.y + 3 * PROSE_SIZE * 1.25 < w.bottom:
        w.text_block(PROSE_AFTER, PROSE_SIZE, bold=False)
    return w.finish()


def with_defaults(style: Style, **changes: object) -> Style:
    """Given a style and field changes, return the changed copy (a readable alias of dataclasses.replace)."""
    return replace(style, **changes)
