"""Incremental state: a small marker per (document, table) saying which bytes and code produced that output.

The markers are the durable truth of the clean dir: whether a document or one of its tables is current is decided
from them (`DocumentState`, which reads each of a document's markers once), never from Dagster's history. What
Dagster records as a materialization's data version is derived from them (`marker_version`).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from pipelines.lib.storage.schemas import DOMAIN_TABLES, GENERIC_TABLES
from pipelines.lib.storage.writer import STATE_DIR, SyncBatch, atomic_open, output_path

ALL_TABLES = GENERIC_TABLES + DOMAIN_TABLES
DATA_VERSION_CHARS = 16
NOT_PUBLISHED = "no output from these bytes yet (a new PDF, or new bytes under its name)"


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


def marker_version(marker: Marker) -> str:
    """Given a marker, return the data version of the output it vouches for: a short hash of what produced it (bytes,
    code, extraction generation) and of what it holds (rows; for `documents` its file names, status and retry).

    It is what Dagster records as the data version of that document's materialization of the table: the same for
    every run that finds the output current, a new one whenever the output is rebuilt.
    """
    fields = (marker.sha256, marker.pipeline_version, marker.generation, marker.n_rows, marker.file_name,
              list(marker.file_names), marker.status, marker.retry)
    return hashlib.sha256(json.dumps(fields).encode()).hexdigest()[:DATA_VERSION_CHARS]


class DocumentState:
    """The markers of one document, each read at most once (and replaced by the ones this process writes).

    Whether a document, or one table of it, is current is decided here, from the markers (the durable truth of the
    clean dir; Dagster's event log only mirrors it).
    """

    def __init__(self, clean_dir: Path | str, document_id: str) -> None:
        self.clean_dir = Path(clean_dir)
        self.document_id = document_id
        self._markers: dict[str, Marker | None] = {}

    def marker(self, table: str) -> Marker | None:
        """Given a table, return the document's marker of it (read once), or None when absent or unreadable."""
        if table not in self._markers:
            self._markers[table] = read_marker(self.clean_dir, self.document_id, table)
        return self._markers[table]

    def wrote(self, table: str, marker: Marker) -> None:
        """Given a marker just written for a table, remember it as the table's marker."""
        self._markers[table] = marker

    def is_current(self, file_name: str | None, sha256: str, version: str,
                   tables: tuple[str, ...] = ALL_TABLES) -> bool:
        """Given a PDF's name and hash, return whether the document's outputs of `tables` come from these bytes and
        code.

        A document whose extraction failed for a reason in its bytes (encrypted, malformed, not a PDF) is current
        while bytes and code are unchanged; one that failed on a limit or a crash (`retry`) never is. With
        `file_name` None, any file name will do (a second file with the same bytes).
        """
        doc = self.marker("documents")
        if doc is None or (file_name is not None and file_name not in doc.names()):
            return False
        if doc.status == "failed":
            return not doc.retry and doc.sha256 == sha256 and doc.pipeline_version == version
        return not any(self.why_not_current(t, sha256, version, doc.generation) for t in tables)

    def why_not_current(self, table: str, sha256: str, version: str, generation: str | None = None) -> str:
        """Given what the document's output of `table` should come from, return why it is not current ("" when it
        is, its file included): the words an auditor reads in the materialization's metadata, and what
        `is_current` decides by."""
        m = self.marker(table)
        if m is None:  # the id is a hash of the bytes: new bytes under a known name are a new document too
            return NOT_PUBLISHED
        if m.sha256 != sha256:
            return f"new PDF bytes (output from sha256 {m.sha256[:12]}, PDF now {sha256[:12]})"
        if m.pipeline_version != version:
            return f"new pipeline version (output from {m.pipeline_version}, code now {version})"
        if generation is not None and m.generation != generation:
            return "its document was extracted again"
        if m.status == "failed" and m.retry:
            return "the last extraction failed on a limit or a crash: tried again"
        if m.n_rows and not output_path(self.clean_dir, table, self.document_id).exists():
            return "output file missing"
        return ""


def document_is_current(clean_dir: Path | str, document_id: str, file_name: str | None, sha256: str, version: str,
                        tables: tuple[str, ...] = ALL_TABLES) -> bool:
    """Given a PDF's id, name and hash, return whether its outputs of `tables` come from these bytes and code
    (DocumentState.is_current)."""
    return DocumentState(clean_dir, document_id).is_current(file_name, sha256, version, tables)
