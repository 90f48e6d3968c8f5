"""Opening a database: empty → head, newer refused untouched, backup before migrating."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from facilitator.services import focus_areas, people, projects, responsibles, workshops
from facilitator.services.core import Store
from facilitator.services.responsibles import Who
from facilitator.store import migrate
from facilitator.store.backup import quick_check
from facilitator.store.migrate import (
    DamagedDatabaseError,
    NewerSchemaError,
    head_revision,
    open_database,
)
from facilitator.store.models import Base

SECOND_MIGRATION = '''"""add a nickname to people (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "9002test"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("smeknamn", sa.String(100), nullable=False,
                                      server_default=""))
'''


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    Path(f"{path}-wal").unlink(missing_ok=True)


def _query(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    return {r[0] for r in _query(path, "SELECT name FROM sqlite_master WHERE type='table'")}


def _version(path: Path) -> str:
    return _query(path, "SELECT version_num FROM alembic_version")[0][0]


@pytest.mark.parametrize("empty_file", [False, True])
def test_new_or_empty_file_is_migrated_to_head(tmp_path: Path, empty_file: bool) -> None:
    path = tmp_path / "Höstens möten.sqlite3"
    if empty_file:
        path.touch()
    open_database(path).dispose()
    assert set(Base.metadata.tables) | {"alembic_version"} <= _tables(path)
    assert _version(path) == head_revision()
    assert not (tmp_path / "Höstens möten-backups").exists()  # nothing to back up


def test_database_at_head_is_opened_without_a_backup(db_path: Path) -> None:
    engine = open_database(db_path)
    engine.dispose()
    assert _listing(db_path.parent) == [db_path.name]


@pytest.mark.parametrize("folder", ["vanlig", "Möten #1? 100%"])
def test_newer_schema_is_refused_and_file_untouched(
    tmp_path: Path, db_path: Path, folder: str
) -> None:
    path = tmp_path / folder / "framtid.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(db_path, path)
    _stamp(path, "ffff9999")
    before_hash, before_files = _sha(path), _listing(tmp_path)
    before_inner = _listing(path.parent)

    with pytest.raises(NewerSchemaError, match="nyare version"):
        open_database(path)

    assert _sha(path) == before_hash
    assert _listing(tmp_path) == before_files
    assert _listing(path.parent) == before_inner  # no -wal, -shm or backup folder


@pytest.mark.parametrize(
    "content",
    [b"Det h\xc3\xa4r \xc3\xa4r inga anteckningar, bara text. " * 300, "truncated"],
    ids=["text-file", "truncated-database"],
)
def test_damaged_file_is_refused_untouched(
    tmp_path: Path, db_path: Path, content: bytes | str
) -> None:
    data = db_path.read_bytes()[:5000] if content == "truncated" else content
    assert isinstance(data, bytes)
    path = tmp_path / "trasig.sqlite3"
    path.write_bytes(data)
    with pytest.raises(DamagedDatabaseError, match=r"trasig\.sqlite3"):
        open_database(path)
    assert path.read_bytes() == data
    assert _listing(tmp_path) == sorted([db_path.name, "trasig.sqlite3"])


def test_unknown_tables_are_not_taken_for_a_facilitator_database(tmp_path: Path) -> None:
    path = tmp_path / "kalkyl.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE budget (rad TEXT)")
    conn.execute("INSERT INTO budget VALUES ('Fika för åtta')")
    conn.commit()
    conn.close()
    before = _sha(path)
    with pytest.raises(DamagedDatabaseError, match="inte en Facilitator-databas"):
        open_database(path)
    assert _sha(path) == before


def _add_second_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the real migrations plus a batch migration that rebuilds ``person``."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.migrations_path(), scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    down = head_revision()
    (scripts / "versions" / "9002test_smeknamn.py").write_text(
        SECOND_MIGRATION.format(down=down), encoding="utf-8"
    )
    monkeypatch.setattr(migrate, "migrations_path", lambda: scripts)
    assert head_revision() == "9002test"
    return down


def _fill(path: Path) -> dict[str, str]:
    store = Store(open_database(path))
    try:
        project = projects.create_project(store, "Ängsö byalag")
        person = people.create_person(store, "Åsa Öberg", organisation="Ängsö kommun")
        area = focus_areas.add_focus_area(store, project, "Kultursamverkan")
        responsibles.set_responsibles(store, "focus_area", area, [Who(person_id=person)])
        workshop = workshops.create_workshop(store, project, "Vårmöte på Ängsö")
        people.set_attendance(store, workshop, person)
    finally:
        store.close()
    return {"project": project, "person": person, "area": area, "workshop": workshop}


def test_older_database_is_backed_up_before_migrating_and_keeps_its_data(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _fill(db_path)  # written by "this" version, at its head
    old_head = _add_second_migration(tmp_path, monkeypatch)  # now the program is newer
    backups = db_path.parent / f"{db_path.stem}-backups"

    seen_at_upgrade: list[list[Path]] = []
    real_upgrade = migrate.command.upgrade

    def spy(cfg, revision):  # type: ignore[no-untyped-def]
        seen_at_upgrade.append(sorted(backups.glob("*.sqlite3")))
        return real_upgrade(cfg, revision)

    monkeypatch.setattr(migrate.command, "upgrade", spy)
    store = Store(open_database(db_path))
    try:
        person = people.get_person(store, ids["person"])
        area = focus_areas.get_focus_area(store, ids["area"])
        attendance = people.list_attendance(store, ids["workshop"])
    finally:
        store.close()

    assert len(seen_at_upgrade) == 1
    [copy] = seen_at_upgrade[0]  # the backup existed before the upgrade ran
    assert quick_check(copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert _version(copy) == old_head
    assert _query(copy, "SELECT name FROM person") == [("Åsa Öberg",)]
    assert _version(db_path) == "9002test"
    # Rebuilding the person table must not cut the links that point at it.
    assert person.name == "Åsa Öberg" and person.organisation == "Ängsö kommun"
    assert area.responsibles[0].who.person_id == ids["person"]
    assert area.responsible_label == "Åsa Öberg (Ängsö kommun)"
    assert [a.name for a in attendance] == ["Åsa Öberg"]
