"""The default pipeline with thinc's BLIS kernels against NumPy's BLAS (its default), same run.

    python benchmarks/bench_matmul.py [--docs 200] [--repeats 3]

Loads the default pipeline once, then annotates the same corpus texts (netral-id, raw pages where
the corpus has them) alternately with BLIS (``NumpyOps()``) and with NumPy's matrix products
(``NumpyOps(use_blis=False)``, what ``netral_nlp.load()`` sets), interleaved over repeats; prints
the median seconds of each, their ratio, and whether the annotations are identical. Run it with
OPENBLAS_NUM_THREADS=1 to compare on one thread (what each ``pipe(n_process=N)`` worker uses).
"""
from __future__ import annotations

import argparse
import statistics
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    import netral_nlp
    from netral_nlp.corpus import read_records
    from netral_nlp.pipeline import set_ops
    from thinc.api import NumpyOps

    recs = read_records("netral-id", "all")
    texts = [(recs[i % len(recs)].get("raw") or recs[i % len(recs)]["text"]) for i in range(args.docs)]
    nlp = netral_nlp.load()

    configs = {"blis": NumpyOps(), "numpy": NumpyOps(use_blis=False)}
    times: dict[str, list[float]] = {k: [] for k in configs}
    outputs: dict[str, list[dict]] = {}
    for _ in nlp.pipe(texts[:10]):
        pass
    for _ in range(args.repeats):
        for name, ops in configs.items():
            set_ops(nlp.nlp, ops)
            t0 = time.perf_counter()
            outputs[name] = [a.to_dict() for a in nlp.pipe(texts)]
            times[name].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"{args.docs} docs, {args.repeats} repeats (median seconds)")
    print(f"BLIS {med['blis']:.2f} s | NumPy BLAS {med['numpy']:.2f} s | NumPy/BLIS time {med['numpy'] / med['blis']:.3f}")
    print("identical annotations:", outputs["blis"] == outputs["numpy"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
