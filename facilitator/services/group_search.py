"""The search behind :func:`grouping.propose_groups`: which focus areas go together.

Areas are indices 0..k-1 and a partition is a tuple ``part`` where ``part[i]``
is the group of area ``i``. Per partition:

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

from collections.abc import Iterator, Sequence
from functools import cache

EXHAUSTIVE_LIMIT = 400  # partitions tried one by one below this many
EVALUATIONS = 300  # full allocations at most per proposal: keeps it fast (< 50 ms)


@cache
def _stirling(k: int, n: int) -> int:
    if k == n:
        return 1
    if n == 0 or n > k:
        return 0
    return n * _stirling(k - 1, n) + _stirling(k - 1, n - 1)


class PartitionSearch:
    """The partition search over area indices 0..k-1 for one set of choices.

    ``types`` maps a bit mask of areas to the people who chose exactly those,
    ``free`` counts the people who chose none; :meth:`best` gives the partition
    and :meth:`allocate` how many people of each group mask go to each group.
    """

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


def _partitions(k: int, n: int) -> Iterator[tuple[int, ...]]:
    """Every partition of k areas into exactly n non-empty groups, canonically numbered."""
    part = [0] * k

    def walk(i: int, used: int) -> Iterator[tuple[int, ...]]:
        if k - i < n - used:
            return
        if i == k:
            yield tuple(part)
            return
        for g in range(min(used + 1, n)):
            part[i] = g
            yield from walk(i + 1, max(used, g + 1))

    yield from walk(1, 1) if k else ()
