"""The printed-total checks the extraction computed, kept beside the document's markers so that the audit report
reuses them instead of computing them again from the published `tables`/`table_cells`.

`pipelines.defs.documents.batch.publish_extraction` stores the checks of a fresh extraction (`ExtractedDocument.totals`)
in `<clean>/.dkbudget/<document_id>/printed_totals.json`, before it writes the tables they were computed on. The file
names what it stands for: the extraction's generation (`documents.extracted_at`), `pipeline_version` and how many
`tables` and `table_cells` rows it produced. `load_checks` returns the stored checks only when all of these match the
published document, else None, and the caller computes them from the parquet as before: a file left by an earlier
extraction, by a run killed mid-write, or by other code is never used for tables it was not computed on.
"""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from domain.registry import TotalCheck

STATE_DIR = ".dkbudget"  # = pipelines.lib.storage.writer.STATE_DIR: the clean dir's hidden bookkeeping folder
FILE_NAME = "printed_totals.json"
FORMAT = 1  # bumped when the layout below changes: a file of another format is not read


def stored_checks_path(clean_dir: Path | str, document_id: str) -> Path:
    """Given the clean dir and a document id, return where the extraction's total checks are kept."""
    return Path(clean_dir) / STATE_DIR / document_id / FILE_NAME


def _check_to_json(check: TotalCheck) -> dict:
    """Given a check, return it as plain JSON values (Decimals as their exact text)."""
    return {"table_id": check.table_id, "row_index": check.row_index, "row_label": check.row_label,
            "column": check.column, "printed": str(check.printed), "computed": str(check.computed),
            "tolerance": str(check.tolerance), "cell": list(check.cell) if check.cell is not None else None,
            "parts": [list(p) for p in check.parts], "printed_text": check.printed_text}


def _check_from_json(data: dict) -> TotalCheck:
    """Given a check as stored by `_check_to_json`, return it."""
    cell = data["cell"]
    return TotalCheck(table_id=data["table_id"], row_index=int(data["row_index"]), row_label=data["row_label"],
                      column=data["column"], printed=Decimal(data["printed"]), computed=Decimal(data["computed"]),
                      tolerance=Decimal(data["tolerance"]),
                      cell=(int(cell[0]), int(cell[1])) if cell is not None else None,
                      parts=tuple((int(r), int(c)) for r, c in data["parts"]), printed_text=data["printed_text"])


def checks_to_bytes(checks: list[TotalCheck], document: dict, n_tables: int, n_cells: int) -> bytes:
    """Given an extraction's checks, its `documents` row and its numbers of `tables` and `table_cells` rows,
    return the stored file's content."""
    return json.dumps({"format": FORMAT, "generation": document["extracted_at"].isoformat(),
                       "pipeline_version": document["pipeline_version"], "n_tables": n_tables, "n_cells": n_cells,
                       "checks": [_check_to_json(c) for c in checks]}).encode()


def load_checks(clean_dir: Path | str, document: dict, n_tables: int, n_cells: int) -> list[TotalCheck] | None:
    """Given the clean dir, a published `documents` row and its numbers of published `tables` and `table_cells`
    rows, return the checks its extraction stored for exactly these tables, else None (compute them instead)."""
    try:
        data = json.loads(stored_checks_path(clean_dir, document["document_id"]).read_bytes())
        current = (data.get("format") == FORMAT and data.get("generation") == document["extracted_at"].isoformat()
                   and data.get("pipeline_version") == document["pipeline_version"]
                   and data.get("n_tables") == n_tables and data.get("n_cells") == n_cells)
        return [_check_from_json(c) for c in data["checks"]] if current else None
    except (OSError, ValueError, TypeError, KeyError, IndexError, ArithmeticError, AttributeError):
        return None
