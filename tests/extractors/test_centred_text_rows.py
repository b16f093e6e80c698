"""Borderless text tables whose rows are set as tight as the wrapped lines of one cell (no padding between rows),
as LibreOffice prints a Word table without cell margins (tune seed 787's LibreOffice grant list). Each test draws a
small PDF with ReportLab's canvas and fails without its fix:

- a text cell of several lines set vertically centred beside a one-line label belongs to that label's row: its
  first lines, above the label and closer to the row above than a row's padding, are not the end of the cell
  above (`wraps.centred_spans`); the same cells set top-aligned keep reading as before.
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
