"""Make the fixed train/dev/test splits of netral-id (70/15/15), stratified by frame and genre.

Run once after the corpus is built; the split files are committed, and a document keeps
its split when the corpus grows (existing assignments in ``splits.json`` are never changed).
"""
from __future__ import annotations

import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from . import CORPORA

RATIOS = (("train", 0.70), ("dev", 0.15), ("test", 0.15))
SEED = 20241127  # Pilkada 2024 voting day


def assign(records: list[dict], fixed: dict[str, str]) -> dict[str, str]:
    """Split ids: keep fixed assignments, stratify the new ones by (frame, genre)."""
    out = dict(fixed)
    strata = defaultdict(list)
    for r in records:
        if r["id"] not in out:
            strata[(r["frame"], r.get("genre"))].append(r["id"])
    rng = random.Random(SEED)
    for key in sorted(strata, key=str):
        ids = sorted(strata[key])
        rng.shuffle(ids)
        n = len(ids)
        n_dev = round(n * RATIOS[1][1])
        n_test = round(n * RATIOS[2][1])
        # Small strata: still spread them, test first, so every stratum can be measured.
        for i, rid in enumerate(ids):
            if i < n_test:
                out[rid] = "test"
            elif i < n_test + n_dev:
                out[rid] = "dev"
            else:
                out[rid] = "train"
    return out


def main() -> int:
    base = CORPORA["netral-id"]
    records = [json.loads(l) for l in open(base / "netral-id.jsonl", encoding="utf-8") if l.strip()]
    split_file = base.parent / "splits.json"
    fixed = json.loads(split_file.read_text()) if split_file.exists() else {}
    ids = {r["id"] for r in records}
    fixed = {k: v for k, v in fixed.items() if k in ids}
    # The two seed articles are the public examples of the README: keep them in train.
    for r in records:
        if r["id"].startswith("seed-"):
            fixed.setdefault(r["id"], "train")
    mapping = assign(records, fixed)
    split_file.write_text(json.dumps(dict(sorted(mapping.items())), indent=1) + "\n")
    for name, _ in RATIOS:
        with open(base / f"{name}.jsonl", "w", encoding="utf-8") as fh:
            for r in records:
                if mapping[r["id"]] == name:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = {name: sum(1 for v in mapping.values() if v == name) for name, _ in RATIOS}
    print(json.dumps(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
