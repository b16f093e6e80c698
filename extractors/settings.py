"""Tunables of the table extractor, gathered in one dataclass with named defaults (all in PDF points or ratios)."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_WORD_X_TOLERANCE = 1.5  # max gap between chars of one word
DEFAULT_WORD_Y_TOLERANCE = 2.0
DEFAULT_LINE_Y_TOLERANCE = 0.45  # words on one text line: baselines within this share of the font size
DEFAULT_SEGMENT_GAP_MIN = 4.0  # a gap at least this wide (and ...)
DEFAULT_SEGMENT_GAP_FACTOR = 0.7  # ... at least this share of the font size splits a line into cell segments
DEFAULT_RULE_MAX_THICKNESS = 2.5  # a rect thinner than this is a ruling, not a shading
DEFAULT_RULE_MIN_LENGTH = 8.0
DEFAULT_RULE_SPAN_SHARE = 0.5  # a horizontal rule separates rows when it spans this share of the table width
DEFAULT_MARGIN_SHARE = 0.09  # top/bottom share of the page where running headers/footers live
DEFAULT_REPEAT_SHARE = 0.3  # a margin line repeated on this share of pages (min 2) is a running header/footer
DEFAULT_ROW_GAP_FACTOR = 1.35  # in unruled bodies, a vertical gap this many times the line pitch starts a new block
DEFAULT_REGION_GAP_FACTOR = 2.6  # a vertical gap this many times the line height ends a table region
DEFAULT_CAPTION_LOOKUP_LINES = 3  # caption searched among this many lines above a table
DEFAULT_PROSE_RIGHT_SHARE = 0.9  # a single-segment line reaching this share of the text width is prose
DEFAULT_CONTINUATION_TOP_SHARE = 0.25  # a table starting in the top share of a page may continue the previous one
DEFAULT_CONTINUATION_BOTTOM_SHARE = 0.7  # ... when the previous one ends below this share of its page
DEFAULT_WORKERS = min(2, os.cpu_count() or 1)  # processes reading page layouts of one document
DEFAULT_PARALLEL_MIN_PAGES = 12  # each worker gets at least this many pages (else reading stays in-process)


@dataclass(frozen=True)
class ExtractionSettings:
    """Every tunable of the extractor; override any field to adapt to another renderer."""

    word_x_tolerance: float = DEFAULT_WORD_X_TOLERANCE
    word_y_tolerance: float = DEFAULT_WORD_Y_TOLERANCE
    line_y_tolerance: float = DEFAULT_LINE_Y_TOLERANCE
    segment_gap_min: float = DEFAULT_SEGMENT_GAP_MIN
    segment_gap_factor: float = DEFAULT_SEGMENT_GAP_FACTOR
    rule_max_thickness: float = DEFAULT_RULE_MAX_THICKNESS
    rule_min_length: float = DEFAULT_RULE_MIN_LENGTH
    rule_span_share: float = DEFAULT_RULE_SPAN_SHARE
    margin_share: float = DEFAULT_MARGIN_SHARE
    repeat_share: float = DEFAULT_REPEAT_SHARE
    row_gap_factor: float = DEFAULT_ROW_GAP_FACTOR
    region_gap_factor: float = DEFAULT_REGION_GAP_FACTOR
    caption_lookup_lines: int = DEFAULT_CAPTION_LOOKUP_LINES
    prose_right_share: float = DEFAULT_PROSE_RIGHT_SHARE
    continuation_top_share: float = DEFAULT_CONTINUATION_TOP_SHARE
    continuation_bottom_share: float = DEFAULT_CONTINUATION_BOTTOM_SHARE
    workers: int = DEFAULT_WORKERS
    prescan: bool = True  # read with pdfplumber only the pages a fast first look finds table signs on
    parallel_min_pages: int = DEFAULT_PARALLEL_MIN_PAGES


DEFAULT_SETTINGS = ExtractionSettings()
