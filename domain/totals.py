"""Printed totals verified against their parts: the rounding rule, the sum checks and a generic checker.

A check compares one printed total cell with the exact sum of its printed part cells (Decimals read from
the cell TEXT). Nothing is ever "fixed": a failing check is only reported.

Rounding rule (the one place it is decided; `tolerance`):
- A total computed from printed parts ("I alt", "Samlet ...", a total column) sums EXACTLY when the amounts
  are printed as whole units (no decimals, whatever the unit: kr., 1.000 kr., mio. kr.). The documents add
  their printed figures; the gold records TV01's 1-unit differences in 1.000 kr. tables as printing errors.
- Amounts printed with decimals (mio. kr. with one decimal, satspulje; "<0,1") may differ by 1 unit of the
  finest printed decimal per summed part (CONTRACT: "within the document's rounding").
- Shares ALLOCATED from a printed whole (a budget split into SKAL/KAN columns, each share rounded on its
  own) may differ by 1 unit of the printed precision per share even when printed as whole units (the gold
  records 004's +/-1 kr. cross-foot differences as rounding). Callers say so with ``allocated=True``.

Generic checker (`check_printed_totals`), for tables whose kind has no checker of its own: a row labelled
as a total ("... i alt", "I alt", "... totalt, service", "Total", "Samlet ...") is checked against the rows
above it up to the previous total or section head; a grand total printed right after subtotals sums those
subtotals; a total row carrying a sub-label ("Total | Besparelse") sums the rows with the same sub-label; a
printed total column ("I alt", "2019-2022") sums the year columns of its row. How budgets and accounts add up:
- "of which" lines are never parts: a row labelled "heraf", "heraf:", "- heraf ..." (also "deraf", "hvoraf"),
  and the rows set deeper than it right below it (its items);
- a block may be closed by a subtotal printed without total words ("Egentlig kernekapital", "Kapitalgrundlag"):
  a row with amounts in at least MIN_GROUP_COLUMNS columns that equals the rows of its block, or the previous
  subtotals plus the rows after them, is a subtotal (checked, and it closes its block);
- a total sums since the last section head, the last total, or the subtotals before it (the first that adds up);
- a total printed with nothing above it (a figure carried from another statement, "Egenkapital i alt" opening a
  capital statement) is not checked but opens its block: the subtotal after it sums it with the rows after it;
- a total column ("Total EURbn", "I alt") left blank in a row that prints amounts does not print that row's total:
  its foot is not summed (unverified), the blank is no 0;
- a total that adds up in no reading is reported failing when its range is certain: "X i alt" under the section
  head "X" sums the items printed since that head (rows set deeper than an amount row above them left out), and
  readings that sum to the same amounts (the subtotals, or every item under them) are one reading; a total left
  unverified that a later total (which holds) sums beside the subtotals before it is itself a subtotal: it is
  reported against the rows since the total before it.
When a table's structure is not understood (no reading adds up while another reading is possible, the parts
run past text rows, an empty table, text-only rows) the total is not checked but left `unverified` (it is no
check: the audit report lists it as such) rather than a false alarm raised. Each check names the cells it summed
(`TotalCheck.cell`, `.parts`) and the text the total cell prints (`printed_text`; blank when nothing is printed).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.cells import clean, decimals, label_col, money, norm, year_columns
from domain.grid import Grid, GridRow
from domain.registry import TotalCheck
from domain.vocab import is_total_label
from normalizers.numbers import in_danish_notation as to_danish
from normalizers.numbers import number_notation

# Units of the finest printed decimal allowed per summed part when amounts carry decimals.
DECIMAL_UNITS_PER_PART = Decimal(1)
# Units of the printed precision allowed per allocated share (rounded on its own), whole units included.
ALLOCATED_UNITS_PER_PART = Decimal(1)
# A group row (a subtotal printed without total vocabulary) needs this many children and summed columns.
MIN_GROUP_CHILDREN = 2
MIN_GROUP_COLUMNS = 2
# Header of a printed total column: "I alt", "Total", "I alt 2019-2022", or a bare year span "2019-2022".
_TOTAL_COLUMN = re.compile(r"^(?:i alt|total|totalt)(?:\s+((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2}))?$")
_SPAN_COLUMN = re.compile(r"^((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})$")
# An "of which" line: "heraf", "Heraf:", "- heraf lønudgifter", "deraf", "hvoraf".
_OF_WHICH = re.compile(r"^[\s\-\u2010-\u2015\u2212•]*(?:heraf|deraf|hvoraf)\b", re.IGNORECASE)
INDENT_POINTS = 3.0  # a label set this much further right than the row above is indented under it
NIL_TEXTS = frozenset({"-", "\u2013", "\u2014", "\u2212", "0", ""})  # printed nil amounts


def precision(texts: Iterable[str | None]) -> Decimal:
    """Given printed numbers, return one unit of their finest printed precision ("283,8" -> 0.1, "1.800" -> 1)."""
    return Decimal(1).scaleb(-_places(texts))


def _places(texts: Iterable[str | None]) -> int:
    """Given printed numbers, return their largest number of printed decimals."""
    return max((decimals(t) for t in texts if t), default=0)


def tolerance(texts: Sequence[str | None], n_parts: int, *, allocated: bool = False) -> Decimal:
    """Given the printed total and part texts, the number of summed parts and whether the parts are shares
    allocated from the total, return the allowed |printed - sum| under the rounding rule (module docstring)."""
    places = _places(texts)
    if allocated:
        return Decimal(1).scaleb(-places) * ALLOCATED_UNITS_PER_PART * n_parts
    if places == 0:
        return Decimal(0)
    return Decimal(1).scaleb(-places) * DECIMAL_UNITS_PER_PART * n_parts


def check_sum(table_id: str, row_index: int, row_label: str, column: str, printed_text: str | None,
              part_texts: Sequence[str | None], *, units_per_part: Decimal | None = None,
              allocated: bool = True, cell: tuple[int, int] | None = None,
              part_cells: Sequence[tuple[int, int]] = ()) -> TotalCheck | None:
    """Given a printed total cell and its part cells (texts), return the check, or None when nothing is printed.

    The tolerance follows the rounding rule (`tolerance`); `units_per_part` overrides it (units of the printed
    precision per summed part). `allocated` defaults to True for direct callers (a cross-foot of shares, the
    CONTRACT's 1 unit per part); totals summed from rows go through `check_rows`, which passes False.
    An empty or nil ("-") total cell whose parts carry amounts is checked as a printed 0 (a missing total is
    a printing error too); a column where neither the total nor any part holds a number is not a check.
    `cell` and `part_cells` say where the total and its parts are printed (row, column), for provenance.
    """
    printed = money(printed_text)
    parts = [v for v in (money(t) for t in part_texts) if v is not None]
    if printed is None and not parts:
        return None
    texts = [printed_text, *part_texts]
    if units_per_part is not None:
        tol = precision(texts) * units_per_part * len(parts)
    else:
        tol = tolerance(texts, len(parts), allocated=allocated)
    return TotalCheck(table_id=table_id, row_index=row_index, row_label=row_label, column=column,
                      printed=Decimal(0) if printed is None else printed, computed=sum(parts, Decimal(0)),
                      tolerance=tol, cell=cell, parts=tuple(part_cells), printed_text=printed_text or "")


def check_rows(grid: Grid, total: GridRow, parts: Sequence[GridRow], columns: Iterable[int], *,
               units_per_part: Decimal | None = None, label: str | None = None) -> list[TotalCheck]:
    """Given a grid, its total row, the part rows and the column indices to check, return one check per column
    (a total summed from rows: exact for whole units, see the rounding rule)."""
    out = []
    for c in columns:
        name = grid.columns[c] if c < len(grid.columns) else str(c)
        chk = check_sum(grid.table_id, total.index, label or total.label, name, total.text(c),
                        [p.text(c) for p in parts], units_per_part=units_per_part, allocated=False,
                        cell=(total.index, c), part_cells=[(p.index, c) for p in parts if p.text(c)])
        if chk is not None:
            out.append(chk)
    return out


def failures(checks: Iterable[TotalCheck]) -> list[TotalCheck]:
    """Given checks, return those that do not hold."""
    return [c for c in checks if not c.holds]


def describe(check: TotalCheck) -> str:
    """Given a check, return a one-line human description naming table, row, column and difference."""
    state = "holds" if check.holds else "FAILS"
    return (f"{check.table_id} row {check.row_index} '{check.row_label}' [{check.column}]: "
            f"printed {check.shown_printed} vs sum of parts {check.computed} (difference {check.difference}, "
            f"tolerance {check.tolerance}) {state}")


# ---------------------------------------------------------------- the generic checker
@dataclass
class _Line:
    """One body row as the generic checker reads it."""

    row: GridRow
    label: str
    sub: str  # the printed text of a sub-label column ("Besparelse"), '' when none
    role: str  # "total", "item", "head" (label only), "text" (no amount, not a head), "of_which" (never a part)


# A column headed as a share, rate, average or amount per head ("%", "Andel", "Gennemsnit", "inhabitants per
# outlet", "Udgift pr. elev") holds no amounts that add up: its total row prints the whole's own share or average.
# An amount per period ("kr. pr. år") still adds up.
_NOT_ADDITIVE = re.compile(
    r"%|\b(?:pct|procent|andel|andele|gennemsnit|gns|average|mean|median|rate|ratio|indeks|index|share)\b"
    r"|\b(?:per|pr)\.?\s+(?!(?:år|året|måned|md|kvartal|uge|dag|time|year|month|quarter|week|day|hour)\b)\w",
    re.IGNORECASE)


# A caption that declares the whole table in percent ("... (in %)", "(pct.)", "i procent"): no column adds up.
_PERCENT_TABLE = re.compile(r"\(\s*(?:in\s+|i\s+)?(?:%|pct\.?|procent|per\s?cent)\s*\)"
                            r"|\b(?:in|i)\s+(?:%|procent|per\s?cent)", re.IGNORECASE)


def is_additive(header: str | None) -> bool:
    """Given a column header, return whether its amounts may add up to a printed total (see `_NOT_ADDITIVE`)."""
    return not (header and _NOT_ADDITIVE.search(header))


def _amount_columns(grid: Grid, lc: int) -> list[int]:
    """Given a grid and its label column, return the columns that hold printed amounts that add up (mostly amounts or
    nil "-"; not the label, not shares, rates or averages: `is_additive`; none when the caption declares the table in
    percent)."""
    if grid.caption and _PERCENT_TABLE.search(grid.caption):
        return []
    out = []
    for c in range(len(grid.columns)):
        if c == lc or not is_additive(grid.columns[c]):
            continue
        cells = [r.text(c) for r in grid.rows if r.text(c)]
        nums = [t for t in cells if money(t) is not None]
        nils = [t for t in cells if norm(t) in NIL_TEXTS]  # "-": a nil amount, printed where amounts are
        if nums and 2 * (len(nums) + len(nils)) >= len(cells):
            out.append(c)
    return out


def amount_columns(grid: Grid) -> list[int]:
    """Given a grid, return the columns whose printed amounts the generic checker sums (`_amount_columns`)."""
    return _amount_columns(grid, label_col(grid))


def _sub_label_column(grid: Grid, lc: int, amounts: list[int]) -> int | None:
    """Given a grid, return a text column beside the label that repeats a few sub-labels, if any."""
    for c in range(len(grid.columns)):
        if c == lc or c in amounts:
            continue
        texts = [norm(r.text(c)) for r in grid.rows if r.text(c)]
        if len(texts) >= 4 and all(money(t) is None for t in texts) and len(set(texts)) * 2 <= len(texts):
            return c
    return None


def is_of_which(label: str | None) -> bool:
    """Given a row label, return whether it is an "of which" line ("heraf", "Heraf:", "- heraf løn")."""
    return bool(label and _OF_WHICH.match(label))


def _indent(row: GridRow, lc: int) -> float | None:
    """Given a row and its label column, return the left edge of its label as printed (None when unknown)."""
    cell = row.cells.get(lc)
    return cell.bbox[0] if cell is not None and cell.bbox is not None else None


def _read(grid: Grid) -> tuple[list[_Line], list[int], int | None]:
    """Given a grid, return its lines, amount columns and sub-label column."""
    lc = label_col(grid)
    amounts = _amount_columns(grid, lc)
    sub = _sub_label_column(grid, lc, amounts)
    lines = []
    of_which_at: float | None = None  # the indent of the "heraf" line whose items follow, while they do
    for row in grid.rows:
        label = clean(row.label or row.text(lc))
        has_amount = any(money(row.text(c)) is not None for c in amounts)
        others = any(row.text(c) for c in row.cells if c != lc)
        x0 = _indent(row, lc)
        if of_which_at is not None and not (x0 is not None and x0 > of_which_at + INDENT_POINTS):
            of_which_at = None
        if is_of_which(label) or of_which_at is not None:
            role = "of_which"
            if is_of_which(label) and x0 is not None:
                of_which_at = x0
        elif label and is_total_label(label):
            role = "total"
        elif has_amount:
            role = "item"
        elif label and not others:
            role = "head"
        else:
            role = "text"
        lines.append(_Line(row, label, clean(row.text(sub)) if sub is not None else "", role))
    return lines, amounts, sub


def _columns_for(total: GridRow, amounts: list[int], years: dict[int, int]) -> list[int]:
    """Given a total row, return the columns to check: year columns and those where the total prints a number."""
    return [c for c in amounts if c in years or money(total.text(c)) is not None]


def _groups(items: list[GridRow], cols: list[int]) -> list[tuple[GridRow, list[GridRow]]]:
    """Given consecutive item rows, return (group row, children) for rows whose amounts equal the sum of the
    rows right after them (a subtotal printed without total vocabulary), longest run first."""
    out, i = [], 0
    texts = {c: [row.text(c) for row in items] for c in cols}  # each cell's text read once
    while i < len(items):
        head = items[i]
        filled = [c for c in cols if money(texts[c][i]) is not None]
        found = None
        if len(filled) >= MIN_GROUP_COLUMNS:
            for j in range(len(items), i + MIN_GROUP_CHILDREN, -1):
                if _sums_to_head(texts, cols, i, j):
                    found = items[i + 1:j]
                    break
        if found:
            out.append((head, found))
            i += 1 + len(found)
        else:
            i += 1
    return out


def _sums_to_head(texts: dict[int, list[str]], cols: list[int], i: int, j: int) -> bool:
    """Given the item rows' texts per column, return whether row i equals the sum of rows i+1..j-1 in every
    column that prints something (stopping at the first column that does not add up) and sums a non-zero amount
    in at least one."""
    computed = False
    for c in cols:
        ch = check_sum("", 0, "", "", texts[c][i], texts[c][i + 1:j], allocated=False)
        if ch is None:
            continue
        if not ch.holds:
            return False
        computed = computed or bool(ch.computed)
    return computed


def _readings(cols: list[int], since_head: list[GridRow], since_total: list[GridRow],
              subtotals: list[GridRow]) -> list[tuple[list[GridRow], list[tuple[GridRow, list[GridRow]]]]]:
    """Given a total's columns and the rows above it, return the candidate readings (parts, group rows),
    the preferred first: since the last section head, since the last total, the subtotals (+ rows after them),
    and the first two with subtotals printed as group rows (a row equal to the rows right after it)."""
    cands: list[tuple[list[GridRow], list[tuple[GridRow, list[GridRow]]]]] = []
    if since_head:
        cands.append((since_head, []))
    if len(since_total) != len(since_head):
        cands.append((since_total, []))
    if subtotals:
        cands.append((subtotals + since_total, []))
        cands.append((subtotals, []))
    for parts in [since_head, since_total]:
        groups = _groups(parts, cols) if parts else []
        if groups:
            children = {id(k) for _, kids in groups for k in kids}
            cands.append(([r for r in parts if id(r) not in children], groups))
    return cands


def _holds(checks: list[TotalCheck]) -> bool:
    """Given checks, return whether all hold."""
    return all(c.holds for c in checks)


def _nested(lines: list[_Line], lc: int) -> set[int]:
    """Given a grid's lines, return the ids of the rows set deeper than the row with amounts printed above them (its
    breakdown or "of which" lines: the amount row already holds them)."""
    out: set[int] = set()
    anchor: float | None = None  # the indent of the last row with amounts that is not itself nested
    for ln in lines:
        x0 = _indent(ln.row, lc)
        if anchor is not None and x0 is not None and x0 > anchor + INDENT_POINTS:
            out.add(id(ln.row))
            continue
        anchor = x0 if ln.role in ("item", "total") else None
    return out


def _subject(label: str) -> str:
    """Given a total's label, return what it totals: the label without its total words ("Gældsforpligtelser i alt"
    -> "gældsforpligtelser", "Total EU-15" -> "eu-15")."""
    return " ".join(_TOTAL_WORDS.sub(" ", norm(label)).split())


_TOTAL_WORDS = re.compile(r"(?:^|\s)(?:i alt|totalt|total|samlet|samlede)(?=\s|$)|[:,.]", re.IGNORECASE)


def _incomplete_total_columns(grid: Grid, lines: list[_Line], amounts: list[int]) -> set[int]:
    """Given a grid's lines and amount columns, return the columns headed as a total ("Total EURbn", "I alt") that an
    item row printing amounts in other columns leaves blank: that row's total is not printed (unknown, not 0), so
    the column's foot cannot be summed (it stays unverified)."""
    out = set()
    for c in amounts:
        if not is_total_label(grid.columns[c]):
            continue
        if any(ln.role == "item" and not clean(ln.row.text(c)) and
               any(money(ln.row.text(o)) is not None for o in amounts if o != c) for ln in lines):
            out.add(c)
    return out


def _row_totals(grid: Grid, lines: list[_Line], amounts: list[int], years: dict[int, int]) -> list[TotalCheck]:
    """Given a grid's lines, return the checks of its total rows and of its subtotals printed without total
    words (see the module docstring)."""
    out: list[TotalCheck] = []
    lc = label_col(grid)
    nested = _nested(lines, lc)
    incomplete = _incomplete_total_columns(grid, lines, amounts)
    pending: dict[int, list[TotalCheck]] = {}  # unverified total -> its checks if it proves a subtotal
    blocks: list[tuple[str, list[GridRow]]] = []  # (head's subject, the item rows printed since it), per head
    by_sub: dict[str, dict[str, list[GridRow]]] = {}  # sub-label ('' = every row) -> running part lists
    interrupted: dict[str, bool] = {}  # sub-label -> a text row sits among the parts since the last total

    def state(sub: str) -> dict[str, list[GridRow]]:
        """Given a sub-label, return its rows since the last head, since the last total, and its subtotals."""
        return by_sub.setdefault(norm(sub), {"head": [], "total": [], "subtotals": []})

    def close(st: dict[str, list[GridRow]], row: GridRow, parts: list[GridRow] | None, *, head: bool) -> None:
        """Given a state and the total (or subtotal) row that closes its block with the parts it summed,
        update the running lists: a total that summed the subtotals replaces them, else it joins them."""
        if parts is not None and any(p is s for p in parts for s in st["subtotals"]):
            st["subtotals"] = [row]
        elif st["total"]:
            st["subtotals"].append(row)
        else:
            st["subtotals"] = []  # a grand total closes the subtotals it summed
        st["total"] = []
        if head:
            st["head"] = []

    for ln in lines:
        if ln.role == "head":
            blocks.append((_subject(ln.label), []))
            for st in by_sub.values():
                st["head"] = []
        elif ln.role == "text":
            if any(ln.row.text(c) and money(ln.row.text(c)) is None and norm(ln.row.text(c)) not in NIL_TEXTS
                   for c in amounts):  # text where amounts are printed: the block is not a plain list of parts
                for key in [*by_sub, ""]:
                    interrupted[key] = True
        elif ln.role == "item":
            st = state(ln.sub)
            cols = [c for c in amounts if money(ln.row.text(c)) is not None]
            if len(cols) >= MIN_GROUP_COLUMNS:
                readings = [r for r in _readings(cols, [], st["total"], st["subtotals"]) if not r[1]]
                held = _first_holding(grid, ln.row, cols, readings, ln.label, implicit=True)
                if held is not None:  # a subtotal printed without total words: it closes its block
                    checks, parts = held
                    out += checks
                    close(st, ln.row, parts, head=False)
                    interrupted[norm(ln.sub)] = False
                    continue
            for st in {id(s): s for s in (state(""), state(ln.sub))}.values():
                st["head"].append(ln.row)
                st["total"].append(ln.row)
            if id(ln.row) not in nested:
                for _, rows in blocks:
                    rows.append(ln.row)
        elif ln.role == "total":
            st = state(ln.sub)
            cols = [c for c in _columns_for(ln.row, amounts, years) if c not in incomplete]
            label = f"{ln.label} / {ln.sub}" if ln.sub else ln.label
            readings = _readings(cols, st["head"], st["total"], st["subtotals"])
            for parts in (st["head"], st["total"]):
                if (outer := _without_indented(parts, lc)) != parts and outer:
                    readings.append((outer, []))  # indented "of which" rows under an item, left out
            held = _first_holding(grid, ln.row, cols, readings, label)
            if held is not None:
                out += held[0]
                for part in held[1]:  # an unverified total it sums is a subtotal: its block is the rows above it
                    out += pending.pop(id(part), [])
                close(st, ln.row, held[1], head=True)
            elif not readings:  # nothing above it: a figure carried from elsewhere that opens the block
                st["subtotals"], st["total"], st["head"] = [ln.row], [], []
            else:
                named = next((rows for subject, rows in reversed(blocks) if subject == _subject(ln.label)), None)
                if named and not ln.sub:  # "X i alt" under the head "X": the items printed since that head
                    readings = [(named, [])]
                if not interrupted.get(norm(ln.sub), False):
                    failing = _failing(grid, ln.row, cols, readings, label)
                    out += failing
                    if not failing and st["total"] and not named:
                        pending[id(ln.row)] = check_rows(grid, ln.row, st["total"], cols, label=label)
                close(st, ln.row, None, head=True)
            interrupted[norm(ln.sub)] = False
    return out


def _without_indented(rows: list[GridRow], lc: int) -> list[GridRow]:
    """Given consecutive part rows, return them without the rows set deeper than the item with amounts right
    above them (its "of which" lines, printed without the word "heraf")."""
    out: list[GridRow] = []
    parent: float | None = None  # indent of the last kept row
    for row in rows:
        x0 = _indent(row, lc)
        if parent is not None and x0 is not None and x0 > parent + INDENT_POINTS:
            continue
        out.append(row)
        parent = x0
    return out


def _first_holding(grid: Grid, total: GridRow, cols: list[int], readings: list, label: str, *,
                   implicit: bool = False) -> tuple[list[TotalCheck], list[GridRow]] | None:
    """Given a total and its candidate readings, return the checks and parts of the first reading that holds,
    or None. An `implicit` subtotal (no total words) needs at least two parts that add up to something."""
    for parts, groups in readings:
        if implicit and len(parts) + len(groups) < MIN_GROUP_CHILDREN:
            continue
        checks = check_rows(grid, total, parts, cols, label=label)
        for head, kids in groups:
            checks += check_rows(grid, head, kids, cols)
        if checks and _holds(checks) and (not implicit or any(c.computed for c in checks)):
            return checks, parts
    return None


def _failing(grid: Grid, total: GridRow, cols: list[int], readings: list, label: str) -> list[TotalCheck]:
    """Given a total none of whose readings holds, return the failing checks of its only reading (readings that sum
    to the same amounts are one); nothing when readings differ (the summed range is ambiguous: the total stays
    unverified)."""
    plain = [checks for parts, groups in readings if not groups and (checks := check_rows(grid, total, parts, cols,
                                                                                         label=label))]
    sums = {tuple(c.computed for c in checks) for checks in plain}
    return plain[0] if len(sums) == 1 else []


def _column_totals(grid: Grid, lines: list[_Line], years: dict[int, int]) -> list[TotalCheck]:
    """Given a grid's lines, return the checks of a printed total column ("I alt", "2019-2022") per row."""
    out: list[TotalCheck] = []
    for c, header in enumerate(grid.columns):
        h = norm(header)
        m = _TOTAL_COLUMN.match(h) or _SPAN_COLUMN.match(h)
        if not m or c in years:
            continue
        span = (int(m.group(1)), int(m.group(2))) if m.group(1) else None
        parts = [yc for yc, y in years.items() if span is None or span[0] <= y <= span[1]]
        if len(parts) < 2:
            continue
        for ln in lines:
            if ln.role in ("item", "total"):
                chk = check_sum(grid.table_id, ln.row.index, ln.label, header, ln.row.text(c),
                                [ln.row.text(yc) for yc in parts], allocated=False, cell=(ln.row.index, c),
                                part_cells=[(ln.row.index, yc) for yc in parts if ln.row.text(yc)])
                if chk is not None:
                    out.append(chk)
    return out


def in_danish_notation(grid: Grid) -> Grid:
    """Given a grid, return it with its cells in Danish number notation: the grid itself when it prints Danish
    numbers, else a copy whose English numbers read the same in Danish ("151,292" -> "151.292", "58.99" ->
    "58,99"; `normalizers.numbers.number_notation` decides per table)."""
    notation = number_notation(c.text for row in grid.rows for c in row.cells.values())
    if notation == "da":
        return grid
    rows = [replace(row, cells={c: replace(cell, text=to_danish(cell.text, notation))
                                for c, cell in row.cells.items()}) for row in grid.rows]
    return replace(grid, rows=rows)


def check_printed_totals(grid: Grid) -> list[TotalCheck]:
    """Given any grid, return the checks of its printed total rows and total columns (generic reading).

    A table printing English numbers ("1,139.2") is checked in their reading; each check keeps the total's
    text as printed."""
    if not grid.rows:
        return []
    read = in_danish_notation(grid)
    if read is not grid:
        printed = {(row.index, c): cell.text for row in grid.rows for c, cell in row.cells.items()}
        return [replace(chk, printed_text=printed.get(chk.cell, chk.printed_text) if chk.cell else chk.printed_text)
                for chk in _checks(read)]
    return _checks(grid)


def _checks(grid: Grid) -> list[TotalCheck]:
    """Given a grid with Danish number notation, return its generic total checks (`check_printed_totals`)."""
    lines, amounts, _ = _read(grid)
    if not amounts:
        return []
    years = year_columns(grid)
    return _row_totals(grid, lines, amounts, years) + _column_totals(grid, lines, years)
