"""The grant-expiry list of sample 000 ("Bevillinger som udløber ...") in a full grid with shaded section rows,
printed by every producer in the style of tune seed 8301's fpdf2 document 000: the section row "Bevillingsudløb,
der allerede er håndteret eller håndteres på anden vis" is one bold line in a band shaded from rule to rule across
the grid, between the list's total and the grants it heads, whose cells ("Dækket ved" / "forhandlinger" / ...)
are text only. Read by the real extractor: every printed row of the list.

What used to go wrong: on a page whose text is mostly the table, the page's right text margin is the right edge of
the table's text, so the section row's one line, running from the left margin past it, read as running text: the
stack of rules was cut at its band (`regions.find_frames`), the rows under it made a table of their own and the
section row with the first grant under it were lost (tune seed 8301: grant_expiries 84/85). A band shaded from rule
to rule across the stack (a row's background) holding one line set no larger than the cells is a row of the table.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import case_params, norm, print_and_read
from tests.producers.spec import PRODUCERS, make_spec

SEED = 508317  # the tune item (fpdf2 document 000 of seed 8301)
STYLE = dict(rules="grid", shading="bands", font="DejaVu Sans", size=10.0, bold_header=True, valign="middle",
             header_valign="top", num_align="right", repeat_header=False, split_rows=False, orientation="portrait",
             minus="-", nil="-", caption_gap=True, caption_bold=True, unit_line=True, label_share=None,
             rule_width=0.75, pad=6.0, year_shift=1, scale=2, running=True, full_width=True, prose_numbers=False)
GRANTS = "01_tabel1-bevillinger-som-udloeber-2026.csv"
SPECS = {producer: make_spec(SEED, producer, "document", "000", **STYLE) for producer in PRODUCERS}
KNOWN: dict[str, str] = {  # known gaps (strict xfail: a fix shows up), with the diagnosis
    "chromium": "the list's last row, a label of three lines ('Videreførelse af' / 'partnerskabsprojektet' / "
                "'’Ung mor på vej’') beside a text cell of one line, set middle-aligned: Chromium sets the last "
                "label line 0.75 pt lower than a wrapped line's pitch, so the ruled band reads as two rows set "
                "to the bottom (`grid._tight_label_runs`, parted by TIGHT_ROW_PADDING) and the last line is a "
                "row of its own",
}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document with every producer that runs here and read it."""
    return print_and_read(SPECS, tmp_path_factory.mktemp("shaded-section-rows"))


@pytest.mark.parametrize("producer", case_params(SPECS, KNOWN))
def test_a_shaded_section_row_is_a_row_of_its_table(producer: str, read: dict) -> None:
    """Every printed row of the grant list is read, the shaded section row and the grant under it too."""
    if producer not in read:
        pytest.skip(f"producer {producer} unavailable here")
    doc, made, tables = read[producer]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in doc.tables if t.gold.file == GRANTS)
    want = [[norm(c) for c in row] for row in printed.rows]
    got = [[norm(c.text) if c else "" for c in r.cells] for t in tables for r in t.rows]
    assert [r for r in want if r not in got] == [], "printed rows not read"
