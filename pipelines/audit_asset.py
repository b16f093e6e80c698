"""The `audit_report` asset: each document's audit report (reports/), built after its tables, linked in the UI.

Its materialization carries the report's path and a Markdown preview of the document's tables and failing
printed totals. A report newer than all of the document's parquet is kept as it is (unless the run is forced).
"""

import dagster as dg
from dagster import AssetExecutionContext

from pipelines.assets import is_forced
from pipelines.partitions import pdf_partitions
from pipelines.process import document_id_of, sha256_of
from pipelines.resources import DkbudgetPaths
from pipelines.schemas import DOMAIN_TABLES, GENERIC_TABLES
from reports.build import audit_dir, build_report, preview_path, report_is_current, report_path

AUDIT_GROUP = "audit"


@dg.asset(name="audit_report", group_name=AUDIT_GROUP, partitions_def=pdf_partitions,
          deps=[*GENERIC_TABLES, *DOMAIN_TABLES],
          description="Each document's audit report: every cell boxed on its page, beside its grid, with the "
                      "printed-total checks (HTML, opens from disk; `dkbudget audit` builds one on demand).")
def audit_report_asset(context: AssetExecutionContext, dkbudget: DkbudgetPaths) -> dg.MaterializeResult:
    """Write the document's audit report (unless current) and publish its path and a Markdown preview."""
    clean = dkbudget.clean()
    did = document_id_of(sha256_of(dkbudget.pdf(context.partition_key)))
    out = audit_dir(clean)
    skipped = not is_forced(context) and report_is_current(clean, out, did) and preview_path(out, did).exists()
    meta: dict[str, object] = {"document_id": did, "skipped": skipped}
    if not skipped:
        report = build_report(clean, dkbudget.raw(), did, out)
        meta.update(pages_rendered=report.pages_rendered, size_mb=round(report.size_bytes / 1e6, 2),
                    seconds=round(report.seconds, 2), totals_failing=report.failing)
        if report.notice:
            context.log.warning(f"{context.partition_key}: {report.notice}")
    meta["path"] = dg.MetadataValue.path(str(report_path(out, did)))
    meta["preview"] = dg.MetadataValue.md(preview_path(out, did).read_text(encoding="utf-8"))
    return dg.MaterializeResult(metadata=meta)
