"""The computed parts of the minutes: focus areas, key figures, group work,
actions and attendance, each as a list of blocks built from the store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select

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
from facilitator.minutes.phrases import joined, metric_phrase
from facilitator.services.groups import group_name_for
from facilitator.services.key_figures import count_metrics, figures_of
from facilitator.store.models import (
    Action,
    Attendance,
    AttendanceStatus,
    FocusArea,
    Group,
    GroupMember,
    Organisation,
    Person,
    Responsible,
    Wish,
)
from facilitator.store.vocabulary import KeyFigureKind

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
        responsible = responsibles_text(ctx, "focus_area", area.id)
        if responsible:
            blocks.append(Paragraph(
                [Span(f"{ctx.labels.responsible}: ", bold=True), Span(responsible)], "closing"
            ))
    return blocks


def responsibles_text(ctx: Context, kind: str, owner_id: str) -> str:
    """"A, B och C": people as the workshop asks, organisations and texts as written."""
    parts = []
    for row in ctx.session.scalars(
        select(Responsible)
        .where((Responsible.focus_area_id if kind == "focus_area" else Responsible.action_id)
               == owner_id, Responsible.deleted_at.is_(None))
        .order_by(Responsible.position, Responsible.created_at)
    ):
        if row.person_id is not None:
            if row.person is not None and row.person.deleted_at is None:
                parts.append(ctx.person_phrase(row.person_id))
        elif row.organisation_id is not None:
            if row.organisation is not None and row.organisation.deleted_at is None:
                parts.append(ctx.text(row.organisation.name))
        else:
            parts.append(ctx.text(row.text))
    return joined(parts, ctx.workshop.language)


def key_figures_part(ctx: Context, heading: str, body: list[Block]) -> list[Block]:
    """The facilitator's figures after the section's notes: typed ones as written,
    counted ones counted now. Nothing the facilitator did not choose."""
    w = ctx.workshop
    figures = figures_of(ctx.session, w.id)
    counts = count_metrics(ctx.session, w) if any(
        f.kind == KeyFigureKind.COUNTED for f in figures) else {}
    lines = []
    for figure in figures:
        if figure.kind == KeyFigureKind.COUNTED and figure.metric is not None:
            lines.append(metric_phrase(figure.metric, counts[figure.metric], w.language))
        elif figure.sentence:
            lines.append(ctx.text(figure.sentence))
        else:
            amount = " ".join(x for x in (figure.value, figure.unit) if x)
            label = ctx.text(figure.label)
            lines.append(f"{label}: {amount}" if label else amount)
    blocks: list[Block] = [Heading(1, heading), *body]
    if lines:
        blocks.append(ListBlock(False, [ListItem([[Span(line)]]) for line in lines]))
    return blocks


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
    if only_if_groups and not groups_with_content(ctx):
        return []  # not in the agenda and nothing captured: e.g. groups copied from earlier
    if w.date is not None:
        date = long_date(w.date, w.language)
        if date.casefold() not in heading.casefold():
            heading = f"{heading} {date}"
    blocks: list[Block] = [Heading(1, heading), *body]
    names = [_group_name(ctx, g, i) for i, g in enumerate(groups, start=1)]
    listing = " ".join(f"{i}) {name}" for i, name in enumerate(names, start=1))
    if w.group_lead_text is None:  # the generated sentence, with the list after it
        if names:
            intro = labels.groups_intro.format(n=number_word(len(names), w.language))
            if len(names) == 1:
                intro = intro.replace("grupper", "grupp").replace("were", "was").replace(
                    "groups", "group")
            blocks.append(Paragraph([Span(f"{intro}: {listing}")]))
    else:
        blocks.extend(ctx.markdown(w.group_lead_text, 2))
        if names:
            blocks.append(Paragraph([Span(listing)]))
    blocks.extend(ctx.markdown(w.group_after_text, 2))
    wishes = _wishes_by_group(ctx, [g.id for g in groups])
    for group, name in zip(groups, names, strict=True):
        blocks.append(Heading(2, name))
        if w.show_group_members:
            blocks.extend(_members(ctx, group))
        tree = wishes.get(group.id)
        if tree:
            blocks.append(_wish_list(ctx, tree, None))
    return blocks


def groups_with_content(ctx: Context) -> set[str]:
    """The workshop's live groups that have a wish or a member."""
    live = select(Group.id).where(Group.workshop_id == ctx.workshop.id,
                                  Group.deleted_at.is_(None))
    found = set(ctx.session.scalars(select(Wish.group_id).where(
        Wish.group_id.in_(live), Wish.deleted_at.is_(None))))
    found.update(ctx.session.scalars(select(GroupMember.group_id).where(
        GroupMember.group_id.in_(live), GroupMember.deleted_at.is_(None))))
    return found


def _members(ctx: Context, group: Group) -> list[Block]:
    """"Deltagare: A, B och C" under a group's name (a count when anonymising)."""
    ids = [m.person_id for m in group.members
           if m.deleted_at is None and m.person_id in ctx.people
           and m.person.deleted_at is None]
    if not ids:
        return []
    labels, language = ctx.labels, ctx.workshop.language
    if ctx.options.anonymise:
        value = count_phrase(len(ids), labels.persons_one, labels.persons_many)
    else:
        names = sorted((ctx.people[i].name, i) for i in ids)
        value = joined([ctx.person_label(i) for _name, i in names], language)
    return [Paragraph([Span(f"{labels.members}: ", italic=True), Span(value, italic=True)],
                      "compact")]


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


WishRow = tuple[str, str | None, float, str, int]  # id, parent_id, order key, text, votes
WishTree = dict[str | None, list[WishRow]]  # parent id → children


def _wishes_by_group(ctx: Context, group_ids: list[str]) -> dict[str, WishTree]:
    """Per group: parent id → live children in capture order (one query for all groups)."""
    trees: dict[str, WishTree] = {}
    if not group_ids:
        return trees
    rows = ctx.session.execute(
        select(Wish.group_id, Wish.id, Wish.parent_id, Wish.position, Wish.text, Wish.votes)
        .where(Wish.group_id.in_(group_ids), Wish.deleted_at.is_(None))
        .order_by(Wish.group_id, Wish.position, Wish.id)
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
        responsible = responsibles_text(ctx, "action", a.id)
        due = a.due_date.isoformat() if a.due_date else ""
        rows.append([ctx.text(a.text), responsible, due])
    table = Table([labels.action, labels.responsible_col, labels.due], rows, [8.5, 5.0, 2.5])
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
    for person_id, name, org_name, role in rows:
        if person_id in ctx.hidden and not ctx.options.anonymise:
            shown = ctx.person_label(person_id)
        else:
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
