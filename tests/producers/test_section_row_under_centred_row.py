"""A section row in capitals set as tight under a row whose amounts sit in the middle of its two label lines,
printed by LibreOffice in the style of tune seed 8725's LibreOffice document 001 (cells vertically centred, rows as
tight as wrapped lines, ruled above the totals only): the catalogue's "Oversigt", where "INNOVATIONSFORSLAG" comes
right under "SU6. Indførelse af røgfri arbejdstid i" / "−14.700 ..." / "Sundheds- og Omsorgsforvaltningen", and
"EFFEKTIVISERINGSFORSLAG" under SU7, a row without amounts.

What used to go wrong: a label line under a row whose value line has no label of its own goes on with that row
when nothing pads it apart, so both section rows were read into SU6's label ("... Omsorgsforvaltningen
INNOVATIONSFORSLAG EFFEKTIVISERINGSFORSLAG", its four amounts lost under a label no reader prints). A row whose value
line sits in the middle of label lines above and below it is whole: a line more would move that middle.
("FORTROLIGT" under "SU9. Tilpasning af kapacitetsniveau", beside its amounts, is that row's second label line.)
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_table_and_read
from tests.producers.spec import make_spec

SEED = 508730  # the tune item (LibreOffice document 001 of seed 8725, extended styles)
PRODUCER = "libreoffice"
TABLE = "01_oversigt-effektiviseringskatalog-2023.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({PRODUCER: make_spec(SEED, PRODUCER, "document", "001", extended=True)},
                          tmp_path_factory.mktemp("section-row-under-centred-row"))


def test_section_rows_under_a_centred_row_are_rows_of_their_own(read: dict) -> None:
    """The overview is read with its printed rows, each section row on its own."""
    printed, table = printed_table_and_read(read, PRODUCER, TABLE)
    assert_read_as_printed(printed, table)
