"""Regression tests for the causes of the producer gap: tables printed the way Word, LibreOffice and browsers print
them (borders and shading drawn per cell, rules only above totals, captions above the first rule, ...) read like
the same tables printed any other way. Each test draws a small PDF with ReportLab's canvas at test time."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.layout import Rule
from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import (
    Sheet,
    cell_borders,
    cell_hrules,
    cell_shading,
    set_rows,
    width,
    write_pdf,
)

LEFT = 57.0
YEARS = ["2022", "2023", "2024"]
HEADER = ["1.000 kr. 2023 p/l", "Styringsområde", *YEARS]
FRIKOEB = "Frikøb af 2 medarbejdere til ICM-indsats på"


def _texts(row) -> list[str]:
    """A row's cell texts, "" for an empty cell."""
    return [c.text if c else "" for c in row.cells]


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts."""
    return [_texts(r) for r in t.rows]


def _economics_edges(label_width: float) -> list[float]:
    """Column edges of a Tabel 1-like table whose label column is `label_width` wide."""
    x = LEFT + label_width
    return [LEFT, x, x + 70, x + 120, x + 170, x + 220]


# ---- cause 1: rulings and shading drawn per cell -----------------------------------------------------------------


def test_merge_rules_joins_abutting_and_overlapping_pieces_and_keeps_apart_the_rest():
    """Cause 1 (per-cell rulings), unit level: a rule drawn as abutting per-cell pieces, or twice, is one rule;
    pieces on other lines, or parted by a real gap, stay apart."""
    from extractors.layout import merge_rules  # imported here: the old extractor lacks it, and only this test fails

    pieces = [Rule(100.0, 50.0, 150.0), Rule(100.2, 150.0, 200.0), Rule(100.0, 199.5, 300.0),  # per cell
              Rule(100.0, 50.0, 150.0),  # drawn twice
              Rule(120.0, 50.0, 150.0), Rule(120.0, 160.0, 300.0),  # 10 pt apart: two rules
              Rule(140.0, 50.0, 300.0)]
    merged = merge_rules(pieces)
    assert [(round(r.pos, 1), r.start, r.end) for r in merged] == [
        (100.0, 50.0, 300.0), (120.0, 50.0, 150.0), (120.0, 160.0, 300.0), (140.0, 50.0, 300.0)]


def test_merge_shades_joins_the_cells_of_a_shaded_row_and_records_where_they_meet():
    """Cause 1 (per-cell shading), unit level: a row shaded one rectangle per cell, each drawn twice, is one band;
    the x where two cells meet is a joint (a column boundary); a band on another row stays apart."""
    from extractors.layout import merge_shades  # imported here: the old extractor lacks it

    cells = [(50.0, 100.0, 150.0, 112.0), (150.0, 100.0, 200.0, 112.0), (200.0, 100.0, 300.0, 112.0)]
    bands, joints = merge_shades(cells + cells + [(50.0, 130.0, 300.0, 142.0)])
    assert sorted(bands) == [(50.0, 100.0, 300.0, 112.0), (50.0, 130.0, 300.0, 142.0)]
    assert sorted({(j.x, j.top, j.bottom) for j in joints}) == [(150.0, 100.0, 112.0), (200.0, 100.0, 112.0)]


def _su1_tabel1_sheet() -> Sheet:
    """Return a page opened by SU1's proposal title and its "Tabel 1" caption, ready for the table below them."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Forslagets titel: SU1. Første forslag", bold=True, size=11)
    sheet.text(LEFT, 110, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True)
    return sheet


def _per_cell_pdf(path: Path, verticals: bool = True) -> Path:
    """Tabel 1 with its borders drawn cell by cell (every cell's four borders, or only the horizontal ones, one
    piece per cell) and its header shaded cell by cell; the first label line runs to about 3 pt before the
    "Service" of the next column."""
    sheet = _su1_tabel1_sheet()
    edges = _economics_edges(width(FRIKOEB) + 3.0)
    body = [
        ["Varige ændringer"],
        [[FRIKOEB, "socialpsykiatrien"], "Service", "", "1.950", "1.950"],
        [["Reducerede udgifter sfa. færre", "midlertidige botilbud"], "Service", "", "-2.000", "-2.000"],
        ["Samlet varig ændring", "", "", "-50", "-50"],
    ]
    rows = set_rows(sheet, edges, [HEADER, *body], 120, bold_rows=frozenset({0}), pad_x=1.5)
    cell_shading(sheet, edges, rows[0])
    if verticals:
        cell_borders(sheet, edges, rows)
    else:
        for y in sorted({r.top for r in rows} | {rows[-1].bottom}):
            cell_hrules(sheet, edges, y)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forslaget betyder, at flere borgere får hjælp.")
    return write_pdf([sheet], path)


@pytest.mark.parametrize("verticals", [True, False], ids=["grid", "hrules"])
def test_rules_drawn_per_cell_read_as_one_table_with_its_columns(tmp_path, verticals):
    """Cause 1 (rulings drawn per cell): every border is drawn per cell (a full grid, or horizontal rules only) and
    the header shaded per cell; the pieces join into the rules a reader sees, so the table is one table (not one
    per ruled row) and every value sits under its year; where only horizontal rules are drawn, the joints of their
    pieces mark the columns, so a label running to 3 pt before the next column ("... på" | "Service") is split
    from it."""
    tables = extract_tables(_per_cell_pdf(tmp_path / "table.pdf", verticals))
    assert len(tables) == 1
    t = tables[0]
    assert t.caption == "Tabel 1. Forslagets samlede økonomiske konsekvenser"
    assert t.columns == HEADER
    assert _rows(t) == [
        ["Varige ændringer", "", "", "", ""],
        [FRIKOEB + " socialpsykiatrien", "Service", "", "1.950", "1.950"],
        ["Reducerede udgifter sfa. færre midlertidige botilbud", "Service", "", "-2.000", "-2.000"],
        ["Samlet varig ændring", "", "", "-50", "-50"],
    ]


# ---- cause 2: rules only above totals ----------------------------------------------------------------------------

ECONOMICS_BODY = [
    ["Varige ændringer"],
    ["Terapeutfaglige kompetencer", "Service", "", "2.100", "2.100"],
    [["Udskydelse af behov for hjemmepleje for", "borgere i aktivitetstilbud"], "Service", "", "-3.200", "-4.600"],
    ["Samlet varig ændring", "", "", "-1.100", "-2.500"],
    ["Implementeringsomkostninger"],
    ["Organisering af medarbejdere", "Service", "500", "300", ""],
    ["Samlede implementeringsomkostninger", "", "500", "300", "0"],
    ["Samlet økonomisk påvirkning", "", "500", "-800", "-2.500"],
    ["Tilbagebetalingstid baseret på totaløkonomi", "", "2", "", ""],
]


def _read(rows: list[list], n: int = 5) -> list[list[str]]:
    """The rows as a reader reads them: a cell's lines joined by a space, short rows padded with empty cells."""
    return [[" ".join(c) if isinstance(c, list) else c for c in r] + [""] * (n - len(r)) for r in rows]


def _totals_ruled_pdf(path: Path) -> Path:
    """Tabel 1 with no grid and no top or bottom rule: a rule only above "Samlet varig ændring", "Samlede
    implementeringsomkostninger" and "Samlet økonomisk påvirkning" (the final total and the payback row come
    after the last rule)."""
    sheet = _su1_tabel1_sheet()
    edges = _economics_edges(190)
    rows = set_rows(sheet, edges, [HEADER, *ECONOMICS_BODY], 120, bold_rows=frozenset({0}))
    for r in rows:
        if r.cells[0] and r.cells[0][0].startswith("Samle"):
            sheet.hline(edges[0], edges[-1], r.top)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forslaget betyder, at flere borgere får hjælp.")
    return write_pdf([sheet], path)


def test_rows_after_the_last_rule_above_a_total_stay_in_the_table(tmp_path):
    """Cause 2 (rules only above totals): the only rules are the ones above the totals; the table runs on through
    them and past the last one, so the final total and the payback row are rows of the same table (not a
    headerless table of their own) with their values under the year headers."""
    tables = extract_tables(_totals_ruled_pdf(tmp_path / "totals.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == HEADER
    assert _rows(t) == _read(ECONOMICS_BODY)
    assert dict(zip(t.columns, _texts(t.rows[-2]), strict=True)) == {
        "1.000 kr. 2023 p/l": "Samlet økonomisk påvirkning", "Styringsområde": "", "2022": "500", "2023": "-800",
        "2024": "-2.500"}


# ---- cause 3: caption and unit line set right above a ruled table's first rule -----------------------------------

SERVICE_HEADER = ["1.000 kr. 2023 p/l", "Bevillingsområde", *YEARS]
SERVICE_BODY = [
    ["Terapeutfaglige kompetencer", "Sundhed", "", "2.100", "2.100"],
    ["Færre midlertidige botilbud", "Socialområdet", "", "-2.000", "-2.000"],
    ["I alt", "", "", "100", "100"],
]


def _caption_over_frame_pdf(path: Path) -> Path:
    """Tabel 2 in a box (rules at the top, under the header and at the bottom, vertical rules at the sides), the
    caption and a unit line "(1.000 kr.)" set right above the first rule, the header not bold and set with no
    top padding (the first rule runs just over its capitals, through the box pdfplumber gives its characters)."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Forslagets titel: SU1. Første forslag", bold=True, size=11)
    sheet.text(LEFT, 108, "Tabel 2. Varige ændringer, service")
    sheet.text(LEFT, 120, "(1.000 kr.)")
    edges = _economics_edges(170)
    rows = set_rows(sheet, edges, [SERVICE_HEADER, *SERVICE_BODY], 124)
    first = rows[0].top + 3.2  # 6.8 pt above the header's baseline: over its capitals (6.5 pt high)
    for y in (first, rows[0].bottom, rows[-1].bottom):
        sheet.hline(edges[0], edges[-1], y)
    for x in (edges[0], edges[-1]):
        sheet.vline(x, first, rows[-1].bottom)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forslaget betyder, at flere borgere får hjælp.")
    return write_pdf([sheet], path)


def test_a_caption_and_unit_line_above_the_first_rule_are_not_the_header(tmp_path):
    """Cause 3 (caption and unit line above a ruled table's first rule): the lines just above the frame are the
    caption and its unit, not header lines; the header is the first row inside the frame even though it is not
    bold."""
    tables = extract_tables(_caption_over_frame_pdf(tmp_path / "caption.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.caption is not None and t.caption.startswith("Tabel 2. Varige ændringer, service")
    assert t.columns == SERVICE_HEADER
    assert _rows(t) == _read(SERVICE_BODY)
    assert t.unit == "1.000 kr."


# ---- cause 4: sections under one header, set off by shaded bands ------------------------------------------------


SECTIONS_BODY = [
    ["Varige ændringer"],
    ["heraf lønudgifter til terapeuter", "Service", "", "2.100", "2.100"],
    ["Terapeutfaglige kompetencer", "Service", "", "400", "400"],
    ["Samlet varig ændring", "", "", "2.500", "2.500"],
    ["Implementeringsomkostninger"],
    ["", "Service", "500", "300", ""],
    ["Samlet økonomisk påvirkning", "", "500", "2.800", "2.500"],
]


def _shaded_sections_pdf(path: Path) -> Path:
    """Tabel 1 whose year header is printed once, with the section titles "Varige ændringer" and
    "Implementeringsomkostninger" as full-width bands shaded one rectangle per cell (each drawn twice) and no rules;
    the row under the first band starts in lowercase ("heraf ..."), the row under the second has no label."""
    sheet = _su1_tabel1_sheet()
    edges = _economics_edges(190)
    rows = set_rows(sheet, edges, [HEADER, *SECTIONS_BODY], 120, bold_rows=frozenset({0}))
    for r in rows:
        if r.cells[0] and r.cells[0][0] in ("Varige ændringer", "Implementeringsomkostninger"):
            cell_shading(sheet, edges, r)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forslaget betyder, at flere borgere får hjælp.")
    return write_pdf([sheet], path)


def test_shaded_section_bands_drawn_per_cell_are_rows_of_their_own(tmp_path):
    """Cause 4 (sections under one header, shaded bands inside a table): the section titles are shaded bands drawn
    one rectangle per cell; joined, each band sets its title off as a row of its own, so a title is not glued to
    the row under it (one starting in lowercase, one without a label), and every value row stays keyed to the one
    year header of the one table."""
    tables = extract_tables(_shaded_sections_pdf(tmp_path / "sections.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == HEADER
    assert _rows(t) == _read(SECTIONS_BODY)


# ---- cause 5: context assigned after stitching -------------------------------------------------------------------

CAPTION_1 = "Tabel 1. Forslagets samlede økonomiske konsekvenser"


def _economics_rows(n: int, start: int) -> list[list[str]]:
    """n value rows of a Tabel 1, labelled by number."""
    return [[f"Indsats nr. {start + i}", "Service", "", f"-{100 + start + i}", f"-{200 + start + i}"] for i in range(n)]


def _continued_pdf(path: Path, title_below: bool) -> Path:
    """Page 1: SU1's title, then its Tabel 1 running to the bottom of the page; page 2: the same caption and header
    repeated over the rest of the table, then "Forslagets titel: SU2. Andet forslag" with its own Tabel 1, and
    "Forslagets titel: SU3. Tredje forslag" with its own. SU1's title is set on the line under a bold "Forslagets
    titel:" in plain type (`title_below`), or on the same line."""
    edges = _economics_edges(190)
    one, two = Sheet(), Sheet()
    if title_below:
        one.text(LEFT, 70, "Forslagets titel:", bold=True, size=11)
        one.text(LEFT, 85, "SU1. Første forslag", size=10)  # plain: not a heading on its own
    else:
        one.text(LEFT, 70, "Forslagets titel: SU1. Første forslag", bold=True, size=11)
    one.text(LEFT, 120, CAPTION_1, bold=True)
    rows = set_rows(one, edges, [HEADER, *_economics_rows(40, 1)], 130, bold_rows=frozenset({0}))
    assert rows[-1].bottom > 0.85 * one.height  # the table runs to the bottom of page 1
    two.text(LEFT, 70, CAPTION_1, bold=True)
    rows = set_rows(two, edges, [HEADER, *_economics_rows(5, 41), ["Samlet varig ændring", "", "", "-5.000", "-9.000"]],
                    80, bold_rows=frozenset({0}))
    y = rows[-1].bottom
    for title, start in (("SU2. Andet forslag", 100), ("SU3. Tredje forslag", 200)):
        two.text(LEFT, y + 40, f"Forslagets titel: {title}", bold=True, size=11)
        two.text(LEFT, y + 74, CAPTION_1, bold=True)
        y = set_rows(two, edges, [HEADER, *_economics_rows(3, start)], y + 84, bold_rows=frozenset({0}))[-1].bottom
    return write_pdf([one, two], path)


@pytest.mark.parametrize("title_below", [True, False], ids=["title-below-label", "title-on-label-line"])
def test_a_continued_table_repeating_its_caption_keeps_its_context_and_the_next_proposals_keep_theirs(
        tmp_path, title_below):
    """Cause 5 (context before stitching): the continuation of SU1's Tabel 1 on page 2 repeats the caption; context
    is assigned after the continuation is stitched on, so it is not taken for a second Tabel 1 of SU1 that pushes
    the following tables onto the next proposal's title: SU1's table is one table (pages 1-2) under "SU1. Første
    forslag", SU2's and SU3's Tabel 1 get their own titles. A title set on the line under "Forslagets titel:" is
    read as the title."""
    tables = [t for t in extract_tables(_continued_pdf(tmp_path / "two_pages.pdf", title_below))
              if t.caption and t.caption.startswith("Tabel 1.")]
    assert [(t.page, t.last_page, t.context) for t in tables] == [
        (1, 2, "SU1. Første forslag"), (2, 2, "SU2. Andet forslag"), (2, 2, "SU3. Tredje forslag")]
    first, second, _ = tables
    assert first.columns == HEADER and second.columns == HEADER
    assert len(first.rows) == 46 and _texts(first.rows[-1]) == ["Samlet varig ændring", "", "", "-5.000", "-9.000"]
    assert [_texts(r)[0] for r in second.rows] == ["Indsats nr. 100", "Indsats nr. 101", "Indsats nr. 102"]


# ---- cause 6: a dash inside text ---------------------------------------------------------------------------------

AREA_HEADER = ["", *YEARS]
AREA_BODY = [
    ["3000 – Børnefamilier med særlige behov", "", "-1.200", "-1.500"],
    ["4000 – Voksne med særlige behov", "300", "300", "300"],
    ["5000 – Sundhed og forebyggelse", "", "-800", "-900"],
]


def _dash_text_pdf(path: Path) -> Path:
    """A table whose label column holds "3000 – Børnefamilier med særlige behov" (an area number, an en dash, a
    name) and has no header of its own; rules under the header and at the bottom only."""
    sheet = Sheet()
    sheet.text(LEFT, 110, "Tabel 3. Forslagets fordeling på bevillingsområder (1.000 kr.)", bold=True)
    x = LEFT + 200
    edges = [LEFT, x, x + 50, x + 100, x + 150]
    rows = set_rows(sheet, edges, [AREA_HEADER, *AREA_BODY], 120, bold_rows=frozenset({0}), numeric_from=1)
    sheet.hline(edges[0], edges[-1], rows[0].bottom)
    sheet.hline(edges[0], edges[-1], rows[-1].bottom)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forslaget betyder, at flere borgere får hjælp.")
    return write_pdf([sheet], path)


def test_a_dash_inside_text_is_not_a_nil_cell(tmp_path):
    """Cause 6 (a dash inside text): the en dash in "3000 – Børnefamilier med særlige behov" sits between a number
    and a word; it is part of the text, so the label stays one cell (not "3000" | "– Børnefamilier ...", a column
    of area numbers) and the values stay under their years."""
    tables = extract_tables(_dash_text_pdf(tmp_path / "dash.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == AREA_HEADER
    assert _rows(t) == AREA_BODY


# ---- cause 7: text rows inside one ruled band --------------------------------------------------------------------

FOLLOW_HEADER = ["Opfølgningsmål", "Hvordan måles målet", "Hvem er ansvarlig", "Hvornår"]
FOLLOW_BODY = [
    [["Flere unge i egen bolig", "med støtte"], ["Antal unge der flytter", "i egen bolig"], "Socialforvaltningen",
     "Løbende"],
    [["Kortere ophold på", "midlertidige botilbud"], ["Gennemsnitlig varighed", "af opholdene"],
     ["Center for", "bostøtte"], "Årligt"],
    ["Tilfredse borgere", ["Spørgeskema til", "borgerne"], "Socialforvaltningen", ["Ved udgangen", "af 2024"]],
]


def _text_table_pdf(path: Path) -> Path:
    """A text table with multi-line cells whose rows are set apart only by cell padding: rules above and under the
    header and at the bottom, none between the rows."""
    sheet = Sheet()
    sheet.text(LEFT, 110, "Tabel 4. Opfølgning", bold=True)
    edges = [LEFT, LEFT + 130, LEFT + 260, LEFT + 370, LEFT + 460]
    rows = set_rows(sheet, edges, [FOLLOW_HEADER, *FOLLOW_BODY], 120, bold_rows=frozenset({0}), numeric_from=4)
    for y in (rows[0].top, rows[0].bottom, rows[-1].bottom):
        sheet.hline(edges[0], edges[-1], y)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forslaget betyder, at flere borgere får hjælp.")
    return write_pdf([sheet], path)


def test_text_rows_set_apart_only_by_padding_inside_one_ruled_band_are_rows(tmp_path):
    """Cause 7 (text rows inside a ruled band): no rule parts the entries of a text table, only the cell padding
    between them, wider than the gap between a cell's wrapped lines; each entry is its own row, its wrapped lines
    joined, not the whole band one row."""
    tables = extract_tables(_text_table_pdf(tmp_path / "text.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == FOLLOW_HEADER
    assert _rows(t) == _read(FOLLOW_BODY, 4)


# ---- a title set tight above a borderless table is not its header ---------------------------------------------

HEARD_HEADER = ["", "Ja/Nej", "Dato for godkendelse"]
HEARD_BODY = [["Center for Økonomi, Økonomiforvaltningen", "Nej", ""], ["IT-kredsen", "Ikke relevant", ""],
              ["MED-udvalg", "Ja", "12. januar 2022"]]


def test_a_larger_title_set_tight_above_a_borderless_table_is_not_its_header(tmp_path):
    """A bold title ("Hvem er hørt?", 9.5 pt) set 4 pt above a borderless 7 pt table, closer than a wrapped header's
    line spacing: it is the table's title, so the header row is "Ja/Nej | Dato for godkendelse" and every body row
    stays a body row (before, the title became the header and the real header a body row)."""
    sheet = Sheet()
    sheet.text(LEFT, 100, "Forslaget er drøftet med de berørte parter.")
    sheet.text(LEFT, 130, "Hvem er hørt?", bold=True, size=9.5)
    edges = [LEFT, LEFT + 150, LEFT + 210, LEFT + 330]
    set_rows(sheet, edges, [HEARD_HEADER, *HEARD_BODY], 131, bold_rows=frozenset({0}), numeric_from=9, pad=1.0,
             lead=8.0, size=7.0)
    tables = extract_tables(write_pdf([sheet], tmp_path / "heard.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == HEARD_HEADER
    assert _rows(tables[0]) == HEARD_BODY


# ---- boxed tables of slightly different widths one below the other -----------------------------------------------


def _two_boxes_pdf(path: Path, inset: float) -> Path:
    """Two tables drawn as boxes (rules at the top, under the header and at the bottom, vertical rules at the
    sides only), the second `inset` points narrower on each side, with prose and a caption between them: their
    rules stack (same extent within tolerance), so the second box must not inherit the first one's width."""
    sheet = Sheet()
    top = 80.0
    for k in range(2):
        edges = _economics_edges(170)
        if k:
            edges = [edges[0] + inset, *edges[1:-1], edges[-1] - inset]
        sheet.text(LEFT, top, f"Tabel {k + 2}. Varige ændringer, service", bold=True)
        rows = set_rows(sheet, edges, [SERVICE_HEADER, *SERVICE_BODY], top + 6)
        for y in (rows[0].top, rows[0].bottom, rows[-1].bottom):
            sheet.hline(edges[0], edges[-1], y)
        for x in (edges[0], edges[-1]):
            sheet.vline(x, rows[0].top, rows[-1].bottom)
        sheet.text(LEFT, rows[-1].bottom + 30, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige "
                   "konsekvenser for borgerne.")
        top = rows[-1].bottom + 60
    return write_pdf([sheet], path)


@pytest.mark.parametrize("inset", [2.5, 4.0])
def test_a_box_a_little_narrower_than_the_one_above_keeps_its_own_sides(tmp_path, inset):
    """A frame is as wide as its own rules: the second, narrower box's side rules are its borders, not column
    separators inside a frame as wide as the first box (which split nothing and lost every column)."""
    tables = extract_tables(_two_boxes_pdf(tmp_path / "boxes.pdf", inset))
    assert len(tables) == 2
    for t in tables:
        assert t.columns == SERVICE_HEADER
        assert _rows(t) == SERVICE_BODY


# ---- a header wider than its number column runs into the gutter before it ----------------------------------------

WIDE_HEADER = ["Nr.", "Initiativ", "2023", "2024", "Permanent", "I alt 2023-2026"]
WIDE_BODY = [
    ["1", "Virksomme indsatser for udsatte børn", "73,2", "52,3", "71,5", "257,8"],
    ["2", "Ro og stabilitet for udsatte børn og unge", "4,7", "1,5", "0,6", "7,4"],
    ["3", "Inspirationsmateriale om anbragte børn", "1,5", "0,8", "-", "2,3"],
    ["4", "Styrket indsats til personer med senfølger", "10,0", "22,4", "-", "61,2"],
    ["", "Socialområdet i alt", "89,4", "77,0", "72,1", "328,7"],
]


def _wide_header_pdf(path: Path) -> Path:
    """A table without rules whose number columns are right-aligned and narrower than their header texts: the
    last header ("I alt 2023-2026") runs left into the gutter until it is set a word space from "Permanent", so
    the header line is one run of words across the gutter that the numbers leave free."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Tabel 1 Økonomioversigt for satspuljen (mio. kr.)", bold=True)
    x = LEFT + 200
    edges = [LEFT, LEFT + 25, x, x + 40, x + 80, x + 140]
    edges.append(edges[-1] + 3 + width("I alt 2023-2026") + 2)  # a word space after "Permanent" (set to x - 2)
    set_rows(sheet, edges, [WIDE_HEADER, *WIDE_BODY], 90)
    sheet.text(LEFT, 260, "Satspuljen fordeles efter aftale mellem partierne.")
    return write_pdf([sheet], path)


def test_a_header_running_into_the_gutter_of_right_aligned_numbers_keeps_its_columns(tmp_path):
    """The numbers leave a gutter between "Permanent" and "I alt"; the header's words leave part of it free (the
    word space between them), and that is where the columns part: not one column "Permanent I alt 2023-2026"
    with the nil of one column glued to the number of the next ("-2,3")."""
    tables = extract_tables(_wide_header_pdf(tmp_path / "wide.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == WIDE_HEADER
    assert _rows(t) == WIDE_BODY


# ---- borderless text tables in a proposal: numbered headings, marks, rows cut by the page ------------------------

FOLLOW_UP_HEADER = ["Opfølgningsmål", "Hvordan måles opfølgningsmålet?", "Hvem er ansvarlig?", "Hvornår?"]
FOLLOW_UP_BODY = [
    ["Milepæle for implementering", "", "", ""],
    ["4 medarbejdere er frikøbt", "Aftale om frikøb foreligger", "BBU staben", "Ultimo 2022"],
    ["Realisering af effektiviseringer", "", "", ""],
    ["Ca. 13 unge deltager i et forløb", "Registrering i fagsystem", "BBU staben", "Årligt fra 2023"],
]
FOLLOW_UP_EDGES = [LEFT, LEFT + 150, LEFT + 310, LEFT + 400, LEFT + 480]


def _numbered_heading_pdf(path: Path) -> Path:
    """A borderless economics table, then a bold numbered heading whose number is set apart from its words (as a
    monospaced font or a tab stop sets it: two runs of words), then a borderless text table."""
    sheet = Sheet()
    edges = _economics_edges(170)
    rows = set_rows(sheet, edges, [SERVICE_HEADER, *SERVICE_BODY], 80, bold_rows=frozenset({0}))
    y = rows[-1].bottom + 14
    sheet.text(LEFT, y, "8.", bold=True)
    sheet.text(LEFT + 18, y, "Opfølgning", bold=True)
    set_rows(sheet, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER, *FOLLOW_UP_BODY], y + 6, bold_rows=frozenset({0}),
             numeric_from=9)
    return write_pdf([sheet], path)


def _assert_service_then_follow_up(tables: list[Table]) -> None:
    """The service table and the follow-up table read apart, the numbered heading the second one's caption."""
    assert [t.columns for t in tables] == [SERVICE_HEADER, FOLLOW_UP_HEADER]
    assert _rows(tables[0]) == SERVICE_BODY
    assert _rows(tables[1]) == FOLLOW_UP_BODY
    assert tables[1].caption == "8. Opfølgning"


def test_a_numbered_heading_with_its_number_set_apart_is_not_a_row(tmp_path):
    """"8." and "Opfølgning" set as two runs of words still read as a numbered section heading between two
    borderless tables: it ends the first table and is the second one's caption, not part of either."""
    tables = extract_tables(_numbered_heading_pdf(tmp_path / "heading.pdf"))
    _assert_service_then_follow_up(tables)


def _row_cut_by_the_page_pdf(path: Path) -> Path:
    """A borderless text table whose header and first row (a one-line group label) end page 1; its other rows
    open page 2, with no header repeated."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 80, "Forslaget følges op som beskrevet nedenfor.")
    first.text(LEFT, 700, "8. Opfølgning", bold=True)
    set_rows(first, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER, FOLLOW_UP_BODY[0]], 706, bold_rows=frozenset({0}),
             numeric_from=9)
    set_rows(second, FOLLOW_UP_EDGES, FOLLOW_UP_BODY[1:], 60, numeric_from=9)
    second.text(LEFT, 200, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_a_row_left_at_the_foot_of_a_page_under_its_header_stays_in_the_table(tmp_path):
    """The header and a first row that holds only its label at the page foot are one table with the rows that
    open the next page (the label line is no stray text, and the header is not left alone)."""
    tables = extract_tables(_row_cut_by_the_page_pdf(tmp_path / "cut.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == FOLLOW_UP_HEADER
    assert _rows(t) == FOLLOW_UP_BODY


PLAN_HEADER = ["Aktivitet", *YEARS, "2025"]
PLAN_BODY = [
    ["En god start på livet", "", "", "", ""],
    ["Udarbejde samarbejdsmodel", "X", "X", "", ""],
    ["Udarbejde og tilpasse koncept", "X", "X", "X", ""],
    ["Etablere og drifte det nye tilbud", "X", "X", "X", "X"],
    ["En god skolestart", "", "", "", ""],
    ["Udvikle og tilpasse koncept", "X", "X", "X", ""],
    ["Identifikation og opstart på skoler", "X", "X", "X", "X"],
]


PROSE = ["Forvaltningen har udarbejdet nedenstående plan for implementeringen af forslaget, der indgår i de",
         "videre forhandlinger om budgettet sammen med de øvrige forslag fra udvalget, der behandles på mødet."]


def _activity_plan_pdf(path: Path) -> Path:
    """An activity plan: a rule under the header, group rows shaded (per cell), and under each group its
    activities set line under line with no padding, an "X" under each year the activity runs."""
    sheet = Sheet()
    for k, text in enumerate(PROSE):
        sheet.text(LEFT, 60 + 12 * k, text)
    sheet.text(LEFT, 110, "5. Implementering af forslaget (aktivitetsplan)", bold=True, size=10)
    edges = [LEFT, LEFT + 175, LEFT + 205, LEFT + 235, LEFT + 265, LEFT + 295]
    rows = set_rows(sheet, edges, [PLAN_HEADER, *PLAN_BODY], 118, bold_rows=frozenset({0, 1, 5}), numeric_from=1,
                    pad=1.0)
    sheet.hline(edges[0], edges[-1], rows[0].bottom)
    for k in (1, 5):
        cell_shading(sheet, edges, rows[k])
    sheet.text(LEFT, rows[-1].bottom + 30, "Planen følges op hvert kvartal.")
    return write_pdf([sheet], path)


def test_activities_marked_x_between_shaded_group_rows_are_rows_of_their_own(tmp_path):
    """A line with an "X" outside the label column opens a row like a line with amounts: the activities between
    two shaded group rows (one band between the shading's edges) are not read as one wrapped row."""
    tables = extract_tables(_activity_plan_pdf(tmp_path / "plan.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == PLAN_HEADER
    assert _rows(tables[0]) == PLAN_BODY


def _wrapped_total_pdf(path: Path) -> Path:
    """A borderless table whose last row's label wraps after a comma ("Investeringer totalt," / "service"), then
    prose."""
    sheet = Sheet()
    edges = _economics_edges(170)
    body = [*SERVICE_BODY[:2], [["Investeringer totalt,", "Service"], "", "", "100", "100"]]
    rows = set_rows(sheet, edges, [SERVICE_HEADER, *body], 80, bold_rows=frozenset({0}))
    sheet.text(LEFT, rows[-1].bottom + 16, "Noter til tabellen: Alle beløb er opgjort i 1.000 kr. i faste priser, og "
               "forslaget indgår i de videre forhandlinger.")
    return write_pdf([sheet], path)


def test_a_last_label_wrapped_after_a_comma_keeps_its_last_line(tmp_path):
    """The label cell of the last row ends open (","), though the row's line ends with an amount: its next line
    finishes the label."""
    tables = extract_tables(_wrapped_total_pdf(tmp_path / "total.pdf"))
    assert len(tables) == 1
    assert _rows(tables[0])[-1] == ["Investeringer totalt, Service", "", "", "100", "100"]


# ---- text tables in a box: rows that no rule parts -----------------------------------------------------------------

CONSULTED_HEADER = ["", "Ja/Nej/Ikke relevant", "Dato for godkendelse"]
CONSULTED_BODY = [["Ejendomsfaglig vurdering", "Ikke relevant", ""], ["IT-kredsen", "Ikke relevant", ""],
              ["Koncern-IT", "Nej", ""], ["MED-udvalg", "Ja", "1. marts 2022"], ["HR-kredsen", "Ikke relevant", ""]]


def _boxed_text_table_pdf(path: Path, pad: float, centred_wrap: bool) -> Path:
    """A text table in a box with one rule under its header (LibreOffice's "box" border): the body's rows lie in
    one band. With `centred_wrap`, each row's label wraps over two lines and its other cells are set vertically
    centred between them, the rows set apart only by the cells' padding `pad`."""
    sheet = Sheet()
    for k, text in enumerate(PROSE):
        sheet.text(LEFT, 60 + 12 * k, text)
    sheet.text(LEFT, 100, "10. Hvem er hørt?", bold=True, size=11)
    edges = [LEFT, LEFT + 200, LEFT + 320, LEFT + 440]
    top = 110.0
    rows = set_rows(sheet, edges, [CONSULTED_HEADER], top, bold_rows=frozenset({0}), numeric_from=9, pad=pad)
    y = rows[0].bottom
    for label, answer, date in CONSULTED_BODY:
        if centred_wrap:
            words = label.split(" ")
            lines = [f"{label} for" if len(words) == 1 else " ".join(words[:-1]),
                     "forvaltningen" if len(words) == 1 else words[-1]]
            sheet.text(edges[0] + 2, y + pad + 7, lines[0])
            sheet.text(edges[0] + 2, y + pad + 18, lines[1])
            for k, s in ((1, answer), (2, date)):
                if s:
                    sheet.text(edges[k] + 2, y + pad + 12.5, s)
            y += 2 * pad + 9 + 11 + 1
        else:
            y = set_rows(sheet, edges, [[label, answer, date]], y, numeric_from=9, pad=pad)[0].bottom
    sheet.hline(edges[0], edges[-1], top)
    sheet.hline(edges[0], edges[-1], rows[0].bottom)
    sheet.hline(edges[0], edges[-1], y)
    for x in (edges[0], edges[-1]):
        sheet.vline(x, top, y)
    sheet.text(LEFT, y + 30, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([sheet], path)


def test_rows_of_a_boxed_text_table_are_rows_though_no_rule_parts_them(tmp_path):
    """One band under the header rule holds every row of a box: each line that opens an entry is a row (not one
    row of five joined labels)."""
    tables = extract_tables(_boxed_text_table_pdf(tmp_path / "box.pdf", pad=1.0, centred_wrap=False))
    assert len(tables) == 1
    assert tables[0].columns == CONSULTED_HEADER
    assert _rows(tables[0]) == CONSULTED_BODY


def test_padding_parts_rows_whose_cells_are_centred_beside_a_wrapped_label(tmp_path):
    """In a box whose rows are set apart by padding only, a wrapped label's first line stands alone (the other
    cells are centred between its lines): the padding still parts the rows."""
    tables = extract_tables(_boxed_text_table_pdf(tmp_path / "centred.pdf", pad=4.0, centred_wrap=True))
    assert len(tables) == 1
    labels = [r[0] for r in _rows(tables[0])]
    assert len(labels) == len(CONSULTED_BODY)
    assert [r[1:] for r in _rows(tables[0])] == [r[1:] for r in CONSULTED_BODY]


# ---- a label spanning several rows (rowspan) in a table with no rules between rows -------------------------------

SPAN_HEADER = ["Område", "Kommune"]
SPAN_ROWS = [("Aktivitetsparate", ["Brønderslev", "Esbjerg/Fanø", "Hillerød"]),
             ("Fleksjob", ["Varde 4 og 9"]),
             ("Integration", [["Lyngby-Taarbæk, Gentofte og", "Gladsaxe"], "Odense", "Ærø"]),
             ("Jobafklaring", ["Haderslev"])]


def _rowspan_pdf(path: Path) -> Path:
    """A two-column text table with a rule under its header only; each area's label spans the rows of its
    municipalities (set on its first row), one municipality per row, rows set line under line; one municipality
    cell wraps at the column's edge (the rule shows how wide the column is)."""
    sheet = Sheet()
    for k, text in enumerate(PROSE):
        sheet.text(LEFT, 60 + 12 * k, text)
    sheet.text(LEFT, 100, "Erfaringsudvikling mellem kommuner om investeringstankegang", bold=True)
    edges = [LEFT, LEFT + 250, LEFT + 375]
    rows = set_rows(sheet, edges, [SPAN_HEADER], 106, bold_rows=frozenset({0}), numeric_from=9, pad=1.5)
    sheet.hline(edges[0], edges[-1], rows[0].bottom)
    y = rows[0].bottom
    for area, towns in SPAN_ROWS:
        for k, town in enumerate(towns):
            y = set_rows(sheet, edges, [[area if k == 0 else "", town]], y, numeric_from=9, pad=1.5)[0].bottom
    sheet.text(LEFT, y + 30, "Kommunerne har deltaget i erfaringsudviklingen i hele perioden.")
    return write_pdf([sheet], path)


def test_rows_under_a_label_that_spans_them_are_rows_of_their_own(tmp_path):
    """A line with no label whose cell starts with a capital, under a cell that stopped well short of the
    column's edge, opens a row (the label spans it); a cell broken at the column's edge still wraps."""
    tables = extract_tables(_rowspan_pdf(tmp_path / "rowspan.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == SPAN_HEADER
    expected = [[area if k == 0 else "", " ".join(town) if isinstance(town, list) else town]
                for area, towns in SPAN_ROWS for k, town in enumerate(towns)]
    assert _rows(tables[0]) == expected


def _ruled_rowspan_page_pdf(path: Path) -> Path:
    """A page holding only a table ruled under every row, most of whose lines fill only its second column (the
    municipalities under a spanning area label): those lines are most of the page's text, so they set its text
    margins, yet they are rows, not running text between two tables."""
    sheet = Sheet()
    edges = [LEFT, LEFT + 250, LEFT + 375]
    body = [["Forsikrede ledige" if k == 0 else "", f"Jobcenter nr. {k + 1:02d}"] for k in range(38)]
    body += [["Integration", "Vejen 1,2 og 9"], ["", "Varde 5 og 11"]]
    rows = set_rows(sheet, edges, [SPAN_HEADER, *body], 40, bold_rows=frozenset({0}), numeric_from=9, pad=3.0)
    for r in rows:
        sheet.hline(edges[0], edges[-1], r.top)
    sheet.hline(edges[0], edges[-1], rows[-1].bottom)
    return write_pdf([sheet], path)


def test_short_lines_in_the_later_column_of_a_ruled_table_are_rows_not_running_text(tmp_path):
    """Running text between two rules of a stack spans most of its width: short lines in the later column of a
    table ruled under every row do not cut it, though they set the page's text margins."""
    tables = extract_tables(_ruled_rowspan_page_pdf(tmp_path / "ruled.pdf"))
    assert len(tables) == 1
    assert tables[0].columns == SPAN_HEADER
    assert len(tables[0].rows) == 40
    assert [r[1] for r in _rows(tables[0])][-2:] == ["Vejen 1,2 og 9", "Varde 5 og 11"]


FOOT_BODY = [
    ["Varige ændringer", "", "", "", ""],
    ["Besparelse på efterværn", "Service", "-2.000", "-4.000", "-4.000"],
    ["Reducerede udgifter til botilbud", "Service", "-1.000", "-4.000", "-4.000"],
    ["Samlet varig ændring", "", "-3.000", "-8.000", "-8.000"],
]


def _unit_header_at_foot_pdf(path: Path) -> Path:
    """An economics table whose caption and header row ("1.000 kr. 2023 p/l", years) end page 1, its body (no
    header repeated) opening page 2, a rule above it and under every row."""
    edges = [LEFT, LEFT + 200, LEFT + 280, LEFT + 330, LEFT + 380, LEFT + 430]
    first, second = Sheet(), Sheet()
    first.text(LEFT, 80, "Forslaget indebærer en varig besparelse, som vist i tabellen nedenfor.")
    first.text(LEFT, 740, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    head = set_rows(first, edges, [HEADER], 748, bold_rows=frozenset({0}))
    first.hline(edges[0], edges[-1], head[0].bottom)
    body = set_rows(second, edges, FOOT_BODY, 60)
    second.hline(edges[0], edges[-1], body[0].top)
    for row in body:
        second.hline(edges[0], edges[-1], row.bottom)
    second.text(LEFT, 200, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_a_header_stating_its_unit_left_at_the_foot_of_a_page_heads_the_body_on_the_next(tmp_path):
    """A header row alone at the foot of a page is the header of the table that opens the next page, also when
    it states its unit with a number ("1.000 kr. 2023 p/l": a unit, not an amount)."""
    tables = extract_tables(_unit_header_at_foot_pdf(tmp_path / "foot.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == HEADER
    assert _rows(t) == FOOT_BODY
    assert t.caption == "Tabel 1. Forslagets samlede økonomiske konsekvenser"


GRANT_HEADER = ["Bevilling", "Beløb som udløber", "Anbefaling"]
GRANT_BODY = [
    ["Faste teams og øget tryghed på plejehjem", "96.369", "Bør videreføres"],
    ["Socialrådgivere hos læger i udsatte boligområder", "8.029", "Bør videreføres"],
    ["Velfærdsrejser for ældre (pilotprojekt)", "10.066", "Politisk"],
    ["Genoptræning og forebyggende træning", "2.436", "Ikke relevant at videreføre"],
    ["Tryg hjemkomst fra hospital", "26.824", "Ikke relevant at videreføre"],
]


def _values_before_the_break_pdf(path: Path) -> Path:
    """A ruled list whose fourth row breaks over the page the way WeasyPrint breaks a row of middle-set cells:
    its amount is printed at the foot of page 1 in a row of its own, its label and recommendation open page 2
    under the repeated header, the amount cell there empty."""
    edges = [LEFT, LEFT + 230, LEFT + 330, LEFT + 460]
    first, second = Sheet(), Sheet()
    first.text(LEFT, 560, "Tabel 1. Bevillinger som udløber", bold=True)
    cut = [*GRANT_BODY[:3], ["", GRANT_BODY[3][1], ""]]
    rows = set_rows(first, edges, [GRANT_HEADER, *cut], 570, bold_rows=frozenset({0}), numeric_from=1)
    cell_borders(first, edges, rows)
    rest = [[GRANT_BODY[3][0], "", GRANT_BODY[3][2]], GRANT_BODY[4]]
    rows = set_rows(second, edges, [GRANT_HEADER, *rest], 60, bold_rows=frozenset({0}), numeric_from=1)
    cell_borders(second, edges, rows)
    second.text(LEFT, 200, "Forvaltningen anbefaler, at de to første bevillinger videreføres i budgettet.")
    return write_pdf([first, second], path)


def test_a_row_whose_values_fell_before_the_page_break_and_its_label_after_it_is_one_row(tmp_path):
    """The last row of page 1 holds only an amount (no label), the first row of page 2 a label and a text cell
    where that amount is empty: the page broke one row, and it is read whole."""
    tables = extract_tables(_values_before_the_break_pdf(tmp_path / "broken.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == GRANT_HEADER
    assert _rows(t) == GRANT_BODY


HANDLED = "Dækket ved forhandlinger om budget 2025"
HANDLED_ROWS = [["Demensrejsehold", HANDLED, ""], ["Børnesundhedsprofilen", HANDLED, ""],
                ["Videreførelse af partnerskabsprojektet", HANDLED, ""]]


def _spanning_rows_continued_pdf(path: Path) -> Path:
    """A boxed grant list (plain header) whose last rows print "Dækket ved ..." in one cell spanning the amount and
    recommendation columns; the page breaks among them, and page 2 repeats no header: its grid has two columns,
    whose edges are three of page 1's four (WeasyPrint 000, tune seed 778)."""
    edges = [LEFT, LEFT + 230, LEFT + 330, LEFT + 460]
    span = [edges[0], edges[1], edges[3]]
    first, second = Sheet(), Sheet()
    first.text(LEFT, 560, "Tabel 1. Bevillinger som udløber", bold=True)
    rows = set_rows(first, edges, [GRANT_HEADER, *GRANT_BODY[:3]], 570, numeric_from=1)
    cell_borders(first, edges, rows)
    rows = set_rows(first, span, [r[:2] for r in HANDLED_ROWS[:1]], rows[-1].bottom, numeric_from=9)
    cell_borders(first, span, rows)
    rows = set_rows(second, span, [r[:2] for r in HANDLED_ROWS[1:]], 60, numeric_from=9)
    cell_borders(second, span, rows)
    second.text(LEFT, 200, "Forvaltningen anbefaler, at de to første bevillinger videreføres i budgettet.")
    return write_pdf([first, second], path)


def test_a_continuation_whose_rows_span_two_of_the_columns_is_stitched(tmp_path):
    """Page 2 continues the grid of page 1 with a cell spanning two of its columns in every row: its first row,
    plain like page 1's header, is a body row of the same table, not the header of another one."""
    tables = extract_tables(_spanning_rows_continued_pdf(tmp_path / "span.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == GRANT_HEADER
    assert _rows(t) == [*GRANT_BODY[:3], *HANDLED_ROWS]


TOTALS_BODY = [["Samlede implementeringsomkostninger", "", "29.792", "", "159.257"],
               ["Samlet økonomisk påvirkning", "", "29.792", "-40.614", "128.800"]]


def _empty_text_column_continued_pdf(path: Path) -> Path:
    """A Tabel 1 set without rules whose continuation page holds only total rows: their "Styringsområde" cells
    are empty, so the gutter left of the first year column there runs from the labels' ends to the amounts, and
    that column's band on page 2 reaches into page 1's "Styringsområde" column (LibreOffice 003, seeds 778/779)."""
    edges = [LEFT, LEFT + 171, LEFT + 240, LEFT + 280, LEFT + 322, LEFT + 364]
    header = ["1.000 kr. 2025 p/l", "Styringsområde", "2024", "2025", "2026"]
    body = [["Arealoptimering af Bernstorffsgade", "Anlæg", "9.191", "82.747", ""],
            ["Indretning af Bernstorffsgade", "Anlæg", "1.400", "52.395", ""],
            ["Projektledelse i KEID", "Anlæg", "12.796", "13.860", ""]]
    first, second = Sheet(), Sheet()
    first.text(LEFT, 640, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True)
    set_rows(first, edges, [header, *body], 650, bold_rows=frozenset({0}), numeric_from=2)
    set_rows(second, edges, [[r[0][:20], *r[1:]] for r in TOTALS_BODY], 60, numeric_from=2)
    second.text(LEFT, 200, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_a_continuation_maps_its_columns_by_their_text_not_by_their_gutters(tmp_path):
    """The year amounts on the continuation page stay under their years: the columns of page 2 are mapped onto
    page 1's by where their text is, not by the bands the empty column's gutter widened."""
    tables = extract_tables(_empty_text_column_continued_pdf(tmp_path / "cont.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert _rows(t)[-2:] == [[r[0][:20], *r[1:]] for r in TOTALS_BODY]


def _header_and_section_row_at_foot_pdf(path: Path) -> Path:
    """The caption, the header row and the bold "Varige ændringer" section row (a row's height under the header,
    under a rule) end page 1; the rest of the body, no header repeated, opens page 2 (WeasyPrint 003, seed 778)."""
    edges = [LEFT, LEFT + 200, LEFT + 280, LEFT + 330, LEFT + 380, LEFT + 430]
    first, second = Sheet(), Sheet()
    first.text(LEFT, 80, "Forslaget indebærer en varig besparelse, som vist i tabellen nedenfor.")
    first.text(LEFT, 730, "Tabel 1. Forslagets samlede økonomiske konsekvenser", bold=True, size=9.5)
    rows = set_rows(first, edges, [HEADER, FOOT_BODY[0]], 738, bold_rows=frozenset({0, 1}), pad=5.0)
    first.hline(edges[0], edges[-1], rows[0].bottom)
    body = set_rows(second, edges, FOOT_BODY[1:], 60, pad=5.0)
    for row in body:
        second.hline(edges[0], edges[-1], row.bottom)
    second.text(LEFT, 200, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_a_header_and_its_first_section_row_left_at_the_foot_of_a_page_head_the_body_on_the_next(tmp_path):
    """A header left at a page's foot with its first row (a lone section label a row's height below it) is the
    header of the table that opens the next page, that row its first body row."""
    tables = extract_tables(_header_and_section_row_at_foot_pdf(tmp_path / "foot.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == HEADER
    assert _rows(t) == FOOT_BODY
    assert t.caption == "Tabel 1. Forslagets samlede økonomiske konsekvenser"


# ---- headerless key-figure tables under a heading, each ruled at its top only -------------------------------------

KEY_FIGURES = [["Besparelse i dage pr. ryger, der stopper", "2,2 dage om året"],
               ["Besparelse i timer pr. år pr. ryger, der stopper", "14 timer om året"],
               ["Varig besparelse i kr. pr. ryger, der stopper", "4.233 kr. om året"]]
INVESTMENT_HEADER = ["Investering i implementering (1.000 kr.)", "2022", "2023", "2024"]
INVESTMENT_BODY = [["Administration og afholdelse af rygestopkurser", "", "3.500", "1.855"],
                   ["Kommunikation", "350", "700", "245"],
                   ["Investering i alt", "2.100", "11.200", "9.100"]]
KEY_EDGES = [LEFT + 1, LEFT + 380, LEFT + 476]
INVESTMENT_EDGES = [LEFT + 1, LEFT + 320, LEFT + 370, LEFT + 420, LEFT + 476]
RULE_SPAN = (LEFT - 5.0, LEFT + 477.0)


def _key_figures(sheet: Sheet, top: float, heading: str = "Oversigt") -> float:
    """Set a heading and a headerless key-figure table ruled over its first row only (a ReportLab
    style: the rule that would sit under a header); return the table's bottom."""
    sheet.text(LEFT, top + 8, heading, bold=True, size=9.5)
    sheet.hline(*RULE_SPAN, top + 22)
    rows = set_rows(sheet, KEY_EDGES, KEY_FIGURES, top + 24, numeric_from=1, pad=6.0, size=8.0)
    return rows[-1].bottom


def _key_figures_then_investment_pdf(path: Path) -> Path:
    """Page 1 ends with a key-figure table under a numbered caption; page 2 opens with two more, each under its
    own heading, then a note, the heading again and an investment table ruled under its header and above its total
    (all rules one width: one stack, parted by the empty stretch above the second heading)."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 80, "Forvaltningen har opgjort nøgletallene nedenfor.")
    _key_figures(first, 640, "Tabel 3. Nøgletal")
    bottom = _key_figures(second, _key_figures(second, 62) + 24)
    second.text(LEFT, bottom + 18, "Noter til tabellen: Alle besparelser er angivet med negativt fortegn. Udvalget "
                "orienteres om udmøntningen", size=10)
    second.text(LEFT, bottom + 31, "i forbindelse med den kommende budgetopfølgning.", size=10)
    top = bottom + 45
    second.text(LEFT, top + 8, "Oversigt", bold=True, size=9.5)
    rows = set_rows(second, INVESTMENT_EDGES, [INVESTMENT_HEADER, *INVESTMENT_BODY], top + 12, pad=6.0, size=8.0,
                    numeric_from=1)
    second.hline(*RULE_SPAN, rows[0].bottom)
    second.hline(*RULE_SPAN, rows[-1].top)
    return write_pdf([first, second], path)


def test_a_table_under_its_own_heading_at_a_page_top_is_no_continuation(tmp_path):
    """A headerless table that opens a page under its own heading, the heading a little further above its top rule
    than above its first line, has that heading as its caption, so it is not stitched to the table that ended the
    page before (whose columns it shares)."""
    tables = extract_tables(_key_figures_then_investment_pdf(tmp_path / "key.pdf"))
    assert [(t.page, t.last_page, t.caption) for t in tables] == [
        (1, 1, "Tabel 3. Nøgletal"), (2, 2, "Oversigt"), (2, 2, "Oversigt"), (2, 2, "Oversigt")]
    assert _rows(tables[1]) == KEY_FIGURES


def test_a_header_over_a_frame_parted_from_the_rules_above_stays_its_header(tmp_path):
    """A header ruled under it only, set under a heading below another table whose single rule stacks with this
    table's rules: the rules are parted by the note and heading between them, and the header (no amounts) still
    heads the rows under its rule instead of being lost."""
    tables = extract_tables(_key_figures_then_investment_pdf(tmp_path / "key.pdf"))
    assert tables[-1].columns == INVESTMENT_HEADER
    assert _rows(tables[-1]) == INVESTMENT_BODY


# ---- an unruled text table: header set to the bottom of its cells, padded rows with wrapped labels ----------------

FOLLOW_EDGES = [LEFT, LEFT + 90, LEFT + 230, LEFT + 342, LEFT + 470]
FOLLOW_HEAD = [["", "Hvordan måles", "Hvem er ansvarlig for", "Hvornår gennemføres"],
               ["Opfølgningsmål", "opfølgningsmålet?", "opfølgning?", "opfølgningen?"]]
FOLLOW_ROWS = [
    [["Algoritmerne", "udvikles og testes", "for funktion og", "brugervenlighed."],
     ["Arbejdsgangsanalyser og test", "vurderer, om målet er opnået."],
     ["Afdeling for", "Velfærdsinnovation og", "Afdeling for Data."], ["I 2. halvår 2022 og frem"]],
    [["70% af de", "borgere,", "algoritmen finder,", "gennemfører", "‘Træning ved", "hjælper’."],
     ["Andelen af gennemførte", "forløb monitoreres i", "DigiRehab"],
     ["Afdeling for", "Velfærdsinnovation og", "Afdeling for Data."],
     ["Monitoreres løbende ved at", "gennemgå data fra", "DigiRehab", "& sammenholdes med om", "algoritmen",
      "anvendes i visitationen."]],
    [["80% af de borgere", "der gennemfører", "‘Træning ved", "hjælper’ får effekt."],
     ["Andelen af borgere der får", "effekt af de gennemførte", "‘Træning ved hjælper’", "forløb monitoreres."],
     ["Afdeling for Data."], ["Løbende."]]]


def _bottom_aligned_follow_up_pdf(path: Path) -> Path:
    """An unruled follow-up table but for the rule under its header, the header set to the bottom of its cells (the
    first column's head beside the other heads' second lines), rows padded 6 pt apart, labels wrapped tight, two of
    them onto a line opening with a quote mark."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Opfølgning", bold=True, size=9.5)
    for k, line in enumerate(FOLLOW_HEAD):
        for c, s in enumerate(line):
            if s:
                sheet.text(FOLLOW_EDGES[c] + 6, 100 + k * 9.6, s, size=8.0)
    sheet.hline(LEFT - 5, LEFT + 475, 108)
    set_rows(sheet, FOLLOW_EDGES, FOLLOW_ROWS, 110, numeric_from=9, pad=6.0, lead=9.6, size=8.0, pad_x=6.0)
    return write_pdf([sheet], path)


def test_a_bottom_aligned_text_header_and_labels_wrapped_onto_a_quote_read_whole(tmp_path):
    """The header's last line, the first column's head beside the others' lowercase ends, is the header's (not the
    first entry); a label line that opens with a quote mark, set tight under a label line it would not have fitted
    on, goes on in its cell (rows are padded apart) instead of opening an entry."""
    tables = extract_tables(_bottom_aligned_follow_up_pdf(tmp_path / "follow.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == [" ".join(s for s in col if s) for col in zip(*FOLLOW_HEAD, strict=True)]
    assert _rows(t) == [[" ".join(lines) for lines in row] for row in FOLLOW_ROWS]

# ---- WeasyPrint proposals (issue 10, tune seeds 780 and 782): headings a little larger than the cells, rows cut ---

HEARD_HEADER = ["", "Ja/Nej", "Dato for godkendelse"]
HEARD_BODY = [["Center for Økonomi", "Ja", "21. januar 2022."], ["Koncern-IT", "Nej", "1. marts 2022."]]
HEARD_EDGES = [LEFT, FOLLOW_UP_EDGES[1], LEFT + 210, LEFT + 330]  # its second column where the follow-up's is


def _rule_under_each_header_pdf(path: Path) -> Path:
    """A Tabel 1-like table and a follow-up table, each ruled under its header only, both rules as wide (one stack
    of rules down the page); between them, a few points under the first table's last row, a bold numbered heading a
    little larger than the cells, its number set apart from its words ("8." and "Opfølgning": two runs of words)."""
    sheet = Sheet()
    sheet.text(LEFT, 70, "Tabel 2. Varige ændringer, service", bold=True, size=9.5)
    edges = _economics_edges(170)
    right = FOLLOW_UP_EDGES[-1]
    rows = set_rows(sheet, edges, [SERVICE_HEADER, *SERVICE_BODY], 76, bold_rows=frozenset({0}))
    sheet.hline(LEFT, right, rows[0].bottom)
    y = rows[-1].bottom + 12
    sheet.text(LEFT, y, "8.", bold=True, size=9.5)
    sheet.text(LEFT + width("8.", True, 9.5) + 5, y, "Opfølgning", bold=True, size=9.5)  # wider than a space
    rows = set_rows(sheet, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER, *FOLLOW_UP_BODY], y + 5, bold_rows=frozenset({0}),
                    numeric_from=9)
    sheet.hline(LEFT, right, rows[0].bottom)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forvaltningen vurderer, at forslaget kan gennemføres som beskrevet.")
    return write_pdf([sheet], path)


def test_a_numbered_heading_between_two_tables_ruled_under_their_headers_parts_them(tmp_path):
    """The band between the two header rules holds the first table's rows, the heading and the second table's
    header: the heading (bold, a little larger than the cells, "8." set apart) opens another table, so the band is
    no row and the tables are read apart, the heading the second one's caption."""
    tables = extract_tables(_rule_under_each_header_pdf(tmp_path / "stacked.pdf"))
    _assert_service_then_follow_up(tables)


def _captions_half_a_point_larger_pdf(path: Path) -> Path:
    """Two borderless text tables one under the other, each under a bold caption set half a point larger than the
    cells (9.5 on 9), the second table's second column starting where the first's does."""
    sheet = Sheet()
    sheet.text(LEFT, 70, "Hvem er hørt?", bold=True, size=9.5)
    rows = set_rows(sheet, HEARD_EDGES, [HEARD_HEADER, *HEARD_BODY], 76, bold_rows=frozenset({0}), numeric_from=9)
    y = rows[-1].bottom + 12
    sheet.text(LEFT, y, "Opfølgning", bold=True, size=9.5)
    rows = set_rows(sheet, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER, *FOLLOW_UP_BODY], y + 5,
                    bold_rows=frozenset({0}), numeric_from=9)
    sheet.text(LEFT, rows[-1].bottom + 30, "Forvaltningen vurderer, at forslaget kan gennemføres som beskrevet.")
    return write_pdf([sheet], path)


def test_a_bold_caption_half_a_point_larger_than_the_cells_ends_a_borderless_table(tmp_path):
    """"Opfølgning", bold and half a point larger than the cells, between two borderless tables whose columns
    partly line up, is a heading: it ends the first table and captions the second (it was read as a row, and the
    two tables as one)."""
    tables = extract_tables(_captions_half_a_point_larger_pdf(tmp_path / "captions.pdf"))
    assert [t.columns for t in tables] == [HEARD_HEADER, FOLLOW_UP_HEADER]
    assert _rows(tables[0]) == HEARD_BODY
    assert _rows(tables[1]) == FOLLOW_UP_BODY
    assert [t.caption for t in tables] == ["Hvem er hørt?", "Opfølgning"]


STATUS_ROW = ["Midtvejsstatus på projektet", "En status forelægges direktionen", "SUFs CIE", "Ultimo 2024"]


def _row_cut_after_its_label_pdf(path: Path) -> Path:
    """A borderless follow-up table whose last row on page 1 prints only its label and its last cell (short, set to
    the top of the row): the other cells, longer, went on to the top of page 2, where no header is repeated."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 620, "8. Opfølgning", bold=True, size=9.5)
    body = [*FOLLOW_UP_BODY[:2], [STATUS_ROW[0], "", "", STATUS_ROW[3]]]
    set_rows(first, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER, *body], 626, bold_rows=frozenset({0}), numeric_from=9)
    rest = [["", STATUS_ROW[1], STATUS_ROW[2], ""], *FOLLOW_UP_BODY[2:]]
    set_rows(second, FOLLOW_UP_EDGES, rest, 60, numeric_from=9)
    second.text(LEFT, 200, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_a_row_cut_after_its_label_and_short_cells_is_one_row(tmp_path):
    """The first row of page 2 has no label and fills only the cells the last row of page 1 left empty: the page
    broke that row, and it is read whole, not as a row with an empty label."""
    tables = extract_tables(_row_cut_after_its_label_pdf(tmp_path / "cut.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == FOLLOW_UP_HEADER
    assert _rows(t) == [*FOLLOW_UP_BODY[:2], STATUS_ROW, *FOLLOW_UP_BODY[2:]]


LONG_LABEL = ["Udskydelse af behov for hjemmepleje for", "borgere i overgangen fra forebyggende til",
              "vedligeholdende aktivitetstilbud"]
RULED_HEADER = ["1.000 kr. 2025 p/l", "Bevilling", "2024", "2025", "2026"]
RULED_BODY = [
    ["Terapeutfaglige kompetencer", "Ældre", "4.900", "4.900", "4.900"],
    [" ".join(LONG_LABEL), "Ældre", "-22.400", "-32.200", "-32.200"],
    ["Licenser til nye funktioner", "Ældre", "", "450", "450"],
    ["Varige ændringer totalt, service", "", "-17.500", "-26.850", "-26.850"],
]


def _label_moved_to_the_next_page_pdf(path: Path) -> Path:
    """A table ruled between its rows, cells set to the middle of their rows, broken the way WeasyPrint breaks a
    tall row: the amounts of the second row are printed at the foot of page 1 (no rule under them), its label's
    three lines at the top of page 2, above the first rule there, inside the label column."""
    edges = _economics_edges(190)
    first, second = Sheet(), Sheet()
    first.text(LEFT, 640, "Tabel 2. Varige ændringer, service", bold=True, size=9.5)
    cut = [RULED_BODY[0], ["", *RULED_BODY[1][1:]]]
    rows = set_rows(first, edges, [RULED_HEADER, *cut], 646, bold_rows=frozenset({0}))
    for r in rows[:-1]:
        first.hline(edges[0], edges[-1], r.bottom)
    rows = set_rows(second, edges, [[LONG_LABEL, "", "", "", ""], *RULED_BODY[2:]], 60)
    second_rows = rows[1:]
    for r in rows:
        second.hline(edges[0], edges[-1], r.bottom)
    second.text(LEFT, second_rows[-1].bottom + 30, "Økonomien i forslaget er beregnet ud fra de gældende priser.")
    return write_pdf([first, second], path)


def test_a_label_moved_above_the_first_rule_of_the_next_page_finishes_its_row(tmp_path):
    """The lines at the top of page 2, above its first rule and inside the label column, set like the cells, are
    the label of the row whose amounts end page 1: the row is read whole (its label was dropped as a caption and
    the row read with an empty label)."""
    tables = extract_tables(_label_moved_to_the_next_page_pdf(tmp_path / "moved.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == RULED_HEADER
    assert _rows(t) == RULED_BODY


WRAPPED_LAST_ROW = [["Ca. 13 unge deltager i et", "forløb"], ["Registrering i", "fagsystem"], "BBU staben",
                    "Årligt fra 2023"]


def _last_row_alone_on_the_next_page_pdf(path: Path) -> Path:
    """A borderless follow-up table under a bold header whose last row (its cells on two lines) alone opens page 2
    (no header repeated), a note under it, then a "Hvem er hørt?" table."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 660, "8. Opfølgning", bold=True, size=9.5)
    set_rows(first, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER, *FOLLOW_UP_BODY[:3]], 666, bold_rows=frozenset({0}),
             numeric_from=9)
    set_rows(second, FOLLOW_UP_EDGES, [WRAPPED_LAST_ROW], 60, numeric_from=9)
    second.text(LEFT, 120, "Noter til tabellen: Alle besparelser er angivet med negativt fortegn.", size=10)
    second.text(LEFT, 150, "Hvem er hørt?", bold=True, size=9.5)
    set_rows(second, HEARD_EDGES, [HEARD_HEADER, *HEARD_BODY], 156, bold_rows=frozenset({0}), numeric_from=9)
    return write_pdf([first, second], path)


def test_a_last_row_alone_at_the_top_of_the_next_page_is_the_table_s_last_row(tmp_path):
    """The one row opening page 2, set like the body (not bold like the header), reads there as a header with no
    body; it is kept for the table it continues, whose last row it is (it was dropped)."""
    tables = extract_tables(_last_row_alone_on_the_next_page_pdf(tmp_path / "alone.pdf"))
    assert [t.columns for t in tables] == [FOLLOW_UP_HEADER, HEARD_HEADER]
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == FOLLOW_UP_HEADER
    assert _rows(t) == [*FOLLOW_UP_BODY[:3], ["Ca. 13 unge deltager i et forløb", "Registrering i fagsystem",
                                             "BBU staben", "Årligt fra 2023"]]


def _total_alone_on_the_next_page_pdf(path: Path) -> Path:
    """A table ruled between its rows whose total row alone opens page 2 (one line, no header repeated), the next
    table's caption and rows under it."""
    edges = _economics_edges(190)
    first, second = Sheet(), Sheet()
    first.text(LEFT, 660, "Tabel 2. Varige ændringer, service", bold=True, size=9.5)
    rows = set_rows(first, edges, [SERVICE_HEADER, *SERVICE_BODY[:2]], 666, bold_rows=frozenset({0}))
    for r in rows:
        first.hline(edges[0], edges[-1], r.bottom)
    rows = set_rows(second, edges, SERVICE_BODY[2:], 60)
    second.hline(edges[0], edges[-1], rows[-1].bottom)
    second.text(LEFT, 110, "Tabel 3. Serviceinvesteringer i forslaget", bold=True, size=9.5)
    rows = set_rows(second, edges, [SERVICE_HEADER, *SERVICE_BODY], 116, bold_rows=frozenset({0}))
    for r in rows:
        second.hline(edges[0], edges[-1], r.bottom)
    return write_pdf([first, second], path)


def test_a_total_row_alone_at_the_top_of_the_next_page_ends_the_table_it_continues(tmp_path):
    """One line of amounts opening page 2, the next table's caption under it, is the last row of the table that
    ends page 1 (it was no table, a line of cells alone, and was lost); the next table is read on its own."""
    tables = extract_tables(_total_alone_on_the_next_page_pdf(tmp_path / "total.pdf"))
    assert [t.caption for t in tables] == ["Tabel 2. Varige ændringer, service",
                                           "Tabel 3. Serviceinvesteringer i forslaget"]
    assert (tables[0].page, tables[0].last_page) == (1, 2)
    assert _rows(tables[0]) == SERVICE_BODY
    assert _rows(tables[1]) == SERVICE_BODY


INVEST_HEADER = ["1.000 kr. 2025 p/l", "Bevilling", "2024", "2025", "2026", "2027", "2028"]
INVEST_BODY = [
    ["Investering i implementering af røgfri arbejdstid", "Sundhed", "2.100", "11.200", "9.100", "", ""],
    ["Frikøb af arbejdstid til rygestopkursus", "Sundhed", "", "3.500", "1.750", "", ""],
    ["Investeringer totalt, service", "", "2.100", "14.700", "10.850", "", ""],
]


def _header_over_empty_columns_at_foot_pdf(path: Path) -> Path:
    """A table whose caption and header end page 1 after another table, its body on page 2 filling only the first
    three year columns (the last two empty in every row), ruled between its rows."""
    x = LEFT + 200
    edges = [LEFT, x, x + 60, x + 110, x + 160, x + 210, x + 260, x + 310]
    first, second = Sheet(), Sheet()
    first.text(LEFT, 640, "Tabel 2. Varige ændringer, service", bold=True, size=9.5)
    rows = set_rows(first, edges, [INVEST_HEADER, [*SERVICE_BODY[0][:2], "", "-2.100", "-2.100", "-2.100", ""]],
                    646, bold_rows=frozenset({0}))
    for r in rows:
        first.hline(edges[0], edges[-1], r.bottom)
    first.text(LEFT, 740, "Tabel 3. Serviceinvesteringer i forslaget", bold=True, size=9.5)
    rows = set_rows(first, edges, [INVEST_HEADER], 746, bold_rows=frozenset({0}))
    first.hline(edges[0], edges[-1], rows[0].bottom)
    rows = set_rows(second, edges, INVEST_BODY, 60)
    for r in rows:
        second.hline(edges[0], edges[-1], r.bottom)
    second.text(LEFT, rows[-1].bottom + 30, "Effektiviseringen forudsætter, at de nødvendige investeringer foretages.")
    return write_pdf([first, second], path)


def test_a_header_left_at_the_foot_heads_a_body_that_leaves_its_last_columns_empty(tmp_path):
    """The header at the foot of page 1 heads the body opening page 2 though that body fills none of its last two
    columns (they lie right of every cell there): the columns are added, empty, and the body is not read on as
    rows of the table above the header."""
    tables = extract_tables(_header_over_empty_columns_at_foot_pdf(tmp_path / "foot.pdf"))
    assert [t.caption for t in tables] == ["Tabel 2. Varige ændringer, service",
                                           "Tabel 3. Serviceinvesteringer i forslaget"]
    assert len(tables[0].rows) == 1
    t = tables[1]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == INVEST_HEADER
    assert _rows(t) == INVEST_BODY


def _section_row_under_a_header_at_foot_pdf(path: Path) -> Path:
    """A borderless follow-up table whose caption and header end page 1; page 2 opens with its bold group row
    ("Milepæle ...") set a row's padding above the next row, no header repeated."""
    first, second = Sheet(), Sheet()
    first.text(LEFT, 80, "Forslaget følges op som beskrevet nedenfor.")
    first.text(LEFT, 740, "Opfølgning", bold=True, size=9.5)
    set_rows(first, FOLLOW_UP_EDGES, [FOLLOW_UP_HEADER], 746, bold_rows=frozenset({0}), numeric_from=9, pad=4.0)
    set_rows(second, FOLLOW_UP_EDGES, FOLLOW_UP_BODY, 60, bold_rows=frozenset({0, 2}), numeric_from=9, pad=4.0)
    second.text(LEFT, 200, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_a_group_row_opening_the_page_under_a_header_left_at_the_foot_is_a_row(tmp_path):
    """Under a header left alone at the foot of page 1, the bold group row at the top of page 2, inside the first
    column and set like the cells, is the table's first row, not a title over it: the table starts with the header
    on page 1 (it was read without its header, captioned by the group row)."""
    tables = extract_tables(_section_row_under_a_header_at_foot_pdf(tmp_path / "group.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == FOLLOW_UP_HEADER
    assert _rows(t) == FOLLOW_UP_BODY
    assert t.caption == "Opfølgning"
