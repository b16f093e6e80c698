"""Domain vocabulary of Copenhagen-style documents, matched tolerantly (case, whitespace, dashes, hyphenation).

Uses `normalizers.labels` when it is available and falls back to the local tables below when it is not
(or when it does not recognise a phrase the domain tables must understand).
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from domain.cells import PARSE_CACHE, norm

try:  # written in parallel; used when present
    from normalizers import labels as _labels
except ImportError:  # pragma: no cover - depends on the state of the work tree
    _labels = None

# Minimum rapidfuzz ratio for a printed phrase to count as a vocabulary phrase.
FUZZY_RATIO = 88
RECOMMENDATIONS = [("bør videreføres", "continue"), ("politisk", "political"),
                   ("ikke relevant at videreføre", "discontinue"), ("dækket ved", "handled"),
                   ("håndteret", "handled"), ("håndteres", "handled")]
PROPOSAL_TYPES = {"investeringsforslag": "investment", "innovationsforslag": "innovation",
                  "effektiviseringsforslag": "efficiency"}
SECTION_HEADS = {"varige ændringer": "permanent", "implementeringsomkostninger": "implementation"}
SECTION_TOTALS = [("samlet varig ændring", "total_permanent"), ("samlede varige ændringer", "total_permanent"),
                  ("varige ændringer i alt", "total_permanent"),
                  ("samlede implementeringsomkostninger", "total_implementation"),
                  ("implementeringsomkostninger i alt", "total_implementation"),
                  ("samlet økonomisk påvirkning", "total"), ("samlede økonomiske påvirkning", "total")]
_TOTAL = re.compile(r"(^|\s)(i alt|total[t]?)$|^(i alt|total|samlet|samlede)\b")
_CONFIDENTIAL = re.compile(r"\bFORTROLIG(?:T)?\b", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\s*(\*+|[\u00b9\u00b2\u00b3\u2070-\u2079]+)\s*$")
_BROKEN_HYPHEN = re.compile(r"(?<=\w)- (?=[a-zæøå])")  # "implementerings- omkostninger" -> joined
_PUNCTUATION = re.compile(r"[^\w\s/-]")


def key(text: str | None) -> str:
    """Given printed text, return a vocabulary key: normalised, line-break hyphens and punctuation dropped."""
    if not text:
        return ""
    return _key_of(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=PARSE_CACHE)  # keys and enums are pure functions of the text
def _key_of(text: str) -> str:
    """Given non-empty printed text, return `key`'s key (cached by text)."""
    s = _BROKEN_HYPHEN.sub("", norm(text))
    return " ".join(_PUNCTUATION.sub(" ", s).split())


def _matches(text_key: str, phrase: str, prefix: bool = True) -> bool:
    """Given a key and a vocabulary phrase, return whether the key is (or, with prefix, starts with) the phrase,
    allowing small misprints: the whole key fuzzily equal to the phrase, or (prefix) its first words each
    fuzzily equal to the phrase's words. "implementeringsomkostninger frikøb af ..." (a section head read with
    the line item after it) is not "implementeringsomkostninger i alt", though its first letters are close."""
    if text_key == phrase or (prefix and (text_key + " ").startswith(phrase + " ")):
        return True
    if prefix:
        words, want = text_key.split(), phrase.split()
        head = words[: len(want)]
        if len(words) > len(want) and all(fuzz.ratio(a, b) >= FUZZY_RATIO for a, b in zip(head, want, strict=True)):
            return True
    return fuzz.ratio(text_key, phrase) >= FUZZY_RATIO


def recommendation(text: str | None) -> str | None:
    """Given a printed recommendation ("Bør videreføres", "Dækket ved ..."), return its enum value or None."""
    if not text:
        return None
    return _recommendation_of(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=PARSE_CACHE)  # keys and enums are pure functions of the text
def _recommendation_of(text: str) -> str | None:
    """Given non-empty printed text, return `recommendation`'s enum (cached by text)."""
    k = key(text)
    if not k:
        return None
    for phrase, value in RECOMMENDATIONS:
        if _matches(k, phrase):
            return value
    if _labels is not None and hasattr(_labels, "recommendation"):
        return _labels.recommendation(text)
    return None


def proposal_type(text: str | None) -> str | None:
    """Given a group row or heading ("INVESTERINGSFORSLAG"), return the proposal type enum, or None."""
    k = key(text)
    for word, value in PROPOSAL_TYPES.items():
        if k == word or fuzz.ratio(k, word) >= FUZZY_RATIO:
            return value
    return None


def proposal_type_in(text: str | None) -> str | None:
    """Given a longer text (context, caption), return the first proposal type word printed in it, or None."""
    k = key(text)
    hits = [(k.find(w), v) for w, v in PROPOSAL_TYPES.items() if w in k]
    return min(hits)[1] if hits else None


def section_head(label: str | None) -> str | None:
    """Given a Tabel 1 row label, return 'permanent'/'implementation' when the WHOLE label is a section head."""
    k = key(label)
    for phrase, value in SECTION_HEADS.items():
        if _matches(k, phrase, prefix=False):
            return value
    return None


def section_total(label: str | None) -> str | None:
    """Given a Tabel 1 row label, return total_permanent/total_implementation/total for a total row, or None."""
    k = key(label)
    for phrase, value in SECTION_TOTALS:
        if _matches(k, phrase):
            return value
    return None


def is_total_label(label: str | None) -> bool:
    """Given a row label, return whether it is a printed total ("... i alt", "I alt", "Samlet ...", "Total",
    also with a qualifier after a comma: "Varige ændringer totalt, service")."""
    head = key(norm(label).split(",", 1)[0])
    return bool(_TOTAL.search(key(label)) or (head and _TOTAL.search(head)))


def is_payback(label: str | None) -> bool:
    """Given a row label, return whether it is a "Tilbagebetalingstid ..." row."""
    return key(label).startswith("tilbagebetalingstid")


def payback_kind(label: str | None) -> str | None:
    """Given a payback row label, return 'service' or 'total' (by "serviceeffektivisering"/"totaløkonomi")."""
    k = key(label)
    if not k.startswith("tilbagebetalingstid"):
        return None
    if "total" in k:
        return "total"
    return "service" if "service" in k else None


def strip_confidential(text: str) -> tuple[str, bool]:
    """Given a title, return it without the "FORTROLIGT" marker and whether the marker was printed."""
    out, n = _CONFIDENTIAL.subn(" ", text)
    return " ".join(out.split()).strip(" -–"), n > 0


def split_footnote(label: str) -> tuple[str, bool]:
    """Given a label, return it without a trailing footnote marker ("*", "¹") and whether it had one."""
    m = _FOOTNOTE.search(label)
    if m and m.start() > 0:
        return label[: m.start()].rstrip(), True
    return label.strip(), False
