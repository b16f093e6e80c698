"""The domain layer's view of a table: built from the `tables` and `table_cells` outputs, never the PDF."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd


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


def _opt(v):
    """Given a pandas scalar, return None for missing values and the plain Python value otherwise."""
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v


def grids_from_records(tables: Iterable[dict], cells: Iterable[dict]) -> list[Grid]:
    """Given `tables` rows and `table_cells` rows (dicts, contract columns), rebuild the grids in table order."""
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
    return out


def grids_from_frames(tables: pd.DataFrame, cells: pd.DataFrame) -> list[Grid]:
    """Given the `tables` and `table_cells` frames of one document, rebuild its grids in table order."""
    return grids_from_records(tables.to_dict("records"), cells.to_dict("records"))
