"""Undo never overwrites another user's newer edit (#15), on a server or after an import."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from facilitator.interchange.export import export_package
from facilitator.interchange.importer import import_package
from facilitator.services import groups, projects, wishes, workshops
from facilitator.services.core import Store
from facilitator.store.migrate import open_database
from facilitator.ui.commands import Editor, setter


def _group(store: Store) -> tuple[str, str]:
    project = projects.create_project(store, "Ängsö framåt")
    workshop = workshops.create_workshop(store, project, "Kväll i bygdegården")
    return project, groups.create_group(store, workshop, name="Hamnen")


def _edit_text(editor: Editor, store: Store, wish: str, text: str) -> None:
    assert editor.run(setter("Ändra text", lambda v: wishes.set_text(store, wish, v), text))


def _text(store: Store, wish: str) -> str:
    return next(w.text for w in wishes.list_wishes(store, wish_group(store, wish))
                if w.id == wish)


def wish_group(store: Store, wish: str) -> str:
    from facilitator.store.models import Wish

    with store.read() as s:
        return s.get_one(Wish, wish).group_id


@pytest.fixture
def editor(qapp) -> Editor:  # type: ignore[no-untyped-def]
    made = Editor(QUndoStack())
    made.refusals = []  # type: ignore[attr-defined]
    made.refused.connect(made.refusals.append)  # type: ignore[attr-defined]
    return made


def test_my_own_undo_and_redo_still_work(store: Store, editor: Editor) -> None:
    _, group = _group(store)
    wish = wishes.add_wish(store, group, "Bänkar vid ån")
    _edit_text(editor, store, wish, "Fler bänkar vid ån")
    _edit_text(editor, store, wish, "Fler bänkar vid Ängsö å")
    editor.stack.undo()
    editor.stack.undo()
    assert _text(store, wish) == "Bänkar vid ån"
    editor.stack.redo()
    assert _text(store, wish) == "Fler bänkar vid ån"
    assert editor.refusals == []  # type: ignore[attr-defined]


def test_an_import_after_my_edit_makes_my_undo_refuse(
        store: Store, db_path: Path, tmp_path: Path, editor: Editor) -> None:
    other = tmp_path / "göran.sqlite3"
    shutil.copyfile(db_path, other)  # an empty database for Göran's laptop
    project, group = _group(store)
    wish = wishes.add_wish(store, group, "Bänkar vid ån")
    göran = Store(open_database(other))
    import_package(göran, json.loads(json.dumps(export_package(store, project))))
    try:
        _edit_text(editor, store, wish, "Fler bänkar vid ån")  # mine …
        wishes.set_text(göran, wish, "Bänkar och grillplats vid ån")  # … then Göran's, later
        import_package(store, json.loads(json.dumps(export_package(göran, project))))
    finally:
        göran.close()
    assert _text(store, wish) == "Bänkar och grillplats vid ån"
    editor.stack.undo()
    assert _text(store, wish) == "Bänkar och grillplats vid ån"  # not overwritten
    [message] = editor.refusals  # type: ignore[attr-defined]
    assert "någon annan har ändrat det sedan dess" in message
    assert editor.stack.index() == 1  # the step stays, to be undone once it is safe



def test_on_a_server_my_undo_does_not_overwrite_a_colleagues_later_edit(
        colleagues: tuple[Store, Store], editor: Editor) -> None:
    mine, theirs = colleagues
    _, group = _group(mine)
    wish = wishes.add_wish(mine, group, "Bänkar vid ån")
    other = wishes.add_wish(mine, group, "Ny brygga")
    _edit_text(editor, mine, wish, "Fler bänkar vid ån")
    _edit_text(editor, mine, other, "En ny brygga")
    wishes.set_text(theirs, wish, "Bänkar och grillplats vid ån")  # the colleagues, after me
    editor.stack.undo()  # my last edit: nobody touched that wish, so it is undone
    assert _text(mine, other) == "Ny brygga"
    editor.stack.undo()  # this one would overwrite the colleagues's text: refused
    assert _text(mine, wish) == "Bänkar och grillplats vid ån"
    assert len(editor.refusals) == 1  # type: ignore[attr-defined]
