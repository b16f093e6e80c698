"""Where things live: raw and clean dirs from the environment, and the Dagster instance home."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

RAW_DIR_ENV = "DKBUDGET_RAW_DIR"
CLEAN_DIR_ENV = "DKBUDGET_CLEAN_DIR"
DEFAULT_RAW_DIR = "data/raw"
DEFAULT_CLEAN_DIR = "data/clean"
DAGSTER_HOME_ENV = "DAGSTER_HOME"
LOCAL_DAGSTER_HOME = ".dagster_home"
INSTANCE_YAML = "dagster.yaml"  # the instance settings' name in a Dagster home
SEED_DIR = "deploy"  # the seeds: not in the repo root, where `dagster dev` would warn that it ignores them
SQLITE_SEED = "dagster.yaml"  # the embedded sqlite instance (default)
POSTGRES_SEED = "dagster-postgres.yaml"  # the PostgreSQL instance, chosen by DKBUDGET_PG_URL
PG_URL_ENV = "DKBUDGET_PG_URL"
PDF_SUFFIX = ".pdf"


def default_raw_dir() -> str:
    """Return the raw dir: $DKBUDGET_RAW_DIR or data/raw."""
    return os.environ.get(RAW_DIR_ENV) or DEFAULT_RAW_DIR


def default_clean_dir() -> str:
    """Return the clean dir: $DKBUDGET_CLEAN_DIR or data/clean."""
    return os.environ.get(CLEAN_DIR_ENV) or DEFAULT_CLEAN_DIR


def repo_root() -> Path:
    """Return the source tree holding deploy/dagster.yaml (editable install), else the current directory."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / SEED_DIR / SQLITE_SEED).exists() else Path.cwd()


def instance_seed(env: dict[str, str] | None = None) -> Path:
    """Return the instance settings a new Dagster home gets: deploy/dagster-postgres.yaml when DKBUDGET_PG_URL is
    set, else deploy/dagster.yaml (embedded sqlite)."""
    env = os.environ if env is None else env
    return repo_root() / SEED_DIR / (POSTGRES_SEED if env.get(PG_URL_ENV) else SQLITE_SEED)


def ensure_dagster_home() -> Path:
    """Return the Dagster home ($DAGSTER_HOME or repo-local .dagster_home), created and seeded with its settings.

    Sets DAGSTER_HOME in this process's environment so that DagsterInstance.get() uses it. The home's dagster.yaml
    is the seed of `instance_seed` (sqlite, or PostgreSQL when DKBUDGET_PG_URL is set). A dagster.yaml that is a
    copy of one of our seeds is replaced by the one now chosen; any other (the user's own) is kept as it is.
    """
    home = Path(os.environ.get(DAGSTER_HOME_ENV) or repo_root() / LOCAL_DAGSTER_HOME).resolve()
    home.mkdir(parents=True, exist_ok=True)
    seed = instance_seed()
    target = home / INSTANCE_YAML
    seeds = [repo_root() / SEED_DIR / name for name in (SQLITE_SEED, POSTGRES_SEED)]
    ours = {path.read_bytes() for path in seeds if path.exists()}
    if seed.exists() and (not target.exists() or target.read_bytes() in ours):
        if not target.exists() or target.read_bytes() != seed.read_bytes():
            shutil.copyfile(seed, target)
    os.environ[DAGSTER_HOME_ENV] = str(home)
    return home


def is_safe_file_name(name: str) -> bool:
    """Given a partition key, return whether it is a plain PDF file name (no folders, no traversal)."""
    return (bool(name) and name == Path(name).name and name not in (".", "..") and "/" not in name
            and "\\" not in name and "\0" not in name and name.lower().endswith(PDF_SUFFIX))


def pdf_path(raw_dir: Path | str, file_name: str) -> Path:
    """Given the raw dir and a file name (a partition key), return the PDF's path, refusing anything else."""
    if not is_safe_file_name(file_name):
        raise ValueError(f"not a plain PDF file name: {file_name!r}")
    return Path(raw_dir) / file_name


def list_pdfs(raw_dir: Path | str) -> list[Path]:
    """Given the raw dir, return its *.pdf files (not recursive), sorted by name."""
    return sorted(p for p in Path(raw_dir).iterdir()
                  if p.is_file() and is_safe_file_name(p.name))
