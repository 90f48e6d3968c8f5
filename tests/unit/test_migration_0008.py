"""Migration 0008: order keys keep their fractions on both backends, and back down to
0007 the rows keep their order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from facilitator.store import migrate
from facilitator.store.db import make_engine
from tests.conftest import BACKENDS, POSTGRES_URL

NOW = "2025-01-01 10:00:00"


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    if request.param == "sqlite":
        made = make_engine(tmp_path / "gammal.sqlite3")
        yield made
        made.dispose()
        return
    from facilitator.store.server import make_server_engine
    from tests.postgres import fresh_database

    with fresh_database(POSTGRES_URL, "template0") as url:
        made = make_server_engine(url)
        yield made
        made.dispose()


def _migrate(engine: sa.Engine, verb: str, revision: str) -> None:
    cfg = migrate._alembic_config()
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")  # as the app migrates
        with connection.begin():
            cfg.attributes["connection"] = connection
            getattr(command, verb)(cfg, revision)


def _texts(engine: sa.Engine) -> list[str]:
    with engine.connect() as c:
        return list(c.execute(sa.text("SELECT text FROM wish ORDER BY position, id")).scalars())


def test_fractions_up_and_the_order_down(engine: sa.Engine) -> None:
    _migrate(engine, "upgrade", "0007")
    with engine.begin() as c:
        c.execute(sa.text("INSERT INTO project (id, name, description, created_at, updated_at)"
                          " VALUES ('p', 'Ängsö', '', :t, :t)"), {"t": NOW})
        c.execute(sa.text(
            "INSERT INTO workshop (id, project_id, title, kind, venue, case_reference, "
            "issuing_unit, document_type, lead, language, status, responsible_form, "
            "group_after_text, show_group_members, created_at, updated_at) VALUES ('w', 'p', "
            "'Kväll', 'workshop', '', '', '', 'Minnesanteckningar', '', 'sv', 'draft', "
            "'name', '', false, :t, :t)"), {"t": NOW})
        c.execute(sa.text("INSERT INTO work_group (id, workshop_id, position, name, "
                          "custom_name, created_at, updated_at) "
                          "VALUES ('g', 'w', 0, 'Grupp', false, :t, :t)"), {"t": NOW})
        for n, text in enumerate(("Bänkar", "Brygga", "Gympasal")):
            c.execute(sa.text(
                "INSERT INTO wish (id, group_id, position, text, votes, status, note, "
                "created_at, updated_at) VALUES (:id, 'g', :n, :text, 0, 'open', '', :t, :t)"),
                {"id": f"w{n}", "n": n, "text": text, "t": NOW})
    _migrate(engine, "upgrade", "0008")
    with engine.begin() as c:  # the gym hall moves between the benches and the jetty
        c.execute(sa.text("UPDATE wish SET position = 0.5 WHERE id = 'w2'"))
        assert c.execute(sa.text("SELECT position FROM wish WHERE id = 'w2'")).scalar() == 0.5
    assert _texts(engine) == ["Bänkar", "Gympasal", "Brygga"]
    _migrate(engine, "downgrade", "0007")
    assert _texts(engine) == ["Bänkar", "Gympasal", "Brygga"]
