"""Regression tests for label lines that do or do not go on from the label above them: a ruled table whose row
labels wrap onto a line opening with a bracketed tag ("[BUF]"), the row's values set on that last line (tune seed
791, libreoffice-doc-003: LibreOffice sets a row's cells to its foot; "Besparelse på dagbehandlingspuljen via
kortere dagbehandlingsforløb" / "[BUF] -1.222 -1.692" was read as two rows, the label alone and the tag with the
values), and a section row in capitals set as tight under a long label as a wrapped line (tune seed 792,
libreoffice-doc-001: "INNOVATIONSFORSLAG" joined to the label of the catalogue's row above). The PDFs are drawn with
ReportLab's canvas."""
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


CATALOGUE_EDGES = [LEFT, LEFT + 330, LEFT + 390, LEFT + 450]
CATALOGUE = [["INVESTERINGSFORSLAG", "", ""],
             ["SU5. Kontinuerlig gennemgang af stomiprodukter", "-1.940", "-2.600"],
             ["SU6. Indførelse af røgfri arbejdstid i Sundheds- og Omsorgsforvaltningen", "-9.800", "-18.600"],
             ["INNOVATIONSFORSLAG", "", ""],
             ["SU7. Kunstig intelligens til beslutningsstøtte", "", ""],
             ["EFFEKTIVISERINGSFORSLAG", "", ""],
             ["SU8. Omorganisering af Uddannelse og Arbejdsmiljø", "-1.400", "-1.400"],
             [["SU9. Tilpasning af kapacitetsniveauet i hjemmeplejen og i plejeboligerne", "FORTROLIGT"], "-14.800",
              "-14.800"],
             [["SU11. Lokal forankring af afstigmatiseringskampagnen i kommunerne EN AF", "OS"], "-", "1.000"],
             ["Effektiviseringskatalog i alt", "-43.250", "-67.140"]]


def _catalogue_pdf(path: Path) -> Path:
    """A catalogue overview without rules, its rows set as tight as a wrapped label's lines, the widest label right
    over a section row in capitals; a later label wraps a marker in capitals onto a second line ("FORTROLIGT", set
    at the label's line spacing), and the last label breaks a name in capitals over two lines set as far apart as
    the rows ("EN AF" / "OS")."""
    sheet = Sheet()
    sheet.text(LEFT, 100, "Oversigt", bold=True, size=11.0)
    drawn = set_rows(sheet, CATALOGUE_EDGES, [["Effektiviseringskatalog 2027", "2027", "2028"], *CATALOGUE[:-2]],
                     110, bold_rows=frozenset({0}), numeric_from=1, pad=1.3, lead=10.5)
    # a name in capitals broken over two lines set as far apart as the rows
    set_rows(sheet, CATALOGUE_EDGES, CATALOGUE[-2:], drawn[-1].bottom, numeric_from=1, pad=1.3, lead=12.6)
    sheet.text(LEFT, 290, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser for "
               "borgerne.", size=10.0)
    return write_pdf([sheet], path)


def test_a_section_row_in_capitals_is_no_line_of_the_label_above(tmp_path):
    """A line in capitals under a label in mixed case, set as far below it as the rows are set apart, is a section
    row of its own, however little room the label's line leaves after it; one set at the label's line spacing
    under it is a line of that label, and so is one under a label line ending in capitals (a name broken)."""
    tables = extract_tables(_catalogue_pdf(tmp_path / "catalogue.pdf"))
    assert len(tables) == 1
    assert [[c.text if c else "" for c in r.cells] for r in tables[0].rows] == [
        [" ".join(c) if isinstance(c, list) else c for c in row] for row in CATALOGUE]
