"""Cheaper commits to the embedded sqlite instance for one `dkbudget run` process.

Dagster's sqlite storages open a new connection for every read or write (no pool) and its databases are in WAL
mode. Closing the last connection to a database checkpoints its write-ahead log into it and deletes the log
(several flushes to disk: log, database, folder), and every commit flushes the log again: about a thousand
`fdatasync` calls for a run of 240 documents, each waited for by the run's main thread.

`relax_instance_sync()` (called by `dkbudget run` once the instance home is known) changes two things, for the
sqlite files under $DAGSTER_HOME only:
- each new connection puts its database in WAL mode at once (Dagster does so after creating a new database's
  tables, each of which is otherwise committed through a rollback journal, flushed several times);
- each new connection commits with `PRAGMA synchronous=NORMAL`: in WAL mode a commit is not flushed to disk,
  checkpoints still are; the database is never corrupted by a crash or power loss, only the last transactions
  before a power loss can be lost (the run history; the parquet outputs and markers are made durable on their own,
  and a document published but not recorded is recorded by the next run, `cli.record_unrecorded`);
- one idle connection per database file is kept open until the command ends (`close_kept`, also at exit), so
  that the others' closes are not the last one (no checkpoint and no new log per operation); the log is still
  checkpointed every 1,000 pages and when the kept connection closes. An idle connection holds no lock: other
  processes (`dagster dev`, a second run) read and write as before.
"""
from __future__ import annotations

import atexit
import contextlib
import os
import sqlite3
import threading
from typing import Any

HOME_ENV = "DAGSTER_HOME"
SYNCHRONOUS = "NORMAL"
MAX_KEPT = 32  # databases kept open at most (a run touches three or four)

_LOCK = threading.Lock()
_KEPT: dict[str, sqlite3.Connection] = {}
_STATE = {"enabled": False, "pid": 0}


def _database_file(dbapi_connection: Any) -> str | None:
    """Given a new DB-API connection, return its main database's file when it is a sqlite file of the Dagster
    home of this process, else None."""
    home = os.environ.get(HOME_ENV)
    if not home or not isinstance(dbapi_connection, sqlite3.Connection):
        return None
    cursor = dbapi_connection.execute("PRAGMA database_list")
    try:
        files = [row[2] for row in cursor.fetchall() if row[1] == "main"]
    finally:
        cursor.close()
    if not files or not files[0]:
        return None
    path = os.path.realpath(files[0])
    return path if path.startswith(os.path.realpath(home) + os.sep) else None


def _keep_open(path: str) -> None:
    """Given a database file, keep one idle connection to it open until exit (unless too many are), and let it read
    the file once more: a connection joins the write-ahead log (and so keeps it from being checkpointed and
    deleted by the others' closes) at its first read after the file is in WAL mode."""
    with _LOCK:
        kept = _KEPT.get(path)
        if kept is None:
            if len(_KEPT) >= MAX_KEPT:
                return
            kept = _KEPT[path] = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        with contextlib.suppress(sqlite3.Error):  # busy or locked: it joins at a later connection's read
            kept.execute("SELECT 1 FROM sqlite_master LIMIT 1").close()


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    """Given a new connection (SQLAlchemy `connect` event), relax its commits and keep its file open, if it is one
    of the instance's sqlite files (and this is the process that asked for it)."""
    if not _STATE["enabled"] or _STATE["pid"] != os.getpid():
        return
    path = _database_file(dbapi_connection)
    if path is None:
        return
    with contextlib.suppress(sqlite3.Error):  # busy: Dagster sets WAL mode itself after creating the tables
        dbapi_connection.execute("PRAGMA journal_mode=WAL").close()
    dbapi_connection.execute(f"PRAGMA synchronous={SYNCHRONOUS}").close()
    _keep_open(path)


def close_kept() -> None:
    """Close the idle connections kept open (at exit: the last close checkpoints each log into its database)."""
    with _LOCK:
        kept = list(_KEPT.values())
        _KEPT.clear()
    for conn in kept:
        with contextlib.suppress(sqlite3.Error):
            conn.close()


def relax_instance_sync() -> None:
    """In this process, commit to the instance's sqlite files without a flush each and keep them open (see the
    module's docstring); a no-op when called again."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    with _LOCK:
        if _STATE["enabled"] and _STATE["pid"] == os.getpid():
            return
        _STATE.update(enabled=True, pid=os.getpid())
    if not event.contains(Engine, "connect", _on_connect):
        event.listen(Engine, "connect", _on_connect)
        atexit.register(close_kept)
