"""Housekeeping waits for the window's first paint, and still runs if it never comes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

from facilitator.ui.first_paint import after_first_paint


class PaintLog(QObject):
    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_runs_once_after_the_first_paint(qtbot) -> None:
    events: list[str] = []
    label = QLabel("Välkommen till Lillsjö")
    qtbot.addWidget(label)
    log = PaintLog(events)
    label.installEventFilter(log)
    after_first_paint(label, lambda: events.append("housekeeping"), latest_ms=60000)
    qtbot.wait(50)
    assert events == []  # nothing before the window is shown
    label.show()
    qtbot.waitUntil(lambda: "housekeeping" in events, timeout=5000)
    assert events[0] == "paint"
    label.update()
    label.repaint()
    qtbot.wait(50)
    assert events.count("housekeeping") == 1


def test_a_window_never_painted_still_gets_it_in_time(qtbot) -> None:
    events: list[str] = []
    label = QLabel("Aldrig visad")
    qtbot.addWidget(label)
    after_first_paint(label, lambda: events.append("housekeeping"), latest_ms=100)
    qtbot.waitUntil(lambda: events == ["housekeeping"], timeout=5000)
    label.show()
    qtbot.wait(100)
    assert events == ["housekeeping"]
