"""Synkronisera's preview tells what the sync then does, and the conflicts a sync finds
are in the laptop's Konflikter too (#15, point 4): on a SQLite "server" (a second laptop's
database) and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from facilitator.interchange.sync import synchronise, take_offline
from facilitator.services import conflicts, groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.server import make_server_engine
from tests.unit.test_sync import content


@pytest.fixture(params=["sqlite", "postgresql"])
def laptop_and_server(request: pytest.FixtureRequest,
                      laptops: tuple[Store, Store]) -> Iterator[tuple[Store, Store]]:
    laptop, other = laptops
    if request.param == "sqlite":
        yield laptop, other
        return
    server = Store(make_server_engine(request.getfixturevalue("server_database")))
    yield laptop, server
    server.close()


def _days_apart(laptop: Store, server: Store) -> tuple[str, str, str, str]:
    """A project taken offline, then edited on both sides: new wishes, an edit on one side
    only, and two wishes whose text both sides changed (one the laptop wrote last, one the
    server)."""
    project = projects.create_project(server, "Ängsö framåt")
    group = groups.create_group(
        server, workshops.create_workshop(server, project, "Kväll i bygdegården"), name="Hamnen")
    bench = wishes.add_wish(server, group, "Bänkar vid ån")
    jetty = wishes.add_wish(server, group, "Ny brygga vid Ängsö")
    path = wishes.add_wish(server, group, "Gångväg längs stranden")
    take_offline(server, laptop, [project])
    wishes.add_wish(laptop, group, "Fler cykelställ vid färjeläget")
    wishes.set_text(laptop, bench, "Bänkar och grillplats vid ån")
    wishes.add_wish(server, group, "Bättre belysning på bryggan i Öregrund")
    wishes.set_text(laptop, jetty, "Ny brygga, skrivet offline")
    wishes.set_text(server, jetty, "Ny brygga, skrivet på kontoret")  # the server's is newer
    wishes.set_text(server, path, "Gångväg, skrivet på kontoret")
    wishes.set_text(laptop, path, "Gångväg, skrivet offline")  # the laptop's is newer
    return project, group, jetty, path


def test_the_preview_counts_what_the_sync_then_does(
        laptop_and_server: tuple[Store, Store]) -> None:
    laptop, server = laptop_and_server
    project, _group, jetty, path = _days_apart(laptop, server)
    before = content(laptop, project), content(server, project)
    preview = synchronise(laptop, server, dry_run=True)
    assert (content(laptop, project), content(server, project)) == before  # nothing written
    done = synchronise(laptop, server)
    shown = [preview.counts(preview.to_server), preview.counts(preview.to_laptop)]
    assert shown == [done.counts(done.to_server), done.counts(done.to_laptop)]
    # To the server: one new wish, the bench and the path changed, two texts in conflict;
    # back: the server's new wish and its jetty text, each conflict counted once.
    assert shown == [(1, 2, 2), (1, 1, 0)]
    assert preview.conflicts_copied == done.conflicts_copied == 2
    assert preview.conflicts_found == done.conflicts_found == 2 == done.conflicts_here
    assert content(laptop, project) == content(server, project)
    here = {(c.row_id, c.kept, c.other) for c in conflicts.list_conflicts(laptop)}
    assert here == {(jetty, "Ny brygga, skrivet på kontoret", "Ny brygga, skrivet offline"),
                    (path, "Gångväg, skrivet offline", "Gångväg, skrivet på kontoret")}


def test_a_conflict_is_in_the_laptops_konflikter_once(
        laptop_and_server: tuple[Store, Store]) -> None:
    laptop, server = laptop_and_server
    _days_apart(laptop, server)
    synchronise(laptop, server)
    first = conflicts.list_conflicts(laptop)
    assert len(first) == 2 and len({c.id for c in first}) == 2
    again = synchronise(laptop, server)
    assert again.conflicts_copied == 0 and again.conflicts_found == 0
    assert [c.id for c in conflicts.list_conflicts(laptop)] == [c.id for c in first]
    # Settled on the laptop, it stays settled: the next sync does not bring it back open.
    conflicts.set_choice(laptop, first[0].id, "kept")
    synchronise(laptop, server)
    assert [c.id for c in conflicts.list_conflicts(laptop)] == [first[1].id]


def test_conflicts_of_a_sync_cut_off_before_its_way_back_reach_the_laptop(
        laptop_and_server: tuple[Store, Store]) -> None:
    from facilitator.interchange.sync import to_server

    laptop, server = laptop_and_server
    project, *_ = _days_apart(laptop, server)
    to_server(laptop, server, [project])  # then the network went
    assert conflicts.list_conflicts(laptop) == []
    done = synchronise(laptop, server)
    assert done.conflicts_copied == 2 and len(conflicts.list_conflicts(laptop)) == 2
    assert done.conflicts_found == 0 and done.conflicts_here == 2  # what the dialog tells


def test_two_laptops_with_one_name_see_only_their_own_conflicts(
        laptops: tuple[Store, Store], server_database: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.setattr(socket, "gethostname", lambda: "KOMMUN-LAPTOP")  # one image, one name
    first, second = laptops
    server = Store(make_server_engine(server_database))
    project, *_ = _days_apart(first, server)
    take_offline(server, second, [project])
    synchronise(first, server)
    mine = conflicts.list_conflicts(first)
    assert len(mine) == 2
    synchronise(second, server)  # it wrote nothing: it caused no conflict
    assert conflicts.list_conflicts(second) == []
    server.close()


def test_a_conflict_settled_on_one_side_is_settled_on_the_other(
        laptop_and_server: tuple[Store, Store]) -> None:
    laptop, server = laptop_and_server
    project, *_ = _days_apart(laptop, server)
    synchronise(laptop, server)
    first, second = conflicts.list_conflicts(laptop)
    conflicts.set_choice(laptop, first.id, "kept")  # Åsa settles one on her laptop …
    conflicts.set_choice(server, second.id, "other")  # … a colleague the other at the office
    synchronise(laptop, server)
    assert conflicts.list_conflicts(laptop) == conflicts.list_conflicts(server) == []
    settled = {c.id: c.chosen for c in conflicts.list_conflicts(server, include_resolved=True)}
    assert settled == {first.id: "kept", second.id: "other"}
    assert content(laptop, project) == content(server, project)  # "other" travelled as an edit
