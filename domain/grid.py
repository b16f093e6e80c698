"""The domain layer's view of a table: built from the `tables` and `table_cells` outputs, never the PDF."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd  # imported at start-up on purpose: the forkserver preloads it for every worker it forks


@dataclass(frozen=True)
class GridCell:
    """A non-empty cell: `text` as the reader reads it, `value` the Danish number as printed (or None)."""

    text: str
    value: float | None
    page: int
    bbox: tuple[float, float, float, float] | None = None


@dataclass
class GridRow:
    """One body row: its 0-based index, page, label text and its non-empty cells by column index."""

    index: int
    page: int
    label: str
    cells: dict[int, GridCell] = field(default_factory=dict)

    def text(self, col: int | None) -> str:
        """Given a column index, return the cell's text, or '' when the cell is empty (or col is None)."""
        if col is None:
            return ""
        cell = self.cells.get(col)
        return cell.text if cell else ""


@dataclass
class Grid:
    """One table of one document, with its metadata as published in `tables`."""

    document_id: str
    table_id: str
    table_index: int
    page: int
    last_page: int
    caption: str | None
    context: str | None
    columns: list[str]
    unit: str | None
    pl_year: int | None
    kind: str = "other"
    rows: list[GridRow] = field(default_factory=list)


_PLAIN = (str, int, bool)  # exact types `pd.isna` says are present and that have no `.item()`


def _opt(v):
    """Given a pandas scalar, return None for missing values and the plain Python value otherwise."""
    if v is None:
        return None
    kind = type(v)
    if kind in _PLAIN:
        return v
    if kind is float:
        return None if v != v else v  # NaN
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


# A body row repeats the header when at least this many of its cells print their own column's header.
MIN_REPEATED_HEADER_CELLS = 2


def _header_rest(text: str, header: str) -> str | None:
    """Given a body cell and its column's header, return what the cell prints after the header's words ("" when
    it prints the header alone), or None when it does not open with the header."""
    from domain.cells import norm  # domain.cells imports this module

    words, n = text.split(), len(header.split())
    if not n or len(words) < n or norm(" ".join(words[:n])) != norm(header):
        return None
    return " ".join(words[n:])


def repeated_header_rows(grid: Grid) -> set[int]:
    """Given a grid, return the indexes of its body rows that repeat the header (a header printed again on a
    continuation page and read as a body row): at least two of their cells print their own column's header,
    alone or followed by the end of the cell above it that the page break moved below the header."""
    heads = grid.columns
    return {r.index for r in grid.rows
            if sum(1 for c, cell in r.cells.items()
                   if c < len(heads) and heads[c].strip() and _header_rest(cell.text, heads[c]) is not None)
            >= MIN_REPEATED_HEADER_CELLS}


def without_repeated_headers(grid: Grid) -> Grid:
    """Given a grid, return it without the body rows that repeat its header: they are not rows of the table.
    Where such a row's cell prints more than its header (the wrapped end of the cell above, moved below the
    header repeated on the next page and read into it), that text is joined to the same cell of the row before.
    Row indexes are kept (they name the rows of `table_cells`)."""
    skip = repeated_header_rows(grid)
    if not skip:
        return grid
    from normalizers.labels import clean_text, join_lines

    rows: list[GridRow] = []
    for row in grid.rows:
        if row.index not in skip:
            rows.append(row)
            continue
        if not rows:
            continue
        prev = rows[-1]
        _drop_head_starts(prev, grid.columns)
        for c, cell in row.cells.items():
            rest = _header_rest(cell.text, grid.columns[c]) if c < len(grid.columns) else None
            above = prev.cells.get(c)
            if rest and above is not None and above.value is None:
                text = clean_text(join_lines([above.text, rest]))
                if prev.label == above.text:
                    prev.label = text
                prev.cells[c] = GridCell(text=text, value=None, page=above.page, bbox=above.bbox)
    grid.rows = rows
    return grid


def _drop_head_starts(row: GridRow, heads: list[str]) -> None:
    """Given the body row right above a row that repeats the header, and the header, remove in place the cells
    that print the first lines of their own column's head (a repeated header wrapped over two lines, read as two
    rows: "Beløb som udløber (2026-pl)" over "1.000 kr."; the row above may be a section row the page break left
    over it, "Bevillingsudløb, der allerede er håndteret ...", whose own cell stays). A cell is such a start when
    it prints some but not all of its head's words, from the first."""
    for c, cell in list(row.cells.items()):
        head = heads[c] if c < len(heads) else ""
        rest = _header_rest(head, cell.text) if cell.text.strip() else None
        if rest and cell.value is None:
            del row.cells[c]
            if row.label == cell.text:
                row.label = ""


def grids_from_records(tables: Iterable[dict], cells: Iterable[dict]) -> list[Grid]:
    """Given `tables` rows and `table_cells` rows (dicts, contract columns), rebuild the grids in table order
    (without the body rows that only repeat a header: `without_repeated_headers`)."""
    by_table: dict[str, dict[int, GridRow]] = {}
    for c in cells:
        rows = by_table.setdefault(c["table_id"], {})
        ri = int(c["row_index"])
        row = rows.get(ri)
        if row is None:
            row = rows[ri] = GridRow(index=ri, page=int(c["page"]), label=_opt(c.get("row_label")) or "")
        bbox = None
        if _opt(c.get("x0")) is not None:
            bbox = (float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
        value = _opt(c.get("value"))
        row.cells[int(c["col_index"])] = GridCell(
            text=_opt(c.get("text")) or "", value=None if value is None else float(value),
            page=int(c["page"]), bbox=bbox)
    out = []
    for t in sorted(tables, key=lambda t: int(t["table_index"])):
        rows = by_table.get(t["table_id"], {})
        pl = _opt(t.get("pl_year"))
        out.append(Grid(
            document_id=t["document_id"], table_id=t["table_id"], table_index=int(t["table_index"]),
            page=int(t["page"]), last_page=int(t["last_page"]), caption=_opt(t.get("caption")),
            context=_opt(t.get("context")),
            columns=[str(x) for x in t["columns"]] if t.get("columns") is not None else [],
            unit=_opt(t.get("unit")), pl_year=None if pl is None else int(pl),
            kind=_opt(t.get("kind")) or "other", rows=[rows[i] for i in sorted(rows)]))
    return [without_repeated_headers(g) for g in out]


def grids_from_frames(tables: pd.DataFrame, cells: pd.DataFrame) -> list[Grid]:
    """Given the `tables` and `table_cells` frames of one document, rebuild its grids in table order."""
    return grids_from_records(tables.to_dict("records"), cells.to_dict("records"))
