"""Tables stacked down a page, each under the plain title "Oversigt" set in the captions' size, the second headed by
one bold cell in a dark band as wide as the table, the tables' cells starting a little left of the page's text
margin (the bands run wider than the text).

Tune seed 8201 diagnosed (reportlab-doc-001, ReportLab, SU6 "Investering i implementering af røgfri arbejdstid" and
"Rygestopkurser i arbejdstiden"): the title and the banded header under it read as a section row of the first table
(a lone line in a shaded band as wide as the table, a line of cells right under it), so both tables were one; its
columns were those of both (two year columns read as one) and neither table was read (8 amounts, 3 text cells
lost). A title at the margin only counted when it started left of every line of the table. The fix
(`regions._title_over_one_cell_header`): a plain line of one run in another size than the table's text, set
further below the table than its lines are apart and closer to a bold one-cell line in the table's size under it,
titles another table, wherever the table's cells start.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

SEED, PRODUCER, SOURCE = 508220, "reportlab", "001"  # lo13-s8201's reportlab-doc-001, as generated
PARTED = ("36_su6-investering-i-implementering-af-roegfri-arbejdstid.csv", "37_su6-rygestopkurser-i-arbejdstiden.csv")


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the whole proposal catalogue in the drawn style and read it."""
    return print_and_read({"doc": make_spec(SEED, PRODUCER, "document", SOURCE)},
                          tmp_path_factory.mktemp("title-over-band"))


@pytest.mark.parametrize("name", PARTED)
def test_titled_tables_read_apart(name: str, document: dict) -> None:
    """Each of the two tables is read alone, with its printed rows."""
    if missing_reason(PRODUCER):
        pytest.skip(f"producer {PRODUCER} unavailable")
    spec, made, tables = document["doc"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = next(t for t in spec.tables if t.gold.file.endswith(name))
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
