"""Pages rendered as JPEG data URIs (pypdfium2), with the frame of the render in pdfplumber's coordinates.

pdfplumber's boxes (`table_cells.x0/top/x1/bottom`) are in the page's own frame, rotation applied; pdfium renders
the crop box the same way, so a box maps to the image by the crop box pdfplumber reports for the page.
"""
from __future__ import annotations

import base64
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_SCALE = 1.25  # pixels per PDF point (90 dpi): text stays legible, 155 pages stay well under ~30 MB
JPEG_QUALITY = 60
FULL_SCALE_PAGES = 160  # more pages than this are rendered smaller, keeping the pixels (and ~bytes) of this many
MIME = "image/jpeg"


@dataclass(frozen=True)
class ImageSettings:
    """How pages are rendered: pixels per PDF point and JPEG quality."""

    scale: float = DEFAULT_SCALE
    quality: int = JPEG_QUALITY

    def for_pages(self, n_pages: int) -> ImageSettings:
        """Given the number of pages to render, return settings that keep the report's images within budget."""
        if n_pages <= FULL_SCALE_PAGES:
            return self
        return ImageSettings(self.scale * (FULL_SCALE_PAGES / n_pages) ** 0.5, self.quality)


@dataclass(frozen=True)
class PageImage:
    """One rendered page: its data URI, pixel size and the box it shows (x0, top, x1, bottom, PDF points)."""

    page: int
    data_uri: str
    width_px: int
    height_px: int
    frame: tuple[float, float, float, float]


def _frames(pdf_path: Path, pages: list[int]) -> dict[int, tuple[float, float, float, float]]:
    """Given a PDF and 1-based page numbers, return each page's crop box in pdfplumber's coordinates."""
    import pdfplumber  # here: the run's own process imports this module for its paths only (its workers render)

    with pdfplumber.open(pdf_path) as pdf:
        return {n: tuple(float(v) for v in pdf.pages[n - 1].cropbox) for n in pages if 0 < n <= len(pdf.pages)}


def _jpeg_uri(image, quality: int) -> str:
    """Given a PIL image, return it as a JPEG data URI."""
    buf = io.BytesIO()
    (image if image.mode == "RGB" else image.convert("RGB")).save(buf, "JPEG", quality=quality, optimize=False)
    return f"data:{MIME};base64,{base64.b64encode(buf.getvalue()).decode('ascii')}"


def render_pages(pdf_path: Path, pages: Iterable[int],
                 settings: ImageSettings | None = None) -> dict[int, PageImage]:
    """Given a PDF and the 1-based pages to show, return each page rendered (pages outside the PDF are left out)."""
    wanted = sorted(set(pages))
    settings = (settings or ImageSettings()).for_pages(len(wanted))
    frames = _frames(pdf_path, wanted)
    import pypdfium2 as pdfium  # as pdfplumber in `_frames`

    out: dict[int, PageImage] = {}
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        for n, frame in frames.items():
            page = pdf[n - 1]
            image = page.render(scale=settings.scale).to_pil()
            out[n] = PageImage(n, _jpeg_uri(image, settings.quality), image.width, image.height, frame)
            page.close()
    finally:
        pdf.close()
    return out
