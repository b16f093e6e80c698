"""`domain.cells.year_of_head`: which column heads name a year of the budget."""
from __future__ import annotations

import pytest

from domain.cells import year_of_head


@pytest.mark.parametrize(("head", "year"), [
    ("2026", 2026), (" 2026 ", 2026), ("2026*", 2026), ("B2026", 2026), ("B 2026", 2026), ("BO1 2027", 2027),
    ("BO2 2028", 2028), ("BO 2027", 2027), ("Budget 2026", 2026), ("budgetår 2026", 2026), ("Overslag 2027", 2027),
    ("Overslagsår 2029", 2029), ("BO3-2029", 2029),
])
def test_year_heads(head: str, year: int) -> None:
    assert year_of_head(head) == year


@pytest.mark.parametrize("head", [
    "I alt 2019-2022", "2019-2022", "2026-pl", "2026 p/l", "Regnskab 2024", "R2024", "Budget", "Overslagsår", "Nr.",
    "1.000 kr.", "12026", "Budget 2026 i alt", "",
])
def test_not_year_heads(head: str) -> None:
    assert year_of_head(head) is None
