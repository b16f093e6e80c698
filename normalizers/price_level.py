"""Price levels as printed: "2023 p/l", "2026-pl", "(1.000 kr./2023-P/L)", "2023-priser", "løbende priser"."""

from __future__ import annotations

import re
import unicodedata

from normalizers.numbers import normalize_minus

_YEAR = r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)"
_PL = r"p\s*/\s*l|pl"
_PL_YEAR_RES = (
    # "2023 p/l", "2023-pl", "2023-P/L", "2023 pl."
    re.compile(rf"{_YEAR}\s*-?\s*(?:{_PL})(?![^\W\d_])", re.IGNORECASE),
    # "2023-priser", "2023-prisniveau", "2023 prisniveau"
    re.compile(rf"{_YEAR}\s*-?\s*(?:priser|prisniveau|pris\s*-?\s*og\s*lønniveau)", re.IGNORECASE),
    # "p/l 2023", "pl 2023", "prisniveau 2023", "priser 2023", "i 2023 p/l"
    re.compile(rf"(?<![^\W\d_])(?:{_PL}|prisniveau|priser)\s*:?\s*{_YEAR}", re.IGNORECASE),
)
_CURRENT_RE = re.compile(r"løbende\s*-?\s*(?:priser|prisniveau|p\s*/\s*l|pl)(?![^\W\d_])", re.IGNORECASE)


def _prep(text: str) -> str:
    """Given text, return it NFKC-normalised with dash glyphs as "-" and whitespace collapsed."""
    return " ".join(normalize_minus(unicodedata.normalize("NFKC", text)).split())


def find_pl_year(text: str | None) -> int | None:
    """Given a header/caption text, return the price-level year it states ("2023 p/l" -> 2023), else None."""
    if not text:
        return None
    s = _prep(text)
    hits = [m for rx in _PL_YEAR_RES for m in rx.finditer(s)]
    if not hits:
        return None
    return int(min(hits, key=lambda m: m.start())["year"])


def is_current_prices(text: str | None) -> bool:
    """Given a header/caption text, return True when it states current prices ("løbende priser": no pl year)."""
    return bool(text) and _CURRENT_RE.search(_prep(text)) is not None
