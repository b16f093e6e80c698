"""The batched sqlite event log stores exactly what Dagster's per-event path stores
(pipelines/lib/instance/event_storage.py): materializations, and a run's planned events (assets and asset checks),
in the index and in the run's database."""

import sqlite3
from pathlib import Path

import dagster as dg
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from pipelines.lib.instance.event_storage import BatchingSqliteEventLogStorage

PARTS = dg.StaticPartitionsDefinition([f"p{i:02d}.pdf" for i in range(12)])
INDEX_TABLES = ("event_logs", "asset_keys", "asset_event_tags", "asset_check_executions")
CHECKS = [dg.AssetCheckSpec("fine", asset="a"), dg.AssetCheckSpec("fine", asset="b"),
          dg.AssetCheckSpec("also", asset="b")]


@dg.multi_asset(specs=[dg.AssetSpec("a", partitions_def=PARTS), dg.AssetSpec("b", partitions_def=PARTS)],
                check_specs=CHECKS, partitions_def=PARTS, backfill_policy=dg.BackfillPolicy.single_run())
def two_assets(context: dg.AssetExecutionContext):
    """Materialize both assets for every partition of the run, with per-partition metadata; one result a check."""
    for key in context.partition_keys:
        for asset in ("a", "b"):
            context.add_asset_metadata({"rows": len(key), "file": key}, asset_key=asset, partition_key=key)
    yield dg.MaterializeResult(asset_key="a")
    yield dg.MaterializeResult(asset_key="b")
    for spec in CHECKS:
        yield dg.AssetCheckResult(check_name=spec.name, asset_key=spec.asset_key, passed=spec.name == "fine",
                                  metadata={"documents": 12})


def _index(base: Path, db: str = "index.db", tables: tuple[str, ...] = INDEX_TABLES) -> dict[str, list[tuple]]:
    """Given an event log folder, return the rows of its cross-run index tables, or of `tables` of another of its
    databases (but the time a row was made or updated)."""
    found = {}
    with sqlite3.connect(base / db) as conn:
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")
                       if c[1] not in ("create_timestamp", "updated_timestamp")]
            found[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
    return found


def test_a_batch_is_indexed_as_event_by_event(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "200")
    monkeypatch.setenv("DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS", "true")  # as `dkbudget run` sets it
    batches = []
    original = BatchingSqliteEventLogStorage.store_event_batch
    monkeypatch.setattr(BatchingSqliteEventLogStorage, "store_event_batch",
                        lambda self, events: batches.append([e.dagster_event_type for e in events])
                        or original(self, events))
    storage = {"module": "pipelines.lib.instance.event_storage", "class": "BatchingSqliteEventLogStorage",
               "config": {"base_dir": str(tmp_path / "batched")}}
    with dg.instance_for_test(overrides={"event_log_storage": storage}) as instance:
        assert isinstance(instance.event_log_storage, BatchingSqliteEventLogStorage)
        job = dg.Definitions(assets=[two_assets], jobs=[dg.define_asset_job("j")]
                             ).resolve_job_def("j")
        tags = {"dagster/asset_partition_range_start": "p00.pdf", "dagster/asset_partition_range_end": "p11.pdf"}
        result = job.execute_in_process(instance=instance, tags=tags)
        assert result.success
        events = instance.all_logs(result.run_id)
    assert sum(e.dagster_event_type == dg.DagsterEventType.ASSET_MATERIALIZATION for e in events) == 24
    planned = {dg.DagsterEventType.ASSET_MATERIALIZATION_PLANNED, dg.DagsterEventType.ASSET_CHECK_EVALUATION_PLANNED}
    assert any(set(types) == planned for types in batches)  # the run's planned events: one mixed batch
    single = SqliteEventLogStorage(base_dir=str(tmp_path / "single"))
    for event in events:
        single.store_event(event)
    assert _index(tmp_path / "batched") == _index(tmp_path / "single")
    checks = _index(tmp_path / "batched")["asset_check_executions"]
    assert len(checks) == len(CHECKS) and all("PLANNED" not in row for row in checks)  # evaluated after planned
    run_db = f"{result.run_id}.db"
    assert _index(tmp_path / "batched", run_db, ("event_logs",)) == _index(tmp_path / "single", run_db, ("event_logs",))
