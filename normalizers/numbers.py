"""Danish numbers as printed in budget tables: "1.139,2", "-1.800", "- 1.690", "-2. 750", "<0,1", "25 %", "4 år".

A "." is always a thousands separator and "," the decimal mark. Well-formed tokens are parsed by babel
(strict, Danish locale); tokens whose grouping is malformed ("1.6780", "6.00") are read literally with "."
as a thousands separator and flagged, never silently re-interpreted. Two more forms of real tables are read where
they cannot be anything else: thousands grouped by spaces (also thin or non-breaking ones: "1 234 567", "-2 961,5";
a head of one to three digits, then groups of exactly three) and an amount with its share in brackets ("63
(18.5%)", "101(20,4 %)": the amount, with the share kept apart).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel.numbers import NumberFormatError, parse_decimal

BABEL_LOCALE = "da"
PARSE_CACHE_SIZE = 1 << 16  # distinct cell texts remembered by parse_danish

# Every glyph a renderer may print for a minus sign or a dash: hyphen, non-breaking hyphen, figure dash,
# en dash, em dash, horizontal bar, minus sign, small hyphen-minus, full-width hyphen-minus.
MINUS_GLYPHS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_TO_HYPHEN = dict.fromkeys(map(ord, MINUS_GLYPHS), "-")

# Characters that never carry meaning inside a number cell.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)

KINDS = frozenset({"number", "nil", "below_threshold", "percent", "with_unit", "empty", "text"})

# A number as the gold scorer reads it: digits, "."-separated groups of any length, optional ",decimals".
_LOOSE = r"-?[0-9]+(?:\.[0-9]+)*(?:,[0-9]+)?"
_LOOSE_RE = re.compile(_LOOSE)
# The same, tolerating a stray space after the sign or after a thousands dot ("- 1.690", "-2. 750").
_SPACED = r"-? ?[0-9]+(?:\. ?[0-9]+)*(?:,[0-9]+)?"
# Well-formed: ungrouped, or grouped in threes after a 1-3 digit head.
_STRICT_RE = re.compile(r"-?(?:[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,[0-9]+)?")
_NIL_RE = re.compile(r"-")
_BELOW_RE = re.compile(rf"(?P<op>[<≤]|under)\s*(?P<num>{_SPACED})", re.IGNORECASE)
_PERCENT_RE = re.compile(rf"(?P<num>{_SPACED})\s*(?:%|pct\.?|procent)", re.IGNORECASE)
# A number followed by a unit word ("4 år", "14,3 timer", "4.233 kr.", "12 mio. kr.").
_WITH_UNIT_RE = re.compile(rf"(?P<num>{_SPACED})\s+(?P<unit>[^\W\d_].*)")
# A space after a sign or after a thousands dot, before a digit ("- 1.690", "-2. 750").
_STRAY_SPACE_RE = re.compile(r"(?<=[-.]) (?=[0-9])")
# Thousands grouped by spaces ("1 234 567", "-2 961,5"), after whitespace is collapsed to single spaces: a head of one
# to three digits and groups of exactly three, so that no two numbers of one cell ("2019 2020", "4 12") read as one.
_SPACE_GROUPED_RE = re.compile(r"-?[0-9]{1,3}(?: [0-9]{3})+(?:,[0-9]+)?")
# An amount and its share in brackets ("63 (18.5%)", "101(20,4 %)"): a share of at most three digits and two
# decimals, whose mark, "." or ",", can only be a decimal one.
_SHARE_RE = re.compile(r"(?P<num>-?[0-9][0-9. ]*(?:,[0-9]+)?) ?\( ?(?P<share>[0-9]{1,3}(?:[.,][0-9]{1,2})?) ?% ?\)")


@dataclass(frozen=True)
class DanishNumber:
    """One printed cell read as a Danish number (or classified as nil/text/... when it is not one)."""

    text: str  # the cell as printed (unchanged)
    kind: str  # one of KINDS
    value: Decimal | None  # exact value for number/percent/with_unit, else None
    malformed: bool = False  # a grouping that is not thousands-in-threes ("1.6780", "6.00")
    unit: str | None = None  # the trailing unit word(s) for kind "with_unit" ("år", "kr.")
    share: Decimal | None = None  # the share in brackets after an amount ("63 (18.5%)": 18.5), in per cent


def normalize_minus(text: str) -> str:
    """Given text, return it with every dash/minus glyph (U+2010-2015, U+2212, ...) replaced by "-"."""
    return text.translate(_TO_HYPHEN)


def _canonical(text: str) -> str:
    """Given a printed cell, return it without invisible characters, dash-normalised, with whitespace collapsed.

    No NFKC here: it would turn a footnote "²" into the digit 2.
    """
    s = text.translate(_INVISIBLE)
    s = normalize_minus(s)
    return " ".join(s.split())


def _squeeze(s: str) -> str:
    """Given a canonical cell, return it without the stray spaces after a sign or a thousands dot."""
    return _STRAY_SPACE_RE.sub("", s)


def _literal(token: str) -> Decimal:
    """Given a token matching _LOOSE, return its literal reading ("." thousands, "," decimal)."""
    return Decimal(token.replace(".", "").replace(",", "."))


def _read(token: str) -> tuple[Decimal, bool]:
    """Given a token matching _LOOSE, return (exact value, malformed flag)."""
    literal = _literal(token)
    if not _STRICT_RE.fullmatch(token):
        return literal, True
    try:
        value = parse_decimal(token, locale=BABEL_LOCALE, strict=True)
    except NumberFormatError:  # pragma: no cover - _STRICT_RE admits only what babel accepts
        return literal, True
    if value != literal:  # pragma: no cover - a disagreement would be a babel/locale change; trust the literal
        return literal, True
    return value, False


def parse_danish(text: str | None) -> DanishNumber:
    """Given a printed cell, return its DanishNumber (kind, exact Decimal value, malformed flag)."""
    return _parse("" if text is None else str(text))


@lru_cache(maxsize=PARSE_CACHE_SIZE)
def _parse(raw: str) -> DanishNumber:
    """Given a printed cell as text, return its DanishNumber (cached: the domain recognisers read each cell of a
    table many times, and a DanishNumber is immutable)."""
    s = _canonical(raw)
    if not s:
        return DanishNumber(raw, "empty", None)
    if _NIL_RE.fullmatch(s):
        return DanishNumber(raw, "nil", None)
    t = _squeeze(s)
    if _LOOSE_RE.fullmatch(t):
        value, bad = _read(t)
        return DanishNumber(raw, "number", value, bad)
    if _SPACE_GROUPED_RE.fullmatch(t):
        return DanishNumber(raw, "number", _literal(t.replace(" ", "")))
    m = _SHARE_RE.fullmatch(t)
    if m and (amount := _parse(m["num"])).kind == "number":
        return DanishNumber(raw, "number", amount.value, amount.malformed, share=Decimal(m["share"].replace(",", ".")))
    m = _BELOW_RE.fullmatch(s)
    if m:
        return DanishNumber(raw, "below_threshold", None, not _STRICT_RE.fullmatch(_squeeze(m["num"])))
    m = _PERCENT_RE.fullmatch(s)
    if m:
        value, bad = _read(_squeeze(m["num"]))
        return DanishNumber(raw, "percent", value, bad, "%")
    m = _WITH_UNIT_RE.fullmatch(s)
    if m:
        value, bad = _read(_squeeze(m["num"]))
        return DanishNumber(raw, "with_unit", value, bad, m["unit"])
    return DanishNumber(raw, "text", None)


def cell_value(text: str | None) -> float | None:
    """Given a printed cell, return table_cells.value: the number as printed for a plain number, else None."""
    n = parse_danish(text)
    return float(n.value) if n.kind == "number" and n.value is not None else None


def number_text(text: str | None) -> str:
    """Given a printed number cell, return it as a reader reads it: "- 1.690" -> "-1.690", "–" -> "-".

    Text that is not a plain number or nil is returned NFKC-normalised with whitespace collapsed.
    """
    raw = "" if text is None else str(text)
    s = _canonical(raw)
    t = _squeeze(s)
    if _LOOSE_RE.fullmatch(t) or _NIL_RE.fullmatch(s):
        return t
    return " ".join(unicodedata.normalize("NFKC", raw).split())


# Number notation of a table. Danish budgets print "1.139,2" ("." thousands, "," decimals); reports in English
# (EU statistics, annual reports in English) print "1,139.2". Most cells read the same either way or are
# unambiguous only in one: "283,8" and "1.234.567" and "0,125" are Danish only, "58.99", "1,234,567" and "0.125"
# English only, while "1.800" and "151,292" are ambiguous (Danish thousands / English three decimals, and the
# reverse), each a weak sign of the notation where thousands are grouped.
NOTATIONS = ("da", "en")
_DA_STRONG = re.compile(r"-?(?:[0-9]+(?:\.[0-9]{3})*,(?:[0-9]{1,2}|[0-9]{4,})|0,[0-9]+|[0-9]{1,3}(?:\.[0-9]{3}){2,}"
                        r"(?:,[0-9]+)?|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]+)")
_EN_STRONG = re.compile(r"-?(?:[0-9]+(?:,[0-9]{3})*\.(?:[0-9]{1,2}|[0-9]{4,})|0\.[0-9]+|[0-9]{1,3}(?:,[0-9]{3}){2,}"
                        r"(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+)")
_DA_WEAK = re.compile(r"-?[1-9][0-9]{0,2}\.[0-9]{3}")
_EN_WEAK = re.compile(r"-?[1-9][0-9]{0,2},[0-9]{3}")
# English thousands groups, which _LOOSE (Danish: at most one ",") does not match: "1,234,567", "1,234.5".
_EN_GROUPED = re.compile(r"-?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_SWAP_MARKS = str.maketrans(".,", ",.")
_MARKED_NUMBER = re.compile(r"[0-9][0-9.,]*[0-9]")


def number_notation(texts: Iterable[str | None]) -> str:
    """Given the printed cells of one table, return its number notation: "en" when its numbers are, on balance,
    written in English ("1,139.2") and none is Danish only; else "da" (the default: a Danish table, or no sign).

    Signs: a cell only one notation reads as well-formed counts two for it (see the comment above NOTATIONS), an
    ambiguous grouped cell ("1.800", "151,292") one for the notation in which it groups thousands."""
    score = 0
    for raw in texts:
        if not raw:
            continue
        t = _squeeze(_canonical(raw))
        if not (_LOOSE_RE.fullmatch(t) or _EN_GROUPED.fullmatch(t)):
            continue
        if _DA_STRONG.fullmatch(t):
            return "da"
        if _EN_STRONG.fullmatch(t):
            score += 2
        elif _EN_WEAK.fullmatch(t):
            score += 1
        elif _DA_WEAK.fullmatch(t):
            score -= 1
    return "en" if score > 0 else "da"


def in_danish_notation(text: str, notation: str) -> str:
    """Given a printed cell and its table's notation, return the cell as Danish notation would print it: an
    English number's "." and "," swapped ("151,292" -> "151.292", "58.99" -> "58,99"); other text unchanged."""
    if notation != "en" or not text:
        return text
    return _MARKED_NUMBER.sub(lambda m: m[0].translate(_SWAP_MARKS), text)
