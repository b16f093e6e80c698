"""Unit tests of `extractors.wraps`: the evidence that parts a section row from the wrapped label under it, and
that tells bottom-aligned rows, on lines built by hand (8 pt type, label column 0, values in column 1)."""
from __future__ import annotations

from extractors.layout import TextLine, Word
from extractors.linecells import LineCells
from extractors.wraps import bottom_aligned, centred_overhang, ends_short, label_width

SIZE = 8.0
CHAR = 4.4  # width of one character at 8 pt, near enough


def _line(top: float, label: str = "", value: str = "") -> LineCells:
    """A line with a label at x 50 (words set one space apart) and/or a value ending at x 300."""
    cells: dict[int, list[Word]] = {}
    x = 50.0
    for t in label.split():
        cells.setdefault(0, []).append(Word(t, x, top, x + CHAR * len(t), top + SIZE, SIZE, False))
        x += CHAR * (len(t) + 1)
    if value:
        cells[1] = [Word(value, 300 - CHAR * len(value), top, 300.0, top + SIZE, SIZE, False)]
    return LineCells(TextLine([w for ws in cells.values() for w in ws]), cells)


def test_a_short_label_whose_next_line_would_have_fitted_ends_there():
    section, wrapped, last = _line(100, "INVESTERINGSFORSLAG"), _line(110, "SU1. Styrkelse af den forebyggende"), \
        _line(120, "effekt", "-5.400")
    width = label_width([section, wrapped, last], 0, 200.0)
    assert ends_short(section, wrapped, 0, width)  # "SU1." fits after "INVESTERINGSFORSLAG"
    assert not ends_short(wrapped, last, 0, width)  # a lowercase start goes on
    long_word = _line(110, "Implementeringsomkostningerne og")
    assert not ends_short(_line(100, "Implementeringsomkostninger"), long_word, 0, width)  # would not have fitted


def test_label_lines_above_the_label_a_centred_value_is_the_middle_of_are_left_out():
    block = [_line(100, "Implementeringsomkostninger"), _line(115, "Implementeringsomkostninger -terapeut"),
             _line(119.5, "", "2.100"), _line(124, "kompetencer")]
    assert centred_overhang(block, 2, [0, 1, 2, 3], 0) == [0]
    assert centred_overhang(block, 2, [1, 2, 3], 0) == []  # centred already


def test_rows_whose_values_sit_on_the_last_line_of_their_label_are_bottom_aligned():
    bottom = [_line(100, "Enhed for anonym håndtering og"), _line(110, "sexisme", "3.292"), _line(120, "Tryg", "7")]
    top = [_line(100, "Øget fokus på tidlig", "2.640"), _line(110, "borgere med demens"), _line(120, "Tryg", "7")]
    assert bottom_aligned(bottom, 0, {1, 2})
    assert not bottom_aligned(top, 0, {0, 2})


def test_a_plain_header_wrapped_bottom_aligned_is_the_header_and_a_section_row_under_it_is_not():
    from extractors.grid import _leading_header

    def heads(top: float, label: str, *more: str) -> LineCells:
        lc = _line(top, label)
        for c, t in enumerate(more, start=1):
            if t:
                lc.cells[c] = [Word(t, 200 + 60 * c, top, 230 + 60 * c, top + SIZE, SIZE, False)]
        lc.line = TextLine([w for ws in lc.cells.values() for w in ws])
        return lc

    edges = [50.0, 250.0, 310.0, 400.0]
    lines = [heads(100, "", "Beløb som"), heads(110, "", "udløber"), heads(120, "Bevillinger", "1.000 kr.", "Note"),
             _line(135, "INVESTERINGSFORSLAG"), heads(150, "Faste teams", "13.767", "Bør")]
    assert _leading_header(lines, 0, edges, 100.0) == lines[:3]
    # a head over two columns (a group head) makes a header of two levels: left to the rows
    lines[0].cells[1][0].x1 = 380.0
    assert _leading_header(lines, 0, edges, 100.0) == []
