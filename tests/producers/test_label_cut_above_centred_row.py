"""A label cut by the page break whose rest opens the next page, under the repeated header, right above a row whose
values are centred on its wrapped label (LibreOffice, rows split, values set to the row's middle).

Tune seed dom13-s8306 with the extended styles diagnosed (libreoffice-doc-003, the proposal "TV06", "Tabel 1"
over pages 20 and 21): page 20 ends with "Tilpasning af driftsoptimerende tiltag på | Service | 2000", the page
break cutting the label; page 21 opens under the repeated header with its rest "udførerområderne (køb af ekstern
rådgivning)", then the next row "Projektledelse og frikøb af ressourcer til at" / "forberede implementeringen og
validere | Service | 2700 | 450" / "tiltagene på de enkelte tilbud". The rest was dealt to that row, because its
value line's label starts in lowercase ("forberede"): that start goes on from the line right above it, not from a
label line above that one which ran into nothing. In rows that set their values to a wrapped label's middle, the
lowercase start takes a label line down only when no label line of its own lies between or the lines from it down
are centred on the value line (`grid._lower_start_beyond`); the rest is a row of its own on the page, which the
stitching joins to the cut row above the break (a label line alone, starting in lowercase).
"""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

SEED, PRODUCER, SOURCE = 508325, "libreoffice", "003"  # dom13-s8306's libreoffice-doc-003, as generated
NAME = "66_tv06_t1-samlede-konsekvenser.csv"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the proposal catalogue in the drawn extended style and read it."""
    return print_and_read({"doc": make_spec(SEED, PRODUCER, "document", SOURCE, extended=True)},
                          tmp_path_factory.mktemp("label-cut"))


def test_label_cut_over_a_centred_row_rejoins_its_row(document: dict) -> None:
    """The economics table reads its printed rows: the cut label whole, the next row's label without it."""
    if missing_reason(PRODUCER):
        pytest.skip(f"producer {PRODUCER} unavailable")
    spec, made, tables = document["doc"]
    assert not [p for p in made.problems if p.startswith(NAME)], f"the PDF does not print its gold: {made.problems}"
    pt = next(t for t in spec.tables if t.gold.file.endswith(NAME))
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
