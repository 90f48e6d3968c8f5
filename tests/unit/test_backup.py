"""Automatic backups: through the app's own connection, verified, pruned, listed, restored."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from collections import namedtuple
from pathlib import Path

import pytest

from facilitator.services import groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store import backup
from facilitator.store.backup import (
    BackupError,
    LowDiskSpaceError,
    backup_engine,
    list_backups,
    newest_verified_backup,
    prune_backups,
    quick_check,
    restore_backup,
    to_keep,
)
from facilitator.store.migrate import open_database


def _fill(store: Store, wish_texts: list[str]) -> str:
    project = projects.create_project(store, "Ängsö byalag")
    workshop = workshops.create_workshop(store, project, "Vårmöte på Åkersberg")
    group = groups.create_group(store, workshop, name="Grupp 1")
    for text in wish_texts:
        wishes.add_wish(store, group, text)
    return workshop


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def test_backup_through_the_locked_connection_is_verified_and_private(store, db_path) -> None:
    _fill(store, ["Fler möten i bygdegården", "Öppet hus för föreningar"])
    # A second connection cannot even read the file while the app holds it.
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        sqlite3.connect(db_path, timeout=0.1).execute("SELECT count(*) FROM wish").fetchone()
    copy = backup_engine(store.engine, db_path, "start")
    assert copy.parent == db_path.parent / "facilitator-backups"
    assert quick_check(copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert _count(copy, "wish") == 2
    assert not list(copy.parent.glob("*.partial"))
    # The app's connection is still usable afterwards (returned to the pool).
    _fill(store, ["Tredje önskemålet"])


def test_list_backups_reads_date_and_contents_from_each_file(store, db_path) -> None:
    _fill(store, ["Ett"])
    first = backup_engine(store.engine, db_path, "start")
    _fill(store, ["Två", "Tre"])
    second = backup_engine(store.engine, db_path, "auto")
    infos = list_backups(db_path)
    assert [i.path for i in infos] == [second, first]  # newest first
    assert [(i.workshops, i.wishes) for i in infos] == [(2, 3), (1, 1)]
    assert infos[0].time >= infos[1].time
    assert infos[0].reason == "auto" and infos[0].size == second.stat().st_size


def test_low_disk_space_skips_the_backup_and_keeps_the_old_ones(
    store, db_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = backup_engine(store.engine, db_path, "start")
    size = backup.database_size(db_path)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(10**9, 0, 2 * size - 1))
    with pytest.raises(LowDiskSpaceError, match="ledigt"):
        backup_engine(store.engine, db_path, "auto")
    assert [p.name for p in backup.backup_files(db_path)] == [old.name]
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda _p: usage(10**9, 0, 2 * size))
    assert backup_engine(store.engine, db_path, "auto").exists()


def test_a_copy_that_does_not_verify_is_not_kept(store, db_path, monkeypatch) -> None:
    monkeypatch.setattr(backup, "quick_check", lambda _p: False)
    with pytest.raises(BackupError, match="verifieras"):
        backup_engine(store.engine, db_path, "auto")
    assert backup.backup_files(db_path) == []
    assert not list((db_path.parent / "facilitator-backups").iterdir())


def _times(days_and_hours: list[tuple[int, int]]) -> dict[Path, dt.datetime]:
    start = dt.datetime(2026, 3, 2, 0, 0)  # a Monday
    return {Path(f"b{d:03d}-{h:02d}"): start + dt.timedelta(days=d, hours=h)
            for d, h in days_and_hours}


def test_retention_keeps_ten_recent_seven_daily_four_weekly() -> None:
    # Four backups a day for 40 days.
    times = _times([(d, h) for d in range(40) for h in (8, 11, 14, 17)])
    keep = to_keep(times)
    newest = sorted(times, key=times.get, reverse=True)
    assert set(newest[:10]) <= keep
    kept_days = {times[p].date() for p in keep}
    last_days = sorted({t.date() for t in times.values()}, reverse=True)[:7]
    assert set(last_days) <= kept_days
    for day in last_days:  # the newest of each day is the one kept
        newest_of_day = max((p for p in times if times[p].date() == day), key=times.get)
        assert newest_of_day in keep
    weeks = sorted({times[p].isocalendar()[:2] for p in times}, reverse=True)[:4]
    assert {times[p].isocalendar()[:2] for p in keep} == set(weeks)
    # 10 recent (days 37-39) + days 33-36 + the older weeks' newest: 10 + 4 + 2 = 16.
    assert len(keep) == 16


def test_retention_of_a_laptop_used_once_a_month_keeps_earlier_workshops() -> None:
    times = _times([(30 * month, h) for month in range(12) for h in (18, 21)])
    keep = to_keep(times)
    assert len(keep) == 12  # 10 recent, plus the newest of two further months
    assert min(times[p] for p in keep).month <= 7


def test_prune_removes_only_automatic_backups_beyond_retention(db_path: Path) -> None:
    folder = db_path.parent / "facilitator-backups"
    folder.mkdir()
    day = dt.datetime(2026, 5, 4, 9, 0)
    made = []
    for n in range(15):  # 15 on the same day: 10 recent survive
        stamp = (day + dt.timedelta(minutes=n)).strftime("%Y%m%d-%H%M%S-%f")
        made.append(folder / f"facilitator-{stamp}-auto.sqlite3")
        made[-1].write_bytes(b"")
    migration = folder / "facilitator-20200101-000000-000000-before-0003abc.sqlite3"
    migration.write_bytes(b"")
    removed = prune_backups(db_path)
    assert sorted(removed) == sorted(made[:5])
    assert migration.exists() and all(p.exists() for p in made[5:])


def test_restore_keeps_the_current_file_aside_and_brings_the_backup_back(db_path) -> None:
    store = Store(open_database(db_path))
    try:
        _fill(store, ["Gammalt önskemål"])
        copy = backup_engine(store.engine, db_path, "auto")
        _fill(store, ["Nytt efter kopian", "Och ett till"])
    finally:
        store.close()
    before = db_path.read_bytes()
    aside = restore_backup(db_path, copy)
    assert aside is not None and aside.name.startswith("facilitator.sqlite3.replaced-")
    assert aside.read_bytes() == before
    assert _count(db_path, "wish") == 1 and _count(aside, "wish") == 3
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert not db_path.with_name(db_path.name + ".restoring").exists()


def test_a_damaged_backup_is_not_restored_and_nothing_moves(db_path, tmp_path) -> None:
    bad = tmp_path / "trasig.sqlite3"
    bad.write_bytes(b"inte en databas" * 500)
    before = db_path.read_bytes()
    with pytest.raises(BackupError, match="skadad"):
        restore_backup(db_path, bad)
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(
        [db_path.name, bad.name])


def test_newest_verified_backup_skips_a_damaged_copy(store, db_path) -> None:
    _fill(store, ["Ett"])
    good = backup_engine(store.engine, db_path, "auto")
    newer = backup_engine(store.engine, db_path, "auto")
    with open(newer, "r+b") as f:  # overwrite page 2 of the newer copy
        f.seek(4096)
        f.write(b"\xa5" * 4096)
    found = newest_verified_backup(db_path)
    assert found is not None and found.path == good
    assert (found.workshops, found.wishes) == (1, 1)
