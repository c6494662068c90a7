"""Issue 14: every listed form with its exact value, unit and attributes; a form that breaks fails by name."""

import pytest

from pipeline.extract import extract_metrics


def _rows(text):
    return [(m.raw_text, m.value, m.unit) for m in extract_metrics(text)]


@pytest.mark.parametrize(("text", "raw", "value", "unit"), [
    ("小学一千零十人。", "一千零十人", 1010, "人"),
    ("小学二千零十七万人。", "二千零十七万人", 20_170_000, "人"),
    ("旅游订单增长三成半。", "三成半", 35, "%"),
    ("收获十五斤半。", "十五斤半", 15.5, "斤"),
    ("利润为负3.9%。", "负3.9%", -3.9, "%"),
    ("出口下降至-22.2%。", "-22.2%", -22.2, "%"),
    ("投资4亿5679万元。", "4亿5679万元", 456_790_000, "元"),
    ("补贴1万600元。", "1万600元", 10_600, "元"),
    ("吸纳1万2千人就业。", "1万2千人", 12_000, "人"),
    ("最高气温39℃。", "39℃", 39, "℃"),
    ("气温20摄氏度。", "20摄氏度", 20, "℃"),
    ("气温零下5℃。", "零下5℃", -5, "℃"),
    ("PM2.5平均浓度35微克/立方米。", "35微克/立方米", 35, "微克/立方米"),
    ("年满16周岁。", "16周岁", 16, "岁"),
    ("经济总量五十四万亿元。", "五十四万亿元", 5.4e13, "元"),
    ("事故率控制在万分之三。", "万分之三", 0.03, "%"),
    ("覆盖率达到百分之百。", "百分之百", 100, "%"),
    ("比重提高1.6 个百分点。", "1.6 个百分点", 1.6, "百分点"),
    ("平均身高168cm。", "168cm", 168, "厘米"),
    ("水深超过250m。", "超过250m", 250, "米"),
    ("全线长3km。", "3km", 3, "公里"),
    ("发放奖牌120枚。", "120枚", 120, "枚"),
    ("组建服务队30组。", "30组", 30, "组"),
    ("更换电子屏15块。", "15块", 15, "块"),
    ("保障航班120架次。", "120架次", 120, "架次"),
    ("集体婚礼共50对新人。", "50对", 50, "对"),
    ("纳税人达到3000。", "3000", 3000, "人"),
    ("粮食产量突破亿吨。", "突破亿吨", 1e8, "吨"),
    ("参与群众超万人。", "超万人", 10_000, "人"),
    ("召开常务会议两次。", "两次", 2, "次"),
    ("票价两美元。", "两美元", 2, "美元"),
    ("孩子今年五岁。", "五岁", 5, "岁"),
    ("每吨补贴三元。", "三元", 3, "元"),
])
def test_issue14_form(text, raw, value, unit):
    rows = _rows(text)
    assert len(rows) == 1, rows
    assert rows[0][0] == raw and rows[0][2] == unit
    assert rows[0][1] == pytest.approx(value)


def test_negative_growth_keeps_sign_change_and_base():
    m = extract_metrics("社会消费品零售总额同比增长-3.9%。")[0]
    assert (m.raw_text, m.value, m.unit, m.change, m.base_period) == ("-3.9%", -3.9, "%", "increase", "上年同期")


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("中国代表团获得9金4银2铜。", [9, 4, 2], "枚"), ("事故造成2死3伤。", [2, 3], "人"),
])
def test_a_tally_is_one_metric_per_figure(text, values, unit):
    assert [(v, u) for _, v, u in _rows(text)] == [(v, unit) for v in values]


def test_base_period_at_year_end():
    m = extract_metrics("存款余额比上年末增长8.1%。")[0]
    assert (m.change, m.base_period) == ("increase", "上年末")


@pytest.mark.parametrize(("text", "change"), [
    ("今年增设24个本科专业。", "increase"), ("外地游客激增近4倍。", "increase"), ("增发国债1万亿元。", "increase"),
    ("服务业增速较去年加快1.2个百分点。", "increase"), ("人民币对美元贬值2.1%。", "decrease"), ("为群众减负237亿元。", "decrease"),
])
def test_change_verbs(text, change):
    assert extract_metrics(text)[0].change == change


def test_speeding_up_work_is_no_change():
    assert extract_metrics("加快打造4个万亿级产业集群。")[0].change == "none"


def test_a_change_word_inside_a_noun_phrase_is_no_change():
    m = extract_metrics("同比上涨的城市个数为68个。")[0]
    assert (m.value, m.unit, m.change, m.base_period) == (68, "个", "none", None)


@pytest.mark.parametrize("text", ["重点抓好三个方面工作。", "人均GDP进入全国前8位。", "二次创业再出发。", "三次产业协调发展。",
                                  "城乡二元结构。"])
def test_not_metrics_issue14(text):
    assert _rows(text) == []


def test_the_tax_burden_is_no_minus():
    assert _rows("个人所得税负超过15%的部分予以免征。") == [("超过15%", 15, "%")]


def test_the_base_of_an_exchange_rate_is_no_metric():
    assert _rows("1美元兑7.1元人民币。") == [("7.1元", 7.1, "元")]


def test_a_decimal_with_a_magnitude_ends_the_number():
    assert ("65岁", 65, "岁") in _rows("累计为1.27亿65岁及以上老年人提供服务。")


@pytest.mark.parametrize(("genre", "text", "kinds"), [
    ("news", "去年，该县将农村自来水普及率从85%提高到92%。", ["achievement", "achievement"]),
    ("news", "全市计划投资10亿元，已完成8亿元。", ["target", "achievement"]),
    ("plan", "到2030年，力争实现数字经济增加值达到500亿元。", ["target"]),
    ("plan", "今年将新建保障房3000套。", ["target"]),
    ("report review", "一、2025年工作回顾\n培育目标企业120家。", ["achievement"]),
    ("report plan", "二、2026年重点工作\n实施技改项目1500个以上。", ["target"]),
    ("interview", "在全民健身方面，将着力推动，年均开展体育赛事活动不少于1000场次。", ["target"]),
])
def test_kind_by_clause_per_genre(genre, text, kinds):
    assert [m.kind for m in extract_metrics(text)] == kinds, genre
