"""Tables stacked down a page under rules of one width, parted only by a source line in small type, a paragraph of
running text and a title set bold but no larger than the cells (`spec.ExtStyle.note_line`, `generate
--extended-styles`).

Tune seed 5353 with the extended styles diagnosed (reportlab-doc-001, ReportLab, rules under the header and above
the totals only, cells padded 6 pt so that the rows are further apart than the lines between the tables): the
investment table of SU6, "Kilde: ...", a paragraph, the title "Oversigt" and the key-figure table under it were one
stack of rules, read as one table; its columns were those of both, and neither table was read (11 amounts, 3 text
cells lost). The fix (`regions._prose_between_rows`): running text across the stack, under lines of cells and
above more lines, in a band whose next band holds lines of cells, parts the stack there.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

SEED, PRODUCER, SOURCE = 505353, "reportlab", "001"  # gx5353's reportlab-doc-001, as generated
PARTED = ("36_su6-investering-i-implementering-af-roegfri-arbejdstid.csv", "37_su6-rygestopkurser-i-arbejdstiden.csv")


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the whole proposal catalogue in the drawn extended style and read it."""
    return print_and_read({"doc": make_spec(SEED, PRODUCER, "document", SOURCE, extended=True)},
                          tmp_path_factory.mktemp("notes-between"))


@pytest.mark.parametrize("name", PARTED)
def test_tables_parted_by_a_note_and_running_text(name: str, document: dict) -> None:
    """Each of the two tables is read alone, with its printed rows."""
    if missing_reason(PRODUCER):
        pytest.skip(f"producer {PRODUCER} unavailable")
    spec, made, tables = document["doc"]
    assert spec.ext is not None and spec.ext.note_line != "none", "the spec prints no note lines"
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = next(t for t in spec.tables if t.gold.file.endswith(name))
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
