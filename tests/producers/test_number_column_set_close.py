"""A right-aligned column of numbers set close before a left-aligned column of marks ("Nr." | "DUT": "27" | "D"):
the satspulje overview of sample 002 (146 rows over pages, "D" on a few rows only), no rules, DejaVu Serif set
smaller to fit, the columns as narrow as their content (tune seed 2525's fpdf2 document 002, here the table alone in
that document's style). Printed by the producers whose print of it holds its gold (Chromium and LibreOffice set a
few long labels otherwise; Typst is kept out of tuning), read by the real extractor: header and body as printed.

What used to go wrong (fpdf2): "Nr." ends 3 pt before "DUT" and "27" 3 pt before "D", about a word space: each
line's two cells were one run of words ("27 D", "Nr. DUT"), the column "DUT" was lost into "Nr." and no row's number
was read ("2 D" is no number). ReportLab and WeasyPrint part them wider, but a page without a mark ("100" to
"117") read "Nr. DUT" as one head, and the stitched table put those numbers under "DUT". The marks are too few on a
page (none to two) to line up as a column of their own; the heads over them are parted where the numbers end
(`grid._set_close_separators`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, case_params, print_and_read, printed_and_read
from tests.producers.spec import make_spec

SOURCE = "002/01_satspulje-2019-tabel1-oekonomioversigt.csv"
SEED = 502526  # the tune item that showed the gap (its years and amounts)
STYLE = dict(rules="none", shading="none", font="DejaVu Serif", size=9.0, bold_header=True, valign="middle",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=True, orientation="portrait",
             minus="\u2013", nil="\u2013", caption_gap=False, caption_bold=True, unit_line=False, label_share=0.3,
             rule_width=0.75, pad=1.5, year_shift=2, scale=1, running=True, full_width=False, prose_numbers=False)
CASES = {p: make_spec(SEED, p, "table", SOURCE, **STYLE) for p in ("fpdf2", "reportlab", "weasyprint")}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("number-column-set-close"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_number_column_set_close_to_marks(case: str, read: dict) -> None:
    """The numbers and the marks set close after them are two columns under their two heads."""
    pt, table = printed_and_read(case, case, read)
    assert_read_as_printed(pt, table)
