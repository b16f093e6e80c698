"""A fast first look at every page (pypdfium2's text runs) to decide which pages need the full layout reading.

Reading a page's layout with pdfplumber is by far the most expensive step, and most pages of budget documents
are running text. pdfium splits each text line into runs at wide gaps in a fraction of that time, so a page
whose lines are all single runs (no cells side by side, no two amounts next to each other, no caption, nothing
turned) holds no table: for it the runs give the text lines that headings and running headers are read from,
and pdfplumber is not needed. Any doubt (a rotated page, an error) means the full reading.
"""
from __future__ import annotations

import ctypes
import re
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractors.layout import PageLayout, Segment, Word, group_lines
from extractors.regions import CAPTION
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings

# an amount as tables print it: a sign, a thousands dot, a decimal comma or at least three digits ("89 40" in a
# phone number is not two amounts)
_AMOUNT = r"(?:[-\u2212\u2013]\s?\d[\d.]*(?:,\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d{3,})"
TWO_AMOUNTS = re.compile(rf"(^|\s){_AMOUNT}\s+{_AMOUNT}(\s|$)")  # "1.200 300", "-4.000 -4.000"
LIST_MARK_CHARS = 3
SPACE = 32
LINE_BREAKS = (10, 13)
BOLD_WEIGHT = 600
TURNED_HEIGHT_FACTOR = 2.5  # a run this many times taller than the page's usual line is turned text
FONT_NAME_BUFFER = 128
RULE_WIDTH_SHARE = 1 / 3  # a path at least this share of the page's width wide is a rule or band across the body
MIN_BODY_RULES = 3  # this many such paths in the body are a table's (a boxed note or a rule under a heading are not)
FRAME_SIDE_WIDTH = 3.0  # a path this narrow is a vertical rule ...
FRAME_SIDES = 2  # ... and this many running from the top margin band into the body are a frame's sides
LATER_COLUMN_SHARE = 0.25  # lines starting flush this share of the text's width right of its left edge: a column
STACKED_LINES = 2  # ... when at least this many lines in a row start there


@dataclass
class PageScan:
    """What the first look found on one page: whether it needs the full layout reading, else its text lines."""

    number: int  # 1-based
    needs_layout: bool
    layout: PageLayout | None = None
    # the lines of the page's top margin band: (text with digits masked, whether the line holds table signs)
    top_band: tuple[tuple[str, bool], ...] = ()


def _font(textpage, index: int) -> tuple[float, bool]:
    """Given a text page and a char index, return the char's font size and whether its face is bold."""
    size = float(pdfium_c.FPDFText_GetFontSize(textpage.raw, index))
    buf = ctypes.create_string_buffer(FONT_NAME_BUFFER)
    flags = ctypes.c_int()
    pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, FONT_NAME_BUFFER, ctypes.byref(flags))
    name = buf.value.decode("latin-1", "replace").lower()
    weight = pdfium_c.FPDFText_GetFontWeight(textpage.raw, index)
    return size, weight >= BOLD_WEIGHT or "bold" in name or "black" in name


def _run_words(text: str, box: tuple[float, float, float, float], size: float, bold: bool) -> list[Word]:
    """Given a text run and its box (pdfplumber coordinates), return its words with x spread by character count."""
    x0, top, x1, bottom = box
    text = text.replace("\r", " ").replace("\n", " ")
    per_char = (x1 - x0) / max(len(text), 1)
    out, i = [], 0
    for token in text.split(" "):
        if token:
            out.append(Word(token, x0 + i * per_char, top, x0 + (i + len(token)) * per_char, bottom, size, bold))
        i += len(token) + 1
    return out


@dataclass
class _Run:
    """One pdfium text run: its text and box in pdfplumber coordinates (y grows downward)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class _BoundedText:
    """The text inside boxes of one pdfium text page, as `PdfTextPage.get_text_bounded` reads it, with one call into
    pdfium a box instead of two (pypdfium2 asks for the length, then for the text; each call gathers the text anew):
    a buffer room for the page's every char twice over, and pdfium's terminating NUL after the text dropped."""

    SPARE = 64  # units beyond twice the page's chars (line breaks pdfium puts between a box's lines)

    def __init__(self, textpage) -> None:
        self.textpage = textpage
        self.size = 2 * max(textpage.count_chars(), 0) + self.SPARE
        self.buffer = (ctypes.c_ushort * self.size)()

    def __call__(self, left: float, bottom: float, right: float, top: float) -> str:
        """Given a box (pdfium coordinates), return the text inside it."""
        got = pdfium_c.FPDFText_GetBoundedText(self.textpage, left, top, right, bottom, self.buffer, self.size)
        if got >= self.size:  # perhaps cut short: as pypdfium2 does
            return self.textpage.get_text_bounded(left, bottom, right, top)
        if got > 0 and self.buffer[got - 1] == 0:
            got -= 1
        return ctypes.string_at(self.buffer, 2 * got).decode("utf-16-le", errors="ignore") if got > 0 else ""


def _runs(textpage, height: float) -> list[_Run]:
    """Given a pdfium text page, return its non-blank text runs top to bottom."""
    out = []
    bounded = _BoundedText(textpage)
    for k in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(k)
        text = bounded(left, bottom, right, top)
        if text.strip():
            out.append(_Run(text, left, height - top, right, height - bottom))
    out.sort(key=lambda r: (r.bottom, r.x0))
    return out


def _run_lines(runs: list[_Run]) -> list[list[_Run]]:
    """Given runs top to bottom, group those that share a line (overlapping vertically), left to right."""
    lines: list[list[_Run]] = []
    for r in runs:
        if lines and r.top < lines[-1][-1].bottom - 0.5 * (r.bottom - r.top):
            lines[-1].append(r)
        else:
            lines.append([r])
    return [sorted(ln, key=lambda r: r.x0) for ln in lines]


def _holds_table_signs(line: list[_Run], usual: float) -> bool:
    """Given a line's runs, return whether it may belong to a table: several runs side by side (a list mark
    before its text not counting), two amounts next to each other, a caption, or text turned on its side."""
    texts = [r.text.strip() for r in line]
    if len(texts) >= 2 and len(texts[0]) <= LIST_MARK_CHARS and (
            not texts[0][:1].isalnum() or texts[0].endswith((")", "."))):  # "•", "a)", "1."
        texts = texts[1:]
    joined = " ".join(texts)
    tall = usual and max(r.bottom - r.top for r in line) > TURNED_HEIGHT_FACTOR * usual
    return len(texts) >= 2 or bool(TWO_AMOUNTS.search(joined)) or bool(CAPTION.match(joined)) or bool(tall)


def _beside_line_above(line: list[_Run], above: list[_Run], gap: float) -> bool:
    """Given a line's runs, the runs of the line above it and the least gap between cells, return whether the line
    starts beside the line above, right of its end and in the same height band (its top above that line's bottom):
    cells set vertically apart in one row, e.g. a text cell centred on its row beside a label wrapped over another
    number of lines, so that no two of them share a line."""
    return line[0].x0 - above[-1].x1 >= gap and line[0].top < above[-1].bottom


def _wide_positioned_gap(textpage, height: float, band: float, settings: ExtractionSettings) -> bool:
    """Given a text page, return whether a line holds a wide gap made by positioning rather than by a space
    character (pdfium generates a space there): text runs can hide such cells, e.g. a kerned ``TJ`` table row."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    line_start = 0
    for k in range(1, n - 1):
        code = pdfium_c.FPDFText_GetUnicode(raw, k)
        if code in LINE_BREAKS:
            line_start = k + 1
            continue
        if code != SPACE or pdfium_c.FPDFText_IsGenerated(raw, k) != 1 or k - line_start <= LIST_MARK_CHARS:
            continue  # a list mark ("•", "a)", "1.") before its text is no cell
        left, right = textpage.get_charbox(k - 1), textpage.get_charbox(k + 1)
        size = max(right[3] - right[1], left[3] - left[1], 1.0)
        same_line = abs(left[1] - right[1]) < size / 2
        in_body = band < height - right[3] and height - right[1] < height - band
        gap = right[0] - left[2]
        if same_line and in_body and gap >= max(settings.segment_gap_min, settings.segment_gap_factor * size):
            return True
    return False


def _stacked_in_later_column(lines: list[list[_Run]]) -> bool:
    """Given the body's lines (runs left to right), return whether `STACKED_LINES` lines in a row start flush at one
    x well right of the text's left edge: the cells of a later column under an empty first one (a list's entries
    continued atop a page, its repeated header in the margin band), which no line of running text does."""
    if not lines:
        return False
    left = min(ln[0].x0 for ln in lines)
    right = max(ln[-1].x1 for ln in lines)
    later = left + LATER_COLUMN_SHARE * (right - left)
    run = 1
    for above, ln in zip(lines, lines[1:], strict=False):
        flush = abs(ln[0].x0 - above[0].x0) <= 1.0 and ln[0].x0 > later
        run = run + 1 if flush else 1
        if run >= STACKED_LINES:
            return True
    return False


def _ruled_body(page, width: float, height: float, band: float) -> bool:
    """Given a pdfium page, its size and the height of its margin bands, return whether its body holds several
    rules or filled bands across a good part of its width: a table's rules or shading (a table page whose text
    lines are all single runs, e.g. a continuation whose label column is empty, its repeated header in the margin
    band; a footer rule sits in the margin); or whether a frame's side rules run from the top margin band down into
    the body (a boxed table's last row continued atop the page, its first line in the band)."""
    count = sides = 0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        left, bottom, right, top = obj.get_bounds()
        if right - left >= RULE_WIDTH_SHARE * width and band < height - top and height - bottom < height - band:
            count += 1
        elif right - left <= FRAME_SIDE_WIDTH and height - top < band < height - bottom < height - band:
            sides += 1
        if count >= MIN_BODY_RULES or sides >= FRAME_SIDES:
            return True
    return False


def _scan_page(pdf, index: int, settings: ExtractionSettings) -> PageScan:
    """Given an open pdfium document and a 0-based page index, return the page's scan."""
    page = pdf[index]
    if page.get_rotation() % 360:
        return PageScan(index + 1, True)
    width, height = page.get_size()
    textpage = page.get_textpage()
    lines = _run_lines(_runs(textpage, height))
    band = settings.margin_share * max(width, height)
    heights = sorted(r.bottom - r.top for ln in lines for r in ln)
    usual = heights[len(heights) // 2] if heights else 0.0
    in_body = [ln for ln in lines if ln[0].bottom > band and ln[0].top < height - band]
    for k, ln in enumerate(in_body):
        if _holds_table_signs(ln, usual) or (k and _beside_line_above(ln, in_body[k - 1], settings.segment_gap_min)):
            return PageScan(index + 1, True)
    if (_wide_positioned_gap(textpage, height, band, settings) or _ruled_body(page, width, height, band)
            or _stacked_in_later_column(in_body)):
        return PageScan(index + 1, True)
    top_band = tuple((_masked(" ".join(r.text.strip() for r in ln)), _holds_table_signs(ln, usual))
                     for ln in lines if ln[0].bottom <= band)
    words: list[Word] = []
    for ln in lines:
        for r in ln:
            first = textpage.get_index(r.x0 + 0.5, height - (r.top + r.bottom) / 2, 2.0, 2.0)
            size, bold = _font(textpage, first) if first is not None and first >= 0 else (r.bottom - r.top, False)
            words += _run_words(r.text, (r.x0, r.top, r.x1, r.bottom), size or (r.bottom - r.top), bold)
    text_lines = group_lines(words, settings)
    for tl in text_lines:
        tl.segments = [Segment(tl.words)]  # no table signs: every line is one run of text
    return PageScan(index + 1, False, PageLayout(index + 1, width, height, text_lines, [], [], [], 0, width, height,
                                                 text_only=True), top_band)


def _masked(text: str) -> str:
    """Given a line's text, return it casefolded with digits masked: the key under which running lines repeat."""
    return re.sub(r"\d+", "#", text.casefold()).strip()


def _under_cut_table(scans: list[PageScan]) -> list[PageScan]:
    """Given every page's scan, return them with a page after a page that needs the layout reading needing it too
    when a line of its top margin band holds table signs and no other page repeats that line (no running header):
    the rows of a table the page break moved on, set high on the page (a landscape page's margin band, a share of
    its long side, reaches below its first lines)."""
    repeats = Counter(shape for s in scans for shape in {shape for shape, _ in s.top_band})
    out = list(scans)
    for i, s in enumerate(scans):
        if i and not s.needs_layout and out[i - 1].needs_layout and any(
                signs and repeats[shape] < 2 for shape, signs in s.top_band):
            out[i] = PageScan(s.number, True)
    return out


def scan_document(pdf_path: str, settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[PageScan] | None:
    """Given a PDF path, return every page's scan, or None when pdfium cannot read it (then read every page)."""
    try:
        pdf = pdfium.PdfDocument(pdf_path)
    except Exception:  # noqa: BLE001 - any failure here only means: no shortcut, read everything
        return None
    try:
        return _under_cut_table([_scan_page(pdf, i, settings) for i in range(len(pdf))])
    except Exception:  # noqa: BLE001
        return None
    finally:
        pdf.close()
