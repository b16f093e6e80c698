"""One explicit pyarrow schema per contract table (CONTRACT.md), and rows -> pyarrow.Table with that schema."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyarrow as pa

S, I16, I32, I64, F64, B = pa.string(), pa.int16(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
TIMESTAMP_UTC = pa.timestamp("us", tz="UTC")


def _schema(*cols: tuple[str, pa.DataType], page: bool = True) -> pa.Schema:
    """Given the table's own columns, return its schema with the common columns in front."""
    common = [("document_id", S)] + ([("page", I32)] if page else [])
    return pa.schema(common + list(cols))


SCHEMAS: dict[str, pa.Schema] = {
    "documents": _schema(
        ("file_name", S), ("sha256", S), ("n_pages", I32), ("kind", S), ("municipality", S), ("title", S),
        ("status", S), ("error", S), ("n_tables", I32), ("extracted_at", TIMESTAMP_UTC),
        ("pipeline_version", S),
        ("outline", pa.list_(pa.struct([("page", I32), ("role", S), ("label", S), ("text", S)]))), page=False),
    "tables": _schema(
        ("table_id", S), ("table_index", I32), ("page", I32), ("last_page", I32), ("caption", S), ("context", S),
        ("columns", pa.list_(S)), ("n_rows", I32), ("unit", S), ("pl_year", I16), ("kind", S),
        ("totals_checked", I32), ("totals_failed", I32), page=False),
    "table_cells": _schema(
        ("table_id", S), ("page", I32), ("row_index", I32), ("col_index", I32), ("column", S), ("row_label", S),
        ("text", S), ("value", F64), ("x0", F64), ("top", F64), ("x1", F64), ("bottom", F64), page=False),
    "grant_expiries": _schema(
        ("municipality", S), ("committee", S), ("budget_year", I16), ("grant", S), ("amount_dkk", I64),
        ("pl_year", I16), ("recommendation", S), ("recommendation_text", S), ("listed_elsewhere", B)),
    "proposals": _schema(
        ("municipality", S), ("code", S), ("title", S), ("proposal_type", S), ("administration", S),
        ("confidential", B), ("payback_service_years", F64), ("payback_total_years", F64)),
    "catalogue_overview": _schema(
        ("code", S), ("title", S), ("proposal_type", S), ("year", I16), ("amount_dkk", I64), ("pl_year", I16)),
    "proposal_economics": _schema(
        ("code", S), ("section", S), ("line_item", S), ("control_area", S), ("year", I16), ("amount_dkk", I64),
        ("pl_year", I16)),
    "satspulje": _schema(
        ("agreement", S), ("nr", I32), ("dut", B), ("initiative", S), ("area", S), ("subarea", S),
        ("is_subtotal", B), ("period", S), ("amount_dkk", I64), ("pl_year", I16)),
    "task_budgets": _schema(
        ("municipality", S), ("budget_year", I16), ("account_no", I32), ("task", S), ("group", S),
        ("is_subtotal", B), ("budget_type", S), ("expense_type", S), ("budget_dkk", I64), ("skal_dkk", I64),
        ("skal_adjustable_dkk", I64), ("kan_dkk", I64), ("remark", S), ("reprioritisation_potential", S)),
    "task_sheets": _schema(
        ("task", S), ("account_refs", pa.list_(I32)), ("category", S), ("adjustability", S),
        ("classification_text", S), ("budget_dkk", I64), ("fte", F64), ("fte_text", S), ("staff_groups", S),
        ("citizens_text", S)),
}

GENERIC_TABLES = ("documents", "tables", "table_cells")
DOMAIN_TABLES = ("grant_expiries", "proposals", "catalogue_overview", "proposal_economics", "satspulje",
                 "task_budgets", "task_sheets")
# Key columns that must be unique per table (CONTRACT "Checks"); `_row_order` breaks ties of duplicate labels.
KEYS: dict[str, tuple[str, ...]] = {
    "documents": ("document_id", "file_name"),  # one row per file; files with identical bytes share the id
    "tables": ("table_id",),
    "table_cells": ("table_id", "row_index", "col_index"),
    "grant_expiries": ("document_id", "grant"),
    "proposals": ("document_id", "code"),
    "proposal_economics": ("document_id", "code", "section", "line_item", "control_area", "year"),
}


def _clean(value: object) -> object:
    """Given a cell value, return None for NaN/NaT-like missing values and the value otherwise."""
    if isinstance(value, float) and value != value:
        return None
    return value


def to_arrow(table: str, rows: Iterable[Mapping[str, object]]) -> pa.Table:
    """Given a contract table name and row dicts, return a pyarrow Table with exactly that table's schema.

    Missing columns become null; extra keys are an error (the contract lists every column); a value that does
    not fit its column's type raises (no silent inference or coercion to another type).
    """
    schema = SCHEMAS[table]
    rows = list(rows)
    names = set(schema.names)
    for i, row in enumerate(rows):
        extra = set(row) - names
        if extra:
            raise ValueError(f"{table}: row {i} has columns not in the contract: {sorted(extra)}")
    columns = [pa.array([_clean(r.get(f.name)) for r in rows], type=f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)
