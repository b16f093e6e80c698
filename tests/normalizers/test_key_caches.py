"""The per-text key functions are cached by text: same keys for str and non-str input, each text computed once."""
from __future__ import annotations

from domain import cells, vocab
from normalizers import labels


def test_normalize_key_and_squash_are_cached_and_unchanged() -> None:
    """A label's key is the documented one, computed once however often a cell asks for it."""
    labels._key_of.cache_clear()  # noqa: SLF001
    for _ in range(3):
        assert labels.normalize_key("Vide- reføre  Sundheds- og Om\u00adsorg") == "videreføre sundheds- og omsorg"
    assert labels._key_of.cache_info().misses == 1  # noqa: SLF001
    assert labels.normalize_key(None) == "" and labels.normalize_key("") == ""
    assert labels.normalize_key(2019) == "2019"
    assert labels._squash("Ikke relevant at vide- reføre.") == "ikkerelevantatvidereføre"  # noqa: SLF001
    assert labels._squash(None) == ""  # noqa: SLF001


def test_recommendations_and_vocab_keys_are_cached_and_unchanged() -> None:
    """Enum readers and vocabulary keys give the same answers through their caches."""
    assert labels.recommendation("Ikke relevant at vide- reføre.") == "discontinue"
    assert labels.recommendation(None) is None and labels.recommendation("") is None
    assert vocab.recommendation("Bør videreføres") == "continue"
    assert vocab.recommendation("Dækket ved pulje") == "handled"
    assert vocab.recommendation(None) is None
    assert vocab.key("Implementerings- omkostninger i alt:") == "implementeringsomkostninger i alt"
    assert vocab.key(None) == ""
    assert cells.norm("  Total\u2013 BELØB\u00ad ") == "total- beløb"
    assert cells.norm(None) == "" and cells.norm(5) == "5"
    before = vocab._key_of.cache_info().hits  # noqa: SLF001
    vocab.key("Implementerings- omkostninger i alt:")
    assert vocab._key_of.cache_info().hits == before + 1  # noqa: SLF001
