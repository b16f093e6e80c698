"""A follow-up table (text only: goal, how it is measured, who follows up, when) whose rows are each one line of
cells, set as tight as wrapped lines, in groups under section rows ("Realisering af effektiviseringer") that are set
further apart. Printed by every producer of the generator, read by the real extractor: every printed row must be
read as a row of its own.

What used to go wrong: the section rows' spacing parts the table into blocks, so its rows were taken for padded
apart, and in such a table a label line set tight under one its first word would not have fitted after was read
as that label's wrapped line (LibreOffice): "Identifikation af 5-7 udenbys ..." joined the row above, though it
fills every column the row above fills, each cell starting like an entry (`grid._fills_like_above`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_case_read_as_printed, case_params, print_and_read
from tests.producers.spec import PRODUCERS, make_spec

SOURCE = "003/41_ud13_opfoelgning.csv"
SEED_BASE = 7800
STYLE = dict(rules="header", shading="none", font="Liberation Serif", size=6.5, valign="bottom",
             header_valign="top", pad=1.5, full_width=True, orientation="portrait", caption_gap=True)

CASES = {p: make_spec(SEED_BASE + i, p, "table", SOURCE, **STYLE) for i, p in enumerate(PRODUCERS)}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("rows-of-full-lines"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_every_full_line_is_a_row(case: str, read: dict) -> None:
    assert_case_read_as_printed(case, read)
