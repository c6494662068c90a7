"""The compiled tagger (numpy scores and Viterbi over ``ner_weights.npz``) must be the CRFsuite
model it was compiled from: same scores for the same features, same labels, same pieces."""

import itertools

import numpy as np
import pycrfsuite
import pytest

from pipeline.extract import tagger as tg
from pipeline.extract.ner_features import emission_scores, features

TEXTS = [
    "习近平在北京会见了法国总统马克龙。",
    "呼和浩特市交通运输局局长刘鹏表示，中国人民银行将加大支持。",
    "内蒙古自治区发展和改革委员会印发通知；欧阳娜娜、司马光出席。",
    "记者唐进修报道 国务院副总理张国清2025年3月在cctv.com发表讲话！\n",
    "中美关系\n\n  \n京津冀协同发展，粤港澳大湾区（GBA）建设取得新进展？",
    "安东尼奥·古特雷斯说，联合国秘书长办公室主任……①②③ ＡＢＣ１２３",
    "国",
    "",
]


@pytest.fixture(scope="module")
def crf():
    tagger = pycrfsuite.Tagger()
    tagger.open(str(tg.MODEL))
    return tagger


@pytest.fixture(scope="module")
def weights_by_attribute(crf):
    info = crf.info()
    labels = tg.load_tagger()["labels"].tolist()
    out: dict[str, np.ndarray] = {}
    for (attr, label), w in info.state_features.items():
        out.setdefault(attr, np.zeros(len(labels)))[labels.index(label)] += w
    return out


def _pieces_reference(text):
    """The tagger's pieces as the loop it replaces made them: cut after 。！？；\\n or at 400."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in "。！？；\n" or i + 1 - start >= tg.MAX_SENTENCE:
            out.append((start, i + 1))
            start = i + 1
    if start < len(text):
        out.append((start, len(text)))
    return out


@pytest.mark.parametrize("text", ["", "。", "a\nb", "x" * 399 + "。", "x" * 400 + "。", "x" * 401, "y" * 1203 + "\n\n"])
def test_pieces_are_the_sentence_loop_s(text):
    starts, ends = tg.piece_bounds(text)
    assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == _pieces_reference(text)


@pytest.mark.parametrize("text", [t for t in TEXTS if t])
def test_scores_are_the_sum_of_the_feature_strings_weights(text, weights_by_attribute):
    weights = tg.load_tagger()
    starts, ends = tg.piece_bounds(text)
    words = tg._piece_words(text, ends)
    where, tag = tg._word_arrays(len(text), words, weights["tag_rows"])
    scores = emission_scores(text, starts, ends, where, tag, weights)
    at = 0
    for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
        piece_words = []
        while at < len(words) and sum(map(len, piece_words)) < b - a:
            piece_words.append(words[at])
            at += 1
        expected = [sum((weights_by_attribute.get(f, 0) for f in item), np.zeros(scores.shape[1]))
                    for item in features(text[a:b], piece_words)]
        np.testing.assert_allclose(scores[a:b], np.array(expected), rtol=0, atol=1e-9)


def test_labels_are_crfsuite_s(crf, seed_doc):
    texts = [*TEXTS, seed_doc.text]
    for text in texts:
        starts, ends = tg.piece_bounds(text)
        words = tg._piece_words(text, ends)
        expected, at = [], 0
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            piece_words = []
            while at < len(words) and sum(map(len, piece_words)) < b - a:
                piece_words.append(words[at])
                at += 1
            if text[a:b].strip():
                expected += [(k, a + x, a + y) for k, x, y in tg.bio_spans(crf.tag(features(text[a:b], piece_words)))]
        assert [(m.kind, m.start, m.end) for m in tg.tag_spans(text)] == expected
        assert "".join(words) == text


def test_the_shipped_weights_are_compiled_from_the_shipped_model(tmp_path):
    fresh = np.load(tg.compile_model(tg.MODEL, tmp_path / "w.npz"))
    shipped = np.load(tg.WEIGHTS)
    assert sorted(fresh.files) == sorted(shipped.files)
    for name in fresh.files:
        assert np.array_equal(fresh[name], shipped[name]), name


def _best_by_enumeration(scores, transitions):
    best, best_path = -np.inf, None
    for path in itertools.product(range(scores.shape[1]), repeat=len(scores)):
        total = sum(scores[t, y] for t, y in enumerate(path)) + sum(transitions[a, b] for a, b in itertools.pairwise(path))
        if total > best:
            best, best_path = total, list(path)
    return best_path


def test_viterbi_decodes_each_piece_on_its_own_as_enumeration_does():
    rng = np.random.default_rng(5)
    for _ in range(20):
        lengths = rng.integers(1, 6, size=4)
        ends = np.cumsum(lengths)
        starts = ends - lengths
        scores, transitions = rng.normal(size=(int(ends[-1]), 3)), rng.normal(size=(3, 3)) * 2
        labels = tg.viterbi(scores, starts, ends, transitions).tolist()  # all pieces at once
        for a, b in zip(starts.tolist(), ends.tolist(), strict=True):
            assert labels[a:b] == _best_by_enumeration(scores[a:b], transitions)
            alone = tg.viterbi(scores, np.array([a]), np.array([b]), transitions).tolist()  # one piece
            assert alone[a:b] == labels[a:b]


def test_viterbi_ties_go_to_the_lower_label_either_way():
    scores, transitions = np.zeros((4, 3)), np.zeros((3, 3))
    assert tg.viterbi(scores, np.array([0]), np.array([4]), transitions).tolist() == [0, 0, 0, 0]
    assert tg.viterbi(scores, np.array([0, 2]), np.array([2, 4]), transitions).tolist() == [0, 0, 0, 0]


def test_words_bounds():
    words = tg.Words.of(["中国", "人民", "银行", "。"])
    assert words.starts(0) and words.starts(2) and not words.starts(1) and not words.starts(7)
    assert words.ends(2) and words.ends(7) and not words.ends(0) and not words.ends(3)
    assert words.word_at(3) == (2, 4) and words.word_at(6) == (6, 7)


@pytest.mark.parametrize("text", ["", " ", "a", "\u3000\n", "国\n \n\t\xa0。x\n", "  \n" * 5 + "家"])
def test_blank_pieces_are_those_strip_empties(text):
    starts, ends = tg.piece_bounds(text)
    expected = [not text[a:b].strip() for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
    assert tg._blank_pieces(text, starts).tolist() == expected
