"""Rows of tables striped with zebra shading (every second body row shaded, the header and the first row plain).

`test_plain_header_over_the_first_plain_row`: the case index of catalogue 002 (a text table "Område | Kommune",
no rules, zebra shading, a plain header, a monospaced font of 8 pt with little padding; Chromium, holdout seed 6174
diagnosed): the header and the first body row sit together above the first shaded stripe, a whole row's height
apart (as far as every body row from the next, more than a wrapped line's pitch); they were read as one row, a
header of two lines ("Område Aktivitetsparate" / "Kommune Brønderslev"), and none of the 130 rows matched the
printed table.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, norm, print_and_read, printed_and_read
from tests.producers.spec import make_spec

ZEBRA_PLAIN_HEADER = ("chromium", 617402, "002/20_casesamling-erfaringsudvikling-omraade-kommune.csv",
                      dict(rules="none", shading="zebra", font="Liberation Mono", size=8.0, pad=1.5,
                           bold_header=False, valign="top", header_valign="bottom"))


@pytest.fixture(scope="module")
def zebra(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the zebra-striped text table with a plain header and read it."""
    producer, seed, source, style = ZEBRA_PLAIN_HEADER
    return print_and_read({"zebra": make_spec(seed, producer, "table", source, **style)},
                          tmp_path_factory.mktemp("zebra"))


def test_plain_header_over_the_first_plain_row(zebra: dict) -> None:
    """Two lines above the first shaded stripe, set a one-line row's height apart (the height of a shaded row of
    one line), are two rows: the header is the printed header, and the first body row is the printed first row."""
    pt, table = printed_and_read("zebra", ZEBRA_PLAIN_HEADER[0], zebra)
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row: {table.columns}"
    got = [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]
    want = [[norm(c) for c in row] for row in pt.rows]
    assert got[:5] == want[:5], f"first rows differ: {got[:5]} read, {want[:5]} printed"


# A word processor's text tables in zebra stripes, no rules, a plain header set to the top of its cells (LibreOffice,
# tune seed 7373's catalogue 001 diagnosed, here its tables alone in that document's style).
ZEBRA_WORD_PROCESSOR = dict(rules="none", shading="zebra", font="DejaVu Serif", size=8.0, bold_header=False,
                            valign="top", header_valign="top", split_rows=True, pad=4.0, full_width=False,
                            label_share=None, caption_bold=True, caption_gap=False)
ZEBRA_TEXT_CASES = {  # case id: (producer, seed, source, pinned style)
    # the header's label head empty and the first plain row under it as tight as a wrapped head line: the band
    # above the first stripe was read as one row, the header, and the first row lost into it
    "first-row-in-the-header-band": ("libreoffice", 617382, "001/07_su1-hvem-er-hoert-oevrige-parter.csv",
                                     ZEBRA_WORD_PROCESSOR),
    # the same with nils ("–") in the last column: read as a value table, whose header was taken to go on down to
    # the first row ("Ikke relevant" under the head "Ja/Nej/Ikke" / "relevant", after two empty lines)
    "first-row-resumes-a-head-column": ("libreoffice", 617382, "001/32_su5-hvem-er-hoert-oevrige-parter.csv",
                                        ZEBRA_WORD_PROCESSOR),
    # small type (5.5 pt), whose wrapped lines lead almost as wide as a one-line row is tall: every line was read
    # as a row of its own, the wrapped header's lines too
    "small-type-rows": ("libreoffice", 617382, "001/24_su4-opfoelgningsmaal.csv",
                        dict(ZEBRA_WORD_PROCESSOR, size=5.5)),
    # a grant-expiry list in 7 pt under horizontal rules, rows padded by about 1 pt over a wrapped line's pitch
    # (tune seed 792's document 000): the three wrapped lines of a narrow amount column's text cell ("Dækket ved" /
    # "forhandlinger" / "om budget 2025") sat a hair over a row's height less 1 pt apart, and were read as two rows
    "wrapped-cell-in-thin-padding": ("libreoffice", 500796, "000/01_tabel1-bevillinger-som-udloeber-2026.csv",
                                     dict(rules="hrules", shading="zebra", font="Liberation Serif", size=7.0,
                                          bold_header=True, valign="top", header_valign="top", num_align="right",
                                          orientation="rotate90", pad=6.0, full_width=True, label_share=None,
                                          split_rows=True, caption_gap=False)),
    # cells set vertically centred in zebra stripes (tune seed 2323's document 001, "Hvem er hørt?"): the first
    # row's label wraps over two lines and its "Nej" sits between them, so no line holds a label and another cell,
    # and the bold heads stayed one row with that entry; a remark of five lines is centred on "MED-udvalg", its
    # first line in the stripe above the label's line
    "centred-cells-under-bold-heads": ("libreoffice", 502332, "001/41_su6-hvem-er-hoert.csv",
                                       dict(rules="none", shading="zebra", font="Liberation Serif", size=9.0,
                                            bold_header=True, valign="middle", header_valign="top",
                                            num_align="center", split_rows=True, orientation="portrait",
                                            caption_gap=True, caption_bold=True, unit_line=True, label_share=0.3,
                                            rule_width=0.25, pad=1.5, full_width=True)),
}


@pytest.fixture(scope="module")
def zebra_text(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the word processor's zebra-striped text tables and read them."""
    return print_and_read({cid: make_spec(seed, producer, "table", source, **style)
                           for cid, (producer, seed, source, style) in ZEBRA_TEXT_CASES.items()},
                          tmp_path_factory.mktemp("zebra-text"))


@pytest.mark.parametrize("case_id", list(ZEBRA_TEXT_CASES))
def test_zebra_text_tables_read_as_printed(case_id: str, zebra_text: dict) -> None:
    """Header and body are the printed ones: the first plain row above the first stripe is a row of its own, not
    part of the header, and a wrapped cell's lines stay one row."""
    pt, table = printed_and_read(case_id, ZEBRA_TEXT_CASES[case_id][0], zebra_text)
    assert_read_as_printed(pt, table)
