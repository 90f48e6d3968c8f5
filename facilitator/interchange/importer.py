"""Package → store, all or nothing.

Everything is checked before anything is written: the file (size, UTF-8,
JSON), the header (format, version), the JSON Schema, the values (dates,
normalised texts), the package's own consistency (unique ids, wish trees) and
every reference (to a row in the package or already in the store). Then all
rows are written in ONE ``store.write()`` transaction; any error rolls it back.

Rows are identified by their UUID. A row already in the store is left alone
when identical, replaced when the package's ``updated_at`` is newer, and kept
(the store's newer version wins) otherwise. So importing twice creates nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import ValidationError as SchemaError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from facilitator.interchange.errors import PackageError
from facilitator.interchange.fields import (
    ATTENDANCE,
    FOCUS_AREA,
    FOCUS_AREA_ACTION,
    FOCUS_CHOICE,
    FORMAT_NAME,
    FORMAT_VERSION,
    GROUP,
    GROUP_FOCUS_AREA,
    GROUP_MEMBER,
    MAX_PACKAGE_BYTES,
    ORGANISATION,
    PERSON,
    PROJECT,
    REF_TARGETS,
    SECTION,
    WISH,
    WORKSHOP,
    WORKSHOP_ACTION,
    Field,
    Language,
    RowSpec,
)
from facilitator.interchange.schema import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    TIME_PATTERN,
    UUID_PATTERN,
    validator,
)
from facilitator.services.core import Store
from facilitator.services.wishes import MAX_DEPTH
from facilitator.store.models import FocusArea, Wish
from facilitator.text import clean_text

# Write order: every row's references are written before it.
STAGES: tuple[RowSpec, ...] = (
    ORGANISATION, PERSON, PROJECT, FOCUS_AREA, WORKSHOP, SECTION, ATTENDANCE, FOCUS_CHOICE,
    GROUP, GROUP_FOCUS_AREA, GROUP_MEMBER, WISH, FOCUS_AREA_ACTION, WORKSHOP_ACTION,
)
# The change kinds the services announce, per row kind.
CHANGE_KIND = {
    "group_focus_area": "group", "group_member": "group",
    "workshop_action": "action", "focus_area_action": "action", "focus_choice": "choice",
}
# Rows that are unique per (parent, person/area) besides their id.
NATURAL_KEYS = {
    ATTENDANCE.key: ("workshop_id", "person_id"),
    GROUP_FOCUS_AREA.key: ("group_id", "focus_area_id"),
    GROUP_MEMBER.key: ("group_id", "person_id"),
    FOCUS_CHOICE.key: ("workshop_id", "person_id", "focus_area_id"),
}
# Upgrades of older format versions, applied in turn on import (none yet).
UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass
class ImportResult:
    """What an import did, in rows: new, replaced by a newer version, left as they were."""

    project_id: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0  # identical, or the store's own version is newer (see ``kept``)
    kept: int = 0  # rows where the store's newer version was kept
    by_kind: Counter[str] = field(default_factory=Counter)


@dataclass
class _Row:
    spec: RowSpec
    values: dict[str, Any]
    path: str

    @property
    def id(self) -> str:
        return self.values["id"]


# --- reading the file ---------------------------------------------------------------

def import_package_file(store: Store, path: Path) -> ImportResult:
    """Import a package file; the size is checked before a byte is read."""
    return import_package(store, read_package_file(path))


def read_package_file(path: Path) -> Any:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PackageError(f"Filen {path} finns inte.") from None
    except OSError as exc:
        raise PackageError(f"Filen {path} kan inte läsas: {exc.strerror}.") from exc
    if path.is_dir():
        raise PackageError(f"{path} är en mapp, inte en paketfil.")
    if size > MAX_PACKAGE_BYTES:
        raise PackageError(
            f"Filen {path} är för stor ({size / 1024 / 1024:.0f} MB): ett paket får vara "
            f"högst {MAX_PACKAGE_BYTES // 1024 // 1024} MB. Det är troligen inte ett paket."
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackageError(f"Filen {path} kan inte läsas: {exc.strerror}.") from exc
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        raise PackageError(
            f"Filen {path} är ett zip-arkiv (kanske ett Word-dokument), inte ett "
            "Facilitator-paket (.json). Om paketet har packats ihop: packa upp det och "
            "importera .json-filen."
        )
    _check_containers(raw, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PackageError(
            f"Filen {path} är inte ett paket: den är inte text i UTF-8."
        ) from None
    if not text.strip():
        raise PackageError(f"Filen {path} är tom.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()):
            raise PackageError(
                f"Filen {path} är avklippt: den slutar mitt i paketet. Den har kanske "
                "kopierats eller sparats ofullständigt; exportera paketet igen."
            ) from None
        raise PackageError(
            f"Filen {path} är inte giltig JSON (fel på rad {exc.lineno}, kolumn {exc.colno})."
        ) from None
    except RecursionError:
        raise PackageError(f"Filen {path} är för djupt nästlad för att vara ett paket.") from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise PackageError(
            f"Filen {path} är inte ett giltigt paket: den innehåller ett orimligt tal."
        ) from None


# A real package of 50 MB has well under a million JSON objects and lists (a
# row is an object of a few hundred bytes). Millions of tiny ones ("[[],[],…]")
# would take gigabytes once parsed, so they are refused before parsing.
MAX_CONTAINERS = 1_000_000
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)


def _check_containers(raw: bytes, path: Path) -> None:
    if raw.count(b"{") + raw.count(b"[") <= MAX_CONTAINERS:
        return
    outside = _JSON_STRING.sub(b"", raw)  # brackets inside texts do not count
    if outside.count(b"{") + outside.count(b"[") > MAX_CONTAINERS:
        raise PackageError(
            f"Filen {path} innehåller orimligt många poster och är inte ett paket "
            "som Facilitator kan läsa."
        )


# --- header and schema --------------------------------------------------------------

def check_header(data: Any) -> dict[str, Any]:
    """Refuse what is not a package, or a package this version cannot read; upgrade older."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise PackageError(
            "Filen är inte ett Facilitator-paket (fältet \"format\" är inte "
            f"\"{FORMAT_NAME}\")."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(f"Paketets formatversion {version!r} är ogiltig.")
    if version > FORMAT_VERSION:
        raise PackageError(
            f"Paketet har formatversion {version}, men den här versionen av Facilitator kan "
            f"bara läsa version {FORMAT_VERSION} och äldre. Uppdatera Facilitator och "
            "försök igen."
        )
    while version < FORMAT_VERSION:
        data = UPGRADES[version](data)
        version = data["version"]
    _add_focus_choices(data)
    return data


def _add_focus_choices(data: dict[str, Any]) -> None:
    """Packages written before focus choices existed have none: read them as empty lists."""
    project = data.get("project")
    workshops = project.get("workshops") if isinstance(project, dict) else None
    for workshop in workshops if isinstance(workshops, list) else ():
        if isinstance(workshop, dict) and "focus_choices" not in workshop:
            workshop["focus_choices"] = []


_PATTERNS = {
    UUID_PATTERN: "ett id (UUID med små bokstäver)",
    DATE_PATTERN: "ett datum ÅÅÅÅ-MM-DD",
    TIME_PATTERN: "en tid TT:MM",
    DATETIME_PATTERN: "en tidpunkt enligt ISO 8601, till exempel 2026-03-12T18:30:00Z",
}
_TYPES = {
    "string": "text", "integer": "ett heltal", "boolean": "true eller false",
    "array": "en lista", "object": "ett objekt", "null": "null",
}


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


def schema_message(error: SchemaError) -> str:
    """One schema error in Swedish, with the JSON path where it is."""
    kind, expected, value = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [k for k in expected if k not in value]
        what = f"fältet \"{missing[0]}\" saknas" if missing else error.message
    elif kind == "additionalProperties":
        extra = sorted(set(value) - set(error.schema.get("properties", {})))
        what = f"okänt fält \"{extra[0]}\"" if extra else error.message
    elif kind == "type":
        types = expected if isinstance(expected, list) else [expected]
        what = f"ska vara {' eller '.join(_TYPES.get(t, t) for t in types)}, inte {_short(value)}"
    elif kind == "maxLength":
        what = f"texten är för lång ({len(value)} tecken, högst {expected})"
    elif kind == "pattern":
        what = f"ska vara {_PATTERNS.get(expected, expected)}, inte {_short(value)}"
    elif kind == "enum":
        allowed = ", ".join(_short(v) for v in expected)
        what = f"okänt värde {_short(value)} (tillåtna: {allowed})"
    elif kind == "const":
        what = f"ska vara {_short(expected)}, inte {_short(value)}"
    elif kind == "minimum":
        what = f"värdet {value} är för litet (minst {expected})"
    elif kind == "maximum":
        what = f"värdet {value} är för stort (högst {expected})"
    else:
        what = error.message
    return f"Paketet är felaktigt vid {error.json_path}: {what}."


def validate(data: Any) -> dict[str, Any]:
    data = check_header(data)
    error = next(iter(validator().iter_errors(data)), None)
    if error is not None:
        raise PackageError(schema_message(error))
    return data


# --- values -------------------------------------------------------------------------

def _fail(path: str, what: str) -> PackageError:
    return PackageError(f"Paketet är felaktigt vid {path}: {what}.")


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
        raise _fail(path, f"{raw!r} är inte ett giltigt datum eller en giltig tid") from None
    if f.kind in ("line", "body"):
        text = clean_text(raw, multiline=f.kind == "body")
        if f.required and not text.strip():
            raise _fail(path, f"{f.label} får inte vara tomt")
        if f.max_length is not None and len(text) > f.max_length:
            raise _fail(path, f"{f.label} är för långt ({len(text)} tecken, högst {f.max_length})")
        return text
    if f.kind == "enum":
        assert f.enum is not None
        member = f.enum(raw)
        return member.value if f.enum is Language else member
    if f.kind == "int":
        return int(raw)
    return raw


def _row(spec: RowSpec, raw: dict[str, Any], path: str, parent_id: str | None) -> _Row:
    values = {f.name: _value(spec, f, raw[f.name], f"{path}.{f.name}") for f in spec.all_fields}
    if spec.parent is not None:
        values[spec.parent] = parent_id
    return _Row(spec, values, path)


def collect_rows(data: dict[str, Any]) -> list[_Row]:
    """Every row of a schema-valid package, with values parsed and texts normalised."""
    rows: list[_Row] = []

    def add(
        spec: RowSpec, items: list[dict[str, Any]], path: str, parent: str | None
    ) -> list[tuple[dict[str, Any], _Row]]:
        made = [(raw, _row(spec, raw, f"{path}[{i}]", parent)) for i, raw in enumerate(items)]
        rows.extend(row for _, row in made)
        return made

    add(ORGANISATION, data["organisations"], "$.organisations", None)
    add(PERSON, data["people"], "$.people", None)
    p = data["project"]
    project = _row(PROJECT, p, "$.project", None)
    rows.append(project)
    add(FOCUS_AREA, p["focus_areas"], "$.project.focus_areas", project.id)
    add(FOCUS_AREA_ACTION, p["actions"], "$.project.actions", None)
    for w_raw, w in add(WORKSHOP, p["workshops"], "$.project.workshops", project.id):
        add(SECTION, w_raw["sections"], f"{w.path}.sections", w.id)
        add(ATTENDANCE, w_raw["attendance"], f"{w.path}.attendance", w.id)
        add(FOCUS_CHOICE, w_raw["focus_choices"], f"{w.path}.focus_choices", w.id)
        for g_raw, g in add(GROUP, w_raw["groups"], f"{w.path}.groups", w.id):
            add(GROUP_FOCUS_AREA, g_raw["focus_areas"], f"{g.path}.focus_areas", g.id)
            add(GROUP_MEMBER, g_raw["members"], f"{g.path}.members", g.id)
            add(WISH, g_raw["wishes"], f"{g.path}.wishes", g.id)
        add(WORKSHOP_ACTION, w_raw["actions"], f"{w.path}.actions", w.id)
    return rows


# --- consistency and references -------------------------------------------------------

def _check_package(rows: list[_Row]) -> None:
    """Unique ids per row kind and unique (parent, person/area) pairs within the package."""
    seen: dict[tuple[type, str], _Row] = {}
    keys: dict[tuple[str, tuple[Any, ...]], _Row] = {}
    for row in rows:
        first = seen.setdefault((row.spec.model, row.id), row)
        if first is not row:
            raise _fail(row.path, f"id {row.id} finns redan vid {first.path}")
        natural = NATURAL_KEYS.get(row.spec.key)
        if natural:
            key = (row.spec.key, tuple(row.values[n] for n in natural))
            other = keys.setdefault(key, row)
            if other is not row:
                raise _fail(row.path, f"samma rad finns redan vid {other.path}")


def _check_wish_trees(rows: list[_Row]) -> dict[str, int]:
    """Parents in the same group, no cycles, at most MAX_DEPTH levels; returns depths."""
    wishes = {r.id: r for r in rows if r.spec is WISH}
    depth: dict[str, int] = {}
    for wish in wishes.values():
        chain: list[_Row] = []
        on_chain: set[str] = set()
        current: _Row | None = wish
        while current is not None and current.id not in depth:
            if current.id in on_chain:
                raise _fail(wish.path, "önskemålen ligger under varandra i en cirkel")
            chain.append(current)
            on_chain.add(current.id)
            parent_id = current.values["parent_id"]
            parent = wishes.get(parent_id) if parent_id else None
            if parent is not None and parent.values["group_id"] != current.values["group_id"]:
                raise _fail(current.path + ".parent_id",
                            "ett önskemål kan bara ligga under ett i samma grupp")
            current = parent
        base = depth[current.id] + 1 if current is not None else 0
        for offset, row in enumerate(reversed(chain)):
            depth[row.id] = base + offset
            if depth[row.id] >= MAX_DEPTH:
                raise _fail(row.path, f"önskemål kan nästlas högst {MAX_DEPTH} nivåer djupt")
    return depth


def _chunks(items: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _load(session: Session, model: type, ids: set[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for chunk in _chunks(sorted(ids)):
        for row in session.scalars(select(model).where(model.id.in_(chunk))):
            found[row.id] = row
    return found


def _check_references(session: Session, rows: list[_Row], project_id: str) -> None:
    """Every *_id names a row in the package or in the store (and the right one)."""
    in_package: dict[type, dict[str, _Row]] = {}
    for row in rows:
        in_package.setdefault(row.spec.model, {})[row.id] = row
    wanted: dict[type, set[str]] = {}
    for row in rows:
        for name, target in REF_TARGETS.items():
            value = row.values.get(name)
            if value and value not in in_package.get(target, {}):
                wanted.setdefault(target, set()).add(value)
    in_store = {model: _load(session, model, ids) for model, ids in wanted.items()}
    for row in rows:
        for name, target in REF_TARGETS.items():
            value = row.values.get(name)
            if not value or value in in_package.get(target, {}):
                continue
            stored = in_store[target].get(value)
            where = f"{row.path}.{name}"
            if stored is None:
                raise _fail(where, f"id {value} pekar på något som varken finns i paketet "
                                   "eller i databasen")
            if target is FocusArea and stored.project_id != project_id:
                raise _fail(where, "fokusområdet hör till ett annat projekt")
            if target is Wish and stored.group_id != row.values["group_id"]:
                raise _fail(where, "ett önskemål kan bara ligga under ett i samma grupp")


# --- writing --------------------------------------------------------------------------

def _same(existing: Any, values: dict[str, Any]) -> bool:
    return all(getattr(existing, k) == v for k, v in values.items())


def import_package(store: Store, data: Any) -> ImportResult:
    """Check a parsed package completely, then write it in one transaction."""
    data = validate(data)
    rows = collect_rows(data)
    _check_package(rows)
    depth = _check_wish_trees(rows)
    project_id = data["project"]["id"]
    result = ImportResult(project_id=project_id)
    try:
        with store.write() as tx:
            s = tx.session
            _check_references(s, rows, project_id)
            by_stage: dict[str, list[_Row]] = {}
            for row in rows:
                by_stage.setdefault(row.spec.key, []).append(row)
            for spec in STAGES:
                stage = by_stage.get(spec.key, [])
                if spec is WISH:
                    stage.sort(key=lambda r: depth[r.id])
                _write_stage(tx, spec, stage, result)
                s.flush()
    except IntegrityError as exc:
        raise PackageError(
            f"Paketet kunde inte läsas in: det krockar med det som redan finns ({exc.orig})."
        ) from None
    return result


def _write_stage(tx: Any, spec: RowSpec, rows: list[_Row], result: ImportResult) -> None:
    s = tx.session
    existing = _load(s, spec.model, {r.id for r in rows})
    natural = NATURAL_KEYS.get(spec.key)
    by_key: dict[tuple[Any, ...], Any] = {}
    if natural:
        parents = sorted({r.values[natural[0]] for r in rows})
        column = getattr(spec.model, natural[0])
        for chunk in _chunks(parents):
            for row in s.scalars(select(spec.model).where(column.in_(chunk))):
                by_key[tuple(getattr(row, n) for n in natural)] = row
    kind = CHANGE_KIND.get(spec.key, spec.key)
    for row in rows:
        values = row.values
        current = existing.get(row.id)
        if current is None and natural:
            # The same person/area under the same parent, made on another laptop.
            current = by_key.get(tuple(values[n] for n in natural))
            if current is not None:
                values = {k: v for k, v in values.items() if k != "id"}
        if current is None:
            s.add(spec.model(**values))
            result.created += 1
        elif _same(current, values):
            result.unchanged += 1
            continue
        elif values["updated_at"] > current.updated_at:
            for name, value in values.items():
                setattr(current, name, value)
            result.updated += 1
        else:
            result.unchanged += 1
            result.kept += 1
            continue
        result.by_kind[kind] += 1
        tx.changed(kind, row.id)
