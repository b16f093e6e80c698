"""A short bold title set tight above a table's header and only a little larger than it (issue 11, cause 1): the
title "Opfølgning" at 9.5 pt over a 9 pt header whose first cell is "Opfølgningsmål". Printed by every producer of
the generator, with no rules and with horizontal rules, read by the real extractor: the header must be the printed
header row, never the title (which used to become the table's only column name, the real header its first row).
"""
from __future__ import annotations

import pytest

from tests.producers.produce import Made
from tests.producers.reading import norm, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, DocSpec, make_spec

SOURCE = "001/06_su1-opfoelgningsmaal.csv"
SEED_BASE = 950
RULES = ("none", "hrules")
STYLE = dict(shading="none", orientation="portrait", size=9.0, bold_header=True, caption_gap=False,
             caption_bold=True, unit_line=False)


def _cases() -> list[tuple[str, str, str, int]]:
    """Return (case id, producer, rules, seed) for every producer x rules."""
    return [(f"{producer}-{rules}", producer, rules, SEED_BASE + 10 * i + j)
            for i, producer in enumerate(PRODUCERS) for j, rules in enumerate(RULES)]


CASES = _cases()


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print every case whose producer runs here and read it: case id -> (spec, made, tables)."""
    specs = {cid: make_spec(seed, producer, "table", SOURCE, rules=rules, **STYLE)
             for cid, producer, rules, seed in CASES}
    return print_and_read(specs, tmp_path_factory.mktemp("title-above-header"))


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_header_is_the_printed_header_not_the_title(case: tuple[str, str, str, int], read: dict) -> None:
    pt, table = printed_and_read(case[0], case[1], read)
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row (title {pt.gold.title!r}): {table.columns}"
