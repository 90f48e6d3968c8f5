"""SQLAlchemy 2 models: the shape of everything a facilitator captures.

Every row a user creates has a UUID made where it was created, created/updated
timestamps and a ``deleted_at`` tombstone; rows are never hard-deleted by
ordinary edits, so notes captured on several laptops can be merged later.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from facilitator.store.vocabulary import (
    ActionStatus,
    AttendanceStatus,
    KeyFigureKind,
    Metric,
    ResponsibleForm,
    ReviewStatus,
    RoleKind,
    SectionKind,
    TombstoneReason,
    WishStatus,
    WorkshopKind,
    WorkshopStatus,
    new_id,
    utcnow,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """Identity, timestamps and tombstone shared by every user-created row."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    # Who wrote each field, on top of what (JSON, store/versions.py); set on every flush.
    versions: Mapped[str | None] = mapped_column(Text, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda members: [m.value for m in members],
    )


class Organisation(Tracked, Base):
    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class Person(Tracked, Base):
    __tablename__ = "person"

    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(300), default="")
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), default=None, index=True
    )
    email: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # Joined into this person ("Samma person?"): the duplicate waits in the trash, and
    # rows a later package brings for it land on the person kept (services/person_join.py).
    merged_into_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), default=None, index=True
    )

    organisation: Mapped[Organisation | None] = relationship()


class Project(Tracked, Base):
    __tablename__ = "project"

    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    # The unit (enhet) whose facilitators see it on a server with roles; None: everyone.
    unit: Mapped[str | None] = mapped_column(String(200), default=None)

    focus_areas: Mapped[list[FocusArea]] = relationship(
        back_populates="project", order_by="FocusArea.position"
    )
    workshops: Mapped[list[Workshop]] = relationship(back_populates="project")


class FocusArea(Tracked, Base):
    __tablename__ = "focus_area"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    position: Mapped[float] = mapped_column(Float, default=0)
    name: Mapped[str] = mapped_column(String(300))
    narrative: Mapped[str] = mapped_column(Text, default="")

    project: Mapped[Project] = relationship(back_populates="focus_areas")


class Workshop(Tracked, Base):
    __tablename__ = "workshop"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[WorkshopKind] = mapped_column(
        _enum(WorkshopKind, "workshop_kind"), default=WorkshopKind.WORKSHOP
    )
    date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    start_time: Mapped[dt.time | None] = mapped_column(Time, default=None)
    end_time: Mapped[dt.time | None] = mapped_column(Time, default=None)
    venue: Mapped[str] = mapped_column(String(500), default="")
    case_reference: Mapped[str] = mapped_column(String(300), default="")
    issuing_unit: Mapped[str] = mapped_column(String(300), default="")
    document_type: Mapped[str] = mapped_column(String(100), default="Minnesanteckningar")
    lead: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(8), default="sv")
    status: Mapped[WorkshopStatus] = mapped_column(
        _enum(WorkshopStatus, "workshop_status"), default=WorkshopStatus.DRAFT
    )
    responsible_form: Mapped[ResponsibleForm] = mapped_column(
        _enum(ResponsibleForm, "responsible_form"),
        default=ResponsibleForm.NAME_TITLE_ORGANISATION,
    )
    # None: the minutes say how many groups there were ("Det blev tre grupper …").
    group_lead_text: Mapped[str | None] = mapped_column(Text, default=None)
    group_after_text: Mapped[str] = mapped_column(Text, default="")
    show_group_members: Mapped[bool] = mapped_column(Boolean, default=False)
    # The earlier workshop this one was made from ("Ny workshop från tidigare").
    source_workshop_id: Mapped[str | None] = mapped_column(
        ForeignKey("workshop.id"), default=None, index=True
    )

    project: Mapped[Project] = relationship(back_populates="workshops")
    sections: Mapped[list[Section]] = relationship(order_by="Section.position")
    groups: Mapped[list[Group]] = relationship(order_by="Group.position")
    attendance: Mapped[list[Attendance]] = relationship()
    roles: Mapped[list[WorkshopRole]] = relationship(order_by="WorkshopRole.position")

    __table_args__ = (CheckConstraint("language IN ('sv', 'en')", name="language"),)


class Section(Tracked, Base):
    __tablename__ = "section"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    position: Mapped[float] = mapped_column(Float, default=0)
    heading: Mapped[str] = mapped_column(String(500))
    body: Mapped[str] = mapped_column(Text, default="")
    number: Mapped[str] = mapped_column(String(20), default="")
    kind: Mapped[SectionKind] = mapped_column(
        _enum(SectionKind, "section_kind"), default=SectionKind.TEXT
    )
    focus_area_id: Mapped[str | None] = mapped_column(
        ForeignKey("focus_area.id", ondelete="SET NULL"), default=None
    )


class Attendance(Tracked, Base):
    __tablename__ = "attendance"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(
        _enum(AttendanceStatus, "attendance_status"), default=AttendanceStatus.INVITED
    )
    role: Mapped[str] = mapped_column(String(300), default="")
    # False: the person must not be named in minutes exported for publication.
    may_be_named: Mapped[bool] = mapped_column(Boolean, default=True)

    person: Mapped[Person] = relationship()

    __table_args__ = (UniqueConstraint("workshop_id", "person_id"),)


class Group(Tracked, Base):
    __tablename__ = "work_group"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    position: Mapped[float] = mapped_column(Float, default=0)
    name: Mapped[str] = mapped_column(String(500), default="")
    # False while the name follows the covered focus areas automatically.
    custom_name: Mapped[bool] = mapped_column(default=False)
    # The group of an earlier workshop this one continues.
    source_group_id: Mapped[str | None] = mapped_column(
        ForeignKey("work_group.id"), default=None, index=True
    )

    focus_links: Mapped[list[GroupFocusArea]] = relationship(order_by="GroupFocusArea.position")
    members: Mapped[list[GroupMember]] = relationship()


class GroupFocusArea(Tracked, Base):
    __tablename__ = "group_focus_area"

    group_id: Mapped[str] = mapped_column(ForeignKey("work_group.id"), index=True)
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_area.id"), index=True)
    position: Mapped[float] = mapped_column(Float, default=0)

    focus_area: Mapped[FocusArea] = relationship()

    __table_args__ = (UniqueConstraint("group_id", "focus_area_id"),)


class GroupMember(Tracked, Base):
    __tablename__ = "group_member"

    group_id: Mapped[str] = mapped_column(ForeignKey("work_group.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)

    person: Mapped[Person] = relationship()

    __table_args__ = (UniqueConstraint("group_id", "person_id"),)


class Wish(Tracked, Base):
    __tablename__ = "wish"

    group_id: Mapped[str] = mapped_column(ForeignKey("work_group.id"), index=True)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("wish.id"), default=None, index=True)
    position: Mapped[float] = mapped_column(Float, default=0)
    text: Mapped[str] = mapped_column(Text)
    votes: Mapped[int] = mapped_column(Integer, default=0)
    # The current status: the one its latest review gave it (services/follow_up.py).
    status: Mapped[WishStatus] = mapped_column(
        _enum(WishStatus, "wish_status"), default=WishStatus.OPEN
    )
    note: Mapped[str] = mapped_column(Text, default="")
    # Each database's share of the votes (store/vote_shares.py): votes from several
    # laptops add up. NULL: all votes are from before shares existed.
    vote_shares: Mapped[str | None] = mapped_column(Text, default=None)

    __table_args__ = (CheckConstraint("votes >= 0", name="votes_not_negative"),)


class Action(Tracked, Base):
    __tablename__ = "action"

    workshop_id: Mapped[str | None] = mapped_column(
        ForeignKey("workshop.id"), default=None, index=True
    )
    focus_area_id: Mapped[str | None] = mapped_column(
        ForeignKey("focus_area.id"), default=None, index=True
    )
    position: Mapped[float] = mapped_column(Float, default=0)
    text: Mapped[str] = mapped_column(Text)
    due_date: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[ActionStatus] = mapped_column(
        _enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    # The wish this action was made from (its wish → actions is a query).
    source_wish_id: Mapped[str | None] = mapped_column(
        ForeignKey("wish.id"), default=None, index=True
    )

    __table_args__ = (
        CheckConstraint(
            "workshop_id IS NOT NULL OR focus_area_id IS NOT NULL", name="has_owner"
        ),
    )


class FocusChoice(Tracked, Base):
    """A participant's choice of a focus area at a workshop (several per person allowed).

    Un-choosing tombstones the row; choosing again revives the same row, so the
    (workshop, person, area) triple stays unique and merges by content.
    """

    __tablename__ = "focus_choice"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    focus_area_id: Mapped[str] = mapped_column(ForeignKey("focus_area.id"), index=True)
    # 1 = first choice; None when the order of a person's choices does not matter.
    rank: Mapped[int | None] = mapped_column(Integer, default=None)

    __table_args__ = (
        UniqueConstraint("workshop_id", "person_id", "focus_area_id"),
        CheckConstraint("rank IS NULL OR rank >= 1", name="rank_positive"),
    )


def _exactly_one(*conditions: str) -> str:
    """SQL true when exactly one condition holds (portable: no boolean arithmetic)."""
    return " + ".join(f"(CASE WHEN {c} THEN 1 ELSE 0 END)" for c in conditions) + " = 1"


class Responsible(Tracked, Base):
    """One of several who carry a focus area or an action on: a person, an organisation
    or a text, in the facilitator's order."""

    __tablename__ = "responsible"

    focus_area_id: Mapped[str | None] = mapped_column(
        ForeignKey("focus_area.id"), default=None, index=True
    )
    action_id: Mapped[str | None] = mapped_column(
        ForeignKey("action.id"), default=None, index=True
    )
    review_id: Mapped[str | None] = mapped_column(
        ForeignKey("review.id"), default=None, index=True
    )
    position: Mapped[float] = mapped_column(Float, default=0)
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    organisation_id: Mapped[str | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    text: Mapped[str] = mapped_column(String(500), default="")

    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()

    __table_args__ = (
        CheckConstraint(_exactly_one("focus_area_id IS NOT NULL", "action_id IS NOT NULL",
                                     "review_id IS NOT NULL"), name="one_owner"),
        CheckConstraint(_exactly_one("person_id IS NOT NULL", "organisation_id IS NOT NULL",
                                     "text <> ''"), name="one_who"),
    )


class WorkshopRole(Tracked, Base):
    """A labelled person of the title block (Moderator, Föredragande …)."""

    __tablename__ = "workshop_role"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    position: Mapped[float] = mapped_column(Float, default=0)
    role: Mapped[RoleKind] = mapped_column(_enum(RoleKind, "role_kind"))
    label: Mapped[str] = mapped_column(String(100), default="")  # the label of an OTHER role
    person_id: Mapped[str | None] = mapped_column(
        ForeignKey("person.id"), default=None, index=True
    )
    name: Mapped[str] = mapped_column(String(300), default="")  # someone not in the register

    person: Mapped[Person | None] = relationship()

    __table_args__ = (
        CheckConstraint(_exactly_one("person_id IS NOT NULL", "name <> ''"), name="one_who"),
        CheckConstraint("role <> 'other' OR label <> ''", name="other_has_label"),
    )


class KeyFigure(Tracked, Base):
    """A figure the facilitator chose for the minutes: typed as written, or counted."""

    __tablename__ = "key_figure"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    position: Mapped[float] = mapped_column(Float, default=0)
    kind: Mapped[KeyFigureKind] = mapped_column(_enum(KeyFigureKind, "key_figure_kind"))
    metric: Mapped[Metric | None] = mapped_column(_enum(Metric, "metric"), default=None)
    value: Mapped[str] = mapped_column(String(100), default="")
    unit: Mapped[str] = mapped_column(String(100), default="")
    label: Mapped[str] = mapped_column(String(300), default="")
    sentence: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(
            "(kind = 'counted' AND metric IS NOT NULL) "
            "OR (kind = 'typed' AND metric IS NULL AND (value <> '' OR sentence <> ''))",
            name="typed_or_counted"),
    )


class Review(Tracked, Base):
    """What was said about an earlier wish or action when a later workshop followed it up.

    One row per item and workshop: a history, never overwritten by a later
    workshop, so reviews captured on several laptops merge by union. Its
    responsibles are ``responsible`` rows owned by the review.
    """

    __tablename__ = "review"

    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshop.id"), index=True)
    wish_id: Mapped[str | None] = mapped_column(ForeignKey("wish.id"), default=None, index=True)
    action_id: Mapped[str | None] = mapped_column(
        ForeignKey("action.id"), default=None, index=True
    )
    position: Mapped[float] = mapped_column(Float, default=0)  # the facilitator's order
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date, default=None)
    status: Mapped[ReviewStatus] = mapped_column(_enum(ReviewStatus, "review_status"))
    comment: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint(_exactly_one("wish_id IS NOT NULL", "action_id IS NOT NULL"),
                        name="one_item"),
    )


class StoreMeta(Base):
    """This database's own facts: its device id and its clock's last stamp."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Tombstone(Base):
    """A row gone for good (emptied trash, GDPR erasure): no package brings it back."""

    __tablename__ = "tombstone"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(120))
    reason: Mapped[TombstoneReason] = mapped_column(_enum(TombstoneReason, "tombstone_reason"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # On a server with units (#15) the project it belongs to and that project's unit,
    # filled by server-init's trigger; the rule of row-level security. NULL elsewhere.
    project_id: Mapped[str | None] = mapped_column(String(36), default=None)
    unit: Mapped[str | None] = mapped_column(String(200), default=None)


class MergeConflict(Base):
    """A field two laptops changed without seeing each other: the value kept (the newer
    stamp) and the other one, until the user chooses ("Konflikter")."""

    __tablename__ = "merge_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36), index=True)
    field: Mapped[str] = mapped_column(String(60))
    kept_value: Mapped[str | None] = mapped_column(Text)  # JSON of the package format
    kept_stamp: Mapped[str] = mapped_column(String(120))
    other_value: Mapped[str | None] = mapped_column(Text)
    other_stamp: Mapped[str] = mapped_column(String(120))
    source: Mapped[str] = mapped_column(String(500))  # the package it came with
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)
    chosen: Mapped[str | None] = mapped_column(String(10), default=None)  # "kept" / "other"
    # On a server with units (#15) the project it belongs to and that project's unit,
    # filled by server-init's trigger; the rule of row-level security. NULL elsewhere.
    project_id: Mapped[str | None] = mapped_column(String(36), default=None)
    unit: Mapped[str | None] = mapped_column(String(200), default=None)
