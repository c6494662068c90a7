"""Turn stage outputs into rows of the published tables, shaped by ``pipeline/schemas/``.

Kept apart from the stages so that each stage returns plain objects and this is the
one place that knows column names.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re

import pandas as pd

from pipeline import schemas
from pipeline.extract.mentions import NamedMention
from pipeline.extract.metrics import Metric
from pipeline.extract.people import PersonMention, same_person_written_short
from pipeline.keys import StableKeys
from pipeline.sections.split import Section
from pipeline.text import sentence_bounds

# A metric's key is its sentence with the figures masked and its place among the sentence's
# metrics: editing 36项 to 38项 is then a changed row, not a removed one and an added one.
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def section_id(doc_id: str, ordinal: int) -> str:
    return f"{doc_id}:s{ordinal:03d}"


def section_rows(doc_id: str, text: str, sections: list[Section], code_version: str) -> list[dict]:
    return [{
        "doc_id": doc_id, "section_id": section_id(doc_id, s.ordinal), "ordinal": s.ordinal, "kind": s.kind,
        "headline": s.headline, "person": s.person, "organization": s.organization, "titles": list(s.titles),
        "char_start": s.char_start, "char_end": s.char_end, "body_start": s.body_start,
        "text": text[s.body_start:s.char_end], "code_version": code_version,
    } for s in sections]


def section_at(sections: list[Section], offset: int) -> Section | None:
    """The section holding ``offset``. A banner of page furniture can stand inside a part's head
    (between its headline and first paragraph), so past such a banner the part is looked for."""
    starts = [s.char_start for s in sections]
    i = bisect.bisect_right(starts, offset) - 1
    while i >= 0:
        if offset < max(sections[i].char_end, sections[i].char_start + 1):
            return sections[i]
        if sections[i].kind != "banner":
            return None
        i -= 1
    return None


def metric_rows(doc_id: str, metrics: list[Metric], sections: list[Section], code_version: str) -> list[dict]:
    rows = []
    key = StableKeys(doc_id, "m")
    for m in metrics:
        sec = section_at(sections, m.char_start)
        rows.append({
            "metric_id": key(_DIGITS.sub("#", m.sentence)), "doc_id": doc_id,
            "section_id": section_id(doc_id, sec.ordinal) if sec else None,
            "person": sec.person if sec else None, "raw_text": m.raw_text, "value": m.value,
            "value_high": m.value_high, "unit": m.unit, "qualifier": m.qualifier, "change": m.change,
            "base_period": m.base_period, "period": m.period, "kind": m.kind, "subject": m.subject,
            "char_start": m.char_start, "char_end": m.char_end, "sentence": m.sentence,
            "code_version": code_version,
        })
    return rows


def people_rows(doc_id: str, text: str, sections: list[Section], mentions: list[PersonMention],
                code_version: str) -> list[dict]:
    """One row per person and role in a document: the interviewee line first (from sections),
    then people named in sentences. A role named again (the interviewee's office in a sentence,
    习近平总书记 in every paragraph) adds its source and a count to the row it repeats, so a user
    counts people, not mentions; the row keeps its first mention's offsets."""
    rows: list[dict] = []
    by_role: dict[tuple[str, str, tuple[str, ...]], dict] = {}
    key = StableKeys(doc_id, "p")
    covered: list[tuple[int, int]] = []

    def add(row: dict) -> None:
        role = (row["person"], row["organization"] or "", tuple(row["titles"]))
        if role not in by_role:  # 扎帕罗夫 after 吉尔吉斯斯坦总统萨德尔·扎帕罗夫: the same person's row
            role = next((r for r in by_role if r[2] == role[2] and r[1].startswith(role[1])
                         and same_person_written_short(role[0], r[0])), role)
        if role in by_role:
            first = by_role[role]
            first["mention_count"] += 1
            if row["source"] not in first["sources"]:
                first["sources"].append(row["source"])
            return
        by_role[role] = row
        rows.append(row)

    for s in sections:
        if s.kind == "interview" and s.person and not s.continued:  # a continuation repeats the interviewee
            line_end = s.head_end if s.head_end >= 0 else (
                s.body_start - 1 if text[s.body_start - 1:s.body_start] == "\n" else s.body_start)
            line_start = text.rfind("\n", 0, line_end) + 1
            covered.append((line_start, line_end))
            at = text.find(s.person, line_start, line_end)
            org_at = text.find(s.organization, line_start, line_end) if s.organization else at
            start = org_at if org_at >= 0 else at
            add(_person_row(key, doc_id, text, s, s.person, s.organization, s.titles, "interviewee_line",
                            start, at + len(s.person), code_version))
    for p in mentions:
        if any(a <= p.char_start < b for a, b in covered):
            continue
        add(_person_row(key, doc_id, text, section_at(sections, p.char_start), p.person, p.organization,
                        p.titles, "sentence", p.char_start, p.char_end, code_version))
    return rows


def _person_row(key, doc_id, text, sec, person, org, titles, source, start, end, code_version) -> dict:
    return {
        "person_id": key(_sentence(text, start, end), text[start:end]), "doc_id": doc_id,
        "section_id": section_id(doc_id, sec.ordinal) if sec else None, "person": person,
        "organization": org or None, "titles": list(titles), "source": source, "sources": [source],
        "mention_count": 1, "char_start": start, "char_end": end, "raw_text": text[start:end],
        "code_version": code_version,
    }


def _sentence(text: str, start: int, end: int) -> str:
    a, b = sentence_bounds(text, start, end)
    return text[a:b]


def entity_id(kind: str, canonical: str) -> str:
    """Same kind and canonical name, same id, in any document and any release."""
    return "E" + hashlib.sha1(f"{kind}\x1f{canonical}".encode()).hexdigest()[:12]


def mention_rows(doc_id: str, text: str, sections: list[Section], mentions: list[NamedMention],
                 code_version: str) -> list[dict]:
    key = StableKeys(doc_id, "n")
    return [{
        "mention_id": key(m.kind, _sentence(text, m.char_start, m.char_end), m.text), "doc_id": doc_id,
        "section_id": section_id(doc_id, sec.ordinal) if (sec := section_at(sections, m.char_start)) else None,
        "entity_id": entity_id(m.kind, m.canonical), "kind": m.kind, "raw_text": m.text,
        "canonical_name": m.canonical, "source": m.source, "char_start": m.char_start, "char_end": m.char_end,
        "code_version": code_version,
    } for m in mentions]


def entity_frame(mentions: pd.DataFrame, code_version: str) -> pd.DataFrame:
    """One row per entity named in ``mentions``, with its aliases and documents."""
    if mentions.empty:
        return frame("entities", [])
    grouped = mentions.groupby(["entity_id", "kind", "canonical_name"], sort=True)
    df = grouped.agg(aliases=("raw_text", lambda s: sorted(set(s))), doc_ids=("doc_id", lambda s: sorted(set(s))),
                     mention_count=("mention_id", "size")).reset_index()
    df["code_version"] = code_version
    return frame("entities", df.to_dict("records"))


class FrameBuilder:
    """Rows in, one table out, without ever holding the whole table as Python dicts: rows
    become a DataFrame chunk (compact, Arrow-backed strings) every ``chunk`` rows."""

    def __init__(self, table: str, chunk: int = 50_000):
        self.table, self.chunk = table, chunk
        self.columns = schemas.load(table).columns
        self.rows: list[dict] = []
        self.parts: list[pd.DataFrame] = []

    def extend(self, rows: list[dict]) -> None:
        self.rows += rows
        if len(self.rows) >= self.chunk:
            self.parts.append(pd.DataFrame(self.rows, columns=self.columns))
            self.rows = []

    def frame(self) -> pd.DataFrame:
        parts = [p for p in [*self.parts, pd.DataFrame(self.rows, columns=self.columns)] if len(p)]
        return frame(self.table, pd.concat(parts, ignore_index=True) if parts else [])


def frame(table: str, rows: list[dict] | pd.DataFrame) -> pd.DataFrame:
    """A DataFrame with exactly the schema's columns, in order, sorted by primary key."""
    schema = schemas.load(table)
    df = rows[schema.columns] if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=schema.columns)
    if len(df):
        order = [c for c in ("doc_id", "char_start", "char_end", "kind") if c in df.columns] + list(schema.primary_key)
        df = df.sort_values(order, kind="stable").reset_index(drop=True)
    return df


def iter_records(df: pd.DataFrame):
    """Rows one at a time as plain Python values (NaN back to None, arrays to lists)."""
    columns = list(df.columns)
    for values in df.itertuples(index=False, name=None):
        row = dict(zip(columns, values, strict=True))
        clean = {}
        for k, v in row.items():
            if isinstance(v, float) and math.isnan(v) or v is pd.NA or v is pd.NaT:
                v = None
            elif hasattr(v, "tolist"):
                v = v.tolist()
            elif hasattr(v, "item"):
                v = v.item()
            clean[k] = v
        yield clean
