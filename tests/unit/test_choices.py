"""Focus-area choices: marking, bulk edits and undo, counting, the trash and packages."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import choices, focus_areas, people, projects, trash, workshops
from facilitator.services.core import NotFoundError, ValidationError
from facilitator.store.models import FocusChoice


@pytest.fixture
def evening(store):
    project = projects.create_project(store, "Ängsö framåt")
    kultur = focus_areas.add_focus_area(store, project, "Kultursamverkan")
    turism = focus_areas.add_focus_area(store, project, "Turismsamverkan")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    åsa = people.create_person(store, "Åsa Öberg")
    pär = people.create_person(store, "Pär Ström")
    for person in (åsa, pär):
        people.set_attendance(store, workshop, person, "attended")
    return store, project, workshop, kultur, turism, åsa, pär


def rows(store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(FocusChoice)) or 0


def test_set_choice_returns_the_old_state_and_toggles(evening):
    store, _p, workshop, kultur, turism, åsa, _pär = evening
    seen = []
    store.subscribe(lambda change: seen.append(change.kinds))
    assert choices.set_choice(store, workshop, åsa, kultur, True) is False
    assert choices.set_choice(store, workshop, åsa, turism, True) is False
    assert choices.list_choices(store, workshop) == {åsa: {kultur, turism}}
    assert choices.set_choice(store, workshop, åsa, kultur, False) is True
    assert choices.list_choices(store, workshop) == {åsa: {turism}}
    assert choices.set_choice(store, workshop, åsa, kultur, True) is False
    assert rows(store) == 2  # choosing again revives the same row
    assert seen == [frozenset({"choice"})] * 4


def test_setting_the_same_state_changes_nothing(evening):
    store, _p, workshop, kultur, _t, åsa, _pär = evening
    choices.set_choice(store, workshop, åsa, kultur, True)
    seen = []
    store.subscribe(lambda change: seen.append(change))
    assert choices.set_choice(store, workshop, åsa, kultur, True) is True
    assert seen == []


def test_bulk_set_returns_what_undoes_it(evening):
    store, _p, workshop, kultur, turism, åsa, pär = evening
    choices.set_choice(store, workshop, pär, turism, True)
    old = choices.set_choices(store, workshop, {(åsa, kultur): True, (pär, turism): False,
                                                (pär, kultur): True})
    assert old == {(åsa, kultur): False, (pär, turism): True, (pär, kultur): False}
    assert choices.list_choices(store, workshop) == {åsa: {kultur}, pär: {kultur}}
    choices.set_choices(store, workshop, old)
    assert choices.list_choices(store, workshop) == {pär: {turism}}


def test_bulk_set_is_all_or_nothing(evening):
    store, _p, workshop, kultur, _t, åsa, _pär = evening
    with pytest.raises(NotFoundError):
        choices.set_choices(store, workshop, {(åsa, kultur): True, ("ingen", kultur): True})
    assert choices.list_choices(store, workshop) == {}


def test_counts_cover_attending_people_only(evening):
    store, _p, workshop, kultur, turism, åsa, pär = evening
    gäst = people.create_person(store, "Gösta Gäst")
    people.set_attendance(store, workshop, gäst, "absent")
    choices.set_choices(store, workshop, {(åsa, kultur): True, (pär, kultur): True,
                                          (pär, turism): True, (gäst, turism): True})
    assert choices.count_choices(store, workshop) == {kultur: 2, turism: 1}
    assert choices.count_choices(store, workshop, attending_only=False) == {kultur: 2, turism: 2}
    assert choices.attending_ids(store, workshop) == {åsa, pär}


def test_trashed_people_and_areas_drop_out_of_the_list(evening):
    store, _p, workshop, kultur, turism, åsa, pär = evening
    choices.set_choices(store, workshop, {(åsa, kultur): True, (pär, turism): True})
    focus_areas.delete_focus_area(store, turism)
    people.delete_person(store, åsa)
    assert choices.list_choices(store, workshop) == {}


def test_areas_of_another_project_and_bad_values_are_refused(evening):
    store, _p, workshop, _k, _t, åsa, _pär = evening
    other = projects.create_project(store, "Annat projekt")
    foreign = focus_areas.add_focus_area(store, other, "Främmande område")
    with pytest.raises(ValidationError, match="annat projekt"):
        choices.set_choice(store, workshop, åsa, foreign, True)
    with pytest.raises(ValidationError, match="ja eller nej"):
        choices.set_choice(store, workshop, åsa, foreign, "ja")
    with pytest.raises(NotFoundError, match="Workshopen"):
        choices.set_choice(store, "saknas", åsa, foreign, True)


def test_removing_a_workshop_or_project_for_good_removes_its_choices(evening):
    store, project, workshop, kultur, _t, åsa, _pär = evening
    other = workshops.create_workshop(store, project, "Uppföljning")
    people.set_attendance(store, other, åsa, "attended")
    choices.set_choice(store, workshop, åsa, kultur, True)
    choices.set_choice(store, other, åsa, kultur, True)
    workshops.delete_workshop(store, workshop)
    trash.remove_for_good(store, "workshop", workshop)
    assert rows(store) == 1
    projects.delete_project(store, project)
    trash.remove_for_good(store, "project", project)
    assert rows(store) == 0


def test_choices_travel_in_packages_and_merge_by_content(evening):
    store, _project, workshop, kultur, turism, åsa, pär = evening
    choices.set_choices(store, workshop, {(åsa, kultur): True, (pär, turism): True,
                                          (pär, kultur): True})
    choices.set_choice(store, workshop, pär, kultur, False)  # a tombstone travels too
    data = export_package(store, workshop)
    exported = data["project"]["workshops"][0]["focus_choices"]
    assert [(c["person_id"], c["focus_area_id"], c["deleted_at"] is None) for c in exported] == [
        (pär, kultur, False), (pär, turism, True), (åsa, kultur, True)]  # by name: Pär < Åsa
    result = import_package(store, copy.deepcopy(data))
    assert result.created == 0
    # Another laptop marked the same choice with its own row id: matched by content.
    twin = copy.deepcopy(data)
    twin["project"]["workshops"][0]["focus_choices"][2]["id"] = (
        "00000000-0000-4000-8000-000000000001")
    assert import_package(store, twin).created == 0
    assert rows(store) == 3


def test_a_package_from_before_focus_choices_still_imports(evening):
    store, _p, workshop, kultur, _t, åsa, _pär = evening
    choices.set_choice(store, workshop, åsa, kultur, True)
    data = export_package(store, workshop)
    for w in data["project"]["workshops"]:
        del w["focus_choices"]
    result = import_package(store, data)
    assert result.created == 0
    assert choices.list_choices(store, workshop) == {åsa: {kultur}}
