"""Year heads in the forms "Budget 2019" / "Overslag 2020" (`spec.ExtStyle.head_form`, `generate --extended-styles`)
wrapped in narrow columns of equal width: the header's first line holds the label column's head far left
("Mio. kr., 2019-pl") and the evenly spaced words "Budget", "Overslag", "Overslag", "Overslag", the second line the
years.

Tune seed 4242 with the extended styles diagnosed (ReportLab, no rules, a plain header set to the top): the first
line was taken for a line of justified prose (its later words one segment each, all as far apart), so it was no
line of cells; the table began at the years, its columns "2019" … and its label column unnamed, and none of its 67
amounts was read under its printed column. A justified line's first gap is stretched like its others; a first cell
set far left of evenly spaced heads makes a header line (`regions.is_justified`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

SOURCE = "002/16_besk-tabel1-oversigt-initiativer.csv"  # "Mio. kr., 2019-pl" | 2019 … 2022, 19 initiatives
STYLE = dict(rules="none", shading="none", font="DejaVu Serif", size=9.0, bold_header=False, valign="middle",
             header_valign="top", num_align="right", orientation="portrait", label_share=0.3, pad=2.5,
             full_width=True, year_shift=0)
BUDGET_HEADS = ExtStyle(head_form="budget")
CASES = {producer: 4372 + 5 * k for k, producer in enumerate(PRODUCERS)}
KNOWN_GAPS: dict[str, str] = {}


@pytest.fixture(scope="module")
def wrapped_heads(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the table with "Budget 2019" / "Overslag 2020" heads in every producer and read them."""
    return print_and_read({p: make_spec(seed, p, "table", SOURCE, extended=BUDGET_HEADS, **STYLE)
                           for p, seed in CASES.items()}, tmp_path_factory.mktemp("wrapped-year-heads"))


@pytest.mark.parametrize("producer", [pytest.param(p, marks=pytest.mark.xfail(reason=KNOWN_GAPS[p], strict=True))
                                      if p in KNOWN_GAPS else p for p in CASES])
def test_wrapped_year_heads_read_as_printed(producer: str, wrapped_heads: dict) -> None:
    """The header is the printed header, each head's lines joined ("Budget 2019"), and the body the printed rows."""
    pt, table = printed_and_read(producer, producer, wrapped_heads)
    assert_read_as_printed(pt, table)
