"""How a text line is cut into segments (cell candidates): pinned on word boxes measured in real PDFs."""
from __future__ import annotations

from extractors.layout import TextLine, Word, split_segments


def _line(words: list[tuple[str, float, float]], size: float = 9.0) -> TextLine:
    """A text line of (text, x0, x1) words on one baseline."""
    return TextLine([Word(t, x0, 100.0, x1, 100.0 + size, size, False) for t, x0, x1 in words])


def _segments(line: TextLine) -> list[str]:
    split_segments(line, [])
    return [" ".join(w.text for w in s.words) for s in line.segments]


# a ReportLab satspulje table (Liberation Serif 9 pt, 1.5 pt cell padding): a right-aligned row number ends 5 pt
# before its label, which opens with "§"; word spaces are 2.3-2.5 pt
NUMBERED_ROW = [("10", 72.7, 81.7), ("§", 86.7, 91.2), ("15.14.16.10.", 93.4, 138.4),
                ("Forebyggelsesstrategi", 140.7, 218.0), ("og", 220.4, 229.4), ("inklusion", 231.7, 266.0),
                ("1,4", 525.0, 536.1)]


def test_a_row_number_set_apart_from_a_label_opening_with_a_section_sign_is_a_cell():
    """A number parted from a following "§" by more than a word space (and by half the font size) ends a cell,
    as before a capitalised word: the row number is a column of its own, not the start of the label."""
    assert _segments(_line(NUMBERED_ROW)) == ["10", "§ 15.14.16.10. Forebyggelsesstrategi og inklusion", "1,4"]


def test_a_number_before_a_section_sign_at_a_word_space_stays_in_the_text():
    """"stk. 2 § 15" set with plain word spaces is one run of text."""
    words = [("stk.", 60.0, 74.0), ("2", 76.4, 80.9), ("§", 83.3, 87.8), ("15", 90.2, 99.2),
             ("gælder", 101.6, 126.0)]
    assert _segments(_line(words)) == ["stk. 2 § 15 gælder"]


# a LibreOffice text table without vertical rules (Liberation Sans 7.5 pt, narrow cell padding): the gap between
# two text cells is 5.5 pt (0.73 of the size), word spaces 1.7 pt
TIGHT_TEXT_CELLS = [("HR-kontoret,", 232.1, 271.6), ("Borgercenter", 273.3, 313.5), ("Handicap", 315.2, 343.7),
                    ("Månedsvist,", 349.2, 386.1), ("første", 387.8, 405.9), ("gang", 407.5, 422.1)]


def test_text_cells_parted_by_under_three_quarters_of_the_size_are_two_segments():
    """Two text cells whose padding leaves a gap of 0.73 of the font size (over three word spaces) are two
    segments, not one run of text."""
    assert _segments(_line(TIGHT_TEXT_CELLS, size=7.5)) == ["HR-kontoret, Borgercenter Handicap",
                                                            "Månedsvist, første gang"]


def test_a_monospaced_word_space_stays_inside_the_segment():
    """A monospaced font's word space (0.6 of the size) is no cell gap: the words stay one segment."""
    size, space, char = 7.5, 4.5, 4.5
    words, x = [], 60.0
    for t in ("Ved", "eftersyn", "i", "forbindelse"):
        words.append((t, x, x + char * len(t)))
        x += char * len(t) + space
    assert _segments(_line(words, size=size)) == ["Ved eftersyn i forbindelse"]
