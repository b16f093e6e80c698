"""Domain rows traced to the cells they were read from: same page, the row whose label is the domain row's
label, and in it the cell of the domain row's year/period whose value (times the table's unit) is its amount.
A row whose label is printed outside the tables (a fact sheet's title) is traced by its amount when exactly one
table row of the page prints it.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rapidfuzz import fuzz

from domain.cells import amount, norm, to_dkk, unit_factor

CellKey = tuple[str, int, int]  # table_id, row_index, col_index
# The contract columns that name a domain row's printed label, its column (year/period) and its amounts.
LABEL_FIELDS = {"grant_expiries": ("grant",), "proposals": ("code", "title"), "catalogue_overview": ("code", "title"),
                "proposal_economics": ("line_item",), "satspulje": ("initiative",), "task_budgets": ("task",),
                "task_sheets": ("task",)}
COLUMN_FIELDS = ("year", "period")
AMOUNT_FIELDS = ("amount_dkk", "budget_dkk", "skal_dkk", "skal_adjustable_dkk", "kan_dkk")
MIN_LABEL_RATIO = 85  # rapidfuzz ratio for a cell's row label to count as the domain row's label
EXACT, CONTAINED = 200, 150
_NUMBER = re.compile(r"\d")


@dataclass
class _Row:
    """One table row of a page, precomputed for matching: label, text, and the kroner each cell prints."""

    label: str
    text: str
    cells: list[dict]
    kroner: list[set[int]]  # per cell: its value and the numbers in its text, in kroner under the table's unit


def _kroner(cell: dict, factor: int) -> set[int]:
    """Given a cell and its table's unit factor, return the amounts (kroner) it prints: its value and the
    numbers among its words ("10.366.277 kr. inkl. ...")."""
    out = set()
    value = cell.get("value")
    if value is not None and value == value:  # NaN: no value
        out.add(to_dkk(Decimal(repr(value)), factor))
    for word in (cell.get("text") or "").split():
        if _NUMBER.search(word) and (number := amount(word)) is not None:
            out.add(to_dkk(number, factor))
    return out


def _printing(rows: list[_Row]) -> dict[int, list[tuple[int, int]]]:
    """Given a page's table rows, return for each amount (kroner) the (row, cell) positions that print it."""
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, r in enumerate(rows):
        for j, kroner in enumerate(r.kroner):
            for value in kroner:
                out[value].append((i, j))
    return out


def _hits(rows: list[_Row], printing: dict[int, list[tuple[int, int]]], amounts: set) -> list[list[dict]]:
    """Given a page's table rows, where each amount is printed and a domain row's amounts, return per table row its
    cells that print one of them, in the row's order (looked up by amount, not by testing every cell)."""
    found: dict[int, set[int]] = defaultdict(set)
    for value in amounts:
        for i, j in printing.get(value, ()):
            found[i].add(j)
    return [[r.cells[j] for j in sorted(found[i])] if i in found else [] for i, r in enumerate(rows)]


class CellIndex:
    """A document's cells by page, with each table's unit factor, for tracing domain rows."""

    def __init__(self, tables: list[dict], cells: list[dict]) -> None:
        factor = {t["table_id"]: unit_factor(t.get("unit")) for t in tables}
        grouped: dict[int, dict[tuple[str, int], list[dict]]] = defaultdict(lambda: defaultdict(list))
        for c in cells:
            grouped[int(c["page"])][(c["table_id"], int(c["row_index"]))].append(c)
        self.rows: dict[int, list[_Row]] = {
            page: [_Row(norm(cs[0].get("row_label")), " ".join(norm(c.get("text")) for c in cs), cs,
                        [_kroner(c, factor.get(c["table_id"], 1)) for c in cs]) for cs in rows.values()]
            for page, rows in grouped.items()}
        self.printing: dict[int, dict[int, list[tuple[int, int]]]] = {  # page -> kroner -> (row, cell) printing it
            page: _printing(rows) for page, rows in self.rows.items()}

    @staticmethod
    def _label_score(labels: list[str], row: _Row) -> int:
        """Given a domain row's labels and a table row, return how well the row carries the label."""
        best = 0
        for label in labels:
            if label == row.label:
                return EXACT
            if label in row.text or (row.label and row.label in label):
                best = max(best, CONTAINED)
            best = max(best, int(fuzz.ratio(label, row.label)))
        return best

    def trace(self, table: str, row: dict) -> list[CellKey]:
        """Given a domain table and one of its rows, return the cells it was read from (main cell first)."""
        labels = [norm(str(row[f])) for f in LABEL_FIELDS.get(table, ()) if row.get(f)]
        column = next((norm(str(row[f])) for f in COLUMN_FIELDS if row.get(f) not in (None, "")), None)
        amounts = {row[f] for f in AMOUNT_FIELDS if row.get(f) is not None}
        page = int(row.get("page") or 0)
        page_rows = self.rows.get(page, [])
        hits_of = _hits(page_rows, self.printing.get(page, {}), amounts)
        printing = sum(bool(h) for h in hits_of)
        best: tuple[int, list[CellKey]] | None = None
        for r, hits in zip(page_rows, hits_of, strict=True):
            if amounts and not hits:  # decided before the (fuzzy, costly) label score, which cannot save the row
                continue
            score = self._label_score(labels, r)
            if score < MIN_LABEL_RATIO and not (hits and printing == 1):
                continue
            if column is not None:  # among the cells printing the amount (or all, without one): the year's
                hits = [c for c in (hits or r.cells) if column in norm(c.get("column"))] or hits
            score += 10 * bool(hits)
            keys = [(c["table_id"], int(c["row_index"]), int(c["col_index"])) for c in (hits[:1] or r.cells[:1])]
            if best is None or score > best[0]:
                best = (score, keys)
        return best[1] if best else []
