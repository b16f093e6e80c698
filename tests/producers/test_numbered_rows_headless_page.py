"""A numbered list table ("Nr." | label | amount) that goes on over a page without its header repeated, its row
numbers set right-aligned close to the labels: on the page without the header nothing parts the numbers from the
labels, so each row's number and label read as one cell.

Tune seed 8202 with the extended styles diagnosed (reportlab-doc-002, "Tabel 3 Omprioritering af opsparing", 65
rows, rows 45-65 on a page without the header): "45 § 16.21.31.10. Seksuel Sundhed" was one cell under the label
column and the "Nr." column stayed empty, so 21 rows matched no printed row (42 of 127 amounts lost, 21 extra). The
fix (`stitch._split_at_bands`): on a continuation, a cell that starts inside the band of an empty column before its
own, a column that holds one word in each row it fills, gives that column its first word.
"""
from __future__ import annotations

import random

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import draw_ext, make_spec

SEED, PRODUCER = 508203, "reportlab"  # lo13-s8202's reportlab-doc-002, as generated
SOURCE = "002/03_satspulje-2019-tabel3-omprioritering-opsparing.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the numbered list alone in the document's extended style (its header not repeated) and read it."""
    ext = draw_ext(random.Random(f"{SEED}-ext"), "document")  # no note column: the document's columns
    return print_and_read({"t": make_spec(SEED, PRODUCER, "table", SOURCE, extended=ext, repeat_header=False)},
                          tmp_path_factory.mktemp("numbered-rows"))


def test_row_numbers_keep_their_column(read: dict) -> None:
    """Every printed row is read with its number in the "Nr." column, on both pages."""
    if missing_reason(PRODUCER):
        pytest.skip(f"producer {PRODUCER} unavailable")
    spec, made, tables = read["t"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    table = matching_table(pt.rows, tables)
    assert table is not None and table.last_page > table.page, "the table was printed on one page"
    assert_body_as_printed(pt.rows, table)
