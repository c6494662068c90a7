"""Numbered headings open parts; web-page furniture is a banner row and never in a body."""

import pytest

from pipeline.extract.people_rows import people_rows
from pipeline.sections import split_sections
from pipeline.sections.rows import section_at
from pipeline.text import furniture_kind, is_furniture

PROSE_A = "今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳，主要指标好于预期。"
PROSE_B = "下一步，我们将继续深化改革扩大开放，推动高质量发展取得新成效，不断增进民生福祉。"


def _bodies(text, sections):
    return [text[s.body_start:s.char_end] for s in sections if s.kind != "banner"]


def _banner_lines(sections):
    return [line for s in sections if s.kind == "banner" for line in s.headline.split("\n")]


def test_numbered_headings_open_article_sections():
    text = "\n".join(["某市政府工作报告", PROSE_A, "一、过去一年的工作回顾", PROSE_A, "（二）着力扩大有效投资，项目建设提速",
                      PROSE_B, "第三章 主要任务", PROSE_B])
    sections = split_sections(text)
    articles = [s.headline for s in sections if s.kind == "article"]
    assert articles == ["一、过去一年的工作回顾", "（二）着力扩大有效投资，项目建设提速", "第三章 主要任务"]
    assert not any("一、过去一年" in b for b in _bodies(text, sections))


def test_numbered_heading_after_a_heading_is_not_a_banner():
    text = "\n".join(["报告", PROSE_A, "三、2026年重点工作", "（一）加快建设现代化产业体系", PROSE_B])
    sections = split_sections(text)
    assert [s.headline for s in sections if s.kind == "article"] == ["三、2026年重点工作", "（一）加快建设现代化产业体系"]
    assert not [s for s in sections if s.kind == "banner"]


def test_short_numbered_line_ending_in_full_stop_is_a_heading_but_a_numbered_paragraph_is_not():
    paragraph = ("（一）始终把忠诚作为为政之魂。牢记习近平总书记殷殷嘱托，深入学习贯彻习近平新时代中国特色社会主义思想，"
                 "不断提高政治判断力、政治领悟力、政治执行力。")
    text = "\n".join(["报告", PROSE_A, "（一）经济运行顶住压力、稳中有进。", PROSE_B, paragraph, PROSE_A])
    sections = split_sections(text)
    assert [s.headline for s in sections if s.kind == "article"] == ["（一）经济运行顶住压力、稳中有进。"]
    assert any(paragraph in b for b in _bodies(text, sections))


def test_numbered_list_item_ending_in_semicolon_is_not_a_heading():
    text = "\n".join(["通知", PROSE_A, "一、加强组织领导；", "二、强化督促检查。", PROSE_B])
    sections = split_sections(text)
    assert [s.headline for s in sections if s.kind == "article"] == ["二、强化督促检查。"]
    assert any("一、加强组织领导；" in b for b in _bodies(text, sections))


FURNITURE = {
    "markdown_link": "[查看原文](https://tv.cctv.com/2023/02/17/VIDEIX6I957G.shtml)",
    "html_comment": "<!--repaste.body.begin-->",
    "font_size": "【字号：大 中 小】",
    "download": "下载",
    "print": "打印",
    "full_screen": "全屏",
    "bookmark": "收藏",
    "source": "来源：福建日报",
    "time": "时间：2026-02-06",
    "update_time": "更新时间：2023-09-04T14:26:40.492Z",
    "share": "分享到：",
    "related": "相关文章",
    "index_number": "索引号：000014349/2024-00012",
    "issuing_body": "发布机构：国务院办公厅",
    "issue_date": "发文日期：2024年01月02日",
    "photo_credit": "本报记者 张 文摄",
    "photo_caption": "自治区人民政府主席包钢作政府工作报告。本报记者 韩卿立 摄",
    "xinhua_photo": "新华社发",
}


@pytest.mark.parametrize("line", FURNITURE.values(), ids=FURNITURE.keys())
def test_furniture_between_paragraphs_is_a_banner_not_a_body(line):
    text = "\n".join(["某市召开全市经济工作会议", PROSE_A, line, PROSE_B])
    sections = split_sections(text)
    assert line in _banner_lines(sections)
    bodies = _bodies(text, sections)
    assert not any(line in b for b in bodies)
    assert any(PROSE_A in b for b in bodies) and any(PROSE_B in b for b in bodies)  # nothing lost


@pytest.mark.parametrize("line", FURNITURE.values(), ids=FURNITURE.keys())
def test_furniture_after_the_last_paragraph_is_a_banner(line):
    text = "\n".join(["### 某市召开全市经济工作会议", PROSE_A, line])
    sections = split_sections(text)
    assert line in _banner_lines(sections)
    assert not any(line in b for b in _bodies(text, sections))


def test_split_font_size_widget_and_page_buttons_are_one_banner():
    chrome = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"]
    text = "\n".join([*chrome, "2026年福建省政府工作报告", PROSE_A, "相关报道："])
    sections = split_sections(text)
    assert sections[0].kind == "banner" and sections[0].headline == "\n".join(chrome)
    lead = next(s for s in sections if s.kind == "lead")
    assert lead.headline == "2026年福建省政府工作报告"  # a document that opens with its title keeps its lead
    assert text[lead.body_start:lead.char_end] == PROSE_A


def test_furniture_between_headline_and_first_paragraph_stays_out_of_the_body():
    text = "\n".join(["《新闻联播》", PROSE_A, "## 详细新闻", "### 李强同荷兰首相举行视频会晤", "<!--repaste.body.begin-->", PROSE_A, PROSE_B,
                      "<!--repaste.body.end-->", "[查看原文](https://tv.cctv.com/x.shtml)"])
    sections = split_sections(text)
    article = next(s for s in sections if s.headline == "李强同荷兰首相举行视频会晤")
    assert text[article.body_start:article.char_end] == PROSE_A + "\n" + PROSE_B
    assert section_at(sections, text.index(PROSE_B)) is article  # past the banner inside its head
    assert _banner_lines(sections)[-3:] == ["<!--repaste.body.begin-->", "<!--repaste.body.end-->",
                                            "[查看原文](https://tv.cctv.com/x.shtml)"]


def test_caption_inside_an_interview_continues_the_interview_with_one_interviewee_row():
    text = "\n".join(["报告", PROSE_A, "擘画蓝图 实干展现担当作为", "——访呼和浩特市发展和改革委员会党组书记、主任殷树刚",
                      PROSE_A, "本报记者 张 文摄", PROSE_B])
    sections = split_sections(text)
    interview = [s for s in sections if s.kind == "interview"]
    assert [(s.person, s.continued) for s in interview] == [("殷树刚", False), ("殷树刚", True)]
    assert section_at(sections, text.index(PROSE_B)).person == "殷树刚"  # its figures keep the interviewee
    rows = [r for r in people_rows("d", text, sections, [], "v") if r["source"] == "interviewee_line"]
    assert [(r["person"], r["raw_text"]) for r in rows] == [("殷树刚", "呼和浩特市发展和改革委员会党组书记、主任殷树刚")]


def test_interviewee_row_is_found_past_furniture_before_the_first_paragraph():
    text = "\n".join(["报告", PROSE_A, "擘画蓝图 实干展现担当作为", "——访呼和浩特市发展和改革委员会党组书记、主任殷树刚",
                      "<!--repaste.body.begin-->", PROSE_A])
    sections = split_sections(text)
    interview = next(s for s in sections if s.kind == "interview")
    assert text[interview.body_start:interview.char_end] == PROSE_A
    rows = people_rows("d", text, sections, [], "v")
    assert [r["raw_text"] for r in rows] == ["呼和浩特市发展和改革委员会党组书记、主任殷树刚"]


@pytest.mark.parametrize("line", [
    "**国际人士：西方对俄制裁已殃及全球**",  # a bold subheading of a 新闻联播 item
    "版式设计：蔡华伟",  # a credit
    "山东：确保责任压力传导到位",  # a subheading
])
def test_subheadings_and_credits_are_not_page_furniture(line):
    text = "\n".join(["某市召开全市经济工作会议", PROSE_A, line, PROSE_B])
    assert line not in _banner_lines(split_sections(text))


def test_a_headline_that_starts_with_a_button_word_is_not_furniture():
    assert furniture_kind("下载7元论文先充50元，用户诉中国知网") != "page"


def test_ingest_still_joins_across_a_photo_caption():
    """Published documents.text must not change: ingest never treated a caption as furniture."""
    assert furniture_kind("本报全媒体记者 林 君摄") == "caption"
    assert not is_furniture("本报全媒体记者 林 君摄")
