"""The window's first reads: light table stand-ins that must match the real tables."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import Date, Time

from facilitator.services import NotFoundError, overview, projects
from facilitator.services import workshops as ws
from facilitator.store.models import Base, Workshop


@pytest.mark.parametrize("stand_in", [overview.PROJECT, overview.WORKSHOP],
                         ids=lambda t: t.name)
def test_every_stand_in_column_is_a_column_of_the_real_table(stand_in) -> None:  # type: ignore[no-untyped-def]
    real = Base.metadata.tables[stand_in.name]
    for col in stand_in.c:
        assert col.name in real.c, f"{stand_in.name}.{col.name} is not in the models"
        if isinstance(col.type, Date | Time):
            assert type(real.c[col.name].type) is type(col.type)
    for name, real_col in real.c.items():  # a typed column read here must be typed here
        if name in stand_in.c and isinstance(real_col.type, Date | Time):
            assert type(stand_in.c[name].type) is type(real_col.type)


def test_facts_read_through_core_equal_the_orm_row(store) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Byaråd i Lillsjö")
    wid = ws.create_workshop(
        store, project, "Kväll om ängarna", kind="closing_session", date="2026-11-20",
        start_time="18:00", end_time="20:30", venue="Bygdegården", responsible_form="name",
        group_lead_text="Två grupper:", show_group_members=True,
        status="held", lead="Vi pratade om **åkrarna**.")
    facts = overview.get_facts(store, wid)
    with store.read() as session:
        row = session.get(Workshop, wid)
        assert {name: getattr(row, name) for name in overview.FACT_NAMES} == vars(facts)
    assert facts.date == dt.date(2026, 11, 20) and facts.end_time == dt.time(20, 30)
    ws.delete_workshop(store, wid)
    with pytest.raises(NotFoundError, match="Workshopen finns inte"):
        overview.get_facts(store, wid)


def test_listing_hides_the_trash_unless_asked(store) -> None:  # type: ignore[no-untyped-def]
    project = projects.create_project(store, "Älvdalen")
    kept = ws.create_workshop(store, project, "Vår", date="2026-04-01")
    trashed = ws.create_workshop(store, project, "Höst", date="2026-10-01")
    ws.delete_workshop(store, trashed)
    [summary] = [p for p in overview.list_projects(store) if p.id == project]
    assert [w.id for w in summary.workshops] == [kept]
    [everything] = [p for p in overview.list_projects(store, include_deleted=True)
                    if p.id == project]
    assert [(w.id, w.deleted) for w in everything.workshops] == [(trashed, True), (kept, False)]


@pytest.mark.parametrize("bad_id", [None, 5, ["x"], ("x",), {"id": "x"}, b"x"])
def test_facts_of_an_id_that_is_not_text_are_not_found(store, bad_id) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFoundError):
        overview.get_facts(store, bad_id)


def test_a_connection_that_cannot_be_opened_is_a_storage_error(store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from facilitator.services import StorageError

    def refuse():  # type: ignore[no-untyped-def]
        raise OperationalError("connect", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(store.engine, "connect", refuse)
    with pytest.raises(StorageError, match="Databasen kunde inte läsas: disk I/O error"):
        overview.list_projects(store)
