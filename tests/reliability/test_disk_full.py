"""Disk full (simulated with PRAGMA max_page_count): a clear message, nothing half-written,
and the same edit succeeds once there is space again."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import people, projects, sections, wishes, workshops
from facilitator.services.core import StorageError, Store
from facilitator.store.clock import Stamp, wall_ms
from tests.tables import table_names

FULL = "Disken är full"


pytestmark = pytest.mark.sqlite_only  # a full disk is simulated with SQLite's max_page_count

def _raw(store: Store):  # type: ignore[no-untyped-def]
    connection = store.engine.connect()
    return connection, connection.connection.driver_connection


def fill_disk(store: Store) -> int:
    """Let the database grow no further than it is now; returns the old limit."""
    connection, raw = _raw(store)
    with connection:
        old = raw.execute("PRAGMA max_page_count").fetchone()[0]
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count = {pages}").fetchall()
    return old


def free_space(store: Store, limit: int) -> None:
    connection, raw = _raw(store)
    with connection:
        raw.execute(f"PRAGMA max_page_count = {limit}").fetchall()


def _rows(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        tables = table_names(conn)
        return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}


@pytest.fixture
def place(store: Store) -> dict[str, str]:
    project = projects.create_project(store, "Ängsö")
    workshop = workshops.create_workshop(store, project, "Vårmöte")
    section = sections.add_section(store, workshop, "Inledning", "Kort.")
    return {"project": project, "workshop": workshop, "section": section}


def test_edit_on_a_full_disk_fails_clearly_then_succeeds(store: Store, place) -> None:
    limit = fill_disk(store)
    before = _rows(store)
    big = "Anteckningar från kvällen: " + "åäö bryggan färjan " * 20_000
    with pytest.raises(StorageError, match=FULL) as info:
        sections.set_body(store, place["section"], big)
    assert "Frigör utrymme" in str(info.value)
    assert _rows(store) == before
    assert sections.get_section(store, place["section"]).body == "Kort."
    with pytest.raises(StorageError, match=FULL):
        for i in range(2000):  # many small rows until the last page is used up
            people.create_person(store, f"Deltagare {i} Åkesson", note="x" * 500)
    with store.read() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"

    free_space(store, limit)
    sections.set_body(store, place["section"], big)
    assert sections.get_section(store, place["section"]).body == big


def test_a_failing_multi_row_transaction_leaves_nothing(store: Store, place) -> None:
    """An import (many rows, one transaction) that hits the full disk writes no row."""
    for i in range(40):
        sections.add_section(store, place["workshop"], f"Punkt {i}", "Text " * 400)
    package = json.loads(json.dumps(export_package(store, place["workshop"])))
    other = projects.create_project(store, "Annat projekt")
    later = str(Stamp(wall_ms() + 24 * 3600 * 1000, 0, "laptop-b"))  # edited on laptop B
    for section in package["project"]["workshops"][0]["sections"]:
        section["body"] += " ändrat i paketet"
        section["updated_at"] = "2099-01-01T00:00:00Z"
        section["versions"] = {"*": [later]}
    limit = fill_disk(store)
    before = _rows(store)
    bodies = {s.id: s.body for s in sections.list_sections(store, place["workshop"])}
    with pytest.raises(StorageError, match=FULL):
        import_package(store, package)
    assert _rows(store) == before
    assert {s.id: s.body for s in sections.list_sections(store, place["workshop"])} == bodies
    free_space(store, limit)
    import_package(store, package)
    assert all(s.body.endswith("ändrat i paketet")
               for s in sections.list_sections(store, place["workshop"]))
    assert other in {p.id for p in projects.list_projects(store)}


def test_attendance_set_in_one_transaction_is_all_or_nothing(store: Store, place) -> None:
    from facilitator.services import groups

    group = groups.create_group(store, place["workshop"], name="Grupp")
    states = {people.create_person(store, f"Person {i}"): ("attended", "x" * 290)
              for i in range(60)}
    limit = fill_disk(store)
    before = _rows(store)
    with pytest.raises(StorageError, match=FULL):
        for _ in range(200):
            people.put_attendances(store, place["workshop"], states)
            wishes.add_wish(store, group, "Ny brygga " * 1000)
    after = _rows(store)
    # Every table grew by whole operations only: attendance all 60 or none.
    assert after["attendance"] in (before["attendance"], before["attendance"] + 60)
    free_space(store, limit)
    people.put_attendances(store, place["workshop"], states)
    assert len(people.list_attendance(store, place["workshop"])) == 60
