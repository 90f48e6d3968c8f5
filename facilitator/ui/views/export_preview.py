"""The Exportera page's preview: the minutes' pages, rebuilt shortly after each change.

A change (the change bus, an export option) only restarts a short timer; the
minutes are built and typeset when it fires, and only while the preview is on
screen; a hidden preview remembers that it is stale and rebuilds when shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from facilitator.minutes.model import MinutesDocument, MinutesOptions
from facilitator.services.core import ServiceError, Store
from facilitator.ui.minutes_preview import typeset_minutes
from facilitator.ui.widgets.page_preview import PagePreview

DEBOUNCE_MS = 300
SLOW_DEBOUNCE_MS = 2000  # the longest pause, for minutes that take long to rebuild


def replaced_text(model: MinutesDocument) -> str:
    """"3 namn ersattes (2 personer)": what the export for publication replaced."""
    names, people = model.names_replaced, model.people_replaced
    if not names:
        return QCoreApplication.translate("MinutesPreviewPanel", "No names needed replacing")
    said = (QCoreApplication.translate("MinutesPreviewPanel", "{n} name was replaced") if names == 1
            else QCoreApplication.translate("MinutesPreviewPanel", "{n} names were replaced"))
    whom = (QCoreApplication.translate("MinutesPreviewPanel", "({n} person)") if people == 1
            else QCoreApplication.translate("MinutesPreviewPanel", "({n} people)"))
    return said.format(n=names) + " " + whom.format(n=people)


class MinutesPreviewPanel(QWidget):
    """Page preview with its page count and zoom buttons; ``built`` carries each new model."""

    built = Signal(object)  # MinutesDocument
    failed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("minutesPreviewPanel")
        self.workshop_id: str | None = None
        self.options = MinutesOptions()
        self.model: MinutesDocument | None = None
        self.last_build_seconds = 0.0
        self._stale = False
        self._pause = DEBOUNCE_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.rebuild)

        self.pages = PagePreview()
        self.pages.setAccessibleName(self.tr("Preview of the minutes"))
        self.pages.setToolTip(self.tr("PgUp/PgDn: page, Ctrl+plus/minus: zoom"))
        self.page_label = QLabel()
        self.page_label.setObjectName("previewPageLabel")
        self.replaced_label = QLabel()  # for publication: how many names were replaced
        self.replaced_label.setObjectName("previewReplacedLabel")
        self.zoom_out = self._button("previewZoomOut", "−", self.tr("Zoom out"),
                                     self.pages.zoom_out, QKeySequence.StandardKey.ZoomOut)
        self.zoom_in = self._button("previewZoomIn", "+", self.tr("Zoom in"),
                                    self.pages.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("previewZoomLabel")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.replaced_label)
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        self.pages.page_changed.connect(self._show_page_number)
        self.pages.zoom_changed.connect(self._show_zoom)
        self._show_zoom(self.pages.zoom)

    def _button(self, name: str, text: str, tip: str, slot: Callable[[], None],
                keys: QKeySequence.StandardKey) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{tip} ({native})")
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    # -- when to rebuild -------------------------------------------------------------
    def schedule(self, workshop_id: str | None, options: MinutesOptions,
                 at_once: bool = False) -> None:
        """Rebuild after a short pause (repeated calls within it make one rebuild), or
        ``at_once`` when the page has just been opened."""
        self.workshop_id, self.options = workshop_id, options
        self._stale = True
        if self.isVisible():
            self._timer.start(0 if at_once else self._pause)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._timer.start(self._pause)

    def rebuild(self) -> None:
        if not self.isVisible():
            return  # rebuilt when shown again
        self._stale = False
        if self.workshop_id is None:
            self.model = None
            self.pages.set_document(None)
            self.replaced_label.clear()
            return
        from facilitator.minutes.build import build_minutes

        started = time.perf_counter()
        try:
            model = build_minutes(self.store, self.workshop_id, self.options)
        except ServiceError as exc:
            self.model = None
            self.pages.set_document(None)
            self.page_label.setText(str(exc))
            self.replaced_label.clear()
            self.failed.emit(str(exc))
            return
        document = typeset_minutes(model)
        document.setParent(self.pages)
        old = self.pages.document
        self.pages.set_document(document, model.header_left, model.labels.page)
        if old is not None:
            old.deleteLater()
        self.model = model
        self.replaced_label.setText(replaced_text(model) if self.options.for_publication else "")
        self.last_build_seconds = time.perf_counter() - started
        # A big workshop (0.6 s for 10,000 wishes) waits longer, so a burst of edits
        # freezes the window once, not after every edit.
        self._pause = max(DEBOUNCE_MS, min(SLOW_DEBOUNCE_MS, int(self.last_build_seconds * 2000)))
        self.built.emit(model)

    def show_heading(self, index: int) -> None:
        """Scroll to the page of the ``index``-th heading (0 is the title, on page 1)."""
        document = self.pages.document
        if document is None or index <= 0:
            self.pages.go_to_page(1)
            return
        block, seen = document.begin(), 0
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                seen += 1
                if seen == index:
                    top = document.documentLayout().blockBoundingRect(block).top()
                    self.pages.go_to_page(int(top // document.pageSize().height()) + 1)
                    return
            block = block.next()

    # -- what the bar says -----------------------------------------------------------
    def _show_page_number(self, current: int, count: int) -> None:
        if count:
            self.page_label.setText(self.tr("Page {current} of {count}").format(
                current=current, count=count))
        elif self.workshop_id is None:
            self.page_label.setText("")

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")
