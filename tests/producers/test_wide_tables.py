"""A wide table printed from HTML (the ten-column task budget, in a wide monospace font) must fit its page: the
generator lets a numeric column's head wrap (only the figures keep to one line), so that no column is pushed
past the page's edge, where Chromium cuts its text off and the PDF no longer prints what the gold says."""
from __future__ import annotations

import pytest

from tests.producers.produce import missing_reason, produce
from tests.producers.spec import make_spec

WIDE = dict(font="Liberation Mono", size=9.0, pad=1.5, orientation="landscape", full_width=True,
            label_share=None, split_rows=True)


@pytest.mark.parametrize("producer", ["chromium", "weasyprint"])
def test_wide_table_prints_every_header_and_cell(producer: str, tmp_path) -> None:
    reason = missing_reason(producer)
    if reason:
        pytest.skip(f"producer {producer} unavailable: {reason}")
    spec = make_spec(785, producer, "table", "004/01_bilag1.csv", **WIDE)
    made = produce([spec], tmp_path, workers=1)[0]
    header = spec.tables[0].header
    cut = [p for p in made.problems if any(h[:20] in p for h in header) or "number" in p]
    assert cut == [], f"the table does not fit its page: {cut}"
