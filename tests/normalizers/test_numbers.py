"""Danish number parsing: property tests (round trip, garbage) and the printed forms named in issue 3."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from normalizers.numbers import (
    MINUS_GLYPHS,
    cell_value,
    in_danish_notation,
    normalize_minus,
    number_notation,
    number_text,
    parse_danish,
)

SIGNS = "-" + MINUS_GLYPHS


def danish(d: Decimal, grouped: bool, sign: str, space: bool) -> str:
    """Given a Decimal, format it in Danish notation: "." thousands (optional), "," decimals, the given sign glyph."""
    sign_text = (sign + (" " if space else "")) if d < 0 else ""
    digits, _, frac = f"{abs(d):f}".partition(".")
    if grouped:
        digits = f"{int(digits):,}".replace(",", ".")
    return sign_text + digits + ("," + frac if frac else "")


@settings(max_examples=300, deadline=None)
@given(
    d=st.one_of(
        st.integers(-(10**15), 10**15).map(Decimal),
        st.builds(lambda n, p: Decimal(n).scaleb(-p), st.integers(-(10**15), 10**15), st.integers(0, 4)),
    ),
    grouped=st.booleans(),
    sign=st.sampled_from(SIGNS),
    space=st.booleans(),
)
@example(d=Decimal("-1690"), grouped=True, sign="-", space=True)
@example(d=Decimal("-1800"), grouped=True, sign="\u2212", space=False)
@example(d=Decimal("0"), grouped=False, sign="-", space=False)
def test_danish_notation_parses_back_exactly(d, grouped, sign, space):
    text = danish(d, grouped, sign, space)
    n = parse_danish(text)
    assert n.kind == "number", text
    assert n.value == d and not n.malformed, text
    assert cell_value(text) == float(d)


# The scorer's reading (shared/eval/goldset.py parse_dk), re-stated independently as the oracle, with the two forms
# of real tables that read as one amount only: thousands grouped by spaces ("1 234 567", a head of 1-3 digits, groups
# of three) and an amount with its share in brackets ("63 (18.5%)": the amount).
_ORACLE_NUM = re.compile(r"-?\d+(?:\.\d+)*(?:,\d+)?")
_ORACLE_SPACED = re.compile(r"-?\d{1,3}(?: \d{3})+(?:,\d+)?")
_ORACLE_SHARE = re.compile(r"(?P<amount>[^()]+?) ?\( ?\d{1,3}(?:[.,]\d{1,2})? ?% ?\)")


def oracle(text: str) -> Decimal | None:
    s = " ".join(text.translate(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")).split())
    s = re.sub(r"(?<=[-.]) (?=\d)", "", s)
    if (m := _ORACLE_SHARE.fullmatch(s)) and not m["amount"].endswith(" "):
        s = m["amount"]
    if _ORACLE_SPACED.fullmatch(s):
        s = s.replace(" ", "")
    return Decimal(s.replace(".", "").replace(",", ".")) if _ORACLE_NUM.fullmatch(s) else None


garbage = st.text(alphabet=st.sampled_from(list("0123456789.,-−–— \u00a0%<abkr.årIalt()*/+")), max_size=14)


@settings(max_examples=1500, deadline=None)
@given(text=st.one_of(garbage, st.text(max_size=10)))
@example(text="2019-2022")
@example(text="1.")
@example(text=",5")
@example(text="5,")
@example(text="1,2,3")
@example(text="--5")
@example(text="²")
def test_garbage_is_a_number_exactly_when_the_scorer_reads_one(text):
    n = parse_danish(text)
    ascii_digits = not re.search(r"[^\x00-\x7f]", re.sub(r"\D", "", text))  # the oracle's \d admits e.g. "٣"
    expected = oracle(text)
    if ascii_digits:
        assert (n.kind == "number") == (expected is not None), (text, n)
    if n.kind == "number":
        assert n.value == expected
        assert cell_value(text) == float(expected)
    else:
        assert cell_value(text) is None


@pytest.mark.parametrize(
    ("text", "kind", "value", "malformed"),
    [
        ("1.139,2", "number", "1139.2", False),
        ("-1.800", "number", "-1800", False),
        ("\u22121.800", "number", "-1800", False),
        ("\u20131.800", "number", "-1800", False),
        ("\u20101.800", "number", "-1800", False),
        ("- 1.690", "number", "-1690", False),
        ("-2. 750", "number", "-2750", False),
        ("0", "number", "0", False),
        ("283,8", "number", "283.8", False),
        ("1.000.000", "number", "1000000", False),
        ("1.193.272.020", "number", "1193272020", False),
        ("\u00a01.800\u00a0", "number", "1800", False),
        ("1.6780", "number", "16780", True),
        ("6.00", "number", "600", True),
        ("14.30", "number", "1430", True),
        ("-", "nil", None, False),
        ("\u2013", "nil", None, False),
        ("\u2014", "nil", None, False),
        ("<0,1", "below_threshold", None, False),
        ("25 %", "percent", "25", False),
        ("12,5%", "percent", "12.5", False),
        ("4 år", "with_unit", "4", False),
        ("14,3 timer", "with_unit", "14.3", False),
        ("4.233 kr.", "with_unit", "4233", False),
        ("", "empty", None, False),
        ("   ", "empty", None, False),
        ("2019-2022", "text", None, False),
        ("Bør videreføres", "text", None, False),
        ("2. kvartal 2023", "text", None, False),
        ("Ca. 1.000 kr.", "text", None, False),
        ("²", "text", None, False),
        ("1 234 567", "number", "1234567", False),
        ("15 455", "number", "15455", False),
        ("2\u2009961", "number", "2961", False),
        ("1\u00a0649\u00a0692", "number", "1649692", False),
        ("-2 961,5", "number", "-2961.5", False),
        ("- 1 234", "number", "-1234", False),
        ("63 (18.5%)", "number", "63", False),
        ("101(20.4%)", "number", "101", False),
        ("2 075 (57,0 %)", "number", "2075", False),
        ("2019 2020", "text", None, False),
        ("4 12", "text", None, False),
        ("12 3456", "text", None, False),
        ("(18.5%)", "text", None, False),
    ],
)
def test_printed_forms(text, kind, value, malformed):
    n = parse_danish(text)
    assert (n.kind, n.value, n.malformed) == (kind, None if value is None else Decimal(value), malformed)
    assert n.text == text


@settings(max_examples=300, deadline=None)
@given(d=st.one_of(st.integers(-(10**12), 10**12).map(Decimal),
                   st.builds(lambda n, p: Decimal(n).scaleb(-p), st.integers(-(10**12), 10**12), st.integers(1, 2))),
       space=st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"]),
       share=st.none() | st.builds(lambda n, p: Decimal(n).scaleb(-p), st.integers(0, 10**4), st.integers(0, 2))
       .filter(lambda x: x < 1000),
       mark=st.sampled_from(".,"))
def test_space_grouped_thousands_and_shares_parse_back_exactly(d, space, share, mark):
    """An amount printed with spaces (plain, non-breaking, thin) between its thousands, alone or with its share in
    brackets after it, reads as that amount; the share is kept apart; the Danish form of the amount reads the same."""
    text = danish(d, True, "-", False)
    spaced = text.replace(".", space)
    if share is not None:
        spaced += f" ({f'{share:f}'.replace('.', mark)}%)"
    n = parse_danish(spaced)
    assert (n.kind, n.value, n.malformed) == ("number", d, False), spaced
    assert n.share == share
    assert parse_danish(text).value == d


@pytest.mark.parametrize("text", ["<0,1", "25 %", "4 år", "4.233 kr.", "-", "", "Politisk", "2019-2022"])
def test_cell_value_is_null_for_non_numbers(text):
    assert cell_value(text) is None


def test_with_unit_keeps_the_unit_text():
    assert parse_danish("14,3 timer").unit == "timer"
    assert parse_danish("4.233 kr.").unit == "kr."


@pytest.mark.parametrize("glyph", list(MINUS_GLYPHS))
def test_normalize_minus(glyph):
    assert normalize_minus(f"{glyph}5 og 2019{glyph}2022") == "-5 og 2019-2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("- 1.690", "-1.690"), ("\u22121.800", "-1.800"), ("-2. 750", "-2.750"), ("\u2013", "-"), ("4 år", "4 år")],
)
def test_number_text(text, expected):
    assert number_text(text) == expected


def english(d: Decimal) -> str:
    """Given a Decimal, format it in English notation: "," thousands, "." decimals."""
    sign = "-" if d < 0 else ""
    digits, _, frac = f"{abs(d):f}".partition(".")
    return sign + f"{int(digits):,}" + ("." + frac if frac else "")


_AMOUNTS = st.one_of(
    st.integers(-(10**12), 10**12).map(Decimal),
    st.builds(lambda n, p: Decimal(n).scaleb(-p), st.integers(-(10**12), 10**12), st.integers(1, 2)),
)


@settings(max_examples=200, deadline=None)
@given(values=st.lists(_AMOUNTS, min_size=1, max_size=12))
def test_a_danish_table_is_never_read_as_english(values):
    """Danish budget cells (grouped thousands, one or two decimals) never make a table English."""
    assert number_notation(danish(d, True, "-", False) for d in values) == "da"


_DECIMAL_AMOUNTS = st.builds(lambda n, p: Decimal(n).scaleb(-p), st.integers(-(10**12), 10**12), st.integers(1, 2))


@settings(max_examples=200, deadline=None)
@given(values=st.lists(_AMOUNTS, max_size=12), decimal=_DECIMAL_AMOUNTS)
def test_english_numbers_are_recognised_and_read_back_exactly_in_danish_notation(values, decimal):
    """A table of English numbers with one printed with decimals ("58.99") is English, and each cell, put in Danish
    notation, parses back to its value."""
    texts = [english(d) for d in [*values, decimal]]
    assert number_notation(texts) == "en"
    for d, t in zip([*values, decimal], texts, strict=True):
        assert parse_danish(in_danish_notation(t, "en")).value == d, t


@pytest.mark.parametrize("texts, notation", [
    (["151,292", "3,145", "2006"], "en"),   # English thousands, a year
    (["58.99", "3.1", "0.21"], "en"),       # English decimals
    (["283,8", "1,234"], "da"),             # one Danish-only cell decides
    (["1.800", "-", "2.000"], "da"),        # Danish thousands
    (["1.800", "2.200", "6.00"], "da"),     # a Danish misprint among Danish thousands
    (["0,125"], "da"), (["0.125"], "en"),   # a leading zero is no thousands group
    (["12", "-", ""], "da"),                # no sign at all: the default
])
def test_number_notation_of_printed_tables(texts, notation):
    assert number_notation(texts) == notation
