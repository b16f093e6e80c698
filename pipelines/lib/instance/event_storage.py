"""The embedded sqlite event log, writing a batch of asset events in one transaction per database.

Dagster's `SqliteEventLogStorage` stores every event on its own: a new connection and a commit (an fsync) in the
run's database and again in the cross-run index, several per event. A run over many documents materializes each
asset once per document, and Dagster hands those events over as one batch when `DAGSTER_EVENT_BATCH_SIZE` is set
(as `dkbudget run` and `dkbudget dev` do); PostgreSQL's storage writes such a batch at once, the sqlite one loops.
This subclass writes a batch of asset and asset-check events (materializations, observations, planned
materializations and planned checks: a run's planned events come as one such batch) of one run with one insert in
the run's database and one transaction in the index, exactly the rows the per-event path writes; anything else
goes the per-event way. The files are the default instance's (`$DAGSTER_HOME/history/runs`),
so an existing history is read and extended as it is.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import dagster as dg
from dagster import _check as check
from dagster._core.events import ASSET_CHECK_EVENTS, ASSET_EVENTS, DagsterEventType
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.schema import AssetKeyTable, SqlEventLogStorageTable
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._serdes import ConfigurableClassData
from sqlalchemy import exc as db_exc
from sqlalchemy.engine import Connection

HISTORY_SUBDIR = ("history", "runs")  # where Dagster's default instance keeps the sqlite event log
HOME_ENV = "DAGSTER_HOME"
_SHARED_INDEX = threading.local()  # this thread's open batch transaction on the index (storage, conn), if any


class BatchingSqliteEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage whose `store_event_batch` writes a batch of one run's asset events at once."""

    _checks_supported = False  # the index has the asset-check table (known once seen; a schema never loses it)

    @classmethod
    def config_type(cls) -> Mapping[str, Any]:
        """The config: `base_dir` (default: the default instance's event log folder under $DAGSTER_HOME)."""
        return {"base_dir": dg.Field(dg.StringSource, is_required=False)}

    @classmethod
    def from_config_value(cls, inst_data: ConfigurableClassData | None,  # ty: ignore[invalid-method-override]
                          config_value: Mapping[str, Any]) -> BatchingSqliteEventLogStorage:
        """Given the instance's config of this storage, return it."""
        base_dir = config_value.get("base_dir") or os.path.join(os.environ[HOME_ENV], *HISTORY_SUBDIR)
        return cls(base_dir=base_dir, inst_data=inst_data)

    def store_event_batch(self, events: Sequence[EventLogEntry]) -> None:
        """Given events, store them: one run's asset and asset-check events in one write per database, anything else
        one by one.

        Each event is serialized once (its row goes into both databases), the index rows are inserted with one
        compiled statement, the asset key table gets one write per asset key (the values the per-event path
        would leave after its last write: each column from the batch's last event that sets it), and the
        asset-check executions are written in the same index transaction.
        """
        batched = all(e.is_dagster_event and e.dagster_event_type in ASSET_EVENTS | ASSET_CHECK_EVENTS for e in events)
        if len(events) < 2 or not batched or len({e.run_id for e in events}) != 1:
            super().store_event_batch(events)
            return
        self._store_together(events)

    def store_event(self, event: EventLogEntry) -> None:
        """Given one event, store it; an asset-check event (a check's result) with its check execution row in one
        index transaction, the rest as Dagster does."""
        if event.is_dagster_event and event.dagster_event_type in ASSET_CHECK_EVENTS:
            self._store_together([event])
        else:
            super().store_event(event)

    def _store_together(self, events: Sequence[EventLogEntry]) -> None:
        """Given asset and asset-check events of one run, store them with one write per database."""
        if any(e.dagster_event_type in ASSET_CHECK_EVENTS for e in events) and not self._checks_supported:
            check.invariant(self.supports_asset_checks,  # as store_asset_check_event, once a storage, not an event
                            "Asset checks require a database schema migration. Run `dagster instance migrate`.")
            self._checks_supported = True
        rows = [self._event_to_row(event) for event in events]
        with self.run_connection(events[0].run_id) as conn:
            conn.execute(SqlEventLogStorageTable.insert(), rows)  # executemany: compiled once, not per batch size
        with self.index_transaction() as conn:
            insert = SqlEventLogStorageTable.insert()
            ids = []
            for row in rows:
                result = conn.execute(insert, row)
                try:
                    ids.append(result.inserted_primary_key[0])
                finally:
                    result.close()
            assets = [(e, i) for e, i in zip(events, ids, strict=True) if e.dagster_event_type in ASSET_EVENTS]
            if assets:
                self._store_asset_event_tags(conn, [e for e, _ in assets], [i for _, i in assets])
                self._store_asset_keys(conn, [e for e, _ in assets], [i for _, i in assets])
            _SHARED_INDEX.conn, _SHARED_INDEX.storage = conn, self
            try:
                for event, event_id in zip(events, ids, strict=True):
                    if event.dagster_event_type in ASSET_CHECK_EVENTS:
                        self._store_check_event(event, event_id)
            finally:
                _SHARED_INDEX.conn = _SHARED_INDEX.storage = None

    def _store_check_event(self, event: EventLogEntry, event_id: int) -> None:
        """Given an asset-check event and its index id, write its check execution row as `store_asset_check_event`
        does (the same dispatch, without its schema check per event), on the batch's index connection."""
        if event.dagster_event_type == DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED:
            self._store_asset_check_evaluation_planned(event, event_id)
        elif event.dagster_event_type == DagsterEventType.ASSET_CHECK_EVALUATION:
            if event.run_id == "" or event.run_id is None:
                self._store_runless_asset_check_evaluation(event, event_id)
            else:
                self._update_asset_check_evaluation(event, event_id)

    def index_connection(self) -> AbstractContextManager[Connection]:
        """The index database's connection: the open batch transaction's inside `store_event_batch` (its check
        execution writes join it), else a new one."""
        conn = getattr(_SHARED_INDEX, "conn", None)
        if conn is not None and getattr(_SHARED_INDEX, "storage", None) is self:
            return nullcontext(conn)
        return super().index_connection()

    def _store_asset_keys(self, conn: Connection, events: Sequence[EventLogEntry], ids: Sequence[int]) -> None:
        """Given a batch of asset events and their index ids, write each asset key's row once, as the per-event
        path (`_store_asset_event` per event, in order) leaves it: each column from the last event that sets it.

        A materialization followed by another of the same asset in the batch is skipped: the later one sets all
        of its columns again (so the whole event is serialized once more only for the last of each asset).
        """
        index_cols = self._has_asset_key_index_cols_on_connection(conn)
        last = {}  # asset key -> position of its last materialization in the batch
        for i, event in enumerate(events):
            if event.dagster_event and event.dagster_event.asset_key and event.dagster_event.is_step_materialization:
                last[event.dagster_event.asset_key.to_string()] = i
        values: dict[str, dict[str, Any]] = {}
        for i, (event, event_id) in enumerate(zip(events, ids, strict=True)):
            dagster_event = event.dagster_event
            if not (dagster_event and dagster_event.asset_key):
                continue
            key = dagster_event.asset_key.to_string()
            if dagster_event.is_step_materialization and last[key] != i:
                continue
            values.setdefault(key, {}).update(self._get_asset_entry_values(event, event_id, index_cols))
        for key, entry in values.items():
            if not entry:
                continue
            try:
                conn.execute(AssetKeyTable.insert().values(asset_key=key, **entry))
            except db_exc.IntegrityError:
                conn.execute(AssetKeyTable.update().values(**entry).where(AssetKeyTable.c.asset_key == key))
