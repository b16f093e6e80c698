"""A timetable of two scenarios ("Scenarie 1" / "Scenarie 2", each over rows "Algoritme1" and "Algoritme2" of one
line), section rows as shaded bands, no rules, the header of quarter heads ("2024 Q2" ...) without a label head,
printed by fpdf2 in the style of tune seed 7373's document 001 (Liberation Sans set small, the page turned). Read by
the real extractor: every printed row its own row.

What used to go wrong: the bands' edges are the only rules, so the two rows under a section band lie in one band,
read as one row ("Algoritme1 Algoritme2"). The section rows measure a one-line row's height, but they are bold and
the rows plain, and a bold row's height was never taken to measure plain rows; lines set exactly that height apart
are rows whatever their weight (`grid._rows_at_row_pitch`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import case_params, norm, print_and_read
from tests.producers.spec import make_spec

SOURCE = "001/45_su7-tidsplan-scenarier.csv"
SEED = 617394  # a tune seed, the style pinned to that of the tune item that showed the gap
STYLE = dict(rules="none", shading="bands", font="Liberation Sans", size=9.0, bold_header=True, valign="top",
             header_valign="bottom", num_align="right", repeat_header=False, split_rows=True, orientation="rotate90",
             minus="-", nil="-", caption_gap=False, caption_bold=True, unit_line=True, label_share=None,
             rule_width=0.5, pad=2.5, year_shift=2, scale=1, running=False, full_width=True, prose_numbers=False)
CASES = {p: make_spec(SEED, p, "table", SOURCE, **STYLE) for p in ("fpdf2", "reportlab", "weasyprint")}
KNOWN: dict[str, str] = {}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the timetable and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("section-bands"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_rows_under_section_bands_are_rows(case: str, read: dict) -> None:
    """Every printed row is read as a row."""
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    want = [[norm(c) for c in row] for row in spec.tables[0].rows]
    got = [[norm(c.text) if c else "" for c in r.cells] for t in tables for r in t.rows]
    assert [r for r in want if r not in got] == [], "printed rows not read"
