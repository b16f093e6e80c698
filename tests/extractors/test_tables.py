"""Behaviour of the table extractor on the shipped sample PDFs (real PDFs, no mocks)."""
from __future__ import annotations

import re

import pdfplumber

from extractors.layout import page_objects, words_of
from extractors.model import Table
from extractors.settings import ExtractionSettings
from extractors.tables import extract_tables, read_layouts
from tests.samples import extracted, pdf_of


def _find(doc: str, pattern: str) -> Table:
    """The first table of a sample whose caption matches."""
    return next(t for t in extracted(doc) if t.caption and re.search(pattern, t.caption))


def _row(t: Table, label_start: str) -> list[str]:
    """The texts of the first row whose first non-empty cell starts with the given label."""
    for r in t.rows:
        texts = [c.text if c else "" for c in r.cells]
        if any(x.startswith(label_start) for x in texts[:3]):
            return texts
    raise AssertionError(f"no row {label_start!r}")


def test_words_from_layout_tree_equal_pdfplumbers_words():
    with pdfplumber.open(pdf_of("003")) as pdf:
        page = pdf.pages[0]
        ours = [(w.text, round(w.x0, 3), round(w.top, 3), round(w.bottom, 3)) for w in words_of(page_objects(page))]
        theirs = [(w["text"], round(w["x0"], 3), round(w["top"], 3), round(w["bottom"], 3))
                  for w in page.extract_words(x_tolerance=1.5, y_tolerance=2, extra_attrs=["size", "fontname"])]
    assert ours == theirs


def test_running_headers_and_footers_are_never_cells():
    for doc in ("000", "002"):
        for t in extracted(doc):
            for r in t.rows:
                for c in r.cells:
                    assert c is None or not re.fullmatch(r"Side \d+ af \d+", c.text)


def test_grant_list_spans_the_page_break_as_one_table():
    t = _find("000", r"^Tabel 1\. Bevillinger")
    assert (t.page, t.last_page) == (1, 2)
    assert t.columns == ["Bevillinger som udløber ved udgangen af 2026", "Beløb som udløber (2026-pl) 1.000 kr.",
                         "Forvaltningens Anbefaling"]
    assert len(t.rows) == 19
    assert (t.unit, t.pl_year) == ("1.000 kr.", 2026)
    # a wrapped label is one row, line-break hyphenation removed, a real hyphen kept, the footnote marker kept
    assert _row(t, "Øget fokus")[:2] == ["Øget fokus på tidlig opsporing og målrettet støtte til borgere med demens",
                                         "2.640"]
    assert _row(t, "Enhed for anonym")[0].endswith("chikane og sexisme (tværgående KK-aktivitet placeret i SUF og ØKF)")
    assert _row(t, "Madklubber")[:2] == ["Madklubber på plejehjem*", "1.750"]
    assert _row(t, "Pilotforsøg")[2] == "Ikke relevant at videreføre."


def test_economics_table_caption_context_unit_and_centred_values():
    t = _find("003", r"^Tabel 1\. Forslagets samlede")
    assert t.page == 1
    assert t.context == "BU/SI01 - Faglig omstilling – Styrket overgang fra ung til voksen"
    assert t.columns == ["1.000 kr. 2023 p/l", "Styringsområde", "2022", "2023", "2024", "2025", "2026", "2027"]
    assert (t.unit, t.pl_year) == ("1.000 kr.", 2023)
    assert _row(t, "Varige ændringer") == ["Varige ændringer"] + [""] * 7  # a section row is a row, not a header
    # values printed vertically centred against a three-line label belong to that one row; minus glyph as "-"
    assert _row(t, "Reducerede udgifter") == [
        "Reducerede udgifter sfa. at 4-5 unge overgår til egen bolig med støtte i stedet for midlertidige botilbud",
        "Service", "", "-2.000", "-2.000", "-2.000", "-2.000", "-2.000"]


def test_a_tabel_1_printed_before_its_title_belongs_to_the_next_proposal():
    contexts = [t.context for t in extracted("001") if t.caption and t.caption.startswith("Tabel 1.")]
    codes = [c.split(".")[0] for c in contexts]
    assert codes == [f"SU{i}" for i in range(1, 8)]


def test_a_number_broken_over_two_lines_is_one_cell():
    t = next(t for t in extracted("001") if t.context and t.context.startswith("SU3.")
             and t.caption and t.caption.startswith("Tabel 1."))
    assert _row(t, "Behandlingstiden")[:8] == ["Behandlingstiden nedsættes med 2½ uger", "Service", "", "-1.400",
                                               "-2.750", "-2.750", "-2.750", "-2.750"]


def test_satspulje_overview_is_one_table_over_six_pages():
    t = _find("002", r"Økonomioversigt for satspuljen 2019")
    assert (t.page, t.last_page) == (13, 18)
    assert t.columns == ["Nr.", "DUT", "Initiativ", "2019", "2020", "2021", "2022", "Permanent", "I alt 2019-2022"]
    assert len(t.rows) == 146
    assert (t.unit, t.pl_year) == ("mio. kr.", 2019)
    assert _row(t, "27")[:4] == ["27", "D", "Styrkelse af borgernes retsstilling i servicelovens hjælperordninger",
                                 "1,0"]


def test_landscape_task_budget_is_one_table_with_its_unnumbered_caption():
    t = next(t for t in extracted("004") if t.columns and t.columns[0] == "Nr.")
    assert t.caption.startswith("Fordeling af budget 2022")
    assert (t.unit, t.pl_year) == ("kr.", 2022)
    assert t.page == 2 and t.last_page > t.page
    assert len(t.rows) == 50
    assert _row(t, "17")[4] == "-653.481"


def test_two_tables_sharing_rules_under_one_heading_stay_apart():
    headers = [t.columns for t in extracted("003") if t.page == 12]
    assert ["", "Ja/Nej", "Dato for godkendelse"] in headers
    assert ["", "Ja/Nej/Ikke relevant", "Dato for godkendelse og evt. høringssvar"] in headers


def test_every_cell_carries_its_page_and_box():
    for t in extracted("000"):
        for r in t.rows:
            for c in r.cells:
                if c is not None:
                    x0, top, x1, bottom = c.bbox
                    assert t.page <= c.page <= t.last_page and 0 <= x0 < x1 and 0 <= top < bottom <= 842


def test_parallel_and_in_process_reading_agree():
    path = pdf_of("004")
    serial = extract_tables(path, ExtractionSettings(workers=1))
    parallel = extract_tables(path, ExtractionSettings(workers=2, parallel_min_pages=4))
    assert [(t.page, t.columns, [[c and c.text for c in r.cells] for r in t.rows]) for t in serial] == \
        [(t.page, t.columns, [[c and c.text for c in r.cells] for r in t.rows]) for t in parallel]
    assert len(read_layouts(path, ExtractionSettings(workers=2, parallel_min_pages=4))) == 34


def test_text_printed_sideways_is_read_upright_with_boxes_on_the_page(tmp_path):
    """A portrait page whose table is printed turned (a wide table): read as an ordinary landscape table, while
    cell boxes stay in the page's own coordinates."""
    from tests.extractors.turned_pdf import write_turned_table

    pdf = write_turned_table(tmp_path / "turned.pdf")
    (t,) = extract_tables(pdf)
    assert t.columns == ["1.000 kr.", "2023", "2024", "2025"]
    assert [[c.text if c else "" for c in r.cells] for r in t.rows] == [
        ["Hjemmepleje", "-1.400", "-4.200", "-5.600"], ["Sygepleje", "300", "0", "-90"],
        ["I alt", "-1.100", "-4.200", "-5.690"]]
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[0].chars
    for r in t.rows:
        for c in r.cells:
            x0, top, x1, bottom = c.bbox
            inside = [ch["text"].replace("\u2212", "-") for ch in chars
                      if x0 - 0.5 <= (ch["x0"] + ch["x1"]) / 2 <= x1 + 0.5
                      and top - 0.5 <= (ch["top"] + ch["bottom"]) / 2 <= bottom + 0.5 and ch["text"].strip()]
            printed = c.text.replace(" ", "")
            assert sorted(inside) == sorted(printed), c  # the box holds exactly the cell's printed glyphs
