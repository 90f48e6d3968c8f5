"""Tombstones, normalisation of stored text and change reporting, seen through services."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from facilitator.services import Change, NotFoundError, ValidationError, projects, sections
from facilitator.services import workshops as ws
from facilitator.text import clean_text, is_xml_safe, sort_key


def _raw(store, sql: str, **params):  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).fetchall()


# --- tombstones -----------------------------------------------------------------------

def test_deleted_project_stays_in_the_table_and_leaves_the_listing(store) -> None:
    keep = projects.create_project(store, "Älvdalens byaråd")
    gone = projects.create_project(store, "Öckerö kulturråd")
    projects.delete_project(store, gone)

    assert [p.name for p in projects.list_projects(store)] == ["Älvdalens byaråd"]
    rows = dict(_raw(store, "SELECT id, deleted_at FROM project"))
    assert rows[keep] is None and rows[gone] is not None
    listed = projects.list_projects(store, include_deleted=True)
    assert [(p.name, p.deleted) for p in listed] == [
        ("Älvdalens byaråd", False), ("Öckerö kulturråd", True)]

    projects.restore_project(store, gone)
    assert [p.name for p in projects.list_projects(store)] == [
        "Älvdalens byaråd", "Öckerö kulturråd"]
    assert dict(_raw(store, "SELECT id, deleted_at FROM project"))[gone] is None


def test_trashed_rows_cannot_be_edited(store) -> None:
    project = projects.create_project(store, "Ängsö")
    projects.delete_project(store, project)
    with pytest.raises(NotFoundError, match="Projektet finns inte"):
        projects.rename_project(store, project, "Ängsö igen")
    with pytest.raises(NotFoundError):
        projects.restore_project(store, "finns-inte")


def test_deleted_section_row_is_kept(store) -> None:
    project = projects.create_project(store, "Ängsö")
    workshop = ws.create_workshop(store, project, "Vårmöte")
    section = sections.add_section(store, workshop, "Välkommen och fika", "Ärtsoppa")
    sections.delete_section(store, section)
    assert sections.list_sections(store, workshop) == []
    [(heading, body, deleted_at)] = _raw(store, "SELECT heading, body, deleted_at FROM section")
    assert (heading, body) == ("Välkommen och fika", "Ärtsoppa") and deleted_at is not None


# --- normalisation --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("raw", "multiline", "expected"),
    [
        ("Cafe\u0301 Åre", False, "Café Åre"),
        ("A\u030angsö", False, "Ångsö"),
        ("Öl\x00\x07 och bröd", False, "Öl och bröd"),
        ("Rad ett\x0bRad två", True, "Rad ett\nRad två"),
        ("Rad ett\r\nRad två\rRad tre", True, "Rad ett\nRad två\nRad tre"),
        ("Trasig \ud800text på svenska", True, "Trasig text på svenska"),
        ("  Rubrik\nmed\tradbrytning  ", False, "Rubrik med radbrytning"),
        ("Sida ett\x0csida två\x7f\x85\ufffe", True, "Sida ettsida två"),
        ("Tabb\tbehålls\n", True, "Tabb\tbehålls"),
    ],
)
def test_clean_text(raw: str, multiline: bool, expected: str) -> None:
    cleaned = clean_text(raw, multiline=multiline)
    assert cleaned == expected
    assert is_xml_safe(cleaned)


def test_is_xml_safe_spots_bad_characters() -> None:
    assert is_xml_safe("Åsa\tÖberg\nÄngsö\x0b")
    assert not is_xml_safe("Åsa\x01")
    assert not is_xml_safe("Åsa\ud800")
    assert not is_xml_safe("Åsa\uffff")


def test_services_store_normalised_text(store) -> None:
    project = projects.create_project(store, "  Byaprojektet\r\nA\u030angsö\x00 ")
    workshop = ws.create_workshop(store, project, "Vårmöte\x07",
                                  lead="Inledning\r\nE\u0301n\x0brad")
    section = sections.add_section(store, workshop, "Fika\noch\tprat", "Ärende\r\n\ud83dett")

    assert _raw(store, "SELECT name FROM project") == [("Byaprojektet Ångsö",)]
    facts = ws.get_facts(store, workshop)
    assert facts.title == "Vårmöte"
    assert facts.lead == "Inledning\nÉn\nrad"
    info = sections.get_section(store, section)
    assert (info.heading, info.body) == ("Fika och prat", "Ärende\nett")


def test_swedish_sort_key() -> None:
    names = ["Östen", "Åsa", "ärla", "af Klint", "Zäta", "Émile", "Eva", "Ödön"]
    assert sorted(names, key=sort_key) == [
        "af Klint", "Émile", "Eva", "Zäta", "Åsa", "ärla", "Ödön", "Östen"]


# --- change reporting -----------------------------------------------------------------

def test_subscribers_hear_of_committed_changes(store) -> None:
    heard: list[Change] = []
    store.subscribe(heard.append)
    project = projects.create_project(store, "Ängsö")
    workshop = ws.create_workshop(store, project, "Höstmöte")
    assert heard == [
        Change(frozenset({"project"}), frozenset({project})),
        Change(frozenset({"workshop"}), frozenset({workshop})),
    ]
    # The listener runs after the commit: what it is told about is already readable.
    seen_titles: list[str] = []
    store.subscribe(lambda change: seen_titles.append(ws.get_facts(store, workshop).title))
    ws.rename_workshop(store, workshop, "Höstmöte på Ängsö")
    assert seen_titles == ["Höstmöte på Ängsö"]


def test_failed_operation_announces_nothing_and_changes_nothing(store) -> None:
    project = projects.create_project(store, "Ängsö")
    workshop = ws.create_workshop(store, project, "Höstmöte", start_time="10:00")
    heard: list[Change] = []
    store.subscribe(heard.append)
    with pytest.raises(ValidationError, match="Sluttiden"):
        ws.update_workshop(store, workshop, title="Nytt namn på mötet", end_time="09:00")
    with pytest.raises(NotFoundError):
        projects.rename_project(store, "finns-inte", "Öland")
    assert heard == []
    assert ws.get_facts(store, workshop).title == "Höstmöte"


def test_unsubscribe_stops_notifications(store) -> None:
    heard: list[Change] = []
    store.subscribe(heard.append)
    store.unsubscribe(heard.append)
    projects.create_project(store, "Ängsö")
    assert heard == []


@pytest.mark.sqlite_only  # a missing table is SQLite's OperationalError, a bug on a server
def test_a_read_the_database_refuses_is_a_clear_storage_error(store) -> None:
    from sqlalchemy import text

    from facilitator.services.core import StorageError

    with pytest.raises(StorageError, match="Databasen kunde inte läsas"), store.read() as s:
        s.execute(text("SELECT * FROM tabell_som_inte_finns"))
