"""The computed parts of the minutes: focus areas, key figures, group work,
actions and attendance, each as a list of blocks built from the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import distinct, func, select

from facilitator.minutes.labels import count_phrase, long_date, number_word
from facilitator.minutes.model import (
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Span,
    Table,
)
from facilitator.services.groups import group_name_for
from facilitator.store.models import (
    Action,
    Attendance,
    AttendanceStatus,
    FocusArea,
    Group,
    Organisation,
    Person,
    Wish,
    Workshop,
)

if TYPE_CHECKING:
    from facilitator.minutes.build import Context


def focus_areas_part(
    ctx: Context, heading: str, body: list[Block], only: set[str] | None = None
) -> list[Block]:
    """"Fokusområden", then "1. …" per area: narrative and who carries it on.

    All the project's areas, or ``only`` those ids (areas the workshop touched).
    """
    areas = [area for area in ctx.session.scalars(
        select(FocusArea)
        .where(FocusArea.project_id == ctx.workshop.project_id, FocusArea.deleted_at.is_(None))
        .order_by(FocusArea.position, FocusArea.created_at)
    ) if only is None or area.id in only]
    blocks: list[Block] = [Heading(1, heading), *body]
    for number, area in enumerate(areas, start=1):
        blocks.append(Heading(2, f"{number}. {ctx.text(area.name)}"))
        blocks.extend(ctx.markdown(area.narrative, 2))
        responsible = _area_responsible(ctx, area)
        if responsible:
            blocks.append(Paragraph(
                [Span(f"{ctx.labels.responsible}: ", bold=True), Span(responsible)], "closing"
            ))
    return blocks


def _area_responsible(ctx: Context, area: FocusArea) -> str:
    person = area.responsible_person
    if person is not None and person.deleted_at is None:
        if ctx.options.anonymise:
            return ctx.person_label(person.id)
        return person.name + (f", {person.title}" if person.title else "")
    org = area.responsible_organisation
    if org is not None and org.deleted_at is None:
        return ctx.text(org.name)
    return ctx.text(area.responsible_text)


def key_figures_part(ctx: Context, heading: str, body: list[Block]) -> list[Block]:
    """Numbers the app can count itself, as a bulleted list after the section's notes."""
    s, w, en = ctx.session, ctx.workshop, ctx.workshop.language == "en"
    attended = (Attendance.status == AttendanceStatus.ATTENDED) & Attendance.deleted_at.is_(None)
    live_person = Person.deleted_at.is_(None)
    here = s.scalar(
        select(func.count(distinct(Attendance.person_id)))
        .join(Person, Person.id == Attendance.person_id)
        .where(attended, live_person, Attendance.workshop_id == w.id)
    ) or 0
    project_workshops = select(Workshop.id).where(
        Workshop.project_id == w.project_id, Workshop.deleted_at.is_(None)
    )
    workshop_count = s.scalar(select(func.count()).select_from(project_workshops.subquery())) or 0
    met = s.scalar(
        select(func.count(distinct(Attendance.person_id)))
        .join(Person, Person.id == Attendance.person_id)
        .where(attended, live_person, Attendance.workshop_id.in_(project_workshops))
    ) or 0
    organisations = s.scalar(
        select(func.count(distinct(Person.organisation_id)))
        .join(Attendance, Attendance.person_id == Person.id)
        .join(Organisation, Organisation.id == Person.organisation_id)
        .where(attended, live_person, Organisation.deleted_at.is_(None),
               Attendance.workshop_id.in_(project_workshops))
    ) or 0
    group_ids = select(Group.id).where(Group.workshop_id == w.id, Group.deleted_at.is_(None))
    groups = s.scalar(select(func.count()).select_from(group_ids.subquery())) or 0
    wishes = s.scalar(
        select(func.count(Wish.id)).where(Wish.group_id.in_(group_ids), Wish.deleted_at.is_(None))
    ) or 0
    if en:
        lines = [
            f"People who attended this workshop: {here}",
            f"People met across the project's {workshop_count} workshops: {met}",
            f"Working groups: {groups}",
            f"Wishes and ambitions recorded: {wishes}",
            f"Organisations represented in the project's workshops: {organisations}",
        ]
    else:
        lines = [
            f"Deltagare i den här workshopen: {here}",
            f"Personer vi har träffat i projektets {workshop_count} workshoppar: {met}",
            f"Arbetsgrupper: {groups}",
            f"Önskemål och ambitioner: {wishes}",
            f"Organisationer som deltagit i projektets workshoppar: {organisations}",
        ]
    figures = ListBlock(False, [ListItem([[Span(line)]]) for line in lines])
    return [Heading(1, heading), *body, figures]


def group_work_part(
    ctx: Context, heading: str, body: list[Block], only_if_groups: bool = False
) -> list[Block]:
    """Heading with the date, "1) … 2) …", then each group's wishes as nested bullets."""
    s, w, labels = ctx.session, ctx.workshop, ctx.labels
    groups = s.scalars(
        select(Group)
        .where(Group.workshop_id == w.id, Group.deleted_at.is_(None))
        .order_by(Group.position, Group.created_at)
    ).all()
    if only_if_groups and not groups:
        return []
    if w.date is not None:
        date = long_date(w.date, w.language)
        if date.casefold() not in heading.casefold():
            heading = f"{heading} {date}"
    blocks: list[Block] = [Heading(1, heading), *body]
    names = [_group_name(ctx, g, i) for i, g in enumerate(groups, start=1)]
    if names:
        intro = labels.groups_intro.format(n=number_word(len(names), w.language))
        if len(names) == 1:
            intro = intro.replace("grupper", "grupp").replace("were", "was").replace(
                "groups", "group")
        listing = " ".join(f"{i}) {name}" for i, name in enumerate(names, start=1))
        blocks.append(Paragraph([Span(f"{intro}: {listing}")]))
    wishes = _wishes_by_group(ctx, [g.id for g in groups])
    for group, name in zip(groups, names, strict=True):
        blocks.append(Heading(2, name))
        tree = wishes.get(group.id)
        if tree:
            blocks.append(_wish_list(ctx, tree, None))
    return blocks


def _group_name(ctx: Context, group: Group, number: int) -> str:
    if group.custom_name and group.name.strip():
        return ctx.text(group.name)
    areas = [
        link.focus_area.name for link in group.focus_links
        if link.deleted_at is None and link.focus_area.deleted_at is None
    ]
    name = group_name_for(areas) or group.name.strip()
    fallback = "Group" if ctx.workshop.language == "en" else "Grupp"
    return ctx.text(name) or f"{fallback} {number}"


WishRow = tuple[str, str | None, int, str, int]  # id, parent_id, position, text, votes
WishTree = dict[str | None, list[WishRow]]  # parent id → children


def _wishes_by_group(ctx: Context, group_ids: list[str]) -> dict[str, WishTree]:
    """Per group: parent id → live children in capture order (one query for all groups)."""
    trees: dict[str, WishTree] = {}
    if not group_ids:
        return trees
    rows = ctx.session.execute(
        select(Wish.group_id, Wish.id, Wish.parent_id, Wish.position, Wish.text, Wish.votes)
        .where(Wish.group_id.in_(group_ids), Wish.deleted_at.is_(None))
        .order_by(Wish.group_id, Wish.position, Wish.created_at)
    ).all()
    for group_id, wish_id, parent_id, position, text, votes in rows:
        trees.setdefault(group_id, {}).setdefault(parent_id, []).append(
            (wish_id, parent_id, position, text, votes)
        )
    return trees


def _wish_list(ctx: Context, tree: WishTree, parent: str | None) -> ListBlock:
    siblings = tree.get(parent, [])
    if ctx.options.order == "votes":
        siblings = sorted(siblings, key=lambda row: -row[4])  # sorted() is stable
    labels = ctx.labels
    items: list[ListItem] = []
    for wish_id, _parent, _pos, text, votes in siblings:
        spans = [Span(ctx.text(text))]
        if ctx.options.show_votes and votes > 0:
            word = labels.votes_one if votes == 1 else labels.votes_many
            spans.append(Span(f" ({votes} {word})", italic=True))
        item = ListItem([spans])
        if wish_id in tree:
            item.children.append(_wish_list(ctx, tree, wish_id))
        items.append(item)
    return ListBlock(False, items)


def actions_part(ctx: Context) -> list[Block]:
    """"Åtgärder" as a table (Åtgärd | Ansvarig | Klart senast) when there are actions."""
    actions = ctx.session.scalars(
        select(Action)
        .where(Action.workshop_id == ctx.workshop.id, Action.deleted_at.is_(None))
        .order_by(Action.position, Action.created_at)
    ).all()
    if not actions:
        return []
    labels = ctx.labels
    rows = []
    for a in actions:
        responsible = ""
        if a.responsible_person_id and a.responsible_person_id in ctx.people:
            responsible = ctx.person_label(a.responsible_person_id)
        elif a.responsible_organisation_id:
            org = ctx.session.get(Organisation, a.responsible_organisation_id)
            responsible = ctx.text(org.name) if org is not None and org.deleted_at is None else ""
        responsible = responsible or ctx.text(a.responsible_text)
        due = a.due_date.isoformat() if a.due_date else ""
        rows.append([ctx.text(a.text), responsible, due])
    table = Table([labels.action, labels.responsible_col, labels.due], rows, [9.5, 4.0, 2.5])
    return [Heading(1, labels.actions), table]


def attendance_part(ctx: Context) -> list[Block]:
    """"Närvarande": who attended, grouped by organisation (counts when anonymising)."""
    rows = ctx.session.execute(
        select(Person.id, Person.name, Organisation.name, Attendance.role)
        .join(Attendance, Attendance.person_id == Person.id)
        .outerjoin(Organisation, Organisation.id == Person.organisation_id)
        .where(Attendance.workshop_id == ctx.workshop.id, Attendance.deleted_at.is_(None),
               Attendance.status == AttendanceStatus.ATTENDED, Person.deleted_at.is_(None))
        .order_by(func.lower(Person.name))
    ).all()
    if not rows:
        return []
    labels = ctx.labels
    by_org: dict[str, list[str]] = {}
    for _pid, name, org_name, role in rows:
        shown = name + (f" ({ctx.text(role)})" if role else "")
        by_org.setdefault(ctx.text(org_name or ""), []).append(shown)
    order = sorted((k for k in by_org if k), key=str.casefold)
    if "" in by_org:
        order.append("")
    blocks: list[Block] = [Heading(1, labels.attendance)]
    for org in order:
        people = by_org[org]
        if ctx.options.anonymise:
            value = count_phrase(len(people), labels.persons_one, labels.persons_many)
        else:
            value = ", ".join(people)
        blocks.append(Paragraph(
            [Span(f"{org or labels.others}: ", bold=True), Span(value)], "compact"
        ))
    return blocks
