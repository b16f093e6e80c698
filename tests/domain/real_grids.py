"""Test helper: the sample PDFs' REAL extraction (extractors -> records -> grids), classified, once per process.

Extraction takes seconds per document, so each document is extracted at most once per test session whichever
test module asks first; tests must not mutate the returned grids (deep-copy before editing).
"""
from __future__ import annotations

from functools import cache

from domain import registry
from domain.grid import Grid, grids_from_records
from tests.samples import extracted, pdf_of  # noqa: F401  (pdf_of re-exported for the domain tests)


@cache
def real_grids(doc: str) -> tuple[Grid, ...]:
    """Given a sample number, return its extracted grids with `kind` set by the registry (cached)."""
    from extractors.records import table_records

    tables, cells = table_records(f"real-{doc}", list(extracted(doc)))
    grids = grids_from_records(tables, cells)
    for g in grids:
        g.kind = registry.classify(g)
    return tuple(grids)
