"""`grant_expiries` on the gold grant-expiry list (000) and on layouts a PDF extractor may produce."""
from __future__ import annotations

import dataclasses
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from domain import grant_expiries, registry
from domain.grid import GridCell
from domain.registry import DocumentContext
from tests.domain.cph_gold import classified, csv_rows, metas
from tests.domain.gold_grids import GOLD, gold_grids

TITLE = "Bevillinger på Sundheds- og Omsorgsudvalgets ramme som udløber til Budget 2026"
DOC = DocumentContext("gold", "grant_expiry_list", "København", TITLE)
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation


def _grid():
    (grid,) = [g for g in classified("000") if g.kind == grant_expiries.KIND]
    return grid


def test_rows_follow_the_printed_list():
    out = grant_expiries.rows(DOC, [_grid()])
    header, rows = csv_rows("000", metas("000")[0]["file"])
    printed_total = metas("000")[0]["totals"][0]["by_column"][header[1]]["printed_value"]
    with_amount = [r for r in out if r["amount_dkk"] is not None]
    assert len(out) == 17 and len(with_amount) == 12
    assert sum(r["amount_dkk"] for r in with_amount) == printed_total * 1000
    assert {r["grant"] for r in out if r["listed_elsewhere"]} == {r[0].rstrip("*") for r in rows if r[0].endswith("*")}
    assert not any("*" in r["grant"] or "i alt" in r["grant"] for r in out)
    assert all((r["committee"], r["budget_year"], r["pl_year"]) == ("Sundheds- og Omsorgsudvalget", 2026, 2026)
               for r in out)
    enums = ("continue", "political", "discontinue", "handled")
    counts = {k: sum(r["recommendation"] == k for r in out) for k in enums}
    assert counts == {"continue": 4, "political": 5, "discontinue": 3, "handled": 5}
    handled = [r for r in out if r["recommendation"] == "handled"]
    assert all(r["amount_dkk"] is None and r["recommendation_text"].startswith("Dækket ved") for r in handled)
    assert set(out[0]) == {"document_id", "page", "municipality", "committee", "budget_year", "grant", "amount_dkk",
                           "pl_year", "recommendation", "recommendation_text", "listed_elsewhere"}


def test_total_row_is_checked_and_a_tampered_amount_fails():
    grid = _grid()
    (chk,) = grant_expiries.check_totals(grid)
    assert chk.holds and chk.printed == Decimal(54044)
    row = grid.rows[0]
    row.cells[1] = dataclasses.replace(row.cells[1], text="13.768")
    (bad,) = grant_expiries.check_totals(grid)
    assert not bad.holds and bad.difference == Decimal(-1)


def test_handled_text_in_the_recommendation_column_and_no_title():
    """An extractor may put "Dækket ved ..." under the recommendation header; year then comes from the caption."""
    grid = _grid()
    for row in grid.rows:
        text = row.text(1)
        if text.startswith("Dækket"):
            del row.cells[1]
            row.cells[2] = GridCell(text=text, value=None, page=row.page)
    out = grant_expiries.rows(DocumentContext("gold", "grant_expiry_list", "København", None), [grid])
    handled = [r for r in out if r["recommendation"] == "handled"]
    assert len(handled) == 5 and all(r["amount_dkk"] is None for r in handled)
    assert {r["budget_year"] for r in out} == {2026}


def test_committee_and_year_of_another_title():
    doc = DocumentContext("x", "grant_expiry_list", "København",
                          "Bevillinger på Børne- og Ungdomsudvalgets ramme som udløber til Budget 2027")
    assert grant_expiries.committee_and_year(doc, []) == ("Børne- og Ungdomsudvalget", 2027)


@pytest.mark.parametrize("doc", ["001", "002", "003", "004"])
def test_no_grant_list_elsewhere(doc):
    assert not any(grant_expiries.recognise(g) for g in gold_grids(doc))


@pytest.mark.skipif(not EVAL.exists(), reason="shared scorer not available")
def test_reproduces_the_scorer_expectation():
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "000"))["grant_expiries"]
    got = registry.builders()["grant_expiries"](DOC, classified("000"))
    assert [{k: v for k, v in r.items() if k != "document_id"} for r in got] == expected


def test_a_header_repeated_over_two_rows_under_a_section_row_adds_no_grant():
    """fpdf2 (tune seeds 2121, 6174) repeats the list's header atop the next page under the section row the page
    break left at its foot; the header's wrapped amount head is read as two rows: its first lines ("Beløb som
    udløber (2026-pl)") into the section row, the rest with the other heads as a row of its own. The row that
    repeats the header goes, and so do the head's first lines in the row above it: the section row stays a section
    row, no grant of its own."""
    from domain.grid import GridRow, without_repeated_headers

    grid = _grid()
    want = grant_expiries.rows(DOC, [grid])
    k = next(i for i, r in enumerate(grid.rows) if r.label.startswith("Bevillingsudløb, der allerede"))
    section = grid.rows[k]
    head_start = " ".join(grid.columns[1].split()[:4])  # "Beløb som udløber (2026-pl)"
    section.cells[1] = GridCell(text=head_start, value=None, page=section.page)
    rest = grid.columns[1][len(head_start):].strip()  # "1.000 kr."
    cells = {0: GridCell(text=grid.columns[0], value=None, page=section.page),
             1: GridCell(text=rest, value=None, page=section.page),
             2: GridCell(text=grid.columns[2], value=None, page=section.page)}
    grid.rows.insert(k + 1, GridRow(index=10_000, page=section.page, label=grid.columns[0], cells=cells))
    assert len(grant_expiries.rows(DOC, [grid])) == len(want) + 2  # the section row and the header, read as grants
    got = grant_expiries.rows(DOC, [without_repeated_headers(grid)])
    assert [(r["grant"], r["amount_dkk"], r["recommendation"]) for r in got] == \
        [(r["grant"], r["amount_dkk"], r["recommendation"]) for r in want]
