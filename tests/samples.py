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
def extracted(doc: str) -> tuple[Table, ...]:
    """Given a sample number, return its extracted tables (cached; callers must not mutate them)."""
    from extractors.tables import extract_tables

    return tuple(extract_tables(pdf_of(doc)))
