"""The group-work section's own words, under the groups: text before and after the list.

"Text before the groups" shows, while the workshop has no text of its own, the
sentence the minutes write by themselves ("Det blev tre grupper som arbetade
med") as a grey placeholder. Typing makes it the facilitator's own text;
clearing it, or "Reset", goes back to the generated sentence (stored as None).
Both texts are committed after a pause in typing and when the keyboard leaves
them, each as one undoable step, like the lead paragraph on the overview.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from facilitator.minutes.labels import labels_for, number_word
from facilitator.services import groups
from facilitator.services.core import StorageError, Store
from facilitator.services.overview import get_facts
from facilitator.services.workshops import update_workshop
from facilitator.ui.commands import Editor, setter
from facilitator.ui.text_commands import store_typed_text
from facilitator.ui.widgets.markdown_editor import MarkdownEditor


def generated_sentence(groups: int, language: str) -> str:
    """What the minutes write before the list when the workshop has no text of its own."""
    labels = labels_for(language)
    intro = labels.groups_intro.format(n=number_word(groups, language) if groups else "…")
    if groups == 1:  # as the minutes say it (minutes/sections.py)
        intro = intro.replace("grupper", "grupp").replace("were", "was").replace(
            "groups", "group")
    return f"{intro}:"


class GroupTextPanel(QWidget):
    """Lead text, after text and "list the members" of one workshop's group work."""

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupTextPanel")
        self.store, self.editor = store, editor
        self.workshop_id: str | None = None
        self._loading = False
        self._own_lead = False  # the workshop has its own lead text (not the generated one)

        self.lead = MarkdownEditor(self.tr("Text before the groups"), toolbar=False)
        self.lead.setObjectName("groupLeadText")
        self.lead.edit.setToolTip(self.tr(
            "Empty: the minutes write the grey sentence themselves. The list of groups "
            "always follows."))
        self.lead.committed.connect(
            lambda text: self._commit_text("group_lead_text", self.lead, text))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.reset_button.setObjectName("groupLeadReset")
        self.reset_button.setToolTip(self.tr(
            "Go back to the sentence the minutes write by themselves"))
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.reset_lead)
        self.lead.edit.textChanged.connect(self._enable_reset)
        self.after = MarkdownEditor(self.tr("Text after the list of groups"), toolbar=False)
        self.after.setObjectName("groupAfterText")
        self.after.committed.connect(
            lambda text: self._commit_text("group_after_text", self.after, text))
        self.members = QCheckBox(self.tr("Show the groups' members in the minutes"))
        self.members.setObjectName("showGroupMembers")
        self.members.toggled.connect(self._commit_members)
        for text_editor in (self.lead, self.after):
            text_editor.setMinimumHeight(60)
            text_editor.setMaximumHeight(self.fontMetrics().height() * 4 + 14)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        lead_label = QLabel(self.tr("Text before the groups") + ":")
        lead_label.setBuddy(self.lead.edit)
        after_label = QLabel(self.tr("Text after the list of groups") + ":")
        after_label.setBuddy(self.after.edit)
        grid.addWidget(lead_label, 0, 0)
        grid.addWidget(self.reset_button, 0, 1)
        grid.addWidget(after_label, 0, 2, 1, 2)
        grid.addWidget(self.lead, 1, 0, 1, 2)
        grid.addWidget(self.after, 1, 2, 1, 2)
        grid.addWidget(self.members, 2, 0, 1, 4)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.setTabOrder(self.lead.edit, self.reset_button)
        self.setTabOrder(self.reset_button, self.after.edit)
        self.setTabOrder(self.after.edit, self.members)

    # ----- drawing -----------------------------------------------------------
    def show_workshop(self, workshop_id: str | None, groups: int) -> None:
        """Redraw for ``workshop_id`` with ``groups`` groups (text being typed is kept)."""
        self.workshop_id = workshop_id
        self.setEnabled(workshop_id is not None)
        if workshop_id is None:
            for text_editor in (self.lead, self.after):
                text_editor.draft_key = None  # no workshop's text or draft is shown
                text_editor.load_markdown("")
            return
        facts = get_facts(self.store, workshop_id)
        self._own_lead = facts.group_lead_text is not None
        self.lead.edit.setPlaceholderText(generated_sentence(groups, facts.language))
        self._enable_reset()
        self._show(self.lead, f"group-lead:{workshop_id}", facts.group_lead_text or "")
        self._show(self.after, f"group-after:{workshop_id}", facts.group_after_text)
        self._loading = True
        try:
            self.members.setChecked(facts.show_group_members)
        finally:
            self._loading = False

    def _enable_reset(self) -> None:
        # Typed text can be reset at once, before it is stored (Tab reaches the button).
        self.reset_button.setEnabled(self._own_lead or bool(self.lead.edit.toPlainText()))

    @staticmethod
    def _show(text_editor: MarkdownEditor, key: str, text: str) -> None:
        if text_editor.draft_key != key:  # another workshop: its own text and draft
            text_editor.load_markdown(text, draft_key=key)
        else:
            text_editor.show_markdown(text)

    # ----- commits -----------------------------------------------------------
    def _run(self, label: str, values: dict[str, Any]) -> bool | None:
        """Store ``values`` in one undoable step: True stored, False refused, None not written
        because the database could not be (the typed text is kept and retried)."""
        if self._loading or self.workshop_id is None:
            return True
        workshop_id, storage_failed = self.workshop_id, []

        def update(facts: dict[str, Any]) -> dict[str, Any]:
            try:
                return update_workshop(self.store, workshop_id, **facts)
            except StorageError:
                storage_failed.append(True)
                raise

        if self.editor.run(setter(label, update, values)):
            return True
        return None if storage_failed else False

    def _commit_text(self, fact: str, text_editor: MarkdownEditor, text: str) -> None:
        if self._loading or self.workshop_id is None:
            return
        label = (self.tr("Change the text before the groups") if fact == "group_lead_text"
                 else self.tr("Change the text after the list of groups"))
        workshop_id, store = self.workshop_id, self.store

        def write(new: str, seen: str | None) -> str:
            value: str | None = new if new.strip() else ""
            if fact == "group_lead_text" and not value:
                value = None  # an empty lead text is the generated sentence again
            # Stored only over the text the field showed (#15); a missing lead shows empty.
            old = update_workshop(store, workshop_id, **{fact: value},
                                  expected=None if seen is None else {fact: seen})[fact]
            return old or ""

        store_typed_text(self.editor, text_editor, label, text, write,
                         lambda: getattr(get_facts(store, workshop_id), fact) or "",
                         (1004 if fact == "group_lead_text" else 1005, workshop_id))

    def reset_lead(self) -> bool:
        """Go back to the generated sentence before the groups (undoable)."""
        if self.workshop_id is None:
            return False
        done = self._run(self.tr("Reset the text before the groups"),
                         {"group_lead_text": None})
        if done:
            self.lead.load_markdown("")  # what was typed is now stored as None
            self.lead.commit()  # clears the draft
            self.lead.edit.setFocus()
        return bool(done)

    def _commit_members(self, checked: bool) -> None:
        label = (self.tr("List the groups' members") if checked
                 else self.tr("Stop listing the groups' members"))
        if self._run(label, {"show_group_members": checked}) is not True and \
                self.workshop_id is not None:
            self.show_workshop(self.workshop_id, self._groups())

    def _groups(self) -> int:
        return len(groups.list_groups(self.store, self.workshop_id)) if self.workshop_id else 0
