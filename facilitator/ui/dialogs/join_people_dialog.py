"""Samma person? Registrations of one person made on two laptops, joined by keyboard.

The list holds the pairs services/person_join.py offers (same name, and the
same organisation or e-mail: never the name alone). Below it the two people
side by side; the one to keep is chosen with 1 or 2 (or its radio button),
suggested as the one who attended most. Enter or "Slå ihop" joins them in one
step of the window's undo stack; Ctrl+Z takes it back, here or in the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import person_join
from facilitator.services.core import Store
from facilitator.services.person_join import DuplicatePair, PersonSummary
from facilitator.ui.commands import Editor, ServiceCommand

JOIN_KEY = "Ctrl+J"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
SIDE_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1}


def join_command(store: Store, keep: str, duplicate: str, text: str) -> ServiceCommand:
    """Join ``duplicate`` into ``keep``: one undo step that puts back exactly what moved."""
    return ServiceCommand(
        text, do=lambda: person_join.join_people(store, keep, duplicate),
        undo=lambda record: person_join.unjoin(store, record))


class PersonCard(QGroupBox):
    """One of the two people: what tells them apart, and "Keep this one"."""

    def __init__(self, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"joinPerson{number}")
        self.keep = QRadioButton(self.tr("{number}: keep this one").format(number=number))
        self.keep.setObjectName(f"joinKeep{number}")
        self.fields = {key: QLabel() for key in ("name", "organisation", "email", "phone",
                                                 "attended")}
        form = QFormLayout(self)
        form.addRow(self.keep)
        labels = (self.tr("Name"), self.tr("Organisation"), self.tr("E-mail"),
                  self.tr("Phone"), self.tr("Workshops attended"))
        for label, (key, value) in zip(labels, self.fields.items(), strict=True):
            value.setObjectName(f"joinPerson{number}_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label + ":", value)

    def show_person(self, person: PersonSummary | None) -> None:
        empty = "–"
        self.setEnabled(person is not None)
        values = ("", "", "", "", "") if person is None else (
            person.name, person.organisation or empty, person.email or empty,
            person.phone or empty, str(person.attended))
        for label, value in zip(self.fields.values(), values, strict=True):
            label.setText(value)


class JoinPeopleDialog(QDialog):
    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.editor = store, editor
        self.pairs: list[DuplicatePair] = []
        self.setObjectName("joinPeopleDialog")
        self.setWindowTitle(self.tr("Same person?"))
        self.resize(760, 520)
        intro = QLabel(self.tr(
            "These people are registered twice with the same name and the same organisation "
            "or e-mail, perhaps on two computers. Joining keeps one: everything the other "
            "attended, chose or is responsible for moves to it, and the other goes to the "
            "trash. People with only the same name are never offered."))
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("joinCandidates")
        self.list.setAccessibleName(self.tr("People registered twice"))
        self.list.setHeaderLabels([self.tr("Name"), self.tr("Why")])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.currentItemChanged.connect(lambda *_: self._show_pair())
        self.list.installEventFilter(self)
        self.cards = (PersonCard(1), PersonCard(2))
        cards = QHBoxLayout()
        self.keep_choice = QButtonGroup(self)  # the two radios sit in two boxes
        for card in self.cards:
            cards.addWidget(card, 1)
            self.keep_choice.addButton(card.keep)
        self.empty_label = QLabel(self.tr("No one is registered twice."))
        self.empty_label.setObjectName("joinEmpty")
        self.status = QLabel()
        self.status.setObjectName("joinStatus")
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("↑↓ choose · 1 or 2: the one to keep · Enter: join · "
                              "Ctrl+Z: undo · Esc: close"))
        hint.setObjectName("joinHint")
        hint.setStyleSheet("color: palette(dark);")
        self.join_button = QPushButton(self.tr("&Join"))
        self.join_button.setObjectName("joinPeopleButton")
        self.join_button.setToolTip(self.tr("Join the two into the one kept (Enter)"))
        self.join_button.clicked.connect(self.join_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.join_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(cards)
        layout.addWidget(self.status)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._undo_keys()
        editor.stack.indexChanged.connect(self._on_undo_step)
        self.reload()
        self.list.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # After the dialog has chosen its own default (Stäng): Enter on a radio joins.
        self.join_button.setDefault(True)

    def _undo_keys(self) -> None:
        def shortcut(key: QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
            made = QShortcut(QKeySequence(key), self)
            made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.activated.connect(slot)

        # The dialog is modal: the window's undo keys would not reach the window.
        shortcut(QKeySequence.StandardKey.Undo, self.editor.stack.undo)
        shortcut(QKeySequence.StandardKey.Redo, self.editor.stack.redo)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.list and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress \
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if event.key() in ENTER_KEYS:
                self.join_selected()
                return True
            if event.key() in SIDE_KEYS:
                self.cards[SIDE_KEYS[Qt.Key(event.key())]].keep.setChecked(True)
                return True
        return super().eventFilter(watched, event)

    def _on_undo_step(self, _index: int) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        current = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(current) if current is not None else 0
        self.pairs = person_join.duplicate_candidates(self.store)
        self.list.clear()
        items = [QTreeWidgetItem(self.list, [pair.keep.name, self._why(pair)])
                 for pair in self.pairs]
        self.list.resizeColumnToContents(0)
        self.list.setColumnWidth(0, self.list.columnWidth(0) + 24)
        self.empty_label.setVisible(not items)
        self.join_button.setEnabled(bool(items))
        if items:  # the pair just joined leaves the list: the cursor goes on to the next
            self.list.setCurrentItem(items[min(max(row, 0), len(items) - 1)])
        self._show_pair()

    def _why(self, pair: DuplicatePair) -> str:
        if pair.keep.organisation and pair.keep.organisation == pair.duplicate.organisation:
            return self.tr("same organisation: {name}").format(name=pair.keep.organisation)
        return self.tr("same e-mail: {email}").format(email=pair.keep.email.strip().lower())

    def selected_pair(self) -> DuplicatePair | None:
        current = self.list.currentItem()
        index = self.list.indexOfTopLevelItem(current) if current is not None else -1
        return self.pairs[index] if 0 <= index < len(self.pairs) else None

    def _show_pair(self) -> None:
        pair = self.selected_pair()
        for card, person in zip(self.cards, (pair.keep, pair.duplicate) if pair else (None,) * 2,
                                strict=True):
            card.show_person(person)
        self.cards[0].keep.setChecked(True)

    def join_selected(self) -> None:
        pair = self.selected_pair()
        if pair is None:
            return
        keep, duplicate = ((pair.keep, pair.duplicate) if self.cards[0].keep.isChecked()
                           else (pair.duplicate, pair.keep))
        text = self.tr("Join the two registrations of {name}").format(name=keep.name)
        if self.editor.run(join_command(self.store, keep.id, duplicate.id, text)):
            self.status.setText(self.tr("The two registrations of {name} are joined. Ctrl+Z "
                                        "undoes.").format(name=keep.name))
        self.reload()
        self.list.setFocus()


def join_people_button(page: QWidget, store: Store, editor: Editor,
                       refresh: Callable[[], object]) -> tuple[QPushButton, QLabel]:
    """Personer's "Samma person?…" button, its Ctrl+J, and the hint line that shows the key."""

    def open_dialog() -> None:
        dialog = JoinPeopleDialog(store, editor, page)
        dialog.exec()
        dialog.deleteLater()  # it listens to the undo stack while it lives
        refresh()

    button = QPushButton(QCoreApplication.translate("JoinPeopleDialog", "Same person?…"))
    button.setObjectName("joinPeople")
    key = QKeySequence(JOIN_KEY).toString(QKeySequence.SequenceFormat.NativeText)
    button.setToolTip(QCoreApplication.translate(
        "JoinPeopleDialog",
        "Join a person registered twice, e.g. on two computers ({key})").format(key=key))
    button.clicked.connect(open_dialog)
    shortcut = QShortcut(QKeySequence(JOIN_KEY), page)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(open_dialog)
    hint = QLabel(QCoreApplication.translate(
        "JoinPeopleDialog", "{key}: the same person registered twice?").format(key=key))
    hint.setObjectName("joinPeopleHint")
    hint.setStyleSheet("color: palette(dark);")
    return button, hint
