"""Full-text search: the index follows every edit, Swedish words are found, no input breaks it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from facilitator.services import (
    focus_areas,
    groups,
    people,
    projects,
    search,
    sections,
    wishes,
    workshops,
)
from facilitator.services.core import Store
from facilitator.services.search import MARK_END, MARK_START, SearchHit, snippet_parts
from facilitator.store import migrate
from facilitator.store.db import make_engine
from facilitator.store.migrate import open_database

INDEXED_TABLES = ("workshop", "section", "wish", "focus_area", "person")


@dataclass
class Place:
    project: str
    workshop: str
    group: str


@pytest.fixture
def place(store: Store) -> Place:
    project = projects.create_project(store, "Ängsö byalag")
    workshop = workshops.create_workshop(store, project, "Vårmöte i bygdegården")
    group = groups.create_group(store, workshop, name="Grupp Norr")
    return Place(project, workshop, group)


def found(store: Store, query: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.row_id) for hit in search.search(store, query)]


# kind → (create with a word, change the word, to trash, back from the trash)
@dataclass
class Kind:
    create: Callable[[Store, Place, str], str]
    edit: Callable[[Store, str, str], object]
    trash: Callable[[Store, str], object]
    restore: Callable[[Store, str], object]


KINDS: dict[str, Kind] = {
    "workshop": Kind(
        lambda s, p, w: workshops.create_workshop(s, p.project, f"Möte om {w}"),
        lambda s, i, w: workshops.update_workshop(s, i, title=f"Möte om {w}"),
        workshops.delete_workshop,
        workshops.restore_workshop,
    ),
    "section": Kind(
        lambda s, p, w: sections.add_section(s, p.workshop, "Inledning", f"Vi talade om {w}."),
        lambda s, i, w: sections.set_body(s, i, f"Vi talade om {w}."),
        sections.delete_section,
        sections.restore_section,
    ),
    "wish": Kind(
        lambda s, p, w: wishes.add_wish(s, p.group, f"Önskar mer {w}"),
        lambda s, i, w: wishes.set_text(s, i, f"Önskar mer {w}"),
        wishes.delete_wish,
        wishes.restore_wish,
    ),
    "focus_area": Kind(
        lambda s, p, w: focus_areas.add_focus_area(s, p.project, f"Fokus på {w}"),
        lambda s, i, w: focus_areas.rename_focus_area(s, i, f"Fokus på {w}"),
        focus_areas.delete_focus_area,
        focus_areas.restore_focus_area,
    ),
    "person": Kind(
        lambda s, p, w: people.create_person(s, f"Åsa {w}"),
        lambda s, i, w: people.update_person(s, i, name=f"Åsa {w}"),
        people.delete_person,
        people.restore_person,
    ),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_index_follows_insert_update_trash_and_restore(store: Store, place: Place, kind: str):
    k = KINDS[kind]
    row = k.create(store, place, "strömming")
    assert found(store, "strömming") == [(kind, row)]

    k.edit(store, row, "kräftskiva")
    assert found(store, "strömming") == []
    assert found(store, "kräftskiva") == [(kind, row)]

    k.trash(store, row)
    assert found(store, "kräftskiva") == []

    k.restore(store, row)
    assert found(store, "kräftskiva") == [(kind, row)]


def test_hard_delete_removes_the_row_from_the_index(store: Store, place: Place):
    person = people.create_person(store, "Östen Strömgren")
    with store.write() as tx:
        tx.session.execute(text("DELETE FROM person WHERE id = :id"), {"id": person})
    assert found(store, "strömgren") == []
    if store.database is not None:  # SQLite's index is a table of its own
        assert _index_count(store) == _live_rows(store)


def test_hits_say_where_they_belong(store: Store, place: Place):
    section = sections.add_section(store, place.workshop, "Båtbryggan", "Bryggan vid Ängsö.")
    wish = wishes.add_wish(store, place.group, "Laga bryggan före midsommar")
    area = focus_areas.add_focus_area(store, place.project, "Bryggor och hamnar")
    person = people.create_person(store, "Bryggare Åkesson", email="akesson@angso.se")
    hits = {hit.kind: hit for hit in search.search(store, "brygg")}
    assert hits["section"] == SearchHit(
        "section", section, place.workshop, place.project, "Båtbryggan",
        hits["section"].snippet, "Vårmöte i bygdegården")
    assert (hits["wish"].row_id, hits["wish"].workshop_id, hits["wish"].project_id) == (
        wish, place.workshop, place.project)
    assert hits["wish"].place == "Vårmöte i bygdegården"
    assert (hits["focus_area"].row_id, hits["focus_area"].workshop_id,
            hits["focus_area"].project_id, hits["focus_area"].place) == (
        area, None, place.project, "Ängsö byalag")
    assert (hits["person"].row_id, hits["person"].workshop_id, hits["person"].project_id) == (
        person, None, None)
    ws = search.search(store, "bygdegården")[0]
    assert (ws.kind, ws.row_id, ws.workshop_id, ws.project_id, ws.place) == (
        "workshop", place.workshop, place.workshop, place.project, "Ängsö byalag")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Ängsö", True),
        ("ängsö", True),
        ("ÄNGSÖ", True),
        ("Ängs", True),  # prefix
        ("fritidshusägare", True),
        ("fritidshus", True),
        ("FRITIDSHUSÄG", True),
        ("fritidshusägare ängsö", True),  # every word must be there, in any order
        ("fritidshusägare lillsjö", False),
        ("angso", False),  # å, ä and ö are letters of their own in Swedish
        ("husägare", False),  # prefixes, not inner parts of words
    ],
)
def test_swedish_words_are_found(store: Store, place: Place, query: str, expected: bool):
    wish = wishes.add_wish(store, place.group, "Bättre färjetider för fritidshusägare på Ängsö")
    assert (("wish", wish) in found(store, query)) is expected


def test_person_is_found_by_name_title_and_email(store: Store):
    person = people.create_person(store, "Märta Ödmark", title="Kulturstrateg",
                                  email="marta.odmark@kommun.se")
    for query in ("märta", "ödmark", "kulturstrateg", "marta.odmark", "kommun.se"):
        assert found(store, query) == [("person", person)], query


def test_snippet_has_context_and_marks_the_match(store: Store, place: Place):
    words = " ".join(f"ord{i}" for i in range(40))
    sections.add_section(store, place.workshop, "Anteckningar",
                         f"{words} Vi vill ha en ny båtbrygga vid Källvikens hamn. {words}")
    [hit] = search.search(store, "båtbrygga")
    assert f"{MARK_START}båtbrygga{MARK_END}" in hit.snippet
    assert "ny" in hit.snippet and "Källvikens" in hit.snippet  # words around it
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")  # cut, not all of it
    parts = snippet_parts(hit.snippet)
    assert ("båtbrygga", True) in parts
    assert "".join(p for p, _ in parts) == hit.snippet.replace(MARK_START, "").replace(
        MARK_END, "")


def test_title_match_ranks_above_body_match(store: Store, place: Place):
    body = sections.add_section(store, place.workshop, "Övrigt",
                                "Någon nämnde midsommarfesten i förbigående.")
    title = sections.add_section(store, place.workshop, "Midsommarfesten", "Planering.")
    assert [row for _, row in found(store, "midsommarfesten")] == [title, body]


def test_limit(store: Store, place: Place):
    for i in range(7):
        wishes.add_wish(store, place.group, f"Älgstängsel nummer {i}")
    assert len(search.search(store, "älgstängsel", limit=3)) == 3
    assert len(search.search(store, "älgstängsel")) == 7
    assert search.search(store, "älgstängsel", limit=0) == []


def test_trashed_workshop_hides_its_sections_and_wishes(store: Store, place: Place):
    section = sections.add_section(store, place.workshop, "Sjöräddning", "")
    wish = wishes.add_wish(store, place.group, "Sjöräddningen behöver en båt")
    assert len(found(store, "sjöräddning")) == 2
    workshops.delete_workshop(store, place.workshop)
    assert found(store, "sjöräddning") == []
    workshops.restore_workshop(store, place.workshop)
    assert sorted(found(store, "sjöräddning")) == sorted([("section", section), ("wish", wish)])


def test_trashed_project_hides_its_workshops_and_focus_areas(store: Store, place: Place):
    area = focus_areas.add_focus_area(store, place.project, "Bygdegårdens framtid")
    assert len(found(store, "bygdegård")) == 2
    projects.delete_project(store, place.project)
    assert found(store, "bygdegård") == []
    projects.restore_project(store, place.project)
    assert ("focus_area", area) in found(store, "bygdegård")


def test_trashed_group_and_parent_wish_hide_what_is_under_them(store: Store, place: Place):
    top = wishes.add_wish(store, place.group, "Cykelväg till skolan")
    sub = wishes.add_wish(store, place.group, "Cykelväg med belysning", parent_id=top)
    subsub = wishes.add_wish(store, place.group, "Cykelväg, solceller", parent_id=sub)
    assert len(found(store, "cykelväg")) == 3

    wishes.delete_wish(store, top)
    assert found(store, "cykelväg") == []
    wishes.restore_wish(store, top)
    assert len(found(store, "cykelväg")) == 3

    wishes.delete_wish(store, sub)
    assert found(store, "cykelväg") == [("wish", top)]
    wishes.restore_wish(store, sub)

    groups.delete_group(store, place.group)
    assert found(store, "cykelväg") == []
    groups.restore_group(store, place.group)
    assert {row for _, row in found(store, "cykelväg")} == {top, sub, subsub}


def test_renamed_person_is_not_found_by_the_old_name(store: Store):
    person = people.create_person(store, "Greta Zetterlund", title="Fritidshusägare")
    people.update_person(store, person, name="Greta Ahlström")
    assert found(store, "zetterlund") == []
    assert found(store, "ahlström") == [("person", person)]


def _checkpointed_bytes(store: Store, db_path: Path) -> bytes:
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    wal = Path(f"{db_path}-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_old_personal_data_does_not_linger_in_the_file(store: Store, db_path: Path, place):
    """GDPR: the index's old terms are merged away and the freed pages zeroed."""
    for i in range(30):  # enough index content for several segments
        wishes.add_wish(store, place.group, f"Önskemål {i} om vägar och färjor")
    renamed = people.create_person(store, "Greta Zetterlund", email="greta@qvintus.se")
    erased = people.create_person(store, "Yngve Xylander", title="Ordförande")
    assert b"etterlund" in _checkpointed_bytes(store, db_path)

    people.update_person(store, renamed, name="Greta Ahlström", email="greta@example.se")
    with store.write() as tx:  # erasure removes the row itself
        tx.session.execute(text("DELETE FROM person WHERE id = :id"), {"id": erased})

    data = _checkpointed_bytes(store, db_path)
    for gone in (b"etterlund", b"qvintus", b"ylander"):
        assert gone not in data
    assert found(store, "ahlström") == [("person", renamed)]


@pytest.mark.parametrize(
    "hostile",
    [
        '"', '""', "'", "(", ")", "()", "*", "**", "-", "-ängsö", "+", "^", ":", "title:",
        "body:ängsö", "{title}", "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "a OR", "ängsö AND",
        "NOT ängsö", '"ängsö', "ängsö*", "*ängsö", "ängsö\x00", "\x00", "\x01\x02\x03",
        "\ud800", "🦆", "🏳️‍🌈 ängsö", "ä\u0308", "a\u030a", "   ", "\t\n", "%", "_", "\\",
        "; DROP TABLE wish; --", "x" * 10_000, "ord " * 500, "a:b:c", "[ängsö]", "\u200b",
    ],
)
def test_hostile_input_never_raises(store: Store, place: Place, hostile: str):
    wishes.add_wish(store, place.group, "Ängsö behöver en ny brygga")
    hits = search.search(store, hostile)
    assert isinstance(hits, list)


def test_empty_or_wordless_input_gives_nothing(store: Store, place: Place):
    for query in ("", "   ", "!?", "🦆", "--"):
        assert search.search(store, query) == []
    assert search.fts_query("") == ""


def test_query_quotes_every_word_as_a_prefix():
    assert search.fts_query('Ängsö "NEAR" (fritids-hus) OR*') == (
        '"Ängsö"* "NEAR"* "fritids"* "hus"* "OR"*')


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80))
def test_any_text_is_a_safe_query(store: Store, query: str):
    hits = search.search(store, query)
    assert all(isinstance(hit, SearchHit) for hit in hits)


def test_search_only_reads(store: Store, place: Place):
    wishes.add_wish(store, place.group, "Ängsö")
    before = store.last_commit
    search.search(store, "ängsö")
    assert store.last_commit == before


# --- the schema -------------------------------------------------------------


def _index_count(store: Store) -> int:
    with store.read() as session:
        return session.execute(text("SELECT count(*) FROM search_index")).scalar_one()


def _live_rows(store: Store) -> int:
    with store.read() as session:
        return sum(
            session.execute(
                text(f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")
            ).scalar_one()
            for table in INDEXED_TABLES
        )


def _triggers(path: Path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type='trigger'"))
    finally:
        conn.close()


def test_every_indexed_table_has_its_triggers_at_head(db_path: Path):
    """A later migration that rebuilds one of these tables must create them again."""
    triggers = _triggers(db_path)
    for table in INDEXED_TABLES:
        for suffix in ("ai", "au", "ad"):
            assert triggers.get(f"search_{table}_{suffix}") == table


@pytest.mark.sqlite_only  # reads FTS5's own table
def test_reordering_does_not_touch_the_index(store: Store, place: Place):
    ids = [wishes.add_wish(store, place.group, f"Ängsö punkt {i}") for i in range(5)]
    with store.read() as session:
        before = session.execute(text("SELECT rowid, row_id FROM search_index")).all()
    wishes.move_wish(store, ids[0], None, 4)
    with store.read() as session:
        after = session.execute(text("SELECT rowid, row_id FROM search_index")).all()
    assert after == before


def _database_at(path: Path, revision: str) -> None:
    engine = make_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            cfg = migrate._alembic_config()
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


NOW = "'2026-11-01 10:00:00'"


def test_database_from_0001_is_indexed_when_opened(tmp_path: Path):
    path = tmp_path / "gammal.sqlite3"
    _database_at(path, "0001")
    stamp = f"{NOW}, {NOW}"
    _sql(
        path,
        f"INSERT INTO project (id, name, description, created_at, updated_at) "
        f"VALUES ('p1', 'Ängsö byalag', '', {stamp})",
        "INSERT INTO workshop (id, project_id, title, kind, venue, moderator, project_leader, "
        "note_taker, case_reference, issuing_unit, document_type, lead, language, status, "
        f"created_at, updated_at) VALUES ('w1', 'p1', 'Höstmöte', 'workshop', 'Bygdegården', "
        f"'', '', '', '', '', 'Minnesanteckningar', '', 'sv', 'draft', {stamp})",
        "INSERT INTO person (id, name, title, email, phone, note, created_at, updated_at) "
        f"VALUES ('u1', 'Sigvard Fritidshusägare', '', '', '', '', {stamp})",
        "INSERT INTO person (id, name, title, email, phone, note, created_at, updated_at, "
        f"deleted_at) VALUES ('u2', 'Sigrid Papperskorg', '', '', '', '', {stamp}, {NOW})",
    )
    store = Store(open_database(path))
    try:
        assert found(store, "fritidshusägare") == [("person", "u1")]
        assert found(store, "bygdegården") == [("workshop", "w1")]
        assert found(store, "papperskorg") == []  # in the trash before the upgrade
        people.update_person(store, "u1", name="Sigvard Åkerlund")  # triggers work too
        assert found(store, "åkerlund") == [("person", "u1")]
        assert found(store, "fritidshusägare") == []
    finally:
        store.close()
    assert set(_triggers(path).values()) == set(INDEXED_TABLES)


def test_downgrade_removes_the_index_and_keeps_the_data(store: Store, db_path: Path, place):
    people.create_person(store, "Åsa Öberg")
    store.close()
    engine = make_engine(db_path)
    try:
        with engine.connect() as connection:
            # As the app migrates: tables are rebuilt with foreign keys off.
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys=OFF")
            with connection.begin():
                cfg = migrate._alembic_config()
                cfg.attributes["connection"] = connection
                command.downgrade(cfg, "0001")
    finally:
        engine.dispose()
    conn = sqlite3.connect(db_path)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
        assert not [n for n in names if n.startswith("search_")]
        assert conn.execute("SELECT name FROM person").fetchall() == [("Åsa Öberg",)]
    finally:
        conn.close()
