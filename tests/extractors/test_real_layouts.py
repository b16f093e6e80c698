"""Regression tests for layouts seen in real PDFs of producers we have never seen (the ICDAR 2013 EU documents):
each test draws a similar small table with ReportLab's canvas at test time and checks it reads as printed."""
from __future__ import annotations

from pathlib import Path

from extractors.model import Table
from extractors.tables import extract_tables
from tests.extractors.drawn_pdf import Sheet, cell_borders, set_rows, width, write_pdf

LEFT = 60.0


def _rows(table: Table) -> list[list[str]]:
    """The body rows' texts (blank for an empty cell)."""
    return [[c.text if c else "" for c in row.cells] for row in table.rows]


def _head_ending_in_number_pdf(path: Path) -> Path:
    """A table ruled cell by cell whose header cells wrap over several lines, one of them ending in a number on a
    line of its own ("Companies on" / "FTSE Eurotop" / "100"), inside the header's ruled band."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Reclassifications by company", bold=True)
    edges = [LEFT, LEFT + 120, LEFT + 200, LEFT + 280, LEFT + 360]
    header = ["", ["Number of", "companies"], ["Companies on", "FTSE Eurotop", "100"], ["Share of", "all"]]
    body = [["0 reclassifications", "52", "14", "52%"], ["1 reclassification", "28", "4", "28%"],
            ["2 reclassifications", "20", "4", "20%"], ["Total", "100", "22", ""]]
    rows = set_rows(sheet, edges, [header, *body], 100, numeric_from=1)
    cell_borders(sheet, edges, rows)
    return write_pdf([sheet], path)


def test_a_head_wrapped_onto_a_number_line_stays_in_the_header(tmp_path: Path) -> None:
    """A header cell's last line that is a number ("100" of "FTSE Eurotop 100"), set tight under the head's other
    lines and ruled off from the body with them, is the end of that head, not a first row of its own."""
    tables = extract_tables(_head_ending_in_number_pdf(tmp_path / "head.pdf"))
    assert len(tables) == 1
    t = tables[0]
    assert t.columns == ["", "Number of companies", "Companies on FTSE Eurotop 100", "Share of all"]
    assert _rows(t)[0] == ["0 reclassifications", "52", "14", "52%"]
    assert len(t.rows) == 4


SIDE_LISTS = [
    [["Topic A", "Count"], ["Spain", "268"], ["Germany", "233"], ["France", "136"], ["Total EU", "637"]],
    [["Topic B", "Count"], ["Spain", "153"], ["Germany", "119"], ["France", "99"], ["Italy", "82"],
     ["Total EU", "453"]],
    [["Topic C", "Count"], ["Germany", "91"], ["Spain", "85"], ["Belgium", "56"], ["Total EU", "232"]],
]


def _side_by_side_pdf(path: Path) -> Path:
    """Three lists ruled cell by cell and set side by side, a stretch of empty page between them, their rows on
    the same baselines (a spreadsheet's blocks), the middle one a row longer."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Topics by country", bold=True)
    for k, rows in enumerate(SIDE_LISTS):
        x = LEFT + k * 150
        edges = [x, x + 85, x + 135]
        cell_borders(sheet, edges, set_rows(sheet, edges, rows, 100, bold_rows=frozenset({0}), numeric_from=1))
    return write_pdf([sheet], path)


def test_ruled_lists_side_by_side_read_as_tables_of_their_own(tmp_path: Path) -> None:
    """Ruled tables set side by side, apart by empty page, read as one table each (not one wide table whose rows
    join the lists' entries), left to right, each total under its own list."""
    tables = extract_tables(_side_by_side_pdf(tmp_path / "side.pdf"))
    assert [t.columns for t in tables] == [rows[0] for rows in SIDE_LISTS]
    assert [_rows(t) for t in tables] == [rows[1:] for rows in SIDE_LISTS]


def _chart_pdf(path: Path) -> Path:
    """Two line charts side by side as a spreadsheet draws them: a shaded plot area each, the value axis' tick
    labels (400 down to -100) one per gridline at its left edge, a legend inside the plot, the dates of the time
    axis under it and the source under them; then a small table of figures under the charts."""
    sheet = Sheet()
    sheet.text(LEFT, 80, "Spreads against the benchmark", bold=True)
    for k in range(2):
        x = LEFT + k * 240
        sheet.text(x + 60, 100, f"Country {k + 1} vs benchmark (bp)")
        sheet.fill(x + 30, 110, x + 220, 250, gray=0.85)
        for i, tick in enumerate(range(400, -150, -50)):
            y = 112 + i * 12.5
            sheet.text_right(x + 26, y + 3, str(tick), size=6)
            sheet.hline(x + 30, x + 220, y, lw=0.3)
        sheet.text(x + 60, 128, "Diff 5-y CDS spread", size=6)
        sheet.text(x + 60, 138, "Diff 5-y bond yield", size=6)
        for i, month in enumerate(["Jan-08", "Jul-08", "Jan-09", "Jul-09", "Jan-10", "Jul-10"]):
            sheet.text(x + 32 + i * 32, 260, month, size=6)
        sheet.text(x, 272, "Source: market data, own calculations", size=6)
    edges = [LEFT, LEFT + 160, LEFT + 230, LEFT + 300]
    body = [["Period", "Country 1", "Country 2"], ["2008", "0.33", "0.51"], ["2009", "-0.01", "0.45"],
            ["2010", "0.64", "0.72"]]
    cell_borders(sheet, edges, set_rows(sheet, edges, body, 320, bold_rows=frozenset({0}), numeric_from=1))
    return write_pdf([sheet], path)


def test_a_charts_axis_labels_are_no_table(tmp_path: Path) -> None:
    """The text of a chart (a value axis' tick labels falling by one round step per line, the legend, the dates of
    the time axis) is no table; the table of figures under the charts still is."""
    tables = extract_tables(_chart_pdf(tmp_path / "chart.pdf"))
    assert [t.columns for t in tables] == [["Period", "Country 1", "Country 2"]]
    assert _rows(tables[0]) == [["2008", "0.33", "0.51"], ["2009", "-0.01", "0.45"], ["2010", "0.64", "0.72"]]


def test_a_column_of_falling_years_beside_figures_is_a_table(tmp_path: Path) -> None:
    """Rows headed by years set latest first (2024, 2023, ... : a column falling by one per row, as an axis does)
    hold figures of their own: a table."""
    sheet = Sheet()
    edges = [LEFT, LEFT + 80, LEFT + 160, LEFT + 240]
    body = [["Year", "Budget", "Outcome"], ["2024", "1.250", "1.190"], ["2023", "1.200", "1.210"],
            ["2022", "1.150", "1.120"], ["2021", "1.100", "1.090"], ["2020", "1.050", "1.060"]]
    cell_borders(sheet, edges, set_rows(sheet, edges, body, 100, bold_rows=frozenset({0}), numeric_from=1))
    tables = extract_tables(write_pdf([sheet], tmp_path / "years.pdf"))
    assert len(tables) == 1 and _rows(tables[0]) == body[1:]


def _notes_under_pdf(path: Path) -> Path:
    """A table ruled cell by cell at 11 pt with notes set at 8 pt under its last rule (a key to a mark, the
    source), each a key and its text; then running text; and a second table whose small column heads (8 pt) sit
    between its group heads and its body."""
    sheet = Sheet()
    edges = [LEFT, LEFT + 120, LEFT + 200, LEFT + 280]
    body = [["", "Finland", "EU-15"], ["1996", "3.7", "1.6"], ["2000", "5.0", "3.9"], ["2006 (*)", "3.5", "2.0"]]
    rows = set_rows(sheet, edges, body, 100, bold_rows=frozenset({0}), numeric_from=1, size=11.0, lead=13.0)
    cell_borders(sheet, edges, rows)
    y = rows[-1].bottom + 12
    for key, text in (("(*)", "Forecast."), ("Source:", "Eurostat, national accounts, 2005.")):
        sheet.text(LEFT, y, key, size=8)
        sheet.text(LEFT + 40, y, text, size=8)
        y += 11
    sheet.text(LEFT, y + 20, "The economy has grown steadily since the depression of the early nineties.", size=11)
    edges = [LEFT, LEFT + 80, LEFT + 140, LEFT + 200, LEFT + 260, LEFT + 320]
    top = y + 60
    for mid, group in ((LEFT + 140, "Finland"), (LEFT + 260, "EU-15")):
        sheet.text(mid - width(group, True, 11.0) / 2, top + 12, group, bold=True, size=11)
    for k, head in enumerate(["Female", "Male", "Female", "Male"]):
        sheet.text_right(edges[k + 2] - 2, top + 27, head, bold=True, size=8)
    sheet.hline(LEFT, edges[-1], top + 16)
    sheet.hline(LEFT, edges[-1], top + 30)
    rows = set_rows(sheet, edges, [["1995", "15.1", "15.7", "12.0", "8.7"], ["2005", "8.6", "8.2", "8.9", "7.0"]],
                    top + 30, numeric_from=1, size=11.0, lead=13.0)
    cell_borders(sheet, edges, rows)
    return write_pdf([sheet], path)


def test_notes_set_small_under_a_ruled_table_are_no_rows_and_no_table(tmp_path: Path) -> None:
    """Notes under a ruled table's last rule, set clearly smaller than its cells ("(*) Forecast.", "Source: ..."),
    are neither rows of the table nor a table of their own; small column heads between a table's group heads and
    its body are still its header."""
    tables = extract_tables(_notes_under_pdf(tmp_path / "notes.pdf"))
    assert len(tables) == 2
    assert _rows(tables[0]) == [["1996", "3.7", "1.6"], ["2000", "5.0", "3.9"], ["2006 (*)", "3.5", "2.0"]]
    assert tables[1].columns[1:] == ["Finland Female", "Male", "EU-15 Female", "Male"]
    assert _rows(tables[1]) == [["1995", "15.1", "15.7", "12.0", "8.7"], ["2005", "8.6", "8.2", "8.9", "7.0"]]


def test_a_ruled_table_beside_a_boxed_chart_reads_alone(tmp_path: Path) -> None:
    """A ruled table with a chart in a closed box beside it, the chart's category labels on the table's baselines
    now and then: the table reads alone, its rows not joined with the chart's labels."""
    sheet = Sheet()
    edges = [LEFT, LEFT + 170, LEFT + 230]
    body = [["Topic", "Enquiries"], ["Institutions", "3.597"], ["Member States", "1.847"],
            ["Passenger rights", "1.726"], ["Security", "1.451"], ["Enterprise", "1.215"], ["Total", "9.836"]]
    rows = set_rows(sheet, edges, body, 100, bold_rows=frozenset({0}), numeric_from=1)
    cell_borders(sheet, edges, rows)
    x0, x1 = LEFT + 260, LEFT + 470
    for x in (x0, x1):
        sheet.vline(x, 100, rows[-1].bottom)
    for y in (100, rows[-1].bottom):
        sheet.hline(x0, x1, y)
    for i, label in enumerate(["Institutions", "Member States", "Passenger rights", "Security", "Enterprise"]):
        y = 120 + i * 17
        sheet.text_right(x0 + 100, y, label)
        sheet.fill(x0 + 104, y - 7, x0 + 104 + 100 - 15 * i, y)
    tables = extract_tables(write_pdf([sheet], tmp_path / "chart.pdf"))
    assert [t.columns for t in tables] == [body[0]]
    assert _rows(tables[0]) == body[1:]


GROUPS = [("Allergy problems", None, ["93", "77"], ["18.8%", "15.6%"]),
          ("Chronic fatigue", "syndrome", ["19", "4"], ["3.8%", "0.8%"]),
          ("Depression", None, ["48", "12"], ["9.7%", "2.4%"]),
          ("Sexually transmitted", "diseases", ["7", "7"], ["1.4%", "1.4%"]),
          ("Back pain", None, ["202", "56"], ["40.9%", "11.3%"])]


def test_a_group_label_wrapped_beside_its_second_sub_row_stays_the_groups(tmp_path: Path) -> None:
    """Row groups headed by one label beside a cycle of sub-labels ("Count" / "Percentage"): a group label wrapped
    over two lines, its second line ("syndrome") beside the group's second sub-row, is the group's label, not the
    label of that sub-row."""
    sheet = Sheet()
    edges = [LEFT, LEFT + 110, LEFT + 180, LEFT + 250, LEFT + 320]
    rows: list[list[str]] = [["Treatment", "", "Suffered", "Treated"]]
    for label, wrapped, counts, shares in GROUPS:
        rows += [[label, "Count", *counts], [wrapped or "", "Percentage", *shares]]
    cell_borders(sheet, edges, set_rows(sheet, edges, rows, 100, bold_rows=frozenset({0})))
    tables = extract_tables(write_pdf([sheet], tmp_path / "groups.pdf"))
    assert len(tables) == 1
    want = []
    for label, wrapped, counts, shares in GROUPS:
        want += [[f"{label} {wrapped}" if wrapped else label, "Count", *counts], ["", "Percentage", *shares]]
    assert _rows(tables[0]) == want


def test_columns_no_rule_parts_are_read_beside_a_ruled_label_column(tmp_path: Path) -> None:
    """A table with one vertical rule, after its label column (a LaTeX "l|rrr" table), its other columns parted by
    space only and their numbers set left-aligned: each of those columns is a column of its own."""
    sheet = Sheet()
    x = [LEFT, LEFT + 150, LEFT + 230, LEFT + 310, LEFT + 390]
    body = [["no. of correct answers", "Freq.", "Percent", "Cum."], ["0", "138", "6.9", "6.9"],
            ["1", "178", "8.8", "15.7"], ["2", "626", "31.1", "46.8"], ["3", "1070", "53.2", "100.0"]]
    for i, row in enumerate(body):
        for k, text in enumerate(row):
            sheet.text(x[k] + 5, 112 + 12 * i, text)
    sheet.hline(LEFT, x[-1], 102)
    sheet.hline(LEFT, x[-1], 116)
    sheet.hline(LEFT, x[-1], 118)
    sheet.hline(LEFT, x[-1], 166)
    sheet.vline(x[1], 102, 166)
    tables = extract_tables(write_pdf([sheet], tmp_path / "lrrr.pdf"))
    assert [t.columns for t in tables] == [body[0]]
    assert _rows(tables[0]) == body[1:]


def _bar_chart_sheet(sheet: Sheet) -> None:
    """Draw a boxed bar chart: a year and its three shares per bar (values set inside the bars), the value axis'
    ticks "0%" to "100%" under the bars and the legend under them."""
    x0, x1 = LEFT + 10, LEFT + 460
    sheet.hline(x0, x1, 100)
    sheet.hline(x0, x1, 290)
    for i, (year, shares) in enumerate([("2001", ["30.5", "49.0", "20.4"]), ("2005", ["29.7", "48.6", "21.7"]),
                                        ("2010", ["28.7", "46.3", "25.0"]), ("2015", ["27.2", "45.0", "27.8"])]):
        y = 125 + 26 * i
        sheet.text(LEFT + 15, y, year, size=8)
        for x, share in zip((LEFT + 80, LEFT + 230, LEFT + 400), shares, strict=True):
            sheet.text(x, y, share, size=8)
    for k in range(11):
        sheet.text(LEFT + 45 + 38 * k, 228, f"{10 * k}%", size=8)
    sheet.text(LEFT + 100, 262, "0 to 24 years", size=8)
    sheet.text(LEFT + 200, 262, "25 to 59 years", size=8)


def test_a_bar_charts_value_axis_makes_its_text_no_table(tmp_path: Path) -> None:
    """A bar chart's text (each bar's label and values, the value axis' ticks "0% 10% ... 100%" under them, the
    legend) is no table."""
    sheet = Sheet()
    _bar_chart_sheet(sheet)
    assert extract_tables(write_pdf([sheet], tmp_path / "bars.pdf")) == []


def test_a_caption_between_two_stacked_frames_parts_them(tmp_path: Path) -> None:
    """A boxed chart, then a caption of two lines starting a little left of the box (its second line indented under
    the caption's text), then a ruled table as wide as the box: the caption parts the table from the box, and its
    second line is no header line of the table."""
    sheet = Sheet()
    _bar_chart_sheet(sheet)
    sheet.text(LEFT - 2, 330, "Table 1: Real growth rate in the country and the union in 1996, 2000, 2005 and", size=11)
    sheet.text(LEFT + 50, 345, "2006 (percentage change on previous year)", size=11)
    edges = [LEFT + 8, LEFT + 150, LEFT + 250, LEFT + 350]
    body = [["", "Country", "Union"], ["1996", "3.7", "1.6"], ["2000", "5.0", "3.9"], ["2006 (*)", "3.5", "2.0"]]
    rows = set_rows(sheet, edges, body, 360, bold_rows=frozenset({0}), numeric_from=1)
    sheet.hline(edges[1], LEFT + 462, rows[0].top)
    for r in rows:
        sheet.hline(LEFT + 8, LEFT + 462, r.bottom)
    tables = extract_tables(write_pdf([sheet], tmp_path / "caption.pdf"))
    assert [t.columns for t in tables] == [body[0]]
    assert _rows(tables[0]) == body[1:]


def test_a_row_of_round_steps_in_the_tables_columns_is_a_row(tmp_path: Path) -> None:
    """A row of thresholds rising by a round step across zero ("-10 | 0 | 10 | 20 | 30"), set in the columns the
    other rows fill, is a row of the table, not a chart's axis."""
    sheet = Sheet()
    edges = [LEFT, LEFT + 100, LEFT + 160, LEFT + 220, LEFT + 280, LEFT + 340, LEFT + 400]
    body = [["Band", "A", "B", "C", "D", "E"], ["Threshold", "-10", "0", "10", "20", "30"],
            ["Count", "12", "40", "33", "18", "7"], ["Share", "11.1", "36.4", "30.0", "16.4", "6.4"]]
    cell_borders(sheet, edges, set_rows(sheet, edges, body, 100, bold_rows=frozenset({0}), numeric_from=1))
    tables = extract_tables(write_pdf([sheet], tmp_path / "steps.pdf"))
    assert len(tables) == 1 and _rows(tables[0]) == body[1:]


def test_a_captions_hanging_line_is_no_header(tmp_path: Path) -> None:
    """A caption wrapped onto a second line indented under its text ("Table 4: Number of students in" /
    "educational institutions in 2000, 2002 and 2004"), with a wide space in it, is the caption's, not a header
    line of the table under it (whose heads are years)."""
    sheet = Sheet()
    sheet.text(LEFT, 100, "Table 4:", size=11)
    sheet.text(LEFT + 50, 100, "Number of students in general upper secondary education and in", size=11)
    sheet.text(LEFT + 50, 113, "educational institutions in 2000,", size=11)
    sheet.text(LEFT + 50 + width("educational institutions in 2000,", size=11.0) + 12, 113, "2002 and 2004", size=11)
    edges = [LEFT + 5, LEFT + 230, LEFT + 300, LEFT + 370, LEFT + 440]
    body = [["", "2000", "2002", "2004"], ["General upper secondary education", "15 455", "13 951", "12 068"],
            ["Competence-based qualifications", "35 190", "44 307", "60 152"],
            ["Polytechnics", "20 527", "20 922", "22 083"]]
    rows = set_rows(sheet, edges, body, 122, numeric_from=1, size=10.0, lead=12.0)
    for r in rows:
        sheet.hline(edges[0], edges[-1], r.bottom)
    sheet.hline(edges[1], edges[-1], rows[0].top)
    sheet.text(LEFT, rows[-1].bottom + 10, "*", size=6)
    sheet.text(LEFT + 4, rows[-1].bottom + 12, "( )   The number of students is counted per course.", size=8)
    sheet.text(LEFT, rows[-1].bottom + 22, "Source:   Statistics, Educational institutions, 2005.", size=8)
    tables = extract_tables(write_pdf([sheet], tmp_path / "hanging.pdf"))
    assert [t.columns for t in tables] == [body[0]]
    assert _rows(tables[0]) == body[1:]


def _running_text(sheet: Sheet, top: float, text: str, *, lines: int, size: float, lead: float) -> float:
    """Given a sheet, a top, a line of text and how many lines to set at what size and lead, draw them as running
    text over the page's width and return the top of the line after them."""
    for k in range(lines):
        sheet.text(LEFT, top + k * lead, text, size=size)
    return top + lines * lead


def test_footnotes_under_a_footnote_rule_are_no_table(tmp_path: Path) -> None:
    """Footnotes under a short rule at the page's foot, set smaller than the text and justified with wide spaces
    ("14 Estimated   on   the   basis   of ..."), are no table."""
    sheet = Sheet()
    y = _running_text(sheet, 100.0, "Running text of the paper, set in twelve points over the whole width of the page.",
                      lines=8, size=12, lead=19)
    sheet.hline(LEFT, LEFT + 150, y)
    words = ["14 Estimated", "on", "the", "basis", "of", "the", "central", "bank", "(2009):", "assets", "and"]
    for line in range(2):
        x = LEFT + (8 if line == 0 else 0)
        for k, w in enumerate(words):
            sheet.text(x, y + 12 + 12 * line, w, size=10)
            x += width(w, size=10.0) + 12 + 5 * ((k + line) % 3)  # spaces stretched unevenly
    sheet.text(LEFT + 8, y + 36, "15 The correlation of simulated and reported losses is 0.52.", size=10)
    assert extract_tables(write_pdf([sheet], tmp_path / "foot.pdf")) == []


def test_a_narrow_table_set_small_at_the_pages_foot_is_a_table(tmp_path: Path) -> None:
    """A narrow table at the foot of a page, its rules short and its cells set smaller than the text above (as a
    footnote under its rule is), is still a table: a footnote rule has no rule under it."""
    sheet = Sheet()
    y = _running_text(sheet, 100.0, "Running text of the proposal, set in ten points over the whole width of the page.",
                      lines=6, size=10, lead=14)
    sheet.text(LEFT, y + 10, "10. Hvem er hørt?", bold=True, size=10)
    edges = [LEFT, LEFT + 90, LEFT + 118, LEFT + 140]
    body = [["", "Ja/Nej", "Dato"], ["Center for Økonomi", "Nej", ""], ["MED-udvalg", "Ja", "1.3"]]
    rows = set_rows(sheet, edges, body, y + 20, bold_rows=frozenset({0}), numeric_from=1, size=6.5, lead=8.0)
    for r in rows:
        sheet.hline(LEFT, edges[-1], r.bottom)
    sheet.hline(LEFT, edges[-1], rows[0].top)
    tables = extract_tables(write_pdf([sheet], tmp_path / "narrow.pdf"))
    assert [_rows(t) for t in tables] == [body[1:]]
