"""Read a PDF's page count and the printed lines of its first pages (text + main font size) with pdfplumber."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pdfplumber

from domain.documents import FIRST_PAGES, TextLine

SIZE_DECIMALS = 1  # font sizes are compared after rounding to this many decimals


def _main_size(chars: list[dict]) -> float:
    """Given a line's chars, return the font size most of its characters are printed in."""
    sizes = Counter(round(float(c.get("size", 0.0)), SIZE_DECIMALS) for c in chars if str(c.get("text", "")).strip())
    return sizes.most_common(1)[0][0] if sizes else 0.0


def read_first_lines(pdf_path: Path | str, n_first: int = FIRST_PAGES) -> tuple[int, list[TextLine]]:
    """Given a PDF path, return its page count and the lines of its first `n_first` pages, in reading order."""
    with pdfplumber.open(pdf_path) as pdf:
        n_pages = len(pdf.pages)
        lines: list[TextLine] = []
        for number, page in enumerate(pdf.pages[:n_first], start=1):
            for line in page.extract_text_lines(return_chars=True):
                lines.append(TextLine(text=line["text"], page=number, size=_main_size(line["chars"])))
            page.close()
    return n_pages, lines
