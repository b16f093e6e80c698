"""Document recognition from content: the five samples, the municipality name rules, unrelated PDFs."""
from pathlib import Path

import pytest

from domain.documents import TextLine, recognise_document, recognise_municipality
from pipelines.pdf_text import read_first_lines

REPO = Path(__file__).resolve().parents[2]
RAW = REPO / "data" / "raw"
HOSTILE = REPO / ".." / "shared" / "corpus" / "hostile"
# Sample (by its gold folder number) -> expected kind and municipality, as stated in the issue and the gold set.
EXPECTED = {
    "000": ("grant_expiry_list", "København"),
    "001": ("proposal_catalogue", "København"),
    "002": ("committee_minutes", "Lyngby-Taarbæk"),
    "003": ("proposal_catalogue", "København"),
    "004": ("task_budget", "Slagelse"),
}


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_samples_are_recognised_from_their_first_pages(number, tmp_path):
    (pdf,) = RAW.glob(f"{number}_*.pdf")
    anonymous = tmp_path / "document.pdf"  # the file name carries no hint
    anonymous.write_bytes(pdf.read_bytes())
    n_pages, lines = read_first_lines(anonymous)
    facts = recognise_document(lines)
    assert (facts.kind, facts.municipality) == EXPECTED[number]
    assert n_pages > 1
    assert facts.title and len(facts.title) > 5


def test_grant_list_title_is_its_heading_without_line_break():
    (pdf,) = RAW.glob("000_*.pdf")
    facts = recognise_document(read_first_lines(pdf)[1])
    assert facts.title.startswith("Bevillinger på Sundheds- og Omsorgsudvalgets ramme som udløber")


@pytest.mark.parametrize("text, name", [
    ("Københavns Kommune 3. februar 2025", "København"),
    ("Lyngby-Taarbæk Kommune 15. januar 2019", "Lyngby-Taarbæk"),
    ("Slagelse Kommune Bilag til sag", "Slagelse"),
    ("KØBENHAVNS KOMMUNE", "København"),
    ("Randers Kommune, Budget 2024", "Randers"),
    ("Aarhus Kommune, Magistratens 2. afdeling", "Aarhus"),
    ("Syddjurs Kommune", "Syddjurs"),
    ("Vesthimmerlands Kommune", "Vesthimmerland"),
    ("Bornholms Regionskommune", "Bornholm"),
    ("borgere i den kommune hvor de bor", None),
])
def test_municipality_name_rules(text, name):
    assert recognise_municipality(text) == name


def test_text_without_markers_is_unknown():
    lines = [TextLine("WARN Report Summary by Received Date", 1, 14.0),
             TextLine("Notice Date Effective Company City No. Of Employees", 1, 9.0)]
    facts = recognise_document(lines)
    assert facts.kind == "unknown"
    assert facts.municipality is None


UNRELATED = ["pdfplumber_WARN-Report-for-7-1-2015-to-03-25-2016.pdf", "pdfplumber_senate-expenditures.pdf",
             "pdfplumber_scotus-transcript-p1.pdf", "pdfplumber_nics-background-checks-2015-11-rotated.pdf"]


@pytest.mark.skipif(not HOSTILE.exists(), reason="the hostile corpus lives beside the repo (../shared)")
@pytest.mark.parametrize("name", UNRELATED)
def test_unrelated_pdfs_are_unknown(name):
    facts = recognise_document(read_first_lines(HOSTILE / name)[1])
    assert facts.kind == "unknown"
