"""Regression test for a ruled table whose row labels wrap onto a line opening with a bracketed tag ("[BUF]"), the
row's values set on that last line (tune seed 791, libreoffice-doc-003: LibreOffice sets a row's cells to its foot;
"Besparelse på dagbehandlingspuljen via kortere dagbehandlingsforløb" / "[BUF] -1.222 -1.692" was read as two
rows, the label alone and the tag with the values). The PDF is drawn with ReportLab's canvas, every cell bordered."""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_borders, set_rows, write_pdf

LEFT = 57.0
EDGES = [LEFT, LEFT + 195, LEFT + 290, LEFT + 340, LEFT + 390]
HEADER = ["1.000 kr. 2022 p/l", "Bevilling", "2023", "2024"]
ROWS = [[["Besparelse på dagbehandlingspuljen via kortere dagbehandlingsforløb", "[SOF]"],
         ["3000 – Børnefamilier med", "særlige behov"], ["", "-1.378"], ["", "-1.908"]],
        [["Besparelse på dagbehandlingspuljen via kortere dagbehandlingsforløb", "[BUF]"], [], ["", "-1.222"],
         ["", "-1.692"]]]


def _bracketed_pdf(path: Path) -> Path:
    """A caption, then the bordered table (the part of it on one page): bold header, two rows whose labels wrap,
    their values on the label's last line."""
    sheet = Sheet()
    sheet.text(LEFT, 100, "Tabel 2. Varige ændringer, service", bold=True, size=9.5)
    drawn = set_rows(sheet, EDGES, [HEADER, *ROWS], 110, bold_rows=frozenset({0}), size=5.5, lead=7.3, pad=1.5)
    cell_borders(sheet, EDGES, drawn)
    sheet.text(LEFT, drawn[-1].bottom + 30, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige "
               "konsekvenser for borgerne.", size=10.0)
    return write_pdf([sheet], path)


def test_a_label_wrapped_onto_a_bracketed_tag_is_one_row(tmp_path):
    """A label line opening with a bracket goes on from the label above it, as one opening with a round bracket or
    in lowercase does: each row is read whole, its label joined and its values on it."""
    tables = extract_tables(_bracketed_pdf(tmp_path / "bracketed.pdf"))
    assert len(tables) == 1
    rows = [[c.text if c else "" for c in r.cells] for r in tables[0].rows]
    assert rows == [["Besparelse på dagbehandlingspuljen via kortere dagbehandlingsforløb [SOF]",
                     "3000 – Børnefamilier med særlige behov", "-1.378", "-1.908"],
                    ["Besparelse på dagbehandlingspuljen via kortere dagbehandlingsforløb [BUF]", "", "-1.222",
                     "-1.692"]]

