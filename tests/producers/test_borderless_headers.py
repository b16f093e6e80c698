"""Borderless tables with a bold title and a unit line "(1.000 kr.)" set tight above the header (issue 11, cause 1):
printed by every producer of the generator, read by the real extractor. The table's header must be the printed
header row (the label column's head and the years or other column labels), never the title or the unit line, and
its body must be the printed rows, complete and in order.

Each producer prints three gold tables of the samples: the catalogue overview (title "Oversigt", year columns),
an economics table (unit and price level in the label column's head, years) and the grant list (a wrapped
amount header, wrapped text cells), once with a bold header row and once with a plain one (then only the title is
bold). Everything else of the style (font, size, padding, alignment, running header) comes from the seed.
"""
from __future__ import annotations

import re
import unicodedata

import pytest

from tests.producers.produce import Made, missing_reason
from tests.producers.reading import print_and_read
from tests.producers.spec import PRODUCERS, DocSpec, make_spec

SOURCES = {
    "overview": "001/01_oversigt-effektiviseringskatalog-2023.csv",
    "economics": "001/02_su1-tabel1-samlede-oekonomiske-konsekvenser.csv",
    "grants": "000/01_tabel1-bevillinger-som-udloeber-2026.csv",
}
SEED_BASE = 700
PLAIN_OFFSET = 100  # plain-header cases use other seeds, so that their PDFs have their own names
TIGHT_TITLE_AND_UNIT = dict(rules="none", shading="none", caption_gap=False, caption_bold=True, unit_line=True,
                            orientation="portrait")
UNIT_LINE = "(1.000 kr.)"


def _cases() -> list[tuple[str, str, str, bool, int]]:
    """Return (case id, producer, source key, bold header, seed) for every producer x source x header weight."""
    out = []
    for i, producer in enumerate(PRODUCERS):
        for j, key in enumerate(SOURCES):
            for bold in (True, False):
                seed = SEED_BASE + 10 * i + j + (0 if bold else PLAIN_OFFSET)
                out.append((f"{producer}-{key}-{'bold' if bold else 'plain'}", producer, key, bold, seed))
    return out


CASES = _cases()

# Cases the extractor does not read right yet, with the diagnosis. strict: once fixed they XPASS and fail, so the
# entry must then be removed. (Issue 11 fixed every one of them: section rows above a wrapped label, multi-line
# plain headers, bottom-aligned wrapped text cells.)
HEADER_GAPS: dict[str, str] = {}
BODY_GAPS: dict[str, str] = {}


def _spec(case: tuple[str, str, str, bool, int]) -> DocSpec:
    _, producer, key, bold, seed = case
    return make_spec(seed, producer, "table", SOURCES[key], bold_header=bold, **TIGHT_TITLE_AND_UNIT)


def norm(text: str) -> str:
    """Given a cell text, return it as the scorer compares it: NFKC, dashes and minus signs (U+2010-2015, U+2212)
    as "-", whitespace collapsed."""
    text = re.sub("[\u2010-\u2015\u2212]", "-", unicodedata.normalize("NFKC", text or ""))
    return re.sub(r"\s+", " ", text).strip()


def tight(text: str) -> str:
    """Given a cell text, return `norm` of it without any whitespace (a line broken after a dash may be joined
    with or without a space; the rows, not the spacing, are compared)."""
    return re.sub(r"\s+", "", norm(text))


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print every case whose producer runs here and read it: case id -> (spec, made, extracted tables)."""
    return print_and_read({c[0]: _spec(c) for c in CASES}, tmp_path_factory.mktemp("borderless-headers"))


def _params(gaps: dict[str, str]) -> list:
    """Given the known gaps of a test, return its pytest params, strict xfails for the gaps."""
    return [pytest.param(c, id=c[0], marks=[pytest.mark.xfail(strict=True, reason=gaps[c[0]])] if c[0] in gaps
                         else []) for c in CASES]


def _table_holding(tables: list, body: list[list[str]]) -> object | None:
    """Given extracted tables and the printed body, return the table sharing most body cells with it."""
    printed = {norm(c) for row in body for c in row if norm(c)}

    def shared(t: object) -> int:
        return sum(norm(c.text) in printed for row in t.rows for c in row.cells if c and norm(c.text))
    best = max(tables, key=shared, default=None)
    return best if best is not None and shared(best) else None


def _read_table(case: tuple, read: dict) -> tuple[object, object]:
    """Given a case and the read PDFs, return (printed table, the extracted table holding its body); skips when
    the producer cannot run here."""
    reason = missing_reason(case[1])
    if reason:
        pytest.skip(f"producer {case[1]} unavailable: {reason}")
    spec, made, tables = read[case[0]]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    table = _table_holding(tables, pt.rows)
    assert table is not None, f"no extracted table holds the body; tables: {[list(t.columns) for t in tables]}"
    return pt, table


@pytest.mark.parametrize("case", _params(HEADER_GAPS))
def test_header_is_the_printed_header_row_not_title_or_unit(case: tuple, read: dict) -> None:
    pt, table = _read_table(case, read)
    columns = [norm(c) for c in table.columns]
    title = norm(pt.gold.title)
    assert not any(title in c or UNIT_LINE in c for c in columns), f"title or unit line in the header: {columns}"
    assert columns == [norm(h) for h in pt.header], f"header is not the printed header row: {columns}"


@pytest.mark.parametrize("case", _params(BODY_GAPS))
def test_body_rows_are_the_printed_rows(case: tuple, read: dict) -> None:
    pt, table = _read_table(case, read)
    got = [[tight(c.text) if c else "" for c in row.cells] for row in table.rows]
    want = [[tight(c) for c in row] for row in pt.rows]
    missing = [r for r in want if r not in got]
    extra = [r for r in got if r not in want]
    assert got == want, f"body differs: {len(got)} rows read, {len(want)} printed; printed rows not read: " \
                        f"{missing[:3]}; rows read that were not printed: {extra[:3]}"
