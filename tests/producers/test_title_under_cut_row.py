"""The last row of a table cut off by a page break, atop the next page, over a plain title and another table: fresh
tune seed prop15-s8739 prints the proposal catalogue with fpdf2 (s508760, landscape, 10 pt cells, rules under the
header only). SU6's "Tabel 1" ends on page 16 with its first payback row; its last row "Tilbagebetalingstid baseret
på Totaløkonomi | 3 år" opens page 17, then the title "Oversigt" (9.5 pt) and the key figures ("Besparelse i dage
pr. ryger, der stopper | 2,2 dage om året").

With one line of a table so far nothing was taken as a title (no spacing of rows to be set apart from), so the
row, "Oversigt" and the key figures were one region: the row was read as "Tilbagebetalingstid baseret på
Totaløkonomi 3 år Oversigt" in the label column, and proposals lost SU6's payback_total_years. A lone title at the
margin in another size than the row and the line under it, whose cells are set nowhere the row's are, titles
another table under a row that holds an amount (`regions._titles_after_lone_row`); the row goes on Tabel 1.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

CASES = {"fpdf2-catalogue": make_spec(508760, "fpdf2", "document", "001", extended=True)}
TABLE = "33_su6-tabel1-samlede-oekonomiske-konsekvenser.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("title-under-cut-row")))


@pytest.mark.parametrize("case", list(CASES))
def test_row_cut_atop_page_goes_on_its_table_not_the_titled_one(case: str, read: dict) -> None:
    """SU6's Tabel 1 is read with every printed row, its last one from the next page too."""
    if reason := missing_reason(CASES[case].style.producer):
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    pt = next(t for t in spec.tables if t.gold.file == TABLE)
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
