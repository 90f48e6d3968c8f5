"""Store → MinutesDocument: read one workshop (read-only) and lay out its minutes.

The agenda order decides where focus areas, key figures and group work appear
(Section.kind). A workshop with groups but no group-work section, or that
touched focus areas (through its groups or sections) but has no focus-area
section, gets them appended after its own sections (only the areas it touched).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.minutes.anonymise import Anonymiser
from facilitator.minutes.errors import MinutesError
from facilitator.minutes.labels import labels_for, long_date, time_span
from facilitator.minutes.markdown import markdown_blocks
from facilitator.minutes.model import (
    Block,
    Fact,
    Heading,
    Labels,
    ListBlock,
    MinutesDocument,
    MinutesOptions,
    Paragraph,
    Quote,
    Span,
)
from facilitator.minutes.sections import (
    actions_part,
    attendance_part,
    focus_areas_part,
    group_work_part,
    key_figures_part,
)
from facilitator.services.core import Store, get_live
from facilitator.store.models import (
    Attendance,
    Group,
    GroupFocusArea,
    Organisation,
    Person,
    Section,
    SectionKind,
    Workshop,
)


@dataclass
class Context:
    """What every part of the minutes needs while it is being built."""

    session: Session
    workshop: Workshop
    options: MinutesOptions
    labels: Labels
    anon: Anonymiser
    people: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (name, stand-in)

    def text(self, value: str | None) -> str:
        return self.anon.apply(value or "")

    def markdown(self, value: str | None, base_level: int) -> list[Block]:
        return list(markdown_blocks(self.text(value), base_level))

    def person_label(self, person_id: str | None) -> str:
        """A person's name, or their stand-in (role or organisation) when anonymising."""
        if person_id is None or person_id not in self.people:
            return ""
        name, stand_in = self.people[person_id]
        return self.anon.apply(stand_in) if self.options.anonymise else name


def build_minutes(store: Store, workshop_id: str, options: MinutesOptions) -> MinutesDocument:
    """The minutes of ``workshop_id`` as plain data (reads only)."""
    if options.order not in ("capture", "votes"):
        raise MinutesError(tr("Unknown order {order!r} (capture or votes)."), order=options.order)
    with store.read() as session:
        workshop = get_live(session, Workshop, workshop_id, tr("The workshop"))
        labels = labels_for(workshop.language)
        people = _people(session, workshop, labels)
        anon = Anonymiser(
            ((name, stand_in) for name, stand_in in people.values()), options.anonymise
        )
        ctx = Context(session, workshop, options, labels, anon, people)
        return _document(ctx)


def _document(ctx: Context) -> MinutesDocument:
    w, labels = ctx.workshop, ctx.labels
    title = ctx.text(w.title)
    unit = ctx.text(w.issuing_unit)
    doc_type = ctx.text(w.document_type) or labels.default_document_type
    if w.language == "en" and doc_type == "Minnesanteckningar":
        doc_type = labels.default_document_type
    lead = [_lead_block(b) for b in ctx.markdown(w.lead, 1)]
    return MinutesDocument(
        language=w.language,
        header_left=" – ".join(part for part in (unit, title) if part),
        document_type=doc_type,
        title=title,
        issuing_unit=unit,
        facts=_facts(ctx),
        lead=lead,
        body=_body(ctx),
        labels=labels,
        author=unit or ctx.text(w.project.name),
        subject=ctx.text(w.project.name),
        keywords=f"{doc_type}; {ctx.text(w.project.name)}",
        date=w.date,
    )


def _lead_block(block: Block) -> Paragraph | ListBlock | Quote:
    if isinstance(block, Heading):
        return Paragraph([Span(block.text, bold=True)])
    assert isinstance(block, Paragraph | ListBlock | Quote)
    return block


def _facts(ctx: Context) -> list[Fact]:
    w, labels = ctx.workshop, ctx.labels
    date = ""
    if w.date is not None:
        date = long_date(w.date, w.language)
        times = time_span(w.start_time, w.end_time, w.language)
        if times:
            date = f"{date}, {times}"
    pairs = [
        (labels.project_leader, ctx.text(w.project_leader)),
        (labels.case, ctx.text(w.case_reference)),
        (labels.date, date),
        (labels.venue, ctx.text(w.venue)),
        (labels.moderator, ctx.text(w.moderator)),
        (labels.note_taker, ctx.text(w.note_taker)),
    ]
    return [Fact(label, value) for label, value in pairs if value]


def _body(ctx: Context) -> list[Block]:
    s, w = ctx.session, ctx.workshop
    sections = list(s.scalars(
        select(Section)
        .where(Section.workshop_id == w.id, Section.deleted_at.is_(None))
        .order_by(Section.position, Section.created_at)
    ))
    blocks: list[Block] = []
    kinds_seen: set[SectionKind] = set()
    for section in sections:
        heading = ctx.text(section.heading)
        number = section.number.strip()
        if number:
            heading = f"{number} {heading}" if number[-1] in ".):" else f"{number}. {heading}"
        kinds_seen.add(section.kind)
        body = ctx.markdown(section.body, 1)
        if section.kind == SectionKind.FOCUS_AREAS:
            blocks.extend(focus_areas_part(ctx, heading, body))
        elif section.kind == SectionKind.KEY_FIGURES:
            blocks.extend(key_figures_part(ctx, heading, body))
        elif section.kind == SectionKind.GROUP_WORK:
            blocks.extend(group_work_part(ctx, heading, body))
        else:
            blocks.append(Heading(1, heading))
            blocks.extend(body)
    if SectionKind.FOCUS_AREAS not in kinds_seen:
        touched = _touched_focus_areas(ctx, sections)
        if touched:
            blocks.extend(focus_areas_part(ctx, ctx.labels.focus_areas, [], touched))
    if SectionKind.GROUP_WORK not in kinds_seen:
        blocks.extend(group_work_part(ctx, ctx.labels.group_work, [], only_if_groups=True))
    blocks.extend(actions_part(ctx))
    if ctx.options.include_participants:
        blocks.extend(attendance_part(ctx))
    return blocks


def _touched_focus_areas(ctx: Context, sections: list[Section]) -> set[str]:
    """Focus areas this workshop worked on: covered by its groups or named by its sections."""
    touched = {s.focus_area_id for s in sections if s.focus_area_id}
    touched.update(ctx.session.scalars(
        select(GroupFocusArea.focus_area_id)
        .join(Group, Group.id == GroupFocusArea.group_id)
        .where(Group.workshop_id == ctx.workshop.id, Group.deleted_at.is_(None),
               GroupFocusArea.deleted_at.is_(None))
    ))
    return {area_id for area_id in touched if area_id}


def _people(session: Session, workshop: Workshop, labels: Labels) -> dict[str, tuple[str, str]]:
    """Every known person (also in the trash: their names may linger in text) → stand-in."""
    roles = dict(session.execute(
        select(Attendance.person_id, Attendance.role).where(
            Attendance.workshop_id == workshop.id, Attendance.deleted_at.is_(None)
        )
    ).all())
    rows = session.execute(
        select(Person.id, Person.name, Person.title, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
    ).all()
    people: dict[str, tuple[str, str]] = {}
    for person_id, name, title, org_name in rows:
        stand_in = (roles.get(person_id) or title or org_name or labels.participant).strip()
        people[person_id] = (name, stand_in)
    return people

