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


def test_cells_printing_an_amount_are_looked_up_by_amount() -> None:
    """Per table row, the cells printing one of a domain row's amounts (its value or a number in its text), in the
    row's order, as testing every cell would find them; a row printing none has none; pages are kept apart."""
    cells = [_cell(0, 0, "Bolig", "Bolig 2.000", None), _cell(0, 1, "Bolig", "1.000", 1000.0),
             _cell(0, 2, "Bolig", "2.000", 2000.0), _cell(1, 0, "Skole", "Skole", None),
             _cell(1, 1, "Skole", "3.000", 3000.0), _cell(2, 1, "Vej", "2.000", 2000.0, "2025")]
    cells.append({**_cell(0, 1, "Bolig", "2.000", 2000.0), "page": 2, "table_id": "t2"})
    index = CellIndex([{"table_id": "t1", "unit": None}, {"table_id": "t2", "unit": None}], cells)
    rows = index.rows[1]
    hits = links._hits(rows, index.printing[1], {2000, 7})
    brute = [[c for c, k in zip(r.cells, r.kroner, strict=True) if k & {2000, 7}] for r in rows]
    assert hits == brute
    assert [[(c["row_index"], c["col_index"]) for c in h] for h in hits] == [[(0, 0), (0, 2)], [], [(2, 1)]]
    assert links._hits(rows, index.printing[1], set()) == [[], [], []]
    assert index.trace("task_budgets", {"task": "Vej", "page": 1, "budget_dkk": 2000, "year": "2025"}) == [("t1", 2, 1)]
