"""Date and time fields that a facilitator can type straight into.

Qt's date and time edits show a "special value" text ("Ej angiven") at their
minimum; typing digits into that text garbled it, and Tab stepped between the
field's sections, so it never left a field showing the special text. Here a
digit typed over the special text starts a fresh value ("1830" gives 18:30,
the sections advance by themselves), and Tab / Shift+Tab always leave the
field, as in every other field of the window (Left / Right move between the
sections).
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit, QWidget


class _TypedStart:
    """Shared behaviour of the fields below (mixed into a QDateTimeEdit subclass)."""

    _special = ""

    def _begin_typing(self, event: QKeyEvent) -> None:
        edit = self._edit()
        text = event.text()
        if not (text and text.isdigit()) or not edit.specialValueText() \
                or edit.dateTime() != edit.minimumDateTime():
            return
        # Show the minimum as digits (00:00) with the first section selected:
        # the typed digit then replaces that section, as in any filled field.
        self._special = edit.specialValueText()
        edit.setSpecialValueText("")
        edit.setCurrentSectionIndex(0)
        edit.setSelectedSection(edit.sectionAt(0))

    def _end_typing(self) -> None:
        if self._special:
            special, self._special = self._special, ""
            self._edit().setSpecialValueText(special)

    def _edit(self) -> QDateTimeEdit:
        assert isinstance(self, QDateTimeEdit)
        return self


class TimeField(_TypedStart, QTimeEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._begin_typing(event)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self._end_typing()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        return QWidget.focusNextPrevChild(self, forward)


class DateField(_TypedStart, QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        self._begin_typing(event)
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self._end_typing()

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        return QWidget.focusNextPrevChild(self, forward)
