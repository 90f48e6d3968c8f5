"""Deltagare: check people in at the door, the workshop's list, and the people register."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services import people
from facilitator.services.core import Store
from facilitator.ui import drafts
from facilitator.ui.commands import Editor, ServiceCommand, setter
from facilitator.ui.dialogs import gdpr_dialog
from facilitator.ui.dialogs.join_people_dialog import join_people_button
from facilitator.ui.dialogs.person_dialog import (
    edit_person,
    new_person,
    organisation_completer,
    set_organisation_names,
)
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.views.people_commands import registered_match, trash_people, walk_in
from facilitator.ui.views.people_widgets import (
    CYCLE,
    ID_ROLE,
    MAY_NAME,
    NAME,
    ORG,
    ROLE,
    STATUS,
    PeopleKeys,
    S,
    StatusDelegate,
    attendance_table,
    bold_label,
    button_row,
    consent_clicked,
    fill_table,
    line_edit,
    push_button,
    register_table,
    select_row,
    selected_ids,
    shown_name,
)


class PeopleView(WorkshopPage):
    WATCHED = frozenset({"person", "attendance", "organisation", "workshop"})

    def __init__(self, store: Store, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.setObjectName("peopleView")
        self._loading = False
        self._organisations: list[str] = []
        self._status_by_person: dict[str, S] = {}

        # ----- at the door: a walk-in in seconds -----
        self.walk_in = line_edit("walkInName", self.tr("Walk-in name"),
                                 self.tr("Name of someone who just came in, then Enter"))
        self.walk_in_org = line_edit("walkInOrganisation", self.tr("Walk-in organisation"),
                                     self.tr("Organisation (optional)"))
        self.walk_in_org.setCompleter(organisation_completer([], self))
        for edit, prefix in ((self.walk_in, "walkin"), (self.walk_in_org, "walkin-org")):
            edit.returnPressed.connect(self.add_walk_in)
            edit.textChanged.connect(self._hint_walk_in)
            edit.textChanged.connect(
                lambda text, p=prefix: self._keep_walk_in_draft(p, text))
        self.add_button = push_button("addWalkIn", self.tr("Check in"), self.add_walk_in,
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
        self.attendance = attendance_table(
            self.tr("Participants of this workshop"),
            [self.tr("Name"), self.tr("Organisation"), self.tr("Status"), self.tr("Role"),
             self.tr("May be named")],
            StatusDelegate(self),
            {MAY_NAME: self.tr("May be named in published minutes (Space changes it)")})
        self.attendance.itemChanged.connect(self._on_role_edited)
        self.attendance.cellDoubleClicked.connect(
            lambda _r, c: self.rename_selected() if c in (NAME, ORG) else None)
        keys = PeopleKeys(self)
        self.attendance.installEventFilter(keys)
        hint = QLabel(self.tr("N present · F absent · I invited · Space cycles (on May be "
                              "named: yes/no) · Del removes from the list"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(dark);")
        self.left = QWidget()
        left = QVBoxLayout(self.left)
        left.setContentsMargins(0, 0, 6, 0)
        head_row = QHBoxLayout()
        head_row.addWidget(bold_label(self.tr("This workshop")))
        head_row.addStretch(1)
        head_row.addWidget(self.count)
        left.addLayout(head_row)
        left.addWidget(self.attendance, 1)
        left.addWidget(hint)

        # ----- the register -----
        self.search = line_edit("peopleSearch", self.tr("Search the register"),
                                self.tr("Search name, title, organisation or e-mail"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.refresh_register())
        self.search.returnPressed.connect(self._enter_register)
        self.register = register_table(
            self.tr("People register"),
            [self.tr("Name"), self.tr("Organisation"), self.tr("Here"), self.tr("Title"),
             self.tr("E-mail"), self.tr("Phone")],
            [("exportPersonData", self.tr("Export personal data…"), self.export_person_data),
             ("erasePerson", self.tr("Remove person (GDPR)…"), self.erase_person)])
        self.register.cellDoubleClicked.connect(lambda _r, _c: self.rename_selected())
        self.register.installEventFilter(keys)
        self.invite_button = push_button("invitePerson", self.tr("Invite"),
                                         lambda: self.add_selected(S.INVITED),
                                         self.tr("Add the chosen people as invited (I)"))
        self.check_in_button = push_button(
            "checkInPerson", self.tr("Check in"), lambda: self.add_selected(S.ATTENDED),
            self.tr("Mark the chosen people as present (Enter or N)"))
        self.new_button = push_button("newPerson", self.tr("New person…"), self.new_person)
        self.edit_button = push_button("editPerson", self.tr("Edit…"), self.edit_person,
                                       self.tr("Edit the chosen person (F2)"))
        self.join_button, join_hint = join_people_button(self, store, editor, self.safe_refresh)
        buttons = button_row([self.invite_button, self.check_in_button, None, self.new_button,
                              self.edit_button, self.join_button])
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        right_layout.addWidget(bold_label(self.tr("Register of people")))
        right_layout.addWidget(self.search)
        right_layout.addWidget(self.register, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(join_hint)

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
                 self.edit_button, self.join_button]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.setFocusProxy(self.walk_in)

    def status_text(self, status: S) -> str:
        return {S.INVITED: self.tr("Invited"), S.ATTENDED: self.tr("Present"),
                S.ABSENT: self.tr("Absent")}[S(status)]

    # ----- reading -----------------------------------------------------------
    def _keep_walk_in_draft(self, prefix: str, text: str) -> None:
        if self.workshop_id is not None:
            drafts.keeper().set_draft(f"{prefix}:{self.workshop_id}", text)

    def set_workshop(self, workshop_id: str | None) -> None:
        super().set_workshop(workshop_id)
        for edit, prefix in ((self.walk_in, "walkin"), (self.walk_in_org, "walkin-org")):
            draft = drafts.keeper().take_for(f"{prefix}:{workshop_id}") if workshop_id else None
            edit.blockSignals(True)  # a name half-typed at the door, back where it was
            edit.setText(draft or "")
            edit.blockSignals(False)

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
            set_organisation_names(self.walk_in_org.completer(), names)
        rows = people.list_attendance(self.store, self.workshop_id) if self.workshop_id else []
        self._status_by_person = {row.person_id: row.status for row in rows}
        self._fill(self.attendance, [
            (row.person_id, [row.name, row.organisation, self.status_text(row.status), row.role],
             row.status) for row in rows], {row.person_id: row.may_be_named for row in rows})
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

    def _fill(self, table: QTableWidget, rows: list[tuple[str, list[str], S | None]],
              consent: dict[str, bool] | None = None) -> None:
        """Redraw ``table`` in place, keeping the selection, the current cell and the scroll."""
        self._loading = True
        try:
            fill_table(table, rows, editable=table is self.attendance,
                       fit_columns=table is self.register, consent=consent)
        finally:
            self._loading = False

    def select_person(self, table: QTableWidget, person_id: str) -> None:
        select_row(table, person_id)

    def _known_person(self) -> people.PersonInfo | None:
        return registered_match(self.store, self.walk_in.text(), self.walk_in_org.text())

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
            command = walk_in(self.store, wid, name, org)
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

    def set_status(self, person_ids: list[str], status: S, text: str | None = None,
                   redraw: bool = True) -> bool:
        """Give ``person_ids`` the attendance ``status`` in one undoable step."""
        if self.workshop_id is None or not person_ids:
            return False
        wid = self.workshop_id
        label = (text or self.tr("Mark {name} as {status}")).format(
            name=self.name_of(person_ids), status=self.status_text(status).lower())
        command = setter(label, lambda states: people.put_attendances(self.store, wid, states),
                         {pid: (status, None) for pid in person_ids})
        return self._run(command) if redraw else self.editor.run(command)

    def add_selected(self, status: S) -> None:
        """Add the people chosen in the register to this workshop as invited or present."""
        chosen = selected_ids(self.register)
        if self.set_status(chosen, status, self.tr("Add {name} as {status}")):
            self.select_person(self.attendance, chosen[0])

    def cycle_status(self, person_ids: list[str]) -> None:
        if self.workshop_id is None or not person_ids:
            return
        wid = self.workshop_id
        states = {pid: (CYCLE[(CYCLE.index(self._status_by_person.get(pid, S.ABSENT)) + 1) % 3],
                        None) for pid in person_ids}
        self._run(setter(
            self.tr("Change attendance of {name}").format(name=self.name_of(person_ids)),
            lambda values: people.put_attendances(self.store, wid, values), states))

    def _on_role_edited(self, item: QTableWidgetItem) -> None:
        if not self._loading and item.column() == MAY_NAME and self.workshop_id is not None:
            consent_clicked(self, item)
            return
        if self._loading or item.column() != ROLE or self.workshop_id is None:
            return
        wid = self.workshop_id
        pid = self.attendance.model().index(item.row(), NAME).data(ID_ROLE)
        status = self._status_by_person[pid]
        if not self.editor.run(setter(
                self.tr("Change role of {name}").format(name=self.name_of([pid])),
                lambda values: people.put_attendances(self.store, wid, values),
                {pid: (status, item.text())})):
            self.safe_refresh()

    def delete_selected(self) -> None:
        """Del: off this workshop's list, or (in the register) into the trash; both undoable."""
        if self.register.hasFocus():
            chosen = selected_ids(self.register)
            if chosen:
                self._run(trash_people(self.store, chosen, self.name_of(chosen)))
            return
        chosen = selected_ids(self.attendance)
        if self.workshop_id is None or not chosen or not self.attendance.hasFocus():
            return
        wid = self.workshop_id
        self._run(setter(
            self.tr("Remove {name} from the list").format(name=self.name_of(chosen)),
            lambda states: people.put_attendances(self.store, wid, states),
            dict.fromkeys(chosen)))

    def rename_selected(self) -> None:
        """F2: edit the chosen person in the dialog."""
        self.edit_person()

    def _focused_person(self) -> str | None:
        tables = (self.attendance, self.register)
        if self.register.hasFocus() or not selected_ids(self.attendance):
            tables = (self.register, self.attendance)
        for table in tables:
            chosen = selected_ids(table)
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

    def name_of(self, person_ids: list[str]) -> str:
        """"Agnes Åström", or "3 people", for the text of an undo step."""
        if len(person_ids) != 1:
            return self.tr("{count} people").format(count=len(person_ids))
        return shown_name((self.attendance, self.register), person_ids[0])

    def _enter_register(self) -> None:
        if self.register.rowCount():
            self.register.setFocus()
            if not selected_ids(self.register):
                self.register.selectRow(0)
