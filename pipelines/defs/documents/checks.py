"""Asset checks over the published parquet of one document (CONTRACT "Checks"): schema, keys, totals, coverage.

Each function reads what is on disk, so a check reports the outputs users actually read, whether they were
just written or kept from an earlier run; a step that has just written a document's file of a table, and holds
it under the document's build lock, may hand over the arrow table it wrote instead (`written_checks`): the same
results, without reading the file back.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import dagster as dg
import pyarrow as pa
import pyarrow.parquet as pq

from domain import registry
from domain.grid import grids_from_records
from pipelines.lib.config import list_pdfs
from pipelines.lib.storage.schemas import KEYS, SCHEMAS
from pipelines.lib.storage.writer import PARQUET_SUFFIX, output_path, read_parquet, read_table

SCHEMA_CHECK = "schema_matches_contract"
KEYS_CHECK = "keys_unique"
TOTALS_CHECK = "printed_totals_hold"
COVERAGE_CHECK = "every_pdf_has_documents_row"
DUPLICATE_LABELS_ALLOWED = frozenset({"proposal_economics"})  # CONTRACT: duplicate printed labels, by row order
MAX_LISTED = 50  # failures listed in a check's metadata


def check_specs(table: str) -> list[dg.AssetCheckSpec]:
    """Given a contract table, return the checks its asset carries."""
    specs = [dg.AssetCheckSpec(SCHEMA_CHECK, asset=table, description="Parquet schema equals CONTRACT.md")]
    if table in KEYS:
        specs.append(dg.AssetCheckSpec(KEYS_CHECK, asset=table, description=f"Unique key: {', '.join(KEYS[table])}"))
    if table == "tables":
        specs.append(dg.AssetCheckSpec(TOTALS_CHECK, asset=table,
                                       description="Printed totals equal the sum of their parts (reported, not fixed)"))
    if table == "documents":
        specs.append(dg.AssetCheckSpec(COVERAGE_CHECK, asset=table,
                                       description="Every PDF in the raw dir has a `documents` row"))
    return specs


def schema_check(clean_dir: Path, table: str, document_id: str, parquet: pq.ParquetFile | None = None,
                 written: pa.Table | None = None) -> dg.AssetCheckResult:
    """Given a document's output of a table (and that file, when open already, or the rows just written to it),
    return whether its parquet schema is the contract's."""
    path = output_path(clean_dir, table, document_id)
    if written is None and parquet is None and not path.exists():
        return dg.AssetCheckResult(check_name=SCHEMA_CHECK, asset_key=table, passed=True,
                                   metadata={"file": "none (no rows for this document)"})
    found = (written.schema if written is not None else pq.read_schema(path) if parquet is None
             else parquet.schema_arrow).remove_metadata()
    expected = SCHEMAS[table]
    problems = [f"{f.name}: expected {f.type}, found {found.field(f.name).type if f.name in found.names else 'none'}"
                for f in expected if f.name not in found.names or found.field(f.name).type != f.type]
    return dg.AssetCheckResult(check_name=SCHEMA_CHECK, asset_key=table, passed=not problems,
                               metadata={"file": str(path), "problems": problems[:MAX_LISTED]})


def keys_check(clean_dir: Path, table: str, document_id: str, parquet: pq.ParquetFile | None = None,
               written: pa.Table | None = None) -> dg.AssetCheckResult:
    """Given a document's output of a table (and that file, when open already, or the rows just written to it),
    return whether its key columns are unique."""
    path = output_path(clean_dir, table, document_id)
    keys = list(KEYS[table])
    if written is not None:
        rows = written.select(keys).to_pylist()
    elif parquet is not None:
        rows = parquet.read(columns=keys, use_threads=False).select(keys).to_pylist()  # the keys alone
    else:
        rows = read_parquet(path, columns=keys).select(keys).to_pylist() if path.exists() else []
    counts = Counter(tuple(r.values()) for r in rows)
    duplicates = {k: n for k, n in counts.items() if n > 1}
    allowed = table in DUPLICATE_LABELS_ALLOWED
    listed = [dict(zip(KEYS[table], map(str, k), strict=True), count=n)
              for k, n in list(duplicates.items())[:MAX_LISTED]]
    return dg.AssetCheckResult(
        check_name=KEYS_CHECK, asset_key=table, passed=allowed or not duplicates,
        metadata={"rows": len(rows), "duplicate_keys": len(duplicates), "duplicates": listed,
                  "duplicates_allowed": "duplicate printed labels, kept in row order" if allowed else "no"})


def file_checks(clean_dir: Path, table: str, document_id: str) -> list[dg.AssetCheckResult]:
    """Given a document's output of a table, return its schema check and (for a table with a key) its keys check,
    from one opening of its file."""
    path = output_path(clean_dir, table, document_id)
    try:
        parquet = pq.ParquetFile(path)
    except FileNotFoundError:
        parquet = None
    try:
        found = [schema_check(clean_dir, table, document_id, parquet)]
        if table in KEYS:
            found.append(keys_check(clean_dir, table, document_id, parquet))
        return found
    finally:
        if parquet is not None:
            parquet.close()


def written_checks(clean_dir: Path, table: str, document_id: str, written: pa.Table) -> list[dg.AssetCheckResult]:
    """Given the arrow table a step has just published as a document's output of a table (`writer.write_arrow_table`:
    no rows means no file), return what `file_checks` returns for that file, without reading it back."""
    if written.num_rows == 0:
        return file_checks(clean_dir, table, document_id)  # no file: the checks say so
    found = [schema_check(clean_dir, table, document_id, written=written)]
    if table in KEYS:
        found.append(keys_check(clean_dir, table, document_id, written=written))
    return found


def total_checks(clean_dir: Path, document_id: str) -> list[registry.TotalCheck]:
    """Given a document id, return the printed-total checks over its published `tables`/`table_cells`."""
    tables = read_table(clean_dir, "tables", document_id)
    if tables is None:
        return []
    cells = read_table(clean_dir, "table_cells", document_id)
    grids = grids_from_records(tables.to_pylist(), [] if cells is None else cells.to_pylist())
    return [check for grid in grids for check in registry.check_totals(grid)]


def totals_check(clean_dir: Path, document_id: str,
                 checks: list[registry.TotalCheck] | None = None) -> dg.AssetCheckResult:
    """Given a document id (and its total checks when just computed), return the totals check: every failing
    total with table, row, column, difference."""
    checks = total_checks(clean_dir, document_id) if checks is None else checks
    failing = [c for c in checks if not c.holds]
    listed = [{"table_id": c.table_id, "row": c.row_label, "column": c.column, "printed": c.shown_printed,
               "computed": str(c.computed), "difference": str(c.difference)} for c in failing[:MAX_LISTED]]
    return dg.AssetCheckResult(
        check_name=TOTALS_CHECK, asset_key="tables", passed=not failing, severity=dg.AssetCheckSeverity.WARN,
        metadata={"totals_checked": len(checks), "totals_failed": len(failing), "failures": listed})


def documents_file_names(clean_dir: Path) -> set[str]:
    """Given the clean dir, return the file names that have a `documents` row."""
    folder = Path(clean_dir) / "documents"
    names: set[str] = set()
    for path in folder.glob(f"*{PARQUET_SUFFIX}"):
        names.update(read_parquet(path, columns=["file_name"]).column("file_name").to_pylist())
    return names


def coverage_check(raw_dir: Path, clean_dir: Path) -> dg.AssetCheckResult:
    """Given the raw and clean dirs, return whether every PDF in the raw dir has a `documents` row."""
    missing = sorted({p.name for p in list_pdfs(raw_dir)} - documents_file_names(clean_dir))
    return dg.AssetCheckResult(
        check_name=COVERAGE_CHECK, asset_key="documents", passed=not missing, severity=dg.AssetCheckSeverity.WARN,
        metadata={"missing": missing[:MAX_LISTED], "n_missing": len(missing)})


def combine(check_name: str, asset: str, by_document: dict[str, dg.AssetCheckResult]) -> dg.AssetCheckResult:
    """Given one check's results per document of a run, return the run's single result for that check.

    It passes when every document passes; its metadata counts the documents and lists the failing ones (each
    with its own metadata), so a failure still points at its document.
    """
    failing = {did: r for did, r in by_document.items() if not r.passed}
    listed = [{"document_id": did, **{k: _plain(v) for k, v in r.metadata.items()}}
              for did, r in list(failing.items())[:MAX_LISTED]]
    severities = {r.severity for r in by_document.values()}
    severity = dg.AssetCheckSeverity.ERROR if dg.AssetCheckSeverity.ERROR in severities or not severities \
        else dg.AssetCheckSeverity.WARN
    metadata = {"documents": len(by_document), "documents_failed": len(failing), "failures": listed}
    if check_name == TOTALS_CHECK:
        metadata["totals_checked"] = sum(_plain(r.metadata["totals_checked"]) for r in by_document.values())
        metadata["totals_failed"] = sum(_plain(r.metadata["totals_failed"]) for r in by_document.values())
    return dg.AssetCheckResult(check_name=check_name, asset_key=asset, passed=not failing, severity=severity,
                               metadata=metadata)


def _plain(value: object) -> object:
    """Given a metadata value (raw or a Dagster MetadataValue), return its plain Python value."""
    return getattr(value, "value", value)
