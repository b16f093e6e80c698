"""The extraction proper (`process.extract_document`): PDF -> `documents` row, generic rows, total checks.

Run in the limited worker processes (`isolation`): their forkserver imports this module once (`PRELOAD`), with
the PDF parser and the extractors, so the run's own process, which hands the PDFs to the workers and publishes
their results, does not load them. A worker forks its page readers (`extractors.tables.use_forked_page_readers`):
they start with the extraction code loaded instead of importing it each.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber

from domain import registry
from domain.documents import TextLine, recognise_document
from domain.grid import grids_from_records
from extractors.context import Field, Heading
from extractors.layout import PageLayout
from extractors.records import table_records
from extractors.settings import DEFAULT_SETTINGS, ExtractionSettings
from extractors.tables import extract_from_layouts, read_layouts, use_forked_page_readers
from pipelines.lib.extraction.isolation import DEFAULT_MAX_PAGES, MAX_PAGES_ENV, on_worker_start
from pipelines.lib.extraction.pdf_text import first_lines
from pipelines.lib.extraction.process import (
    IMAGE_PAGE_SHARE,
    MAX_ERROR_CHARS,
    STATUS_FAILED,
    STATUS_OK,
    STATUS_PARTIAL,
    ExtractedDocument,
    describe_error,
    is_out_of_memory,
    new_document_row,
    page_ranges,
    sha256_of,
)


def outline_rows(outline: list[Heading | Field]) -> list[dict]:
    """Given the headings and labelled fields printed outside a document's tables, return its `outline` entries:
    role `title` (a proposal title), `heading` (a short bold line) or `field` ("Fremstillende forvaltning: X")."""
    out = []
    for item in outline:
        if isinstance(item, Field):
            out.append(dict(page=item.page, role="field", label=item.label, text=item.value))
        else:
            out.append(dict(page=item.page, role="title" if item.is_title else "heading", label=None, text=item.text))
    return out


def scanned_pages(pdf: pdfplumber.PDF, layouts: list[PageLayout]) -> list[int]:
    """Given an open PDF and its page layouts, return the pages with no text whose images cover most of the page."""
    found = []
    for number in (layout.number for layout in layouts if not layout.lines):
        page = pdf.pages[number - 1]
        area = float(page.width * page.height) or 1.0
        covered = sum(float((im["x1"] - im["x0"]) * (im["bottom"] - im["top"])) for im in page.images)
        if covered >= IMAGE_PAGE_SHARE * area:
            found.append(number)
        page.close()
    return found


def _classify(result: ExtractedDocument) -> None:
    """Given a document's generic rows, fill each table's kind and totals_checked/failed from the domain registry."""
    grids = grids_from_records(result.tables, result.cells)
    rows = {row["table_id"]: row for row in result.tables}
    for grid in grids:
        grid.kind = registry.classify(grid)
        checks = registry.check_totals(grid)
        row = rows[grid.table_id]
        row["kind"] = grid.kind
        row["totals_checked"] = len(checks)
        row["totals_failed"] = sum(1 for c in checks if not c.holds)
        result.totals.extend(checks)


def document_lines(first: list[TextLine], layouts: list[PageLayout]) -> list[TextLine]:
    """Given the printed lines of the first pages and every page's layout, return the lines of all pages: the
    first pages' as read, the later pages' from their layouts (running headers and footers removed)."""
    read = {ln.page for ln in first}
    later = [TextLine(text=ln.text, page=layout.number, size=round(float(ln.size), 1))
             for layout in layouts if layout.number not in read and layout.number > max(read, default=0)
             for ln in layout.lines]
    return [*first, *later]


def _recognise(result: ExtractedDocument, lines: list[TextLine]) -> None:
    """Given a document's extraction and the lines of all its pages, set its kind, municipality and title from
    its text and the kinds of the tables recognised in it (a summary of what was found)."""
    facts = recognise_document(lines, [t["kind"] for t in result.tables or [] if t.get("kind")])
    result.document.update(kind=facts.kind, municipality=facts.municipality, title=facts.title)


def _add_problem(doc: dict, problem: str) -> None:
    """Given a `documents` row, mark it partial (unless failed) and add a one-line problem to its error."""
    if doc["status"] == STATUS_OK:
        doc["status"] = STATUS_PARTIAL
    doc["error"] = (f"{doc['error']}; {problem}" if doc["error"] else problem)[:MAX_ERROR_CHARS]


def extract_pdf(path: Path | str, max_pages: int = DEFAULT_MAX_PAGES,
                settings: ExtractionSettings | None = None) -> ExtractedDocument:
    """Given a PDF path, return its `documents` row, its `tables`/`table_cells` rows and its total checks.

    Never raises for a bad PDF (running out of memory excepted: MemoryError, left to the caller, which knows the
    limit): a failed stage gives status
    `failed` (no generic rows, so previously published outputs stay) or `partial` (rows published, with the
    problem in `error`: pages without a text layer, classification incomplete).
    """
    path, settings = Path(path), DEFAULT_SETTINGS if settings is None else settings
    result = ExtractedDocument(document=new_document_row(path.name, sha256_of(path)))
    doc = result.document
    stage = "reading the PDF"
    try:
        with pdfplumber.open(path) as pdf:  # each page is parsed once, for its first lines and its layout
            n_pages, lines = len(pdf.pages), first_lines(pdf)
            doc["n_pages"] = n_pages
            if doc["n_pages"] == 0:
                doc.update(status=STATUS_FAILED, error="empty PDF: no pages")
                return result
            if doc["n_pages"] > max_pages:
                doc.update(status=STATUS_FAILED, error=f"too large: {doc['n_pages']} pages > limit {max_pages} "
                                                       f"({MAX_PAGES_ENV})")
                result.retry = True
                return result
            facts = recognise_document(lines)
            doc.update(kind=facts.kind, municipality=facts.municipality, title=facts.title)
            stage = "extracting tables"
            layouts = read_layouts(path, settings, pdf=pdf)
            outline: list[Heading | Field] = []
            tables = extract_from_layouts(layouts, settings, outline)
            doc["outline"] = outline_rows(outline)
            t_rows, c_rows = table_records(doc["document_id"], tables) if tables else ([], [])
            stage = "looking for pages without text"
            scans = scanned_pages(pdf, layouts)
    except Exception as exc:  # noqa: BLE001 - any failure of a document is recorded, never fatal to the run
        if is_out_of_memory(exc):
            raise MemoryError from exc  # reported by the caller, which knows the limit
        doc.update(status=STATUS_FAILED, error=describe_error(stage, exc))
        return result
    result.tables, result.cells = t_rows, c_rows
    doc["n_tables"] = len(t_rows)
    if scans:
        _add_problem(doc, f"no text layer on {page_ranges(scans)} (images only; OCR is not done)")
    elif not any(layout.lines for layout in layouts):
        _add_problem(doc, "no text on any page")
    try:
        _classify(result)
    except Exception as exc:  # noqa: BLE001
        if is_out_of_memory(exc):
            raise MemoryError from exc
        _add_problem(doc, describe_error("classifying tables", exc))
    _recognise(result, document_lines(lines, layouts))
    return result


on_worker_start(use_forked_page_readers)  # in the limited workers only, never in the run's own process
