"""A floor on the ICDAR 2013 table benchmark: our extractor, end to end on a few of its EU documents, scored with
the competition's cell adjacency-relation metric (`../shared/eval/icdar.py`), must not fall below what it reaches
today (less a small margin). The whole benchmark beside camelot and pdfplumber is `python -m bench.icdar`.

The documents are a mix, not the easy ones only: two read well today (one of them a table pdfplumber's default
finder misses), two where precision or recall is the weak side, and the hardest document of the set (six pages of
prose with drawn rules, once read half right), and documents whose layouts were misread once (lists side by side,
charts, notes under tables, wrapped captions and group labels). Skipped without ../shared (CI clones have none).
"""
from __future__ import annotations

import pytest

from bench.icdar import DEFAULT_DATA, DEFAULT_METRIC, f1, load_metric

# document -> F1 floor: the F1 measured (in brackets) less about 0.03; at 644f7c2 unless marked icdar4 (measured on
# branch icdar4, where side-by-side tables, charts' axes, notes and footnotes, wrapped group labels and columns no
# rule parts beside a ruled one are read right)
FLOORS = {
    "eu-001": 0.94,  # (0.970) three pages, cells drawn as filled rectangles
    "eu-003": 0.97,  # (1.000, icdar4) a head ending in a number line of its own ("FTSE Eurotop" / "100")
    "eu-008": 0.97,  # (1.000) pdfplumber's default finder reaches 0.105 here
    "eu-011": 0.88,  # (0.916, icdar4) five line charts whose axes read as tables (0.503 before)
    "eu-012": 0.86,  # (0.898, icdar4) a bar chart, notes under ruled tables, captions wrapped with a hanging indent
    "eu-013": 0.97,  # (1.000, icdar4) a caption's hanging line, notes set small under the tables
    "eu-015": 0.95,  # (0.986, icdar4) lists side by side and a table beside a boxed chart (0.807 before)
    "eu-018": 0.84,  # (0.876) recall 0.841 is the weak side: heads of two levels joined into one
    "eu-021": 0.93,  # (0.964, icdar4) group labels wrapped beside a cycle of sub-labels (0.883 before)
    "eu-026": 0.95,  # (0.980, icdar4) a rule after the label column only; footnotes (0.482 at 644f7c2)
}
EU = DEFAULT_DATA / "competition-dataset-eu"


@pytest.fixture(scope="module")
def metric():
    """The shared ICDAR metric module (skips when ../shared is absent)."""
    if not DEFAULT_METRIC.is_file() or not all((EU / f"{stem}.pdf").is_file() for stem in FLOORS):
        pytest.skip("needs ../shared/eval/icdar.py and ../shared/corpus/icdar2013/competition-dataset-eu")
    return load_metric(DEFAULT_METRIC)


@pytest.mark.parametrize("stem", sorted(FLOORS))
def test_icdar_document_f1_holds_its_floor(stem: str, metric) -> None:
    docs = metric.documents(DEFAULT_DATA, "eu")
    correct, predicted, truth = metric.score_doc(metric.predict("ours", docs[stem]["pdf"]), docs[stem]["gts"])
    p = correct / predicted if predicted else 0.0
    r = correct / truth if truth else 0.0
    assert f1(p, r) >= FLOORS[stem], (
        f"{stem}: F1 {f1(p, r):.3f} < floor {FLOORS[stem]} (relations correct {correct}, predicted {predicted}, "
        f"ground truth {truth}; precision {p:.3f}, recall {r:.3f})")
