"""A bold title set justified over the full text width, tight above a table (fpdf2's `align="J"`): its words are
spread evenly, and a year or a dash among them ("Satspuljer 2020 der kan søges ... – Beskæftigelses- og") must not
make the line read as a row of cells: the title is no part of the table's header."""
from __future__ import annotations

from pathlib import Path

from extractors.layout import Segment, TextLine, Word
from extractors.regions import is_justified
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_hrules, set_rows, width, write_pdf

LEFT, RIGHT = 57.0, 538.0
TITLE = "Satspuljer 2020 der kan søges af kommunerne – Beskæftigelses- og".split()
EDGES = [LEFT, 200.0, 250.0, 300.0, 350.0, 400.0, RIGHT]
HEADER = ["Initiativ og aktivitetsområde", "2020", "2021", "2022", "2023", "Beskrivelse"]
BODY = [
    ["Flere mennesker med handicap i job", "44,4", "68,8", "67,0", "76,6", "Afsat til 11 initiativer"],
    ["Idræt som vej til inklusion", "20,0", "10,0", "20,0", "20,0", "Støtte til forsøg med idræt"],
    ["Partnerskab mod negativ social kontrol", "10,0", "-", "-", "-", "Et udspil afventer"],
]


def _justified(sheet: Sheet, words: list[str], baseline: float, size: float) -> None:
    """Set words over LEFT..RIGHT with equal gaps, bold, as a justified line."""
    widths = [width(w, True, size) for w in words]
    gap = (RIGHT - LEFT - sum(widths)) / (len(words) - 1)
    x = LEFT
    for w, wd in zip(words, widths, strict=True):
        sheet.text(x, baseline, w, True, size)
        x += wd + gap


def _titled_pdf(path: Path) -> Path:
    sheet = Sheet()
    sheet.text(LEFT, 80.0, "Forvaltningen har udarbejdet nedenstående oversigt over puljerne.", size=9.0)
    _justified(sheet, TITLE, 120.0, 9.5)
    sheet.text(LEFT, 132.0, "Integrationsudvalgets område.", True, 9.5)
    header = set_rows(sheet, EDGES, [HEADER], 136.0, bold_rows=frozenset({0}), numeric_from=1, size=8.0)
    cell_hrules(sheet, [LEFT, RIGHT], header[-1].bottom)
    body = set_rows(sheet, EDGES, [r[:5] + [""] for r in BODY], header[-1].bottom, numeric_from=1, size=8.0)
    for row, cells in zip(body, BODY, strict=True):
        sheet.text(EDGES[5] + 2.0, row.top + 3.0 + 8.0 - 2, cells[5], size=8.0)
    cell_hrules(sheet, [LEFT, RIGHT], body[-1].bottom)
    return write_pdf([sheet], path)


def test_a_justified_title_quoting_a_year_is_no_header_row(tmp_path: Path) -> None:
    tables = extract_tables(_titled_pdf(tmp_path / "justified_title.pdf"))
    assert len(tables) == 1
    table = tables[0]
    assert table.columns == HEADER
    assert [[c.text if c else "" for c in r.cells] for r in table.rows] == BODY


def _line(words: list[tuple[str, float]], size: float = 9.0) -> TextLine:
    """A line of one-word segments at the given x0s, each word 20 pt wide."""
    line = TextLine([Word(t, x0, 100.0, x0 + 20.0, 100.0 + size, size, False) for t, x0 in words])
    line.segments = [Segment([w]) for w in line.words]
    return line


def test_evenly_spaced_values_are_no_justified_prose() -> None:
    """A years header or a row of amounts in equal columns is evenly spaced too, but holds values, not words."""
    years = _line([("Mio.", 60.0), ("2020", 100.0), ("2021", 140.0), ("2022", 180.0), ("2023", 220.0)])
    assert not is_justified(years)
    words = _line([("Satspuljer", 60.0), ("2020", 100.0), ("der", 140.0), ("kan", 180.0), ("søges", 220.0),
                   ("af", 260.0)])
    assert is_justified(words)
