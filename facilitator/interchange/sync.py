"""A laptop and the organisation's server (#15): take a project offline, sync back.

Both are the merge of #14, in packages that never touch a disk: "Ta med
offline" imports the server's package of a project into the laptop's
database; "Synkronisera" merges the laptop's edits into the server, then the
server's (now with the laptop's) back into the laptop. Each direction is one
transaction, so a sync cut off anywhere (the network gone, the server
restarted, the program killed) leaves each side either before or after that
direction, never half; running it again finishes it, and importing what is
already there changes nothing, so nothing is doubled and nothing lost.
A conflict is kept where it was found, as with any import, and the server's
conflicts with this laptop's edits are copied into the laptop's Konflikter in the
way back, once each: the facilitator who synced sees them.

The way back is read in the server's transaction, so a dry run (rolled back)
previews exactly what the real sync then does on both sides.
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.interchange.export import export_package, session_package
from facilitator.interchange.importer import ImportResult, import_packages
from facilitator.services.core import Store, WriteTx
from facilitator.store.models import MergeConflict, Project

# The merge_conflict columns a copy on the laptop carries over (the id too: a copy is
# made once, however often the laptop syncs).
CONFLICT_COLUMNS = ("id", "table_name", "row_id", "field", "kept_value", "kept_stamp",
                    "other_value", "other_stamp", "source", "created_at", "resolved_at",
                    "chosen")


@dataclass
class SyncResult:
    """What a sync did (or, dry, would do) on each side, per project."""

    project_ids: list[str] = field(default_factory=list)
    to_server: list[ImportResult] = field(default_factory=list)
    to_laptop: list[ImportResult] = field(default_factory=list)
    # The server's conflicts with this laptop's edits, now (dry: then) in the laptop's
    # Konflikter too.
    conflicts_copied: int = 0

    def counts(self, results: list[ImportResult]) -> tuple[int, int, int]:
        """(new, changed, in conflict) over ``results``."""
        return (sum(r.created for r in results), sum(r.updated for r in results),
                sum(r.conflicts for r in results))

    @property
    def conflicts_found(self) -> int:
        """Fields changed on both sides, found on either side."""
        return self.counts(self.to_server)[2] + self.counts(self.to_laptop)[2]

    @property
    def conflicts_here(self) -> int:
        """The conflicts this sync put in the laptop's Konflikter: found there, or copied
        from the server (found now, or by a sync cut off before its way back)."""
        return self.conflicts_copied + self.counts(self.to_laptop)[2]


@dataclass
class ServerHalf:
    """The first direction, done on the server: what it did, and what goes back."""

    results: list[ImportResult]
    back: list[Any]  # the server's packages with the laptop's edits merged
    conflicts: list[dict[str, Any]]  # the server's conflicts with this laptop's packages


def _travel(data: Any) -> Any:
    # As if written to a file and read back: what travels is exactly what a file holds.
    return json.loads(json.dumps(data, ensure_ascii=False))


def _package(store: Store, project_id: str) -> Any:
    return _travel(export_package(store, project_id))


def take_offline(server: Store, laptop: Store, project_ids: list[str]) -> list[ImportResult]:
    """Copy projects from the server into the laptop's database (merged if there)."""
    return import_offline(laptop, server_packages(server, project_ids))


def server_packages(server: Store, project_ids: list[str]) -> list[Any]:
    """Ta med offline's server half: the server's packages of the projects (only read;
    the window runs it on a worker thread)."""
    return [_package(server, p) for p in project_ids]


def import_offline(laptop: Store, packages: list[Any]) -> list[ImportResult]:
    """Ta med offline's laptop half: the server's packages into the laptop's database,
    all in one transaction (merged where they are already there)."""
    return import_packages(laptop, [(data, "server") for data in packages])


def laptop_label(laptop: Store) -> str:
    """How the server names this laptop's packages, and so finds the conflicts they
    caused: the computer's name, and the database's device id, so that two laptops
    with the same name never see each other's conflicts."""
    with laptop.engine.connect() as connection:
        device = laptop.stamper.device_id(connection)
    return f"{socket.gethostname() or 'laptop'} ({device[:8]})"


def shared_projects(laptop: Store, server: Store) -> list[str]:
    """The projects both databases hold: the ones taken offline (live or in the trash)."""
    with laptop.read() as s:
        here = set(s.scalars(select(Project.id)))
    with server.read() as s:
        there = set(s.scalars(select(Project.id)))
    return sorted(here & there)


def to_server(laptop: Store, server: Store, project_ids: list[str], *, dry_run: bool = False,
              laptop_name: str | None = None) -> ServerHalf:
    """The laptop's edits into the server, and what goes back. A dry run reads the way
    back in its transaction before rolling it back, so it sees the server as the real
    sync will leave it; a real one reads it once committed (people erased again there
    are gone from it)."""
    half = ServerHalf([], [], [])
    if not project_ids:
        return half
    name = laptop_name or laptop_label(laptop)

    def read_back(session: Session) -> None:
        half.back = [_travel(session_package(session, p)) for p in project_ids]
        # Found now or by a sync cut off before its way back: all go to the laptop.
        found = session.scalars(select(MergeConflict).where(
            MergeConflict.source == name[:500]))
        half.conflicts = [{c: getattr(row, c) for c in CONFLICT_COLUMNS} for row in found]

    settled = _settled(laptop, name)

    def on_server(tx: WriteTx) -> None:
        _settle(tx, settled)
        if dry_run:
            read_back(tx.session)

    half.results = import_packages(
        server, [(_package(laptop, p), name) for p in project_ids], dry_run=dry_run,
        then=on_server)
    if not dry_run:
        with server.read() as session:
            read_back(session)
    return half


Settled = dict[str, tuple[Any, str | None]]  # conflict id → (resolved at, choice)


def _settled(laptop: Store, name: str) -> Settled:
    """The conflicts of this laptop's packages the user has settled on the laptop."""
    with laptop.read() as session:
        rows = session.execute(select(
            MergeConflict.id, MergeConflict.resolved_at, MergeConflict.chosen).where(
            MergeConflict.source == name[:500], MergeConflict.resolved_at.is_not(None)))
        return {row.id: (row.resolved_at, row.chosen) for row in rows}


def _settle(tx: WriteTx, settled: Settled) -> None:
    """A conflict settled on one side is settled on the other too, unless already there
    (its value travels as an ordinary edit; only the list entry is closed here)."""
    if not settled:
        return
    open_here = tx.session.scalars(select(MergeConflict).where(
        MergeConflict.id.in_(settled), MergeConflict.resolved_at.is_(None)))
    for conflict in open_here:
        conflict.resolved_at, conflict.chosen = settled[conflict.id]
        tx.changed("conflict", conflict.id)


def to_laptop(laptop: Store, half: ServerHalf, *, dry_run: bool = False
              ) -> tuple[list[ImportResult], int]:
    """The server's packages (with the laptop's edits) into the laptop, and the server's
    conflicts with them into the laptop's Konflikter (each once); returns the results
    and how many conflicts were copied."""
    copied: list[str] = []
    if not half.back:
        return [], 0

    def copy_conflicts(tx: WriteTx) -> None:
        here = set(tx.session.scalars(select(MergeConflict.id)))
        for values in half.conflicts:
            if values["id"] not in here:
                tx.session.add(MergeConflict(**values))
                copied.append(values["id"])
        _settle(tx, {v["id"]: (v["resolved_at"], v["chosen"]) for v in half.conflicts
                     if v["id"] in here and v["resolved_at"] is not None})
        if copied:
            tx.changed("conflict", *copied)

    results = import_packages(laptop, [(data, "server") for data in half.back],
                              dry_run=dry_run, then=copy_conflicts)
    return results, len(copied)


def synchronise(laptop: Store, server: Store, project_ids: list[str] | None = None, *,
                dry_run: bool = False, laptop_name: str | None = None) -> SyncResult:
    """The laptop's edits to the server, then the server's back: both end the same."""
    ids = shared_projects(laptop, server) if project_ids is None else list(project_ids)
    result = SyncResult(ids)
    if not ids:
        return result
    half = to_server(laptop, server, ids, dry_run=dry_run, laptop_name=laptop_name)
    result.to_server = half.results
    result.to_laptop, result.conflicts_copied = to_laptop(laptop, half, dry_run=dry_run)
    return result
