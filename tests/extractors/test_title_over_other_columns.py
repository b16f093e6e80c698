"""A table under a plain title right after another table, both unruled but for the rule under each header, all
text in one face (fpdf2 whole documents, tune seed 1618's doc-002: the BIU list of initiatives, then "Erfaringsudvikling
mellem kommuner om investeringstankegang" over the casesamling list "Område | Kommune"). The test draws a small PDF
with ReportLab's canvas the way fpdf2 prints them and fails without its fix.

The title is set a size larger than the cells, flush with them (not left of their padding), and the rows of the
table above are set further apart than the title is below them (tall rows of wrapped descriptions), so neither a
title at the margin nor a gap parts the tables. What does: a line in another size over a header whose cells start
and end nowhere the table's do (another table's columns). The last lines of the description above the title stay
the last row's; the title is no row of either table.
"""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 58.5
SIZE = 8.0
PITCH = 10.0  # the lines of one wrapped cell
ROW_GAP = 22.0  # the space between two rows of the first table (more than the title is set below it)
LIST_PITCH = 13.0
YEAR_ENDS = [268.0, 296.0, 324.0]  # where each year's column ends (figures set right)
DESC_X = 355.0
FIRST_HEADER = ["Initiativ og aktivitetsområde", "2020", "2021", "2022", "Beskrivelse"]
FIRST_ROWS = [
    (["Centrale repatrieringskoordinator og", "styrket rådgivning i kommuner"], ["5,0", "5,0", "5,0"],
     ["I satspuljeaftalen for 2018 blev der afsat en", "reserve på i alt 5,0 mio. kr. årligt til",
      "repatriering. Forvaltningens vurdering:", "Indgår allerede i den eksisterende praksis."]),
    (["Partnerskab mod negativ social kontrol"], ["5,0", "-", "-"],
     ["Aftalepartierne er enige om at afsætte", "yderligere 5,0 mio. kr. i 2019 til initiativet.",
      "Forvaltningens vurdering: Et mere detaljeret", "udspil afventer. Forvaltningen kan derfor",
      "endnu ikke vurdere indholdet."]),
]
TITLE = "Erfaringsudvikling mellem kommuner om investeringstankegang"
LIST_HEADER = ["Område", "Kommune"]
LIST_X = LEFT + 75.0
LIST_ROWS = [["Aktivitetsparate", "Brønderslev"], ["", "Esbjerg/Fanø"], ["", "Hillerød"], ["Fleksjob", "Varde"],
             ["Forsikrede ledige", "Esbjerg"], ["", "Gladsaxe"]]


def _rows(table) -> list[list[str]]:
    """A table's rows as texts."""
    return [[c.text if c else "" for c in r.cells] for r in table.rows]


def _pdf(path: Path) -> Path:
    """The initiatives table (header ruled under), its last row's description wrapped over five lines, then the
    title 1.5 pt larger than the cells and 1.3 pt right of their start, and the list under its own ruled header."""
    sheet = Sheet()
    y = 70.0
    sheet.text(LEFT, y, FIRST_HEADER[0], size=SIZE)
    for x1, year in zip(YEAR_ENDS, FIRST_HEADER[1:4], strict=True):
        sheet.text_right(x1, y, year, size=SIZE)
    sheet.text(DESC_X, y, FIRST_HEADER[4], size=SIZE)
    sheet.hline(LEFT - 1.5, 538.0, y + 3.5)
    y += 16.0
    for labels, values, desc in FIRST_ROWS:
        for j, text in enumerate(labels):
            sheet.text(LEFT, y + j * PITCH, text, size=SIZE)
        for x1, value in zip(YEAR_ENDS, values, strict=True):
            sheet.text_right(x1, y, value, size=SIZE)
        for j, text in enumerate(desc):
            sheet.text(DESC_X, y + j * PITCH, text, size=SIZE)
        y += (max(len(labels), len(desc)) - 1) * PITCH + ROW_GAP
    y += 2.0  # the title: 21.5 pt under the description's last line, 3.5 pt over the header
    sheet.text(LEFT + 1.3, y, TITLE, size=SIZE + 1.5)
    y += 13.0
    sheet.text(LEFT, y, LIST_HEADER[0], size=SIZE)
    sheet.text(LIST_X, y, LIST_HEADER[1], size=SIZE)
    sheet.hline(LEFT - 1.5, LIST_X + width("Forsikrede ledige", size=SIZE) + 40, y + 3.5)
    for row in LIST_ROWS:
        y += LIST_PITCH
        if row[0]:
            sheet.text(LEFT, y, row[0], size=SIZE)
        sheet.text(LIST_X, y, row[1], size=SIZE)
    return write_pdf([sheet], path)


def test_a_title_in_another_size_over_other_columns_parts_the_tables(tmp_path):
    """Two tables: the initiatives with both rows whole, and the list under its own header, without the title."""
    tables = [t for t in extract_tables(_pdf(tmp_path / "titled.pdf")) if t.rows]
    assert [t.columns for t in tables] == [FIRST_HEADER, LIST_HEADER]
    want = [[" ".join(labels), *values, " ".join(desc)] for labels, values, desc in FIRST_ROWS]
    assert _rows(tables[0]) == want
    assert _rows(tables[1]) == LIST_ROWS
