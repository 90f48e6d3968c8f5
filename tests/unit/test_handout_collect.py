"""Handing a workshop out to note-takers (one package per group) and the collect preview."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitator.app import open_store
from facilitator.interchange.collect_preview import preview_collect
from facilitator.interchange.export import export_package
from facilitator.interchange.handout import (
    HandoutRequest,
    group_package,
    package_file_name,
    safe_file_name,
    write_handout,
)
from facilitator.interchange.importer import import_package, import_packages
from facilitator.services import focus_areas, groups, people, projects, wishes, workshops
from facilitator.services.core import Store

GROUPS = ("Skolan och förskolan", "Vägar och belysning", "Hamnen")


def evening(store: Store) -> dict[str, str]:
    """A workshop with three groups, a wish in each and two invited people."""
    ids = {"project": projects.create_project(store, "Ängsö framåt")}
    ids["workshop"] = workshops.create_workshop(store, ids["project"], "Kväll i bygdegården")
    area = focus_areas.add_focus_area(store, ids["project"], "Trygghet")
    for n, name in enumerate(GROUPS, 1):
        ids[f"group{n}"] = groups.create_group(store, ids["workshop"], [area], name=name)
        ids[f"wish{n}"] = wishes.add_wish(store, ids[f"group{n}"], f"Första önskemålet i {name}")
    for n, name in enumerate(("Åsa Öberg", "Göran Ärlig"), 1):
        ids[f"person{n}"] = people.create_person(store, name)
        people.set_attendance(store, ids["workshop"], ids[f"person{n}"], "invited")
    groups.set_members(store, ids["group1"], [ids["person1"]])
    return ids


def copied(data: dict) -> dict:  # type: ignore[type-arg]
    return json.loads(json.dumps(data))


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Store]:
    """A note-taker's laptop with an empty database."""
    store = open_store(tmp_path / "antecknare.sqlite3")
    try:
        yield store
    finally:
        store.close()


def test_a_group_package_holds_one_group_and_imports_into_an_empty_database(
        store: Store, laptop: Store) -> None:
    ids = evening(store)
    data = group_package(store, ids["workshop"], ids["group2"])
    [workshop] = data["project"]["workshops"]
    assert [g["name"] for g in workshop["groups"]] == ["Vägar och belysning"]
    assert len(workshop["attendance"]) == 2  # the note-taker can check people in
    result = import_package(laptop, copied(data))
    assert result.created > 0
    assert [g.name for g in groups.list_groups(laptop, ids["workshop"])] == [
        "Vägar och belysning"]
    assert [w.text for w in wishes.list_wishes(laptop, ids["group2"])] == [
        "Första önskemålet i Vägar och belysning"]


def test_what_the_note_taker_adds_merges_back(store: Store, laptop: Store) -> None:
    ids = evening(store)
    import_package(laptop, copied(group_package(store, ids["workshop"], ids["group1"])))
    wishes.add_wish(laptop, ids["group1"], "Öppna förskolans gård på kvällarna")
    wishes.set_text(laptop, ids["wish1"], "Bättre belysning vid skolan")
    people.set_attendance(laptop, ids["workshop"], ids["person2"], "attended")
    back = copied(export_package(laptop, ids["workshop"]))

    preview = preview_collect(store, [(back, "skolan.json")])
    line = preview.line("Skolan och förskolan", "wish")
    assert line is not None and (line.new, line.changed, line.deleted, line.conflict) == (
        1, 1, 0, 0)
    checked_in = preview.line(None, "attendance")
    assert checked_in is not None and checked_in.changed == 1
    assert len(wishes.list_wishes(store, ids["group1"])) == 1  # a preview writes nothing

    import_packages(store, [(back, "skolan.json")])
    assert [w.text for w in wishes.list_wishes(store, ids["group1"])] == [
        "Bättre belysning vid skolan", "Öppna förskolans gård på kvällarna"]
    assert len(groups.list_groups(store, ids["workshop"])) == 3  # the others are still there


def test_trashed_and_conflicting_wishes_are_counted_per_group(
        store: Store, laptop: Store, tmp_path: Path) -> None:
    ids = evening(store)
    extra = wishes.add_wish(store, ids["group3"], "Flytbrygga för kajaker")
    import_package(laptop, copied(group_package(store, ids["workshop"], ids["group3"])))
    wishes.delete_wish(laptop, extra)
    wishes.set_text(laptop, ids["wish3"], "Hamnen, av antecknaren")
    wishes.set_text(store, ids["wish3"], "Hamnen, av samordnaren")
    back = copied(export_package(laptop, ids["workshop"]))
    preview = preview_collect(store, [(back, "hamnen.json")])
    line = preview.line("Hamnen", "wish")
    assert line is not None and (line.new, line.changed, line.deleted, line.conflict) == (
        0, 0, 1, 1)
    assert preview.conflicting_fields == 1


def test_file_names_are_readable_and_safe_everywhere(store: Store, tmp_path: Path) -> None:
    assert package_file_name("Kväll: 12/3", "Skola?", "Åsa") == "Kväll- 12-3 – Skola- – Åsa.json"
    assert safe_file_name("CON") == "_CON.json"
    assert safe_file_name(" ... ") == "paket.json"
    ids = evening(store)
    paths = write_handout(store, ids["workshop"], [
        HandoutRequest(ids["group1"], "Åsa"), HandoutRequest(ids["group2"]),
        HandoutRequest(ids["group2"])], tmp_path / "Antecknare")
    assert [p.name for p in paths] == [
        "Kväll i bygdegården – Skolan och förskolan – Åsa.json",
        "Kväll i bygdegården – Vägar och belysning.json",
        "Kväll i bygdegården – Vägar och belysning (2).json"]
    one = json.loads(paths[1].read_text(encoding="utf-8"))
    assert [g["name"] for g in one["project"]["workshops"][0]["groups"]] == [
        "Vägar och belysning"]
    whole = write_handout(store, ids["workshop"], [HandoutRequest(ids["group3"])],
                          tmp_path / "Hela", whole_workshop=True)
    data = json.loads(whole[0].read_text(encoding="utf-8"))
    assert len(data["project"]["workshops"][0]["groups"]) == 3
