"""Python dates and times as Qt's and back, typed.

PySide6 converts ``datetime.date``/``time`` itself (``QDate(date)``,
``QTime.toPython()``), but its stubs know only Qt's own constructors and type
``toPython()`` as ``object``; these say the same with the parts spelled out.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QTime


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute, value.second, value.microsecond // 1000)


def py_time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute(), value.second(), value.msec() * 1000)
