"""A follow-up table ("Opfølgningsmål | Hvordan måles ...") continued at the top of the next page without its
header, its second text column set close to the first: the first column's wrapped labels run up to a few points
before the second column starts, and a section row ("Realisering af effektiviseringer") runs over that boundary.
Printed as the whole sample document 003 by fpdf2 (the tune item of seed 500798, whose page break falls inside
that table), read by the real extractor: every row of the table must keep its label and its measure apart.

What used to go wrong: on the continued page the boundary between the two columns was found from where the
second column's cells start flush (no segment gap: a wrapped label line runs into it as one segment), but the
section row crossing it hid it, so both columns were read as one and the labels took in the measures.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

SEED = 500798
TABLE = "11_bu03_opfoelgning.csv"


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the document and read it."""
    return print_and_read({"doc": make_spec(SEED, "fpdf2", "document", "003")},
                          tmp_path_factory.mktemp("continued-text-columns"))


def test_continued_rows_keep_their_columns(read: dict) -> None:
    if "doc" not in read:
        pytest.skip("fpdf2 unavailable here")
    spec, made, tables = read["doc"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = [t for t in spec.tables if t.gold.file == TABLE]
    assert printed, "the sample no longer prints this table"
    pairs = {(norm(r.cells[0].text), norm(r.cells[1].text) if r.cells[1] else "")
             for t in tables for r in t.rows if len(r.cells) >= 2 and r.cells[0]}
    missing = [r[:2] for r in printed[0].rows if r[1] and (norm(r[0]), norm(r[1])) not in pairs]
    assert not missing, f"rows whose label and measure were not read apart: {missing}"
