"""A column head set so close to the head after it that the two read as one run of words ("Styringsområde 2024"
in a monospaced face, the year head 5 pt after it: less than a word space there), over a text column set flush
left ("Service", a payback "6") and a sparse year column whose amounts end flush under the year head (WeasyPrint,
extended tune seed 5353, a Tabel 1 continued on a landscape page). The two are columns of their own: the value
lines leave a gutter between them that no word crosses but the gap between the two heads, the text column's cells
start flush on its left, the amounts end flush on its right. Drawn at test time."""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 57.0
SIZE = 9.0
LABEL_HEAD = "1.000 kr. 2025 p/l"
AREA = 330.0  # where the "Styringsområde" column starts
HEAD_GAP = 5.0  # between "Styringsområde" and "2024": under the segment gap (0.7 x 9 pt)
FIRST_END = AREA + width("Styringsområde", True, SIZE) + HEAD_GAP + width("2024", True, SIZE)
YEAR_ENDS = [FIRST_END, FIRST_END + 45, FIRST_END + 90]
ROWS = [["Kompetenceudvikling", "Service", "", "500", "500"],
        ["Udviklings- og implementeringsunderstøttelse", "Service", "325", "650", "650"],
        ["Samlede implementeringsomkostninger", "", "325", "6.250", "6.250"],
        ["Samlet økonomisk påvirkning", "", "325", "4.760", "1.785"],
        ["Tilbagebetalingstid baseret på serviceeffektivisering", "6", "", "", ""],
        ["Tilbagebetalingstid baseret på totaløkonomi", "6", "", "", ""]]


def _pdf(path: Path) -> Path:
    """The table under a caption and over running text: bold heads, rows 15 pt apart, no rules."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=10)
    sheet.text(LEFT, 105, LABEL_HEAD, bold=True, size=SIZE)
    sheet.text(AREA, 105, "Styringsområde", bold=True, size=SIZE)
    for end, year in zip(YEAR_ENDS, ("2024", "2025", "2026"), strict=True):
        sheet.text_right(end, 105, year, bold=True, size=SIZE)
    for k, row in enumerate(ROWS):
        baseline = 122 + 15 * k
        sheet.text(LEFT, baseline, row[0], size=SIZE)
        if row[1]:
            sheet.text(AREA, baseline, row[1], size=SIZE)
        for end, value in zip(YEAR_ENDS, row[2:], strict=True):
            if value:
                sheet.text_right(end, baseline, value, size=SIZE)
    sheet.text(LEFT, 240, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser for "
                          "borgerne.", size=10)
    return write_pdf([sheet], path)


def test_a_head_run_into_the_next_head_parts_at_the_gutter_its_columns_leave(tmp_path):
    (table,) = extract_tables(_pdf(tmp_path / "head-run.pdf"))
    assert table.columns == [LABEL_HEAD, "Styringsområde", "2024", "2025", "2026"]
    assert [[c.text if c else "" for c in r.cells] for r in table.rows] == ROWS
