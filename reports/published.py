"""One document's published rows (CONTRACT.md layout: `<clean>/<table>/<document_id>.parquet`), read for a report."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

PARQUET_SUFFIX = ".parquet"
DOCUMENT_ID = re.compile(r"[0-9a-f]{16}")  # a document_id: the first 16 hex digits of the SHA-256
DOMAIN_TABLES = ("grant_expiries", "proposals", "catalogue_overview", "proposal_economics", "satspulje",
                 "task_budgets", "task_sheets")


class ReportInputError(Exception):
    """The report cannot be made: no clean dir, or no document of that name or id in it (a one-line reason)."""


@dataclass
class PublishedDocument:
    """What the clean dir holds for one document: its `documents` row, generic rows and domain rows."""

    document: dict
    tables: list[dict] = field(default_factory=list)
    cells: list[dict] = field(default_factory=list)
    domain: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def document_id(self) -> str:
        """The document's id."""
        return self.document["document_id"]


def _rows(path: Path) -> list[dict]:
    """Given a parquet file, return its rows as dicts ([] when the file is absent)."""
    if not path.exists():
        return []
    with pq.ParquetFile(path) as fh:  # the file itself: pq.read_table sets up a dataset each call (milliseconds)
        return fh.read(use_threads=False).to_pylist()  # one small row group: a thread pool costs more than it saves


def document_rows(clean_dir: Path) -> list[dict]:
    """Given the clean dir, return every `documents` row (one per file name)."""
    folder = Path(clean_dir) / "documents"
    if not Path(clean_dir).is_dir():
        raise ReportInputError(f"no clean dir at {clean_dir}")
    if not folder.is_dir():
        raise ReportInputError(f"no documents table in the clean dir {clean_dir} (run `dkbudget run` first)")
    return [row for path in sorted(folder.glob(f"*{PARQUET_SUFFIX}")) for row in _rows(path)]


def find_document(clean_dir: Path, name_or_id: str) -> dict:
    """Given the clean dir and a file name or document_id, return that document's `documents` row."""
    own = Path(clean_dir) / "documents" / f"{name_or_id}{PARQUET_SUFFIX}"
    if DOCUMENT_ID.fullmatch(name_or_id) and own.is_file():  # an id: its own file, not every document's
        return _rows(own)[0]
    for row in document_rows(clean_dir):
        if name_or_id in (row["document_id"], row["file_name"]):
            return row
    raise ReportInputError(f"no document named {name_or_id!r} or with that document_id in {clean_dir}")


def read_published(clean_dir: Path, document: dict) -> PublishedDocument:
    """Given the clean dir and a `documents` row, return the document's published generic and domain rows."""
    did = document["document_id"]

    def rows(table: str) -> list[dict]:
        """Return the document's rows of one table."""
        return _rows(Path(clean_dir) / table / f"{did}{PARQUET_SUFFIX}")

    tables = sorted(rows("tables"), key=lambda t: t["table_index"])
    cells = sorted(rows("table_cells"), key=lambda c: (c["table_id"], c["row_index"], c["col_index"]))
    return PublishedDocument(document, tables, cells, {t: rows(t) for t in DOMAIN_TABLES})


def newest_output_mtime(clean_dir: Path, document_id: str) -> float:
    """Given the clean dir and a document id, return the latest modification time of its parquet files (0 if none)."""
    times = [p.stat().st_mtime for p in Path(clean_dir).glob(f"*/{document_id}{PARQUET_SUFFIX}")]
    return max(times, default=0.0)
