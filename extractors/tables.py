"""Public entry point of the extractors: PDF file -> list of table grids with provenance."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pdfplumber

from extractors.charts import is_axis_scale
from extractors.context import Field, Heading, caption_above, caption_at_foot, field_of, heading_of, is_caption_text
from extractors.grid import (
    HEADER_MAX_LINES,
    adopt_header,
    build_table,
    column_page,
    header_rows,
    holds_amount,
    repeated_header,
)
from extractors.groups import join_group_labels
from extractors.hyphenation import breaks_only_at_own_hyphens
from extractors.layout import PageLayout, TextLine, read_page
from extractors.margins import strip_running_blocks, strip_running_lines
from extractors.model import Table
from extractors.panes import page_regions
from extractors.prescan import scan_document
from extractors.regions import Region, header_rest_atop, lines_atop, nothing_above, section_rows_atop, trailing_header
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings
from extractors.stitch import label_column, stitch
from normalizers.labels import clean_text
from normalizers.price_level import find_pl_year
from normalizers.units import find_unit

ECONOMICS_CAPTION_NUMBER = "1"  # a proposal's "Tabel 1" opens its economics; a second one opens the next proposal


def _read_pages(pdf_path: str, indices: list[int], settings: ExtractionSettings) -> list[PageLayout]:
    """Given a PDF path and 0-based page indices, return those pages' layouts (may run in a worker process)."""
    with pdfplumber.open(pdf_path) as pdf:
        return [read_page(pdf.pages[i], i + 1, settings) for i in indices]


def _page_count(pdf_path: str) -> int:
    """Given a PDF path, return its number of pages."""
    with pdfplumber.open(pdf_path) as pdf:
        return len(pdf.pages)


def read_layouts(pdf_path: Path | str, settings: ExtractionSettings = DEFAULT_SETTINGS,
                 pdf: pdfplumber.PDF | None = None) -> list[PageLayout]:
    """Given a PDF path, return every page's layout with running headers/footers removed.

    A fast first look (`prescan`) finds the pages that may hold a table; only those are read with pdfplumber
    (the expensive step), the others keep the text lines of the first look. When there are at least
    `settings.parallel_min_pages` pages per worker, `settings.workers` processes share them in contiguous runs.
    `pdf`: the same file already open in pdfplumber, whose pages are then read in-process (a page the caller has
    parsed already is not parsed again); None opens it here.
    """
    path = str(pdf_path)
    n = _page_count(path) if pdf is None else len(pdf.pages)
    scans = scan_document(path, settings) if settings.prescan else None
    need = [i for i in range(n) if scans is None or len(scans) != n or scans[i].needs_layout]
    workers = min(settings.workers, max(1, len(need) // max(settings.parallel_min_pages, 1)))
    read: list[PageLayout] | None = None
    if workers > 1:
        step = -(-len(need) // workers)
        try:
            futures = [pool(workers).submit(_read_pages, path, need[a:a + step], settings)
                       for a in range(0, len(need), step)]
            read = [p for f in futures for p in f.result()]
        except BrokenProcessPool:  # e.g. a caller's script without a __main__ guard: read in-process instead
            _shutdown_pool()
    if read is None:
        read = (_read_pages(path, need, settings) if pdf is None
                else [read_page(pdf.pages[i], i + 1, settings) for i in need])
    by_number = {p.number: p for p in read}
    pages = [by_number.get(i + 1) or scans[i].layout for i in range(n)]
    strip_running_lines(pages, settings)
    strip_running_blocks(pages, settings)
    return pages


_POOL: ProcessPoolExecutor | None = None
_START = {"method": "spawn"}  # how this process starts its page readers (`use_forked_page_readers`)


def use_forked_page_readers() -> None:
    """Start this process's page readers by forking it (they have the extraction code loaded at once) instead of
    spawning fresh interpreters that import it first (~0.3 s of CPU each). Only for a process whose other threads
    never hold a lock a reader could need (the pipeline's limited workers); the default, `spawn`, is safe anywhere."""
    if _START["method"] != "fork":
        _shutdown_pool()
        _START["method"] = "fork"


def page_reader_start() -> str:
    """Return how this process starts its page readers: "spawn" (the default) or "fork"."""
    return _START["method"]


def pool(workers: int) -> ProcessPoolExecutor:
    """Return the shared worker pool (started once, reused across documents)."""
    global _POOL
    if _POOL is None or _POOL._max_workers < workers:  # noqa: SLF001
        _shutdown_pool()
        _POOL = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(_START["method"]))
    return _POOL


def _shutdown_pool(wait: bool = False) -> None:
    """Shut the shared worker pool down (it is recreated on demand); with `wait`, until its processes have exited
    (what a process about to exit needs: its exit would otherwise wait on page readers never told to stop)."""
    global _POOL
    if _POOL is not None:
        _POOL.shutdown(wait=wait, cancel_futures=True)
        _POOL = None


def _caption_number(caption: str | None) -> str | None:
    """Given a caption, return its table number ("Tabel 1. ..." -> "1")."""
    if not is_caption_text(caption):
        return None
    words = caption.split()
    return words[1].rstrip(".:") if len(words) > 1 else None


def _assign_context(tables: list[Table], headings: list[Heading]) -> None:
    """Given stitched tables and the document's headings, set each table's context heading.

    The context is the latest proposal title before the table, else the latest bold heading. A "Tabel 1"
    whose proposal already has one belongs to the next proposal title (printed before its title).
    """
    titles = [h for h in headings if h.is_title]
    seen_first: set[str] = set()
    for t in tables:
        page, top = t.page, t.bbox[1] if t.bbox else 0.0
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


def _column_page(page: PageLayout, prev: Table, label: int, regions: list[Region]
                 ) -> tuple[tuple[Table, list[TextLine]] | None, list[Region]]:
    """Given a page opening under a table the page break cut, that table, its label column and the page's table
    regions, return the page's opening lines read as a page of that table's later columns (see `column_page`; None
    when they are not), with the regions left to read. A first region that only repeats the table's header over
    such lines is theirs: it is read with them, not as a table of its own."""
    skip = int(bool(regions) and repeated_header(regions[0].lines, prev) > 0)
    found = column_page(page, prev, label, regions[skip].top if len(regions) > skip else float("inf"))
    if found is None or not skip:
        return found, regions
    if {id(ln) for ln in regions[0].lines} <= {id(ln) for ln in found[1]}:
        return found, regions[1:]
    return column_page(page, prev, label, regions[0].top), regions


def _header_to_body(table: Table) -> None:
    """Given a table read from one body row (`Region.foot`), put a header read off that row back into its body."""
    rows = header_rows(table)
    if rows:
        table.rows[:0] = rows
        table.columns = [""] * len(table.columns)
        table.header_row = None
        table.header_bold = False


HEADER_APART_GAP_FACTOR = 3.0  # a header ruled off this many line heights (at most) above its body


def _header_apart(page: PageLayout, upper: tuple[Region, Table], lower: tuple[Region, Table]) -> bool:
    """Given a page and two table regions read on it, one right above the other, each with its grid, return whether
    the upper one is the lower one's header set apart (and make it so): the upper holds no amount anywhere and no
    more lines than a header and is ruled off under its last line, the lower has no header of its own and opens with
    amounts, nothing is printed between them, the lower starts at most `HEADER_APART_GAP_FACTOR` line heights under
    that rule, and every cell of the upper lines falls in
    one of the lower one's columns (`grid.adopt_header`): a ruled header over a body that only group rules part,
    ruled off a line's height or more above it."""
    (r1, t1), (r2, t2) = upper, lower
    if (r1.foot or r1.fragment or r2.foot or r2.fragment or any(t2.columns) or not t2.rows
            or not holds_amount(t2.rows[0]) or holds_amount(t1.header_row) or any(map(holds_amount, t1.rows))
            or len(r1.lines) > HEADER_MAX_LINES):
        return False
    if r1.frame is None or r1.frame.bottom < r1.bottom:  # (ruled off under its last line)
        return False
    if r2.top - r1.frame.bottom > HEADER_APART_GAP_FACTOR * max(r1.lines[-1].size, 1.0) or any(
            r1.bottom < ln.top and ln.bottom < r2.top for ln in page.lines):
        return False
    body = t2.bbox
    if not adopt_header(t2, r1.lines, page):
        return False
    if body is not None and t2.bbox is not None:  # (the header's lines and the body under them)
        t2.bbox = (min(body[0], t2.bbox[0]), t2.bbox[1], max(body[2], t2.bbox[2]), body[3])
    return True


OPENING_LINES = 2  # a heading the page break cut goes on over at most this many lines atop the next page


def _opening_lines(pages: list[PageLayout], index: int) -> list[TextLine]:
    """Given the page layouts and an index, return the first lines of that page (running lines removed), at most
    `OPENING_LINES`: where a heading the page break cut goes on (`context.heading_of` takes those set in the
    heading's size and face). [] past the last page."""
    return pages[index].lines[:OPENING_LINES] if index < len(pages) else []


def _lines_taken(heading: str, opening: list[TextLine]) -> set[int]:
    """Given a heading's text and the lines opening the next page, return the ids of those lines the heading ends
    with (its rest after the page break), so that they are read as no heading of their own."""
    for n in range(len(opening), 0, -1):
        tail = " ".join(clean_text(ln.text) for ln in opening[:n])
        if tail and heading.endswith(tail):
            return {id(ln) for ln in opening[:n]}
    return set()


def extract_from_layouts(pages: list[PageLayout], settings: ExtractionSettings = DEFAULT_SETTINGS,
                         outline: list[Heading | Field] | None = None) -> list[Table]:
    """Given page layouts, return every table found, stitched across pages, with captions and context; when
    given an `outline` list, add to it the headings and labelled fields printed outside the tables, in order."""
    own_hyphens = breaks_only_at_own_hyphens(pages)
    for page in pages:
        page.own_hyphens = own_hyphens
    tables: list[Table] = []
    headings: list[Heading] = []
    fields: list[Field] = []
    first_on_page: set[int] = set()
    opens_page: set[int] = set()  # tables with no text above them on their page
    ends_page: set[int] = set()  # ... and with no text below them
    last_on_page: set[int] = set()
    foot: tuple[PageLayout, list] | None = None  # a header left alone at the foot of the page before
    open_end = False  # the page before ends in a table or a header left at its foot
    provisional: set[int] = set()  # ids of tables read from a page's opening fragment: kept only once stitched
    foot_rows: set[int] = set()  # ids of tables read from one body row ending a page: kept only when the next
    # page's rows go on under them
    carried_at: set[int] = set()  # indices of tables read from a page of later columns with a table right under
    stacked: set[int] = set()  # indices of tables set right under the table before on their page, nothing between
    labels: dict[int, int] = {}  # label column of each table read from a page of later columns (it has none)
    foot_caption: tuple[int, str] | None = None  # a caption ending a page (its number), its table on the next
    heading_tail: set[int] = set()  # ids of the lines opening a page that end a heading of the page before
    for page_index, page in enumerate(pages):
        regions, panes = ([], set()) if page.text_only else page_regions(page, settings, open_top=open_end)
        rest: list[TextLine] = []  # the rest of the header row left at the foot of the page before
        if foot is not None and foot[0].number == page.number - 1 and regions:
            # under a header left at the foot of the page before, lines atop the page in the cells that header left
            # empty are the rest of its row; lines in the first column of the page's first table, above it at the
            # top of the page, are its first rows (a section row set apart, not a title)
            above = [ln for ln in page.lines if ln.bottom <= regions[0].top]
            rest = header_rest_atop(page.lines, above, foot[1], regions[0])
            if not rest:
                regions[0].lines[:0] = lines_atop(page.lines, above, regions[0].lines, one_cell=False)
        elif open_end and regions and tables and tables[-1].last_page == page.number - 1:
            # under a table the page break cut, a section row set apart atop the page is the rest of that table's
            regions[0].lines[:0] = section_rows_atop(page, regions[0], tables[-1].header_bold)
        page_lines = [ln for ln in page.lines if all(ln is not r for r in rest)]
        built = []
        carried: list = []  # the lines of a page of the later columns of the table the page break cut
        if open_end and foot is None and tables and tables[-1].page == page.number - 1 and not page.text_only:
            prev = tables[-1]
            label = labels.get(id(prev), label_column(prev))
            found, regions = _column_page(page, prev, label, regions)
            if found is not None:
                cont, carried = found
                labels[id(cont)] = label
                provisional.add(id(cont))
                opens_page.add(len(tables))
                if not regions and not any(ln.top > carried[-1].bottom for ln in page.lines):
                    ends_page.add(len(tables))
                tables.append(cont)
        for k, r in enumerate(regions):
            # the region opening a page under a table the page break cut: also its one row reading as a header
            cut = open_end and k == 0 and nothing_above(page.lines, r.top)
            if (t := build_table(r, settings, header_only=cut)) is not None and not is_axis_scale(t):
                built.append((r, t))
                if r.foot:
                    _header_to_body(t)
                    foot_rows.add(id(t))
                elif r.fragment or not t.rows:
                    provisional.add(id(t))
        for k in range(len(built) - 1, 0, -1):  # a header ruled off above its body: one table
            if _header_apart(page, built[k - 1], built[k]):
                r1, r2 = built[k - 1][0], built[k][0]
                built[k - 1:k + 1] = [(Region(page, [*r1.lines, *r2.lines], r1.frame or r2.frame), built[k][1])]
        # a header alone at the page foot may have made a region of its own that holds no table
        tail = [] if page.text_only else trailing_header(page, [r for r, _ in built], settings)
        inside = ({id(ln) for r in regions for ln in r.lines} | {id(ln) for ln in tail} | panes
                  | {id(ln) for ln in carried} | {id(ln) for ln in rest})
        for k, ln in enumerate(page.lines):
            if id(ln) in inside or id(ln) in heading_tail:
                continue
            following = page.lines[k + 1:k + 3]
            # (a heading at the page's foot may go on atop the next page: its first lines of one run of words)
            opening = _opening_lines(pages, page_index + 1) if k + 1 + len(following) == len(page.lines) else []
            if (h := heading_of(ln, following, opening)) is not None:
                headings.append(Heading(page.number, h.top, h.text, h.is_title))
                heading_tail |= _lines_taken(h.text, opening)
            if (h is None or not h.is_title) and (f := field_of(ln, page.lines[k + 1:k + 2])) is not None:
                fields.append(Field(page.number, f.top, f.label, f.value))
        start = len(tables) - bool(carried)
        above: Region | None = None  # the region of the table read last on this page
        for r, t in built:
            t.caption = caption_above(page_lines, r, settings.caption_lookup_lines)
            if r.foot and t.caption is None:
                continue  # a row ending the page under no title of its own may be the rest of any table above
            if nothing_above(page_lines, r.top):
                opens_page.add(len(tables))
                if t.caption is None and foot_caption is not None and foot_caption[0] == page.number - 1:
                    t.caption = foot_caption[1]  # the caption the page break parted from its table
                if (foot is not None and foot[0].number == page.number - 1 and len(tables) == start
                        and adopt_header(t, foot[1], foot[0], rest)):
                    provisional.discard(id(t))  # a table of its own, headed at the foot of the page before
                    if t.caption is None:  # the table starts with the header at the foot of the page before: its
                        # caption is there
                        t.caption = caption_above(foot[0].lines, Region(foot[0], foot[1]),
                                                  settings.caption_lookup_lines)
            if not any(ln.top >= r.bottom for ln in page.lines):
                ends_page.add(len(tables))
            if above is not None and t.caption is None and not any(
                    above.bottom <= ln.top and ln.bottom <= r.top for ln in page_lines):
                stacked.add(len(tables))
            above = r
            tables.append(t)
        if carried and built and not any(carried[-1].bottom < ln.top < built[0][0].top for ln in page.lines):
            # a table right under the lines carried on may go on from them
            carried_at.add(start)
            ends_page.add(start)
            opens_page.add(start + 1)
        if len(tables) > start:
            first_on_page.add(start)
            last_on_page.add(len(tables) - 1)
        foot = (page, tail) if tail else None
        low = max((r.bottom for r, _ in built), default=0.0)
        foot_caption = None if tail or page.text_only else (
            page.number, caption_at_foot([ln for ln in page.lines if ln.top >= low and id(ln) not in inside]))
        foot_caption = foot_caption if foot_caption and foot_caption[1] else None
        open_end = bool(tail) or (len(tables) > start and (
            len(tables) - 1 in ends_page
            or tables[-1].bbox is not None and tables[-1].bbox[3] >= settings.continuation_bottom_share * page.height))
    heights = {p.number: p.height for p in pages}
    tables = stitch(tables, heights, settings.continuation_top_share, settings.continuation_bottom_share,
                    first_on_page, last_on_page, opens_page, ends_page, carried_at, stacked)
    # a page's opening fragment that continues no table is no table (a header read alone, a stray line of cells)
    tables = [t for t in tables if id(t) not in provisional and not (id(t) in foot_rows and t.last_page == t.page)]
    # context after stitching: a continuation that repeats its "Tabel 1" caption is not a second Tabel 1
    _assign_context(tables, headings)
    if outline is not None:
        outline.extend(sorted([*headings, *fields], key=lambda h: (h.page, h.top)))
    for t in tables:
        join_group_labels(t)
        head = " ".join(t.columns)
        t.unit = find_unit(head) or find_unit(t.caption or "")
        t.pl_year = find_pl_year(head) or find_pl_year(t.caption or "")
    return tables


def extract_tables(pdf_path: Path | str, settings: ExtractionSettings = DEFAULT_SETTINGS) -> list[Table]:
    """Given a PDF path, return every table found, in document order."""
    return extract_from_layouts(read_layouts(pdf_path, settings), settings)
