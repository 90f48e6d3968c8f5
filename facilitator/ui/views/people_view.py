"""Deltagare: check people in at the door, the workshop's list, and the people register."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import people
from facilitator.services.core import Store
from facilitator.store.models import AttendanceStatus
from facilitator.ui.commands import Editor, ServiceCommand, deleter, setter
from facilitator.ui.dialogs import gdpr_dialog
from facilitator.ui.dialogs.person_dialog import (
    edit_person,
    new_person,
    organisation_completer,
)
from facilitator.ui.views.base import WorkshopPage

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
S = AttendanceStatus
CYCLE = (S.INVITED, S.ATTENDED, S.ABSENT)
STATUS_KEYS = {Qt.Key.Key_N: S.ATTENDED, Qt.Key.Key_F: S.ABSENT, Qt.Key.Key_I: S.INVITED}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NAME, ORG, STATUS, ROLE = range(4)
STATUS_COLOURS = {S.ATTENDED: QColor("#1b7a34"), S.ABSENT: QColor("#8a8a8a")}


class StatusDelegate(QStyledItemDelegate):
    """A combo box on the status cell; choosing a status runs an undoable command."""

    def __init__(self, page: PeopleView) -> None:
        super().__init__(page)
        self.page = page

    def createEditor(self, parent, _option, _index):  # type: ignore[no-untyped-def]  # noqa: N802
        combo = QComboBox(parent)
        combo.setObjectName("statusEditor")
        for status in CYCLE:
            combo.addItem(self.page.status_text(status), str(status))
        combo.activated.connect(lambda _i: self._finish(combo))
        QTimer.singleShot(0, combo, combo.showPopup)
        return combo

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor, index):  # type: ignore[no-untyped-def]  # noqa: N802
        editor.setCurrentIndex(editor.findData(index.data(STATUS_ROLE)))

    def setModelData(self, editor, _model, index):  # type: ignore[no-untyped-def]  # noqa: N802
        person_id = index.siblingAtColumn(NAME).data(ID_ROLE)
        if editor.currentData() != index.data(STATUS_ROLE):
            self.page.set_status([person_id], S(editor.currentData()), redraw=False)


def _table(name: str, accessible: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _line(name: str, accessible: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    edit.setPlaceholderText(placeholder)
    return edit


def _button(name: str, text: str, slot, tip: str = "") -> QPushButton:  # type: ignore[no-untyped-def]
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.clicked.connect(slot)
    return button


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label


class PeopleView(WorkshopPage):
    WATCHED = frozenset({"person", "attendance", "organisation", "workshop"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("peopleView")
        self._loading = False
        self._organisations: list[str] = []
        self._status_by_person: dict[str, S] = {}

        # ----- at the door: a walk-in in seconds -----
        self.walk_in = _line("walkInName", self.tr("Walk-in name"),
                             self.tr("Name of someone who just came in, then Enter"))
        self.walk_in_org = _line("walkInOrganisation", self.tr("Walk-in organisation"),
                                 self.tr("Organisation (optional)"))
        self.walk_in_org.setCompleter(organisation_completer([], self))
        for edit in (self.walk_in, self.walk_in_org):
            edit.returnPressed.connect(self.add_walk_in)
            edit.textChanged.connect(self._hint_walk_in)
        self.add_button = _button("addWalkIn", self.tr("Check in"), self.add_walk_in,
                                  self.tr("Add the walk-in and mark them present (Enter)"))
        self.notice = QLabel()
        self.notice.setObjectName("walkInNotice")
        self.door = QWidget()
        door = QHBoxLayout(self.door)
        door.setContentsMargins(0, 0, 0, 0)
        door.addWidget(QLabel(self.tr("At the door:")))
        door.addWidget(self.walk_in, 3)
        door.addWidget(self.walk_in_org, 2)
        door.addWidget(self.add_button)

        # ----- this workshop's list -----
        self.count = QLabel()
        self.count.setObjectName("attendanceCount")
        self.attendance = _table("attendanceTable", self.tr("Participants of this workshop"),
                                 [self.tr("Name"), self.tr("Organisation"), self.tr("Status"),
                                  self.tr("Role")])
        self.attendance.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.SelectedClicked)
        self.attendance.setItemDelegateForColumn(STATUS, StatusDelegate(self))
        header = self.attendance.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in ((NAME, QHeaderView.ResizeMode.ResizeToContents),
                             (ORG, QHeaderView.ResizeMode.Stretch),
                             (STATUS, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.attendance.setColumnWidth(ROLE, 90)
        self.attendance.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.attendance.itemChanged.connect(self._on_role_edited)
        self.attendance.cellDoubleClicked.connect(
            lambda _r, c: self.rename_selected() if c in (NAME, ORG) else None)
        self.attendance.installEventFilter(self)
        hint = QLabel(self.tr("N present · F absent · I invited · Space cycles · "
                              "Del removes from the list"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 6, 0)
        head_row = QHBoxLayout()
        head_row.addWidget(_bold(self.tr("This workshop")))
        head_row.addStretch(1)
        head_row.addWidget(self.count)
        left.addLayout(head_row)
        left.addWidget(self.attendance, 1)
        left.addWidget(hint)

        # ----- the register -----
        self.search = _line("peopleSearch", self.tr("Search the register"),
                            self.tr("Search name, title, organisation or e-mail"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh_register())
        self.search.returnPressed.connect(self._enter_register)
        self.register = _table("peopleTable", self.tr("People register"),
                               [self.tr("Name"), self.tr("Organisation"), self.tr("Here"),
                                self.tr("Title"), self.tr("E-mail"), self.tr("Phone")])
        for column in (0, 2):  # names and the attendance mark are read in full
            self.register.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.register.cellDoubleClicked.connect(lambda _r, _c: self.rename_selected())
        self.register.installEventFilter(self)
        self.register.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for name, text, slot in (
            ("exportPersonData", self.tr("Export personal data…"), self.export_person_data),
            ("erasePerson", self.tr("Remove person (GDPR)…"), self.erase_person),
        ):
            action = QAction(text, self.register)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.register.addAction(action)
        self.invite_button = _button("invitePerson", self.tr("Invite"),
                                     lambda: self.add_selected(S.INVITED),
                                     self.tr("Add the chosen people as invited (I)"))
        self.check_in_button = _button("checkInPerson", self.tr("Check in"),
                                       lambda: self.add_selected(S.ATTENDED),
                                       self.tr("Mark the chosen people as present (Enter or N)"))
        self.new_button = _button("newPerson", self.tr("New person…"), self.new_person)
        self.edit_button = _button("editPerson", self.tr("Edit…"), self.edit_person,
                                   self.tr("Edit the chosen person (F2)"))
        buttons = QHBoxLayout()
        for button in (self.invite_button, self.check_in_button, None, self.new_button,
                       self.edit_button):
            if button is None:
                buttons.addStretch(1)
            else:
                buttons.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(_bold(self.tr("Register of people")))
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.register, 1)
        right_layout.addLayout(buttons)

        self.empty = QLabel(self.tr("Choose a workshop to check people in. The register "
                                    "can be kept up to date anyway."))
        self.empty.setObjectName("peopleEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter()
        self.splitter.setObjectName("peopleSplitter")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.left)
        self.stack.addWidget(self.empty)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.door)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        order = [self.walk_in, self.walk_in_org, self.add_button, self.attendance, self.search,
                 self.register, self.invite_button, self.check_in_button, self.new_button,
                 self.edit_button]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.walk_in)

    def status_text(self, status: S) -> str:
        return {S.INVITED: self.tr("Invited"), S.ATTENDED: self.tr("Present"),
                S.ABSENT: self.tr("Absent")}[S(status)]

    # ----- reading -----------------------------------------------------------
    def refresh(self) -> None:
        has = self.workshop_id is not None
        self.door.setVisible(has)
        self.notice.setVisible(has)
        self.stack.setCurrentWidget(self.left if has else self.empty)
        self.setFocusProxy(self.walk_in if has else self.search)
        self.register.setColumnHidden(STATUS, not has)
        self.invite_button.setEnabled(has)
        self.check_in_button.setEnabled(has)
        names = [name for _id, name in people.list_organisations(self.store)]
        if names != self._organisations:
            self._organisations = names
            self.walk_in_org.completer().model().setStringList(names)  # type: ignore[attr-defined]
        rows = people.list_attendance(self.store, self.workshop_id) if self.workshop_id else []
        self._status_by_person = {row.person_id: row.status for row in rows}
        self._fill(self.attendance, [
            (row.person_id, [row.name, row.organisation, self.status_text(row.status), row.role],
             row.status) for row in rows])
        present = sum(row.status is S.ATTENDED for row in rows)
        waiting = sum(row.status is S.INVITED for row in rows)
        text = self.tr("{present} present of {total}").format(present=present, total=len(rows))
        if waiting:
            text += " · " + self.tr("{waiting} not here yet").format(waiting=waiting)
        self.count.setText(text)
        self.refresh_register()

    def refresh_register(self) -> None:
        found = people.list_people(self.store, self.search.text())
        here = self._status_by_person
        self._fill(self.register, [
            (p.id, [p.name, p.organisation,
                    self.status_text(here[p.id]) if p.id in here else "", p.title, p.email,
                    p.phone], here.get(p.id)) for p in found])
        self.edit_button.setEnabled(bool(found))

    def _fill(self, table: QTableWidget, rows: list[tuple[str, list[str], S | None]]) -> None:
        """Redraw ``table`` in place, keeping the selection, the current cell and the scroll."""
        chosen = set(self._selected(table))
        current = table.currentIndex()
        current_id = table.item(current.row(), NAME).data(ID_ROLE) if current.isValid() else None
        scroll = table.verticalScrollBar().value()
        editable = table is self.attendance
        self._loading = True
        try:
            table.clearSelection()
            table.setRowCount(len(rows))
            selection = table.selectionModel()
            for r, (row_id, texts, status) in enumerate(rows):
                for c, text in enumerate(texts):
                    item = QTableWidgetItem(text)
                    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                    if editable and c in (STATUS, ROLE):
                        flags |= Qt.ItemFlag.ItemIsEditable
                    item.setFlags(flags)
                    item.setToolTip(text)
                    if status is not None and c == STATUS:
                        item.setData(STATUS_ROLE, str(status))
                        if status in STATUS_COLOURS:
                            item.setForeground(QBrush(STATUS_COLOURS[status]))
                    table.setItem(r, c, item)
                table.item(r, NAME).setData(ID_ROLE, row_id)
                if row_id in chosen:
                    selection.select(table.model().index(r, 0),
                                     QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
                if row_id == current_id:
                    selection.setCurrentIndex(table.model().index(r, current.column()),
                                              QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._loading = False
        table.verticalScrollBar().setValue(scroll)
        if not table.property("sized") and rows and table is self.register:
            table.resizeColumnsToContents()
            for c in range(table.columnCount() - 1):
                table.setColumnWidth(c, min(table.columnWidth(c) + 12, 190))
            table.setProperty("sized", True)

    def _selected(self, table: QTableWidget) -> list[str]:
        rows = sorted({index.row() for index in table.selectionModel().selectedRows()})
        if not rows and table.currentRow() >= 0 and table.rowCount():
            rows = [table.currentRow()]
        return [table.item(r, NAME).data(ID_ROLE) for r in rows if table.item(r, NAME)]

    def select_person(self, table: QTableWidget, person_id: str) -> None:
        for r in range(table.rowCount()):
            if table.item(r, NAME).data(ID_ROLE) == person_id:
                table.setCurrentCell(r, NAME)
                table.scrollToItem(table.item(r, NAME))
                return

    def _known_person(self) -> people.PersonInfo | None:
        """The one registered person whose name (and organisation, if typed) matches."""
        name = self.walk_in.text().strip().casefold()
        org = self.walk_in_org.text().strip().casefold()
        if not name:
            return None
        matches = [p for p in people.list_people(self.store, self.walk_in.text())
                   if p.name.casefold() == name and (not org or p.organisation.casefold() == org)]
        return matches[0] if len(matches) == 1 else None

    def _hint_walk_in(self) -> None:
        known = self._known_person() if self.workshop_id else None
        if known is not None:
            self.notice.setText(self.tr("{name} is already in the register: Enter checks "
                                        "them in.").format(name=known.name))
        elif self.walk_in.text().strip():
            self.notice.setText(self.tr("Enter adds a new person and checks them in."))
        else:
            self.notice.clear()

    # ----- editing -----------------------------------------------------------
    def add_walk_in(self) -> None:
        if self.workshop_id is None:
            return
        wid, name, org = self.workshop_id, self.walk_in.text(), self.walk_in_org.text()
        known = self._known_person()
        if known is not None and self._status_by_person.get(known.id) is S.ATTENDED:
            self.walk_in.clear()
            self.walk_in_org.clear()
            self.select_person(self.attendance, known.id)
            self.notice.setText(self.tr("{name} is already checked in.").format(name=known.name))
            return
        if known is not None:
            done = self.set_status([known.id], S.ATTENDED, self.tr("Check in {name}"))
            person_id, shown = known.id, known.name
        else:
            command = ServiceCommand(
                self.tr("Check in walk-in {name}").format(name=name.strip()),
                do=lambda: people.add_walk_in(self.store, wid, name, org),
                undo=lambda pid: self._undo_walk_in(wid, pid),
                redo=lambda pid: self._redo_walk_in(wid, pid))
            done = self._run(command)
            person_id, shown = command.result, name.strip()
        if done:
            self.walk_in.clear()
            self.walk_in_org.clear()
            self.select_person(self.attendance, person_id)
            self.notice.setText(self.tr("{name} is checked in.").format(name=shown))
        self.walk_in.setFocus()

    def _run(self, command: ServiceCommand) -> bool:
        """Run an edit and redraw at once, so a quick next key sees the new state."""
        done = self.editor.run(command)
        if done:
            self.safe_refresh()
        return done

    def _undo_walk_in(self, workshop_id: str, person_id: str) -> None:
        people.remove_attendance(self.store, workshop_id, person_id)
        people.delete_person(self.store, person_id)

    def _redo_walk_in(self, workshop_id: str, person_id: str) -> str:
        people.restore_person(self.store, person_id)
        people.set_attendance(self.store, workshop_id, person_id, S.ATTENDED)
        return person_id

    def set_status(self, person_ids: list[str], status: S, text: str | None = None,
                   redraw: bool = True) -> bool:
        """Give ``person_ids`` the attendance ``status`` in one undoable step."""
        if self.workshop_id is None or not person_ids:
            return False
        wid = self.workshop_id
        label = (text or self.tr("Mark {name} as {status}")).format(
            name=self._name(person_ids), status=self.status_text(status).lower())
        command = setter(label, lambda states: people.put_attendances(self.store, wid, states),
                         {pid: (status, None) for pid in person_ids})
        return self._run(command) if redraw else self.editor.run(command)

    def add_selected(self, status: S) -> None:
        """Add the people chosen in the register to this workshop as invited or present."""
        chosen = self._selected(self.register)
        if self.set_status(chosen, status, self.tr("Add {name} as {status}")):
            self.select_person(self.attendance, chosen[0])

    def _cycle(self, person_ids: list[str]) -> None:
        if self.workshop_id is None or not person_ids:
            return
        wid = self.workshop_id
        states = {pid: (CYCLE[(CYCLE.index(self._status_by_person.get(pid, S.ABSENT)) + 1) % 3],
                        None) for pid in person_ids}
        self._run(setter(
            self.tr("Change attendance of {name}").format(name=self._name(person_ids)),
            lambda values: people.put_attendances(self.store, wid, values), states))

    def _on_role_edited(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != ROLE or self.workshop_id is None:
            return
        wid = self.workshop_id
        pid = self.attendance.item(item.row(), NAME).data(ID_ROLE)
        status = self._status_by_person[pid]
        if not self.editor.run(setter(
                self.tr("Change role of {name}").format(name=self._name([pid])),
                lambda values: people.put_attendances(self.store, wid, values),
                {pid: (status, item.text())})):
            self.safe_refresh()

    def delete_selected(self) -> None:
        """Del: off this workshop's list, or (in the register) into the trash; both undoable."""
        if self.register.hasFocus():
            chosen = self._selected(self.register)
            if not chosen:
                return
            self._run(deleter(
                self.tr("Move {name} to the trash").format(name=self._name(chosen)),
                lambda: [people.delete_person(self.store, pid) for pid in chosen],
                lambda _none: [people.restore_person(self.store, pid) for pid in chosen]))
            return
        chosen = self._selected(self.attendance)
        if self.workshop_id is None or not chosen or not self.attendance.hasFocus():
            return
        wid = self.workshop_id
        self._run(setter(
            self.tr("Remove {name} from the list").format(name=self._name(chosen)),
            lambda states: people.put_attendances(self.store, wid, states),
            dict.fromkeys(chosen)))

    def rename_selected(self) -> None:
        """F2: edit the chosen person in the dialog."""
        self.edit_person()

    def _focused_person(self) -> str | None:
        tables = (self.attendance, self.register)
        if self.register.hasFocus() or not self._selected(self.attendance):
            tables = (self.register, self.attendance)
        for table in tables:
            chosen = self._selected(table)
            if chosen:
                return chosen[0]
        return None

    def edit_person(self) -> None:
        person_id = self._focused_person()
        if person_id is not None:
            edit_person(self, self.editor, self.store, person_id, self._organisations)

    def erase_person(self) -> None:
        """GDPR erasure of the chosen person (confirmed, reported, not undoable)."""
        person_id = self._focused_person()
        if person_id is not None and gdpr_dialog.erase_person_dialog(
                self, self.store, self.editor, person_id):
            self.safe_refresh()

    def export_person_data(self) -> None:
        person_id = self._focused_person()
        if person_id is not None:
            gdpr_dialog.export_person_dialog(self, self.store, person_id)

    def new_person(self) -> None:
        created = new_person(self, self.editor, self.store, self._organisations)
        if created:
            self.search.clear()
            self.safe_refresh()
            self.select_person(self.register, created)
            self.register.setFocus()

    def _name(self, person_ids: list[str]) -> str:
        if len(person_ids) != 1:
            return self.tr("{count} people").format(count=len(person_ids))
        for table in (self.attendance, self.register):
            for r in range(table.rowCount()):
                if table.item(r, NAME).data(ID_ROLE) == person_ids[0]:
                    return table.item(r, NAME).text()
        return ""

    def _enter_register(self) -> None:
        if self.register.rowCount():
            self.register.setFocus()
            if not self._selected(self.register):
                self.register.selectRow(0)

    # ----- keys --------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return super().eventFilter(watched, event)
        key = Qt.Key(event.key())
        if watched is self.attendance and self.attendance.state() != \
                QAbstractItemView.State.EditingState:
            chosen = self._selected(self.attendance)
            if key in STATUS_KEYS:
                self.set_status(chosen, STATUS_KEYS[key])
                return True
            if key == Qt.Key.Key_Space:
                self._cycle(chosen)
                return True
        if watched is self.register and self.workshop_id is not None:
            if key in ENTER_KEYS:
                self.add_selected(S.ATTENDED)
                self.register.setFocus()
                return True
            if key in STATUS_KEYS:
                self.add_selected(STATUS_KEYS[key])
                self.register.setFocus()
                return True
        return super().eventFilter(watched, event)
