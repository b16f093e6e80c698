"""`proposal_economics` on every gold Tabel 1 of 001 and 003: rows, sections, codes and the printed-total checks."""
from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from domain import proposal_economics, registry
from domain.cells import norm
from domain.registry import DocumentContext
from tests.domain.cph_gold import classified, csv_rows, metas
from tests.domain.gold_grids import GOLD, gold_grids

DOC = DocumentContext("gold", "proposal_catalogue", "København", None)
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation
CATALOGUES = ["001", "003"]


def _is_tabel1(meta: dict) -> bool:
    return (meta.get("title") or "").startswith("Tabel 1") and "økonomiske konsekvenser" in (meta.get("title") or "")


def _code(meta: dict) -> str:
    ctx = meta["context"]
    return ctx["code"] if isinstance(ctx, dict) else ctx.split()[0]


def _num(cell: str) -> bool:
    s = cell.replace(" ", "").replace("\u2212", "-")
    return bool(s) and s.lstrip("-").replace(".", "").replace(",", "").isdigit()


@pytest.mark.parametrize("doc", CATALOGUES)
def test_every_tabel1_is_recognised_and_nothing_else(doc):
    grids = classified(doc)
    kinds = [g.kind == proposal_economics.KIND for g in grids]
    assert kinds == [_is_tabel1(m) for m in metas(doc)]


@pytest.mark.parametrize("doc", CATALOGUES)
def test_one_row_per_printed_amount_per_code(doc):
    """Expected counts are read straight from the CSVs: numeric year cells of non-payback rows."""
    expected: Counter[str] = Counter()
    for m in filter(_is_tabel1, metas(doc)):
        header, rows = csv_rows(doc, m["file"])
        years = [i for i, h in enumerate(header) if h.isdigit()]
        for r in rows:
            if not r[0].lower().startswith("tilbagebetalingstid"):
                expected[_code(m)] += sum(_num(r[i]) for i in years)
    out = proposal_economics.rows(DOC, classified(doc))
    assert Counter(r["code"] for r in out) == expected
    keys = Counter((r["code"], r["section"], r["line_item"], r["control_area"], r["year"]) for r in out)
    assert max(keys.values()) == 1  # the contract key is unique on these documents


def test_sections_zero_cells_and_control_areas():
    out = [r for r in proposal_economics.rows(DOC, classified("001")) if r["code"] == "SU1"]
    by = {(r["line_item"], r["year"]): r for r in out}
    item = "Implementeringsomkostninger –terapeutfaglige kompetencer"  # a line item, not the section head
    assert [by[(item, y)]["amount_dkk"] for y in range(2022, 2028)] == [700_000, 0, 0, 0, 0, 0]
    assert by[(item, 2022)]["section"] == "implementation" and by[(item, 2022)]["control_area"] == "Service"
    assert ("Organisering af terapeutfaglige medarbejdere", 2024) not in by  # empty cell, no row
    assert by[("Samlet varig ændring", 2023)]["section"] == "total_permanent"
    assert by[("Samlet varig ændring", 2023)]["control_area"] is None
    assert by[("Samlet økonomisk påvirkning", 2022)]["section"] == "total"
    assert by[("Terapeutfaglige kompetencer", 2023)]["section"] == "permanent"
    assert not any(r["line_item"].startswith("Tilbagebetalingstid") for r in out)
    assert {r["pl_year"] for r in out} == {2023}


def _recorded(doc: str) -> list[tuple[str, str, dict[str, Decimal | None] | None]]:
    """Return (table file, total row label, {failing year: difference or None} or None when it holds)."""
    out = []
    for m in filter(_is_tabel1, metas(doc)):
        for t in m.get("totals", []):
            if t.get("holds", True):
                out.append((m["file"], t["total_row"], None))
            elif "by_column" in t:
                out.append((m["file"], t["total_row"], {
                    y: Decimal(c["printed_value"]) - Decimal(c["computed_sum"])
                    for y, c in t["by_column"].items() if not c["holds"]}))
            else:
                out.append((m["file"], t["total_row"], {
                    x["year"]: None if x["diff"] is None else Decimal(x["diff"]) for x in t["mismatches"]}))
    return out


@pytest.mark.parametrize("doc", CATALOGUES)
def test_checks_report_exactly_the_recorded_printing_errors(doc):
    grids = classified(doc)
    by_file = {m["file"]: g for m, g in zip(metas(doc), grids, strict=True)}
    recorded = _recorded(doc)
    assert recorded
    seen = set()
    for file, label, failing in recorded:
        checks = [c for c in registry.check_totals(by_file[file]) if norm(c.row_label) == norm(label)]
        assert checks, (file, label)
        seen.add((file, norm(label)))
        bad = {c.column: c.difference for c in checks if not c.holds}
        if failing is None:
            assert bad == {}, (file, label, bad)
        else:
            assert set(bad) == set(failing), (file, label, bad)
            for year, diff in failing.items():
                assert diff is None or bad[year] == diff, (file, label, year)
    tabel1 = {m["file"] for m in filter(_is_tabel1, metas(doc))}
    for file, grid in by_file.items():  # no Tabel 1 failure the gold records as holding or does not list
        for c in registry.check_totals(grid) if file in tabel1 else []:
            assert c.holds or (file, norm(c.row_label)) in seen


def test_tabel1_printed_before_its_title_still_gets_its_proposal():
    """The extractor may give a Tabel 1 printed above its proposal's title the previous proposal's heading."""
    grids = classified("001")
    econ = [g for g in grids if g.kind == proposal_economics.KIND]
    econ[1].context = econ[0].context  # SU2's Tabel 1 inherits SU1's heading
    econ[2].context = None  # SU3's Tabel 1 has no heading at all
    codes = proposal_economics.assign_codes(grids)
    assert [codes[g.table_id] for g in econ[:3]] == ["SU1", "SU2", "SU3"]


def test_printed_heading_contexts_and_a_missing_caption():
    grids = classified("003")
    econ = [g for g in grids if g.kind == proposal_economics.KIND]
    assert proposal_economics.assign_codes(grids)[econ[0].table_id] == "BU/SI01"
    econ[0].caption = None
    assert proposal_economics.recognise(econ[0])  # by its section structure alone


@pytest.mark.parametrize("doc", ["000", "002", "004"])
def test_no_tabel1_elsewhere(doc):
    assert not any(proposal_economics.recognise(g) for g in gold_grids(doc))


@pytest.mark.skipif(not EVAL.exists(), reason="shared scorer not available")
@pytest.mark.parametrize("doc", CATALOGUES)
def test_reproduces_the_scorer_expectation(doc):
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / doc))["proposal_economics"]
    got = registry.builders()["proposal_economics"](DOC, classified(doc))
    assert [{k: v for k, v in r.items() if k != "document_id"} for r in got] == expected


def test_a_section_head_read_into_the_row_below_or_above_it_still_opens_its_section():
    """As LibreOffice prints SU3's Tabel 1: "Varige ændringer" on the line of the first item, and
    "Implementeringsomkostninger" on the line of "Samlet varig ændring"; a label that merely starts with the
    section's own head word ("Implementeringsomkostninger -terapeutfaglige ...") is an item of that section."""
    from domain.grid import Grid, GridCell, GridRow

    def row(i: int, label: str, *texts: str) -> GridRow:
        cells = {c: GridCell(t, None, 1) for c, t in enumerate([label, "Service" if texts else "", *texts]) if t}
        return GridRow(i, 1, label, cells)

    grid = Grid("d", "d-000", 0, 1, 1, "Tabel 1. Forslagets samlede økonomiske konsekvenser", "SU3. Titel",
                ["1.000 kr.", "Styringsområde", "2023", "2024"], "1.000 kr.", None, rows=[
                    row(0, "Varige ændringer Behandlingstiden nedsættes", "-1.400", "-2.750"),
                    row(1, "Samlet varig ændring Implementeringsomkostninger", "-1.400", "-2.750"),
                    row(2, "Implementeringsomkostninger -terapeutfaglige kompetencer", "700", ""),
                    row(3, "Projektledelse", "100", "")])
    read = [(er.label, er.section, er.role) for er in proposal_economics.read(grid)]
    assert read == [("Behandlingstiden nedsættes", "permanent", "item"),
                    ("Samlet varig ændring", "total_permanent", "total"),
                    ("Implementeringsomkostninger -terapeutfaglige kompetencer", "implementation", "item"),
                    ("Projektledelse", "implementation", "item")]


def _title_only(heading: str) -> str:
    """Given a printed proposal heading ("SU2 – SU2. Title (INVESTERINGSFORSLAG, ...)"), return it as
    "Forslagets titel: Title" leaves it in `tables.context`: the title without its code."""
    from domain.cells import find_code
    from domain.proposals import title_from_heading

    return title_from_heading(heading, find_code(heading))


def test_a_heading_without_its_code_takes_the_code_the_overview_lists_for_its_title():
    """A proposal headed "Forslagets titel: <title>" prints no code: the catalogue overview pairs the title with
    it, for the Tabel 1 and for the proposal's other tables. Same rows as when the code is printed."""
    grids = classified("001")
    printed = proposal_economics.rows(DOC, grids)
    su2 = [g for g in grids if proposal_economics.grid_code(g, {}) == "SU2"]
    assert any(g.kind == proposal_economics.KIND for g in su2)
    for g in su2:
        g.context = _title_only(g.context)
    assert all(proposal_economics.grid_code(g, {}) is None for g in su2)  # no code printed
    assert proposal_economics.rows(DOC, grids) == printed


def test_a_title_the_overview_does_not_list_or_lists_twice_gives_no_code():
    """No overview entry, or two entries with that title: no code rather than a wrong one."""
    from domain import catalogue_overview

    grids = classified("001")
    titles = catalogue_overview.titles(grids)
    assert catalogue_overview.code_by_title("Styrkelse af den rehabiliterende sygepleje", titles) == "SU4"
    assert catalogue_overview.code_by_title("Styrkelse af den rehabiliterende", titles) is None  # SU2 or SU4
    assert catalogue_overview.code_by_title("Et helt andet forslag om noget tredje", titles) is None
    cut = "Indførelse af røgfri arbejdstid i Sundheds- og"  # a title cut at its line break
    assert catalogue_overview.code_by_title(cut, titles) == "SU6"


def _econ_grid(doc: str, code: str):
    (grid,) = [g for g in classified(doc) if g.kind == proposal_economics.KIND
               and proposal_economics.grid_code(g, {}) == code]
    return grid


def _sections(grid) -> list[tuple[str, str | None]]:
    return [(er.label, er.section) for er in proposal_economics.read(grid) if er.role in ("item", "total")]


def test_items_after_a_subtotal_belong_to_the_section_whose_subtotal_closes_them():
    """A head row lost at a page break: "Samlet varig ændring" closed the permanent section, so the items up to
    "Samlede implementeringsomkostninger" are implementation items, as printed."""
    grid = _econ_grid("003", "BU/SI01")
    printed = _sections(grid)
    assert ("Samlede implementeringsomkostninger", "total_implementation") in printed
    grid.rows = [r for r in grid.rows if proposal_economics.section_head(r.label) != "implementation"]
    assert _sections(grid) == printed


def test_a_section_head_read_into_its_first_item_is_not_the_section_total():
    """"Implementeringsomkostninger <first item>" (the head and the first item read as one row) opens the
    implementation section with that item; it is not "Implementeringsomkostninger i alt"."""
    import dataclasses

    grid = _econ_grid("003", "BU/SI01")
    printed = _sections(grid)
    i = next(k for k, r in enumerate(grid.rows) if proposal_economics.section_head(r.label) == "implementation")
    head, first = grid.rows[i], grid.rows[i + 1]
    merged = f"{head.label} {first.label}"
    lc = next(c for c, cell in first.cells.items() if cell.text == first.label)
    grid.rows[i + 1] = dataclasses.replace(first, label=merged, cells={
        **first.cells, lc: dataclasses.replace(first.cells[lc], text=merged)})
    del grid.rows[i]
    assert _sections(grid) == printed


def test_a_section_head_read_into_the_header_opens_the_first_section():
    """WeasyPrint sets "Varige ændringer" tight under the header and it is read as part of the label column's
    header ("1.000 kr. 2023 p/l Varige ændringer"): the rows under it are still permanent."""
    grid = _econ_grid("003", "BU/SI01")
    printed = _sections(grid)
    lc = next(c for c, cell in grid.rows[0].cells.items() if cell.text == grid.rows[0].label)
    assert proposal_economics.section_head(grid.rows[0].label) == "permanent"
    head = grid.rows.pop(0).label
    for unit in (grid.columns[lc], "1.000 kr. 2023 p/l"):  # the header as the gold has it, and with its unit
        grid.columns[lc] = f"{unit} {head}".strip()
        assert _sections(grid) == printed


def test_a_table_read_on_below_the_grand_total_and_payback_adds_no_rows():
    """A Tabel 1 ends with "Samlet økonomisk påvirkning" and its payback rows. The next table ("Tabel 2 Varige
    ændringer, service", its caption left at the foot of the page before) stitched onto it as its continuation
    (fpdf2, tune seed 778) brings rows with amounts under the same year headers: they are no economics rows,
    though a "Varige ændringer totalt" among them reads like a total."""
    grids = classified("003")
    i, grid = next((i, g) for i, g in enumerate(grids) if g.kind == proposal_economics.KIND
                   and proposal_economics.grid_code(g, {}) == "HA03")
    printed = _sections(grid)
    tabel2 = grids[i + 1]
    assert (tabel2.caption or "").startswith("Tabel 2")
    n = max(r.index for r in grid.rows) + 1
    for k, row in enumerate(tabel2.rows):
        grid.rows.append(type(row)(index=n + k, page=row.page, label=row.label, cells=dict(row.cells)))
    assert len(grid.rows) > n
    assert _sections(grid) == printed
    assert not [c for c in proposal_economics.check_totals(grid) if not c.holds]


def test_a_header_repeated_in_the_body_is_no_row():
    """A continuation page's repeated header read as a body row ("1.000 kr. 2025 p/l | Styringsområde | 2024 ..."
    in a Chromium Tabel 1, tune seed 779) would read as a line item whose amounts are the years: it is no row."""
    from domain.grid import GridCell, GridRow, without_repeated_headers

    grid = _econ_grid("003", "BU/SI01")
    printed = _sections(grid)
    page = grid.rows[3].page
    header = GridRow(index=999, page=page, label=grid.columns[0],
                     cells={c: GridCell(text=h, value=None, page=page) for c, h in enumerate(grid.columns) if h})
    grid.rows.insert(3, header)
    assert len(_sections(grid)) > len(printed)
    assert _sections(without_repeated_headers(grid)) == printed


def _heads_marked(grids: list, form: str) -> list:
    """Given classified grids and a head form, return copies whose bare-year heads read as budgets print them:
    "B2026" / "BO1 2027", or "Budget 2026" / "Overslagsår 2027" (the first year the budget year)."""
    out = []
    for g in grids:
        years = [i for i, h in enumerate(g.columns) if re.fullmatch(r"(?:19|20)\d{2}", h.strip())]
        columns = list(g.columns)
        for k, i in enumerate(years):
            y = columns[i].strip()
            columns[i] = (f"B{y}" if k == 0 else f"BO{k} {y}") if form == "b_bo" else (
                f"Budget {y}" if k == 0 else f"Overslagsår {y}")
        out.append(replace(g, columns=columns))
    return out


@pytest.mark.parametrize("form", ["b_bo", "budget"])
@pytest.mark.parametrize("doc", CATALOGUES)
def test_year_heads_marked_as_budget_or_estimate_years_read_as_bare_years(doc, form):
    """A Tabel 1 whose year columns are headed "B2026", "BO1 2027" or "Budget 2026", "Overslagsår 2027" gives the
    same rows as one headed by the bare years."""
    grids = classified(doc)
    marked = _heads_marked(grids, form)
    for g in marked:
        g.kind = registry.classify(g)
    assert [g.kind for g in marked] == [g.kind for g in grids]
    assert proposal_economics.rows(DOC, marked) == proposal_economics.rows(DOC, grids)
