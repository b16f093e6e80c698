"""A table of the parties heard on a proposal ("Koncern-IT" | "Ja Der har været dialog ..." | "Møderne har" /
"været afviklet i" / "efteråret 2021"): one-line rows around one row whose remark and date wrap over several
lines, set as tight as the rows. Printed by every producer of the generator, read by the real extractor: every
printed row must be read as printed.

What used to go wrong: a line that only goes on with other columns' cells (no label) joined the nearest row
above that has a value line, even where a row of its own (one read from its label alone) lay between them: the
wrapped ends of "Koncern-IT"'s remark and date went onto "IT-kredsen", across the row they belong to. A line goes
on the row of the line right above it: a row's lines follow on, and no row takes a line across another.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_case_read_as_printed, case_params, print_and_read
from tests.producers.spec import ALL_PRODUCERS, make_spec

SOURCE = "001/48_su7-hvem-er-hoert-oevrige-parter.csv"
SEED_BASE = 7820
STYLE = dict(rules="header", shading="header", font="Liberation Serif", size=7.0, bold_header=True, valign="top",
             header_valign="bottom", label_share=0.5, full_width=False, orientation="portrait", pad=1.5)
CASES = {p: make_spec(SEED_BASE + i, p, "table", SOURCE, **STYLE) for i, p in enumerate(ALL_PRODUCERS)}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("rows-keep-their-order"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_wrapped_cells_stay_on_their_row(case: str, read: dict) -> None:
    assert_case_read_as_printed(case, read)
