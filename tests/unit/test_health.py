"""The start-up check finds real damage in real files, and never mistakes a crash for it."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from facilitator.app import open_store
from facilitator.interchange.sample import load_sample
from facilitator.services import projects
from facilitator.store import health, wal
from facilitator.store.backup import backup_engine
from facilitator.store.db import DatabaseLockedError
from facilitator.store.health import DamageKind, DatabaseDamagedError, find_damage
from facilitator.store.migrate import DamagedDatabaseError, open_database

PAGE = 4096


def _sample_db(path: Path) -> Path:
    store = open_store(path)
    try:
        load_sample(store)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _sample_db(tmp_path_factory.mktemp("sample") / "exempel.sqlite3")


@pytest.fixture
def db(tmp_path: Path, sample_db: Path) -> Path:
    target = tmp_path / "möten.sqlite3"
    shutil.copyfile(sample_db, target)
    return target


def _crash_copy(source: Path, target: Path, edit: str) -> Path:
    """The files an unclean shutdown leaves: database, its -wal and the marker."""
    store = open_store(source)
    try:
        projects.create_project(store, edit)
        shutil.copyfile(source, target)
        shutil.copyfile(health.wal_path(source), health.wal_path(target))
        shutil.copyfile(health.marker_path(source), health.marker_path(target))
    finally:
        store.close()
    return target


def _used_pages(path: Path) -> list[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return sorted({r[0] for r in conn.execute("SELECT pageno FROM dbstat")})
    finally:
        conn.close()


def test_a_whole_database_passes_quick_check_after_a_clean_close(db: Path) -> None:
    damage, result = find_damage(db)
    assert damage is None
    assert result.clean_shutdown and not result.full_check and not result.new
    assert health.check_database(db) == result


def test_the_marker_asks_for_the_full_integrity_check(db: Path) -> None:
    wal.mark_open(db)
    damage, result = find_damage(db)
    assert damage is None and result.full_check and not result.clean_shutdown


def test_new_or_empty_file_needs_no_check(tmp_path: Path) -> None:
    assert find_damage(tmp_path / "ny.sqlite3") == (None, health.CheckResult(True, True, False))
    (tmp_path / "tom.sqlite3").touch()
    assert find_damage(tmp_path / "tom.sqlite3")[0] is None


def test_every_overwritten_page_is_detected(db: Path, tmp_path: Path) -> None:
    """Each in-use page in turn overwritten with random bytes: detected by quick_check."""
    rng = random.Random(20261122)
    pages = _used_pages(db)
    assert len(pages) > 40
    detected: dict[DamageKind, int] = {}
    missed = []
    for page in pages:
        copy = tmp_path / f"sida-{page}.sqlite3"
        shutil.copyfile(db, copy)
        with open(copy, "r+b") as f:
            f.seek((page - 1) * PAGE)
            f.write(rng.randbytes(PAGE))
        damage, _ = find_damage(copy)
        if damage is None:
            missed.append(page)
        else:
            detected[damage.kind] = detected.get(damage.kind, 0) + 1
        copy.unlink()
    print(f"overwritten pages detected: {sum(detected.values())}/{len(pages)} {detected}")
    assert missed == []
    assert detected[DamageKind.NOT_A_DATABASE] == 1  # page 1: the header is gone


@pytest.mark.parametrize("cut", [0.05, 0.25, 0.5, 0.75, 0.99, "page-1", "half-page"])
def test_a_truncated_file_is_detected(db: Path, cut: float | str) -> None:
    data = db.read_bytes()
    if cut == "page-1":
        keep = len(data) - PAGE
    elif cut == "half-page":
        keep = len(data) - PAGE // 2
    else:
        keep = int(len(data) * cut)
    db.write_bytes(data[:keep])
    damage, _ = find_damage(db)
    assert damage is not None
    assert damage.kind in (DamageKind.TRUNCATED, DamageKind.NOT_A_DATABASE)


def test_a_crash_leaves_a_wal_that_is_accepted_and_kept(db: Path, tmp_path: Path) -> None:
    crashed = _crash_copy(db, tmp_path / "krasch.sqlite3", "Efter kraschen")
    damage, result = find_damage(crashed)
    assert damage is None and result.full_check
    store = open_store(crashed)  # opening replays the log: the last edit is there
    try:
        names = [p.name for p in projects.list_projects(store)]
    finally:
        store.close()
    assert "Efter kraschen" in names
    assert not health.marker_path(crashed).exists()
    assert not health.wal_path(crashed).exists()


def test_a_wal_from_another_database_is_detected(db: Path, tmp_path: Path) -> None:
    """Stray after a clean close; swapped after a crash; garbage; wrong page size."""
    other = _sample_db(tmp_path / "annan.sqlite3")
    foreign = _crash_copy(other, tmp_path / "annan-krasch.sqlite3", "Annan förening")
    foreign_wal = health.wal_path(foreign).read_bytes()
    cases = {}

    stray = tmp_path / "stray.sqlite3"
    shutil.copyfile(db, stray)
    health.wal_path(stray).write_bytes(foreign_wal)
    cases["stray after clean close"] = stray

    swapped = _crash_copy(db, tmp_path / "swapped.sqlite3", "Vår egen ändring")
    health.wal_path(swapped).write_bytes(foreign_wal)
    cases["swapped after a crash"] = swapped

    garbage = _crash_copy(db, tmp_path / "garbage.sqlite3", "Ändring")
    health.wal_path(garbage).write_bytes(random.Random(1).randbytes(5000))
    cases["garbage log after a crash"] = garbage

    big_pages = tmp_path / "stor.sqlite3"
    conn = sqlite3.connect(big_pages)
    conn.execute("PRAGMA page_size=8192")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('Åsa')")
    conn.commit()
    other_size_wal = health.wal_path(big_pages).read_bytes()
    conn.close()
    page_size = _crash_copy(db, tmp_path / "pagesize.sqlite3", "Ändring")
    health.wal_path(page_size).write_bytes(other_size_wal)
    cases["page size of another database"] = page_size

    found = {name: find_damage(path)[0] for name, path in cases.items()}
    print(f"stray/swapped -wal detected: {sum(d is not None for d in found.values())}"
          f"/{len(found)}")
    kinds = {name: d and d.kind for name, d in found.items()}
    assert all(kind is DamageKind.STRAY_WAL for kind in kinds.values()), kinds


def test_damage_is_refused_with_the_newest_verified_backup(db: Path) -> None:
    store = open_store(db)
    try:
        older = backup_engine(store.engine, db, "start")
        newest = backup_engine(store.engine, db, "auto")
    finally:
        store.close()
    with open(newest, "r+b") as f:  # the newest copy is damaged too: skipped
        f.seek(3 * PAGE)
        f.write(b"\x00\xff" * (PAGE // 2))
    with open(db, "r+b") as f:
        f.seek(5 * PAGE)
        f.write(b"\xa5" * PAGE)
    before = db.read_bytes()
    with pytest.raises(DatabaseDamagedError) as caught:
        health.check_database(db)
    damage = caught.value.damage
    assert isinstance(caught.value, DamagedDatabaseError)  # the CLI's existing refusal
    assert damage.backup is not None and damage.backup.path == older
    assert damage.backup.workshops and damage.backup.wishes
    assert str(older) in damage.message() and "inte ändrats" in damage.message()
    assert db.read_bytes() == before  # the check writes nothing


def test_keep_damaged_aside_moves_everything_and_deletes_nothing(db: Path, tmp_path) -> None:
    crashed = _crash_copy(db, tmp_path / "krasch.sqlite3", "Ändring")
    files = {p.name: p.read_bytes() for p in tmp_path.iterdir()
             if p.name.startswith("krasch.sqlite3") and not p.name.endswith(".open")}
    aside = health.keep_damaged_aside(crashed)
    assert aside is not None and aside.name.startswith("krasch.sqlite3.damaged-")
    assert not crashed.exists() and not health.wal_path(crashed).exists()
    assert not health.marker_path(crashed).exists()
    assert aside.read_bytes() == files["krasch.sqlite3"]
    assert health.wal_path(aside).read_bytes() == files["krasch.sqlite3-wal"]


def test_a_database_held_by_another_connection_is_locked_not_damaged(db: Path) -> None:
    engine = open_database(db)
    try:
        with pytest.raises(DatabaseLockedError, match="annat program"):
            find_damage(db)
    finally:
        engine.dispose()


def test_the_marker_stays_while_a_wal_remains(db: Path) -> None:
    wal.mark_open(db)
    health.wal_path(db).write_bytes(b"")
    assert not wal.mark_closed(db)
    assert health.marker_path(db).exists()
    health.wal_path(db).unlink()
    assert wal.mark_closed(db) and not health.marker_path(db).exists()


def test_open_store_marks_the_session_and_gives_the_database_an_identity(db: Path) -> None:
    store = open_store(db)
    try:
        assert health.marker_path(db).exists()
        with store.engine.connect() as conn:
            identity = conn.exec_driver_sql("PRAGMA user_version").scalar()
    finally:
        store.close()
    assert identity and identity > 0
    assert not health.marker_path(db).exists()
    assert health.ensure_identity(open_database(db)) == identity  # kept, not renewed


def test_wal_checksum_matches_sqlite(db: Path, tmp_path: Path) -> None:
    crashed = _crash_copy(db, tmp_path / "krasch.sqlite3", "Ändring")
    assert health.wal_header_problem(health.wal_path(crashed), PAGE) is None
    data = bytearray(health.wal_path(crashed).read_bytes())
    data[12] ^= 0xFF  # checkpoint sequence changed: the header checksum no longer fits
    health.wal_path(crashed).write_bytes(bytes(data))
    assert health.wal_header_problem(health.wal_path(crashed), PAGE) == \
        "loggfilens huvud är skadat"


def test_in_use_tells_whether_a_running_app_holds_the_database(tmp_path):
    from facilitator.services import projects
    from facilitator.services.core import Store
    from facilitator.store.health import in_use
    from facilitator.store.migrate import open_database

    path = tmp_path / "möten #1.sqlite3"
    assert in_use(path) is False  # not there yet
    store = Store(open_database(path))
    projects.create_project(store, "Åby")
    assert in_use(path) is True
    store.close()
    assert in_use(path) is False
