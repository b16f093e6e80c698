"""A short bold title set tight above a table's header and only a little larger than it (issue 11, cause 1): the
title "Opfølgning" at 9.5 pt over a 9 pt header whose first cell is "Opfølgningsmål". Printed by every producer of
the generator, with no rules and with horizontal rules, read by the real extractor: the header must be the printed
header row, never the title (which used to become the table's only column name, the real header its first row).
"""
from __future__ import annotations

import re
import unicodedata

import pytest

from tests.producers.produce import Made, missing_reason, produce
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


def norm(text: str) -> str:
    """Given a cell text, return it without whitespace, dashes and minus signs as "-" (NFKC)."""
    return re.sub(r"\s+", "", re.sub("[\u2010-\u2015\u2212]", "-", unicodedata.normalize("NFKC", text or "")))


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print every case whose producer runs here and read it: case id -> (spec, made, tables)."""
    from extractors.tables import extract_tables

    cases = [c for c in CASES if missing_reason(c[1]) is None]
    if not cases:
        return {}
    specs = [make_spec(seed, producer, "table", SOURCE, rules=rules, **STYLE) for _, producer, rules, seed in cases]
    made = produce(specs, tmp_path_factory.mktemp("title-above-header"), workers=2)
    return {c[0]: (s, m, extract_tables(m.pdf)) for c, s, m in zip(cases, specs, made, strict=True)}


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_header_is_the_printed_header_not_the_title(case: tuple[str, str, str, int], read: dict) -> None:
    reason = missing_reason(case[1])
    if reason:
        pytest.skip(f"producer {case[1]} unavailable: {reason}")
    spec, made, tables = read[case[0]]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    printed = {norm(c) for row in pt.rows for c in row if norm(c)}
    table = max(tables, key=lambda t: sum(norm(c.text) in printed for r in t.rows for c in r.cells if c),
                default=None)
    assert table is not None, "no table read"
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row (title {pt.gold.title!r}): {table.columns}"
