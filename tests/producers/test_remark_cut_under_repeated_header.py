"""A remark cut by the page break whose rest opens the next page under the repeated header (Chromium, no rules).

Tune seed 5353 with the extended styles diagnosed (chromium-doc-004, the task budget "Bilag 1" of document 004 over
three pages, header repeated): the last two lines of a remark ("vederlagsfri fysioterapi, men kommunen skal
betale, ...") stand right under the repeated header on page 3, in the remarks column only. They were read as the
header's last line, because that column counted as a column of amounts (one remark, the total row's, is "0"), so
the page's header matched no header above and its 12 rows (38 amounts, 37 text cells) were not stitched to the
table. A header row under the first one goes on into the column heads only over columns of amounts: at least half
of their filled cells (`grid._continues_header`, `_amount_columns`), as the group heads' spreading counts them.
"""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import assert_body_as_printed, matching_table, print_and_read
from tests.producers.spec import make_spec

SEED, PRODUCER, SOURCE = 505356, "chromium", "004"  # gx5353's chromium-doc-004, as generated
NAME = "01_bilag1.csv"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the task budget document in the drawn extended style and read it."""
    return print_and_read({"doc": make_spec(SEED, PRODUCER, "document", SOURCE, extended=True)},
                          tmp_path_factory.mktemp("remark-cut"))


def test_rows_under_a_repeated_header_and_a_cut_remark_are_stitched(document: dict) -> None:
    """The task budget is one table with its printed rows, the page opening under the repeated header included."""
    if missing_reason(PRODUCER):
        pytest.skip(f"producer {PRODUCER} unavailable")
    spec, made, tables = document["doc"]
    # the self-check reads the page's text in order: the remark the page break cut has the page's foot and the
    # repeated header between its parts, so it finds that one cell "not printed" (it is: its lines on both pages)
    problems = [p for p in made.problems if not p.startswith(f"{NAME}: 'Lovbestemt via overenskomst")]
    assert problems == [], f"the generated PDF does not print its gold: {problems}"
    pt = next(t for t in spec.tables if t.gold.file.endswith(NAME))
    assert_body_as_printed(pt.rows, matching_table(pt.rows, tables))
