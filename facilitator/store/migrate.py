"""Open a database: refuse newer schemas, back up, then migrate to head."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from facilitator.paths import backup_dir_for, migrations_path
from facilitator.store.backup import backup_file, open_readonly
from facilitator.store.db import DatabaseLockedError, make_engine


class NewerSchemaError(RuntimeError):
    """The database was written by a newer version of Facilitator."""


class DamagedDatabaseError(RuntimeError):
    """The file is not a readable SQLite database."""


class MigrationError(RuntimeError):
    """A migration would have left the database inconsistent; it was rolled back."""


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def stored_revision(path: Path) -> str | None:
    """The schema revision in ``path`` without writing to it; None for an empty file."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with open_readonly(path, timeout=1) as conn:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if tables:
                    raise DamagedDatabaseError(
                        f"{path} är inte en Facilitator-databas (okända tabeller)."
                    )
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseLockedError(
                f"Databasen {path} används av ett annat program. Stäng det och försök igen."
            ) from exc
        raise DamagedDatabaseError(f"{path} kan inte läsas som en databas: {exc}.") from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"{path} är skadad eller inte en databas: {exc}.") from exc
    return row[0] if row else None


def open_database(path: Path) -> Engine:
    """Return an engine on ``path`` with the schema at head.

    A database stamped with a revision this version does not know is refused
    before anything is written to it. An existing database is backed up
    (and the copy verified) before any migration runs.
    """
    path = Path(path)
    current = stored_revision(path)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise NewerSchemaError(
            f"Databasen {path} är skapad av en nyare version av Facilitator "
            f"(schema {current}). Uppdatera programmet; filen har inte ändrats."
        )
    if current is not None and current != head:
        backup_file(path, backup_dir_for(path), reason=f"before-{head}")
    engine = make_engine(path)
    try:
        _take_lock(engine, path)
        if current != head:
            _upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    return engine


def _take_lock(engine: Engine, path: Path) -> None:
    """Read once now, so the exclusive lock is ours from the start.

    Without this the lock is only taken on the first query, and a second copy
    of the program could open the same file and fail later, mid-edit.
    """
    try:
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
    except OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseLockedError(
                f"Databasen {path} används av ett annat program. Stäng det och försök igen."
            ) from exc
        raise


def _upgrade(engine: Engine) -> None:
    """Run the migrations with foreign keys off, as Alembic's batch mode needs.

    Batch mode rebuilds a table by copying it and dropping the original; with
    foreign keys on, that DROP deletes every row first and so fires
    ON DELETE SET NULL in the tables that point at it. The pragma only takes
    effect outside a transaction, so it is set on the raw connection before
    the migration's transaction begins, and the keys are checked before commit.
    """
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                cfg = _alembic_config()
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(
                        f"Uppgraderingen av databasen lämnade {len(broken)} trasiga "
                        "hänvisningar och avbröts; filen har inte ändrats."
                    )
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
