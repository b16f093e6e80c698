"""Tables that follow each other with only their caption between them (issue 10/11: "small text tables merged into
their neighbours"): an economics table, then the caption "Hvem er hørt?" set tight above a one-row text table.
Printed by every producer of the generator in ruled styles, read by the real extractor: the second table must come
out as a table of its own, with its printed header and row, and the first table must not take in its rows.

What used to go wrong: in a full grid every table's rules line up into one stack of rules down the page, and a band
of it that held only the bold caption did not cut the stack, so both tables became one.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.producers.produce import Made, missing_reason
from tests.producers.reading import norm, print_and_read
from tests.producers.spec import PRODUCERS, Caption, DocSpec, PTable, make_spec

FIRST = "001/04_su1-tabel2-varige-aendringer-service.csv"
SECOND = "001/05_su1-hvem-er-hoert-center-for-oekonomi.csv"
SEED_BASE = 970
RULES = ("grid", "hrules")
STYLE = dict(shading="none", orientation="portrait", size=8.0, caption_gap=False, caption_bold=True,
             unit_line=False)


def _cases() -> list[tuple[str, str, str, int]]:
    """Return (case id, producer, rules, seed) for every producer x rules."""
    return [(f"{producer}-{rules}", producer, rules, SEED_BASE + 10 * i + j)
            for i, producer in enumerate(PRODUCERS) for j, rules in enumerate(RULES)]


CASES = _cases()


def _spec(producer: str, rules: str, seed: int) -> DocSpec:
    """Given a producer, rules and a seed, return a spec printing FIRST (with its heading and prose before it) and
    then, right after it, SECOND's caption and table."""
    first = make_spec(seed, producer, "table", FIRST, rules=rules, **STYLE)
    second = make_spec(seed, producer, "table", SECOND, rules=rules, **STYLE)
    blocks = list(first.blocks)
    while not isinstance(blocks[-1], PTable):  # no prose after the first table
        blocks.pop()
    blocks += [b for b in second.blocks if isinstance(b, Caption | PTable)]
    return replace(first, id=f"{producer}-seq-{rules}-s{seed}", blocks=blocks)


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print every case whose producer runs here and read it: case id -> (spec, made, tables)."""
    return print_and_read({c[0]: _spec(*c[1:]) for c in CASES}, tmp_path_factory.mktemp("tables-in-sequence"))


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_second_table_is_read_on_its_own(case: tuple[str, str, str, int], read: dict) -> None:
    reason = missing_reason(case[1])
    if reason:
        pytest.skip(f"producer {case[1]} unavailable: {reason}")
    spec, made, tables = read[case[0]]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    first, second = spec.tables
    rows = [[norm(c) for c in r] for r in second.rows]
    first_rows = [[norm(c) for c in r] for r in first.rows]
    holding = [t for t in tables if any([norm(c.text) if c else "" for c in r.cells] in rows for r in t.rows)]
    assert len(holding) == 1, f"the second table's row is read in {len(holding)} tables"
    table = holding[0]
    got = [[norm(c.text) if c else "" for c in r.cells] for r in table.rows]
    assert not any(r in first_rows for r in got), "the second table took in rows of the first"
    assert got == rows, f"rows read {got}, printed {rows}"
    assert [norm(c) for c in table.columns] == [norm(h) for h in second.header]
