"""Per-document results cached by content and code version.

A document's stage output depends only on its identity, its bytes and the stage's code,
so that triple is the key: unchanged documents are never re-processed, a changed document
or a change to any file the stage runs or reads (``pipeline/code_versions.py``) recomputes
exactly what it must.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from pipeline.code_versions import stage_version

T = TypeVar("T")


_UPSTREAM = {"sections": ("ingest",), "extract": ("ingest", "sections")}


@dataclass
class DocumentCache:
    """A directory of pickles written by this pipeline only; ``None`` disables caching."""

    root: Path | None
    computed: int = 0
    reused: int = 0
    computed_names: list[str] = field(default_factory=list)

    def key(self, stage: str, identity: str, sha256: str) -> str:
        """``stage`` names a stage of ``code_versions.STAGES``; its code hash, and those of the stages
        that made its input, are part of the key: the key's sha256 is the raw file's, so a change
        in ingest's normalisation must not serve sections cut from the old text."""
        versions = "\0".join(stage_version(s) for s in (*_UPSTREAM.get(stage, ()), stage))
        return hashlib.sha256(f"{stage}\0{identity}\0{sha256}\0{versions}".encode()).hexdigest()

    def get_or_compute(self, stage: str, identity: str, sha256: str, name: str, compute: Callable[[], T]) -> T:
        if self.root is None:
            self.computed += 1
            self.computed_names.append(name)
            return compute()
        key = self.key(stage, identity, sha256)
        path = self.root / stage / key[:2] / f"{key}.pkl"
        if path.exists():
            try:
                with path.open("rb") as f:
                    value = pickle.load(f)
                self.reused += 1
                return value
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                pass  # a damaged or outdated entry is recomputed
        value = compute()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{uuid.uuid4().hex}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # noqa: PTH105 - os.replace kept as the atomic-rename idiom (Path.replace is the same call)
        self.computed += 1
        self.computed_names.append(name)
        return value

    def stats(self) -> dict:
        return {"computed": self.computed, "reused_from_cache": self.reused}
