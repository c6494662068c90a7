from pipeline import cli
from pipeline.extract.ner import find_entities
from pipeline.ner_benchmark import read_bio, spans


def test_person_with_office_and_organisation_run():
    found = {(m.kind, m.text) for m in find_entities("呼和浩特市交通运输局局长刘鹏表示，中国人民银行将加大支持。")}
    assert ("PER", "刘鹏") in found
    assert ("ORG", "中国人民银行") in found


def test_place_alone_is_a_location():
    assert ("LOC", "内蒙古") in {(m.kind, m.text) for m in find_entities("他来到内蒙古考察。")}


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
