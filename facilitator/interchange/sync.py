"""A laptop and the organisation's server (#15): take a project offline, sync back.

Both are the merge of #14, in packages that never touch a disk: "Ta med
offline" imports the server's package of a project into the laptop's
database; "Synkronisera" merges the laptop's edits into the server, then the
server's (now with the laptop's) back into the laptop. Each direction is one
transaction, so a sync cut off anywhere (the network gone, the server
restarted, the program killed) leaves each side either before or after that
direction, never half; running it again finishes it, and importing what is
already there changes nothing, so nothing is doubled and nothing lost.
Conflicts go to each side's Konflikter, as with any import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import ImportResult, import_packages
from facilitator.services.core import Store
from facilitator.store.models import Project


@dataclass
class SyncResult:
    """What a sync did (or, dry, would do) on each side, per project."""

    project_ids: list[str] = field(default_factory=list)
    to_server: list[ImportResult] = field(default_factory=list)
    to_laptop: list[ImportResult] = field(default_factory=list)

    def counts(self, results: list[ImportResult]) -> tuple[int, int, int]:
        """(new, changed, in conflict) over ``results``."""
        return (sum(r.created for r in results), sum(r.updated for r in results),
                sum(r.conflicts for r in results))


def _package(store: Store, project_id: str) -> Any:
    # As if written to a file and read back: what travels is exactly what a file holds.
    return json.loads(json.dumps(export_package(store, project_id), ensure_ascii=False))


def take_offline(server: Store, laptop: Store, project_ids: list[str]) -> list[ImportResult]:
    """Copy projects from the server into the laptop's database (merged if there)."""
    return import_packages(laptop, [(_package(server, p), "server") for p in project_ids])


def shared_projects(laptop: Store, server: Store) -> list[str]:
    """The projects both databases hold: the ones taken offline (live or in the trash)."""
    with laptop.read() as s:
        here = set(s.scalars(select(Project.id)))
    with server.read() as s:
        there = set(s.scalars(select(Project.id)))
    return sorted(here & there)


def synchronise(laptop: Store, server: Store, project_ids: list[str] | None = None, *,
                dry_run: bool = False, laptop_name: str = "laptop") -> SyncResult:
    """The laptop's edits to the server, then the server's back: both end the same."""
    ids = shared_projects(laptop, server) if project_ids is None else list(project_ids)
    result = SyncResult(ids)
    if not ids:
        return result
    result.to_server = import_packages(
        server, [(_package(laptop, p), laptop_name) for p in ids], dry_run=dry_run)
    result.to_laptop = import_packages(
        laptop, [(_package(server, p), "server") for p in ids], dry_run=dry_run)
    return result
