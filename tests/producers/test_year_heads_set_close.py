"""Year heads set close to the heads beside them (`generate --extended-styles`: head forms "B2024" / "BO1 2025" and
"Budget 2025" / "Overslag 2026", little padding), tune seed 4242's single tables as generated.

- chromium-tab-001 s4355 (no rules, amounts centred, bare thousands "1104"): the heads "Bevilling" and "B2024"
  ran into one run of words over the gutter the amounts leave free, so no column boundary was found there; the
  centred amounts of the budget year were read into the label column's neighbour ("Ældre 1104"). The boundary of
  a centred number column is now found as that of a right-aligned one (`grid._aligned_on_both_sides`: the
  numbers next to the gutter share a centre).
- weasyprint-tab-001 s4264 (header rule, heads wrapped "Overslag" / "2026", right-aligned): the five "Overslag"
  were one run of words over five year columns, read as one group head spread over all of them ("Overslag
  Overslag Overslag Overslag Overslag 2026"). A run whose words each line up with the head of the column they fall
  in is those columns' heads (`grid._heads_each_column`), not a group head.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_and_read
from tests.producers.spec import make_spec

CASES = {"centred-bare-thousands": (4355, "chromium"), "wrapped-overslag": (4264, "weasyprint")}


@pytest.fixture(scope="module")
def close_heads(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the two single tables as the generator drew them (seed, producer, extended styles) and read them."""
    return print_and_read({cid: make_spec(seed, producer, "table", extended=True)
                           for cid, (seed, producer) in CASES.items()}, tmp_path_factory.mktemp("close-heads"))


@pytest.mark.parametrize("case_id", list(CASES))
def test_year_heads_set_close_read_as_printed(case_id: str, close_heads: dict) -> None:
    """Header and rows are the printed ones, each amount under its year."""
    pt, table = printed_and_read(case_id, CASES[case_id][1], close_heads)
    assert_read_as_printed(pt, table)
