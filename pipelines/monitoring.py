"""Run monitoring for runs that die without a word (SIGKILL, OOM killer, a lost machine).

Each run's step records where it runs (host, pid and the process's start time) as run tags (`claim_run`).
`reap_dead_runs`, called at the start of every `dkbudget run` and by the sensor, marks failed each run of this
host still `STARTING`/`STARTED` whose process is gone; the documents it did not finish have no current outputs,
so the next run redoes them. (Dagster's own run monitoring, enabled in the Postgres instance's dagster.yaml,
covers start and run-time limits of runs the daemon launches; it cannot see a run worker killed by SIGKILL when
the default run launcher started it.)
"""
from __future__ import annotations

import os
import socket
from pathlib import Path

import dagster as dg

HOST_TAG = "dkbudget/host"
PID_TAG = "dkbudget/pid"
STARTED_TAG = "dkbudget/process_started"  # the process's start time (Linux clock ticks since boot), against pid reuse
IN_FLIGHT = [dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]


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
