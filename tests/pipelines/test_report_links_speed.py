"""Tracing a domain row to its cells scores labels only on rows that can hold it (the fuzzy score is the cost)."""
from __future__ import annotations

from reports import links
from reports.links import CellIndex


def _cell(row: int, col: int, label: str, text: str, value: float | None, column: str = "2024") -> dict:
    return {"table_id": "t1", "page": 1, "row_index": row, "col_index": col, "row_label": label, "text": text,
            "value": value, "column": column}


def test_rows_without_the_amount_are_not_label_scored(monkeypatch) -> None:
    """A domain row with an amount is traced to the row printing it; rows not printing it are never scored."""
    cells = [_cell(0, 0, "Bolig", "Bolig", None), _cell(0, 1, "Bolig", "1.000", 1000.0),
             _cell(1, 0, "Skole", "Skole", None), _cell(1, 1, "Skole", "2.000", 2000.0)]
    index = CellIndex([{"table_id": "t1", "unit": None}], cells)
    scored: list[str] = []
    original = CellIndex._label_score

    def spy(labels: list[str], row) -> int:
        scored.append(row.label)
        return original(labels, row)

    monkeypatch.setattr(CellIndex, "_label_score", staticmethod(spy))
    keys = index.trace("task_budgets", {"task": "Skole", "page": 1, "budget_dkk": 2000, "year": "2024"})
    assert keys == [("t1", 1, 1)]
    assert scored == ["skole"]
    assert links.MIN_LABEL_RATIO > 0


def test_plain_values_read_as_pandas_reads_them() -> None:
    """A cell value is None when pandas says it is missing, else the plain Python value (fast path for plain types)."""
    from domain.grid import _opt
    assert [_opt(v) for v in (None, "a", "", 3, True, 1.5, float("nan"))] == [None, "a", "", 3, True, 1.5, None]
