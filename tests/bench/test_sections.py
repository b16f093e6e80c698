"""The named sections of bench/RESULTS.md: a bench script replaces only its own, bench/extraction.py keeps all."""
from __future__ import annotations

from pathlib import Path

from bench.sections import kept_sections, markers, replace_section


def _section(name: str, body: str) -> str:
    begin, end = markers(name)
    return f"{begin}\n{body}\n{end}\n"


def test_replace_section_appends_then_replaces_only_its_own(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# Extraction benchmark\n\ntable\n", encoding="utf-8")
    replace_section(results, _section("producers", "sweep 1"), "producers")
    replace_section(results, _section("icdar", "icdar 1"), "icdar")
    replace_section(results, _section("producers", "sweep 2"), "producers")
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Extraction benchmark\n\ntable\n")
    assert "sweep 2" in text and "sweep 1" not in text and "icdar 1" in text
    assert text.index("sweep 2") < text.index("icdar 1")  # a replaced section keeps its place


def test_kept_sections_returns_every_section_with_its_markers(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text("# head\n\n" + _section("producers", "a") + "\n" + _section("icdar", "b"), encoding="utf-8")
    kept = kept_sections(results)
    assert _section("producers", "a").strip() in kept and _section("icdar", "b").strip() in kept
    assert "# head" not in kept
    assert kept_sections(tmp_path / "absent.md") == ""
