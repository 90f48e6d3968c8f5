"""Units on the organisation's server (#15): setting a project's unit, listing who sees
what, and merge conflicts and tombstones that follow their project's unit.

Two facilitators in two units (Norr, Söder) against the real test server (skips without
one); the fixtures are test_server_roles.py's, imported (hence F811 on their names).
"""
# ruff: noqa: F811

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_packages
from facilitator.interchange.sync import synchronise, take_offline
from facilitator.services import (
    conflicts,
    gdpr,
    groups,
    people,
    projects,
    trash,
    wishes,
    workshops,
)
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.store.models import MergeConflict, Project, Tombstone, Wish
from facilitator.store.server import ServerError
from facilitator.store.server_units import set_project_unit, units_overview
from tests.unit.test_server_roles import facilitators, owner, server, world  # noqa: F401

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def conflict_rows(store: Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(MergeConflict.row_id)))


def tombstone_rows(store: Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(Tombstone.row_id)))


def a_conflict(facilitator: Store, wish_id: str, laptop: Store, project_id: str) -> None:
    """The facilitator edits a wish at the office and on the laptop, then syncs."""
    take_offline(facilitator, laptop, [project_id])
    wishes.set_text(laptop, wish_id, "Ändrat i bygdegården")
    wishes.set_text(facilitator, wish_id, "Ändrat på kontoret")
    synchronise(laptop, facilitator)


@pytest.fixture
def laptop(db_path: Path) -> Iterator[Store]:
    store = Store(open_database(db_path))
    yield store
    store.close()


def test_each_facilitator_sees_only_their_units_conflicts(facilitators, world, owner,
                                                          tmp_path):
    for unit in ("Norr", "Söder"):
        laptop = Store(open_database(tmp_path / f"{unit}.sqlite3"))
        try:  # a merge as the unit's role works, and records the conflict on the server
            a_conflict(facilitators[unit], world[unit]["wish"], laptop, world[unit]["project"])
        finally:
            laptop.close()
    for unit in ("Norr", "Söder"):
        store = facilitators[unit]
        assert conflict_rows(store) == {world[unit]["wish"]}
        shown = conflicts.list_conflicts(store)
        assert {c.kept for c in shown} | {c.other for c in shown} == {
            "Ändrat i bygdegården", "Ändrat på kontoret"}
        [mine] = shown
        conflicts.set_choice(store, mine.id, "other")  # resolving one's own still works
    with owner.read() as s:  # the owner sees both, each with its project's unit
        units = {c.row_id: (c.project_id, c.unit) for c in s.scalars(select(MergeConflict))}
    assert units == {world[u]["wish"]: (world[u]["project"], u) for u in ("Norr", "Söder")}


def test_each_facilitator_sees_only_their_units_tombstones(facilitators, world, owner):
    gone = {}
    for unit in ("Norr", "Söder"):
        store = facilitators[unit]
        projects.delete_project(store, world[unit]["project"])
        trash.remove_for_good(store, "project", world[unit]["project"])
        gone[unit] = tombstone_rows(store)
        assert {world[unit]["project"], world[unit]["wish"]} <= gone[unit]
    erased = world[None]["person"]
    gdpr.erase_person(facilitators["Norr"], erased)  # the person register is shared
    for unit, other in (("Norr", "Söder"), ("Söder", "Norr")):
        seen = tombstone_rows(facilitators[unit])
        assert world[other]["project"] not in seen and world[other]["wish"] not in seen
        assert {world[unit]["project"], world[unit]["wish"], erased} <= seen
    with owner.read() as s:
        assert s.get_one(Tombstone, ("project", world["Söder"]["project"])).unit == "Söder"
        assert s.get_one(Tombstone, ("person", erased)).unit is None


def test_a_project_removed_for_good_does_not_come_back_from_the_laptop(
        facilitators, world, owner, laptop):
    norr = facilitators["Norr"]
    project_id = world["Norr"]["project"]
    take_offline(norr, laptop, [project_id])
    wishes.set_text(laptop, world["Norr"]["wish"], "Skrivet offline")
    projects.delete_project(norr, project_id)
    trash.remove_for_good(norr, "project", project_id)
    package = json.loads(json.dumps(export_package(laptop, project_id)))
    import_packages(norr, [(package, "laptop")])  # the project's tombstone is Norr's to see
    with owner.read() as s:
        assert s.get(Project, project_id) is None and s.get(Wish, world["Norr"]["wish"]) is None


def test_a_tombstone_of_another_units_row_is_skipped_not_refused(facilitators, world,
                                                                 owner):
    wish_id = world["Söder"]["wish"]
    with owner.write() as tx:
        tx.session.add(Tombstone(table_name="wish", row_id=wish_id, stamp="1", reason="purged"))
    with facilitators["Norr"].write() as tx:  # as an import from a package naming it does
        tx.session.add(Tombstone(table_name="wish", row_id=wish_id, stamp="0", reason="purged"))
    assert wish_id not in tombstone_rows(facilitators["Norr"])
    with owner.read() as s:
        kept = s.get_one(Tombstone, ("wish", wish_id))
        assert (kept.stamp, kept.unit) == ("1", "Söder")


def test_it_moves_a_project_and_its_trail_to_another_unit(facilitators, world, owner,
                                                          server, tmp_path):
    laptop = Store(open_database(tmp_path / "norr.sqlite3"))
    try:
        a_conflict(facilitators["Norr"], world["Norr"]["wish"], laptop, world["Norr"]["project"])
    finally:
        laptop.close()
    moved = set_project_unit(server, "Norrbyn", "Söder")  # by its exact name
    assert (moved.id, moved.unit) == (world["Norr"]["project"], "Söder")
    assert world["Norr"]["project"] not in {p.id for p in projects.list_projects(
        facilitators["Norr"])}
    assert world["Norr"]["project"] in {p.id for p in projects.list_projects(
        facilitators["Söder"])}
    assert conflict_rows(facilitators["Norr"]) == set()
    assert conflict_rows(facilitators["Söder"]) == {world["Norr"]["wish"]}
    set_project_unit(server, world["Norr"]["project"], None)  # by id; everyone's
    assert conflict_rows(facilitators["Norr"]) == {world["Norr"]["wish"]}

    projects.create_project(owner, "Norrbyn")
    with pytest.raises(ServerError) as ambiguous:
        set_project_unit(server, "Norrbyn", "Norr")
    assert world["Norr"]["project"] in str(ambiguous.value.params["candidates"])
    with pytest.raises(ServerError, match="inget projekt"):
        set_project_unit(server, "Finns inte", "Norr")

    overview = units_overview(server)
    assert {p.name: p.unit for p in overview.projects}["Söderby"] == "Söder"
    assert {unit: len(roles) for unit, roles in overview.members.items()} == {
        "Norr": 1, "Söder": 1}


def test_the_unit_commands_for_it(facilitators, world, server, capsys):
    from facilitator.cli import run

    assert run(["server-set-unit", server, "Alla", "Väster"]) == 0
    out = capsys.readouterr().out
    assert "hör nu till enheten Väster" in out and "ingen roll hör till enheten" in out
    assert run(["server-set-unit", server, "Alla", "--alla"]) == 0
    assert "syns för alla" in capsys.readouterr().out
    assert run(["server-set-unit", server, "Alla"]) == 2
    assert run(["server-units", server]) == 0
    out = capsys.readouterr().out
    assert "Söderby" in out and "Alla" in out and "alla (ingen enhet)" in out
    assert f"Norr: {facilitators['Norr'].engine.url.username}" in out
    projects.create_project(facilitators["Norr"], "Söderby")
    assert run(["server-set-unit", server, "Söderby", "Norr"]) == 1
    refused = capsys.readouterr().err
    assert world["Söder"]["project"] in refused and "Söderby" in refused


def test_a_new_project_is_its_creators_unit_and_visible_to_them_only(facilitators):
    made = {unit: projects.create_project(store, f"Nytt i {unit}")
            for unit, store in facilitators.items()}
    for unit, other in (("Norr", "Söder"), ("Söder", "Norr")):
        seen = {p.id for p in projects.list_projects(facilitators[unit])}
        assert made[unit] in seen and made[other] not in seen
        with facilitators[unit].read() as s:
            assert s.get_one(Project, made[unit]).unit == unit
        people.create_person(facilitators[unit], f"Person i {unit}")  # the shared register


def test_a_laptop_that_took_the_project_offline_before_gets_the_new_unit(
        facilitators, world, owner, server, laptop):
    norr, project_id = facilitators["Norr"], world[None]["project"]
    take_offline(norr, laptop, [project_id])  # everyone's when it was taken
    wishes.set_text(laptop, world[None]["wish"], "Skrivet offline")
    set_project_unit(server, project_id, "Norr")
    synchronise(laptop, norr, [project_id])
    for store in (owner, laptop):  # the move is an edit: the laptop's old value loses
        with store.read() as s:
            assert s.get_one(Project, project_id).unit == "Norr"
            assert s.get_one(Wish, world[None]["wish"]).text == "Skrivet offline"
    assert project_id not in {p.id for p in projects.list_projects(facilitators["Söder"])}


def test_conflicts_made_before_server_init_get_their_projects_unit(server_database):
    from facilitator.store.server import make_server_engine
    from facilitator.store.server_setup import init_server

    owner = Store(make_server_engine(server_database))
    try:
        project_id = projects.create_project(owner, "Före")
        with owner.write() as tx:
            tx.session.get_one(Project, project_id).unit = "Norr"
        group_id = groups.create_group(owner, workshops.create_workshop(owner, project_id,
                                                                        "Träff"), name="G")
        wish_id = wishes.add_wish(owner, group_id, "Önskemål")
        with owner.write() as tx:
            tx.session.add(MergeConflict(table_name="wish", row_id=wish_id, field="text",
                                         kept_value='"a"', kept_stamp="2", other_value='"b"',
                                         other_stamp="1", source="test"))
            tx.session.add(Tombstone(table_name="wish", row_id="borta", stamp="1",
                                     reason="purged"))
        init_server(server_database)
        init_server(server_database)
        with owner.read() as s:
            [conflict] = s.scalars(select(MergeConflict))
            assert (conflict.project_id, conflict.unit) == (project_id, "Norr")
            gone = s.get_one(Tombstone, ("wish", "borta"))  # its row was gone already
            assert (gone.project_id, gone.unit) == (None, None)
    finally:
        owner.close()
