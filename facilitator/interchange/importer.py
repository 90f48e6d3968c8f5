"""Package → store, all or nothing.

Everything is checked before anything is written: the file, header and JSON
Schema (:mod:`facilitator.interchange.package_file`), the values, the
package's own consistency (unique ids, wish trees) and every reference (to a
row in the package or already in the store; :mod:`~.validation`). Then all
rows are written in ONE ``store.write()`` transaction; any error rolls it back.

Rows are identified by their UUID (check-ins and the like also by what they
join). A row already in the store is merged field by field by the versions
(:mod:`~.merge`): what the other side had seen gives way, and a field changed
on both sides keeps the newer value, the other going to Konflikter. What is
gone for good stays gone (:mod:`~.gone`). Importing twice changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from facilitator.interchange.errors import PackageError
from facilitator.interchange.fields import (
    ACTION_RESPONSIBLE,
    ATTENDANCE,
    FOCUS_AREA,
    FOCUS_AREA_ACTION,
    FOCUS_AREA_RESPONSIBLE,
    FOCUS_CHOICE,
    GROUP,
    GROUP_FOCUS_AREA,
    GROUP_MEMBER,
    KEY_FIGURE,
    ORGANISATION,
    PERSON,
    PROJECT,
    REVIEW,
    REVIEW_RESPONSIBLE,
    SECTION,
    WISH,
    WORKSHOP,
    WORKSHOP_ACTION,
    WORKSHOP_ROLE,
    RowSpec,
)
from facilitator.interchange.gone import (
    erase_tombstoned,
    observe_stamps,
    refers_to_gone,
    tombstones,
)
from facilitator.interchange.merge import merge_row
from facilitator.interchange.package_file import read_package_file, validate
from facilitator.interchange.row_rules import check_row_rules
from facilitator.interchange.validation import (
    NATURAL_KEYS,
    PackageRow,
    check_package,
    check_references,
    check_wish_trees,
    chunked,
    collect_rows,
    lineage_depths,
    load_by_ids,
)
from facilitator.interchange.wish_repair import repair_wish_trees
from facilitator.messages import tr
from facilitator.services.core import Store, WriteTx
from facilitator.services.erasure_ledger import erase_again
from facilitator.services.person_join import redirect_targets
from facilitator.store.vocabulary import utcnow

# Write order: every row's references are written before it.
STAGES: tuple[RowSpec, ...] = (
    ORGANISATION, PERSON, PROJECT, FOCUS_AREA, FOCUS_AREA_RESPONSIBLE, WORKSHOP, WORKSHOP_ROLE,
    KEY_FIGURE, SECTION, ATTENDANCE, FOCUS_CHOICE, GROUP, GROUP_FOCUS_AREA, GROUP_MEMBER, WISH,
    FOCUS_AREA_ACTION, WORKSHOP_ACTION, ACTION_RESPONSIBLE, REVIEW, REVIEW_RESPONSIBLE,
)
# The change kinds the services announce, per row kind.
CHANGE_KIND = {
    "group_focus_area": "group", "group_member": "group",
    "workshop_action": "action", "focus_area_action": "action", "focus_choice": "choice",
    "focus_area_responsible": "focus_area", "action_responsible": "action",
    "workshop_role": "workshop", "key_figure": "workshop", "review_responsible": "review",
}


@dataclass(frozen=True)
class RowChange:
    """One row an import changes: ``outcome`` is new, changed, deleted (put in the trash)
    or conflict; ``group_id`` the breakout group it belongs to, if any."""

    kind: str  # the row kind (RowSpec.key)
    row_id: str
    outcome: str
    group_id: str | None


@dataclass
class ImportResult:
    """What an import did, in rows: new, replaced by a newer version, left as they were."""

    project_id: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # identical, or the store's own version is newer (see ``kept``)
    kept: int = 0  # rows where the store's newer version was kept
    by_kind: Counter[str] = field(default_factory=Counter)
    # People in the package who had been erased here (GDPR): removed again at once.
    erased_again: list[str] = field(default_factory=list)
    written_ids: set[str] = field(default_factory=set)  # rows created or updated
    # Groups where a wish was placed under another: only there can two laptops' nestings
    # make a circle or go too deep (interchange/wish_repair.py).
    nested_groups: set[str] = field(default_factory=set)
    conflicts: int = 0  # fields changed on both sides: the other value kept in Konflikter
    gone: int = 0  # rows removed for good here (or erased), not brought back
    changes: list[RowChange] = field(default_factory=list)  # row by row, for a preview


# --- reading the file ---------------------------------------------------------------

def import_package_file(store: Store, path: Path) -> ImportResult:
    """Import a package file; the size is checked before a byte is read."""
    return import_package(store, read_package_file(path), source=Path(path).name)


# --- writing --------------------------------------------------------------------------

def _same(existing: Any, values: dict[str, Any]) -> bool:
    return all(getattr(existing, k) == v for k, v in values.items())


class _DryRunError(Exception):
    """Raised inside the transaction of a dry run, so nothing of it is kept."""


def import_package(store: Store, data: Any, source: str = "", *,
                   dry_run: bool = False) -> ImportResult:
    """Check a parsed package completely, then merge it in one transaction.

    ``source`` names the package in the conflicts it leaves (its file name).
    """
    return import_packages(store, [(data, source)], dry_run=dry_run)[0]


def import_packages(store: Store, packages: list[tuple[Any, str]], *, dry_run: bool = False,
                    then: Callable[[WriteTx], None] | None = None) -> list[ImportResult]:
    """Merge several packages (parsed, each with its name) in ONE transaction: all or
    nothing. ``dry_run``: do it all, report what would change, keep nothing. ``then``
    runs in that transaction once the packages are merged (a sync reads the merged
    result there, or adds to it)."""
    checked = []
    for data, source in packages:
        data = validate(data)
        rows = collect_rows(data)
        check_package(rows)
        check_row_rules(rows)
        depth = check_wish_trees(rows)
        depth.update(lineage_depths(rows, WORKSHOP, "source_workshop_id"))
        depth.update(lineage_depths(rows, GROUP, "source_group_id"))
        depth.update(lineage_depths(rows, PERSON, "merged_into_id"))
        checked.append((data, source, rows, depth))
    results = [ImportResult(project_id=data["project"]["id"]) for data, *_ in checked]
    erased: set[str] = set()
    try:
        with store.write() as tx:
            for (data, source, rows, depth), result in zip(checked, results, strict=True):
                erased |= _merge_package(tx, data, source, rows, depth, result)
            if then is not None:
                tx.session.flush()
                then(tx)
            if dry_run:
                raise _DryRunError
    except _DryRunError:
        return results
    except IntegrityError as exc:
        raise PackageError(
            tr("The package could not be imported: it clashes with what is already there "
               "({reason})."), reason=exc.orig) from None
    written = set().union(*(r.written_ids for r in results))
    last = results[-1]
    if store.database is not None:
        last.erased_again = erase_again(store, store.database, written)
    last.erased_again += erase_tombstoned(store, erased)
    return results


def _merge_package(tx: Any, data: dict[str, Any], source: str, rows: list[PackageRow],
                   depth: dict[str, int], result: ImportResult) -> set[str]:
    """One package into the open transaction; returns the people erased elsewhere."""
    s = tx.session
    check_references(s, rows, data["project"]["id"])
    observe_stamps(tx, rows, data["tombstones"])
    gone, erased = tombstones(s, data["tombstones"])
    s.info["merging"] = True  # rows keep the package's versions
    by_stage: dict[str, list[PackageRow]] = {}
    for row in rows:
        by_stage.setdefault(row.spec.key, []).append(row)
    for spec in STAGES:
        stage = by_stage.get(spec.key, [])
        if spec in (WISH, WORKSHOP, GROUP, PERSON):
            stage.sort(key=lambda r: depth[r.id])
        _write_stage(tx, spec, stage, result, gone, source or data["device_id"] or "")
        s.flush()
    result.conflicts += repair_wish_trees(s, result.nested_groups,
                                          source or data["device_id"] or "")
    return erased


def _same_row_two_ids(current: Any, values: dict[str, Any]) -> None:
    """One row (a check-in, a member) made on two laptops under two ids: both keep the
    smaller id and its creation time (and the merge both creations in its versions),
    so every laptop ends with the same row."""
    if values["id"] < current.id:
        current.id = values["id"]
        current.created_at = values.get("created_at") or current.created_at


def _write_stage(tx: Any, spec: RowSpec, rows: list[PackageRow], result: ImportResult,
                 gone: set[tuple[str, str]], source: str) -> None:
    s = tx.session
    existing = load_by_ids(s, spec.model, {r.id for r in rows})
    natural = NATURAL_KEYS.get(spec.key)
    by_key: dict[tuple[Any, ...], Any] = {}
    if natural:
        parents = sorted({r.values[natural[0]] for r in rows})
        column = getattr(spec.model, natural[0])
        for chunk in chunked(parents):
            for row in s.scalars(select(spec.model).where(column.in_(chunk))):
                by_key[tuple(getattr(row, n) for n in natural)] = row
    joined = _redirect_joined(s, spec, rows)
    kind = CHANGE_KIND.get(spec.key, spec.key)
    for row in rows:
        values = row.values
        current = existing.get(row.id)
        if current is not None and natural and getattr(current, "person_id", None) in joined:
            # Left on the joined duplicate by a clash: the kept person's row takes it.
            kept = by_key.get(tuple(values[n] for n in natural))
            if kept is not None and kept is not current:
                current, values = kept, {k: v for k, v in values.items() if k != "id"}
        if current is None and natural:
            # The same person/area under the same parent, made on another laptop.
            current = by_key.get(tuple(values[n] for n in natural))
            if current is not None and current.id != row.id:
                _same_row_two_ids(current, values)
                values = {k: v for k, v in values.items() if k != "id"}
        if current is None:
            if (spec.table, row.id) in gone or refers_to_gone(values, gone):
                result.gone += 1  # removed for good here: an older package can't revive it
                continue
            made = spec.model(**values)
            s.add(made)
            if natural:
                by_key[tuple(values[n] for n in natural)] = made
            result.created += 1
            result.written_ids.add(row.id)
            _note(result, spec, row.id, "new", values)
            if spec is WISH and values.get("parent_id"):
                result.nested_groups.add(values["group_id"])
        else:
            merge = merge_row(s, spec, current, values, source)
            result.conflicts += len(merge.conflicts)
            if merge.conflicts:
                _note(result, spec, current.id, "conflict", values)
            elif "deleted_at" in merge.taken and values.get("deleted_at") is not None:
                _note(result, spec, current.id, "deleted", values)
            elif merge.taken:
                _note(result, spec, current.id, "changed", values)
            if not merge.taken:
                result.unchanged += 1
                if not _same(current, values):
                    result.kept += 1
                continue
            result.updated += 1
            result.written_ids.add(current.id)
            if spec is WISH and "parent_id" in merge.taken:
                result.nested_groups.add(current.group_id)
            if spec is PERSON and current.merged_into_id and current.deleted_at is None:
                current.deleted_at = utcnow()  # joined into another: stays in the trash
        result.by_kind[kind] += 1
        tx.changed(kind, row.id)


def _note(result: ImportResult, spec: RowSpec, row_id: str, outcome: str,
          values: dict[str, Any]) -> None:
    group_id = row_id if spec is GROUP else values.get("group_id")
    result.changes.append(RowChange(spec.key, row_id, outcome, group_id))


def _redirect_joined(s: Any, spec: RowSpec, rows: list[PackageRow]) -> set[str]:
    """Rows naming a person joined into another here are put on the person kept; returns
    the joined people the package named."""
    if not any(f.name == "person_id" for f in spec.fields):
        return set()
    targets = redirect_targets(s, {r.values["person_id"] for r in rows
                                   if r.values.get("person_id")})
    for row in rows:
        into = targets.get(row.values.get("person_id") or "")
        if into is not None:
            row.values["person_id"] = into
    return set(targets)
