"""Non-overlapping character spans, for choosing among competing mentions.

A document has hundreds of mentions; checking each new one against every kept one is
quadratic, so the kept spans stay sorted and a new one is checked against its neighbours.
"""

from __future__ import annotations

import bisect


class SpanSet:
    """Disjoint half-open spans [start, end), kept sorted by start."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Keep [start, end) if it overlaps nothing kept; say whether it was kept."""
        if end <= start or self.overlaps(start, end):
            return False
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True


def drop_contained(spans: list, start=lambda s: s[0], end=lambda s: s[1]) -> list:
    """Spans not lying inside another, longer span (in start order)."""
    ordered = sorted(spans, key=lambda s: (start(s), -end(s)))
    out, reach = [], -1
    for s in ordered:
        if end(s) <= reach:
            continue  # inside an earlier span that starts no later and ends no sooner
        out.append(s)
        reach = end(s)
    return out
