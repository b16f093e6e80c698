"""Rows set to the bottom of their cells where only a text column beside the label shows it, printed by fpdf2 in the
style of tune seed 8727's fpdf2 document 003 (cells bottom-aligned, padding 0.5 pt, ruled above the totals): BU03's
"Tabel 3. Serviceinvesteringer i forslaget" and HA06's "Tabel 2. Varige ændringer, service", where the label
("Projektsetup En God Start På" / "Livet") and the column "Bevilling, profitcenter" ("3000 – Børnefamilier med
særlige" / "behov") wrap over two lines, the amounts on the last. The label's second line starts with a capital,
so nothing in the label tells that it goes on from the line above.

What used to go wrong: whether rows set their cells to the bottom was read from the labels only
(`wraps._wrapped_at_values`); no label wrapped evidently, so the first line of each row (the label's first line and
"3000 – Børnefamilier med særlige") was read as a row of its own and the next row's first line joined the row above
(8 amounts lost in BU03, 10 in HA06). A text cell of another column going on in lowercase onto the value line tells
the same as a label would.

The same column set in the middle of its rows (Chromium, tune seed 8715's document 003, extended styles: "3000 –" /
"Børnefamilier med" / "særlige behov" beside a one-line label and its amounts on the middle line) must not read as
rows set to the top: the cell goes on into the value line from "3000 –" (a spaced dash ending words is the text's
open end, not a nil) as well as out of it, so it tells neither alignment. Read as set to the top, each row's last
line ("3000 –") was read into the row above (text 0/3 in BU04's and SI05's "Tabel 2").
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_body_as_printed, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 508732  # the tune item (fpdf2 document 003 of seed 8727, extended styles)
PRODUCER = "fpdf2"
TABLES = ("09_bu03_t3-serviceinvesteringer.csv", "52_ha06_t2-varige-aendringer-service.csv")


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "003", extended=True)},
                          tmp_path_factory.mktemp("bottom-aligned-text-column"))


@pytest.mark.parametrize("name", TABLES)
def test_rows_set_to_the_bottom_read_whole(name: str, read: dict) -> None:
    """Each row is read whole: its wrapped label and text cell joined, beside its amounts."""
    printed, table = printed_table_and_read(read, PRODUCER, name)
    assert_body_as_printed(printed.rows, table)


MIDDLE_SEED = 508730  # the tune item (Chromium document 003 of seed 8715, extended styles)
MIDDLE_PRODUCER = "chromium"
MIDDLE_TABLES = ("15_bu04_t2-varige-aendringer-service.csv", "33_si05_t2-varige-aendringer-service.csv")


@pytest.fixture(scope="module")
def read_middle(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document whose text column is set in the middle of its rows and read it."""
    return print_and_read({MIDDLE_PRODUCER: make_spec(MIDDLE_SEED, MIDDLE_PRODUCER, "document", "003", extended=True)},
                          tmp_path_factory.mktemp("middle-aligned-text-column"))


@pytest.mark.parametrize("name", MIDDLE_TABLES)
def test_text_column_set_in_the_middle_reads_whole_rows(name: str, read_middle: dict) -> None:
    """Each row is read with its own three lines of "Bevilling, profitcenter", none of them in the row above."""
    printed, table = printed_table_and_read(read_middle, MIDDLE_PRODUCER, name)
    assert_body_as_printed(printed.rows, table)
