"""Who carries something on: an ordered list of responsibles and a field to add one.

The editor never stores anything: every change (an addition, a removal, a
move) is announced through ``changed`` with the whole new list, which the page
turns into one undoable command. The list is also updated at once, so the
same editor works inside a dialog that stores only on OK.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import people
from facilitator.services.core import Store
from facilitator.services.responsibles import ResponsibleInfo, Who
from facilitator.text import clean_text
from facilitator.ui.widgets.completion import enter_accepts_completion

WHO_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_ALT = Qt.KeyboardModifier.AltModifier
_MODS = (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier
         | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)


def _key(event: QEvent) -> tuple[int, Qt.KeyboardModifier] | None:
    if isinstance(event, QKeyEvent):
        return event.key(), event.modifiers() & _MODS
    return None


class _RowList(QListWidget):
    """The responsibles in order; Delete removes a row, Alt+↑ / Alt+↓ move it."""

    remove_requested = Signal()
    move_requested = Signal(int)

    def _command(self, event: QEvent) -> str | None:
        key = _key(event)
        if key is None or self.currentRow() < 0:
            return None
        if key in ((Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                   (Qt.Key.Key_Backspace, Qt.KeyboardModifier.NoModifier)):
            return "remove"
        if key == (Qt.Key.Key_Up, _ALT):
            return "up"
        if key == (Qt.Key.Key_Down, _ALT):
            return "down"
        return None

    def event(self, event: QEvent) -> bool:
        # Claimed before the window's shortcuts: Del there deletes the whole focus area.
        if event.type() == QEvent.Type.ShortcutOverride and self._command(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        command = self._command(event)
        if command == "remove":
            self.remove_requested.emit()
        elif command in ("up", "down"):
            self.move_requested.emit(-1 if command == "up" else 1)
        else:
            super().keyPressEvent(event)


class ResponsiblesEditor(QWidget):
    """The list of responsibles and an editable combo to add a person, an organisation or
    a typed name (Enter adds)."""

    changed = Signal(list)  # list[Who], the whole new list in order

    def __init__(self, store: Store, name: str = "responsibles",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.shown: list[Who] = []  # the stored list shown last (set_responsibles)
        self.setObjectName(name)
        self.rows = _RowList()
        self.rows.setObjectName(f"{name}List")
        self.rows.setAccessibleName(self.tr("Responsibles"))
        self.rows.setAccessibleDescription(
            self.tr("Delete removes the chosen one; Alt+Up and Alt+Down move it"))
        self.rows.setToolTip(self.tr("Delete removes; Alt+Up / Alt+Down changes the order"))
        self.rows.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rows.remove_requested.connect(self.remove_current)
        self.rows.move_requested.connect(self.move_current)
        self.rows.setMaximumHeight(self.fontMetrics().height() * 6)

        self.add_field = QComboBox()
        self.add_field.setObjectName(f"{name}Add")
        self.add_field.setAccessibleName(self.tr("Add responsible"))
        self.add_field.setEditable(True)
        self.add_field.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.add_field.setMaxVisibleItems(15)
        completer = QCompleter(self.add_field.model(), self.add_field)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.add_field.setCompleter(enter_accepts_completion(completer))
        line = self.line_edit()
        line.setPlaceholderText(
            self.tr("Add a person or an organisation, or type a name, then Enter"))
        line.setClearButtonEnabled(True)
        line.installEventFilter(self)
        self.add_field.installEventFilter(self)
        self.add_field.activated.connect(self._add_index)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.rows)
        layout.addWidget(self.add_field)
        self.setTabOrder(self.rows, self.add_field)
        self._update_focus_stop()
        self.refresh_choices()

    def line_edit(self) -> QLineEdit:
        line = self.add_field.lineEdit()
        assert line is not None  # the combo is editable
        return line

    # ----- showing -----------------------------------------------------------
    def refresh_choices(self) -> None:
        """Offer the register's people, then its organisations; a typed text stays."""
        text = self.add_field.currentText()
        self.add_field.blockSignals(True)
        try:
            self.add_field.clear()
            for person in people.list_people(self.store):
                info = ResponsibleInfo(Who(person_id=person.id), person.name, person.title,
                                       person.organisation)
                self._offer(info, self.tr("Person"))
            for org_id, org_name in people.list_organisations(self.store):
                self._offer(ResponsibleInfo(Who(organisation_id=org_id), org_name),
                            self.tr("Organisation"))
            self.add_field.setCurrentIndex(-1)
            self.add_field.setEditText(text)
        finally:
            self.add_field.blockSignals(False)

    def _offer(self, info: ResponsibleInfo, kind: str) -> None:
        self.add_field.addItem(info.label)
        row = self.add_field.count() - 1
        self.add_field.setItemData(row, info.who, WHO_ROLE)
        self.add_field.setItemData(row, info.name, NAME_ROLE)
        self.add_field.setItemData(row, kind, Qt.ItemDataRole.ToolTipRole)

    def set_responsibles(self, infos: Sequence[ResponsibleInfo]) -> None:
        """Show ``infos`` (keeps the chosen row's place); announces nothing."""
        self.shown = [info.who for info in infos]
        self._fill([(info.who, info.label) for info in infos], self.rows.currentRow())

    def whos(self) -> list[Who]:
        return [self.rows.item(i).data(WHO_ROLE) for i in range(self.rows.count())]

    def labels(self) -> list[str]:
        return [self.rows.item(i).text() for i in range(self.rows.count())]

    def _entries(self) -> list[tuple[Who, str]]:
        return list(zip(self.whos(), self.labels(), strict=True))

    def _fill(self, entries: list[tuple[Who, str]], current: int) -> None:
        self.rows.clear()
        for who, label in entries:
            item = QListWidgetItem(label)
            item.setData(WHO_ROLE, who)
            self.rows.addItem(item)
        if entries:
            self.rows.setCurrentRow(min(max(current, 0), len(entries) - 1))
        self._update_focus_stop()

    def _update_focus_stop(self) -> None:
        # An empty list is no place to stop on the way to the field that adds.
        self.rows.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.rows.count()
                                 else Qt.FocusPolicy.NoFocus)

    def _announce(self, entries: list[tuple[Who, str]], current: int) -> None:
        self._fill(entries, current)
        self.changed.emit([who for who, _label in entries])

    # ----- editing -----------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and watched in (self.add_field,
                                                                self.line_edit()):
            key = _key(event)
            if key is not None and key[0] in _ENTER and not key[1] \
                    and self.add_field.currentText().strip():
                self.add_typed()
                return True  # the text was taken: Enter is not also a dialog's OK
        return super().eventFilter(watched, event)

    def add_typed(self) -> None:
        """Add what the field names: someone of the register when it names one, else the text."""
        text = clean_text(self.add_field.currentText(), multiline=False)
        if not text:
            return
        row = self._match(text)
        if row >= 0:
            self._add_index(row)
        else:
            self._add(Who(text=text), text)

    def _match(self, text: str) -> int:
        wanted = text.casefold()
        matches = [row for row in range(self.add_field.count())
                   if wanted in (self.add_field.itemText(row).casefold(),
                                 str(self.add_field.itemData(row, NAME_ROLE)).casefold())]
        current = self.add_field.currentIndex()
        if current in matches:
            return current
        return matches[0] if matches else -1  # people come first: a person wins

    def _add_index(self, row: int) -> None:
        if row >= 0:
            self._add(self.add_field.itemData(row, WHO_ROLE), self.add_field.itemText(row))

    def _add(self, who: Who, label: str) -> None:
        self.add_field.setCurrentIndex(-1)
        self.add_field.setEditText("")
        entries = self._entries()
        for index, (there, _label) in enumerate(entries):
            if (there.person_id, there.organisation_id, there.text.casefold()) == \
                    (who.person_id, who.organisation_id, who.text.casefold()):
                self.rows.setCurrentRow(index)  # named already: shown, not added twice
                return
        self._announce([*entries, (who, label)], len(entries))

    def remove_current(self) -> None:
        row = self.rows.currentRow()
        if row < 0:
            return
        entries = self._entries()
        del entries[row]
        self._announce(entries, row)
        if not entries:
            self.add_field.setFocus()

    def move_current(self, delta: int) -> None:
        row, entries = self.rows.currentRow(), self._entries()
        target = row + delta
        if row < 0 or not 0 <= target < len(entries):
            return
        entries[row], entries[target] = entries[target], entries[row]
        self._announce(entries, target)
