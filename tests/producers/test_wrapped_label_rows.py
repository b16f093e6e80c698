"""Rows whose label wraps over several lines beside or under its values, in tables without rules between rows
(padded apart), found on the new tune seeds g2525, g3636 and gx5353 (browser output); the page break may cut such a
row.

- a label of four lines whose third starts with a capital ("Rammereduktion af selvejende" / "institutioner i
  Borgercenter" / "Handicap og Borgercenter" / "Voksne | Service | -150 ..."): every line runs as tight as one
  cell's down to the value line, under a row's padding, so the capital starts no row there. It used to be read as
  two rows (the first two lines a row of their own), printed by every producer that sets the rows padded apart
  (5 producers and Typst, the same style);
- a row the page break cut after its values: its label's first lines and, tight under them, its values end the
  page, the label's rest opens the next one ("Spor 1: Bedre udnyttelse af" / ... / "Service | -5.800 ..." /
  "visitationspraksis, øget ..."). The values right under a wrapped label are that label's row's, not a row cut under
  a section row set alone (`grid._ends_wrapped_label`);
- a row cut with its label set to the top and its values to the cut part's foot, a row's padding under the label
  ("Projektledelse og frikøb af" / "ressourcer til at forberede" / "Service | 1.350 | 225", then
  "implementeringen og validere ..."): the label's rest in lowercase goes on from the label above the cut cells
  (`stitch._label_over_cut_cells`);
- rows set to the middle: a label of three lines whose second carries the values, its first a prefix ending on a
  colon ("Spor 1:" / "Videnopbygning ift. | 800 ..." / "fremtidigt behov"). The first line used to be read as a row
  of its own (no open end, the value line's label starts with a capital): the label lines centred on a value line
  are its row's (`wraps.label_centred_on`). The same in a box and a monospaced type; where such a row is alone on
  its page, its value line starting a label that wraps on below it no longer tells that rows are set to their top
  (`wraps._centred_in_label`);
- rows as tight as wrapped lines: a row without amounts whose label opens with the same words as the label above
  it ("Effekt på lønudgifter ..." / "Effekt på øvrige ...") is a sibling entry, not that label's wrapped line
  (`grid._opens_like`);
- the rest of a remark a page break cut, atop the next page under the repeated header, in a column of remarks whose
  total row prints a "0": no part of that column's head (`grid._continues_header`);
- a plain title ("Oversigt") set apart under an economics table, over key figures whose first line holds an amount:
  another table (`regions._opens_next_table`), also under a header repeated atop a page over the rest of a cut row.

Each table must be read with every printed row whole.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, case_params, matching_table, norm, print_and_read
from tests.producers.spec import make_spec

SOURCE = "003/66_tv06_t1-samlede-konsekvenser.csv"
STYLE = dict(rules="none", shading="none", valign="bottom", header_valign="top", font="DejaVu Serif", size=9.0,
             pad=6.0, repeat_header=True, split_rows=True, orientation="portrait", label_share=None, full_width=True,
             running=False, scale=1, year_shift=0, caption_gap=True, bold_header=True)
PRODUCERS = ["weasyprint", "chromium", "reportlab", "fpdf2", "libreoffice", "typst"]
CASES = {f"{p}-tv06": make_spec(7, p, "table", SOURCE, **STYLE) for p in PRODUCERS}
# rows that set their cells to the middle (tune seed g3636 weasyprint-doc-003, Tabel 3): a label of three lines
# whose value line is its second, the first a prefix ending on a colon ("Spor 1:" / "Videnopbygning ift. | 800 ..." /
# "fremtidigt behov"): the label lines centred on the value line are its row's, whatever word starts the value
# line's own label (Chromium sets them a little unevenly: 2.0 pt, then 2.7 pt apart)
CENTRED = dict(STYLE, shading="header", valign="middle", font="DejaVu Sans", size=10.0, pad=3.0, label_share=0.5,
               full_width=False, scale=2, year_shift=1, caption_bold=False, num_align="right", rule_width=0.25)
CASES |= {f"{p}-centred": make_spec(7, p, "table", "003/46_ha03_t3-serviceinvesteringer.csv", **CENTRED)
          for p in PRODUCERS}
# the same in a box, in a monospaced type (tune seed g2525 chromium-doc-002, Tabel 2): "§ 15.26.52.10." /
# "1 | Forebyggelsesstrategi og | 10,6 ..." / "inklusion"; where such a row is the only one of its page, its value line
# starting a label that wraps on below it made the rows look set to their top
BOXED = dict(rules="box", shading="none", font="Liberation Mono", size=8.0, bold_header=True, valign="middle",
             header_valign="top", num_align="left", repeat_header=True, split_rows=False, orientation="portrait",
             nil="\u2013", caption_gap=True, caption_bold=False, unit_line=False, label_share=0.3, rule_width=1.0,
             pad=3.0, year_shift=2, scale=1, running=False, full_width=False, prose_numbers=False)
CASES |= {f"{p}-boxed": make_spec(7, p, "table", "002/02_satspulje-2019-tabel2-omprioritering-bevillinger.csv",
                                  **BOXED) for p in PRODUCERS}
# rows as tight as wrapped lines (Typst, typst-t3 doc-003, "Tabel 4"): a row without amounts under a one-line label
# that fills its column, both opening with the same words ("Effekt på lønudgifter ... 6.45 | -8.702 ..." / "Effekt
# på øvrige administrative udgifter"): a sibling entry, not the label's wrapped line (`grid._opens_like`)
TIGHT = dict(rules="totals", shading="none", font="Liberation Serif", size=9.0, bold_header=True, valign="middle",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=True, orientation="rotate90",
             caption_gap=False, caption_bold=True, unit_line=False, label_share=0.4, rule_width=0.25, pad=3.0,
             year_shift=2, scale=2, running=True, full_width=True, prose_numbers=False)
CASES |= {f"{p}-siblings": make_spec(7, p, "table", "003/62_tv01_t4-varige-aendringer-administration.csv", **TIGHT)
          for p in PRODUCERS}
# the whole proposal catalogue as tune seed g2525 prints it with WeasyPrint (its style drawn from the seed)
DOCUMENT = {"weasyprint-document": make_spec(502527, "weasyprint", "document", "003"),
            # the task budget as extended-style tune seed gx5353 prints it with Chromium (landscape, 7 pt, no rules,
            # cells set to the top, header repeated and set to its foot): a remark the page break cut goes on atop
            # the next page under the repeated header
            "chromium-task-budget": make_spec(505356, "chromium", "document", "004", extended=True),
            # the catalogue as tune seed g2525 prints it with WeasyPrint (no rules, 8 pt, captions plain in 9.5 pt)
            "weasyprint-catalogue": make_spec(502542, "weasyprint", "document", "001"),
            # the catalogue as tune seed g3636 prints it with Chromium (no rules, shaded bands, small type)
            "chromium-catalogue": make_spec(503649, "chromium", "document", "001")}
CUT_TABLES = ["44_ha03_t1-samlede-konsekvenser.csv", "66_tv06_t1-samlede-konsekvenser.csv"]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read({**CASES, **DOCUMENT}, Path(tmp_path_factory.mktemp("bottom-aligned-labels")))


KNOWN = {f"{p}-boxed": "the value line sits in the middle of its label, whose lines wrap on below it: read as rows set "
         "to their top, the label's first line ('§ 15.26.52.10.') is a row of its own (a fix counting such lines "
         "for neither alignment joined two LibreOffice rows opening 'Beløb for' in test_ruled_header_tables)"
         for p in ("libreoffice", "typst")}


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_wrapped_label_is_one_row(case: str, read: dict) -> None:
    if reason := missing_reason(CASES[case].style.producer):
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    pt = spec.tables[0]
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))


@pytest.mark.parametrize("name", CUT_TABLES)
def test_rows_cut_under_wrapped_labels_read_whole(name: str, read: dict) -> None:
    if "weasyprint-document" not in read:
        pytest.skip("producer weasyprint unavailable")
    spec, made, tables = read["weasyprint-document"]
    pt = next(t for t in spec.tables if t.gold.file == name)
    table = matching_table(pt.rows, tables)
    got = [[norm(c.text) if c else "" for c in row.cells] for row in table.rows]
    missing = [row[0] for row in pt.rows if [norm(c) for c in row] not in got]
    assert not missing, f"printed rows not read whole: {missing}"


def test_remark_cut_under_a_repeated_header_is_no_head(read: dict) -> None:
    """The rest of a remark atop the next page, set a row's padding under the repeated header ("vederlagsfri
    fysioterapi, men kommunen skal betale," / "uanset om ..."), in a column of remarks whose total row prints a "0":
    it used to be read as part of that column's head (the "0" made it a column of amounts, whose heads may wrap
    onto a further header row), so the page's header no longer matched and the table was read as two. The
    generator's self-check notes the remark as not printed in order (the repeated header sits inside it)."""
    if "chromium-task-budget" not in read:
        pytest.skip("producer chromium unavailable")
    spec, _, tables = read["chromium-task-budget"]
    pt = spec.tables[0]
    holding = [t for t in tables if any(norm(c.text) == norm(pt.rows[-2][1]) for r in t.rows for c in r.cells if c)
               or any(norm(c.text) == norm(pt.rows[1][1]) for r in t.rows for c in r.cells if c)]
    assert len(holding) == 1, f"the printed rows are spread over {len(holding)} tables"
    got = [[norm(c.text) if c else "" for c in row.cells] for row in holding[0].rows]
    missing = [row[:2] for row in pt.rows if [norm(c) for c in row] not in got]
    assert not missing, f"printed rows not read whole: {missing[:3]}"


def test_plain_title_over_key_figures_parts_tables(read: dict) -> None:
    """A plain title ("Oversigt", set like the captions: larger than the cells, at the margin left of them) set apart
    under an economics table, over a headerless table of key figures whose first line holds an amount ("Besparelse
    i dage pr. ryger, der stopper | 2,2 dage om året"): the key figures are a table of their own, not rows of the
    economics table above (a bold title did part them; a plain one did not)."""
    if "weasyprint-catalogue" not in read:
        pytest.skip("producer weasyprint unavailable")
    spec, _, tables = read["weasyprint-catalogue"]
    pt = next(t for t in spec.tables if t.gold.file == "34_su6-noegletal-faerre-sygefravaersdage.csv")
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))


def test_title_under_a_cut_rows_rest_parts_tables(read: dict) -> None:
    """Atop a page, a timetable's header repeated alone over the rest of its last row ("2024 | ... | 2028" / "i" /
    "hjemmeplejen"), then a plain title at the margin in another size ("Hvem er hørt?") over a small table: that
    table is read on its own, not as rows of the timetable (a table of one line so far was never looked at for a
    title under it), and the timetable keeps its printed rows."""
    if "chromium-catalogue" not in read:
        pytest.skip("producer chromium unavailable")
    spec, _, tables = read["chromium-catalogue"]
    for name in ("12_su2-hvem-er-hoert-center-for-oekonomi.csv", "11_su2-tidsplan.csv"):
        pt = next(t for t in spec.tables if t.gold.file == name)
        assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
