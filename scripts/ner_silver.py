"""Label sentences from the internal corpus with THULAC, for training the NER model.

THULAC (Tsinghua) tags persons (np), places (ns) and institutions (ni) well but runs at
about 3,000 characters a second in pure Python and weighs 490 MB: far too slow and heavy to
run inside the pipeline. So it is run once, offline, to label a sample of the corpus, and a
small CRF learns from those labels (scripts/ner_train.py). THULAC is a dev-time tool only:
`pip install thulac==0.2.2` to rerun this.

The output keeps THULAC's tokens and tags; scripts/ner_train.py turns them into entity labels,
so the labelling rules can change without rerunning THULAC.

Usage: python scripts/ner_silver.py CORPUS.jsonl.gz OUT.jsonl [--chars N] [--seed S]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path


def sentences(text: str) -> list[str]:
    out = []
    for piece in re.split(r"(?<=[。！？；\n])", text):
        piece = piece.strip().replace("\u3000", "")
        if 6 <= len(piece) <= 160:
            out.append(piece)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--names-only", action="store_true",
                    help="keep only sentences where jieba sees a person name: government prose has few")
    args = ap.parse_args()
    import thulac

    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        docs = [json.loads(line)["text"] for line in f]
    pool = [s for d in docs for s in sentences(d)]
    random.Random(args.seed).shuffle(pool)
    if args.names_only:
        import jieba.posseg

        pool = [s for s in pool if any(t.startswith("nr") and len(w) > 1 for w, t in jieba.posseg.cut(s))]
    tagger = thulac.thulac()
    done = 0
    with Path(args.out).open("w", encoding="utf-8") as out:
        for sentence in pool:
            if done >= args.chars:
                break
            tokens = [(w, t) for w, t in tagger.cut(sentence)]
            text = "".join(w for w, _ in tokens)
            if text != sentence:
                continue
            out.write(json.dumps({"text": text, "tokens": tokens}, ensure_ascii=False) + "\n")
            out.flush()
            done += len(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
