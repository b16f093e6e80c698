"""Generic "printed total = sum of its parts" checks, shared by every domain module.

A check compares the printed total cell of one column with the exact sum of the printed part cells
(Decimals read from the cell TEXT). The tolerance is `units_per_part` units of the printed precision per
summed part (CONTRACT: "1 unit of the printed precision per summed row"); callers whose documents are
known to add up exactly (the gold records a 1-unit difference there as a printing error) pass 0.
Nothing is ever "fixed": a failing check is only reported.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from domain.cells import amount, decimals
from domain.grid import Grid, GridRow
from domain.registry import TotalCheck

# CONTRACT default: 1 unit of the printed precision per summed row.
DEFAULT_UNITS_PER_PART = Decimal(1)


def precision(texts: Iterable[str | None]) -> Decimal:
    """Given printed numbers, return one unit of their finest printed precision ("283,8" -> 0.1, "1.800" -> 1)."""
    places = max((decimals(t) for t in texts if t), default=0)
    return Decimal(1).scaleb(-places)


def check_sum(table_id: str, row_index: int, row_label: str, column: str, printed_text: str | None,
              part_texts: Sequence[str | None], *, units_per_part: Decimal = DEFAULT_UNITS_PER_PART,
              ) -> TotalCheck | None:
    """Given a printed total cell and its part cells (texts), return the check, or None when nothing is printed.

    An empty or nil ("-") total cell whose parts carry amounts is checked as a printed 0 (a missing total is
    a printing error too); a column where neither the total nor any part holds a number is not a check.
    """
    printed = amount(printed_text)
    parts = [v for v in (amount(t) for t in part_texts) if v is not None]
    if printed is None and not parts:
        return None
    unit = precision([printed_text, *part_texts])
    return TotalCheck(table_id=table_id, row_index=row_index, row_label=row_label, column=column,
                      printed=Decimal(0) if printed is None else printed, computed=sum(parts, Decimal(0)),
                      tolerance=unit * units_per_part * len(parts))


def check_rows(grid: Grid, total: GridRow, parts: Sequence[GridRow], columns: Iterable[int], *,
               units_per_part: Decimal = DEFAULT_UNITS_PER_PART) -> list[TotalCheck]:
    """Given a grid, its total row, the part rows and the column indices to check, return one check per column."""
    out = []
    for c in columns:
        name = grid.columns[c] if c < len(grid.columns) else str(c)
        chk = check_sum(grid.table_id, total.index, total.label, name, total.text(c),
                        [p.text(c) for p in parts], units_per_part=units_per_part)
        if chk is not None:
            out.append(chk)
    return out


def failures(checks: Iterable[TotalCheck]) -> list[TotalCheck]:
    """Given checks, return those that do not hold."""
    return [c for c in checks if not c.holds]


def describe(check: TotalCheck) -> str:
    """Given a check, return a one-line human description naming table, row, column and difference."""
    state = "holds" if check.holds else "FAILS"
    return (f"{check.table_id} row {check.row_index} '{check.row_label}' [{check.column}]: printed {check.printed}"
            f" vs sum of parts {check.computed} (difference {check.difference}, tolerance {check.tolerance}) {state}")
