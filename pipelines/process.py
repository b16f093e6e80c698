"""The per-document work, in one function: PDF -> `documents` row + `tables`/`table_cells` rows + total checks.

Kept free of Dagster and of writing, and its result plain data, so that it can move into a subprocess with
time and memory limits without change.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from domain import registry
from domain.documents import recognise_document
from domain.grid import grids_from_records
from domain.registry import TotalCheck
from extractors.tables import extract_tables
from pipelines.pdf_text import read_first_lines
from pipelines.version import pipeline_version

try:
    from extractors.records import table_records
except ImportError:  # being written in parallel (see the brief); until it lands, no tables means no records
    table_records = None

DOCUMENT_ID_CHARS = 16
MAX_ERROR_CHARS = 300
HASH_BLOCK = 1 << 20


@dataclass
class ExtractedDocument:
    """One document's extraction: its `documents` row, its generic rows (None when extraction failed), totals."""

    document: dict
    tables: list[dict] | None = None
    cells: list[dict] | None = None
    totals: list[TotalCheck] = field(default_factory=list)

    @property
    def document_id(self) -> str:
        """The document's id."""
        return self.document["document_id"]


def sha256_of(path: Path | str) -> str:
    """Given a file path, return the hex SHA-256 of its bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(HASH_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def document_id_of(sha256: str) -> str:
    """Given a file's hex SHA-256, return its document_id (the first 16 hex characters)."""
    return sha256[:DOCUMENT_ID_CHARS]


def _root_cause(exc: BaseException) -> BaseException:
    """Given an exception, return the innermost one it wraps (via __cause__ or a single exception argument)."""
    seen = {id(exc)}
    while True:
        inner = exc.__cause__ or (exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], BaseException)
                                  else None)
        if inner is None or id(inner) in seen:
            return exc
        seen.add(id(inner))
        exc = inner


def describe_error(stage: str, exc: BaseException) -> str:
    """Given the failing stage and its exception, return a clear one-line reason."""
    cause = _root_cause(exc)
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        text = "the PDF is encrypted and needs a password to open"
    else:
        text = " ".join(str(cause).split()) or "no details"
        text = f"{name}: {text}"
    return f"{stage}: {text}"[:MAX_ERROR_CHARS]


def _classify(result: ExtractedDocument) -> None:
    """Given a document's generic rows, fill each table's kind and totals_checked/failed from the domain registry."""
    grids = grids_from_records(result.tables, result.cells)
    rows = {row["table_id"]: row for row in result.tables}
    for grid in grids:
        grid.kind = registry.classify(grid)
        checks = registry.check_totals(grid)
        row = rows[grid.table_id]
        row["kind"] = grid.kind
        row["totals_checked"] = len(checks)
        row["totals_failed"] = sum(1 for c in checks if not c.holds)
        result.totals.extend(checks)


def extract_document(path: Path | str) -> ExtractedDocument:
    """Given a PDF path, return its `documents` row, its `tables`/`table_cells` rows and its total checks.

    Never raises for a bad PDF: a failed stage gives status `failed` (no generic rows, so previously published
    outputs stay) or `partial` (rows published, classification incomplete), with a one-line `error`.
    """
    path = Path(path)
    sha = sha256_of(path)
    doc = dict(document_id=document_id_of(sha), file_name=path.name, sha256=sha, n_pages=0, kind="unknown",
               municipality=None, title=None, status="ok", error=None, n_tables=0,
               extracted_at=datetime.now(UTC), pipeline_version=pipeline_version())
    result = ExtractedDocument(document=doc)
    stage = "reading the PDF"
    try:
        doc["n_pages"], lines = read_first_lines(path)
        facts = recognise_document(lines)
        doc.update(kind=facts.kind, municipality=facts.municipality, title=facts.title)
        stage = "extracting tables"
        tables = extract_tables(path)
        if table_records is None and tables:
            raise RuntimeError("extractors.records.table_records is not available")
        t_rows, c_rows = table_records(doc["document_id"], tables) if tables else ([], [])
    except Exception as exc:  # noqa: BLE001 - any failure of a document is recorded, never fatal to the run
        doc.update(status="failed", error=describe_error(stage, exc))
        return result
    result.tables, result.cells = t_rows, c_rows
    doc["n_tables"] = len(t_rows)
    try:
        _classify(result)
    except Exception as exc:  # noqa: BLE001
        doc.update(status="partial", error=describe_error("classifying tables", exc))
    return result
