"""A section row set as tight as a wrapped line over a row whose label wraps and whose values sit on the label's
last line, in a table without rules whose rows are padded only a little apart (extended-style tune seed gx6767,
WeasyPrint doc-003, "Tabel 1" of UD13 and BU05): "Implementeringsomkostninger" over "Opnormering med 1 medarbejder
og 1 student til" / "screening og juridisk Understøttelse | Service | 2.520 | 5.040 | 5.040".

The block holding the section row and the wrapped row has one value line, and its label lines run down to it as
tight as one cell's lines (`grid._tight_down_to`), so the section row used to be read as the first line of the next
row's label ("Implementeringsomkostninger Opnormering med ...": the row's three amounts and its "Service" lost).
The next line's first word would have fitted after the section row's label (`wraps.ends_short`): no wrapping broke
the label there, so it ends a row of its own.

Each table must be read with every printed row whole.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, case_params, matching_table, print_and_read
from tests.producers.spec import make_spec

SOURCE = "003/38_ud13_t1-samlede-konsekvenser.csv"
STYLE = dict(rules="none", shading="none", font="Liberation Serif", size=8.0, bold_header=True, valign="bottom",
             header_valign="top", num_align="center", repeat_header=True, split_rows=True, orientation="portrait",
             caption_gap=False, caption_bold=True, unit_line=False, label_share=0.4, rule_width=1.0, pad=0.5,
             year_shift=0, scale=7, running=True, full_width=True, prose_numbers=False)
PRODUCERS = ["weasyprint", "chromium", "reportlab", "fpdf2", "libreoffice", "typst"]
CASES = {f"{p}-ud13": make_spec(7, p, "table", SOURCE, **STYLE) for p in PRODUCERS}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("section-over-tight-label")))


@pytest.mark.parametrize("case", case_params(CASES, {}))
def test_section_row_stays_apart_from_wrapped_label(case: str, read: dict) -> None:
    if reason := missing_reason(CASES[case].style.producer):
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
