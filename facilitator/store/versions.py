"""Per-field versions of a row: who wrote each field, and on top of what (#14).

A row's ``versions`` column holds JSON: field name → the field's *version
vector*, the newest stamp of every database that wrote it, as a sorted list
(a stamp ends with its device id, see ``store.clock``). ``"*"`` stands for
every field not listed: a new row has only ``"*"``. A write replaces a field's
vector by the old one with this database's entry set to the new stamp, so the
new vector dominates the one it was written on top of.

Two versions of one field compare as: equal, one dominates (it was written
having seen the other: take it, no conflict), or concurrent (two laptops wrote
it without seeing each other: a conflict, kept, never dropped). Whatever the
comparison, the value with the newest stamp wins, so merging gives the same
result in any order.

Rows written before versions existed (``versions`` NULL) count as written once
by a "legacy" device at their ``updated_at``: two copies of an untouched row
are equal, and an older copy is dominated by a newer one, as before.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from enum import Enum

from facilitator.store.clock import Stamp

ALL_FIELDS = "*"
LEGACY_DEVICE = "legacy"
# Bookkeeping columns: never versioned, never merged as data.
UNVERSIONED = frozenset({"id", "created_at", "updated_at", "versions", "vote_shares"})

Vector = dict[str, str]  # device → its newest stamp


class Order(Enum):
    EQUAL = "equal"
    FIRST = "first"  # the first vector dominates
    SECOND = "second"
    CONCURRENT = "concurrent"


def legacy_stamp(updated_at: dt.datetime | None) -> str:
    when = updated_at or dt.datetime(2000, 1, 1)
    ms = int(when.replace(tzinfo=dt.UTC).timestamp() * 1000)
    return str(Stamp(ms, 0, LEGACY_DEVICE))


def parse(text: str | None) -> dict[str, list[str]]:
    if not text:
        return {}
    data = json.loads(text)
    return {str(k): [str(s) for s in v] for k, v in data.items()} if isinstance(data, dict) \
        else {}


def dump(versions: dict[str, list[str]]) -> str:
    return json.dumps({k: sorted(v) for k, v in sorted(versions.items())},
                      separators=(",", ":"))


def _vector(stamps: Iterable[str]) -> Vector:
    vector: Vector = {}
    for text in stamps:
        device = Stamp.parse(text).device
        if text > vector.get(device, ""):
            vector[device] = text
    return vector


def field_vector(versions: dict[str, list[str]], field: str,
                 updated_at: dt.datetime | None) -> Vector:
    """The version vector of ``field`` (the row's ``"*"`` when the field has none)."""
    stamps = versions.get(field) or versions.get(ALL_FIELDS)
    return _vector(stamps) if stamps else _vector([legacy_stamp(updated_at)])


def newest(vector: Vector) -> str:
    return max(vector.values())


def compare(first: Vector, second: Vector) -> Order:
    first_ahead = any(s > second.get(d, "") for d, s in first.items())
    second_ahead = any(s > first.get(d, "") for d, s in second.items())
    if first_ahead and second_ahead:
        return Order.CONCURRENT
    if first_ahead:
        return Order.FIRST
    return Order.SECOND if second_ahead else Order.EQUAL


def merged(first: Vector, second: Vector) -> Vector:
    """Both vectors' news: what a field has seen once both versions are known."""
    result = dict(first)
    for device, stamp in second.items():
        if stamp > result.get(device, ""):
            result[device] = stamp
    return result


def written(text: str | None, fields: Iterable[str], stamp: str,
            updated_at: dt.datetime | None, *, new: bool = False) -> str:
    """``versions`` after this database wrote ``fields`` at ``stamp`` (a new row: all)."""
    if new:
        return dump({ALL_FIELDS: [stamp]})
    versions = parse(text)
    device = Stamp.parse(stamp).device
    for field in fields:
        if field in UNVERSIONED:
            continue
        vector = field_vector(versions, field, updated_at)
        vector[device] = stamp
        versions[field] = sorted(vector.values())
    if ALL_FIELDS not in versions:  # keep what the other fields were written on
        versions[ALL_FIELDS] = [legacy_stamp(updated_at)]
    return dump(versions)


def with_vector(text: str | None, field: str, vector: Vector,
                updated_at: dt.datetime | None) -> str:
    """``versions`` with ``field``'s vector replaced (a merge took the field)."""
    versions = parse(text)
    if ALL_FIELDS not in versions:
        versions[ALL_FIELDS] = [legacy_stamp(updated_at)]
    versions[field] = sorted(vector.values())
    return dump(versions)
