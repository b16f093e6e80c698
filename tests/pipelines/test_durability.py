"""Durability: a run killed with SIGKILL leaves only whole parquet files and the next run completes; a failing
re-run keeps the document's last good outputs."""
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from pipelines.lib.storage.schemas import SCHEMAS
from pipelines.lib.storage.writer import STATE_DIR
from tests.pipelines.conftest import RAW, REPO, run_cli

FIXTURES = REPO / "tests" / "fixtures" / "hostile"
SAMPLES = ("000", "004")  # the two shortest samples
HOSTILE = ("own_not-a-pdf.pdf", "pdfplumber_password-example.pdf", "pdfplumber_senate-expenditures.pdf")
KILL_AFTER_SECONDS = (1.5, None)  # None: kill once the first document's cells are published (mid-run)
RUN_TIMEOUT_SECONDS = 300
REAP_SECONDS = 15.0
POLL_SECONDS = 0.05


DEAD_STATES = ("Z", "X")  # zombie, dead: the process has exited; only its exit status waits to be read


def _session_processes(sid: int) -> list[int]:
    """Given a session id, return the pids of the processes still running in it (Linux /proc).

    A process of the killed run that has exited but whose exit status its new parent, the machine's init, has not
    read yet (a zombie: how soon init reads it depends on the machine, CI's init may never) is not running: it
    holds no memory, no files and no CPU, and is not counted."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] not in DEAD_STATES:  # after "pid (comm)": state ppid pgrp session
            pids.append(int(stat.parent.name))
    return pids


def _describe(pid: int) -> str:
    """Given a pid, return "pid state command" for an assertion message (what is left of it if it is gone)."""
    proc = Path("/proc") / str(pid)
    try:
        state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:120]
    except OSError:
        return f"{pid} (gone)"
    return f"{pid} {state} {command}"


def _run_and_kill(raw: Path, clean: Path, home: Path, after: float | None) -> None:
    """Start `dkbudget run` in its own session, SIGKILL it mid-run, and wait until everything it started is gone."""
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    cmd = [sys.executable, "-m", "pipelines.cli", "run", "--raw-dir", str(raw), "--clean-dir", str(clean)]
    log = home.parent / f"run-{after}.log"  # the run's own output, shown if it ends before it is killed
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + RUN_TIMEOUT_SECONDS
    started = time.monotonic()
    while proc.poll() is None and time.monotonic() < deadline:
        if after is not None and time.monotonic() - started >= after:
            break
        if after is None and any((clean / "table_cells").glob("*.parquet")):
            break
        time.sleep(POLL_SECONDS)
    tail = log.read_text(errors="replace")[-3000:]
    assert proc.poll() is None, f"the run ended before it could be killed (exit {proc.returncode}):\n{tail}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reap_by = time.monotonic() + REAP_SECONDS
    while _session_processes(proc.pid) and time.monotonic() < reap_by:
        time.sleep(0.2)
    left = _session_processes(proc.pid)
    described = [_describe(pid) for pid in left]
    for pid in left:  # ours: clean up before failing
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert not left, f"processes of the killed run were left running: {described}"


def _assert_whole_outputs(clean: Path) -> None:
    """Assert that every table folder holds only `<document_id>.parquet` files that read with the contract schema."""
    for folder in clean.iterdir():
        if folder.name == STATE_DIR:
            continue
        assert folder.name in SCHEMAS, folder
        for path in folder.iterdir():
            assert path.suffix == ".parquet" and len(path.stem) == 16, path
            assert pq.read_schema(path).remove_metadata().equals(SCHEMAS[folder.name]), path
            pq.read_table(path)


def test_a_run_killed_with_sigkill_leaves_whole_files_and_the_next_run_completes(tmp_path):
    raw, clean, home = tmp_path / "raw", tmp_path / "clean", tmp_path / "home"
    raw.mkdir()
    for number in SAMPLES:
        shutil.copy(next(RAW.glob(f"{number}_*.pdf")), raw)
    for name in HOSTILE:
        shutil.copy(FIXTURES / name, raw)
    for after in KILL_AFTER_SECONDS:
        _run_and_kill(raw, clean, home, after)
        if clean.exists():
            _assert_whole_outputs(clean)
    code, output, _ = run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])
    assert code == 0, output
    _assert_whole_outputs(clean)
    docs = pd.read_parquet(clean / "documents")
    assert sorted(docs["file_name"]) == sorted(p.name for p in raw.glob("*.pdf"))
    samples = docs[docs["file_name"].str[:3].isin(SAMPLES)]
    assert (samples["status"] == "ok").all() and (samples["n_tables"] > 0).all()
    tables = pd.read_parquet(clean / "tables")
    assert set(samples["document_id"]) <= set(tables["document_id"])
    code, output, _ = run_cli(["run", "--raw-dir", str(raw), "--clean-dir", str(clean)])
    assert code == 0 and output.count("skipped ") == len(docs), output


def _files(clean: Path) -> dict[Path, bytes]:
    """Given a clean dir, return every parquet file's bytes by relative path."""
    return {p.relative_to(clean): p.read_bytes() for p in clean.glob("*/*.parquet")}


def test_a_failing_rerun_keeps_the_last_good_outputs_and_is_retried(corpus_run, tmp_path, monkeypatch):
    clean = tmp_path / "clean"
    shutil.copytree(corpus_run.clean, clean)
    docs = pd.read_parquet(clean / "documents")
    target = docs[docs["file_name"].str.startswith(SAMPLES[0])].iloc[0]
    did = target["document_id"]
    before = _files(clean)
    assert sum(p.stem == did for p in before) >= 4  # documents, tables, table_cells and a domain table
    monkeypatch.setenv("DKBUDGET_MAX_PAGES", "1")
    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(clean), "--document", did])
    assert code == 0, output
    row = pd.read_parquet(clean / "documents" / f"{did}.parquet").iloc[0]
    assert row["status"] == "failed"
    assert row["error"] == f"too large: {target['n_pages']} pages > limit 1 (DKBUDGET_MAX_PAGES)"
    after = _files(clean)
    assert set(after) == set(before)
    assert {p for p in after if after[p] != before[p]} == {Path("documents") / f"{did}.parquet"}
    monkeypatch.delenv("DKBUDGET_MAX_PAGES")
    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(clean)])
    assert code == 0, output
    assert output.count("skipped ") == len(docs) - 1  # a limit's failure is retried; the others are current
    assert pd.read_parquet(clean / "documents" / f"{did}.parquet").iloc[0]["status"] == "ok"


def test_outputs_published_by_a_run_that_died_are_recorded_by_the_next_run(corpus_run, tmp_path, monkeypatch):
    """A run killed after publishing a document leaves current outputs that no materialization records: the next
    run must not skip that document silently but record it (its step skips the work, nothing is rewritten)."""
    import dagster as dg

    clean = tmp_path / "clean"
    shutil.copytree(corpus_run.clean, clean)
    home = tmp_path / "home"  # an instance that never saw these outputs being published
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    before = _files(clean)
    names = {p.name for p in RAW.glob("*.pdf")}

    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(clean)])
    assert code == 0, output
    assert "(unchanged)" not in output, output  # none was left out of the run
    assert f"{len(names)} PDFs had current outputs and were skipped" in output, output
    assert _files(clean) == before  # nothing rewritten
    instance = dg.DagsterInstance.from_config(str(home))
    for table in SCHEMAS:
        assert instance.get_materialized_partitions(dg.AssetKey(table)) >= names, table

    code, output, _ = run_cli(["run", "--raw-dir", str(RAW), "--clean-dir", str(clean)])
    assert code == 0 and output.count("(unchanged)") == len(names), output
