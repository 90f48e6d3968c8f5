"""Open a database: refuse newer schemas, back up, then migrate to head."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from facilitator.paths import backup_dir_for, migrations_path
from facilitator.store.backup import backup_file
from facilitator.store.db import DatabaseLockedError, make_engine


class NewerSchemaError(RuntimeError):
    """The database was written by a newer version of Facilitator."""


class DamagedDatabaseError(RuntimeError):
    """The file is not a readable SQLite database."""


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
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
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
        finally:
            conn.close()
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
    if current != head:
        try:
            with engine.begin() as connection:
                cfg = _alembic_config()
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
        except Exception:
            engine.dispose()
            raise
    return engine
