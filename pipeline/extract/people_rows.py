"""Rows of the ``people`` table: interviewees (from sections) merged with people named in sentences."""

from __future__ import annotations

from pipeline.extract.people import PersonMention, same_person_written_short
from pipeline.extract.rows import sentence_of
from pipeline.keys import StableKeys
from pipeline.sections.rows import section_at, section_id
from pipeline.sections.split import Section


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
        "person_id": key(sentence_of(text, start, end), text[start:end]), "doc_id": doc_id,
        "section_id": section_id(doc_id, sec.ordinal) if sec else None, "person": person,
        "organization": org or None, "titles": list(titles), "source": source, "sources": [source],
        "mention_count": 1, "char_start": start, "char_end": end, "raw_text": text[start:end],
        "code_version": code_version,
    }
