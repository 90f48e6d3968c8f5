"""The package format as data: which fields each row kind carries, in which order.

Export writes exactly these fields (in this order, so the JSON is stable), the
importer reads and normalises them, and :mod:`facilitator.interchange.schema`
builds the JSON Schema from them. Parent ids that the nesting already says
(a section's workshop, a wish's group …) are not repeated inside the rows.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass
from typing import Any

from facilitator.messages import tr
from facilitator.services.core import MAX_BODY, MAX_LINE
from facilitator.services.wishes import MAX_WISH
from facilitator.store import versions
from facilitator.store.models import (
    Action,
    ActionStatus,
    Attendance,
    AttendanceStatus,
    FocusArea,
    FocusChoice,
    Group,
    GroupFocusArea,
    GroupMember,
    KeyFigure,
    Organisation,
    Person,
    Project,
    Responsible,
    Review,
    Section,
    SectionKind,
    Wish,
    WishStatus,
    Workshop,
    WorkshopKind,
    WorkshopRole,
    WorkshopStatus,
)
from facilitator.store.vocabulary import (
    KeyFigureKind,
    Metric,
    ResponsibleForm,
    ReviewStatus,
    RoleKind,
)

FORMAT_NAME = "facilitator-package"
FORMAT_VERSION = 4
MAX_PACKAGE_BYTES = 50 * 1024 * 1024
MAX_NOTE = 100_000
MAX_INT = 2**31 - 1
MAX_VOTES = 100_000


class Language(enum.StrEnum):
    SV = "sv"
    EN = "en"


@dataclass(frozen=True)
class Field:
    """One field of a row: its JSON name (= model attribute) and its kind.

    kinds: id, ref (an id of another row), line (single-line text), body
    (multi-line Markdown/text), int, order (an order key: a number only compared
    with the siblings'), bool, date, time, datetime, enum, versions (field →
    version stamps, an object in JSON).
    """

    name: str
    kind: str
    max_length: int | None = None
    nullable: bool = False
    required: bool = False  # text that must not be empty after normalisation
    enum: type[enum.Enum] | None = None
    minimum: int = 0
    maximum: int = MAX_INT
    label: str = ""
    optional: bool = False  # may be left out of a package (added while format 4 was new)


def line(name: str, max_length: int, label: str, *, required: bool = False) -> Field:
    return Field(name, "line", max_length, required=required, label=label)


def body(name: str, max_length: int, label: str, *, required: bool = False) -> Field:
    return Field(name, "body", max_length, required=required, label=label)


def ref(name: str, *, nullable: bool = True) -> Field:
    return Field(name, "ref", nullable=nullable)


def choice(name: str, cls: type[enum.Enum]) -> Field:
    return Field(name, "enum", enum=cls)


# Far beyond what a year of moves makes (each move adds at most 1 at an end).
MAX_ORDER_KEY = 10**12
POSITION = Field("position", "order", label=tr("The order"))

TRACKED: tuple[Field, ...] = (
    Field("id", "id"),
    Field("created_at", "datetime"),
    Field("updated_at", "datetime"),
    Field("deleted_at", "datetime", nullable=True),
    # Who wrote each field, on top of what (store/versions.py): what the merge decides by.
    Field("versions", "versions", nullable=True),
)


@dataclass(frozen=True)
class RowSpec:
    """A kind of row: its model, its Swedish label, its own fields and its parent column."""

    key: str
    model: type[Any]
    label: str
    fields: tuple[Field, ...]
    parent: str | None = None  # the model column the nesting fills in

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return TRACKED + self.fields

    @property
    def table(self) -> str:
        """The database table the rows live in."""
        return str(self.model.__tablename__)


ORGANISATION = RowSpec("organisation", Organisation, "organisationen", (
    line("name", 300, tr("The organisation's name"), required=True),
    line("kind", 100, tr("The type")),
    body("note", MAX_NOTE, tr("The note")),
))

PERSON = RowSpec("person", Person, "personen", (
    line("name", 300, tr("The name"), required=True),
    line("title", 300, tr("The title")),
    ref("organisation_id"),
    line("email", 300, tr("Email")),
    line("phone", 100, tr("Phone")),
    body("note", MAX_NOTE, tr("The note")),
    # Joined into that person here ("Samma person?", services/person_join.py).
    Field("merged_into_id", "ref", nullable=True, optional=True),
))

PROJECT = RowSpec("project", Project, "projektet", (
    line("name", 300, tr("The project's name"), required=True),
    body("description", MAX_BODY, tr("Project description")),
    # The unit whose facilitators see it on the organisation's server (store/server_setup.py).
    Field("unit", "line", 200, nullable=True, optional=True, label=tr("The unit")),
))

FOCUS_AREA = RowSpec("focus_area", FocusArea, "fokusområdet", (
    POSITION,
    line("name", 300, tr("The focus area's name"), required=True),
    body("narrative", MAX_BODY, tr("The description")),
), parent="project_id")

_RESPONSIBLE_FIELDS: tuple[Field, ...] = (
    POSITION,
    ref("person_id"),
    ref("organisation_id"),
    line("text", MAX_LINE, tr("The person responsible")),
)
FOCUS_AREA_RESPONSIBLE = RowSpec("focus_area_responsible", Responsible, "den ansvariga",
                                 _RESPONSIBLE_FIELDS, parent="focus_area_id")
ACTION_RESPONSIBLE = RowSpec("action_responsible", Responsible, "den ansvariga",
                             _RESPONSIBLE_FIELDS, parent="action_id")

WORKSHOP = RowSpec("workshop", Workshop, "workshopen", (
    line("title", 500, tr("The title"), required=True),
    choice("kind", WorkshopKind),
    Field("date", "date", nullable=True),
    Field("start_time", "time", nullable=True),
    Field("end_time", "time", nullable=True),
    line("venue", 500, tr("Venue")),
    line("case_reference", 300, tr("Case reference")),
    line("issuing_unit", 300, tr("The issuing unit")),
    line("document_type", 100, tr("Document type")),
    body("lead", MAX_BODY, tr("The lead paragraph")),
    choice("language", Language),
    choice("status", WorkshopStatus),
    choice("responsible_form", ResponsibleForm),
    Field("group_lead_text", "body", 20_000, nullable=True,
          label=tr("The text before the groups")),
    body("group_after_text", 20_000, tr("The text after the list of groups")),
    Field("show_group_members", "bool"),
    ref("source_workshop_id"),
), parent="project_id")

WORKSHOP_ROLE = RowSpec("workshop_role", WorkshopRole, "rollen", (
    POSITION,
    choice("role", RoleKind),
    line("label", 100, tr("The role")),
    ref("person_id"),
    line("name", 300, tr("The name")),
), parent="workshop_id")

KEY_FIGURE = RowSpec("key_figure", KeyFigure, "nyckeltalet", (
    POSITION,
    choice("kind", KeyFigureKind),
    Field("metric", "enum", nullable=True, enum=Metric),
    line("value", 100, tr("The figure")),
    line("unit", 100, tr("The unit")),
    line("label", 300, tr("The label")),
    body("sentence", 2000, tr("The sentence")),
), parent="workshop_id")

SECTION = RowSpec("section", Section, "punkten", (
    POSITION,
    line("heading", 500, tr("The heading"), required=True),
    body("body", MAX_BODY, tr("The notes")),
    line("number", 20, tr("The number")),
    choice("kind", SectionKind),
    ref("focus_area_id"),
), parent="workshop_id")

ATTENDANCE = RowSpec("attendance", Attendance, "närvaroraden", (
    ref("person_id", nullable=False),
    choice("status", AttendanceStatus),
    line("role", 300, tr("The role")),
    Field("may_be_named", "bool"),
), parent="workshop_id")

GROUP = RowSpec("group", Group, "gruppen", (
    POSITION,
    line("name", 500, tr("The group's name")),
    Field("custom_name", "bool"),
    ref("source_group_id"),
), parent="workshop_id")

GROUP_FOCUS_AREA = RowSpec("group_focus_area", GroupFocusArea, "gruppens fokusområde", (
    ref("focus_area_id", nullable=False),
    POSITION,
), parent="group_id")

GROUP_MEMBER = RowSpec("group_member", GroupMember, "gruppmedlemmen", (
    ref("person_id", nullable=False),
), parent="group_id")

WISH = RowSpec("wish", Wish, "önskemålet", (
    ref("parent_id"),
    POSITION,
    body("text", MAX_WISH, tr("The wish"), required=True),
    Field("votes", "int", maximum=MAX_VOTES),
    choice("status", WishStatus),
    body("note", MAX_NOTE, tr("The note")),
    Field("vote_shares", "shares", nullable=True),
), parent="group_id")

FOCUS_CHOICE = RowSpec("focus_choice", FocusChoice, "valet av fokusområde", (
    ref("person_id", nullable=False),
    ref("focus_area_id", nullable=False),
    Field("rank", "int", nullable=True, minimum=1, maximum=100),
), parent="workshop_id")

_ACTION_FIELDS: tuple[Field, ...] = (
    POSITION,
    body("text", 20_000, tr("The action"), required=True),
    Field("due_date", "date", nullable=True),
    choice("status", ActionStatus),
    ref("source_wish_id"),
)

# An action of a workshop (it may also name a focus area) …
WORKSHOP_ACTION = RowSpec(
    "workshop_action", Action, "åtgärden", (ref("focus_area_id"), *_ACTION_FIELDS),
    parent="workshop_id",
)
# … and an action of a focus area alone, listed under the project.
FOCUS_AREA_ACTION = RowSpec(
    "focus_area_action", Action, "åtgärden",
    (ref("focus_area_id", nullable=False), *_ACTION_FIELDS),
)

# What a later workshop said about an earlier wish or action (one of the two).
REVIEW = RowSpec("review", Review, "uppföljningen", (
    ref("wish_id"),
    ref("action_id"),
    POSITION,
    Field("reviewed_on", "date", nullable=True),
    choice("status", ReviewStatus),
    body("comment", 20_000, tr("The comment")),
), parent="workshop_id")
REVIEW_RESPONSIBLE = RowSpec("review_responsible", Responsible, "den ansvariga",
                             _RESPONSIBLE_FIELDS, parent="review_id")

ALL_SPECS: tuple[RowSpec, ...] = (
    ORGANISATION, PERSON, PROJECT, FOCUS_AREA, FOCUS_AREA_RESPONSIBLE, FOCUS_AREA_ACTION,
    ACTION_RESPONSIBLE, WORKSHOP, WORKSHOP_ROLE, KEY_FIGURE, SECTION, ATTENDANCE, FOCUS_CHOICE,
    GROUP, GROUP_FOCUS_AREA, GROUP_MEMBER, WISH, WORKSHOP_ACTION, REVIEW, REVIEW_RESPONSIBLE,
)

# Which row kind each reference field points to.
REF_TARGETS: dict[str, type[Any]] = {
    "organisation_id": Organisation,
    "person_id": Person,
    "merged_into_id": Person,
    "focus_area_id": FocusArea,
    "action_id": Action,
    "parent_id": Wish,
    "wish_id": Wish,
    "source_wish_id": Wish,
    "source_workshop_id": Workshop,
    "source_group_id": Group,
}


# --- values -----------------------------------------------------------------------

def datetime_to_json(value: dt.datetime) -> str:
    """Naive UTC (as stored) → ISO 8601 with a Z; microseconds only when present."""
    return value.replace(tzinfo=None).isoformat() + "Z"


def to_json(field: Field, value: Any) -> Any:
    """A model attribute value as the package writes it."""
    if value is None:
        return None
    if field.kind == "datetime":
        return datetime_to_json(value)
    if field.kind == "date":
        return value.isoformat()
    if field.kind == "time":
        return value.strftime("%H:%M")
    if field.kind == "enum":
        return value.value if isinstance(value, enum.Enum) else str(value)
    if field.kind == "bool":
        return bool(value)
    if field.kind == "order":  # 2, not 2.0: the same text whatever the database returns
        return int(value) if float(value).is_integer() else float(value)
    if field.kind == "versions":
        return versions.parse(value)
    if field.kind == "shares":
        return {d: list(entry) for d, entry in json.loads(value).items()}
    return value


def row_to_json(spec: RowSpec, row: Any) -> dict[str, Any]:
    return {f.name: to_json(f, getattr(row, f.name)) for f in spec.all_fields}
