"""`dkbudget run`: materialize the assets through Dagster, in-process, one run per new or changed PDF.

`dkbudget dev` starts `dagster dev` on the same instance home; `dkbudget audit` writes a document's audit report.
"""
from __future__ import annotations

import argparse
import atexit
import gc
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pipelines.lib.config import (
    CLEAN_DIR_ENV,
    RAW_DIR_ENV,
    default_clean_dir,
    default_raw_dir,
    ensure_dagster_home,
    list_pdfs,
)

EXIT_OK = 0
EXIT_USAGE = 2  # bad arguments, unreadable raw dir, unknown document
EXIT_INSTANCE = 3  # the Dagster instance or definitions could not be loaded
DEV_HOST_ENV = "DKBUDGET_DEV_HOST"
DEFAULT_DEV_HOST = "127.0.0.1"  # the UI is reachable from this machine only unless configured otherwise
HOST_FLAGS = ("--host", "-h", "--dagit-host")
LOG_LEVEL = "WARNING"
BOOKKEEPING_ENV = {  # Dagster's own switches (see README "Scale")
    "DAGSTER_EMIT_PARTITION_SUBSET_IN_PLANNED_EVENTS": "true",
    "DAGSTER_EVENT_BATCH_SIZE": "200",
}  # Dagster's console log in `dkbudget run`; every event is still stored in the instance
_FINAL_COLLECTION_SKIPPED = False


@dataclass
class Planned:
    """One PDF of the raw dir and what this invocation does with it."""

    path: Path
    sha256: str
    document_id: str
    run: bool


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Given the command line, return the parsed arguments."""
    parser = argparse.ArgumentParser(prog="dkbudget", description="Danish municipal budget PDFs -> parquet tables.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="materialize the assets for the PDFs of the raw dir")
    run.add_argument("--raw-dir", default=None, help=f"PDFs to read (default ${RAW_DIR_ENV} or data/raw)")
    run.add_argument("--clean-dir", default=None, help=f"parquet to write (default ${CLEAN_DIR_ENV} or data/clean)")
    run.add_argument("--select", default=None, help='Dagster asset selection, e.g. "grant_expiries" or "key:tables+"')
    run.add_argument("--document", default=None, help="re-run one document: its file name or document_id")
    run.add_argument("--force", action="store_true", help="redo work even where outputs are up to date")
    from reports.command import add_arguments

    audit = sub.add_parser("audit", help="write a document's audit report (HTML: every cell on its page)")
    add_arguments(audit, f"PDFs (default ${RAW_DIR_ENV} or data/raw)",
                  f"parquet (default ${CLEAN_DIR_ENV} or data/clean)")
    dev = sub.add_parser("dev", help="start `dagster dev` on the dkbudget instance home")
    dev.add_argument("dagster_args", nargs=argparse.REMAINDER, help="passed on to `dagster dev`")
    args, rest = parser.parse_known_args(argv)
    if rest and args.command != "dev":
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    if args.command == "dev":  # options such as --port are `dagster dev`'s own
        args.dagster_args = [*rest, *args.dagster_args]
    return args


def plan(pdfs: list[Path], clean: Path, document: str | None, force: bool, select: bool) -> list[Planned]:
    """Given the raw PDFs, return per PDF whether to run it (new/changed, the chosen document, or forced)."""
    from pipelines.lib.extraction.process import document_id_of, sha256_of
    from pipelines.lib.storage.state import document_is_current
    from pipelines.lib.version import pipeline_version

    out = []
    for path in pdfs:
        sha = sha256_of(path)
        did = document_id_of(sha)
        if document is not None:
            run = document in (path.name, did)
        else:
            run = force or select or not document_is_current(clean, did, path.name, sha, pipeline_version())
        out.append(Planned(path, sha, did, run))
    return out


def record_unrecorded(planned: list[Planned], instance: object, dg: object) -> list[Planned]:
    """Given the plan, return it with the PDFs whose outputs are current but whose partition the instance never
    recorded as materialized (a run killed after publishing them) put in the run: their step skips the work
    (nothing is rewritten) and records the materialization, so Dagster's view matches the clean dir.
    """
    if all(p.run for p in planned):
        return planned
    recorded = instance.get_materialized_partitions(dg.AssetKey("documents"))  # type: ignore[attr-defined]
    return [p if p.run or p.path.name in recorded else replace(p, run=True) for p in planned]


def configure_bookkeeping(env: dict[str, str] | None = None) -> None:
    """Make this process's Dagster bookkeeping cheap: one planned event per asset and run (not per document), and
    the per-document events of a run written in batches. Values already set in the environment are kept.
    """
    env = os.environ if env is None else env
    for name, value in BOOKKEEPING_ENV.items():
        env.setdefault(name, value)


def skipped_in(result: object, names: list[str]) -> list[str]:
    """Given a run's result, return the file names whose outputs were all current (nothing rewritten)."""
    skipped: dict[str, bool] = {}
    for event in result.get_asset_materialization_events():  # type: ignore[attr-defined]
        materialization = event.materialization
        if materialization.partition is None:
            continue
        value = materialization.metadata.get("skipped")
        done = bool(getattr(value, "value", value))
        skipped[materialization.partition] = skipped.get(materialization.partition, True) and done
    return [n for n in names if skipped.get(n)]


def _status_line(clean: Path, item: Planned) -> str:
    """Given a planned PDF, return a one-line report of its `documents` row."""
    from pipelines.lib.storage.writer import read_table

    docs = read_table(clean, "documents", item.document_id)
    if docs is None:
        return f"missing  {item.path.name}  {item.document_id}  (no documents row)"
    d = docs.to_pylist()[0]
    line = f"{d['status']:<8} {item.path.name}  {item.document_id}  kind={d['kind']}  tables={d['n_tables']}"
    return f"{line}  error: {d['error']}" if d["error"] else line


def run_command(args: argparse.Namespace) -> int:
    """Given parsed `run` arguments, materialize the planned documents and report; return the exit code."""
    raw = Path(args.raw_dir or default_raw_dir()).resolve()
    clean = Path(args.clean_dir or default_clean_dir()).resolve()
    try:
        pdfs = list_pdfs(raw)
    except OSError as exc:
        print(f"dkbudget: cannot read the raw dir {raw}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    from pipelines.defs.documents.batch import workers_from_env
    from pipelines.lib.extraction.isolation import limits_from_env
    from pipelines.lib.instance.monitoring import retention_days_from_env
    from pipelines.lib.storage.writer import sweep_temp_files

    try:
        limits_from_env()
        workers_from_env()
        retention_days = retention_days_from_env()
    except ValueError as exc:
        print(f"dkbudget: {exc}", file=sys.stderr)
        return EXIT_USAGE
    sweep_temp_files(clean)
    planned = plan(pdfs, clean, args.document, args.force, bool(args.select))
    if any(p.run for p in planned):  # the extraction workers start while Dagster loads
        from pipelines.lib.extraction.isolation import prestart_workers

        long_ones = [p.path for p in planned if p.run]

        def prepare() -> Callable[[], None] | None:
            """Start the page readers ahead when a long document is to be read (in the background thread)."""
            from pipelines.lib.extraction.page_readers import any_long, start_page_readers

            return start_page_readers if any_long(long_ones) else None

        prestart_workers(limits_from_env(), min(workers_from_env(), sum(p.run for p in planned)), prepare)
        if args.select is None:  # every asset: the step extracts them; start now, while Dagster loads
            from pipelines.lib.extraction.ahead import start_extractions_ahead

            start_extractions_ahead(raw, [(p.path, p.sha256) for p in planned if p.run], limits_from_env(),
                                    workers_from_env())
    try:
        ensure_dagster_home()
        configure_bookkeeping()
        from pipelines.lib.instance.sqlite_home import relax_instance_sync

        relax_instance_sync()
        import dagster as dg

        from pipelines.definitions import defs
        from pipelines.defs.documents.assets import FORCE_TAG
        from pipelines.defs.jobs import JOB_NAME
        from pipelines.defs.partitions import MAX_RUN_DOCUMENTS, PDF_PARTITIONS_NAME, partition_ranges, range_tags_of
        from pipelines.defs.resources import RESOURCE_KEY
        from pipelines.lib.instance.monitoring import process_tags, prune_runs, reap_dead_runs
        from pipelines.lib.instance.partition_cache import partitions_read_once

        instance = _open_instance(dg)
        job = defs.resolve_job_def(JOB_NAME)
        graph = defs.resolve_asset_graph()
    except Exception as exc:  # noqa: BLE001 - a broken instance or definitions: the run cannot be made
        print(f"dkbudget: cannot load the Dagster instance or definitions: {exc}", file=sys.stderr)
        return EXIT_INSTANCE
    selection = None
    if args.select:
        try:
            selection = dg.AssetSelection.from_string(args.select).resolve(graph)
        except Exception as exc:  # noqa: BLE001
            print(f"dkbudget: bad --select {args.select!r}: {exc}", file=sys.stderr)
            return EXIT_USAGE
        observed = {key for key in selection if not graph.get(key).is_materializable}  # raw_pdf: observed, not built
        selection -= observed
        if not selection:
            only = f" that a run builds ({', '.join(k.to_user_string() for k in sorted(observed))}: observed)" \
                if observed else ""
            print(f"dkbudget: --select {args.select!r} matches no asset{only}", file=sys.stderr)
            return EXIT_USAGE
        generic = {dg.AssetKey(k) for k in ("documents", "tables", "table_cells")}
        if selection & generic:  # one extraction step publishes all three
            selection |= generic
    if args.document is not None and not any(p.run for p in planned):
        print(f"dkbudget: no PDF named {args.document!r} or with that document_id in {raw}", file=sys.stderr)
        return EXIT_USAGE
    reaped = reap_dead_runs(instance)
    if reaped:
        print(f"{len(reaped)} earlier run(s) whose process died marked failed: {', '.join(r[:8] for r in reaped)}")
    pruned = prune_runs(instance, JOB_NAME, sorted(graph.get_all_asset_keys()), retention_days)
    if pruned:
        print(f"{len(pruned)} finished run(s) older than {retention_days:g} days deleted (run retention)")
    known = instance.get_dynamic_partitions(PDF_PARTITIONS_NAME)
    new = [p.path.name for p in planned if p.path.name not in set(known)]
    if new:
        instance.add_dynamic_partitions(PDF_PARTITIONS_NAME, new)
        known = [*known, *new]
    if selection is None and args.document is None and not args.force:
        planned = record_unrecorded(planned, instance, dg)
    run_config = {"resources": {RESOURCE_KEY: {"config": {"raw_dir": str(raw), "clean_dir": str(clean)}}},
                  "loggers": {"console": {"config": {"log_level": LOG_LEVEL}}}}
    tags = {FORCE_TAG: "true"} if (args.force or args.document is not None) else {}
    tags.update(process_tags())
    counts = {"run": 0, "skipped": 0, "step failures": 0}
    current: list[str] = []
    to_run = {p.path.name for p in planned if p.run}
    for item in planned:
        if not item.run:
            counts["skipped"] += 1
            print(f"skipped  {item.path.name}  {item.document_id}  (unchanged)")
    by_name = {p.path.name: p for p in planned}
    for first, last, names in partition_ranges(known, to_run, MAX_RUN_DOCUMENTS):
        started = time.perf_counter()
        range_tags = range_tags_of(first, last)
        with partitions_read_once(instance):  # the run's partitions were added above; the run adds none
            result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False,
                                            tags={**tags, **range_tags},
                                            asset_selection=sorted(selection) if selection else None)
        seconds = time.perf_counter() - started
        counts["run"] += len(names)
        current += skipped_in(result, names)
        for name in names:
            print(f"{_status_line(clean, by_name[name])}  (run {result.run_id[:8]})")
        print(f"run {result.run_id[:8]}: {len(names)} PDFs in {seconds:.1f} s")
        if not result.success:
            for event in result.all_events:
                if event.is_step_failure:
                    counts["step failures"] += 1
                    error = event.step_failure_data.error
                    print(f"  step {event.step_key} failed: {error.message.strip() if error else 'unknown error'}")
    if current:
        print(f"{len(current)} PDFs had current outputs and were skipped (nothing rewritten; --force redoes them): "
              f"{', '.join(current)}")
    print(f"{len(planned)} PDFs: {counts['run']} run, {counts['skipped']} skipped, "
          f"{counts['step failures']} step failures; clean dir {clean}")
    return EXIT_OK


def dev_argv(dagster_args: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Given the arguments for `dagster dev`, return its command line, binding the UI to $DKBUDGET_DEV_HOST.

    The web server listens on 127.0.0.1 (this machine only) unless DKBUDGET_DEV_HOST or a --host argument
    says otherwise.
    """
    env = os.environ if env is None else env
    given = any(a.split("=")[0] in HOST_FLAGS for a in dagster_args)
    host = [] if given else ["--host", env.get(DEV_HOST_ENV) or DEFAULT_DEV_HOST]
    return [sys.executable, "-m", "dagster", "dev", *host, *dagster_args]


def dev_command(args: argparse.Namespace) -> int:
    """Given parsed `dev` arguments, replace this process by `dagster dev` on the dkbudget instance home."""
    ensure_dagster_home()
    configure_bookkeeping()  # inherited by the webserver, the daemon and the runs they launch
    # `dagster dev` gives SIGTERM the handler SIGINT has; a SIGINT ignored by whoever started us (a script's
    # background job inherits SIG_IGN, and exec keeps it) would make it ignore SIGTERM too: restore the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    argv = dev_argv(args.dagster_args)
    os.execv(sys.executable, argv)
    return EXIT_OK  # not reached


def _open_instance(dg):  # noqa: ANN001, ANN202 - dagster is imported late (start-up time)
    """Open the Dagster instance of DAGSTER_HOME, its storages created under an exclusive lock on the home: two
    first runs started at once (the nightly run and an auditor's re-run) must not both create the sqlite tables."""
    import fcntl

    home = Path(os.environ["DAGSTER_HOME"])
    with open(home / ".dkbudget-instance.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        instance = dg.DagsterInstance.get()
        instance.get_runs(limit=1)  # run storage, event log and schedule storage created (or migrated) now
        instance.get_latest_materialization_event(dg.AssetKey("documents"))
        instance.all_instigator_state()
    return instance


def skip_final_collection() -> None:
    """Let this process end without the interpreter's last garbage collection over everything it loaded (Dagster,
    the run's events: ~0.5 s at the end of every `dkbudget run`): at exit, after the other exit handlers, every
    object is frozen out of the collector. Nothing is left to that collection: files, parquet, markers and the
    Dagster databases are written and closed by then, and the standard streams are still flushed."""
    global _FINAL_COLLECTION_SKIPPED
    if not _FINAL_COLLECTION_SKIPPED:
        atexit.register(gc.freeze)  # registered first, so run last (exit handlers run in reverse order)
        _FINAL_COLLECTION_SKIPPED = True


def main(argv: list[str] | None = None) -> int:
    """Given the command line (default sys.argv), run the command and return its exit code."""
    args = parse_args(argv)
    if args.command == "dev":
        return dev_command(args)
    skip_final_collection()
    if args.command == "audit":
        from reports.command import audit_command

        return audit_command(args.document, Path(args.raw_dir or default_raw_dir()).resolve(),
                             Path(args.clean_dir or default_clean_dir()).resolve(),
                             Path(args.out).resolve() if args.out else None)
    from pipelines.lib.extraction.ahead import drop_extractions_ahead
    from pipelines.lib.instance.sqlite_home import close_kept

    try:
        return run_command(args)
    finally:
        drop_extractions_ahead()  # any the runs did not take (e.g. a document another run had published)
        close_kept()  # the instance's databases kept open during the run (pipelines/lib/instance/sqlite_home.py)


if __name__ == "__main__":
    sys.exit(main())
