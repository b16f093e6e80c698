"""A label running into the gutter before the amounts (issue 10): the committee minutes (doc-002) as Chromium prints
them for seed 1507391, no rules, cells set to the bottom. On the page where "Tabel 3 Omprioritering af opsparing"
goes on (header not repeated), one label's first line, alone above its row's values, runs further right than every
other label there, into the gutter before the "I alt" amounts; several amounts print "<0,1".

What used to go wrong: the gutter was parted at the middle of the band the other lines leave free, which cut that
label's last words ("til") into a column of their own; the page's columns then no longer mapped onto the table's,
so the continuation (115 of its 127 amounts) was not stitched on and matched no printed table. A gutter is now
parted where no word crosses it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_read_as_printed, print_and_read
from tests.producers.spec import make_spec

CASES = {"chromium-minutes": make_spec(1507391, "chromium", "document", "002")}
CAPTION = "Omprioritering af opsparing"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases whose producer runs here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("label-into-gutter")))


@pytest.mark.parametrize("case", list(CASES))
def test_a_label_running_into_the_gutter_keeps_the_table_whole(case: str, read: dict) -> None:
    reason = missing_reason(CASES[case].style.producer)
    if reason:
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    pt = next(t for t in spec.tables if any(CAPTION in h for h in t.header))
    table = next(t for t in tables if CAPTION in (t.caption or ""))
    assert_read_as_printed(pt, table)
