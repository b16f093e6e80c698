"""Rows of tables striped with zebra shading (every second body row shaded, the header and the first row plain).

`test_plain_header_over_the_first_plain_row`: the case index of catalogue 002 (a text table "Område | Kommune",
no rules, zebra shading, a plain header, a monospaced font of 8 pt with little padding; Chromium, holdout seed 6174
diagnosed): the header and the first body row sit together above the first shaded stripe, a whole row's height
apart (as far as every body row from the next, more than a wrapped line's pitch); they were read as one row, a
header of two lines ("Område Aktivitetsparate" / "Kommune Brønderslev"), and none of the 130 rows matched the
printed table.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read, printed_and_read
from tests.producers.spec import make_spec

ZEBRA_PLAIN_HEADER = ("chromium", 617402, "002/20_casesamling-erfaringsudvikling-omraade-kommune.csv",
                      dict(rules="none", shading="zebra", font="Liberation Mono", size=8.0, pad=1.5,
                           bold_header=False, valign="top", header_valign="bottom"))


@pytest.fixture(scope="module")
def zebra(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the zebra-striped text table with a plain header and read it."""
    producer, seed, source, style = ZEBRA_PLAIN_HEADER
    return print_and_read({"zebra": make_spec(seed, producer, "table", source, **style)},
                          tmp_path_factory.mktemp("zebra"))


def test_plain_header_over_the_first_plain_row(zebra: dict) -> None:
    """Two lines above the first shaded stripe, set a one-line row's height apart (the height of a shaded row of
    one line), are two rows: the header is the printed header, and the first body row is the printed first row."""
    pt, table = printed_and_read("zebra", ZEBRA_PLAIN_HEADER[0], zebra)
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row: {table.columns}"
    got = [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]
    want = [[norm(c) for c in row] for row in pt.rows]
    assert got[:5] == want[:5], f"first rows differ: {got[:5]} read, {want[:5]} printed"
