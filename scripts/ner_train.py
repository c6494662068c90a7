"""Train the CRF behind pipeline.extract.entities from silver labels (scripts/ner_silver.py).

Usage: python scripts/ner_train.py SILVER.jsonl... [--out pipeline/models/ner.crfsuite]
Both model files are committed: CRFsuite's, and the arrays compiled from it (ner_weights.npz) that
the pipeline reads. Rerun this when the features or the silver labels change.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import pycrfsuite  # noqa: E402

from pipeline import lexicon  # noqa: E402
from pipeline.extract.ner import PLACE_SUFFIXES, bio_spans  # noqa: E402
from pipeline.extract.ner_features import features  # noqa: E402
from pipeline.extract.tagger import WEIGHTS, compile_model  # noqa: E402

RUN_TAGS = {"ns", "ni", "nz", "n", "j"}
START_TAGS = {"ns", "ni", "nz", "j"}
# Generic words that open national bodies' names (国家统计局, 最高人民法院, 世界贸易组织).
NAME_HEADS = {"国家", "最高", "全国", "中央", "世界", "国际", "中华", "人民", "地方"}
ORG_VERBS = lexicon.org_name_verbs()
MAX_RUN = 8


def _org_word(word: str, tag: str) -> bool:
    return tag == "ni" or (tag in RUN_TAGS and len(word) > 1 and word.endswith(lexicon.org_suffixes())
                           and not word.endswith(PLACE_SUFFIXES))


def _in_run(tokens: list[list[str]], j: int) -> bool:
    word, tag = tokens[j]
    if tag in RUN_TAGS or word in ORG_VERBS:
        return True
    # 工业和信息化局: 和 joins two parts of one name when a name word follows it, but never two
    # whole names (最高人民法院和中央电视台)
    return (word == "和" and j + 1 < len(tokens) and not _org_word(*tokens[j - 1])
            and (tokens[j + 1][1] in RUN_TAGS or tokens[j + 1][0] in ORG_VERBS))


def label(tokens: list[list[str]]) -> list[str]:
    """BIO labels from THULAC's tokens: np is a person, ns a place; an organisation is a run of
    name-like tokens that ends in an institution (ni) or an organisation word (北京/ns 大学/n)."""
    tags: list[str] = []
    i = 0
    while i < len(tokens):
        word, tag = tokens[i]
        if tag in START_TAGS or _org_word(word, tag) or word in NAME_HEADS:
            # A lone word is an organisation only on THULAC's word (ni) or as a name (nz, j): 中心 alone is not.
            j, last = i, (i if tag in ("ni", "nz", "j") and _org_word(word, tag) else None)
            while j + 1 < len(tokens) and j + 1 - i < MAX_RUN and _in_run(tokens, j + 1):
                j += 1
                if _org_word(*tokens[j]):
                    last = j
            if last is not None:
                length = sum(len(w) for w, _ in tokens[i:last + 1])
                tags += ["B-ORG"] + ["I-ORG"] * (length - 1)
                i = last + 1
                continue
        kind = {"np": "PER", "ns": "LOC"}.get(tag)
        tags += [f"B-{kind}"] + [f"I-{kind}"] * (len(word) - 1) if kind else ["O"] * len(word)
        i += 1
    return tags


def swap_entities(text: str, tags: list[str], pools: dict[str, list[str]], rng: random.Random):
    """The same sentence with each entity replaced by another of its kind, drawn uniformly from the
    distinct names seen: news repeats a few leaders' names thousands of times, and a model that
    memorises them learns nothing about the context that marks a name."""
    out_text, out_tags, at = [], [], 0
    for kind, a, b in sorted(bio_spans(tags), key=lambda s: s[1]):
        out_text.append(text[at:a])
        out_tags += tags[at:a]
        name = rng.choice(pools[kind])
        out_text.append(name)
        out_tags += [f"B-{kind}"] + [f"I-{kind}"] * (len(name) - 1)
        at = b
    out_text.append(text[at:])
    out_tags += tags[at:]
    return "".join(out_text), out_tags


def _read(paths: list[str]) -> list[dict]:
    """Rows of JSONL files: silver rows carry THULAC's tokens, labelled here; hand-labelled rows carry tags."""
    rows = []
    for path in paths:
        with Path(path).open(encoding="utf-8") as f:
            rows += [json.loads(line) for line in f]
    for row in rows:
        if "tokens" in row:
            row["tags"] = label(row["tokens"])
    return rows


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("silver", nargs="+")
    ap.add_argument("--out", default=str(ROOT / "pipeline/models/ner.crfsuite"))
    ap.add_argument("--weights", default=str(WEIGHTS), help="where the compiled model the tagger reads goes")
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--copies", type=int, default=2, help="entity-swapped copies of each sentence")
    ap.add_argument("--gold", nargs="*", default=[],
                    help="hand-labelled sentences (scripts/ner_gold.py), weighted by --gold-copies")
    ap.add_argument("--gold-copies", type=int, default=4,
                    help="entity-swapped copies of each hand-labelled sentence")
    args = ap.parse_args()
    rows = _read(args.silver)
    if args.limit:
        rows = rows[:args.limit]
    gold = _read(args.gold)
    pools: dict[str, set[str]] = {"PER": set(), "LOC": set(), "ORG": set()}
    for row in rows + gold:
        for kind, a, b in bio_spans(row["tags"]):
            pools[kind].add(row["text"][a:b])
    sorted_pools = {k: sorted(v) for k, v in pools.items()}
    rng = random.Random(13)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sample, copies in ((rows, args.copies), (gold, args.gold_copies)):
        for row in sample:
            trainer.append(features(row["text"]), row["tags"])
            for _ in range(copies):
                text, tags = swap_entities(row["text"], row["tags"], sorted_pools, rng)
                trainer.append(features(text), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True, "feature.minfreq": 2})
    trainer.train(args.out)
    compile_model(Path(args.out), Path(args.weights))
    print(f"trained on {len(rows)} silver sentences (+{args.copies} entity-swapped copies each) and "
          f"{len(gold)} hand-labelled ones (+{args.gold_copies}) -> {args.out} "
          f"({Path(args.out).stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
