"""A label wrapped over two lines whose first line runs as wide as running text, its row's other cells centred on
the label's lines: "19" and "9,1" on a baseline between "§ 15.74.15.50. Tidlig og målrettet indsats ... herunder"
and "spiseforstyrrelser og selvskadende adfærd".

What went wrong (tune seed dom13-s8305, catalogue 002 printed by fpdf2: no rules, zebra bands, tight cells, the
label column 0.4 of a full-width table): the satspulje "Tabel 3 Omprioritering af opsparing" was cut in two at that
row. The label's first line is one run of words from the label column's start to 90 % of the text width: a line of
running text, which ends a table. It is no running text: the next line's cells ("19", "9,1") are set beside it,
overlapping it in height, each wholly left or right of its words (`regions._label_beside_cells`). The two pieces
were not stitched, the first line of the label was lost, and the scorer matched only the first piece (34 of 127
numbers).

Here that table in that document's style (set smaller and padded wider, so that fpdf2's label column sets one
label's first line that wide and its numbers print as words of their own), printed by every producer, is read as
printed ("§" and "Nr." broken over lines by narrow cells are tolerated).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, case_params, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, make_spec

SOURCE = "002/03_satspulje-2019-tabel3-omprioritering-opsparing.csv"
SEED = 508306  # the tune item that showed the cut (its style)
STYLE = dict(rules="none", shading="zebra", font="Liberation Sans", size=7.5, bold_header=True, valign="middle",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=False, orientation="portrait",
             minus="-", nil="\u2013", caption_gap=True, caption_bold=True, unit_line=False, label_share=0.4,
             rule_width=0.25, pad=1.5, year_shift=1, scale=7, running=True, full_width=True, prose_numbers=True)
CASES = {p: make_spec(SEED, p, "table", SOURCE, **STYLE) for p in PRODUCERS}
KNOWN: dict[str, str] = {}  # known gaps (strict xfail: a fix shows up), with the diagnosis


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("label-line-beside-cells"))


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_wide_label_line_beside_its_row_cells(case: str, read: dict) -> None:
    """The wrapped label whose first line runs as wide as prose is one cell of its row; the table is one table."""
    pt, table = printed_and_read(case, case, read, broken_words=True)
    assert_read_as_printed(pt, table)
