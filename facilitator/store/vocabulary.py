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
    FOLLOW_UP = "follow_up"


class AttendanceStatus(enum.StrEnum):
    INVITED = "invited"
    ATTENDED = "attended"
    ABSENT = "absent"


class WishStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class ReviewStatus(enum.StrEnum):
    """What became of a wish or an action, as said when it was followed up."""

    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class TombstoneReason(enum.StrEnum):
    PURGED = "purged"  # removed for good from the trash
    ERASURE = "erasure"  # a person erased under the GDPR


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class ResponsibleForm(enum.StrEnum):
    """How a responsible person is printed in a workshop's minutes."""

    NAME = "name"
    NAME_TITLE = "name_title"
    NAME_TITLE_ORGANISATION = "name_title_organisation"


class RoleKind(enum.StrEnum):
    """The labelled people of a title block; OTHER prints the facilitator's own label."""

    PROJECT_LEADER = "project_leader"
    MODERATOR = "moderator"
    PRESENTER = "presenter"
    AUTHOR = "author"
    EVALUATOR = "evaluator"
    NOTE_TAKER = "note_taker"
    CHAIR = "chair"
    OTHER = "other"


class KeyFigureKind(enum.StrEnum):
    TYPED = "typed"
    COUNTED = "counted"


class Metric(enum.StrEnum):
    """What a counted key figure counts when the minutes are made."""

    PARTICIPANTS = "participants"  # attended this workshop
    PEOPLE_MET = "people_met"  # different people who attended any of the project's workshops
    ATTENDANCES = "attendances"  # attendances over the project's workshops
    ORGANISATIONS = "organisations"  # organisations of those people
    WORKSHOPS = "workshops"  # the project's workshops
    WISHES = "wishes"  # wishes and ambitions of this workshop's groups


def derived_id(owner_id: str, what: str) -> str:
    """A row id made from its owner's id: the same wherever it is made.

    Rows that a migration or a package upgrade makes from older data (the
    responsible of a focus area, the moderator of a workshop) get the same id in
    every database, so importing an old package into a migrated store twice, or
    on two laptops, makes each row once.
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"facilitator:{what}:{owner_id}"))
