"""Mentions and canonical names: one thing written two ways is one entity."""

import pandas as pd

from pipeline.extract.entities import entity_frame
from pipeline.extract.mentions import canonical_name, find_mentions, home_places
from pipeline.extract.rows import mention_rows
from pipeline.frames import frame

HOHHOT = ("呼和浩特市委十三届十次全会召开。会议学习贯彻党的二十届四中全会精神。"
          "市工业和信息化局局长王强表示，呼和浩特市工业和信息化局将实施“沃土计划”，"
          "落实《中共呼和浩特市委关于制定国民经济和社会发展第十五个五年规划的建议》和“十五五”规划。")


def _by_kind(text):
    out = {}
    for m in find_mentions(text):
        out.setdefault(m.kind, []).append(m)
    return out


def test_every_mention_points_at_its_text():
    for m in find_mentions(HOHHOT):
        assert HOHHOT[m.char_start:m.char_end] == m.text


def test_pattern_kinds_are_found_whole():
    found = {(m.kind, m.text) for m in find_mentions(HOHHOT)}
    assert ("meeting", "呼和浩特市委十三届十次全会") in found
    assert ("meeting", "党的二十届四中全会") in found
    assert ("programme", "“沃土计划”") in found
    assert ("plan", "“十五五”规划") in found
    assert ("document", "《中共呼和浩特市委关于制定国民经济和社会发展第十五个五年规划的建议》") in found


def test_bare_city_prefix_is_the_documents_own_city():
    orgs = {m.text: m.canonical for m in _by_kind(HOHHOT)["organization"]}
    assert orgs["市工业和信息化局"] == "呼和浩特市工业和信息化局"
    assert len(set(orgs.values())) == 1  # written two ways, one entity


def test_home_place_is_the_most_named_place_of_each_level():
    home = home_places(["包头市", "呼和浩特市", "呼和浩特市", "内蒙古自治区"], ["呼和浩特市教育局"])
    assert home["市"] == "呼和浩特市" and home["自治区"] == "内蒙古自治区"
    assert "县" not in home


def test_meeting_names_are_normalised():
    home = {"市": "呼和浩特市"}
    same = {canonical_name("meeting", t, home) for t in (
        "市委十三届十次全会", "呼和浩特市委十三届十次全会", "呼和浩特市委第十三届第十次全体会议",
        "中共呼和浩特市第十三届委员会第十次全体会议")}
    assert same == {"呼和浩特市委十三届十次全会"}
    assert canonical_name("meeting", "党的二十届四中全会", {}) == canonical_name("meeting", "二十届四中全会", {})
    assert canonical_name("meeting", "自治区党委十三届十次全会", {}) != canonical_name(
        "meeting", "自治区党委十一届十次全会", {})


def test_without_a_named_city_a_bare_prefix_stays_as_written():
    assert canonical_name("organization", "市教育局", {}) == "市教育局"


def test_entities_join_across_documents():
    rows = []
    for doc_id, text in (("a", "呼和浩特市教育局局长张三表示，市教育局将推进工作。"),
                         ("b", "市教育局局长李四说，呼和浩特市的学校……呼和浩特市将建设。")):
        rows += mention_rows(doc_id, text, [], find_mentions(text), "test")
    entities = entity_frame(frame("mentions", rows), "test")
    edu = entities[entities["canonical_name"] == "呼和浩特市教育局"]
    assert len(edu) == 1
    assert list(edu.iloc[0]["doc_ids"]) == ["a", "b"]
    assert sorted(edu.iloc[0]["aliases"]) == ["呼和浩特市教育局", "市教育局"]
    assert edu.iloc[0]["mention_count"] == 3
    assert entities["entity_id"].is_unique


def test_no_mentions_make_an_empty_entities_table_with_the_schema_columns():
    empty = entity_frame(frame("mentions", []), "test")
    assert isinstance(empty, pd.DataFrame) and empty.empty and "canonical_name" in empty.columns


def test_party_congresses_are_meetings_with_one_name():
    text = "党的二十大以来，全省学习贯彻二十大精神。中国共产党第二十次全国代表大会在北京召开。实施十大工程。"
    meetings = [m for m in find_mentions(text) if m.kind == "meeting"]
    assert [m.text for m in meetings] == ["党的二十大", "二十大", "中国共产党第二十次全国代表大会"]
    assert {m.canonical for m in meetings} == {"二十大"}
    # another party's congress keeps its words: 七大 alone would read as the CPC's
    assert canonical_name("meeting", "第七次全国代表大会", {}) == "七次全国代表大会"


def test_short_forms_take_their_full_names():
    places = {m.text: m.canonical for m in find_mentions("推进京津冀协同发展，深化中美合作。") if m.kind == "place"}
    assert places == {"京": "北京", "津": "天津", "冀": "河北", "中": "中国", "美": "美国"}


def test_the_meeting_scan_finds_what_the_meeting_pattern_finds():
    """_MEETING_SCAN only adds a first-character check to _MEETING: same matches on real text."""
    from pathlib import Path

    from pipeline.extract.mentions import _MEETING, _MEETING_SCAN

    docs = sorted((Path(__file__).resolve().parents[1] / "devset" / "docs").glob("*"))
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in docs if p.is_file()]
    texts.append("中共呼和浩特市委十三届十次全会、自治区党委十一届七次全会、党的二十大和十大工程、第十四届全国人民代表大会第三次会议")
    found = 0
    for text in texts:
        expected = [(m.start(), m.end()) for m in _MEETING.finditer(text)]
        assert [(m.start(), m.end()) for m in _MEETING_SCAN.finditer(text)] == expected
        found += len(expected)
    assert found > 10
