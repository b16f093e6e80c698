"""The `audit_report` asset: each document's audit report (reports/), built after its tables, linked in the UI.

The run's reports are built `DKBUDGET_WORKERS` at a time, each in a limited worker process like an extraction.
When the run executes in one process (the in-process job of `dkbudget run`), the `build_documents` step starts
them as soon as its documents are built (`start_reports_ahead`), so that they are built while that step stores
its events; this step then takes those reports as if it had built them (same reports, same metadata).

Its materialization carries the report's path and a Markdown preview of the document's tables and failing
printed totals. A report newer than all of the document's parquet is kept as it is (unless the run is forced).
"""

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.defs.documents.assets import add_partition_metadata, is_forced
from pipelines.defs.documents.batch import workers_from_env
from pipelines.defs.partitions import pdf_partitions
from pipelines.defs.resources import DkbudgetPaths
from pipelines.lib.extraction.isolation import Limits, limits_from_env, run_limited
from pipelines.lib.extraction.process import document_id_of, sha256_of
from pipelines.lib.storage.schemas import DOMAIN_TABLES, GENERIC_TABLES
from reports.build import Report, audit_dir, build_report, preview_path, report_is_current, report_path

AUDIT_GROUP = "audit"


def _build_one(clean: Path, raw: Path, document_id: str, out: Path, limits: Limits) -> Report:
    """Build one document's report in a limited worker process (pipelines.lib.extraction.isolation); should
    that fail (a crash, a limit), build it here as before, so that its error, if any, is the step's."""
    outcome = run_limited(build_report, (clean, raw, document_id, out), limits)
    return outcome.value if outcome.failure is None else build_report(clean, raw, document_id, out)


_AHEAD: dict[tuple[Path, Path, str, Path, Limits], Future] = {}  # reports started by the build step, by arguments
_AHEAD_LOCK = threading.Lock()


def start_reports_ahead(clean: Path, raw: Path, document_ids: list[str], out: Path, limits: Limits,
                        workers: int) -> None:
    """Given documents whose report is due, start building them now, `workers` at a time, in the background; the
    audit step of this process takes them (`build_reports`) instead of building them again."""
    if not document_ids:
        return
    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="dkbudget-audit-ahead")
    with _AHEAD_LOCK:
        for did in document_ids:
            _AHEAD[(clean, raw, did, out, limits)] = pool.submit(_build_one, clean, raw, did, out, limits)
    pool.shutdown(wait=False)


def _take_ahead(clean: Path, raw: Path, document_id: str, out: Path, limits: Limits) -> Future | None:
    """Given a report's arguments, return (and forget) the building of it started ahead, if any."""
    with _AHEAD_LOCK:
        return _AHEAD.pop((clean, raw, document_id, out, limits), None)


def started_ahead(clean: Path, raw: Path, document_ids: set[str], out: Path, limits: Limits) -> set[str]:
    """Given documents, return those whose report was started ahead (due then, so due now, even if written since)."""
    with _AHEAD_LOCK:
        return {did for did in document_ids if (clean, raw, did, out, limits) in _AHEAD}


def build_reports(clean: Path, raw: Path, document_ids: list[str], out: Path, limits: Limits,
                  workers: int) -> dict[str, Report]:
    """Given documents whose report is due, build them `workers` at a time (or take those started ahead); return
    the reports by document id."""
    ahead = {did: f for did in document_ids if (f := _take_ahead(clean, raw, did, out, limits)) is not None}
    rest = [did for did in document_ids if did not in ahead]
    if workers <= 1 or len(rest) <= 1:
        built = {did: _build_one(clean, raw, did, out, limits) for did in rest}
    else:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dkbudget-audit") as pool:
            built = dict(zip(rest, pool.map(lambda did: _build_one(clean, raw, did, out, limits), rest), strict=True))
    built.update((did, future.result()) for did, future in ahead.items())
    return {did: built[did] for did in document_ids}


def reports_due(clean: Path, out: Path, document_ids: set[str], forced: bool) -> list[str]:
    """Given a run's documents, return those whose report is to be built: all when forced, else those without a
    current report and preview."""
    return sorted(did for did in document_ids
                  if forced or not (report_is_current(clean, out, did) and preview_path(out, did).exists()))


@dg.multi_asset(  # (a multi-asset: `backfill_policy` of a plain asset warns as beta at start-up)
    name="build_audit_reports",
    specs=[dg.AssetSpec("audit_report", group_name=AUDIT_GROUP, partitions_def=pdf_partitions,
                        deps=[*GENERIC_TABLES, *DOMAIN_TABLES],
                        description="Each document's audit report: every cell boxed on its page, beside its grid, "
                                    "with the printed-total checks (HTML, opens from disk; `dkbudget audit` builds one "
                                    "on demand).")],
    partitions_def=pdf_partitions, backfill_policy=dg.BackfillPolicy.single_run())
def audit_report_asset(context: AssetExecutionContext, dkbudget: DkbudgetPaths) -> dg.MaterializeResult:
    """Write the report of each of the run's documents (unless current); publish each one's path and a Markdown
    preview on its partition, and the counts on the step."""
    clean = dkbudget.clean()
    out = audit_dir(clean)
    per_document: dict[tuple[str, str], dict] = {}
    ids = {key: document_id_of(sha256_of(dkbudget.pdf(key))) for key in context.partition_keys}
    forced = is_forced(context)
    raw, limits = dkbudget.raw(), limits_from_env()
    ahead = started_ahead(clean, raw, set(ids.values()), out, limits)
    todo = sorted(ahead | set(reports_due(clean, out, set(ids.values()) - ahead, forced)))
    reports = build_reports(clean, raw, todo, out, limits, workers_from_env())
    built, seen = 0, set()
    for key, did in ids.items():
        skipped = did not in reports or (did in seen and not forced)  # a twin file: its report was just built
        seen.add(did)
        built += not skipped
        meta: dict[str, object] = {"document_id": did, "skipped": skipped}
        if not skipped:
            report = reports[did]
            meta.update(pages_rendered=report.pages_rendered, size_mb=round(report.size_bytes / 1e6, 2),
                        seconds=round(report.seconds, 2), totals_failing=report.failing)
            if report.notice:
                context.log.warning(f"{key}: {report.notice}")
        meta["path"] = dg.MetadataValue.path(str(report_path(out, did)))
        meta["preview"] = dg.MetadataValue.md(preview_path(out, did).read_text(encoding="utf-8"))
        per_document[("audit_report", key)] = meta
    add_partition_metadata(context, per_document)
    return dg.MaterializeResult(asset_key="audit_report",
                                metadata={"run_documents": len(per_document), "run_built": built})
