"""``facilitator --db postgresql://…`` runs every command on the server (#15)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from facilitator.cli import run

SAMPLE_PROJECT = "eb131b3c-de59-5db7-87dd-cbfe087bdfec"
CLOSING = "cf9e76c2-9a4b-510c-b0c6-cab56adb53f1"


def _texts(path: Path) -> list[str]:
    document = Document(str(path))
    return [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells]


def test_the_same_commands_and_the_same_minutes_on_a_server(
        server_database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    local = tmp_path / "lokal.sqlite3"
    for db in (server_database, str(local)):
        assert run(["--db", db, "sample"]) == 0
        assert run(["--db", db, "export-minutes", CLOSING, str(tmp_path / "ut.docx")]) == 0
        (tmp_path / "ut.docx").rename(tmp_path / f"{'server' if db != str(local) else 'lokal'}"
                                      ".docx")
    assert run(["--db", server_database, "list"]) == 0
    assert "Redovisning av Lillsjö framåt" in capsys.readouterr().out
    assert _texts(tmp_path / "server.docx") == _texts(tmp_path / "lokal.docx")
    assert run(["--db", server_database, "export-json", SAMPLE_PROJECT,
                str(tmp_path / "paket.json")]) == 0
    assert run(["--db", str(local), "import", "--dry-run", str(tmp_path / "paket.json")]) == 0
    assert "inga ändringar" in capsys.readouterr().out


def test_an_unreachable_server_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", "postgresql://ingen@127.0.0.1:1/facilitator", "list"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("facilitator: Databasservern postgresql://ingen@127.0.0.1:1/")
    assert "gick inte att nå" in error and "Traceback" not in error
