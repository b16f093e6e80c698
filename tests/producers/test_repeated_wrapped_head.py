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
