"""Text tables of a proposal stacked down a page with only a short title between them ("Tidsplan", then "Hvem er
hørt?", then "Opfølgning"), no prose: each must be read as a table of its own. Printed by every producer of the
generator with a dark header band and no rules (title bold) and with a rule under the header only (title plain,
set like the captions), read by the real extractor.

What used to go wrong: the title sits at the margin, left of where the cells' text starts (the cells' padding), in
another size than the cells, and is a single line like a table's own wrapped cell lines. Under a timetable whose
last cells wrap further down than its label, those wrapped lines waited above the title and hid it (only a title
right under the table was looked for), and a plain title (not bold) was not taken for one at all; and once one
title was missed, the gap above the next title counted as a gap between the table's own lines. The three tables
became one, and the scorer matched none of their rows.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read, stacked_spec
from tests.producers.spec import PRODUCERS, DocSpec, make_spec

SOURCES = ("001/11_su2-tidsplan.csv", "001/12_su2-hvem-er-hoert-center-for-oekonomi.csv",
           "001/13_su2-opfoelgningsmaal.csv")
SEED_BASE = 7300
STYLES = {
    "band": dict(rules="none", shading="header", caption_bold=True),
    "plain": dict(rules="header", shading="none", caption_bold=False),
}
COMMON = dict(orientation="landscape", size=7.0, caption_gap=False, unit_line=False, valign="top")


def _spec(producer: str, style: str, seed: int) -> DocSpec:
    """Given a producer, a style name and a seed, return a spec printing the three tables one after the other, each
    under its caption, with nothing else between them."""
    specs = [make_spec(seed, producer, "table", src, **STYLES[style], **COMMON) for src in SOURCES]
    return stacked_spec(specs, f"{producer}-stacked-{style}-s{seed}")


CASES = {f"{p}-{style}": _spec(p, style, SEED_BASE + 10 * i + j)
         for i, p in enumerate(PRODUCERS) for j, style in enumerate(STYLES)}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("stacked-text-tables"))


@pytest.mark.parametrize("case", list(CASES))
def test_each_stacked_table_is_read_on_its_own(case: str, read: dict) -> None:
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = spec.tables
    assert len(printed) == len(SOURCES)
    labels = [{norm(r[0]) for r in t.rows if norm(r[0])} for t in printed]
    for table in tables:
        firsts = {norm(r.cells[0].text) for r in table.rows if r.cells and r.cells[0]}
        holds = [k for k, ls in enumerate(labels) if firsts & ls]
        assert len(holds) <= 1, f"one table read holds the rows of printed tables {holds}: {sorted(firsts)[:6]}"
    for k, ls in enumerate(labels):
        assert any(ls & {norm(r.cells[0].text) for r in t.rows if r.cells and r.cells[0]} for t in tables), \
            f"no table read holds the rows of printed table {k} ({SOURCES[k]})"
