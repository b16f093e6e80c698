"""The grant-expiry list of sample 000 ("Bevillinger som udløber ...") in a box, zebra stripes, a landscape page,
printed by LibreOffice in the style of extended tune seed 5353's document 000: its last row goes on atop the next
page, the box's top rule and the row's first line in the page's top margin band, the rest of its cells ("Dækket
ved" / "forhandlinger" / "om budget" / "2025", centred) single lines below. Read by the real extractor: every
printed row of the list, the last one too.

What used to go wrong: the first look at the page (`prescan`) found no sign of a table in its body (each line one
run of text, no rule across the body but the box's bottom) and read it as running text; the box's side rules run
from the margin band down into the body, a frame's (`prescan._ruled_body`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

SEED = 505357  # the tune item (LibreOffice document 000 of extended seed 5353)
STYLE = dict(rules="box", shading="zebra", font="DejaVu Serif", size=7.0, bold_header=True, valign="top",
             header_valign="top", num_align="center", repeat_header=False, split_rows=False,
             orientation="landscape", minus="-", nil="-", caption_gap=True, caption_bold=True, unit_line=True,
             label_share=0.3, rule_width=0.25, pad=4.0, year_shift=0, scale=1, running=True, full_width=True,
             prose_numbers=False)
GRANTS = "01_tabel1-bevillinger-som-udloeber-2026.csv"
SPECS = {"document": make_spec(SEED, "libreoffice", "document", "000", extended=True, **STYLE)}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read(SPECS, tmp_path_factory.mktemp("boxed-row-atop-page"))


def test_last_row_atop_the_next_page_is_read(read: dict) -> None:
    """Every printed row of the grant list is read."""
    if "document" not in read:
        pytest.skip("LibreOffice unavailable here")
    doc, made, tables = read["document"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in doc.tables if t.gold.file == GRANTS)
    want = [[norm(c) for c in row] for row in printed.rows]
    got = [[norm(c.text) if c else "" for c in r.cells] for t in tables for r in t.rows]
    assert [r for r in want if r not in got] == [], "printed rows not read"
