"""Extraction quality on the shipped samples, keyed like the scorer: every bar of issue 7 is a regression test."""
from __future__ import annotations

import pytest

from extractors.records import table_records
from tests.extractors.gold_match import Score, extracted_keys, gold_keys, score
from tests.samples import GOLD, SAMPLES, extracted


def _score(doc: str) -> Score:
    _, cells = table_records(doc, list(extracted(doc)))
    return score(gold_keys(GOLD / doc), extracted_keys(cells))


@pytest.mark.parametrize("doc", SAMPLES)
def test_every_gold_table_is_found(doc):
    assert _score(doc).unmatched_gold_tables == ()


def test_corpus_recall_and_precision_meet_the_bars():
    total = Score.total(_score(doc) for doc in SAMPLES)
    assert total.num_gold == 2647 and total.txt_gold == 1359  # the whole gold, nothing skipped
    assert total.num_recall >= 0.99
    assert total.num_precision >= 0.99
    assert total.txt_recall >= 0.95


@pytest.mark.parametrize("doc", ["000", "002", "003"])
def test_numeric_cells_are_exact_on_documents_without_split_words(doc):
    """These documents print no word broken across lines without a hyphen: every number is recovered."""
    s = _score(doc)
    assert s.num_matched == s.num_gold
