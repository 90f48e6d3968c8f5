"""Arkiv → Importera paket…: a colleague's package shows up; erased people stay out."""

from __future__ import annotations

from facilitator.app import open_store
from facilitator.interchange.export import write_package
from facilitator.services import gdpr, people, projects
from facilitator.services import workshops as ws
from tests.gui.modal import choose_file


def test_an_imported_package_shows_in_the_navigator(tmp_path, store,
                                                    make_window) -> None:  # type: ignore[no-untyped-def]
    colleague = open_store(tmp_path / "kollegans.sqlite3")  # another laptop's database
    try:
        project = projects.create_project(colleague, "Älvbyns framtid")
        ws.create_workshop(colleague, project, "Kväll på Älvgården", date="2026-05-04")
        package = write_package(colleague, project, tmp_path / "älvbyn.json")
    finally:
        colleague.close()
    window = make_window()
    assert window.navigator.topLevelItemCount() == 0

    choose_file(package)
    window.import_action.trigger()
    project_item = window.navigator.topLevelItem(0)
    assert project_item.text(0) == "Älvbyns framtid"
    assert project_item.child(0).text(0) == "Kväll på Älvgården"
    assert window.statusBar().currentMessage().startswith("Importerat")
    assert "ändrade" in window.statusBar().currentMessage()  # changes are told too


def test_a_package_made_before_an_erasure_does_not_bring_the_person_back(
        tmp_path, store, make_window) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Byastämman")
    workshop = ws.create_workshop(store, project, "Vårstämma")
    person = people.create_person(store, "Sigvard Öqvist")
    people.set_attendance(store, workshop, person, "attended")
    package = write_package(store, project, tmp_path / "stämman.json")
    gdpr.erase_person(store, person)
    window = make_window()

    choose_file(package)
    window.import_action.trigger()
    assert "Sigvard Öqvist" not in [p.name for p in people.list_people(store)]
    message = window.statusBar().currentMessage()
    assert "Togs bort igen" in message and "Sigvard Öqvist" in message
