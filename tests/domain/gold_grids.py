"""Test helper: gold CSV tables (tests/fixtures/gold) as domain Grids, as if the extractor had produced them.

The gold is the truth of what the documents print; building grids from it lets the domain layer be pinned
independently of extraction. Cell values follow CONTRACT's `table_cells.value` semantics via the normalizers
when available (falling back to the scorer's reading of a Danish number).
"""
from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from pathlib import Path

from domain.grid import Grid, GridCell, GridRow

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_NUM = re.compile(r"-?\d+(?:\.\d+)*(?:,\d+)?")


def _value(text: str) -> float | None:
    """Given a printed cell, return its Danish number as a float (scorer semantics), or None."""
    s = " ".join(text.translate(_DASHES).split())
    s = re.sub(r"(?<=[-.]) (?=\d)", "", s)
    return float(Decimal(s.replace(".", "").replace(",", "."))) if _NUM.fullmatch(s) else None


def _label_col(header: list[str], rows: list[list[str]]) -> int:
    """Given a gold table, return its label column: the first column whose cells are mostly text of 3+ chars."""
    for c in range(len(header)):
        vals = [r[c].strip() for r in rows if r[c].strip()]
        text = [v for v in vals if _value(v) is None]
        if vals and 2 * len(text) > len(vals) and sum(map(len, text)) >= 3 * len(text):
            return c
    return 0


def gold_grids(doc: str, document_id: str = "gold") -> list[Grid]:
    """Given a gold folder name ("000".."004"), return its tables as Grids (kind left as 'other')."""
    folder = GOLD / doc
    out = []
    for i, meta in enumerate(json.loads((folder / "tables.json").read_text(encoding="utf-8"))):
        with open(folder / meta["file"], encoding="utf-8", newline="") as f:
            header, *rows = list(csv.reader(f))
        rows = [(r + [""] * len(header))[: len(header)] for r in rows]
        lc = _label_col(header, rows)
        page = (meta.get("pages_inferred") or [1])[0]
        grid_rows = []
        for ri, r in enumerate(rows):
            cells = {c: GridCell(text=t.strip(), value=_value(t), page=page) for c, t in enumerate(r) if t.strip()}
            grid_rows.append(GridRow(index=ri, page=page, label=r[lc].strip(), cells=cells))
        ctx = meta.get("context")
        out.append(Grid(
            document_id=document_id, table_id=f"{document_id}-{i:03d}", table_index=i, page=page,
            last_page=(meta.get("pages_inferred") or [page])[-1], caption=meta.get("title"),
            context=ctx if isinstance(ctx, str) else None,
            columns=["" if h in ("label", "value") else h for h in header],
            unit=meta.get("unit") if isinstance(meta.get("unit"), str) else None,
            pl_year=meta.get("pl_year") if isinstance(meta.get("pl_year"), int) else None,
            rows=grid_rows))
    return out
