"""Merging a package's row into the database's copy, field by field (#14).

Each field is decided on its own by the two versions' vectors
(``store/versions.py``): the side that has seen the other's version wins;
when neither has (two laptops changed it without seeing each other), the
newer stamp wins and the other value is kept in ``merge_conflict``, never
dropped. The decision depends only on the two versions, so merging packages
in any order, or twice, gives the same database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from facilitator.interchange.fields import RowSpec, to_json
from facilitator.store import versions as v
from facilitator.store import vote_shares
from facilitator.store.models import MergeConflict

# Not data: identity and bookkeeping (``updated_at`` follows the fields taken).
NOT_MERGED = frozenset({"id", "created_at", "updated_at", "versions", "vote_shares"})


@dataclass
class RowMerge:
    """What merging one row did."""

    taken: list[str] = field(default_factory=list)  # fields the package's version won
    conflicts: list[str] = field(default_factory=list)  # fields changed on both sides


def merge_row(session: Session, spec: RowSpec, current: Any, values: dict[str, Any],
              source: str) -> RowMerge:
    """Bring ``values`` (a package row, parsed) into ``current`` (the stored row)."""
    result = RowMerge()
    if _same_versions(current, values):
        return result  # every field's vectors are equal: nothing to take (most rows)
    mine, theirs = v.parse(current.versions), v.parse(values.get("versions"))
    merged_versions = current.versions
    fields = {f.name: f for f in spec.all_fields}
    if "vote_shares" in values:  # votes add up: each laptop's share, not one value
        _merge_votes(current, values, result)
    for name, value in values.items():
        if name in NOT_MERGED or name not in fields:
            continue
        local = v.field_vector(mine, name, current.updated_at)
        incoming = v.field_vector(theirs, name, values.get("updated_at"))
        if name == "votes" and "vote_shares" in values:  # the shares decided the value
            both = v.merged(local, incoming)
            if both != local:
                merged_versions = v.with_vector(merged_versions, name, both,
                                                current.updated_at)
            continue
        order = v.compare(local, incoming)
        stored = getattr(current, name)
        if order in (v.Order.EQUAL, v.Order.FIRST):
            continue
        if order is v.Order.SECOND:
            if stored != value:
                setattr(current, name, value)
                result.taken.append(name)
            merged_versions = v.with_vector(merged_versions, name, incoming,
                                            current.updated_at)
            continue
        # Concurrent: the newer stamp wins, the other value is kept as a conflict.
        both = v.merged(local, incoming)
        merged_versions = v.with_vector(merged_versions, name, both, current.updated_at)
        if stored == value:
            continue
        ours, other = v.newest(local), v.newest(incoming)
        kept, lost = (value, stored) if other > ours else (stored, value)
        session.add(MergeConflict(
            table_name=spec.table, row_id=current.id, field=name,
            kept_value=_json(fields[name], kept), kept_stamp=max(ours, other),
            other_value=_json(fields[name], lost), other_stamp=min(ours, other),
            source=source[:500]))
        result.conflicts.append(name)
        if other > ours:
            setattr(current, name, value)
            result.taken.append(name)
    created = mine.get(v.ALL_FIELDS), theirs.get(v.ALL_FIELDS)
    if created[0] and created[1] and created[0] != created[1]:
        # One row created on two laptops (a check-in, by its natural key): every field
        # now has its own vector, and "*" has seen both creations.
        both = v.merged(v.field_vector(mine, v.ALL_FIELDS, None),
                        v.field_vector(theirs, v.ALL_FIELDS, None))
        merged_versions = v.with_vector(merged_versions, v.ALL_FIELDS, both,
                                        current.updated_at)
    if merged_versions != current.versions:
        current.versions = merged_versions
        # Explicitly, or the flush would stamp "now": the later of the two, in any order.
        incoming_time = values.get("updated_at")
        current.updated_at = max(current.updated_at, incoming_time or current.updated_at)
        flag_modified(current, "updated_at")  # even when unchanged: no onupdate "now"
    return result


def _same_versions(current: Any, values: dict[str, Any]) -> bool:
    shares = getattr(current, "vote_shares", None)
    return (current.versions is not None and values.get("versions") == current.versions
            and values.get("vote_shares", shares) == shares)


def _merge_votes(current: Any, values: dict[str, Any], result: RowMerge) -> None:
    mine = vote_shares.parse(current.vote_shares, current.votes, current.updated_at)
    theirs = vote_shares.parse(values["vote_shares"], values["votes"],
                               values.get("updated_at"))
    both = vote_shares.merged(mine, theirs)
    shares = vote_shares.dump(both)
    if shares != current.vote_shares:
        current.vote_shares = shares
        if vote_shares.total(both) != current.votes:
            current.votes = vote_shares.total(both)
            result.taken.append("votes")
        incoming_time = values.get("updated_at")
        current.updated_at = max(current.updated_at, incoming_time or current.updated_at)
        flag_modified(current, "updated_at")


def _json(spec_field: Any, value: Any) -> str:
    return json.dumps(to_json(spec_field, value), ensure_ascii=False)
