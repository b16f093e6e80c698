"""Regression tests for tables that a page break cuts the way Chromium's print to PDF cuts them (issue 10): a row
moved on alone to the top of the next page, a row read as a header there, cells set above a row's values read as
that page's header, and a row whose texts run on over the break. Each test draws a small PDF with ReportLab's
canvas at test time (tune seeds 777, 780-782: chromium-doc-001, -002 and -003 were read with these cuts).
"""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_hrules, cell_shading, set_rows, write_pdf

LEFT = 57.0
YEARS = ["2026", "2027", "2028"]
ECON_HEADER = ["1.000 kr. 2027 p/l", "Bevilling", *YEARS]
ECON_EDGES = [LEFT, LEFT + 230, LEFT + 300, LEFT + 350, LEFT + 400, LEFT + 450]
PROSE = ["Økonomien i forslaget er beregnet ud fra de gældende enhedspriser og det forventede aktivitetsniveau, og",
         "forslaget indgår i de videre forhandlinger om budgettet sammen med de øvrige forslag fra udvalget, der",
         "behandles på mødet i næste måned."]


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


def _prose(sheet: Sheet, top: float, table: bool = False) -> None:
    """Set a paragraph of running text (three lines from the left margin) at `top`; with `table`, a small table of
    its own under it (so the page is read in full: the first look passes over a page whose only cells sit in its
    top margin)."""
    for k, line in enumerate(PROSE):
        sheet.text(LEFT, top + 12 * k, line, size=10.0)
    if not table:
        return
    sheet.text(LEFT, top + 52, "Hvem er hørt?", bold=True, size=9.5)
    edges = [LEFT, LEFT + 230, LEFT + 330, LEFT + 450]
    rows = set_rows(sheet, edges, [OTHER_HEADER, *OTHER_BODY], top + 60, bold_rows=frozenset({0}), numeric_from=9)
    for r in rows:
        cell_hrules(sheet, edges, r.bottom)


OTHER_HEADER = ["", "Ja/Nej", "Dato for godkendelse"]
OTHER_BODY = [["Center for Økonomi", "Ja", "21. januar 2022"], ["IT-kredsen", "Ikke relevant", "-"]]


# ---- a table's last row moved on alone to the next page ----------------------------------------------------------

INVEST_BODY = [
    ["Investering i implementering af røgfri arbejdstid", "Sundhed", "900", "4.800", "3.900"],
    ["Frikøb af arbejdstid til rygestopkursus", "Sundhed", "", "1.500", "750"],
]
INVEST_TOTAL = ["Investeringer totalt, Service", "", "900", "6.300", "4.650"]


def _last_row_alone_pdf(path: Path) -> Path:
    """Tabel 3 (ruled under its header and every row) ends page 1 near its foot; its total row, the page break
    moved on, opens page 2 alone (no header repeated), running text under it."""
    first, second = Sheet(), Sheet()
    _prose(first, 80)
    first.text(LEFT, 700, "Tabel 3. Serviceinvesteringer i forslaget", size=9.5)
    rows = set_rows(first, ECON_EDGES, [ECON_HEADER, *INVEST_BODY], 708, bold_rows=frozenset({0}))
    for r in rows:
        cell_hrules(first, ECON_EDGES, r.bottom)
    last = set_rows(second, ECON_EDGES, [INVEST_TOTAL], 60)
    cell_hrules(second, ECON_EDGES, last[0].top)
    cell_hrules(second, ECON_EDGES, last[0].bottom)
    _prose(second, last[0].bottom + 25, table=True)
    return write_pdf([first, second], path)


def test_a_last_row_moved_alone_to_the_next_page_is_the_tables_last_row(tmp_path):
    """One line of cells opening a page under a table that ends the page before is that table's last row (it was
    no table region: a region needs two lines of cells)."""
    tables = extract_tables(_last_row_alone_pdf(tmp_path / "alone.pdf"))
    assert len(tables) == 2
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == ECON_HEADER
    assert _rows(t) == [*INVEST_BODY, INVEST_TOTAL]


AELDRE_HEADER = ["Mio. kr., 2021-pl", "2021", "2022", "2023", "2024"]
AELDRE_EDGES = [LEFT, LEFT + 200, LEFT + 260, LEFT + 320, LEFT + 380, LEFT + 440]
DEMENS = ["Bedre hjælp til borgere med demens i det", "offentlige rum (demensbadge)"]


def _header_at_foot_one_row_next_pdf(path: Path) -> Path:
    """A one-row table: its caption and header end page 1 (a rule under the header), its one row (a label wrapped
    over two lines) opens page 2 alone, running text under it; a one-row table before it on page 1."""
    first, second = Sheet(), Sheet()
    _prose(first, 80)
    first.text(LEFT, 640, "Tabel 4 Konkurser i ældreplejen", bold=True, size=9.5)
    rows = set_rows(first, AELDRE_EDGES, [AELDRE_HEADER, ["Konkurser i ældreplejen", "91,7", "91,7", "91,7", "91,7"]],
                    650, bold_rows=frozenset({0}), numeric_from=1)
    cell_hrules(first, AELDRE_EDGES, rows[0].bottom)
    first.text(LEFT, 740, "Tabel 5 Bedre hjælp til borgere med demens i det offentlige rum", bold=True, size=9.5)
    head = set_rows(first, AELDRE_EDGES, [AELDRE_HEADER], 750, bold_rows=frozenset({0}), numeric_from=1)
    cell_hrules(first, AELDRE_EDGES, head[0].bottom)
    row = set_rows(second, AELDRE_EDGES, [[DEMENS, "67,9", "7,0", "7,0", "3,5"]], 60, numeric_from=1)
    _prose(second, row[0].bottom + 25, table=True)
    return write_pdf([first, second], path)


def test_a_header_at_a_page_foot_heads_the_one_row_that_opens_the_next_page(tmp_path):
    """A header left at a page's foot heads the one row (one line of cells and its wrapped label line) that opens
    the next page: one table, caption and header from page 1, its row from page 2."""
    tables = extract_tables(_header_at_foot_one_row_next_pdf(tmp_path / "foot.pdf"))
    assert [t.caption for t in tables][:2] == ["Tabel 4 Konkurser i ældreplejen",
                                               "Tabel 5 Bedre hjælp til borgere med demens i det offentlige rum"]
    t = tables[1]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == AELDRE_HEADER
    assert _rows(t) == [[" ".join(DEMENS), "67,9", "7,0", "7,0", "3,5"]]


# ---- a text table's last row, alone at the next page's top, reads like a header ---------------------------------

PLAN_HEADER = ["Opfølgningsmål", "Hvordan måles opfølgningsmålet?", "Hvem er ansvarlig?", "Hvornår?"]
PLAN_EDGES = [LEFT, LEFT + 170, LEFT + 330, LEFT + 420, LEFT + 480]
PLAN_BODY = [
    [["Ansættelse af terapeuter –", "4 årsværk"], ["Ansættelseskontrakter", "for de nye terapeuter"],
     ["Center for Omsorg", "og Rehabilitering"], "Medio 2022"],
    [["Udskydelse af behov for", "hjemmepleje i 26 uger"], ["Via datatræk i", "omsorgssystemet"],
     ["Center for Omsorg", "og Rehabilitering"], "Løbende"],
]
PLAN_LAST = [["Udskydelse af behov for", "hjemmepleje for borgere i", "vedligeholdende tilbud"],
             ["Realiseringen af effekten", "måles igennem omkostningen", "til hjemmepleje"],
             ["Center for Omsorg", "og Rehabilitering"], ["Ved fuld", "implementering"]]


def _text_row_alone_pdf(path: Path) -> Path:
    """A text table (bold header, a rule under every row) ends page 1 near its foot; its last row, three lines of
    text in every cell and no amount, opens page 2 alone between two rules, running text under it."""
    first, second = Sheet(), Sheet()
    _prose(first, 80)
    first.text(LEFT, 640, "Opfølgning", size=9.5)
    rows = set_rows(first, PLAN_EDGES, [PLAN_HEADER, *PLAN_BODY], 650, bold_rows=frozenset({0}), numeric_from=9)
    cell_hrules(first, PLAN_EDGES, rows[0].top)
    for r in rows:
        cell_hrules(first, PLAN_EDGES, r.bottom)
    last = set_rows(second, PLAN_EDGES, [PLAN_LAST], 60, numeric_from=9)
    cell_hrules(second, PLAN_EDGES, last[0].top)
    cell_hrules(second, PLAN_EDGES, last[0].bottom)
    _prose(second, last[0].bottom + 25, table=True)
    return write_pdf([first, second], path)


def test_a_text_row_alone_at_the_next_pages_top_is_a_row_not_a_header(tmp_path):
    """A text row (no amounts, every column filled) opening a page alone under a text table that ends the page
    before reads like a header, with no body under it (no table was read); it is that table's last row."""
    tables = extract_tables(_text_row_alone_pdf(tmp_path / "text.pdf"))
    assert len(tables) == 2
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == PLAN_HEADER
    assert _rows(t)[-1] == [" ".join(c) for c in PLAN_LAST]
    assert len(t.rows) == 3


# ---- cells set above a row's centred values, under a header left at the page before's foot -----------------------

POOL_HEADER = ["Initiativ og aktivitetsområde", "2021", "2022", "2023", "Beskrivelse"]
POOL_EDGES = [LEFT, LEFT + 150, LEFT + 190, LEFT + 230, LEFT + 270, LEFT + 480]
DESCRIPTION = ["Der er i perioden 2019-2022 afsat 128,4 mio. kr. til", "11 initiativer der skal medvirke til, at",
               "flere mennesker med handicap kommer i", "beskæftigelse. Initiativerne dækker i høj",
               "grad over fokus og vidensdeling. Forvaltningens", "vurdering: Et mere detaljeret udspil afventer.",
               "Forvaltningen kan derfor endnu ikke vurdere", "indholdet i de nye indsatser."]
SECOND = [["Idræt som vej til inklusion", "(Beskæftigelse)"], "10,0", "5,0", "10,0",
          ["Der afsættes 35 mio. kr. i perioden", "2019-2022 til initiativet."]]


def _centred_values_under_foot_header_pdf(path: Path) -> Path:
    """A table whose caption and shaded header end page 1; page 2 opens with its body, ruled under every row, the
    first row's description eight lines tall and its label and amounts set centred beside it (five lines of the
    description above them: read as page 2's own header)."""
    first, second = Sheet(), Sheet()
    _prose(first, 80)
    first.text(LEFT, 750, "Satspuljer 2021 der kan søges af kommunerne", bold=True, size=9.5)
    head = set_rows(first, POOL_EDGES, [POOL_HEADER], 760, bold_rows=frozenset({0}), numeric_from=1)
    cell_shading(first, POOL_EDGES, head[0])
    label = ["", "", "", "", "", "Flere mennesker med", "handicap i job"]
    value = ["", "", "", "", "", ""]
    row = [label, [*value, "22,2"], [*value, "34,4"], [*value, "33,5"], DESCRIPTION]
    rows = set_rows(second, POOL_EDGES, [row, SECOND], 60, numeric_from=1)
    cell_hrules(second, POOL_EDGES, rows[0].top)
    for r in rows:
        cell_hrules(second, POOL_EDGES, r.bottom)
    _prose(second, rows[-1].bottom + 25, table=True)
    return write_pdf([first, second], path)


def test_cells_set_above_a_rows_centred_values_stay_in_that_row(tmp_path):
    """Under a header left at the page before's foot, the lines of the first row's description set above its
    centred label and amounts (read as the page's header, then given up for the header at the foot) go back into
    that row, not into a row of their own before it."""
    tables = extract_tables(_centred_values_under_foot_header_pdf(tmp_path / "centred.pdf"))
    assert len(tables) == 2
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == POOL_HEADER
    assert _rows(t) == [
        ["Flere mennesker med handicap i job", "22,2", "34,4", "33,5", " ".join(DESCRIPTION)],
        [" ".join(SECOND[0]), "10,0", "5,0", "10,0", " ".join(SECOND[4])],
    ]


# ---- a row whose texts run on over the page break ----------------------------------------------------------------

BROKEN_LABEL = ["Idræt som vej til inklusion,", "integration og sundhed – i", "bilag nr. 91"]
BROKEN_REST_LABEL = ["(Beskæftigelse)"]
BROKEN_TEXT = ["Der afsættes 35 mio. kr. i perioden 2019-2022", "til initiativet, hvor der inden for en national"]
BROKEN_REST_TEXT = ["ramme ydes støtte til forsøg med brug af idræt", "som led i sundhedsfremmende indsatser."]
NEXT_ROW = [["Konsolidering af Flere skal med", "(Beskæftigelse)"], "32,7", "28,6", "4,4",
            ["Aftalepartierne er enige om, at de gode", "erfaringer skal udbredes."]]


def _row_running_on_pdf(path: Path, label_only: bool) -> Path:
    """A table ruled under every row whose last row on page 1 breaks: its label and amounts (and the first lines
    of its description) before the break, the rest of its label (and description) opening page 2 under the
    repeated header; `label_only`: no description column."""
    edges = POOL_EDGES if not label_only else POOL_EDGES[:-1]
    header = POOL_HEADER if not label_only else POOL_HEADER[:-1]
    first_row = [BROKEN_LABEL, "10,0", "5,0", "10,0", BROKEN_TEXT]
    rest_row = [BROKEN_REST_LABEL, "", "", "", BROKEN_REST_TEXT]
    next_row = NEXT_ROW
    before = [["Flere mennesker med handicap i job", "22,2", "34,4", "33,5", ["Der er afsat 128,4 mio. kr."]]]
    if label_only:
        first_row, rest_row, next_row, before = (first_row[:-1], rest_row[:-1], next_row[:-1],
                                                 [before[0][:-1]])
    first, second = Sheet(), Sheet()
    _prose(first, 80)
    first.text(LEFT, 690, "Satspuljer 2021 der kan søges af kommunerne", bold=True, size=9.5)
    rows = set_rows(first, edges, [header, *before, first_row], 700, bold_rows=frozenset({0}), numeric_from=1)
    cell_shading(first, edges, rows[0])
    for r in rows:
        cell_hrules(first, edges, r.bottom)
    rows = set_rows(second, edges, [header, rest_row, next_row], 60, bold_rows=frozenset({0}), numeric_from=1)
    cell_shading(second, edges, rows[0])
    for r in rows:
        cell_hrules(second, edges, r.bottom)
    _prose(second, rows[-1].bottom + 25, table=True)
    return write_pdf([first, second], path)


def test_a_label_and_description_running_on_over_the_page_break_are_one_row(tmp_path):
    """The first row after the repeated header holds only the rest of the broken row's label, "(Beskæftigelse)",
    and of its description, starting in lowercase: it goes on with the row before, not a row of its own."""
    tables = extract_tables(_row_running_on_pdf(tmp_path / "broken.pdf", label_only=False))
    assert len(tables) == 2
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert _rows(t)[1:] == [
        [" ".join(BROKEN_LABEL + BROKEN_REST_LABEL), "10,0", "5,0", "10,0", " ".join(BROKEN_TEXT + BROKEN_REST_TEXT)],
        [" ".join(NEXT_ROW[0]), "32,7", "28,6", "4,4", " ".join(NEXT_ROW[4])],
    ]


def test_a_label_running_on_in_brackets_over_the_page_break_is_one_row(tmp_path):
    """The rest of a broken label that opens the next page in brackets, "(Beskæftigelse)", alone in its row, goes
    on with the row before (a bracket opens no label of its own)."""
    tables = extract_tables(_row_running_on_pdf(tmp_path / "label.pdf", label_only=True))
    assert len(tables) == 2
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert _rows(t)[1:] == [
        [" ".join(BROKEN_LABEL + BROKEN_REST_LABEL), "10,0", "5,0", "10,0"],
        [" ".join(NEXT_ROW[0]), "32,7", "28,6", "4,4"],
    ]
