"""The proposal catalogue's "Tabel 1. Forslagets samlede økonomiske konsekvenser" set tight (cells padded half a
point, `spec.ExtStyle.tight`, `generate --extended-styles`), no rules, amounts centred, DejaVu Serif 8 pt: the style
of fresh tune seed prop15-s8737's WeasyPrint catalogue (s508754) and prop15-s8741's Chromium one (the same item
seed), printed by every producer. Two misreads, both from the columns running into each other:

- SU6: the first year's column holds two amounts only (300, the implementation costs of 2024 and their total), and
  its head "2024" is set a cell's padding after the head "Styringsområde". The two heads made one run of words
  over the gutter the amounts leave free, and two amounts were too few to show that gutter
  (`grid._aligned_on_both_sides`, `MIN_VALUE_LINES`): the head read "Styringsområde 2024", the amounts "Service 300"
  (proposal_economics lost SU6's 2024 rows, and got `control_area` "Service 300"). The head over the sparse
  column, lined up with its amounts, now counts as one more cell lined up.
- SU5: the label "Tilbagebetalingstid baseret på serviceeffektivisering" runs up to the next column, its payback
  "2" set there a cell's padding after it, about a word space: one run of words over two separators, left in the
  label column; the row then read as the wrapped first line of the next ("... serviceeffektivisering 2
  Tilbagebetalingstid baseret på totaløkonomi" | "2"): proposals lost SU5's payback_service_years. A number after
  text, starting flush with the next column's cells after a space wider than the text's own word spaces, opens
  that column's cell (`grid._parts_run`), also where the label runs over a separator of its own.
"""
from __future__ import annotations

import pytest

from tests.producers.reading import case_params, norm, print_and_read, printed_and_read
from tests.producers.spec import PRODUCERS, ExtStyle, make_spec

SEED_BASE = 508754  # the tune item (WeasyPrint document 001 of prop15-s8737, Chromium of prop15-s8741)
STYLE = dict(rules="none", shading="none", font="DejaVu Serif", size=8.0, bold_header=True, valign="middle",
             header_valign="top", num_align="center", repeat_header=True, split_rows=False, orientation="portrait",
             minus="-", nil="-", caption_gap=False, caption_bold=True, unit_line=True, label_share=None,
             rule_width=0.25, pad=0.5, year_shift=2, scale=1, running=True, full_width=False, prose_numbers=False)
EXT = ExtStyle(rule_look="grey", tight=True)
SOURCES = {"su5": "001/27_su5-tabel1-samlede-oekonomiske-konsekvenser.csv",
           "su6": "001/33_su6-tabel1-samlede-oekonomiske-konsekvenser.csv"}
CASES = {f"{key}-{p}": make_spec(SEED_BASE + i, p, "table", src, extended=EXT, **STYLE)
         for key, src in SOURCES.items() for i, p in enumerate(PRODUCERS)}
PAYBACK = "tilbagebetalingstid"
# SU5's section row "Implementeringsomkostninger" over a one-line row whose label would not fit after it on its line
# (cells set to the middle, every row one line: nothing shows how a wrapped label is set)
SECTION = ("the section row 'Implementeringsomkostninger' is read as the first line of the wrapped label under it "
           "('Implementeringsomkostninger Implementeringsudgifter stomikonsulent'): every row of the table is one "
           "line, so nothing on the page tells a section row from a label's first line when the next label's first "
           "word would not fit after it (the domain layer reads the section from the label's start)")
KNOWN = {f"su5-{p}": SECTION for p in ("reportlab", "fpdf2", "weasyprint", "chromium")}


@pytest.fixture(scope="module")
def read(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Print SU5's and SU6's Tabel 1 with every producer that runs here and read them."""
    return print_and_read(CASES, tmp_path_factory.mktemp("tabel1-tight"))


def _rows(case: str, read: dict) -> tuple[list[list[str]], list[list[str]], list[str], list[str]]:
    """Given a case and what was read: (printed rows, rows read, printed header, header read), normalised."""
    pt, table = printed_and_read(case, CASES[case].style.producer, read, broken_words=True)
    return ([[norm(c) for c in row] for row in pt.rows], [[norm(c.text) if c else "" for c in r.cells]
                                                         for r in table.rows],
            [norm(h) for h in pt.header], [norm(h) for h in table.columns])


@pytest.mark.parametrize("case", list(CASES))
def test_tabel1_set_tight_keeps_heads_amounts_and_paybacks_in_their_columns(case: str, read: dict) -> None:
    """The header is the printed one, every amount row is read with its printed cells (control area and each year's
    amount, under a label ending in the printed one: see KNOWN), and each payback row as printed (label and years)."""
    want, got, head, head_read = _rows(case, read)
    assert head_read == head, f"header read: {head_read}"
    missing = [r for r in want if r[0].casefold().startswith(PAYBACK) and r not in got
               or any(r[2:]) and not any(g[1:] == r[1:] and g[0].endswith(r[0]) for g in got)]
    assert missing == [], f"printed rows not read: {missing[:3]}; read: {got}"


@pytest.mark.parametrize("case", case_params(CASES, KNOWN))
def test_tabel1_set_tight_read_as_printed(case: str, read: dict) -> None:
    """Every row, its section rows too, is read as printed."""
    want, got, head, head_read = _rows(case, read)
    assert head_read == head and got == want, f"read: {got}"
