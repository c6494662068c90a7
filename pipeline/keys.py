"""Primary keys of published rows."""

from __future__ import annotations

import hashlib
from collections import Counter


class StableKeys:
    """Row keys from what a row says and where (its sentence), not from offsets, so that an
    edit elsewhere in the document keeps every other row's key: diffs then name real changes."""

    def __init__(self, doc_id: str, prefix: str):
        self.doc_id, self.prefix, self.seen = doc_id, prefix, Counter()

    def __call__(self, *parts: str | None) -> str:
        basis = "\x1f".join(p or "" for p in parts)
        n = self.seen[basis]
        self.seen[basis] += 1
        digest = hashlib.sha1(f"{basis}\x1f{n}".encode()).hexdigest()[:12]
        return f"{self.doc_id}:{self.prefix}{digest}"
