"""The headless commands: exit codes and one clear line, never a traceback."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from facilitator.cli import run
from facilitator.services import projects
from facilitator.services import workshops as ws
from facilitator.services.core import Store
from facilitator.store.migrate import open_database


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("facilitator")
    return lines[0]


def test_list_on_an_empty_database_prints_the_hint(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "tom.sqlite3"
    assert run(["--db", str(db), "list"]) == 0
    out, err = capsys.readouterr()
    assert out == "Inga projekt ännu. Prova 'facilitator sample'.\n"
    assert err == ""
    assert db.exists()


def test_list_shows_projects_and_workshops(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = Store(open_database(db_path))
    try:
        pid = projects.create_project(store, "Byaprojektet Ängsö")
        wid = ws.create_workshop(store, pid, "Vårmöte på Åkersberg", date="2026-04-07")
    finally:
        store.close()
    assert run(["--db", str(db_path), "list"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        f"{pid}  projekt   Byaprojektet Ängsö",
        f"{wid}  2026-04-07  Vårmöte på Åkersberg",
    ]


def test_unknown_command_is_a_usage_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--db", str(tmp_path / "x.sqlite3"), "bjudkaffe"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "bjudkaffe" in _one_error_line(err)
    assert not (tmp_path / "x.sqlite3").exists()


def test_missing_argument_is_a_usage_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--db", str(tmp_path / "x.sqlite3"), "export-json"]) == 2
    _, err = capsys.readouterr()
    assert "export-json" in _one_error_line(err)


def test_help_exits_zero(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--help"]) == 0
    out, err = capsys.readouterr()
    assert "export-minutes" in out and "läs in exempelprojektet" in out
    assert err == ""


def test_no_command_prints_help_and_usage_code(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run([]) == 2
    assert "KOMMANDO" in capsys.readouterr().out


def test_export_json_with_unknown_id(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "paket.json"
    assert run(["--db", str(db_path), "export-json", "finns-inte-åäö", str(target)]) == 1
    out, err = capsys.readouterr()
    line = _one_error_line(err)
    assert "finns-inte-åäö" in line
    assert "oväntat fel" not in line
    assert out == ""
    assert not target.exists()


def test_newer_schema_database_is_refused_untouched(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    files = sorted(p.name for p in db_path.parent.iterdir())

    assert run(["--db", str(db_path), "list"]) == 1
    out, err = capsys.readouterr()
    assert "nyare version av Facilitator" in _one_error_line(err)
    assert out == ""
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files


def test_damaged_database_is_one_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "anteckningar.sqlite3"
    db.write_text("Inte en databas, bara anteckningar om ärtsoppa. " * 100, encoding="utf-8")
    assert run(["--db", str(db), "list"]) == 1
    assert "anteckningar.sqlite3" in _one_error_line(capsys.readouterr().err)


def test_database_in_use_is_one_line(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    engine = open_database(db_path)
    try:
        assert run(["--db", str(db_path), "list"]) == 1
    finally:
        engine.dispose()
    assert "används av ett annat program" in _one_error_line(capsys.readouterr().err)


def test_commands_use_the_data_folder_by_default(_private_data_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["list"]) == 0
    assert (_private_data_dir / "facilitator.sqlite3").exists()


def test_import_says_who_was_removed_again(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from facilitator.app import open_store
    from facilitator.interchange.export import write_package
    from facilitator.services import gdpr, people, projects

    db = tmp_path / "möten.sqlite3"
    store = open_store(db)
    project = projects.create_project(store, "Byastämman")
    workshop = ws.create_workshop(store, project, "Vårstämma")
    person = people.create_person(store, "Sigvard Öqvist")
    people.set_attendance(store, workshop, person, "attended")
    package = write_package(store, project, tmp_path / "stämman.json")
    gdpr.erase_person(store, person)
    store.close()
    assert run(["--db", str(db), "import", str(package)]) == 0
    out = capsys.readouterr().out
    assert "togs bort igen: Sigvard Öqvist." in out


def test_opening_a_restored_copy_says_who_was_removed_again(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from facilitator.app import open_store
    from facilitator.services import gdpr, people
    from facilitator.store.backup import backup_engine, restore_backup

    db = tmp_path / "möten.sqlite3"
    store = open_store(db)
    person = people.create_person(store, "Sigvard Öqvist")
    copy = backup_engine(store.engine, db, "auto")
    gdpr.erase_person(store, person)
    store.close()
    restore_backup(db, copy)
    assert run(["--db", str(db), "list"]) == 0
    err = capsys.readouterr().err
    assert "togs bort igen: Sigvard Öqvist." in err
    assert run(["--db", str(db), "list"]) == 0  # and only the once
    assert "togs bort igen" not in capsys.readouterr().err


def test_every_command_is_taken_for_the_command_line_not_the_window() -> None:
    """`facilitator export-signin …` must run the command, never open the window (which
    needs a display): the start-up's word list holds every subcommand of the parser."""
    import argparse

    from facilitator.app import CLI_WORDS, _wants_cli
    from facilitator.cli import build_parser

    parser = build_parser()
    [sub] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    commands = set(sub.choices)
    assert commands <= CLI_WORDS
    assert CLI_WORDS - commands == {"-h", "--help", "--version"}
    for command in commands:
        assert _wants_cli(["--db", "x.sqlite3", command])


def test_import_dry_run_prints_the_preview_per_group_and_kind(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """`import --dry-run A.json B.json` shows what Samla in… previews, and writes nothing."""
    from facilitator.app import open_store
    from facilitator.interchange.export import write_package
    from facilitator.interchange.handout import group_package
    from facilitator.interchange.importer import import_package
    from facilitator.services import wishes
    from tests.unit.test_handout_collect import copied, evening

    db = tmp_path / "samordnaren.sqlite3"
    store = open_store(db)
    ids = evening(store)
    files = []
    for n, name in ((1, "åsa"), (2, "göran")):
        laptop = open_store(tmp_path / f"{name}.sqlite3")
        import_package(laptop, copied(group_package(store, ids["workshop"], ids[f"group{n}"])))
        wishes.add_wish(laptop, ids[f"group{n}"], "Bättre belysning på gångvägen")
        wishes.set_text(laptop, ids[f"wish{n}"], "Öppna förskolans gård på kvällarna")
        files.append(write_package(laptop, ids["workshop"], tmp_path / f"{name}.json"))
        laptop.close()
    store.close()
    assert run(["--db", str(db), "import", "--dry-run", *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert "Förhandsgranskning per grupp:" in out
    assert ("  Skolan och förskolan – önskemål: 1 nya, 1 ändrade, 0 borttagna, 0 i konflikt"
            in out)
    assert ("  Vägar och belysning – önskemål: 1 nya, 1 ändrade, 0 borttagna, 0 i konflikt"
            in out)
    assert "Hamnen" not in out and "Inget har skrivits" in out
    again = open_store(db)
    try:
        assert len(wishes.list_wishes(again, ids["group1"])) == 1
    finally:
        again.close()
