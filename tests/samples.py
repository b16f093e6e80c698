"""Test helper: the shipped sample PDFs and their extraction, done at most once per test session."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from extractors.model import Table

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold"
SAMPLES = ("000", "001", "002", "003", "004")


def pdf_of(doc: str) -> Path:
    """Given a sample number ("002"), return its PDF in data/raw."""
    return next(RAW.glob(f"{doc}_*.pdf"))


@cache
def extraction(doc: str) -> tuple[tuple[Table, ...], tuple[dict, ...]]:
    """Given a sample number, return its extracted tables and its `documents.outline` entries (cached; callers
    must not mutate them)."""
    from extractors.tables import extract_from_layouts, read_layouts
    from pipelines.lib.extraction.extractor import outline_rows

    outline: list = []
    tables = extract_from_layouts(read_layouts(pdf_of(doc)), outline=outline)
    return tuple(tables), tuple(outline_rows(outline))


def extracted(doc: str) -> tuple[Table, ...]:
    """Given a sample number, return its extracted tables (cached; callers must not mutate them)."""
    return extraction(doc)[0]
