"""Which vertical rulings part a text line's words into segments: only those that run over at least half of the
line's height. The column rules of a ruled table end on the rule under its last row; a line spanning the columns
right under it (a section row LibreOffice sets with its text box reaching a little above that rule, tune seed
786's grant list) is touched by their ends but crossed by none, and stays one segment."""
from __future__ import annotations

import pytest

from extractors.layout import RULE_CROSSING_SHARE, Rule, TextLine, Word, split_segments

SIZE = 8.0
TOP = 470.6
TEXT = "Bevillingsudløb, der allerede er håndteret eller håndteres på anden vis"
SPACE, CHAR = 2.2, 4.4  # a word space and a character's mean width (pt)


def _words() -> list[tuple[str, float, float]]:
    """The spanning line's words (text, x0, x1), one word space apart from x = 56.8 on."""
    out, x = [], 56.8
    for t in TEXT.split():
        out.append((t, x, x + CHAR * len(t)))
        x += CHAR * len(t) + SPACE
    return out


WORDS = _words()
AT = TEXT.split().index("anden")
COLUMN_RULE = WORDS[AT][1] - SPACE / 2  # in the word space before "anden": the rule of the table's amount column


def _segments(rule_start: float, rule_end: float) -> list[str]:
    """The line's segments when one vertical rule at the column edge runs from rule_start to rule_end."""
    line = TextLine([Word(t, x0, TOP, x1, TOP + SIZE, SIZE, False) for t, x0, x1 in WORDS])
    split_segments(line, [Rule(COLUMN_RULE, rule_start, rule_end)])
    return [s.text for s in line.segments]


WHOLE = TEXT


@pytest.mark.parametrize(("start", "end"), [
    (247.6, TOP + 0.6),  # the table's column rule ends on the rule above the line, just inside its box
    (TOP + SIZE - 1.0, 700.0),  # the next table's rule starts just inside its box's foot
    (TOP + 1.0, TOP + (RULE_CROSSING_SHARE * SIZE) - 0.5),  # a stub shorter than half the line
])
def test_a_rule_touching_a_line_parts_no_words(start, end):
    assert _segments(start, end) == [WHOLE]


@pytest.mark.parametrize(("start", "end"), [(247.6, 700.0), (TOP + 2.0, TOP + SIZE + 3.0)])
def test_a_rule_crossing_a_line_parts_its_words(start, end):
    assert _segments(start, end) == [" ".join(w[0] for w in WORDS[:AT]), "anden vis"]
