"""Proposal titles and labelled fields read from the text outside tables (extractors/context.py)."""
from __future__ import annotations

from extractors.context import field_of, heading_of
from extractors.layout import TextLine, Word

LEADING = 13.5  # baseline to baseline within a paragraph, 10 pt type


def _line(text: str, top: float, size: float = 10.0, bold: bool = False) -> TextLine:
    """Given a text and its top, return a printed line of words (widths as a 10 pt face sets them)."""
    words, x = [], 70.0
    for w in text.split():
        words.append(Word(w, x, top, x + 5.0 * len(w), top + size * 1.1, size, bold))
        x += 5.0 * len(w) + 3.0
    return TextLine(words=words)


def _page(*texts: str, gap_after: tuple[int, ...] = ()) -> list[TextLine]:
    """Given lines of one page, return them set in paragraphs (a paragraph gap after the given indices)."""
    out, top = [], 100.0
    for i, t in enumerate(texts):
        out.append(_line(t, top))
        top += LEADING + (8.0 if i in gap_after else 0.0)
    return out


def _title(lines: list[TextLine]) -> str | None:
    h = heading_of(lines[0], lines[1:3])
    return h.text if h is not None and h.is_title else None


def test_a_wrapped_title_runs_on_to_its_resume():
    lines = _page("Forslagets titel: BU03 - Faglig omstilling – Målrettet tidlig indsats til forebyggelse af senere",
                  "sociale foranstaltninger", "Resumé: Socialforvaltningen foreslår en tidlig indsats.", gap_after=(1,))
    assert _title(lines) == ("BU03 - Faglig omstilling – Målrettet tidlig indsats til forebyggelse af senere "
                             "sociale foranstaltninger")


def test_a_title_ends_at_its_resume_remark_or_type_heading_and_at_a_paragraph_gap():
    assert _title(_page("Forslagets titel: BU04 – Mere effektiv vagtplanlægning Resumé:",
                        "Socialforvaltningen foreslår en investering.")) == "BU04 – Mere effektiv vagtplanlægning"
    assert _title(_page("Forslagets titel: HA02 – Styrket indsats til børn med autisme [For-",
                        "slaget er fortsat under udarbejdelse] INVESTE-", "RINGSFORSLAG")) == \
        "HA02 – Styrket indsats til børn med autisme"
    assert _title(_page("Forslagets titel: SI05 - Hurtigere udslusning af færdigmeldte patienter",
                        "Med forslaget udvides brugen af midlertidige pladser.", gap_after=(0,))) == \
        "SI05 - Hurtigere udslusning af færdigmeldte patienter"
    assert _title(_page("Forslagets titel: SU1. Styrkelse af den forebyggende effekt for ældre Re-",
                        "sumé: En investering i styrket terapeutfaglighed.")) == \
        "SU1. Styrkelse af den forebyggende effekt for ældre"


def test_a_title_label_broken_after_its_first_word():
    lines = _page("2 https://radarmedia.dk/ny-fond Forslagets", "titel: SU7. Kunstig intelligens til beslutningsstøtte",
                  "Kort resumé: Forvaltningen vil afprøve kunstig intelligens.")
    assert _title(lines) == "SU7. Kunstig intelligens til beslutningsstøtte"


def test_labelled_fields_with_the_value_on_the_line_or_below():
    label, value = _page("Fremstillende forvaltning:", "Socialforvaltningen", gap_after=(0,))
    f = field_of(label, [value])
    assert (f.label, f.value) == ("Fremstillende forvaltning", "Socialforvaltningen")
    f = field_of(_line("Fremstillende forvaltning: Økonomiforvaltningen", 100), [])
    assert (f.label, f.value) == ("Fremstillende forvaltning", "Økonomiforvaltningen")
    prose = _line("Resumé: Socialforvaltningen foreslår en tidlig, målrettet indsats via en initiati-", 100)
    assert field_of(prose, []) is None


def test_a_wrapped_code_heading_runs_on_in_the_same_face():
    lines = [_line("BU03 - Faglig omstilling – Målrettet tidlig indsats til", 100, 11.0, True),
             _line("forebyggelse af senere sociale foranstaltninger", 100 + LEADING, 11.0, True),
             _line("1. Baggrund og formål", 100 + 2 * LEADING, 11.0, True)]
    assert _title(lines) == ("BU03 - Faglig omstilling – Målrettet tidlig indsats til forebyggelse af senere "
                             "sociale foranstaltninger")
    plain = [lines[0], _line("Socialforvaltningen foreslår en indsats.", 100 + LEADING, 11.0, False)]
    assert _title(plain) == "BU03 - Faglig omstilling – Målrettet tidlig indsats til"
