"""What collecting the note-takers' packages would change, per group and kind of row.

The packages are merged in a dry run (``import_packages(..., dry_run=True)``:
all of it in one transaction that is rolled back), and each changed row is
counted under its breakout group (a wish, a member, a focus area of a group)
or under the whole workshop (check-ins, agenda, focus areas, the rest), by
kind and by outcome: new, changed, deleted (put in the trash) or in conflict
(changed on two laptops; both values are kept, see Konflikter). A row changed
by several packages counts once, by its weightiest outcome.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from facilitator.interchange.importer import ImportResult, RowChange, import_packages
from facilitator.services.core import Store
from facilitator.store.models import Group

KINDS = ("wish", "attendance", "group", "focus_area", "other")
OUTCOMES = ("new", "changed", "deleted", "conflict")
# A row changed by several packages is counted once: new before deleted before conflict.
_WEIGHT = {"new": 0, "deleted": 1, "conflict": 2, "changed": 3}
_KIND_OF_ROW = {
    "wish": "wish", "attendance": "attendance",
    "group": "group", "group_member": "group", "group_focus_area": "group",
    "focus_area": "focus_area", "focus_area_responsible": "focus_area",
}


@dataclass
class PreviewLine:
    """The counts of one kind of row in one group (``group_id`` None: the whole workshop)."""

    group_id: str | None
    group_name: str
    kind: str
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))

    @property
    def new(self) -> int:
        return self.counts["new"]

    @property
    def changed(self) -> int:
        return self.counts["changed"]

    @property
    def deleted(self) -> int:
        return self.counts["deleted"]

    @property
    def conflict(self) -> int:
        return self.counts["conflict"]


@dataclass
class CollectPreview:
    lines: list[PreviewLine]
    results: list[ImportResult]  # one per package, as the dry run reported it

    def line(self, group_name: str | None, kind: str) -> PreviewLine | None:
        """The line of ``kind`` in the group named ``group_name`` (None: whole workshop)."""
        return next((x for x in self.lines if x.kind == kind and (
            x.group_name == group_name if group_name is not None else x.group_id is None)),
            None)

    def total(self, outcome: str) -> int:
        return sum(x.counts[outcome] for x in self.lines)

    @property
    def conflicting_fields(self) -> int:
        return sum(r.conflicts for r in self.results)


def preview_collect(store: Store, packages: list[tuple[Any, str]]) -> CollectPreview:
    """Dry-run the packages (copies: the import may rewrite what it is given) together."""
    results = import_packages(store, copy.deepcopy(packages), dry_run=True)
    return CollectPreview(preview_lines(store, [d for d, _ in packages], results), results)


def kind_of(row_kind: str) -> str:
    return _KIND_OF_ROW.get(row_kind, "other")


def preview_lines(store: Store, packages: Iterable[Any],
                  results: list[ImportResult]) -> list[PreviewLine]:
    """Count the dry run's row changes per group (in the packages' group order, the whole
    workshop last) and kind."""
    outcome: dict[str, RowChange] = {}
    for result in results:
        for change in result.changes:
            known = outcome.get(change.row_id)
            if known is None or _WEIGHT[change.outcome] < _WEIGHT[known.outcome]:
                outcome[change.row_id] = change
    names = _group_names(packages)
    missing = {c.group_id for c in outcome.values() if c.group_id and c.group_id not in names}
    if missing:
        with store.read() as session:
            for missing_id in sorted(missing):
                group = session.get(Group, missing_id)
                names[missing_id] = group.name if group is not None else ""
    order = {name_id: n for n, name_id in enumerate(names)}
    lines: dict[tuple[str | None, str], PreviewLine] = {}
    for change in outcome.values():
        kind = kind_of(change.kind)
        group_id = change.group_id if kind in ("wish", "group") else None
        key = (group_id, kind)
        if key not in lines:
            lines[key] = PreviewLine(group_id, names.get(group_id or "", ""), kind)
        lines[key].counts[change.outcome] += 1
    return sorted(lines.values(), key=lambda x: (
        x.group_id is None, order.get(x.group_id or "", len(order)), x.group_name,
        KINDS.index(x.kind)))


def _group_names(packages: Iterable[Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for data in packages:
        project = data.get("project") if isinstance(data, dict) else None
        for workshop in (project or {}).get("workshops") or ():
            for group in workshop.get("groups") or ():
                names.setdefault(group["id"], group.get("name") or "")
    return names
