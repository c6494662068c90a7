import pytest

from pipeline.extract import extract_metrics


def one(text):
    found = extract_metrics(text)
    assert len(found) == 1, [m.raw_text for m in found]
    return found[0]


def test_metric_magnitude_and_compound_unit():
    m = one("城区污水处理能力达到64万吨/日。")
    assert (m.value, m.unit, m.raw_text, m.subject) == (640000, "吨/日", "64万吨/日", "城区污水处理能力")


def test_metric_money_goes_to_yuan():
    m = one("总投资581.65亿元。")
    assert m.value == pytest.approx(58165000000) and m.unit == "元"


def test_metric_cheng_is_tens_of_percent_and_approx():
    m = one("重污染天数减少近9成。")
    assert (m.value, m.unit, m.qualifier, m.change) == (90, "%", "approx", "decrease")


def test_metric_half():
    m = one("PM2.5浓度降幅近一半。")
    assert (m.value, m.unit, m.qualifier, m.change, m.subject) == (50, "%", "approx", "decrease", "PM2.5浓度")


def test_metric_growth_with_base_period_takes_previous_subject():
    found = extract_metrics("完成投资438.4亿元，较“十三五”增长188.87%。")
    growth = found[1]
    assert (growth.value, growth.change, growth.base_period, growth.subject) == (188.87, "increase", "十三五", "完成投资")


def test_metric_year_on_year():
    m = one("全市地区生产总值同比增长6.1%。")
    assert m.base_period == "上年同期" and m.change == "increase"


@pytest.mark.parametrize("text, qualifier", [
    ("全市经营主体总量突破46万户。", "gt"), ("争取到10多项国家级试点。", "gt"),
    ("食品抽检合格率持续稳定在98%以上。", "ge"), ("确保年均增幅不低于20%。", "ge"),
    ("误差控制在5%以内。", "le"), ("全市约有3000家企业。", "approx"),
])
def test_metric_qualifiers(text, qualifier):
    assert one(text).qualifier == qualifier


def test_metric_target_versus_achievement():
    assert one("确保年均增幅不低于20%。").kind == "target"
    assert one("在全民健身方面，将着力推动，年均开展体育赛事活动不少于1000场次。").kind == "target"
    assert one("优良天数增加了41天。").kind == "achievement"


def test_metric_range_with_dash():
    m = one("预期目标增长5%—6%。")
    assert (m.value, m.value_high, m.unit, m.qualifier) == (5, 6, "%", "ge")


def test_metric_chinese_numerals_with_magnitude():
    assert one("投入三千五百万元。").value == 35_000_000


@pytest.mark.parametrize("text", [
    "PM2.5浓度持续下降", "S43机场高速具备通车条件", "打造“5+3”品牌赛事矩阵", "市委十三届十次全会",
    "自治区第十六届运动会", "11月25日召开", "重点从三个方面抓好落实", "引黄入呼三期工程", "首个城市", "5G基站",
    "2019年以来", "见注释［1］。",
])
def test_not_metrics(text):
    assert extract_metrics(text) == []


def test_offsets_slice_the_raw_text(seed_doc):
    for m in extract_metrics(seed_doc.text):
        assert seed_doc.text[m.char_start:m.char_end] == m.raw_text
        assert m.raw_text in m.sentence


@pytest.mark.parametrize("text", [
    "到二0一0年形成", "这十三年来，国际局势", "二十世纪八十年代末", "城乡二元经济结构", "两千三百万台湾同胞",
])
def test_narrative_years_mixed_digit_years_idioms_and_glued_units_are_not_metrics(text):
    assert extract_metrics(text) == []


def test_chinese_decimal_percent():
    m = one("年均增长百分之九点三，经济总量")
    assert (m.value, m.unit, m.change, m.period) == (9.3, "%", "increase", "年均")


def test_duration_in_chinese_numerals_after_cue():
    assert one("连续十年增长。").value == 10


def test_single_character_unit_kept_when_jieba_agrees():
    assert one("实施10项目标任务。").unit == "项"
    assert one("生产1.2万台汽车。").value == 12000


def test_figures_in_a_report_plan_section_are_targets_and_in_the_review_achievements():
    text = ("一、2025年工作回顾\n全年粮食产量达到513万吨，新增城镇就业52万人。\n"
            "二、2026年重点工作\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。\n"
            "实施省重点技改项目1500个以上，培育瞪羚企业360家。\n")
    kinds = {m.raw_text: m.kind for m in extract_metrics(text)}
    assert kinds["513万吨"] == "achievement" and kinds["52万人"] == "achievement"
    assert kinds["5%左右"] == "target" and kinds["1500个以上"] == "target" and kinds["360家"] == "target"
