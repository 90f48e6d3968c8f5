"""Property: any text survives export → import → export, normalised exactly as services do."""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.interchange.export import export_package, package_text
from facilitator.interchange.importer import import_package, import_package_file
from facilitator.services import focus_areas, groups, people, projects, sections, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.text import clean_text

PIECES = st.one_of(
    st.sampled_from(list("åäöÅÄÖéüæø")),
    st.sampled_from(["😀", "👩‍👩‍👧", "🇸🇪", "❤️", "🫶🏽"]),
    st.sampled_from(list("مرحبا بالعالم") + list("שלום עולם") + ["\u200f", "\u202e"]),
    st.sampled_from([chr(c) for c in range(32)] + ["\x7f", "\x85", "\x9f", "\ufffe", "\uffff"]),
    st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"]),  # lone surrogates
    st.sampled_from(["a\u0308", "o\u0308", "A\u030a", "\u0301", "\r\n", "\r", " ", "\t"]),
    st.characters(),
)
TEXTS = st.lists(PIECES, max_size=25).map("".join)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def new_store(tmp_path_factory: pytest.TempPathFactory, _template_db: Path):
    """Make empty stores cheaply (a copy of the migrated template) inside one example."""
    folder = tmp_path_factory.mktemp("property")

    @contextmanager
    def make() -> Iterator[Store]:
        path = folder / f"{uuid.uuid4()}.sqlite3"
        shutil.copyfile(_template_db, path)
        store = Store(open_database(path))
        try:
            yield store
        finally:
            store.close()

    return make


def without_time(data: dict) -> str:
    return package_text({k: v for k, v in data.items() if k not in ("exported_at", "device_id")})


@SETTINGS
@given(name=TEXTS, body=TEXTS, wish=TEXTS, person=TEXTS, role=TEXTS, venue=TEXTS)
def test_texts_typed_in_survive_the_round_trip(new_store, name, body, wish, person, role, venue):
    with new_store() as a:
        project = projects.create_project(a, "Å" + name, body)
        area = focus_areas.add_focus_area(a, project, "Ö" + name, narrative=body)
        workshop = workshops.create_workshop(a, project, "Ä" + name, venue=venue, lead=body)
        sections.add_section(a, workshop, "Ä" + role, body)
        pid = people.create_person(a, "Ö" + person)
        people.set_attendance(a, workshop, pid, "attended", role)
        group = groups.create_group(a, workshop, [area], name=role)
        wishes.add_wish(a, group, "Å" + wish)
        first = export_package(a, project)
    with new_store() as b:
        import_package(b, json.loads(package_text(first)))
        second = export_package(b, project)
    assert without_time(second) == without_time(first)
    assert second["project"]["name"] == clean_text("Å" + name, multiline=False)
    assert second["project"]["description"] == clean_text(body)
    assert second["people"][0]["name"] == clean_text("Ö" + person, multiline=False)
    wish_row = second["project"]["workshops"][0]["groups"][0]["wishes"][0]
    assert wish_row["text"] == clean_text("Å" + wish)


@pytest.fixture(scope="module")
def base_package(new_store) -> dict:
    with new_store() as s:
        project = projects.create_project(s, "Ängsö")
        workshop = workshops.create_workshop(s, project, "Möte")
        sections.add_section(s, workshop, "Inledning")
        pid = people.create_person(s, "Åsa")
        people.set_attendance(s, workshop, pid, "attended")
        return export_package(s, project)


@SETTINGS
@given(name=TEXTS, body=TEXTS, heading=TEXTS, role=TEXTS)
def test_raw_texts_in_a_file_are_normalised_on_import(
    new_store, base_package, tmp_path_factory, name, body, heading, role
):
    data = json.loads(json.dumps(base_package))
    workshop = data["project"]["workshops"][0]
    data["project"]["name"] = "Å" + name
    data["project"]["description"] = body
    workshop["sections"][0]["heading"] = "Ä" + heading
    workshop["sections"][0]["body"] = body
    workshop["attendance"][0]["role"] = role
    path = tmp_path_factory.mktemp("raw") / "paket.json"
    path.write_text(json.dumps(data), encoding="utf-8")  # \ud800 travels as an escape
    # In JSON an escaped pair "\ud83d\ude00" is one real character, so compare with
    # what the file says, not with the Python string that had two lone halves.
    name, body, heading, role = json.loads(json.dumps([name, body, heading, role]))
    with new_store() as s:
        import_package_file(s, path)
        again = export_package(s, data["project"]["id"])
        import_package_file(s, path)  # and once more: nothing new, nothing changed
        assert without_time(export_package(s, data["project"]["id"])) == without_time(again)
    project = again["project"]
    section = project["workshops"][0]["sections"][0]
    assert project["name"] == clean_text("Å" + name, multiline=False)
    assert project["description"] == clean_text(body)
    assert section["heading"] == clean_text("Ä" + heading, multiline=False)
    assert section["body"] == clean_text(body)
    assert project["workshops"][0]["attendance"][0]["role"] == clean_text(role, multiline=False)
    package_text(again).encode("utf-8")  # always writable as UTF-8
