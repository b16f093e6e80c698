"""Tables within one page read right whoever printed them (issue 10): where a table ends and the next starts
(notes and captions between tables ruled only under their headers or above their totals), how header and body
rows group, and which column each cell goes to. Each test draws a small PDF with ReportLab's canvas."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, set_rows, write_pdf

LEFT = 57.0
RIGHT = 538.0


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


INVEST_HEADER = ["Investering i implementering af røgfri arbejdstid (1.000 kr.)", "2022", "2023", "2024"]
INVEST_BODY = [
    ["Administration og afholdelse af 30-60 rygestopkurser", "", "500", "265"],
    ["Kommunikation", "50", "100", "35"],
    ["Understøttelse af proces og bistand til implementering", "250", "1.000", "1.000"],
]
INVEST_TOTAL = ["Investering i alt", "300", "1.600", "1.300"]
COURSE_HEADER = ["Rygestopkurser i arbejdstiden (1.000 kr.)", ""]
COURSE_BODY = [
    ["Omfang af timer pr. kursus pr ansat", "10 timer"],
    ["Beløb for at frikøbe en ansatte til kursusdeltagelse", "Ca. 3.000 kr."],
    ["Beløb for frikøb af estimeret 250 rygere", "750"],
]
NOTE = ("Effektiviseringen forudsætter, at de nødvendige investeringer foretages i det første år, og at "
        "medarbejderne", "får den fornødne opkvalificering.")


def _note_between_tables_ruled_alike_pdf(path: Path) -> Path:
    """Two tables ruled alike (a rule under the header, one above the totals; rules of one width), a note of
    running text and the next table's bold title "Oversigt", half a point larger than the cells, between the
    first one's totals and the second one's header rule: the first one's last rule and the second one's first
    stack into one frame with the note, the title and the second header between them."""
    sheet = Sheet()
    edges = [LEFT, 330.0, 400.0, 470.0, RIGHT]
    sheet.text(LEFT, 80, "Oversigt", bold=True, size=9.5)
    sheet.text(LEFT, 94, "(1.000 kr.)", size=8.5)
    rows = set_rows(sheet, edges, [INVEST_HEADER, *INVEST_BODY], 98, numeric_from=1, pad=1.5)
    sheet.hline(LEFT, RIGHT, rows[0].bottom, 1.0)
    total = set_rows(sheet, edges, [INVEST_TOTAL], rows[-1].bottom, numeric_from=1, pad=1.5, bold_rows=frozenset({0}))
    sheet.hline(LEFT, RIGHT, rows[-1].bottom, 1.0)
    y = total[0].bottom + 22
    for line in NOTE:
        sheet.text(LEFT, y, line, size=10)
        y += 12.5
    sheet.text(LEFT, y + 12, "Oversigt", bold=True, size=9.5)
    sheet.text(LEFT, y + 26, "(1.000 kr.)", size=8.5)
    course = [[*COURSE_HEADER[:1], "", ""], *[[label, "", value, ""] for label, value in COURSE_BODY]]
    rows2 = set_rows(sheet, edges, course, y + 30, numeric_from=2, pad=1.5)
    sheet.hline(LEFT, RIGHT, rows2[0].bottom, 1.0)
    return write_pdf([sheet], path)


def test_a_note_and_a_bold_title_between_two_tables_ruled_alike_part_them(tmp_path):
    """The band between the first table's rule above its totals and the second table's header rule holds the
    totals, a note of running text and a bold title over the second table's header: the note parts the two
    tables (it was read as rows of the first, and the second table's rows with it)."""
    assert len(NOTE[0]) > 80  # the note runs across the page, as running text does
    tables = extract_tables(_note_between_tables_ruled_alike_pdf(tmp_path / "note.pdf"))
    assert [t.columns[0] for t in tables] == [INVEST_HEADER[0], COURSE_HEADER[0]]
    assert tables[0].columns == INVEST_HEADER
    assert _rows(tables[0]) == [*INVEST_BODY, INVEST_TOTAL]
    assert [[c for c in r if c] for r in _rows(tables[1])] == COURSE_BODY


GOAL_HEADER = ["Opfølgningsmål", "Hvordan måles opfølgningsmålet?", "Hvem er ansvarlig?", "Hvornår?"]
GOAL_BODY = [
    ["Ansættelse af projektleder", "Løndata", "Borgercenter Voksne", "Ultimo 2022"],
    ["Anskaffelse af videoløsning", "Afrapportering fra projektleder", "Borgercenter Voksne", "Ultimo 2023"],
    ["Færre tilbagefald", "Udgifter til istandsættelse", "Borgercenter Voksne", "Ultimo 2023"],
]
GOAL_EDGES = [LEFT, LEFT + 150, LEFT + 300, LEFT + 410, LEFT + 480]
HEARD_HEADER = ["", "Ja/Nej/Ikke relevant", "Dato for godkendelse"]
HEARD_BODY = [["Ejendomsfaglig vurdering", "Ikke relevant", ""], ["IT-kredsen", "Ikke relevant", ""],
              ["HR-kredsen", "Nej", "12. januar 2022"]]
HEARD_EDGES = [LEFT, LEFT + 150, LEFT + 250, LEFT + 480]


def _plain_numbered_heading_between_tables_pdf(path: Path) -> Path:
    """Two text tables ruled under their headers only, the rules equally wide (one stack of rules down the page);
    between them a numbered heading "10. Hvem er hørt?" set at the margin (the rules' left end, left of the cells'
    padding), not bold and only 0.4 pt larger than the
    cells (a browser's heading style scaled down with the page)."""
    sheet = Sheet()
    rows = set_rows(sheet, GOAL_EDGES, [GOAL_HEADER, *GOAL_BODY], 76, bold_rows=frozenset({0}), numeric_from=9,
                    pad=4.0, pad_x=4.0)
    sheet.hline(LEFT, GOAL_EDGES[-1], rows[0].bottom)
    y = rows[-1].bottom + 16
    sheet.text(LEFT, y, "10. Hvem er hørt?", size=9.4)
    rows = set_rows(sheet, HEARD_EDGES, [HEARD_HEADER, *HEARD_BODY], y + 8, bold_rows=frozenset({0}),
                    numeric_from=9, pad=4.0, pad_x=4.0)
    sheet.hline(LEFT, GOAL_EDGES[-1], rows[0].bottom)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forvaltningen vurderer, at forslaget kan gennemføres som beskrevet.")
    return write_pdf([sheet], path)


def test_a_plain_numbered_heading_a_little_larger_than_the_cells_parts_two_tables(tmp_path):
    """"10. Hvem er hørt?", not bold and less than half a point larger than the cells, between two tables whose
    header rules stack into one frame, is a section heading: it ends the first table (it was read as one of its
    rows, and the second table's rows with it)."""
    tables = extract_tables(_plain_numbered_heading_between_tables_pdf(tmp_path / "heading.pdf"))
    assert [t.columns for t in tables] == [GOAL_HEADER, HEARD_HEADER]
    assert _rows(tables[0]) == GOAL_BODY
    assert _rows(tables[1]) == HEARD_BODY


GRANT_HEADER = ["Bevillinger som udløber", "Beløb som udløber", "Forvaltningens anbefaling"]
GRANT_SECTION = "Bevillingsudløb, der allerede er håndteret"
HANDLED = ["Dækket ved", "forhandlinger", "om budget", "2025"]
GRANT_LABELS = ["Psykologsamtaler til ældre", "Demensrejsehold", "Børnesundhedsprofilen"]


def _cells_centred_off_every_baseline_pdf(path: Path) -> Path:
    """A grant list ruled under its wrapped header only whose rows each hold a one-line label set vertically centred
    beside a four-line text cell: no label shares a baseline with any line of the text beside it, so no line of
    the body holds two cells."""
    sheet = Sheet()
    edges = [LEFT, 330.0, 430.0, RIGHT]
    header = [GRANT_HEADER[0], ["Beløb som", "udløber"], ["Forvaltningens", "anbefaling"]]
    rows = set_rows(sheet, edges, [header], 80, bold_rows=frozenset({0}), numeric_from=9)
    sheet.hline(LEFT, RIGHT, rows[0].bottom)
    y = rows[0].bottom + 16
    sheet.text(LEFT + 2, y, GRANT_SECTION)
    y += 10
    for label in GRANT_LABELS:
        for j, line in enumerate(HANDLED):
            sheet.text(edges[1] + 2, y + 12 + 11 * j, line)
        sheet.text(LEFT + 2, y + 12 + 16.5, label)  # the middle of the four lines
        y += 12 + 11 * len(HANDLED) + 6
    sheet.text(LEFT, y + 30, "Forvaltningen vurderer, at bevillingerne er dækket som beskrevet.")
    return write_pdf([sheet], path)


def test_cells_centred_beside_a_wrapped_cell_off_every_baseline_are_rows(tmp_path):
    """Labels centred beside a four-line cell, none on a baseline of the cell's lines: each label and its cell are
    one row (the body was left out of the table, as no line of it holds two cells)."""
    tables = extract_tables(_cells_centred_off_every_baseline_pdf(tmp_path / "centred.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == GRANT_HEADER
    assert _rows(tables[0]) == [[GRANT_SECTION, "", ""],
                                *[[label, " ".join(HANDLED), ""] for label in GRANT_LABELS]]


ADMIN_HEADER = ["1.000 kr. 2023 p/l", "2022", "2023", "2024"]
ADMIN_BODY = [
    ["Effekt på lønudgifter på hovedkonto 6", "-4.351", "-5.802", "-5.802"],
    ["Varige ændringer totalt, administration", "-4.351", "-5.802", "-5.802"],
]


def _note_and_smaller_numbered_heading_pdf(path: Path) -> Path:
    """An economics table and a follow-up table, each ruled under its header only, both rules as wide (one stack of
    rules); between them a two-line note set like the cells (9 pt), its first line ending well short of the
    margin, and a bold numbered heading "9. Opfølgning" set smaller than the cells (8.5 pt)."""
    sheet = Sheet()
    edges = [LEFT, 330.0, 400.0, 470.0, RIGHT]
    rows = set_rows(sheet, edges, [ADMIN_HEADER, *ADMIN_BODY], 80, bold_rows=frozenset({0}), numeric_from=1)
    sheet.hline(LEFT, RIGHT, rows[0].bottom)
    y = rows[-1].bottom + 16
    sheet.text(LEFT, y, "Effektiviseringen forudsætter, at de nødvendige investeringer foretages i det første år")
    sheet.text(LEFT, y + 11, "og at medarbejderne får den fornødne opkvalificering.")
    sheet.text(LEFT, y + 32, "9. Opfølgning", bold=True, size=8.5)
    rows = set_rows(sheet, GOAL_EDGES, [GOAL_HEADER, *GOAL_BODY], y + 37, bold_rows=frozenset({0}),
                    numeric_from=9)
    sheet.hline(LEFT, RIGHT, rows[0].bottom)
    return write_pdf([sheet], path)


def test_a_note_and_a_bold_numbered_heading_smaller_than_the_cells_part_two_tables(tmp_path):
    """The band between the two header rules holds the first table's rows, a note, the bold numbered heading and
    the second table's header: the heading parts the stack of rules, so the note is no part of the first table's
    last row (it was read into its label)."""
    tables = extract_tables(_note_and_smaller_numbered_heading_pdf(tmp_path / "note-heading.pdf"))
    assert [t.columns for t in tables] == [ADMIN_HEADER, GOAL_HEADER]
    assert _rows(tables[0]) == ADMIN_BODY
    assert _rows(tables[1]) == GOAL_BODY


OVERVIEW_HEADER = ["Effektiviseringskatalog 2027", "2027", "2028", "2029"]
OVERVIEW_BODY = [
    ["INVESTERINGSFORSLAG", "", "", ""],
    ["SU1. Styrkelse af den forebyggende effekt", "-5.400", "-10.500", "-10.500"],
    ["SU2. Styrkelse af den rehabiliterende hjemmepleje", "-4.470", "-13.395", "-17.865"],
    ["Effektiviseringskatalog i alt", "-9.870", "-23.895", "-28.365"],
]


def _caption_tight_over_a_grid_pdf(path: Path) -> Path:
    """A grid table (every cell boxed, the rows set tight under their rules) under a caption "Oversigt" set in a
    smaller size than the cells, not bold, its foot 4 pt above the header's text: closer than the lines of one
    wrapped header cell, but with the grid's top rule between them."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Forvaltningen har udarbejdet nedenstående oversigt over forslagene.", size=10.0)
    sheet.text(LEFT, 104, "Oversigt", size=9.5)
    edges = [LEFT, 330.0, 400.0, 470.0, RIGHT]
    rows = set_rows(sheet, edges, [OVERVIEW_HEADER, *OVERVIEW_BODY], 107.5, bold_rows=frozenset({0}),
                    numeric_from=1, size=10.0, pad=0.5)
    for r in rows:  # each rule runs just under the top of its row's text box (through the capitals' ascent)
        sheet.hline(LEFT, RIGHT, r.top + 1.0, 0.75)
    sheet.hline(LEFT, RIGHT, rows[-1].bottom + 1.0, 0.75)
    for x in edges:
        sheet.vline(x, rows[0].top + 1.0, rows[-1].bottom + 1.0, 0.75)
    return write_pdf([sheet], path)


def test_a_smaller_caption_tight_over_a_grid_is_not_its_header(tmp_path):
    """"Oversigt", smaller than the cells and set closer over the grid's first row than a wrapped header cell's
    lines, is the table's caption, not a row of it: the grid's top rule runs between them (it was read as the
    first row, and the real header as a body row under empty column names)."""
    tables = extract_tables(_caption_tight_over_a_grid_pdf(tmp_path / "grid.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == OVERVIEW_HEADER
    assert _rows(tables[0]) == OVERVIEW_BODY


KEY_FIGURES = [
    (["Reduktion i rygepauser på 9 min omregnet til", "timer"], "0,15 time pr. dag"),
    (["Reduktion i rygepause i timer på et helt året pr.", "ryger"], "33 timer pr. år"),
    (["Effekt i timer pr. år pga. færre rygepauser"], "Ca. 26.000 timer"),
    (["Varig besparelse i kr. pr. år."], "Ca. 7.800 mio. kr."),
]
SMALL_INVEST_HEADER = ["Investering i implementering (1.000 kr.)", "2026", "2027", "2028"]
SMALL_INVEST_BODY = [["Administration af rygestopkurser", "", "500", "265"], ["Kommunikation", "50", "100", "35"]]


def _key_figures_then_plain_caption_pdf(path: Path) -> Path:
    """A borderless key-figure table with no header whose first rows hold a two-line label and, centred beside it,
    a one-line value (no baseline shared), then a plain caption "Oversigt" half a point larger than the cells, not
    bold, and a borderless table with a bold header whose year columns end where the key figures' values do."""
    sheet = Sheet()
    sheet.text(LEFT, 70, "Nøgletallene bygger på forvaltningens egne opgørelser.", size=10.0)
    sheet.text(LEFT, 92, "Oversigt", size=9.5)
    y = 112.0
    for label, value in KEY_FIGURES:
        for j, line in enumerate(label):
            sheet.text(LEFT + 4, y + 11 * j, line)
        sheet.text(301.6, y + 5.5 * (len(label) - 1), value)
        y += 11 * len(label) + 9
    sheet.text(LEFT, y + 14, "Oversigt", size=9.5)
    edges = [LEFT, 300.0, 340.0, 382.0, 430.0]
    set_rows(sheet, edges, [SMALL_INVEST_HEADER, *SMALL_INVEST_BODY], y + 20, bold_rows=frozenset({0}),
             numeric_from=1, pad=5.0, pad_x=4.0)
    return write_pdf([sheet], path)


def test_key_figures_opening_with_centred_values_and_a_plain_caption_under_them_read_apart(tmp_path):
    """The key figures' first rows (a value centred beside a two-line label) are rows of their table, and the plain
    "Oversigt" under it, set in another size than the cells, titles another table: it ends the key figures (the
    first rows were left out, and the next table read into the key figures)."""
    tables = extract_tables(_key_figures_then_plain_caption_pdf(tmp_path / "key-figures.pdf"))
    assert len(tables) == 2
    assert [[c for c in r if c] for r in _rows(tables[0])] == [[" ".join(lab), v] for lab, v in KEY_FIGURES]
    assert tables[1].columns == SMALL_INVEST_HEADER
    assert _rows(tables[1]) == SMALL_INVEST_BODY


SMALL_GOAL_EDGES = [LEFT - 10, LEFT + 120, LEFT + 240, LEFT + 380, LEFT + 486]
WHEN = ["Hvornår", "gennemføres", "opfølgningen?"]  # a head wrapped over three lines, set to the bottom


def _small_table_under_text_pdf(path: Path) -> Path:
    """A table in 10 pt ruled under its header only (the rule from the margin), its cells indented; under it a
    short paragraph from the margin in the cells' size, within the rule's width, and a bold heading; then a table
    set in 5.5 pt whose cells start left of the text's margin (they set the page's margin), its last head wrapped
    over three lines set to the bottom, ruled under its header only, its rule in one stack with the first's."""
    sheet = Sheet()
    rows = set_rows(sheet, [LEFT + 6, LEFT + 220, LEFT + 300, LEFT + 360, LEFT + 420],
                    [ADMIN_HEADER, *ADMIN_BODY], 76, bold_rows=frozenset({0}), numeric_from=1, size=10.0, lead=12.0)
    sheet.hline(LEFT - 2, LEFT + 470, rows[0].bottom)
    y = rows[-1].bottom + 20
    sheet.text(LEFT, y, "Økonomien er beregnet ud fra de gældende enhedspriser.", size=10.0)
    sheet.text(LEFT, y + 22, "Opfølgning", bold=True, size=9.5)
    header = [["", "", head] for head in GOAL_HEADER[:-1]] + [WHEN]
    rows = set_rows(sheet, SMALL_GOAL_EDGES, [header, *GOAL_BODY], y + 30, numeric_from=9, size=5.5, lead=6.6,
                    pad=3.0)
    sheet.hline(SMALL_GOAL_EDGES[0], SMALL_GOAL_EDGES[-1], rows[0].bottom)
    return write_pdf([sheet], path)


def test_a_table_set_much_smaller_under_text_is_another_table(tmp_path):
    """Under a table, running text and a heading, a table whose cells are set in a clearly smaller size (and start
    left of the text's margin, so the running text does not start at the page's margin) is another table: it was
    read on as the first table's rows, and the first table's own rows were lost with it."""
    tables = extract_tables(_small_table_under_text_pdf(tmp_path / "small_table_under_text.pdf"))
    assert [t.columns for t in tables] == [ADMIN_HEADER, [*GOAL_HEADER[:-1], " ".join(WHEN)]]
    assert [_rows(t) for t in tables] == [ADMIN_BODY, GOAL_BODY]


TINY_EDGES = [LEFT, LEFT + 18, LEFT + 210, LEFT + 255, LEFT + 300, LEFT + 345]  # text starts; amounts end at +40
TINY_HEADER = ["Nr.", "Initiativ", "2020", "2021", "2022"]
TINY_ROWS = [["41", ["Obligatorisk læringstilbud til 1-årige børn i udsatte", "boligområder"], "214,2", "536,9",
              "652,4"],
             ["42", ["Opfølgning på revision af magtanvendelsesreglerne"], "23,1", "10,5", "2,8"],
             ["43", ["Administrationsudgifter"], "30,1", "20,3", "19,6"]]


def _tiny_padded_table_pdf(path: Path) -> Path:
    """A wide table set in 5.5 pt (to fit the page) with a word processor's padding in points, no rules: its header,
    then rows 13.4 pt apart whose labels wrap above their value line (set to the bottom); the first row's upper
    label line sits 16 pt under the header (three font sizes: the header's and the row's padding)."""
    sheet = Sheet()
    sheet.text(LEFT, 60, "Tabel 1 Økonomioversigt for satspuljen (mio. kr.)", bold=True, size=8.0)
    for k, head in enumerate(TINY_HEADER):
        (sheet.text(TINY_EDGES[k], 80, head, bold=True, size=5.5) if k < 2
         else sheet.text_right(TINY_EDGES[k] + 40, 80, head, bold=True, size=5.5))
    y = 102.2
    for nr, label, *amounts in TINY_ROWS:
        y += 7.3 * (len(label) - 1)
        for j, line in enumerate(label):
            sheet.text(TINY_EDGES[1], y + 7.3 * (j - len(label) + 1), line, size=5.5)
        sheet.text(TINY_EDGES[0], y, nr, size=5.5)
        for k, amount in enumerate(amounts):
            sheet.text_right(TINY_EDGES[k + 2] + 40, y, amount, size=5.5)
        y += 13.4
    return write_pdf([sheet], path)


def test_a_tiny_tables_header_padded_apart_from_its_first_row_heads_it(tmp_path):
    """In a table set in 5.5 pt with padding in points, the gap between the header and the first row's upper label
    line is three font sizes: the header heads the table and the first row's label is read whole (the header was a
    region of its own and dropped, the label's upper line taken for a caption)."""
    tables = extract_tables(_tiny_padded_table_pdf(tmp_path / "tiny_padded_table.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == TINY_HEADER
    assert _rows(tables[0]) == [[nr, " ".join(label), *amounts] for nr, label, *amounts in TINY_ROWS]

