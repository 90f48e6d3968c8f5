"""The JSON Schema (draft 2020-12) of a package, built from the field tables.

The built schema is committed as ``schema.json`` beside this module (shipped
inside the frozen app, referenced from docs/package-format.md); a test keeps
the file equal to :func:`build_schema`. Regenerate it with
``uv run python -m facilitator.interchange.schema``.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from facilitator.interchange.fields import (
    ACTION_RESPONSIBLE,
    ALL_SPECS,
    ATTENDANCE,
    FOCUS_AREA,
    FOCUS_AREA_ACTION,
    FOCUS_AREA_RESPONSIBLE,
    FOCUS_CHOICE,
    FORMAT_NAME,
    FORMAT_VERSION,
    GROUP,
    GROUP_FOCUS_AREA,
    GROUP_MEMBER,
    KEY_FIGURE,
    MAX_ORDER_KEY,
    MAX_VOTES,
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
    Field,
    RowSpec,
)
from facilitator.store.clock import STAMP

SCHEMA_ID = f"https://facilitator.invalid/schema/package-v{FORMAT_VERSION}.json"
UUID_PATTERN = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?"
    r"(Z|[+-][0-9]{2}:[0-9]{2})$"
)
DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = "^[0-9]{2}:[0-9]{2}$"
STAMP_PATTERN = STAMP.pattern

# Children nested inside a row kind, as (JSON key, row kind).
CHILDREN: dict[str, tuple[tuple[str, RowSpec], ...]] = {
    PROJECT.key: (("focus_areas", FOCUS_AREA), ("actions", FOCUS_AREA_ACTION),
                  ("workshops", WORKSHOP)),
    FOCUS_AREA.key: (("responsibles", FOCUS_AREA_RESPONSIBLE),),
    FOCUS_AREA_ACTION.key: (("responsibles", ACTION_RESPONSIBLE),),
    WORKSHOP.key: (("roles", WORKSHOP_ROLE), ("key_figures", KEY_FIGURE),
                   ("sections", SECTION), ("attendance", ATTENDANCE),
                   ("focus_choices", FOCUS_CHOICE), ("groups", GROUP),
                   ("actions", WORKSHOP_ACTION), ("reviews", REVIEW)),
    WORKSHOP_ACTION.key: (("responsibles", ACTION_RESPONSIBLE),),
    REVIEW.key: (("responsibles", REVIEW_RESPONSIBLE),),
    GROUP.key: (("focus_areas", GROUP_FOCUS_AREA), ("members", GROUP_MEMBER), ("wishes", WISH)),
}


def _field_schema(field: Field) -> dict[str, Any]:
    if field.kind in ("id", "ref"):
        schema: dict[str, Any] = {"type": "string", "pattern": UUID_PATTERN}
    elif field.kind in ("line", "body"):
        schema = {"type": "string", "maxLength": field.max_length}
    elif field.kind == "int":
        schema = {"type": "integer", "minimum": field.minimum, "maximum": field.maximum}
    elif field.kind == "order":
        schema = {"type": "number", "minimum": -MAX_ORDER_KEY, "maximum": MAX_ORDER_KEY}
    elif field.kind == "bool":
        schema = {"type": "boolean"}
    elif field.kind == "date":
        schema = {"type": "string", "pattern": DATE_PATTERN}
    elif field.kind == "time":
        schema = {"type": "string", "pattern": TIME_PATTERN}
    elif field.kind == "datetime":
        schema = {"type": "string", "pattern": DATETIME_PATTERN}
    elif field.kind == "enum":
        assert field.enum is not None
        schema = {"enum": [m.value for m in field.enum]}
    elif field.kind == "shares":
        schema = {"type": "object", "maxProperties": 1000, "additionalProperties": {
            "type": "array", "minItems": 2, "maxItems": 2,
            "prefixItems": [{"type": "integer", "minimum": -MAX_VOTES, "maximum": MAX_VOTES},
                            {"type": "string", "pattern": STAMP_PATTERN}]}}
    elif field.kind == "versions":
        schema = {"type": "object", "maxProperties": 100, "additionalProperties": {
            "type": "array", "maxItems": 1000,
            "items": {"type": "string", "pattern": STAMP_PATTERN}}}
    else:  # pragma: no cover - a typo in the field tables
        raise ValueError(f"unknown field kind {field.kind!r}")
    if field.nullable:
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        else:
            schema["type"] = [schema["type"], "null"]
    return schema


def _row_schema(spec: RowSpec) -> dict[str, Any]:
    properties = {f.name: _field_schema(f) for f in spec.all_fields}
    optional = {f.name for f in spec.all_fields if f.optional}
    for key, child in CHILDREN.get(spec.key, ()):
        properties[key] = {"type": "array", "items": {"$ref": f"#/$defs/{child.key}"}}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [name for name in properties if name not in optional],
        "properties": properties,
    }


def build_schema() -> dict[str, Any]:
    """The schema of format version ``FORMAT_VERSION``, built from the field tables."""
    top = {
        "format": {"const": FORMAT_NAME},
        "version": {"const": FORMAT_VERSION},
        "exported_at": {"type": "string", "pattern": DATETIME_PATTERN},
        "app_version": {"type": "string", "maxLength": 50},
        "device_id": {"type": ["string", "null"], "maxLength": 64},
        "tombstones": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["table", "row_id", "stamp", "reason"],
            "properties": {"table": {"enum": sorted({s.table
                                                      for s in ALL_SPECS})},
                           "row_id": {"type": "string", "pattern": UUID_PATTERN},
                           "stamp": {"type": "string", "pattern": STAMP_PATTERN},
                           "reason": {"enum": ["purged", "erasure"]}}}},
        "organisations": {"type": "array", "items": {"$ref": f"#/$defs/{ORGANISATION.key}"}},
        "people": {"type": "array", "items": {"$ref": f"#/$defs/{PERSON.key}"}},
        "project": {"$ref": f"#/$defs/{PROJECT.key}"},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Facilitator workshop package",
        "description": "A project with its focus areas and workshops, as exported by "
        "Facilitator. See docs/package-format.md.",
        "type": "object",
        "additionalProperties": False,
        "required": list(top),
        "properties": top,
        "$defs": {spec.key: _row_schema(spec) for spec in ALL_SPECS},
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


@functools.cache
def load_schema() -> dict[str, Any]:
    """The committed schema file, as shipped with the app.

    A frozen build that left the file out still validates: the schema is then
    built from the same field tables the file was generated from.
    """
    try:
        source = resources.files("facilitator.interchange").joinpath("schema.json")
        return json.loads(source.read_text("utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return build_schema()


@functools.cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(load_schema())


if __name__ == "__main__":  # regenerate the committed schema file
    target = Path(__file__).with_name("schema.json")
    target.write_text(schema_text(build_schema()), encoding="utf-8")
    print(f"wrote {target}")
