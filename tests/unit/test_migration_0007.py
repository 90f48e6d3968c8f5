"""Migration 0007: people keep their data and stay searchable; a join survives nothing
but the column, and back down to 0006 the people are as they were."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from facilitator.services import people
from facilitator.services.core import Store
from facilitator.services.person_join import join_people
from facilitator.store import migrate
from facilitator.store.db import make_engine

TRIGGERS = {"search_person_ai", "search_person_au", "search_person_ad"}


def _triggers(connection: sa.Connection) -> set[str]:
    return set(connection.execute(sa.text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())


def test_people_stay_searchable_up_and_down(tmp_path: Path) -> None:
    path = tmp_path / "gammal.sqlite3"
    engine = make_engine(path)
    cfg = migrate._alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0006")
    now = "2025-01-01 10:00:00.000000"
    with engine.begin() as c:
        for person_id in ("p1", "p2"):
            c.execute(sa.text(
                "INSERT INTO person (id, name, title, email, phone, note, created_at, "
                "updated_at) VALUES (:id, 'Åsa Öberg', '', 'asa@byn.se', '', '', :t, :t)"),
                {"id": person_id, "t": now})
    engine.dispose()
    store = Store(migrate.open_database(path))
    try:
        with store.read() as s:
            assert _triggers(s.connection()) >= TRIGGERS
            assert s.execute(sa.text(
                "SELECT merged_into_id FROM person ORDER BY id")).scalars().all() == [None, None]
        assert {p.id for p in people.list_people(store, "Öberg")} == {"p1", "p2"}
        join_people(store, "p1", "p2")
        people.update_person(store, "p1", name="Åsa Öberg-Lind")
        assert [p.id for p in people.list_people(store, "Lind")] == ["p1"]
    finally:
        store.close()
    engine = make_engine(path)
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # as the app migrates: tables are rebuilt
        with connection.begin():
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0006")
    with engine.connect() as c:
        rows = c.execute(sa.text(
            "SELECT id, name, deleted_at IS NOT NULL FROM person ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [("p1", "Åsa Öberg-Lind", 0), ("p2", "Åsa Öberg", 1)]
        columns = {r[1] for r in c.execute(sa.text("PRAGMA table_info(person)"))}
        assert "merged_into_id" not in columns
        assert _triggers(c) >= TRIGGERS
    engine.dispose()
