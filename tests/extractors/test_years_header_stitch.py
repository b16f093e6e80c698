"""Whether a continuation's "header" of years is a body row of the table before or the header of another table
(`stitch._header_misread`): a header naming years heads a table of its own only when the table before also has
a header naming years, under another label head; when the table before has a body row for its header (a page
break cut it off from its real header), nothing tells the two apart and the years row is read as its rows."""
from __future__ import annotations

from extractors.model import Cell, Row, Table
from extractors.stitch import _header_misread


def _row(texts: list[str], page: int) -> Row:
    return Row([Cell(t, page, (0.0, 0.0, 0.0, 0.0)) if t else None for t in texts], page)


def _table(header: list[str], body: list[list[str]], page: int) -> Table:
    return Table(page=page, last_page=page, columns=header, rows=[_row(r, page) for r in body],
                 header_row=_row(header, page))


YEARS = ["Initiativ og aktivitetsområde", "2020", "2021", "2022", "2023"]
BODY = [["Partnerskab mod negativ social kontrol", "10,0", "-", "-", "-"],
        ["Flere kvinder med indvandrerbaggrund i beskæftigelse", "11,4", "47,8", "53,8", "77,0"]]
CMAP = [0, 1, 2, 3, 4]


def test_a_years_header_under_a_body_row_read_as_header_continues_the_table() -> None:
    before = _table(["Støtte til vanskeligt stillede familier", "-", "-", "30,0", "60,0"], BODY, 1)
    after = _table(YEARS, BODY, 2)
    assert _header_misread(before, after, CMAP)


def test_a_years_header_under_another_years_header_heads_its_own_table() -> None:
    before = _table(["Mio. kr., 2020-pl", "2020", "2021", "2022", "2023"], [["Administrationsbidrag", "0,6",
                                                                            "0,6", "0,6", "0,6"]], 1)
    after = _table(YEARS, BODY, 2)
    assert not _header_misread(before, after, CMAP)


def test_the_same_years_header_repeated_is_the_tables_own() -> None:
    before = _table(YEARS, BODY, 1)
    after = _table(YEARS, BODY, 2)
    assert _header_misread(before, after, CMAP)
