"""Cells set vertically centred, rows broken over a page, hyphens at line ends and ruled pages of single runs
(issue 10, tune seeds 780-782's LibreOffice and fpdf2 documents). Each test draws a small PDF with ReportLab's canvas
the way those producers print (or builds the rows directly) and fails without its fix:

- a section row alone in a ruled band taller than its text, set centred, in a table whose tall rows fill their
  bands, is a row (it read as the gap between two tables: the table was cut there and its section rows lost);
- a wrapped header line set in the table's size is no running text because other tables of the same stack of
  rules are set smaller (the header was cut off and the table's continuation not stitched);
- the lines of a remark set vertically centred beside a one-line row belong to that row (its first line, above
  the row's value line, read as a row of its own);
- a row broken over a page whose every cell goes on from the one above is one row;
- a line-end hyphen of a word the page prints whole elsewhere is kept ("front-end");
- a page of single runs of text under a table's rules and shading is read in full (its table was never seen).
"""
from __future__ import annotations

from pathlib import Path

from extractors.grid import join_wrapped
from extractors.layout import PageLayout, TextLine, Word
from extractors.model import Cell, Row
from extractors.prescan import scan_document
from extractors.stitch import _continues_row
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 57.0
DESCENT = 0.207  # Helvetica's descent (share of the size): a line's box runs from baseline - 0.793 size down to
# baseline + 0.207 size in pdfplumber's reading


def _baseline(top: float, size: float) -> float:
    """Given where a line's box should start and its size, return its baseline."""
    return top + (1 - DESCENT) * size


def _rows(table) -> list[list[str]]:
    """A table's rows as texts."""
    return [[c.text if c else "" for c in r.cells] for r in table.rows]


# ---- a centred section row in a ruled table whose rows fill their bands ------------------------------------------

FOLLOW_HEADER = ["Opfølgningsmål", "Hvordan måles", "Ansvarlig", "Hvornår"]
MILESTONES = "Milepæle for implementering og anvendelse af investeringsmidler"
REALISED = "Realisering af effektiviseringer"
FOLLOW_ROWS = [
    [MILESTONES],
    [["Undervisning af 40", "sygeplejersker"], ["Registrering af", "kursusdeltagelse"], ["Afdeling for", "Innovation"],
     ["3. kvartal", "2022"]],
    [["Udvikling af", "pakkeforløb"], ["Audit af udvalgte", "borgersager"], ["Afdeling for", "Innovation"],
     ["1. kvartal", "2023"]],
    [REALISED],
    [["I 2023 er 50 pct.", "realiseret"], ["Data fra", "omsorgssystemet"], ["Afdeling for", "Innovation"],
     ["4. kvartal", "2023"]],
    [["I 2024 er fuld", "effekt realiseret"], ["Data fra", "omsorgssystemet"], ["Afdeling for", "Innovation"],
     ["4. kvartal", "2024"]],
]


def _follow_up_pdf(path: Path) -> Path:
    """LibreOffice's 'Opfølgning' table in 5.5 pt with a rule between every row and no cell padding: a two-line
    row's text fills its band (its line boxes touch the rule above and end 3.4 pt over the one below), and a
    section row, alone in a band of a minimum height, is set centred in it (2.5 pt over its line box, 6.1 under
    it, as LibreOffice's line boxes sit)."""
    size, pitch, below = 5.5, 7.2, 3.4
    edges = [LEFT, LEFT + 180, LEFT + 290, LEFT + 390, LEFT + 470]
    sheet = Sheet()
    sheet.text(LEFT, 60, "Forvaltningen har udarbejdet nedenstående oversigt over opfølgningen på forslaget.", size=10)
    sheet.text(LEFT, 85, "Opfølgning", bold=True, size=9.5)
    y = 95.0
    rules = [y]
    for k, head in enumerate(FOLLOW_HEADER):
        sheet.text(edges[k] + 2, _baseline(y + 2.0, size), head, bold=True, size=size)
    y += 2.0 + size + below
    rules.append(y)
    for row in FOLLOW_ROWS:
        if len(row) == 1:  # a section row: one line, centred in a taller band
            sheet.text(edges[0] + 2, _baseline(y + 2.5, size), row[0], size=size)
            y += 2.5 + size + 6.1
        else:
            for k, lines in enumerate(row):
                for j, s in enumerate(lines):
                    sheet.text(edges[k] + 2, _baseline(y + j * pitch, size), s, size=size)
            y += pitch + size + below
        rules.append(y)
    for r in rules:
        sheet.hline(edges[0] - 6, edges[-1] + 6, r)
    sheet.text(LEFT, y + 30, "Økonomien i forslaget er beregnet ud fra de gældende enhedspriser.", size=10)
    return write_pdf([sheet], path)


def test_a_centred_section_row_in_a_ruled_table_is_a_row(tmp_path):
    """The section rows' bands (text 2.5 pt under the rule, 6.1 pt of space under it) are no gap between two
    tables: the space over and under the text beyond the cells' padding is about equal and under a line, as in a
    row set taller than its text. One table, both section rows read."""
    tables = [t for t in extract_tables(_follow_up_pdf(tmp_path / "follow.pdf")) if t.rows]
    assert len(tables) == 1
    assert tables[0].columns == FOLLOW_HEADER
    want = [[r[0], "", "", ""] if len(r) == 1 else [" ".join(c) for c in r] for r in FOLLOW_ROWS]
    assert _rows(tables[0]) == want


# ---- a header line in the table's size, on a stack of rules shared with a smaller table ------------------------

SMALL_ROWS = [[f"Post nummer {k}", f"{k}00", f"{k}50"] for k in range(1, 9)]
BIG_HEADER = ["Investering i implementering af røgfri arbejdstid", "(1.000 kr.)"]
BIG_ROWS = [["Kommunikation", "350", "700"], ["Investering i alt", "2.100", "11.200"]]


def _two_sizes_pdf(path: Path) -> Path:
    """A page with two tables of one width in rules between every row, one in 5.5 pt with eight rows and, under
    its caption, one in 10 pt whose header's first cell wraps: 'Investering i implementering af røgfri
    arbejdstid' alone on a line over '(1.000 kr.) 2022 2023'."""
    edges = [LEFT, LEFT + 260, LEFT + 330, LEFT + 400]
    sheet = Sheet()
    y = 70.0
    sheet.text(LEFT, 62, "Tabel 1. Poster", bold=True, size=9.5)
    rules = [y]
    for row in [["Post", "2022", "2023"], *SMALL_ROWS]:
        sheet.text(edges[0] + 2, _baseline(y + 2, 5.5), row[0], size=5.5)
        for k in (1, 2):
            sheet.text_right(edges[k + 1] - 2, _baseline(y + 2, 5.5), row[k], size=5.5)
        y += 9.5
        rules.append(y)
    sheet.text(LEFT, y + 20, "Tabel 2. Investeringer", bold=True, size=9.5)
    y += 30
    top = y
    sheet.text(edges[0] + 2, _baseline(y + 2, 10), BIG_HEADER[0], bold=True, size=10)
    sheet.text(edges[0] + 2, _baseline(y + 15, 10), BIG_HEADER[1], bold=True, size=10)
    for k, year in ((1, "2022"), (2, "2023")):
        sheet.text_right(edges[k + 1] - 2, _baseline(y + 15, 10), year, bold=True, size=10)
    y += 28
    rules += [top, y]
    for row in BIG_ROWS:
        sheet.text(edges[0] + 2, _baseline(y + 2, 10), row[0], size=10)
        for k in (1, 2):
            sheet.text_right(edges[k + 1] - 2, _baseline(y + 2, 10), row[k], size=10)
        y += 14
        rules.append(y)
    for r in rules:
        sheet.hline(edges[0] - 6, edges[-1] + 6, r)
    return write_pdf([sheet], path)


def test_a_wrapped_header_line_is_judged_against_the_cells_near_it(tmp_path):
    """The header's first line, one bold run across most of the frame, is set in the size of its own table's
    cells: no running text between two tables, though most cells of the stack are smaller."""
    tables = extract_tables(_two_sizes_pdf(tmp_path / "sizes.pdf"))
    big = next(t for t in tables if any(r.cells[0] and r.cells[0].text == "Kommunikation" for r in t.rows))
    assert big.columns == [" ".join(BIG_HEADER), "2022", "2023"]
    assert _rows(big) == BIG_ROWS


# ---- a remark set vertically centred beside one-line rows, in a box ---------------------------------------------

TASKS = [("1", "Ledelse", "275.596", ["Puljemidler er modtaget til specifikke", "formål og kan ikke omprioriteres."]),
         ("2", "Myndighed, visitatorer", "15.823",
          ["Lønninger til visitatorer i myndighedsområdet.", "Er fordelt på konto 4, 5 og 6.", "omgange."]),
         ("3", "Demenskonsulenter", "17.949", ["Servicerer på plejecentre og borgere", "hjemme."]),
         ("4", "Koordinator", "4.218", ["Derudover en koordinator finansieret af", "værdighedsmidler."]),
         ("5", "Myndighed, Frit valg", "18.052",
          ["Omfatter forskellige myndighedsområder;", "indkøbsordning, tolkebistand,", "tilsyn plejecentre mm."]),
         ("6", "Huslejetab", "30.035", ["Det er kompliceret at skille sig", "af med overskydende bygninger"])]


def _remarks_pdf(path: Path) -> Path:
    """A task budget in a box (a rule over and under the header, the body one band) in 5.5 pt: each row's number,
    task and amount on one line, its remark of two or three lines set vertically centred beside it (lines 7.2 pt
    apart, rows 0.7 pt further apart than the lines of one cell)."""
    size, pitch, gap = 5.5, 7.2, 2.4
    edges = [LEFT, LEFT + 20, LEFT + 150, LEFT + 220, LEFT + 400]
    sheet = Sheet()
    sheet.text(LEFT, 60, "Fordeling af budget på opgaver (kr.)", bold=True, size=9.5)
    top = 70.0
    sheet.text_right(edges[1] - 2, _baseline(top + 2, size), "Nr.", size=size)
    sheet.text(edges[1] + 2, _baseline(top + 2, size), "Opgave", size=size)
    sheet.text_right(edges[3] - 2, _baseline(top + 2, size), "Budget", size=size)
    sheet.text(edges[3] + 2, _baseline(top + 2, size), "Bemærkninger", size=size)
    y = top + 2 + size + 3
    rules = [top, y]
    y += 3
    for nr, task, amount, remark in TASKS:
        height = (len(remark) - 1) * pitch + size
        mid = y + height / 2
        for j, s in enumerate(remark):
            sheet.text(edges[3] + 2, _baseline(y + j * pitch, size), s, size=size)
        line_top = mid - size / 2
        sheet.text_right(edges[1] - 2, _baseline(line_top, size), nr, size=size)
        sheet.text(edges[1] + 2, _baseline(line_top, size), task, size=size)
        sheet.text_right(edges[3] - 2, _baseline(line_top, size), amount, size=size)
        y += height + gap
    rules.append(y + 3)
    for r in rules:
        sheet.hline(edges[0], edges[-1], r)
    for x in (edges[0], edges[-1]):
        sheet.vline(x, top, rules[-1])
    return write_pdf([sheet], path)


def test_a_remark_centred_beside_a_one_line_row_is_that_rows(tmp_path):
    """Each remark's lines, above and below the row's value line, are its row's remark: a remark's first line
    that starts with a capital under a short line ("omgange.") is no entry of its own when it and the lines
    under it are centred on the value line."""
    tables = extract_tables(_remarks_pdf(tmp_path / "remarks.pdf"))
    assert len(tables) == 1
    assert _rows(tables[0]) == [[nr, task, amount, " ".join(remark)] for nr, task, amount, remark in TASKS]


# ---- a row broken over a page ---------------------------------------------------------------------------------------

def _row(*texts: str | None, page: int = 1) -> Row:
    """A row of cells with these texts (None: empty)."""
    return Row([Cell(t, page, (0.0, 0.0, 1.0, 1.0)) if t else None for t in texts], page)


def test_cells_that_each_go_on_from_the_row_above_continue_it():
    """The first row after a page break continues the last one before it when each of its cells goes on from
    the cell above it: in lowercase, after an open end, or a year under text; an entry of its own does not."""
    assert _continues_row(_row("Ejendomsfaglig vurdering", "Ikke", None), _row(None, "relevant", None, page=2), 0)
    assert _continues_row(
        _row("Flere borgere rehabiliteres i en sådan", "I forbindelse med visitators", "Center for Økonomi og Data,",
             "Februar 2024,"),
        _row("grad, at behovet forebygges", "opfølgning (samarbejde).", "Afdeling for Økonomi", "2025, 2026, 2027",
             page=2), 0)
    assert _continues_row(_row("Tidlig indsats", "Dækket ved forhandlinger om budget", None),
                          _row(None, "2025", None, page=2), 0)
    assert not _continues_row(_row("Ejendomsfaglig vurdering", "Ikke relevant", None),
                              _row(None, "Ikke relevant", None, page=2), 0)
    assert not _continues_row(_row("Kommunikation", "350", "700"), _row(None, "245", None, page=2), 0)


# ---- a line-end hyphen of a word printed whole on the page ---------------------------------------------------------

def _page(*texts: str) -> PageLayout:
    """A page whose lines hold these texts."""
    lines = []
    for k, text in enumerate(texts):
        words = [Word(w, 10.0 * i, 10.0 * k, 10.0 * i + 8, 10.0 * k + 8, 8.0, False)
                 for i, w in enumerate(text.split())]
        lines.append(TextLine(words))
    return PageLayout(1, 595.0, 842.0, lines, [], [], [])


def test_a_line_end_hyphen_of_a_word_printed_whole_on_the_page_is_kept():
    """'Teste front-' / 'end' reads 'Teste front-end' where the page prints 'front-end' whole; a hyphen the page
    gives no word for is a hyphenation ("videre-" / "føre")."""
    page = _page("Udvikle front-end", "Teste front-", "end", "videre-", "føre")
    assert join_wrapped(["Teste front-", "end"], page) == "Teste front-end"
    assert join_wrapped(["videre-", "føre"], page) == "videreføre"


# ---- a page of single runs of text in a table's rules -------------------------------------------------------------

def _ruled_list_pdf(path: Path) -> Path:
    """A landscape-like continuation page: a two-column table whose label column is empty on this page, so each
    line is one run of text (a municipality), in zebra shading and rules between the rows."""
    sheet = Sheet()
    y = 100.0
    for k, name in enumerate(["Favrskov", "Fredericia", "Frederikshavn", "Furesø", "Gladsaxe", "Herning"]):
        if k % 2 == 0:
            sheet.fill(LEFT, y, LEFT + 480, y + 19)
        sheet.text(LEFT + 380, y + 13, name)
        y += 19
        sheet.hline(LEFT, LEFT + 480, y)
    sheet.text(LEFT, y + 30, "Kilde: " + "x" * int(width("Kilde") // 10))
    return write_pdf([sheet], path)


def test_a_page_of_single_runs_in_a_tables_rules_is_read_in_full(tmp_path):
    """No line holds two runs, yet rules and shading across the body are a table's: the page needs the full
    reading (its text lines alone would drop the table's continuation)."""
    scans = scan_document(str(_ruled_list_pdf(tmp_path / "list.pdf")))
    assert scans is not None and scans[0].needs_layout
