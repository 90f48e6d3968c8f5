"""The checks of a package's content before anything is written.

A header-checked package is checked against the JSON Schema (each error said
in words), its values are parsed and normalised into rows, the package's own
consistency (unique ids, wish trees) is checked, and so is every reference (to
a row in the package or already in the store). :mod:`facilitator.interchange.importer`
runs these checks and then writes the rows.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from jsonschema import ValidationError as SchemaError
from sqlalchemy import select
from sqlalchemy.orm import Session

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
    REF_TARGETS,
    REVIEW,
    REVIEW_RESPONSIBLE,
    SECTION,
    WISH,
    WORKSHOP,
    WORKSHOP_ACTION,
    WORKSHOP_ROLE,
    Field,
    Language,
    RowSpec,
)
from facilitator.interchange.schema import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    TIME_PATTERN,
    UUID_PATTERN,
)
from facilitator.messages import Text, tr
from facilitator.services.wishes import MAX_DEPTH
from facilitator.store import versions
from facilitator.store.models import FocusArea
from facilitator.text import clean_text

# Rows that are unique per (parent, person/area) besides their id.
NATURAL_KEYS = {
    ATTENDANCE.key: ("workshop_id", "person_id"),
    GROUP_FOCUS_AREA.key: ("group_id", "focus_area_id"),
    GROUP_MEMBER.key: ("group_id", "person_id"),
    FOCUS_CHOICE.key: ("workshop_id", "person_id", "focus_area_id"),
}


@dataclass
class PackageRow:
    """One row of a package: its kind, its parsed values and its JSON path."""

    spec: RowSpec
    values: dict[str, Any]
    path: str

    @property
    def id(self) -> str:
        return self.values["id"]


# --- schema errors --------------------------------------------------------------------

_PATTERNS = {
    UUID_PATTERN: tr("an id (UUID in lower case)"),
    DATE_PATTERN: tr("a date YYYY-MM-DD"),
    TIME_PATTERN: tr("a time HH:MM"),
    DATETIME_PATTERN: tr("a point in time in ISO 8601, for example 2026-03-12T18:30:00Z"),
}
_TYPES = {
    "string": tr("text"), "integer": tr("a whole number"), "boolean": tr("true or false"),
    "array": tr("a list"), "object": tr("an object"), "null": tr("null"),
}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def _either(names: list[Any]) -> Any:
    """"a, b or c" in the language shown."""
    if len(names) == 1:
        return names[0]
    return Text(tr("{first} or {second}"), first=_either(names[:-1]), second=names[-1])


def schema_error(error: SchemaError) -> PackageError:
    """One schema error in words, with the JSON path where it is."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    what: Any = error.message
    if kind == "required":
        missing = [k for k in expected if k not in value]
        if missing:
            what = Text(tr("the field \"{field}\" is missing"), field=missing[0])
    elif kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        if extra:
            what = Text(tr("unknown field \"{field}\""), field=extra[0])
    elif kind == "type":
        types: list[str] = expected if isinstance(expected, list) else [expected]
        what = Text(tr("should be {expected}, not {value}"),
                    expected=_either([_TYPES.get(t, t) for t in types]), value=_short(value))
    elif kind == "maxLength":
        what = Text(tr("the text is too long ({length} characters, at most {maximum})"),
                    length=len(value), maximum=expected)
    elif kind == "pattern":
        what = Text(tr("should be {expected}, not {value}"),
                    expected=_PATTERNS.get(expected, expected), value=_short(value))
    elif kind == "enum":
        what = Text(tr("unknown value {value} (allowed: {allowed})"), value=_short(value),
                    allowed=", ".join(_short(v) for v in expected))
    elif kind == "const":
        what = Text(tr("should be {expected}, not {value}"), expected=_short(expected),
                    value=_short(value))
    elif kind == "minimum":
        what = Text(tr("the value {value} is too small (at least {minimum})"), value=value,
                    minimum=expected)
    elif kind == "maximum":
        what = Text(tr("the value {value} is too large (at most {maximum})"), value=value,
                    maximum=expected)
    return fail(error.json_path, what)


# --- values -------------------------------------------------------------------------

def fail(path: str, what: Any) -> PackageError:
    return PackageError(tr("The package is invalid at {path}: {what}."), path=path, what=what)


def parse_value(spec: RowSpec, f: Field, raw: Any, path: str = "$") -> Any:
    """A package value as the model holds it (normalised and checked like an import)."""
    return _value(spec, f, raw, path)


def _value(spec: RowSpec, f: Field, raw: Any, path: str) -> Any:
    if raw is None:
        return None
    try:
        if f.kind == "datetime":
            value = dt.datetime.fromisoformat(raw)
            if value.tzinfo is not None:
                value = value.astimezone(dt.UTC).replace(tzinfo=None)
            return value
        if f.kind == "date":
            return dt.date.fromisoformat(raw)
        if f.kind == "time":
            return dt.time.fromisoformat(raw)
    except ValueError:
        raise fail(path, Text(tr("{value!r} is not a valid date or time"), value=raw)) from None
    if f.kind in ("line", "body"):
        text = clean_text(raw, multiline=f.kind == "body")
        if f.required and not text.strip():
            raise fail(path, Text(tr("{label} must not be empty"), label=f.label))
        if f.max_length is not None and len(text) > f.max_length:
            raise fail(path, Text(
                tr("{label} is too long ({length} characters, at most {maximum})"),
                label=f.label, length=len(text), maximum=f.max_length))
        return text
    if f.kind == "enum":
        assert f.enum is not None
        member = f.enum(raw)
        return member.value if f.enum is Language else member
    if f.kind == "int":
        return int(raw)
    if f.kind == "order":
        if not math.isfinite(raw):
            raise fail(path, Text(tr("{label} must be a number"), label=f.label))
        return float(raw)
    if f.kind == "versions":
        return versions.dump({str(k): [str(s) for s in v] for k, v in raw.items()})
    if f.kind == "shares":
        return json.dumps({str(d): [int(e[0]), str(e[1])] for d, e in sorted(raw.items())},
                          separators=(",", ":")) if raw else None
    return raw


def _row(spec: RowSpec, raw: dict[str, Any], path: str, parent_id: str | None) -> PackageRow:
    # A field a package may leave out is left alone, not emptied, by the merge.
    values = {f.name: _value(spec, f, raw[f.name], f"{path}.{f.name}")
              for f in spec.all_fields if not f.optional or f.name in raw}
    if spec.parent is not None:
        values[spec.parent] = parent_id
    return PackageRow(spec, values, path)


def collect_rows(data: dict[str, Any]) -> list[PackageRow]:
    """Every row of a schema-valid package, with values parsed and texts normalised."""
    rows: list[PackageRow] = []

    def add(
        spec: RowSpec, items: list[dict[str, Any]], path: str, parent: str | None
    ) -> list[tuple[dict[str, Any], PackageRow]]:
        made = [(raw, _row(spec, raw, f"{path}[{i}]", parent)) for i, raw in enumerate(items)]
        rows.extend(row for _, row in made)
        return made

    add(ORGANISATION, data["organisations"], "$.organisations", None)
    add(PERSON, data["people"], "$.people", None)
    p = data["project"]
    project = _row(PROJECT, p, "$.project", None)
    rows.append(project)
    for a_raw, a in add(FOCUS_AREA, p["focus_areas"], "$.project.focus_areas", project.id):
        add(FOCUS_AREA_RESPONSIBLE, a_raw["responsibles"], f"{a.path}.responsibles", a.id)
    for x_raw, x in add(FOCUS_AREA_ACTION, p["actions"], "$.project.actions", None):
        add(ACTION_RESPONSIBLE, x_raw["responsibles"], f"{x.path}.responsibles", x.id)
    for w_raw, w in add(WORKSHOP, p["workshops"], "$.project.workshops", project.id):
        add(WORKSHOP_ROLE, w_raw["roles"], f"{w.path}.roles", w.id)
        add(KEY_FIGURE, w_raw["key_figures"], f"{w.path}.key_figures", w.id)
        add(SECTION, w_raw["sections"], f"{w.path}.sections", w.id)
        add(ATTENDANCE, w_raw["attendance"], f"{w.path}.attendance", w.id)
        add(FOCUS_CHOICE, w_raw["focus_choices"], f"{w.path}.focus_choices", w.id)
        for g_raw, g in add(GROUP, w_raw["groups"], f"{w.path}.groups", w.id):
            add(GROUP_FOCUS_AREA, g_raw["focus_areas"], f"{g.path}.focus_areas", g.id)
            add(GROUP_MEMBER, g_raw["members"], f"{g.path}.members", g.id)
            add(WISH, g_raw["wishes"], f"{g.path}.wishes", g.id)
        for x_raw, x in add(WORKSHOP_ACTION, w_raw["actions"], f"{w.path}.actions", w.id):
            add(ACTION_RESPONSIBLE, x_raw["responsibles"], f"{x.path}.responsibles", x.id)
        for r_raw, r in add(REVIEW, w_raw["reviews"], f"{w.path}.reviews", w.id):
            add(REVIEW_RESPONSIBLE, r_raw["responsibles"], f"{r.path}.responsibles", r.id)
    return rows


# --- consistency and references -------------------------------------------------------

def check_package(rows: list[PackageRow]) -> None:
    """Unique ids per row kind and unique (parent, person/area) pairs within the package."""
    seen: dict[tuple[type, str], PackageRow] = {}
    keys: dict[tuple[str, tuple[Any, ...]], PackageRow] = {}
    for row in rows:
        first = seen.setdefault((row.spec.model, row.id), row)
        if first is not row:
            raise fail(row.path, Text(tr("id {id} already exists at {path}"), id=row.id,
                                        path=first.path))
        natural = NATURAL_KEYS.get(row.spec.key)
        if natural:
            key = (row.spec.key, tuple(row.values[n] for n in natural))
            other = keys.setdefault(key, row)
            if other is not row:
                raise fail(row.path, Text(tr("the same row already exists at {path}"),
                                            path=other.path))


def check_wish_trees(rows: list[PackageRow]) -> dict[str, int]:
    """Parents in the same group, no cycles, at most MAX_DEPTH levels; returns depths."""
    wishes = {r.id: r for r in rows if r.spec is WISH}
    depth: dict[str, int] = {}
    for wish in wishes.values():
        chain: list[PackageRow] = []
        on_chain: set[str] = set()
        current: PackageRow | None = wish
        while current is not None and current.id not in depth:
            if current.id in on_chain:
                raise fail(wish.path, Text(tr("the wishes lie under each other in a circle")))
            chain.append(current)
            on_chain.add(current.id)
            parent_id = current.values["parent_id"]
            parent = wishes.get(parent_id) if parent_id else None
            if parent is not None and parent.values["group_id"] != current.values["group_id"]:
                raise fail(current.path + ".parent_id", Text(tr(
                    "a wish can only be placed under one in the same group")))
            current = parent
        base = depth[current.id] + 1 if current is not None else 0
        for offset, row in enumerate(reversed(chain)):
            depth[row.id] = base + offset
            if depth[row.id] > MAX_DEPTH:  # as the services allow: MAX_DEPTH under the top
                raise fail(row.path, Text(tr("wishes can be nested at most {maximum} levels deep"),
                                           maximum=MAX_DEPTH))
    return depth


def lineage_depths(rows: list[PackageRow], spec: RowSpec, column: str) -> dict[str, int]:
    """How many of its own kind each row was made from within the package (workshops from
    earlier workshops, groups from earlier groups), so sources are written first."""
    by_id = {r.id: r for r in rows if r.spec is spec}
    depth: dict[str, int] = {}
    for row in by_id.values():
        chain: list[str] = []
        current: PackageRow | None = row
        while current is not None and current.id not in depth and current.id not in chain:
            chain.append(current.id)
            source = current.values.get(column)
            current = by_id.get(source) if source else None
        base = depth[current.id] + 1 if current is not None and current.id in depth else 0
        for offset, row_id in enumerate(reversed(chain)):
            depth[row_id] = base + offset
    return depth


def chunked(items: list[str], size: int = 500) -> Iterator[list[str]]:
    """The items in lists of at most ``size``, to keep SQL ``IN (…)`` clauses small."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def load_by_ids(session: Session, model: type[Any], ids: set[str]) -> dict[str, Any]:
    """The rows of ``model`` in the store with these ids, by id."""
    found: dict[str, Any] = {}
    for chunk in chunked(sorted(ids)):
        for row in session.scalars(select(model).where(model.id.in_(chunk))):
            found[row.id] = row
    return found


def check_references(session: Session, rows: list[PackageRow], project_id: str) -> None:
    """Every *_id names a row in the package or in the store (and the right one)."""
    in_package: dict[type, dict[str, PackageRow]] = {}
    for row in rows:
        in_package.setdefault(row.spec.model, {})[row.id] = row
    wanted: dict[type, set[str]] = {}
    for row in rows:
        for name, target in REF_TARGETS.items():
            value = row.values.get(name)
            if value and value not in in_package.get(target, {}):
                wanted.setdefault(target, set()).add(value)
    in_store = {model: load_by_ids(session, model, ids) for model, ids in wanted.items()}
    for row in rows:
        for name, target in REF_TARGETS.items():
            value = row.values.get(name)
            if not value or value in in_package.get(target, {}):
                continue
            stored = in_store[target].get(value)
            where = f"{row.path}.{name}"
            if stored is None:
                raise fail(where, Text(tr("id {id} points to something that is neither in the "
                                           "package nor in the database"), id=value))
            if target is FocusArea and stored.project_id != project_id:
                raise fail(where, Text(tr("the focus area belongs to another project")))
            if name == "parent_id" and stored.group_id != row.values["group_id"]:
                raise fail(where, Text(
                    tr("a wish can only be placed under one in the same group")))
