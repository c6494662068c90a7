"""Find what a metric measures, in the text's own words.

Usually the words just before the number in its clause (城区污水处理能力达到64万吨/日),
minus verbs and cue words; when those are only a verb or end a list (完成508个入河排污口…,
…等10多项国家级试点), the noun phrase after the unit, cut where jieba sees a verb.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import jieba
import jieba.posseg as pseg

from pipeline import lexicon
from pipeline.text import CLAUSE_ENDS

_EDGE_PUNCT = " \u3000\xa0\t“”‘’\"'（）()、《》：:·-—*#●○■□▲△◆◇★☆…"
_QUOTES = str.maketrans("", "", "“”‘’\"*#")
# Time phrases and list markers at the edges of a subject: 2020年的, 从2016年, （2）, 10.
_LEADING = re.compile(r"^(?:[（(]?\d{1,2}[）).、．]|(?:\d{1,2}月)?\d{1,2}日(?:以来|起)?|[一二三四五六七八九十]+[、是]|截至\S{0,8}?(?:底|末)|"
                      r"(?:今年|去年|本年|全年)?(?:前\d{1,2}个?(?:月|季度)|1[—–-]\d{1,2}月)份?(?:以来)?\s*|"
                      r"(?:从|自|在|到|至)?(?:19|20)\d{2}年(?:\d{1,2}月)?(?:底|末|初|以来|全年|上半年|前三季度)?(?:的)?)+")
_TRAILING = re.compile(r"(?:(?:从|自|在|到|至|比)?(?:19|20)\d{2}年(?:底|末|初)?(?:的)?|(?:从|自)|"
                       r"(?:去年|今年|上年|当年|年)(?:底|末|初)|由)+$")
_STOP_WORDS = {"全面", "实现", "全部", "已", "均", "都", "已经", "持续", "分别", "正在"}
_NOUNISH = ("n", "vn", "an", "b", "j", "l", "f", "s", "nz", "ns", "nt", "eng", "x", "q", "a")
MAX_SUBJECT = 24
# A subject after a count ends with its clause, or its line; a colon does not end it (unlike
# text.CLAUSE_BREAKS, where a figure's own clause starts).
_CLAUSE_END = CLAUSE_ENDS + "\n"

jieba.setLogLevel(60)


@cache
def _trim_lists(strict: bool = True) -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str]]:
    cues = lexicon.cues()
    end = tuple(sorted(cues["subject_trim_end"], key=len, reverse=True))
    start = tuple(sorted(cues["subject_trim_start"], key=len, reverse=True))
    if not strict:
        end = tuple(w for w in end if w not in _KEEP_WHEN_LENIENT)
        start = tuple(w for w in start if w not in _KEEP_WHEN_LENIENT)
    return end, start, frozenset(cues["count_verbs"])


def trim_subject(segment: str, strict: bool = True) -> str:
    """Strip cue words and verbs at the edges of the words before a number.

    The lenient pass keeps change and period words, for when they are all there is
    to name the figure (确保年均增幅不低于20%).
    """
    return _trim(segment, strict)


_KEEP_WHEN_LENIENT = ("增幅", "降幅", "年均", "增长", "下降")


_OPENERS, _CLOSERS = "（(《", "）)》"
_GLOSS = re.compile(r"（[^（）]{0,20}）|\([^()]{0,20}\)")


def _balanced(s: str) -> str:
    """不含湖北省）查处… -> 查处…, 条例》规定… -> 规定…: a closing bracket whose opening the segment
    (or the edge strip) cut off leaves only the side after it."""
    for opener, closer in zip(_OPENERS, _CLOSERS, strict=True):
        close_at = s.find(closer)
        if close_at >= 0 and opener not in s[:close_at]:
            s = s[close_at + 1:]
    return s


# Word classes that name no thing: verbs (not 发展 as a noun, vn), adverbs, prepositions, time words,
# descriptive adjectives (短短), particles, numerals, conjunctions and pronouns.
_NOT_A_NAME = ("v", "d", "p", "z", "t", "u", "m", "c", "r", "y", "e", "o")


@lru_cache(maxsize=4096)
def names_nothing(s: str) -> bool:
    """经过, 仅用, 在短短, 发展到今天: only a verb, adverb or time word, no thing named. Dictionary words
    only (no HMM guess, which costs more than the rest of the subject): an unknown word may be a name."""
    return all(flag.startswith(_NOT_A_NAME) and flag != "vn" for _word, flag in pseg.cut(s, HMM=False))


def _closed(s: str, whole: str) -> str:
    """社区（村居）: the edge strip took the closing bracket of the text's own words; give it back, or
    cut an opening bracket that has none (配建公共服务设施（场所)."""
    for opener, closer in zip(_OPENERS, _CLOSERS, strict=True):
        open_at = s.rfind(opener)
        if open_at >= 0 and closer not in s[open_at:]:
            s = s + closer if s + closer in whole else s[:open_at].rstrip(_EDGE_PUNCT)
    return s


def _at_word_start(s: str, cut: int) -> int:
    """The start of the jieba word that holds position ``cut`` (cut itself when a word starts there)."""
    pos = 0
    for word in jieba.cut(s, HMM=False):
        if pos + len(word) > cut:
            return pos
        pos += len(word)
    return cut


def _after_list(s: str) -> str:
    """拐卖儿童、猥亵儿童…等侵害未成年人合法权益的刑事案件: after a list closed by 等, the head noun."""
    if "、" not in s or "等" not in s:
        return s
    at = s.rfind("等")
    tail = s[at + 1:]
    if len(tail) >= 4 and "、" in s[:at] and not any(w.endswith("等") and len(w) > 1 for w in jieba.cut(s[:at + 1])):
        return tail
    return s


def _trim(segment: str, strict: bool) -> str:
    trim_end, trim_start, count_verbs = _trim_lists(strict)
    whole = segment.translate(_QUOTES)
    s = _balanced(whole).strip(_EDGE_PUNCT)
    changed = True
    while changed and s:
        changed = False
        # one call with the whole tuple first: most segments end in none of the words
        for w in trim_end if s.endswith(trim_end) else ():
            if s.endswith(w):
                # 医疗队总共有: 共有 ends the segment but 总共 is the word; cut where the word starts
                s, changed = s[:_at_word_start(s, len(s) - len(w))].rstrip(_EDGE_PUNCT), True
                break
        for w in trim_start if s.startswith(trim_start) else ():
            if s.startswith(w) and len(s) > len(w):
                s, changed = s[len(w):].lstrip(_EDGE_PUNCT), True
                break
        if s.endswith("的"):
            s, changed = s[:-1], True
        if (balanced := _balanced(s)) != s:
            s, changed = balanced.strip(_EDGE_PUNCT), True
        stripped = _TRAILING.sub("", _LEADING.sub("", s)).strip(_EDGE_PUNCT)
        if stripped != s:
            s, changed = stripped, True
    if len(s) < 2 or s in count_verbs or s in trim_start or s.endswith("等") or s.rstrip("了") in count_verbs:
        return ""
    s = _after_list(_closed(s, whole))
    if len(s) > MAX_SUBJECT:  # a gloss goes first: 31个省（自治区、直辖市）和…
        s = _GLOSS.sub("", s)
    if len(s) > MAX_SUBJECT:  # keep whole words: 莫斯科中国文化中心… is not cut to 斯科…
        cut = len(s) - MAX_SUBJECT
        start = _at_word_start(s, cut)
        s = _balanced(s[start if start == cut else _next_word_start(s, cut):]).strip(_EDGE_PUNCT + "和及与")
    return s


def _next_word_start(s: str, cut: int) -> int:
    pos = 0
    for word in jieba.cut(s, HMM=False):
        if pos >= cut:
            return pos
        pos += len(word)
    return cut


MAX_AFTER = 40
_BOUND_MORPHEMES = ("zg", "ng", "k")  # 网格|员, 工程机械|车: jieba leaves the last character of a noun alone


def subject_after(text: str, pos: int) -> str:
    """The noun phrase right after a count (508个|入河排污口分类整治).

    A two-character verb between a noun and a closing character or a list's 、 is part of a compound noun
    (垃圾收集站, 社会组织、); a one-character verb before a preposition or another verb
    is the predicate (3辆出租车|停在前坪)."""
    window = text[pos:pos + MAX_AFTER + 4]  # only the next few words: no search to the end of the text
    clause_end = min([i for i in (window.find(c) for c in _CLAUSE_END) if i >= 0] or [len(window)])
    tail = window[:clause_end].lstrip("的（）()只").translate(_QUOTES)
    cut = _Words(tail[:MAX_AFTER])
    words: list[str] = []
    i = -1
    while (current := cut.at(i := i + 1)) is not None:
        word, flag = current
        after = cut.at(i + 1)
        noun_before = bool(words) and words[-1] not in "、和及与"
        if flag.startswith(_BOUND_MORPHEMES) and len(word) == 1 and noun_before:
            words.append(word)
            continue
        verb = flag.startswith("v") and flag != "vn" and len(word) > 1
        if verb and noun_before and len(words[-1]) > 1 and _ends_compound(cut, i + 1):
            words.append(word)
            continue
        if flag.startswith("v") and len(word) == 1 and after is not None and after[1].startswith(("p", "v", "f", "u")):
            break
        if word in _STOP_WORDS or verb or word[0].isdigit() or flag.startswith(("d", "p", "u", "c", "r", "m")) and word not in "和及与":
            break
        if not (flag.startswith(_NOUNISH) or word in "、和及与" or flag.startswith("v")):
            break
        words.append(word)
    s = "".join(words).strip(_EDGE_PUNCT + "和及与")
    return s[:MAX_SUBJECT] if len(s) >= 2 else ""  # 80米|长的海滩: one character names nothing


class _Words:
    """jieba's tagged words of a phrase, cut only as far as they are read (the HMM guess is the cost)."""

    def __init__(self, phrase: str) -> None:
        self._gen, self._seen = pseg.cut(phrase), []

    def at(self, i: int) -> tuple[str, str] | None:
        while len(self._seen) <= i:
            pair = next(self._gen, None)
            if pair is None:
                return None
            self._seen.append((pair.word, pair.flag))
        return self._seen[i]


def _ends_compound(cut: _Words, at: int) -> bool:
    """After a verb inside a noun: a list goes on (社会组织、) or one character closes the noun (收集|站，)."""
    nxt = cut.at(at)
    if nxt is None or nxt[0] in "，。；":
        return False  # 6名青少年受伤。: a verb that ends the clause is its predicate
    if nxt[0] == "、":
        return True
    word, flag = nxt
    last = cut.at(at + 1)
    # one character that closes a noun (站, 员, 点); a word (出现|降水, 加入|小组) is the verb's object
    return len(word) == 1 and flag.startswith(("n", "v", "zg", "ng", "k")) and (
        last is None or last[0] in "、，。；和及与")
