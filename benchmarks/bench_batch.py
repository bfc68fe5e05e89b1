"""Batched annotation against one call per document, same pipeline, same texts, same run.

    python benchmarks/bench_batch.py [--docs 300] [--repeats 3] [--batch-size 32]

``Pipeline.pipe`` (and the archive engine) run the NER once per batch over the title sentences of all
the batch's documents (``Pipeline.annotate_batch``); a loop of ``nlp(text)`` runs it once per
document. Both are timed on the netral-id corpus (raw pages where it has them), interleaved over the
repeats after a warm-up, medians reported, and their annotations compared for identity.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)
    import netral_nlp
    from netral_nlp.corpus import read_records

    recs = read_records("netral-id", "all")
    items = [{"id": recs[i % len(recs)]["id"], "text": recs[i % len(recs)].get("raw") or recs[i % len(recs)]["text"]}
             for i in range(args.docs)]
    nlp = netral_nlp.load()
    for it in items[:20]:
        nlp(it["text"])
    one_s, batch_s = [], []
    one = batched = None
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        one = [nlp(it["text"], id=it["id"]).to_dict() for it in items]
        one_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        batched = [a.to_dict() for a in nlp.pipe(items, batch_size=args.batch_size)]
        batch_s.append(time.perf_counter() - t0)
    a, b = statistics.median(one_s), statistics.median(batch_s)
    same = json.dumps(one, sort_keys=True) == json.dumps(batched, sort_keys=True)
    print(f"{args.docs} docs: one call each {a:.2f} s | pipe(batch_size={args.batch_size}) {b:.2f} s | "
          f"batched/one-by-one time {b / a:.3f} | identical annotations: {same}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
