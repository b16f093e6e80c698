"""A text line with its words distributed over a table's columns, and how its label cell reads."""
from __future__ import annotations

from dataclasses import dataclass, field

from extractors.layout import TextLine, Word

OPEN_ENDS = ("-", ",", "/", "\u2013", "\u2014")  # a label line ending so goes on (a hyphen, a spaced dash "... –")
CONTINUES = ("og", "eller", "samt", "i", "af", "til", "for", "med", "på", "en", "et")  # ... or such a word, an article
# ... or an abbreviation that a reader reads on from, its full stop no sentence's end ("... et anliggende, der, jf." /
# "Københavns Kommunes nuværende rygepolitik ...")
ABBREVIATIONS = ("jf.", "jvf.", "f.eks.", "bl.a.", "ca.", "inkl.", "ekskl.", "vedr.", "ift.", "ifm.", "pga.", "mht.",
                 "iht.", "iflg.", "dvs.", "evt.", "ang.", "nr.")
DASHES = "-\u2013\u2014"


@dataclass
class LineCells:
    """One text line with its words distributed over the columns."""

    line: TextLine
    cells: dict[int, list[Word]] = field(default_factory=dict)


def cell_text(words: list[Word]) -> str:
    """Given the words of one cell on one line, return their text."""
    return " ".join(w.text for w in words)


def label_text(lc: LineCells, label_col: int) -> str:
    """Given a distributed line, return the text of its label cell ('' when it has none)."""
    return cell_text(lc.cells[label_col]) if label_col in lc.cells else ""


def starts_lower(text: str) -> bool:
    """Given a label line, return whether it reads as the continuation of a wrapped label: it starts lowercase,
    with an opening bracket ("(Beskæftigelse)", "[BUF]") or "&", or with a spaced dash before a lowercase word
    ("– der er udarbejdet ...", an apposition wrapped off "En God Start På Livet"; a list item's dash is followed
    by a capital)."""
    if text[:1] in DASHES and text[1:2] == " ":
        return text[2:].lstrip()[:1].islower()
    return bool(text) and (text[0].islower() or text[0] in "([&")


def open_end(text: str) -> bool:
    """Given the last line of a label so far, return whether the label evidently goes on (hyphen, comma, a word such
    as "og", an abbreviation such as "jf.")."""
    t = text.rstrip()
    last = t.rsplit(" ", 1)[-1]
    return not t or t.endswith(OPEN_ENDS) or last in CONTINUES or last in ABBREVIATIONS
