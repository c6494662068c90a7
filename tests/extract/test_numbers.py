import pytest

from pipeline.extract.numbers import parse_chinese


@pytest.mark.parametrize("text, value", [
    ("三千五百", 3500), ("一万二", 12000), ("两", 2), ("十五", 15), ("二十", 20), ("一百零五", 105),
    ("三千五", 3500), ("一千万", 1e7), ("三亿五千万", 3.5e8), ("二十三万四千", 234000),
])
def test_chinese_numerals(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize("text", ["十四五", "四五", "十十"])
def test_digit_runs_are_not_numbers(text):
    assert parse_chinese(text) is None
