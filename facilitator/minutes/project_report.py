"""The project report (projektrapport): the raw material of a closing session's summary.

Figures for the whole project, then per focus area its narrative, who carries
it on, every workshop's wishes with their current status and the history of
their follow-ups, and its actions with due dates (overdue ones marked). It is
written in the project's language (its latest workshop's) through the same
MinutesDocument → .docx writer and template as the minutes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from facilitator.messages import tr
from facilitator.minutes.labels import labels_for, long_date
from facilitator.minutes.markdown import markdown_blocks
from facilitator.minutes.model import (
    Block,
    Fact,
    Heading,
    MinutesDocument,
    Paragraph,
    Span,
    Table,
)
from facilitator.minutes.report_data import ActionRow, AreaPart, ReportData, read_report
from facilitator.services.core import Store, get_live
from facilitator.store.models import Project
from facilitator.store.vocabulary import ReviewStatus


@dataclass(frozen=True)
class ReportWords:
    """The fixed words of the project report in one language."""

    document_type: str
    period: str
    figures: str
    measure: str
    count: str
    workshops_held: str
    people_met: str
    attendances: str
    organisations: str
    wishes: str
    wishes_with: str  # "Önskemål: {status}"
    wish: str
    workshop: str
    workshops: str
    date: str
    status: str
    reviews: str
    nothing: str
    other: str
    overdue: str
    statuses: dict[ReviewStatus, str]


SWEDISH = ReportWords(
    document_type="Projektrapport",
    period="Period",
    figures="Siffror för projektet",
    measure="Mått",
    count="Antal",
    workshops_held="Genomförda workshoppar",
    people_met="Personer vi har träffat",
    attendances="Deltaganden",
    organisations="Organisationer som varit representerade",
    wishes="Önskemål totalt",
    wishes_with="Önskemål: {status}",
    wish="Önskemål",
    workshop="Workshop",
    workshops="Workshoppar",
    date="Datum",
    status="Status",
    reviews="Uppföljningar",
    nothing="Inga önskemål eller åtgärder ännu.",
    other="Övrigt",
    overdue="försenad",
    statuses={ReviewStatus.OPEN: "Öppen", ReviewStatus.IN_PROGRESS: "Pågår",
              ReviewStatus.DONE: "Klar", ReviewStatus.DROPPED: "Struken"},
)

ENGLISH = ReportWords(
    document_type="Project report",
    period="Period",
    figures="Figures for the project",
    measure="Measure",
    count="Count",
    workshops_held="Workshops held",
    people_met="People met",
    attendances="Attendances",
    organisations="Organisations represented",
    wishes="Wishes in total",
    wishes_with="Wishes: {status}",
    wish="Wish",
    workshop="Workshop",
    workshops="Workshops",
    date="Date",
    status="Status",
    reviews="Follow-ups",
    nothing="No wishes or actions yet.",
    other="Other",
    overdue="overdue",
    statuses={ReviewStatus.OPEN: "Open", ReviewStatus.IN_PROGRESS: "In progress",
              ReviewStatus.DONE: "Done", ReviewStatus.DROPPED: "Dropped"},
)

# Columns of the tables, in cm: wishes and actions fill the default template's 16 cm.
FIGURE_WIDTHS = [10.0, 3.0]
WISH_WIDTHS = [6.6, 2.3, 1.9, 5.2]
ACTION_WIDTHS = [6.4, 4.4, 2.9, 2.3]


def report_words(language: str) -> ReportWords:
    return ENGLISH if language == "en" else SWEDISH


def build_project_report(store: Store, project_id: str,
                         today: dt.date | None = None) -> MinutesDocument:
    """The project report of ``project_id`` as plain data (reads only)."""
    with store.read() as session:
        project = get_live(session, Project, project_id, tr("The project"))
        data = read_report(session, project, today or dt.date.today())
    return _document(data, today or dt.date.today())


def export_project_report(store: Store, project_id: str, out: Path,
                          template: Path | None = None) -> Path:
    """Write the project report to ``out`` (.docx) atomically; returns the path."""
    from facilitator.minutes.export import write_docx

    return write_docx(build_project_report(store, project_id), Path(out), template)


def _document(data: ReportData, today: dt.date) -> MinutesDocument:
    words, labels = report_words(data.language), labels_for(data.language)
    facts = []
    span = _date_span(data.first_date, data.last_date, data.language)
    if span:
        facts.append(Fact(words.period, span))
    body: list[Block] = [Heading(1, words.figures), _figures(data, words)]
    if data.workshops:
        body += [Heading(1, words.workshops),
                 Table([words.date, words.workshop],
                       [[d.isoformat() if d else "", title] for d, title in data.workshops],
                       [3.0, 10.0])]
    named = [part for part in data.areas if part.id is not None]
    if named:
        body.append(Heading(1, labels.focus_areas))
    for number, part in enumerate(named, start=1):
        body.append(Heading(2, f"{number}. {part.name}"))
        body.extend(markdown_blocks(part.narrative, 2))
        if part.responsibles:
            body.append(Paragraph([Span(f"{labels.responsible}: ", bold=True),
                                   Span(part.responsibles)], "closing"))
        body.extend(_items(part, words, today, 3))
    for part in data.areas:
        if part.id is None:
            body.append(Heading(1, words.other))
            body.extend(_items(part, words, today, 2))
    return MinutesDocument(
        language=data.language,
        header_left=" – ".join(p for p in (data.issuing_unit, data.project_name) if p),
        document_type=words.document_type,
        title=data.project_name,
        issuing_unit=data.issuing_unit,
        facts=facts,
        lead=[],
        body=body,
        labels=labels,
        author=data.issuing_unit or data.project_name,
        subject=data.project_name,
        keywords=f"{words.document_type}; {data.project_name}",
        date=data.last_date,
    )


def _date_span(first: dt.date | None, last: dt.date | None, language: str) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return long_date(first, language)
    return f"{long_date(first, language)} – {long_date(last, language)}"


def _figures(data: ReportData, words: ReportWords) -> Table:
    def number(n: int) -> str:
        return f"{n:,}".replace(",", "," if data.language == "en" else "\u00a0")

    rows = [[words.workshops_held, number(data.workshops_held)],
            [words.people_met, number(data.people_met)],
            [words.attendances, number(data.attendances)],
            [words.organisations, number(data.organisations)],
            [words.wishes, number(sum(data.wishes_by_status.values()))]]
    rows += [[words.wishes_with.format(status=words.statuses[status].lower()), number(n)]
             for status, n in data.wishes_by_status.items()]
    return Table([words.measure, words.count], rows, FIGURE_WIDTHS)


def _items(part: AreaPart, words: ReportWords, today: dt.date, level: int) -> list[Block]:
    """The area's wishes and actions as tables under their own headings (none: a line)."""
    labels = labels_for("en" if words is ENGLISH else "sv")
    blocks: list[Block] = []
    if part.wishes:
        blocks.append(Heading(level, words.wish))
        blocks.append(Table(
            [words.wish, words.workshop, words.status, words.reviews],
            [["\u2003" * wish.depth + ("– " if wish.depth else "") + wish.text,
              wish.workshop, words.statuses[wish.status],
              "\n".join(_review_line(line.reviewed_on, line.workshop_title,
                                     words.statuses[line.status], line.comment)
                        for line in wish.history)]
             for wish in part.wishes],
            WISH_WIDTHS))
    if part.actions:
        blocks.append(Heading(level, labels.actions))
        blocks.append(Table(
            [labels.action, labels.responsible_col, labels.due, words.status],
            [[action.text, action.responsibles, _due(action, words, today),
              words.statuses[action.status]] for action in part.actions],
            ACTION_WIDTHS))
    if not blocks:
        blocks.append(Paragraph([Span(words.nothing, italic=True)]))
    return blocks


def _review_line(on: dt.date | None, workshop: str, status: str, comment: str) -> str:
    """"2026-06-10 Sommarmöte: Pågår – comment" (the comment on one line)."""
    text = f"{on.isoformat()} {workshop}" if on is not None else workshop
    flat = " ".join(comment.split())
    return f"{text}: {status}" + (f" – {flat}" if flat else "")


def _due(action: ActionRow, words: ReportWords, today: dt.date) -> str:
    if action.due_date is None:
        return ""
    due = action.due_date.isoformat()
    return f"{due} ({words.overdue})" if action.overdue(today) else due
