"""Throughput and memory of the default pipeline against spaCy's blank Indonesian tokenizer.

    python benchmarks/bench_default.py [--docs 300] [--repeats 3]

Same texts (the netral-id corpus, cycled), same run. Reports words/s for: the blank "id"
tokenizer alone (the floor any spaCy pipeline pays), the default pipeline on one process, and
with n_process=2; the ratio of each to the tokenizer; and the peak RSS of each configuration
measured in a fresh subprocess. Warm-up first; A/B interleaved over repeats; medians reported.
Then the time to import and load the pipeline in a fresh process, and of its first call.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
mode, n_docs = sys.argv[1], int(sys.argv[2])
from netral_nlp.corpus import read_records
recs = read_records("netral-id", "all")
texts = [(recs[i % len(recs)].get("raw") or recs[i % len(recs)]["text"]) for i in range(n_docs)]
words = sum(len(t.split()) for t in texts)
if mode == "tokenizer":
    import spacy
    nlp = spacy.blank("id")
    for t in texts[:20]: nlp.make_doc(t)
    t0 = time.perf_counter()
    for t in texts: nlp.make_doc(t)
else:
    import netral_nlp
    nlp = netral_nlp.load()
    n_proc = 2 if mode == "default_2proc" else 1
    for _ in nlp.pipe(texts[:20]): pass
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=n_proc): pass
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"mode": mode, "docs": n_docs, "words": words, "seconds": dt, "peak_rss_mb": rss,
                  "peak_rss_children_mb": rss_children}))
"""


def run(mode: str, n_docs: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(n_docs)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


LOAD_CHILD = r"""
import json, time
t0 = time.perf_counter()
import netral_nlp
nlp = netral_nlp.load()
t1 = time.perf_counter()
nlp("Camat Sukamaju, Budi Santoso, hadir dalam kampanye paslon di Kecamatan Sukamaju, Senin (7/10/2024).")
print(json.dumps({"load_s": t1 - t0, "first_call_s": time.perf_counter() - t1}))
"""


def run_load() -> dict:
    """Seconds to import and load the default pipeline in a fresh process, and of its first call
    (which compiles the patterns that are built on first use)."""
    out = subprocess.run([sys.executable, "-c", LOAD_CHILD], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    modes = ["tokenizer", "default_1proc", "default_2proc"]
    results = {m: [] for m in modes}
    for _ in range(args.repeats):
        for m in modes:  # interleaved, so drift in machine load hits all modes alike
            results[m].append(run(m, args.docs))
    tok = statistics.median(r["words"] / r["seconds"] for r in results["tokenizer"])
    print(f"{'configuration':<22}{'words/s':>12}{'docs/s':>10}{'vs tokenizer':>14}{'peak RSS MB':>13}")
    rows = {}
    for m in modes:
        wps = statistics.median(r["words"] / r["seconds"] for r in results[m])
        dps = statistics.median(r["docs"] / r["seconds"] for r in results[m])
        rss = max(max(r["peak_rss_mb"], r["peak_rss_children_mb"]) for r in results[m])
        rows[m] = {"words_per_s": round(wps), "docs_per_s": round(dps, 1), "ratio": round(wps / tok, 3), "peak_rss_mb": round(rss)}
        print(f"{m:<22}{wps:>12,.0f}{dps:>10.1f}{wps / tok:>14.3f}{rss:>13,.0f}")
    loads = [run_load() for _ in range(max(3, args.repeats))]
    load_s = statistics.median(r["load_s"] for r in loads)
    first_s = statistics.median(r["first_call_s"] for r in loads)
    print(f"load (import netral_nlp + netral_nlp.load(), fresh process, median of {len(loads)}): {load_s:.2f} s; "
          f"first call after it: {first_s:.2f} s")
    rows["load"] = {"load_s": round(load_s, 2), "first_call_s": round(first_s, 2)}
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
