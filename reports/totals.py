"""The printed-total checks of one document as an auditor sees them: verdict, printed and computed value, and
the cells they stand on (the printed total and the summed parts).

Checks come from the domain registry over grids rebuilt from the published `tables`/`table_cells` (the same
checks the pipeline's `printed_totals_hold` reports), plus the cross-table checks a domain module offers
(`cross_check(grids)`). A row labelled as a total that no check verified is listed as `unverified`.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain import registry
from domain.cells import amount
from domain.grid import Grid, grids_from_records
from domain.registry import TotalCheck
from domain.totals import amount_columns, in_danish_notation
from domain.vocab import is_total_label

HOLDS, FAILS, UNVERIFIED = "holds", "fails", "unverified"
CellKey = tuple[str, int, int]  # table_id, row_index, col_index


@dataclass(frozen=True)
class AuditCheck:
    """One printed total for the report: its verdict and where it and its parts are printed."""

    state: str  # HOLDS, FAILS or UNVERIFIED
    table_id: str
    row_index: int
    row_label: str
    column: str
    printed: Decimal | None
    computed: Decimal | None
    tolerance: Decimal | None
    cell: CellKey | None
    parts: tuple[CellKey, ...] = ()
    blank: bool = False  # the total cell prints nothing (a missing total: `printed` counts it as 0)

    @property
    def shown_printed(self) -> str:
        """The printed total as a reader sees it: in Danish notation, "(blank)" when the cell prints nothing, ""
        when unknown."""
        if self.blank:
            return "(blank)"
        return "" if self.printed is None else danish(self.printed)

    @property
    def difference(self) -> Decimal | None:
        """Printed minus computed (None when unverified)."""
        if self.printed is None or self.computed is None:
            return None
        return self.printed - self.computed


def danish(value: Decimal) -> str:
    """Given a number, return it in Danish notation ("-5.025", "283,8")."""
    sign = "-" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    text = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{text},{frac}" if frac and frac.strip("0") else f"{sign}{text}"


def _resolve_cell(grid: Grid | None, check: TotalCheck) -> CellKey | None:
    """Given a check and its grid, return the printed total's cell: as the check names it, else the cell under
    the check's column in its row, else the first cell from its row on that prints the checked figure."""
    if check.cell is not None:
        return (check.table_id, *check.cell)
    if grid is None:
        return None
    printed = danish(check.printed).lstrip("-")
    for row in (r for r in grid.rows if r.index >= check.row_index):
        for c, cell in sorted(row.cells.items()):
            named = c < len(grid.columns) and grid.columns[c] == check.column and row.index == check.row_index
            if named or amount(cell.text) == check.printed or printed in (cell.text or "").split():
                return (grid.table_id, row.index, c)
    return None


def _audit(check: TotalCheck, grid: Grid | None) -> AuditCheck:
    """Given a registry check, return it for the report."""
    return AuditCheck(state=HOLDS if check.holds else FAILS, table_id=check.table_id, row_index=check.row_index,
                      row_label=check.row_label, column=check.column, printed=check.printed,
                      computed=check.computed, tolerance=check.tolerance, cell=_resolve_cell(grid, check),
                      parts=tuple((check.table_id, r, c) for r, c in check.parts),
                      blank=check.printed_text is not None and not check.printed_text.strip())


def _unverified(grid: Grid, checks: list[TotalCheck]) -> list[AuditCheck]:
    """Given a grid and its checks, return the amounts printed in its total-labelled rows that no check verified:
    every amount of a row no check names, and in a row checked cell by cell, the amounts of the other columns that
    are summed (`domain.totals.amount_columns`; a share, an average or a remark in a total row is no total)."""
    summed = set(amount_columns(grid))
    whole_rows = {c.row_index for c in checks if c.cell is None}
    checked = {c.cell for c in checks if c.cell is not None}
    checked_rows = {r for r, _ in checked}
    out = []
    for row in grid.rows:
        if row.index in whole_rows or not is_total_label(row.label):
            continue
        for c, cell in sorted(row.cells.items()):
            printed = amount(cell.text)
            if printed is None or (cell.text or "").strip() == (row.label or "").strip() or (row.index, c) in checked:
                continue
            column = grid.columns[c] if c < len(grid.columns) else str(c)
            if row.index in checked_rows and c not in summed:
                continue
            out.append(AuditCheck(UNVERIFIED, grid.table_id, row.index, row.label, column, printed, None, None,
                                  (grid.table_id, row.index, c)))
    return out


def classified_grids(tables: list[dict], cells: list[dict]) -> list[Grid]:
    """Given a document's published `tables` and `table_cells` rows, return its grids (kind as published)."""
    return grids_from_records(tables, cells)


def audit_checks(tables: list[dict], cells: list[dict], stored: list[TotalCheck] | None = None) -> list[AuditCheck]:
    """Given a document's published `tables` and `table_cells` rows, return every printed-total check, in table
    and row order: the registry's checks per table, cross-table checks, then totals no check verified.

    `stored`: the registry's checks of these very tables as the extraction computed them (reports.stored_totals),
    used instead of checking every table again (the costly part); None computes them here.
    """
    grids = classified_grids(tables, cells)
    by_id = {g.table_id: g for g in grids}
    if stored is not None and {c.table_id for c in stored} <= set(by_id):
        per_table: dict[str, list[TotalCheck]] = {}
        for check in stored:
            per_table.setdefault(check.table_id, []).append(check)
        found: list[TotalCheck] = [c for g in grids for c in per_table.get(g.table_id, [])]
    else:
        found = [c for g in grids for c in registry.check_totals(g)]
    for mod in registry.modules():
        cross = getattr(mod, "cross_check", None)
        if callable(cross):
            found += cross(grids)
    out = [_audit(c, by_id.get(c.table_id)) for c in found]
    for g in grids:
        out += _unverified(in_danish_notation(g), [c for c in found if c.table_id == g.table_id])
    order = {g.table_id: g.table_index for g in grids}
    return sorted(out, key=lambda a: (order.get(a.table_id, 1 << 30), a.row_index))
