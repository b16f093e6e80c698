"""Domain table `satspulje`: "Økonomioversigt for satspuljen ..." tables, long format, with total checks.

Structure recognised (not row labels): a row-number column ("Nr."), an optional flag column ("DUT"), a label
column, period columns (years, "Permanent", a printed span "I alt 2019-2022"). Unnumbered rows are group rows:
an area opener ("Initiativer under ...", or an unnumbered row whose amounts equal its closing "... i alt"),
sub-groups, and "... i alt" rows that close the area (the last one, outside any area, is the grand total).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from domain.cells import amount, grid_pl_year, grid_unit, norm, to_dkk, unit_factor, year_of_head
from domain.grid import Grid, GridRow
from domain.registry import DocumentContext, TotalCheck
from domain.totals import check_sum

KIND = "satspulje_overview"

# Vocabulary (matched on normalised text).
CAPTION_WORDS = ("satspulje",)  # the caption/context must name the pool
OVERVIEW_WORDS = ("økonomioversigt", "oversigt")  # ... and call the table an overview
AREA_PREFIX = "initiativer under"
DUT_MARK = "d"
PERMANENT_WORD = "permanent"
MIN_PERIOD_COLUMNS = 2  # a satspulje overview has at least this many year/period columns
MIN_NUMBERED_SHARE = 0.5  # share of body rows that must carry a row number
MAX_ROW_NUMBER = 9999

_YEAR = re.compile(r"(?:19|20)\d{2}")
_SPAN = re.compile(r"((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})")
_I_ALT = re.compile(r"(^|\s)i alt$")
_AGREEMENT = re.compile(r"satspuljen?\s+(?:for\s+)?((?:19|20)\d{2})", re.IGNORECASE)


# ---------------------------------------------------------------- layout
@dataclass
class Layout:
    """Where the parts of a satspulje overview sit: column indexes and the period of each amount column."""

    nr: int
    dut: int | None
    label: int | None
    periods: dict[int, str] = field(default_factory=dict)  # column -> "2019" / "permanent" / "2019-2022"


def _row_number(text: str) -> int | None:
    """Given a cell text, return it as a row number (a small positive integer, optional trailing dot), or None.
    A number followed by the DUT mark ("2 D": the flag column printed so close to the number column that the
    two read as one) is that number too."""
    return _number_and_flag(text)[0]


def _number_and_flag(text: str) -> tuple[int | None, bool]:
    """Given a cell of the number column, return (its row number or None, whether it carries the DUT mark after
    the number)."""
    words = norm(text).split()
    flagged = len(words) == 2 and words[1] == DUT_MARK
    s = (words[0] if flagged else " ".join(words)).rstrip(".")
    return (int(s) if s.isdigit() and 0 < int(s) <= MAX_ROW_NUMBER else None), flagged


def period_of(header: str, years: list[int]) -> str | None:
    """Given a column header and the table's year columns, return its period ("2019", "permanent", "2019-2022")."""
    h = norm(header)
    if (year := year_of_head(h)) is not None:
        return str(year)
    if PERMANENT_WORD in h:
        return "permanent"
    if m := _SPAN.search(h):
        return f"{m.group(1)}-{m.group(2)}"
    if _I_ALT.search(h) or h in ("i alt", "total"):
        return f"{min(years)}-{max(years)}" if years else "i alt"
    return None


def layout(grid: Grid) -> Layout | None:
    """Given a grid, return its satspulje layout (nr, DUT, label and period columns), or None if it has none."""
    ncols = max([len(grid.columns)] + [max(r.cells, default=-1) + 1 for r in grid.rows])
    headers = [(grid.columns[i] if i < len(grid.columns) else "") for i in range(ncols)]
    years = [y for h in headers if (y := year_of_head(h)) is not None]
    periods = {i: p for i, h in enumerate(headers) if (p := period_of(h, years))}
    if len(periods) < MIN_PERIOD_COLUMNS or not grid.rows:
        return None
    first_period = min(periods)
    nr_col = None
    for c in range(first_period):
        texts = [r.text(c) for r in grid.rows if r.text(c)]
        nums = [t for t in texts if _row_number(t) is not None]
        if nums and len(nums) == len(texts) and len(nums) >= MIN_NUMBERED_SHARE * len(grid.rows):
            nr_col = c
            break
    if nr_col is None:
        return None
    dut = next((c for c in range(first_period) if c != nr_col and norm(headers[c]) == "dut"), None)
    if dut is None and any(_number_and_flag(r.text(nr_col))[1] for r in grid.rows):
        dut = nr_col  # the flag is printed in the number column's cells ("2 D")
    if dut is None:
        for c in range(first_period):
            texts = {norm(r.text(c)) for r in grid.rows if r.text(c)}
            if c != nr_col and texts and texts <= {DUT_MARK}:
                dut = c
                break
    label = None
    best = -1
    for c in range(first_period):
        if c in (nr_col, dut):
            continue
        n = sum(1 for r in grid.rows if r.text(c) and amount(r.text(c)) is None and len(r.text(c)) >= 3)
        if n > best:
            label, best = c, n
    return Layout(nr=nr_col, dut=dut, label=label, periods=periods)


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a satspulje overview (caption vocabulary + numbered period table).

    The pool may be named by the caption or the heading above it; the table must call itself an overview: in
    its caption when it has one (a "Tabel 2 Omprioritering ..." under a heading that names the overview is not
    the overview), else in its context."""
    words = norm(f"{grid.caption or ''} {grid.context or ''}")
    own = norm(grid.caption) or norm(grid.context)
    if not any(w in words for w in CAPTION_WORDS) or not any(w in own for w in OVERVIEW_WORDS):
        return False
    return layout(grid) is not None


# ---------------------------------------------------------------- hierarchy
@dataclass
class Line:
    """One body row read through the layout: number, flag, label and the exact printed amounts per column."""

    row: GridRow
    nr: int | None
    dut: bool
    label: str
    amounts: dict[int, Decimal | None]
    area: str | None = None
    subarea: str | None = None
    role: str = "item"  # item / area / subarea / close / grand


def _label(row: GridRow, lay: Layout) -> str:
    """Given a row and the layout, return its printed label."""
    return " ".join((row.text(lay.label) or row.label).split())


def _flagged(row: GridRow, lay: Layout) -> bool:
    """Given a row and the layout, return whether the row carries the DUT mark (in its own column or after the
    row number)."""
    if lay.dut is not None and lay.dut == lay.nr:
        return _number_and_flag(row.text(lay.nr))[1]
    return norm(row.text(lay.dut)) == DUT_MARK


def read_lines(grid: Grid, lay: Layout) -> list[Line]:
    """Given a satspulje grid and its layout, return its rows with area/sub-area and role assigned."""
    lines = [Line(row=r, nr=_row_number(r.text(lay.nr)), dut=_flagged(r, lay),
                  label=_label(r, lay), amounts={c: amount(r.text(c)) for c in lay.periods})
             for r in grid.rows]
    lines = [ln for ln in lines if ln.label or ln.nr is not None or any(v is not None for v in ln.amounts.values())]
    area = sub = None
    for i, ln in enumerate(lines):
        if ln.nr is None:
            closes = bool(_I_ALT.search(norm(ln.label)))
            if closes:
                ln.role, sub = ("close" if area else "grand"), None
            elif area is None and _opens_area(lines, i):
                ln.role, area, sub = "area", ln.label, None
            else:
                ln.role, sub = "subarea", ln.label
        ln.area, ln.subarea = area, sub
        if ln.role == "area":
            ln.area = area
        if ln.role in ("close", "grand"):
            area = None
    return lines


def _opens_area(lines: list[Line], i: int) -> bool:
    """Given the lines and an unnumbered non-closing line, return whether it opens an area."""
    ln = lines[i]
    if norm(ln.label).startswith(AREA_PREFIX):
        return True
    close = next((x for x in lines[i + 1:] if x.nr is None and _I_ALT.search(norm(x.label))), None)
    return close is not None and any(v is not None for v in ln.amounts.values()) and close.amounts == ln.amounts


# ---------------------------------------------------------------- builder
def _agreement(grid: Grid) -> str | None:
    """Given a grid, return the agreement named in its caption (or context), e.g. "satspuljen 2019"."""
    for text in (grid.caption, grid.context):
        if m := _AGREEMENT.search(unicodedata.normalize("NFKC", text or "")):
            return f"satspuljen {m.group(1)}"
    return None


def build(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids, return the `satspulje` rows (one per body row and period)."""
    out: list[dict] = []
    for grid in grids:
        if grid.kind != KIND and not (grid.kind in ("other", None) and recognise(grid)):
            continue
        lay = layout(grid)
        if lay is None:
            continue
        factor, agreement, pl = unit_factor(grid_unit(grid)), _agreement(grid), grid_pl_year(grid)
        for ln in read_lines(grid, lay):
            for c, period in lay.periods.items():
                out.append(dict(document_id=doc.document_id, page=ln.row.page, agreement=agreement, nr=ln.nr,
                                dut=ln.dut, initiative=ln.label, area=ln.area, subarea=ln.subarea,
                                is_subtotal=ln.nr is None, period=period,
                                amount_dkk=to_dkk(ln.amounts[c], factor), pl_year=pl))
    return out


OUTPUTS = {"satspulje": build}


# ---------------------------------------------------------------- checks
def _check(grid: Grid, ln: Line, c: int, parts: list[Line], basis: str = "") -> TotalCheck | None:
    """Given a total line, a column and its part lines, return the check (printed units), None if nothing printed."""
    label = f"{ln.label} ({basis})" if basis else ln.label
    header = grid.columns[c] if c < len(grid.columns) else str(c)
    return check_sum(grid.table_id, ln.row.index, label, header, ln.row.text(c), [p.row.text(c) for p in parts],
                     cell=(ln.row.index, c), part_cells=[(p.row.index, c) for p in parts if p.row.text(c)])


def _members(lines: list[Line], i: int) -> tuple[list[Line], list[Line]]:
    """Given the lines and a total line's position, return (its numbered member lines, its group lines)."""
    ln = lines[i]
    members: list[Line] = []
    groups: list[Line] = []
    if ln.role == "subarea":
        for x in lines[i + 1:]:
            if x.nr is None:
                break
            members.append(x)
    elif ln.role == "area":
        for x in lines[i + 1:]:
            if x.role in ("close", "grand", "area"):
                break
            if x.nr is not None:
                members.append(x)
            elif x.role == "subarea":
                groups.append(x)
        if not all(x.subarea for x in members):
            groups = []
    elif ln.role == "close":
        members = [x for x in lines[:i] if x.nr is not None and x.area == ln.area]
    elif ln.role == "grand":
        start = max((j for j in range(i) if lines[j].role == "grand"), default=-1) + 1
        members = [x for x in lines[start:i] if x.nr is not None]
        groups = [x for x in lines[start:i] if x.role == "area"]
        if not all(x.area for x in members):
            groups = []
    return members, groups


def check_totals(grid: Grid) -> list[TotalCheck]:
    """Given a satspulje grid, return checks of every span column (per row), sub-group, area and grand total."""
    lay = layout(grid)
    if lay is None:
        return []
    lines = read_lines(grid, lay)
    checks: list[TotalCheck | None] = []
    year_cols = {c: int(p) for c, p in lay.periods.items() if _YEAR.fullmatch(p)}
    for c, p in lay.periods.items():  # a span column ("I alt 2019-2022") is the sum of its years, per row
        if m := _SPAN.fullmatch(p):
            parts = [yc for yc, y in year_cols.items() if int(m.group(1)) <= y <= int(m.group(2))]
            header = grid.columns[c] if c < len(grid.columns) else str(c)
            for ln in lines if parts else []:
                checks.append(check_sum(grid.table_id, ln.row.index, ln.label, header, ln.row.text(c),
                                        [ln.row.text(yc) for yc in parts], cell=(ln.row.index, c),
                                        part_cells=[(ln.row.index, yc) for yc in parts if ln.row.text(yc)]))
    for i, ln in enumerate(lines):
        members, groups = _members(lines, i)
        if not members:
            continue
        for c in lay.periods:
            checks.append(_check(grid, ln, c, members))
            if groups:
                checks.append(_check(grid, ln, c, groups, basis="from sub-totals"))
    return [c for c in checks if c is not None]
