"""The generic printed-total checker: exact Decimal sums, tolerance per summed part, missing totals."""
from __future__ import annotations

from decimal import Decimal

import pytest

from domain.grid import Grid, GridCell, GridRow
from domain.totals import check_rows, check_sum, describe, failures, precision


@pytest.mark.parametrize(("texts", "unit"), [
    (["1.800", "-3.500"], Decimal(1)),
    (["283,8", "12"], Decimal("0.1")),
    (["1,25", "- 0,5", None, ""], Decimal("0.01")),
])
def test_precision_is_the_finest_printed_unit(texts, unit):
    assert precision(texts) == unit


def test_exact_sum_holds_and_float_noise_cannot_creep_in():
    chk = check_sum("t", 3, "I alt", "2023", "0,3", ["0,1", "0,2"], units_per_part=Decimal(0))
    assert chk is not None and chk.holds and chk.difference == 0


def test_a_one_unit_difference_fails_when_exactness_is_asked_and_holds_within_the_contract_default():
    exact = check_sum("t", 4, "Samlet", "2024", "-5.802", ["-5.246", "-557"], units_per_part=Decimal(0))
    assert exact is not None and not exact.holds and exact.difference == Decimal(1)
    default = check_sum("t", 4, "Samlet", "2024", "-5.802", ["-5.246", "-557"])
    assert default is not None and default.holds and default.tolerance == Decimal(2)


def test_missing_total_with_printed_parts_fails_and_nothing_printed_is_no_check():
    missing = check_sum("t", 8, "Samlet", "2025", "", ["-4.000", None], units_per_part=Decimal(0))
    assert missing is not None and not missing.holds and missing.difference == Decimal(4000)
    assert check_sum("t", 8, "Samlet", "2025", "", ["", None, "-"]) is None


def test_check_rows_names_the_column_and_row_and_reports_failures():
    def row(i, label, *texts):
        return GridRow(index=i, page=1, label=label,
                       cells={c: GridCell(text=t, value=None, page=1) for c, t in enumerate([label, *texts]) if t})
    parts = [row(0, "a", "1.000", "2"), row(1, "b", "500", "")]
    total = row(2, "I alt", "1.500", "3")
    grid = Grid("d", "d-000", 0, 1, 1, None, None, ["", "2023", "2024"], "1.000 kr.", None, rows=[*parts, total])
    checks = check_rows(grid, total, parts, [1, 2], units_per_part=Decimal(0))
    assert [(c.column, c.holds) for c in checks] == [("2023", True), ("2024", False)]
    (bad,) = failures(checks)
    assert bad.difference == 1 and "I alt" in describe(bad) and "2024" in describe(bad)
