"""Tables whose rows come in groups repeating the group's name ("Socialudvalget | Besparelse" / "Socialudvalget |
Omkostninger"), most rows without amounts, printed by LibreOffice in the proposal catalogue (doc-003) of the fresh
tune seeds lo14-s8501 and lo14-s8502, without rules, the amounts set centred under centred years.

- the page break cut the table after its first row, and the next page goes on without the header repeated: its
  first row ("Økonomiudvalget | Omkostninger") reads like a header. The continuation's column bands differ from
  the first part's (one row there: the gutter after the label column falls elsewhere), and its amounts neither
  start nor end where the centred years do, so it was taken for a table of its own and all 23 amounts were lost
  (`stitch._same_text_edges`: figures set centred share their column's middle). The same cut a "Tabel 3" of
  service investments (bu-si01) after two rows;
- a group's second row right above the first row with amounts, its label as wide as the label column's widest
  ("Sundheds- og Omsorgsudvalget | Omkostninger" / "Socialudvalget | Besparelse | -26.572 ..."), in rows set to
  their foot: it was read as the top of that row's label. A label repeating the line above it word for word is
  a whole label (`grid._repeats_label_above`).

Each table must be read as one table holding every printed row.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.producers.produce import missing_reason
from tests.producers.reading import norm, print_and_read
from tests.producers.spec import make_spec

CASES = {"headless-cut": make_spec(508511, "libreoffice", "document", "003", extended=True),
         "repeated-labels": make_spec(508525, "libreoffice", "document", "003")}
TABLES = [("headless-cut", "65_tv01_t5-fordeling-udvalg.csv"),
          ("headless-cut", "03_bu-si01_t3-serviceinvesteringer.csv"),
          ("repeated-labels", "65_tv01_t5-fordeling-udvalg.csv")]


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the cases that run here and read them."""
    return print_and_read(CASES, Path(tmp_path_factory.mktemp("grouped-rows")))


@pytest.mark.parametrize(("case", "name"), TABLES)
def test_table_read_whole_in_one(case: str, name: str, read: dict) -> None:
    if reason := missing_reason(CASES[case].style.producer):
        pytest.skip(f"producer unavailable: {reason}")
    spec, made, tables = read[case]
    pt = next(t for t in spec.tables if t.gold.file == name)
    want = [[norm(c) for c in row] for row in pt.rows]
    holding = [t for t in tables if any([norm(c.text) if c else "" for c in r.cells] in want for r in t.rows)]
    assert len(holding) == 1, f"the printed rows are spread over {len(holding)} tables (pages " \
                              f"{[(t.page, t.last_page) for t in holding]})"
    got = [[norm(c.text) if c else "" for c in row.cells] for row in holding[0].rows]
    assert [r for r in want if r not in got] == [], "printed rows not read whole"
