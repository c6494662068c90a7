"""Number forms fixed while raising the numbers benchmark (pattern by pattern, each one a policy text
can contain): value, unit and range pinned, and the forms that must stay no metric."""

import pytest

from pipeline.extract import extract_metrics


def _rows(text):
    return [(m.raw_text, m.value, m.unit) for m in extract_metrics(text)]


@pytest.mark.parametrize(("text", "rows"), [
    # 千 that leaves no number belongs to the unit after it (千瓦, 千米, 千克, 千卡)
    ("装机一百千瓦。", [("一百千瓦", 100, "千瓦")]),
    ("我国只生产八十万千瓦。", [("八十万千瓦", 800_000, "千瓦")]),
    # a thousands separator written with the full-width comma (older reports)
    ("粮食产量33，212万吨，比上年增加2，737万吨。", [("33，212万吨", 332_120_000, "吨"), ("2，737万吨", 27_370_000, "吨")]),
    ("积累的部分为1，120亿元。", [("1，120亿元", 1.12e11, "元")]),
    # one and a half of a measured unit; a pair of something
    ("运来一吨半。", [("一吨半", 1.5, "吨")]),
    ("捐赠棉鞋三双。", [("三双", 3, "双")]),
    # shares too small for four decimals
    ("误差率为一千万分之六。", [("一千万分之六", 6e-05, "%")]),
    # a run of spaces before a unit of two or more characters (typesetting)
    ("比重提高1.6    个百分点。", [("1.6    个百分点", 1.6, "百分点")]),
    # currencies of foreign news keep their currency
    ("索赔金额超过18万亿卢布。", [("超过18万亿卢布", 1.8e13, "卢布")]),
])
def test_number_forms(text, rows):
    assert _rows(text) == rows


def test_range_whose_second_end_holds_the_unit_magnitude():
    (m,) = extract_metrics("一九五九年将生产二百八十万到三百万千瓦。")
    assert (m.value, m.value_high, m.unit) == (2_800_000, 3_000_000, "千瓦")


@pytest.mark.parametrize("text", [
    "在10000与20000间。",  # "between", not 20000 rooms
    "1978，1979两年",  # years in a list, not 1,978,979
    "分别为3，4个方面",  # a list of small numbers, not 3,4
])
def test_not_a_number_form(text):
    assert all(m.value not in (20000, 1_978_979, 34) for m in extract_metrics(text))


def test_a_quoted_range_is_no_programme_name():
    rows = [(m.raw_text, m.value, m.value_high, m.unit) for m in extract_metrics("年龄由“18至25周岁”调整为“18至27周岁”。")]
    assert rows == [("18至25周岁", 18, 25, "岁"), ("18至27周岁", 18, 27, "岁")]
