"""The store's plain values: what an enumerated column can hold, ids and timestamps.

Importable without SQLAlchemy's ORM, so the window can show a workshop before
the ORM has loaded; ``facilitator.store.models`` maps them onto columns.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid


def new_id() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class WorkshopKind(enum.StrEnum):
    WORKSHOP = "workshop"
    FOCUS_GROUP = "focus_group"
    CLOSING_SESSION = "closing_session"
    LEARNING_EVALUATION = "learning_evaluation"


class WorkshopStatus(enum.StrEnum):
    DRAFT = "draft"
    HELD = "held"
    MINUTES_SENT = "minutes_sent"
    FINALISED = "finalised"


class SectionKind(enum.StrEnum):
    """What an agenda item renders as in the minutes, besides its own notes."""

    TEXT = "text"
    FOCUS_AREAS = "focus_areas"
    KEY_FIGURES = "key_figures"
    GROUP_WORK = "group_work"


class AttendanceStatus(enum.StrEnum):
    INVITED = "invited"
    ATTENDED = "attended"
    ABSENT = "absent"


class WishStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"
