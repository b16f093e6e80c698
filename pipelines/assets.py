"""The partitioned assets: `documents` + `tables` + `table_cells` (one extraction per PDF), then one per domain table.

Each partition is one PDF (key = file name). Every asset skips work whose published output already comes from
the same bytes and code (see pipelines.state), unless the run carries the force tag.
"""

from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from dagster import AssetExecutionContext

from domain import registry
from domain.grid import grids_from_records
from pipelines import checks
from pipelines.documents_rows import add_file_name, publish_documents, row_of, update_documents
from pipelines.isolation import limits_from_env
from pipelines.partitions import pdf_partitions
from pipelines.process import (
    MAX_ERROR_CHARS,
    ExtractedDocument,
    describe_error,
    document_id_of,
    extract_with_limits,
    sha256_of,
)
from pipelines.resources import DkbudgetPaths
from pipelines.schemas import DOMAIN_TABLES, GENERIC_TABLES, KEYS
from pipelines.state import Marker, document_is_current, output_is_current, read_marker, write_marker
from pipelines.version import pipeline_version
from pipelines.writer import output_path, read_table, write_table
from reports.build import audit_dir, report_path

FORCE_TAG = "dkbudget/force"
GENERIC_GROUP = "generic"
DOMAIN_GROUP = "domain"


def is_forced(context: AssetExecutionContext) -> bool:
    """Given an asset context, return whether the run asks to redo work even where outputs are current."""
    return context.run.tags.get(FORCE_TAG, "").lower() in ("1", "true", "yes")


def _table_checks(clean: Path, table: str, document_id: str) -> Iterator[dg.AssetCheckResult]:
    """Given a document's output of a table, yield the checks its asset carries (coverage excluded)."""
    yield checks.schema_check(clean, table, document_id)
    if table in KEYS:
        yield checks.keys_check(clean, table, document_id)
    if table == "tables":
        yield checks.totals_check(clean, document_id)


def publish_extraction(clean: Path, raw: Path, result: ExtractedDocument) -> None:
    """Given an ExtractedDocument, write (unless it failed) its generic rows + markers, then its `documents` rows.

    A failed extraction writes only `documents`: the document's previously published outputs stay in place.
    """
    doc = result.document
    did, sha, version = doc["document_id"], doc["sha256"], doc["pipeline_version"]
    generation = doc["extracted_at"].isoformat()
    if result.tables is not None:
        for table, rows in (("tables", result.tables), ("table_cells", result.cells)):
            write_table(clean, table, did, rows)
            write_marker(clean, did, table, Marker(sha, version, generation, len(rows), doc["file_name"]))
    publish_documents(clean, raw, result)


@dg.multi_asset(
    name="extract_document",
    specs=[
        dg.AssetSpec("documents", group_name=GENERIC_GROUP, partitions_def=pdf_partitions,
                     description="One row per PDF: id, hash, pages, kind, municipality, title, status/error."),
        dg.AssetSpec("tables", group_name=GENERIC_GROUP, partitions_def=pdf_partitions,
                     description="One row per table found, with caption, context, columns, unit, kind, totals."),
        dg.AssetSpec("table_cells", group_name=GENERIC_GROUP, partitions_def=pdf_partitions,
                     description="One row per non-empty body cell, with its text, Danish value and box."),
    ],
    check_specs=[spec for table in GENERIC_TABLES for spec in checks.check_specs(table)],
    partitions_def=pdf_partitions,
    can_subset=False,
)
def extract_document_assets(context: AssetExecutionContext, dkbudget: DkbudgetPaths) -> Iterator:
    """Extract one PDF once: publish its `documents`, `tables` and `table_cells` rows and check them."""
    file_name = context.partition_key
    path = dkbudget.pdf(file_name)
    clean = dkbudget.clean()
    sha = sha256_of(path)
    did = document_id_of(sha)
    skipped = not is_forced(context) and document_is_current(clean, did, None, sha, pipeline_version(),
                                                              tables=GENERIC_TABLES)
    if skipped:
        if add_file_name(clean, dkbudget.raw(), did, file_name):
            context.log.info(f"{file_name}: same bytes as an extracted file ({did}): its documents row added")
        else:
            context.log.info(f"{file_name}: unchanged ({did}, {pipeline_version()}), skipped")
    else:
        result = extract_with_limits(path, limits_from_env(), sha)
        publish_extraction(clean, dkbudget.raw(), result)
        doc = result.document
        if doc["status"] != "ok":
            context.log.warning(f"{file_name}: {doc['status']}: {doc['error']}")
    doc_row = row_of(clean, did, file_name)
    common = {"document_id": did, "file_name": file_name, "skipped": skipped, "status": doc_row["status"],
              "pipeline_version": doc_row["pipeline_version"]}
    for table in GENERIC_TABLES:
        marker = read_marker(clean, did, table)
        yield dg.MaterializeResult(asset_key=table, metadata={
            **common, "rows": marker.n_rows if marker else 0,
            "path": str(output_path(clean, table, did)),
            "error": doc_row["error"] or "",
            **({"audit_report": dg.MetadataValue.path(str(report_path(audit_dir(clean), did)))}
               if table == "documents" else {})})  # built by the `audit_report` asset after the domain tables
    for table in GENERIC_TABLES:
        yield from _table_checks(clean, table, did)
    yield checks.coverage_check(dkbudget.raw(), clean)


def build_domain_rows(clean: Path, table: str, doc_row: dict) -> list[dict]:
    """Given a document's `documents` row, rebuild its grids from its published parquet and shape `table` rows."""
    did = doc_row["document_id"]
    builder = registry.builders().get(table)
    if builder is None:
        return []
    tables = read_table(clean, "tables", did)
    cells = read_table(clean, "table_cells", did)
    grids = grids_from_records([] if tables is None else tables.to_pylist(),
                               [] if cells is None else cells.to_pylist())
    context = registry.DocumentContext(document_id=did, kind=doc_row["kind"],
                                       municipality=doc_row["municipality"], title=doc_row["title"],
                                       outline=tuple(doc_row.get("outline") or ()))
    rows = builder(context, grids)
    return [{"document_id": did, **row} for row in rows]


def record_problem(clean: Path, document_id: str, problem: str) -> None:
    """Given a document and a one-line problem of a later step, mark its `documents` rows partial with it."""

    def change(row: dict) -> None:
        """Mark one row."""
        if problem in (row["error"] or ""):
            return
        row["status"] = "partial" if row["status"] == "ok" else row["status"]
        row["error"] = (f"{row['error']}; {problem}" if row["error"] else problem)[:MAX_ERROR_CHARS]

    update_documents(clean, document_id, change)


def domain_asset(table: str) -> dg.AssetsDefinition:
    """Given a domain table name, return its partitioned asset (reads the document's own parquet, never the PDF)."""

    @dg.asset(name=table, group_name=DOMAIN_GROUP, partitions_def=pdf_partitions,
              deps=["documents", "tables", "table_cells"], check_specs=checks.check_specs(table),
              description=f"The `{table}` rows of each document (CONTRACT.md), shaped from its tables.")
    def _asset(context: AssetExecutionContext, dkbudget: DkbudgetPaths) -> Iterator:
        clean = dkbudget.clean()
        sha = sha256_of(dkbudget.pdf(context.partition_key))
        did = document_id_of(sha)
        docs = read_table(clean, "documents", did)
        if docs is None:
            raise RuntimeError(f"{context.partition_key}: no `documents` row yet; materialize extract_document first")
        doc_row = docs.to_pylist()[0]
        generation = doc_row["extracted_at"].isoformat()
        if doc_row["status"] == "failed":
            reason = f"extraction failed, previous output kept: {doc_row['error']}"
        elif not is_forced(context) and output_is_current(clean, did, table, sha, pipeline_version(), generation):
            reason = "unchanged"
        else:
            try:
                rows = build_domain_rows(clean, table, doc_row)  # from the tables recognised, whatever the kind
            except Exception as exc:  # noqa: BLE001 - a builder's bug: recorded in `documents`, never fatal
                problem = describe_error(f"building {table}", exc)
                record_problem(clean, did, problem)
                reason = f"building {table} failed, previous output kept: {problem}"
                context.log.warning(f"{context.partition_key}: {reason}")
            else:
                reason = ""
                write_table(clean, table, did, rows)
                write_marker(clean, did, table, Marker(sha, pipeline_version(), generation, len(rows),
                                                       doc_row["file_name"]))
        marker = read_marker(clean, did, table)
        yield dg.MaterializeResult(metadata={
            "document_id": did, "skipped": bool(reason), "reason": reason, "rows": marker.n_rows if marker else 0,
            "path": str(output_path(clean, table, did))})
        yield from _table_checks(clean, table, did)

    return _asset


domain_assets = [domain_asset(table) for table in DOMAIN_TABLES]
all_assets = [extract_document_assets, *domain_assets]
