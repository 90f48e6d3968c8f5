"""Storing typed text, never over a colleague's (#15).

The agenda notes and a focus area's narrative are typed in a MarkdownEditor that
commits after a pause or when the field is left. On the organisation's server
a colleague may store the same text meanwhile. The edit is stored only over
the text the field last showed from the store (``MarkdownEditor.base``); if
that changed, the service refuses, the user is told, and the typed text stays
in the field. The field then knows the colleague's text as its base, so the
next commit (leaving the field again) stores the user's text deliberately.

One-line fields (headings, names) work the same way: the value a QLineEdit
showed from the store is kept in a property (``show_stored_line``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit

from facilitator.ui.commands import Editor, ServiceCommand, checked_setter, refused_by_colleague
from facilitator.ui.widgets.markdown_editor import MarkdownEditor

Write = Callable[[str, str | None], str]  # (text, expected) → the text it replaced


def store_typed_text(editor: Editor, field: MarkdownEditor, label: str, text: str,
                     write: Write, read: Callable[[], str],
                     merge_key: tuple[int, str]) -> bool:
    """Commit ``text`` as one undoable step; False (and the text kept) when refused."""
    base = field.base
    command = ServiceCommand(
        label,
        do=lambda: write(text, base),
        undo=lambda old: write(old, None),  # the undo guard protects a colleague's edit
        redo=lambda _old: write(text, None),
        merge_key=merge_key)
    stored = editor.run(command)
    field.base = read()
    if not stored:
        field.commit_failed()  # keep the text in the editor; retried next commit
    return stored


STORED = "storedText"  # a QLineEdit's property: the stored value it showed last


def show_stored_line(edit: QLineEdit, stored: str, *, force: bool = False) -> None:
    """Show ``stored`` in ``edit`` unless the user is typing over it there; the value
    shown is the one an edit of the field starts from (``line_base``)."""
    if force or not edit.hasFocus() or not edit.isModified():
        if edit.text() != stored:
            edit.setText(stored)
        edit.setModified(False)
        edit.setProperty(STORED, stored)


def line_base(edit: QLineEdit) -> str | None:
    value = edit.property(STORED)
    return value if isinstance(value, str) else None


def line_stored(edit: QLineEdit, stored: str) -> None:
    """After a commit (stored, or refused because a colleague's value came first):
    ``stored`` is the value a further edit of the field starts from."""
    edit.setProperty(STORED, stored)


def store_typed_line(editor: Editor, edit: QLineEdit, label: str,
                     write: Callable[[str, str | None], object],
                     read: Callable[[], str]) -> bool | None:
    """Commit a one-line field (a heading, a name) over the value it showed.

    True: stored (or unchanged). False: refused as invalid; the page shows the stored
    value again. None: a colleague's value came first; the typed text stays, and the
    next Enter stores it over theirs deliberately.
    """
    stored = read()
    if edit.text().strip() == stored:
        edit.setModified(False)
        line_stored(edit, stored)
        return True
    if editor.run(checked_setter(label, write, edit.text(), line_base(edit))):
        edit.setModified(False)
        line_stored(edit, read())
        return True
    if refused_by_colleague(editor):
        line_stored(edit, read())
        return None
    return False
