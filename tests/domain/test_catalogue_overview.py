"""`catalogue_overview` on the gold overview of the efficiency catalogue (001) and on variants."""
from __future__ import annotations

import dataclasses
import re
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from domain import catalogue_overview, registry
from domain.grid import GridRow
from domain.registry import DocumentContext
from tests.domain.cph_gold import classified, csv_rows, metas
from tests.domain.gold_grids import GOLD, gold_grids

DOC = DocumentContext("gold", "proposal_catalogue", "København", "Effektiviseringskatalog 2023")
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation


def _grid():
    (grid,) = [g for g in classified("001") if g.kind == catalogue_overview.KIND]
    return grid


def test_long_rows_match_the_printed_overview():
    out = catalogue_overview.rows(DOC, [_grid()])
    header, rows = csv_rows("001", metas("001")[0]["file"])
    printed = {}
    for r in rows:
        m = re.match(r"([A-Z]+\d+)\. ", r[0])
        for year, cell in zip(header[1:], r[1:], strict=True):
            if m and cell:
                printed[(m.group(1), int(year))] = int(cell.replace(".", "")) * 1000
    assert {(r["code"], r["year"]): r["amount_dkk"] for r in out} == printed
    assert len(out) == len(printed) == 36
    by_code = {r["code"]: r for r in out}
    assert by_code["SU9"]["title"] == "Tilpasning af kapacitetsniveau"  # FORTROLIGT stripped
    assert {c for c, r in by_code.items() if r["proposal_type"] == "efficiency"} == {"SU8", "SU9", "SU10"}
    assert "SU7" not in by_code  # innovation proposal printed without amounts
    assert all(r["pl_year"] is None for r in out)  # the overview prints no price level
    assert set(out[0]) == {"document_id", "page", "code", "title", "proposal_type", "year", "amount_dkk", "pl_year"}


def test_entries_remember_confidential_and_type_of_empty_rows():
    entries = {e["code"]: e for e in catalogue_overview.entries(_grid())}
    assert [c for c, e in entries.items() if e["confidential"]] == ["SU9"]
    assert entries["SU7"]["proposal_type"] == "innovation" and len(entries) == 10


def test_total_checked_per_year_and_tampering_is_reported():
    grid = _grid()
    checks = catalogue_overview.check_totals(grid)
    assert [c.column for c in checks] == ["2023", "2024", "2025", "2026"] and all(c.holds for c in checks)
    row = grid.rows[1]  # SU1, printed -3.500 in 2024
    grid.rows[1] = GridRow(row.index, row.page, row.label,
                           {**row.cells, 2: dataclasses.replace(row.cells[2], text="-3.600")})
    bad = [c for c in catalogue_overview.check_totals(grid) if not c.holds]
    assert [(c.column, c.difference) for c in bad] == [("2024", Decimal(100))]


def test_codes_with_slash_and_dash_titles_are_split():
    from domain.cells import split_code

    title = "Faglig omstilling – Styrket overgang"
    assert split_code(f"BU/SI01 - {title}") == ("BU/SI01", title)
    assert split_code("SU10. Huslejereduktion på sundhedshusene") == ("SU10", "Huslejereduktion på sundhedshusene")
    assert split_code("Effektiviseringskatalog i alt") is None


@pytest.mark.parametrize("doc", ["000", "002", "003", "004"])
def test_no_overview_elsewhere(doc):
    assert not any(catalogue_overview.recognise(g) for g in gold_grids(doc))


@pytest.mark.skipif(not EVAL.exists(), reason="shared scorer not available")
def test_reproduces_the_scorer_expectation():
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "001"))["catalogue_overview"]
    got = registry.builders()["catalogue_overview"](DOC, classified("001"))
    assert [{k: v for k, v in r.items() if k != "document_id"} for r in got] == [
        {k: v for k, v in e.items() if k != "confidential"} for e in expected]


def test_overview_without_a_published_unit_takes_the_documents_unit():
    """The overview prints "(1.000 kr.)" only in a header spanning the years; the extractor may not publish it."""
    grids = classified("001")
    overview = next(g for g in grids if g.kind == catalogue_overview.KIND)
    overview.unit = None
    out = catalogue_overview.rows(DOC, grids)
    assert next(r for r in out if (r["code"], r["year"]) == ("SU1", 2023))["amount_dkk"] == -1_800_000


def test_a_type_group_row_read_into_the_proposal_below_it_still_opens_its_group():
    """"INVESTERINGSFORSLAG" and "SU1. ..." read as one row (no amounts on the group row): SU1 is still an
    investment proposal with its amounts, and the proposals after it keep the type."""
    grid = _grid()
    want = catalogue_overview.rows(DOC, [grid])
    i = next(k for k, r in enumerate(grid.rows) if r.label == "INVESTERINGSFORSLAG")
    group, first = grid.rows[i], grid.rows[i + 1]
    merged = f"{group.label} {first.label}"
    lc = next(c for c, cell in first.cells.items() if cell.text == first.label)
    grid.rows[i + 1] = dataclasses.replace(first, label=merged, cells={
        **first.cells, lc: dataclasses.replace(first.cells[lc], text=merged)})
    del grid.rows[i]
    assert catalogue_overview.recognise(grid)
    assert catalogue_overview.rows(DOC, [grid]) == want
    assert all(c.holds for c in catalogue_overview.check_totals(grid)) and catalogue_overview.check_totals(grid)


def test_group_rows_read_into_the_end_of_a_wrapped_title_are_not_part_of_it():
    """LibreOffice, no rules (tune seed 779): the group rows INNOVATIONSFORSLAG and EFFEKTIVISERINGSFORSLAG
    printed under SU6's wrapped title were read into it ("... Omsorgsforvaltningen INNOVATIONSFORSLAG
    EFFEKTIVISERINGSFORSLAG"). The title ends before them, and the entries after it are no longer taken for
    investment proposals: the last group read opens (SU7's own group is lost with the row that printed it)."""
    grid = _grid()
    want = {e["code"]: e for e in catalogue_overview.entries(grid)}
    heads = [i for i, r in enumerate(grid.rows) if r.label in ("INNOVATIONSFORSLAG", "EFFEKTIVISERINGSFORSLAG")]
    assert len(heads) == 2
    k = next(i for i, r in enumerate(grid.rows) if r.label.startswith("SU6"))
    row = grid.rows[k]
    merged = f"{row.label} INNOVATIONSFORSLAG EFFEKTIVISERINGSFORSLAG"
    lc = next(c for c, cell in row.cells.items() if cell.text == row.label)
    grid.rows[k] = GridRow(row.index, row.page, merged,
                           {**row.cells, lc: dataclasses.replace(row.cells[lc], text=merged)})
    grid.rows = [r for i, r in enumerate(grid.rows) if i not in heads]
    got = {e["code"]: e for e in catalogue_overview.entries(grid)}
    assert {c: e["title"] for c, e in got.items()} == {c: e["title"] for c, e in want.items()}
    assert {c: e["proposal_type"] for c, e in got.items() if c != "SU7"} == \
        {c: e["proposal_type"] for c, e in want.items() if c != "SU7"}
