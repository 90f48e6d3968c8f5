"""Who may see what on the organisation's server (#15): two facilitators in two units.

Against the real test server (skips without one). ``server-init`` makes the roles and
policies; the two logins are made by ``server-add-user`` under names unique to this run
(roles are cluster-wide) and dropped afterwards. The test cluster trusts local TCP, so a
URL with the role's name is enough to log in as it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import func, make_url, select, text
from sqlalchemy.exc import DBAPIError

from facilitator.services import gdpr, groups, people, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.models import Attendance, Person, Project, Wish, Workshop
from facilitator.store.server import make_server_engine
from facilitator.store.server_setup import add_user, init_server

pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")


def as_role(url: str, role: str) -> str:
    return make_url(url).set(username=role, password=None).render_as_string(
        hide_password=False)


@pytest.fixture
def server(server_database: str) -> str:
    init_server(server_database)
    init_server(server_database)  # twice is fine
    return server_database


@pytest.fixture
def owner(server: str) -> Iterator[Store]:
    store = Store(make_server_engine(server))
    yield store
    store.close()


@pytest.fixture
def facilitators(server: str) -> Iterator[dict[str, Store]]:
    """A Store per unit, each logged in as its own role."""
    suffix = uuid.uuid4().hex[:8]
    roles = {"Norr": f"test_norr_{suffix}", "Söder": f"test_soder_{suffix}"}
    stores: dict[str, Store] = {}
    try:
        for unit, role in roles.items():
            assert add_user(server, role, [unit]) is True
            stores[unit] = Store(make_server_engine(as_role(server, role)))
        yield stores
    finally:
        for store in stores.values():
            store.close()
        with psycopg.connect(as_role(server, make_url(server).username or ""),
                             autocommit=True) as admin:
            for role in roles.values():
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')


def a_project(owner: Store, name: str, unit: str | None, person_id: str) -> dict[str, str]:
    project_id = projects.create_project(owner, name)
    with owner.write() as tx:
        tx.session.get_one(Project, project_id).unit = unit
    workshop_id = workshops.create_workshop(owner, project_id, f"Workshop i {name}")
    group_id = groups.create_group(owner, workshop_id, name=f"Grupp i {name}")
    wish_id = wishes.add_wish(owner, group_id, f"Önskemål i {name}; fråga Åsa Berg")
    people.set_attendance(owner, workshop_id, person_id)
    return {"project": project_id, "workshop": workshop_id, "wish": wish_id}


@pytest.fixture
def world(owner: Store) -> dict[str | None, dict[str, str]]:
    person_id = people.create_person(owner, "Åsa Berg", email="asa.berg@example.se")
    people.create_person(owner, "Bo Ek")
    made = {unit: a_project(owner, name, unit, person_id)
            for unit, name in (("Norr", "Norrbyn"), ("Söder", "Söderby"), (None, "Alla"))}
    made[None]["person"] = person_id
    return made


def ids(store: Store, model: type) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(model.id)))


def test_each_facilitator_sees_their_own_units_projects_and_the_shared_ones(
        facilitators, world, owner):
    for unit, other in (("Norr", "Söder"), ("Söder", "Norr")):
        store = facilitators[unit]
        assert {p.id for p in projects.list_projects(store)} == {
            world[unit]["project"], world[None]["project"]}
        for key, model in (("workshop", Workshop), ("wish", Wish)):
            assert ids(store, model) == {world[unit][key], world[None][key]}
            assert world[other][key] not in ids(store, model)
        with store.read() as s:  # the person register is shared
            assert sorted(s.scalars(select(Person.name))) == ["Bo Ek", "Åsa Berg"]
            assert s.scalar(select(func.count()).select_from(Attendance)) == 2
    assert len(ids(owner, Project)) == 3  # the owner bypasses the policies


def test_a_facilitator_cannot_write_into_another_unit(facilitators, world):
    norr = facilitators["Norr"]
    with pytest.raises(DBAPIError, match="row-level security"), norr.write() as tx:
        tx.session.add(Project(name="Smuggel", unit="Söder"))
    with pytest.raises(DBAPIError, match="row-level security"), norr.write() as tx:
        tx.session.add(Workshop(project_id=world["Söder"]["project"], title="Smuggel"))
    mine = projects.create_project(norr, "Eget")
    with norr.read() as s:  # a new project is the facilitator's unit's
        assert s.get_one(Project, mine).unit == "Norr"
    assert mine not in {p.id for p in projects.list_projects(facilitators["Söder"])}
    with pytest.raises(DBAPIError, match="row-level security"), norr.write() as tx:
        tx.session.get_one(Project, mine).unit = "Söder"  # giving it away is refused too
    with norr.read() as s:  # a row one can't see is never changed, only not found
        updated = s.execute(text("UPDATE wish SET text = 'x' WHERE id = :id"),
                            {"id": world["Söder"]["wish"]}).rowcount
        s.rollback()
    assert updated == 0


def test_erasure_by_one_facilitator_removes_the_person_in_every_unit(
        facilitators, world, owner):
    person_id = world[None]["person"]
    report = gdpr.erase_person(facilitators["Norr"], person_id)
    assert report.elsewhere >= 2  # Söder's attendance and wish, which Norr can't see
    with owner.read() as s:
        assert s.get(Person, person_id) is None
        assert s.scalar(select(func.count()).select_from(Attendance)) == 0
        texts = list(s.scalars(select(Wish.text)))
    assert len(texts) == 3
    assert all("Åsa Berg" not in t and "borttagen person" in t for t in texts)


def test_the_commands_for_it(server_database, capsys):
    from facilitator.cli import run

    assert run(["server-init", server_database]) == 0
    assert run(["server-init", server_database]) == 0
    role = f"test_cli_{uuid.uuid4().hex[:8]}"
    try:
        assert run(["server-add-user", server_database, role, "--unit", "Norr",
                    "--unit", "Söder"]) == 0
        assert run(["server-add-user", server_database, role, "--unit", "Väster"]) == 0
        out = capsys.readouterr().out
        assert f"Skapade {role}, enheter: Norr, Söder." in out
        assert f"Uppdaterade {role}, enheter: Väster." in out
        store = Store(make_server_engine(as_role(server_database, role)))
        try:
            with store.read() as s:
                units = s.execute(text("SELECT facilitator_my_units()")).scalar()
        finally:
            store.close()
        assert units == ["Väster"]
    finally:
        with psycopg.connect(server_database, autocommit=True) as admin:
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')
    assert run(["server-init", "/tmp/not-a-server.sqlite3"]) == 1
    assert "postgresql://" in capsys.readouterr().err


def test_a_facilitator_opening_a_database_that_needs_an_update_is_told_to_ask_it(
        server: str, owner: Store, facilitators: dict[str, Store]) -> None:
    from facilitator.messages import translate_error
    from facilitator.store.server import ServerError, open_server_database

    with owner.write() as tx:  # as if the program were newer than the database
        tx.session.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    norr = facilitators["Norr"].engine.url.render_as_string(hide_password=False)
    with pytest.raises(ServerError) as refused:
        open_server_database(norr.replace("postgresql+psycopg", "postgresql"))
    assert "server-init" in translate_error(refused.value)
    with owner.read() as s:  # nothing changed
        assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0008"
