"""The table extractor on real PDFs that municipalities produced themselves (Word 2007, committee-system exports).

The PDFs live outside the repository, in `../shared/corpus/real/` (others' data, never copied in); every test here
skips with a reason when that folder or a file is absent. The gold below was made by reading the pages (rendered
page images and pdfplumber's text), not by copying the extractor's output:

* the Ballerup memo `dk_ballerup_notat_prioritering_midler_kronikerindsats_2012.pdf`: one two-column ruled table
  ("Indsatsområde i Ballerup Kommune" | "Afsatte midler i 2013") running from page 2 to page 4, eight numbered
  section rows without an amount, nine lettered item rows with an amount (two of them continue over a page
  break), an empty ruled row, and "I alt 2.890.000 kr.";
* agenda item 6 `dk_ballerup_sfu_pkt6_prioritering_midler_kronisk_syge_2012.pdf`: the condensed table, its
  (unruled) header at the foot of page 1, its ruled body of seven items and "I alt 2.890.000 kr." on page 2;
* the full minutes `dk_ballerup_sfu_referat_2012-12-04.pdf` print the same condensed table over pages 11-12;
* the India budget summary `other_india_union_budget_2014-15_summary.pdf`: one page, labels indented three ways
  ("MINISTRY OF ..." flush left, "1. Department of ..." and "10. Ministry of ..." under it), seven right-aligned
  amount columns, vertical rules only between the column groups (Plan | Non-Plan | Total | Page No.).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from extractors.model import Row, Table
from extractors.tables import extract_tables
from normalizers.numbers import normalize_minus, parse_danish

REAL = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason=f"real PDF corpus not available at {REAL}")

MEMO = "dk_ballerup_notat_prioritering_midler_kronikerindsats_2012.pdf"
PKT6 = "dk_ballerup_sfu_pkt6_prioritering_midler_kronisk_syge_2012.pdf"
REFERAT = "dk_ballerup_sfu_referat_2012-12-04.pdf"
SCANNED = "dk_ballerup_ejendomsoversigt_bygningsliste_SCANNED_2012.pdf"
OTHERS = [
    REFERAT,
    "dk_syddjurs_puk_referat_2013-06-20.pdf",
    "dk_ballerup_sfu_pkt2_bygningsvedligeholdelse_anlaegsbevilling_2013.pdf",
    "dk_ballerup_sfu_pkt4_takstreduktion_torvevej_2013.pdf",
    "dk_ballerup_notat_tilpasning_budget_aflastning_torvevej_2012.pdf",
    PKT6,
    MEMO,
    "se_simrishamn_tidplan_budgetanvisningar_2027-2031.pdf",
    "other_india_union_budget_2014-15_summary.pdf",
]

ALLOCATION_COLUMNS = ["Indsatsområde i Ballerup Kommune", "Afsatte midler i 2013"]
TOTAL_LABEL = "I alt"
TOTAL_AMOUNT = "2.890.000 kr."

# --- gold read from the memo's pages 2-4 -------------------------------------------------------------------------
# Section rows: the bold numbered heading (section 1 also holds two lines of description); the amount cell is empty.
MEMO_SECTIONS = [
    ("1", "Forløbsprogrammer"),
    ("2", "Tværfaglig koordinering og netværk"),
    ("3", "Sygeplejeklinik"),
    ("4", "Kompetenceudvikling"),
    ("5", "Aktivt Hverdagsliv – storskalaindsats"),
    ("6", "Styrket sygeplejeindsats"),
    ("7", "Styring og opfølgning på indsatserne"),
    ("8", "Tidlig opsporing"),
]
# Item rows: (section, letter, how the cell text starts after its "a)" marker, how it ends, amount, page it starts on).
MEMO_ITEMS = [
    ("1", "a", "Sygdomsspecifik patientuddannelse", "diabetes, hjerte-kar, lænderyg og kræft.", "500.000 kr.", 2),
    ("1", "b", "Standardiserede træningsforløb for programmerne", "hjerte-kar lænderyg og kræft", "720.000 kr.", 2),
    ("2", "a", "Understøttelse af koordinering og videndeling på tværs af", "uddannelserne mv.", "150.000 kr.", 2),
    ("3", "a", "Der er etableret sygeplejeklinikker på to af kommunens", "to timer aften)", "200.000 kr.", 2),
    ("4", "a", "Med henblik på at gøre relevante medarbejdergrupper i stand", "Aktivt Hverdagsliv)", "250.000 kr.", 3),
    ("5", "a", "Projekt Aktivt Hverdagsliv har kørt siden primo 2012.", "til relevante faggrupper.", "500.000 kr.", 3),
    ("6", "a", "En styrket indsats indenfor sygeplejen vil tage sit afsæt", "kan evt. på sigt udvides.",
     "400.000 kr.", 3),
    ("7", "a", "I forbindelse med igangsættelse af de enkelte indsatser", "at understøtte styring og opfølgning.",
     "100.000 kr.", 4),
    ("8", "a", "Med det formål at styrke fokus på tidlig opsporing", "sættelser mv.", "70.000 kr.", 4),
]
# Text printed on the next page inside an item cell that a page break cuts: (section, phrase, page it is printed on).
MEMO_CONTINUED = [
    ("3", "Et sådant tilbud vil styrke tidlig opsporing af forværring", 3),
    ("3", "Rammerne er fire timers ekstra åbningstid ugentligt", 3),
    ("6", "Der kan ligeledes være tale om akutte", 4),
    ("6", "Opgaverne kan beskrives som:", 4),  # its numbered list "1. Modtager borger ..." is inside the cell
    ("6", "Giver relevant information til borger, pårørende og", 4),
]

# --- gold read from agenda item 6 (pages 1-2) and the minutes (pages 11-12): the condensed table ------------------
CONDENSED_ITEMS = [
    ("Forløbsprogrammer (patientuddannelse, træning samt koordination i forhold til KOL, diabetes, "
     "hjerte-kar-sygdomme, lænde-ryglidelser samt kræft)", "1.370.000 kr."),
    ("Sygeplejeklinik (udvidet åbningstid 4 timer pr. uge)", "200.000 kr."),
    ("Kompetenceudvikling af medarbejderne (rehabiliteringstilgang og kroniske lidelser)", "250.000 kr."),
    ("Aktivt Hverdagsliv – storskalaindsats", "500.000 kr."),
    ("Styrket sygeplejeindsats (akut- og modtageteam)", "400.000 kr."),
    ("Styring og opfølgning på indsatserne", "100.000 kr."),
    ("Tidlig opsporing (udvikling af redskaber mv.)", "70.000 kr."),
]
CONDENSED_PAGES = {PKT6: (1, 2), REFERAT: (11, 12)}  # header line on the first page, body and total on the second


def _pdf(name: str) -> Path:
    """Given a corpus file name, return its path, skipping the test when the file is absent."""
    path = REAL / name
    if not path.is_file():
        pytest.skip(f"{name} not in {REAL}")
    return path


@cache
def _tables(name: str) -> tuple[Table, ...]:
    """Given a corpus file name, return its extracted tables (extracted once per session)."""
    return tuple(extract_tables(_pdf(name)))


def _norm(text: str | None) -> str:
    """Given cell text, return it with dashes as "-" and whitespace collapsed (how the gold is compared)."""
    return " ".join(normalize_minus(text or "").split())


def _texts(row: Row) -> list[str]:
    """Given a row, return its cell texts, "" for empty cells."""
    return [_norm(c.text if c else "") for c in row.cells]


def _label_amount(row: Row) -> tuple[str, str]:
    """Given a row of a two-column allocation table, return (label, amount) as printed ("" when empty)."""
    texts = _texts(row)
    return (texts[0] if texts else ""), (texts[-1] if len(texts) > 1 else "")


def _allocation_tables(name: str) -> list[Table]:
    """Given a corpus file name, return its tables holding any allocation item amount or the total."""
    amounts = {a for *_, a, _p in MEMO_ITEMS} | {a for _, a in CONDENSED_ITEMS} | {TOTAL_AMOUNT}
    return [t for t in _tables(name) if any(_norm(x) in amounts for r in t.rows for x in _texts(r))
            or any(_norm(c) in amounts for c in t.columns)]


def _the_allocation_table(name: str) -> Table:
    """Given a corpus file name, return its one allocation table, failing when it came out in fragments or not."""
    found = _allocation_tables(name)
    shapes = [(t.page, t.last_page, [_norm(c) for c in t.columns], len(t.rows)) for t in found]
    assert len(found) == 1, f"{name}: the allocation table should be one table, got {len(found)}: {shapes}"
    return found[0]


def _amount(text: str) -> Decimal:
    """Given a printed amount ("2.890.000 kr."), return its value in kroner."""
    n = parse_danish(text)
    assert n.value is not None and not n.malformed and n.unit == "kr.", f"not an amount in kr.: {text!r}"
    return n.value


def _strip_marker(label: str) -> str:
    """Given an item label, return it without its list marker ("a) ")."""
    return re.sub(r"^[a-z]\)\s*", "", label)


def _memo_item_row(t: Table, section: str, letter: str) -> Row:
    """Given the memo's table, return the row of item `letter` under numbered section `section`."""
    start = next(st for s, le, st, *_ in MEMO_ITEMS if (s, le) == (section, letter))
    current = None
    for r in t.rows:
        label, _ = _label_amount(r)
        if m := re.match(r"^(\d)\.\s", label):
            current = m.group(1)
        elif current == section and _strip_marker(label).startswith(_norm(start)):
            return r
    raise AssertionError(f"memo: no row for item {section}{letter}) {start!r}")


# --- the memo: one table over pages 2-4 --------------------------------------------------------------------------


def test_memo_table_is_one_table_over_pages_2_to_4():
    """The memo's allocation table is one stitched table from page 2 to page 4 under its printed header."""
    t = _the_allocation_table(MEMO)
    assert (t.page, t.last_page) == (2, 4)
    assert [_norm(c) for c in t.columns] == ALLOCATION_COLUMNS


def test_memo_rows_are_sections_items_and_total_in_page_order():
    """Reading down the table: each numbered section row (no amount), its lettered items (an amount each), the
    total last; nothing split, merged or lost, so the amount column reads exactly the printed amounts."""
    t = _the_allocation_table(MEMO)
    rows = [_label_amount(r) for r in t.rows if any(_texts(r))]  # the empty ruled row above "I alt" is nothing
    want: list[tuple[str, str]] = []
    for number, title in MEMO_SECTIONS:
        want.append((f"{number}. {title}", ""))
        want += [(start, amount) for s, _l, start, _e, amount, _p in MEMO_ITEMS if s == number]
    want.append((TOTAL_LABEL, TOTAL_AMOUNT))
    got = [(label if re.match(r"^\d\.\s", label) else _strip_marker(label), amount) for label, amount in rows]
    assert [a for _, a in got] == [a for _, a in want]
    assert len(got) == len(want)
    for (label, amount), (start, want_amount) in zip(got, want, strict=True):
        assert label.startswith(_norm(start)), (label[:80], start)
        assert amount == want_amount, (label[:80], amount, want_amount)


@pytest.mark.parametrize(("section", "letter", "start", "end", "amount", "page"), MEMO_ITEMS,
                         ids=[f"{s}{le}" for s, le, *_ in MEMO_ITEMS])
def test_memo_item_is_one_row_with_its_amount(section, letter, start, end, amount, page):
    """Each item is one row: its whole multi-line cell from its first to its last printed line, with its amount."""
    r = _memo_item_row(_the_allocation_table(MEMO), section, letter)
    label, got = _label_amount(r)
    assert got == amount
    assert _strip_marker(label).startswith(_norm(start))
    assert label.endswith(_norm(end)), label[-80:]
    assert r.page == page


@pytest.mark.parametrize(("section", "phrase", "page"), MEMO_CONTINUED,
                         ids=[f"{s}a-p{pg}-{i}" for i, (s, _p, pg) in enumerate(MEMO_CONTINUED)])
def test_memo_item_cut_by_a_page_break_keeps_its_continuation(section, phrase, page):
    """An item cell that a page break cuts (3a over pages 2-3, 6a over pages 3-4) is one row holding the text
    printed on the next page, not a second row and not lost."""
    r = _memo_item_row(_the_allocation_table(MEMO), section, "a")
    assert _norm(phrase) in _label_amount(r)[0]
    assert r.page == page - 1


def test_memo_printed_total_holds():
    """The "I alt" row prints 2.890.000 kr., the sum of the nine item amounts."""
    t = _the_allocation_table(MEMO)
    totals = [a for label, a in map(_label_amount, t.rows) if label == TOTAL_LABEL]
    assert totals == [TOTAL_AMOUNT]
    assert t.rows[-1].page == 4
    items = [a for label, a in map(_label_amount, t.rows) if a and label != TOTAL_LABEL]
    assert items == [a for *_, a, _p in MEMO_ITEMS]
    assert sum(map(_amount, items)) == _amount(totals[0]) == Decimal(2_890_000)


# --- the condensed table: agenda item 6 and the minutes ------------------------------------------------------------


# Agenda item 6 prints the table's header alone at the foot of page 1 (two unruled lines) and its body on page 2;
# the minutes print the same table over pages 11-12 without repeating the header.
CONDENSED = [PKT6, REFERAT]


@pytest.mark.parametrize("name", CONDENSED)
def test_condensed_table_is_one_table_under_its_header(name):
    """The condensed table is one table: its header (printed at the foot of the first page) and the body and
    total on the next page, not a table whose header is the first item."""
    t = _the_allocation_table(name)
    assert [_norm(c) for c in t.columns] == ALLOCATION_COLUMNS
    assert (t.page, t.last_page) == CONDENSED_PAGES[name]


@pytest.mark.parametrize("name", CONDENSED)
def test_condensed_table_rows_are_the_items_and_the_total(name):
    """Its rows are exactly the seven items with their amounts, then "I alt" (no prose after the table)."""
    t = _the_allocation_table(name)
    got = [_label_amount(r) for r in t.rows if any(_texts(r))]
    want = [(_norm(label), amount) for label, amount in CONDENSED_ITEMS] + [(TOTAL_LABEL, TOTAL_AMOUNT)]
    assert got == want


@pytest.mark.parametrize("name", CONDENSED)
def test_condensed_printed_total_holds(name):
    """Its "I alt" prints 2.890.000 kr., the sum of the seven item amounts."""
    t = _the_allocation_table(name)
    pairs = [_label_amount(r) for r in t.rows]
    totals = [a for label, a in pairs if label == TOTAL_LABEL]
    items = [a for label, a in pairs if a and label != TOTAL_LABEL]
    assert totals == [TOTAL_AMOUNT]
    assert items == [a for _, a in CONDENSED_ITEMS]
    assert sum(map(_amount, items)) == _amount(totals[0]) == Decimal(2_890_000)


def test_gold_totals_hold():
    """The gold itself: both tables' items add up to the printed total (a check on the reading, not the code)."""
    assert sum(_amount(a) for *_, a, _p in MEMO_ITEMS) == _amount(TOTAL_AMOUNT)
    assert sum(_amount(a) for _, a in CONDENSED_ITEMS) == _amount(TOTAL_AMOUNT)


# --- the other real PDFs: extracted without error ---------------------------------------------------------------


@pytest.mark.parametrize("name", OTHERS)
def test_real_pdf_extracts_without_error(name):
    """Each real PDF is extracted without an exception into well-formed tables (pages within the document, every
    row as wide as the header)."""
    with pdfplumber.open(_pdf(name)) as pdf:
        n_pages = len(pdf.pages)
    for t in _tables(name):
        assert 1 <= t.page <= t.last_page <= n_pages
        assert all(len(r.cells) == len(t.columns) for r in t.rows)
        assert all(t.page <= r.page <= t.last_page for r in t.rows)


INDIA = "other_india_union_budget_2014-15_summary.pdf"
# Rows read from the page: label, then Plan revenue / capital / total, Non-Plan revenue / capital / total, total.
INDIA_ROWS = [
    ["MINISTRY OF AGRICULTURE", "28130.48", "67.52", "28198.00", "2863.09", "1.85", "2864.94", "31062.94"],
    ["1. Department of Agriculture and Cooperation", "22260.55", "48.45", "22309.00", "342.51", "0.74", "343.25",
     "22652.25"],
    ["10. Ministry of Coal", "550.00", "...", "550.00", "50.00", "...", "50.00", "600.00"],
    ["27. Capital Outlay on Defence Services", "...", "...", "...", "...", "94587.95", "94587.95", "94587.95"],
]


def test_indented_labels_are_read_apart_from_the_first_amounts():
    """A label column indented at several levels, beside a right-aligned amount column that no rule parts from it
    (rules only between column groups), is a column of its own: each label is read whole, without the amount."""
    rows = [[" ".join((c.text if c else "").split()) for c in r.cells] for t in _tables(INDIA) for r in t.rows]
    for printed in INDIA_ROWS:
        assert any(row[:len(printed)] == printed for row in rows), f"row not read as printed: {printed[0]}"


def test_scanned_pdf_yields_no_tables():
    """The scanned property list has no text layer: no tables, and no crash."""
    assert _tables(SCANNED) == ()


def test_header_ruled_off_above_the_body_heads_it():
    """The India summary's header is ruled off (a rule over the group heads, one under the column heads, 8 pt under
    their text) and its body starts 17 pt under that last rule, set half a point larger, with only group rules: one
    table, headed by those lines (they were a table of their own above a headerless one)."""
    tables = [t for t in _tables(INDIA) if any(r.cells and r.cells[0] and "AGRICULTURE" in r.cells[0].text
                                               for r in t.rows)]
    assert len(tables) == 1
    t = tables[0]
    assert [(c.split() or [""])[-1] for c in t.columns[1:7]] == ["Revenue", "Capital", "Total"] * 2
    assert t.columns[-1] == "Page No."
    assert t.caption is not None and t.caption.startswith("Budget Provisions")
    assert t.bbox is not None and t.bbox[1] < 60.0 and t.bbox[3] > 500.0  # the header's lines and the body
    # no table of header lines above it
    assert not [tb for tb in _tables(INDIA) if tb is not t and tb.page == t.page and tb.bbox and tb.bbox[3] < 110.0]
