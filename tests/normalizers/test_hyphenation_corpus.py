"""join_lines against the sample corpus: every line-end hyphen in the sample PDFs whose rejoined form the gold
CSVs print (joined, hyphen kept, or hyphen + space) is rejoined exactly so, given the document's words.

Text comes from pypdfium2 (fast), which joins a hyphenated line break into one line with U+0002 where the hyphen
was; splitting there restores the printed lines. The gold CSVs are the truth of how a reader reads the joined word.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from normalizers.labels import join_lines

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "fixtures" / "gold"
# Below this share of correctly rejoined cases (without document words) the heuristics have regressed.
MIN_SHARE_WITHOUT_WORDS = 0.95
# Every sample document has hyphenated line breaks the gold rejoins (the smallest has 8).
MIN_CASES = 5


def _lines(pdf_path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        text = "\n".join(page.get_textpage().get_text_bounded() for page in pdf)
        return [" ".join(line.split()) for line in text.replace("\x02", "-\n").splitlines()]
    finally:
        pdf.close()


def _gold_text(doc: str) -> str:
    parts = []
    for f in sorted((GOLD / doc).glob("*.csv")):
        with open(f, encoding="utf-8", newline="") as fh:
            parts += [" ".join(r) for r in csv.reader(fh)]
    return " ".join(" ".join(parts).split())


def _cases(doc: str, lines: list[str]) -> list[tuple[str, str, str]]:
    """Given a document's lines, return (line-end word, next line's first word, the form the gold prints)."""
    gold = _gold_text(doc)
    out = []
    for a, b in zip(lines, lines[1:], strict=False):
        if not re.search(r"[^\W\d_]-$", a) or not b:
            continue
        prev, nxt = a.split()[-1], b.split()[0]
        stem = prev[:-1]
        forms = {stem + nxt, stem + "-" + nxt, stem + "- " + nxt}
        present = [f for f in forms if re.search(rf"(?<!\w){re.escape(f)}(?!\w)", gold)]
        if len(present) == 1:
            out.append((prev, nxt, present[0]))
    return out


@pytest.mark.parametrize("pdf_path", sorted(RAW.glob("*.pdf")), ids=lambda p: p.name[:3])
def test_line_end_hyphens_rejoin_as_the_gold_prints(pdf_path):
    lines = _lines(pdf_path)
    cases = _cases(pdf_path.name[:3], lines)
    assert len(cases) >= MIN_CASES
    known = {w for line in lines for w in line.split() if not w.endswith("-")}
    wrong = [(p, n, want, got) for p, n, want in cases if (got := join_lines([p, n], known)) != want]
    assert wrong == []
    plain = sum(join_lines([p, n]) == want for p, n, want in cases)
    assert not cases or plain >= MIN_SHARE_WITHOUT_WORDS * len(cases)
