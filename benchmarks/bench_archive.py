"""Batch annotation of a generated archive: throughput, peak memory, and the Ray engine's overhead.

    python benchmarks/bench_archive.py [--docs 100000] [--rss-docs 10000,100000] [--seed 13] [--no-ray]

The archive is generated from the netral-id corpus texts (``read_records("netral-id", "all")``),
sampled with a fixed seed; a third of the documents are a prefix of a text or two texts joined,
so lengths vary from one paragraph to a long feature; ids are unique. Every configuration runs
``netral-nlp annotate`` end to end in a fresh subprocess (model loading and worker start-up
included) and reports:

* documents/s of the local engine with 1 and 2 processes on ``--docs`` documents;
* documents/s of the Ray engine with 2 actors on the same documents, and its overhead against the
  local engine at the same worker count (time ratio, Ray / local);
* peak RSS of the annotating process plus its workers (psutil, sampled every 0.1 s, summed over
  the process tree, which for the Ray engine includes the local Ray instance it starts) for the
  local engine with 2 processes at each ``--rss-docs`` size: it must not grow with the archive,
  since the engine streams.

The full 100,000-document run takes hours on a 2-core machine (the default pipeline annotates
~100-200 documents/s); use ``--docs`` and ``--rss-docs`` for shorter runs.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_archive(path: Path, n: int, seed: int = 13) -> dict:
    from netral_nlp.corpus import read_records

    texts = [r["text"] for r in read_records("netral-id", "all")]
    rng = random.Random(seed)
    total = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            t = rng.choice(texts)
            r = rng.random()
            if r < 0.15:  # a prefix: a lead paragraph or two
                t = t[: max(200, int(len(t) * rng.uniform(0.2, 0.6)))]
            elif r < 0.30:  # two articles joined: a long feature
                t = t + "\n\n" + rng.choice(texts)
            total += len(t)
            fh.write(json.dumps({"id": f"bench-{i:06d}", "text": t, "outlet": "bench"}, ensure_ascii=False) + "\n")
    return {"docs": n, "mean_chars": round(total / n)}


def run_annotate(archive: Path, out: Path, engine: str, n_process: int) -> dict:
    """Run the CLI; return wall seconds and the peak RSS (MiB) of its process tree."""
    import psutil

    cmd = [sys.executable, "-m", "netral_nlp.cli", "annotate", str(archive), "-o", str(out), "--quiet",
           "--n-process", str(n_process), "--engine", engine]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [root] + root.children(recursive=True)
            rss = 0
            for p in procs:
                try:
                    rss += p.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    err = proc.stderr.read()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{err[-3000:]}")
    summary = json.loads(err.strip().splitlines()[-1])
    return {"engine": engine, "n_process": n_process, "seconds": wall, "peak_rss_mib": peak / 2**20,
            "summary": summary}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000, help="documents for the throughput runs")
    ap.add_argument("--rss-docs", default="10000,100000", help="archive sizes for the peak-RSS runs")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    ap.add_argument("--json", help="also write the results as JSON here")
    args = ap.parse_args(argv)
    rss_sizes = [int(x) for x in args.rss_docs.split(",") if x]
    work = Path(tempfile.mkdtemp(prefix="bench_archive_"))
    rows, results = [], {"cpu_count": os.cpu_count(), "python": sys.version.split()[0]}
    try:
        arch = work / "archive.jsonl"
        results["archive"] = make_archive(arch, args.docs, args.seed)
        n = args.docs
        runs = {}
        for engine, n_proc in [("local", 1), ("local", 2)] + ([] if args.no_ray else [("ray", 2)]):
            out = work / f"out_{engine}_{n_proc}" if engine == "ray" else work / f"out_{engine}_{n_proc}.jsonl"
            r = run_annotate(arch, out, engine, n_proc)
            assert r["summary"]["written_this_run"] == n, r["summary"]
            runs[(engine, n_proc)] = r
            rows.append((f"throughput, {engine} engine, {n_proc} process{'es' if n_proc > 1 else ''}", n,
                         f"{n / r['seconds']:.1f} docs/s ({r['seconds']:.0f} s)",
                         f"{r['peak_rss_mib']:.0f} MiB" + (" (incl. the local Ray instance)" if engine == "ray" else "")))
            shutil.rmtree(out, ignore_errors=True) if out.is_dir() else out.unlink(missing_ok=True)
        if ("ray", 2) in runs:
            ratio = runs[("ray", 2)]["seconds"] / runs[("local", 2)]["seconds"]
            rows.append(("Ray overhead vs local, 2 workers (time ratio)", n, f"x{ratio:.2f}", ""))
        for size in rss_sizes:
            a = work / f"rss_{size}.jsonl"
            make_archive(a, size, args.seed)
            r = run_annotate(a, work / f"rss_{size}_out.jsonl", "local", 2)
            assert r["summary"]["written_this_run"] == size
            rows.append(("peak RSS, local engine, 2 processes", size, f"{size / r['seconds']:.1f} docs/s",
                         f"{r['peak_rss_mib']:.0f} MiB"))
            runs[("rss", size)] = r
            a.unlink()
            (work / f"rss_{size}_out.jsonl").unlink(missing_ok=True)
        if len(rss_sizes) >= 2:
            lo, hi = runs[("rss", rss_sizes[0])]["peak_rss_mib"], runs[("rss", rss_sizes[-1])]["peak_rss_mib"]
            rows.append((f"RSS growth {rss_sizes[0]:,} -> {rss_sizes[-1]:,} docs", "", f"x{hi / lo:.3f}",
                         f"{hi - lo:+.0f} MiB"))
        results["rows"] = rows
    finally:
        shutil.rmtree(work, ignore_errors=True)
    w = max(len(r[0]) for r in rows)
    print(f"archive: {results['archive']['docs']:,} docs, mean {results['archive']['mean_chars']:,} chars; "
          f"{results['cpu_count']} CPUs; Python {results['python']}")
    print(f"| {'measure'.ljust(w)} | docs | result | peak RSS (process + workers) |")
    print(f"|{'-' * (w + 2)}|---:|---:|---:|")
    for r in rows:
        print(f"| {r[0].ljust(w)} | {r[1]:,} | {r[2]} | {r[3]} |" if r[1] != "" else
              f"| {r[0].ljust(w)} |  | {r[2]} | {r[3]} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
