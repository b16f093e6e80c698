"""Text tables whose label spans several rows: only the first row of each group prints its label ("Område"), the
rows under it fill the later column alone ("Kommune"), and the table runs over several pages (issue 10, whole
documents). Printed by every producer of the generator without rulings, read by the real extractor: the table
must come out as one table holding every printed row, each entry its own row, in order.

What used to go wrong: a page whose lines mostly sit in the later column put the page's text margin there, so
the rows with a label read as running text and ended the table; lines in the later column after the last row
with a label (at the foot of a page) or before the first one (at the top of the next) were dropped; and the
entries under one label were joined into one cell. LibreOffice sets the rows as tight as the wrapped lines of one
cell (no padding) and each entry stops short of the column's width only by the widest entry on its page, so the
entries were joined until a column that lists entries one per line (every line starting like an entry, none going
on in lowercase or from an open end: `grid._listed_columns`) reads each line as an entry of its own.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import Made, missing_reason
from tests.producers.reading import norm, print_and_read
from tests.producers.spec import PRODUCERS, DocSpec, make_spec

SOURCE = "002/20_casesamling-erfaringsudvikling-omraade-kommune.csv"
SEED_BASE = 900
STYLE = dict(rules="none", shading="none", orientation="portrait")

# Known gaps (strict xfail: once read right they XPASS and fail, so the entry must then go), with the diagnosis.
GAPS: dict[str, str] = {}


def _cases() -> list[tuple[str, int, bool]]:
    """Return (producer, seed, header repeated on each page) for every producer, header repeated or not."""
    return [(producer, SEED_BASE + 10 * j + i, repeat) for j, repeat in enumerate((True, False))
            for i, producer in enumerate(PRODUCERS)]


CASES = _cases()


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print the table with every producer that runs here and read it: case id -> (spec, made, tables)."""
    return print_and_read({_id(c): make_spec(c[1], c[0], "table", SOURCE, repeat_header=c[2], **STYLE) for c in CASES},
                          tmp_path_factory.mktemp("sparse-label"))


def _id(case: tuple[str, int, bool]) -> str:
    """Given a case, return its id."""
    return f"{case[0]}-{'repeated' if case[2] else 'once'}"


@pytest.mark.parametrize("case", [pytest.param(c, id=_id(c), marks=[pytest.mark.xfail(strict=True, reason=GAPS[c[0]])]
                                               if c[0] in GAPS else []) for c in CASES])
def test_every_printed_row_is_read_in_one_table(case: tuple[str, int, bool], read: dict) -> None:
    producer = case[0]
    reason = missing_reason(producer)
    if reason:
        pytest.skip(f"producer {producer} unavailable: {reason}")
    spec, made, tables = read[_id(case)]
    pt = spec.tables[0]
    want = [[norm(c) for c in row] for row in pt.rows]
    holding = [t for t in tables if any([norm(c.text) if c else "" for c in r.cells] in want for r in t.rows)]
    assert len(holding) == 1, f"the printed rows are spread over {len(holding)} tables (pages " \
                              f"{[(t.page, t.last_page) for t in holding]})"
    table = holding[0]
    got = [[norm(c.text) if c else "" for c in r.cells] for r in table.rows]
    missing = [r for r in want if r not in got]
    assert got == want, f"{len(got)} rows read, {len(want)} printed; not read: {missing[:3]}; read, not printed: " \
                        f"{[r for r in got if r not in want][:3]}"
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header]
    assert table.last_page > table.page, "the printed table should run over a page break (the case tests that)"
