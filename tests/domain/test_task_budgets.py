"""`task_budgets` on the gold grids of the Slagelse Skal/Kan table (004/01): columns, rows, groups and checks."""
from __future__ import annotations

import copy
import csv
import sys
from pathlib import Path

import pytest

from domain import task_budgets
from domain.registry import DocumentContext
from tests.domain.gold_grids import GOLD, gold_grids
from tests.domain.real_grids import real_grids

DOC = DocumentContext(document_id="gold", kind="task_budget", municipality="Slagelse")
EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"  # vendored scorer derivation


def _table():
    """Return the gold Skal/Kan table as a classified grid."""
    grid = gold_grids("004")[0]
    assert task_budgets.recognise(grid)
    grid.kind = task_budgets.KIND
    return grid


def _as_printed(grid):
    """Given the gold grid, return it as the PDF prints it: only the last header, no caption (printed after)."""
    g = copy.deepcopy(grid)
    g.columns = [""] * (len(g.columns) - 1) + [g.columns[-1]]
    g.caption = None
    return g


def _csv_rows():
    """Return the gold CSV rows as dicts (read independently of the grid helper)."""
    with open(GOLD / "004" / "01_bilag1.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _kr(text):
    """Given a printed whole-krone amount ("1.193.272.020", "-653.481"), return an int, None when empty."""
    return int(text.replace(".", "")) if text.strip() else None


@pytest.mark.parametrize("doc", ["000", "001", "002", "003"])
def test_no_task_budget_tables_elsewhere(doc):
    assert not any(task_budgets.recognise(g) for g in gold_grids(doc))


def test_only_the_skal_kan_table_is_recognised_in_004():
    assert [task_budgets.recognise(g) for g in gold_grids("004")] == [True, False]


@pytest.mark.parametrize("printed_headers_only", [False, True])
def test_rows_follow_the_printed_table(printed_headers_only):
    grid = _as_printed(_table()) if printed_headers_only else _table()
    grids = [grid, gold_grids("004")[1]]  # the fact sheets print "Budget 2022" labels for the year
    rows = task_budgets.build(DOC, grids)
    gold = _csv_rows()
    assert len(rows) == len(gold) == 50
    group = None
    for got, g in zip(rows, gold, strict=True):
        nr = int(g["Nr."]) if g["Nr."] else None
        is_total = g["Opgave"] == "I alt"
        if nr is None and not is_total:
            group = g["Opgave"]
        assert (got["account_no"], got["task"]) == (nr, g["Opgave"])
        assert got["group"] == (None if is_total else group)
        assert got["is_subtotal"] == (nr is None)
        assert got["budget_dkk"] == _kr(g["Budget 2022"])
        assert got["skal_dkk"] == _kr(g["SKAL-opgaver"])
        assert got["skal_adjustable_dkk"] == _kr(g["SKAL-opgaver hvor der er mulighed for at justere serviceniveau"])
        assert got["kan_dkk"] == _kr(g["KAN-opgaver"])
        assert got["budget_type"] == (g["Budgettype"] or None)
        assert got["expense_type"] == (g["Udgiftstype"] or None)
        assert got["remark"] == (g["Bemærkninger"] or None)
        pot = g["Vurdering af potentiale for eventuel politisk omprioritering"]
        assert got["reprioritisation_potential"] == (None if pot in ("", "-") else pot)
        assert got["municipality"] == "Slagelse" and got["budget_year"] == 2022


def test_amount_columns_placed_by_order_without_headers():
    lay = task_budgets.layout(_as_printed(_table()))
    assert [lay.get(r) for r in task_budgets.AMOUNTS] == [4, 5, 6, 7]
    assert (lay.get("account_no"), lay.get("task"), lay.get("remark")) == (0, 1, 8)
    assert (lay.get("budget_type"), lay.get("expense_type"), lay.get("reprioritisation_potential")) == (2, 3, 9)


def test_printed_column_number_row_is_not_a_task():
    grid = _table()
    numbers = copy.deepcopy(grid.rows[1])
    numbers.cells = {c: type(cell)(text=str(c + 1), value=float(c + 1), page=cell.page)
                     for c, cell in enumerate(list(grid.rows[1].cells.values()) * 2) if c < 10}
    grid.rows.insert(0, numbers)
    assert len(task_budgets.build(DOC, [grid])) == 50


@pytest.mark.skipif(not (EVAL / "goldset.py").is_file(), reason="scorer not available")
def test_rows_equal_the_scorers_derivation():
    sys.path.insert(0, str(EVAL))
    import goldset

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "004"))["task_budgets"]
    rows = task_budgets.build(DOC, [_table()])
    fields = [k for k in expected[0] if k != "page"]
    assert [{k: r[k] for k in fields} for r in rows] == [{k: e[k] for k in fields} for e in expected]


def test_checks_report_exactly_the_printed_inconsistencies():
    """The gold records 3 failing totals (the 213.173 kr. of row 10); ±1 kr. rounding differences hold."""
    for grid in (_table(), _as_printed(_table())):
        checks = task_budgets.check_totals(grid)
        failing = [(c.row_label, c.difference) for c in checks if not c.holds]
        assert sorted(failing) == sorted([("Pleje og Omsorg", 213173), ("I alt", 213173),
                                          ("Myndighed, Frit valg øvrige", 213173)])
        rounding = [c for c in checks if c.holds and c.difference]
        assert {c.row_label for c in rounding} == {"Pleje og Omsorg", "Øvrige områder", "I alt"}
        labels = {c.row_label for c in checks}
        assert {"Sundhed og Forebyggelse", "Nulbudgetter", "I alt (from group rows)"} <= labels


# ---------------------------------------------------------------- the real extraction of 004
@pytest.fixture(scope="session")
def real_004():
    """The extracted grids of the Skal/Kan sample (shared with test_task_sheets via real_grids' cache)."""
    return list(real_grids("004"))


def _real_table(grids):
    """Given the real grids of 004, return the task budget grids."""
    tables = [g for g in grids if g.kind == task_budgets.KIND]
    assert tables
    return tables


@pytest.mark.skipif(not (EVAL / "goldset.py").is_file(), reason="scorer not available")
def test_real_rows_match_the_scorers_derivation(real_004):
    """Every field as the scorer derives it; task labels only fuzzily (the PDF wraps some inside a word)."""
    sys.path.insert(0, str(EVAL))
    import goldset
    from rapidfuzz.fuzz import ratio

    expected = goldset.expected_domain(goldset.load_gold(GOLD / "004"))["task_budgets"]
    rows = task_budgets.build(DOC, real_004)
    assert len(rows) == len(expected) == 50
    exact = [k for k in expected[0] if k not in ("page", "task", "remark")]
    for got, want in zip(rows, expected, strict=True):
        assert {k: got[k] for k in exact} == {k: want[k] for k in exact}
        assert ratio(goldset.norm(got["task"]), goldset.norm(want["task"])) >= 90
        assert (got["remark"] is None) == (want["remark"] is None)


def test_real_checks_report_exactly_the_printed_inconsistency(real_004):
    checks = [c for g in _real_table(real_004) for c in task_budgets.check_totals(g)]
    failing = sorted((c.row_label, c.difference) for c in checks if not c.holds)
    assert failing == sorted([("Pleje og Omsorg", 213173), ("I alt", 213173),
                              ("Myndighed, Frit valg øvrige", 213173)])
    assert all(abs(c.difference) <= 1 for c in checks if c.holds)


def test_caption_joined_to_the_first_header_does_not_move_columns(real_004):
    """A caption glued to the "Nr." header names SKAL/KAN/budget words; the column's numbers decide its role."""
    grid = copy.deepcopy(_real_table(real_004)[0])
    want = task_budgets.layout(grid).cols
    grid.columns[0] = f'Fordeling af budget 2022 på "Skal" og "Kan" opgaver – Bilag 1 (kr.) {grid.columns[0]}'
    assert task_budgets.layout(grid).cols == want
    assert want["account_no"] == 0


def test_table_split_at_a_page_break_keeps_its_groups(real_004):
    """A continuation grid's first tasks belong to the group opened in the previous grid."""
    grid = _real_table(real_004)[0]
    whole = task_budgets.build(DOC, [grid])
    cut = next(i for i, r in enumerate(grid.rows) if r.page > grid.page and r.cells.get(0))
    head, tail = copy.deepcopy(grid), copy.deepcopy(grid)
    head.rows, tail.rows = head.rows[:cut], tail.rows[cut:]
    tail.table_id, tail.table_index = f"{grid.table_id}-cont", grid.table_index + 1
    assert grid.rows[cut - 1].cells.get(0)  # the cut falls inside a group, not at a group row
    assert task_budgets.build(DOC, [head, tail]) == whole


def test_a_header_repeated_in_the_body_does_not_hide_the_columns():
    """The header printed again on a continuation page and read as a body row: the code, number and assessment
    columns are still found, and the row is no task."""
    from domain.grid import GridCell, GridRow

    grid = _table()
    want = task_budgets.build(DOC, [grid])
    at = len(grid.rows) // 2
    page = grid.rows[at].page
    header = GridRow(at, page, grid.columns[1], {c: GridCell(h, None, page) for c, h in enumerate(grid.columns)})
    grid.rows = grid.rows[:at] + [header] + grid.rows[at:]
    for i, r in enumerate(grid.rows):
        r.index = i
    grid.kind = "other"
    assert task_budgets.recognise(grid)
    assert task_budgets.layout(grid).cols == task_budgets.layout(_table()).cols
    assert task_budgets.build(DOC, [grid]) == want


def test_header_read_as_a_body_row_and_a_row_cut_by_the_page_break_over_two_grids():
    """WeasyPrint, monospaced and unruled (tune seed 778): the prose and caption above the table were read as its
    header and the printed header as its first body row; the table goes on in a second grid (not stitched), and
    the row the page broke prints its number, codes and amounts at the foot of the first grid and its task and
    remark at the top of the second. The rows are the printed table's, the cut row one row."""
    from domain.grid import GridCell, GridRow

    grid = _table()
    want = task_budgets.build(DOC, [copy.deepcopy(grid)])
    page = grid.rows[0].page
    header = GridRow(index=-1, page=page, label=grid.columns[1],
                     cells={c: GridCell(text=h, value=None, page=page) for c, h in enumerate(grid.columns) if h})
    first = copy.deepcopy(grid)
    first.columns = ["Effektiviseringen forudsætter, at de nødvendige investeringer foretages", "opkvalificering."] \
        + [""] * (len(grid.columns) - 2)
    k = 6  # a numbered task row of the first group
    assert first.rows[k].text(0) and first.rows[k].text(1)
    task_col = 1
    cut = first.rows[k]
    first.rows = [header, *first.rows[:k], GridRow(cut.index, page, "", {
        c: cell for c, cell in cut.cells.items() if c not in (task_col, 8)})]
    second = copy.deepcopy(grid)
    second.table_id, second.table_index = "gold-001b", 1
    second.rows = [GridRow(cut.index, page + 1, cut.label, {c: cut.cells[c] for c in (task_col, 8) if c in cut.cells}),
                   *second.rows[k + 1:]]
    assert task_budgets.recognise(first) and task_budgets.recognise(second)
    rows = task_budgets.build(DOC, [first, second])
    keys = ("account_no", "task", "group", "budget_dkk", "skal_dkk", "skal_adjustable_dkk", "kan_dkk", "remark")
    assert [tuple(r[k] for k in keys) for r in rows] == [tuple(r[k] for k in keys) for r in want]


def _with_row_under_the_table(grid, cells: dict[int, str]):
    """Given a task budget grid, return a copy with one more body row under its last row ("I alt"), holding the
    given cells (column -> text), labelled by its first cell, as the reader reads a line it took into the table."""
    from domain.grid import GridCell, GridRow

    g = copy.deepcopy(grid)
    last = g.rows[-1]
    texts = [t for _, t in sorted(cells.items())]
    g.rows.append(GridRow(index=last.index + 1, page=last.page, label=texts[0],
                          cells={c: GridCell(text=t, value=None, page=last.page) for c, t in cells.items()}))
    g.kind = "other"
    return g


NOTE = "Anm.: Budgettype S = serviceudgifter, O = overførsler. Beløb i hele kroner."


def test_a_note_read_into_the_number_column_drops_no_task_row(real_004):
    """Tune seed 8602 (Chromium 004, before the extractor kept the note out): an "Anm.: ..." note under "I alt"
    was read as a last row whose only cell sat in the "Nr." column; the column was then no column of row numbers
    and all 50 rows of the task budget were lost. One stray text cell among the numbers of the column the header
    names "Nr." is a line that is no task row: the table is read, the note is no row and no check."""
    from domain import registry

    grid = _real_table(real_004)[0]
    nr = task_budgets.layout(grid).get("account_no")
    noted = _with_row_under_the_table(grid, {nr: NOTE})
    assert registry.classify(noted) == task_budgets.KIND
    assert task_budgets.layout(noted).cols == task_budgets.layout(grid).cols
    assert task_budgets.build(DOC, [noted]) == task_budgets.build(DOC, [grid])
    assert task_budgets.check_totals(noted) == task_budgets.check_totals(grid)


def test_a_stray_row_with_amounts_or_many_stray_cells_keep_the_column_strict(real_004):
    """What the tolerance must not take: a row with text in the "Nr." column that prints amounts (a table row with
    its label out of place: left out, its figures would be lost or its members misgrouped), and a column with more
    stray text than numbers allow (no row-number column): the table is then not read as a task budget."""
    grid = _real_table(real_004)[0]
    lay = task_budgets.layout(grid)
    nr, budget = lay.get("account_no"), lay.get("budget_dkk")
    with_amount = _with_row_under_the_table(grid, {nr: "Heraf puljer", budget: "1.234.567"})
    assert not task_budgets.recognise(with_amount)
    many = copy.deepcopy(grid)
    numbered = [r for r in many.rows if r.text(nr).strip()]
    from domain.grid import GridCell

    for r in numbered[:len(numbered) // 4]:
        r.cells[nr] = GridCell(text="Note", value=None, page=r.page)
    many.kind = "other"
    assert task_budgets.layout(many).get("account_no") != nr
