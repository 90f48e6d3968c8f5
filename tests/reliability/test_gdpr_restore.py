"""GDPR after a restore: a backup made before an erasure never brings the person back."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from facilitator.app import open_store
from facilitator.services import gdpr, people
from facilitator.services.erasure_ledger import erased_ids, ledger_path
from facilitator.store.backup import backup_engine, restore_backup
from tests.reliability.test_gdpr import NAME, TRACES, _all_text, world  # noqa: F401 - fixture


def test_an_erasure_is_recorded_by_id_only(store, db_path: Path, world) -> None:  # noqa: F811
    gdpr.erase_person(store, world["person"])
    assert list(erased_ids(db_path)) == [world["person"]]
    ledger = ledger_path(db_path).read_text(encoding="utf-8")
    assert not any(trace in ledger for trace in TRACES)
    if os.name == "posix":  # beside the backups, in their private folder
        assert ledger_path(db_path).parent.stat().st_mode & 0o077 == 0
    gdpr.erase_person(store, world["loner"])  # a second erasure keeps the first
    assert set(erased_ids(db_path)) == {world["person"], world["loner"]}


def test_a_restored_backup_erases_the_person_again(store, db_path: Path, world) -> None:  # noqa: F811
    copy = backup_engine(store.engine, db_path, "auto")  # made while the person was there
    gdpr.erase_person(store, world["person"])
    people.create_person(store, "Ny deltagare efteråt")
    store.close()

    restore_backup(db_path, copy)
    restored = open_store(db_path)
    try:
        assert restored.erased_again == [NAME]
        everything = _all_text(restored)
        assert not any(trace in everything for trace in TRACES), "a trace came back"
        assert gdpr.ERASED in everything
        assert "Åsa Öberg" in everything  # only that person went
    finally:
        restored.close()
    again = open_store(db_path)
    try:
        assert again.erased_again == []  # nothing left to do the next time
    finally:
        again.close()


def test_a_damaged_ledger_never_stops_the_database_opening(store, db_path: Path, caplog) -> None:
    store.close()
    ledger_path(db_path).parent.mkdir(exist_ok=True)
    ledger_path(db_path).write_text("{inte json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="facilitator"):
        opened = open_store(db_path)
    try:
        assert opened.erased_again == []
        assert "erasure ledger" in caplog.text
    finally:
        opened.close()
    ledger_path(db_path).write_text(json.dumps({"format": "något annat"}), encoding="utf-8")
    assert erased_ids(db_path) == {}


def test_a_package_from_before_the_erasure_does_not_bring_the_person_back(
        store, db_path: Path, world) -> None:  # noqa: F811
    from facilitator.interchange.export import export_package
    from facilitator.interchange.importer import import_package

    package = export_package(store, world["project"])  # a colleague's copy, made before
    gdpr.erase_person(store, world["person"])
    result = import_package(store, package)
    assert result.erased_again == [NAME]
    everything = _all_text(store)
    assert not any(trace in everything for trace in TRACES), "the package brought a trace back"
    assert import_package(store, package).erased_again == [NAME]  # every time


def test_another_person_of_the_same_name_keeps_their_name(store, db_path: Path) -> None:
    first = people.create_person(store, "Anna Berg", email="anna.berg@byn.se")
    second = people.create_person(store, "Anna Berg", email="anna@annanstans.se",
                                  note="Inte samma som Anna Berg i byalaget.")
    gdpr.erase_person(store, first)
    [kept] = [p for p in people.list_people(store) if p.id == second]
    assert (kept.name, kept.email) == ("Anna Berg", "anna@annanstans.se")


def test_an_import_erases_again_only_in_what_the_package_brought(store, db_path: Path) -> None:
    from facilitator.interchange.export import export_package
    from facilitator.interchange.importer import import_package
    from facilitator.services import projects, roles, wishes
    from facilitator.services import workshops as ws
    from facilitator.services.groups import create_group
    from facilitator.services.roles import RoleEntry
    from facilitator.store.vocabulary import RoleKind

    project = projects.create_project(store, "Byastämman")
    workshop = ws.create_workshop(store, project, "Vårstämma")
    roles.set_roles(store, workshop, [RoleEntry(RoleKind.MODERATOR, name="Anna Berg")])
    erased = people.create_person(store, "Anna Berg")
    people.set_attendance(store, workshop, erased, "attended")
    package = export_package(store, project)
    gdpr.erase_person(store, erased)
    newcomer = people.create_person(store, "Anna Berg", email="ny@byn.se")  # someone else
    group = create_group(store, workshop, [])
    later = wishes.add_wish(store, group, "Anna Berg ordnar fika")  # about the newcomer

    result = import_package(store, package)
    assert result.erased_again == ["Anna Berg"]
    # from the package
    assert [i.holder for i in roles.list_roles(store, workshop)] == [gdpr.ERASED]
    assert [w.text for w in wishes.list_wishes(store, group) if w.id == later] == [
        "Anna Berg ordnar fika"]  # typed after the erasure: left alone
    assert newcomer in [p.id for p in people.list_people(store)]


def test_erasing_again_survives_a_failed_compaction(store, db_path: Path, world,  # noqa: F811
                                                     monkeypatch) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from facilitator.services.erasure_ledger import erase_again

    copy = backup_engine(store.engine, db_path, "auto")
    gdpr.erase_person(store, world["person"])
    store.close()
    restore_backup(db_path, copy)

    def full(_store):  # type: ignore[no-untyped-def]
        raise OperationalError("VACUUM", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(gdpr, "compact", full)
    restored = open_store(db_path)
    try:
        assert restored.erased_again == [NAME]
        assert erase_again(restored, db_path) == []
    finally:
        restored.close()
