"""The pipeline on Celery workers (dagster-celery, Redis broker): a real redis-server and two workers give the same
outputs as the in-process run over the same PDFs."""
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipelines.defs.partitions import PDF_PARTITIONS_NAME, range_tags_of
from pipelines.defs.resources import RESOURCE_KEY
from pipelines.lib.config import ensure_dagster_home
from tests.pipelines.conftest import RAW, REPO, assert_same_outputs
from tests.services.services import missing, redis_server

SAMPLES = ("000", "004")  # the two shortest samples
WORKERS = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_celery_workers_give_the_in_process_outputs(corpus_run, tmp_path, monkeypatch):
    try:
        import dagster_celery  # noqa: F401
    except ImportError:
        missing("dagster-celery is not installed (the `test` extra installs it)")
    server = redis_server()
    port = _free_port()
    broker = f"redis://127.0.0.1:{port}/0"
    raw, clean, home = tmp_path / "raw", tmp_path / "clean", tmp_path / "home"
    raw.mkdir()
    for number in SAMPLES:
        shutil.copy(next(RAW.glob(f"{number}_*.pdf")), raw)
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    ensure_dagster_home()
    config = tmp_path / "celery.yaml"
    config.write_text(f"execution:\n  config:\n    broker: {broker}\n    backend: {broker}\n")
    instance = dg.DagsterInstance.get()  # its storage made once, before the workers open it
    env = {**os.environ, "DAGSTER_HOME": str(home),  # the worker starts `celery` by name
           "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    procs = [subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                               "no"], stdout=subprocess.DEVNULL, start_new_session=True)]
    try:
        for i in range(WORKERS):
            log = open(tmp_path / f"worker{i}.log", "wb")  # noqa: SIM115 - closed with the process
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "dagster_celery.cli", "worker", "start", "-y", str(config), "-n",
                 f"w{i}@%h", "-A", "dagster_celery.app", "--", "-P", "solo"], cwd=REPO, env=env, stdout=log,
                stderr=subprocess.STDOUT, start_new_session=True))
        names = sorted(p.name for p in raw.glob("*.pdf"))
        instance.add_dynamic_partitions(PDF_PARTITIONS_NAME, names)
        run_config = {"execution": {"config": {"broker": broker, "backend": broker}},
                      "resources": {RESOURCE_KEY: {"config": {"raw_dir": str(raw), "clean_dir": str(clean)}}}}
        job = dg.reconstructable(_celery_job)
        with dg.execute_job(job, instance=instance, run_config=run_config,
                            tags=range_tags_of(names[0], names[-1])) as result:
            assert result.success, [e.message for e in result.all_events if e.is_failure]
    finally:
        for proc in reversed(procs):
            _stop(proc)
    worked = [i for i in range(WORKERS) if "Task execute_plan[" in (tmp_path / f"worker{i}.log").read_text()]
    assert worked, "no Celery worker executed the step"
    assert_same_outputs(clean, corpus_run.clean)
    assert len(pd.read_parquet(clean / "documents")) == len(SAMPLES)


def _celery_job() -> dg.JobDefinition:
    """The Celery job, for dg.reconstructable (workers load it by this module and name)."""
    from pipelines.definitions import celery_job_def

    return celery_job_def()


if __name__ == "__main__":
    pytest.main([__file__])
