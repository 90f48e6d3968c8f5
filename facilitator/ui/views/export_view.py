"""Export: the minutes' outline and pages as they will be written, and the way to write them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator.minutes.model import MinutesDocument, MinutesOptions
from facilitator.services.core import Store
from facilitator.settings import (
    MINUTES_ANONYMISE,
    MINUTES_ORDER,
    MINUTES_PARTICIPANTS,
    MINUTES_PUBLICATION,
    MINUTES_VOTES,
    Settings,
)
from facilitator.ui.commands import Editor
from facilitator.ui.views.base import WorkshopPage
from facilitator.ui.views.export_preview import MinutesPreviewPanel


class ExportView(WorkshopPage):
    """Shows the headings and pages the minutes will have, redrawn as the workshop changes."""

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
        self.preview = MinutesPreviewPanel(store)
        self.preview.built.connect(self._show_outline)
        self.preview.failed.connect(self._show_failure)
        self.outline.itemActivated.connect(
            lambda item: self.preview.show_heading(item.data(0, Qt.ItemDataRole.UserRole)))
        self.export_button = QPushButton(self.tr("Export minutes…"))
        self.export_button.setObjectName("exportMinutesButton")
        self.export_button.clicked.connect(self.export_requested.emit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(intro)
        left_layout.addWidget(self.outline, 1)
        left_layout.addLayout(row)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("exportSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 750])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def options(self) -> MinutesOptions:
        """The export options last chosen (the export dialog remembers them)."""
        return MinutesOptions(
            include_participants=self.settings.get(MINUTES_PARTICIPANTS),
            anonymise=self.settings.get(MINUTES_ANONYMISE),
            for_publication=self.settings.get(MINUTES_PUBLICATION),
            order=self.settings.get(MINUTES_ORDER),
            show_votes=self.settings.get(MINUTES_VOTES),
        )

    def preview_options(self, options: MinutesOptions) -> None:
        """Preview with ``options`` (as they are being chosen in the export dialog)."""
        self.preview.schedule(self.workshop_id, options)

    def refresh(self) -> None:
        self.export_button.setEnabled(self.workshop_id is not None)
        if self.workshop_id is None:
            self.outline.clear()
        self.preview.schedule(self.workshop_id, self.options())

    def _show_outline(self, model: MinutesDocument) -> None:
        self.outline.clear()
        parents: dict[int, QTreeWidgetItem] = {}
        for index, (level, text) in enumerate(model.outline()):
            parent = next((parents[lv] for lv in range(level - 1, 0, -1) if lv in parents), None)
            item = QTreeWidgetItem(parent or self.outline, [text])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            parents[level] = item
            for deeper in [lv for lv in parents if lv > level]:
                del parents[deeper]
        self.outline.expandAll()

    def _show_failure(self, message: str) -> None:
        self.outline.clear()
        QTreeWidgetItem(self.outline, [message])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self.export_button.setEnabled(self.workshop_id is not None)
        self.preview.schedule(self.workshop_id, self.options(), at_once=True)
