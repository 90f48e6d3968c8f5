"""Typed UI preferences over QSettings, with every default declared in one place.

Only preferences live here; everything a user captures lives in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


LANGUAGE = Option("ui/language", "sv")
LAST_WORKSHOP = Option("session/last_workshop", "")
WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
MINUTES_TEMPLATE = Option("minutes/template", "")
MINUTES_FOLDER = Option("minutes/folder", "")
MINUTES_PARTICIPANTS = Option("minutes/participants", True)
MINUTES_ANONYMISE = Option("minutes/anonymise", False)
MINUTES_PUBLICATION = Option("minutes/for_publication", False)
MINUTES_ORDER = Option("minutes/order", "capture")
MINUTES_VOTES = Option("minutes/votes", False)
TIMER_MINUTES = Option("timer/minutes", 10)
TIMER_SOUND = Option("timer/sound", True)
# The facilitator's own GDPR text for sign-in sheets; empty means the built-in default.
SIGNIN_NOTICE = Option("handouts/signin_notice", "")
SIGNIN_BLANK_ROWS = Option("handouts/signin_blank_rows", 10)
# The organisation's shared database (postgresql://user@host/db) a laptop synchronises
# with; empty: none. Never a password: libpq takes it from a pgpass file.
ORGANISATION_DATABASE = Option("sync/organisation_database", "")


class Settings:
    """Reads and writes options with their declared type."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or QSettings()

    def get(self, option: Option[T]) -> T:
        value = self._q.value(option.key, option.default)
        default = option.default
        # Mypy cannot narrow T from isinstance(default, ...): each branch casts to it.
        if isinstance(default, bool):
            if isinstance(value, str):
                return cast(T, value.lower() in ("true", "1", "yes"))
            return cast(T, bool(value))
        if isinstance(default, QByteArray):
            return cast(T, value if isinstance(value, QByteArray) else default)
        if isinstance(default, str):
            return cast(T, str(value) if value is not None else default)
        if isinstance(default, int):  # an .ini file gives back text
            try:
                return cast(T, int(str(value)))
            except (TypeError, ValueError):
                return default
        return cast(T, value)

    def set(self, option: Option[T], value: T) -> None:
        self._q.setValue(option.key, value)

    def sync(self) -> None:
        self._q.sync()


def splitter_state(name: str) -> Option[QByteArray]:
    """Where the splitter with objectName ``name`` was left (one option per splitter)."""
    return Option(f"window/splitters/{name}", QByteArray())
