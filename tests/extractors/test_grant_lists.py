"""Regression tests for grant expiry lists (a label column, an amount column, a recommendation) as the generated
producers print them: a wrapped label's long line run into the gutter, a last row carried alone onto the next
page, a text cell broken by a page break. Each test draws a small PDF with ReportLab's canvas at test time."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, width, write_pdf

LEFT = 57.0
HEADER = ["Bevillinger som udløber", "Beløb 1.000 kr.", "Anbefaling"]
LONG = ["Enhed for anonym håndtering af seksuel chikane og sexisme (tværgående KK-aktivitet placeret i SUF og",
        "ØKF)"]
ROWS = [
    ["Faste teams og øget tryghed på plejehjem", "27.534", "Bør videreføres"],
    ["Socialrådgivere hos læger i udsatte boligområder", "2.294", "Bør videreføres"],
    [LONG, "3.292", "Politisk"],
    ["Rekruttering til seniorklubber*", "482", "Politisk"],
    ["Tryg hjemkomst fra hospital", "7.664", "Ikke relevant at videreføre"],
]


def _rows(t: Table) -> list[list[str]]:
    """A table's rows as texts, "" for an empty cell."""
    return [[c.text if c else "" for c in r.cells] for r in t.rows]


def _set_centred(sheet: Sheet, edges: list[float], rows: list[list], top: float, lead: float = 11.0,
                 gap: float = 12.0) -> float:
    """Set borderless rows from `top` down: the label left-aligned in the first column (a list of its lines when
    wrapped), the amount right-aligned in the second and the text left-aligned in the third, both set vertically
    centred on the label's lines (so that beside a two-line label they sit on a line of their own). Return the
    baseline under the last row."""
    y = top
    for label, amount, text in rows:
        lines = label if isinstance(label, list) else [label]
        for j, s in enumerate(lines):
            sheet.text(edges[0] + 2, y + j * lead, s)
        mid = y + (len(lines) - 1) * lead / 2
        sheet.text_right(edges[2] - 2, mid, amount)
        sheet.text(edges[2] + 6, mid, text)
        y += (len(lines) - 1) * lead + lead + gap
    return y


def _amount_edge() -> float:
    """The right edge of the amount column that puts the middle of the gutter (between the longest other label and
    the amount header's widest line) in a word space of the long label line, short of its end."""
    label_end = LEFT + 2 + max(width(r[0]) for r in ROWS if isinstance(r[0], str))
    words = LONG[0].split()
    spaces = [LEFT + 2 + width(" ".join(words[:k])) + width(" ") / 2 for k in range(1, len(words))]
    middle = spaces[-3]  # the last three words past the middle of the gutter
    return 2 * middle - label_end + 2 + width("1.000 kr.", bold=True)


def _gutter_pdf(path: Path) -> Path:
    """A landscape-wide borderless grant list: a wide label column whose longest lines end far left of the amounts,
    but one wrapped label's first line runs well into the gutter (its amount and recommendation set on a line of
    their own, centred on the label's two lines)."""
    sheet = Sheet()
    edges = [LEFT, 460.0, _amount_edge(), 580.0]
    sheet.text(LEFT, 70, "Tabel 1. Bevillinger som udløber ved udgangen af 2026", bold=True)
    sheet.text(LEFT, 92, HEADER[0], bold=True)
    sheet.text_right(edges[2] - 2, 92, "Beløb", bold=True)
    sheet.text_right(edges[2] - 2, 103, "1.000 kr.", bold=True)
    sheet.text(edges[2] + 6, 92, HEADER[2], bold=True)
    sheet.hline(LEFT, edges[3], 108)
    _set_centred(sheet, edges, ROWS, 122)
    return write_pdf([sheet], path)


def test_a_wrapped_labels_long_line_run_into_the_gutter_stays_in_the_label(tmp_path):
    """A label line that runs past the middle of the gutter (whose middle separates the columns), but ends before
    any cell of the amount column starts, is the label's: its last words are no text of the amount cell."""
    tables = extract_tables(_gutter_pdf(tmp_path / "gutter.pdf"))
    assert len(tables) == 1
    assert _rows(tables[0]) == [[" ".join(r[0]) if isinstance(r[0], list) else r[0], *r[1:]] for r in ROWS]


CARRY_HEADER = ["Bevillinger som udløber", "Beløb 1.000 kr.", "Anbefaling"]
CARRY_EDGES = [LEFT, 260.0, 440.0, 520.0]
COVERED = ["Dækket ved", "forhandlinger", "om budget", "2025"]
AMOUNT_ROWS = [[f"Bevilling nummer {k} til plejehjem", f"{k}.{k}{k}0", "Bør videreføres"] for k in range(1, 9)]
TEXT_ROWS = [[f"Indsats nummer {k} for ældre", " ".join(COVERED), ""] for k in range(1, 8)]
CARRIED = [["Videreførelse af partnerskabsprojektet ’Ung mor på", "vej’"], COVERED, ""]


def _carried_pdf(path: Path, boxed: bool) -> Path:
    """A grant list whose rows fill page 1 to its foot, its header printed once; its last row (a wrapped label and
    a text the amount column holds, here set over four lines) opens page 2 alone, above a paragraph. `boxed`: that row
    sits in a ruled box of its own, its cells centred in it so that label and text never share a line (as a
    browser prints a grid); else it is set top-aligned and borderless."""
    from tests.extractors.drawn_pdf import set_rows

    first, second = Sheet(), Sheet()
    first.text(LEFT, 70, "Tabel 1. Bevillinger som udløber ved udgangen af 2026", bold=True)
    set_rows(first, CARRY_EDGES, [CARRY_HEADER], 80, bold_rows=frozenset({0}), numeric_from=1)
    first.hline(LEFT, CARRY_EDGES[-1], 97)
    set_rows(first, CARRY_EDGES, AMOUNT_ROWS + TEXT_ROWS, 98, numeric_from=1)
    if boxed:
        top, bottom = 60.0, 98.0
        for x in CARRY_EDGES:
            second.vline(x, top, bottom)
        second.hline(LEFT, CARRY_EDGES[-1], top)
        second.hline(LEFT, CARRY_EDGES[-1], bottom)
        second.text(LEFT + 2, 76, "Videreførelse af partnerskabsprojektet")
        second.text(LEFT + 2, 88, "’Ung mor på vej’")
        second.text(CARRY_EDGES[1] + 2, 82, " ".join(COVERED))
    else:
        set_rows(second, CARRY_EDGES, [CARRIED], 60, numeric_from=1)
    second.text(LEFT, 140, "Effektiviseringen forudsætter, at de nødvendige investeringer foretages i det første år,")
    second.text(LEFT, 152, "og at medarbejderne får den fornødne opkvalificering i løbet af det første halve år.")
    return write_pdf([first, second], path)


@pytest.mark.parametrize("boxed", [False, True])
def test_a_last_row_carried_alone_onto_the_next_page_stays_in_the_table(tmp_path, boxed):
    """One row that opens the next page alone, under no header, is no table region of its own (one row, or no line
    of two cells): read against the columns of the table that ends the page before, it is that table's last row.
    Boxed, its label and text centred so that they never share a line, the page is still read for tables (a line
    set beside the line above is a table sign) and the row is no running text."""
    tables = extract_tables(_carried_pdf(tmp_path / "carried.pdf", boxed))
    assert len(tables) == 1
    t = tables[0]
    assert (t.page, t.last_page) == (1, 2)
    assert _rows(t)[-1] == ["Videreførelse af partnerskabsprojektet ’Ung mor på vej’", " ".join(COVERED), ""]
    assert len(t.rows) == len(AMOUNT_ROWS) + len(TEXT_ROWS) + 1


def _broken_cell_pdf(path: Path) -> Path:
    """A ruled grant list whose header repeats on page 2; the row at the foot of page 1 is broken by the page so
    that its text cell's last line ("2025") opens page 2 in a row of its own, under no label."""
    from tests.extractors.drawn_pdf import cell_borders, set_rows

    first, second = Sheet(), Sheet()
    first.text(LEFT, 70, "Tabel 1. Bevillinger som udløber ved udgangen af 2026", bold=True)
    rows = set_rows(first, CARRY_EDGES, [CARRY_HEADER, *AMOUNT_ROWS[:3],
                                         ["Psykologsamtaler til ældre", " ".join(COVERED), ""],
                                         ["Tidlig forebyggende indsats", " ".join(COVERED[:3]), ""]],
                    80, bold_rows=frozenset({0}), numeric_from=1)
    cell_borders(first, CARRY_EDGES, rows)
    rows = set_rows(second, CARRY_EDGES,
                    [CARRY_HEADER, ["", COVERED[3], ""], ["Demensrejsehold", " ".join(COVERED), ""]],
                    60, bold_rows=frozenset({0}), numeric_from=1)
    cell_borders(second, CARRY_EDGES, rows)
    second.text(LEFT, 200, "Forvaltningen anbefaler, at bevillingerne videreføres som beskrevet i tabellen ovenfor.")
    return write_pdf([first, second], path)


def test_a_text_cell_broken_by_the_page_is_finished_in_its_row(tmp_path):
    """A first row after the repeated header with no label, whose only cell sits under a text cell of the row
    before that ends no sentence, and is no amount nor capitalised, finishes that cell: it is no row of its own."""
    tables = extract_tables(_broken_cell_pdf(tmp_path / "broken.pdf"))
    assert len(tables) == 1
    assert _rows(tables[0])[-3:] == [["Psykologsamtaler til ældre", " ".join(COVERED), ""],
                                     ["Tidlig forebyggende indsats", " ".join(COVERED), ""],
                                     ["Demensrejsehold", " ".join(COVERED), ""]]


SATS_HEADER = ["Mio. kr., 2021-pl", "2021", "2022", "2023", "Permanent"]
SATS_EDGES = [LEFT, 250.0, 300.0, 350.0, 400.0, 460.0]


def _foot_header_pdf(path: Path) -> Path:
    """Two small tables on page 1, the second's caption and header at the page's foot; its only row (a label
    wrapped over two lines, the amounts beside the first) opens page 2, above a paragraph."""
    from tests.extractors.drawn_pdf import set_rows

    first, second = Sheet(), Sheet()
    first.text(LEFT, 600, "Tabel 4 Konkurser i ældreplejen", bold=True)
    set_rows(first, SATS_EDGES, [SATS_HEADER, ["Konkurser i ældreplejen", "91,7", "91,7", "91,7", "91,7"]], 608,
             bold_rows=frozenset({0}), numeric_from=1)
    first.text(LEFT, 770, "Tabel 5 Bedre hjælp til borgere med demens", bold=True)
    set_rows(first, SATS_EDGES, [SATS_HEADER], 778, bold_rows=frozenset({0}), numeric_from=1)
    set_rows(second, SATS_EDGES, [[["Bedre hjælp til borgere med demens i det", "offentlige rum (demensbadge)"],
                                   "67,9", "7,0", "7,0", "-"]], 80, numeric_from=1)
    second.text(LEFT, 160, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([first, second], path)


def test_one_row_opening_a_page_under_a_header_left_at_the_foot_of_the_page_before_is_its_body(tmp_path):
    """A header (with its caption) left at the foot of a page, and one row opening the next page: the row is that
    table's body (not a row carried on from the table above the header), and the table keeps its caption."""
    tables = extract_tables(_foot_header_pdf(tmp_path / "foot.pdf"))
    assert [t.caption for t in tables] == ["Tabel 4 Konkurser i ældreplejen",
                                           "Tabel 5 Bedre hjælp til borgere med demens"]
    assert _rows(tables[0]) == [["Konkurser i ældreplejen", "91,7", "91,7", "91,7", "91,7"]]
    assert tables[1].columns == SATS_HEADER
    assert (tables[1].page, tables[1].last_page) == (1, 2)
    assert _rows(tables[1]) == [["Bedre hjælp til borgere med demens i det offentlige rum (demensbadge)",
                                 "67,9", "7,0", "7,0", "-"]]
