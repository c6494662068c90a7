"""Count web-page furniture lines that end up inside section bodies, over a JSONL collection.

usage: furniture_in_bodies.py [CORPUS]   (default ../shared/corpus/bench.jsonl.gz)

Each record is read and ingested the way a build reads a collection (``collection_records`` then
``ingest_record``), then split by ``split_sections``; every line of every non-banner body is tested.
Two counts, because one alone would only measure itself:

- ``classifier``: lines the ingest classifier calls page furniture (``is_page_furniture``; on a
  commit that predates it, ``is_furniture``, which also counts credits and bold subheadings);
- ``independent``: lines matching the regexes below, written from the forms the issue lists and
  kept apart from ``pipeline.text`` on purpose, so that the count does not mirror it.

It also prints one sha256 over every document's text and offset map: the splitter must never change
either, so that hash must be the same before and after a change to sectioning.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

# Measure the checkout this script is in, not whichever copy of the package the interpreter installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.ingest import documents  # noqa: E402

try:
    from pipeline import text as lines  # noqa: E402
except ImportError:  # a commit from before the line shapes moved to pipeline/text.py
    from pipeline.ingest import lines  # noqa: E402
from pipeline.ingest.sources import Rejected, collection_records  # noqa: E402
from pipeline.sections import split_sections  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "bench.jsonl.gz"

INDEPENDENT = {
    "link": re.compile(r"^\[[^\]]*\]\([^)]*\)$"),
    "html_comment": re.compile(r"^<!--.*-->$"),
    "font_size": re.compile(r"^【?\s*字[号体][：:]|^(?:加大|还原|减小|大|中|小)$|^【$|^】$"),
    "page_button": re.compile(r"^(?:下载|打印|全屏|收藏|打印本页|关闭窗口)$"),
    "source_time": re.compile(r"^(?:来源|时间|更新时间|发布时间)[：:]"),
    "share": re.compile(r"^分享到"),
    "related": re.compile(r"^相关(?:文章|报道|文档|新闻|链接)"),
    "disclosure": re.compile(r"^(?:索引号|发布机构|发文机关|发文日期|成文日期|发布日期|主题分类|发文字号|主题词)[：:]?"),
    "photo_caption": re.compile(r"(?:记者|摄影)\s*\S{1,4}(?:\s\S{1,3})?\s*摄$|^新华社发$|^资料图片$|^图片来源[：:]"),
}


def classifier():
    """The ingest classifier of the commit being measured."""
    return getattr(lines, "is_page_furniture", lines.is_furniture)


def body_lines(text: str):
    """Every non-empty line inside a section body (banner rows have none)."""
    for s in split_sections(text):
        if s.kind != "banner":
            yield from (ln.strip() for ln in text[s.body_start:s.char_end].split("\n") if ln.strip())


def independent_form(line: str) -> str | None:
    return next((name for name, rx in INDEPENDENT.items() if rx.search(line)), None)


def main(corpus: Path) -> None:
    print(f"measuring {Path(documents.__file__).parents[2]}")
    is_furniture = classifier()
    forms: Counter[str] = Counter()
    by_classifier = docs = docs_hit = 0
    digest = hashlib.sha256()
    for record in collection_records(corpus, corpus.name, corpus.name):
        if isinstance(record, Rejected):
            continue
        doc = documents.ingest_record(record)
        digest.update(doc.text.encode("utf-8") + repr(doc.offset_runs).encode())
        docs += 1
        hit = False
        for line in body_lines(doc.text):
            if form := independent_form(line):
                forms[form] += 1
                hit = True
            if is_furniture(line):
                by_classifier += 1
        docs_hit += hit
    print(f"documents: {docs}; text+offsets sha256: {digest.hexdigest()[:16]}")
    print(f"classifier ({is_furniture.__name__}): {by_classifier} furniture lines in bodies")
    print(f"independent: {sum(forms.values())} furniture lines in bodies, in {docs_hit} documents")
    for name in INDEPENDENT:
        print(f"  {name:14} {forms[name]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
