"""Regression tests for tables that a page break cuts the way browsers (WeasyPrint, Chromium) cut them (issue 10):
a page holding nothing but the rows of a table's later columns (tune seed 777, weasyprint-doc-002: a "casesamling"
list whose pages of municipalities alone cut it into three tables; tune seed 783, chromium-doc-002: the same under
a header repeated on each page, such a page read as one row), a row's label moved on to the next page with
its values left behind, the rest of a row's cells opening the next page, a row's first lines left at the foot
under its label moved on (tune seed 781, weasyprint-doc-001), a numbered heading set a little larger than the
cells parting two tables (tune seed 785, chromium-doc-003), and a header left at a page's foot over a body that
leaves a middle column empty (tune seed 785, weasyprint-doc-003). Each test draws a small PDF with ReportLab's
canvas."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_hrules, set_rows, write_pdf

LEFT = 57.0
EDGES = [LEFT, LEFT + 200, LEFT + 420]
HEADER = ["Område", "Kommune"]
TOWNS = ["Brønderslev", "Esbjerg", "Favrskov", "Fredericia", "Frederikshavn", "Furesø", "Gladsaxe", "Greve",
         "Haderslev", "Herning", "Hillerød", "Horsens", "Hvidovre", "Køge", "Langeland", "Lejre", "Morsø",
         "Nordfyn", "Odder", "Odense", "Odsherred", "Rebild", "Silkeborg", "Skive", "Svendborg", "Syddjurs",
         "Thisted", "Tønder", "Varde", "Vejen", "Vordingborg", "Ærø", "Aabenraa", "Aarhus"]
PROSE = ["Kommunerne deler deres erfaringer med investeringer i løbende netværksmøder, og forvaltningen følger",
         "arbejdet og orienterer udvalget om resultaterne, når de foreligger i forbindelse med det kommende budget."]


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


def _set(sheet: Sheet, rows: list[list[str]], top: float, bold_first: bool = False) -> float:
    """Set rows of the two columns from `top` (a rule under each, padded as a browser pads them); return the bottom
    of the last."""
    drawn = set_rows(sheet, EDGES, rows, top, bold_rows=frozenset({0} if bold_first else set()), numeric_from=9,
                     pad=7.5)
    for r in drawn:
        cell_hrules(sheet, EDGES, r.bottom)
    return drawn[-1].bottom


def _column_page_pdf(path: Path) -> tuple[Path, list[list[str]]]:
    """A captioned list of two columns fills page 1 to its foot; page 2 holds only "Kommune" cells (the rows under
    the label "Kontanthjælp"); page 3 goes on with them, then a new label, then running text."""
    first, second, third = Sheet(), Sheet(), Sheet()
    first.text(LEFT, 400, "Erfaringsudvikling mellem kommuner", bold=True, size=9.5)
    body = [["Aktivitetsparate", "Brønderslev"], ["", "Esbjerg"], ["", "Hillerød"], ["Fleksjob", "Varde 4 og 9"],
            ["Kontanthjælp", "Aabenraa"], ["", "Aarhus"], ["", "Faxe"], ["", "Fredensborg"]]
    bottom = _set(first, [HEADER, *body], 410, bold_first=True)
    assert bottom > 0.7 * first.height
    alone = [["", town] for town in TOWNS[:30]]
    _set(second, alone, 60)
    rest = [["", "Vejen 1 og 9"], ["", "Gladsaxe"], ["Ledighedsydelse", "Favrskov"], ["", "Herning"]]
    bottom = _set(third, rest, 60)
    for k, line in enumerate(PROSE):
        third.text(LEFT, bottom + 30 + 12 * k, line, size=10.0)
    return write_pdf([first, second, third], path), [*body, *alone, *rest]


def test_a_page_of_the_later_columns_only_continues_the_table(tmp_path):
    """A page whose lines all sit in the table's later columns (flush with their text, no label, no amount) opens
    under the table the page break cut: its rows are that table's, and the table goes on on the page after."""
    path, rows = _column_page_pdf(tmp_path / "column_page.pdf")
    tables = extract_tables(path)
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 3)
    assert t.columns == HEADER
    assert _rows(t) == rows


def _set_under_header(sheet: Sheet, rows: list[list[str]], top: float) -> float:
    """Set the bold header and rows of the two columns from `top`, ruled only under the header (padded as a browser
    pads them, no rule between the rows); return the bottom of the last."""
    drawn = set_rows(sheet, EDGES, [HEADER, *rows], top, bold_rows=frozenset({0}), numeric_from=9, pad=7.5)
    cell_hrules(sheet, EDGES, drawn[0].bottom, lw=1.0)
    return drawn[-1].bottom


def test_a_page_of_the_later_columns_under_a_repeated_header_continues_the_table(tmp_path):
    """The same list ruled only under its header, the header repeated atop every page: a page holding, under that
    header, only "Kommune" cells (the rows under a label on the page before) is a page of the table's later
    columns, each line its own row, not one row whose cell joins them all; the page after goes on with them."""
    first, second, third = Sheet(), Sheet(), Sheet()
    first.text(LEFT, 400, "Erfaringsudvikling mellem kommuner", bold=True, size=9.5)
    body = [["Aktivitetsparate", "Brønderslev"], ["", "Esbjerg"], ["", "Hillerød"], ["Fleksjob", "Varde 4 og 9"],
            ["Kontanthjælp", "Aabenraa"], ["", "Aarhus"], ["", "Faxe"], ["", "Fredensborg"]]
    assert _set_under_header(first, body, 410) > 0.7 * first.height
    alone = [["", town] for town in TOWNS[:26]]
    assert _set_under_header(second, alone, 80) > 0.7 * second.height
    rest = [["", "Vejen 1 og 9"], ["", "Gladsaxe"], ["Ledighedsydelse", "Favrskov"], ["", "Herning"]]
    bottom = _set_under_header(third, rest, 80)
    for k, line in enumerate(PROSE):
        third.text(LEFT, bottom + 30 + 12 * k, line, size=10.0)
    tables = extract_tables(write_pdf([first, second, third], tmp_path / "repeated_header.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 3)
    assert t.columns == HEADER
    assert _rows(t) == [*body, *alone, *rest]


# ---- a row's label moved on to the next page, its values left on the page before -------------------------------

ECON_EDGES = [LEFT + 2.5, LEFT + 196, LEFT + 290, LEFT + 320, LEFT + 355, LEFT + 390]
ECON_HEADER = ["1.000 kr. 2025 p/l", "Bevilling", "2024", "2025", "2026"]
ECON_BODY = [["Terapeutfaglige ressourcer til styrkelse af den rehabiliterende hjemmepleje", "Ældre", "", "35.700",
              "35.700"],
             ["Kompetenceudvikling", "Ældre", "", "3.500", "3.500"]]
CUT_LABEL = ["Udviklings- og", "implementeringsunderstøttelse"]
CUT_VALUES = ["", "Ældre", "2.275", "4.550", "4.550"]
ECON_TOTAL = ["Investeringer totalt, Service", "", "2.275", "43.750", "43.750"]


def _label_moved_on_pdf(path: Path) -> Path:
    """Tabel 2 ends page 1 at its foot with a row whose values stayed there while its label, two lines too tall for
    the page, went on to the top of page 2 (a browser cuts a row so, cell by cell); its total row follows, then a
    note in running text."""
    first, second = Sheet(), Sheet()
    for k, line in enumerate(PROSE):
        first.text(LEFT, 560 + 12 * k, line, size=10.0)
    first.text(LEFT, 640, "Tabel 2. Serviceinvesteringer i forslaget", bold=True, size=9.5)
    y = 660.0
    for k, head in enumerate(ECON_HEADER):
        (first.text if k < 2 else first.text_right)(ECON_EDGES[k] if k < 2 else ECON_EDGES[k + 1], y, head,
                                                     bold=True, size=8.0)
    first.hline(ECON_EDGES[0] - 2, ECON_EDGES[-1], y + 4)
    y += 16
    for row, wrap in ((ECON_BODY[0], 57), (ECON_BODY[1], 0)):
        words, line = row[0].split(), ""
        lines: list[str] = []
        for w in words:  # wrap the label to the column (no more than `wrap` characters a line)
            if wrap and line and len(line) + 1 + len(w) > wrap:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}".strip()
        lines.append(line)
        for j, text in enumerate(lines):
            first.text(ECON_EDGES[0], y + 10 * j, text, size=8.0)
        first.text(ECON_EDGES[1], y, row[1], size=8.0)
        for k in range(2, 5):
            if row[k]:
                first.text_right(ECON_EDGES[k + 1], y, row[k], size=8.0)
        y += 10 * len(lines) + 3
    first.text(ECON_EDGES[1], y, CUT_VALUES[1], size=8.0)
    for k in range(2, 5):
        first.text_right(ECON_EDGES[k + 1], y, CUT_VALUES[k], size=8.0)
    assert y > 0.7 * first.height
    top = 70.0
    second.text(ECON_EDGES[0], top, CUT_LABEL[0], size=8.0)
    second.text(ECON_EDGES[0], top + 10, CUT_LABEL[1], size=8.0)
    second.text(ECON_EDGES[0], top + 23, ECON_TOTAL[0], size=8.0)
    for k in range(2, 5):
        second.text_right(ECON_EDGES[k + 1], top + 23, ECON_TOTAL[k], size=8.0)
    for k, line in enumerate(PROSE):
        second.text(LEFT, top + 50 + 12 * k, line, size=10.0)
    second.text(LEFT, 300, "Tabel 3. Varige ændringer, service", bold=True, size=9.5)
    set_rows(second, ECON_EDGES, [ECON_HEADER, ["Reduceret behov for hjemmepleje", "Ældre", "", "-9.800", "-29.400"],
                                  ["Reduceret behov for ordninger", "Ældre", "", "-630", "-1.855"]], 310,
             bold_rows=frozenset({0}), size=8.0)
    return write_pdf([first, second], path)


def test_a_label_moved_on_over_the_page_break_rejoins_its_values(tmp_path):
    """The lines of one label cell opening a page, set apart from the line of cells under them (a total), are not
    that line's caption: they are the label of the row the page break cut, whose values end the page before."""
    tables = extract_tables(_label_moved_on_pdf(tmp_path / "label_moved_on.pdf"))
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == ECON_HEADER
    assert _rows(t) == [*ECON_BODY, [" ".join(CUT_LABEL), *CUT_VALUES[1:]], ECON_TOTAL]


# ---- a text row the page break cut cell by cell ------------------------------------------------------------------

GOAL_EDGES = [LEFT + 2.5, LEFT + 190, LEFT + 330, LEFT + 420]  # where each column's text starts
GOAL_HEADER = [["Opfølgningsmål"], ["Hvordan måles", "opfølgningsmålet?"], ["Hvem er", "ansvarlig for",
                                                                          "opfølgning?"],
               ["Hvornår", "gennemføres", "opfølgningen?"]]
GOAL_COLUMNS = ["Opfølgningsmål", "Hvordan måles opfølgningsmålet?", "Hvem er ansvarlig for opfølgning?",
                "Hvornår gennemføres opfølgningen?"]
PITCH, ROW_GAP = 10.0, 5.0  # a wrapped line's pitch; the padding between two rows adds this much


def _set_cells(sheet: Sheet, cells: list[list[str]], top: float, bold: bool = False) -> float:
    """Set one row's cells, each a list of lines set to the top from `top` (a baseline); return the baseline of
    the row's last line."""
    for k, lines in enumerate(cells):
        for j, text in enumerate(lines):
            sheet.text(GOAL_EDGES[k], top + PITCH * j, text, bold=bold, size=8.0)
    return top + PITCH * (max(len(c) for c in cells) - 1)


def _goal_rows(sheet: Sheet, rows: list[list[list[str]]], y: float) -> float:
    """Set rows under the baseline `y` (rows parted by padding; a section row, its label alone, shaded across the
    table as a browser shades it); return the last baseline."""
    for row in rows:
        y += PITCH + ROW_GAP
        if not any(row[1:]):
            sheet.fill(GOAL_EDGES[0] - 2.5, y - 9, GOAL_EDGES[-1] + 60, y + 4)
        y = _set_cells(sheet, row, y)
    return y


def _goal_table(sheet: Sheet, rows: list[list[list[str]]], top: float) -> float:
    """Set a captioned follow-up table (header ruled off, rows parted by padding) from `top`; return the last
    baseline."""
    sheet.text(LEFT, top, "Opfølgning", bold=True, size=9.5)
    y = _set_cells(sheet, GOAL_HEADER, top + 20, bold=True)
    sheet.hline(GOAL_EDGES[0] - 2.5, GOAL_EDGES[-1] + 60, y + 4)
    return _goal_rows(sheet, rows, y)


def _text(cells: list[list[str]]) -> list[str]:
    """A row's cells as the texts a reader reads."""
    return [" ".join(c) for c in cells]


FIRST_GOAL = [["Milepæle for implementering"], [], [], []]
SECTION_GOAL = [["Realisering af effektiviseringer"], [], [], []]
SECOND_GOAL = [["Ansættelse af terapeuter"], ["Ansættelse af terapeuter"], ["Center for Omsorg"], ["Medio 2022"]]
NEXT_GOAL = [["Ansættelse af 10 terapeuter"], ["2 terapeuter i hver", "hjemmeplejeenhed"], ["SUFs Center for",
                                                                                        "Omsorg"],
             ["Pr. 1. januar 2023"]]
LAST_GOAL = [["Midtvejsstatus på projektet"], ["En status forelægges", "styregruppen"], ["SUFs Center for",
                                                                                     "Evaluering"],
             ["Ultimo 2024"]]


def _rest_of_cells_pdf(path: Path) -> Path:
    """A follow-up table ends page 1 at its foot with a row whose description did not fit: its last two lines open
    page 2, set off by a row's padding from the next row, which goes on with one more row, then running text."""
    first, second = Sheet(), Sheet()
    cut = [["Udviklings- og", "implementeringsunderstøttelse"], ["Styregruppe nedsættes. Der", "udarbejdes"],
           ["SUFs Center for", "Omsorg og", "Rehabilitering"], ["Juli-december", "2022"]]
    y = _goal_table(first, [FIRST_GOAL, SECOND_GOAL, cut], 620)
    assert y > 0.8 * first.height
    rest = [[], ["projektbeskrivelse samt", "stillingsopslag"], [], []]
    y = _goal_rows(second, [NEXT_GOAL, SECTION_GOAL, LAST_GOAL], _set_cells(second, rest, 70))
    for k, line in enumerate(PROSE):
        second.text(LEFT, y + 30 + 12 * k, line, size=10.0)
    return write_pdf([first, second], path)


def test_the_rest_of_a_cut_rows_cells_is_not_the_next_rows_top(tmp_path):
    """Lines with no label opening a page, set off by a row's padding from the first labelled row under them, are
    the rest of the cells of the row the page break cut (they go on from it), not the wrapped top of that row."""
    tables = extract_tables(_rest_of_cells_pdf(tmp_path / "rest_of_cells.pdf"))
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == GOAL_COLUMNS
    assert _rows(t)[2:] == [
        ["Udviklings- og implementeringsunderstøttelse",
         "Styregruppe nedsættes. Der udarbejdes projektbeskrivelse samt stillingsopslag",
         "SUFs Center for Omsorg og Rehabilitering", "Juli-december 2022"],
        _text(NEXT_GOAL), _text(SECTION_GOAL), _text(LAST_GOAL)]


def _label_after_break_pdf(path: Path) -> Path:
    """A follow-up table ends page 1 with a long row, then the first lines of the next row's description and date
    (its label and responsible too tall for the page, moved on whole); page 2 opens with that label, the rest of
    the description and date, and the responsible, then one more row and running text."""
    first, second = Sheet(), Sheet()
    long_row = [["Udskydelse af behov for", "hjemmepleje i 26 uger."],
                ["Via datatræk i omsorgssystemet", "følges der op på, om tiden", "borgerne bliver i et tilbud",
                 "stiger med 26 uger."], ["Center for Omsorg"], ["Årligt fra 2023"]]
    y = _goal_table(first, [FIRST_GOAL, SECOND_GOAL, SECTION_GOAL, long_row], 590)
    y = _set_cells(first, [[], ["Realiseringen af effekten måles", "igennem omkostningen til"], [],
                           ["Årligt fra 2023 til", "færdig"]], y + PITCH + ROW_GAP)
    assert y > 0.8 * first.height
    y = _set_cells(second, [["Udskydelse af behov for", "hjemmepleje for borgere i", "vedligeholdende tilbud."],
                            ["hjemmepleje, for borgere i", "vedligeholdende tilbud."], ["Center for Omsorg"],
                            ["implementering 2025."]], 70)
    y = _goal_rows(second, [SECTION_GOAL, LAST_GOAL], y)
    for k, line in enumerate(PROSE):
        second.text(LEFT, y + 30 + 12 * k, line, size=10.0)
    return write_pdf([first, second], path)


def test_a_rows_first_lines_at_a_page_foot_wait_for_its_label_on_the_next_page(tmp_path):
    """Lines with no label in two columns at a table's foot, set off by a row's padding from the row above, are
    the first lines of a row whose label the page break moved on: they are not the end of the row above, and the
    row on the next page whose cells go on from them is that row."""
    tables = extract_tables(_label_after_break_pdf(tmp_path / "label_after_break.pdf"))
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert _rows(t)[3:] == [
        ["Udskydelse af behov for hjemmepleje i 26 uger.",
         "Via datatræk i omsorgssystemet følges der op på, om tiden borgerne bliver i et tilbud stiger med 26 uger.",
         "Center for Omsorg", "Årligt fra 2023"],
        ["Udskydelse af behov for hjemmepleje for borgere i vedligeholdende tilbud.",
         "Realiseringen af effekten måles igennem omkostningen til hjemmepleje, for borgere i vedligeholdende "
         "tilbud.", "Center for Omsorg", "Årligt fra 2023 til færdig implementering 2025."],
        _text(SECTION_GOAL), _text(LAST_GOAL)]


# ---- a numbered heading set a little larger than the cells -------------------------------------------------------

HEARD_EDGES = [LEFT + 2.5, LEFT + 190, LEFT + 240, LEFT + 400]


def _numbered_headings_pdf(path: Path) -> Path:
    """Two unruled text tables, each under a numbered heading in plain type set 0.4 pt larger than their cells (a
    browser's print scaled the page: 8.4 pt over 8 pt), with no more space between them than between paragraphs."""
    sheet = Sheet()
    y = 80.0
    for title, header, body in (
            ("9. Hvem er hørt?", ["", "Ja/Nej", "Dato for godkendelse"],
             [["Center for Økonomi, Økonomiforvaltningen", "Nej", ""]]),
            ("10. Hvem er hørt?", ["", "Ja/Nej/Ikke relevant", "Dato"],
             [["Ejendomsfaglig vurdering", "Ikke relevant", ""], ["IT-kredsen", "Ikke relevant", ""],
              ["Koncern-IT", "Ikke relevant", ""]])):
        sheet.text(LEFT, y, title, size=8.4)
        y += 19
        for k, text in enumerate(header):
            sheet.text(HEARD_EDGES[k], y, text, bold=True, size=8.0)
        for row in body:
            y += 17
            for k, text in enumerate(row):
                if text:
                    sheet.text(HEARD_EDGES[k], y, text, size=8.0)
        y += 23
    for k, line in enumerate(PROSE):
        sheet.text(LEFT, y + 12 * k, line, size=10.0)
    return write_pdf([sheet], path)


def test_a_numbered_heading_set_a_little_larger_parts_two_tables(tmp_path):
    """A numbered heading ("10. Hvem er hørt?") set larger than the cells by more than a title's slack ends the
    table above it, in plain type too: it is no row of that table."""
    tables = extract_tables(_numbered_headings_pdf(tmp_path / "numbered.pdf"))
    assert [len(t.rows) for t in tables] == [1, 3]
    assert all("Hvem" not in (c.text if c else "") for t in tables for r in t.rows for c in r.cells)


# ---- a header left at a page's foot over a body that leaves a middle column empty -------------------------------

YEAR_EDGES = [LEFT + 2.5, LEFT + 175, LEFT + 290, LEFT + 325, LEFT + 360, LEFT + 395]  # text starts; years end at +35
YEAR_BODY = [["Indtægt ved identifikation af borgere", "3210 – Udsatte Voksne", "", "-1.500", "-2.000"],
             ["Identifikation af borgere på private tilbud", "3210 – Udsatte voksne", "", "-1.500", "-2.000"],
             ["Varige ændringer totalt, service", "", "", "-3.000", "-4.000"]]


def _set_year_cells(sheet: Sheet, edges: list[float], row: list[str], y: float, bold: bool = False) -> None:
    """Set a row's cells on the baseline y: the first two left-aligned at their edges, the years' cells right-aligned
    35 pt past theirs; empty cells are skipped."""
    for k, text in enumerate(row):
        if text:
            (sheet.text(edges[k], y, text, bold=bold) if k < 2 else sheet.text_right(edges[k] + 35, y, text, bold=bold))


def _header_left_at_foot_pdf(path: Path) -> Path:
    """Tabel 2's caption and header (wrapped in two lines) end page 1 at its foot; its body opens page 2 and leaves
    the first year's column empty in every row (the shading of its total row, drawn cell by cell, still shows
    where that column is)."""
    first, second = Sheet(), Sheet()
    for k, line in enumerate(PROSE):
        first.text(LEFT, 700 + 12 * k, line, size=10.0)
    first.text(LEFT, 750, "Tabel 2. Varige ændringer, service", bold=True, size=9.5)
    heads = ["1.000 kr. 2023 p/l", "Bevilling,", "2022", "2023", "2024"]
    _set_year_cells(first, YEAR_EDGES, heads, 766, bold=True)
    first.text(YEAR_EDGES[1], 778, "profitcenter", bold=True)
    y = 72.0
    cells = [YEAR_EDGES[0] - 4, *(x - 4 for x in YEAR_EDGES[1:]), YEAR_EDGES[-1] + 39]
    for row in YEAR_BODY:
        if row is YEAR_BODY[-1]:  # the total row shaded cell by cell, as a browser shades it
            for a, b in zip(cells, cells[1:], strict=False):
                second.fill(a, y - 10, b, y + 4)
        _set_year_cells(second, YEAR_EDGES, row, y)
        y += 18
    for k, line in enumerate(PROSE):
        second.text(LEFT, y + 20 + 12 * k, line, size=10.0)
    return write_pdf([first, second], path)


def test_a_header_left_at_the_foot_heads_a_column_its_body_leaves_empty(tmp_path):
    """The header left at a page's foot heads the body opening the next page also where a header cell falls
    between two of the body's columns (a column every row there leaves empty): the column is put back, empty."""
    tables = extract_tables(_header_left_at_foot_pdf(tmp_path / "empty_column.pdf"))
    t = tables[0]
    assert t.caption == "Tabel 2. Varige ændringer, service"
    assert t.columns == ["1.000 kr. 2023 p/l", "Bevilling, profitcenter", "2022", "2023", "2024"]
    assert _rows(t) == YEAR_BODY


# ---- a header naming its unit and price level left at a page's foot, under a unit line --------------------------

UNIT_EDGES = [LEFT + 2.5, LEFT + 175, LEFT + 290, LEFT + 325, LEFT + 360]  # text starts; years end at +35
UNIT_HEADER = ["(1.000 kr./2024-P/L)", "Styringsområde", "2023", "2024", "2025"]
UNIT_BODY = [["Effektiviseringer på husleje", "Service", "", "-11.802", "-15.738"],
             ["Indretning af lokaler", "Anlæg", "600", "22.455", ""],
             ["Samlet økonomisk påvirkning", "", "600", "10.653", "-15.738"]]


def _unit_header_at_foot_pdf(path: Path) -> Path:
    """Tabel 1's caption, a unit line "(1.000 kr.)" in smaller type and its header, whose first cell states the unit
    with the price level after a slash, end page 1 at its foot; the body opens page 2, then running text."""
    first, second = Sheet(), Sheet()
    for k, line in enumerate(PROSE):
        first.text(LEFT, 720 + 12 * k, line, size=10.0)
    first.text(LEFT, 765, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    first.text(LEFT, 776, "(1.000 kr.)", size=7.5)
    _set_year_cells(first, UNIT_EDGES, UNIT_HEADER, 792, bold=True)
    first.hline(LEFT, UNIT_EDGES[-1] + 40, 782)
    first.hline(LEFT, UNIT_EDGES[-1] + 40, 798)
    y = 72.0
    for row in UNIT_BODY:
        _set_year_cells(second, UNIT_EDGES, row, y)
        y += 18
    for k, line in enumerate(PROSE):
        second.text(LEFT, y + 20 + 12 * k, line, size=10.0)
    return write_pdf([first, second], path)


def test_a_header_stating_its_unit_and_price_level_heads_the_body_on_the_next_page(tmp_path):
    """A header cell "(1.000 kr./2024-P/L)" states a unit, not an amount: the header left at the page's foot heads
    the body on the next page; the unit line above it ends the header (it goes with the caption)."""
    tables = extract_tables(_unit_header_at_foot_pdf(tmp_path / "unit_header.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.caption.startswith("Tabel 1. Forslagets samlede økonomiske konsekvenser")
    assert t.columns == UNIT_HEADER
    assert _rows(t) == UNIT_BODY


def _header_repeated_over_cut_row_pdf(path: Path) -> Path:
    """Tabel 1's caption, its header and its first (section) row "Varige ændringer" end page 1 at its foot; page 2
    repeats the header over the rest of the body, then running text."""
    first, second = Sheet(), Sheet()
    for k, line in enumerate(PROSE):
        first.text(LEFT, 720 + 12 * k, line, size=10.0)
    first.text(LEFT, 765, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    _set_year_cells(first, UNIT_EDGES, UNIT_HEADER, 782, bold=True)
    first.hline(LEFT, UNIT_EDGES[-1] + 40, 786)
    first.text(UNIT_EDGES[0], 798, "Varige ændringer")
    _set_year_cells(second, UNIT_EDGES, UNIT_HEADER, 72, bold=True)
    second.hline(LEFT, UNIT_EDGES[-1] + 40, 76)
    y = 90.0
    for row in UNIT_BODY:
        _set_year_cells(second, UNIT_EDGES, row, y)
        y += 18
    for k, line in enumerate(PROSE):
        second.text(LEFT, y + 20 + 12 * k, line, size=10.0)
    return write_pdf([first, second], path)


def test_a_header_repeated_over_the_rest_of_a_body_cut_under_its_first_row(tmp_path):
    """A header left at the page's foot over the table's first row, repeated atop the next page over the rest of
    the body: the table starts at the foot (its caption there), its first row is that row, and the repeated header
    (its years are no amounts) is dropped, not read as a body row."""
    tables = extract_tables(_header_repeated_over_cut_row_pdf(tmp_path / "repeated_over_cut_row.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.caption.startswith("Tabel 1. Forslagets samlede økonomiske konsekvenser")
    assert t.columns == UNIT_HEADER
    assert _rows(t) == [["Varige ændringer", "", "", "", ""], *UNIT_BODY]


SECTION_ROWS_BEFORE = [["Varige ændringer", "", "", "", ""], ["Mindre sygefravær", "Service", "", "-1.000", "-1.500"],
                       ["Mindre pausetid", "Service", "", "-3.900", "-7.800"],
                       ["Varige ændringer i alt", "", "", "-4.900", "-9.300"]]
SECTION_ROWS_AFTER = [["Implementeringsomkostninger", "", "", "", ""],
                      ["Projektledelse", "Service", "300", "1.600", ""],
                      ["Rygestopkursus", "Service", "", "500", "250"],
                      ["Samlet økonomisk påvirkning", "", "300", "-2.800", "-9.050"]]


def _tabel1_at_foot() -> Sheet:
    """Page 1: running text, then Tabel 1 (caption, header ruled under it, a section row and its rows) down to the
    page's foot."""
    first = Sheet()
    for k, line in enumerate(PROSE):
        first.text(LEFT, 650 + 12 * k, line, size=10.0)
    first.text(LEFT, 700, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    _set_year_cells(first, UNIT_EDGES, UNIT_HEADER, 720, bold=True)
    first.hline(LEFT, UNIT_EDGES[-1] + 40, 724)
    y = 738.0
    for row in SECTION_ROWS_BEFORE:
        _set_year_cells(first, UNIT_EDGES, row, y, bold=not row[1])
        y += 16
    return first


def _section_row_atop_pdf(path: Path) -> Path:
    """Tabel 1 (caption, header, a section row and its rows) fills page 1 to its foot; page 2 opens with the next
    section row, bold in a shaded band of its own and set where the label cells start, over the rest of the body
    (no header repeated), then running text."""
    first, second = _tabel1_at_foot(), Sheet()
    second.fill(LEFT, 60, UNIT_EDGES[-1] + 40, 76)
    second.text(UNIT_EDGES[0], 71, SECTION_ROWS_AFTER[0][0], bold=True)
    y = 90.0
    for row in SECTION_ROWS_AFTER[1:]:
        _set_year_cells(second, UNIT_EDGES, row, y)
        y += 16
    for k, line in enumerate(PROSE):
        second.text(LEFT, y + 20 + 12 * k, line, size=10.0)
    return write_pdf([first, second], path)


def test_a_section_row_atop_the_next_page_goes_on_with_the_table(tmp_path):
    """A section row set apart in a band of its own atop the page, over rows of amounts with no header above them,
    is the rest of the table the page break cut (one of its rows), not the caption of another table."""
    tables = extract_tables(_section_row_atop_pdf(tmp_path / "section_row_atop.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.caption == "Tabel 1. Forslagets samlede økonomiske konsekvenser"
    assert t.columns == UNIT_HEADER
    assert _rows(t) == [*SECTION_ROWS_BEFORE, *SECTION_ROWS_AFTER]



MEASURES = [["Besparelse i dage pr. ryger, der stopper", "2,2 dage om året"],
            ["Varig besparelse i kr. pr. ryger, der stopper", "4.233 kr. om året"]]
MORE_MEASURES = [["Reduktion i rygepauser omregnet til timer", "0,15 time pr. dag"],
                 ["Effekt i timer pr. år pga. færre rygepauser", "Ca. 26.000 timer"]]


def _titled_tables_atop_pdf(path: Path) -> Path:
    """Tabel 1 fills page 1 to its foot; page 2 opens with a plain title ("Oversigt", a little larger than the cells,
    at the margin where the cells start) over a headerless table of measures, then running text, then a bold
    "Oversigt" set apart from the next table of measures (space after the title and the cells' padding: nearer to
    the table than to the text above it, but more than a line's height)."""
    first, second = _tabel1_at_foot(), Sheet()
    second.text(UNIT_EDGES[0], 71, "Oversigt", size=9.5)
    for k, row in enumerate(MEASURES):
        _set_year_cells(second, [UNIT_EDGES[0], LEFT + 260], row, 94 + 14 * k)
    for k, line in enumerate(PROSE):
        second.text(LEFT, 150 + 12 * k, line, size=10.0)
    second.text(LEFT, 200, "Oversigt", bold=True, size=9.5)
    for k, row in enumerate(MORE_MEASURES):
        _set_year_cells(second, [UNIT_EDGES[0], LEFT + 260], row, 233 + 24 * k)
    return write_pdf([first, second], path)


def test_tables_under_titles_atop_the_next_page_do_not_go_on_with_the_table(tmp_path):
    """A headerless table under a title atop the page after a table the page break may have cut is a table of its
    own (a continuation opens the page, or repeats its header under what is printed above it), and a bold title
    set apart from the table under it (more than a line's height, nearer to it than to the text above) is its
    caption."""
    tables = extract_tables(_titled_tables_atop_pdf(tmp_path / "titled_tables_atop.pdf"))
    assert [_rows(t) for t in tables] == [SECTION_ROWS_BEFORE, MEASURES, MORE_MEASURES]
    assert tables[0].last_page == 1
    assert tables[2].caption == "Oversigt"


# ---- the rest of a row's remark opening a page under the repeated header ----------------------------------------

TASK_EDGES = [LEFT, LEFT + 30, LEFT + 200, LEFT + 290, LEFT + 460]
TASK_HEADER = ["Nr.", "Opgave", "Budget 2022", "Bemærkninger"]
TASK_ROWS = [["1", "Ledelse og tværgående indsatser", "275.596.699", ["Puljemidler er modtaget til specifikke",
                                                                      "formål og kan ikke omprioriteres."]],
             ["2", "Hjemmepleje", "1.082.473.512", ["Serviceniveau kan justeres."]],
             ["3", "Træning", "46.118.120", ["Lovbestemt opgave, serviceniveau kan", "justeres lokalt."]]]
CUT_REMARK = ["Omfatter udgifter til borgeres transport", "til dagcentre,"]
CUT_REST = ["specialiseret træning mm. Kan påvirkes", "ved at ændre egenbetaling."]
NEXT_ROWS = [["5", "Frivillighedscenter", "14.785.372", ["Bloktilskud til §18-midler."]],
             ["6", "Velfærdsteknologi", "11.261.110", ["Lokalt besluttet omfang og indsatser."]]]


def _task_rows(sheet: Sheet, rows: list[list], top: float, closed: bool = True) -> float:
    """Set rows of the task table from `top`, a rule under each (none under the last unless `closed`: a row the
    page break cut); return the bottom of the last."""
    drawn = set_rows(sheet, TASK_EDGES, rows, top, numeric_from=2, pad=4.0, size=8.0, lead=9.5)
    for r in drawn if closed else drawn[:-1]:
        cell_hrules(sheet, TASK_EDGES, r.bottom)
    return drawn[-1].bottom


def _task_header(sheet: Sheet, top: float) -> float:
    """Set the bold header with a rule under it; return its bottom."""
    drawn = set_rows(sheet, TASK_EDGES, [TASK_HEADER], top, bold_rows=frozenset({0}), numeric_from=2, pad=4.0,
                     size=8.0)
    cell_hrules(sheet, TASK_EDGES, drawn[0].bottom, lw=1.0)
    return drawn[0].bottom


def test_the_rest_of_a_remark_under_the_repeated_header_is_no_header_line(tmp_path):
    """A value table whose header is repeated on each page, its rows ruled apart: the page break cut the last row
    of page 1 in its remark, and the rest of the remark opens page 2 under the repeated bold header, ruled off
    from it. Those plain lines in a text column are no second header row (a header's further row in another
    weight only heads value columns): they finish the remark of the row they were cut from, and the header stays
    the printed one."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 380, "Fordeling af budget på opgaver", bold=True, size=9.5)
    y = _task_rows(first, TASK_ROWS * 3, _task_header(first, 390))
    cut = ["4", "Myndighed - Kørsel", "6.664.532", CUT_REMARK]
    assert _task_rows(first, [cut], y, closed=False) > 0.7 * first.height
    y = _task_rows(second, [["", "", "", CUT_REST]], _task_header(second, 80))
    _task_rows(second, NEXT_ROWS, y)
    tables = extract_tables(write_pdf([first, second], tmp_path / "cut_remark.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == TASK_HEADER
    remark = " ".join(CUT_REMARK + CUT_REST)
    want = [[r[0], r[1], r[2], " ".join(r[3])] for r in TASK_ROWS * 3 + [[*cut[:3], [remark]]] + NEXT_ROWS]
    assert _rows(t) == want
