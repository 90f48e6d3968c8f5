"""Open a database: refuse newer schemas, back up, then migrate to head.

Alembic is imported only when a migration actually runs. At an ordinary start
the database is already at head, and the revisions are read straight from the
migration scripts' ``revision``/``down_revision`` lines (a few kB of text)
instead of importing Alembic and executing every script: that was about a
third of the app's start-up. A history the plain reading can't follow
(branches, merges, computed ids) falls back to Alembic's own ScriptDirectory.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from facilitator.messages import TranslatedError, tr
from facilitator.paths import backup_dir_for, migrations_path
from facilitator.store.backup import backup_file, open_readonly
from facilitator.store.db import DatabaseLockedError, make_engine

if TYPE_CHECKING:
    from alembic.config import Config


def __getattr__(name: str) -> Any:
    """``migrate.command`` is Alembic's command module, imported on first use."""
    if name == "command":
        from alembic import command

        return command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class NewerSchemaError(TranslatedError, RuntimeError):
    """The database was written by a newer version of Facilitator."""


class DamagedDatabaseError(TranslatedError, RuntimeError):
    """The file is not a readable SQLite database."""


class MigrationError(TranslatedError, RuntimeError):
    """A migration would have left the database inconsistent; it was rolled back."""


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    return cfg


_ASSIGNMENT = re.compile(
    r"^(revision|down_revision|branch_labels|depends_on)\s*(?::[^=\n]+)?=\s*(.+?)\s*$", re.M
)


def _read_history(versions: Path) -> dict[str, str | None] | None:
    """revision → down_revision for every script in ``versions``, read as text.

    None when the history is not a plain chain this reading can vouch for: a
    value that is not a literal, a merge (a tuple of down revisions), a branch
    label or dependency, or anything but exactly one head.
    """
    history: dict[str, str | None] = {}
    for script in sorted(versions.glob("*.py")):
        if script.name.startswith("__"):
            continue
        values: dict[str, object] = {}
        for name, expression in _ASSIGNMENT.findall(script.read_text(encoding="utf-8")):
            try:
                values.setdefault(name, ast.literal_eval(expression))
            except (ValueError, SyntaxError):
                return None
        revision, down = values.get("revision"), values.get("down_revision")
        if (not isinstance(revision, str) or not (down is None or isinstance(down, str))
                or values.get("branch_labels") or values.get("depends_on")
                or revision in history):
            return None
        history[revision] = down
    heads = set(history) - set(history.values())
    if len(heads) != 1 or any(d is not None and d not in history for d in history.values()):
        return None
    return history


def _scripts() -> tuple[str, set[str]]:
    """(head revision, every known revision) of the migration scripts."""
    history = _read_history(migrations_path() / "versions")
    if history is not None:
        (head,) = set(history) - set(history.values())
        return head, set(history)
    return alembic_head_revision(), alembic_known_revisions()


def head_revision() -> str:
    return _scripts()[0]


def known_revisions() -> set[str]:
    return _scripts()[1]


def alembic_head_revision() -> str:
    """The head as Alembic computes it (imports Alembic and runs every script)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def alembic_known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

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
                        tr("{path} is not a Facilitator database (unknown tables)."), path=path)
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise DatabaseLockedError(
                tr("The database {path} is used by another program. Close it and try again."),
                path=path) from exc
        raise DamagedDatabaseError(tr("{path} cannot be read as a database: {reason}."),
                                   path=path, reason=exc) from exc
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(tr("{path} is damaged or not a database: {reason}."),
                                   path=path, reason=exc) from exc
    return row[0] if row else None


def open_database(path: Path) -> Engine:
    """Return an engine on ``path`` with the schema at head.

    A database stamped with a revision this version does not know is refused
    before anything is written to it. An existing database is backed up
    (and the copy verified) before any migration runs.
    """
    path = Path(path)
    current = stored_revision(path)
    head, known = _scripts()
    if current is not None and current not in known:
        raise NewerSchemaError(
            tr("The database {path} was made by a newer version of Facilitator (schema "
               "{schema}). Update the program; the file has not been changed."),
            path=path, schema=current)
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
                tr("The database {path} is used by another program. Close it and try again."),
                path=path) from exc
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
            from alembic import command

            with connection.begin():
                cfg = _alembic_config()
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(
                        tr("The upgrade of the database left {count} broken references and "
                           "was stopped; the file has not been changed."), count=len(broken))
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
