"""A table of grants with amounts whose labels wrap over several lines in a narrow label column (set to the bottom
of their rows, the amount on a label's last line), under a bold section row set across the whole table (a
shaded band, "Bevillingsudløb, der allerede er håndteret ..."). Printed by every producer of the generator, read
by the real extractor: each row holding an amount must be read with its whole label.

What used to go wrong: the width a label column's lines wrap at was taken from its widest line, the section row
set across the table included, so a label's wrapped line ("med demens") looked as if it would have fitted after
the line above ("og målrettet støtte til borgere") and was read as ending that label: the label was parted over
two rows, its first lines a row of their own (LibreOffice sets the rows as tight as wrapped lines).
"""
from __future__ import annotations

import re

import pytest

from tests.producers.reading import body_texts, matching_table, norm, print_and_read
from tests.producers.spec import PRODUCERS, make_spec

SOURCE = "000/01_tabel1-bevillinger-som-udloeber-2026.csv"
SEED_BASE = 7700
STYLE = dict(rules="totals", shading="bands", font="Liberation Mono", size=7.0, bold_header=False, valign="bottom",
             header_valign="top", label_share=0.3, full_width=False, orientation="portrait", caption_gap=True,
             unit_line=True)

AMOUNT = re.compile(r"^-?[\d.,]+$")
CASES = {p: make_spec(SEED_BASE + i, p, "table", SOURCE, **STYLE) for i, p in enumerate(PRODUCERS)}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("section-row-widths"))


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN[c], strict=True))
                                  if c in KNOWN else c for c in CASES])
def test_rows_with_amounts_keep_their_wrapped_labels(case: str, read: dict) -> None:
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    want = [[norm(c) for c in row] for row in pt.rows if AMOUNT.match(norm(row[1]))]
    got = body_texts(matching_table(want, tables))
    assert [r for r in want if r not in got] == [], f"rows with amounts not read as printed; read: {got[:6]}"
