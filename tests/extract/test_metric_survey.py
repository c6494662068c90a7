"""Forms from the review of 25 unseen 人民日报 articles (issue 14): one assertion per form, each by name."""

import pytest

from pipeline.extract import extract_metrics


def _rows(text):
    return [(m.raw_text, m.value, m.unit) for m in extract_metrics(text)]


@pytest.mark.parametrize(("text", "raw", "value", "unit"), [
    # U1: 个 before a time noun belongs to the unit
    ("每天基本上只睡5个小时。", "5个小时", 5, "小时"),
    ("科考事业已走过35个年头。", "35个年头", 35, "年"),
    # U2: a two-character measure word of trips is not cut
    ("累计发送234趟次。", "234趟次", 234, "趟次"),
    ("引领中外籍船舶4384艘次。", "4384艘次", 4384, "艘次"),
    # U3: a number of people with no measure word counts 人
    ("每天出院人数超过100。", "超过100", 100, "人"),
])
def test_survey_form(text, raw, value, unit):
    rows = [r for r in _rows(text) if r[0] == raw]
    assert rows, _rows(text)
    assert rows[0][2] == unit and rows[0][1] == pytest.approx(value)


def test_magnitude_leaves_no_float_noise():
    # V1: 1.1 × 1e8 in binary floats is 110000000.00000001
    assert [m.value for m in extract_metrics("力争拆除1.1亿平方米。")] == [110_000_000.0]
