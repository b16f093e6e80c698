"""The fast first look never hides a table page, and pages it reads as text keep their headings."""
from __future__ import annotations

import pytest

from extractors.prescan import scan_document
from extractors.settings import ExtractionSettings
from extractors.tables import extract_tables
from tests.samples import SAMPLES, extracted, pdf_of

FULL = ExtractionSettings(prescan=False, workers=1)


@pytest.mark.parametrize("doc", SAMPLES)
def test_every_page_with_a_gold_table_is_read_in_full(doc):
    scans = scan_document(str(pdf_of(doc)))
    assert scans is not None
    needed = {s.number for s in scans if s.needs_layout}
    table_pages = {p for t in extracted(doc) for p in range(t.page, t.last_page + 1)}
    assert table_pages <= needed
    assert len(needed) < len(scans)  # the samples have prose pages to skip


def test_contexts_are_the_same_with_and_without_the_first_look():
    fast = extracted("001")
    full = extract_tables(pdf_of("001"), FULL)
    assert [t.context for t in fast] == [t.context for t in full if any(t.page == f.page and t.columns == f.columns
                                                                          for f in fast)]


def test_a_prose_page_keeps_its_lines_and_headings():
    scans = scan_document(str(pdf_of("003")))
    prose = next(s for s in scans if not s.needs_layout)
    assert prose.layout.text_only and prose.layout.lines
    texts = [ln.text for ln in prose.layout.lines]
    assert any(ln.bold for ln in prose.layout.lines)  # headings are still recognisable
    assert all(len(ln.segments) == 1 for ln in prose.layout.lines)
    assert len(" ".join(texts)) > 500


def test_unreadable_files_fall_back_to_the_full_reading(tmp_path):
    bad = tmp_path / "not.pdf"
    bad.write_bytes(b"this is not a PDF")
    assert scan_document(str(bad)) is None


def test_cells_set_apart_by_positioning_alone_are_table_signs(tmp_path):
    """A renderer that spaces a row's cells by kerning inside one text run (TJ offsets) gives pdfium a single
    run per line; the wide positioned gaps still send the page to the full reading, which finds the cells."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "kerned.pdf"
    c = canvas.Canvas(str(path))
    for i in range(4):
        text = c.beginText(72, 700 - 20 * i)
        text.setFont("Helvetica", 9)
        text._code.append(f"[(Bevilling {i + 1}) -2500 ({1000 * (i + 1):,}) -2500 (Politisk)] TJ".replace(",", "."))
        c.drawText(text)
    c.save()
    (scan,) = scan_document(str(path))
    assert scan.needs_layout
    (table,) = extract_tables(path)
    assert [[cell.text for cell in row.cells] for row in table.rows][-1] == ["Bevilling 4", "4.000", "Politisk"]


def _beside_pdf(path, beside: bool):
    """One page of plain lines of text; `beside`: two rows of a borderless table whose text cell is set centred on
    the row beside a label wrapped over two lines (and a one-line label centred on a two-line text cell), so that
    no two cells share a line; else the same texts as running lines under one another."""
    from tests.extractors.drawn_pdf import Sheet, write_pdf

    sheet = Sheet()
    sheet.text(60, 80, "Forvaltningen har gennemgået bevillingerne, der udløber ved udgangen af budgetåret.")
    if beside:  # set column by column, as a table is drawn cell by cell
        sheet.text(60, 110, "Videreførelse af partnerskabsprojektet")
        sheet.text(60, 121, "’Ung mor på vej’")
        sheet.text(60, 146, "Demensrejsehold")
        sheet.text(330, 116, "Dækket ved forhandlinger om budget 2025")
        sheet.text(330, 140, "Dækket ved forhandlinger")
        sheet.text(330, 151, "om budget 2025")
    else:
        for k, s in enumerate(["Videreførelse af partnerskabsprojektet", "’Ung mor på vej’",
                               "Dækket ved forhandlinger om budget 2025", "Dækket ved forhandlinger",
                               "Demensrejsehold", "om budget 2025"]):
            sheet.text(60 + 20 * (k % 2), 110 + 11 * k, s)
    return write_pdf([sheet], path)


@pytest.mark.parametrize("beside", [True, False])
def test_a_line_set_beside_the_line_above_is_a_table_sign(tmp_path, beside):
    """Cells of one row set vertically apart (a text cell centred beside a wrapped label, a one-line label centred
    on a wrapped text cell) make lines that start right of the line above, in its height band: the page is read in
    full. Lines under one another, however indented, are running text."""
    (scan,) = scan_document(str(_beside_pdf(tmp_path / "beside.pdf", beside)))
    assert scan.needs_layout is beside


def _row_high_on_next_page_pdf(path):
    """A boxed two-column list whose rows end page 1 at its foot; its last row, the page break moved on, is set
    alone in its box high on page 2, inside the page's top margin band (LibreOffice, a landscape page: the band is a
    share of the long side), under the running header both pages repeat."""
    from tests.extractors.drawn_pdf import Sheet, cell_borders, set_rows, write_pdf

    edges = [57.0, 330.0, 538.0]
    body = [[f"Initiativ nummer {k + 1} for ældre borgere", "Bør videreføres"] for k in range(6)]
    one, two = Sheet(), Sheet()
    for sheet in (one, two):
        sheet.text(57, 36, "Københavns Kommune")
        sheet.text(460, 36, "12. august 2022")
    one.text(57, 80, "Forvaltningen har gennemgået bevillingerne, der udløber ved udgangen af budgetåret.", size=10)
    rows = set_rows(one, edges, [["Bevilling", "Anbefaling"], *body], 620, bold_rows=frozenset({0}),
                    numeric_from=9)
    cell_borders(one, edges, rows)
    last = set_rows(two, edges, [["Videreførelse af partnerskabsprojektet", ["Dækket ved forhandlinger",
                                                                              "om budget 2025"]]], 48, numeric_from=9)
    cell_borders(two, edges, last)
    return write_pdf([one, two], path)


def test_a_row_moved_on_into_the_next_pages_top_margin_band_is_read(tmp_path):
    """The first look leaves the margin bands out (running headers live there); a line of cells set there that no
    other page repeats, on the page after a page read in full, is a table's row the page break moved on: that page
    is read in full, and the row goes on the table."""
    path = _row_high_on_next_page_pdf(tmp_path / "high.pdf")
    scans = scan_document(str(path))
    assert [s.needs_layout for s in scans] == [True, True]
    (table,) = extract_tables(path)
    assert [c.text if c else "" for c in table.rows[-1].cells] == [
        "Videreførelse af partnerskabsprojektet", "Dækket ved forhandlinger om budget 2025"]


def test_a_running_header_alone_in_the_band_keeps_a_prose_page_text_only(tmp_path):
    """A page whose band holds only the running header every page repeats (cells side by side) stays text-only."""
    from tests.extractors.drawn_pdf import Sheet, write_pdf

    sheets = []
    for _ in range(3):
        sheet = Sheet()
        sheet.text(57, 36, "Københavns Kommune")
        sheet.text(460, 36, "12. august 2022")
        sheet.text(57, 120, "Forvaltningen har gennemgået bevillingerne, der udløber ved udgangen af budgetåret.")
        sheets.append(sheet)
    scans = scan_document(str(write_pdf(sheets, tmp_path / "prose.pdf")))
    assert [s.needs_layout for s in scans] == [False, False, False]


@pytest.mark.parametrize("doc", SAMPLES)
def test_text_runs_read_in_one_call_are_pypdfium2_s(doc):
    """The first look reads each text run with one call into pdfium (`_BoundedText`): the same text as
    pypdfium2's `get_text_bounded` (two calls), on every run of every page and on boxes over several lines."""
    import pypdfium2 as pdfium

    from extractors.prescan import _BoundedText

    pdf = pdfium.PdfDocument(str(pdf_of(doc)))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage, (width, height) = page.get_textpage(), page.get_size()
            bounded = _BoundedText(textpage)
            boxes = [textpage.get_rect(k) for k in range(textpage.count_rects())]
            boxes += [(0, 0, width, height), (0, height / 2, width, height), (width / 3, 0, width / 2, height)]
            assert [bounded(*box) for box in boxes] == [textpage.get_text_bounded(*box) for box in boxes]
    finally:
        pdf.close()
