"""A word processor's grant-expiry list (LibreOffice, document 000: "Bevillinger som udløber ..."), whose last part
lists grants handled elsewhere with a text cell in the narrow amount column ("Dækket ved forhandlinger om budget
2025") wrapped over more lines than the grant's label, in a band under the last rule that holds those rows alone,
set as tight as wrapped lines (no padding tells the rows apart).

`top-aligned` (tune seed 793's document 000, cells set to the top): a row opens where a label resumes under lines
that left the label column empty; the taller text cells above were read as centred on the next row's label and
two rows ran together. `bottom-aligned` (tune seed 1618's document 000, cells set to the bottom): each row ends
where its label and its text cell end together; labels and text cells were joined to the wrong rows.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_read_as_printed, print_and_read, printed_and_read
from tests.producers.spec import make_spec

GRANTS = "000/01_tabel1-bevillinger-som-udloeber-2026.csv"
TALL_TEXT_CASES = {  # case id: (producer, seed, pinned style)
    "top-aligned": ("libreoffice", 500797, dict(rules="totals", shading="bands", font="DejaVu Sans", size=9.0,
                                               bold_header=True, valign="top", header_valign="top",
                                               num_align="center", orientation="portrait", pad=3.0,
                                               full_width=False, label_share=0.5, split_rows=True)),
    "bottom-aligned": ("libreoffice", 501622, dict(rules="box", shading="bands", font="Liberation Sans", size=9.0,
                                                  bold_header=True, valign="bottom", header_valign="bottom",
                                                  num_align="right", orientation="portrait", pad=3.0,
                                                  full_width=False, label_share=0.4, split_rows=True)),
}


@pytest.fixture(scope="module")
def tall_text(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the grant lists and read them."""
    return print_and_read({cid: make_spec(seed, producer, "table", GRANTS, **style)
                           for cid, (producer, seed, style) in TALL_TEXT_CASES.items()},
                          tmp_path_factory.mktemp("tall-text"))


@pytest.mark.parametrize("case_id", list(TALL_TEXT_CASES))
def test_tall_text_cells_read_as_printed(case_id: str, tall_text: dict) -> None:
    """Header and body are the printed ones: each grant handled elsewhere is one row, its label and its text cell
    whole."""
    pt, table = printed_and_read(case_id, TALL_TEXT_CASES[case_id][0], tall_text)
    assert_read_as_printed(pt, table)
