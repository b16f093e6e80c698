"""Where a table starts and ends, and its first and last rows (issue 10): tables drawn by the generator's tune
split (seed 5000 of `python -m tests.producers.generate`) that were read wrong, each printed again from its seed by
its producer and read by the real extractor (and two from seed 6000); header and body must be the printed ones.

- numbered-heading (fpdf2): "10. Hvem er hørt?" in a monospaced font (the number set apart from its text by one
  space) right above a table with a shaded header and no rules was read as the table's first row, and the header
  as a body row; a number and one run of text no further apart than a word space are no two cells;
- title-over-bottom-header (LibreOffice): the title "Opfølgning" set tight above a header wrapped and set to the
  bottom, whose first column holds one line: the title sat over that column with an empty stretch under it, so it
  was read as the header, the real header as a row; a cell holds its lines together;
- section-row-under-wrapped-cell (LibreOffice): a section row "Realisering af effektiviseringer", label only,
  under a row whose third cell wraps one line further than its label: it was joined to the label above, across
  the label column's empty line;
- unlabelled-header (LibreOffice, rotated page): a one-row text table, no rules, whose header leaves the label
  column empty: header and row were one row, then the table's header, and no table was read;
- label-row-after-centred-values (LibreOffice, box): "Effekt på øvrige administrative udgifter", a row with no
  amounts, under a wrapped label whose amounts sit centred: joined to it, though its first word would have fitted
  after the label above;
- number-wrapped-off-a-label (Chromium, bottom-aligned, monospaced): "Fraflytning af Matthæusgade" / "1" beside
  the amounts: the "1" read as the label of a row of its own;
- last-label-beside-centred-value (Chromium) and last-label-wrapped (WeasyPrint): the last row's label wraps
  ("Tilbagebetalingstid baseret på" / "Totaløkonomi") after the value line, and the table was cut before it;
- last-row-interleaved (fpdf2, rules between rows only, over two pages): the last row's cells, centred, never
  share a line ("Dækket ved" / "Videreførelse af ..." / "forhandlinger" / ...): the row was dropped;
- rows-tight-under-header-rule (LibreOffice, seed 6000): rows set without padding sit as tight under the rule
  under the header as a wrapped head; the first two rows were read into the header;
- years-in-text-cells (WeasyPrint, monospaced, seed 6000): "Februar 2024," / "2025, 2026," / "2027" in a text
  column: a line of years was taken for a row's amounts, and the wrapped lines of three rows were gathered on it;
- section-row-over-narrow-column (ReportLab, tune seed 780's whole catalogue, here its table alone): a section
  row "Milepæle for implementering og anvendelse af investeringsmidler" runs over the gutter after a narrow first
  column; it joined the first two columns into one;
- header-band-one-row (Chromium, ruled): the header's three lines between two rules are the header, also when its
  label column's head prints on the last line only (a guard for the unlabelled-header rule, which keeps to tables
  without rules);
- title-over-first-column (fpdf2, tune seed 781's whole catalogue, here its overview alone): the title "Oversigt", a
  line's gap above the header and over its first column only, a box with vertical rules and a rule under the header:
  it was read as the first row and the header as a body row (no column heads, so none of the 40 amounts scored);
- caption-wrapped-over-header (ReportLab, tune seed 782's minutes, here the table alone): the caption's second line
  "Integrationsudvalgets område.", bold and a half point smaller than the header, set as tight under the first as a
  wrapped line and over the first two columns, was read into the header, which then spanned the first year column:
  the first row's amount joined its label and the pages after it (no header repeated) were not stitched;
- centred-rows-without-padding, centred-section-row (LibreOffice, tune seed 782's catalogue 003, here its tables
  alone) and centred-plan-cells (LibreOffice, its catalogue 001): text tables with no rules between rows and no
  padding, every cell set vertically centred: rows follow on at a wrapped line's pitch and a short cell's lines
  sit half a line off the tall one's ("Bedre udnyttelse af kapacitet, færre køb og" / "revisitationer ..." beside
  "Halvårligt fra 4. kvt. 2023 til 2027" centred; a section row "Realisering af effektiviseringer" under a one-line
  row; a plan whose cells of five lines or fewer sit beside a one-line label): a row's first label line, alone on
  its line, was read as part of the row above and the rows' cells were mixed up (half the cells read);
- centred-section-row-ruled (LibreOffice, tune seed 780's catalogue 001, its plan alone): a rule between every row,
  rows of tall plan cells that fill their bands and section rows "Scenarie 1" / "Scenarie 2" set centred in rows of
  a minimum height: such a band read as the gap between two tables, so the plan was cut in two headerless tables
  and its section rows and header lost;
- remarks-centred-beside-rows (LibreOffice, box, monospaced: tune seed 780's task budget alone): remarks of two or
  three lines set vertically centred beside one-line rows; a remark's first line, above its row's value line and
  under a short last line of the remark before, was read as a row of its own (65 rows for 50).

`test_dash_in_a_monospaced_caption`: tune seed 782's task budget (Chromium, monospaced), here its table alone: the
caption "... opgaver – Bilag 1 (...)" was cut into two cells after the dash (a lone dash, past a monospaced word
space, before a capitalised word was read as an amount and the next cell), so the title lines above the header
became part of it, and none of the 155 amounts were read under their columns.

`test_header_over_a_bold_section_row`: tune seed 781's catalogue 001 (LibreOffice), its follow-up table alone: a
plain header above a bold shaded section row that runs over a gutter (two runs of words, like a bold header band):
the framed region was split under the header, so the header was dropped and the section row read as the header.

`test_heading_parts_two_text_tables`: two text tables of that catalogue, each under its heading "Hvem er hørt?" with
no running text between them (fpdf2, same style): the second heading and header were read into the first table.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from tests.producers.reading import assert_read_as_printed, norm, print_and_read, printed_and_read
from tests.producers.spec import Caption, PTable, make_spec

CASES = {  # case id: (producer, seed drawn by the tune split of seed 5000 or 6000)
    "numbered-heading": ("fpdf2", 5001),
    "title-over-bottom-header": ("libreoffice", 5144),
    "section-row-under-wrapped-cell": ("libreoffice", 5144),
    "unlabelled-header": ("libreoffice", 5019),
    "label-row-after-centred-values": ("libreoffice", 5004),
    "number-wrapped-off-a-label": ("chromium", 5063),
    "last-label-beside-centred-value": ("chromium", 5093),
    "last-label-wrapped": ("weasyprint", 5057),
    "last-row-interleaved": ("fpdf2", 5081),
    "rows-tight-under-header-rule": ("libreoffice", 6084),
    "years-in-text-cells": ("weasyprint", 6092),
    "header-band-one-row": ("chromium", 5098),
    "section-row-over-narrow-column": ("reportlab", 780),
    "title-over-first-column": ("fpdf2", 500802),
    "caption-wrapped-over-header": ("reportlab", 500787),
    "centred-rows-without-padding": ("libreoffice", 500801),
    "centred-section-row": ("libreoffice", 500801),
    "centred-plan-cells": ("libreoffice", 500791),
    "centred-section-row-ruled": ("libreoffice", 500789),
    "remarks-centred-beside-rows": ("libreoffice", 500804),
}
PINNED = {  # case id: (source, style) pinned where the case comes from a whole document
    "section-row-over-narrow-column": (
        "001/13_su2-opfoelgningsmaal.csv",
        dict(rules="totals", shading="bands", font="DejaVu Sans", size=8.0, bold_header=False, valign="top",
             header_valign="bottom", split_rows=True, orientation="portrait", label_share=0.4, pad=6.0,
             full_width=True)),
    "title-over-first-column": ("001/01_oversigt-effektiviseringskatalog-2023.csv", {}),
    "caption-wrapped-over-header": ("002/19_biu-satspuljer-der-kan-soeges.csv", {}),
    "centred-rows-without-padding": ("003/48_ha03_opfoelgning.csv", {}),
    "centred-section-row": ("003/04_bu-si01_opfoelgning.csv", {}),
    "centred-plan-cells": ("001/11_su2-tidsplan.csv", {}),
    "centred-section-row-ruled": ("001/45_su7-tidsplan-scenarier.csv", {}),
    "remarks-centred-beside-rows": ("004/01_bilag1.csv", {}),
}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it: case id -> (spec, made, tables)."""
    specs = {}
    for cid, (producer, seed) in CASES.items():
        source, style = PINNED.get(cid, (None, {}))
        specs[cid] = make_spec(seed, producer, "table", source, **style)
    return print_and_read(specs, tmp_path_factory.mktemp("table-edges"))


@pytest.mark.parametrize("case_id", list(CASES))
def test_header_and_body_are_the_printed_ones(case_id: str, read: dict) -> None:
    pt, table = printed_and_read(case_id, CASES[case_id][0], read)
    assert_read_as_printed(pt, table)


BOXED_TWO_ROWS = ("weasyprint", 500792, "000")  # tune seed 780's grant list: page 2 holds two rows in the box


@pytest.fixture(scope="module")
def boxed_two_rows(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the grant list whose last page holds two one-line rows in a box (no rule between them) and read it."""
    producer, seed, doc = BOXED_TWO_ROWS
    return print_and_read({"doc": make_spec(seed, producer, "document", doc)}, tmp_path_factory.mktemp("boxed"))


def test_two_rows_in_a_box_are_two_rows(boxed_two_rows: dict) -> None:
    """A box ruled under its header only, whose body on the last page is two one-line text rows ("Dækket ved
    forhandlinger ..." beside each label): parted by the space between them, not read as one row."""
    if not boxed_two_rows:
        pytest.skip(f"producer {BOXED_TWO_ROWS[0]} unavailable")
    spec, made, tables = boxed_two_rows["doc"]
    printed = {norm(row[0]) for pt in spec.tables for row in pt.rows}
    labels = [norm(c.text) for t in tables for r in t.rows for c in r.cells[:1] if c]
    missing = sorted(printed - set(labels))
    assert missing == [], f"grants not read as rows of their own: {missing}"


HEADED_PAIR = ("fpdf2", 500802, ("001/05_su1-hvem-er-hoert-center-for-oekonomi.csv",
                                 "001/07_su1-hvem-er-hoert-oevrige-parter.csv"))  # tune seed 781's catalogue


@pytest.fixture(scope="module")
def headed_pair(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print two text tables, each under its heading and nothing between them, and read them."""
    producer, seed, sources = HEADED_PAIR
    specs = [make_spec(seed, producer, "table", source) for source in sources]
    blocks = [b for spec in specs for b in spec.blocks if isinstance(b, Caption | PTable)]
    pair = replace(specs[0], id=f"{producer}-headed-pair-s{seed}", blocks=blocks)
    return print_and_read({"pair": pair}, tmp_path_factory.mktemp("headed-pair"))


def test_heading_parts_two_text_tables(headed_pair: dict) -> None:
    """The heading of the second table, a few lines' height under the first one's last row, and the second's
    header, whose columns start and end where none of the first's do, open a table of their own."""
    if not headed_pair:
        pytest.skip(f"producer {HEADED_PAIR[0]} unavailable")
    spec, made, tables = headed_pair["pair"]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    assert len(tables) == 2, f"{len(tables)} tables read: {[t.columns for t in tables]}"
    for pt, table in zip(spec.tables, tables, strict=True):
        assert_read_as_printed(pt, table)


MONOSPACED_CAPTION = ("chromium", 500785, "004/01_bilag1.csv", dict(size=7.0))  # tune seed 782's task budget


@pytest.fixture(scope="module")
def monospaced_caption(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the task budget under its caption in a monospaced font and read it."""
    producer, seed, source, style = MONOSPACED_CAPTION
    return print_and_read({"budget": make_spec(seed, producer, "table", source, **style)},
                          tmp_path_factory.mktemp("monospaced-caption"))


def test_dash_in_a_monospaced_caption(monospaced_caption: dict) -> None:
    """A dash inside the caption's run of words, a monospaced word space from the next capitalised word, does not
    part the caption into cells: the header read is the printed one, and every printed row is read. (The body is
    not compared cell by cell: this style clips one long remark, which the generator reports.)"""
    pt, table = printed_and_read("budget", MONOSPACED_CAPTION[0], {
        k: (spec, replace(made, problems=[]), tables) for k, (spec, made, tables) in monospaced_caption.items()})
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row: {table.columns}"
    assert len(table.rows) == len(pt.rows), f"{len(table.rows)} rows read, {len(pt.rows)} printed"


HEADER_OVER_SECTION_ROW = ("libreoffice", 500790, "001/13_su2-opfoelgningsmaal.csv")  # tune seed 781's catalogue


@pytest.fixture(scope="module")
def header_over_section_row(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the follow-up table whose plain header sits on a bold shaded section row and read it."""
    producer, seed, source = HEADER_OVER_SECTION_ROW
    return print_and_read({"plan": make_spec(seed, producer, "table", source)},
                          tmp_path_factory.mktemp("header-over-section-row"))


def test_header_over_a_bold_section_row(header_over_section_row: dict) -> None:
    """A framed text table whose header (plain, in the band above the first rule) is followed by a bold section
    row "Milepæle for implementering og anvendelse af investeringsmidler" that runs over a gutter (so it reads as a
    bold band of two cells, like a header): the header band alone is this table's header, no table of its own, and
    the section row is no second header (the header was dropped and the section row read as the header). (The body
    is not compared cell by cell: the section row, run over the gutter, is still read into two cells.)"""
    pt, table = printed_and_read("plan", HEADER_OVER_SECTION_ROW[0], header_over_section_row)
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], \
        f"header is not the printed header row: {table.columns}"
    assert len(table.rows) == len(pt.rows), f"{len(table.rows)} rows read, {len(pt.rows)} printed"
