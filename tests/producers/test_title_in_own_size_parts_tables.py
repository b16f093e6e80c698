"""A proposal's "Tabel 1" followed by a note ("Anm.: ...") and two key-figure tables, each under the title
"Oversigt", printed by ReportLab in the style of tune seed 8605's ReportLab document 001 (cells padded half a point
and set in 7 pt, the key figures in 8 pt, the titles in 9.5 pt, a rule under each header; the tables' cells start
left of the page's margin, where the titles and the note start): SU6's Tabel 1 and its two "Oversigt".

What used to go wrong: no title starts left of the table's cells there, so nothing parted the tables
(`regions._opens_next_table` looks for titles at the margin left of every line of the table): Tabel 1, the notes
and both key-figure tables were read as one region, whose columns then mixed the tables' gutters ("Styringsområde"
read into the label column, three year columns into one: tune seed 8605, proposal_economics 3201/3220). A waiting
line set apart under a table, one run in another size than both the table's text and the line of cells under it,
and closer to that line than to the line above it, titles another table.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import ExtStyle, make_spec

SEED = 508605  # the tune item (ReportLab document 001 of seed 8605)
STYLE = dict(rules="header", shading="none", font="DejaVu Serif", size=8.0, bold_header=False, valign="bottom",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=True, orientation="portrait",
             minus="\u2212", nil="\u2013", caption_gap=False, caption_bold=False, unit_line=True, label_share=0.4,
             rule_width=0.5, pad=0.5, year_shift=2, scale=1, running=True, full_width=True, prose_numbers=True)
EXT = ExtStyle(bare_thousands=True, note_line="anm", tight=True)
TABLES = ("33_su6-tabel1-samlede-oekonomiske-konsekvenser.csv", "34_su6-noegletal-faerre-sygefravaersdage.csv",
          "35_su6-noegletal-mindre-tid-paa-rygepauser.csv")
PRODUCER = "reportlab"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "001", extended=EXT, **STYLE)},
                          tmp_path_factory.mktemp("title-in-own-size"))


@pytest.mark.parametrize("name", TABLES)
def test_each_table_under_its_title_is_read_apart(name: str, read: dict) -> None:
    """Tabel 1 and each key-figure table under its "Oversigt" are read as printed, each a table of its own."""
    if PRODUCER not in read:
        pytest.skip(f"producer {PRODUCER} unavailable here")
    doc, made, tables = read[PRODUCER]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in doc.tables if t.gold.file == name)
    assert_body_as_printed(printed.rows, matching_table(printed.rows, tables))
