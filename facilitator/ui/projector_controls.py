"""The main window's projector panel: what the projector shows, and F5 to show it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGridLayout, QLabel, QPushButton, QWidget

from facilitator.services import groups, sections
from facilitator.services.core import Change, NotFoundError
from facilitator.ui.projector import ProjectorWindow
from facilitator.ui.projector_content import Mode

__all__ = ["ProjectorControls"]


class ProjectorControls(QWidget):
    """The main window's panel: what the projector shows, and F5 to show it.

    Its buttons and lists take no keyboard focus on click, so capture goes on.
    """

    def __init__(self, projector: ProjectorWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorControls")
        self.projector = projector
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        self.show_button = QPushButton()
        self.show_button.setObjectName("projectorShow")
        self.show_button.setCheckable(True)
        self.show_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        native = QKeySequence("F5").toString(QKeySequence.SequenceFormat.NativeText)
        self.show_button.setText(self.tr("Show on projector ({key})").format(key=native))
        self.show_button.setToolTip(projector.toggle_action.toolTip())
        self.show_button.clicked.connect(lambda _c=False: projector.toggle_action.trigger())
        projector.toggle_action.toggled.connect(self.show_button.setChecked)
        layout.addWidget(self.show_button, 0, 0, 1, 3)

        modes = ((Mode.AGENDA_ITEM, self.tr("Item"), "projectorModeItem"),
                 (Mode.GROUP_WISHES, self.tr("Group"), "projectorModeGroup"),
                 (Mode.ALL_GROUPS, self.tr("All groups"), "projectorModeAllGroups"),
                 (Mode.TIMER, self.tr("Timer"), "projectorModeTimer"),
                 (Mode.VOTE_RESULTS, self.tr("Votes"), "projectorModeVotes"))
        self.mode_buttons: dict[Mode, QPushButton] = {}
        for column, (mode, text, name) in enumerate(modes):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, m=mode: self.choose(m))
            self.buttons.addButton(button)
            self.mode_buttons[mode] = button
            # three a row: the panel stays narrow and leaves the board its width
            layout.addWidget(button, 1 + column // 3, column % 3)

        self.section_box = QComboBox()
        self.section_box.setObjectName("projectorSection")
        self.section_box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.section_box.setAccessibleName(self.tr("Agenda item on the projector"))
        self.section_box.activated.connect(lambda _i: self.choose(Mode.AGENDA_ITEM))
        self.group_box = QComboBox()
        self.group_box.setObjectName("projectorGroup")
        self.group_box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.group_box.setAccessibleName(self.tr("Group on the projector"))
        self.group_box.activated.connect(lambda _i: self.choose(Mode.GROUP_WISHES))
        section_label = QLabel(self.tr("Item:"))
        section_label.setBuddy(self.section_box)
        group_label = QLabel(self.tr("Group:"))
        group_label.setBuddy(self.group_box)
        for box in (self.section_box, self.group_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(12)
        layout.addWidget(section_label, 3, 0)
        layout.addWidget(self.section_box, 3, 1, 1, 2)
        layout.addWidget(group_label, 4, 0)
        layout.addWidget(self.group_box, 4, 1, 1, 2)
        layout.setRowStretch(5, 1)  # the controls at the top, not spread down the panel

        projector.mode_changed.connect(self._show_mode)
        projector.workshop_changed.connect(lambda _w: self.refill())
        projector.bus.changed.connect(self._on_changed)
        self._show_mode(projector.mode)
        self.refill()

    def choose(self, mode: Mode) -> None:
        p = self.projector
        if mode is Mode.AGENDA_ITEM:
            p.show_agenda_item(self.section_box.currentData())
        elif mode is Mode.GROUP_WISHES:
            p.show_group(self.group_box.currentData())
        elif mode is Mode.ALL_GROUPS:
            p.show_all_groups()
        elif mode is Mode.TIMER:
            p.show_timer()
        else:
            p.show_votes()
        self._show_mode(p.mode)

    def _show_mode(self, mode: Mode) -> None:
        self.mode_buttons[mode].setChecked(True)
        self.mode_buttons[Mode.TIMER].setEnabled(self.projector.timer is not None)

    def _on_changed(self, change: Change) -> None:
        if change.kinds & {"workshop", "section", "group", "focus_area"}:
            self.refill()

    def refill(self) -> None:
        """List the current workshop's agenda items and groups, keeping the choice."""
        wid = self.projector.workshop_id
        store = self.projector.store
        try:
            items = sections.list_sections(store, wid) if wid else []
            teams = groups.list_groups(store, wid) if wid else []
        except NotFoundError:
            items, teams = [], []
        self._fill(self.section_box, [(self.tr("The whole agenda"), None)]
                   + [(f"{s.number} {s.heading}".strip(), s.id) for s in items],
                   self.projector.section_id)
        self._fill(self.group_box, [(f"{i + 1}) {g.name}", g.id) for i, g in enumerate(teams)],
                   self.projector.group_id)
        self.mode_buttons[Mode.TIMER].setEnabled(self.projector.timer is not None)

    @staticmethod
    def _fill(box: QComboBox, entries: list[tuple[str, str | None]], current: str | None) -> None:
        chosen = box.currentData() if box.count() else current
        box.blockSignals(True)
        box.clear()
        for text, data in entries:
            box.addItem(text, data)
        index = box.findData(chosen)
        box.setCurrentIndex(index if index >= 0 else 0)
        box.blockSignals(False)
