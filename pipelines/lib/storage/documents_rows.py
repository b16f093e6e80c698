"""The `documents` table: one row per file of the raw dir, kept in its document's `<document_id>.parquet`.

`document_id` is a hash of the bytes, so files with identical bytes are one document: extracted once, with
one set of `tables`, `table_cells` and domain files. Its `documents` file holds one row per file name that
has these bytes (sorted by file name, the rows identical apart from `file_name`), so every file of the raw dir
has exactly one `documents` row. A name whose file is gone or now holds other bytes is dropped when the
document's rows are next written. Writers of one document's rows take a lock, so concurrent steps (Dagster's
multiprocess executor) never lose each other's updates.
"""
from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa

from pipelines.lib.config import is_safe_file_name
from pipelines.lib.extraction.process import ExtractedDocument, sha256_of
from pipelines.lib.storage.schemas import to_arrow
from pipelines.lib.storage.state import DocumentState, Marker, marker_path, read_marker, write_marker
from pipelines.lib.storage.writer import SyncBatch, read_table, write_arrow_table, write_table

TABLE = "documents"
LOCK_NAME = "documents.lock"


@contextmanager
def document_lock(clean: Path, document_id: str, name: str = LOCK_NAME) -> Iterator[None]:
    """Given the clean dir and a document id, hold an exclusive lock (by default the one on its `documents` rows)."""
    path = marker_path(clean, document_id, TABLE).with_name(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _still_has_bytes(raw: Path, name: str, sha: str) -> bool:
    """Given the raw dir, a file name and a hash, return whether that file exists and still has those bytes."""
    path = raw / name
    try:
        return is_safe_file_name(name) and path.is_file() and sha256_of(path) == sha
    except OSError:
        return False


def _write(clean: Path, doc: dict, names: list[str], retry: bool, batch: SyncBatch | None = None,
           markers: Sequence[tuple[str, Marker]] = (), state: DocumentState | None = None) -> pa.Table:
    """Given a `documents` row and the file names with its bytes, publish one row per name and the marker.

    With a `batch`, the rows (and whatever else the batch holds) are synced before the marker is written, and
    the marker is durable at the batch's next sync. `markers`: other tables' markers of the document, whose rows
    the batch holds, written after that sync, before the `documents` marker (needs a batch). Returns the rows
    as written. Every marker written is told to `state` when given.
    """
    did = doc["document_id"]
    data = to_arrow(TABLE, [{**doc, "file_name": name} for name in sorted(set(names))])
    write_arrow_table(clean, TABLE, did, data, batch)
    if batch is not None:
        batch.sync()
    own = Marker(doc["sha256"], doc["pipeline_version"], doc["extracted_at"].isoformat(), data.num_rows,
                 doc["file_name"], tuple(sorted(set(names))), doc["status"], retry)
    for table, marker in [*markers, (TABLE, own)]:
        write_marker(clean, did, table, marker, batch)
        if state is not None:
            state.wrote(table, marker)
    return data


def publish_documents(clean: Path, raw: Path, result: ExtractedDocument, batch: SyncBatch | None = None,
                      markers: Sequence[tuple[str, Marker]] = (), state: DocumentState | None = None) -> pa.Table:
    """Given a fresh extraction of one file, (re)write its document's `documents` rows: this file and its twins
    (with a `batch`: synced with it before the marker, which is durable at the batch's next sync; the `markers` of
    the other tables the batch holds are written after that same sync, before the `documents` marker). Returns the
    rows as written. The markers written are told to `state` when given."""
    if markers and batch is None:
        raise ValueError("markers of other tables need the batch that holds their rows")
    doc = result.document
    did, sha = doc["document_id"], doc["sha256"]
    with document_lock(clean, did):
        previous = read_marker(clean, did, TABLE)
        twins = [n for n in (previous.names() if previous else ()) if n != doc["file_name"]
                 and _still_has_bytes(raw, n, sha)]
        return _write(clean, doc, [doc["file_name"], *twins], result.retry, batch, markers, state)


def add_file_name(clean: Path, raw: Path, document_id: str, file_name: str,
                  state: DocumentState | None = None) -> pa.Table | None:
    """Given a current document and a further file with its bytes, add that file's row; return the document's rows
    when it did (None when the file already had its row, or the document has none).

    With `state` (held under the document's build lock, which every writer of its rows holds too), its `documents`
    marker is the one read: a file that has its row already costs no read at all; the marker written is told to it.
    """
    known = state.marker(TABLE) if state is not None else None
    if known is not None and file_name in known.names():
        return None
    with document_lock(clean, document_id):
        marker = read_marker(clean, document_id, TABLE)
        data = read_table(clean, TABLE, document_id)
        if marker is None or data is None or file_name in marker.names():
            return None
        doc = data.to_pylist()[0]
        names = [n for n in marker.names() if _still_has_bytes(raw, n, doc["sha256"])]
        return _write(clean, doc, [*names, file_name], marker.retry, state=state)


def update_documents(clean: Path, document_id: str, change: Callable[[dict], None],
                     state: DocumentState | None = None) -> dict | None:
    """Given a document id and a change to apply to its `documents` row, apply it to every row; return the row.

    The generation (`extracted_at`) and so the other tables' freshness are kept. The marker written is told to
    `state` when given.
    """
    with document_lock(clean, document_id):
        marker = read_marker(clean, document_id, TABLE)
        data = read_table(clean, TABLE, document_id)
        if marker is None or data is None:
            return None
        rows = data.to_pylist()
        for row in rows:
            change(row)
        write_table(clean, TABLE, document_id, rows)
        doc = rows[0]
        new = Marker(marker.sha256, marker.pipeline_version, marker.generation, len(rows), marker.file_name,
                     marker.names(), doc["status"], marker.retry)
        write_marker(clean, document_id, TABLE, new)
        if state is not None:
            state.wrote(TABLE, new)
        return doc


def row_of(clean: Path, document_id: str, file_name: str, data: pa.Table | None = None) -> dict | None:
    """Given a document id and a file name, return that file's `documents` row (else the document's first row):
    from its `documents` rows as just written when `data` holds them, else as read from the clean dir."""
    data = read_table(clean, TABLE, document_id) if data is None else data
    if data is None:
        return None
    rows = data.to_pylist()
    return next((r for r in rows if r["file_name"] == file_name), rows[0])
