"""Tables of the committee minutes (doc-002) that run over several pages without their header repeated, printed
by ReportLab in a box (rules around the table, none between the rows): each page's first row reads like a header,
and the table must still come out as one table holding every printed row.

What used to go wrong: a row of the satspulje list ("BIU: satspuljer der kan søges") opening a page, its long
description set above its values (cells centred), had its lines read as the page's header, and that "header" was
taken for another table's (nothing but a body row holds several sentences in one cell); and in the casesamling
list, once one page had gone on under a body row read as its header, the next page's first row (a label and an
entry, set like every row) was taken for the header of a table of its own (a table repeats its header on every
page or on none).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

STYLE = dict(rules="box", shading="none", valign="middle", font="Times", size=10.0, pad=3.0, repeat_header=False,
             split_rows=False, orientation="portrait", label_share=0.4, full_width=True, running=True, scale=1,
             year_shift=0, bold_header=False)
CASES = {name: make_spec(11, "reportlab", "table", f"002/{file}", **STYLE) for name, file in (
    ("biu-prose-row", "19_biu-satspuljer-der-kan-soeges.csv"),
    ("casesamling-headless", "20_casesamling-erfaringsudvikling-omraade-kommune.csv"))}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("headless")))


@pytest.mark.parametrize("case", list(CASES))
def test_every_page_read_into_one_table(case: str, read: dict) -> None:
    reason = missing_reason(CASES[case].style.producer)
    if reason:
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    want = [[norm(c) for c in row] for row in pt.rows]
    holding = [t for t in tables if any([norm(c.text) if c else "" for c in r.cells] in want for r in t.rows)]
    assert len(holding) == 1, f"the printed rows are spread over {len(holding)} tables (pages " \
                              f"{[(t.page, t.last_page) for t in holding]})"
    got = [[norm(c.text) if c else "" for c in row.cells] for row in holding[0].rows]
    assert [norm(h) for h in holding[0].columns] == [norm(h) for h in pt.header]
    assert got == want, f"printed rows not read: {[r[:2] for r in want if r not in got][:3]}"
