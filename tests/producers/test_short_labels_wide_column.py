"""Tables whose label column is far wider than its labels, next to a text column set flush left: the committees'
share of a proposal's savings ("Udvalg" | "type" | years, every committee on two one-line rows, "Besparelse" and
"Omkostninger", most rows without amounts) and a time plan ("Scenarie 1" over "Algoritme1" | "Forberede data" ...,
a section row over rows of short labels). Printed by every producer of the generator, read by the real
extractor: every printed row must be read as printed.

What used to go wrong: the width the labels wrap at was taken from the widest label alone, so where no label
wraps (short labels in a wide column) a label's first word looked as if it would not have fitted after the label
above: "Sundheds- og Omsorgsudvalget" read as the wrapped end of "Børne- og Ungdomsudvalget" (and was put on the
last row with amounts above it, across the rows between), "Scenarie 2" as the first line of the "Algoritme1" row
under it. A label column wraps at the text column after it, whose cells start flush at its left edge.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_case_read_as_printed, case_params, print_and_read
from tests.producers.spec import ALL_PRODUCERS, make_spec

SOURCES = {"committees": "003/65_tv01_t5-fordeling-udvalg.csv", "plan": "001/45_su7-tidsplan-scenarier.csv"}
SEED_BASE = 7760
STYLE = dict(rules="totals", shading="none", font="Liberation Serif", size=8.0, bold_header=True, valign="top",
             header_valign="bottom", label_share=0.4, full_width=True, orientation="landscape", pad=3.0)
CASES = {f"{p}-{name}": make_spec(SEED_BASE + 10 * i + k, p, "table", src, **STYLE)
         for i, p in enumerate(ALL_PRODUCERS) for k, (name, src) in enumerate(SOURCES.items())}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("short-labels-wide-column"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_short_labels_in_a_wide_column_are_rows_of_their_own(case: str, read: dict) -> None:
    assert_case_read_as_printed(case, read)
