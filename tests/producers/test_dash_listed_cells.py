"""Text tables whose cells list items after dashes ("- Nedsættelse af styregruppe - Udarbejdelse af ..."), printed by
WeasyPrint in the style of tune seed 506784's WeasyPrint document 001 (cells padded 0.5 pt, no rules between rows,
cells set to the top, one-line labels): "Tidsplan" sets the row "Projektledelsen" over seven lines and the row
"Hjemmeplejen" under it, whose last cell wraps right after its first dash ("-" / "Terapeuterne indgår mere ...").

What used to go wrong: that lone dash was read as a nil, so the line of "Hjemmeplejen" counted as the table's one value
line (`grid._is_anchor`) and every line above it without a label, the first row's wrapped cells, went into its row:
the first row kept only its first line. A lone dash whose column goes on in words on the next line opens a listed
item (`grid._dash_opens_text`), not a value, when a cell beside it opens its list with the same dash. A nil dash over
the next row's text set to its row's middle stays a nil: FPDF2 in the style of tune seed 506823's document 001
(cells set to the middle) prints "IT-kredsen | Ikke relevant | -" over "| | Møderne har" of the row "Koncern-IT".
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 506784  # the tune item (WeasyPrint document 001 of seed 6767)
PRODUCER = "weasyprint"
TABLES = ["11_su2-tidsplan.csv"]


NIL_SEED, NIL_PRODUCER = 506823, "fpdf2"  # the tune item with a nil dash over the next row's centred text
NIL_TABLE = "48_su7-hvem-er-hoert-oevrige-parter.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "001", extended=True)},
                          tmp_path_factory.mktemp("dash-listed-cells"))


@pytest.fixture(scope="module")
def read_nil(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document with the nil dash and read it."""
    return print_and_read({NIL_PRODUCER: make_spec(NIL_SEED, NIL_PRODUCER, "document", "001", extended=True)},
                          tmp_path_factory.mktemp("dash-nil-over-text"))


@pytest.mark.parametrize("name", TABLES)
def test_lone_dash_opening_a_listed_item_is_no_value(read: dict, name: str) -> None:
    """Each row keeps all the lines of its cells: the dash a cell wraps after opens its item, it is no nil."""
    printed, table = printed_table_and_read(read, PRODUCER, name)
    assert_read_as_printed(printed, table)


def test_nil_dash_over_the_next_rows_text_stays_a_nil(read_nil: dict) -> None:
    """The nil's row ends at its line: the text under it is the next row's, set to that row's middle."""
    printed, table = printed_table_and_read(read_nil, NIL_PRODUCER, NIL_TABLE)
    assert_read_as_printed(printed, table)
