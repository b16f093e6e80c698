"""A text table carried on over a page break without its header repeated, read as one table.

`test_plain_first_row_after_the_break_is_a_body_row`: "8. Opfølgning" of catalogue 003 (Chromium, a plain header
ruled off, no rules between rows, cells set vertically centred, the header not repeated; holdout seed 6174
diagnosed): the page after the break opens with a plain row. Its column bands there come from the whitespace, the
page before's from the rule under the header, so they differ by a few points, but every column's text starts where
the header's column's does; that row was read as the header of another table (not stitched), and the rows on that
page were lost to the table.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_and_read
from tests.producers.spec import make_spec

PLAIN_CONTINUATION = ("chromium", 617403, "003/48_ha03_opfoelgning.csv",
                      dict(rules="totals", shading="none", font="DejaVu Sans", size=9.0, bold_header=False,
                           valign="middle", header_valign="top", repeat_header=False, split_rows=False,
                           orientation="landscape", pad=6.0, label_share=0.5, full_width=False))


@pytest.fixture(scope="module")
def continued(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the follow-up table, long enough to go on over a page break, and read it."""
    producer, seed, source, style = PLAIN_CONTINUATION
    return print_and_read({"plan": make_spec(seed, producer, "table", source, **style)},
                          tmp_path_factory.mktemp("plain-continuation"))


def test_plain_first_row_after_the_break_is_a_body_row(continued: dict) -> None:
    """The rows on the page after the break, whose columns set their text where the header's columns do, are
    rows of the table: header and body are the printed ones."""
    pt, table = printed_and_read("plan", PLAIN_CONTINUATION[0], continued)
    assert_read_as_printed(pt, table)
    assert table.last_page > table.page, "the printed table does not go on over a page break (no case)"
