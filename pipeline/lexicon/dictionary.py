"""jieba's dictionary, read as a word list: each word with its part-of-speech tag.

The name test, the people extractor, the NER rules and the tagger's features all ask it whether a
string is a word and of what kind (强调 is a verb, 宣传部 an organisation).
"""

from __future__ import annotations

from functools import cache


@cache
def word_tags() -> dict[str, str]:
    """jieba's dictionary with part-of-speech tags (loaded once)."""
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.posseg.dt.word_tag_tab
