"""The shipped JSON Schema: built from the field tables, valid, and as strict as the models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from sqlalchemy import String

from facilitator.interchange import schema
from facilitator.interchange.fields import ALL_SPECS
from facilitator.interchange.schema import build_schema, load_schema, schema_text
from facilitator.paths import resource_path


def test_shipped_schema_is_the_built_one():
    # Regenerate with: uv run python -m facilitator.interchange.schema
    shipped = Path(schema.__file__).with_name("schema.json").read_text(encoding="utf-8")
    assert shipped == schema_text(build_schema())
    assert load_schema() == json.loads(shipped)


def test_schema_is_valid_draft_2020_12_and_closed():
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    optional = {spec.key: {f.name for f in spec.all_fields if f.optional} for spec in ALL_SPECS}
    assert optional["person"] == {"merged_into_id"}  # added while format 4 was unreleased
    for name, definition in schema["$defs"].items():
        assert definition["additionalProperties"] is False, name
        assert set(definition["required"]) == set(definition["properties"]) - optional[name], name


@pytest.mark.parametrize("spec", ALL_SPECS, ids=lambda s: s.key)
def test_every_model_column_is_in_the_format_with_its_length(spec):
    columns = {c.key: c for c in spec.model.__table__.columns}
    exported = {f.name for f in spec.all_fields} | ({spec.parent} if spec.parent else set())
    implied = {"focus_area_action": {"workshop_id"},
               "focus_area_responsible": {"action_id", "review_id"},
               "action_responsible": {"focus_area_id", "review_id"},
               "review_responsible": {"focus_area_id", "action_id"}}.get(spec.key, set())
    assert set(columns) - implied == exported
    for f in spec.all_fields:
        column_type = columns[f.name].type
        if f.kind in ("line", "body") and isinstance(column_type, String) and column_type.length:
            assert f.max_length == column_type.length, f.name


def test_schema_text_is_stable():
    assert schema_text(load_schema()) == schema_text(build_schema())
    assert resource_path("samples", "sample-project.json").is_file()
