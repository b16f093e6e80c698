"""Domain table `task_budgets`: the Slagelse-style "Skal/Kan" budget table, one row per task, group or total row.

The table is wide and its header row may be partly unprinted, so columns are placed by printed header words
where there are any and otherwise by content and order: a row-number column, the task label, two short code
columns (budget type, expense type), four amount columns in the order budget / SKAL / SKAL-adjustable / KAN,
a remark column and the assessment column (Stor / Mellem / Lille / -). Unnumbered rows are group rows
(printed BEFORE their members, each the sum of its members) and the closing "I alt". A few lines without
amounts whose text was read into the column the header names "Nr." (a note under "I alt") are no rows of it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from domain.cells import amount, clean, grid_unit, norm, to_dkk, unit_factor
from domain.grid import Grid, GridRow
from domain.registry import DocumentContext, TotalCheck
from domain.totals import check_rows, check_sum

KIND = "task_budget"

AMOUNTS = ("budget_dkk", "skal_dkk", "skal_adjustable_dkk", "kan_dkk")  # left-to-right order in the table
CODES = ("budget_type", "expense_type")  # left-to-right order of the two one-letter code columns
POTENTIAL_WORDS = frozenset({"stor", "mellem", "lille"})
NIL = "-"
CONTINUES = "_continues"  # marks a row that completes the previous grid's last row (not a contract column)
MAX_ROW_NUMBER = 9999
MIN_NUMBERED_ROWS = 3  # a task table has at least this many numbered task rows
MIN_AMOUNT_COLUMNS = 3
MIN_POTENTIAL_CELLS = 3  # assessment words needed to recognise the table without header/caption words
AMOUNT_SHARE = 0.8  # share of a column's non-empty cells that must be numbers for an amount column
TEXT_MIN_LEN = 3
HEADER_SEARCH_ROWS = 3  # a header read as a body row is among the first rows
MIN_HEADER_ROLES = 4  # ... and names at least this many roles
STRAY_SHARE = 0.1  # share of a headed row-number column's cells that may be stray text (a note, a misread line)

# Header vocabulary, most specific first: (role, words any of which the normalised header must contain).
HEADER_ROLES = (
    ("reprioritisation_potential", ("vurdering", "potentiale", "omprioritering")),
    ("remark", ("bemærk",)),
    ("skal_adjustable_dkk", ("hvor der", "justere", "mulighed", "serviceniveau")),
    ("skal_dkk", ("skal",)),
    ("kan_dkk", ("kan-", "kan ")),
    ("budget_type", ("budgettype",)),
    ("expense_type", ("udgiftstype", "udgiftsart")),
    ("budget_dkk", ("budget",)),
    ("task", ("opgave", "tekst", "område")),
    ("account_no", ("nr", "konto")),
)
_CODE = re.compile(r"[A-ZÆØÅ]{1,2}")
_I_ALT = re.compile(r"(^|\s)i alt$")
_BUDGET_YEAR = re.compile(r"budget(?:året)?\s*((?:19|20)\d{2})", re.IGNORECASE)


def row_number(text: str | None) -> int | None:
    """Given a cell text, return it as a row/account number (small positive integer), or None."""
    s = norm(text).rstrip(".")
    return int(s) if s.isdigit() and 0 < int(s) <= MAX_ROW_NUMBER else None


def potential(text: str | None) -> str | None:
    """Given an assessment cell ("Mellem", "-"), return it as printed, or None for nil/empty."""
    s = clean(text).strip(NIL).strip()
    return s or None


@dataclass
class Layout:
    """Column index of each role of a task budget table (roles missing from the grid are absent)."""

    cols: dict[str, int] = field(default_factory=dict)
    header_row: int | None = None  # the body row that is the table's header (text above it read as the header)

    def get(self, role: str) -> int | None:
        """Given a role name, return its column index or None."""
        return self.cols.get(role)


def repeated_headers(grid: Grid) -> set[int]:
    """Given a grid, return the indexes of its body rows that repeat the header (a header printed again on a
    continuation page and read as a body row): at least two of their cells print their own column's header."""
    headers = [norm(h) for h in grid.columns]
    return {r.index for r in grid.rows
            if sum(1 for c, cell in r.cells.items() if c < len(headers) and headers[c]
                   and cell.text.strip() and norm(cell.text) == headers[c]) >= 2}


def _texts(grid: Grid, c: int, skip: set[int] | None = None) -> list[str]:
    """Given a grid, a column and the rows to leave out (default: the repeated header rows), return the
    non-empty cell texts of that column."""
    skip = repeated_headers(grid) if skip is None else skip
    return [t for r in grid.rows if (t := r.text(c).strip()) and r.index not in skip]


def _is_amount_col(texts: list[str]) -> bool:
    """Given a column's texts, return whether it is an amount column (mostly numbers, some above 999)."""
    nums = [v for t in texts if (v := amount(t)) is not None]
    return bool(nums) and len(nums) >= AMOUNT_SHARE * len(texts) and any(abs(v) > 999 for v in nums)


def _fits(role: str, texts: list[str]) -> bool:
    """Given a role named by a header and the column's texts, return whether the content can be that role.

    A header cell may carry more than its own words (a caption or a neighbour's wrapped header joined to it),
    so a header role is only taken when the column's content agrees; an empty column fits any role.
    """
    if not texts:
        return True
    if role == "account_no":
        return all(row_number(t) is not None for t in texts)
    if role in AMOUNTS:
        return _is_amount_col(texts) or all(norm(t) == NIL or amount(t) == 0 for t in texts)
    if role in CODES:
        return all(_CODE.fullmatch(t) for t in texts)
    if role == "reprioritisation_potential":
        return {norm(t) for t in texts} <= POTENTIAL_WORDS | {NIL}
    return not all(amount(t) is not None for t in texts)  # task / remark: not a column of numbers


def stray_rows(grid: Grid, c: int, skip: set[int]) -> list[GridRow] | None:
    """Given a grid, the column its header names the row-number column and the rows to leave out, return the rows
    whose cell there is stray text (no row number): a note line or a misread line read into the column, none of
    them a task, group or total row. None when the column is no row-number column: fewer than MIN_NUMBERED_ROWS
    numbers, more stray cells than STRAY_SHARE of its cells (at least one allowed), or a stray row that prints
    an amount (a row of the table whose label is misplaced: skipping it would lose or misgroup a row)."""
    rows = [r for r in grid.rows if r.index not in skip and r.text(c).strip()]
    strays = [r for r in rows if row_number(r.text(c)) is None]
    if not strays:
        return []
    if len(rows) - len(strays) < MIN_NUMBERED_ROWS or len(strays) > max(1, int(STRAY_SHARE * len(rows))):
        return None
    if any(amount(cell.text) is not None for r in strays for k, cell in r.cells.items() if k != c):
        return None
    return strays


def _roles_named(texts: list[str]) -> int:
    """Given header texts, return how many of them name a task-budget role."""
    return sum(1 for t in texts if (h := norm(t)) and any(any(w in h or h == w.strip() for w in words)
                                                          for _, words in HEADER_ROLES))


def header_in_body(grid: Grid) -> GridRow | None:
    """Given a grid, return the body row that is its header, or None: when the text above the table (a caption,
    prose) was read as the header, the printed header is a body row before the first numbered task, every cell
    text, naming more roles than the grid's header does."""
    named = _roles_named(grid.columns)
    for row in grid.rows[:HEADER_SEARCH_ROWS]:
        texts = [c.text for _, c in sorted(row.cells.items()) if c.text.strip()]
        if any(row_number(t) is not None or amount(t) is not None for t in texts):
            return None  # a task row (or one with amounts): the header comes before it, or not at all
        if len(texts) >= MIN_HEADER_ROLES and _roles_named(texts) >= max(MIN_HEADER_ROLES, named + 1):
            return row
    return None


def layout(grid: Grid) -> Layout:
    """Given a grid, return the columns of each task-budget role (by header words, then content and order)."""
    ncols = max([len(grid.columns)] + [max(r.cells, default=-1) + 1 for r in grid.rows])
    cols: dict[str, int] = {}
    skip = repeated_headers(grid)
    headers = list(grid.columns)
    if (head := header_in_body(grid)) is not None:
        headers = [head.text(c) for c in range(ncols)]
        skip = skip | {head.index}
    for c in range(ncols):
        h = norm(headers[c]) if c < len(headers) else ""
        texts = _texts(grid, c, skip)
        for role, words in HEADER_ROLES:
            if role not in cols and h and any(w in h or h == w.strip() for w in words) and (
                    _fits(role, texts) or role == "account_no" and stray_rows(grid, c, skip)):
                cols[role] = c
                break
    taken = set(cols.values())
    free = [c for c in range(ncols) if c not in taken]
    for c in free:
        texts = _texts(grid, c, skip)
        if not texts:
            continue
        words = {norm(t) for t in texts}
        if "account_no" not in cols and all(row_number(t) is not None for t in texts) \
                and len(texts) >= MIN_NUMBERED_ROWS and not _is_amount_col(texts):
            cols["account_no"] = c
        elif "reprioritisation_potential" not in cols and words <= POTENTIAL_WORDS | {NIL} \
                and words & POTENTIAL_WORDS:
            cols["reprioritisation_potential"] = c
        elif all(_CODE.fullmatch(t) for t in texts):
            role = next((r for r in CODES if r not in cols), None)
            if role:
                cols[role] = c
        elif _is_amount_col(texts):
            role = next((r for r in AMOUNTS if r not in cols), None)
            if role:
                cols[role] = c
        else:
            long_text = sum(1 for t in texts if amount(t) is None and len(t) >= TEXT_MIN_LEN)
            if long_text * 2 > len(texts):
                role = "task" if "task" not in cols else ("remark" if "remark" not in cols else None)
                if role:
                    cols[role] = c
    return Layout(cols, None if head is None else head.index)


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a Skal/Kan task budget table (numbered tasks, amounts, SKAL/KAN words)."""
    lay = layout(grid)
    if lay.get("account_no") is None or lay.get("task") is None:
        return False
    if sum(1 for r in AMOUNTS if r in lay.cols) < MIN_AMOUNT_COLUMNS or not any(r in lay.cols for r in CODES):
        return False
    words = norm(" ".join([grid.caption or "", grid.context or "", *grid.columns]))
    if "skal" in words and "kan" in words:
        return True
    pc = lay.get("reprioritisation_potential")
    return pc is not None and sum(norm(t) in POTENTIAL_WORDS for t in _texts(grid, pc)) >= MIN_POTENTIAL_CELLS


# ---------------------------------------------------------------- rows
@dataclass
class Line:
    """One body row read through the layout."""

    row: GridRow
    nr: int | None
    task: str
    role: str  # task / group / total
    group: str | None = None


def _is_noise(row: GridRow, lay: Layout, grid: Grid) -> bool:
    """Given a row, return whether it is a printed column-number row ("1 2 3 ... 10") or a repeated header."""
    if row.index == lay.header_row:
        return True
    texts = [c.text.strip() for _, c in sorted(row.cells.items()) if c.text.strip()]
    if len(texts) >= 4 and [row_number(t) for t in texts] == list(range(1, len(texts) + 1)):
        return True
    headers = {norm(h) for h in grid.columns if norm(h)}
    return sum(norm(t) in headers for t in texts) >= 2


def read_lines(grid: Grid, lay: Layout, group: str | None = None, open_task: bool = False) -> list[Line]:
    """Given a task budget grid, its layout and the group open before it, return its lines with their group.

    `group` is the group a continuation grid's first task rows belong to (the previous part's last group).
    `open_task`: the previous part ended with a numbered row that printed no task (a row broken over the page,
    its middle-set cells before the break, its task after it); then a first row here with a task but neither a
    number nor an amount is the rest of that row (role "cont"), not a group row.
    """
    out: list[Line] = []
    for row in grid.rows:
        if _is_noise(row, lay, grid):
            continue
        number = row.text(lay.get("account_no")).strip()
        nr = row_number(number)
        task = clean(row.text(lay.get("task")) or row.label)
        if nr is None and (not task or number):  # nothing, or stray text in the row-number column: no task row
            continue
        if open_task and not out and nr is None and not any(
                amount(row.text(lay.get(r))) is not None for r in AMOUNTS):
            out.append(Line(row, None, task, "cont", group))
        elif nr is not None:
            out.append(Line(row, nr, task, "task", group))
        elif _I_ALT.search(norm(task)):
            out.append(Line(row, None, task, "total", None))
        else:
            group = task
            out.append(Line(row, None, task, "group", group))
    return out


def budget_year(grid: Grid) -> int | None:
    """Given a grid, return the budget year printed in its caption, context or headers ("budget 2022")."""
    for text in (grid.caption, grid.context, *grid.columns):
        if m := _BUDGET_YEAR.search(clean(text)):
            return int(m.group(1))
    return None


def document_budget_year(doc: DocumentContext, grids: list[Grid]) -> int | None:
    """Given a document and its grids, return the budget year its title or most of its tables/labels print."""
    if doc.title and (m := _BUDGET_YEAR.search(clean(doc.title))):
        return int(m.group(1))
    years = Counter(y for g in grids if (y := budget_year(g)) is not None)
    years.update(int(m.group(1)) for g in grids for r in g.rows if (m := _BUDGET_YEAR.match(clean(r.label))))
    return years.most_common(1)[0][0] if years else None


def rows_of(doc: DocumentContext, grid: Grid, default_year: int | None = None,
            group: str | None = None, open_task: bool = False) -> list[dict]:
    """Given a document, one task budget grid, a fallback budget year, the group open before the grid (when it
    continues a previous part of the table) and whether that part ended with a task row cut by the page break,
    return its `task_budgets` rows (a first row that completes the cut row is marked with CONTINUES)."""
    lay = layout(grid)
    factor, year = unit_factor(grid_unit(grid)), budget_year(grid) or default_year
    out = []
    for ln in read_lines(grid, lay, group, open_task):
        r = ln.row
        rec = dict(document_id=doc.document_id, page=r.page, municipality=doc.municipality, budget_year=year,
                   account_no=ln.nr, task=ln.task, group=ln.group, is_subtotal=ln.nr is None,
                   budget_type=clean(r.text(lay.get("budget_type"))) or None,
                   expense_type=clean(r.text(lay.get("expense_type"))) or None)
        for role in AMOUNTS:
            rec[role] = to_dkk(amount(r.text(lay.get(role))), factor)
        rec["remark"] = clean(r.text(lay.get("remark"))) or None
        rec["reprioritisation_potential"] = potential(r.text(lay.get("reprioritisation_potential")))
        if ln.role == "cont":
            rec[CONTINUES] = True
        out.append(rec)
    return out


def build(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids, return the `task_budgets` rows of its task budget tables."""
    out: list[dict] = []
    group: str | None = None  # a table printed over several grids continues the group open at the break
    for grid in grids:
        if grid.kind == KIND or (grid.kind in ("other", None) and recognise(grid)):
            cut = bool(out) and out[-1]["account_no"] is not None and not out[-1]["task"]
            rows = rows_of(doc, grid, document_budget_year(doc, grids), group, open_task=cut)
            if rows and rows[0].pop(CONTINUES, False):  # the rest of the row cut by the page break
                rest = rows.pop(0)
                for k in ("task", "remark", "reprioritisation_potential", "budget_type", "expense_type", *AMOUNTS):
                    if out[-1][k] in (None, "") and rest[k] not in (None, ""):
                        out[-1][k] = rest[k]
            out.extend(rows)
            group = rows[-1]["group"] if rows else group
    return out


OUTPUTS = {"task_budgets": build}


# ---------------------------------------------------------------- checks
def check_totals(grid: Grid) -> list[TotalCheck]:
    """Given a task budget grid, return checks: each group and "I alt" vs members, and each row's cross-foot.

    Group rows precede their members; "I alt" is checked against the group rows and against all task rows;
    the cross-foot compares the budget column with the sum of the SKAL / SKAL-adjustable / KAN cells.
    Tolerance: 1 kr. (the printed precision) per summed cell; failures are reported, never fixed.
    """
    lay = layout(grid)
    lines = read_lines(grid, lay)
    amount_cols = [lay.cols[r] for r in AMOUNTS if r in lay.cols]
    category_cols = [lay.cols[r] for r in AMOUNTS[1:] if r in lay.cols]
    checks: list[TotalCheck] = []
    for i, ln in enumerate(lines):
        if ln.role == "group":
            members = []
            for x in lines[i + 1:]:
                if x.role != "task":
                    break
                members.append(x.row)
            if members:
                checks.extend(check_rows(grid, ln.row, members, amount_cols))
        elif ln.role == "total":
            tasks = [x.row for x in lines[:i] if x.role == "task"]
            groups = [x for x in lines[:i] if x.role == "group"]
            checks.extend(check_rows(grid, ln.row, tasks, amount_cols))
            if groups:
                for chk in check_rows(grid, ln.row, [g.row for g in groups], amount_cols):
                    checks.append(_relabel(chk, f"{chk.row_label} (from group rows)"))
    bc = lay.get("budget_dkk")
    if bc is not None and category_cols:
        name = f"{grid.columns[bc] if bc < len(grid.columns) else 'budget'} = sum of SKAL/KAN columns"
        for ln in lines:
            chk = check_sum(grid.table_id, ln.row.index, ln.task, name, ln.row.text(bc),
                            [ln.row.text(c) for c in category_cols], cell=(ln.row.index, bc),
                            part_cells=[(ln.row.index, c) for c in category_cols if ln.row.text(c)])
            if chk is not None:
                checks.append(chk)
    return checks


def _relabel(chk: TotalCheck, label: str) -> TotalCheck:
    """Given a check, return it with another row label."""
    return replace(chk, row_label=label)
