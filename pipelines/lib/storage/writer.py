"""Atomic parquet output: `<clean>/<table>/<document_id>.parquet`, one file per (table, document).

A parquet file is written to a temp file in the hidden `<clean>/.dkbudget/tmp/` (same file system), fsynced,
and renamed over its target: a table folder only ever holds whole files, even if the run is killed (SIGKILL)
mid-write. Temp files a killed run left behind are swept by `sweep_temp_files`.

A document's many small files can instead be written into a `SyncBatch`: each is still written whole and renamed
into place at once (atomic against a kill), but made durable with the others by one `SyncBatch.sync()` (one
`syncfs` of the file system on Linux, else an fsync of each file and folder), a few milliseconds instead of two
fsyncs per file. Callers sync before they write what vouches for the files (the markers, `state`), so that
after a power loss no marker names an output that did not reach the disk.
"""
from __future__ import annotations

import ctypes
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.lib.storage.schemas import to_arrow

TEMP_PREFIX = ".tmp-"
STATE_DIR = ".dkbudget"  # hidden folder in the clean dir: bookkeeping, not a table, not read by read_parquet
TEMP_SUBDIR = "tmp"
TEMP_MAX_AGE_SECONDS = 3600.0  # older temp files are leftovers of a killed run (a live write takes seconds)
PARQUET_SUFFIX = ".parquet"
COMPRESSION = "snappy"  # a document's files are small: zstd's per-column set-up cost more CPU than it saved bytes


def output_path(clean_dir: Path | str, table: str, document_id: str) -> Path:
    """Given the clean dir, a table and a document id, return the document's parquet path for that table."""
    if not document_id or any(c not in "0123456789abcdef" for c in document_id):
        raise ValueError(f"not a document id: {document_id!r}")
    return Path(clean_dir) / table / f"{document_id}{PARQUET_SUFFIX}"


def _fsync(path: Path, best_effort: bool = False) -> None:
    """Given a file or directory, flush it to disk. A path that cannot be opened (a file removed since) is
    skipped; a failing flush raises, unless `best_effort` (directories, where the OS may not allow it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        if not best_effort:
            raise
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Given a directory, flush its entries to disk (best effort where the OS does not allow it)."""
    _fsync(path, best_effort=True)


class SyncBatch:
    """Files renamed into place without an fsync each, made durable together by `sync()`."""

    def __init__(self) -> None:
        """Start with nothing pending."""
        self.lock = threading.Lock()
        self.files: list[Path] = []  # written or replaced since the last sync
        self.folders: set[Path] = set()  # whose entries changed (renames, removals)

    def add(self, path: Path, removed: bool = False) -> None:
        """Given a file just renamed into place (or removed), remember it for the next sync."""
        with self.lock:
            if not removed:
                self.files.append(path)
            self.folders.add(path.parent)

    def sync(self) -> None:
        """Make every file and folder change since the last sync durable (syncfs, else fsync each)."""
        with self.lock:
            files, folders = self.files, self.folders
            self.files, self.folders = [], set()
        if not files and not folders:
            return
        if _syncfs(next(iter(folders))):
            return
        for path in files:
            _fsync(path)
        for folder in folders:
            _fsync_dir(folder)


_LIBC: ctypes.CDLL | None = None


def _syncfs(folder: Path) -> bool:
    """Given a folder, flush its whole file system to disk (Linux syncfs); return False where that is not done."""
    global _LIBC
    if not sys.platform.startswith("linux"):
        return False
    try:
        if _LIBC is None:
            _LIBC = ctypes.CDLL(None, use_errno=True)
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        return _LIBC.syncfs(fd) == 0
    except AttributeError:
        return False
    finally:
        os.close(fd)




def temp_dir(clean_dir: Path | str) -> Path:
    """Given the clean dir, return the hidden folder its parquet files are written in before being renamed."""
    return Path(clean_dir) / STATE_DIR / TEMP_SUBDIR


def sweep_temp_files(clean_dir: Path | str, max_age_seconds: float = TEMP_MAX_AGE_SECONDS) -> int:
    """Given the clean dir, remove temp files older than `max_age_seconds` (left by killed runs); return how many."""
    root = Path(clean_dir)
    if not root.is_dir():
        return 0
    now, removed = time.time(), 0
    for path in root.rglob(f"{TEMP_PREFIX}*"):
        try:
            if path.is_file() and now - path.stat().st_mtime > max_age_seconds:
                path.unlink()
                removed += 1
        except OSError:
            continue
    return removed


@contextmanager
def atomic_open(path: Path, tmp_dir: Path | None = None, batch: SyncBatch | None = None) -> Iterator[BinaryIO]:
    """Given a target path, yield a binary file (in `tmp_dir`, default the target's folder) that replaces it whole.

    The temp file is fsynced and moved over the target with os.replace (`tmp_dir` must be on the same file
    system); on error it is removed and the target is left as it was. With a `batch`, the fsyncs are left to
    its next `sync()`.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    folder = tmp_dir or path.parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            if batch is None:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if batch is None:
        _fsync_dir(path.parent)
    else:
        batch.add(path)


def write_arrow(path: Path, table: pa.Table, tmp_dir: Path | None = None, batch: SyncBatch | None = None) -> None:
    """Given a path and a pyarrow Table, write it as parquet atomically (via `tmp_dir` when given; its fsyncs left
    to `batch` when given)."""
    with atomic_open(path, tmp_dir, batch) as fh:
        pq.write_table(table, fh, compression=COMPRESSION)


def write_table(clean_dir: Path | str, table: str, document_id: str, rows: Iterable[Mapping[str, object]],
                batch: SyncBatch | None = None) -> Path | None:
    """Given rows of one document for one contract table, publish them; return the path, or None if no rows.

    With no rows, the document's previous file of that table (if any) is removed, since the call stands for a
    successful re-extraction that found nothing. Files of other documents are never touched. With a `batch`,
    the file is made durable by its next `sync()`.
    """
    return write_arrow_table(clean_dir, table, document_id, to_arrow(table, rows), batch)


def write_arrow_table(clean_dir: Path | str, table: str, document_id: str, data: pa.Table,
                      batch: SyncBatch | None = None) -> Path | None:
    """As `write_table`, for rows already in the contract's arrow schema (`schemas.to_arrow`): the caller keeps
    them, e.g. to read them again without reading the file back."""
    path = output_path(clean_dir, table, document_id)
    if data.num_rows == 0:
        if path.exists():
            path.unlink(missing_ok=True)
            if batch is not None:
                batch.add(path, removed=True)
        return None
    if (data.column("document_id").unique().to_pylist()) != [document_id]:
        raise ValueError(f"{table}: rows must all belong to document {document_id}")
    write_arrow(path, data, temp_dir(clean_dir), batch)
    return path


def read_parquet(path: Path | str, columns: list[str] | None = None) -> pa.Table:
    """Given one parquet file (and the columns wanted, default all), return its rows.

    Reads the file itself (`pq.ParquetFile`), not through `pq.read_table`, which sets up a dataset (partition
    discovery, a file system) for every call: a few milliseconds, paid several times per document. Reads it on the
    calling thread (`use_threads=False`): a document's file is one small row group, and handing its columns to
    arrow's thread pool cost more CPU than decoding them (~18 % of a read of the run's small files).
    """
    with pq.ParquetFile(path) as fh:
        return fh.read(columns=columns, use_threads=False)


def read_table(clean_dir: Path | str, table: str, document_id: str) -> pa.Table | None:
    """Given the clean dir, a table and a document id, return that document's rows, or None without a file."""
    path = output_path(clean_dir, table, document_id)
    if not path.exists():
        return None
    return read_parquet(path)
