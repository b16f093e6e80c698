"""A long value table whose rows are padded apart and set their cells bottom-aligned (the satspulje overview of the
committee minutes, doc-002): a wrapped label prints its first lines above the row's values, and the line beside
the values may start with a capital ("Hjælp til stalkingudsatte og" / "stalkere - driftstilskud til Dansk" /
"Stalking Center 16,5 ..."). Printed by WeasyPrint over several pages, header repeated, read by the real
extractor: every printed row must come out whole, in one table.

What used to go wrong: the label lines above such a value line were read as a row of their own (the capital
starts no row when the lines are set as tight as one cell's, under a row's padding; also where a rule above a
total leaves the rows under the header one band, parted by space alone); and on a page where the
code column "DUT" is empty, its head alone made it the label column, so that page's wrapped labels were dealt to
the wrong rows.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import (
    assert_body_as_printed,
    body_texts,
    matching_table,
    norm,
    print_and_read,
    printed_and_read,
)
from tests.producers.spec import make_spec

SOURCE = "002/01_satspulje-2019-tabel1-oekonomioversigt.csv"
STYLE = dict(rules="totals", shading="none", valign="bottom", header_valign="top", font="Liberation Serif",
             size=10.0, pad=4.0, repeat_header=True, split_rows=True, orientation="portrait", label_share=None,
             full_width=False, running=False, scale=1, year_shift=0)
CASES = {"weasyprint-bottom": make_spec(7, "weasyprint", "table", SOURCE, **STYLE),
         # the whole committee-minutes document as tune seed g2718 prints it (this style, drawn from the seed): on
         # a page parted by the rule above a total only, the rows below the header are one band, parted by space
         "weasyprint-document": make_spec(1502740, "weasyprint", "document", "002")}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("bottom-aligned")))


@pytest.mark.parametrize("case", list(CASES))
def test_bottom_aligned_rows_read_whole(case: str, read: dict) -> None:
    if CASES[case].kind == "document":
        spec, _, tables = read[case]
        pt = next(t for t in spec.tables if t.header[:2] == ["Nr.", "DUT"])
        table = matching_table(pt.rows, tables)
    else:
        pt, table = printed_and_read(case, CASES[case].style.producer, read)
    got = body_texts(table)
    # a compound broken at its own hyphen ("peer-" / "projekter") cannot be told from a word hyphenated at the line
    # end: such labels are left out
    want = [[norm(c) for c in row] for row in pt.rows if "-" not in row[2]]
    missing = [r[:4] for r in want if r not in got]
    assert not missing, f"{len(missing)} printed rows not read whole: {missing[:5]}"


def test_label_under_a_taller_cell_read_whole(read: dict) -> None:
    """The grant list of the same document (WeasyPrint, g2718 "Satspuljer 2019 der kan søges"): each row's
    description runs many lines, and its label of three lines ("Flere mennesker med" / "handicap i job – bilag nr."
    / "90 (Beskæftigelse) | 66,6 ...") sits at the row's foot beside the description's last lines, as tight as one
    cell's lines down to the amounts. Its first lines used to be read as a row of their own (no row's padding sets
    them off from the description above them: they are the same row's), taking the description's lines beside them
    along."""
    if "weasyprint-document" not in read:
        pytest.skip("producer weasyprint unavailable")
    spec, _, tables = read["weasyprint-document"]
    pt = next(t for t in spec.tables if t.header[:2] == ["Initiativ og aktivitetsområde", "2019"])
    got = body_texts(matching_table([row[-1:] for row in pt.rows], tables))  # by the descriptions
    want = [[norm(c) for c in row] for row in pt.rows]
    missing = [r[0] for r in want if r not in got]
    assert not missing, f"{len(missing)} printed rows not read whole: {missing[:3]}; read: {got[:3]}"


# the whole catalogue (doc-001) as LibreOffice prints it for tune seed g1618: its overview set with no padding between
# rows (rows as tight as wrapped lines), values on a wrapped label's last line, section rows ("INNOVATIONSFORSLAG")
# and a row without values ("SU7. Kunstig intelligens til" / "beslutningsstøtte") among them, a marker wrapped under
# a label ("SU9. Tilpasning af kapacitetsniveau" / "FORTROLIGT | ..."). What used to go wrong: a section row under a
# value line, set as tight as a wrapped line, joined the row above, and the marker line was read as a row of its own
TIGHT = {"libreoffice-overview": make_spec(1501627, "libreoffice", "document", "001")}


@pytest.fixture(scope="module")
def read_tight(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the tight cases that run here and read them."""
    return print_and_read(TIGHT, Path(tmp_path_factory.mktemp("bottom-aligned-tight")))


@pytest.mark.parametrize("case", list(TIGHT))
def test_tight_bottom_aligned_rows(case: str, read_tight: dict) -> None:
    reason = missing_reason(TIGHT[case].style.producer)
    if reason:
        pytest.skip(f"producer unavailable: {reason}")
    spec, _, tables = read_tight[case]
    pt = spec.tables[0]
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
