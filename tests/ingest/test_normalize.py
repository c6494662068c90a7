from pipeline.ingest.normalize import assemble, normalised_offset, raw_offset, split_paragraphs


def test_full_width_digits_and_letters_become_ascii():
    paragraphs = split_paragraphs("增长１２．５％，ＧＤＰ")
    assert paragraphs[0].text == "增长12.5%，GDP"


def test_ascii_comma_next_to_chinese_becomes_full_width_but_not_between_digits():
    paragraphs = split_paragraphs("11月25日,全会召开:总投资1,000亿元")
    assert paragraphs[0].text == "11月25日，全会召开：总投资1,000亿元"


def test_crlf_and_ideographic_indent_are_removed_and_offsets_map_back():
    raw = "\u3000\u3000第一段。\r\n\r\n\u3000\u3000第二段。"
    text, runs = assemble(split_paragraphs(raw))
    assert text == "第一段。\n第二段。"
    assert runs == [[0, 2], [5, 12]]  # the newline continues the first run
    for i, ch in enumerate(text):
        if ch != "\n":
            assert raw[raw_offset(runs, i)] == ch


def test_normalised_offset_inverts_raw_offset_across_dropped_characters():
    raw = "\ufeff第一段，\u200b句子。\n\n  第二段。"
    text, runs = assemble(split_paragraphs(raw))
    for i, ch in enumerate(text):
        if ch != "\n":
            assert normalised_offset(runs, raw_offset(runs, i)) == i
