"""The batched sqlite event log stores exactly what Dagster's per-event path stores (pipelines/event_storage.py)."""

import sqlite3
from pathlib import Path

import dagster as dg
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from pipelines.event_storage import BatchingSqliteEventLogStorage

PARTS = dg.StaticPartitionsDefinition([f"p{i:02d}.pdf" for i in range(12)])
INDEX_TABLES = ("event_logs", "asset_keys", "asset_event_tags")


@dg.multi_asset(specs=[dg.AssetSpec("a", partitions_def=PARTS), dg.AssetSpec("b", partitions_def=PARTS)],
                partitions_def=PARTS, backfill_policy=dg.BackfillPolicy.single_run())
def two_assets(context: dg.AssetExecutionContext):
    """Materialize both assets for every partition of the run, with per-partition metadata."""
    for key in context.partition_keys:
        for asset in ("a", "b"):
            context.add_asset_metadata({"rows": len(key), "file": key}, asset_key=asset, partition_key=key)
    yield dg.MaterializeResult(asset_key="a")
    yield dg.MaterializeResult(asset_key="b")


def _index(base: Path) -> dict[str, list[tuple]]:
    """Given an event log folder, return the rows of its cross-run index tables (but the time a row was made)."""
    found = {}
    with sqlite3.connect(base / "index.db") as conn:
        for table in INDEX_TABLES:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})") if c[1] != "create_timestamp"]
            found[table] = conn.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1").fetchall()
    return found


def test_a_batch_is_indexed_as_event_by_event(tmp_path, monkeypatch):
    monkeypatch.setenv("DAGSTER_EVENT_BATCH_SIZE", "200")
    storage = {"module": "pipelines.event_storage", "class": "BatchingSqliteEventLogStorage",
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
    single = SqliteEventLogStorage(base_dir=str(tmp_path / "single"))
    for event in events:
        single.store_event(event)
    assert _index(tmp_path / "batched") == _index(tmp_path / "single")
