"""Money units as printed in headers, captions and cells ("1.000 kr.", "t.kr.", "mio. kr.") and exact conversion."""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

# Canonical spellings returned by find_unit.
UNIT_THOUSAND = "1.000 kr."
UNIT_T_KR = "t.kr."
UNIT_MIO = "mio. kr."
UNIT_MIA = "mia. kr."
UNIT_KR = "kr."

FACTOR_MIO = 10**6
FACTOR_MIA = 10**9
FACTOR_THOUSAND = 1000

_UNIT_RE = re.compile(
    r"(?P<mia>\bmia\.?\s*kr\b\.?|\bmilliarder\s+kr(?:oner)?\b\.?)"
    r"|(?P<mio>\bmio\.?\s*kr\b\.?|\bmillioner\s+kr(?:oner)?\b\.?)"
    r"|(?P<scaled>(?<![\d.,])(?P<n>1(?:[.\s]?000)+)\s*kr\b\.?)"
    r"|(?P<tkr>\bt\.?\s*kr\b\.?|\btusind\s+kr(?:oner)?\b\.?)"
    r"|(?P<kr>\bkr\b\.?|\bkroner\b|\bDKK\b)",
    re.IGNORECASE,
)


def find_unit(text: str | None) -> str | None:
    """Given a header/caption/cell text, return the first money unit in it in canonical spelling, else None.

    "(1.000 kr./2023-P/L)" -> "1.000 kr.", "Mio. kr., 2019-pl" -> "mio. kr.", "t. kr." -> "t.kr.".
    """
    if not text:
        return None
    s = unicodedata.normalize("NFKC", text)
    m = _UNIT_RE.search(s)
    if m is None:
        return None
    if m["mia"]:
        return UNIT_MIA
    if m["mio"]:
        return UNIT_MIO
    if m["scaled"]:
        digits = re.sub(r"\D", "", m["n"])
        return UNIT_THOUSAND if digits == "1000" else f"{int(digits):,} kr.".replace(",", ".")
    if m["tkr"]:
        return UNIT_T_KR
    return UNIT_KR


def unit_factor(unit: str | None) -> int:
    """Given a unit as printed (or None), return the factor to whole kroner (1, 1000, 10**6, 10**9)."""
    if not unit:
        return 1
    canonical = find_unit(unit)
    if canonical is None or canonical == UNIT_KR:
        return 1
    if canonical == UNIT_MIA:
        return FACTOR_MIA
    if canonical == UNIT_MIO:
        return FACTOR_MIO
    if canonical == UNIT_T_KR:
        return FACTOR_THOUSAND
    return int(canonical.split()[0].replace(".", ""))


def to_dkk(value: Decimal | int | float | str | None, factor: int) -> int | None:
    """Given a printed value and a unit factor, return whole kroner, exact, rounded half away from zero."""
    if value is None:
        return None
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    return int((d * factor).quantize(Decimal(1), rounding=ROUND_HALF_UP))
