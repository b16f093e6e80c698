"""The one place that lists every table kind and domain table: adding a document kind touches this file.

Each domain module exposes:
- ``KIND``: the `tables.kind` value it recognises (or None for modules that only shape rows),
- ``recognise(grid) -> bool``: is this grid a table of that kind (by structure and caption)?
- ``check_totals(grid) -> list[TotalCheck]``: verify the printed totals of such a grid,
- ``OUTPUTS``: {domain table name: builder(doc: DocumentContext, grids: list[Grid]) -> list[dict]}.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from types import ModuleType

from domain.grid import Grid

TABLE_KINDS = ("grant_expiry", "catalogue_overview", "proposal_economics", "satspulje_overview",
               "task_budget", "task_sheet", "other")
DOMAIN_TABLES = ("grant_expiries", "proposals", "catalogue_overview", "proposal_economics",
                 "satspulje", "task_budgets", "task_sheets")
# Domain modules, most specific first: the first whose recognise() accepts a grid gives its kind.
MODULE_NAMES = ("grant_expiries", "catalogue_overview", "proposal_economics", "proposals",
                "satspulje", "task_budgets", "task_sheets")


@dataclass(frozen=True)
class DocumentContext:
    """What the domain layer knows of a document (from `documents`)."""

    document_id: str
    kind: str
    municipality: str | None = None
    title: str | None = None
    # The headings and labelled fields printed outside its tables, in order (`documents.outline`): dicts with
    # page, role ("title", "heading", "field"), label (fields only) and text.
    outline: tuple[dict, ...] = ()


@dataclass(frozen=True)
class TotalCheck:
    """One printed total cell verified against the sum of its parts."""

    table_id: str
    row_index: int
    row_label: str
    column: str
    printed: Decimal
    computed: Decimal
    tolerance: Decimal  # 1 unit of the printed precision per summed row
    cell: tuple[int, int] | None = None  # (row_index, col_index) of the printed total in table `table_id`
    parts: tuple[tuple[int, int], ...] = ()  # (row_index, col_index) of the summed cells in the same table
    printed_text: str | None = None  # the total cell as printed: "" when blank (then `printed` counts as 0)

    @property
    def shown_printed(self) -> str:
        """The printed total as a reader sees it: its value, or "(blank)" when the cell prints nothing."""
        return "(blank)" if self.printed_text is not None and not self.printed_text.strip() else str(self.printed)

    @property
    def difference(self) -> Decimal:
        """Printed minus computed."""
        return self.printed - self.computed

    @property
    def holds(self) -> bool:
        """True when the printed total equals the sum of its parts within the tolerance."""
        return abs(self.difference) <= self.tolerance


Builder = Callable[[DocumentContext, list[Grid]], list[dict]]


def modules() -> list[ModuleType]:
    """Return the domain modules in recognition order."""
    return [importlib.import_module(f"domain.{name}") for name in MODULE_NAMES]


def classify(grid: Grid) -> str:
    """Given a grid, return its `tables.kind`: the first module whose recognise() accepts it, else 'other'."""
    for mod in modules():
        kind = getattr(mod, "KIND", None)
        if kind and mod.recognise(grid):
            return kind
    return "other"


def check_totals(grid: Grid) -> list[TotalCheck]:
    """Given a classified grid, return its verified printed totals: its kind's own checker, else the generic one."""
    for mod in modules():
        if getattr(mod, "KIND", None) == grid.kind and hasattr(mod, "check_totals"):
            return mod.check_totals(grid)
    from domain.totals import check_printed_totals  # domain.totals imports this module

    return check_printed_totals(grid)


def builders() -> dict[str, Builder]:
    """Return {domain table name: builder} over all modules."""
    out: dict[str, Builder] = {}
    for mod in modules():
        out.update(getattr(mod, "OUTPUTS", {}))
    return out
