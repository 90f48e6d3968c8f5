"""Forming breakout groups from the participants' choices of focus areas.

:func:`propose_groups` is pure: it partitions the focus areas into N groups so
that every participant who chose something lands in a group covering one of
their chosen areas, with group sizes as even as possible. :func:`apply_proposal`
replaces a workshop's groups with a proposal in one transaction, and
:func:`restore_groups` undoes (and redoes) that.

How the areas are partitioned is in ``group_search``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from facilitator.messages import tr
from facilitator.services.core import Store, ValidationError, get_any, get_live, tombstone
from facilitator.services.group_search import PartitionSearch
from facilitator.services.groups import live_groups, live_links, set_links
from facilitator.store.models import Group, GroupMember, Person, Workshop


@dataclass(frozen=True)
class ProposedGroup:
    area_ids: tuple[str, ...]
    member_ids: tuple[str, ...]


@dataclass(frozen=True)
class Proposal:
    groups: tuple[ProposedGroup, ...]
    notes: tuple[str, ...] = ()  # plain Swedish remarks for the facilitator

    @property
    def sizes(self) -> tuple[int, ...]:
        return tuple(len(g.member_ids) for g in self.groups)


def propose_groups(area_ids: list[str], choices: Mapping[str, set[str]],
                   n_groups: int) -> Proposal:
    """Partition ``area_ids`` into ``n_groups`` groups and place every person in one.

    ``choices`` maps each participant to the areas they chose (an empty set for
    someone who chose none). Choices of areas not in ``area_ids`` are ignored.
    """
    areas = list(dict.fromkeys(area_ids))
    k = len(areas)
    if isinstance(n_groups, bool) or not isinstance(n_groups, int) or n_groups < 1:
        raise ValidationError(tr("The number of groups must be at least 1."))
    if k == 0:
        raise ValidationError(tr("The project has no focus areas to form groups from."))
    if n_groups > k:
        raise ValidationError(
            tr("{groups} groups cannot be formed from {areas} focus areas: every group "
               "needs at least one focus area. Choose at most {areas} groups."),
            groups=n_groups, areas=k)
    index = {a: i for i, a in enumerate(areas)}
    types: dict[int, list[str]] = {}
    for person, chosen in choices.items():
        mask = sum(1 << index[a] for a in set(chosen) if a in index)
        types.setdefault(mask, []).append(person)
    free = types.pop(0, [])
    search = PartitionSearch(k, n_groups, types, len(free))
    part = search.best()
    _, spread = search.allocate(part)
    members: list[list[str]] = [[] for _ in range(n_groups)]
    for mask, people in sorted(types.items()):
        group_mask = 0
        for i in range(k):
            if mask >> i & 1:
                group_mask |= 1 << part[i]
        quota = spread[group_mask]
        for person in people:  # where most of the person's own areas are, quota allowing
            g = max((g for g in range(n_groups) if quota[g]),
                    key=lambda g: (sum(1 for i in range(k) if mask >> i & 1 and part[i] == g),
                                   -g))
            quota[g] -= 1
            members[g].append(person)
    for person in free:
        members[min(range(n_groups), key=lambda g: (len(members[g]), g))].append(person)
    order = {p: i for i, p in enumerate(choices)}
    groups = tuple(
        ProposedGroup(tuple(a for a in areas if part[index[a]] == g),
                      tuple(sorted(members[g], key=order.__getitem__)))
        for g in range(n_groups))
    return Proposal(groups, _notes(groups, len(free), bool(types)))


def _notes(groups: tuple[ProposedGroup, ...], free: int, anyone_chose: bool) -> tuple[str, ...]:
    notes = []
    sizes = [len(g.member_ids) for g in groups]
    if not anyone_chose and free:
        notes.append("Ingen har valt fokusområde ännu: alla fördelas jämnt över grupperna.")
    elif free:
        notes.append(f"{free} deltagare utan val av fokusområde har lagts i de minsta "
                     "grupperna.")
    if sizes and max(sizes) - min(sizes) > 1:
        notes.append(f"Grupperna blir olika stora ({min(sizes)}–{max(sizes)} personer): "
                     "många valde samma fokusområden.")
    return tuple(notes)


# --- the store ------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupsState:
    """Which groups of a workshop are live, in order: what :func:`restore_groups` brings back."""

    group_ids: tuple[str, ...]


def apply_proposal(store: Store, workshop_id: str, proposal: Proposal) -> GroupsState:
    """Replace the workshop's groups by the proposal's; returns the groups it replaced.

    The old groups go to the trash with their members, areas and wishes intact.
    """
    with store.write() as tx:
        s = tx.session
        get_live(s, Workshop, workshop_id, tr("The workshop"))
        old = live_groups(s, workshop_id)
        for group in old:
            tombstone(group)
            tx.changed("group", group.id)
        s.flush()
        for position, proposed in enumerate(proposal.groups):
            group = Group(workshop_id=workshop_id, position=position)
            s.add(group)
            s.flush()
            set_links(tx, group, list(proposed.area_ids))
            for person_id in dict.fromkeys(proposed.member_ids):
                get_live(s, Person, person_id, tr("The person"))
                s.add(GroupMember(group_id=group.id, person_id=person_id))
            tx.changed("group", group.id)
        return GroupsState(tuple(g.id for g in old))


def restore_groups(store: Store, workshop_id: str, previous: GroupsState) -> GroupsState:
    """Make exactly ``previous``'s groups live again, in its order; returns the state replaced."""
    with store.write() as tx:
        s = tx.session
        current = live_groups(s, workshop_id)
        keep = set(previous.group_ids)
        for group in current:
            if group.id not in keep:
                tombstone(group)
                tx.changed("group", group.id)
        for position, group_id in enumerate(previous.group_ids):
            group = get_any(s, Group, group_id, tr("The group"))
            if group.workshop_id != workshop_id:
                raise ValidationError(tr("The group belongs to another workshop."))
            group.deleted_at, group.position = None, position
            tx.changed("group", group.id)
        return GroupsState(tuple(g.id for g in current))


def set_person_groups(store: Store, workshop_id: str, person_id: str,
                      group_ids: Sequence[str]) -> tuple[str, ...]:
    """Put a person in exactly these groups of the workshop (none: in no group).

    Moving someone is ``set_person_groups(…, [target])`` in one transaction;
    returns the groups they were in, so passing that back undoes the move.
    """
    with store.write() as tx:
        s = tx.session
        get_live(s, Person, person_id, tr("The person"))
        groups = live_groups(s, workshop_id)
        known = {g.id for g in groups}
        for group_id in group_ids:
            if group_id not in known:
                get_live(s, Group, group_id, tr("The group"))
                raise ValidationError(tr("The group belongs to another workshop."))
        old = []
        for group in groups:
            member = s.scalars(select(GroupMember).where(
                GroupMember.group_id == group.id, GroupMember.person_id == person_id)).first()
            was = member is not None and member.deleted_at is None
            if was:
                old.append(group.id)
            wanted = group.id in group_ids
            if wanted and member is None:
                s.add(GroupMember(group_id=group.id, person_id=person_id))
            elif member is not None and wanted and not was:
                member.deleted_at = None
            elif member is not None and was and not wanted:
                tombstone(member)
            if wanted != was:
                tx.changed("group", group.id)
        return tuple(old)


def set_area_groups(store: Store, workshop_id: str, area_id: str,
                    placements: Sequence[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """Let exactly these groups cover a focus area, each at its (group id, index).

    Returns the previous placements (for undo); automatic names follow.
    """
    with store.write() as tx:
        s = tx.session
        groups = live_groups(s, workshop_id)
        known = {g.id for g in groups}
        wanted = dict(placements)
        for group_id in wanted:
            if group_id not in known:
                get_live(s, Group, group_id, tr("The group"))
                raise ValidationError(tr("The group belongs to another workshop."))
        old = []
        for group in groups:
            current = [link.focus_area_id for link in live_links(group)]
            if area_id in current:
                old.append((group.id, current.index(area_id)))
            new = [a for a in current if a != area_id]
            if group.id in wanted:
                new.insert(max(0, min(wanted[group.id], len(new))), area_id)
            if new != current:
                set_links(tx, group, new)
                tx.changed("group", group.id)
        return tuple(old)
