"""Labels that open with a code, set in a monospaced font: "1  § 10.11.22.10. Ankestyrelsen  10,5".

What went wrong (tune seed dom13-s8303, catalogue 002 printed by Chromium in Liberation Mono): the satspulje "Tabel 3
Omprioritering af opsparing" printed its caption, header and first three rows at the foot of a page, the rest on
the next pages. Those three rows' labels are a code and one word ("§ 15.11.30.50. Satspuljeinitiativer"). A
monospaced font's word space is 0.6 of the size, wider than the gap that parts an amount from a capitalised word
after it; a line is parted at that gap only where it is also wider than the word space the line shows between two
words of text, and these lines show none (every space touches a number: "10.11.22.10." reads as one). Each of them
was parted after its code, the lines' parts lined up (a monospaced font sets codes of one length to one width),
and the header ("Omprioritering | af opsparing") and rows were read in four columns: the piece stitched onto the
next pages lost its header and all 127 numbers of the table were unmatched. A line that shows no word space of its
own takes the one the page's lines of its size show (`layout.page_word_spaces`).

Here that table with only its rows whose label is a code and one word (the layout of the page foot), printed in
Liberation Mono by every producer of the generator, is read as printed: three columns, the code and its word one
cell.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.producers.reading import assert_read_as_printed, case_params, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, DocSpec, PTable, make_spec

SOURCE = "002/03_satspulje-2019-tabel3-omprioritering-opsparing.csv"
SEED = 508321  # the tune item that showed the split (its style)
STYLE = dict(rules="header", shading="bands", font="Liberation Mono", size=8.0, num_align="right", repeat_header=True,
             split_rows=False, orientation="portrait", caption_gap=True, unit_line=False, label_share=0.5, pad=4.0,
             scale=7, full_width=True)
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


def _code_and_word(label: str) -> bool:
    """Given a label, return whether it is a code and one word ("§ 15.16.01.20. Efteruddannelse")."""
    words = label.split()
    return len(words) == 3 and words[0] == "§"


def _spec(producer: str) -> DocSpec:
    """Given a producer, return the table printed with only its rows labelled by a code and one word."""
    spec = make_spec(SEED, producer, "table", SOURCE, **STYLE)
    pt = spec.tables[0]
    rows = [r for r in pt.gold.rows if _code_and_word(r[pt.label_col])]
    table = replace(pt, gold=replace(pt.gold, rows=rows), group_rows=set(), total_rows=set())
    return replace(spec, id=f"{producer}-mono-codes-s{SEED}",
                   blocks=[table if isinstance(b, PTable) else b for b in spec.blocks])


CASES = {p: _spec(p) for p in PRODUCERS}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("monospaced-codes"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_code_and_one_word_label_one_cell(case: str, read: dict) -> None:
    """Each label, a code and one word, is one cell under its printed head."""
    pt, table = printed_and_read(case, case, read)
    assert_read_as_printed(pt, table)
