"""The `audit_report` asset: each document's audit report (reports/), built after its tables, linked in the UI.

Its materialization carries the report's path and a Markdown preview of the document's tables and failing
printed totals. A report newer than all of the document's parquet is kept as it is (unless the run is forced).
"""

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.assets import add_partition_metadata, is_forced
from pipelines.partitions import pdf_partitions
from pipelines.process import document_id_of, sha256_of
from pipelines.resources import DkbudgetPaths
from pipelines.schemas import DOMAIN_TABLES, GENERIC_TABLES
from reports.build import audit_dir, build_report, preview_path, report_is_current, report_path

AUDIT_GROUP = "audit"


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
    built = 0
    for key in context.partition_keys:
        did = document_id_of(sha256_of(dkbudget.pdf(key)))
        skipped = not is_forced(context) and report_is_current(clean, out, did) and preview_path(out, did).exists()
        meta: dict[str, object] = {"document_id": did, "skipped": skipped}
        if not skipped:
            report = build_report(clean, dkbudget.raw(), did, out)
            built += 1
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
