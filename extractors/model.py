"""The extractor's data model: a table grid with provenance, independent of any strategy."""
from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, pdfplumber's convention


@dataclass
class Cell:
    """One body cell as a reader reads it: lines joined, line-break hyphenation removed, minus as "-"."""

    text: str
    page: int  # 1-based
    bbox: BBox


@dataclass
class Row:
    """One logical body row: a wrapped label or a page-continued row is one row."""

    cells: list[Cell | None]  # one entry per column, None where empty
    page: int  # 1-based page where the row starts


@dataclass
class Table:
    """A table grid with its caption, context heading, unit and price level."""

    page: int  # first page, 1-based
    last_page: int
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    caption: str | None = None
    context: str | None = None
    unit: str | None = None
    pl_year: int | None = None
    bbox: BBox | None = None  # on the first page
    col_x: list[tuple[float, float]] = field(default_factory=list)  # each column's x band on the first page
    col_text: list[tuple[float, float] | None] = field(default_factory=list)  # x extent of each column's text there
    header_row: Row | None = None  # the header as cells (internal: lets stitching restore a misread header)
    header_bold: bool = False  # the header is set in bold (internal: for stitching)
    header_in_row: bool = False  # the header's lines were read off the first body row's lines (internal: a header
    # found misread goes back into that row, not before it)
    bbox_last_bottom: float = 0.0  # bottom of the table on its last page (internal: for stitching)
    cut_foot: bool = False  # its last row on its last page is open at the page's foot, the rest of it on the next
    # page (internal: for stitching; `regions.cut_at_foot`)
