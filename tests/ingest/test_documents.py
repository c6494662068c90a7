from pipeline.ingest.defects import inconsistent_references, repeated_passages
from pipeline.ingest.documents import infer_date, infer_title, is_truncated


def test_document_ending_mid_sentence_is_truncated(seed_doc):
    assert seed_doc.truncated
    assert not is_truncated("第一句。\n最后一句话说完了。")
    assert not is_truncated("正文。\n（记者 张三）")


def test_repeated_passage_is_reported():
    sentence = "推动市场监管各项工作展现新气象，实现新作为、再上新台阶，为全市经济社会高质量发展注入强劲动力"
    text = f"我市的举措，{sentence}。另一段。下一步，将{sentence}。"
    found = repeated_passages(text)
    assert len(found) == 1 and sentence in found[0].detail


def test_same_plenary_named_two_ways_is_reported():
    text = "贯彻自治区党委十三届十次全会精神。学习自治区党委十一届十次全会精神，市委十三届十次全会精神。"
    found = inconsistent_references(text)
    assert len(found) == 1 and "十一届" in found[0].detail and "十三届" in found[0].detail


def test_title_and_date_inferred_from_text():
    assert infer_title("# 新闻联播 2024年1月1日\n正文，内容。") == "新闻联播 2024年1月1日"
    assert infer_title("11月25日，全会召开。\n第二段。") == ""
    assert infer_date("2024年3月5日，十四届全国人大二次会议开幕。", "x.txt") == "2024-03-05"
    assert infer_date("正文。", "xwlb-20240101") == "2024-01-01"


def test_seed_defects(seed_doc):
    kinds = [d.kind for d in seed_doc.defects]
    assert kinds.count("page_break_join") == 9
    assert kinds.count("truncated") == 1
    assert kinds.count("repeated_passage") == 1
    assert kinds.count("inconsistent_reference") == 1


def test_doc_id_is_stable_under_edits_and_sha_tracks_content():
    from pipeline.ingest.sources import SourceRecord

    a = SourceRecord("a.txt", "file:a.txt", "正文。".encode())
    b = SourceRecord("a.txt", "file:a.txt", "正文改了。".encode())
    c = SourceRecord("b.txt", "file:b.txt", "正文。".encode())
    assert a.doc_id == b.doc_id != c.doc_id
    assert a.sha256 == c.sha256 != b.sha256
