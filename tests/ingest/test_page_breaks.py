from pipeline.ingest.normalize import split_paragraphs
from pipeline.ingest.page_breaks import repair_page_breaks


def _repair(raw):
    paragraphs, joins = repair_page_breaks(split_paragraphs(raw))
    return [p.text for p in paragraphs], joins


def test_page_break_join_inside_word():
    texts, joins = _repair("突出项目支撑，着力扩大有效投资。呼和浩特市正\n\n积极谋划和储备重大工程项目。")
    assert texts == ["突出项目支撑，着力扩大有效投资。呼和浩特市正积极谋划和储备重大工程项目。"]
    assert len(joins) == 1 and joins[0].left_tail.endswith("市正")


def test_page_break_after_comma_is_joined():
    texts, _ = _repair("实施拔尖创新人才培养工程。创新“1+3”“2+4”贯通培养机制，\n加强中小学生学习能力培养。")
    assert len(texts) == 1


def test_short_subheading_with_comma_is_not_joined():
    texts, joins = _repair("造新的成就，展现新的风采\n武汉“重启”的这些天来，工厂复工。")
    assert joins == [] and len(texts) == 2


def test_headline_and_interviewee_line_are_not_joins():
    raw = "这一段说完了。\n擘画蓝图 实干展现担当作为\n——访呼和浩特市科技局党组书记、局长汪驰\n正文。"
    texts, joins = _repair(raw)
    assert joins == [] and len(texts) == 4


def test_banner_after_cut_paragraph_is_not_joined():
    texts, joins = _repair("力争到末，成功创建国家新型工业化示范区\n学习贯彻党的二十届四中全会精神\n谱写新篇 做大做强优质教育")
    assert joins == [] and len(texts) == 3


def test_seed_has_nine_joins(seed_doc):
    assert len(seed_doc.joins) == 9
    assert "呼和浩特市正积极谋划" in seed_doc.text
    assert "公共交通出行分担率" in seed_doc.text
