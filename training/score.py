"""Annotate a corpus split with a pipeline and score it field by field.

    python training/score.py --split dev [--pipeline default|rules|indobert] [--model PATH] [--out preds.jsonl]
    python training/score.py --gold corpora/netral-analysis/analysis.jsonl    # any gold file in the contract

Documents with a scraped-page version ("raw") are annotated from it, as a user would; the
evaluator compares keys, not offsets, so predictions on the cleaned raw page meet gold on
the clean text.
"""
from __future__ import annotations

import argparse
import json
import sys
import time

import netral_nlp
from netral_nlp.corpus import read_records
from netral_nlp.evaluate import evaluate, format_table, read_jsonl


def annotate(nlp, gold: list[dict]) -> list[dict]:
    """The pipeline's prediction for each gold record, from its scraped page where it has one."""
    preds = []
    for g in gold:
        pub = (g.get("source") or {}).get("published") if isinstance(g.get("source"), dict) else None
        preds.append(nlp(g.get("raw") or g["text"], id=g["id"], published=pub).to_dict())
    return preds


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test", "all"])
    ap.add_argument("--pipeline", default="default")
    ap.add_argument("--model", default=None)
    ap.add_argument("--out", default=None, help="write predictions here (JSONL)")
    ap.add_argument("--json", default=None, help="write scores here (JSON)")
    ap.add_argument("--gold", default=None, help="score this JSONL gold file instead of a netral-id split")
    args = ap.parse_args(argv)
    gold = read_jsonl(args.gold) if args.gold else read_records("netral-id", args.split)
    nlp = netral_nlp.load(args.pipeline, model=args.model) if args.model else netral_nlp.load(args.pipeline)
    t0 = time.perf_counter()
    preds = annotate(nlp, gold)
    elapsed = time.perf_counter() - t0
    scores = evaluate(gold, preds)
    print(f"{args.pipeline} on {args.gold or 'netral-id/' + args.split}: {len(gold)} documents in {elapsed:.1f}s")
    print(format_table(scores))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for p in preds:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(scores.to_dict(), fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
