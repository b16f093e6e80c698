"""The partitioned assets, built in one step per run: `documents`, `tables`, `table_cells` and the domain tables.

Each partition is one PDF (key = file name). A run covers many partitions at once (single-run backfill policy:
a range of keys is one run); its one step works through the documents in parallel (pipelines.defs.documents.batch), each
extracted under its own limits in a limited worker process, and gives one materialization per asset and document,
with that document's metadata, plus one result per check for the whole run. Work whose published output already comes
from the same bytes and code is skipped (pipelines.lib.storage.state), unless the run carries the force tag.

Every asset depends on the observed source asset `raw_pdf` (the PDF's bytes); each materialization records the
document's own data version, code version and provenance (pipelines.defs.documents.versions), so that the UI shows
which documents are stale, and its metadata says whether the output was rebuilt (`skipped`) and why (`reason`).
"""

from collections.abc import Iterator

import dagster as dg
from dagster import AssetExecutionContext
from dagster._core.execution.context.metadata_logging import AssetMetadataHandle, OutputMetadataAccumulator

from pipelines.defs.documents import checks
from pipelines.defs.documents.batch import Work, build_documents, workers_from_env
from pipelines.defs.documents.versions import (
    RAW_PDF_KEY,
    document_tags,
    install_partition_tags,
    observe_run_pdfs,
    raw_pdf,
    set_partition_tags,
)
from pipelines.defs.jobs import JOB_NAME
from pipelines.defs.partitions import pdf_partitions
from pipelines.defs.resources import DkbudgetPaths
from pipelines.lib.extraction.isolation import limits_from_env
from pipelines.lib.extraction.process import sha256_of
from pipelines.lib.instance import monitoring
from pipelines.lib.storage.schemas import DOMAIN_TABLES, GENERIC_TABLES
from pipelines.lib.version import pipeline_version
from reports.build import audit_dir

FORCE_TAG = "dkbudget/force"
STEP_NAME = "build_documents"
AUDIT_KEY = dg.AssetKey("audit_report")
GENERIC_GROUP = "generic"
DOMAIN_GROUP = "domain"
DESCRIPTIONS = {
    "documents": "One row per PDF: id, hash, pages, kind, municipality, title, status/error.",
    "tables": "One row per table found, with caption, context, columns, unit, kind, totals.",
    "table_cells": "One row per non-empty body cell, with its text, Danish value and box.",
}


def is_forced(context: AssetExecutionContext) -> bool:
    """Given an asset context, return whether the run asks to redo work even where outputs are current."""
    return context.run.tags.get(FORCE_TAG, "").lower() in ("1", "true", "yes")


def add_partition_metadata(context: AssetExecutionContext, metadata: dict[tuple[str, str], dict]) -> None:
    """Given {(asset, partition key): metadata} for the run's own partition keys, add it to their materializations.

    Same as `context.add_asset_metadata(m, asset_key=..., partition_key=...)` for each, which checks every call's
    key against the run's range by listing the dynamic partitions from the instance (two queries a call, a minute
    for a run of 240 documents); the keys are checked here once and the step's metadata extended in one go.
    """
    targeted = set(context.partition_keys)
    outside = {key for _, key in metadata} - targeted
    if outside:
        raise dg.DagsterInvariantViolationError(f"metadata for partitions outside the run: {sorted(outside)[:5]}")
    step = context.get_step_execution_context()
    merged = dict(step._metadata_accumulator.per_output_metadata)  # noqa: SLF001 - see docstring
    for (table, key), values in metadata.items():
        handle = AssetMetadataHandle(asset_key=dg.AssetKey(table), partition_key=key)
        merged[handle] = {**merged.get(handle, {}), **values}
    step._metadata_accumulator = OutputMetadataAccumulator(per_output_metadata=merged)  # noqa: SLF001


def _spec(table: str) -> dg.AssetSpec:
    """Given a contract table, return its asset spec (domain tables depend on the generic ones)."""
    generic = table in GENERIC_TABLES
    return dg.AssetSpec(
        table, group_name=GENERIC_GROUP if generic else DOMAIN_GROUP, partitions_def=pdf_partitions,
        code_version=pipeline_version(), deps=[RAW_PDF_KEY, *([] if generic else GENERIC_TABLES)],
        description=DESCRIPTIONS.get(table, f"The `{table}` rows of each document (CONTRACT.md), shaped from "
                                            "its tables."))


def _start_reports_ahead(context: AssetExecutionContext, dkbudget: DkbudgetPaths, outcomes: list,
                         work: Work) -> None:
    """Given the step's outcomes, start the run's due audit reports in the background (pipelines.defs.audit), when
    the run is the in-process `dkbudget` job whose audit step comes next in this process: they are built while this
    step stores its events."""
    selection = context.run.asset_selection
    if context.run.job_name != JOB_NAME or (selection and AUDIT_KEY not in selection):  # empty: every asset
        return
    from pipelines.defs.audit.assets import reports_due, start_reports_ahead

    out = audit_dir(work.clean)
    todo = reports_due(work.clean, out, {o.document_id for o in outcomes}, work.forced)
    start_reports_ahead(work.clean, dkbudget.raw(), todo, out, work.limits, workers_from_env())


@dg.multi_asset(
    name=STEP_NAME,
    specs=[_spec(table) for table in GENERIC_TABLES + DOMAIN_TABLES],
    check_specs=[spec for table in GENERIC_TABLES + DOMAIN_TABLES for spec in checks.check_specs(table)],
    partitions_def=pdf_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),
    can_subset=True,
)
def build_documents_assets(context: AssetExecutionContext, dkbudget: DkbudgetPaths) -> Iterator:
    """Build the run's PDFs (its partition keys): extract, publish and shape each, a few at a time; check them."""
    monitoring.claim_run(context.instance, context.run)
    selected = {key.to_user_string() for key in context.selected_asset_keys}
    work = Work(raw=dkbudget.raw(), clean=dkbudget.clean(), generic=bool(selected & set(GENERIC_TABLES)),
                domain=tuple(t for t in DOMAIN_TABLES if t in selected), forced=is_forced(context),
                limits=limits_from_env())
    keys = list(context.partition_keys)
    shas = {key: sha256_of(dkbudget.pdf(key)) for key in keys}
    pointers = observe_run_pdfs(context, shas)
    outcomes = build_documents(work, keys, workers_from_env(), shas)
    _start_reports_ahead(context, dkbudget, outcomes, work)
    tables = (GENERIC_TABLES if work.generic else ()) + work.domain
    for outcome in outcomes:
        if outcome.warning:
            context.log.warning(outcome.warning)
    add_partition_metadata(context, {(table, o.file_name): o.metadata[table] for o in outcomes for table in tables
                                     if table in o.metadata})
    version = pipeline_version()
    set_partition_tags(context, {(table, o.file_name): tags for o in outcomes
                                 for table, tags in document_tags(tuple(t for t in tables if t in o.markers),
                                                                  shas[o.file_name], pointers.get(o.file_name),
                                                                  o.markers, version).items()})
    skipped = sum(o.skipped for o in outcomes)
    for table in tables:
        yield dg.MaterializeResult(asset_key=table, metadata={"run_documents": len(outcomes), "run_skipped": skipped})
    wanted = {(key.asset_key.to_user_string(), key.name) for key in context.selected_asset_check_keys}
    for table, name in sorted(wanted):
        if name == checks.COVERAGE_CHECK:
            yield checks.coverage_check(dkbudget.raw(), dkbudget.clean())
            continue
        by_document = {o.document_id: o.checks[(table, name)] for o in outcomes if (table, name) in o.checks}
        yield checks.combine(name, table, by_document)


install_partition_tags()
all_assets = [raw_pdf, build_documents_assets]
