"""Each proposal's "Tabel 1. Forslagets samlede økonomiske konsekvenser", long by year, with section and control area.

Structure recognised: year columns and the Tabel 1 vocabulary (caption, or section heads "Varige ændringer" /
"Implementeringsomkostninger" with their printed totals). Payback rows ("Tilbagebetalingstid ...") are not
economics rows: they feed `proposals`. Checks per year: "Samlet varig ændring" = its line items,
"Samlede implementeringsomkostninger" = its line items, "Samlet økonomisk påvirkning" = the printed subtotals
plus any line items not covered by one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from domain import catalogue_overview
from domain.cells import (
    amount,
    clean,
    document_unit,
    find_code,
    find_col,
    grid_pl_year,
    grid_unit,
    label_col,
    norm,
    to_dkk,
    unit_factor,
    year_columns,
)
from domain.grid import Grid, GridRow
from domain.registry import DocumentContext, TotalCheck
from domain.totals import check_rows
from domain.vocab import SECTION_HEADS, is_payback, key, section_head, section_total

KIND = "proposal_economics"
CAPTION_WORDS = ("økonomiske konsekvenser",)
CONTROL_AREA_WORDS = ("styringsområde", "styrings område", "styrings- område")


@dataclass
class EconRow:
    """One body row of a Tabel 1, read: its section (or total kind), label, control area and role."""

    row: GridRow
    label: str
    section: str | None
    control_area: str | None
    role: str  # "head", "item", "total", "payback", "blank", "after" (a row after the grand total and payback)


def _control_col(grid: Grid) -> int | None:
    """Given a grid, return its "Styringsområde" column, if any."""
    return find_col(grid, "styrings")


def recognise(grid: Grid) -> bool:
    """Given a grid, return whether it is a proposal's Tabel 1 (caption vocabulary or section structure)."""
    if not year_columns(grid):
        return False
    if any(w in norm(grid.caption) for w in CAPTION_WORDS):
        return True
    lc = label_col(grid)
    labels = [clean(r.label or r.text(lc)) for r in grid.rows]
    totals = {section_total(x) for x in labels} - {None}
    heads = {section_head(x) for x in labels} - {None}
    return "total" in totals or bool(heads and totals)


def split_section_head(label: str, *, at_end: bool = False) -> tuple[str | None, str]:
    """Given a row label, return (section, the rest) when a section head's words open it ("Varige ændringer
    Behandlingstiden ...": a head row merged into the row below it) or, with `at_end`, close it ("Samlet varig
    ændring Implementeringsomkostninger": the next section's head merged into a total); else (None, label)."""
    words = label.split()
    for phrase, value in SECTION_HEADS.items():
        n = len(phrase.split())
        if len(words) <= n:
            continue
        head, rest = (words[-n:], words[:-n]) if at_end else (words[:n], words[n:])
        if key(" ".join(head)) == phrase:
            return value, " ".join(rest)
    return None, label


def read(grid: Grid) -> list[EconRow]:
    """Given a Tabel 1 grid, return its rows with section, control area and role. A section head printed on
    one line with the row below or above it (read as one row), or read into the header, still opens its
    section."""
    lc, cc, years = label_col(grid), _control_col(grid), year_columns(grid)
    # The first section head may have been read into the header, after the unit ("1.000 kr. 2023 p/l Varige
    # ændringer"): the table then opens in that section.
    header = clean(grid.columns[lc]) if lc < len(grid.columns) else ""
    section, out = section_head(header) or split_section_head(header, at_end=True)[0], []
    ended = False  # the grand total was printed: only payback rows may follow it in a Tabel 1
    for row in grid.rows:
        label = clean(row.label or row.text(lc))
        control = clean(row.text(cc)) if cc is not None else ""
        has_amount = any(amount(row.text(c)) is not None for c in years)
        if is_payback(label):
            out.append(EconRow(row, label, None, None, "payback"))
        elif ended:  # another table read on as this one's continuation (a page break after its caption)
            out.append(EconRow(row, label, None, None, "after"))
        elif (head := section_head(label)) is not None and not has_amount and not control:
            section = head
            out.append(EconRow(row, label, head, None, "head"))
        elif (tot := section_total(label)) is not None:
            following, rest = split_section_head(label, at_end=True)
            if following is not None and section_total(rest) == tot:  # not "Samlede implementeringsomkostninger"
                label, section = rest, following
            out.append(EconRow(row, label, tot, control or None, "total"))
            ended = tot == "total"
        elif (has_amount and (lead := split_section_head(label))[0] not in (None, section)
              and section_total(lead[1]) is None):  # a head merged into the first row of the section it opens
            section, label = lead
            out.append(EconRow(row, label, section, control or None, "item"))
        elif has_amount:
            out.append(EconRow(row, label, section, control or None, "item"))
        else:
            out.append(EconRow(row, label, section, control or None, "blank"))
    return _reopen_closed_sections(out)


SUBTOTAL_OF = {"total_permanent": "permanent", "total_implementation": "implementation"}


def _reopen_closed_sections(rows: list[EconRow]) -> list[EconRow]:
    """Given read rows, return them with the line items that follow their section's printed subtotal moved to the
    section whose subtotal closes them: a subtotal ends its section, so items printed after "Samlet varig
    ændring" and summed by "Samlede implementeringsomkostninger" are implementation items, even where the
    "Implementeringsomkostninger" head row was not read (lost at a page break)."""
    closed: set[str] = set()
    for i, er in enumerate(rows):
        if er.role == "head":
            closed.discard(er.section)
        elif er.role == "total" and er.section in SUBTOTAL_OF:
            closed.add(SUBTOTAL_OF[er.section])
        elif er.role in ("item", "blank") and er.section in closed:
            nxt = next((x for x in rows[i + 1:] if x.role in ("head", "total")), None)
            if nxt is not None and nxt.role == "total" and SUBTOTAL_OF.get(nxt.section) not in (None, er.section):
                er.section = SUBTOTAL_OF[nxt.section]
    return rows


def check_totals(grid: Grid) -> list[TotalCheck]:
    """Given a Tabel 1 grid, return the checks of its printed totals per year (see module docstring)."""
    years = year_columns(grid)
    out: list[TotalCheck] = []
    items: list[GridRow] = []  # line items since the last printed subtotal
    subtotals: list[GridRow] = []
    uncovered: list[GridRow] = []  # line items not summarised by a printed subtotal
    for er in read(grid):
        if er.role == "item":
            items.append(er.row)
        elif er.role == "total" and er.section in ("total_permanent", "total_implementation"):
            out += check_rows(grid, er.row, items, years)
            subtotals.append(er.row)
            items = []
        elif er.role == "total" and er.section == "total":
            parts = subtotals + uncovered + items
            out += check_rows(grid, er.row, parts, years)
            subtotals, uncovered, items = [], [], []
        elif er.role == "head" and items:
            uncovered += items  # a new section starts while the previous one printed no subtotal
            items = []
    return out


def grid_code(grid: Grid, by_title: dict[str, str]) -> str | None:
    """Given a grid and the catalogue overview's {title key: code}, return the proposal code its context (or
    caption) names: a printed code, else the overview entry whose title the context prints without its code."""
    return find_code(grid.context) or find_code(grid.caption) or catalogue_overview.code_by_title(grid.context,
                                                                                                    by_title)


def _following_code(grids: list[Grid], i: int, by_title: dict[str, str]) -> str | None:
    """Given grids, the index of a Tabel 1 and the overview's titles, return the most common context code of the
    grids after it up to the next Tabel 1 (the body of the proposal the table belongs to)."""
    codes: Counter[str] = Counter()
    for g in grids[i + 1:]:
        if g.kind == KIND:
            break
        if code := grid_code(g, by_title):
            codes[code] += 1
    return codes.most_common(1)[0][0] if codes else None


def assign_codes(grids: list[Grid]) -> dict[str, str | None]:
    """Given a document's grids (classified), return {table_id: proposal code} for its Tabel 1 grids.

    The code comes from the table's context: the code it prints, else (a heading "Forslagets titel: Title"
    that prints none) the code the catalogue overview lists for that title. A Tabel 1 whose context names no
    code, or one that shares its code with another Tabel 1 (printed before its proposal's title, so it
    inherited the previous heading), takes the code of the proposal body that follows it.
    """
    ordered = sorted(grids, key=lambda g: g.table_index)
    by_title = catalogue_overview.titles(ordered)
    econ = [(i, g) for i, g in enumerate(ordered) if g.kind == KIND]
    own = {g.table_id: grid_code(g, by_title) for _, g in econ}
    counts = Counter(c for c in own.values() if c)
    out = {}
    for i, g in econ:
        code = own[g.table_id]
        if code is None or counts[code] > 1:
            code = _following_code(ordered, i, by_title) or code
        out[g.table_id] = code
    return out


def rows(doc: DocumentContext, grids: list[Grid]) -> list[dict]:
    """Given a document and its grids, return the `proposal_economics` rows (one per printed amount)."""
    codes, out, fallback = assign_codes(grids), [], document_unit(grids)
    for grid in sorted((g for g in grids if g.kind == KIND), key=lambda g: g.table_index):
        code = codes.get(grid.table_id)
        if code is None:
            continue  # a Tabel 1 that cannot be tied to a proposal
        years, factor, pl = year_columns(grid), unit_factor(grid_unit(grid) or fallback), grid_pl_year(grid)
        for er in read(grid):
            if er.role not in ("item", "total"):
                continue
            for c, year in years.items():
                value = amount(er.row.text(c))
                if value is None:
                    continue  # an empty cell is no row; a printed "0" is
                out.append(dict(document_id=grid.document_id, page=er.row.page, code=code, section=er.section,
                                line_item=er.label, control_area=er.control_area, year=year,
                                amount_dkk=to_dkk(value, factor), pl_year=pl))
    return out


OUTPUTS = {"proposal_economics": rows}
