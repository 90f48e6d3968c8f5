"""`facilitator sync` tells the conflicts it found, and where they are (#15): in Konflikter
on this computer, shown by `facilitator conflicts`."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from facilitator.cli import run
from facilitator.services import conflicts, groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database


def test_sync_prints_how_many_conflicts_and_that_they_are_in_konflikter_here(
        server: Store, server_database: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = projects.create_project(server, "Ängsö framåt")
    group = groups.create_group(server, workshops.create_workshop(server, project, "Kväll"),
                                name="Hamnen")
    jetty = wishes.add_wish(server, group, "Ny brygga")
    local = tmp_path / "bärbar dator.sqlite3"  # a space: the command shown is quoted
    assert run(["--db", str(local), "take-offline", server_database, project]) == 0
    capsys.readouterr()
    laptop = Store(open_database(local))
    wishes.set_text(laptop, jetty, "Ny brygga, skrivet offline")
    laptop.close()
    wishes.set_text(server, jetty, "Ny brygga, skrivet på kontoret")  # the later edit

    assert run(["--db", str(local), "sync", server_database, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert ("1 fält har ändrats på båda sidorna: det nyare värdet skulle behållas och det "
            "andra sparas i Konflikter.") in out
    assert "1 konflikt skulle hamna i Konflikter på den här datorn." in out
    assert "Inget har skrivits" in out

    assert run(["--db", str(local), "sync", server_database]) == 0
    out = capsys.readouterr().out
    assert ("1 fält hade ändrats på båda sidorna: det nyare värdet behölls och det andra "
            "sparades i Konflikter.") in out
    show = f"facilitator --db {shlex.quote(str(local))} conflicts"
    assert (f"1 konflikt finns nu i Konflikter på den här datorn: visa dem med {show} "
            "(eller Konflikter i programfönstret).") in out
    laptop = Store(open_database(local))
    try:
        [here] = conflicts.list_conflicts(laptop)
        assert (here.row_id, here.other) == (jetty, "Ny brygga, skrivet offline")
    finally:
        laptop.close()
    assert run(shlex.split(show)[1:]) == 0  # the command it names shows the conflict
    assert "Ny brygga, skrivet offline" in capsys.readouterr().out

    assert run(["--db", str(local), "sync", server_database]) == 0  # nothing new: silent
    out = capsys.readouterr().out
    assert "Gav den här datorn" in out and "Konflikter" not in out


def test_sync_without_conflicts_says_nothing_of_them(
        server: Store, server_database: str, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    project = projects.create_project(server, "Östra hamnen")
    local = str(tmp_path / "bärbar.sqlite3")
    assert run(["--db", local, "take-offline", server_database, project]) == 0
    assert run(["--db", local, "sync", server_database]) == 0
    out = capsys.readouterr().out
    assert "Gav servern: 0 nya, 0 ändrade, 0 i konflikt." in out
    assert "Konflikter" not in out and "fält" not in out
