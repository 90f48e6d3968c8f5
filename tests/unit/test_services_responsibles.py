"""Several responsibles per focus area or action: people and organisations mixed, in order."""

from __future__ import annotations

import pytest

from facilitator.services import NotFoundError, ValidationError, actions, people, projects
from facilitator.services import focus_areas as fa
from facilitator.services import responsibles as resp
from facilitator.services import workshops as ws
from facilitator.services.responsibles import Who


@pytest.fixture
def area(store) -> str:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Byaprojektet Ängsö")
    return fa.add_focus_area(store, project, "Turismsamverkan")


def _names(store, kind: str, owner: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.name for r in resp.list_responsibles(store, kind, owner)]


def test_people_organisations_and_text_in_order(store, area) -> None:  # type: ignore[no-untyped-def]
    person = people.create_person(store, "Åsa Öberg", title="kulturchef",
                                  organisation="Östhammars kommun")
    org = people.create_organisation(store, "Visit Södra Ängsö")
    previous = resp.set_responsibles(store, "focus_area", area, [
        Who(organisation_id=org), Who(text="  Näringslivsrådet\n"), Who(person_id=person)])
    assert previous == []
    infos = resp.list_responsibles(store, "focus_area", area)
    assert [i.name for i in infos] == ["Visit Södra Ängsö", "Näringslivsrådet", "Åsa Öberg"]
    assert infos[2].label == "Åsa Öberg, kulturchef (Östhammars kommun)"
    assert fa.get_focus_area(store, area).responsible_label == (
        "Visit Södra Ängsö; Näringslivsrådet; Åsa Öberg, kulturchef (Östhammars kommun)")


def test_reorder_keeps_rows_and_undo_gives_back_the_list(store, area) -> None:  # type: ignore[no-untyped-def]
    a = people.create_person(store, "Örjan Ek")
    b = people.create_person(store, "Märta Ås")
    resp.set_responsibles(store, "focus_area", area, [Who(person_id=a), Who(person_id=b)])
    first = [i.who for i in resp.list_responsibles(store, "focus_area", area)]
    old = resp.set_responsibles(store, "focus_area", area, [first[1], Who(text="Byalaget")])
    assert _names(store, "focus_area", area) == ["Märta Ås", "Byalaget"]
    # Moving keeps the row's identity; the removed row is in the trash, not gone.
    assert resp.list_responsibles(store, "focus_area", area)[0].who.id == first[1].id
    resp.set_responsibles(store, "focus_area", area, old)  # undo
    again = resp.list_responsibles(store, "focus_area", area)
    assert [(i.name, i.who.id) for i in again] == [("Örjan Ek", first[0].id),
                                                  ("Märta Ås", first[1].id)]


def test_same_one_twice_is_named_once(store, area) -> None:  # type: ignore[no-untyped-def]
    org = people.create_organisation(store, "Kommunkansliet")
    resp.set_responsibles(store, "focus_area", area, [
        Who(organisation_id=org), Who(organisation_id=org), Who(text="Öster"),
        Who(text="öster")])
    assert _names(store, "focus_area", area) == ["Kommunkansliet", "Öster"]


@pytest.mark.parametrize("who", [Who(person_id="p", organisation_id="o"),
                                 Who(person_id="p", text="Å"), Who(organisation_id="o", text="Ö"),
                                 Who(), Who(text="   ")])
def test_exactly_one_of_person_organisation_text(store, area, who) -> None:  # type: ignore[no-untyped-def]
    resp.set_responsibles(store, "focus_area", area, [Who(text="Före")])
    with pytest.raises(ValidationError, match="Ange en ansvarig"):
        resp.set_responsibles(store, "focus_area", area, [Who(text="Ny"), who])
    assert _names(store, "focus_area", area) == ["Före"]  # nothing half-written


def test_unknown_person_or_owner(store, area) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError, match="Personen"):
        resp.set_responsibles(store, "focus_area", area, [Who(person_id="finns-inte")])
    with pytest.raises(NotFoundError, match="Fokusområdet"):
        resp.set_responsibles(store, "focus_area", "finns-inte", [Who(text="Å")])


def test_person_in_trash_is_not_listed_but_kept(store, area) -> None:  # type: ignore[no-untyped-def]
    gone = people.create_person(store, "Ingrid Öhrn")
    resp.set_responsibles(store, "focus_area", area, [Who(person_id=gone), Who(text="Byalaget")])
    people.delete_person(store, gone)
    shown = [i.who for i in resp.list_responsibles(store, "focus_area", area)]
    assert [w.text for w in shown] == ["Byalaget"]
    resp.set_responsibles(store, "focus_area", area, [*shown, Who(text="Skolan")])
    people.restore_person(store, gone)
    assert _names(store, "focus_area", area) == ["Byalaget", "Skolan", "Ingrid Öhrn"]


def test_action_responsibles_through_update_and_undo(store) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Ängsö")
    workshop = ws.create_workshop(store, project, "Vårmöte")
    person = people.create_person(store, "Åke Lund")
    action = actions.add_action(store, "Boka lokal", workshop_id=workshop,
                                responsibles=[Who(person_id=person)])
    info = actions.list_actions(store, workshop_id=workshop)[0]
    assert (info.responsible, [r.name for r in info.responsibles]) == ("Åke Lund", ["Åke Lund"])
    old = actions.update_action(store, action, responsibles=[Who(text="Hembygdsföreningen"),
                                                           Who(person_id=person)])
    assert actions.list_actions(store, workshop_id=workshop)[0].responsible == (
        "Hembygdsföreningen; Åke Lund")
    actions.update_action(store, action, **old)
    assert actions.list_actions(store, workshop_id=workshop)[0].responsible == "Åke Lund"
