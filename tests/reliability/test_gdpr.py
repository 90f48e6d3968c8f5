"""GDPR: erasing a person leaves no trace (tables, search index, raw file bytes); access export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from facilitator.services import (
    actions,
    focus_areas,
    follow_up,
    gdpr,
    groups,
    people,
    projects,
    responsibles,
    reviews,
    roles,
    search,
    sections,
    wishes,
)
from facilitator.services import workshops as ws
from facilitator.services.core import NotFoundError, Store
from facilitator.services.responsibles import Who
from facilitator.services.reviews import ReviewEntry, ReviewState
from facilitator.services.roles import RoleEntry
from facilitator.store.vocabulary import ReviewStatus, RoleKind
from tests.tables import table_names

NAME = "Yngve Qvarnström"
EMAIL = "yngve.qvarnstrom@exempelkommun.se"
PHONE = "070-913 44 82"
TRACES = (NAME, "Qvarnström", "Qvarnstr", EMAIL, "exempelkommun", PHONE)


@pytest.fixture
def world(store: Store) -> dict[str, str]:
    """A workshop where the person attends, is in a group, is responsible and is named."""
    for i in range(30):  # enough index content for several FTS segments
        people.create_person(store, f"Deltagare {i} Ängsbo", email=f"d{i}@byn.se")
    project = projects.create_project(store, "Ängsö 2030", f"Samordnas av {NAME}.")
    workshop = ws.create_workshop(store, project, "Vårmöte på Ängsö",
                                  lead=f"Välkommen! /{NAME}")
    person = people.create_person(store, NAME, title="Ordförande", organisation="Ängsö byalag",
                                  email=EMAIL, phone=PHONE, note="Vill ha protokollet per post.")
    roles.set_roles(store, workshop, [
        RoleEntry(RoleKind.MODERATOR, person_id=person),
        RoleEntry(RoleKind.OTHER, label="Kvällens värd", name=NAME),
        RoleEntry(RoleKind.NOTE_TAKER, name="Åsa Öberg")])
    loner = people.create_person(store, "Örjan Utanförening", email="orjan@byn.se")
    other = people.create_person(store, "Åsa Öberg", email="asa@byn.se")
    people.set_attendance(store, workshop, person, "attended", "Sakkunnig")
    people.set_attendance(store, workshop, other, "attended")
    people.set_attendance(store, workshop, loner, "invited")
    people.remove_attendance(store, workshop, loner)  # a tombstoned attendance row
    area = focus_areas.add_focus_area(store, project, "Medborgardialog",
                                      f"{NAME} leder arbetet. Kontakt: {EMAIL}")
    responsibles.set_responsibles(store, "focus_area", area, [Who(person_id=person)])
    area2 = focus_areas.add_focus_area(store, project, "Samverkan")
    responsibles.set_responsibles(store, "focus_area", area2, [Who(person_id=loner)])
    group = groups.create_group(store, workshop, [area])
    groups.set_members(store, group, [person, other])
    wish = wishes.add_wish(store, group, f"Ring {PHONE} om bryggan")
    wishes.set_note(store, wish, "Följs upp i maj")
    later = ws.create_workshop(store, project, "Uppföljning")
    reviews.set_review(store, later, "wish", wish, ReviewState(ReviewEntry(
        ReviewStatus.IN_PROGRESS, f"{NAME} ringer", (Who(person_id=person),)),
        ReviewStatus.IN_PROGRESS))
    action = actions.add_action(store, "Boka lokal", workshop_id=workshop,
                                responsibles=[Who(person_id=person)])
    section = sections.add_section(store, workshop, "Inledning",
                                   f"**{NAME.upper()}** hälsade välkommen.\n\n- Åsa Öberg")
    [followed] = [i for i in follow_up.list_follow_up(store, later) if i.review]
    assert followed.review is not None
    return dict(project=project, workshop=workshop, person=person, other=other, loner=loner,
                area=area, area2=area2, group=group, wish=wish, action=action, section=section,
                review=followed.review.id)


def _checkpointed_bytes(store: Store, db_path: Path) -> bytes:
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    wal = Path(f"{db_path}-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _all_text(store: Store) -> str:
    """Every value of every table (the FTS shadow tables included) as one string."""
    parts = []
    with store.engine.connect() as conn:
        tables = table_names(conn)
        for table in tables:
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                parts.extend(
                    v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
                    for v in row)
    return "\n".join(parts)


def test_erasure_leaves_no_trace_anywhere(store: Store, db_path: Path, world) -> None:
    before = _checkpointed_bytes(store, db_path)
    for trace in TRACES:
        assert trace.encode() in before, trace

    report = gdpr.erase_person(store, world["person"])

    assert report.vacuumed
    everything = _all_text(store)
    data = _checkpointed_bytes(store, db_path)
    for trace in TRACES:
        assert trace.casefold() not in everything.casefold(), trace
        assert trace.encode() not in data, trace
        assert trace.upper().encode() not in data, trace
    assert search.search(store, "Qvarnström") == []
    assert search.search(store, "exempelkommun") == []
    with store.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert session.execute(text("SELECT count(*) FROM person WHERE id = :i"),
                               {"i": world["person"]}).scalar() == 0


def test_erasure_replaces_references_and_reports_every_place(store: Store, world) -> None:
    report = gdpr.erase_person(store, world["person"])
    where = {(p.kind, p.row_id, p.field, p.change) for p in report.places}
    w = world
    with store.read() as s:
        att = s.execute(text("SELECT count(*) FROM attendance WHERE workshop_id=:w"),
                        {"w": w["workshop"]}).scalar()
    assert att == 2  # the other participant and the tombstoned loner remain
    assert ("attendance", "person_id", "removed") in {(k, f, c) for k, _, f, c in where}
    assert ("group_member", "person_id", "removed") in {(k, f, c) for k, _, f, c in where}
    # Responsible: the person's organisation takes over where it can.
    area = focus_areas.get_focus_area(store, w["area"])
    org = people.list_organisations(store)
    org_id = next(i for i, n in org if n == "Ängsö byalag")
    assert [(r.who.person_id, r.who.organisation_id) for r in area.responsibles] == [
        (None, org_id)]
    assert ("focus_area", w["area"], "responsible", "replaced_by_organisation") in where
    assert ("review", w["review"], "responsible", "replaced_by_organisation") in where
    assert ("action", w["action"], "responsible", "replaced_by_organisation") in where
    [item] = [a for a in actions.list_actions(store, workshop_id=w["workshop"])]
    assert [(r.who.person_id, r.who.organisation_id) for r in item.responsibles] == [
        (None, org_id)]
    # A role keeps its place in the title block and names "borttagen person".
    held = [(i.entry.role, i.entry.person_id, i.holder)
            for i in roles.list_roles(store, w["workshop"])]
    assert held == [(RoleKind.MODERATOR, None, gdpr.ERASED), (RoleKind.OTHER, None, gdpr.ERASED),
                    (RoleKind.NOTE_TAKER, None, "Åsa Öberg")]
    assert ("workshop", w["workshop"], "role", "replaced_by_text") in where
    # Free text: each occurrence replaced, each place reported.
    facts = ws.get_facts(store, w["workshop"])
    assert facts.lead == f"Välkommen! /{gdpr.ERASED}"
    assert sections.get_section(store, w["section"]).body.startswith(f"**{gdpr.ERASED}**")
    assert "Åsa Öberg" in sections.get_section(store, w["section"]).body
    narrative = focus_areas.get_focus_area(store, w["area"]).narrative
    assert narrative == f"{gdpr.ERASED} leder arbetet. Kontakt: {gdpr.ERASED}"
    role_id = roles.list_roles(store, w["workshop"])[1].entry.id
    for kind, row_id, column in (("workshop_role", role_id, "name"),
                                 ("workshop", w["workshop"], "lead"),
                                 ("section", w["section"], "body"),
                                 ("focus_area", w["area"], "narrative"),
                                 ("wish", w["wish"], "text"),
                                 ("project", w["project"], "description")):
        assert (kind, row_id, column, "text_replaced") in where, (kind, column)
    assert ("person", w["person"], "", "removed") in where
    # Other people are untouched.
    assert people.get_person(store, w["other"]).name == "Åsa Öberg"
    with pytest.raises(NotFoundError):
        people.get_person(store, w["person"])


def test_person_without_organisation_becomes_borttagen_person(store: Store, world) -> None:
    gdpr.erase_person(store, world["loner"])
    area2 = focus_areas.get_focus_area(store, world["area2"])
    assert [r.who.text for r in area2.responsibles] == [gdpr.ERASED]
    assert "Utanförening" not in _all_text(store)


def test_erasure_is_one_transaction(store: Store, world, monkeypatch) -> None:
    """A failure half-way leaves everything as it was."""
    before = _all_text(store)

    def boom(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("simulated crash")

    monkeypatch.setattr(gdpr, "_change_kind", boom)  # fails after rows were changed
    with pytest.raises(RuntimeError):
        gdpr.erase_person(store, world["person"])
    assert _all_text(store) == before


def test_usage_counts_what_would_change(store: Store, world) -> None:
    usage = gdpr.person_usage(store, world["person"])
    assert (usage.name, usage.organisation) == (NAME, "Ängsö byalag")
    assert (usage.attendance, usage.groups, usage.responsible) == (1, 1, 4)
    assert usage.mentions >= 6


def test_export_person_data_holds_everything(store: Store, world, tmp_path: Path) -> None:
    path = gdpr.write_person_data(store, world["person"], tmp_path / "yngve.json")
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == gdpr.EXPORT_FORMAT
    p = data["person"]
    assert (p["name"], p["email"], p["phone"], p["organisation"], p["title"], p["note"]) == (
        NAME, EMAIL, PHONE, "Ängsö byalag", "Ordförande", "Vill ha protokollet per post.")
    assert data["attendance"] == [{"workshop": "Vårmöte på Ängsö", "date": None,
                                   "project": "Ängsö 2030", "status": "attended",
                                   "role": "Sakkunnig", "removed": False}]
    assert [g["workshop"] for g in data["groups"]] == ["Vårmöte på Ängsö"]
    assert sorted(r["kind"] for r in data["responsible_for"]) == [
        "action", "focus_area", "review", "role"]
    assert {(m["kind"], m["field"]) for m in data["mentioned_in"]} >= {
        ("workshop_role", "name"), ("section", "body"), ("wish", "text")}
    assert not list(tmp_path.glob("*.tmp*"))
