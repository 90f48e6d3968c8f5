"""The command line refuses a damaged database: one clear line, exit 1, the file kept as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from facilitator.app import open_store
from facilitator.cli import run
from facilitator.services import projects
from facilitator.store import health
from facilitator.store.backup import backup_engine
from facilitator.store.migrate import open_database

PAGE = 4096


def _database_with_backup(path: Path) -> Path:
    store = open_store(path)
    try:
        projects.create_project(store, "Ängsö byalag")
        return backup_engine(store.engine, path, "start")
    finally:
        store.close()


def _overwrite_page(path: Path) -> None:
    with open(path, "r+b") as f:
        f.seek(2 * PAGE)
        f.write(b"\xa5" * PAGE)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: PAGE * 3 + 100])


def _stray_wal(path: Path) -> None:
    other = path.with_name("annan.sqlite3")
    engine = open_database(other)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE annat (x)")
        shutil.copyfile(health.wal_path(other), health.wal_path(path))
    finally:
        engine.dispose()
    other.unlink()


@pytest.mark.parametrize("damage", [_overwrite_page, _truncate, _stray_wal],
                         ids=["overwritten-page", "truncated", "stray-wal"])
def test_damaged_database_is_refused_and_kept(tmp_path: Path, capsys, damage) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "möten.sqlite3"
    backup = _database_with_backup(db)
    damage(db)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}

    assert run(["--db", str(db), "list"]) == 1

    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith(f"facilitator: Databasen {db} är skadad: ")
    assert "Filen har inte ändrats." in lines[0]
    assert str(backup) in lines[0] and "(0 workshoppar, 0 önskemål)" in lines[0]
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    assert after == before  # nothing moved, written or deleted


def test_refusal_without_a_backup_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "möten.sqlite3"
    open_store(db).close()
    _overwrite_page(db)
    assert run(["--db", str(db), "list"]) == 1
    _, err = capsys.readouterr()
    assert "Det finns ingen kontrollerad säkerhetskopia." in err


def test_locked_database_is_refused_with_a_clear_line(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    engine = open_database(db_path)
    try:
        assert run(["--db", str(db_path), "list"]) == 1
    finally:
        engine.dispose()
    _, err = capsys.readouterr()
    assert err.strip() == (f"facilitator: Databasen {db_path} används av ett annat program. "
                           "Stäng det och försök igen.")


def test_the_cli_leaves_a_clean_close_behind(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--db", str(db_path), "list"]) == 0
    assert not health.marker_path(db_path).exists()
    assert not health.wal_path(db_path).exists()
