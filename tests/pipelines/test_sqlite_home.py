"""`dkbudget run` commits to the embedded sqlite instance without a flush per commit
(pipelines/lib/instance/sqlite_home.py): WAL mode from a database's first connection, `synchronous=NORMAL`, one idle
connection kept per file; only the files under $DAGSTER_HOME are touched, and what is stored is what Dagster stores."""
import sqlite3

import pytest
import sqlalchemy as sa

from pipelines.lib.instance import sqlite_home

NORMAL, FULL = 1, 2  # PRAGMA synchronous values


@pytest.fixture
def relaxed(tmp_path, monkeypatch):
    """A Dagster home in a temporary folder with the relaxed commits enabled (kept connections closed after)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    sqlite_home.close_kept()
    sqlite_home.relax_instance_sync()
    yield home
    sqlite_home.close_kept()


def _pragmas(engine: sa.Engine) -> tuple[str, int]:
    """Given an engine, return (journal_mode, synchronous) of a new connection."""
    with engine.connect() as conn:
        return (conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
                conn.exec_driver_sql("PRAGMA synchronous").scalar())


def test_only_the_homes_files_are_relaxed(relaxed, tmp_path):
    inside = sa.create_engine(f"sqlite:///{relaxed / 'runs.db'}", poolclass=sa.pool.NullPool)
    outside = sa.create_engine(f"sqlite:///{tmp_path / 'other.db'}", poolclass=sa.pool.NullPool)
    assert _pragmas(inside) == ("wal", NORMAL)
    assert _pragmas(outside) == ("delete", FULL)
    assert str((relaxed / "runs.db").resolve()) in sqlite_home._KEPT  # noqa: SLF001


def test_a_kept_connection_keeps_the_log_between_connections(relaxed):
    path = relaxed / "index.db"
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    assert (relaxed / "index.db-wal").exists()  # not checkpointed and deleted by the last close
    sqlite_home.close_kept()
    assert not (relaxed / "index.db-wal").exists()  # the kept connection's close checkpoints it
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_instance_reads_back_what_a_run_stored(relaxed):
    import dagster as dg

    @dg.asset
    def one() -> int:
        return 1

    with dg.DagsterInstance.get() as instance:
        result = dg.materialize([one], instance=instance)
        assert result.success
        assert instance.get_latest_materialization_event(dg.AssetKey("one")) is not None
    sqlite_home.close_kept()
    for db in (relaxed / "history").rglob("*.db"):
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    with dg.DagsterInstance.get() as instance:
        assert instance.get_latest_materialization_event(dg.AssetKey("one")) is not None


def test_a_run_leaves_no_database_open(relaxed, tmp_path):
    from pipelines.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "not-a-pdf.pdf").write_bytes(b"hello")
    assert main(["run", "--raw-dir", str(raw), "--clean-dir", str(tmp_path / "clean")]) == 0
    assert sqlite_home._KEPT == {}  # noqa: SLF001 - closed when the command ended
    assert not list((relaxed / "history").rglob("*.db-wal"))  # each log checkpointed into its database
