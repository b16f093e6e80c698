"""Row labels and cell texts: cleaning, joining wrapped lines, footnote markers and tolerant enum mappers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from normalizers.numbers import MINUS_GLYPHS, normalize_minus, number_text, parse_danish

SOFT_HYPHEN = "\u00ad"
# pdfium writes a hyphen it found at a line break as U+0002 (and joins the lines).
PDFIUM_LINE_HYPHEN = "\x02"
# Glyphs that can end a line as a (hyphenation or real) hyphen.
LINE_END_HYPHENS = "-\u00ad\u2010\u2011" + PDFIUM_LINE_HYPHEN
# Invisible characters dropped from every text.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
# Words after a hyphenated line end that show the hyphen is a real one ("Sundheds- og Omsorgsforvaltningen").
CONJUNCTIONS = frozenset({"og", "eller", "samt", "el.", "&", "som", "til", "and", "or"})
# Minimum rapidfuzz score for a tolerant enum match.
FUZZY_MIN_SCORE = 85
# Label texts whose keys are remembered (pure functions of the text, called once per cell by several readers).
KEY_CACHE_SIZE = 1 << 16

_LETTER = r"[^\W\d_]"
_FOOTNOTE_TAIL = re.compile(r"^(?P<label>.*?\S)\s*(?P<mark>\*+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§]+)$")
_SUPERSCRIPT_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_WORD_CHARS = re.compile(r"^[\"'“”‘’«»(\[]+|[\"'“”‘’«»)\],.;:!?]+$")


_VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"


def _nfkc_keeping_fractions(s: str) -> str:
    """Given text, return it NFKC-normalised except vulgar fractions ("2½ uger" must not become "21⁄2 uger")."""
    parts = re.split(f"([{_VULGAR_FRACTIONS}])", s)
    return "".join(p if p and p in _VULGAR_FRACTIONS else unicodedata.normalize("NFKC", p) for p in parts)


def clean_text(s: str | None) -> str:
    """Given printed text, return it NFKC-normalised, soft hyphens removed, whitespace collapsed, U+2212 as "-".

    A number cell is written as a reader reads it ("- 1.690" -> "-1.690", "–1.800" -> "-1.800"); other dash
    glyphs used as punctuation between words are kept as printed.
    """
    if s is None:
        return ""
    s = str(s)
    if PDFIUM_LINE_HYPHEN in s:  # "vide\x02reføre" -> "videreføre", "ICM\x02indsats" -> "ICM-indsats"
        s = re.sub(r"(\S+)\x02\s*(\S*)", lambda m: join_lines([m[1] + "-", m[2]]), s)
    t = " ".join(_nfkc_keeping_fractions(s).translate(_INVISIBLE).split())
    t = t.replace("\u2212", "-")
    if parse_danish(t).kind in ("number", "nil"):
        return number_text(t)
    # A leading sign glyph directly before a digit is a minus.
    return re.sub(rf"^[{MINUS_GLYPHS}]\s?(?=\d)", "-", t)


def normalize_key(s: str | None) -> str:
    """Given a label, return a comparison key: NFKC, casefolded, dashes as "-", hyphenation/whitespace collapsed."""
    if not s:
        return ""
    return _key_of(s if isinstance(s, str) else str(s))


# Broken hyphenation left in a key: "vide- reføre" -> "videreføre" (but keep "sundheds- og").
_BROKEN_HYPHEN = re.compile(rf"(?<={_LETTER})- (?!(?:{'|'.join(map(re.escape, CONJUNCTIONS))})\b)(?={_LETTER})")
_NOT_WORD = re.compile(r"[\W_]+")


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _key_of(s: str) -> str:
    """Given a non-empty label, return `normalize_key`'s key (cached by text)."""
    t = normalize_minus(unicodedata.normalize("NFKC", s).translate(_INVISIBLE)).casefold()
    t = " ".join(t.split())
    return _BROKEN_HYPHEN.sub("", t)


def _squash(s: str | None) -> str:
    """Given a label, return its key with every space, hyphen and punctuation mark removed."""
    if not s:
        return ""
    return _squashed(s if isinstance(s, str) else str(s))


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _squashed(s: str) -> str:
    """Given a non-empty label, return `_squash`'s key (cached by text)."""
    return _NOT_WORD.sub("", _key_of(s))


def bare_word(word: str) -> str:
    """Given a token, return it without surrounding quotes/brackets/punctuation, casefolded."""
    return _WORD_CHARS.sub("", word).casefold()


def _keep_hyphen(prev: str, nxt: str, known: set[str], own_hyphens: bool = False) -> bool | None:
    """Given the word before a line-end hyphen and the next line's first word, say whether the hyphen is real.

    Returns True (real hyphen), False (hyphenation to remove) or None when the next word is a conjunction
    (a suspended compound "Sundheds- og": keep the hyphen and the space). Between lowercase letters, with nothing
    else to tell, the hyphen is real when the document breaks lines only at its words' own hyphens
    (`own_hyphens`), else a hyphenation.
    """
    stem = prev.rstrip(LINE_END_HYPHENS)
    head = _WORD_CHARS.sub("", stem)  # "(pilot" -> "pilot"
    first = _WORD_CHARS.sub("", nxt)
    if nxt[:1] in ",/":  # "leveregels-/kulturworkshop"
        return True
    if nxt.casefold() in CONJUNCTIONS or nxt[:1] == "&":
        return None
    if known:
        joined, hyphenated = bare_word(stem + nxt), bare_word(stem + "-" + nxt)
        if hyphenated in known and joined not in known:
            return True
        if joined in known and hyphenated not in known:
            return False
    if not head or not first:
        return True
    if head[-1].isdigit() or first[0].isdigit():  # "2019-2022", "3-årig", "80-"+"årige"
        return True
    if head[-1].isupper() or (len(head) > 1 and head.isupper()):  # "ICM-indsats", "KK-aktivitet"
        return True
    last = _WORD_CHARS.sub("", stem.rsplit("-", 1)[-1])  # the last part of "IT-systemun"
    if any(ch.isupper() for ch in last[1:]):  # a name with capitals inside: "JobFirst-projektet", "SOFs-regi"
        return True
    if first[0].isupper():  # "Region-Hovedstaden", "Nord-Sjælland" (a hyphenation never capitalises)
        return True
    return own_hyphens


def join_lines(lines: list[str], known_words: set[str] | None = None, own_hyphens: bool = False) -> str:
    """Given the wrapped lines of one cell or label, return them joined with single spaces, hyphenation removed.

    Real hyphens are kept ("ICM-"+"indsats" -> "ICM-indsats", "Sundheds-"+"og" -> "Sundheds- og").
    `known_words` (e.g. all words of the document) settles ambiguous cases: a hyphenated form seen elsewhere
    keeps its hyphen, a joined form seen elsewhere drops it. With `own_hyphens` (a document that never hyphenates
    its words at line ends) a hyphen between lowercase words is kept ("log-"+"data" -> "log-data").
    """
    known = {bare_word(w) for w in known_words} if known_words else set()
    out = ""
    for line in lines:
        part = " ".join(unicodedata.normalize("NFC", line or "").split())
        if not part:
            continue
        if not out:
            out = part
            continue
        prev = out.rsplit(" ", 1)[-1]
        # "Ja/"+"Nej" -> "Ja/Nej", "leveregels-/"+"kulturworkshop" -> "leveregels-/kulturworkshop"
        if len(prev) >= 2 and prev[-1] == "/" and (prev[-2].isalnum() or prev[-2] in LINE_END_HYPHENS):
            out = out + part
            continue
        if len(prev) < 2 or prev[-1] not in LINE_END_HYPHENS or not prev[-2].isalnum():
            out = out + " " + part
            continue
        keep = False if prev[-1] == SOFT_HYPHEN else _keep_hyphen(prev, part.split(" ", 1)[0], known, own_hyphens)
        base = out[:-1]
        out = base + ("- " if keep is None else "-" if keep else "") + part
    return out.replace(SOFT_HYPHEN, "")


def split_footnote_marker(label: str | None) -> tuple[str, bool]:
    """Given a printed label, return (label without a trailing footnote marker, whether it had one).

    Markers: "*", "**", superscript digits "¹", daggers. Call this before clean_text (NFKC turns "¹" into "1").
    """
    if not label:
        return "", False
    s = " ".join(str(label).split())
    m = _FOOTNOTE_TAIL.match(s)
    if m is None:
        return s, False
    return m["label"].rstrip(), True


# ---- enum mappers ---------------------------------------------------------------------------------------------

RECOMMENDATIONS: dict[str, tuple[str, ...]] = {
    "continue": ("bør videreføres", "anbefales videreført", "bør fortsætte"),
    "political": ("politisk", "politisk beslutning", "politisk prioritering"),
    "discontinue": ("ikke relevant at videreføre", "bør ikke videreføres", "ophører"),
    "handled": ("dækket ved", "allerede håndteret", "håndteres på anden vis", "er håndteret"),
}

PROPOSAL_TYPES: dict[str, tuple[str, ...]] = {
    "investment": ("investeringsforslag",),
    "innovation": ("innovationsforslag",),
    "efficiency": ("effektiviseringsforslag",),
}

# Whole-label section heads and totals of a "Tabel 1. Forslagets samlede økonomiske konsekvenser".
ECONOMICS_SECTIONS: dict[str, tuple[str, ...]] = {
    "permanent": ("varige ændringer", "varig ændring"),
    "implementation": ("implementeringsomkostninger", "implementeringsudgifter"),
    "total_permanent": ("samlet varig ændring", "varige ændringer i alt", "samlede varige ændringer"),
    "total_implementation": (
        "samlede implementeringsomkostninger",
        "implementeringsomkostninger i alt",
        "samlede implementeringsudgifter",
    ),
    "total": ("samlet økonomisk påvirkning", "samlet økonomisk konsekvens", "økonomisk påvirkning i alt"),
}

_TOTAL_RE = re.compile(r"(?:^|\s)i alt\b|^(?:samlet|samlede|sum)\b|\btotalt?\b")


def _best(key: str, table: dict[str, tuple[str, ...]], scorer=fuzz.ratio) -> str | None:
    """Given a squashed key, return the enum whose squashed variant scores best (>= FUZZY_MIN_SCORE), else None."""
    best, best_score = None, 0.0
    for name, variants in table.items():
        for v in variants:
            score = scorer(key, _squash(v))
            if score > best_score:
                best, best_score = name, score
    return best if best_score >= FUZZY_MIN_SCORE else None


def recommendation(text: str | None) -> str | None:
    """Given a printed recommendation ("Bør videreføres", "Ikke relevant at vide- reføre."), return its enum."""
    if not text:
        return None
    return _recommendation_of(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=KEY_CACHE_SIZE)
def _recommendation_of(text: str) -> str | None:
    """Given a non-empty printed recommendation, return `recommendation`'s enum (cached by text)."""
    key = _squash(text)
    if not key:
        return None
    if key.startswith("ikkerelevant") or key.startswith("børikke"):
        return "discontinue"
    if key.startswith("bør"):
        return "continue"
    if key.startswith("politisk"):
        return "political"
    if key.startswith("dækket") or "håndtere" in key:
        return "handled"
    return _best(key, RECOMMENDATIONS)


def proposal_type(text: str | None) -> str | None:
    """Given a printed proposal-type banner ("INVESTERINGSFORSLAG"), return its enum, else None."""
    key = _squash(text)
    if not key:
        return None
    for name, variants in PROPOSAL_TYPES.items():
        if any(_squash(v) in key for v in variants):
            return name
    return _best(key, PROPOSAL_TYPES)


def economics_section(label: str | None) -> str | None:
    """Given a whole Tabel 1 row label, return its section enum when it is a section head or total, else None.

    Only the whole label is matched: "Implementeringsomkostninger –terapeutfaglige kompetencer" is a line item.
    """
    key = _squash(label)
    if not key:
        return None
    return _best(key, ECONOMICS_SECTIONS)


def is_total_label(label: str | None) -> bool:
    """Given a row label, return True when it names a total ("... i alt", "Samlet ...", "Samlede ...", "Total")."""
    key = normalize_key(label)
    return bool(key) and _TOTAL_RE.search(key) is not None
