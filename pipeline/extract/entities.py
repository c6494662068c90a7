"""Entities: the mentions of all documents grouped by kind and canonical name, each with a stable id."""

from __future__ import annotations

import hashlib

import pandas as pd

from pipeline.frames import frame


def entity_id(kind: str, canonical: str) -> str:
    """Same kind and canonical name, same id, in any document and any release."""
    return "E" + hashlib.sha1(f"{kind}\x1f{canonical}".encode()).hexdigest()[:12]


def entity_frame(mentions: pd.DataFrame, code_version: str) -> pd.DataFrame:
    """One row per entity named in ``mentions``, with its aliases and documents."""
    if mentions.empty:
        return frame("entities", [])
    grouped = mentions.groupby(["entity_id", "kind", "canonical_name"], sort=True)
    df = grouped.agg(aliases=("raw_text", lambda s: sorted(set(s))), doc_ids=("doc_id", lambda s: sorted(set(s))),
                     mention_count=("mention_id", "size")).reset_index()
    df["code_version"] = code_version
    return frame("entities", df.to_dict("records"))
