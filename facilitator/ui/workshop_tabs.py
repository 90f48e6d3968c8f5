"""The workshop's tabs, each page built (and its module imported) when first needed.

Building every page at start-up cost a third of the launch time; a page that
is never opened is never built. A built page follows the chosen workshop and
the change bus like any other.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle, QTabBar, QTabWidget, QToolButton, QVBoxLayout, QWidget

from facilitator.services.core import Change
from facilitator.ui.views.base import WorkshopPage


@dataclass(frozen=True)
class PageSpec:
    name: str  # also the main window's attribute for the page
    title: str
    module: str
    class_name: str


class RoomyTabBar(QTabBar):
    """Tabs tall enough for Å, Ö and descenders, selected or not.

    Styles size a tab by the font's line height, but the rings and dots of
    Å, Ä, Ö reach above the font's ascent in common fonts (DejaVu Sans), and
    an unselected tab is drawn lower by the style's shift: their tops were cut.
    """

    INK = "ÅÄÖÉgjpqy"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Ten pages overflow a narrow window: the scroll arrows are for the mouse; the
        # keyboard moves between pages with the arrows, Ctrl+Tab and Alt+digit.
        for arrow in self.findChildren(QToolButton):
            arrow.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        size = super().tabSizeHint(index)
        metrics = QFontMetrics(self.font())
        overshoot = max(0, metrics.tightBoundingRect(self.INK).height() - metrics.height())
        shift = abs(self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical,
                                             None, self))
        size.setHeight(size.height() + overshoot + shift + 2)
        return size


class WorkshopTabs(QTabWidget):
    page_created = Signal(str, object)  # name, WorkshopPage

    def __init__(self, specs: list[PageSpec],
                 make: Callable[[type[WorkshopPage]], WorkshopPage],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workshopTabs")
        self.setTabBar(RoomyTabBar(self))
        self._specs = {spec.name: spec for spec in specs}
        self._order = [spec.name for spec in specs]
        self._make = make
        self._built: dict[str, WorkshopPage] = {}
        self._holders: dict[str, QWidget] = {}
        self.workshop_id: str | None = None
        for spec in specs:
            holder = QWidget()
            holder.setObjectName(f"{spec.name}Tab")
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self._holders[spec.name] = holder
            self.addTab(holder, spec.title)
        self.currentChanged.connect(lambda index: self.page(self._order[index]))
        self.page(self._order[self.currentIndex()])  # the tab on show is needed at once

    def page(self, name: str) -> WorkshopPage:
        """The page called ``name``, built on first use."""
        built = self._built.get(name)
        if built is not None:
            return built
        spec = self._specs[name]
        page_class = getattr(importlib.import_module(spec.module), spec.class_name)
        page = self._make(page_class)
        self._built[name] = page
        layout = self._holders[name].layout()
        assert layout is not None  # each holder is made with its layout
        layout.addWidget(page)
        page.set_workshop(self.workshop_id)
        self.page_created.emit(name, page)
        return page

    def pages(self) -> list[WorkshopPage]:
        """The pages built so far."""
        return list(self._built.values())

    def show_page(self, page: WorkshopPage) -> None:
        for name, built in self._built.items():
            if built is page:
                self.setCurrentWidget(self._holders[name])

    def current_name(self) -> str:
        return self._order[self.currentIndex()]

    def show_name(self, name: str) -> bool:
        """Show the page called ``name``; False when there is no such page."""
        if name not in self._holders:
            return False
        self.page(name)
        self.setCurrentWidget(self._holders[name])
        return True

    def current_page(self) -> WorkshopPage:
        return self.page(self._order[self.currentIndex()])

    def set_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id
        for page in self._built.values():
            page.set_workshop(workshop_id)

    def on_changed(self, change: Change) -> None:
        for page in list(self._built.values()):
            page.on_changed(change)
