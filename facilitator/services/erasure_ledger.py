"""The ledger of erased people, so a restored backup never brings one back.

An erasure (``gdpr.erase_person``) cannot reach the backups made before it:
they are point-in-time copies and age out with the rotation. Instead each
erasure is recorded here: the person's id and when, in ``erased-people.json``
in the database's backup folder (beside the copies it concerns, and kept when
the database file itself is replaced by a restore). Every time a database is
opened, anyone in the ledger found in it again is erased again before the
window or a command sees them. The ledger holds ids only, never a name.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Collection
from pathlib import Path

from facilitator.atomic import atomic_write_text
from facilitator.paths import backup_dir_for
from facilitator.services.core import Store
from facilitator.store.vocabulary import utcnow

LEDGER_NAME = "erased-people.json"
LEDGER_FORMAT = "facilitator-erasures"

log = logging.getLogger("facilitator")


def ledger_path(database: Path) -> Path:
    """Where the ledger of ``database`` is (nothing is created)."""
    return database.parent / f"{database.stem}-backups" / LEDGER_NAME


def erased_ids(database: Path) -> dict[str, str]:
    """Erased person id → when (ISO, UTC); empty when there is no readable ledger."""
    path = ledger_path(database)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != LEDGER_FORMAT or not isinstance(data.get("erased"), dict):
            raise ValueError("not an erasure ledger")
        return {str(k): str(v) for k, v in data["erased"].items()}
    except (OSError, ValueError, AttributeError) as exc:
        log.warning("The erasure ledger %s could not be read: %s", path, exc)
        return {}


def record_erasure(database: Path, person_id: str, when: dt.datetime | None = None) -> None:
    """Add ``person_id`` to the ledger (an earlier record of the same id is kept)."""
    erased = erased_ids(database)
    erased.setdefault(person_id, (when or utcnow()).isoformat(timespec="seconds"))
    backup_dir_for(database)  # creates the private folder when it is missing
    atomic_write_text(ledger_path(database), json.dumps(
        {"format": LEDGER_FORMAT, "erased": dict(sorted(erased.items()))}, indent=1))


def people_to_erase_again(store: Store, database: Path) -> list[str]:
    """Ids in the ledger that are in the database again (a Core query: no ORM needed)."""
    erased = erased_ids(database)
    if not erased:
        return []
    ids = sorted(erased)
    marks = ", ".join("?" * len(ids))
    with store.connect() as connection:
        rows = connection.exec_driver_sql(
            f"SELECT id FROM person WHERE id IN ({marks})", tuple(ids)).all()
    return sorted(row[0] for row in rows)


def erase_again(store: Store, database: Path,
                mention_rows: Collection[str] | None = None) -> list[str]:
    """Erase everyone the ledger names who is back (a restored backup); their names.

    ``mention_rows`` limits the search of free text to those rows (see
    ``gdpr.erase_person``): an import passes the rows it wrote.
    """
    again = people_to_erase_again(store, database)
    if not again:
        return []
    from sqlalchemy.exc import OperationalError

    from facilitator.services import gdpr  # the ORM, only when someone must go again

    names = [gdpr.erase_person(store, person_id, vacuum=False, mention_rows=mention_rows).name
             for person_id in again]
    log.warning("Erased again %d person(s) recorded as erased: %s", len(again),
                ", ".join(again))
    try:
        gdpr.compact(store)
    except (OperationalError, OSError) as exc:  # the erasure stands; the file is rewritten later
        log.warning("Could not compact the database after erasing again: %s", exc)
    return names
