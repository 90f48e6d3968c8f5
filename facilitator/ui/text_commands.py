"""Storing a long text typed in a MarkdownEditor, never over a colleague's (#15).

The agenda notes and a focus area's narrative are typed in a MarkdownEditor that
commits after a pause or when the field is left. On the organisation's server
a colleague may store the same text meanwhile. The edit is stored only over
the text the field last showed from the store (``MarkdownEditor.base``); if
that changed, the service refuses, the user is told, and the typed text stays
in the field. The field then knows the colleague's text as its base, so the
next commit (leaving the field again) stores the user's text deliberately.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.ui.commands import Editor, ServiceCommand
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
