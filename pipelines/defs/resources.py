"""The pipeline's one resource: where PDFs are read from and parquet is written to."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from pipelines.lib.config import DEFAULT_CLEAN_DIR, DEFAULT_RAW_DIR, default_clean_dir, default_raw_dir, pdf_path

RESOURCE_KEY = "dkbudget"


class DkbudgetPaths(dg.ConfigurableResource):
    """Raw dir (PDFs in) and clean dir (parquet out); defaults from DKBUDGET_RAW_DIR / DKBUDGET_CLEAN_DIR."""

    raw_dir: str = DEFAULT_RAW_DIR
    clean_dir: str = DEFAULT_CLEAN_DIR

    def raw(self) -> Path:
        """Return the raw dir as a Path."""
        return Path(self.raw_dir)

    def clean(self) -> Path:
        """Return the clean dir as a Path."""
        return Path(self.clean_dir)

    def pdf(self, file_name: str) -> Path:
        """Given a partition key (a file name), return the PDF's path in the raw dir."""
        return pdf_path(self.raw(), file_name)


def paths_from_env() -> DkbudgetPaths:
    """Return the resource configured from DKBUDGET_RAW_DIR / DKBUDGET_CLEAN_DIR (or their defaults)."""
    return DkbudgetPaths(raw_dir=default_raw_dir(), clean_dir=default_clean_dir())
