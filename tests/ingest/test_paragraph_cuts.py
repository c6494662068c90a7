"""Paragraphs that look cut: reported, never repaired, and never headings or lists."""

from pipeline.ingest.defects import paragraph_cuts

PROSE = "南勇表示，这五年呼和浩特市市场监督管理局始终坚持监管与发展并重，收获了36项国家级荣誉。"


def _details(text):
    return [d.detail for d in paragraph_cuts(text)]


def test_paragraph_opening_with_a_verbless_list_tail_is_reported():
    text = PROSE + "\n\n首个“蒙餐地标美食城市”称号；食品抽检合格率持续稳定在98%以上。\n"
    cuts = paragraph_cuts(text)
    assert len(cuts) == 1
    assert text[cuts[0].start:cuts[0].end] == "首个“蒙餐地标美食城市”称号；"


def test_prose_stopping_on_a_word_before_more_prose_is_reported():
    text = "今年以来，全市新增就业岗位1.2万个。同时，我们将持续优化营商环境，推动\n\n" + PROSE
    cuts = paragraph_cuts(text)
    assert [c.kind for c in cuts] == ["paragraph_cut"]
    assert "推动" in cuts[0].detail


def test_headings_lists_and_introductions_are_not_cuts():
    assert _details("笃行实干 护航首府高质量发展\n\n" + PROSE) == []  # a headline has no full sentence
    assert _details("一年来，我们重点抓了五个方面工作。主要有：\n\n" + PROSE) == []
    assert _details(PROSE + "\n\n一是加强食品安全监管；二是优化营商环境。\n") == []
    assert _details(PROSE + "\n\n东北、西北等地雪花飞舞，气温下降；南方多雨。\n") == []
    assert _details(PROSE + "。\\\n\n" + PROSE) == []  # a markdown line break after the full stop


def test_the_last_paragraph_is_left_to_the_truncation_check():
    assert _details(PROSE + "\n\n今年以来，全市新增就业岗位1.2万个。同时，我们将持续优化营商环境，推动") == []
