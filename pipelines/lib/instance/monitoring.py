"""Run monitoring for runs that die without a word (SIGKILL, OOM killer, a lost machine).

Each run's step records where it runs (host, pid and the process's start time) as run tags (`claim_run`).
`reap_dead_runs`, called at the start of every `dkbudget run` and by the sensor, marks failed each run of this
host still `STARTING`/`STARTED` whose process is gone; the documents it did not finish have no current outputs,
so the next run redoes them. `prune_runs` deletes old finished runs (run retention) but keeps every run that
holds some document's latest materialization, so each document's provenance stays. (Dagster's own run
monitoring, enabled in deploy/dagster-postgres.yaml, covers start and run-time limits of runs the daemon launches; it
cannot see a run worker killed by SIGKILL when the default run launcher started it.)
"""
from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg

HOST_TAG = "dkbudget/host"
PID_TAG = "dkbudget/pid"
STARTED_TAG = "dkbudget/process_started"  # the process's start time (Linux clock ticks since boot), against pid reuse
IN_FLIGHT = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
FINISHED = [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED]
RETENTION_ENV = "DKBUDGET_RUN_RETENTION_DAYS"
DEFAULT_RETENTION_DAYS = 30.0  # finished runs older than this are deleted unless a document's latest output is theirs
LOOKUP_CHUNK = 500


def process_started(pid: int) -> str:
    """Given a pid, return its start time as Linux records it ("" when unknown or elsewhere than Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return ""
    return fields[19]  # field 22 of /proc/<pid>/stat: starttime (fields after "pid (comm)" start at 3)


def process_alive(pid: int, started: str) -> bool:
    """Given a pid and its recorded start time, return whether that same process is still running."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    now = process_started(pid)
    return not started or not now or now == started


def process_tags() -> dict[str, str]:
    """Return the run tags naming this host and process."""
    pid = os.getpid()
    return {HOST_TAG: socket.gethostname(), PID_TAG: str(pid), STARTED_TAG: process_started(pid)}


def claim_run(instance: dg.DagsterInstance, run: dg.DagsterRun) -> None:
    """Given the instance and the current run, record this host and process on the run (for `reap_dead_runs`)."""
    tags = process_tags()
    if any(run.tags.get(k) != v for k, v in tags.items()):
        instance.add_run_tags(run.run_id, tags)


def reap_dead_runs(instance: dg.DagsterInstance) -> list[str]:
    """Given the instance, mark failed every in-flight run of this host whose process is gone; return their ids."""
    host = socket.gethostname()
    reaped = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=IN_FLIGHT, tags={HOST_TAG: host})):
        pid = run.tags.get(PID_TAG, "")
        if not pid.isdigit() or process_alive(int(pid), run.tags.get(STARTED_TAG, "")):
            continue
        instance.report_run_failed(run, f"the run's process {pid} on {host} died without finishing (killed?); "
                                        "its unfinished documents are redone by the next run")
        reaped.append(run.run_id)
    return reaped


def live_run_ids(instance: dg.DagsterInstance, asset_keys: list[dg.AssetKey]) -> set[str]:
    """Given the instance and asset keys, return the runs holding the latest materialization of some partition."""
    from dagster._core.events import DagsterEventType

    live: set[str] = set()
    for key in asset_keys:
        ids = sorted(set(instance.get_latest_storage_id_by_partition(
            key, DagsterEventType.ASSET_MATERIALIZATION).values()))
        for start in range(0, len(ids), LOOKUP_CHUNK):
            chunk = ids[start:start + LOOKUP_CHUNK]
            records = instance.fetch_materializations(dg.AssetRecordsFilter(asset_key=key, storage_ids=chunk),
                                                      limit=len(chunk)).records
            live.update(record.run_id for record in records)
    return live


def prune_runs(instance: dg.DagsterInstance, job_name: str, asset_keys: list[dg.AssetKey],
               days: float) -> list[str]:
    """Given the instance, the job, its assets and a retention in days, delete the job's finished runs older than
    that, except those still holding a document's latest materialization (its provenance); return their ids."""
    if days <= 0:
        return []
    cutoff = datetime.now(UTC) - timedelta(days=days)
    old = instance.get_runs(filters=dg.RunsFilter(job_name=job_name, statuses=FINISHED, updated_before=cutoff))
    if not old:
        return []
    live = live_run_ids(instance, asset_keys)
    gone = [run.run_id for run in old if run.run_id not in live]
    for run_id in gone:
        instance.delete_run(run_id)
    return gone


def retention_days_from_env(env: dict[str, str] | None = None) -> float:
    """Given the environment, return DKBUDGET_RUN_RETENTION_DAYS (0 keeps every run); raise on a bad value."""
    env = os.environ if env is None else env
    raw = env.get(RETENTION_ENV, "").strip()
    try:
        days = float(raw) if raw else DEFAULT_RETENTION_DAYS
    except ValueError:
        days = -1.0
    if days < 0:
        raise ValueError(f"{RETENTION_ENV} must be a number of days >= 0, not {raw!r}")
    return days
