"""Incremental state: a small marker per (document, table) saying which bytes and code produced that output."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipelines.lib.storage.schemas import DOMAIN_TABLES, GENERIC_TABLES
from pipelines.lib.storage.writer import STATE_DIR, SyncBatch, atomic_open, output_path

ALL_TABLES = GENERIC_TABLES + DOMAIN_TABLES


@dataclass(frozen=True)
class Marker:
    """What produced a document's output of one table: bytes, code version, extraction generation, row count."""

    sha256: str
    pipeline_version: str
    generation: str  # the `documents.extracted_at` the output was built from
    n_rows: int
    file_name: str = ""
    # `documents` markers only: every file name with these bytes, the status, and whether a failure is retried
    file_names: tuple[str, ...] = ()
    status: str = ""
    retry: bool = False

    def names(self) -> tuple[str, ...]:
        """Return the file names this output stands for."""
        return tuple(self.file_names) or ((self.file_name,) if self.file_name else ())


def marker_path(clean_dir: Path | str, document_id: str, table: str) -> Path:
    """Given the clean dir, a document id and a table, return where its marker lives."""
    return output_path(clean_dir, table, document_id).parents[1] / STATE_DIR / document_id / f"{table}.json"


def write_marker(clean_dir: Path | str, document_id: str, table: str, marker: Marker,
                 batch: SyncBatch | None = None) -> None:
    """Given a marker, store it (atomically) for the document's table; with a `batch`, durable at its next sync.

    The output it vouches for must be durable first (written without a batch, or its batch synced).
    """
    with atomic_open(marker_path(clean_dir, document_id, table), batch=batch) as fh:
        fh.write(json.dumps(asdict(marker)).encode())


def read_marker(clean_dir: Path | str, document_id: str, table: str) -> Marker | None:
    """Given a document id and table, return its marker, or None when absent or unreadable."""
    try:
        return Marker(**json.loads(marker_path(clean_dir, document_id, table).read_text()))
    except (OSError, ValueError, TypeError):
        return None


def output_is_current(clean_dir: Path | str, document_id: str, table: str, sha256: str, version: str,
                      generation: str | None = None) -> bool:
    """Given what a document's output should come from, return whether the published one does (file included)."""
    m = read_marker(clean_dir, document_id, table)
    if m is None or m.sha256 != sha256 or m.pipeline_version != version:
        return False
    if generation is not None and m.generation != generation:
        return False
    return m.n_rows == 0 or output_path(clean_dir, table, document_id).exists()


def document_is_current(clean_dir: Path | str, document_id: str, file_name: str | None, sha256: str, version: str,
                        tables: tuple[str, ...] = ALL_TABLES) -> bool:
    """Given a PDF's id, name and hash, return whether its outputs of `tables` come from these bytes and code.

    A document whose extraction failed for a reason in its bytes (encrypted, malformed, not a PDF) is current
    while bytes and code are unchanged; one that failed on a limit or a crash (`retry`) never is. With
    `file_name` None, any file name will do (a second file with the same bytes).
    """
    doc = read_marker(clean_dir, document_id, "documents")
    if doc is None or (file_name is not None and file_name not in doc.names()):
        return False
    if doc.status == "failed":
        return not doc.retry and doc.sha256 == sha256 and doc.pipeline_version == version
    return all(output_is_current(clean_dir, document_id, t, sha256, version, doc.generation) for t in tables)
