"""Units and price levels as printed in the sample documents' headers and captions (issue 3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from normalizers.price_level import find_pl_year, is_current_prices
from normalizers.units import find_unit, to_dkk, unit_factor


@pytest.mark.parametrize(
    ("text", "unit", "factor"),
    [
        ("1.000 kr.", "1.000 kr.", 1000),
        ("(1.000 kr.)", "1.000 kr.", 1000),
        ("1.000 kr. 2023 p/l", "1.000 kr.", 1000),
        ("(1.000 kr./2023-P/L)", "1.000 kr.", 1000),
        ("Beløb som udløber (2026-pl) 1.000 kr.", "1.000 kr.", 1000),
        ("t.kr.", "t.kr.", 1000),
        ("t. kr.", "t.kr.", 1000),
        ("mio. kr.", "mio. kr.", 10**6),
        ("Mio. kr., 2019-pl", "mio. kr.", 10**6),
        ("Økonomi, mio. kr. (2019-pl)", "mio. kr.", 10**6),
        ("mia. kr.", "mia. kr.", 10**9),
        ("kr.", "kr.", 1),
        ("Budget 2022", None, 1),
        ("Projektkr.", None, 1),
        ("", None, 1),
    ],
)
def test_find_unit_and_factor(text, unit, factor):
    assert find_unit(text) == unit
    assert unit_factor(find_unit(text)) == factor


def test_unit_factor_of_none_is_one():
    assert unit_factor(None) == 1


@pytest.mark.parametrize(
    ("value", "factor", "dkk"),
    [
        ("283.8", 10**6, 283_800_000),
        ("1139.2", 10**6, 1_139_200_000),
        ("-1800", 1000, -1_800_000),
        ("0.05", 10**6, 50_000),
        ("0.0005", 1000, 1),  # half away from zero
        ("-0.0005", 1000, -1),
        ("0.5", 1, 1),
        ("-0.5", 1, -1),
        ("-0.4999", 1, 0),
        ("761299518", 1, 761_299_518),
        ("123456789012.345", 1000, 123_456_789_012_345),
    ],
)
def test_to_dkk_exact_half_away_from_zero(value, factor, dkk):
    assert to_dkk(Decimal(value), factor) == dkk


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2023 p/l", 2023),
        ("2023-pl", 2023),
        ("2022 pl", 2022),
        ("(2026-pl)", 2026),
        ("(1.000 kr./2023-P/L)", 2023),
        ("2019-pl", 2019),
        ("mio. kr., 2019-pl", 2019),
        ("Beløb som udløber (2026-pl) 1.000 kr.", 2026),
        ("1.000 kr. 2023 p/l Bevilling", 2023),
        ("2023-priser", 2023),
        ("i faste 2024-priser", 2024),
        ("p/l 2025", 2025),
        ("løbende priser", None),
        ("Budget 2022", None),
        ("2022 plan", None),
        ("2023 pladser", None),
        ("", None),
    ],
)
def test_find_pl_year(text, year):
    assert find_pl_year(text) == year


@pytest.mark.parametrize(
    ("text", "current"),
    [
        ("løbende priser", True),
        ("1.000 kr., løbende priser", True),
        ("Løbende p/l", True),
        ("2023 p/l", False),
        ("Monitoreres løbende", False),
    ],
)
def test_is_current_prices(text, current):
    assert is_current_prices(text) is current
