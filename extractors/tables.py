"""Public entry point of the extractors: PDF file -> list of table grids with provenance."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table


def extract_tables(pdf_path: Path | str) -> list[Table]:
    """Given a PDF path, return every table found, in document order (work in progress: see issue 7)."""
    return []
