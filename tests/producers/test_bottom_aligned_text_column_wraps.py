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
