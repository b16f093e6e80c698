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


# a WeasyPrint economics table (DejaVu Sans 10 pt): a cell lists two account numbers, "3170, 6211", at a plain word
# space (3.2 pt, as between the label's words), the amounts follow past column gutters
LISTED_NUMBERS = [("Indretning", 67.2, 118.6), ("af", 121.8, 131.4), ("3170,", 207.4, 236.0), ("6211", 239.2, 264.6),
                  ("600", 319.7, 338.8), ("22.455", 353.8, 388.7)]


def test_numbers_after_a_comma_at_a_word_space_stay_one_cell():
    """A number ending in a comma goes on with the number after it as words do: one cell's list of numbers, not
    two amounts side by side (two amounts in a row part at any gap)."""
    assert _segments(_line(LISTED_NUMBERS, size=10.0)) == ["Indretning af", "3170, 6211", "600", "22.455"]


def test_a_list_of_years_spaced_out_by_justification_is_one_cell():
    """Years listed with commas, their spaces widened (a justified cell, 8 pt, 4.8 pt spaces), stay one cell."""
    words = [("2025,", 470.0, 491.7), ("2026,", 496.5, 518.2)]
    assert _segments(_line(words, size=8.0)) == ["2025, 2026,"]


def test_amounts_without_a_comma_part_at_a_word_space():
    """Two amounts a word space apart are two cells still."""
    words = [("Drift", 60.0, 80.0), ("1.200", 120.0, 140.0), ("1.300", 143.2, 163.2)]
    assert _segments(_line(words, size=10.0)) == ["Drift", "1.200", "1.300"]


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


# a Chromium satspulje overview (Liberation Serif, 9 pt line, no rules, amounts set left): a label run up to the
# narrow gutter before the first year column ends 6.1 pt before that column's amount, under the 6.3 pt segment gap;
# its words are 2.5 pt apart. Read as one run, "Hjernerystelse 6,0" covered the gutter on its page, and the whole
# page's first amounts were read into the label column ("i socialpsykiatrien 45,6").
LABEL_TO_LEFT_SET_AMOUNT = [("73", 65.5, 75.5), ("Etablering", 109.0, 149.5), ("af", 152.0, 159.5),
                            ("et", 162.0, 169.5), ("Dansk", 172.0, 197.6), ("Center", 200.1, 227.1),
                            ("for", 229.6, 240.1), ("Hjernerystelse", 242.6, 300.1), ("6,0", 306.2, 318.7),
                            ("6,0", 341.2, 353.7), ("25,5", 495.3, 512.8)]


def test_an_amount_past_twice_the_word_space_after_a_label_is_a_cell():
    """A word of text followed by an amount past more than twice the line's own word space (and over half the
    size) ends a cell, as an amount before a capitalised word does: the label and the amount are two cells."""
    assert _segments(_line(LABEL_TO_LEFT_SET_AMOUNT)) == [
        "73", "Etablering af et Dansk Center for Hjernerystelse", "6,0", "6,0", "25,5"]


def test_a_number_after_a_word_at_a_word_space_stays_in_the_text():
    """"Tabel 1" and "i alt 2.459" set with plain word spaces are one run of text."""
    words = [("Satspuljen", 60.0, 100.0), ("i", 102.5, 104.5), ("alt", 107.0, 117.0), ("2.459,4", 119.5, 146.0)]
    assert _segments(_line(words)) == ["Satspuljen i alt 2.459,4"]


def test_a_number_after_a_word_on_a_line_showing_no_word_space_stays_in_the_text():
    """With no space between two words on the line to measure against (a monospaced head "1.000 kr.  2022 p/l",
    whose spaces are wide), a number past a gap under the segment gap stays in the run."""
    words = [("1.000", 60.0, 85.0), ("kr.", 90.0, 105.0), ("2022", 110.6, 130.6), ("p/l", 135.6, 150.6)]
    assert _segments(_line(words, size=8.3)) == ["1.000 kr. 2022 p/l"]
