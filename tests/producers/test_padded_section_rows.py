"""A follow-up table (text cells only) whose rows are padded apart a little, a section row of two lines
("Realisering af" / "effektiviseringer") set right under the last wrapped line of the row above it in a narrow
label column. Printed by every producer of the generator, read by the real extractor: every printed row must be
read as printed.

What used to go wrong: a label line set within a wrapped line's gap of the label line above (a share of the font
size), whose first word would not have fitted after it, was read as that label's next line; with rows padded
only a point or two more than a cell's wrapped lines (Typst's small inset), the section row went onto the row
above. A line set as far below the line above as every row's first line is, wider than a wrapped line's gap by a
row's padding, opens a row.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_case_read_as_printed, case_params, print_and_read
from tests.producers.spec import ALL_PRODUCERS, make_spec

SOURCE = "003/11_bu03_opfoelgning.csv"
SEED_BASE = 7800
STYLE = dict(rules="header", shading="none", font="DejaVu Serif", size=8.0, bold_header=True, valign="top",
             header_valign="bottom", label_share=0.3, full_width=True, orientation="portrait", pad=2.5)
CASES = {p: make_spec(SEED_BASE + i, p, "table", SOURCE, **STYLE) for i, p in enumerate(ALL_PRODUCERS)}
KNOWN: dict[str, str] = {  # known gaps (strict xfail: a fix shows up), with the diagnosis
    "libreoffice": "LibreOffice pads its rows only 0.3-0.4 pt more than a cell's wrapped lines (under "
                   "ROW_PADDING_MIN): the section row's gap tells nothing, and its first word does not fit after "
                   "the label line above, so it still reads as that label's last lines",
}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("padded-section-rows"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_section_row_under_a_wrapped_label_is_a_row_of_its_own(case: str, read: dict) -> None:
    assert_case_read_as_printed(case, read)
