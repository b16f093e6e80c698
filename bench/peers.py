"""Peer table extractors (camelot, pdfplumber, PyMuPDF) behind one adapter shape, and their contract rows.

Each adapter reads a PDF and returns `PeerTable`s: the peer's own grid of cell texts, as the peer prints it, with
cell boxes in pdfplumber's coordinates (x0, top, x1, bottom, origin top-left) where the peer gives them.
`peer_records` turns those grids into `tables` / `table_cells` rows the way a user of the peer would: the first
row is the header, the label column is the first column whose body cells are mostly text.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from normalizers.labels import clean_text
from normalizers.numbers import cell_value

BBox = tuple[float, float, float, float]
ZERO_BOX: BBox = (0.0, 0.0, 0.0, 0.0)
# A column is the label column when more than this share of its non-empty body cells are text ...
LABEL_TEXT_SHARE = 0.5
# ... of at least this many characters (row numbers and flags like "D" are not labels).
LABEL_MIN_CHARS = 3
CAMELOT_FLAVORS = ("hybrid", "lattice", "stream", "network")
# Peers that take minutes on the sample corpus: the bench times them fewer times by default.
SLOW_PEERS = frozenset({"camelot-hybrid", "camelot-lattice", "camelot-network", "pymupdf"})


@dataclass
class PeerTable:
    """One table as a peer returns it: a grid of cell texts (row 0 is its header), on one 1-based page."""

    page: int
    grid: list[list[str]]
    boxes: list[list[BBox | None]] | None = None  # per cell, same shape as grid, where the peer gives them
    bbox: BBox | None = None


def _pages_arg(pages: Sequence[int] | None) -> str:
    """Given 1-based page numbers (None = all), return camelot's `pages` argument."""
    return "all" if pages is None else ",".join(str(p) for p in pages)


def camelot_tables(pdf_path: Path | str, flavor: str, pages: Sequence[int] | None = None) -> list[PeerTable]:
    """Given a PDF, a camelot flavor and optional 1-based pages, return camelot's tables (pdfium backend)."""
    import camelot

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = camelot.read_pdf(str(pdf_path), pages=_pages_arg(pages), flavor=flavor, suppress_stdout=True)
    out = []
    for t in found:
        height = float(t.pdf_size[1]) if t.pdf_size else 0.0

        def flip(x1: float, y1: float, x2: float, y2: float, h: float = height) -> BBox:
            """Given a box in PDF user space (origin bottom-left), return it in pdfplumber's convention."""
            return (float(x1), h - float(y2), float(x2), h - float(y1))

        boxes = [[flip(c.x1, c.y1, c.x2, c.y2) for c in row] for row in t.cells]
        bbox = flip(*t._bbox) if getattr(t, "_bbox", None) else None
        grid = [[str(v) for v in row] for row in t.data]
        if len(boxes) != len(grid) or any(len(b) != len(g) for b, g in zip(boxes, grid, strict=False)):
            boxes = None
        out.append(PeerTable(page=int(t.page), grid=grid, boxes=boxes, bbox=bbox))
    return out


def pdfplumber_tables(pdf_path: Path | str, pages: Sequence[int] | None = None) -> list[PeerTable]:
    """Given a PDF and optional 1-based pages, return pdfplumber's default `find_tables` / `extract` tables."""
    import pdfplumber

    out = []
    with pdfplumber.open(pdf_path) as pdf:
        numbers = pages if pages is not None else range(1, len(pdf.pages) + 1)
        for number in numbers:
            page = pdf.pages[number - 1]
            for t in page.find_tables():
                grid = [[c or "" for c in row] for row in t.extract()]
                boxes = [list(r.cells) for r in t.rows]
                out.append(PeerTable(page=number, grid=grid, boxes=boxes, bbox=tuple(t.bbox)))
            page.close()
    return out


def pymupdf_tables(pdf_path: Path | str, pages: Sequence[int] | None = None,
                   use_layout: bool = True) -> list[PeerTable]:
    """Given a PDF and optional 1-based pages, return PyMuPDF's `find_tables` tables (default: its layout model).

    PyMuPDF 2 gates its line-based finder by the regions of its ONNX layout model (`use_layout=True`, the
    default); `use_layout=False` is the classic line-based finder alone.
    """
    import pymupdf

    out = []
    with pymupdf.open(pdf_path) as doc:
        numbers = pages if pages is not None else range(1, doc.page_count + 1)
        for number in numbers:
            page = doc[number - 1]
            for t in page.find_tables(use_layout=use_layout).tables:
                grid = [[c or "" for c in row] for row in t.extract()]
                boxes = [list(r.cells) for r in t.rows]
                out.append(PeerTable(page=number, grid=grid, boxes=boxes, bbox=tuple(t.bbox)))
    return out


def _camelot(flavor: str) -> Callable[[Path | str, Sequence[int] | None], list[PeerTable]]:
    """Given a camelot flavor, return an adapter with the common (pdf_path, pages) signature."""
    def run(pdf_path: Path | str, pages: Sequence[int] | None = None) -> list[PeerTable]:
        """Given a PDF and optional pages, return camelot's tables of this flavor."""
        return camelot_tables(pdf_path, flavor, pages)
    return run


# The module each peer imports (lazily, so that a missing optional peer fails only when it is run).
PEER_MODULES = {**{f"camelot-{f}": "camelot" for f in CAMELOT_FLAVORS},
                "pdfplumber": "pdfplumber", "pymupdf": "pymupdf", "pymupdf-nolayout": "pymupdf"}
PEERS: dict[str, Callable[[Path | str, Sequence[int] | None], list[PeerTable]]] = {
    **{f"camelot-{f}": _camelot(f) for f in CAMELOT_FLAVORS},
    "pdfplumber": pdfplumber_tables,
    "pymupdf": pymupdf_tables,
    "pymupdf-nolayout": lambda pdf_path, pages=None: pymupdf_tables(pdf_path, pages, use_layout=False),
}


def _is_label_text(text: str) -> bool:
    """Given a cleaned cell text, return whether it reads as a row label (text, not a number or a short flag)."""
    return len(text) >= LABEL_MIN_CHARS and cell_value(text) is None


def label_column(body: list[list[str]], ncols: int) -> int:
    """Given cleaned body rows and the column count, return the first column whose cells are mostly text (or 0)."""
    for col in range(ncols):
        cells = [row[col] for row in body if col < len(row) and row[col]]
        if cells and sum(map(_is_label_text, cells)) > LABEL_TEXT_SHARE * len(cells):
            return col
    return 0


def _box(t: PeerTable, r: int, c: int) -> BBox:
    """Given a peer table and a grid position, return the cell's box, else the table's box, else zeros."""
    if t.boxes is not None and r < len(t.boxes) and c < len(t.boxes[r]) and t.boxes[r][c] is not None:
        return tuple(float(v) for v in t.boxes[r][c])
    return tuple(float(v) for v in t.bbox) if t.bbox is not None else ZERO_BOX


def peer_records(document_id: str, tables: list[PeerTable]) -> tuple[list[dict], list[dict]]:
    """Given a document id and a peer's tables, return (`tables` rows, `table_cells` rows) per CONTRACT.md."""
    trows, crows = [], []
    kept = [t for t in tables if t.grid]
    for i, t in enumerate(kept):
        table_id = f"{document_id}-{i:03d}"
        ncols = max(len(row) for row in t.grid)
        grid = [[clean_text(v) for v in row] + [""] * (ncols - len(row)) for row in t.grid]
        columns, body = grid[0], grid[1:]
        label_col = label_column(body, ncols)
        trows.append(dict(
            document_id=document_id, table_id=table_id, table_index=i, page=t.page, last_page=t.page,
            caption=None, context=None, columns=columns, n_rows=len(body), unit=None, pl_year=None, kind="other",
            totals_checked=0, totals_failed=0))
        for ri, row in enumerate(body):
            for ci, text in enumerate(row):
                if not text:
                    continue
                x0, top, x1, bottom = _box(t, ri + 1, ci)
                crows.append(dict(
                    document_id=document_id, table_id=table_id, page=t.page, row_index=ri, col_index=ci,
                    column=columns[ci], row_label=row[label_col], text=text, value=cell_value(text),
                    x0=x0, top=top, x1=x1, bottom=bottom))
    return trows, crows
