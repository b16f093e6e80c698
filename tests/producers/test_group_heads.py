"""Headers of two levels (`spec.ExtStyle.group_head`, `generate --extended-styles`): a row of group heads over the
year heads, "Budget" over the budget year and "Overslagsår" centred over the years after it, each spanning its
columns (a spanning cell: platypus SPAN, fpdf2 colspan, HTML colspan, merged Word cells).

Tune seed 4242 with the extended styles diagnosed: the group head was read as a head of the one column under its
middle ("Overslagsår 2025" beside "2024" and "2026"), or, running over the gutter between two year columns, it
joined those columns into one ("Overslagsår 2024 2025"); half the amounts of such tables were read under the wrong
column. The fix (`grid._spread_group_heads`, `grid._unspanned`): a head centred over several value columns that
have heads of their own, set in their size, is copied into each of them, as a head wrapped over lines is joined
("Overslagsår 2026", the gold's form for a header of several lines); a lone head over all of them is left out of
every column's head (ICDAR 2013's ground truth keeps it a cell of its own); a head set larger than the heads under
it ("Finland" over "Female", "Male": a cross table's block, ICDAR eu-012) stays where it lies; a head running over
a gutter the value lines keep free no longer hides that gutter. A unit line ("1.000 kr.") above the heads stays the
caption's (taken into the header, its number split over two columns read as a value row: reportlab-unit).
"""
from __future__ import annotations

import pytest

from tests.producers.reading import body_texts, norm, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

ECONOMICS = "003/01_bu-si01_t1-samlede-konsekvenser.csv"  # label, Styringsområde, six years
SPLIT = ExtStyle(group_head="split")
UNIT = ExtStyle(group_head="unit")  # the unit ("1.000 kr.") centred over all the years
STYLES = {  # style id: pinned TableStyle fields
    "header-rule": dict(rules="header", shading="none", num_align="right", header_valign="bottom", pad=2.5,
                        size=8.0, orientation="portrait", running=False),
    "grid-centred": dict(rules="grid", shading="none", num_align="center", header_valign="top", pad=3.0,
                         size=8.0, orientation="portrait", running=False),
}
CASES = {f"{producer}-{sid}": (producer, 4100 + k, style, SPLIT)
         for k, (producer, (sid, style)) in enumerate((p, s) for p in PRODUCERS for s in STYLES.items())}
CASES.update({f"{producer}-unit": (producer, 4120 + k, STYLES["header-rule"], UNIT)
              for k, producer in enumerate(PRODUCERS)})


@pytest.fixture(scope="module")
def group_heads(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print the economics table with a header of two levels in every producer and both styles, and read them."""
    return print_and_read({cid: make_spec(seed, producer, "table", ECONOMICS, extended=ext, **style)
                           for cid, (producer, seed, style, ext) in CASES.items()},
                          tmp_path_factory.mktemp("group-heads"))


KNOWN_GAPS: dict[str, str] = {}
KNOWN_GAPS.update({
    # a section row ("Implementeringsomkostninger") and the payback rows, set as tight as wrapped lines (Word's
    # cells have no top and bottom padding), join the labels under them
    "libreoffice-unit": "LibreOffice rows set as tight as wrapped lines: a section row joins the label under it",
})


@pytest.mark.parametrize("case_id", [pytest.param(c, marks=pytest.mark.xfail(reason=KNOWN_GAPS[c], strict=True))
                                     if c in KNOWN_GAPS else c for c in CASES])
def test_group_heads_head_every_column_they_span(case_id: str, group_heads: dict) -> None:
    """Each year column reads its group head and its own head ("Budget 2022", "Overslagsår 2023", …), the other
    columns their own heads (a unit over all the years is no column's head), and the rows with amounts are the
    printed ones, each value under its column (a last row of a label alone, under no rule, is another matter)."""
    pt, table = printed_and_read(case_id, CASES[case_id][0], group_heads)
    assert pt.group_head, "the spec prints no group heads"
    want = [h if g in ("label", "value") else g for h, g in zip(pt.header, pt.gold.header, strict=True)]
    assert [norm(c) for c in table.columns] == [norm(h) for h in want], \
        f"header is not the printed two-level header: {table.columns}"
    read = body_texts(table)
    valued = [[norm(c) for c in row] for row in pt.rows if any(c.strip() for c in row[1:])]
    assert [r for r in read if any(r[1:])] == valued, "the rows with amounts are not the printed ones"
