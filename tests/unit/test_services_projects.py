"""Projects: create, rename, trash, restore and the navigator's listing."""

from __future__ import annotations

import datetime as dt

import pytest

from facilitator.services import NotFoundError, ValidationError, projects
from facilitator.services import workshops as ws


def test_create_and_list(store) -> None:
    pid = projects.create_project(store, "Byaprojektet Ängsö", "Beskrivning på svenska")
    [listed] = projects.list_projects(store)
    assert (listed.id, listed.name, listed.deleted, listed.workshops) == (
        pid, "Byaprojektet Ängsö", False, ())


def test_projects_listed_in_swedish_order(store) -> None:
    for name in ["Östra Ryd", "Åre", "ängsbacka", "Almunge", "byalaget"]:
        projects.create_project(store, name)
    assert [p.name for p in projects.list_projects(store)] == [
        "Almunge", "byalaget", "Åre", "ängsbacka", "Östra Ryd"]


def test_workshops_newest_first_then_by_title(store) -> None:
    pid = projects.create_project(store, "Ängsö")
    ws.create_workshop(store, pid, "Öppet möte", date="2026-03-01")
    ws.create_workshop(store, pid, "Årsmöte", date="2026-05-10")
    ws.create_workshop(store, pid, "Ärtsoppa och samtal", date="2026-05-10")
    ws.create_workshop(store, pid, "Utan datum")
    [p] = projects.list_projects(store)
    assert [(w.title, w.date) for w in p.workshops] == [
        ("Årsmöte", dt.date(2026, 5, 10)),
        ("Ärtsoppa och samtal", dt.date(2026, 5, 10)),
        ("Öppet möte", dt.date(2026, 3, 1)),
        ("Utan datum", None),
    ]


def test_rename_returns_old_name(store) -> None:
    pid = projects.create_project(store, "Ängsö")
    assert projects.rename_project(store, pid, "Ängsö byalag") == "Ängsö"
    assert projects.list_projects(store)[0].name == "Ängsö byalag"
    assert projects.update_project_description(store, pid, "Ny text") == ""


@pytest.mark.parametrize("bad", ["", "   ", "\n\t", None, 42, "Å" * 301])
def test_invalid_names_are_refused(store, bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="Projektets namn"):
        projects.create_project(store, bad)
    assert projects.list_projects(store, include_deleted=True) == []


def test_name_at_limit_is_accepted(store) -> None:
    pid = projects.create_project(store, "Ö" * 300)
    assert projects.list_projects(store)[0].id == pid


def test_deleted_workshop_hidden_unless_asked(store) -> None:
    pid = projects.create_project(store, "Ängsö")
    wid = ws.create_workshop(store, pid, "Höstmöte")
    ws.delete_workshop(store, wid)
    assert projects.list_projects(store)[0].workshops == ()
    [w] = projects.list_projects(store, include_deleted=True)[0].workshops
    assert (w.id, w.deleted) == (wid, True)


def test_unknown_project(store) -> None:
    with pytest.raises(NotFoundError):
        projects.delete_project(store, "okänt-id")
