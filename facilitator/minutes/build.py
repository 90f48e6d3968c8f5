"""Store → MinutesDocument: read one workshop (read-only) and lay out its minutes.

The agenda order decides where focus areas, key figures and group work appear
(Section.kind). A workshop with groups but no group-work section, that touched
focus areas (through its groups or sections) but has no focus-area section, or
that has key figures but no key-figures section, gets them appended after its
own sections (only the areas it touched).

Names: anonymising replaces every known person by a stand-in (role, title or
organisation); an export for publication replaces only those who said they
must not be named (``Attendance.may_be_named``), and counts what it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.messages import tr
from facilitator.minutes.anonymise import Anonymiser
from facilitator.minutes.errors import MinutesError
from facilitator.minutes.follow_up_part import follow_up_part
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
from facilitator.minutes.phrases import joined, person_phrase, role_label
from facilitator.minutes.sections import (
    actions_part,
    attendance_part,
    focus_areas_part,
    group_work_part,
    groups_with_content,
    key_figures_part,
)
from facilitator.services.core import Store, get_live
from facilitator.services.key_figures import figures_of
from facilitator.services.roles import roles_of
from facilitator.store.models import (
    Attendance,
    GroupFocusArea,
    Organisation,
    Person,
    Section,
    SectionKind,
    Workshop,
)
from facilitator.store.vocabulary import RoleKind


@dataclass(frozen=True)
class Named:
    """A person as the minutes may write them, and what stands in for their name."""

    name: str
    stand_in: str
    title: str = ""
    organisation: str = ""


@dataclass
class Context:
    """What every part of the minutes needs while it is being built."""

    session: Session
    workshop: Workshop
    options: MinutesOptions
    labels: Labels
    anon: Anonymiser
    people: dict[str, Named] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)  # people not to be named in this export

    def text(self, value: str | None) -> str:
        return self.anon.apply(value or "")

    def markdown(self, value: str | None, base_level: int) -> list[Block]:
        return list(markdown_blocks(self.text(value), base_level))

    def is_hidden(self, person_id: str) -> bool:
        return self.options.anonymise or person_id in self.hidden

    def person_label(self, person_id: str | None) -> str:
        """A person's name, or their stand-in (role or organisation) when it is hidden."""
        if person_id is None or person_id not in self.people:
            return ""
        person = self.people[person_id]
        if self.is_hidden(person_id):
            self.anon.note(person.name)
            return self.anon.apply(person.stand_in)
        return person.name

    def person_phrase(self, person_id: str) -> str:
        """A responsible person written as the workshop asks ("Name, title på Org")."""
        if person_id not in self.people or self.is_hidden(person_id):
            return self.person_label(person_id)
        person = self.people[person_id]
        return person_phrase(person.name, self.text(person.title),
                             self.text(person.organisation), self.workshop.responsible_form,
                             self.workshop.language)


def build_minutes(store: Store, workshop_id: str, options: MinutesOptions) -> MinutesDocument:
    """The minutes of ``workshop_id`` as plain data (reads only)."""
    if options.order not in ("capture", "votes"):
        raise MinutesError(tr("Unknown order {order!r} (capture or votes)."), order=options.order)
    with store.read() as session:
        workshop = get_live(session, Workshop, workshop_id, tr("The workshop"))
        labels = labels_for(workshop.language)
        people = _people(session, workshop, labels)
        hidden = _not_to_be_named(session, workshop) if options.for_publication else set()
        replaced = people if options.anonymise else {k: people[k] for k in hidden if k in people}
        anon = Anonymiser(((p.name, p.stand_in) for p in replaced.values()), bool(replaced))
        ctx = Context(session, workshop, options, labels, anon, people, hidden)
        document = _document(ctx)
        document.names_replaced = anon.replacements
        document.people_replaced = len(anon.replaced)
        return document


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
    leaders, others = _roles(ctx)
    pairs = [
        *leaders,
        (labels.case, ctx.text(w.case_reference)),
        (labels.date, date),
        (labels.venue, ctx.text(w.venue)),
        *others,
    ]
    return [Fact(label, value) for label, value in pairs if value]


def _roles(ctx: Context) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The title block's roles, one line per label ("Moderator: A och B"): the project
    leader first, as the organisation's minutes have it, the others after the venue."""
    language = ctx.workshop.language
    holders: dict[str, list[str]] = {}
    leading: set[str] = set()
    for info in roles_of(ctx.session, ctx.workshop.id):
        entry = info.entry
        label = ctx.text(role_label(entry.role, entry.label, language))
        holder = ctx.person_label(entry.person_id) if entry.person_id else ctx.text(entry.name)
        holders.setdefault(label, []).append(holder)
        if entry.role == RoleKind.PROJECT_LEADER:
            leading.add(label)
    lines = [(label, joined(names, language)) for label, names in holders.items()]
    return ([x for x in lines if x[0] in leading], [x for x in lines if x[0] not in leading])


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
        elif section.kind == SectionKind.FOLLOW_UP:  # only where the agenda puts it
            blocks.extend(follow_up_part(ctx, heading, body))
        else:
            blocks.append(Heading(1, heading))
            blocks.extend(body)
    if SectionKind.FOCUS_AREAS not in kinds_seen:
        touched = _touched_focus_areas(ctx, sections)
        if touched:
            blocks.extend(focus_areas_part(ctx, ctx.labels.focus_areas, [], touched))
    if SectionKind.KEY_FIGURES not in kinds_seen and figures_of(s, w.id):
        blocks.extend(key_figures_part(ctx, ctx.labels.key_figures, []))
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
        .where(GroupFocusArea.group_id.in_(groups_with_content(ctx)),
               GroupFocusArea.deleted_at.is_(None))
    ))
    return {area_id for area_id in touched if area_id}


def _people(session: Session, workshop: Workshop, labels: Labels) -> dict[str, Named]:
    """Every known person (also in the trash: their names may linger in text) → stand-in."""
    roles = dict(session.execute(
        select(Attendance.person_id, Attendance.role).where(
            Attendance.workshop_id == workshop.id, Attendance.deleted_at.is_(None)
        )
    ).all())
    rows = session.execute(
        select(Person.id, Person.name, Person.title, Organisation.name,
               Organisation.deleted_at)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
    ).all()
    people: dict[str, Named] = {}
    for person_id, name, title, org_name, org_deleted in rows:
        organisation = org_name if org_name and org_deleted is None else ""
        stand_in = (roles.get(person_id) or title or organisation or labels.participant).strip()
        people[person_id] = Named(name, stand_in, title, organisation)
    return people


def _not_to_be_named(session: Session, workshop: Workshop) -> set[str]:
    """People who must not be named in this workshop's published minutes: their answer
    at this workshop, or, for those not on its list, their latest answer in the project."""
    rows = session.execute(
        select(Attendance.person_id, Attendance.workshop_id, Attendance.may_be_named)
        .join(Workshop, Workshop.id == Attendance.workshop_id)
        .where(Workshop.project_id == workshop.project_id, Attendance.deleted_at.is_(None))
        .order_by(Workshop.date.is_(None), Workshop.date, Attendance.updated_at)
    ).all()
    answer: dict[str, bool] = {}
    here: set[str] = set()
    for person_id, workshop_id, may_be_named in rows:
        if workshop_id == workshop.id:
            here.add(person_id)
            answer[person_id] = may_be_named
        elif person_id not in here:
            answer[person_id] = may_be_named
    return {person_id for person_id, allowed in answer.items() if not allowed}
