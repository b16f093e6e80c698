"""Regression tests for small tables each under a short bold title set tight above it, the way a browser prints a
proposal's key figures (tune seed 788, weasyprint-doc-001): "Oversigt" in bold at the margin, a little smaller than
the cells and left of their padding, a rule under it, then a borderless table of key figures ("2,2 dage om året"),
right under an economics table, and again under that. Each test draws a small PDF with ReportLab's canvas."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 62.7
PAD = 3.5  # the cells' padding: their text starts this far right of the margin (and of the titles)
VALUE_X = LEFT + PAD + 320
YEARS_X = [LEFT + PAD + 300, LEFT + PAD + 360, LEFT + PAD + 420]  # where each year's column ends
RIGHT = LEFT + 470
PITCH = 17.5  # one row's height (a line and the cells' padding)
ECON_HEADER = ["1.000 kr. 2025 p/l", "Styringsområde", "2024", "2025", "2026"]
ECON_BODY = [["Mindre sygefravær", "Service", "", "-1.000", "-1.500"],
             ["Mindre pausetid", "Service", "", "-3.900", "-7.800"],
             ["Varige ændringer i alt", "", "", "-4.900", "-9.300"]]
FIRST_FIGURES = [["Besparelse i dage pr. ryger, der stopper", "2,2 dage om året"],
                 ["Besparelse i timer pr. år pr. ryger, der stopper", "14.30 timer om året"],
                 ["Varig besparelse i kr. pr. ryger, der stopper", "4.233 kr. om året"]]
SECOND_FIGURES = [["Reduktion i rygepause i timer på et helt år pr. ryger", "33 timer pr. år"],
                  ["Effekt i timer pr. år pga. færre rygepauser", "Ca. 26.000 timer"],
                  ["Varig besparelse i kr. pr. år.", "Ca. 7.800 mio. kr."]]


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


def _econ_row(sheet: Sheet, row: list[str], y: float, bold: bool = False) -> None:
    """Set one row of the economics table on the baseline y: label, area, then three right-aligned years."""
    sheet.text(LEFT + PAD, y, row[0], bold=bold, size=10.0)
    if row[1]:
        sheet.text(LEFT + PAD + 150, y, row[1], bold=bold, size=10.0)
    for x1, text in zip(YEARS_X, row[2:], strict=True):
        if text:
            sheet.text_right(x1, y, text, bold=bold, size=10.0)


def _figures(sheet: Sheet, rows: list[list[str]], y: float, bold: bool = True) -> float:
    """Set a titled table of key figures from the baseline y (title, a rule under it, rows); return the last
    baseline. The title is set bold a little smaller than the cells, or plain a little larger."""
    sheet.text(LEFT, y, "Oversigt", bold=bold, size=9.5 if bold else 10.5)
    sheet.hline(LEFT, RIGHT, y + 6, lw=2.0)
    for row in rows:
        y += PITCH + (4 if row is rows[0] else 0)
        sheet.text(LEFT + PAD, y, row[0], size=10.0)
        sheet.text(VALUE_X, y, row[1], size=10.0)
    return y


def _titled_pdf(path: Path) -> Path:
    """An economics table (caption, header ruled off, three rows; wider than the text), then a titled table of key
    figures set tight under it (a title's spacing above it), then running text."""
    sheet = Sheet()
    sheet.text(LEFT, 140, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    _econ_row(sheet, ECON_HEADER, 160, bold=True)
    sheet.hline(LEFT, RIGHT + 50, 165)  # the economics table runs wider than the text (past the page's margin)
    y = 160.0
    for row in ECON_BODY:
        y += PITCH
        _econ_row(sheet, row, y)
    y = _figures(sheet, FIRST_FIGURES, y + 22)
    _prose(sheet, y + 28)
    return write_pdf([sheet], path)


def _prose(sheet: Sheet, y: float) -> None:
    """Set two lines of running text from the baseline y."""
    sheet.text(LEFT, y, "Økonomien i forslaget er beregnet ud fra de gældende enhedspriser og det forventede",
               size=10.0)
    sheet.text(LEFT, y + 12, "aktivitetsniveau.", size=10.0)


def test_a_bold_title_at_the_margin_in_another_size_starts_a_new_table(tmp_path):
    """A bold title starting at the margin, left of the cells' padding, in another size than the cells, under a
    borderless table and set apart from it by more than its rows are, opens another table, also when the rows under
    it hold amounts: it is neither a row of the table above nor the header of its own table (ruled off from it)."""
    tables = extract_tables(_titled_pdf(tmp_path / "titled.pdf"))
    assert len(tables) == 2
    econ, figures = tables
    assert econ.columns == ECON_HEADER
    assert _rows(econ) == ECON_BODY
    assert figures.caption == "Oversigt"
    assert _rows(figures) == FIRST_FIGURES


def _stacked_figures_pdf(path: Path, bold: bool = True) -> Path:
    """Two titled tables of key figures, one tight under the other, each title (bold, or plain) ruled off by a rule
    of the same width (one stack of rules), then running text."""
    sheet = Sheet()
    y = _figures(sheet, FIRST_FIGURES, 120, bold)
    y = _figures(sheet, SECOND_FIGURES, y + 22, bold)
    _prose(sheet, y + 28)
    return write_pdf([sheet], path)


def test_key_figure_tables_sharing_a_stack_of_rules_are_two_tables(tmp_path):
    """A bold title at the margin in another size between two rules of one stack opens another table also when no
    header follows it (key figures: every row holds an amount): the second title is no row of the first table."""
    tables = extract_tables(_stacked_figures_pdf(tmp_path / "stacked.pdf"))
    assert [t.caption for t in tables] == ["Oversigt", "Oversigt"]
    assert [_rows(t) for t in tables] == [FIRST_FIGURES, SECOND_FIGURES]


INVEST_HEADER = ["Investering i implementering (1.000 kr.)", "2026", "2027", "2028"]
INVEST_BODY = [["Kommunikation", "50", "100", "35"], ["Rygestopkurser", "", "500", "265"],
               ["Investering i alt", "50", "600", "300"]]


def _figures_over_investment_pdf(path: Path) -> Path:
    """A table of key figures under a plain title, then a plain title and a table of amounts whose header (years,
    bold) is ruled off by a rule of the same width as the one over the key figures (one stack of rules), then
    running text."""
    sheet = Sheet()
    y = _figures(sheet, FIRST_FIGURES, 120, bold=False)
    y += 30
    sheet.text(LEFT, y, "Oversigt", size=10.5)
    y += PITCH + 4
    sheet.text(LEFT + PAD, y, INVEST_HEADER[0], bold=True, size=10.0)
    for x1, text in zip(YEARS_X, INVEST_HEADER[1:], strict=True):
        sheet.text_right(x1, y, text, bold=True, size=10.0)
    sheet.hline(LEFT, RIGHT, y + 6, lw=2.0)
    for row in INVEST_BODY:
        y += PITCH + (4 if row is INVEST_BODY[0] else 0)
        sheet.text(LEFT + PAD, y, row[0], size=10.0)
        for x1, text in zip(YEARS_X, row[1:], strict=True):
            if text:
                sheet.text_right(x1, y, text, size=10.0)
    _prose(sheet, y + 28)
    return write_pdf([sheet], path)


def test_a_plain_title_at_the_margin_parts_tables_sharing_a_stack_of_rules(tmp_path):
    """A title set plain (not bold) at the margin, left of the cells' padding and in another size than the cells,
    between two rules of one stack is no row of the table above (tune seed 791, weasyprint-doc-001: key figures
    read as one table with the investment table under them): the tables are read apart."""
    tables = extract_tables(_figures_over_investment_pdf(tmp_path / "figures_over_investment.pdf"))
    assert [_rows(t) for t in tables] == [FIRST_FIGURES, INVEST_BODY]
    assert tables[1].columns == INVEST_HEADER


# ---- a table under a plain title opening the next page, its header naming the same years ------------------------

SATS_EDGES = [LEFT + PAD, LEFT + 240, LEFT + 280, LEFT + 320, LEFT + 360]  # label start, then where each year ends
ADMIN_HEADER = ["Mio. kr., 2023-pl", "2023", "2024", "2025", "2026"]
ADMIN_BODY = [["Administrationsbidrag", "0,3", "0,3", "0,3", "0,3"], ["I alt", "0,3", "0,3", "0,3", "0,3"]]
POOL_HEADER = ["Initiativ og aktivitetsområde", "2023", "2024", "2025", "2026"]
POOL_BODY = [["Flere mennesker med handicap i job", "22,2", "34,4", "33,5", "38,3"],
             ["Idræt som vej til inklusion", "10,0", "5,0", "10,0", "10,0"],
             ["Pulje til reintegration på arbejdsmarkedet", "5,0", "2,5", "-", "-"]]


def _years_row(sheet: Sheet, row: list[str], y: float, bold: bool = False) -> None:
    """Set a row of the satspulje tables on the baseline y: a label, then four right-aligned years' cells."""
    sheet.text(SATS_EDGES[0], y, row[0], bold=bold, size=9.0)
    for x1, text in zip(SATS_EDGES[1:], row[1:], strict=True):
        sheet.text_right(x1, y, text, bold=bold, size=9.0)


def _years_tables_pdf(path: Path) -> Path:
    """A captioned table over years ends page 1 at its foot; page 2 opens with a plain title (no caption) and
    another table whose header names the same years under another label head, then running text."""
    first, second = Sheet(), Sheet()
    _prose(first, 640)
    first.text(LEFT, 690, "Tabel 2 Administration i alt", bold=True, size=9.5)
    _years_table(first, ADMIN_HEADER, ADMIN_BODY, 710)
    second.text(LEFT, 70, "Satspuljer 2023 der kan søges af kommunerne på beskæftigelsesområdet", size=10.0)
    _prose(second, _years_table(second, POOL_HEADER, POOL_BODY, 92) + 30)
    return write_pdf([first, second], path)


def _years_table(sheet: Sheet, header: list[str], body: list[list[str]], y: float) -> float:
    """Set a bold header on the baseline y, a rule under it and the body rows a pitch apart; return the last
    baseline."""
    _years_row(sheet, header, y, bold=True)
    sheet.hline(LEFT, SATS_EDGES[-1] + 5, y + 5)
    for row in body:
        y += PITCH
        _years_row(sheet, row, y)
    return y


def test_a_header_naming_years_on_the_next_page_heads_a_table_of_its_own(tmp_path):
    """A header whose numbers are all years is no body row read as a header: under another label head than the
    table that ended the page before, it starts a table of its own (not stitched on as that table's rows)."""
    tables = extract_tables(_years_tables_pdf(tmp_path / "years.pdf"))
    assert len(tables) == 2
    admin, pool = tables
    assert (admin.columns, _rows(admin), admin.last_page) == (ADMIN_HEADER, ADMIN_BODY, 1)
    assert (pool.columns, _rows(pool), pool.page) == (POOL_HEADER, POOL_BODY, 2)



DESC_X = SATS_EDGES[-1] + 20  # where the description column's text starts


def _described_row(sheet: Sheet, row: list[str], y: float, bold: bool = False) -> None:
    """Set a satspulje row with a last description cell on the baseline y."""
    _years_row(sheet, row[:5], y, bold)
    sheet.text(DESC_X, y, row[5], bold=bold, size=9.0)


def _years_header_repeated_pdf(path: Path) -> Path:
    """A table over years with a description column fills page 1 to its foot; page 2 repeats its header, its last
    cell run on by the wrapped end of the description beside it (so it reads otherwise), then more rows and running
    text."""
    first, second = Sheet(), Sheet()
    _prose(first, 600)
    first.text(LEFT, 650, "Satspuljer der kan søges af kommunerne", size=10.0)
    _described_row(first, [*POOL_HEADER, "Beskrivelse"], 670, bold=True)
    first.hline(LEFT, DESC_X + 100, 675)
    y = 670.0
    for row in POOL_BODY:
        y += PITCH
        _described_row(first, [*row, "Pulje"], y)
    _described_row(second, [*POOL_HEADER, "Beskrivelse"], 70, bold=True)
    second.text(DESC_X + width("Beskrivelse", True) + 2.5, 70, "flygtninge og familier", size=9.0)
    second.hline(LEFT, DESC_X + 100, 75)
    y = 70.0
    for row in ADMIN_BODY:
        y += PITCH
        _described_row(second, [*row, "Bidrag"], y)
    _prose(second, y + 30)
    return write_pdf([first, second], path)


def test_a_header_naming_years_under_the_same_label_head_goes_on_with_its_table(tmp_path):
    """A header naming years under the same label head as the table ending the page before is that table's header
    repeated, also when the rest of it reads otherwise: the table goes on."""
    tables = extract_tables(_years_header_repeated_pdf(tmp_path / "years_repeated.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page, t.columns[:5]) == (1, 2, POOL_HEADER)
    rows = [r[:5] for r in _rows(t)]
    assert rows[:3] == POOL_BODY
    assert rows[-2:] == ADMIN_BODY

# ---- a generic title repeated over another table opening the next page -------------------------------------------

INVEST_HEADER = ["Investering i implementering (1.000 kr.)", "2024", "2025", "2026"]
INVEST_BODY = [["Administration og afholdelse af rygestopkurser", "", "500", "265"],
               ["Kommunikation", "50", "100", "35"], ["Investering i alt", "300", "1.600", "1.300"]]
COURSE_HEADER = ["Rygestopkurser i arbejdstiden (1.000 kr.)", ""]
COURSE_BODY = [["Omfang af timer pr. kursus pr ansat", "10 timer"],
               ["Beløb for at frikøbe en ansat til et kursus", "3.000 kr."],
               ["Beløb for frikøb af 250 rygere", "750"]]


def _titled_row(sheet: Sheet, row: list[str], y: float, ends: list[float], bold: bool = False) -> None:
    """Set a row on the baseline y: a label at the cells' padding, then each cell right-aligned to its end."""
    sheet.text(LEFT + PAD, y, row[0], bold=bold, size=10.0)
    for x1, text in zip(ends, row[1:], strict=True):
        if text:
            sheet.text_right(x1, y, text, bold=bold, size=10.0)


def _repeated_title_pdf(path: Path) -> Path:
    """A table under the title "Oversigt" ends page 1 at its foot; page 2 opens with the same title over another
    table (a header of one cell over two columns), then running text."""
    first, second = Sheet(), Sheet()
    _prose(first, 650)
    invest_ends = [LEFT + 390, LEFT + 430, LEFT + 470]
    first.text(LEFT, 690, "Oversigt", bold=True, size=9.5)
    _titled_row(first, INVEST_HEADER, 706, invest_ends, bold=True)
    first.hline(LEFT, RIGHT, 711)
    y = 706.0
    for row in INVEST_BODY:
        y += PITCH
        _titled_row(first, row, y, invest_ends)
    second.text(LEFT, 70, "Oversigt", bold=True, size=9.5)
    _titled_row(second, COURSE_HEADER, 86, [RIGHT - 4], bold=True)
    second.hline(LEFT, RIGHT, 91)
    y = 86.0
    for row in COURSE_BODY:
        y += PITCH
        _titled_row(second, row, y, [RIGHT - 4])
    _prose(second, y + 30)
    return write_pdf([first, second], path)


def test_a_repeated_title_over_another_header_on_the_next_page_starts_a_new_table(tmp_path):
    """A table opening a page under the same generic title as the table that ended the page before, but headed
    otherwise, is another table: a continuation that repeats its title repeats its header too (its one-cell header
    is no body row read as a header)."""
    tables = extract_tables(_repeated_title_pdf(tmp_path / "repeated_title.pdf"))
    assert len(tables) == 2
    invest, course = tables
    assert (invest.columns, _rows(invest), invest.last_page) == (INVEST_HEADER, INVEST_BODY, 1)
    assert (course.caption, course.columns, _rows(course)) == ("Oversigt", COURSE_HEADER, COURSE_BODY)


# ---- a table of key figures under a plain title opening the page after a table that ends at the foot ------------

COURSE_HEADER = ["Rygestopkurser i arbejdstiden (1.000 kr.)", ""]
COURSE_ROWS = [["Omfang af timer pr. kursus pr ansat", "10 timer"],
               ["Beløb for at frikøbe en ansatte til kursusdeltagelse i arbejdstiden", "Ca. 3.000 kr."],
               ["Beløb for frikøb af estimeret 250 rygere, der vil takke ja til rygestopkursus", "750"]]
COURSE_LINES = [["Omfang af timer pr. kursus pr ansat"], ["Beløb for at frikøbe en ansatte til",
                                                          "kursusdeltagelse i arbejdstiden"],
                ["Beløb for frikøb af estimeret 250 rygere, der vil", "takke ja til rygestopkursus"]]


def _course_page_pdf(path: Path) -> Path:
    """Page 1: the economics table under its caption, its rows down to the page's foot. Page 2 opens with a plain
    title "Oversigt" at the margin (a little larger than the cells), a bold header of one cell ruled off, then rows
    of key figures whose labels wrap over two lines, each value set beside the middle of its label's lines (no
    line of several cells but the first row's), then running text."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 560, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    y = 580.0
    _econ_row(first, ECON_HEADER, y, bold=True)
    first.hline(LEFT, RIGHT, y + 6)
    for k in range(8):
        y += PITCH
        _econ_row(first, ECON_BODY[k % len(ECON_BODY)], y)
    y = 72.0
    second.text(LEFT, y, "Oversigt", size=10.5)
    y += PITCH + 4
    second.text(LEFT + PAD, y, COURSE_HEADER[0], bold=True, size=10.0)
    second.hline(LEFT, RIGHT, y + 6)
    y += 4
    for lines, row in zip(COURSE_LINES, COURSE_ROWS, strict=True):
        y += PITCH
        for j, text in enumerate(lines):
            second.text(LEFT + PAD, y + 11 * j, text, size=10.0)
        second.text(VALUE_X, y + 5.5 * (len(lines) - 1), row[1], size=10.0)
        y += 11 * (len(lines) - 1)
    _prose(second, y + 30)
    return write_pdf([first, second], path)


def test_key_figures_under_a_plain_title_opening_a_page_are_a_table_of_their_own(tmp_path):
    """A plain title at the margin, in another size than the cells, right above a table is its caption: the table
    it heads on the page after one that ended at the foot is a table of its own, not that table's continuation
    (tune seed 791, weasyprint-doc-001: such key figures were read as rows of the investment table before them, or
    lost); rows whose value is set beside the middle of their wrapped label count as lines of cells."""
    tables = extract_tables(_course_page_pdf(tmp_path / "course_page.pdf"))
    assert len(tables) == 2
    econ, course = tables
    assert (econ.page, econ.last_page) == (1, 1)
    assert course.caption == "Oversigt"
    assert course.columns == COURSE_HEADER
    assert _rows(course) == COURSE_ROWS
