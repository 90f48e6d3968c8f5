"""Format 3: version-2 packages (a kept file) upgrade on import, and migration 0005 turns a
wish's responsible into a review at its own workshop with the same ids the upgrade gives."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package, import_package_file
from facilitator.services import follow_up, reviews
from facilitator.services.core import Store
from facilitator.store import migrate
from facilitator.store.db import make_engine
from facilitator.store.models import Review
from facilitator.store.vocabulary import ReviewStatus, derived_id

V2 = Path(__file__).resolve().parent.parent / "data" / "package-v2-sample.json"
PROJECT = "eb131b3c-de59-5db7-87dd-cbfe087bdfec"
CLOSING = "cf9e76c2-9a4b-510c-b0c6-cab56adb53f1"


def _first_wish(data: dict) -> tuple[dict, dict]:
    workshop = next(w for w in data["project"]["workshops"] if w["id"] == CLOSING)
    return workshop, workshop["groups"][0]["wishes"][0]


def test_version_2_package_is_upgraded_on_import(store: Store) -> None:
    result = import_package_file(store, V2)
    assert result.created > 100
    again = export_package(store, PROJECT)
    workshop = next(w for w in again["project"]["workshops"] if w["id"] == CLOSING)
    assert workshop["reviews"] == [] and workshop["source_workshop_id"] is None
    assert all(g["source_group_id"] is None for g in workshop["groups"])
    assert all(a["source_wish_id"] is None for a in workshop["actions"])
    second = import_package_file(store, V2)
    assert (second.created, second.updated) == (0, 0)


def test_a_version_2_wish_responsible_becomes_a_review(store: Store) -> None:
    data = json.loads(V2.read_text(encoding="utf-8"))
    workshop, wish = _first_wish(data)
    wish.update(responsible_person_id=None, responsible_text="Byalaget i Ängsö", status="done")
    import_package(store, copy.deepcopy(data))
    with store.read() as s:
        [review] = s.scalars(sa.select(Review)).all()
        assert (review.id, review.wish_id, review.workshop_id, review.status) == (
            derived_id(wish["id"], "review"), wish["id"], CLOSING, ReviewStatus.DONE)
        assert str(review.reviewed_on) == workshop["date"]
    state = reviews.review_state(store, CLOSING, "wish", wish["id"])
    assert state.entry is not None
    assert [w.text for w in state.entry.responsibles] == ["Byalaget i Ängsö"]
    again = import_package(store, copy.deepcopy(data))  # the same ids: nothing made twice
    assert again.created == 0


def test_migration_0005_moves_a_wish_responsible_into_a_review(tmp_path: Path) -> None:
    path = tmp_path / "gammal.sqlite3"
    engine = make_engine(path)
    cfg = migrate._alembic_config()
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0004")
    now = "2025-01-01 10:00:00.000000"
    with engine.begin() as c:
        c.execute(sa.text("INSERT INTO project (id, name, description, created_at, updated_at) "
                          "VALUES ('p1', 'Ängsö', '', :t, :t)"), {"t": now})
        for workshop_id, date in (("w1", "2025-03-01"), ("w2", "2025-09-01")):
            c.execute(sa.text(
                "INSERT INTO workshop (id, project_id, title, kind, date, venue, case_reference, "
                "issuing_unit, document_type, lead, language, status, responsible_form, "
                "group_after_text, show_group_members, created_at, updated_at) VALUES (:id, 'p1', "
                "'Vårmöte', 'workshop', :d, '', '', '', 'Minnesanteckningar', '', 'sv', 'draft', "
                "'name', '', 0, :t, :t)"), {"id": workshop_id, "d": date, "t": now})
        c.execute(sa.text("INSERT INTO work_group (id, workshop_id, position, name, custom_name, "
                          "created_at, updated_at) VALUES ('g1', 'w1', 0, 'Grupp', 0, :t, :t)"),
                  {"t": now})
        c.execute(sa.text(
            "INSERT INTO wish (id, group_id, position, text, votes, status, responsible_text, "
            "note, created_at, updated_at) VALUES ('x1', 'g1', 0, 'Bättre skyltning på Ängsö', 2, "
            "'in_progress', 'Vägföreningen', '', :t, :t)"), {"t": now})
    engine.dispose()
    store = Store(migrate.open_database(path))
    try:
        state = reviews.review_state(store, "w1", "wish", "x1")
        assert state.entry is not None and state.item_status is ReviewStatus.IN_PROGRESS
        assert [w.text for w in state.entry.responsibles] == ["Vägföreningen"]
        [item] = follow_up.list_follow_up(store, "w2")
        assert [r.name for r in item.responsibles] == ["Vägföreningen"]
        assert item.text == "Bättre skyltning på Ängsö" and item.review is None
        with store.read() as s:
            ids = s.execute(sa.text("SELECT id FROM review")).scalars().all()
        assert ids == [derived_id("x1", "review")]
    finally:
        store.close()
    # And back down: the review goes, the wish keeps its text (a backup is made before).
    engine = make_engine(path)
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")  # as the app migrates: tables are rebuilt
        with connection.begin():
            cfg.attributes["connection"] = connection
            command.downgrade(cfg, "0004")
    with engine.connect() as c:
        assert c.execute(sa.text("SELECT text FROM wish")).scalar() == "Bättre skyltning på Ängsö"
        tables = c.execute(sa.text("SELECT name FROM sqlite_master WHERE type='table'")).scalars()
        assert "review" not in set(tables)
    engine.dispose()
