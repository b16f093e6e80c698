"""Amounts set left in their cells, cells padded tight (0.5 pt), the header not repeated over the pages the table
runs on: the satspulje overview of sample 002 (146 rows over four pages) in the style of tune seed 508820's
document 002 (generated with `--extended-styles`, tight cells), here the table alone in that style, printed by
Chromium and WeasyPrint (both read it wrong before). Read by the real extractor: header and body as printed.

What goes wrong: the first page (under the header) reads right. On the pages after it, with no head over the
columns, each first-year amount starts where the label column's longest lines end but a few points later; the
gutter between the label column and the first year is found nowhere on those pages, the first year's amounts are
read into the label ("Bedre samarbejde mellem politiet og 84,0 sundhedssektoren") and the year is empty. The
satspulje domain rows lose that year's amount for every row past the first page (six 002 documents in this style
family, dom15 probe sets: Chromium 4631/5256 exact rows, WeasyPrint 4723/5256). `grid._run_on_amount_starts`:
where a label's run takes in the amount after it and amounts set apart start flush with that amount, their start
is a column's (`_flush_start_separators`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, case_params, print_and_read, printed_and_read
from tests.producers.spec import ExtStyle, make_spec

SOURCE = "002/01_satspulje-2019-tabel1-oekonomioversigt.csv"
SEED = 508820  # the tune item that showed the gap (its years and amounts)
STYLE = dict(rules="box", shading="none", font="DejaVu Serif", size=8.0, bold_header=True, valign="top",
             header_valign="top", num_align="left", repeat_header=False, split_rows=False, orientation="portrait",
             minus="-", nil="-", caption_gap=True, caption_bold=True, unit_line=False, label_share=None,
             rule_width=0.75, year_shift=4, scale=7, running=True, full_width=True, prose_numbers=False)
TIGHT = ExtStyle(tight=True)
CASES = {p: make_spec(SEED, p, "table", SOURCE, extended=TIGHT, **STYLE) for p in ("chromium", "weasyprint")}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("left-set-amounts-headless-pages"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_left_set_amounts_on_headless_pages(case: str, read: dict) -> None:
    """Every page's first-year amounts stay in their column, apart from the label."""
    pt, table = printed_and_read(case, case, read)
    assert_read_as_printed(pt, table)
