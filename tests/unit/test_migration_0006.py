"""Migration 0006: old rows keep their data with no versions; the first write makes the
device id; back down to 0005 the rows are as they were."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from facilitator.services import wishes
from facilitator.services.core import Store
from facilitator.store import migrate
from facilitator.store.db import make_engine


def test_old_rows_stay_and_the_first_write_makes_the_device(tmp_path: Path) -> None:
    path = tmp_path / "gammal.sqlite3"
    engine = make_engine(path)
    cfg = migrate._alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0005")
    now = "2025-01-01 10:00:00.000000"
    with engine.begin() as c:
        c.execute(sa.text("INSERT INTO project (id, name, description, created_at, updated_at) "
                          "VALUES ('p1', 'Ängsö', '', :t, :t)"), {"t": now})
        c.execute(sa.text(
            "INSERT INTO workshop (id, project_id, title, kind, venue, case_reference, "
            "issuing_unit, document_type, lead, language, status, responsible_form, "
            "group_after_text, show_group_members, created_at, updated_at) VALUES ('w1', 'p1', "
            "'Vårmöte', 'workshop', '', '', '', 'Minnesanteckningar', '', 'sv', 'draft', "
            "'name', '', 0, :t, :t)"), {"t": now})
        c.execute(sa.text("INSERT INTO work_group (id, workshop_id, position, name, custom_name, "
                          "created_at, updated_at) VALUES ('g1', 'w1', 0, 'Grupp', 0, :t, :t)"),
                  {"t": now})
        c.execute(sa.text(
            "INSERT INTO wish (id, group_id, position, text, votes, status, note, created_at, "
            "updated_at) VALUES ('x1', 'g1', 0, 'Bänkar vid ån', 2, 'open', '', :t, :t)"),
            {"t": now})
    engine.dispose()
    store = Store(migrate.open_database(path))
    try:
        with store.read() as s:
            assert s.execute(sa.text("SELECT versions, vote_shares FROM wish")).one() == (
                None, None)
            assert s.execute(sa.text("SELECT count(*) FROM store_meta")).scalar() == 0
        wishes.set_votes(store, "x1", 5)
        with store.read() as s:
            device = s.execute(sa.text(
                "SELECT value FROM store_meta WHERE key = 'device_id'")).scalar()
            shares = s.execute(sa.text("SELECT vote_shares FROM wish")).scalar()
        assert device and f'"{device}":[3,' in shares and '"legacy":[2,' in shares
    finally:
        store.close()
    engine = make_engine(path)
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # as the app migrates: tables are rebuilt
        with connection.begin():
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0005")
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT text, votes FROM wish")).one() == ("Bänkar vid ån", 5)
        triggers = set(c.execute(sa.text(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
        assert {"search_wish_ai", "search_wish_au", "search_wish_ad"} <= triggers
    engine.dispose()
