"""Test helper: the sample PDFs' REAL extraction (extractors -> records -> grids), classified, once per process.

Extraction takes seconds per document, so each document is extracted at most once per test session whichever
test module asks first; tests must not mutate the returned grids (deep-copy before editing).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from domain import registry
from domain.grid import Grid, grids_from_records

RAW = Path(__file__).resolve().parents[2] / "data" / "raw"


def pdf_of(doc: str) -> Path:
    """Given a sample number ("002"), return its PDF in data/raw."""
    return next(RAW.glob(f"{doc}_*.pdf"))


@cache
def real_grids(doc: str) -> tuple[Grid, ...]:
    """Given a sample number, return its extracted grids with `kind` set by the registry (cached)."""
    from extractors.records import table_records
    from extractors.tables import extract_tables

    tables, cells = table_records(f"real-{doc}", extract_tables(pdf_of(doc)))
    grids = grids_from_records(tables, cells)
    for g in grids:
        g.kind = registry.classify(g)
    return tuple(grids)
