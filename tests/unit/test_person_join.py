"""Samma person? Two registrations of one person are offered, joined, undone (#14)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import (
    choices,
    focus_areas,
    groups,
    people,
    projects,
    responsibles,
    roles,
    workshops,
)
from facilitator.services.core import Store, ValidationError
from facilitator.services.person_join import (
    REFERRING,
    duplicate_candidates,
    join_people,
    unjoin,
)
from facilitator.services.responsibles import Who
from facilitator.services.roles import RoleEntry
from facilitator.store.models import Attendance, AttendanceStatus, Person
from facilitator.store.vocabulary import RoleKind

S = AttendanceStatus


def _pairs(store: Store) -> list[tuple[str, str]]:
    return [(p.keep.id, p.duplicate.id) for p in duplicate_candidates(store)]


def _snapshot(store: Store) -> dict[str, Any]:
    """Every person and every row that names one, as plain values (no timestamps)."""
    with store.read() as s:
        rows: dict[str, Any] = {}
        for model, _key in REFERRING:
            for row in s.scalars(select(model)):
                rows[row.id] = (row.person_id, row.deleted_at is not None,
                                getattr(row, "status", None), getattr(row, "role", None),
                                getattr(row, "may_be_named", None), getattr(row, "rank", None))
        for p in s.scalars(select(Person)):
            rows[p.id] = (p.name, p.title, p.organisation_id, p.email, p.phone, p.note,
                          p.deleted_at is not None, p.merged_into_id)
    return rows


def test_same_name_alone_is_never_offered(store: Store) -> None:
    people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    people.create_person(store, "Åsa Öberg", organisation="Hembygdsföreningen")
    people.create_person(store, "Åsa Öberg", email="asa@example.se")
    people.create_person(store, "Åsa Öberg")
    assert duplicate_candidates(store) == []


def test_same_name_and_organisation_is_offered_ignoring_case_and_spacing(store: Store) -> None:
    first = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    second = people.create_person(store, "  åsa   ÖBERG ", organisation="byalaget")
    people.create_person(store, "Asa Oberg", organisation="Byalaget")  # not the same letters
    people.create_person(store, "Åsa Öberg", organisation="Hembygdsföreningen")
    assert _pairs(store) == [(first, second)]


def test_same_name_and_email_is_offered_case_insensitively(store: Store) -> None:
    first = people.create_person(store, "Pär Älvsjö", email="Par@Byn.se")
    second = people.create_person(store, "Pär Älvsjö", email="par@byn.se",
                                  organisation="Skolan")
    people.create_person(store, "Pär Älvsjö", email="annan@byn.se")
    assert _pairs(store) == [(first, second)]


def test_people_in_the_trash_or_already_joined_are_not_offered(store: Store) -> None:
    first = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    second = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    third = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    people.delete_person(store, third)
    assert _pairs(store) == [(first, second)]
    join_people(store, first, second)
    assert _pairs(store) == []


def test_the_one_who_attended_more_is_suggested_to_keep(store: Store) -> None:
    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Vårmöte")
    first = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    second = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    people.set_attendance(store, workshop, second, S.ATTENDED)
    [pair] = duplicate_candidates(store)
    assert (pair.keep.id, pair.duplicate.id) == (second, first)
    assert (pair.keep.attended, pair.duplicate.attended) == (1, 0)
    assert pair.keep.organisation == "Byalaget"


def test_joining_on_the_name_alone_is_refused(store: Store) -> None:
    first = people.create_person(store, "Åsa Öberg", organisation="Byalaget")
    second = people.create_person(store, "Åsa Öberg", organisation="Skolan")
    with pytest.raises(ValidationError, match="Åsa Öberg"):
        join_people(store, first, second)
    assert people.get_person(store, second).name == "Åsa Öberg"


@pytest.fixture
def world(store: Store) -> dict[str, str]:
    """Two registrations of Åsa Öberg, each named by every kind of row."""
    ids = {"project": projects.create_project(store, "Ängsö framåt")}
    ids["w1"] = workshops.create_workshop(store, ids["project"], "Vårmöte")
    ids["w2"] = workshops.create_workshop(store, ids["project"], "Höstmöte")
    ids["area"] = focus_areas.add_focus_area(store, ids["project"], "Skolan")
    ids["keep"] = people.create_person(store, "Åsa Öberg", organisation="Byalaget",
                                       email="")
    ids["dup"] = people.create_person(store, "Åsa Öberg", organisation="Byalaget",
                                      email="asa@byn.se", phone="070-123 45 67")
    people.set_attendance(store, ids["w1"], ids["keep"], S.INVITED)
    people.set_attendance(store, ids["w1"], ids["dup"], S.ATTENDED, role="Sekreterare")
    people.set_may_be_named(store, ids["w1"], ids["dup"], False)
    people.set_attendance(store, ids["w2"], ids["dup"], S.ATTENDED)
    ids["group"] = groups.create_group(store, ids["w2"], name="Grupp ett")
    groups.set_members(store, ids["group"], [ids["dup"]])
    choices.set_choice(store, ids["w2"], ids["dup"], ids["area"], True)
    roles.set_roles(store, ids["w2"], [RoleEntry(RoleKind.MODERATOR, person_id=ids["dup"])])
    responsibles.set_responsibles(store, "focus_area", ids["area"],
                                  [Who(person_id=ids["keep"]), Who(text="Byalaget"),
                                   Who(person_id=ids["dup"])])
    return ids


def test_joining_moves_every_reference_and_fills_empty_fields(
        store: Store, world: dict[str, str]) -> None:
    join_people(store, world["keep"], world["dup"])
    with store.read() as s:
        for model, _key in REFERRING:
            live = s.scalars(select(model).where(model.person_id == world["dup"],
                                                 model.deleted_at.is_(None))).all()
            assert live == [], model.__tablename__
        dup = s.get(Person, world["dup"])
        assert dup is not None and dup.deleted_at is not None
        assert dup.merged_into_id == world["keep"]
    kept = people.get_person(store, world["keep"])
    assert (kept.email, kept.phone, kept.organisation) == ("asa@byn.se", "070-123 45 67",
                                                          "Byalaget")
    assert groups.set_members(store, world["group"], [world["keep"]]) == [world["keep"]]
    assert choices.list_choices(store, world["w2"]) == {world["keep"]: {world["area"]}}
    whos = responsibles.list_responsibles(store, "focus_area", world["area"])
    assert [(w.who.person_id, w.who.text) for w in whos] == [(world["keep"], ""),
                                                             (None, "Byalaget")]
    assert [p.id for p in people.list_people(store, "Åsa")] == [world["keep"]]


def test_both_on_one_list_keeps_the_check_in_and_the_refusal_to_be_named(
        store: Store, world: dict[str, str]) -> None:
    join_people(store, world["keep"], world["dup"])
    [row] = people.list_attendance(store, world["w1"])
    assert (row.person_id, row.status, row.role, row.may_be_named) == (
        world["keep"], S.ATTENDED, "Sekreterare", False)
    with store.read() as s:
        rows = s.scalars(select(Attendance).where(Attendance.workshop_id == world["w1"])).all()
        assert len(rows) == 2  # the duplicate's row waits in the trash, for an undo


def test_unjoin_restores_exactly_what_was_there(store: Store, world: dict[str, str]) -> None:
    before = _snapshot(store)
    record = join_people(store, world["keep"], world["dup"])
    assert _snapshot(store) != before
    unjoin(store, record)
    assert _snapshot(store) == before
    assert len(duplicate_candidates(store)) == 1
    join_people(store, world["keep"], world["dup"])  # redo
    assert duplicate_candidates(store) == []



def _package(store: Store, project: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(json.dumps(export_package(store, project)))
    return data


def test_a_later_package_about_the_duplicate_lands_on_the_kept_person(laptops) -> None:  # type: ignore[no-untyped-def]
    a, b = laptops
    project = projects.create_project(a, "Ängsö framåt")
    spring = workshops.create_workshop(a, project, "Vårmöte")
    autumn = workshops.create_workshop(a, project, "Höstmöte")
    keep = people.create_person(a, "Åsa Öberg", organisation="Byalaget")
    people.set_attendance(a, spring, keep, S.INVITED)
    import_package(b, _package(a, project))
    dup = people.create_person(b, "Åsa  Öberg", organisation="Byalaget", phone="070-1")
    people.set_attendance(b, spring, dup, S.INVITED)
    import_package(a, _package(b, project))  # A now has both
    join_people(a, keep, dup)
    # B, not yet told, checks the duplicate in at both meetings.
    people.set_attendance(b, spring, dup, S.ATTENDED)
    people.set_attendance(b, autumn, dup, S.ATTENDED, role="Ordförande")
    import_package(a, _package(b, project))
    rows = {w: people.list_attendance(a, w) for w in (spring, autumn)}
    assert [(r.person_id, r.status) for r in rows[spring]] == [(keep, S.ATTENDED)]
    assert [(r.person_id, r.status, r.role) for r in rows[autumn]] == [
        (keep, S.ATTENDED, "Ordförande")]
    assert [p.id for p in people.list_people(a, "Öberg")] == [keep]
    assert people.get_person(a, keep).phone == "070-1"
    # And B learns of the join: the duplicate goes to its trash too, redirected.
    import_package(b, _package(a, project))
    assert [p.id for p in people.list_people(b, "Öberg")] == [keep]
    with b.read() as s:
        person = s.get(Person, dup)
        assert person is not None and person.merged_into_id == keep


def test_a_package_without_the_field_leaves_a_join_alone(store: Store) -> None:
    a = store
    project = projects.create_project(a, "Ängsö framåt")
    spring = workshops.create_workshop(a, project, "Vårmöte")
    keep = people.create_person(a, "Åsa Öberg", email="asa@byn.se")
    dup = people.create_person(a, "Åsa Öberg", email="ASA@byn.se")
    for person_id in (keep, dup):
        people.set_attendance(a, spring, person_id, S.INVITED)
    package = _package(a, project)
    join_people(a, keep, dup)
    for person in package["people"]:
        del person["merged_into_id"]  # as a package written before the field existed
    import_package(a, package)
    with a.read() as s:
        person = s.get(Person, dup)
        assert person is not None and (person.merged_into_id, person.is_deleted) == (keep, True)
    assert [(r.person_id, r.status) for r in people.list_attendance(a, spring)] == [
        (keep, S.INVITED)]


def test_erasing_the_kept_person_erases_the_registration_joined_into_it(
        store: Store, world: dict[str, str]) -> None:
    from facilitator.services import gdpr
    from facilitator.store.models import Tombstone

    join_people(store, world["keep"], world["dup"])
    report = gdpr.erase_person(store, world["keep"], vacuum=False)
    with store.read() as s:
        assert s.get(Person, world["dup"]) is None and s.get(Person, world["keep"]) is None
        assert {t.row_id for t in s.scalars(select(Tombstone))} == {world["keep"],
                                                                     world["dup"]}
        for model, _key in REFERRING:
            assert s.scalars(select(model).where(model.person_id.in_(
                [world["keep"], world["dup"]]))).all() == []
    assert ("person", world["dup"]) in {(p.kind, p.row_id) for p in report.places}
