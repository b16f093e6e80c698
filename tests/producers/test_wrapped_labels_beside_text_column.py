"""Labels that wrap (a line going on in lowercase) beside a text column set flush left ("Bevilling, profitcenter":
"3000 – Børnefamilier" / "med særlige behov"), in a boxed table with cells set in the middle. Printed by every
producer of the generator, read by the real extractor: every printed row must be read as printed.

What went wrong: the width labels wrap at was taken as the room before the text column after them (right for
short labels in a wide column, test_short_labels_wide_column.py), which is wider than where these labels wrap, so
"på de kommunale dagbehandlingstilbud [BUF]" looked as if its first word would have fitted after "… ansat" and
was read as a row of its own (Chromium, tune seed 2121). A column whose lines evidently go on into the next line
wraps at its widest line.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import ALL_PRODUCERS, make_spec

SOURCE = "003/21_bu05_t2-varige-aendringer-service.csv"
SEED_BASE = 7860
STYLE = dict(rules="box", shading="header", font="Liberation Mono", size=9.0, bold_header=True, valign="middle",
             header_valign="top", num_align="center", pad=2.5, orientation="portrait")
CASES = {p: make_spec(SEED_BASE + i, p, "table", SOURCE, **STYLE) for i, p in enumerate(ALL_PRODUCERS)}
# the whole document of tune seed 2121 in which the table was read wrong (its item seed)
CASES["chromium-document"] = make_spec(502144, "chromium", "document", "003")


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("wrapped-labels-beside-text"))


@pytest.mark.parametrize("case", list(CASES))
def test_wrapped_labels_beside_a_text_column_are_read_whole(case: str, read: dict) -> None:
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = next(t for t in spec.tables if t.rows[0][0].startswith("Besparelse på dagbehandlingspuljen"))
    headed = [t for t in tables if any("profitcenter" in (c or "") for c in t.columns)]  # not Tabel 1's amounts
    assert_body_as_printed(pt.rows, matching_table(pt.rows, headed))
