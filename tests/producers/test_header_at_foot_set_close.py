"""A proposal's "Tabel 1" whose header is left at the foot of a page, its body on the next, the heads set close
("Styringsområde" and the year "2024" right-aligned over its figures, a word space wider apart), printed by
WeasyPrint in the style of tune seed 8604's WeasyPrint document 003 (no rules, padding 1.5 pt): UD13's Tabel 1
("Styringsområde | 2024 | 2025 | ..."), whose 2024 column is empty but for one row on the body's page.

What used to go wrong: the header left at the foot is read into the column bands of the body on the next page
(`grid.adopt_header`); the band between "Styringsområde" and "2024" was drawn at the middle of the gutter between
the texts of the two columns ("Service" and "360"), which cuts the word "Styringsområde", so "Styringsområde 2024"
went whole into the first of them and the 2024 column had no head: its amounts were no year's (tune seed 8604:
proposal_economics 3217/3220). A boundary that cuts a head's word moves to the widest part of that gutter no head
word crosses.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import matching_table, norm, print_and_read
from tests.producers.spec import make_spec

SEED = 508606  # the tune item (WeasyPrint document 003 of seed 8604)
STYLE = dict(rules="none", shading="none", font="Liberation Sans", size=8.0, bold_header=True, valign="middle",
             header_valign="top", num_align="right", repeat_header=False, split_rows=True, orientation="portrait",
             minus="\u2212", nil="-", caption_gap=True, caption_bold=True, unit_line=False, label_share=None,
             rule_width=0.75, pad=1.5, year_shift=2, scale=1, running=False, full_width=False, prose_numbers=False)
TABLE = "38_ud13_t1-samlede-konsekvenser.csv"
PRODUCER = "weasyprint"  # (the page break that leaves the header at the foot is this producer's)


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "003", **STYLE)},
                          tmp_path_factory.mktemp("header-at-foot-set-close"))


def test_heads_set_close_at_the_foot_head_their_own_columns(read: dict) -> None:
    """The table's heads after the label column's are the printed ones, "Styringsområde" and "2024" apart."""
    if PRODUCER not in read:
        pytest.skip(f"producer {PRODUCER} unavailable here")
    doc, made, tables = read[PRODUCER]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in doc.tables if t.gold.file == TABLE)
    table = matching_table(printed.rows, [t for t in tables if "Styringsområde" in " ".join(t.columns)])
    assert table is not None, "no table read"
    assert [norm(c) for c in table.columns[1:]] == [norm(h) for h in printed.header[1:]], table.columns
