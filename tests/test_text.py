"""sentence_bounds: the same bounds as a search for each terminator, in time that does not grow
with the length of the text (it was searched once per terminator, per metric: quadratic)."""

import time

from hypothesis import given
from hypothesis import strategies as st

from pipeline.text import sentence_bounds

STOPS = "。！？!?\n"


def _by_search(text: str, start: int, end: int) -> tuple[int, int]:
    """The definition: after the last terminator before start, to the first at or after end."""
    a = max(text.rfind(c, 0, start) for c in STOPS) + 1
    ends = [i for i in (text.find(c, end) for c in STOPS) if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return a, b - 1 if text[b - 1:b] == "\n" else b


@given(st.text(alphabet="ab，" + STOPS, max_size=40), st.data())
def test_bounds_are_those_of_the_definition(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_bounds(text, start, end) == _by_search(text, start, end)


def test_one_line_text_without_most_terminators_costs_little_per_call():
    text = "实施交通项目320个，" * 80_000  # 800,000 characters, no terminator at all
    started = time.perf_counter()
    for at in range(0, len(text) - 10, 100):  # 8,000 metrics
        assert sentence_bounds(text, at, at + 5) == (0, len(text))
    elapsed = time.perf_counter() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s for 8,000 calls"  # searching per call took minutes
