"""Person, place and organisation mentions (PER/LOC/ORG): the NER tagger.

jieba's part-of-speech tags alone mistake words for names (文明, 蓝图 as persons) and split
long organisation names. The tagger here is a character CRF (trained with CRFsuite, run from
its weights compiled to numpy arrays; see ``tagger``) over the features in ``ner_features``:
neighbouring characters, surnames, organisation suffixes, office titles and jieba's dictionary.
It was trained on corpus sentences labelled offline by THULAC, with entities swapped so that it
learns contexts, not a few famous names (``scripts/ner_silver.py``, ``scripts/ner_train.py``).
The model file ships with the package; nothing is fetched at run time.

A person named with an office (市交通运输局局长刘鹏) is taken from the people extractor,
whose title and surname rules are stricter than any statistical guess.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pipeline import lexicon
from pipeline.extract.people import PersonMention, extract_people
from pipeline.extract.spans import SpanSet, drop_contained
from pipeline.extract.tagger import (  # noqa: F401 - MODEL, WEIGHTS, bio_spans, tag_spans: the public names of this module
    MODEL,
    WEIGHTS,
    Analysis,
    Mention,
    ModelMissingError,
    Words,
    analyse,
    bio_spans,
    load_tagger,
    tag_spans,
)
from pipeline.lexicon.dictionary import word_tags
from pipeline.lexicon.names import looks_like_name
from pipeline.text import HAN_RANGE, is_han


@cache
def _known_pattern() -> tuple[re.Pattern, frozenset[str]]:
    """Where a listed name may start (its first character), and every proper prefix of a listed name."""
    names = lexicon.known_names()
    starts = re.compile("[" + re.escape("".join(sorted({name[0] for name in names}))) + "]")
    return starts, frozenset(name[:k] for name in names for k in range(1, len(name)))


def known_names(text: str, words: Words) -> list[Mention]:
    """Listed names (民进, 东盟, 新华社, 亚太) that start a word and end one, or leave a whole word
    after them inside it (东盟 + 国家), longest first: short forms carry no suffix for the tagger
    to see, and 民进 inside 人民进行 is no party."""
    names, tags = lexicon.known_names(), word_tags()
    starts, prefixes = _known_pattern()
    out, reach = [], 0
    for m in starts.finditer(text):
        a = m.start()
        if a < reach or (text[a:a + 2] not in prefixes and text[a:a + 2] not in names) or not words.starts(a):
            continue
        word_end = words.word_at(a)[1]
        best = 0
        for b in range(a + 2, len(text) + 1):
            piece = text[a:b]
            if piece in names and (words.ends(b) or (word_end - b >= 2 and text[b:word_end] in tags)):
                best = b
            if piece not in prefixes:
                break
        if best:
            out.append(Mention(names[text[a:best]], a, best, text[a:best]))
            reach = best
    return out


MAX_SHORT_RUN = 4


def _short_form_word(run: str, tag: str | None, table: dict[str, tuple[str, str]]) -> bool:
    """Whether a run of short forms that jieba reads as one word is a list of places: an
    abbreviation (港澳/j), three or more provinces (京津冀), a word jieba does not know made of
    one kind (美日), or China and a country (中美). Other dictionary words mean something else
    (辽宁, 非法, 美德, 中亚), and so do unknown mixed words (新老)."""
    countries, provinces = all(table[ch][0] for ch in run), all(table[ch][1] for ch in run)
    if tag == "j" or (len(run) >= 3 and provinces) or (tag is None and (countries or provinces)):
        return True
    return len(run) == 2 and run[0] == "中" and bool(table[run[1]][0]) and run[1] not in "亚非欧"


def _short_form_end(text: str, a: int, r: int, words: Words, table: dict[str, tuple[str, str]]) -> int:
    """Where a run of short forms that starts a word at ``a`` really ends (``a`` if nowhere): at
    a word end, or inside a word whose rest is a word (中美 + 关系); never inside a word that
    merely starts with the run's last character (意 + 法西斯)."""
    tags = word_tags()
    start, end = words.word_at(r - 1)
    if end > r:
        rest = text[r:end]
        if r - start >= 2 and len(rest) >= 2 and rest in tags:
            return r if _short_form_word(text[start:r], tags.get(text[start:r]), table) else a
        r = start  # cut back to the word boundary inside the run
        if r - a < 2:
            return a
    if words.word_at(a)[1] == r and not _short_form_word(text[a:r], tags.get(text[a:r]), table):
        return a  # the run is one word
    return r


@cache
def _short_form_runs() -> re.Pattern:
    return re.compile("[" + re.escape("".join(lexicon.place_abbreviations())) + "]{2,}")


def short_form_places(text: str, words: Words) -> list[Mention]:
    """中美关系, 京津冀, 台港澳同胞: runs of one-character short forms are that many places, each
    with the full name it stands for (a run with a province in it reads 澳 as 澳门)."""
    table = lexicon.place_abbreviations()
    out: list[Mention] = []
    for run in _short_form_runs().finditer(text):
        a = run.start()
        while a < run.end() - 1:
            r = min(run.end(), a + MAX_SHORT_RUN)
            if not words.starts(a) or (r := _short_form_end(text, a, r, words, table)) == a:
                a += 1
                continue
            provincial = any(not table[ch][0] for ch in text[a:r])
            for i in range(a, r):
                country, province = table[text[i]]
                out.append(Mention("LOC", i, i + 1, text[i], province if provincial and province else country or province))
            a = r
    return out


def _unless_tagged_org(known: list[Mention], tagged: list[Mention]) -> list[Mention]:
    """Listed names, except where the tagger read an organisation itself (民进中央 around 民进):
    elsewhere a listed name overrides the tagger (东盟 read as a place)."""
    orgs = SpanSet()
    for m in tagged:
        if m.kind == "ORG":
            orgs.add(m.start, m.end)
    return [k for k in known if not orgs.overlaps(k.start, k.end)]


def _plausible(m: Mention) -> bool:
    """What no name looks like, whatever the tagger says: a lone character (国), and for persons
    Latin letters (tv, com) or a dictionary word of another kind (高铁, 义乌)."""
    if len(m.text.strip()) < 2 or m.text[0].isspace():
        return False
    if m.kind != "PER":
        return True
    if not all(is_han(ch) or ch == "·" for ch in m.text):
        return False
    tag = word_tags().get(m.text)
    return tag is None or tag.startswith("nr")


PLACE_SUFFIXES = lexicon.PLACE_SUFFIXES
MAX_ORG_TOKENS = 6
# What follows a country or city in its full name: 香港 + 特别行政区, 波兰 + 共和国.
STATE_SUFFIXES = ("特别行政区", "特区", "人民共和国", "联盟共和国", "共和国", "联邦", "合众国", "王国")


def _full_place(text: str, place: Mention) -> Mention:
    """香港特别行政区, 俄罗斯联邦: the tagger often stops at the short name."""
    for suffix in STATE_SUFFIXES:
        if text.startswith(suffix, place.end):
            end = place.end + len(suffix)
            return Mention("LOC", place.start, end, text[place.start:end])
    return place


@lru_cache(maxsize=4096)
def _first_words(tail: str) -> tuple[str, ...]:
    """jieba's first words of the text after a place (the same places recur in a document)."""
    import jieba

    return tuple(jieba.cut(tail))[:MAX_ORG_TOKENS]


def _org_after_place(text: str, place: Mention) -> Mention | None:
    """内蒙古自治区 + 发展和改革委员会: a place followed by words that end in an organisation word is
    one organisation. The tagger learned national bodies from the news; local bureaus are rarer there."""
    tail = re.match(rf"[{HAN_RANGE}]{{1,20}}", text[place.end:place.end + 20])
    if not tail:
        return None
    verbs, suffixes, tags = lexicon.org_name_verbs(), lexicon.org_suffixes(), word_tags()
    words = _first_words(tail.group())
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


def _layered(*layers: list[Mention]) -> list[Mention]:
    """The mentions of every layer that overlap nothing of an earlier layer (and, within a
    layer, nothing longer or earlier), in text order."""
    taken, out = SpanSet(), []
    for layer in layers:
        for m in drop_contained(layer, start=lambda m: m.start, end=lambda m: m.end):
            if taken.add(m.start, m.end):
                out.append(m)
    return sorted(out, key=lambda m: (m.start, m.end))


_HAN = re.compile(f"[{HAN_RANGE}]+")
# Where an item of a list of names ends: 韩杼滨、张全景、刘云山等
_ITEM_END = "、，,。；;：:等和及与（(）) \n"
# A reporter's by-line: 记者唐进修报道, 新华社记者 李四 摄
_BYLINE = re.compile(rf"记者\s?(?P<name>[{HAN_RANGE}]{{2,3}})(?=\s|报道|摄|[）)，,。])")


def _is_name(candidate: str) -> bool:
    """Two or three Han characters that the people extractor would take for a name."""
    return 2 <= len(candidate) <= 3 and bool(_HAN.fullmatch(candidate)) and looks_like_name(candidate)


def _list_neighbours(text: str, person: Mention) -> list[Mention]:
    """The other items of a list that a recognised person stands in (韩杼滨、张全景、刘云山): the
    tagger misses names that its context does not mark, and a list of names is such a context."""
    out = []
    at = person.end  # forwards: 、name、name
    while at < len(text) and text[at] == "、":
        end = at + 1
        while end < len(text) and end - at <= 4 and text[end] not in _ITEM_END:
            end += 1
        if not _is_name(text[at + 1:end]):
            break
        out.append(Mention("PER", at + 1, end, text[at + 1:end]))
        at = end
    at = person.start  # backwards: name、name、 with the first item's start unknown
    while at > 0 and text[at - 1] == "、":
        start = at - 1
        while start > 0 and at - 1 - start < 4 and text[start - 1] not in _ITEM_END:
            start -= 1
        item = text[start:at - 1]
        for size in (3, 2):  # the first item may run into the words before it: 负责同志韩杼滨
            if len(item) >= size and _is_name(item[-size:]):
                out.append(Mention("PER", at - 1 - size, at - 1, item[-size:]))
                break
        else:
            break
        at = at - 1 - size
    return out


def _join_foreign_names(text: str, found: list[Mention]) -> list[Mention]:
    """安东尼奥·古特雷斯: parts of a transliterated name joined by · are one person."""
    out: list[Mention] = []
    for m in found:
        prev = out[-1] if out else None
        if prev and prev.kind == "PER" and m.start == prev.end + 1 and text[prev.end] == "·" and m.kind in ("PER", "LOC"):
            out[-1] = Mention("PER", prev.start, m.end, text[prev.start:m.end])
            continue
        out.append(m)
    return out


def _more_persons(text: str, found: list[Mention]) -> list[Mention]:
    """Persons the tagger's context misses: the other names of a list, reporters' by-lines, and
    the authors of doctrines (毛泽东思想, 邓小平理论: one jieba word, so the tagger sees no name)."""
    more = [n for m in found if m.kind == "PER" for n in _list_neighbours(text, m)]
    more += [Mention("PER", m.start("name"), m.end("name"), m["name"]) for m in _BYLINE.finditer(text)
             if _is_name(m["name"])]
    tags = word_tags()
    for at in (m.start() for m in re.finditer("理论|思想", text)):
        for size in (3, 2):
            name = text[max(0, at - size):at]
            if len(name) == size and tags.get(name, "").startswith("nr") and _is_name(name):
                more.append(Mention("PER", at - size, at, name))
                break
    return more


def _body_is_organisation(text: str, p: PersonMention) -> bool:
    """The body a person's office names is an organisation where it ends in an organisation word
    (国家发展和改革委员会主任: the tagger often cuts such names); a country is a place."""
    org = p.organization
    return bool(org) and text.startswith(org, p.org_start) and org.endswith(lexicon.org_suffixes()) \
        and org not in lexicon.countries() and len(org) >= 3


def ner_mentions(text: str, people: list[PersonMention] | None = None,
                 analysis: Analysis | None = None) -> list[Mention]:
    """The named things ``text`` mentions, one per place (entities are these grouped across documents,
    in ``extract/entities.py``). Persons with offices first (the people extractor), then listed names
    (东盟, 粤港澳大湾区), then runs of short forms (中美), then the tagger's entities, places grown into full names
    and organisations. ``people`` and ``analysis``: the people extractor's output and the tagger's
    when the caller has them already."""
    analysis = analysis or analyse(text)
    people = extract_people(text, analysis) if people is None else people
    named = [Mention("PER", p.name_start, p.char_end, p.person) for p in people]
    bodies = [Mention("ORG", p.org_start, p.org_start + len(p.organization), p.organization) for p in people
              if _body_is_organisation(text, p)]
    crf, cut = analysis.mentions, analysis.words
    tagged = [m for m in crf if _plausible(m)]
    grown = []
    for m in tagged:
        if m.kind == "LOC":
            m = _full_place(text, m)
            m = _org_after_place(text, m) or m
        grown += _split_pairs(m)
    words = Words.of(cut)
    known = _unless_tagged_org(known_names(text, words), tagged)
    found = _join_foreign_names(text, _layered(named, bodies, known, short_form_places(text, words), grown))
    return _layered(found, _more_persons(text, found))
