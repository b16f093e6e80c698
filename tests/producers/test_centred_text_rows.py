"""Text tables whose cells are set vertically centred in padded rows (CSS `vertical-align: middle`), printed by
Chromium and WeasyPrint: the lines of a cell of two lines sit half a line off the one-line label beside them, so
no gap of a wrapped line shows between consecutive lines, and only the extents of the cells tell the rows apart.

`test_rows_between_section_bands`: the time plan of SU7 (doc-001 "Tidsplan", quarters as columns) in a box with
section rows as shaded bands ("Scenarie 1", "Scenarie 2"): the shading edges rule off each section row, and the
band between two of them holds two rows ("Algoritme1", "Algoritme2") that no rule parts. They were read as one
row (tune seed g6174, Chromium: 0 of 22 cells).

`test_lowercase_cell_after_row_padding`: the follow-up goals of SU2 (doc-001 "Opfølgningsmål", rules under the
header only): a row's cell whose text starts in lowercase ("i forbindelse med visitators halvårlige opfølgning",
as printed) under the row above, set a row's padding below it, was read as the wrapped end of the cell above,
joining the two rows into one (tune seed g6174, Chromium: 9 of 24 cells).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.reading import norm, print_and_read, printed_and_read
from tests.producers.spec import make_spec

STYLE = dict(font="Liberation Sans", size=8.0, bold_header=False, valign="middle", header_valign="top",
             repeat_header=True, split_rows=False, orientation="landscape", label_share=0.3, rule_width=0.25,
             pad=1.5, year_shift=0, scale=1, running=False, full_width=True, caption_gap=True)
PLAN = "001/45_su7-tidsplan-scenarier.csv"
GOALS = "001/13_su2-opfoelgningsmaal.csv"
CASES = {f"{name}-{producer}": make_spec(23, producer, "table", source, **dict(STYLE, **style))
         for name, source, style in (("plan", PLAN, dict(rules="box", shading="bands")),
                                     ("goals", GOALS, dict(rules="header", shading="none")))
         for producer in ("chromium", "weasyprint")}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("centred-text")))


def _rows_read_whole(case: str, read: dict) -> None:
    """Assert that every printed row of the case's table is read as one row, its cells as printed."""
    pt, table = printed_and_read(case, CASES[case].style.producer, read)
    got = [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]
    want = [[norm(c) for c in row] for row in pt.rows]
    missing = [r[:2] for r in want if r not in got]
    assert not missing, f"{len(missing)} printed rows not read whole: {missing[:4]}; read: {got[:8]}"


@pytest.mark.parametrize("producer", ["chromium", "weasyprint"])
def test_rows_between_section_bands(producer: str, read: dict) -> None:
    _rows_read_whole(f"plan-{producer}", read)


@pytest.mark.parametrize("producer", ["chromium", "weasyprint"])
def test_lowercase_cell_after_row_padding(producer: str, read: dict) -> None:
    _rows_read_whole(f"goals-{producer}", read)
