"""Words wider than their column, broken between two letters without a hyphen (fpdf2, word processors): the
task budget's 10-column header in landscape, set in 8 pt with wide cell padding, prints "Budgettyp" / "e",
"Udgiftstyp" / "e" and "omprioriterin" / "g" in fpdf2 (the generator's self-check reports them as broken words).
The header must be read as printed, each word whole ("Budgettype"), not "Budgettyp e"; the body as printed.
ReportLab and LibreOffice print the same spec (without broken words) and must read it as printed too; the HTML
engines do not print this spec whole (long remarks overflow their cells), so they are not cases here.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import Made
from tests.producers.reading import assert_read_as_printed, norm, print_and_read, printed_and_read
from tests.producers.spec import DocSpec, make_spec

SOURCE = "004/01_bilag1.csv"
SEED = 1506185
STYLE = dict(rules="none", shading="zebra", font="DejaVu Sans", size=8.0, bold_header=True, valign="top",
             header_valign="bottom", num_align="center", repeat_header=True, split_rows=True,
             orientation="landscape", caption_gap=True, caption_bold=True, unit_line=True, label_share=0.4,
             pad=6.0, full_width=True, running=False, prose_numbers=False)
CASES = [(f"{producer}-broken-words", producer) for producer in ("fpdf2", "reportlab", "libreoffice")]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print the task budget by every producer that runs here and read it: case id -> (spec, made, tables)."""
    specs = {cid: make_spec(SEED, producer, "table", SOURCE, **STYLE) for cid, producer in CASES}
    return print_and_read(specs, tmp_path_factory.mktemp("broken-words"))


def test_fpdf2_breaks_the_header_words(read: dict) -> None:
    """The case this file pins exists: fpdf2 prints header words broken over lines (else the test is moot)."""
    if "fpdf2-broken-words" not in read:
        pytest.skip("fpdf2 is not installed here")
    made = read["fpdf2-broken-words"][1]
    assert any("broken over lines" in p and "Budgettype" in p for p in made.problems), made.problems


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_broken_header_words_read_whole(case: tuple[str, str], read: dict) -> None:
    pt, table = printed_and_read(case[0], case[1], read, broken_words=True)
    # word by word: `norm` drops whitespace, and "Budgettyp e" differs from "Budgettype" only in a space
    assert [_words(c) for c in table.columns] == [_words(h) for h in pt.header], table.columns
    assert_read_as_printed(pt, table)


def _words(text: str) -> list[str]:
    """Given a cell text, return its words, each `norm`ed."""
    return [norm(w) for w in text.split()]


# a narrow column in a monospaced font (fpdf2, tune seed 9001's catalogue 001 diagnosed: its plan "Tidsplan" alone,
# in that document's style): fpdf2 breaks a word wider than the column as late as the column lets it, which leaves
# a tail longer than three letters ("kompetenceudviklingsaktivi" / "teter", "Projektledel" / "sen"); neither the
# head nor the tail is a word the page prints elsewhere, so they are one word
MONO_PLAN = ("001/11_su2-tidsplan.csv", 509022, dict(
    rules="header", shading="none", font="Liberation Mono", size=9.0, bold_header=True, valign="top",
    header_valign="top", num_align="right", orientation="portrait", label_share=0.4, pad=6.0, full_width=False,
    split_rows=True))


@pytest.fixture(scope="module")
def mono_plan(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print the plan in a narrow monospaced column with fpdf2 and read it."""
    source, seed, style = MONO_PLAN
    return print_and_read({"fpdf2-long-tails": make_spec(seed, "fpdf2", "table", source, **style)},
                          tmp_path_factory.mktemp("long-tails"))


def test_long_tails_read_whole(mono_plan: dict) -> None:
    """The words broken with tails of five letters are read whole, word by word, and the table as printed."""
    pt, table = printed_and_read("fpdf2-long-tails", "fpdf2", mono_plan, broken_words=True)
    assert any("kompetenceudviklingsaktiviteter" in p for p in mono_plan["fpdf2-long-tails"][1].problems)
    got = [[_words(c.text) if c else [] for c in row.cells] for row in table.rows]
    assert got == [[_words(c) for c in row] for row in pt.rows], "a broken word read as two"
    assert_read_as_printed(pt, table)
