"""A wide value table with no rules in its body, whose rows are padded apart and set their cells bottom-aligned (the
task budget of doc-004, with a remarks column of several lines): a remark of several lines beside a label of one
line prints its first lines above the row's values, set off from the row above by the row's padding and as tight
as one cell's lines down to the value line ("Lønninger til visitatorer ..." / "samlede visitation ..." / "3 |
Myndighed, visitatorer | ... | tildelt af forskellige omgange."). Printed by WeasyPrint, Chromium and LibreOffice
over several pages, read by the real extractor: every printed row must come out whole. LibreOffice sets rows of a
minimum height with little padding where a tall remark grows them: the remark's first line is no further below the
row above than a wrapped line, but each line down to the value line goes on from the one above, and the remark ends
on the value line (a remark centred beside its row runs on past it: tests/producers/test_table_edges.py
remarks-centred-beside-rows).

What used to go wrong: a remark's first line starting with a capital, under a remark that stopped short, was read
as an entry of its own (a row with nothing but that line), and on a page where no label wraps (so the table did
not read as bottom-aligned) the remark's top lines went to the row above.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.reading import norm, print_and_read, printed_and_read
from tests.producers.spec import make_spec

SOURCE = "004/01_bilag1.csv"
STYLE = dict(rules="header", shading="none", valign="bottom", header_valign="top", font="Liberation Serif",
             size=7.0, pad=1.5, repeat_header=False, split_rows=False, orientation="landscape", label_share=None,
             full_width=True, running=False, scale=1, year_shift=0)
CASES = {producer: make_spec(11, producer, "table", SOURCE, **STYLE) for producer in ("weasyprint", "chromium")}
# a word processor's rows of a minimum height, the text set to their bottom (LibreOffice, tune seed 4711's task
# budget diagnosed, in its style): a tall remark grows its row by little padding, so its first line sits under
# the row above as close as a wrapped line and no padding sets it off
CASES["libreoffice"] = make_spec(11, "libreoffice", "table", SOURCE, **dict(
    STYLE, rules="totals", font="Liberation Serif", size=10.0, bold_header=True, header_valign="bottom", pad=6.0,
    num_align="left", split_rows=True, label_share=0.5))


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("bottom-remarks")))


@pytest.mark.parametrize("case", list(CASES))
def test_bottom_aligned_remarks_read_whole(case: str, read: dict) -> None:
    pt, table = printed_and_read(case, CASES[case].style.producer, read)
    got = [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]
    want = [[norm(c) for c in row] for row in pt.rows]
    missing = [r[:2] for r in want if r not in got]
    assert not missing, f"{len(missing)} printed rows not read whole: {missing[:5]}"
