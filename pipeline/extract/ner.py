"""Person, place and organisation mentions (PER/LOC/ORG): the NER tagger.

jieba's part-of-speech tags alone mistake words for names (文明, 蓝图 as persons) and split
long organisation names. The tagger here is a character CRF (CRFsuite, via python-crfsuite)
over the features in ``ner_features``: neighbouring characters, surnames, organisation
suffixes, office titles and jieba's dictionary. It was trained on corpus sentences labelled
offline by THULAC, with entities swapped so that it learns contexts, not a few famous names
(``scripts/ner_silver.py``, ``scripts/ner_train.py``). The model file ships with the package;
nothing is fetched at run time.

A person named with an office (市交通运输局局长刘鹏) is taken from the people extractor,
whose title and surname rules are stricter than any statistical guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline import lexicon
from pipeline.extract.ner_features import features
from pipeline.extract.people import PersonMention, extract_people
from pipeline.extract.spans import SpanSet, drop_contained
from pipeline.sections.roles import word_tags

MODEL = Path(__file__).resolve().parent.parent / "models" / "ner.crfsuite"
MAX_SENTENCE = 400  # tag long texts in pieces: CRF cost is linear, but features per piece stay small


@dataclass(frozen=True)
class Mention:
    kind: str  # PER, LOC or ORG
    start: int
    end: int
    text: str


class ModelMissing(RuntimeError):
    """The NER model file is not where the package expects it."""


@cache
def load_tagger():
    """The CRF tagger, opened once per process."""
    import pycrfsuite

    if not MODEL.exists():
        raise ModelMissing(f"NER model {MODEL} is missing: reinstall the package or run scripts/ner_train.py")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def _pieces(text: str):
    """Sentence-sized pieces (cut after 。！？；or a newline), so one call never sees a whole book."""
    start = 0
    for i, ch in enumerate(text):
        if ch in "。！？；\n" or i + 1 - start >= MAX_SENTENCE:
            yield start, text[start:i + 1]
            start = i + 1
    if start < len(text):
        yield start, text[start:]


def _words_by_piece(text: str, pieces: list[tuple[int, str]]) -> list[list[str]]:
    """jieba's words of the whole text, cut once and shared out to the pieces (a word that a
    forced cut splits is split with it)."""
    import jieba

    out: list[list[str]] = [[] for _ in pieces]
    bounds = [offset + len(piece) for offset, piece in pieces]
    k, pos = 0, 0
    for word in jieba.cut(text):
        while word:
            take = min(len(word), bounds[k] - pos)
            out[k].append(word[:take])
            word, pos = word[take:], pos + take
            if pos == bounds[k] and k + 1 < len(bounds):
                k += 1
    return out


def bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each entity in a BIO tag sequence; a stray I- opens an entity."""
    out, start, kind = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
            out.append((kind, start, i))
            start = kind = None
        if tag.startswith("B-") or (tag.startswith("I-") and start is None):
            start, kind = i, tag[2:]
    return out


def tag_spans(text: str) -> list[Mention]:
    """The CRF's entities, piece by piece."""
    tagger = load_tagger()
    out: list[Mention] = []
    pieces = list(_pieces(text))
    for (offset, piece), words in zip(pieces, _words_by_piece(text, pieces), strict=True):
        if piece.strip():
            out += [Mention(kind, offset + a, offset + b, piece[a:b])
                    for kind, a, b in bio_spans(tagger.tag(features(piece, words)))]
    return out


def _plausible(m: Mention) -> bool:
    """What no name looks like, whatever the tagger says: a lone character (国), and for persons
    Latin letters (tv, com) or a dictionary word of another kind (高铁, 义乌)."""
    if len(m.text.strip()) < 2 or m.text[0].isspace():
        return False
    if m.kind != "PER":
        return True
    if not all("\u4e00" <= ch <= "\u9fff" or ch == "·" for ch in m.text):
        return False
    tag = word_tags().get(m.text)
    return tag is None or tag.startswith("nr")


PLACE_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "州", "盟", "旗", "街道", "社区", "自治区", "自治州")
MAX_ORG_TOKENS = 6


def _org_after_place(text: str, place: Mention) -> Mention | None:
    """内蒙古自治区 + 发展和改革委员会: a place followed by words that end in an organisation word is
    one organisation. The tagger learned national bodies from the news; local bureaus are rarer there."""
    import jieba

    tail = re.match(r"[\u4e00-\u9fff]{1,20}", text[place.end:place.end + 20])
    if not tail:
        return None
    verbs, suffixes, tags = lexicon.org_name_verbs(), lexicon.org_suffixes(), word_tags()
    words = list(jieba.cut(tail.group()))[:MAX_ORG_TOKENS]
    pos, best = place.end, None
    for k, word in enumerate(words):
        # 和 joins two parts of one name (工业和信息化局), never two whole names (北京大学和清华大学)
        joins = word == "和" and 0 < k < len(words) - 1 and best != pos
        if not (joins or word in verbs or tags.get(word, "n").startswith(("n", "vn", "j"))):
            break
        pos += len(word)
        if (len(word) > 1 or k > 0) and word.endswith(suffixes) and not word.endswith(PLACE_SUFFIXES):
            best = pos
    return Mention("ORG", place.start, best, text[place.start:best]) if best else None


def _split_pairs(m: Mention) -> list[Mention]:
    """北京大学和清华大学 is two organisations: split where 和 stands between two whole names."""
    if m.kind != "ORG" or "和" not in m.text:
        return [m]
    suffixes = lexicon.org_suffixes()
    for at in [i for i, ch in enumerate(m.text) if ch == "和"]:
        left, right = m.text[:at], m.text[at + 1:]
        if len(left) > 2 and len(right) > 2 and left.endswith(suffixes) and right.endswith(suffixes):
            return [Mention("ORG", m.start, m.start + at, left),
                    *_split_pairs(Mention("ORG", m.start + at + 1, m.end, right))]
    return [m]


def find_entities(text: str, people: list[PersonMention] | None = None) -> list[Mention]:
    """``people``: the people extractor's output when the caller has it already."""
    people = extract_people(text) if people is None else people
    named = [Mention("PER", p.char_end - len(p.person), p.char_end, p.person) for p in people]
    taken = SpanSet()
    named = [m for m in named if taken.add(m.start, m.end)]
    tagged = [m for m in tag_spans(text) if _plausible(m)]
    tagged = [(_org_after_place(text, m) or m) if m.kind == "LOC" else m for m in tagged]
    tagged = [part for m in tagged for part in _split_pairs(m)]
    merged = drop_contained(named + [m for m in tagged if not taken.overlaps(m.start, m.end)],
                            start=lambda m: m.start, end=lambda m: m.end)
    return sorted(merged, key=lambda m: (m.start, m.end))
