"""Atomic parquet output: `<clean>/<table>/<document_id>.parquet`, one file per (table, document)."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.schemas import to_arrow

TEMP_PREFIX = ".tmp-"
PARQUET_SUFFIX = ".parquet"
COMPRESSION = "zstd"


def output_path(clean_dir: Path | str, table: str, document_id: str) -> Path:
    """Given the clean dir, a table and a document id, return the document's parquet path for that table."""
    if not document_id or any(c not in "0123456789abcdef" for c in document_id):
        raise ValueError(f"not a document id: {document_id!r}")
    return Path(clean_dir) / table / f"{document_id}{PARQUET_SUFFIX}"


def _fsync_dir(path: Path) -> None:
    """Given a directory, flush its entries to disk (best effort where the OS does not allow it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Given a target path, yield a binary file in the same folder that replaces the target whole on success.

    The temp file is fsynced and moved over the target with os.replace; on error it is removed and the target
    is left as it was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def write_arrow(path: Path, table: pa.Table) -> None:
    """Given a path and a pyarrow Table, write it as parquet atomically."""
    with atomic_open(path) as fh:
        pq.write_table(table, fh, compression=COMPRESSION)


def write_table(clean_dir: Path | str, table: str, document_id: str,
                rows: Iterable[Mapping[str, object]]) -> Path | None:
    """Given rows of one document for one contract table, publish them; return the path, or None if no rows.

    With no rows, the document's previous file of that table (if any) is removed, since the call stands for a
    successful re-extraction that found nothing. Files of other documents are never touched.
    """
    path = output_path(clean_dir, table, document_id)
    data = to_arrow(table, rows)
    if data.num_rows == 0:
        path.unlink(missing_ok=True)
        return None
    if (data.column("document_id").unique().to_pylist()) != [document_id]:
        raise ValueError(f"{table}: rows must all belong to document {document_id}")
    write_arrow(path, data)
    return path


def read_table(clean_dir: Path | str, table: str, document_id: str) -> pa.Table | None:
    """Given the clean dir, a table and a document id, return that document's rows, or None without a file."""
    path = output_path(clean_dir, table, document_id)
    if not path.exists():
        return None
    return pq.read_table(path)
