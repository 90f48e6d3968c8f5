"""What is gone for good, and the clock: the parts of an import that concern history.

Tombstones (rows removed for good: emptied trash, GDPR erasure) travel in
packages; a row with one, or a new row belonging to one, is not created
again. A person erased elsewhere is let in and erased again with every trace,
as a restored backup's are. The database's clock moves past every stamp a
package brings, so an edit made afterwards wins over them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from facilitator.interchange.errors import PackageError
from facilitator.interchange.fields import REF_TARGETS
from facilitator.interchange.validation import PackageRow
from facilitator.messages import tr
from facilitator.services.core import Store
from facilitator.store import versions
from facilitator.store.clock import StampError
from facilitator.store.models import Person, Project, Tombstone, Workshop
from facilitator.store.vocabulary import TombstoneReason

# The table each reference (and each nesting parent) points to.
REF_TABLES = {**{name: str(model.__tablename__)
                 for name, model in REF_TARGETS.items()},
              "project_id": "project", "workshop_id": "workshop", "group_id": "work_group",
              "review_id": "review"}


def refers_to_gone(values: dict[str, Any], gone: set[tuple[str, str]]) -> bool:
    if not gone:
        return False
    return any((REF_TABLES[name], value) in gone
               for name, value in values.items() if value and name in REF_TABLES)


def observe_stamps(tx: Any, rows: list[PackageRow], tombstones: list[dict[str, Any]]) -> None:
    """Move this database's clock past every stamp in the package: an edit made after
    seeing these versions must win over them, whatever the wall clocks say."""
    newest = max((t["stamp"] for t in tombstones), default="")
    for row in rows:
        for stamps in versions.parse(row.values.get("versions")).values():
            newest = max(newest, *stamps)
    if newest and tx.stamper is not None:
        try:
            tx.stamper.observe(tx.session.connection(), newest)
        except StampError:
            raise PackageError(tr(
                "The package was written on a computer whose clock is more than a year "
                "ahead. Correct the date there, export again and import that file.")) from None


def tombstones(session: Any,
                incoming: list[dict[str, Any]]) -> tuple[set[tuple[str, str]], set[str]]:
    """This database's rows gone for good, the package's added (they travel on): the rows
    an import must not bring back, and the people erased (they are let in, then erased
    again with every trace, as a restored backup's are)."""
    gone = {(t.table_name, t.row_id): t for t in session.scalars(select(Tombstone))}
    learned = []
    for item in incoming:
        key = (item["table"], item["row_id"])
        if key not in gone:
            gone[key] = Tombstone(table_name=key[0], row_id=key[1], stamp=item["stamp"],
                                  reason=TombstoneReason(item["reason"]))
            session.add(gone[key])
            learned.append(gone[key])
        elif item["stamp"] < gone[key].stamp:  # removed on two laptops: the first removal
            gone[key].stamp = item["stamp"]
    _purge_learned(session, learned)
    erased = {key[1] for key, t in gone.items() if t.reason == TombstoneReason.ERASURE}
    return {key for key, t in gone.items() if t.reason != TombstoneReason.ERASURE}, erased


def _purge_learned(session: Any, learned: list[Tombstone]) -> None:
    """A project or workshop removed for good on another laptop goes here too, with
    everything in it (rows added here since get tombstones at the same stamp), as the
    emptied trash removed it there: else the laptops would never hold the same."""
    from facilitator.services import trash

    for kind, model in (("project", Project), ("workshop", Workshop)):
        for t in learned:
            if t.table_name == kind and session.get(model, t.row_id) is not None:
                trash.purge(session, kind, t.row_id, t.stamp)


def erase_tombstoned(store: Store, person_ids: set[str]) -> list[str]:
    """People erased on another laptop (their tombstone came with the package) who are in
    this database: erased here too, everywhere."""
    if not person_ids:
        return []
    from facilitator.services import gdpr

    with store.read() as session:
        present = list(session.scalars(select(Person.id).where(Person.id.in_(person_ids))))
    return [gdpr.erase_person(store, person_id, vacuum=False, mention_rows=None).name
            for person_id in sorted(present)]


