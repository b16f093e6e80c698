"""The grant-expiry list of sample 000 ("Bevillinger som udløber ...") ruled only under its header and above its
total, amounts centred, printed by every producer in the style of tune seed 8601's ReportLab document 000: under
the total, the section row "Bevillingsudløb, der allerede er håndteret eller håndteres på anden vis" (one cell, two
lines) heads grants whose second cell is text ("Dækket ved" / "forhandlinger" / ...), centred like the amounts.
Read by the real extractor: every printed row of the list, in one table.

What used to go wrong: the section row waits under the total at exactly the table's row spacing, but float noise
made that gap a hair wider than the widest gap between the table's lines, so it read as set apart; the grant under
it, whose centred text cell starts and ends nowhere a centred amount does, then read as another table's header
under a title (`regions._opens_next_table`): the section row and the first grant were lost and the other grants
made a table of their own, no grant list (tune seed 8601: grant_expiries 80/85). A gap counts as set apart only
when wider than the table's spacing by more than `SAME_GAP`.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import case_params, norm, print_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

SEED = 508621  # the tune item (ReportLab document 000 of seed 8601)
STYLE = dict(rules="totals", shading="none", font="DejaVu Serif", size=8.0, bold_header=False, valign="top",
             header_valign="top", num_align="center", repeat_header=False, split_rows=True, orientation="portrait",
             minus="-", nil="-", caption_gap=False, caption_bold=False, unit_line=False, label_share=0.4,
             rule_width=0.25, pad=4.0, year_shift=2, scale=1, running=True, full_width=True, prose_numbers=True)
EXT = ExtStyle(bare_thousands=True, rule_look="dotted")
GRANTS = "01_tabel1-bevillinger-som-udloeber-2026.csv"
SPECS = {producer: make_spec(SEED, producer, "document", "000", extended=EXT, **STYLE) for producer in PRODUCERS}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document with every producer that runs here and read it."""
    return print_and_read(SPECS, tmp_path_factory.mktemp("section-row-at-row-spacing"))


@pytest.mark.parametrize("producer", case_params(SPECS, KNOWN))
def test_a_section_row_under_the_total_stays_in_its_table(producer: str, read: dict) -> None:
    """Every printed row of the grant list is read in one table, the section row and the grant under it too."""
    if producer not in read:
        pytest.skip(f"producer {producer} unavailable here")
    doc, made, tables = read[producer]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in doc.tables if t.gold.file == GRANTS)
    want = [[norm(c) for c in row] for row in printed.rows]
    got = max(([[norm(c.text) if c else "" for c in r.cells] for r in t.rows] for t in tables),
              key=lambda rows: sum(r in want for r in rows))
    assert [r for r in want if r not in got] == [], "printed rows not read in the list's table"
