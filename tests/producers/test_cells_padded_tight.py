"""The task budget of sample 004 ("Bilag 1", ten columns: amounts right-aligned before a remarks column) with cells
padded half a point (`spec.ExtStyle.tight`, `generate --extended-styles`), printed by every producer in the style of
extended tune seed 8305's Chromium document 004 (landscape, rules above the totals only, dotted). Read by the real
extractor: every amount under its own column.

What used to go wrong: an amount right-aligned against the remark after it ("5.128.516" / "Servicerer ...") sits a
word space from it, so the two make one segment of text; in a column with few amounts ("KAN-opgaver", three on the
first page) the amounts nearest the gutter before it were then too few to show it (`grid._aligned_on_both_sides`),
and the column's amounts went into the column before ("1.291.176.050 70.870.388"): the task budget's KAN amounts
were read as adjustable SKAL amounts (tune seed 8305: task_budgets 239/250). The boundary the other lines show
(before the remarks) parts such a segment before the gutters are measured (`grid._parted_at`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import case_params, norm, print_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

SEED_BASE = 508308  # the tune item (Chromium document 004 of extended seed 8305)
STYLE = dict(rules="totals", shading="none", font="DejaVu Serif", size=9.0, bold_header=False, valign="top",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=True, orientation="landscape",
             minus="\u2212", nil="-", caption_gap=True, caption_bold=True, unit_line=False, label_share=0.3,
             rule_width=0.75, pad=0.5, year_shift=2, scale=2, running=True, full_width=True, prose_numbers=False)
EXT = ExtStyle(bare_thousands=True, rule_look="dotted", tight=True)
SOURCE = "004/01_bilag1.csv"
CASES = {p: make_spec(SEED_BASE + i, p, "table", SOURCE, extended=EXT, **STYLE) for i, p in enumerate(PRODUCERS)}
# the tune item itself: the whole document, its extended style as drawn (its first page lost the KAN column)
CASES["chromium-document"] = make_spec(SEED_BASE, "chromium", "document", "004", extended=True, **STYLE)
KNOWN: dict[str, str] = {  # known gaps (strict xfail: a fix shows up), with the diagnosis
    "chromium": "the table's last page prints two amounts of the 'KAN-opgaver' column (too few to show its gutter, "
                "MIN_VALUE_LINES) under its repeated header, whose heads run together a word space apart "
                "('serviceniveau KAN-opgaver Bemærkninger'): the page is read with a column fewer, its two amounts "
                "in the column before (the columns of the page before are not carried over)",
}
KNOWN["chromium-document"] = KNOWN["chromium"]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the task budget with every producer that runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("cells-padded-tight"))


def _misread(case: str, read: dict, first_page: bool) -> tuple[dict, int]:
    """Given a case and what was read, return the printed amounts not read in their own column ((row label, column)
    -> (printed, read)) and how many were printed; with `first_page`, those of the rows the first page prints."""
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    pt = next(t for t in spec.tables if t.gold.file == SOURCE.split("/")[1])
    label = pt.label_col
    want = {(norm(row[label]), k): norm(c) for row in pt.rows for k, c in enumerate(row)
            if pt.numeric[k] and norm(c) and norm(row[label])}
    # (the self-check may miss text whose words the tight cells set against the next cell's, or break a label:
    # not the amounts)
    unprinted = [p for p in made.problems if not ("not printed" in p or "broken over lines" in p)
                 or any(f"'{a}'" in norm(p) for a in want.values())]
    assert unprinted == [], f"the generated PDF does not print its amounts: {unprinted}"
    rows = [r for t in tables for r in t.rows if len(r.cells) > label]
    first = min((c.page for r in rows for c in r.cells if c), default=1)
    got = {(norm(r.cells[label].text if r.cells[label] else ""), k): norm(c.text)
           for r in rows for k, c in enumerate(r.cells) if c}
    if first_page:
        on_first = {norm(r.cells[label].text) for r in rows if r.cells[label] and r.cells[label].page == first}
        want = {key: text for key, text in want.items() if key[0] in on_first}
    return {key: (text, got.get(key)) for key, text in want.items() if got.get(key) != text}, len(want)


@pytest.mark.parametrize("case", list(CASES))
def test_amounts_set_a_word_space_from_the_next_cell_stay_in_their_column(case: str, read: dict) -> None:
    """Every amount the table's first page prints is read in its own column (a column with three amounts there)."""
    wrong, n = _misread(case, read, first_page=True)
    assert wrong == {}, f"{len(wrong)} of {n} amounts not read in their column, e.g. {list(wrong.items())[:3]}"


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_every_amount_of_a_table_padded_tight_is_read_in_its_column(case: str, read: dict) -> None:
    """Every printed amount is read in its own column, on every page."""
    wrong, n = _misread(case, read, first_page=False)
    assert wrong == {}, f"{len(wrong)} of {n} amounts not read in their column, e.g. {list(wrong.items())[:3]}"
