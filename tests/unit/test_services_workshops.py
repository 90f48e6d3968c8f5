"""Workshops: validation of the facts, life cycle and copies of earlier workshops."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.services import NotFoundError, ValidationError, groups, people, projects, wishes
from facilitator.services import focus_areas as fa
from facilitator.services import sections as sec
from facilitator.services import workshops as ws
from facilitator.store.models import WorkshopKind, WorkshopStatus
from facilitator.store.vocabulary import ResponsibleForm


@pytest.fixture
def project(store) -> str:  # type: ignore[no-untyped-def]
    return projects.create_project(store, "Byaprojektet Ängsö")


def test_create_with_facts(store, project) -> None:  # type: ignore[no-untyped-def]
    wid = ws.create_workshop(
        store, project, "Fokusgrupp på Älvkarleby bibliotek", kind="focus_group",
        date="2026-04-07", start_time="09:30", end_time=dt.time(12, 15, 40),
        venue="Älvkarleby bibliotek", language="en", responsible_form="name_title",
        group_after_text="Sedan *redovisade* grupperna.", show_group_members=True,
    )
    facts = ws.get_facts(store, wid)
    assert facts.title == "Fokusgrupp på Älvkarleby bibliotek"
    assert facts.kind is WorkshopKind.FOCUS_GROUP
    assert facts.date == dt.date(2026, 4, 7)
    assert (facts.start_time, facts.end_time) == (dt.time(9, 30), dt.time(12, 15))
    assert (facts.venue, facts.language, facts.responsible_form) == (
        "Älvkarleby bibliotek", "en", ResponsibleForm.NAME_TITLE)
    assert (facts.group_lead_text, facts.group_after_text, facts.show_group_members) == (
        None, "Sedan *redovisade* grupperna.", True)
    assert facts.status is WorkshopStatus.DRAFT
    assert facts.document_type == "Minnesanteckningar"


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"title": ""}, "Titeln får inte vara tomt"),
        ({"title": "Ö" * 501}, "Titeln är för långt"),
        ({"venue": "å" * 501}, "Plats är för långt"),
        ({"case_reference": "ä" * 301}, "Ärende är för långt"),
        ({"responsible_form": "fullständigt"}, "okänt värde"),
        ({"show_group_members": "ja"}, "okänt värde"),
        ({"date": "2026-02-30"}, "inte ett datum"),
        ({"date": "igår"}, "inte ett datum"),
        ({"date": 20260401}, "inte ett datum"),
        ({"start_time": "25:00"}, "Starttid"),
        ({"end_time": "kvart över"}, "Sluttid"),
        ({"start_time": "14:00", "end_time": "13:59"}, "Sluttiden ligger före starttiden"),
        ({"language": "fi"}, "Språk 'fi' stöds inte"),
        ({"kind": "fika"}, "Typ av möte: okänt värde 'fika'"),
        ({"status": "arkiverad"}, "Status: okänt värde"),
        ({"färg": "blå"}, "Okänt fält"),
    ],
)
def test_invalid_facts_are_refused(store, project, facts, message) -> None:  # type: ignore[no-untyped-def]
    values = {"title": "Vårmöte", **facts}
    with pytest.raises(ValidationError, match=message):
        ws.create_workshop(store, project, values.pop("title"), **values)
    assert ws.workshop_ids(store) == []


def test_update_checks_end_against_stored_start(store, project) -> None:  # type: ignore[no-untyped-def]
    wid = ws.create_workshop(store, project, "Vårmöte", start_time="10:00")
    with pytest.raises(ValidationError, match="Sluttiden"):
        ws.update_workshop(store, wid, end_time="09:00")
    old = ws.update_workshop(store, wid, end_time="11:30", venue="Östhammars folkets hus")
    assert old == {"end_time": None, "venue": ""}
    facts = ws.get_facts(store, wid)
    assert (facts.end_time, facts.venue) == (dt.time(11, 30), "Östhammars folkets hus")


def test_unknown_ids(store, project) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="Projektet"):
        ws.create_workshop(store, "finns-inte", "Vårmöte")
    with pytest.raises(NotFoundError, match="Workshopen"):
        ws.update_workshop(store, "finns-inte", venue="Åre")
    with pytest.raises(NotFoundError):
        ws.get_facts(store, "finns-inte")
    with pytest.raises(NotFoundError):
        ws.create_from_earlier(store, "finns-inte", "Kopia")


def test_finalised_workshop_needs_confirmation_to_delete(store, project) -> None:  # type: ignore[no-untyped-def]
    wid = ws.create_workshop(store, project, "Slutmöte", status="finalised")
    with pytest.raises(ValidationError, match="slutförd allmän handling"):
        ws.delete_workshop(store, wid)
    assert ws.workshop_ids(store) == [wid]
    ws.delete_workshop(store, wid, allow_finalised=True)
    assert ws.workshop_ids(store) == []


def test_restoring_a_workshop_restores_its_project(store, project) -> None:  # type: ignore[no-untyped-def]
    wid = ws.create_workshop(store, project, "Vårmöte")
    ws.delete_workshop(store, wid)
    projects.delete_project(store, project)
    ws.restore_workshop(store, wid)
    [p] = projects.list_projects(store)
    assert [w.title for w in p.workshops] == ["Vårmöte"]


def test_create_from_earlier_copies_structure_not_content(store, project) -> None:  # type: ignore[no-untyped-def]
    kultur = fa.add_focus_area(store, project, "Kultursamverkan")
    turism = fa.add_focus_area(store, project, "Turismsamverkan")
    source = ws.create_workshop(store, project, "Vårmöte", venue="Ängsö skola",
                                lead="Ingress som inte kopieras")
    sec.add_section(store, source, "Välkommen", "Åsa hälsade alla välkomna.", number="1")
    gone = sec.add_section(store, source, "Struken punkt")
    sec.add_section(store, source, "Grupparbete", kind="group_work")
    sec.delete_section(store, gone)
    group = groups.create_group(store, source, [kultur, turism])
    custom = groups.create_group(store, source, name="Örjans grupp")
    person = people.add_walk_in(store, source, "Örjan Åkesson", "Ängsö kommun")
    groups.set_members(store, group, [person])
    wishes.add_wish(store, group, "Fler bänkar vid ån")

    copy = ws.create_from_earlier(store, source, "Höstmöte", date="2026-10-01")

    facts = ws.get_facts(store, copy)
    assert (facts.title, facts.date, facts.venue, facts.lead) == (
        "Höstmöte", dt.date(2026, 10, 1), "Ängsö skola", "")
    copied = sec.list_sections(store, copy)
    assert [(s.heading, s.body, s.number, s.position) for s in copied] == [
        ("Välkommen", "", "1", 0), ("Grupparbete", "", "", 1)]
    copied_groups = groups.list_groups(store, copy)
    assert [(g.name, g.focus_area_ids, g.member_ids, g.custom_name) for g in copied_groups] == [
        ("Kultur- och Turismsamverkan", (kultur, turism), (), False),
        ("Örjans grupp", (), (), True),
    ]
    assert wishes.list_wishes(store, copied_groups[0].id) == []
    assert people.list_attendance(store, copy) == []
    # The source is untouched.
    assert [w.text for w in wishes.list_wishes(store, group)] == ["Fler bänkar vid ån"]
    assert [g.id for g in groups.list_groups(store, source)] == [group, custom]
