"""Breakout groups: which focus areas each covers, its name and its members."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import object_session

from facilitator.messages import tr
from facilitator.services.core import (
    Store,
    ValidationError,
    WriteTx,
    get_any,
    get_live,
    next_position,
    optional_line,
    tombstone,
    unchanged_fields,
)
from facilitator.services.order_keys import reorder
from facilitator.store.models import (
    FocusArea,
    Group,
    GroupFocusArea,
    GroupMember,
    Person,
    Workshop,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class GroupInfo:
    id: str
    workshop_id: str
    position: int
    name: str
    custom_name: bool
    focus_area_ids: tuple[str, ...]
    member_ids: tuple[str, ...]


def group_name_for(area_names: list[str]) -> str:
    """Name a group after its focus areas, the Swedish way.

    Two areas that share a word ending are joined with a hyphen, as in
    "Kultur- och Turismsamverkan"; otherwise "A och B", and "A, B och C".
    """
    names = [n.strip() for n in area_names if n.strip()]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        first, second = names
        suffix = _shared_ending(first, second)
        if suffix:
            return f"{first[: -len(suffix)]}- och {second}"
        return f"{first} och {second}"
    return ", ".join(names[:-1]) + " och " + names[-1]


# Common last elements of Swedish compounds in the names of focus areas. A shared
# ending is cut where one of these begins, so the linking "s" stays with the first
# word: "Landsbygds- och Stadsutveckling", not "Landsbyg- och Stadsutveckling".
_HEADS = ("utveckling", "samverkan", "samarbete", "försörjning", "analys", "dialog",
          "undersökning", "information", "kommunikation", "boende", "trafik",
          "planering", "arbete", "frågor", "service", "omsorg", "strategi", "politik",
          "verksamhet", "liv", "vård", "skola", "näring", "turism", "kultur", "miljö")
_VOWELS = set("aeiouyåäö")
# Consonant pairs a Swedish word may begin with; any other pair marks a compound seam.
_ONSETS = {"bl", "br", "dr", "dj", "fl", "fr", "gl", "gr", "gn", "gj", "hj", "kl", "kn", "kr",
           "kv", "kj", "lj", "pl", "pr", "sk", "sl", "sm", "sn", "sp", "st", "sv", "sj", "tr",
           "tv", "tj", "vr"}


def hyphenate_compound(name: str, longer_than: int = 12) -> str:
    """Break a long one-word compound before its last element: "Kompetens-\nförsörjning".

    For narrow column headers; other names come back unchanged.
    """
    if len(name) <= longer_than or " " in name or "-" in name:
        return name
    lowered = name.lower()
    head = max((h for h in _HEADS if lowered.endswith(h) and len(name) - len(h) >= 3),
               key=len, default="")
    return f"{name[: -len(head)]}-\n{name[-len(head):]}" if head else name


def _shared_ending(a: str, b: str) -> str:
    if " " in a or " " in b or "-" in a or "-" in b:
        return ""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n].lower() == b[-1 - n].lower():
        n += 1
    ending = a[-n:].lower() if n else ""
    head = max((h for h in _HEADS if ending.endswith(h)), key=len, default="")
    if head:
        n = len(head)
    else:
        while n > 1 and ending[0] not in _VOWELS and ending[1] not in _VOWELS \
                and ending[:2] not in _ONSETS:
            ending, n = ending[1:], n - 1
    if n < 5 or len(a) - n < 3 or len(b) - n < 3:
        return ""
    return a[-n:]


def live_groups(session: Session, workshop_id: str) -> list[Group]:
    """The workshop's groups that are not in the trash, in their order."""
    return list(session.scalars(
        select(Group)
        .where(Group.workshop_id == workshop_id, Group.deleted_at.is_(None))
        .order_by(Group.position, Group.id)
    ))


def live_links(group: Group) -> list[GroupFocusArea]:
    """The links to the focus areas ``group`` covers now (trashed links left out)."""
    return [link for link in group.focus_links if link.deleted_at is None]


def _refresh_auto_name(group: Group) -> None:
    """Name a group after its focus areas; "Grupp N" while it covers none."""
    if not group.custom_name:
        group.name = group_name_for(
            [link.focus_area.name for link in live_links(group)
             if link.focus_area.deleted_at is None]
        ) or f"Grupp {_number(group)}"


def _number(group: Group) -> int:
    """The group's place in its workshop, counted from 1 (its key may be 2.5)."""
    session = object_session(group)
    if session is None or group.deleted_at is not None:
        return 1
    session.flush()
    return live_groups(session, group.workshop_id).index(group) + 1


def refresh_group_names(tx: WriteTx, focus_area_id: str) -> None:
    """Rename the automatically named groups that cover a renamed or trashed area."""
    links = tx.session.scalars(
        select(GroupFocusArea).where(
            GroupFocusArea.focus_area_id == focus_area_id, GroupFocusArea.deleted_at.is_(None)
        )
    ).all()
    for link in links:
        group = tx.session.get(Group, link.group_id)
        if group is not None and group.deleted_at is None and not group.custom_name:
            old = group.name
            _refresh_auto_name(group)
            if group.name != old:
                tx.changed("group", group.id)


def _info(group: Group, index: int) -> GroupInfo:
    return GroupInfo(
        group.id, group.workshop_id, index, group.name, group.custom_name,
        tuple(link.focus_area_id for link in live_links(group)),
        tuple(m.person_id for m in group.members if m.deleted_at is None),
    )


def set_links(tx: WriteTx, group: Group, focus_area_ids: list[str]) -> None:
    """Let ``group`` cover exactly these areas of its project, in this order.

    Links to areas no longer covered go to the trash and come back when linked
    again; an automatic name follows the areas. The caller reports the change.
    """
    s = tx.session
    workshop = s.get(Workshop, group.workshop_id)
    assert workshop is not None
    for area_id in focus_area_ids:
        area = get_live(s, FocusArea, area_id, tr("The focus area"))
        if area.project_id != workshop.project_id:
            raise ValidationError(
                tr("The focus area ”{name}” belongs to another project."), name=area.name)
    existing = {link.focus_area_id: link for link in group.focus_links}
    link: GroupFocusArea | None
    for link in existing.values():
        if link.focus_area_id not in focus_area_ids and link.deleted_at is None:
            tombstone(link)
    for index, area_id in enumerate(dict.fromkeys(focus_area_ids)):
        link = existing.get(area_id)
        if link is None:
            link = GroupFocusArea(group_id=group.id, focus_area_id=area_id)
            s.add(link)
            group.focus_links.append(link)
        link.deleted_at = None
        link.position = index
    s.flush()
    s.refresh(group)
    _refresh_auto_name(group)


def create_group(
    store: Store, workshop_id: str, focus_area_ids: list[str] | None = None, name: str = ""
) -> str:
    with store.write() as tx:
        s = tx.session
        get_live(s, Workshop, workshop_id, tr("The workshop"))
        group = Group(
            workshop_id=workshop_id,
            position=next_position(s, Group.position, Group.workshop_id == workshop_id),
        )
        clean_name = optional_line(name, tr("The group's name"))
        s.add(group)
        s.flush()
        set_links(tx, group, list(focus_area_ids or []))
        if clean_name:
            group.name, group.custom_name = clean_name, True
        tx.changed("group", group.id)
        return group.id


def set_group_focus_areas(store: Store, group_id: str, focus_area_ids: list[str]) -> list[str]:
    """Set the areas a group covers; returns the previous list (for undo)."""
    with store.write() as tx:
        group = get_live(tx.session, Group, group_id, tr("The group"))
        old = [link.focus_area_id for link in live_links(group)]
        set_links(tx, group, focus_area_ids)
        tx.changed("group", group.id)
        return old


def rename_group(store: Store, group_id: str, name: str, *,
                 expected: str | None = None) -> tuple[str, bool]:
    """Rename; an empty name returns to the automatic name. Returns (old name, old custom).
    ``expected``: the name the user saw; refused if another user renamed it since."""
    with store.write() as tx:
        group = get_live(tx.session, Group, group_id, tr("The group"))
        if expected is not None:
            unchanged_fields(group, {"name": expected}, tr("The group's name"))
        old = (group.name, group.custom_name)
        clean = optional_line(name, tr("The group's name"))
        group.custom_name = bool(clean)
        if clean:
            group.name = clean
        else:
            _refresh_auto_name(group)
        tx.changed("group", group.id)
        return old


def set_members(store: Store, group_id: str, person_ids: list[str]) -> list[str]:
    """Set a group's members; returns the previous members (for undo)."""
    with store.write() as tx:
        s = tx.session
        group = get_live(s, Group, group_id, tr("The group"))
        for person_id in person_ids:
            get_live(s, Person, person_id, tr("The person"))
        existing = {m.person_id: m for m in group.members}
        old = [pid for pid, m in existing.items() if m.deleted_at is None]
        member: GroupMember | None
        for pid, member in existing.items():
            if pid not in person_ids and member.deleted_at is None:
                tombstone(member)
        for pid in dict.fromkeys(person_ids):
            member = existing.get(pid)
            if member is None:
                s.add(GroupMember(group_id=group.id, person_id=pid))
            else:
                member.deleted_at = None
        tx.changed("group", group.id)
        return old


def move_group(store: Store, group_id: str, new_index: int) -> int:
    with store.write() as tx:
        group = get_live(tx.session, Group, group_id, tr("The group"))
        siblings = live_groups(tx.session, group.workshop_id)
        old = siblings.index(group)
        reorder(siblings, group, new_index)
        tx.changed("group", group.id)
        return old


def delete_group(store: Store, group_id: str) -> None:
    with store.write() as tx:
        group = get_live(tx.session, Group, group_id, tr("The group"))
        tombstone(group)
        tx.session.flush()
        tx.changed("group", group.id)


def restore_group(store: Store, group_id: str, index: int | None = None) -> None:
    with store.write() as tx:
        group = get_any(tx.session, Group, group_id, tr("The group"))
        group.deleted_at = None
        tx.session.flush()
        siblings = live_groups(tx.session, group.workshop_id)
        reorder(siblings, group, len(siblings) if index is None else index)
        tx.changed("group", group.id)


def list_groups(store: Store, workshop_id: str) -> list[GroupInfo]:
    with store.read() as session:
        return [_info(g, i) for i, g in enumerate(live_groups(session, workshop_id))]
