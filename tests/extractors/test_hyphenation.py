"""Line-end hyphens in table cells (extractors/hyphenation.py): a word's own hyphen or a hyphenation, told from how
the document's running text breaks its lines."""
from __future__ import annotations

from pathlib import Path

from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, set_rows, write_pdf
from tests.producers.reading import body_texts, norm

LEFT = 57.0
EDGES = [LEFT, LEFT + 150, LEFT + 330, LEFT + 480]
HEADER = ["Opfølgningsmål", "Hvordan måles målet?", "Hvornår?"]
PLAIN = ("Forvaltningen vurderer, at forslaget kan gennemføres uden væsentlige konsekvenser for borgerne, og at der "
         "fortsat vil være fokus på kvalitet og sammenhæng i indsatsen")
WORDS = PLAIN.split()


def _paragraph_lines(hyphenate: bool, n: int) -> list[str]:
    """Return n lines of running text: whole words only, or (hyphenate) with every third line ending in a word
    broken at a syllable ("forvalt-" / "ningen"), a word the text prints whole as well."""
    lines = []
    for i in range(n):
        words = WORDS[(3 * i) % 12:(3 * i) % 12 + 7]
        line = " ".join(words)
        if hyphenate and i % 3 == 0:
            line += " forvalt-"
        elif hyphenate and i % 3 == 1:
            line = "ningen " + line
        lines.append(line)
    return lines


def _pdf(path: Path, hyphenate: bool) -> Path:
    """Two pages: running text, then a table whose cells break at a hyphen ("log-" / "data") and inside a word
    ("aktivi-" / "teter")."""
    sheets = []
    for page in range(2):
        sheet = Sheet()
        y = 70.0
        for line in _paragraph_lines(hyphenate, 14):
            sheet.text(LEFT, y, line, size=10)
            y += 12.5
        if page == 1:
            rows = set_rows(sheet, EDGES, [HEADER, [["Opsamling af log-", "data fra systemet"],
                                                    ["Antal gennemførte", "aktivi-", "teter"], "Årligt"],
                                           ["Færre sygedage", "Sygefravær", "Kvartalsvis"]], y + 20,
                            bold_rows=frozenset({0}), numeric_from=3)
            sheet.hline(EDGES[0], EDGES[-1], rows[0].bottom)
            sheet.hline(EDGES[0], EDGES[-1], rows[-1].bottom)
        sheets.append(sheet)
    return write_pdf(sheets, path)


def _cells(path: Path) -> list[list[str]]:
    tables = extract_tables(path)
    assert len(tables) == 1
    assert tables[0].columns == HEADER
    return body_texts(tables[0])


def test_a_document_that_never_hyphenates_keeps_a_line_end_hyphen(tmp_path):
    """Its running text never ends a line in a hyphen: the hyphen ending "log-" is the word's own ("log-data");
    a word broken without a hyphen mark is no business of this rule."""
    rows = _cells(_pdf(tmp_path / "plain.pdf", hyphenate=False))
    assert rows[0][0] == norm("Opsamling af log-data fra systemet")
    assert rows[0][1] == norm("Antal gennemførte aktivi-teter")


def test_a_document_that_hyphenates_joins_a_line_end_hyphen(tmp_path):
    """Its running text breaks "forvalt-" / "ningen", a word it prints whole too: a hyphen between lowercase
    letters at a line end is a hyphenation, removed ("aktiviteter")."""
    rows = _cells(_pdf(tmp_path / "hyphenated.pdf", hyphenate=True))
    assert rows[0][1] == norm("Antal gennemførte aktiviteter")
    assert rows[0][0] == norm("Opsamling af logdata fra systemet")
