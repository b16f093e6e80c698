"""Labels of a follow-up table wrapped at a spaced dash: "En god skolestart –" / "Der laves et setup ..." (the
line ends on the dash) and "En God Start På Livet" / "– der er udarbejdet ..." (the next line starts with it, a
lowercase word after it). Printed as the whole sample document 003 by ReportLab (the tune item of seed 500802,
whose narrow label column breaks the labels there), read by the real extractor: each such label must be read whole,
as one row's label.

What used to go wrong: only a hyphen, a comma or a slash counted as an open end of a label line (not the en dash
of "skolestart –"), and a line starting with a dash did not read as going on from the line above, so each half of
the label was read as a row of its own.

Known gap: "En God Start På Livet" / "– Det ny tilbud ..." (a capital after the dash, as a list item's dash is
followed by one) is still read as two rows.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

SEED = 500802
WHOLE = ("En God Start På Livet – der er udarbejdet en samarbejdsmodel og et koncept",
         "En god skolestart – Der laves et setup på 4 antal skoler og en model for valg af fremtidige skoler")


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({"doc": make_spec(SEED, "reportlab", "document", "003")},
                          tmp_path_factory.mktemp("dash-wrapped-labels"))


@pytest.mark.parametrize("label", WHOLE)
def test_label_wrapped_at_a_dash_is_read_whole(label: str, read: dict) -> None:
    if "doc" not in read:
        pytest.skip("reportlab unavailable here")
    spec, made, tables = read["doc"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    assert any(label == r[0] for t in spec.tables for r in t.rows), "the sample no longer prints this label"
    labels = {norm(r.cells[0].text) for t in tables for r in t.rows if r.cells and r.cells[0]}
    assert norm(label) in labels, f"label not read whole: {label}"
