"""A source line ("Kilde: ...") set right under a table whose last row ends in a nil amount ("3,5 -"): the dash is a
value of its own, not a word broken at its hyphen, so the note does not go on with the row's label.

Tune seed gx6767 diagnosed (libreoffice-doc-002, the one-row tables of the elderly-care appendix, cells in 7 pt and
the source line in 8 pt under them): the source line was read as the rest of the row's label ("... (demensbadge)
Kilde: Økonomiforvaltningen, budgetopfølgning."), so three tables' rows matched no printed row (11 amounts, 4 text
cells lost). The fix (`regions._text_ends_open`): a dash printed as a word of its own does not leave a line open.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

SEED = 506781  # gx6767's libreoffice-doc-002, as generated
SOURCES = ("002/08_aeldre-tabel05-demensbadge.csv", "002/14_aeldre-tabel11-administrationsudgifter.csv")
CASES = [(producer, source) for producer in PRODUCERS for source in SOURCES]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print each one-row table with a source line under it, cells in 7 pt, and read it."""
    specs = {f"{p}-{s}": make_spec(SEED, p, "table", s, extended=ExtStyle(note_line="kilde"), size=7.0)
             for p, s in CASES}
    return print_and_read(specs, tmp_path_factory.mktemp("note-under-nil"))


@pytest.mark.parametrize(("producer", "source"), CASES)
def test_note_stays_out_of_the_last_row(producer: str, source: str, read: dict) -> None:
    """The table's one row is read as printed, its label without the source line."""
    if missing_reason(producer):
        pytest.skip(f"producer {producer} unavailable")
    spec, made, tables = read[f"{producer}-{source}"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    assert pt.rows[-1][-1].strip() == "-", "the printed row does not end in a nil amount"
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
