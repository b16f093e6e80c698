"""Named sections of bench/RESULTS.md: each bench script owns the text between `<!-- NAME:begin -->` and
`<!-- NAME:end -->` and rewrites only that; bench/extraction.py rewrites the rest of the file and keeps them."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

_MARKER = re.compile(r"<!-- ([a-z0-9_-]+):begin -->")


def markers(name: str) -> tuple[str, str]:
    """Given a section name, return its begin and end markers."""
    return f"<!-- {name}:begin -->", f"<!-- {name}:end -->"


def replace_section(path: Path, section: str, name: str) -> None:
    """Given RESULTS.md, a new section (markers included) and its name, replace the old section or append the new
    one at the end of the file."""
    begin, end = markers(name)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section.rstrip("\n") + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + ("\n\n" if text else "") + section
    path.write_text(text, encoding="utf-8")


def kept_sections(path: Path) -> str:
    """Given RESULTS.md, return every named section it holds (markers included, in file order), or ''."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    out = []
    for m in _MARKER.finditer(text):
        begin, end = markers(m.group(1))
        if end in text[m.end():]:
            out.append(begin + text[m.end():].split(end, 1)[0] + end)
    return "".join("\n" + s + "\n" for s in out)


def git_revision() -> str:
    """Return the repo's HEAD commit (short) and whether the work tree differs from it in the extraction code, for
    the "at commit ..." line of a section."""
    def git(*args: str) -> str:
        """Given git arguments, return git's output in the repo (empty on failure)."""
        proc = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return proc.stdout.strip() if proc.returncode == 0 else ""
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "extractors", "normalizers")
    return head + (" (+ uncommitted changes in extractors/ or normalizers/)" if dirty else "")
