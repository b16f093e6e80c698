"""Test helper: gold CSV tables (tests/fixtures/gold) as domain Grids, as if the extractor had produced them.

The gold is the truth of what the documents print; building grids from it lets the domain layer be pinned
independently of extraction. Cell values follow CONTRACT's `table_cells.value` semantics, via
the gold's own reading of a Danish number (vendored goldset.py).
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from domain.grid import Grid, GridCell, GridRow
from tests.fixtures.eval.goldset import GoldTable, parse_dk

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "gold"


def _value(text: str) -> float | None:
    """Given a printed cell, return its Danish number as a float (the gold's reading), or None."""
    v = parse_dk(text)
    return None if v is None else float(v)


def gold_grids(doc: str, document_id: str = "gold") -> list[Grid]:
    """Given a gold folder name ("000".."004"), return its tables as Grids (kind left as 'other')."""
    folder = GOLD / doc
    out = []
    for i, meta in enumerate(json.loads((folder / "tables.json").read_text(encoding="utf-8"))):
        with open(folder / meta["file"], encoding="utf-8", newline="") as f:
            header, *rows = list(csv.reader(f))
        rows = [(r + [""] * len(header))[: len(header)] for r in rows]
        lc = GoldTable(doc, meta["file"], meta, header, rows).label_col
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
