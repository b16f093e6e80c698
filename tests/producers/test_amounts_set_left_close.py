"""Amounts set left close after a wrapped label, no rules between the columns, cells padded half a point: the
committee minutes (sample 002) printed whole by Chromium in that style (tune seed 508724: DejaVu Sans 8 pt, amounts
set left, rules under the totals only, the header not repeated), read by the real extractor. The label's longest
lines end a word space and a point before the amounts ("... svagsynede 30,0"), so each such line is one run of
words; the column of amounts is found only where its amounts start flush.

The same list printed whole by WeasyPrint with its amounts set right under the head "I alt" (tune seed 506789,
DejaVu Serif 8 pt, turned pages, no rules) keeps that head whole: amounts set right start flush only where they are
as wide, and ending flush too they are no column set left (nor is "1.690" of "- 1.690", a sign set apart).

What used to go wrong: on a page the header does not open (the list "Omprioritering af opsparing" continued over
pages 5 to 6, the "satspuljer der kan søges" on page 11) no gutter was left free between the labels and the amounts,
the amounts were read into the label cells ("§ 15.74.10.40. Sociale akuttilbud til mennesker med en 38,1 psykisk
lidelse i egen bolig") and the amount column was empty there (`grid._flush_start_separators` counted the starts of
text runs only, not amounts run on from a label).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import body_texts, norm, print_and_read
from tests.producers.spec import ExtStyle, make_spec

SEED = 508724
STYLE = dict(rules="totals", shading="none", font="DejaVu Sans", size=8.0, bold_header=True, valign="top",
             header_valign="top", num_align="left", repeat_header=False, split_rows=True, orientation="portrait",
             minus="\u2013", nil="-", caption_gap=True, caption_bold=False, unit_line=False, label_share=0.5,
             rule_width=0.25, pad=0.5, year_shift=1, scale=3, running=False, full_width=True, prose_numbers=False)
EXT = ExtStyle(head_form="plain", group_head="none", bare_thousands=True, footnotes="none", note_line="anm",
               note_col=False, rule_look="solid", tight=True)
LIST = "03_satspulje-2019-tabel3-omprioritering-opsparing.csv"  # number | label | amount, over three pages
OPEN = "19_biu-satspuljer-der-kan-soeges.csv"  # label | four years of amounts | description, over four pages
AMOUNT_COLUMNS = 5  # the open pools' label and their four years (their descriptions are not under test here)


RIGHT_SEED = 506789
RIGHT_STYLE = dict(rules="none", shading="bands", font="DejaVu Serif", size=8.0, bold_header=True, valign="bottom",
                   header_valign="bottom", num_align="right", repeat_header=False, split_rows=True,
                   orientation="rotate90", minus="\u2212", nil="-", caption_gap=True, caption_bold=True,
                   unit_line=True, label_share=None, rule_width=1.0, pad=4.0, year_shift=2, scale=1, running=True,
                   full_width=True, prose_numbers=True)
RIGHT_EXT = ExtStyle(head_form="plain", group_head="none", bare_thousands=True, footnotes="none", note_line="kilde",
                     note_col=False, rule_look="grey", tight=False)


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the documents whose producer runs here and read them."""
    specs = {"doc": make_spec(SEED, "chromium", "document", "002", extended=EXT, **STYLE),
             "right": make_spec(RIGHT_SEED, "weasyprint", "document", "002", extended=RIGHT_EXT, **RIGHT_STYLE)}
    return print_and_read(specs, tmp_path_factory.mktemp("amounts-set-left-close"))


def _printed_and_read(read: dict, file: str, case: str = "doc") -> tuple[list, list, list, list]:
    """Given the documents read, a gold file and the case, return (its printed rows, the rows of the table read for
    them, that table's header, the printed header), cell texts normalised."""
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    problems = [p for p in made.problems if p.startswith(file) and "broken over lines" not in p]  # (this table's)
    assert problems == [], f"the generated PDF does not print its gold: {problems}"
    printed = [t for t in spec.tables if t.gold.file == file]
    assert printed, "the sample no longer prints this table"
    want = [[norm(c) for c in row] for row in printed[0].rows]
    labels = {tuple(row[:2]) for row in want}  # (the first cells of the lists' rows: number and label, label and
    # first amount; other lists of the sample share numbers and amounts)
    table = max(tables, key=lambda t: sum(tuple(r[:2]) in labels for r in body_texts(t)))
    return want, body_texts(table), [norm(c) for c in table.columns], [norm(h) for h in printed[0].header]


def test_listed_amounts_keep_their_column(read: dict) -> None:
    """Every row of the list (number, label, amount) is read as printed, on the pages without the header too."""
    want, got, _, _ = _printed_and_read(read, LIST)
    assert got == want, f"printed rows not read: {[r for r in want if r not in got][:3]}"


def test_yearly_amounts_keep_their_columns(read: dict) -> None:
    """Every pool's label and its four yearly amounts are read in one row, each amount under its year."""
    want, got, _, _ = _printed_and_read(read, OPEN)
    got_heads = {tuple(r[:AMOUNT_COLUMNS]) for r in got}
    missing = [r[:AMOUNT_COLUMNS] for r in want if tuple(r[:AMOUNT_COLUMNS]) not in got_heads]
    assert not missing, f"labels and amounts not read as printed: {missing}"


def test_right_set_amounts_keep_their_head(read: dict) -> None:
    """Amounts set right under a head of two words ("I alt") are one column under that head, their rows as printed."""
    want, got, head, printed_head = _printed_and_read(read, LIST, "right")
    assert head == printed_head, f"header read: {head}"
    assert got == want, f"printed rows not read: {[r for r in want if r not in got][:3]}"
