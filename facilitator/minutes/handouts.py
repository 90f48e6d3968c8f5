"""Paper for the evening itself: the sign-in sheet (närvarolista) and the agenda handout.

Both are printed before the workshop, so they are built from what is known
then: the invited participants and the agenda items. They go through the same
MinutesDocument → .docx writer and template as the minutes, so an
organisation's template gives them its own look too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.minutes.labels import labels_for, long_date, time_span
from facilitator.minutes.model import (
    Block,
    Fact,
    Heading,
    ListBlock,
    ListItem,
    MinutesDocument,
    Paragraph,
    Span,
    Table,
)
from facilitator.services.core import Store, ValidationError, get_live
from facilitator.store.models import (
    Attendance,
    AttendanceStatus,
    Organisation,
    Person,
    Section,
    Workshop,
)
from facilitator.text import sort_key

MAX_BLANK_ROWS = 200
MAX_NOTICE = 5_000


@dataclass(frozen=True)
class HandoutWords:
    """The fixed words of the handouts in one language."""

    signin_type: str
    agenda_type: str
    name: str
    organisation: str
    signature: str
    may_be_named: str
    yes_no: str
    notice: str


SWEDISH = HandoutWords(
    signin_type="Närvarolista",
    agenda_type="Dagordning",
    name="Namn",
    organisation="Organisation",
    signature="Namnteckning",
    may_be_named="Får namnges i minnes­anteckningarna",
    yes_no="☐ ja   ☐ nej",
    notice=(
        "Vi för närvarolista för att veta vilka som var med, räkna hur många vi har träffat "
        "och kunna följa upp det som sägs i kväll. Uppgifterna behandlas enligt "
        "dataskyddsförordningen (GDPR) och sparas bara så länge projektet behöver dem. "
        "Minnesanteckningarna skickas till deltagarna och kan publiceras på kommunens "
        "webbplats: kryssa i om ditt namn får stå med i dem. Du kan när som helst be att "
        "få se, rätta eller ta bort det som finns sparat om dig."
    ),
)

ENGLISH = HandoutWords(
    signin_type="Sign-in sheet",
    agenda_type="Agenda",
    name="Name",
    organisation="Organisation",
    signature="Signature",
    may_be_named="May be named in the minutes",
    yes_no="☐ yes   ☐ no",
    notice=(
        "We keep a sign-in sheet to know who took part, to count how many people we have "
        "met and to follow up what is said tonight. The details are handled under the "
        "General Data Protection Regulation (GDPR) and kept only as long as the project "
        "needs them. The minutes are sent to participants and may be published on the "
        "municipality's website: tick whether your name may appear in them. You can ask "
        "at any time to see, correct or remove what is stored about you."
    ),
)


def handout_words(language: str) -> HandoutWords:
    return ENGLISH if language == "en" else SWEDISH


def default_notice(language: str) -> str:
    """The GDPR notice printed on a sign-in sheet unless the facilitator writes their own."""
    return handout_words(language).notice


def build_signin_sheet(
    store: Store, workshop_id: str, notice: str | None = None, blank_rows: int = 10
) -> MinutesDocument:
    """The sign-in sheet: the invited (and already checked-in) participants, then blank rows."""
    if not 0 <= blank_rows <= MAX_BLANK_ROWS:
        raise ValidationError(tr("The number of blank rows must be between 0 and {most}, "
                                 "not {rows}."), most=MAX_BLANK_ROWS, rows=blank_rows)
    if notice is not None and len(notice) > MAX_NOTICE:
        raise ValidationError(tr("The text about personal data is too long (at most {most} "
                                 "characters)."), most=MAX_NOTICE)
    with store.read() as session:
        workshop = get_live(session, Workshop, workshop_id, tr("The workshop"))
        words = handout_words(workshop.language)
        invited = session.execute(
            select(Person.name, Organisation.name)
            .join(Attendance, Attendance.person_id == Person.id)
            .outerjoin(Organisation, (Organisation.id == Person.organisation_id)
                       & Organisation.deleted_at.is_(None))
            .where(Attendance.workshop_id == workshop.id, Attendance.deleted_at.is_(None),
                   Attendance.status != AttendanceStatus.ABSENT, Person.deleted_at.is_(None))
        ).all()
        rows = [[name, org or "", "", words.yes_no]
                for name, org in sorted(invited, key=lambda row: sort_key(row[0]))]
        rows += [["", "", "", words.yes_no] for _ in range(blank_rows)]
        text = default_notice(workshop.language) if notice is None else notice.strip()
        body: list[Block] = []
        if text:
            body.extend(Paragraph([Span(part)], "lead") for part in _paragraphs(text))
        body.append(Table(
            [words.name, words.organisation, words.signature, words.may_be_named],
            rows, [4.6, 4.2, 4.2, 3.0], row_height_cm=0.95,
        ))
        return _document(workshop, words.signin_type, body)


def build_agenda_handout(store: Store, workshop_id: str) -> MinutesDocument:
    """The agenda as one page: title, date, time and venue, then the items numbered."""
    with store.read() as session:
        workshop = get_live(session, Workshop, workshop_id, tr("The workshop"))
        words = handout_words(workshop.language)
        sections = session.scalars(
            select(Section)
            .where(Section.workshop_id == workshop.id, Section.deleted_at.is_(None))
            .order_by(Section.position, Section.created_at)
        ).all()
        items = [s for s in sections if s.heading.strip()]
        body: list[Block] = []
        if items:
            body.append(Heading(1, words.agenda_type))
        if any(s.number.strip() for s in items):
            # The facilitator numbered the items themselves: print their numbers as typed.
            body.extend(Paragraph([Span(f"{s.number.strip()} {s.heading}".strip())], "compact")
                        for s in items)
        elif items:
            body.append(ListBlock(ordered=True, items=[ListItem([[Span(s.heading)]])
                                                       for s in items]))
        return _document(workshop, words.agenda_type, body)


def _document(workshop: Workshop, document_type: str, body: list[Block]) -> MinutesDocument:
    labels = labels_for(workshop.language)
    facts = []
    if workshop.date is not None:
        when = long_date(workshop.date, workshop.language)
        times = time_span(workshop.start_time, workshop.end_time, workshop.language)
        facts.append(Fact(labels.date, f"{when}, {times}" if times else when))
    if workshop.venue.strip():
        facts.append(Fact(labels.venue, workshop.venue))
    project = workshop.project.name
    return MinutesDocument(
        language=workshop.language,
        header_left=" – ".join(p for p in (workshop.issuing_unit, workshop.title) if p),
        document_type=document_type,
        title=workshop.title,
        issuing_unit=workshop.issuing_unit,
        facts=facts,
        lead=[],
        body=body,
        labels=labels,
        author=workshop.issuing_unit or project,
        subject=project,
        keywords=f"{document_type}; {project}",
        date=workshop.date,
    )


def _paragraphs(text: str) -> list[str]:
    parts = [" ".join(block.split()) for block in text.replace("\r", "").split("\n\n")]
    return [p for p in parts if p]


def export_signin_sheet(
    store: Store, workshop_id: str, out: Path, notice: str | None = None,
    blank_rows: int = 10, template: Path | None = None,
) -> Path:
    """Write the sign-in sheet to ``out`` (.docx) atomically; returns the path."""
    return _write(build_signin_sheet(store, workshop_id, notice, blank_rows), out, template)


def export_agenda_handout(
    store: Store, workshop_id: str, out: Path, template: Path | None = None
) -> Path:
    """Write the agenda handout to ``out`` (.docx) atomically; returns the path."""
    return _write(build_agenda_handout(store, workshop_id), out, template)


def _write(model: MinutesDocument, out: Path, template: Path | None) -> Path:
    from facilitator.minutes.export import write_docx

    return write_docx(model, Path(out), template)
