"""Tables whose only rules are the one under the header (style family `header`) or that one and those above the
totals rows (`totals`), printed by every producer of the generator and read by the real extractor (issue 10):

- sections: an economics table whose section rows ("Varige ændringer", "Implementeringsomkostninger") print their
  label alone right above a row whose label wraps, amounts set vertically centred; the section row must stay a row
  of its own (it was read as the first line of the next row's label);
- section over one row: the same with a shaded header (its edge a rule too), values set at the top: the section
  row and the one row of its group lie between the same two rules, and are two rows (they were read as one), and
  the last row's wrapped label, below the last rule (above the totals), is read whole;
- wrapped text column: the cells of a second text column ("3200 – Borgere med" / "Sindslidelse") wrap in a
  portrait table; the wrapped line belongs to its own row, also when set centred with its first line above the
  row's value line, under the row's first label line (it was read with the row above, or as a row of its own);
- one-cell header: a key-value table whose header prints only the first column's head, plain, over the rule (the
  value column's head empty); that line is the header, not a caption (it was dropped, the first body row taken as
  header);
- prose after: a small table not as wide as the text, followed by running text that quotes amounts; the text is
  not a row of the table (its lines, set a little right of a running header's margin, were taken in).
"""
from __future__ import annotations

import re
import unicodedata

import pytest

from tests.producers.produce import Made, missing_reason, produce
from tests.producers.spec import PRODUCERS, DocSpec, make_spec

SEED_BASE = 600
RULES = ("header", "totals")
CASES_OF = {
    "sections": ("003/07_bu03_t1-samlede-konsekvenser.csv",
                 dict(valign="middle", label_share=0.4, shading="none", size=9.0, orientation="landscape")),
    "section-over-one-row": ("001/15_su3-tabel1-samlede-oekonomiske-konsekvenser.csv",
                             dict(valign="top", shading="header", split_rows=True)),
    "wrapped-text-column": ("003/67_tv06_t2-varige-aendringer-service.csv",
                            dict(valign="middle", orientation="portrait", size=9.0, shading="none")),
    "one-cell-header": ("001/37_su6-rygestopkurser-i-arbejdstiden.csv",
                        dict(bold_header=False, unit_line=False, shading="none", caption_gap=True)),
    # the table and prose the tune sweep's seed below draws (its prose wraps so that a line holding only an amount
    # follows the table's text); only the rules are pinned
    "prose-after": (None, {}),
}
PROSE_SEED = 4332
KINDS = ("sections", "one-cell-header", "section-over-one-row", "wrapped-text-column")  # printed by every producer


def _cases() -> list[tuple[str, str, str, str, int]]:
    """Return (case id, producer, kind of case, rules, seed): every producer x rules for `KINDS`, ReportLab (whose
    running header sets the page's margin left of the text) for the prose."""
    out = [(f"{producer}-{kind}-{rules}", producer, kind, rules, SEED_BASE + 20 * i + 2 * j + k)
           for i, producer in enumerate(PRODUCERS) for j, kind in enumerate(KINDS)
           for k, rules in enumerate(RULES)]
    return out + [(f"reportlab-prose-after-{rules}", "reportlab", "prose-after", rules, PROSE_SEED) for rules in RULES]


CASES = _cases()
# Cases the extractor does not read right yet, with the diagnosis. strict: once fixed they XPASS and fail, so the
# entry must then be removed.
_NARROW = ("a narrow two-column table (portrait, not full width): the amounts, right-aligned, start left of where "
           "the longest wrapped label lines end, so no free x band parts the columns and label lines and amounts "
           "are mixed up ('ansatte til kursusdeltagelse i 250 rygere, ...')")
GAPS = {"chromium-one-cell-header-header": _NARROW, "chromium-one-cell-header-totals": _NARROW}


def norm(text: str) -> str:
    """Given a cell text, return it without whitespace, dashes and minus signs as "-" (NFKC)."""
    return re.sub(r"\s+", "", re.sub("[\u2010-\u2015\u2212]", "-", unicodedata.normalize("NFKC", text or "")))


def _spec(case: tuple[str, str, str, str, int]) -> DocSpec:
    _, producer, kind, rules, seed = case
    source, style = CASES_OF[kind]
    return make_spec(seed, producer, "table", source, rules=rules, **style)  # (source None: drawn from the seed)


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[DocSpec, Made, list]]:
    """Print every case whose producer runs here and read it: case id -> (spec, made, tables)."""
    from extractors.tables import extract_tables

    cases = [c for c in CASES if missing_reason(c[1]) is None]
    if not cases:
        return {}
    specs = [_spec(c) for c in cases]
    made = produce(specs, tmp_path_factory.mktemp("ruled-header"), workers=2)
    return {c[0]: (s, m, extract_tables(m.pdf)) for c, s, m in zip(cases, specs, made, strict=True)}


def _read_table(case: tuple, read: dict) -> tuple[object, object]:
    """Given a case and the read PDFs, return (printed table, the extracted table sharing most body cells with
    it); skips when the producer cannot run here."""
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
    return pt, table


@pytest.mark.parametrize("case", [pytest.param(c, id=c[0], marks=[pytest.mark.xfail(strict=True, reason=GAPS[c[0]])]
                                              if c[0] in GAPS else []) for c in CASES])
def test_header_and_body_are_the_printed_ones(case: tuple, read: dict) -> None:
    pt, table = _read_table(case, read)
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row: {table.columns}"
    got = [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]
    want = [[norm(c) for c in row] for row in pt.rows]
    assert got == want, f"body differs: {len(got)} rows read, {len(want)} printed; printed rows not read: " \
                        f"{[r for r in want if r not in got][:3]}; rows read that were not printed: " \
                        f"{[r for r in got if r not in want][:3]}"
