"""export-minutes --for-publication: names of those who may not be named are replaced."""

from __future__ import annotations

from pathlib import Path

import docx

from facilitator.cli import run
from facilitator.services import focus_areas, groups, people, projects, sections, wishes
from facilitator.services import workshops as ws
from facilitator.services.core import Store
from facilitator.store.migrate import open_database


def _evening(db_path: Path) -> str:
    store = Store(open_database(db_path))
    try:
        project = projects.create_project(store, "Byaprojektet Ängsö")
        wid = ws.create_workshop(store, project, "Vårmöte på Åkersberg")
        area = focus_areas.add_focus_area(store, project, "Kultursamverkan")
        shy = people.create_person(store, "Örjan Ödmark")
        open_ = people.create_person(store, "Agnes Åström")
        for person in (shy, open_):
            people.set_attendance(store, wid, person, "attended")
        people.set_may_be_named(store, wid, shy, False)
        sections.add_section(store, wid, "Inledning",
                             "Örjan Ödmark och Agnes Åström hälsade välkomna.")
        group = groups.create_group(store, wid, [area])
        wishes.add_wish(store, group, "Fler kvällar som Örjan Ödmarks berättarkväll")
        ws.update_workshop(store, wid, show_group_members=True)
        groups.set_members(store, group, [shy, open_])
        return wid
    finally:
        store.close()


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_for_publication_replaces_the_name_and_says_how_many(db_path: Path, tmp_path: Path,
                                                             capsys) -> None:  # type: ignore[no-untyped-def]
    wid = _evening(db_path)
    out = tmp_path / "publicering.docx"
    assert run(["--db", str(db_path), "export-minutes", wid, str(out), "--for-publication"]) == 0
    printed, err = capsys.readouterr()
    lines = printed.splitlines()
    assert lines[0] == f"Sparade {out}"
    text = _text(out)
    assert "Ödmark" not in text
    assert "Agnes Åström" in text
    count = text.count("en deltagare")
    assert count >= 3  # the introduction, the wish, the group's members (and the list)
    assert lines[1] == f"{count} namn ersattes (1 person)"
    assert err == ""


def test_without_the_option_nothing_is_replaced_or_counted(db_path: Path, tmp_path: Path,
                                                           capsys) -> None:  # type: ignore[no-untyped-def]
    wid = _evening(db_path)
    out = tmp_path / "intern.docx"
    assert run(["--db", str(db_path), "export-minutes", wid, str(out)]) == 0
    printed, _ = capsys.readouterr()
    assert printed.splitlines() == [f"Sparade {out}"]
    assert "Örjan Ödmark" in _text(out)
