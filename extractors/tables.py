"""Public entry point of the extractors: PDF file -> list of table grids with provenance."""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from extractors.context import Heading, caption_above, heading_of, is_caption_text
from extractors.grid import build_table
from extractors.layout import PageLayout, read_page
from extractors.margins import strip_running_lines
from extractors.model import Table
from extractors.regions import find_regions
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings
from extractors.stitch import stitch
from normalizers.price_level import find_pl_year
from normalizers.units import find_unit

ECONOMICS_CAPTION_NUMBER = "1"  # a proposal's "Tabel 1" opens its economics; a second one opens the next proposal


def read_layouts(pdf_path: Path | str, settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[PageLayout]:
    """Given a PDF path, return every page's layout with running headers/footers removed."""
    with pdfplumber.open(str(pdf_path)) as pdf:
        pages = [read_page(p, i + 1, settings) for i, p in enumerate(pdf.pages)]
    strip_running_lines(pages, settings)
    return pages


def _caption_number(caption: str | None) -> str | None:
    """Given a caption, return its table number ("Tabel 1. ..." -> "1")."""
    if not is_caption_text(caption):
        return None
    words = caption.split()
    return words[1].rstrip(".:") if len(words) > 1 else None


def _assign_context(tables: list[Table], where: list[tuple[int, float]], headings: list[Heading]) -> None:
    """Given tables with their (page, top) and the document's headings, set each table's context heading.

    The context is the latest proposal title before the table, else the latest bold heading. A "Tabel 1"
    whose proposal already has one belongs to the next proposal title (printed before its title).
    """
    titles = [h for h in headings if h.is_title]
    seen_first: set[str] = set()
    for t, (page, top) in zip(tables, where, strict=True):
        before = [h for h in titles if (h.page, h.top) < (page, top)]
        after = [h for h in titles if (h.page, h.top) > (page, top)]
        ctx = before[-1].text if before else None
        if _caption_number(t.caption) == ECONOMICS_CAPTION_NUMBER:
            if (ctx is None or ctx in seen_first) and after:
                ctx = after[0].text
            if ctx:
                seen_first.add(ctx)
        if ctx is None:
            plain = [h for h in headings if not h.is_title and (h.page, h.top) < (page, top)]
            ctx = plain[-1].text if plain else None
        t.context = ctx


def extract_from_layouts(pages: list[PageLayout], settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[Table]:
    """Given page layouts, return every table found, stitched across pages, with captions and context."""
    tables: list[Table] = []
    where: list[tuple[int, float]] = []
    headings: list[Heading] = []
    first_on_page: set[int] = set()
    last_on_page: set[int] = set()
    for page in pages:
        regions = find_regions(page, settings)
        inside = {id(ln) for r in regions for ln in r.lines}
        for k, ln in enumerate(page.lines):
            if id(ln) not in inside and (h := heading_of(ln, page.lines[k + 1:k + 2])) is not None:
                headings.append(Heading(page.number, h.top, h.text, h.is_title))
        start = len(tables)
        for r in regions:
            t = build_table(r, settings)
            if t is None:
                continue
            t.caption = caption_above(page.lines, r, settings.caption_lookup_lines)
            tables.append(t)
            where.append((page.number, r.top))
        if len(tables) > start:
            first_on_page.add(start)
            last_on_page.add(len(tables) - 1)
    _assign_context(tables, where, headings)
    heights = {p.number: p.height for p in pages}
    tables = stitch(tables, heights, settings.continuation_top_share, settings.continuation_bottom_share,
                    first_on_page, last_on_page)
    for t in tables:
        head = " ".join(t.columns)
        t.unit = find_unit(head) or find_unit(t.caption or "")
        t.pl_year = find_pl_year(head) or find_pl_year(t.caption or "")
    return tables


def extract_tables(pdf_path: Path | str, settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[Table]:
    """Given a PDF path, return every table found, in document order."""
    return extract_from_layouts(read_layouts(pdf_path, settings), settings)
