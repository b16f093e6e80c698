"""Two ruled tables of one width stacked down a page, a note under the first and the second's title between them:
"Hvem er hørt?" (Center for Økonomi), "Anm.: Beløb i faste priser ..." set smaller, then "Hvem er hørt?" (the
other parties) over its own grid.

What went wrong (extended-style tune seed gx6767, catalogue 001 printed by Chromium, page rotated, grid rules): the
two grids' horizontal rules are one stack (same extent, 43 pt apart), which is cut between two tables where a band
between two rules holds a heading that opens another table (`regions._heads_next_table`). Only the band's first
heading-like line was looked at: the note, set smaller and at the margin, reads as a plain title, and no line of
cells follows it in the band (the bold title does), so the stack was not cut. The two tables were read as one, the
second one's header a body row, and SU3's "Hvem er hørt?" tables matched no gold table (0 of 12 and 0 of 2 text
cells). Every heading of the band counts: the bold title at the margin opens the next table.

Here the two tables of a proposal, each under its title and with a remark line under it, are printed one after the
other in grids by every producer and read as two tables.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import assert_tables_read_apart, print_and_read, stacked_spec
from tests.producers.spec import PRODUCERS, Caption, DocSpec, ExtStyle, NoteLine, PTable, make_spec

SOURCES = ("001/19_su3-hvem-er-hoert-center-for-oekonomi.csv", "001/20_su3-hvem-er-hoert-oevrige-parter.csv")
SEED = 506780  # the tune item that showed the merge (its style)
STYLE = dict(rules="grid", shading="zebra", font="Liberation Serif", size=9.0, bold_header=True, valign="bottom",
             header_valign="bottom", num_align="right", repeat_header=True, split_rows=True, orientation="landscape",
             caption_gap=False, caption_bold=True, unit_line=False, label_share=0.3, pad=6.0, full_width=True)
EXT = ExtStyle(note_line="anm")


def _spec(producer: str) -> DocSpec:
    """Given a producer, return a spec printing the two tables one after the other, each under its title and over
    its remark line, nothing else between them."""
    specs = [make_spec(SEED, producer, "table", src, extended=EXT, **STYLE) for src in SOURCES]
    return stacked_spec(specs, f"{producer}-note-between-s{SEED}", kept=(Caption, PTable, NoteLine))


CASES = {p: _spec(p) for p in PRODUCERS}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print every case whose producer runs here and read it."""
    return print_and_read(CASES, tmp_path_factory.mktemp("note-between-ruled-tables"))


@pytest.mark.parametrize("case", list(CASES))
def test_each_table_under_its_note_and_title(case: str, read: dict) -> None:
    """Each printed table is read as a table of its own, its header and rows as printed."""
    if case not in read:
        pytest.skip(f"producer of {case} unavailable here")
    spec, made, tables = read[case]
    assert made.problems == [], f"the generated PDF does not print its gold: {made.problems}"
    assert len(spec.tables) == len(SOURCES)
    assert_tables_read_apart(spec, tables)
