"""Person, place and organisation mentions (PER/LOC/ORG), for NER and the entity tables to come.

jieba's part-of-speech tags are the base (nr/ns/nt); rules that generalise fix what they
miss: an organisation is a run that ends in an organisation word (中国/ns 致公党/nt,
北京/ns 大学/n), and a person named with an office (市交通运输局局长刘鹏) comes from the
people extractor, which knows titles and surnames.
"""

from __future__ import annotations

from dataclasses import dataclass

import jieba.posseg as pseg

from pipeline import lexicon
from pipeline.extract.people import extract_people
from pipeline.sections.roles import looks_like_name

PERSON_TAGS = ("nr", "nrfg", "nrt")
MAX_ORG_TOKENS = 6


@dataclass(frozen=True)
class Mention:
    kind: str  # PER, LOC or ORG
    start: int
    end: int
    text: str


# Administrative-area words end places (a LOC), not organisations.
PLACE_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "州", "盟", "旗", "街道", "社区", "自治区", "自治州")


def _org_word(word: str) -> bool:
    return word.endswith(lexicon.org_suffixes()) and not word.endswith(PLACE_SUFFIXES)


def find_entities(text: str) -> list[Mention]:
    tokens, pos = [], 0
    for word, flag in pseg.cut(text):
        tokens.append((word, flag, pos, pos + len(word)))
        pos += len(word)
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        word, flag, start, end = tokens[i]
        if flag in ("ns", "nt", "nz"):
            # Extend over following name parts while the run can still end in an organisation word.
            j, last_org = i, i if (flag == "nt" or (flag == "nz" and _org_word(word))) else None
            while j + 1 < len(tokens) and j + 1 - i < MAX_ORG_TOKENS and tokens[j + 1][1] in (
                    "ns", "nt", "nz", "n", "j", "vn", "b") and tokens[j + 1][1] not in PERSON_TAGS:
                j += 1
                if tokens[j][1] == "nt" or _org_word(tokens[j][0]):
                    last_org = j
            if last_org is not None:
                mentions.append(Mention("ORG", start, tokens[last_org][3], text[start:tokens[last_org][3]]))
                i = last_org + 1
                continue
            if flag == "ns":
                mentions.append(Mention("LOC", start, end, word))
        elif flag in PERSON_TAGS and len(word) >= 2 and (looks_like_name(word) or flag != "nr"):
            mentions.append(Mention("PER", start, end, word))
        i += 1
    people = [Mention("PER", p.char_end - len(p.person), p.char_end, p.person) for p in extract_people(text)]
    taken = [(m.start, m.end) for m in people]
    merged = people + [m for m in mentions if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(merged, key=lambda m: (m.start, m.end))
