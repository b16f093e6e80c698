"""The pipeline version: the package version plus a short hash of the code that shapes the outputs."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

PACKAGE = "dkbudget"
HASHED_PACKAGES = ("pipelines", "extractors", "normalizers", "domain")
HASH_CHARS = 10
FALLBACK_VERSION = "0.0.0"


def package_version() -> str:
    """Return the installed dkbudget version (or a fallback when run from an uninstalled tree)."""
    try:
        return metadata.version(PACKAGE)
    except metadata.PackageNotFoundError:
        return FALLBACK_VERSION


def source_hash(root: Path) -> str:
    """Given the folder holding the packages, return a short hash over the path and bytes of their .py files."""
    digest = hashlib.sha256()
    for package in HASHED_PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:HASH_CHARS]


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Return "<package version>+<source hash>": any code change gives a new version."""
    return f"{package_version()}+{source_hash(Path(__file__).resolve().parents[2])}"
