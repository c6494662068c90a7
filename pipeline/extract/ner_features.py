"""Character features for the NER tagger, shared by training (scripts/ner_train.py) and tagging.

Each character is described by its neighbours, its kind (Han, digit, Latin, punctuation),
and what the project's word lists and jieba's dictionary say about the strings around it: a
surname starts here, an organisation suffix or an office title ends here, a dictionary place
or person name covers this character. The lists generalise; the CRF learns how far to trust each.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from pipeline import lexicon
from pipeline.sections.roles import word_tags

NAME_TAGS = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt", "nz": "nz"}
MAX_DICT_WORD = 6


@cache
def _name_words() -> dict[str, str]:
    """jieba's dictionary words whose tag says person, place, organisation or other proper name."""
    return {w: NAME_TAGS[t] for w, t in word_tags().items() if t in NAME_TAGS and 2 <= len(w) <= MAX_DICT_WORD}


@cache
def _suffixes() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(lexicon.org_suffixes()), frozenset(lexicon.titles())


@cache
def _name_prefixes() -> frozenset[str]:
    """Proper prefixes of the dictionary names: a string that is none of them starts no name."""
    return frozenset(w[:k] for w in _name_words() for k in range(2, len(w)))


@cache
def _affix_prefixes() -> frozenset[str]:
    orgs, titles = _suffixes()
    return frozenset(w[:k] for w in orgs | titles for k in range(1, len(w)))


@cache
def _kind(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "L"
    return "P" if unicodedata.category(ch).startswith(("P", "S", "Z")) else "O"


def _word_features(text: str, extra: list[list[str]], words: list[str] | None) -> None:
    """Where jieba puts word boundaries, and the dictionary's tag for each word (plain jieba.cut
    with its HMM for new words: five times faster than the part-of-speech tagger)."""
    import jieba

    tags = word_tags()
    pos = 0
    for word in jieba.cut(text) if words is None else words:
        n = len(word)
        tag = tags.get(word, "?") if n > 1 else "1"
        for k in range(n):
            where = "S" if n == 1 else "B" if k == 0 else "E" if k == n - 1 else "M"
            extra[pos + k].append(f"w{where}")
            extra[pos + k].append(f"wt={tag}{where}")
        pos += n


def features(text: str, words: list[str] | None = None) -> list[list[str]]:
    """Features of each character. ``words``: jieba's words of ``text`` when the caller cut a
    longer text once (cutting many short pieces one by one costs three times as much)."""
    n = len(text)
    padded = "\x02\x02" + text + "\x03\x03"
    surnames = lexicon.surnames()
    orgs, titles = _suffixes()
    names, name_prefixes, affix_prefixes = _name_words(), _name_prefixes(), _affix_prefixes()
    extra: list[list[str]] = [[] for _ in range(n)]
    _word_features(text, extra, words)
    for i in range(n):
        for length in range(2, min(MAX_DICT_WORD, n - i) + 1):
            piece = text[i:i + length]
            tag = names.get(piece)
            if tag:
                extra[i].append(f"d{tag}B")
                for k in range(i + 1, i + length - 1):
                    extra[k].append(f"d{tag}I")
                extra[i + length - 1].append(f"d{tag}E")
            if piece not in name_prefixes:
                break
        for length in range(1, min(4, n - i) + 1):
            piece = text[i:i + length]
            if piece in orgs:
                extra[i + length - 1].append("orgE")
            if piece in titles and length > 1:
                extra[i + length - 1].append("titleE")
                if i + length < n:
                    extra[i + length].append("afterTitle")
                if i > 0:
                    extra[i - 1].append("beforeTitle")
            if piece not in affix_prefixes:
                break
    kinds = ["^", *(_kind(ch) for ch in text), "$"]
    out = []
    for i in range(n):
        p = i + 2
        c = padded[p]
        f = [
            "b", f"c0={c}", f"c-1={padded[p - 1]}", f"c1={padded[p + 1]}",
            f"c-2={padded[p - 2]}", f"c2={padded[p + 2]}",
            f"b-1={padded[p - 1:p + 1]}", f"b0={padded[p:p + 2]}", f"s={padded[p - 1]}{padded[p + 1]}",
            f"k={kinds[i]}{kinds[i + 1]}{kinds[i + 2]}",
        ]
        if c in surnames:
            f.append("sur")
        if padded[p:p + 2] in surnames:
            f.append("sur2")
        f.extend(extra[i])
        out.append(f)
    return out
