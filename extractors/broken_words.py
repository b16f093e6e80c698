"""Words a producer broke between two letters because they were wider than their column.

Word processors, fpdf2 and browsers set a word that does not fit on a line of its own in a narrow column by
breaking it between two letters, without a hyphen: "Budgettyp" / "e", "Projektledelse" / "n",
"kompetenceudviklingsaktivitet" / "er". A reader reads one word. A normal wrap moves the whole next word down, so
a line ends short of the column's right edge by more than that word; a broken word fills its line to the edge.

The rule (all must hold): the upper line of the cell is that one word alone, it reaches the right edge of the
column's text (the widest line of the column, to within half a letter), the next line of the cell is set directly
below, and it is a short lowercase tail of letters alone (at most three letters: a producer breaks a word only as
late as it must) that is not a short word of its own ("Potentiale" / "for storskala" is a wrap, not a break). Such a
tail is glued to the word. A longer tail (a narrow column in a monospaced font: "kompetenceudviklingsaktivi" /
"teter") is glued only when neither it nor its head is a word the page prints anywhere else: every time the page
prints either, it is such a head over such a tail (a wrapped word, "Rehabiliteringsindsatsen" / "styrkes", is
mostly printed elsewhere too, and is left alone when it is).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import pairwise

from extractors.layout import Word
from extractors.linecells import LineCells

TAIL_MAX_LETTERS = 3
LONG_TAIL_MAX_LETTERS = 6  # a longer tail, up to this many letters, is glued when neither it nor its head is a word
EDGE_TOLERANCE_CHARS = 0.5  # the word ends this many average letter widths from the column's edge at most
LINE_GAP_FACTOR = 0.8  # the tail's line starts at most this many line heights below the word's
# Danish (and English) words of up to three letters that a wrap can set alone at a line's start.
SHORT_WORDS = frozenset("""
    i å ø a og at af er en et de den det der dem din dit han hun jeg vi i os jo ja nej nu så da om op ud ind fra
    for til på med ved som har kan vil skal var må gør få ny nye nyt år ca jf mv mm pr nr alt end men ikke
    to tre fem syv ni ti tal del dag uge mio mia kr
    an the of to in on by or and per via
""".split())


def _letter_width(word: Word) -> float:
    """Given a word, return its average letter width."""
    return (word.x1 - word.x0) / max(1, len(word.text))


def _is_tail(words: list[Word], most: int = TAIL_MAX_LETTERS) -> bool:
    """Given the words of a cell on one line (and the most letters a tail may have), return whether they are a
    broken word's tail: one short run of lowercase letters that is no word of its own."""
    if len(words) != 1:
        return False
    text = words[0].text
    return (0 < len(text) <= most and text.isalpha() and text.islower()
            and text not in SHORT_WORDS)


def _is_head(words: list[Word], right: float) -> bool:
    """Given the words of a cell on one line and the column's right text edge, return whether they are a broken
    word's head: one word of letters ending in a lowercase letter, reaching the edge."""
    if len(words) != 1:
        return False
    word = words[0]
    text = word.text
    return (len(text) > TAIL_MAX_LETTERS and text[-1].isalpha() and text[-1].islower()
            and right - word.x1 <= EDGE_TOLERANCE_CHARS * _letter_width(word))


def _broken_pairs(lcs: list[LineCells], most: int) -> list[tuple[int, int, int]]:
    """Given a region's lines distributed over columns and the most letters a tail may have, return the broken
    words found, as (column, head line, tail line): a head reaching its column's right text edge over a tail set
    directly below it."""
    out = []
    for col in sorted({c for lc in lcs for c in lc.cells}):
        at = [i for i, lc in enumerate(lcs) if col in lc.cells]
        if len(at) < 2:
            continue
        right = max(w.x1 for i in at for w in lcs[i].cells[col])
        for i, j in pairwise(at):
            upper, lower = lcs[i].cells[col], lcs[j].cells[col]
            if (_is_head(upper, right) and _is_tail(lower, most)
                    and lower[0].top - upper[0].top <= LINE_GAP_FACTOR * 2 * (upper[0].bottom - upper[0].top)):
                out.append((col, i, j))
    return out


def mend_broken_words(lcs: list[LineCells], page_words: Counter[str] | None = None) -> list[LineCells]:
    """Given a region's lines distributed over columns (and how often its page prints each word), return them
    with every broken word's tail glued to its head (the head keeps its box, grown down to the tail's line); a
    line left without cells is dropped. Tails longer than `TAIL_MAX_LETTERS` are glued only when the page prints
    neither the tail nor its head other than as such a pair."""
    pairs = _broken_pairs(lcs, LONG_TAIL_MAX_LETTERS if page_words is not None else TAIL_MAX_LETTERS)
    seen = Counter(lcs[k].cells[c][0].text for c, i, j in pairs for k in (i, j))
    changed = False
    for col, i, j in pairs:
        if col not in lcs[i].cells or col not in lcs[j].cells:
            continue  # (a line glued already)
        head, tail = lcs[i].cells[col][0], lcs[j].cells[col][0]
        if len(tail.text) > TAIL_MAX_LETTERS and page_words is not None and any(
                page_words[w.text] > seen[w.text] for w in (head, tail)):
            continue  # a longer tail, or its head, printed as a word elsewhere: a wrap, not a break
        lcs[i].cells[col][0] = replace(head, text=head.text + tail.text, bottom=max(head.bottom, tail.bottom))
        del lcs[j].cells[col]
        changed = True
    return [lc for lc in lcs if lc.cells] if changed else lcs
