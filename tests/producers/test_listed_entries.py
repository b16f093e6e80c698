"""A text table listing entries one per line under a label that spans several rows ("Område" | "Kommune": the
case index of sample 002), printed by LibreOffice in the style of tune seed 2525's document 002: a rule under the
header only, Liberation Serif 7 pt, cells set to the bottom, the header repeated on every page; alone, and in that
whole document (where its last four entries go on atop a page). Read by the real extractor: one table holding
every printed row, each entry its own row, in order.

What used to go wrong: LibreOffice sets the last entry of a group as tight above the first row of the next group
as a wrapped line ("Aarhus" over "Fleksjob | Varde 4 og 9"), and the group's other entries a row's padding apart;
the two tight lines were one block, too short to show that the column lists entries one per line, and the entry
without a label was read as the wrapped top of the next row's cell. The entries left atop the last page under the
repeated header (in the margin band) were all in the later column: the first look read the page as running text,
and a block of lines filled in one column only was read as one row however far apart its lines were set.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

SOURCE = "002/20_casesamling-erfaringsudvikling-omraade-kommune.csv"
SEED = 502539  # the tune item (LibreOffice document 002 of seed 2525)
STYLE = dict(rules="header", shading="none", font="Liberation Serif", size=7.0, bold_header=True, valign="bottom",
             header_valign="bottom", num_align="center", repeat_header=True, split_rows=False,
             orientation="portrait", minus="\u2212", nil="-", caption_gap=True, caption_bold=True, unit_line=False,
             label_share=None, rule_width=1.0, pad=4.0, year_shift=0, scale=1, running=True, full_width=True,
             prose_numbers=False)
CASES = {"table": make_spec(SEED, "libreoffice", "table", SOURCE, **STYLE),
         "document": make_spec(SEED, "libreoffice", "document", "002", **STYLE)}
LISTED = "20_casesamling-erfaringsudvikling-omraade-kommune.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the list and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("listed-entries"))


@pytest.mark.parametrize("case", list(CASES))
def test_each_listed_entry_is_a_row(case: str, read: dict) -> None:
    """Every printed row is read, in one table, each entry its own row."""
    if case not in read:
        pytest.skip("LibreOffice unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in spec.tables if t.gold.file == LISTED) if case == "document" else spec.tables[0]
    want = [[norm(c) for c in row] for row in printed.rows]
    holding = [t for t in tables if any([norm(c.text) if c else "" for c in r.cells] in want for r in t.rows)]
    assert len(holding) == 1, f"the printed rows are spread over {len(holding)} tables"
    got = [[norm(c.text) if c else "" for c in r.cells] for r in holding[0].rows]
    assert got == want, f"{len(got)} rows read, {len(want)} printed; not read: {[r for r in want if r not in got][:3]}"
