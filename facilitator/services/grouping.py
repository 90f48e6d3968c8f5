"""Forming breakout groups from the participants' choices of focus areas.

:func:`propose_groups` is pure: it partitions the focus areas into N groups so
that every participant who chose something lands in a group covering one of
their chosen areas, with group sizes as even as possible. :func:`apply_proposal`
replaces a workshop's groups with a proposal in one transaction, and
:func:`restore_groups` undoes (and redoes) that.

The search, per partition of the areas (``part[i]`` = the group of area ``i``):

1. people are reduced to *types*, the set of groups their chosen areas fall in;
   those with one group are placed there, the rest go one by one (fewest
   options first) to their smallest allowed group, then single moves from a
   larger to a smaller allowed group even out what the greedy left; people
   with no choice fill the smallest groups last;
2. partitions are compared by (size spread, sum of squared sizes, − pairs of
   areas chosen together by the same people kept in one group, spread of the
   number of areas per group, the partition itself): deterministic;
3. every partition is tried when there are few (six areas in three groups:
   90), otherwise a local search (move one area, swap two) from three starts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from facilitator.services.core import Store, ValidationError, get_any, get_live, tombstone
from facilitator.services.groups import _live_groups, _live_links, _set_links
from facilitator.store.models import Group, GroupMember, Person, Workshop

EXHAUSTIVE_LIMIT = 400  # partitions tried one by one below this many
EVALUATIONS = 300  # full allocations at most per proposal: keeps it fast (< 50 ms)


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


@cache
def _stirling(k: int, n: int) -> int:
    if k == n:
        return 1
    if n == 0 or n > k:
        return 0
    return n * _stirling(k - 1, n) + _stirling(k - 1, n - 1)


class _Search:
    """The partition search over area indices 0..k-1 for one set of choices."""

    def __init__(self, k: int, n: int, types: dict[int, list[str]], free: int) -> None:
        self.k, self.n, self.free = k, n, free
        self.types = [(tuple(i for i in range(k) if mask >> i & 1), len(people))
                      for mask, people in sorted(types.items())]
        self.together = [[0] * k for _ in range(k)]
        for areas, count in self.types:
            for a in areas:
                for b in areas:
                    if a < b:
                        self.together[a][b] += count
        self.pairs = [(a, b, self.together[a][b]) for a in range(k) for b in range(a + 1, k)
                      if self.together[a][b]]
        self.popularity = [sum(c for areas, c in self.types if i in areas) for i in range(k)]
        self.total = sum(c for _, c in self.types) + free
        self.budget = EVALUATIONS
        q, r = divmod(self.total, n)
        self.ideal = (1 if r else 0, r * (q + 1) ** 2 + (n - r) * q * q)
        self.cache: dict[tuple[int, ...], tuple] = {}

    def allocate(self, part: Sequence[int]) -> tuple[list[int], dict[int, list[int]]]:
        """Group sizes and, per group mask, how many of its people go to each group."""
        n = self.n
        by_mask: dict[int, int] = {}
        for areas, count in self.types:
            mask = 0
            for a in areas:
                mask |= 1 << part[a]
            by_mask[mask] = by_mask.get(mask, 0) + count
        sizes = [0] * n
        spread: dict[int, list[int]] = {}
        order = sorted(by_mask, key=lambda m: (m.bit_count(), m))
        for mask in order:
            counts = spread[mask] = [0] * n
            if mask.bit_count() == 1:
                g = mask.bit_length() - 1
                sizes[g] += by_mask[mask]
                counts[g] = by_mask[mask]
                continue
            allowed = [g for g in range(n) if mask >> g & 1]
            for _ in range(by_mask[mask]):
                g = min(allowed, key=sizes.__getitem__)
                sizes[g] += 1
                counts[g] += 1
        final = self._fill(sizes)
        if max(final) - min(final) > 1:
            self._even_out(sizes, spread, order)
            final = self._fill(sizes)
        return final, spread

    def _fill(self, sizes: list[int]) -> list[int]:
        """The sizes once the people without a choice have filled the smallest groups."""
        final = list(sizes)
        for _ in range(self.free):
            final[final.index(min(final))] += 1
        return final

    def _even_out(self, sizes: list[int], spread: dict[int, list[int]],
                  order: list[int]) -> None:
        """Move single people from a larger to a smaller group they may join, while any can."""
        n = self.n
        moved = True
        while moved:
            moved = False
            for mask in order:
                counts = spread[mask]
                if mask.bit_count() == 1:
                    continue
                for source in range(n):
                    if not counts[source]:
                        continue
                    for target in range(n):
                        if mask >> target & 1 and sizes[target] + 1 < sizes[source]:
                            step = min(counts[source], (sizes[source] - sizes[target]) // 2)
                            counts[source] -= step
                            counts[target] += step
                            sizes[source] -= step
                            sizes[target] += step
                            moved = True

    def score(self, part: tuple[int, ...], bound: tuple | None = None) -> tuple:
        """The sort key of a partition (smaller is better).

        With a ``bound`` whose sizes are already as even as sizes can be, only the
        cheap tail (areas kept together, areas per group) can win, so a partition
        that loses there is returned as ``bound`` without allocating anyone.
        """
        found = self.cache.get(part)
        if found is not None:
            return found
        kept = sum(w for a, b, w in self.pairs if part[a] == part[b])
        per_group = [part.count(g) for g in range(self.n)]
        tail = (-kept, max(per_group) - min(per_group), part)
        if bound is not None and bound[:2] == self.ideal and tail >= bound[2:]:
            return bound
        if bound is not None and (self.budget <= 0 or self._spread_floor(part) > bound[0]):
            # out of budget, or even the best allocation could not be as even as ``bound``
            return bound
        self.budget -= 1
        sizes, _ = self.allocate(part)
        found = (max(sizes) - min(sizes), sum(s * s for s in sizes), *tail)
        self.cache[part] = found
        return found

    def _spread_floor(self, part: tuple[int, ...]) -> int:
        """A spread no allocation can beat: the people held in one group by their choices."""
        held = [0] * self.n
        for areas, count in self.types:
            g = part[areas[0]]
            if all(part[a] == g for a in areas):
                held[g] += count
        most = max(held)
        if self.n == 1:
            return 0
        return most - (self.total - most) // (self.n - 1)

    def best(self) -> tuple[int, ...]:
        if _stirling(self.k, self.n) <= EXHAUSTIVE_LIMIT:
            best = None
            for part in _partitions(self.k, self.n):
                found = self.score(part, best)
                best = found if best is None else min(best, found)
            assert best is not None
            return best[-1]
        best = None
        for start in self._starts():
            found = self._improve(start)
            best = found if best is None else min(best, found)
        assert best is not None
        return best[-1]

    def _starts(self) -> list[tuple[int, ...]]:
        k, n = self.k, self.n
        load, count, part = [0] * n, [0] * n, [0] * k
        for i in sorted(range(k), key=lambda i: (-self.popularity[i], i)):
            g = min(range(n), key=lambda g: (count[g] > 0, load[g], count[g], g))
            part[i] = g
            load[g] += self.popularity[i]
            count[g] += 1
        return [_canonical(part), _canonical([i % n for i in range(k)]),
                _canonical([i * n // k for i in range(k)])]

    def _improve(self, part: tuple[int, ...]) -> tuple:
        """Move one area or swap two while that gives a better partition (best first)."""
        current = self.score(part)
        while True:
            best = current
            p = list(current[-1])
            for i in range(self.k):
                alone = p.count(p[i]) == 1
                for g in range(self.n):
                    if g != p[i] and not alone:
                        best = min(best, self.score(_canonical([*p[:i], g, *p[i + 1:]]), best))
                for j in range(i + 1, self.k):
                    if p[j] != p[i]:
                        q = list(p)
                        q[i], q[j] = q[j], q[i]
                        best = min(best, self.score(_canonical(q), best))
            if best == current or self.budget <= 0:
                return best
            current = best


def _canonical(part: Sequence[int]) -> tuple[int, ...]:
    """Number the groups in the order their first area appears (one name per partition)."""
    names: dict[int, int] = {}
    return tuple(names.setdefault(g, len(names)) for g in part)


def _partitions(k: int, n: int):  # type: ignore[no-untyped-def]
    """Every partition of k areas into exactly n non-empty groups, canonically numbered."""
    part = [0] * k

    def walk(i: int, used: int):  # type: ignore[no-untyped-def]
        if k - i < n - used:
            return
        if i == k:
            yield tuple(part)
            return
        for g in range(min(used + 1, n)):
            part[i] = g
            yield from walk(i + 1, max(used, g + 1))

    yield from walk(1, 1) if k else ()


def propose_groups(area_ids: list[str], choices: Mapping[str, set[str]],
                   n_groups: int) -> Proposal:
    """Partition ``area_ids`` into ``n_groups`` groups and place every person in one.

    ``choices`` maps each participant to the areas they chose (an empty set for
    someone who chose none). Choices of areas not in ``area_ids`` are ignored.
    """
    areas = list(dict.fromkeys(area_ids))
    k = len(areas)
    if isinstance(n_groups, bool) or not isinstance(n_groups, int) or n_groups < 1:
        raise ValidationError("Antalet grupper måste vara minst 1.")
    if k == 0:
        raise ValidationError("Projektet har inga fokusområden att bilda grupper av.")
    if n_groups > k:
        raise ValidationError(
            f"Det går inte att bilda {n_groups} grupper av {k} fokusområden: varje grupp "
            f"behöver minst ett fokusområde. Välj högst {k} grupper.")
    index = {a: i for i, a in enumerate(areas)}
    types: dict[int, list[str]] = {}
    for person, chosen in choices.items():
        mask = sum(1 << index[a] for a in set(chosen) if a in index)
        types.setdefault(mask, []).append(person)
    free = types.pop(0, [])
    search = _Search(k, n_groups, types, len(free))
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
        get_live(s, Workshop, workshop_id, "Workshopen")
        old = _live_groups(s, workshop_id)
        for group in old:
            tombstone(group)
            tx.changed("group", group.id)
        s.flush()
        for position, proposed in enumerate(proposal.groups):
            group = Group(workshop_id=workshop_id, position=position)
            s.add(group)
            s.flush()
            _set_links(tx, group, list(proposed.area_ids))
            for person_id in dict.fromkeys(proposed.member_ids):
                get_live(s, Person, person_id, "Personen")
                s.add(GroupMember(group_id=group.id, person_id=person_id))
            tx.changed("group", group.id)
        return GroupsState(tuple(g.id for g in old))


def restore_groups(store: Store, workshop_id: str, previous: GroupsState) -> GroupsState:
    """Make exactly ``previous``'s groups live again, in its order; returns the state replaced."""
    with store.write() as tx:
        s = tx.session
        current = _live_groups(s, workshop_id)
        keep = set(previous.group_ids)
        for group in current:
            if group.id not in keep:
                tombstone(group)
                tx.changed("group", group.id)
        for position, group_id in enumerate(previous.group_ids):
            group = get_any(s, Group, group_id, "Gruppen")
            if group.workshop_id != workshop_id:
                raise ValidationError("Gruppen hör till en annan workshop.")
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
        get_live(s, Person, person_id, "Personen")
        groups = _live_groups(s, workshop_id)
        known = {g.id for g in groups}
        for group_id in group_ids:
            if group_id not in known:
                get_live(s, Group, group_id, "Gruppen")
                raise ValidationError("Gruppen hör till en annan workshop.")
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
        groups = _live_groups(s, workshop_id)
        known = {g.id for g in groups}
        wanted = dict(placements)
        for group_id in wanted:
            if group_id not in known:
                get_live(s, Group, group_id, "Gruppen")
                raise ValidationError("Gruppen hör till en annan workshop.")
        old = []
        for group in groups:
            current = [link.focus_area_id for link in _live_links(group)]
            if area_id in current:
                old.append((group.id, current.index(area_id)))
            new = [a for a in current if a != area_id]
            if group.id in wanted:
                new.insert(max(0, min(wanted[group.id], len(new))), area_id)
            if new != current:
                _set_links(tx, group, new)
                tx.changed("group", group.id)
        return tuple(old)
