"""Export: the outline the minutes will have, and the way to write them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.services.core import ServiceError, Store
from facilitator.settings import MINUTES_ANONYMISE, MINUTES_ORDER, MINUTES_PARTICIPANTS, Settings
from facilitator.ui.commands import Editor
from facilitator.ui.views.base import WorkshopPage


class ExportView(WorkshopPage):
    """Shows the headings the minutes will have, redrawn as the workshop changes."""

    WATCHED = frozenset({"workshop", "section", "focus_area", "group", "wish", "attendance",
                         "person", "organisation", "action"})
    export_requested = Signal()

    def __init__(self, store: Store, editor: Editor, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(store, editor, parent)
        self.settings = settings
        self.setObjectName("exportView")
        intro = QLabel(self.tr(
            "The minutes are written from what is captured in the workshop, in the order "
            "of the agenda. This is the outline they will have:"))
        intro.setWordWrap(True)
        self.outline = QTreeWidget()
        self.outline.setObjectName("minutesOutline")
        self.outline.setAccessibleName(self.tr("Outline of the minutes"))
        self.outline.setHeaderHidden(True)
        self.export_button = QPushButton(self.tr("Export minutes…"))
        self.export_button.setObjectName("exportMinutesButton")
        self.export_button.clicked.connect(self.export_requested.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.outline, 1)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.outline.clear()
        self.export_button.setEnabled(self.workshop_id is not None)
        if self.workshop_id is None or not self.isVisible():
            return
        from facilitator.minutes.export import MinutesOptions, build_outline

        options = MinutesOptions(
            include_participants=self.settings.get(MINUTES_PARTICIPANTS),
            anonymise=self.settings.get(MINUTES_ANONYMISE),
            order=self.settings.get(MINUTES_ORDER),
        )
        try:
            outline = build_outline(self.store, self.workshop_id, options)
        except ServiceError as exc:
            QTreeWidgetItem(self.outline, [str(exc)])
            return
        parents: dict[int, QTreeWidgetItem] = {}
        for level, text in outline:
            parent = next((parents[lv] for lv in range(level - 1, 0, -1) if lv in parents), None)
            item = QTreeWidgetItem(parent or self.outline, [text])
            parents[level] = item
            for deeper in [lv for lv in parents if lv > level]:
                del parents[deeper]
        self.outline.expandAll()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.safe_refresh()
