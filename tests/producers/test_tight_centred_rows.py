"""Text tables of sample 001 whose cells are set vertically centred in rows as tight as wrapped lines, printed by
LibreOffice in the style of tune seed 2525's document 001 (a rule under the header only, DejaVu Sans, tables set
small to fit), alone and in that whole document. Read by the real extractor: each printed row its own row.

What used to go wrong:
- "Opfølgning" (goal | how measured | who | when): two rows whose cells all take two lines follow on at the pitch
  of a wrapped line, and a cell of the upper one ends on "med" ("... afprøves teknologier" / "med"), an open end:
  the next row's "Interviews med medarbejdere ..." was read as going on from it, and the two rows as one, though
  "Interviews" would have fitted after "med" (no wrap broke the cell there: `grid._cell_paragraphs`).
- "Hvem er hørt?" of SU7 (label | "Ikke relevant" | "-"): the row "Koncern-IT" has no nil, and its remark and
  date of several lines are centred on its label, their first lines right under the row above ("IT-kredsen |
  Ikke relevant | -"), closer than a row's padding: they were read as that row's (`grid._centred_on_labels`).
- "Hvem er hørt?" of SU6: a remark centred on "MED-udvalg" wraps after "jf." ("... et anliggende, der, jf." /
  "Københavns Kommunes ..."), read as the end of a sentence, so its first line was a row of its own
  (`linecells.ABBREVIATIONS`).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

SEED = 502534  # the tune item (LibreOffice document 001 of seed 2525)
STYLE = dict(rules="header", shading="none", font="DejaVu Sans", size=8.0, bold_header=False, valign="middle",
             header_valign="top", num_align="center", repeat_header=True, split_rows=True, orientation="portrait",
             minus="-", nil="-", caption_gap=True, caption_bold=True, unit_line=False, label_share=None,
             rule_width=0.75, pad=6.0, year_shift=0, scale=3, running=True, full_width=False, prose_numbers=False)
GOALS = "18_su3-opfoelgningsmaal.csv"
HEARD_SU7 = "48_su7-hvem-er-hoert-oevrige-parter.csv"
HEARD_SU6 = "41_su6-hvem-er-hoert.csv"
SPECS = {"table": make_spec(SEED, "libreoffice", "table", f"001/{GOALS}", **STYLE),
         "document": make_spec(SEED, "libreoffice", "document", "001", **STYLE)}
CASES = [("table", GOALS), ("document", GOALS), ("document", HEARD_SU7), ("document", HEARD_SU6)]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the goals table alone and the whole document, and read them."""
    return print_and_read(SPECS, tmp_path_factory.mktemp("tight-centred-rows"))


@pytest.mark.parametrize(("spec", "file"), CASES, ids=[f"{s}-{f[:6]}" for s, f in CASES])
def test_centred_rows_set_tight_are_read_apart(spec: str, file: str, read: dict) -> None:
    """Every printed row of the table is read as a row."""
    if spec not in read:
        pytest.skip("LibreOffice unavailable here")
    doc, made, tables = read[spec]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    printed = next(t for t in doc.tables if t.gold.file == file)
    want = [[norm(c) for c in row] for row in printed.rows]
    got = [[norm(c.text) if c else "" for c in r.cells] for t in tables for r in t.rows]
    assert [r for r in want if r not in got] == [], "printed rows not read"
