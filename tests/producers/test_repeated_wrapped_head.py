"""A table whose header is repeated at the top of every page, the label column's head wrapped over two lines
("Initiativ og" / "aktivitetsområde | 2021 | 2022 | ... | Beskrivelse"), printed by LibreOffice without running
headers (doc-002's list of satspuljer in the whole document, rows broken over the pages). Read by the real
extractor, the pages must come out as one table under the whole head.

What used to go wrong: the head's first line, one short cell repeated at one height at the top of each page, read
as a running header and was dropped; the rest of the repeated head then named its first column otherwise than
the first page's head did, so the later pages were read as tables of their own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

# the whole committee-minutes document as tune seed g791 prints it (its style drawn from the seed): a header
# repeated on enough of its pages to count as running lines
CASES = {"libreoffice-wrapped-head": make_spec(500805, "libreoffice", "document", "002")}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("wrapped-head")))


@pytest.mark.parametrize("case", list(CASES))
def test_pages_read_as_one_table(case: str, read: dict) -> None:
    reason = missing_reason(CASES[case].style.producer)
    if reason:
        pytest.skip(f"producer unavailable: {reason}")
    spec, _, tables = read[case]
    pt = next(t for t in spec.tables if t.header[-1] == "Beskrivelse")
    labels = [norm(row[0]) for row in pt.rows]
    holding = [t for t in tables if any(r.cells[0] and norm(r.cells[0].text) in labels for r in t.rows)]
    assert len(holding) == 1, f"the rows are read into {len(holding)} tables (pages " \
                              f"{[(t.page, t.last_page) for t in holding]})"
    table = holding[0]
    assert norm(table.columns[0]).endswith(norm(pt.header[0])), f"head of the labels: {table.columns[0]}"
    read_labels = [norm(r.cells[0].text) for r in table.rows if r.cells[0]]
    assert [t for t in labels if t in read_labels] == labels, "a printed label is not read as one"



@pytest.mark.parametrize("case", list(CASES))
def test_table_after_carried_row_read_on_its_own(case: str, read: dict) -> None:
    """Page 14 of the document opens with the repeated head of the list and the last line of its row carried over
    the page break, then a paragraph, a bold title and the next table under its own shaded head: the two heads'
    rules stack into one frame (rules of one width), and the band between them (a row's last line, an empty
    stretch, running text, the title, the next head) was read as rows of the list. The next table must be read on
    its own, under its own head."""
    reason = missing_reason(CASES[case].style.producer)
    if reason:
        pytest.skip(f"producer unavailable: {reason}")
    spec, _, tables = read[case]
    pt = next(t for t in spec.tables if [norm(h) for h in t.header] == ["Område", "Kommune"])
    labels = {norm(row[0]) for row in pt.rows if row[0]}
    holding = [t for t in tables if any(r.cells[0] and norm(r.cells[0].text) in labels for r in t.rows)]
    assert len(holding) == 1, f"the rows are read into {len(holding)} tables"
    table = holding[0]
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header], f"head: {table.columns}"
    got = [[norm(c.text) if c else "" for c in r.cells] for r in table.rows]
    assert got == [[norm(c) for c in row] for row in pt.rows], "body differs from the printed rows"

# the whole task budget as tune seed g6174 prints it: landscape, the header repeated at the top of pages 2 and 3,
# its later heads wrapped over several lines ("SKAL-opgaver" / "hvor der er" / "mulighed for at" / ...); the
# second line, two short cells at one height in the top margin of both pages, read as a running line and was
# dropped, so page 3's head was cut after its first line and its lower lines read into the first body row
LATER_HEADS = {"libreoffice-wrapped-later-heads": make_spec(1506198, "libreoffice", "document", "004")}


@pytest.fixture(scope="module")
def read_later(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases of wrapped later heads that run here and read them."""
    return print_and_read(LATER_HEADS, Path(tmp_path_factory.mktemp("wrapped-later-heads")))


@pytest.mark.parametrize("case", list(LATER_HEADS))
def test_wrapped_later_heads_repeated(case: str, read_later: dict) -> None:
    reason = missing_reason(LATER_HEADS[case].style.producer)
    if reason:
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read_later[case]
    pt = max(spec.tables, key=lambda t: len(t.rows))
    printed = {norm(c) for row in pt.rows for c in row if norm(c)}
    holding = [t for t in tables if sum(norm(c.text) in printed for r in t.rows for c in r.cells if c) > 5]
    assert len(holding) == 1, f"the rows are read into {len(holding)} tables (pages " \
                              f"{[(t.page, t.last_page) for t in holding]})"
    table = holding[0]
    assert table.last_page > table.page, "the table is printed over several pages"
    assert [norm(c) for c in table.columns] == [norm(h) for h in pt.header]
    got = [[norm(c.text) if c else "" for c in r.cells] for r in table.rows]
    want = [[norm(c) for c in row] for row in pt.rows]
    assert [r for r in want if r not in got] == [], "printed rows not read"
