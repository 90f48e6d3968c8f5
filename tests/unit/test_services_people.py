"""The people register, organisations and attendance."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from facilitator.services import NotFoundError, ValidationError, people, projects
from facilitator.services import workshops as ws
from facilitator.store.models import AttendanceStatus


@pytest.fixture
def workshop(store) -> str:  # type: ignore[no-untyped-def]
    return ws.create_workshop(store, projects.create_project(store, "Ängsö"), "Vårmöte")


def _count(store, table: str) -> int:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def test_walk_in_creates_person_and_attendance_in_one_step(store, workshop) -> None:  # type: ignore[no-untyped-def]
    heard = []
    store.subscribe(heard.append)
    pid = people.add_walk_in(store, workshop, "Örjan Åkesson", "Ängsö kommun")
    [row] = people.list_attendance(store, workshop)
    assert (row.person_id, row.name, row.organisation, row.status) == (
        pid, "Örjan Åkesson", "Ängsö kommun", AttendanceStatus.ATTENDED)
    assert len(heard) == 1
    assert heard[0].kinds == {"person", "organisation", "attendance"}


def test_failed_walk_in_leaves_no_person_behind(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="Workshopen"):
        people.add_walk_in(store, "finns-inte", "Åsa Öberg", "Ängsö kommun")
    assert people.list_people(store) == []
    assert _count(store, "organisation") == 0


@pytest.mark.parametrize("spelling", ["Ängsö kommun", "ÄNGSÖ KOMMUN", "ängsö Kommun",
                                      "  Ängsö   kommun "])
def test_organisation_reused_case_insensitively(store, spelling) -> None:  # type: ignore[no-untyped-def]
    first = people.create_person(store, "Åsa Öberg", organisation="Ängsö kommun")
    second = people.create_person(store, "Örjan Åkesson", organisation=spelling)
    assert people.get_person(store, first).organisation_id == \
        people.get_person(store, second).organisation_id
    assert [name for _, name in people.list_organisations(store)] == ["Ängsö kommun"]
    assert people.create_organisation(store, spelling.upper()) == \
        people.get_person(store, first).organisation_id


def test_trashed_organisation_is_not_reused(store) -> None:  # type: ignore[no-untyped-def]
    old = people.create_organisation(store, "Älvdalens byalag")
    with store.write() as tx:  # no service trashes organisations yet
        tx.session.execute(text("UPDATE organisation SET deleted_at = '2026-01-01'"))
    new = people.create_organisation(store, "Älvdalens byalag")
    assert new != old
    assert people.list_organisations(store) == [(new, "Älvdalens byalag")]


def test_people_listed_in_swedish_order(store) -> None:  # type: ignore[no-untyped-def]
    for name in ["Östen Ek", "Åsa Öberg", "Ärla Berg", "anna Lind", "Bo Ek"]:
        people.create_person(store, name)
    assert [p.name for p in people.list_people(store)] == [
        "anna Lind", "Bo Ek", "Åsa Öberg", "Ärla Berg", "Östen Ek"]


def test_search_matches_name_title_organisation_email(store) -> None:  # type: ignore[no-untyped-def]
    asa = people.create_person(store, "Åsa Öberg", title="Kulturchef",
                               organisation="Östhammars kommun", email="asa@osthammar.se")
    bo = people.create_person(store, "Bo Ek", organisation="Ängsö byalag")
    assert [p.id for p in people.list_people(store, "åsa")] == [asa]
    assert [p.id for p in people.list_people(store, "A\u030aSA")] == [asa]  # decomposed Å
    assert [p.id for p in people.list_people(store, "kulturchef")] == [asa]
    assert [p.id for p in people.list_people(store, "ÄNGSÖ")] == [bo]
    assert [p.id for p in people.list_people(store, "osthammar.se")] == [asa]
    assert [p.id for p in people.list_people(store, "  ")] == [bo, asa]
    assert people.list_people(store, "Göteborg") == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"name": ""}, "Namnet får inte vara tomt"),
        ({"name": "Å" * 301}, "Namnet är för långt"),
        ({"name": "Åsa", "email": "åsa at ängsö"}, "E-postadressen"),
        ({"name": "Åsa", "phone": "0" * 101}, "Telefon är för långt"),
    ],
)
def test_invalid_person_refused(store, values, message) -> None:  # type: ignore[no-untyped-def]
    values = dict(values)  # the same dict serves each backend's run
    name = values.pop("name")
    with pytest.raises(ValidationError, match=message):
        people.create_person(store, name, **values)
    assert people.list_people(store) == []


def test_update_person_returns_old_values_and_validates(store) -> None:  # type: ignore[no-untyped-def]
    pid = people.create_person(store, "Åsa Öberg", organisation="Ängsö kommun")
    old_org = people.get_person(store, pid).organisation_id
    old = people.update_person(store, pid, title="Enhetschef", organisation="Östhammars kommun")
    assert old == {"title": "", "organisation_id": old_org}
    info = people.get_person(store, pid)
    assert (info.title, info.organisation) == ("Enhetschef", "Östhammars kommun")
    with pytest.raises(ValidationError, match="Telefon"):
        people.update_person(store, pid, phone="0" * 101)
    with pytest.raises(ValidationError, match="Titeln"):
        people.update_person(store, pid, title="Å" * 301)
    with pytest.raises(ValidationError, match="Okänt fält"):
        people.update_person(store, pid, skostorlek="42")
    assert people.get_person(store, pid).title == "Enhetschef"


def test_attendance_set_change_remove(store, workshop) -> None:  # type: ignore[no-untyped-def]
    pid = people.create_person(store, "Åsa Öberg")
    assert people.set_attendance(store, workshop, pid, "invited", role="Moderator") is None
    previous = people.set_attendance(store, workshop, pid, AttendanceStatus.ABSENT)
    assert previous == (AttendanceStatus.INVITED, "Moderator")
    [row] = people.list_attendance(store, workshop)
    assert (row.status, row.role) == (AttendanceStatus.ABSENT, "Moderator")
    with pytest.raises(ValidationError, match="Närvaro: okänt värde"):
        people.set_attendance(store, workshop, pid, "kanske")
    people.remove_attendance(store, workshop, pid)
    assert people.list_attendance(store, workshop) == []
    with pytest.raises(ValidationError, match="deltagarlistan"):
        people.remove_attendance(store, workshop, pid)
    # Adding again revives the same row: the unique (workshop, person) pair holds.
    assert people.set_attendance(store, workshop, pid) is None
    assert _count(store, "attendance") == 1


def test_trashed_person_leaves_attendance_list(store, workshop) -> None:  # type: ignore[no-untyped-def]
    pid = people.add_walk_in(store, workshop, "Åsa Öberg")
    people.delete_person(store, pid)
    assert people.list_attendance(store, workshop) == []
    assert people.list_people(store) == []
    with pytest.raises(NotFoundError):
        people.get_person(store, pid)
    people.restore_person(store, pid)
    assert [a.name for a in people.list_attendance(store, workshop)] == ["Åsa Öberg"]
