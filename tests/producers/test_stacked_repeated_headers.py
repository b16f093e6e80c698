"""A table printed in parts down one page, each part under the same header and nothing printed between them (ReportLab
splitting tall rows of running text: the rest of a row, then the next rows, go on under the header repeated
mid-page).

Tune seed gx6767 diagnosed (reportlab-doc-002, the BIU satspulje table "Satspuljer 2023 der kan søges af
kommunerne", rows of long descriptions over four pages): the parts set under a repeated header on the same page were
tables of their own, so only the first part kept the table's caption and a row cut at the foot of a page was not
rejoined with its rest (16 of 28 amounts and 4 of 17 text cells read under the right table). The fix
(`stitch._repeats_above`): a table set right under the one before on its page, no caption of its own and nothing
printed between, whose header repeats that table's column by column, is more of its rows.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

SEED, PRODUCER = 506772, "reportlab"  # gx6767's reportlab-doc-002, as generated
SOURCE = "002/19_biu-satspuljer-der-kan-soeges.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the satspulje table in the drawn extended style and read it."""
    return print_and_read({"t": make_spec(SEED, PRODUCER, "table", SOURCE, extended=True)},
                          tmp_path_factory.mktemp("stacked-heads"))


def test_parts_under_a_repeated_header_are_one_table(read: dict) -> None:
    """The table is read whole: every printed row, in order, in one table."""
    if missing_reason(PRODUCER):
        pytest.skip(f"producer {PRODUCER} unavailable")
    spec, made, tables = read["t"]
    # (the generator's self-check finds the text of a cell the page break cut "not printed": no other problem)
    assert all(p.endswith("not printed") for p in made.problems), made.problems
    pt = spec.tables[0]
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
