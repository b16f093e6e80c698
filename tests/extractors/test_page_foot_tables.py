"""Tables at a page break that are not one table going on, and some that are (fpdf2 whole documents, doc-003 of
tune seeds 9001 and 791, doc-001 of 9001). Each test draws a small two-page PDF with ReportLab's canvas the way
fpdf2 prints those tables and fails without its fix:

- a numbered caption ending a page ("Tabel 3. Serviceinvesteringer i forslaget"), its table opening the next page
  under the same header as the table above the caption: the caption names the table on the next page, which is a
  table of its own (it was read as the rest of the table above, its caption lost);
- a table whose header is not repeated, in rules between its columns and none at its outer edges: its first row
  on the next page (a label and an entry, set like every row) is a body row, though the outer edges of the grid,
  where its widest text ends, differ on the two pages (the page was read as a table of its own, under that row
  read as its header);
- a plan's bold section row alone at the top of the page its plan goes on to (header not repeated), set as far
  above the next row as the rows are apart: a row of the plan, though the row under it holds ticks ("X"), not
  amounts (it was read as the caption of a table of its own);
- a table of key figures (no header) whose first row ends a page under its bold title, the other rows opening the
  next page: that row opens the table the next page's rows go on with (it was lost, and those rows were read as
  the rest of the table above the title).
"""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import DrawnRow, Sheet, cell_hrules, cell_shading, set_rows, width, write_pdf

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


UDVALG_HEADER = ["Udvalg", "type", "2024", "2025", "2026", "2027"]
UDVALG_EDGES = [LEFT, LEFT + 150, LEFT + 230, LEFT + 280, LEFT + 330, LEFT + 380, LEFT + 430]
UDVALG_FIRST = [["Økonomiudvalget", "Besparelse", "", "", "", ""],
                ["Økonomiudvalget", "Omkostninger", "", "", "", ""],
                ["Koncernservice", "Besparelse", "", "", "", ""],
                ["Koncernservice", "Omkostninger", "", "", "", ""]]
UDVALG_NEXT = [["Københavns Ejendomme", "Besparelse", "", "", "", ""],
               ["Københavns Ejendomme", "Omkostninger", "6.682", "43.674", "", ""],
               ["Socialudvalget", "Besparelse", "", "-7.592", "-10.122", "-10.122"],
               ["Total", "Besparelse", "6.682", "36.082", "-10.122", "-10.122"]]


def _centred_grid(sheet: Sheet, top: float, rows: list[list[str]], ruled_top: bool) -> float:
    """Set rows from `top`, labels at the left of their cells and the rest centred, in rules between the columns
    only (none at the grid's outer edges, none between the rows: every other row shaded), under a rule over the
    first row when `ruled_top`; return the bottom."""
    size, pad = 9.0, 4.0
    y = top
    if ruled_top:
        cell_hrules(sheet, UDVALG_EDGES, top)
    for k, row in enumerate(rows):
        baseline = y + pad + size - 2
        for j, text in enumerate(row):
            if j < 2:
                sheet.text(UDVALG_EDGES[j] + 2, baseline, text, size=size)
            elif text:
                mid = (UDVALG_EDGES[j] + UDVALG_EDGES[j + 1]) / 2
                sheet.text(mid - width(text, size=size) / 2, baseline, text, size=size)
        bottom = y + 2 * pad + size
        for x in UDVALG_EDGES[1:-1]:
            sheet.vline(x, y, bottom)
        if k % 2:
            cell_shading(sheet, UDVALG_EDGES, DrawnRow([], y, bottom), twice=False)
        y = bottom
    return y


def _headless_pdf(path: Path) -> Path:
    """Page 1: a caption and a table whose rows print labels only, ending at the page foot; page 2: its next rows
    at the top (header not repeated), amounts centred and wider than the years over them, then a paragraph."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 640, "Tabel 5. Fordeling af varige ændringer mellem udvalg, service", size=9)
    _centred_grid(first, 646.0, [UDVALG_HEADER, *UDVALG_FIRST], ruled_top=True)
    y = _centred_grid(second, 60.0, UDVALG_NEXT, ruled_top=False)
    second.text(LEFT, y + 24, PROSE[0], size=9)
    return write_pdf([first, second], path)


def test_a_headless_continuation_in_the_same_inner_rules_is_one_table(tmp_path):
    """One table over both pages, under its printed header, holding every printed row."""
    tables = [t for t in extract_tables(_headless_pdf(tmp_path / "headless.pdf")) if t.rows]
    assert len(tables) == 1, [(t.columns, t.page) for t in tables]
    assert tables[0].columns == UDVALG_HEADER
    assert _rows(tables[0]) == UDVALG_FIRST + UDVALG_NEXT


PLAN_HEADER = ["Aktivitet", "2023", "2024", "2025", "2026"]
PLAN_FIRST = [["En god start på livet", "", "", "", ""],
              ["Udarbejde samarbejdsmodel imellem aktører", "X", "X", "", ""],
              ["Etablere og drifte det nye tilbud", "X", "X", "X", "X"]]
PLAN_NEXT = [["En god skolestart", "", "", "", ""],
             ["Udvikle og tilpasse koncept", "X", "X", "X", ""],
             ["Identifikation og opstart på 2-4 skoler", "X", "X", "X", "X"]]
PLAN_X = [LEFT + 240, LEFT + 275, LEFT + 310, LEFT + 345]  # where each period's tick starts
PLAN_PITCH = 17.2  # one row: a line and the cells' padding (8.2 pt of space between two lines)


def _plan_rows(sheet: Sheet, top: float, rows: list[list[str]]) -> float:
    """Set a plan's rows from `top` (baseline of the first): a label-only row bold in a shaded band (a section
    row), the others a label and ticks; return the bottom of the last row."""
    y = top
    for row in rows:
        section = not any(row[1:])
        if section:
            sheet.fill(LEFT - 3, y - 10.5, LEFT + 370, y + 5.7)
        sheet.text(LEFT, y, row[0], bold=section, size=9)
        for x, mark in zip(PLAN_X, row[1:], strict=True):
            if mark:
                sheet.text(x, y, mark, size=9)
        y += PLAN_PITCH
    return y


def _plan_pdf(path: Path) -> Path:
    """Page 1: a numbered heading and a plan (bold header, a rule under it) ending at the page foot; page 2: the
    plan goes on, its header not repeated, under a bold section row in a band of its own at the top of the page,
    set as far above the next row as rows are apart (more than a wrapped header's lines)."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 672, "5. Implementering af forslaget (aktivitetsplan)", bold=True, size=9.5)
    first.text(LEFT, 693, PLAN_HEADER[0], bold=True, size=9)
    for x, year in zip(PLAN_X, PLAN_HEADER[1:], strict=True):
        first.text(x, 693, year, bold=True, size=9)
    first.hline(LEFT - 3, LEFT + 376, 697)
    _plan_rows(first, 711.0, PLAN_FIRST)
    y = _plan_rows(second, 74.0, PLAN_NEXT)
    second.text(LEFT, y + 30, "8. Opfølgning", bold=True, size=9.5)
    second.text(LEFT, y + 60, PROSE[0], size=10)
    return write_pdf([first, second], path)


def test_a_section_row_opening_a_page_goes_on_with_the_plan(tmp_path):
    """One plan over both pages, its section row on page 2 a row of it (not the caption of a table of its own)."""
    tables = [t for t in extract_tables(_plan_pdf(tmp_path / "plan.pdf")) if t.rows]
    assert len(tables) == 1, [(t.caption, t.columns, t.page) for t in tables]
    assert tables[0].columns == PLAN_HEADER
    assert _rows(tables[0]) == PLAN_FIRST + PLAN_NEXT


FIGURES = [[["Besparelse i dage pr. ryger, der", "stopper"], "2,2 dage om året"],
           [["Besparelse i timer pr. år pr.", "ryger, der stopper"], "14.30 timer om året"],
           [["Varig besparelse i kr. pr. ryger,", "der stopper"], "4.233 kr. om året"]]
FIGURE_X = LEFT + 200  # where the figures' column starts


def _figure_rows(sheet: Sheet, top: float, rows: list) -> float:
    """Set key-figure rows (a label wrapped over two lines, a figure beside its first line) from `top` (the first
    baseline), a rule over them; return the last row's bottom."""
    sheet.hline(LEFT - 3, LEFT + 310, top - 11.0)
    y = top
    for label, figure in rows:
        for j, text in enumerate(label):
            sheet.text(LEFT, y + 11.2 * j, text, size=9)
        sheet.text(FIGURE_X, y, figure, size=9)
        y += 34.5
    return y


def _foot_row_pdf(path: Path) -> Path:
    """Page 1: Tabel 2 ending low on the page, a paragraph, the bold title 'Oversigt', and the first row of its
    table of key figures (no header) as the page's last lines; page 2: the table's other rows at the top."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 515, "Tabel 2. Varige ændringer, service", size=9)
    y = _ruled_table(first, 521.0, VARIGE, HEADER)
    first.text(LEFT, y + 24, PROSE[0], size=9)
    first.text(LEFT, y + 60, "Oversigt", bold=True, size=9.5)
    _figure_rows(first, y + 88, FIGURES[:1])
    y = _figure_rows(second, 80.0, FIGURES[1:])
    second.text(LEFT, y + 10, PROSE[1], size=9)
    return write_pdf([first, second], path)


def test_a_body_row_ending_a_page_under_a_title_opens_the_table_the_next_page_goes_on_with(tmp_path):
    """Two tables: Tabel 2 with its own rows only, and 'Oversigt' with its row from page 1 and those of page 2."""
    tables = [t for t in extract_tables(_foot_row_pdf(tmp_path / "footrow.pdf")) if t.rows]
    assert [(t.caption, t.page, t.last_page) for t in tables] == [
        ("Tabel 2. Varige ændringer, service", 1, 1), ("Oversigt", 1, 2)]
    assert _rows(tables[0]) == VARIGE
    assert _rows(tables[1]) == [[" ".join(label), figure] for label, figure in FIGURES]
