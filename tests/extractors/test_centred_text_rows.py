"""Text tables whose rows are set as tight as the wrapped lines of one cell (no padding between rows), as
LibreOffice prints a Word table without cell margins (tune seeds 787 and 788's LibreOffice documents). Each test
draws a small PDF with ReportLab's canvas and fails without its fix:

- a text cell of several lines set vertically centred beside a one-line label belongs to that label's row: its
  first lines, above the label and closer to the row above than a row's padding, are not the end of the cell
  above (`wraps.centred_spans`); the same cells set top-aligned keep reading as before;
- in a band between shaded section rows, rows of text whose label lines end short (the next label's first word
  would have fitted) are rows of their own (`grid._label_ended_above`); a label wrapped after "med" stays whole.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.tables import extract_tables
from extractors.wraps import centred_spans
from tests.extractors.drawn_pdf import Sheet, write_pdf

LEFT = 57.0
EDGES = [LEFT, 330.0, 440.0]
SIZE, PITCH = 9.0, 10.5  # lines of one cell, and rows, follow on at this pitch
DESCENT = 0.207  # Helvetica's descent (share of the size)
COVERED = ["Dækket ved", "forhandlinger om", "budget 2025"]
ROWS = [
    ("Psykologsamtaler til ældre i psykisk mistrivsel", COVERED),
    ("Tidlig forebyggende indsats af mental mistrivsel", COVERED),
    ("Demensrejsehold", ["Videreføres i 2026"]),
    ("Børnesundhedsprofilen", COVERED),
    ("Videreførelse af partnerskabsprojektet", ["Indgår i", "servicerammen fra", "2027"]),
]


def _rows(table) -> list[list[str]]:
    """A table's rows as texts."""
    return [[c.text if c else "" for c in r.cells] for r in table.rows]


def _tight_pdf(path: Path, centred: bool) -> Path:
    """A caption, a bold header and borderless rows of a one-line label beside a status text of one to three
    lines, every line of the body one pitch under the one above (rows unpadded); `centred`: the label set on the
    middle line of its row (a one-line status beside it), else on its first."""
    sheet = Sheet()
    sheet.text(LEFT, 70, "Tabel 2. Bevillinger, der allerede er håndteret", bold=True)
    sheet.text(EDGES[0] + 2, 92, "Bevilling", bold=True)
    sheet.text(EDGES[1] + 2, 92, "Status", bold=True)
    y = 100.0  # the top of the next row's first line box
    for label, status in ROWS:
        for j, s in enumerate(status):
            sheet.text(EDGES[1] + 2, y + j * PITCH + (1 - DESCENT) * SIZE, s)
        at = (len(status) - 1) // 2 if centred else 0
        sheet.text(EDGES[0] + 2, y + at * PITCH + (1 - DESCENT) * SIZE, label)
        y += len(status) * PITCH
    sheet.text(LEFT, y + 30, "Forvaltningen anbefaler, at bevillingerne ovenfor ikke videreføres i budget 2026.")
    return write_pdf([sheet], path)


@pytest.mark.parametrize("centred", [True, False])
def test_a_text_cell_centred_beside_a_one_line_label_in_unpadded_rows_is_that_rows(tmp_path, centred):
    """Each status belongs to its label's row, whether set centred on the label or top-aligned with it."""
    tables = extract_tables(_tight_pdf(tmp_path / "tight.pdf", centred))
    assert len(tables) == 1
    assert _rows(tables[0]) == [[label, " ".join(status)] for label, status in ROWS]


def test_centred_spans_needs_every_cell_beside_a_label_to_share_its_middle():
    """A cell reaching above its one-line label and centred on it reads as centred; one cell beside a label that
    is not centred on it (cells set top-aligned) means the table is not."""
    label = {0: [(110.0, 117.0), (141.5, 148.5)]}
    centred = {**label, 1: [(99.5, 127.5), (141.5, 148.5)]}
    assert centred_spans(centred, 0)
    assert not centred_spans({**label, 1: [(99.5, 127.5), (141.5, 169.5)]}, 0)
    assert not centred_spans({**label, 1: [(110.0, 138.0), (141.5, 148.5)]}, 0)  # top-aligned: none above


FOLLOW_HEADER = ["Opfølgningsmål", "Hvordan måles", "Ansvarlig", "Hvornår"]
FOLLOW_EDGES = [LEFT, 260.0, 380.0, 480.0, 560.0]
MILESTONES = "Milepæle for implementering og anvendelse af investeringsmidler"
REALISED = "Realisering af effektiviseringer"
FOLLOW_ROWS = [
    [MILESTONES],
    [["Ansættelse af lokalt forankrede", "rehabiliteringskonsulenter."], "Dialog med driftsenhederne",
     ["Center for Innovation og", "Sundhed og Forebyggelse"], "3. kvartal 2022"],
    ["Undervisning af 600 medarbejdere.", "Opgørelse af deltagere.", ["Center for Innovation og",
                                                                     "Sundhed og Forebyggelse."], "3. kvartal 2023"],
    [REALISED],
    ["I 2023 er 25 % af effektiviseringen realiseret.", "Datatræk fra Cura", "Center for Innovation",
     "1. kvartal 2024"],
    ["I 2024 er 50 % af effektiviseringen realiseret.", "Datatræk fra Cura", "Center for Innovation",
     "1. kvartal 2025"],
    [["Udgifter til stomiprodukter reduceres med", "1,54 mio. kr. fra 2024 og frem"], "Datatræk i Kvantum",
     "Hjælpemiddelcenteret", "Halvårligt"],
    ["I 2026 og frem er 100 % af effektiviseringen realiseret.", "Datatræk fra Cura", "Center for Innovation",
     "1. kvartal 2027"],
]


def _banded_pdf(path: Path) -> Path:
    """A follow-up plan in 7 pt: a bold header over a rule, section rows set on a shaded band across the table,
    the rows between them set without padding (a row's first line 0.7 pt further under the last line of the row
    above than a wrapped line under the one before it)."""
    size, lead, pad = 7.0, 8.4, 0.7
    sheet = Sheet()
    sheet.text(LEFT, 70, "Opfølgning", bold=True, size=10)
    top = 80.0
    for k, head in enumerate(FOLLOW_HEADER):
        sheet.text(FOLLOW_EDGES[k] + 2, top + (1 - DESCENT) * size, head, bold=True, size=size)
    y = top + lead + 1
    sheet.hline(FOLLOW_EDGES[0], FOLLOW_EDGES[-1], y - 0.5)
    for row in FOLLOW_ROWS:
        cells = [c if isinstance(c, list) else [c] for c in row]
        if len(cells) == 1:
            sheet.fill(FOLLOW_EDGES[0], y - 0.3, FOLLOW_EDGES[-1], y + size + 1.0)
        for k, lines in enumerate(cells):
            for j, s in enumerate(lines):
                sheet.text(FOLLOW_EDGES[k] + 2, y + j * lead + (1 - DESCENT) * size, s, bold=len(cells) == 1,
                           size=size)
        y += max(len(c) for c in cells) * lead + pad
    sheet.hline(FOLLOW_EDGES[0], FOLLOW_EDGES[-1], y)
    sheet.text(LEFT, y + 30, "Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser.")
    return write_pdf([sheet], path)


def test_rows_of_text_set_tight_between_shaded_section_rows_are_rows_of_their_own(tmp_path):
    """Each printed row is a row: a label line that ends short of the labels' width (the next label's first word
    would have fitted after it) ends its row; a label line with an open end goes on onto the next line."""
    tables = extract_tables(_banded_pdf(tmp_path / "banded.pdf"))
    assert len(tables) == 1
    want = [[" ".join(c) if isinstance(c, list) else c for c in row] + [""] * (4 - len(row)) for row in FOLLOW_ROWS]
    assert _rows(tables[0]) == want
