"""Tables at a page break that are not one table going on, and one that is (fpdf2 whole documents, tune seed 9001's
doc-003). Each test draws a small two-page PDF with ReportLab's canvas the way fpdf2 prints those tables and fails
without its fix:

- a numbered caption ending a page ("Tabel 3. Serviceinvesteringer i forslaget"), its table opening the next page
  under the same header as the table above the caption: the caption names the table on the next page, which is a
  table of its own (it was read as the rest of the table above, its caption lost).
"""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_hrules, set_rows, write_pdf

LEFT = 57.0
EDGES = [LEFT, LEFT + 230, LEFT + 330, LEFT + 390, LEFT + 450, LEFT + 510]
HEADER = ["1.000 kr. 2024 p/l", "Bevilling", "2024", "2025", "2026"]
VARIGE = [["Besparelse på dagbehandlingspuljen", "3000 - Børn", "", "-2.756", "-3.816"],
          ["Driftsudgift til en udslusningskoordinator", "3000 - Børn", "", "800", "800"],
          ["Rammereduktion af selvejende institutioner", "3000 - Børn", "", "-100", "-140"],
          ["Varige ændringer totalt, service", "", "", "-2.056", "-3.156"]]
INVEST = [["Udvikling og implementering af brobygning", "", "6.000", "15.000", "3.000"],
          ["Investeringer totalt, service", "", "6.000", "15.000", "3.000"]]
PROSE = ("Forslaget er udarbejdet i samarbejde med de berørte centre og er drøftet i forvaltningens ledelse.",
         "Der er tale om et skøn, som vil blive kvalificeret i forbindelse med implementeringen.")


def _rows(table) -> list[list[str]]:
    """A table's rows as texts."""
    return [[c.text if c else "" for c in r.cells] for r in table.rows]


def _ruled_table(sheet: Sheet, top: float, rows: list[list[str]], header: list[str] | None) -> float:
    """Set a table (header and rows) from `top` in rules over and under every row; return its bottom."""
    drawn = set_rows(sheet, EDGES, ([header] if header else []) + rows, top,
                     bold_rows=frozenset({0}) if header else frozenset())
    for y in [drawn[0].top] + [r.bottom for r in drawn]:
        cell_hrules(sheet, EDGES, y)
    return drawn[-1].bottom


def _foot_caption_pdf(path: Path) -> Path:
    """Page 1: 'Tabel 2' and its table ending low on the page, a paragraph, and 'Tabel 3. ...' as the page's last
    line; page 2: Tabel 3's table at the top under the same header, then a paragraph."""
    first, second = Sheet(), Sheet()
    y = 520.0
    first.text(LEFT, y, "Tabel 2. Varige ændringer, service", size=9)
    y = _ruled_table(first, y + 6, VARIGE, HEADER)
    for k, line in enumerate(PROSE):
        first.text(LEFT, y + 24 + 12 * k, line, size=9)
    first.text(LEFT, y + 70, "Tabel 3. Serviceinvesteringer i forslaget", size=9)
    y = _ruled_table(second, 60.0, INVEST, HEADER)
    second.text(LEFT, y + 24, PROSE[0], size=9)
    return write_pdf([first, second], path)


def test_a_caption_ending_a_page_names_the_table_opening_the_next(tmp_path):
    """Two tables: Tabel 2 with its own rows only, and the table on page 2 under the caption page 1 ends with."""
    tables = [t for t in extract_tables(_foot_caption_pdf(tmp_path / "foot.pdf")) if t.rows]
    assert [(t.caption, t.page, t.last_page) for t in tables] == [
        ("Tabel 2. Varige ændringer, service", 1, 1), ("Tabel 3. Serviceinvesteringer i forslaget", 2, 2)]
    assert _rows(tables[0]) == VARIGE
    assert _rows(tables[1]) == INVEST
