"""Agenda sections: ordered items of a workshop, each with Markdown notes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    choice,
    get_any,
    get_live,
    next_position,
    optional_body,
    optional_line,
    required_line,
    tombstone,
    unchanged_fields,
    unchanged_since,
)
from facilitator.services.order_keys import reorder
from facilitator.store.models import FocusArea, Section, SectionKind, Workshop

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class SectionInfo:
    id: str
    workshop_id: str
    position: int
    heading: str
    body: str
    number: str
    kind: SectionKind
    focus_area_id: str | None


def _info(s: Section, index: int) -> SectionInfo:
    return SectionInfo(s.id, s.workshop_id, index, s.heading, s.body, s.number, s.kind,
                       s.focus_area_id)


def _live_sections(session: Session, workshop_id: str) -> list[Section]:
    return list(session.scalars(
        select(Section)
        .where(Section.workshop_id == workshop_id, Section.deleted_at.is_(None))
        .order_by(Section.position, Section.id)
    ))


def add_section(
    store: Store,
    workshop_id: str,
    heading: str,
    body: str = "",
    *,
    kind: SectionKind | str = SectionKind.TEXT,
    number: str = "",
    focus_area_id: str | None = None,
    position: int | None = None,
) -> str:
    with store.write() as tx:
        s = tx.session
        get_live(s, Workshop, workshop_id, tr("The workshop"))
        if focus_area_id is not None:
            get_live(s, FocusArea, focus_area_id, tr("The focus area"))
        section = Section(
            workshop_id=workshop_id,
            heading=required_line(heading, tr("The heading")),
            body=optional_body(body, tr("The notes")),
            kind=choice(kind, SectionKind, tr("Type of agenda item")),
            number=optional_line(number, tr("The number"), 20),
            focus_area_id=focus_area_id,
            position=next_position(s, Section.position, Section.workshop_id == workshop_id),
        )
        s.add(section)
        s.flush()
        if position is not None:
            reorder(_live_sections(s, workshop_id), section, position)
        tx.changed("section", section.id)
        return section.id


def list_sections(store: Store, workshop_id: str) -> list[SectionInfo]:
    with store.read() as session:
        return [_info(x, i) for i, x in enumerate(_live_sections(session, workshop_id))]


def get_section(store: Store, section_id: str) -> SectionInfo:
    with store.read() as session:
        section = get_live(session, Section, section_id, tr("The agenda item"))
        return _info(section, _live_sections(session, section.workshop_id).index(section))


def set_heading(store: Store, section_id: str, heading: str, *,
                expected: str | None = None) -> str:
    with store.write() as tx:
        section = get_live(tx.session, Section, section_id, tr("The agenda item"))
        if expected is not None:
            unchanged_fields(section, {"heading": expected}, tr("The heading"))
        old = section.heading
        section.heading = required_line(heading, tr("The heading"))
        tx.changed("section", section.id)
        return old


def set_body(store: Store, section_id: str, body: str, *, expected: str | None = None) -> str:
    """Store the section's Markdown notes; returns the previous text (for undo).

    ``expected``: the notes the user started from; refused if they changed since."""
    with store.write() as tx:
        section = get_live(tx.session, Section, section_id, tr("The agenda item"))
        old = section.body
        unchanged_since(old, expected, tr("these notes"))
        section.body = optional_body(body, tr("The notes"))
        tx.changed("section", section.id)
        return old


def move_section(store: Store, section_id: str, new_index: int) -> int:
    """Move to ``new_index`` in the agenda; returns the old index (for undo)."""
    with store.write() as tx:
        section = get_live(tx.session, Section, section_id, tr("The agenda item"))
        siblings = _live_sections(tx.session, section.workshop_id)
        old = siblings.index(section)
        reorder(siblings, section, new_index)
        tx.changed("section", section.id)
        return old


def delete_section(store: Store, section_id: str) -> None:
    with store.write() as tx:
        section = get_live(tx.session, Section, section_id, tr("The agenda item"))
        tombstone(section)
        tx.session.flush()
        tx.changed("section", section.id)


def restore_section(store: Store, section_id: str, index: int | None = None) -> None:
    with store.write() as tx:
        section = get_any(tx.session, Section, section_id, tr("The agenda item"))
        section.deleted_at = None
        tx.session.flush()
        siblings = _live_sections(tx.session, section.workshop_id)
        reorder(siblings, section, len(siblings) if index is None else index)
        tx.changed("section", section.id)


def set_kind(store: Store, section_id: str, kind: SectionKind | str) -> SectionKind:
    """Choose what the item renders in the minutes besides its notes; returns the old kind."""
    with store.write() as tx:
        section = get_live(tx.session, Section, section_id, tr("The agenda item"))
        old = section.kind
        section.kind = choice(kind, SectionKind, tr("Type of agenda item"))
        tx.changed("section", section.id)
        return old
