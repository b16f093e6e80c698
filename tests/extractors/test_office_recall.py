"""Extraction quality on the five samples printed from .docx by LibreOffice (`../shared/corpus/office/`, issue 10),
keyed like the scorer against the same gold as the shipped samples. Those PDFs are not in the repository: the test
skips with a reason when the folder is absent.

What it guards: rules tuned on generated documents that read running text between tables must not take a
LibreOffice row whose cells run together at its tight word spacing ("Bedre udnyttelse af kapacitet, færre
Opfølgning på antal køb ...", one run of words over four columns) for a paragraph that ends the table (003's
"Opfølgning" tables lost their header and first row: text recall fell from 0.968 to 0.951).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors.records import table_records
from extractors.tables import extract_tables
from tests.extractors.gold_match import Score, extracted_keys, gold_keys, score
from tests.samples import GOLD, SAMPLES

OFFICE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "office"
pytestmark = pytest.mark.skipif(not OFFICE.is_dir(), reason=f"office corpus not available at {OFFICE}")
TEXT_RECALL_FLOOR = 0.965  # measured 0.968 when this test was written (num recall and precision 0.995)
NUM_FLOOR = 0.99


def _score(doc: str) -> Score:
    pdf = next(OFFICE.glob(f"{doc}_*.pdf"), None)
    if pdf is None:
        pytest.skip(f"office print of sample {doc} not found in {OFFICE}")
    _, cells = table_records(doc, extract_tables(pdf))
    return score(gold_keys(GOLD / doc), extracted_keys(cells))


def test_office_prints_meet_the_floors() -> None:
    total = Score.total(_score(doc) for doc in SAMPLES)
    assert total.num_recall >= NUM_FLOOR and total.num_precision >= NUM_FLOOR, \
        (total.num_recall, total.num_precision)
    assert total.txt_recall >= TEXT_RECALL_FLOOR, total.txt_recall


def test_bold_section_row_set_tight_over_a_plain_row_is_a_row_of_its_own() -> None:
    """001 SU3 Tabel 1 (LibreOffice: rows as tight as wrapped lines): the bold "Implementeringsomkostninger" right
    above the plain "Undervisning af sårsygeplejersker | Service | 60" is a section row, not that row's first line
    (a wrapped label keeps its weight)."""
    pdf = next(OFFICE.glob("001_*.pdf"), None)
    if pdf is None:
        pytest.skip(f"office print of sample 001 not found in {OFFICE}")
    labels = [row.cells[0].text for t in extract_tables(pdf) for row in t.rows if row.cells and row.cells[0]]
    assert "Undervisning af sårsygeplejersker" in labels, [x for x in labels if "sårsygeplejersker" in x]
    assert labels.count("Implementeringsomkostninger") >= 3, labels.count("Implementeringsomkostninger")


def test_bold_section_row_atop_a_ruled_band_of_one_row_is_a_row_of_its_own() -> None:
    """001 SU3 Tabel 1 (LibreOffice): the band between the header rule and the rule above "Samlet varig ændring"
    holds the bold "Varige ændringer" over the one row "Behandlingstiden nedsættes med 2½ uger | Service | -1.400
    ...", its label plain: two rows, not one row labelled "Varige ændringer Behandlingstiden ..." (a label whose
    value line is bold too, ICDAR eu-001's "Chlorine and inorganic compounds" / "(as HCl) | 10 000", stays one)."""
    pdf = next(OFFICE.glob("001_*.pdf"), None)
    if pdf is None:
        pytest.skip(f"office print of sample 001 not found in {OFFICE}")
    labels = [row.cells[0].text for t in extract_tables(pdf) for row in t.rows if row.cells and row.cells[0]]
    assert "Behandlingstiden nedsættes med 2½ uger" in labels, [x for x in labels if "Behandlingstiden" in x]
