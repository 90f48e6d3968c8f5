"""A read-only overview of one workshop: its facts, agenda, groups and attendance."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from facilitator.services import groups, people, sections, wishes, workshops
from facilitator.services.core import Change, NotFoundError, Store
from facilitator.store.models import AttendanceStatus, WorkshopKind, WorkshopStatus


class WorkshopOverview(QScrollArea):
    """Shows what has been captured for the chosen workshop, redrawn on every change."""

    WATCHED = frozenset({"workshop", "section", "group", "wish", "attendance", "person",
                         "focus_area", "organisation"})

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._workshop_id: str | None = None
        self.setObjectName("workshopOverview")
        self.setWidgetResizable(True)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 18, 24, 18)
        self.content = QLabel()
        self.content.setObjectName("overviewText")
        self.content.setAccessibleName(self.tr("Workshop overview"))
        self.content.setTextFormat(Qt.TextFormat.RichText)
        self.content.setWordWrap(True)
        self.content.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.content.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.content)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_workshop(None)

    @property
    def workshop_id(self) -> str | None:
        return self._workshop_id

    def show_workshop(self, workshop_id: str | None) -> None:
        self._workshop_id = workshop_id
        self.refresh()

    def on_changed(self, change: Change) -> None:
        if self._workshop_id and change.kinds & self.WATCHED:
            self.refresh()

    def kind_label(self, kind: WorkshopKind) -> str:
        return {
            WorkshopKind.WORKSHOP: self.tr("Workshop"),
            WorkshopKind.FOCUS_GROUP: self.tr("Focus group"),
            WorkshopKind.CLOSING_SESSION: self.tr("Closing session"),
            WorkshopKind.LEARNING_EVALUATION: self.tr("Learning evaluation"),
        }[kind]

    def status_label(self, status: WorkshopStatus) -> str:
        return {
            WorkshopStatus.DRAFT: self.tr("Draft"),
            WorkshopStatus.HELD: self.tr("Held"),
            WorkshopStatus.MINUTES_SENT: self.tr("Minutes sent"),
            WorkshopStatus.FINALISED: self.tr("Finalised public record"),
        }[status]

    def refresh(self) -> None:
        if self._workshop_id is None:
            self.content.setText(
                "<h2>" + html.escape(self.tr("No workshop chosen")) + "</h2><p>"
                + html.escape(self.tr(
                    "Choose a workshop in the list to the left, or create one with "
                    "File → New workshop. File → Load sample project shows an example."))
                + "</p>"
            )
            return
        try:
            self.content.setText(self._render(self._workshop_id))
        except NotFoundError:
            self.show_workshop(None)

    def _render(self, workshop_id: str) -> str:
        e = html.escape
        facts = workshops.get_facts(self._store, workshop_id)
        rows = [
            (self.tr("Kind"), self.kind_label(facts.kind)),
            (self.tr("Date"), facts.date.isoformat() if facts.date else ""),
            (self.tr("Time"), "–".join(t.strftime("%H:%M") for t in
                                       (facts.start_time, facts.end_time) if t)),
            (self.tr("Venue"), facts.venue),
            (self.tr("Moderator"), facts.moderator),
            (self.tr("Project leader"), facts.project_leader),
            (self.tr("Case reference"), facts.case_reference),
            (self.tr("Issuing unit"), facts.issuing_unit),
            (self.tr("Status"), self.status_label(facts.status)),
        ]
        parts = [f"<h1>{e(facts.title)}</h1><table cellspacing='0' cellpadding='3'>"]
        for label, value in rows:
            if value:
                parts.append(f"<tr><td style='color:#555;padding-right:16px'>{e(label)}</td>"
                             f"<td>{e(value)}</td></tr>")
        parts.append("</table>")

        agenda = sections.list_sections(self._store, workshop_id)
        agenda_heading = self.tr("Agenda")
        parts.append(f"<h3>{e(agenda_heading)}</h3>")
        if agenda:
            parts.append("<ol>" + "".join(f"<li>{e(s.heading)}</li>" for s in agenda) + "</ol>")
        else:
            none_yet = self.tr("No agenda items yet.")
            parts.append(f"<p>{e(none_yet)}</p>")

        attendance = people.list_attendance(self._store, workshop_id)
        came = sum(1 for a in attendance if a.status is AttendanceStatus.ATTENDED)
        participants_heading = self.tr("Participants")
        parts.append(f"<h3>{e(participants_heading)}</h3><p>"
                     + e(self.tr("{came} attended of {total} registered.")
                         .format(came=came, total=len(attendance))) + "</p>")

        group_list = groups.list_groups(self._store, workshop_id)
        groups_heading = self.tr("Group work")
        parts.append(f"<h3>{e(groups_heading)}</h3>")
        if group_list:
            items = []
            for index, group in enumerate(group_list, start=1):
                count = len(wishes.list_wishes(self._store, group.id))
                items.append(f"<li>{index}) {e(group.name)} — "
                             + e(self.tr("{n} wishes").format(n=count)) + "</li>")
            parts.append("<ul style='list-style:none'>" + "".join(items) + "</ul>")
        else:
            no_groups = self.tr("No groups yet.")
            parts.append(f"<p>{e(no_groups)}</p>")
        return "".join(parts)
