"""normalizers: pure functions for Danish numbers, units, price levels and labels (no I/O, no dkbudget imports)."""

from normalizers.labels import (
    clean_text,
    economics_section,
    is_total_label,
    join_lines,
    normalize_key,
    proposal_type,
    recommendation,
    split_footnote_marker,
)
from normalizers.numbers import DanishNumber, cell_value, normalize_minus, number_text, parse_danish
from normalizers.price_level import find_pl_year, is_current_prices
from normalizers.units import find_unit, to_dkk, unit_factor

__all__ = [
    "DanishNumber",
    "cell_value",
    "clean_text",
    "economics_section",
    "find_pl_year",
    "find_unit",
    "is_current_prices",
    "is_total_label",
    "join_lines",
    "normalize_key",
    "normalize_minus",
    "number_text",
    "parse_danish",
    "proposal_type",
    "recommendation",
    "split_footnote_marker",
    "to_dkk",
    "unit_factor",
]
