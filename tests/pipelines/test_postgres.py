"""The pipeline on a real PostgreSQL instance (DKBUDGET_PG_URL): outputs identical to the embedded sqlite run,
the queued run coordinator, run monitoring and retention configured, and a run killed with SIGKILL mid-run marked
failed by the next run, which redoes its documents (no run is left `STARTED`)."""
import shutil
import subprocess
import sys

import dagster as dg
import pandas as pd
import pytest

from pipelines.lib.config import PG_URL_ENV
from tests.pipelines.conftest import RAW, REPO, assert_same_outputs
from tests.pipelines.test_durability import _run_and_kill
from tests.services.services import fresh_database

SAMPLES = ("000", "004")  # the two shortest samples
IN_FLIGHT = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.QUEUED,
             dg.DagsterRunStatus.NOT_STARTED]


@pytest.fixture(scope="module")
def pg_url():
    """A fresh PostgreSQL database for this module."""
    with fresh_database() as url:
        yield url


def _cli(raw, clean, home, url):
    env = {**dict(__import__("os").environ), "DAGSTER_HOME": str(home), PG_URL_ENV: url}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    return subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=600)


def test_a_killed_run_on_postgres_is_failed_and_redone(pg_url, corpus_run, tmp_path, monkeypatch):
    raw, clean, home = tmp_path / "raw", tmp_path / "clean", tmp_path / "home"
    raw.mkdir()
    for number in SAMPLES:
        shutil.copy(next(RAW.glob(f"{number}_*.pdf")), raw)
    monkeypatch.setenv(PG_URL_ENV, pg_url)
    _run_and_kill(raw, clean, home, None)  # SIGKILL once the first document's cells are published

    instance = dg.DagsterInstance.from_config(str(home))
    assert type(instance.run_storage).__name__ == "PostgresRunStorage"
    assert type(instance.run_coordinator).__name__ == "QueuedRunCoordinator"
    assert instance.run_monitoring_enabled
    killed = instance.get_runs(filters=dg.RunsFilter(statuses=IN_FLIGHT))
    assert len(killed) == 1, [r.status for r in instance.get_runs()]

    done = _cli(raw, clean, home, pg_url)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "marked failed" in done.stdout, done.stdout
    assert instance.get_runs(filters=dg.RunsFilter(statuses=IN_FLIGHT)) == []
    assert instance.get_run_by_id(killed[0].run_id).status == dg.DagsterRunStatus.FAILURE

    docs = pd.read_parquet(clean / "documents")
    assert sorted(docs["file_name"]) == sorted(p.name for p in raw.glob("*.pdf"))
    assert (docs["status"] == "ok").all()
    names = {p.name for p in raw.glob("*.pdf")}
    assert instance.get_materialized_partitions(dg.AssetKey("documents")) >= names

    # the same files, with the same rows, as the embedded sqlite instance's run of the whole corpus
    assert_same_outputs(clean, corpus_run.clean)
    ids = set(docs["document_id"])
    assert {p.relative_to(corpus_run.clean) for p in corpus_run.clean.glob("*/*.parquet") if p.stem in ids} == {
        p.relative_to(clean) for p in clean.glob("*/*.parquet")}

    again = _cli(raw, clean, home, pg_url)
    assert again.returncode == 0 and again.stdout.count("skipped ") == len(names), again.stdout
