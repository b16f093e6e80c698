"""`task_sheets`: the string parsers on the gold fact-sheet texts (004/02), the form-grid assembly, the cross-check."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from domain import task_budgets, task_sheets
from domain.grid import Grid, GridCell, GridRow
from domain.registry import DocumentContext
from tests.domain.gold_grids import GOLD, gold_grids
from tests.domain.real_grids import real_grids

DOC = DocumentContext(document_id="gold", kind="task_budget", municipality="Slagelse")
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation
SHEETS = list(csv.DictReader(open(GOLD / "004" / "02_fact_sheets.csv", encoding="utf-8", newline="")))
BUDGET_LABEL = "Budget 2022"
STAFF_LABEL = "Antal medarbejdere (årsværk) & faggruppe"
CITIZENS_LABEL = "Antal borgere omfattet af ordning i 2020"


def _ids(sheets):
    return [s["sheet_seq"] for s in sheets]


@pytest.mark.parametrize("s", [s for s in SHEETS if s["classification_text"]], ids=lambda s: s["sheet_seq"])
def test_classification_line(s):
    c = task_sheets.parse_classification(s["classification_text"])
    assert (c.category, c.adjustability or "", c.text) == (s["category"], s["adjustability"], s["classification_text"])


def test_classification_examples():
    c = task_sheets.parse_classification("SKAL-opgave hvor der er mulighed for at justere serviceniveau, mellem")
    assert (c.category, c.adjustability) == ("SKAL", "mellem")
    assert task_sheets.parse_classification("SKAL-opgaver – nr. 2 jf. bilag 1") is None  # a header, not a class
    assert task_sheets.parse_classification("Da der er tale om en kan-opgave, kan ...") is None  # body text
    assert task_sheets.parse_classification("Ingen klassifikation her") is None


@pytest.mark.parametrize("s", SHEETS, ids=lambda s: s["sheet_seq"])
def test_header_refs(s):
    h = task_sheets.parse_header(s["header_text"])
    assert (";".join(map(str, h[1])) if h else "") == s["account_refs"]


def test_header_examples():
    assert task_sheets.parse_header("SKAL-opgaver – nr. 3 og nr. 34 Myndighed, visitatorer jf. bilag 1") == \
        ("SKAL", [3, 34])
    assert task_sheets.parse_header("KAN-opgaver - nr. 19 og 20 Hjælpemidler jf. bilag 1") == ("KAN", [19, 20])


@pytest.mark.parametrize("s", SHEETS, ids=lambda s: s["sheet_seq"])
def test_budget_staff_and_fte(s):
    assert task_sheets.parse_budget(s["budget_2022_cell_text"]) == int(s["budget_2022_kr"])
    fte_text, groups = task_sheets.split_staff(s["staff_cell_text"])
    assert (fte_text or "", groups or "") == (s["fte_text"], s["staff_groups"])
    assert task_sheets.parse_fte(s["fte_text"]) == (float(s["fte"]) if s["fte"] else None)


@pytest.mark.parametrize(("text", "fte"), [("2 medarbejdere (1 1/2 årsværk)", 1.5), ("12 årsværk", 12.0),
                                           ("18,6 årsværk", 18.6), ("1½ årsværk", 1.5), ("12 medarbejdere.", None),
                                           ("-", None), ("Ingen i kommunen.", 0.0)])
def test_fte_examples(text, fte):
    assert task_sheets.parse_fte(text) == fte


def test_budget_examples():
    assert task_sheets.parse_budget("1.234.567 kr.") == 1_234_567
    assert task_sheets.parse_budget("2,5 mio. kr.") == 2_500_000
    assert task_sheets.parse_budget("Ikke opgjort") is None


def _row(i, label, value, page):
    return GridRow(index=i, page=page, label=label,
                   cells={0: GridCell(label, None, page), 1: GridCell(value, None, page)})


def _form(s, i):
    """Given a gold sheet record, return a FAKTA form grid as the extractor describes it (varying placements)."""
    page = 100 + i
    rows = [(BUDGET_LABEL, s["budget_2022_cell_text"]), (STAFF_LABEL, s["staff_cell_text"])]
    if s["citizens_2020_text"]:
        rows.append((CITIZENS_LABEL, s["citizens_2020_text"]))
    context = s["task_title"]
    if s["classification_text"] and i % 2:
        rows.insert(0, (s["classification_text"], ""))  # the classification line arrives as a form row
    elif s["classification_text"]:
        context = f"{s['classification_text']} {s['task_title']}"  # ... or shares the title's line
    grid_rows = [_row(k, a, b, page) for k, (a, b) in enumerate(rows)]
    return Grid(document_id="gold", table_id=f"sheet-{i}", table_index=10 + i, page=page, last_page=page,
                caption=s["header_text"] or None, context=context, columns=["", ""], unit=None, pl_year=None,
                rows=grid_rows)


def _forms():
    return [_form(s, i) for i, s in enumerate(SHEETS)]


def test_forms_are_recognised_and_nothing_else():
    assert all(task_sheets.recognise(g) for g in _forms())
    for doc in ("000", "001", "002", "003", "004"):
        assert not any(task_sheets.recognise(g) for g in gold_grids(doc))


def test_sheet_rows_from_forms():
    rows = task_sheets.build(DOC, _forms())
    assert len(rows) == len(SHEETS) == 20
    for got, s in zip(rows, SHEETS, strict=True):
        assert got["task"] == s["task_title"]
        assert got["account_refs"] == [int(x) for x in s["account_refs"].split(";") if x]
        assert got["category"] == (s["category"] or None)
        assert got["adjustability"] == (s["adjustability"] or None)
        assert got["classification_text"] == (s["classification_text"] or None)
        assert got["budget_dkk"] == int(s["budget_2022_kr"])
        assert got["citizens_text"] == (s["citizens_2020_text"] or None)


@pytest.mark.skipif(not (EVAL / "goldset.py").is_file(), reason="scorer not available")
def test_rows_equal_the_scorers_derivation():
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "004"))["task_sheets"]
    rows = task_sheets.build(DOC, _forms())
    fields = [k for k in expected[0] if k != "page"]
    assert [{k: r[k] for k in fields} for r in rows] == [{k: e[k] for k in fields} for e in expected]


def test_cross_check_reports_the_three_printed_mismatches():
    table = gold_grids("004")[0]
    table.kind = task_budgets.KIND
    forms = _forms()
    for g in forms:
        g.kind = task_sheets.KIND
    checks = task_sheets.cross_check([table, *forms])
    failing = sorted((c.row_label, int(c.printed), int(c.computed)) for c in checks if not c.holds)
    assert failing == sorted([("Sekretariatet - administration", 10_366_277, 10_366_227),
                              ("Visitatorer, myndighed", 3_352_531, 2_260_531 + 1_673_304),
                              ("Huslejetab", 2_390_741, 4_290_741)])
    assert len(checks) == 20  # every sample sheet is paired with its task row(s)


def test_whole_page_form_with_title_beside_the_classification():
    """The rendered sheet prints the classification line and the title side by side in its first box."""
    page = 8
    rows = [("SKAL-opgave hvor der er mulighed for at justere serviceniveau, mellem", "Sekretariatet - administration"),
            ("Opgaver Kort beskrivelse af de opgaver der udføres", "Sekretariatet varetager de administrative ..."),
            ("FAKTA", ""), ("Budget 2022", "10.366.277 kr. inkl. 1,1 mio. kr. som værdighedsmidler"),
            ("Antal medarbejdere (årsværk) & faggruppe", "12 årsværk Fx sundhedsfaglig, akademisk."),
            ("Antal borgere omfattet af ordning i 2020", "Alle borgere tilknyttet Center for Sundhed og Ældre."),
            ("Evaluering Effekt for borgere & medarbejdere", "Da der er tale om en kan-opgave, ...")]
    grid = Grid(document_id="d", table_id="t", table_index=3, page=page, last_page=page, caption=None, context=None,
                columns=["", ""], unit=None, pl_year=None, rows=[_row(i, a, b, page) for i, (a, b) in enumerate(rows)])
    assert task_sheets.recognise(grid)
    row = task_sheets.build(DOC, [grid])[0]
    assert (row["task"], row["category"], row["adjustability"]) == ("Sekretariatet - administration", "SKAL", "mellem")
    assert (row["budget_dkk"], row["fte"], row["staff_groups"]) == (10_366_277, 12.0, "Fx sundhedsfaglig, akademisk.")
    assert row["account_refs"] == []


# ---------------------------------------------------------------- the real extraction of 004
@pytest.fixture(scope="session")
def real_004():
    """The extracted grids of the Skal/Kan sample (shared with test_task_budgets via real_grids' cache)."""
    return list(real_grids("004"))


def test_real_sheets_one_per_fakta_box_in_order(real_004):
    """Every printed FAKTA box gives one sheet, in print order, with its budget, however the forms are split."""
    rows = task_sheets.build(DOC, real_004)
    assert [r["budget_dkk"] for r in rows] == [int(s["budget_2022_kr"]) for s in SHEETS]
    assert [r["fte"] for r in rows] == [float(s["fte"]) if s["fte"] else None for s in SHEETS]
    assert [r["citizens_text"] for r in rows] == [s["citizens_2020_text"] or None for s in SHEETS]
    assert [r["staff_groups"] for r in rows] == [s["staff_groups"] or None for s in SHEETS]


def test_real_sheet_titles_are_never_a_neighbours(real_004):
    """Each title is the sheet's own (from its classification row, lone title row or grid context); where the
    extractor merges the title row into the next row the title only carries that row's text after it."""
    for r, s in zip(task_sheets.build(DOC, real_004), SHEETS, strict=True):
        assert r["task"] is not None and r["task"].startswith(s["task_title"])


def test_real_sheet_titles_are_the_printed_ones(real_004):
    assert [r["task"] for r in task_sheets.build(DOC, real_004)] == [s["task_title"] for s in SHEETS]


def test_real_cross_check_reports_all_three_printed_mismatches(real_004):
    failing = {c.row_label for c in task_sheets.cross_check(real_004) if not c.holds}
    assert failing == {"Sekretariatet - administration", "Visitatorer, myndighed", "Huslejetab"}


def test_real_classifications_are_the_printed_ones(real_004):
    """A classification read from the extraction is the sheet's printed one (none is taken from a neighbour)."""
    for r, s in zip(task_sheets.build(DOC, real_004), SHEETS, strict=True):
        if r["classification_text"] is not None:
            assert (r["category"], r["adjustability"] or "") == (s["category"], s["adjustability"])


def test_real_cross_check_reports_the_printed_mismatches(real_004):
    """This rendering prints no "nr. … jf. bilag 1" refs: sheets pair with task rows by amount or title."""
    checks = task_sheets.cross_check(real_004)
    failing = {(c.row_label, int(c.printed), int(c.computed)) for c in checks if not c.holds}
    assert {("Sekretariatet - administration", 10_366_277, 10_366_227),
            ("Visitatorer, myndighed", 3_352_531, 2_260_531)} <= failing
    assert {label for label, _, _ in failing} <= {"Sekretariatet - administration", "Visitatorer, myndighed",
                                                   "Huslejetab"}


def _grid(i, page, rows, columns=("", ""), context=None):
    """Given form rows as (label, value) pairs, return a two-column form grid."""
    return Grid(document_id="d", table_id=f"t{i}", table_index=i, page=page, last_page=page, caption=None,
                context=context, columns=list(columns), unit=None, pl_year=None,
                rows=[_row(k, a, b, page) for k, (a, b) in enumerate(rows)])


FORM = [("Opgaver Kort beskrivelse af de opgaver der udføres", "..."), ("FAKTA", ""),
        (BUDGET_LABEL, "1.000 kr."), (STAFF_LABEL, "2 årsværk"), ("Evaluering Effekt for borgere", "...")]


def test_several_sheets_in_one_grid_and_a_sheet_split_over_grids():
    cls = "KAN-opgave, lille"
    first = _grid(1, 5, [*FORM, ("Anden opgave", ""), *FORM[:3]], context="Første opgave")
    rest = _grid(2, 6, FORM[4:], columns=(STAFF_LABEL, "3 årsværk"))  # the split put a form row in the header
    opening = _grid(3, 7, [], columns=(cls, "Tredje opgave"))  # an opening box extracted alone
    third = _grid(4, 7, FORM[2:], context="Anden opgave")
    unprinted = _grid(5, 8, FORM)  # the next sheet's opening row is not printed: its form labels repeat
    rows = task_sheets.build(DOC, [first, rest, opening, third, unprinted])
    assert [(r["task"], r["fte"], r["category"]) for r in rows] == [
        ("Første opgave", 2.0, None), ("Anden opgave", 3.0, None), ("Tredje opgave", 2.0, "KAN"),
        (None, 2.0, None)]
