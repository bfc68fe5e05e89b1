"""How much the analysis set adds to the modality classifier, measured on documents it did not see.

    python training/crossfit_modality.py [--model netral_nlp/models/default]

The analysis set (corpora/netral-analysis, 100 documents by twenty writers, ids ho-<writer>-<n>) is
split by writer into two halves. For each half, the modality classifier of ``--model`` is retrained
(as ``train_default.py --only-modality`` does, same seed) on netral-id train alone and on netral-id
train + the other half, and both pipelines are scored on this half with netral_nlp.evaluate. The
table gives the violation fields per half and their mean. netral-id test is never read.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
ANALYSIS = ROOT / "corpora" / "netral-analysis" / "analysis.jsonl"
FIELDS = ("violation_types", "violation_type_modality", "incident_types", "actor_links")


def halves() -> dict[str, list[dict]]:
    from netral_nlp.evaluate import read_jsonl

    docs = read_jsonl(ANALYSIS)
    # ids "ho-a-01": the letter names the writer; writers a-j against k-t
    return {"writers a-j": [d for d in docs if d["id"].split("-")[1] <= "j"],
            "writers k-t": [d for d in docs if d["id"].split("-")[1] > "j"]}


def score(model: Path, records: list[dict]) -> dict:
    import netral_nlp
    from netral_nlp.evaluate import evaluate
    from score import annotate

    return evaluate(records, annotate(netral_nlp.load(model=model), records)).to_dict()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "netral_nlp" / "models" / "default"))
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    from train_default import update_modality

    parts = halves()
    rows: dict[str, dict[str, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        base = tmp / "base"
        update_modality(args.model, str(base), args.seed, [])
        for name, held in parts.items():
            other = [d for n, p in parts.items() if n != name for d in p]
            extra = tmp / "other.jsonl"
            extra.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in other), encoding="utf-8")
            wider = tmp / f"wider-{name[-3:]}"
            update_modality(args.model, str(wider), args.seed, [str(extra)])
            rows[name] = {"netral-id train": score(base, held), "+ other half": score(wider, held)}
    print(f"\n| field | {' | '.join(f'{h}: train only | {h}: + other half' for h in parts)} | mean gain |")
    print("|---|" + "---:|" * (2 * len(parts) + 1))
    for f in FIELDS:
        cells, gains = [], []
        for h in parts:
            a, b = (rows[h][k][f]["f1"] for k in ("netral-id train", "+ other half"))
            cells += [f"{a:.3f}", f"{b:.3f}"]
            gains.append(b - a)
        print(f"| {f} | {' | '.join(cells)} | {sum(gains) / len(gains):+.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
