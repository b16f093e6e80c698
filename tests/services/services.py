"""Real services for the tests that need them (PostgreSQL, Redis): found from the environment `.ci/run` sets up.

Outside CI a missing service skips its tests with the reason; in CI (CI=true) it fails them, since `.ci/run`
installs and starts both.
"""
from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PG_URL_ENV = "DKBUDGET_TEST_PG_URL"  # a role that may CREATE DATABASE, e.g. postgresql://u:p@127.0.0.1:5432/db


def missing(reason: str) -> None:
    """Given why a service is missing, skip the test outside CI and fail it in CI."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{reason} (CI must provide it: see .ci/run)")
    pytest.skip(reason)


@contextmanager
def fresh_database() -> Iterator[str]:
    """Yield the URL of a new, empty PostgreSQL database (dropped afterwards) on the server of DKBUDGET_TEST_PG_URL."""
    url = os.environ.get(PG_URL_ENV)
    if not url:
        missing(f"no PostgreSQL: set {PG_URL_ENV} (.ci/run starts one)")
    import psycopg2

    try:
        admin = psycopg2.connect(url)
    except psycopg2.OperationalError as exc:
        missing(f"PostgreSQL at {PG_URL_ENV} is not reachable: {exc}".splitlines()[0])
    admin.autocommit = True
    name = f"dkbudget_test_{uuid.uuid4().hex[:12]}"
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def redis_server() -> str:
    """Return the path of redis-server, or skip/fail when it is not installed."""
    path = shutil.which("redis-server")
    if path is None:
        missing("no redis-server on PATH (Debian package redis-server; .ci/run installs it)")
    return path
