"""Rules drawn dotted (`spec.ExtStyle.rule_look="dotted"`, `generate --extended-styles`): Chromium prints a CSS
`dotted` border as a row of small filled squares, one every 1.5 pt, none of them long enough to be a rule.

Tune seed 4242 with the extended styles diagnosed (chromium-tab-001 s4335, chromium-tab-003 s4365): a grid table
with dotted rules, set in a monospaced type or with little padding, was read as an unruled one; its cells, set
closer than a word space wider, ran into each other over the column gaps ("Overslagsår 2024 2025 2026", "-2.850
-2.850 -2.850"), and 41 of the 43 amounts of one table were read under the wrong column. The fix
(`layout.dotted_rules`): dots in a row (or column), each close after the one before, draw one rule.
"""
from __future__ import annotations

import pytest

from extractors.layout import dotted_rules
from tests.producers.reading import (
    assert_body_as_printed,
    assert_read_as_printed,
    norm,
    print_and_read,
    printed_and_read,
)
from tests.producers.spec import ExtStyle, make_spec

ECONOMICS = "003/01_bu-si01_t1-samlede-konsekvenser.csv"  # label, Styringsområde, six years
GRID = dict(rules="grid", shading="none", num_align="center", header_valign="top", size=8.0,
            orientation="portrait", running=False, bold_header=False)
CASES = {  # case id: (seed, pinned TableStyle fields, extended style)
    "dotted-grid-mono": (4335, dict(GRID, font="Liberation Mono", pad=3.0), ExtStyle(rule_look="dotted")),
    "dotted-grid-tight": (4365, dict(GRID, font="Liberation Sans", pad=3.0),
                          ExtStyle(rule_look="dotted", tight=True)),
}
# group heads ("Budget" | "Overslagsår") in a row of their own, ruled off from the plain column heads under them
SPLIT = {"dotted-grid-split": (4366, dict(GRID, font="Liberation Sans", pad=3.0),
                               ExtStyle(rule_look="dotted", tight=True, group_head="split"))}


@pytest.fixture(scope="module")
def dotted(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the economics table in a dotted grid with Chromium and read it."""
    return print_and_read({cid: make_spec(seed, "chromium", "table", ECONOMICS, extended=ext, **style)
                           for cid, (seed, style, ext) in (CASES | SPLIT).items()}, tmp_path_factory.mktemp("dotted"))


@pytest.mark.parametrize("case_id", list(CASES))
def test_dotted_grid_reads_as_printed(case_id: str, dotted: dict) -> None:
    """The dotted grid parts the columns as solid rules do: header and rows are the printed ones."""
    pt, table = printed_and_read(case_id, "chromium", dotted)
    assert_read_as_printed(pt, table)


def test_group_heads_ruled_off_over_plain_heads(dotted: dict) -> None:
    """A row of group heads alone, over value columns only, ruled off from the plain column heads under it, is no
    whole header: the heads under it go on (`grid._continues_header`), each year column reads both ("Budget 2022",
    "Overslagsår 2023"), and the amounts are the printed ones under their columns."""
    pt, table = printed_and_read("dotted-grid-split", "chromium", dotted)
    assert pt.group_head, "the spec prints no group heads"
    want = [h if g in ("label", "value") else g for h, g in zip(pt.header, pt.gold.header, strict=True)]
    assert [norm(c) for c in table.columns] == [norm(h) for h in want], f"header misread: {table.columns}"
    assert_body_as_printed(pt.rows, table)


def test_a_row_of_dots_is_one_rule() -> None:
    """Dots 0.75 pt wide every 1.5 pt make one rule from the first dot to the last, in either direction; dots too
    far apart, or too few, make none."""
    row = [(10.0 + 1.5 * k, 100.0, 10.75 + 1.5 * k, 100.75) for k in range(40)]
    (rule,) = dotted_rules(row, 8.0, vertical=False)
    assert (rule.start, rule.end) == (10.0, row[-1][2]) and abs(rule.pos - 100.375) <= 0.5
    assert dotted_rules(row, 8.0, vertical=True) == []
    column = [(50.0, 10.0 + 1.5 * k, 50.75, 10.75 + 1.5 * k) for k in range(20)]
    assert len(dotted_rules(column, 8.0, vertical=True)) == 1
    assert dotted_rules([(10.0 + 6 * k, 100.0, 10.75 + 6 * k, 100.75) for k in range(10)], 8.0, vertical=False) == []
    assert dotted_rules(row[:3], 1.0, vertical=False) == []
