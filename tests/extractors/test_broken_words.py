"""`extractors.broken_words` on the samples: a header word set alone on a line as wide as its column, over a short
word of its own, is a wrap and stays two words (the generated producers' broken words: tests/producers)."""
from __future__ import annotations

from tests.samples import extracted


def test_short_word_under_a_column_wide_word_is_a_wrap() -> None:
    """001's "Tabel 3. Kriterier til prioritering": "Potentiale" fills its column over "for" / "storskala"."""
    (table,) = [t for t in extracted("001") if t.caption and "Kriterier til prioritering" in t.caption][:1]
    assert "Potentiale for storskala" in table.columns, table.columns
    assert "Modne anvendelse af ny teknologi" in table.columns, table.columns
