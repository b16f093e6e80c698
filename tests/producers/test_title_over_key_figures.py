"""A plain title set clearly larger than a table's text, set apart under it at the page's margin, over a table of
key figures whose first line holds an amount ("Oversigt" / "Besparelse i dage pr. ryger, der stopper | 2,2 dage om
året"), under SU6's "Tabel 1" in the proposal catalogue (doc-001) as fresh tune seed lo14-s8501 prints it with fpdf2:
no rules, 7 pt cells, the cells' text starting a little left of the margin (so the title does not start left of
every line of the table, the usual sign of a title at the margin).

The key figures were read as more rows of Tabel 1, their right-aligned texts spanning its last two year columns,
which merged into one ("-4.800 -5.600"): 8 of Tabel 1's 26 amounts and the key-figure table were lost. A lone line
set apart under a table, clearly larger than the table's text (`regions._set_larger`), titles another table also
when the line under it holds amounts (`regions._opens_next_table`).

The same under the table's note: fresh tune seed prop15-s8739 prints the catalogue with ReportLab (s508739, extended
styles: a "Kilde: ..." line under each table, no rules, Tabel 1 shrunk to 6.5 pt) with the note in 8.5 pt and
"Oversigt" in 9.5 pt over the key figures in 8 pt. A lone title only was looked at, so "Kilde" / "Oversigt" and the
key figures were again read as rows of Tabel 1, whose columns 2028 and 2029 merged (proposal_economics lost SU6's
eight rows of those years). A title set clearly larger than the table's text also titles the next table under other
lines of one run of words without an amount (the note).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

CASES = {"fpdf2-catalogue": make_spec(508509, "fpdf2", "document", "001"),
         "reportlab-noted-catalogue": make_spec(508739, "reportlab", "document", "001", extended=True)}
TABLES = ["33_su6-tabel1-samlede-oekonomiske-konsekvenser.csv", "34_su6-noegletal-faerre-sygefravaersdage.csv"]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("key-figures")))


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("name", TABLES)
def test_key_figures_apart_from_table_above(case: str, name: str, read: dict) -> None:
    if reason := missing_reason(CASES[case].style.producer):
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    pt = next(t for t in spec.tables if t.gold.file == name)
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
