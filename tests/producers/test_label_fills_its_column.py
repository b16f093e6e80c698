"""A label that fills its column, run on into the next column's text cell as one run of words, printed by ReportLab
in the style of tune seed 8727's ReportLab document 003 (a box, padding 0.5 pt, the label column half the width):
HA06's "Tabel 2. Varige ændringer, service", whose first label ends "... digitale flekstidsskemaer" right before
"3220 – Borgere med handicap" in the column "Bevillingsområde", the two 3 points apart where the words of a line
are 2 points apart.

What used to go wrong: no gap parts the label column from "Bevillingsområde" on that line, and only two runs of
words (the head and the second row's cell) start where that column does, one short of the three a column's flush
start needs (`grid._flush_start_separators`): the two columns were read as one (the "Bevillingsområde" cells joined
to the labels, 10 amounts lost). A word in a run that starts after a wider space than the run's other word spaces,
flush with two runs that start there, is such a start too.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_body_as_printed, norm, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 508735  # the tune item (ReportLab document 003 of seed 8727, extended styles)
PRODUCER = "reportlab"
TABLE = "52_ha06_t2-varige-aendringer-service.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "003", extended=True)},
                          tmp_path_factory.mktemp("label-fills-its-column"))


def test_label_run_into_the_next_column_is_parted(read: dict) -> None:
    """The table is read with its printed heads and rows, "Bevillingsområde" a column of its own."""
    printed, table = printed_table_and_read(read, PRODUCER, TABLE)
    assert [norm(c) for c in table.columns[1:]] == [norm(h) for h in printed.header[1:]], table.columns
    assert_body_as_printed(printed.rows, table)
