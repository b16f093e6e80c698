"""A range of dates run on in a text cell, its line wrapped before the dash: "perioden 14. december 2018" /
"– 30. september 2020." (the satspulje list "Satspuljer ... der kan søges", its description column).

What went wrong (tune seed web13-s8126-sat, catalogue 002 printed by Chromium in Liberation Mono, item 508161): a
lone dash followed by a number reads as a nil marker and a figure, two cells, however close they are set; the line
"– 30. september 2020." was read as a line of two cells. Closing a description that ran far below its row's other
cells, it was taken for the first line of another table's cells, left out of the table and lost; the table then
did not end its page (a line was printed under it) and was not stitched to its rows on the next pages (4 of 28
numbers). A dash followed, a word space on, by a number that a lower-case word of text follows as closely is a dash
inside text (`layout._dash_in_text`): the number runs on into words, no figure of a column of its own.

Here that list in that document's style, printed by every producer, is read as printed.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, case_params, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, make_spec

SOURCE = "002/19_biu-satspuljer-der-kan-soeges.csv"
SEED = 508161  # the tune item that showed the loss (its style)
STYLE = dict(rules="totals", shading="header", font="Liberation Mono", size=8.0, bold_header=True, valign="top",
             header_valign="bottom", num_align="center", repeat_header=False, split_rows=False, orientation="portrait",
             minus="-", nil="\u2013", caption_gap=True, caption_bold=False, unit_line=False, label_share=0.5,
             rule_width=0.25, pad=1.5, year_shift=3, scale=1, running=True, full_width=True, prose_numbers=False)
CASES = {p: make_spec(SEED, p, "table", SOURCE, **STYLE) for p in PRODUCERS}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("date-range-in-text-cells"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_date_range_wrapped_before_its_dash(case: str, read: dict) -> None:
    """The description whose last line opens with the range's dash is read whole, in its row."""
    pt, table = printed_and_read(case, case, read, broken_words=True)
    assert_read_as_printed(pt, table)
