"""Rows set as tight as the wrapped lines of one cell, values set at the top of their row (LibreOffice, a box
around the table and no rules between its rows; tune seed 1618, libreoffice-doc-003): the two payback rows of a
Tabel 1, each label wrapped over two lines, the second printing no value ("Tilbagebetalingstid baseret på" /
"Serviceeffektivisering | 28", "Tilbagebetalingstid baseret på" / "Totaløkonomi"). Nothing in the spacing parts
them; the second label opens with the same words as the first, which a wrapped label never does, so it is a row
of its own (it was read into the first: the service payback was published as the total one). Drawn at test time."""
from __future__ import annotations

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, set_rows, write_pdf

LEFT = 57.0
EDGES = [LEFT, LEFT + 130, LEFT + 190, LEFT + 250, LEFT + 310]
HEADER = ["1.000 kr. 2024 p/l", "2024", "2025", "2026"]
ROWS = [
    [["Samlede", "implementeringsomkostninger"], "13.650", "27.300", "27.300"],
    [["Samlet økonomisk", "påvirkning"], "13.650", "-700", "-1.400"],
    [["Tilbagebetalingstid baseret på", "Serviceeffektivisering"], "28", "", ""],
    [["Tilbagebetalingstid baseret på", "Totaløkonomi"], "", "", ""],
]


def test_a_label_opening_like_the_label_above_is_a_row_of_its_own(tmp_path):
    sheet = Sheet()
    sheet.text(LEFT, 80, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=10)
    rows = set_rows(sheet, EDGES, [HEADER, *ROWS], 92, bold_rows=frozenset({0}), numeric_from=1, pad=0.5)
    box = (rows[0].top, rows[-1].bottom)
    sheet.hline(EDGES[0], EDGES[-1], box[0])
    sheet.hline(EDGES[0], EDGES[-1], box[1])
    sheet.vline(EDGES[0], *box)
    sheet.vline(EDGES[-1], *box)
    sheet.text(LEFT, box[1] + 30, "Forvaltningen har vurderet forslagets konsekvenser for borgerne.", size=10)
    (table,) = extract_tables(write_pdf([sheet], tmp_path / "payback.pdf"))
    got = [[c.text if c else "" for c in r.cells] for r in table.rows]
    assert got == [[" ".join(r[0]), *r[1:]] for r in ROWS]
