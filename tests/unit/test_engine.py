"""The SQLite settings are really in force on the app's connections."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from facilitator.services import projects
from facilitator.store.db import DatabaseLockedError, make_engine, read_pragmas
from facilitator.store.migrate import open_database


def test_pragmas_read_back_on_a_fresh_connection(tmp_path: Path) -> None:
    engine = open_database(tmp_path / "Översikt.sqlite3")
    try:
        engine.dispose()  # the next connection is a brand new one
        with engine.connect() as conn:
            values = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout",
                             "secure_delete", "locking_mode")
            }
    finally:
        engine.dispose()
    assert values == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "secure_delete": 1,
        "locking_mode": "exclusive",
    }


@pytest.mark.sqlite_only  # SQLite pragmas
def test_read_pragmas_reports_the_same(store) -> None:
    assert read_pragmas(store.engine) == {
        "locking_mode": "exclusive", "journal_mode": "wal", "synchronous": "2",
        "foreign_keys": "1", "busy_timeout": "5000", "secure_delete": "1",
    }


def test_dangling_foreign_key_is_refused(store) -> None:
    project_id = projects.create_project(store, "Ängsö byalag")
    with store.engine.connect() as conn, conn.begin():
        conn.execute(text(
            "INSERT INTO workshop (id, project_id, title, kind, venue, case_reference, "
            "issuing_unit, document_type, lead, language, status, created_at, updated_at) "
            "VALUES (:id, :p, 'Möte', 'workshop', '', '', '', '', '', 'sv', 'draft', "
            "'2026-01-01', '2026-01-01')"
        ), {"id": "giltig", "p": project_id})
    with pytest.raises(IntegrityError), store.engine.connect() as conn, conn.begin():
        conn.execute(text(
            "INSERT INTO section (id, workshop_id, position, heading, body, number, kind, "
            "created_at, updated_at) VALUES ('s1', 'finns-inte', 0, 'Välkommen', '', '', "
            "'text', '2026-01-01', '2026-01-01')"
        ))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM section").scalar() == 0


def test_database_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "ny mapp" / "Åtgärder.sqlite3"
    open_database(path).dispose()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_engine_on_a_folder_with_hash_and_question_mark(tmp_path: Path) -> None:
    folder = tmp_path / "Möten #1? 100%"
    engine = open_database(folder / "möten.sqlite3")
    engine.dispose()
    assert sorted(p.name for p in folder.iterdir()) == ["möten.sqlite3"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Möten #1? 100%"]


def _read_from_another_process(path: Path) -> subprocess.CompletedProcess[str]:
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], timeout=0.2)\n"
        "print(c.execute('SELECT count(*) FROM project').fetchone()[0])\n"
    )
    return subprocess.run([sys.executable, "-c", code, str(path)],
                          capture_output=True, text=True, timeout=30)


def test_another_process_cannot_read_while_open(db_path: Path) -> None:
    engine = open_database(db_path)  # no query of our own yet: open alone must lock
    try:
        result = _read_from_another_process(db_path)
    finally:
        engine.dispose()
    assert result.returncode != 0
    assert "database is locked" in result.stderr
    # Once the app has let go, the file is readable again.
    after = _read_from_another_process(db_path)
    assert after.returncode == 0, after.stderr
    assert after.stdout.strip() == "0"


def test_second_open_in_the_same_process_is_refused(db_path: Path) -> None:
    first = open_database(db_path)
    try:
        with pytest.raises(DatabaseLockedError, match="annat program"):
            open_database(db_path)
    finally:
        first.dispose()


def test_make_engine_keeps_an_existing_file(db_path: Path) -> None:
    before = db_path.read_bytes()
    make_engine(db_path).dispose()
    assert db_path.read_bytes() == before
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
