import pytest

from pipeline import cli
from pipeline.extract.ner import MODEL, WEIGHTS, Mention, _join_foreign_names, ner_mentions, tag_spans
from pipeline.ner_benchmark import read_bio, spans


def _found(text):
    return {(m.kind, m.text) for m in ner_mentions(text)}


def test_model_ships_with_the_package():
    assert MODEL.exists() and MODEL.stat().st_size > 100_000
    assert WEIGHTS.exists() and WEIGHTS.stat().st_size > 100_000


def test_person_with_office_and_organisation_run():
    found = _found("呼和浩特市交通运输局局长刘鹏表示，中国人民银行将加大支持。")
    assert ("PER", "刘鹏") in found
    assert ("ORG", "中国人民银行") in found


def test_ordinary_words_jieba_calls_names_are_not_persons():
    # jieba's tagger marks 蓝图 and 养老 as person names (nr); neither may come out as a person.
    found = _found("全市绘就发展蓝图，养老服务体系更加健全，文明城市创建取得新成效。")
    assert not {text for kind, text in found if kind == "PER"} & {"蓝图", "养老", "文明"}


def test_long_government_organisation_names_stay_whole():
    found = _found("内蒙古自治区发展和改革委员会印发通知。")
    assert ("ORG", "内蒙古自治区发展和改革委员会") in found


def test_places_and_persons_without_titles():
    found = _found("习近平在北京会见了法国总统马克龙。")
    assert ("PER", "习近平") in found and ("LOC", "北京") in found and ("LOC", "法国") in found


def test_no_lone_characters_but_short_forms_or_latin_persons():
    found = ner_mentions("央视网消息（新闻联播）：中美两国元首通话，详见cctv.com。")
    assert {(m.text, m.canonical) for m in found if len(m.text) == 1} == {("中", "中国"), ("美", "美国")}
    assert not any(m.kind == "PER" and m.text.isascii() for m in found)


@pytest.mark.parametrize("text, places", [
    ("推进京津冀协同发展", "京津冀"),
    ("台港澳同胞欢聚一堂", "台港澳"),
    ("中俄关系和中日关系", "中俄中日"),
    ("美日同盟", "美日"),
    ("完成新老交替", ""),          # 新 and 老 are short forms, 新老 is a word
    ("打击非法集资", ""),
    ("德、意法西斯的入侵", ""),    # 法 starts 法西斯
    ("在发展进程中加快转型", ""),  # 中 ends 进程中
    ("辽宁省沈阳市", ""),          # 辽 and 宁 are short forms, 辽宁 is a province
])
def test_runs_of_short_forms_are_places(text, places):
    assert "".join(m.text for m in ner_mentions(text) if len(m.text) == 1) == places


def test_short_forms_read_by_their_neighbours():
    canon = {m.text: m.canonical for m in ner_mentions("深化粤港澳合作，中澳自贸协定") if len(m.text) == 1}
    assert canon["粤"] == "广东" and canon["港"] == "香港"
    assert [m.canonical for m in ner_mentions("深化粤港澳合作") if m.text == "澳"] == ["澳门"]
    assert [m.canonical for m in ner_mentions("中澳自贸协定") if m.text == "澳"] == ["澳大利亚"]


def test_listed_names_stand_on_word_boundaries():
    found = _found("民进中央和东盟秘书处发来贺信，新华社报道。")
    assert ("ORG", "东盟") in found and ("ORG", "新华社") in found
    assert ("ORG", "东盟") in _found("东盟国家领导人出席会议。")  # 东盟 + 国家, one jieba word
    assert not any("民进" in t for _, t in _found("人民进行了热烈讨论。"))


def test_places_grow_into_their_full_names():
    found = _found("香港特别行政区政府和俄罗斯联邦代表出席。")
    assert ("ORG", "香港特别行政区政府") in found
    assert ("LOC", "俄罗斯联邦") in found


def test_offsets_point_at_the_text_even_across_pieces():
    text = "第一句话提到了上海。\n" * 3 + "最后，李四在南京说。"
    for m in tag_spans(text) + ner_mentions(text):
        assert text[m.start:m.end] == m.text


def test_bio_spans_are_entity_level():
    assert spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]) == {
        ("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6)}


def test_ner_benchmark_command_prints_table_and_machine_line(tmp_path, capsys):
    sample = "刘\tB-PER\n鹏\tI-PER\n说\tO\n\n北\tB-LOC\n京\tI-LOC\n"
    (tmp_path / "msra_test_bio.txt").write_text(sample, encoding="utf-8")
    (tmp_path / "pd_example.test").write_text(sample.replace("\t", " "), encoding="utf-8")
    assert [t for t, _ in read_bio(tmp_path / "pd_example.test")] == ["刘鹏说", "北京"]
    assert cli.main(["ner-benchmark", "--data", str(tmp_path)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("ner: msra_f1=") and " pd_f1=" in last and " kchars_per_s=" in last


def test_a_place_and_a_bureau_are_one_organisation():
    found = _found("北京市民政局发布通知，浙江省住房和城乡建设厅转发。")
    assert ("ORG", "北京市民政局") in found and ("ORG", "浙江省住房和城乡建设厅") in found


def test_two_whole_names_joined_by_he_are_two_organisations():
    found = _found("北京大学和清华大学的学者参加了会议。")
    assert ("ORG", "北京大学") in found and ("ORG", "清华大学") in found


def test_the_other_names_of_a_list_are_persons():
    found = _found("中央有关部门负责同志韩杼滨、张全景、刘云山、陈至立等参加。")
    assert {t for k, t in found if k == "PER"} == {"韩杼滨", "张全景", "刘云山", "陈至立"}
    # a list of places stays places: the rule only follows a person
    assert {k for k, _ in _found("北京、上海、广州等地")} == {"LOC"}


def test_bylines_doctrines_and_foreign_names():
    assert ("PER", "唐进修") in _found("新华社记者唐进修报道")
    assert {t for k, t in _found("毛泽东思想、邓小平理论") if k == "PER"} == {"毛泽东", "邓小平"}
    assert not _found("加强理论学习，解放思想")
    assert ("PER", "安东尼·布林肯") in _found("美国国务卿安东尼·布林肯表示")
    text = "达恩·蒂雄说"  # the tagger may read the second part as a place
    parts = [Mention("PER", 0, 2, "达恩"), Mention("LOC", 3, 5, "蒂雄")]
    assert _join_foreign_names(text, parts) == [Mention("PER", 0, 5, "达恩·蒂雄")]
