"""A laptop takes a project from the organisation's server offline and syncs back (#15):
edits on both sides after days apart, and syncs cut off at random points."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from facilitator.cli import run
from facilitator.interchange.export import export_package
from facilitator.interchange.sync import synchronise, take_offline
from facilitator.services import conflicts, groups, projects, wishes, workshops
from facilitator.services.core import ServiceError, Store
from facilitator.store.migrate import open_database

EVENING = 40  # wishes captured offline


@pytest.fixture
def laptop(db_path: Path) -> Iterator[Store]:
    store = Store(open_database(db_path))
    yield store
    store.close()


def _project(server: Store) -> tuple[str, str]:
    project = projects.create_project(server, "Ängsö framåt")
    workshop = workshops.create_workshop(server, project, "Kväll i bygdegården")
    return project, groups.create_group(server, workshop, name="Hamnen")


def content(store: Store, project: str) -> dict:  # type: ignore[type-arg]
    data = json.loads(json.dumps(export_package(store, project)))
    for key in ("exported_at", "device_id"):
        data.pop(key)
    return data


def texts(store: Store, group: str) -> list[str]:
    return [w.text for w in wishes.list_wishes(store, group)]


def test_edits_on_both_sides_days_apart_end_the_same(server: Store, laptop: Store) -> None:
    project, group = _project(server)
    shared = wishes.add_wish(server, group, "Bänkar vid ån")
    take_offline(server, laptop, [project])
    for n in range(EVENING):  # an evening in the village hall, no network
        wishes.add_wish(laptop, group, f"Önskemål {n} från bygdegården")
    wishes.set_text(laptop, shared, "Fler bänkar vid ån")
    wishes.set_votes(laptop, shared, 3)
    wishes.add_wish(server, group, "Från kontoret: cykelväg till Ängsö")  # meanwhile
    wishes.set_text(server, shared, "Bänkar och grillplats vid ån")
    wishes.set_votes(server, shared, 2)

    dry = synchronise(laptop, server, dry_run=True)
    assert dry.counts(dry.to_server)[0] == EVENING and content(server, project) != content(
        laptop, project)
    result = synchronise(laptop, server)
    assert result.project_ids == [project]
    assert content(server, project) == content(laptop, project)
    shown = texts(server, group)
    assert len(shown) == EVENING + 2 and "Från kontoret: cykelväg till Ängsö" in shown
    [both] = [w for w in wishes.list_wishes(server, group) if w.id == shared]
    assert both.votes == 5  # votes given on both sides add up
    kept = {c.kept for c in conflicts.list_conflicts(server)} | {
        c.other for c in conflicts.list_conflicts(server)}
    assert {"Fler bänkar vid ån", "Bänkar och grillplats vid ån"} <= kept  # nothing lost
    again = synchronise(laptop, server)
    assert again.counts(again.to_server) == (0, 0, 0) == again.counts(again.to_laptop)


def _terminate(server_database: str) -> None:
    """The server drops every connection to the database (as a restart does)."""
    url = make_url(server_database)
    admin = url.set(database="postgres", drivername="postgresql").render_as_string(
        hide_password=False)
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                  "WHERE datname = %s AND pid <> pg_backend_pid()", (url.database,))


def test_a_sync_cut_off_anywhere_finishes_when_run_again(
        server: Store, laptop: Store, server_database: str, db_path: Path) -> None:
    project, group = _project(server)
    take_offline(server, laptop, [project])
    written: list[str] = []
    randomness = random.Random(14)
    for round_ in range(4):
        for n in range(25):
            text = f"Runda {round_}, önskemål {n} på Ängsö"
            wishes.add_wish(laptop, group, text)
            written.append(text)
        office = f"Runda {round_}: från kontoret"
        wishes.add_wish(server, group, office)
        written.append(office)
        if round_ % 2:  # the program killed mid-sync (a child process does the sync)
            laptop.close()
            child = subprocess.Popen([sys.executable, "-c", (
                "import sys; from pathlib import Path;"
                "from facilitator.services.core import Store;"
                "from facilitator.store.migrate import open_database;"
                "from facilitator.store.server import make_server_engine;"
                "from facilitator.interchange.sync import synchronise;"
                "synchronise(Store(open_database(Path(sys.argv[1]))),"
                " Store(make_server_engine(sys.argv[2])))"), str(db_path), server_database])
            time.sleep(randomness.uniform(0.2, 1.5))
            child.kill()
            child.wait()
            laptop = Store(open_database(db_path))
        else:  # the server restarted mid-sync
            cut = threading.Timer(randomness.uniform(0.0, 0.3), _terminate, [server_database])
            cut.start()
            try:
                synchronise(laptop, server)
            except ServiceError:
                pass  # the connection went: the user sees a message and syncs again
            except Exception as exc:  # noqa: BLE001 - psycopg errors outside a write
                assert "terminat" in str(exc) or "closed" in str(exc), exc
            cut.join()
        synchronise(laptop, server)  # run again: it finishes
        assert content(server, project) == content(laptop, project)
        shown = texts(laptop, group)
        assert sorted(shown) == sorted(written)  # nothing lost, nothing doubled
    laptop.close()


def test_take_offline_and_sync_from_the_command_line(
        server: Store, server_database: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    project, group = _project(server)
    local = str(tmp_path / "bärbar.sqlite3")
    assert run(["--db", local, "take-offline", server_database, project]) == 0
    assert "Tog med" in capsys.readouterr().out
    assert run(["--db", local, "list"]) == 0
    assert "Kväll i bygdegården" in capsys.readouterr().out
    wishes.add_wish(server, group, "Från kontoret")
    assert run(["--db", local, "sync", server_database, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Skulle ge den här datorn: 1 nya" in out and "Inget har skrivits" in out
    assert run(["--db", local, "sync", server_database]) == 0
    assert "Gav den här datorn: 1 nya" in capsys.readouterr().out
    assert run(["--db", local, "sync", "inte-en-server", "--dry-run"]) == 1
    assert "ingen adress till en databasserver" in capsys.readouterr().err
