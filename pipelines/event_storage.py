"""The embedded sqlite event log, writing a batch of asset events in one transaction per database.

Dagster's `SqliteEventLogStorage` stores every event on its own: a new connection and a commit (an fsync) in the
run's database and again in the cross-run index, several per event. A run over many documents materializes each
asset once per document, and Dagster hands those events over as one batch when `DAGSTER_EVENT_BATCH_SIZE` is set
(as `dkbudget run` and `dkbudget dev` do); PostgreSQL's storage writes such a batch at once, the sqlite one loops.
This subclass writes a batch of asset events (materializations, observations, planned materializations) of one run
with one insert in the run's database and one transaction in the index, exactly the rows the per-event path
writes; anything else goes the per-event way. The files are the default instance's (`$DAGSTER_HOME/history/runs`),
so an existing history is read and extended as it is.
"""
from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import dagster as dg
from dagster._core.events import ASSET_EVENTS
from dagster._core.events.log import EventLogEntry
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._core.storage.sqlalchemy_compat import db_result
from dagster._serdes import ConfigurableClassData

HISTORY_SUBDIR = ("history", "runs")  # where Dagster's default instance keeps the sqlite event log
HOME_ENV = "DAGSTER_HOME"


class BatchingSqliteEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage whose `store_event_batch` writes a batch of one run's asset events at once."""

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
        """Given events, store them: one run's asset events in one write per database, anything else one by one."""
        asset_events = all(e.is_dagster_event and e.dagster_event_type in ASSET_EVENTS for e in events)
        if len(events) < 2 or not asset_events or len({e.run_id for e in events}) != 1:
            super().store_event_batch(events)
            return
        with self.run_connection(events[0].run_id) as conn:
            conn.execute(self.prepare_insert_event_batch(events))
        with self.index_transaction() as conn:
            ids = []
            for event in events:
                with db_result(conn, self.prepare_insert_event(event)) as result:
                    ids.append(result.inserted_primary_key[0])
            self._store_asset_event_tags(conn, events, ids)
            for event, event_id in zip(events, ids, strict=True):
                self._store_asset_event(conn, event, event_id)
