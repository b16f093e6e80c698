"""Run history: finished runs past the retention are deleted unless they hold a document's latest materialization
(its provenance), and a run whose process died is marked failed."""
import os
import shutil
import socket

import dagster as dg

from pipelines.lib.instance.monitoring import HOST_TAG, PID_TAG, reap_dead_runs
from tests.pipelines.conftest import RAW, run_cli

SAMPLE = "000"


def test_retention_deletes_only_superseded_runs(tmp_path, monkeypatch):
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    shutil.copy(next(RAW.glob(f"{SAMPLE}_*.pdf")), raw)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    args = ["run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    assert run_cli(args)[0] == 0
    assert run_cli([*args, "--force"])[0] == 0  # supersedes every materialization of the first run
    instance = dg.DagsterInstance.get()
    first, second = sorted(instance.get_runs(), key=lambda r: instance.get_run_record_by_id(r.run_id).create_timestamp)
    monkeypatch.setenv("DKBUDGET_RUN_RETENTION_DAYS", "0.0000001")  # every finished run is past it
    code, output, _ = run_cli(args)
    assert code == 0 and "deleted (run retention)" in output, output
    instance = dg.DagsterInstance.get()
    assert instance.get_run_by_id(first.run_id) is None
    assert instance.get_run_by_id(second.run_id) is not None  # holds the document's latest outputs
    assert instance.get_materialized_partitions(dg.AssetKey("documents")) == {p.name for p in raw.glob("*.pdf")}


def test_a_run_whose_process_died_is_marked_failed(tmp_path):
    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        job = dg.GraphDefinition("noop").to_job()
        host = socket.gethostname()
        dead = instance.create_run_for_job(job, status=dg.DagsterRunStatus.STARTED,
                                           tags={HOST_TAG: host, PID_TAG: str(2 ** 22 + 1)})  # > Linux's max pid
        alive = instance.create_run_for_job(job, status=dg.DagsterRunStatus.STARTED,
                                            tags={HOST_TAG: host, PID_TAG: str(os.getpid())})
        assert reap_dead_runs(instance) == [dead.run_id]
        assert instance.get_run_by_id(dead.run_id).status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id(alive.run_id).status == dg.DagsterRunStatus.STARTED
