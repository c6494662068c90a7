"""The hard cases issue #3 lists, one assertion each: a case that breaks fails here by name."""

import pytest

from pipeline.extract import extract_metrics


def _only(text):
    found = extract_metrics(text)
    assert len(found) == 1, [(m.raw_text, m.value, m.unit) for m in found]
    return found[0]


@pytest.mark.parametrize(("text", "raw", "value", "unit"), [
    ("全市煤炭产量达到1.45亿吨。", "1.45亿吨", 1.45e8, "吨"),
    ("新建保障房三千五百套。", "三千五百套", 3500, "套"),
    ("全年接待游客一万二千人次。", "一万二千人次", 12000, "人次"),
    ("全省可再生能源装机达到8.5万千瓦。", "8.5万千瓦", 85000, "千瓦"),
    ("污水处理能力达到64万吨/日。", "64万吨/日", 640000, "吨/日"),
    ("土地流转租金为800元/亩。", "800元/亩", 800, "元/亩"),
    ("城镇化率提高1.2个百分点。", "1.2个百分点", 1.2, "百分点"),
    ("人口自然增长率为3.5‰。", "3.5‰", 3.5, "‰"),
    ("粮食产量占全国1/5。", "1/5", 20, "%"),
    ("近9成企业实现复工。", "近9成", 90, "%"),
    ("一半以上的村庄通了公交。", "一半以上", 50, "%"),
    ("高新技术企业数量增长2倍。", "2倍", 2, "倍"),
    ("全市新增就业岗位1.2万个。", "1.2万个", 12000, "个"),
    ("完成投资581.65亿元。", "581.65亿元", 5.8165e10, "元"),
    ("出口额达到45亿美元。", "45亿美元", 4.5e9, "美元"),
    ("线路总长120千米。", "120千米", 120, "公里"),
])
def test_values_and_units(text, raw, value, unit):
    m = _only(text)
    assert (m.raw_text, m.unit) == (raw, unit)
    assert m.value == pytest.approx(value)


@pytest.mark.parametrize(("text", "qualifier"), [
    ("新增就业近3万人。", "approx"), ("年产值约50亿元。", "approx"), ("全年共接待游客100万人次左右。", "approx"),
    ("市场主体突破46万户。", "gt"), ("客流超过2000万人次。", "gt"), ("总投资逾10亿元。", "gt"),
    ("建成10多项国家级试点。", "gt"), ("培训1000余人次。", "gt"),
    ("森林覆盖率不低于25%。", "ge"), ("新增岗位不少于5000个。", "ge"), ("优良天数比例达到90%以上。", "ge"),
    ("单位能耗下降控制在3%以内。", "le"), ("每年可节约10万度电。", "exact"), ("签约12个项目。", "exact"), ("负面清单内投资总额10亿美元以下。", "le"),
])
def test_qualifiers(text, qualifier):
    assert _only(text).qualifier == qualifier


def test_neighbouring_chinese_digits_are_an_approximate_range():
    m = _only("每年有两三千只候鸟在此越冬。")
    assert (m.raw_text, m.value, m.value_high, m.unit, m.qualifier) == ("两三千只", 2000, 3000, "只", "approx")


def test_a_range_is_one_metric_with_a_high_value():
    m = _only("预计增长5%—6%。")
    assert (m.value, m.value_high, m.unit) == (5, 6, "%")


@pytest.mark.parametrize(("text", "change", "base"), [
    ("地区生产总值比上年增长6.1%。", "increase", "上年"),
    ("社会消费品零售总额同比下降2.3%。", "decrease", "上年同期"),
    ("旅游收入较“十三五”增长188.87%。", "increase", "十三五"),
    ("新增城镇就业1.5万人。", "increase", None),
    ("服务业增加值占比重提高2.7个百分点。", "increase", None),  # 比重 is a noun, not 比 + base
])
def test_change_and_base_period(text, change, base):
    m = _only(text)
    assert (m.change, m.base_period) == (change, base)


@pytest.mark.parametrize(("text", "raw", "value"), [
    ("建成三十多个产业园。", "三十多个", 30), ("带动一百多万人就业。", "一百多万人", 1e6), ("完成二十五项改革。", "二十五项", 25),
])
def test_chinese_numerals_after_a_verb_ending_in_cheng(text, raw, value):
    m = _only(text)
    assert (m.raw_text, m.value) == (raw, value)


def test_value_added_is_not_an_increase():
    m = _only("全年实现增加值1.2万亿元。")
    assert (m.change, m.subject) == ("none", "增加值")


def test_plan_period_is_a_period_not_a_metric():
    m = _only("“十四五”期间累计完成投资300亿元。")
    assert m.period == "十四五" and m.raw_text == "300亿元"


@pytest.mark.parametrize(("text", "kind"), [
    ("到2030年，力争全市数字经济核心产业增加值达到500亿元。", "target"),
    ("确保粮食产量稳定在100万吨以上。", "target"),
    ("去年全市数字经济核心产业增加值达到400亿元。", "achievement"),
    ("新入选国家培养计划科技领军人才409名。", "achievement"),
])
def test_target_versus_achievement(text, kind):
    assert _only(text).kind == kind


@pytest.mark.parametrize("text", [
    "PM2.5平均浓度持续下降。", "5G基站加快建设。", "S43高速公路建成通车。", "实施“5+3”行动计划。",
    "市委十三届十次全会召开。", "11月25日，会议召开。", "这是首个国家级试点。", "注释［1］见文末。",
    "重点抓好三个方面工作。", "今年前10个月，外贸形势平稳。",
    "迭代升级我省“民营经济32条”，依法保护。", "深入实施“十项重大工程”。", "我的心裂成了两半——一半为你担忧。",
])
def test_not_metrics(text):
    assert extract_metrics(text) == []


def test_subject_is_the_thing_measured():
    assert _only("城区污水处理能力达到64万吨/日。").subject == "城区污水处理能力"


@pytest.mark.parametrize(("text", "raw", "value", "high", "unit"), [
    ("计有五万到六万人。", "五万到六万人", 50000, 60000, "人"),
    ("增长5-6个百分点。", "5-6个百分点", 5, 6, "百分点"),
    ("投资3亿到5亿元。", "3亿到5亿元", 3e8, 5e8, "元"),
    ("面积3-5万平方米。", "3-5万平方米", 30000, 50000, "平方米"),
])
def test_ranges_in_every_writing(text, raw, value, high, unit):
    m = _only(text)
    assert (m.raw_text, m.unit) == (raw, unit)
    assert (m.value, m.value_high) == (pytest.approx(value), pytest.approx(high))


@pytest.mark.parametrize(("text", "raw", "subject"), [
    ("宁波职业技术大学获批升本，15所高职院校21个专业群入选国家级项目。", "21个", "专业群"),  # not the noun before
    ("全市实施300个交通项目。", "300个", "交通项目"),
    ("饮用水水源地水质连续18年达标。", "18年", None),  # a span of time measures what stands before it
    ("习近平总书记写信，汇报回国任教20年来培养人才等情况。", "20年", None),
    ("在80米长的海滩上建起防波堤。", "80米", None),  # 长 is no noun counted
])
def test_a_count_measures_the_noun_after_it(text, raw, subject):
    m = next(m for m in extract_metrics(text) if m.raw_text == raw)
    if subject:
        assert m.subject == subject
    else:
        assert m.subject is None or not m.subject.startswith(("来", "长")) and m.subject != "达标"


@pytest.mark.parametrize(("text", "subject"), [
    ("实施交通项目320个。", "交通项目"),  # the verb before the thing counted is not part of it
    ("年均开展各级各类体育赛事活动不少于1000场次。", "体育赛事活动"),
    ("各类市场主体达到9800多万户。", "市场主体"),
    ("完成投资438.4亿元。", "完成投资"),  # 完成投资 is the measure itself
])
def test_subjects_lose_their_leading_verbs(text, subject):
    assert _only(text).subject == subject
