"""Many documents in one step: each PDF's extraction, publication, domain tables and checks, in parallel.

`build_documents` is what the `build_documents` asset step calls with the partition keys (file names) of its run.
A pool of threads works through them, one document at a time each; at most `workers` of them extract at once,
each in a limited worker process (pipelines.lib.extraction.isolation, so every document keeps its own time and
memory limits), while the others write parquet and markers and build domain tables from one reading of the grids, so the
extraction workers do not wait on that bookkeeping. A document's files are made durable together (one
`SyncBatch.sync()` before the markers that vouch for them, and one when the document is done). The step itself turns
the outcomes into a constant number of Dagster events per document (one materialization per asset and
partition) plus one check result per check and run.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path

import dagster as dg
import pyarrow as pa

from domain import registry
from domain.grid import grids_from_records
from pipelines.defs.documents import checks
from pipelines.lib.config import pdf_path
from pipelines.lib.extraction.ahead import ExtractionsAhead, claim_extractions_ahead
from pipelines.lib.extraction.isolation import Limits
from pipelines.lib.extraction.process import (
    MAX_ERROR_CHARS,
    ExtractedDocument,
    describe_error,
    document_id_of,
    extract_with_limits,
    sha256_of,
)
from pipelines.lib.storage.documents_rows import (
    add_file_name,
    document_lock,
    publish_documents,
    row_of,
    update_documents,
)
from pipelines.lib.storage.schemas import GENERIC_TABLES, to_arrow
from pipelines.lib.storage.state import DocumentState, Marker, write_marker
from pipelines.lib.storage.writer import (
    SyncBatch,
    atomic_open,
    output_path,
    read_table,
    temp_dir,
    write_arrow_table,
)
from pipelines.lib.version import pipeline_version
from reports.build import audit_dir, report_path
from reports.stored_totals import checks_to_bytes, stored_checks_path

WORKERS_ENV = "DKBUDGET_WORKERS"  # documents extracted at once in one step (default: the machine's cores)
NO_DOCUMENTS_ROW = "no `documents` row yet: build its generic tables (documents, tables, table_cells) first"
UNCHANGED = "unchanged"  # the reason of a skip: the output comes from these PDF bytes and this pipeline version
FORCED = "forced (--force or --document)"
BUILD_LOCK = "build.lock"  # held while one document is built, so two runs never build it at once
THREADS_PER_WORKER = 2  # documents in hand per extraction slot: one extracting, one being published


def workers_from_env(env: dict[str, str] | None = None) -> int:
    """Given the environment (default os.environ), return how many documents one step works on at once."""
    env = os.environ if env is None else env
    raw = env.get(WORKERS_ENV, "").strip()
    if not raw:
        return max(1, os.cpu_count() or 1)
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise ValueError(f"{WORKERS_ENV} must be a positive integer, not {raw!r}")
    return value


@dataclass
class Work:
    """What one step does: the dirs, which tables it builds, whether it redoes current work, and the limits."""

    raw: Path
    clean: Path
    generic: bool  # extract (documents, tables, table_cells)
    domain: tuple[str, ...]  # domain tables to build
    forced: bool
    limits: Limits
    slots: threading.Semaphore | None = None  # bounds the extractions at once (None: no bound)
    ahead: ExtractionsAhead | None = None  # extractions `dkbudget run` started before the step (lib.extraction.ahead)


@dataclass
class Outcome:
    """One document's outcome in a step: per table its metadata, per check its result, and a warning if any."""

    file_name: str
    document_id: str = ""
    status: str = ""
    skipped: bool = False
    metadata: dict[str, dict] = field(default_factory=dict)  # table -> metadata of its materialization
    # table -> the marker of its published output (None: none), what Dagster's data version of it is made from
    markers: dict[str, Marker | None] = field(default_factory=dict)
    checks: dict[tuple[str, str], dg.AssetCheckResult] = field(default_factory=dict)  # (table, check) -> result
    warning: str = ""


def publish_extraction(clean: Path, raw: Path, result: ExtractedDocument, batch: SyncBatch | None = None,
                       state: DocumentState | None = None) -> dict[str, pa.Table]:
    """Given an ExtractedDocument, write (unless it failed) its generic rows + markers, then its `documents` rows;
    return the rows as published ({table: arrow table}: `documents`, and `tables` and `table_cells` unless the
    extraction failed).

    A failed extraction writes only `documents`: the document's previously published outputs stay in place.
    The markers are written once the rows they vouch for are durable (one sync of `batch` for the generic and the
    `documents` rows; a new batch when None), and are durable at the batch's next sync. The extraction's
    printed-total checks are stored first (reports.stored_totals: the audit report reuses them while they match
    the published tables). The markers written are told to `state` when given.
    """
    batch = SyncBatch() if batch is None else batch
    doc = result.document
    did, sha, version = doc["document_id"], doc["sha256"], doc["pipeline_version"]
    generation = doc["extracted_at"].isoformat()
    if result.tables is None:
        return {"documents": publish_documents(clean, raw, result, batch, state=state)}
    with atomic_open(stored_checks_path(clean, did), temp_dir(clean), batch) as fh:
        fh.write(checks_to_bytes(result.totals, doc, len(result.tables), len(result.cells or ())))
    generic = {"tables": to_arrow("tables", result.tables), "table_cells": to_arrow("table_cells", result.cells or ())}
    for table, data in generic.items():
        write_arrow_table(clean, table, did, data, batch)
    markers = [(table, Marker(sha, version, generation, data.num_rows, doc["file_name"]))
               for table, data in generic.items()]
    documents = publish_documents(clean, raw, result, batch, markers, state)  # one sync for the three, then markers
    return {**generic, "documents": documents}


def record_problem(clean: Path, document_id: str, problem: str, state: DocumentState | None = None) -> None:
    """Given a document and a one-line problem of a later step, mark its `documents` rows partial with it."""

    def change(row: dict) -> None:
        """Mark one row."""
        if problem in (row["error"] or ""):
            return
        row["status"] = "partial" if row["status"] == "ok" else row["status"]
        row["error"] = (f"{row['error']}; {problem}" if row["error"] else problem)[:MAX_ERROR_CHARS]

    update_documents(clean, document_id, change, state)


def document_grids(clean: Path, document_id: str, published: dict[str, pa.Table] | None = None) -> list:
    """Given a document id, rebuild its table grids from its published `tables` and `table_cells` (the rows just
    written when `published` holds them, else read from the clean dir)."""
    published = published or {}
    tables = published["tables"] if "tables" in published else read_table(clean, "tables", document_id)
    cells = published["table_cells"] if "table_cells" in published else read_table(clean, "table_cells", document_id)
    return grids_from_records([] if tables is None else tables.to_pylist(),
                              [] if cells is None else cells.to_pylist())


def build_domain_rows(clean: Path, table: str, doc_row: dict, grids: list | None = None) -> list[dict]:
    """Given a document's `documents` row (and its grids, else read), shape its rows of one domain table."""
    did = doc_row["document_id"]
    builder = registry.builders().get(table)
    if builder is None:
        return []
    grids = document_grids(clean, did) if grids is None else grids
    context = registry.DocumentContext(document_id=did, kind=doc_row["kind"],
                                       municipality=doc_row["municipality"], title=doc_row["title"],
                                       outline=tuple(doc_row.get("outline") or ()))
    return [{"document_id": did, **row} for row in builder(context, grids)]


def why_extract(state: DocumentState, sha: str, version: str) -> str:
    """Given a document's state and its PDF's hash, return why its generic tables are extracted again ("": they
    are current). The `documents` marker decides (DocumentState.is_current); the reason names what changed."""
    if state.is_current(None, sha, version, tables=GENERIC_TABLES):
        return ""
    doc = state.marker("documents")
    reasons = [state.why_not_current("documents", sha, version)]
    if doc is not None:
        reasons += [state.why_not_current(t, sha, version, doc.generation) for t in GENERIC_TABLES]
    return next((r for r in reasons if r), "outputs not current")


def _extract(work: Work, file_name: str, sha: str, state: DocumentState, out: Outcome,
             batch: SyncBatch) -> tuple[list[registry.TotalCheck] | None, dict[str, pa.Table] | None, str]:
    """Extract one document unless current (in one of the work's slots); publish it with `batch`; return its
    fresh total checks, its rows as published (None when not extracted: the `documents` rows only when a
    further file name was added to them) and why it was extracted ("" when it was not)."""
    why = FORCED if work.forced else why_extract(state, sha, pipeline_version())
    if not why:
        out.skipped = True
        documents = add_file_name(work.clean, work.raw, state.document_id, file_name, state)
        return None, (None if documents is None else {"documents": documents}), ""
    result = work.ahead.take(file_name, sha) if work.ahead is not None else None
    if result is None:
        with work.slots or nullcontext():
            result = extract_with_limits(pdf_path(work.raw, file_name), work.limits, sha)
    published = publish_extraction(work.clean, work.raw, result, batch, state)
    return (result.totals if "tables" in published else None), published, why


def _build_domain(work: Work, state: DocumentState, sha: str, doc_row: dict, batch: SyncBatch,
                  published: dict[str, pa.Table] | None = None,
                  written: dict[str, pa.Table] | None = None) -> dict[str, tuple[bool, str]]:
    """Build the document's selected domain tables from one reading of its grids (from the generic rows this step
    just `published`, else read); return per table whether it was skipped and why (built: why it was built).
    Each table written is put in `written` (its rows as published) when given.

    The tables' files are written with `batch`, which is synced before their markers are written.
    """
    did = state.document_id
    generation = doc_row["extracted_at"].isoformat()
    reasons: dict[str, tuple[bool, str]] = {}
    todo = []
    for table in work.domain:
        if doc_row["status"] == "failed":
            reasons[table] = (True, f"extraction failed, previous output kept: {doc_row['error']}")
            continue
        why = FORCED if work.forced else state.why_not_current(table, sha, pipeline_version(), generation)
        if why:
            todo.append(table)
            reasons[table] = (False, why)
        else:
            reasons[table] = (True, UNCHANGED)
    if not todo:
        return reasons
    grids = document_grids(work.clean, did, published)  # from the tables recognised, whatever the document's kind
    done: list[tuple[str, int]] = []
    for table in todo:
        try:
            rows = build_domain_rows(work.clean, table, doc_row, grids)
        except Exception as exc:  # noqa: BLE001 - a builder's bug: recorded in `documents`, never fatal
            problem = describe_error(f"building {table}", exc)
            record_problem(work.clean, did, problem, state)
            reasons[table] = (True, f"building {table} failed, previous output kept: {problem}")
            continue
        data = to_arrow(table, rows)
        write_arrow_table(work.clean, table, did, data, batch)
        done.append((table, len(rows)))
        if written is not None:
            written[table] = data
    batch.sync()
    for table, n_rows in done:
        marker = Marker(sha, pipeline_version(), generation, n_rows, doc_row["file_name"])
        write_marker(work.clean, did, table, marker, batch)
        state.wrote(table, marker)
    return reasons


def _document_checks(clean: Path, tables: Iterable[str], did: str, totals: list[registry.TotalCheck] | None,
                     written: dict[str, pa.Table] | None = None) -> dict[tuple[str, str], dg.AssetCheckResult]:
    """Given a document's published tables (and the rows this step has just written of some of them, checked
    without reading their files back), return its per-document check results (schema, keys, totals)."""
    written = written or {}
    found = {}
    for table in tables:
        results = (checks.written_checks(clean, table, did, written[table]) if table in written
                   else checks.file_checks(clean, table, did))
        for result in results:
            found[(table, result.check_name)] = result
        if table == "tables":
            found[(table, checks.TOTALS_CHECK)] = checks.totals_check(clean, did, totals)
    return found


def build_document(work: Work, sha: str, file_names: list[str]) -> list[Outcome]:
    """Given the step's work and the file names of one document (same bytes), build it as asked; one outcome a name.

    The document is held under its build lock throughout, so two runs on the same clean dir never build one
    document at once (the second finds it current). Never raises for the PDF itself.
    """
    did = document_id_of(sha)
    batch = SyncBatch()
    with document_lock(work.clean, did, BUILD_LOCK):
        state = DocumentState(work.clean, did)  # its markers read once, under the build lock
        try:
            first = _build_one(work, file_names[0], sha, state, batch)
            twins = [_build_one(replace(work, forced=False), name, sha, state, batch) for name in file_names[1:]]
        finally:
            batch.sync()  # the document's last markers durable before its build lock is let go
    return [first, *twins]


def _rows_of(state: DocumentState, table: str, written: dict[str, pa.Table] | None) -> int:
    """Given a document's table, return how many rows its published output has: of the rows this step has just
    written when `written` holds them (the count their marker records), else from its marker."""
    if written and table in written:
        return written[table].num_rows
    marker = state.marker(table)
    return marker.n_rows if marker else 0


def _build_one(work: Work, file_name: str, sha: str, state: DocumentState, batch: SyncBatch) -> Outcome:
    """Given the step's work and one PDF (its hash and its document's state), extract/publish/build it as asked
    (files via `batch`)."""
    did = state.document_id
    out = Outcome(file_name, did)
    totals, published, why = _extract(work, file_name, sha, state, out, batch) if work.generic else (None, None, "")
    doc_row = row_of(work.clean, did, file_name, (published or {}).get("documents"))
    if doc_row is None:  # only when the step builds domain tables alone
        out.skipped, out.warning = True, f"{file_name}: {NO_DOCUMENTS_ROW}"
        out.metadata = {t: {"document_id": did, "skipped": True, "reason": NO_DOCUMENTS_ROW, "rows": 0}
                        for t in work.domain}
        return out
    out.status = doc_row["status"]
    if work.generic and not out.skipped and out.status != "ok":
        out.warning = f"{file_name}: {out.status}: {doc_row['error']}"
    common = {"document_id": did, "file_name": file_name, "pipeline_version": doc_row["pipeline_version"]}
    for table in GENERIC_TABLES if work.generic else ():
        out.metadata[table] = {**common, "skipped": out.skipped, "reason": why or UNCHANGED,
                               "status": doc_row["status"], "error": doc_row["error"] or "",
                               "rows": _rows_of(state, table, published),
                               "path": str(output_path(work.clean, table, did)),
                               **({"audit_report": dg.MetadataValue.path(str(report_path(audit_dir(work.clean), did)))}
                                  if table == "documents" else {})}  # built by the `audit_report` asset after this
    # the rows this step wrote and still holds under the build lock (not `documents`: a later problem rewrites it)
    written = {t: data for t, data in (published or {}).items() if t != "documents"}
    reasons = _build_domain(work, state, sha, doc_row, batch, published, written) if work.domain else {}
    for table, (skipped, reason) in reasons.items():
        out.metadata[table] = {**common, "skipped": skipped, "reason": reason,
                               "rows": _rows_of(state, table, written),
                               "path": str(output_path(work.clean, table, did))}
    built = (GENERIC_TABLES if work.generic else ()) + work.domain
    out.markers = {table: state.marker(table) for table in built}
    out.checks = _document_checks(work.clean, built, did, totals, written)
    return out


def build_documents(work: Work, file_names: list[str], workers: int,
                    shas: dict[str, str] | None = None) -> list[Outcome]:
    """Given the step's work and its PDFs, build them with `workers` extractions at a time; return the outcomes.

    Files with identical bytes are one document, built once by one thread. Extractions `dkbudget run` started
    ahead of the step for these PDFs (pipelines.lib.extraction.ahead) are taken instead of extracting them again.
    `THREADS_PER_WORKER` documents are in hand per extraction slot, so that publishing one document overlaps the
    extraction of the next. The outcomes come back one per file name, in the order of `file_names`. `shas`: the
    PDFs' hashes when the caller has them (else each PDF is hashed here).
    """
    by_document: dict[str, list[str]] = {}
    for name in file_names:
        sha = shas[name] if shas is not None and name in shas else sha256_of(pdf_path(work.raw, name))
        by_document.setdefault(sha, []).append(name)
    groups = list(by_document.items())
    ahead = claim_extractions_ahead(work.raw, work.limits) if work.generic else None
    if ahead is not None:  # its extractions still running hold slots of the same bound
        work = replace(work, slots=ahead.slots, ahead=ahead)
    if len(groups) <= 1:
        done = [build_document(work, sha, names) for sha, names in groups]
    else:
        work = work if ahead is not None else replace(work, slots=threading.BoundedSemaphore(workers))
        threads = min(len(groups), workers * THREADS_PER_WORKER)
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="dkbudget-doc") as pool:
            done = list(pool.map(lambda group: build_document(work, *group), groups))
    by_name = {o.file_name: o for outcomes in done for o in outcomes}
    return [by_name[name] for name in file_names]
