"""`satspulje` on the gold grids of the minutes (002) and on its real extraction: rows, hierarchy and checks."""
from __future__ import annotations

import csv
import dataclasses
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from domain import satspulje
from domain.grid import GridCell
from domain.registry import DocumentContext
from tests.domain.gold_grids import GOLD, gold_grids
from tests.domain.real_grids import real_grids

DOC = DocumentContext(document_id="gold", kind="committee_minutes", municipality="Lyngby-Taarbæk")
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation


def _overview():
    """Return the one satspulje overview grid of 002, classified."""
    grids = [g for g in gold_grids("002") if satspulje.recognise(g)]
    assert len(grids) == 1
    grids[0].kind = satspulje.KIND
    return grids[0]


def _gold_csv():
    """Return header and rows of the gold overview CSV (read independently of the grid helper)."""
    path = next((GOLD / "002").glob("01_*.csv"))
    with open(path, encoding="utf-8", newline="") as f:
        header, *rows = list(csv.reader(f))
    return header, rows


@pytest.mark.parametrize("doc", ["000", "001", "003", "004"])
def test_other_documents_have_no_satspulje_overview(doc):
    assert not any(satspulje.recognise(g) for g in gold_grids(doc))


def test_only_the_overview_is_recognised_in_002():
    hits = [g.caption for g in gold_grids("002") if satspulje.recognise(g)]
    assert hits == ["Tabel 1 Økonomioversigt for satspuljen 2019 (mio. kr., 2019-pl)"]


def test_rows_periods_and_amounts_match_the_printed_table():
    header, body = _gold_csv()
    rows = satspulje.build(DOC, [_overview()])
    assert len(rows) == len(body) * 6 == 876
    assert {r["period"] for r in rows} == {"2019", "2020", "2021", "2022", "permanent", "2019-2022"}
    assert all(r["agreement"] == "satspuljen 2019" and r["pl_year"] == 2019 for r in rows)
    period = {"Permanent": "permanent", "I alt 2019-2022": "2019-2022"}
    found = iter(rows)
    for rec in body:
        nr = int(rec[0]) if rec[0] else None
        for h, text in zip(header[3:], rec[3:], strict=True):
            got = next(found)
            assert (got["initiative"], got["nr"], got["period"]) == (rec[2], nr, period.get(h, h))
            want = None if text == "-" else int(Decimal(text.replace(".", "").replace(",", ".")) * 1_000_000)
            assert got["amount_dkk"] == want
            assert got["dut"] == (rec[1] == "D")
            assert got["is_subtotal"] == (nr is None)


def test_exact_kroner_from_one_decimal_millions():
    rows = satspulje.build(DOC, [_overview()])
    first = next(r for r in rows if r["period"] == "2019")
    assert first["initiative"] == "Initiativer under socialområdet"
    assert first["amount_dkk"] == 283_800_000
    total = [r for r in rows if r["initiative"] == "Satspuljen 2019 i alt" and r["period"] == "2019-2022"]
    assert total[0]["amount_dkk"] == 3_316_900_000


def test_area_and_subarea_follow_the_group_rows():
    rows = [r for r in satspulje.build(DOC, [_overview()]) if r["period"] == "2019"]
    by_nr = {r["nr"]: r for r in rows if r["nr"] is not None}
    assert by_nr[1]["area"] == "Initiativer under socialområdet" and by_nr[1]["subarea"] == "Socialinitiativer"
    assert by_nr[43]["subarea"] == "Administrationsudgifter"
    assert by_nr[44]["area"] == "Initiativer under sundhedsområdet"
    # single-child area: no sub-group
    helhed = next(r for r in rows if r["initiative"] == "Initiativer under helhedsorienteret indsats")
    child = rows[rows.index(helhed) + 1]
    assert child["nr"] is not None and child["area"] == helhed["initiative"] and child["subarea"] is None
    # group rows: area opener keeps its own label as area; sub-group its own label as subarea
    opener = next(r for r in rows if r["initiative"] == "Socialinitiativer")
    assert opener["subarea"] == "Socialinitiativer" and opener["area"] == "Initiativer under socialområdet"
    close = next(r for r in rows if r["initiative"] == "Socialområdet i alt")
    assert close["area"] == "Initiativer under socialområdet" and close["subarea"] is None
    grand = next(r for r in rows if r["initiative"] == "Satspuljen 2019 i alt")
    assert grand["area"] is None and grand["subarea"] is None and grand["is_subtotal"]
    assert sum(r["dut"] for r in rows) == 14 and len(by_nr) == 117


def test_area_opener_found_by_structure_without_the_usual_wording():
    grid = _overview()
    old, new = "Initiativer under socialområdet", "Socialområdet"
    for row in grid.rows:
        if row.label == old:
            row.label = new
            row.cells = {c: dataclasses.replace(cell, text=new) if cell.text == old else cell
                         for c, cell in row.cells.items()}
    rows = [r for r in satspulje.build(DOC, [grid]) if r["period"] == "2019"]
    assert next(r for r in rows if r["nr"] == 1)["area"] == "Socialområdet"


@pytest.mark.skipif(not (EVAL / "goldset.py").is_file(), reason="scorer not available")
def test_rows_equal_the_scorers_derivation():
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "002"))["satspulje"]
    rows = satspulje.build(DOC, [_overview()])
    fields = [k for k in expected[0] if k != "page"]
    assert [{k: r[k] for k in fields} for r in rows] == [{k: e[k] for k in fields} for e in expected]


def test_all_printed_totals_hold_on_the_gold_table():
    checks = satspulje.check_totals(_overview())
    labels = {c.row_label for c in checks}
    assert {"Socialinitiativer", "Initiativer under socialområdet", "Socialområdet i alt",
            "Satspuljen 2019 i alt", "Satspuljen 2019 i alt (from sub-totals)"} <= labels
    assert sum(c.column == "I alt 2019-2022" for c in checks) >= 146  # the span column, per row
    assert [c for c in checks if not c.holds] == []


def test_a_wrong_member_amount_breaks_every_enclosing_total():
    grid = _overview()
    row = next(r for r in grid.rows if r.text(0) == "1")
    cell = row.cells[3]
    # printed 73,2; the grand total sums 117 rows, so its tolerance is 117 x 0,1 mio.
    row.cells[3] = GridCell(text="93,2", value=93.2, page=cell.page)
    failing = {(c.row_label, c.column) for c in satspulje.check_totals(grid) if not c.holds}
    assert failing == {(row.label, "I alt 2019-2022"), ("Socialinitiativer", "2019"),
                       ("Initiativer under socialområdet", "2019"), ("Socialområdet i alt", "2019"),
                       ("Satspuljen 2019 i alt", "2019")}


# ---------------------------------------------------------------- the real extraction of 002
@pytest.fixture(scope="session")
def real_002():
    """The extracted grids of the satspulje sample (shared with the other modules via real_grids' cache)."""
    return list(real_grids("002"))


def test_real_extraction_has_one_overview(real_002):
    overviews = [g for g in real_002 if g.kind == satspulje.KIND]
    assert len(overviews) == 1
    assert overviews[0].last_page > overviews[0].page  # one table over all its pages


@pytest.mark.skipif(not (EVAL / "goldset.py").is_file(), reason="scorer not available")
def test_real_rows_equal_the_scorers_derivation(real_002):
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "002"))["satspulje"]
    rows = satspulje.build(DOC, real_002)
    fields = [k for k in expected[0] if k != "page"]
    assert [{k: r[k] for k in fields} for r in rows] == [{k: e[k] for k in fields} for e in expected]


def test_real_printed_totals_all_hold(real_002):
    (grid,) = [g for g in real_002 if g.kind == satspulje.KIND]
    checks = satspulje.check_totals(grid)
    assert len(checks) > 300  # every span column, sub-group, area and the grand total
    assert [c for c in checks if not c.holds] == []


def test_a_table_under_the_overviews_heading_is_not_the_overview():
    """Tabel 2 and 3 of 002 read with the overview's caption as their context heading (the heading above them
    on the page): only a table whose own caption calls it an overview is one."""
    grids = gold_grids("002")
    overview = next(g for g in grids if satspulje.recognise(g))
    for g in grids:
        g.context = overview.caption
    hits = [g.caption for g in grids if satspulje.recognise(g)]
    assert hits == [overview.caption]
    assert any(satspulje.layout(g) is not None for g in grids if g is not overview)  # numbered period tables


def test_a_header_repeated_with_the_end_of_the_label_above_it_is_no_row():
    """LibreOffice (tune seed 779) breaks a row over a page and repeats the header there; the last line of the
    row's label is read into the repeated header's label cell ("Initiativ komplicerede sorgreaktioner") and the
    header becomes a body row, whose "Nr." cell hid the row-number column: the overview lost all 876 rows. The
    repeated header is no row, and the text after its header word ends the label of the row above it."""
    from domain.grid import GridCell, GridRow, without_repeated_headers

    grid = _overview()
    want = satspulje.build(DOC, [grid])
    k = next(i for i, r in enumerate(grid.rows) if len(r.label.split()) >= 4 and r.text(0))
    row = grid.rows[k]
    lc = next(c for c, cell in row.cells.items() if cell.text == row.label)
    head, tail = " ".join(row.label.split()[:-2]), " ".join(row.label.split()[-2:])
    grid.rows[k] = GridRow(row.index, row.page, head, {**row.cells, lc: dataclasses.replace(row.cells[lc], text=head)})
    page = row.page + 1
    cells = {c: GridCell(text=h, value=None, page=page) for c, h in enumerate(grid.columns) if h}
    cells[lc] = GridCell(text=f"{grid.columns[lc]} {tail}", value=None, page=page)
    grid.rows.insert(k + 1, GridRow(index=10_000, page=page, label=cells[lc].text, cells=cells))
    assert not satspulje.recognise(grid)
    grid = without_repeated_headers(grid)
    assert satspulje.recognise(grid)
    got = satspulje.build(DOC, [grid])
    assert [(r["initiative"], r["period"], r["amount_dkk"]) for r in got] == \
        [(r["initiative"], r["period"], r["amount_dkk"]) for r in want]
