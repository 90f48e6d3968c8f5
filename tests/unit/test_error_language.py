"""Refusals are said in the language the user chose: every kind of error carries English
source text and parameters, and is translated where it is shown (window or command line)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from facilitator import messages
from facilitator import settings as opts
from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package, import_package_file
from facilitator.minutes.export import MinutesOptions, export_minutes
from facilitator.services import projects, sections, workshops
from facilitator.services.core import ServiceError, Store
from tests.reliability.test_disk_full import fill_disk


@pytest.fixture(params=["en", "sv"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    messages.use_language(None if request.param == "en" else request.param)
    yield request.param
    messages.use_language("sv")


@pytest.fixture
def workshop(store: Store) -> str:
    project = projects.create_project(store, "Lillsjö framåt")
    return workshops.create_workshop(store, project, "Vårmöte i Lillsjö", date="2026-04-02")


def refusal(call: Callable[[], object]) -> str:
    with pytest.raises(ServiceError) as info:
        call()
    return str(info.value)


def said(language: str, english: str, swedish: str) -> str:
    return english if language == "en" else swedish


def test_validation(store: Store, language: str) -> None:
    assert refusal(lambda: projects.create_project(store, "   ")) == said(
        language, "The project's name must not be empty.", "Projektets namn får inte vara tomt.")
    assert refusal(lambda: projects.create_project(store, "Å" * 301)) == said(
        language, "The project's name is too long (301 characters, at most 300).",
        "Projektets namn är för långt (301 tecken, högst 300).")


def test_validation_with_a_value(store: Store, workshop: str, language: str) -> None:
    assert refusal(lambda: workshops.update_workshop(store, workshop, start_time="kväll")) == said(
        language, "Start time 'kväll' is not a time (HH:MM).",
        "Starttid 'kväll' är inte en tid (TT:MM).")


def test_not_found(store: Store, language: str) -> None:
    assert refusal(lambda: workshops.get_facts(store, "saknas")) == said(
        language, "The workshop does not exist (id 'saknas').",
        "Workshopen finns inte (id 'saknas').")


@pytest.mark.sqlite_only  # fills the SQLite file with max_page_count
def test_storage_on_a_full_disk(store: Store, workshop: str, language: str) -> None:
    section = sections.add_section(store, workshop, "Inledning", "Kort.")
    fill_disk(store)
    long_notes = "Bryggan och färjan. " * 20_000
    assert refusal(lambda: sections.set_body(store, section, long_notes)) == said(
        language, "The disk is full: the change could not be saved. Free some space and try again.",
        "Disken är full: ändringen kunde inte sparas. Frigör utrymme och försök igen.")


def test_package_errors(store: Store, workshop: str, tmp_path: Path, language: str) -> None:
    empty = tmp_path / "tomt.json"
    empty.write_text("", encoding="utf-8")
    assert refusal(lambda: import_package_file(store, empty)) == said(
        language, f"The file {empty} is empty.", f"Filen {empty} är tom.")

    package = json.loads(json.dumps(export_package(store, workshop)))
    del package["project"]["name"]
    assert refusal(lambda: import_package(store, package)) == said(
        language, 'The package is invalid at $.project: the field "name" is missing.',
        'Paketet är felaktigt vid $.project: fältet "name" saknas.')
    package = json.loads(json.dumps(export_package(store, workshop)))
    package["project"]["name"] = 7
    assert refusal(lambda: import_package(store, package)) == said(
        language, "The package is invalid at $.project.name: should be text, not 7.",
        "Paketet är felaktigt vid $.project.name: ska vara text, inte 7.")


def test_minutes_error(store: Store, workshop: str, tmp_path: Path, language: str) -> None:
    template = tmp_path / "finns-inte.dotx"
    options = MinutesOptions(template=template)
    assert refusal(lambda: export_minutes(store, workshop, tmp_path / "ut.docx", options)) == said(
        language, f"The template {template} does not exist or cannot be read.",
        f"Mallen {template} finns inte eller kan inte läsas.")


def test_a_file_error_inside_a_minutes_error(store: Store, workshop: str, tmp_path: Path,
                                             language: str) -> None:
    target = tmp_path / "saknad mapp" / "ut.docx"
    assert refusal(lambda: export_minutes(store, workshop, target, MinutesOptions())) == said(
        language, f"The folder {target.parent} does not exist.",
        f"Mappen {target.parent} finns inte.")


@pytest.mark.parametrize("chosen", ["en", "sv"])
def test_the_command_line_speaks_the_language_chosen_in_the_window(
        qapp, db_path: Path, tmp_path: Path, capsys, chosen: str) -> None:  # type: ignore[no-untyped-def]
    from facilitator.app import configure_application
    from facilitator.cli import run
    from facilitator.settings import Settings

    configure_application(qapp)
    saved = Settings()
    saved.set(opts.LANGUAGE, chosen)
    saved.sync()
    assert run(["--db", str(db_path), "export-json", "finns-inte", str(tmp_path / "p.json")]) == 1
    assert capsys.readouterr().err.strip() == said(
        chosen,
        "facilitator: There is no workshop and no project with id 'finns-inte'. "
        "See 'facilitator list' for valid ids.",
        "facilitator: Det finns ingen workshop och inget projekt med id 'finns-inte'. "
        "Se 'facilitator list' för giltiga id.")
