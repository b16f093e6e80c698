"""The task budget of sample 004 (the Slagelse "Skal/Kan" appendix) with an "Anm.: ..." note line under it, printed
by every producer in the style of tune seed 8602's Chromium document 004: cells padded half a point (rows set as
tight as wrapped lines), the note set apart under the closing "I alt" row on the table's last page, starting at
the page's margin and ending before the table's second column. Read by the real extractor: the note is no row.

What used to go wrong: at the end of a page, lines set like the table's text under its last row and inside its first
column were taken as a row the page break cut (its first cell's lines, the rest on the next page), however far
below the table they stood (`regions._trailing_continuation`): the note became a last row whose only cell, in the
row-number column, is no number, so the task budget's "Nr." column was no longer a column of row numbers and the
table was not recognised (tune seed 8602: task_budgets 200/250, the 50 rows of that document lost). A row the page
break cuts follows the table's last row at the table's own spacing, not set apart below it.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import case_params, norm, print_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

SEED = 508605  # the tune item (Chromium document 004 of seed 8602)
STYLE = dict(rules="header", shading="none", font="Liberation Serif", size=8.0, bold_header=False, valign="bottom",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=True,
             orientation="landscape", minus="\u2212", nil="\u2013", caption_gap=False, caption_bold=False,
             unit_line=True, label_share=0.4, rule_width=0.5, pad=0.5, year_shift=2, scale=1, running=True,
             full_width=True, prose_numbers=True)
EXT = ExtStyle(bare_thousands=True, note_line="anm", tight=True)
BUDGET = "01_bilag1.csv"
SPECS = {producer: make_spec(SEED, producer, "document", "004", extended=EXT, **STYLE) for producer in PRODUCERS}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document with every producer that runs here and read it."""
    return print_and_read(SPECS, tmp_path_factory.mktemp("note-set-apart-at-table-end"))


@pytest.mark.parametrize("producer", case_params(SPECS, KNOWN))
def test_a_note_set_apart_under_the_last_row_is_no_row(producer: str, read: dict) -> None:
    """The table read for the task budget ends with its printed last row ("I alt"); the note is none of its rows."""
    if producer not in read:
        pytest.skip(f"producer {producer} unavailable here")
    doc, _, tables = read[producer]  # (Chromium splits a long remark over the page break: the self-check's
    # problem, not this test's subject)
    printed = next(t for t in doc.tables if t.gold.file == BUDGET)
    labels = {norm(row[1]) for row in printed.rows}
    table = max(tables, key=lambda t: sum(norm(c.text) in labels for r in t.rows for c in r.cells if c))
    texts = [[norm(c.text) for c in r.cells if c] for r in table.rows]
    assert not [r for r in texts if any(c.startswith("Anm.") for c in r)], "the note was read as a row"
    assert norm(printed.rows[-1][1]) in texts[-1], f"the last row read is not the printed last row: {texts[-1]}"
