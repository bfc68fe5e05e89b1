"""Inter-annotator agreement on the doubly annotated sample of netral-id.

    python -m netral_nlp.corpus.agreement [--write]

Compiles ``corpora/netral-id/agreement/second/*.json`` (the second annotation), pairs each with
the first annotation in ``data/netral-id.jsonl`` and scores them field by field with the metrics of
``netral-nlp evaluate`` (F1 is symmetric, so it serves as an agreement measure; accuracies are over
officials both annotators found).
"""
from __future__ import annotations

import json
import sys

from ..evaluate import FIELDS, evaluate
from . import CORPORA, read_records
from .authoring import compile_document, load_sources


def compute() -> dict:
    base = CORPORA["netral-id"].parent
    second = []
    for f, src in load_sources([base / "agreement" / "second"]):
        rec, errs = compile_document(src)
        if errs:
            raise SystemExit(f"{f}: {errs[:3]}")
        second.append(rec)
    first = {r["id"]: r for r in read_records("netral-id", "all")}
    gold = [first[r["id"]] for r in second if r["id"] in first]
    scores = evaluate(gold, second).to_dict()
    return scores


def render(scores: dict) -> str:
    lines = ["# Inter-annotator agreement on netral-id", "",
             f"{scores['documents']} documents (a random 10% sample, seed 7) annotated a second time, independently,",
             "from `GUIDELINES.md` alone; compared with the first annotation by `python -m netral_nlp.corpus.agreement`.",
             "F1 treats the first annotation as reference (F1 is symmetric). Position and category are accuracies",
             "over the officials both annotators found.", "", "| field | agreement | support |", "|---|---:|---:|"]
    for f in FIELDS:
        v = scores[f]
        val = v.get("f1", v.get("accuracy"))
        kind = "F1" if "f1" in v else "accuracy"
        lines.append(f"| {f} | {val:.3f} ({kind}) | {v['support']} |")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    scores = compute()
    text = render(scores)
    if "--write" in argv:
        path = CORPORA["netral-id"].parent / "agreement" / "AGREEMENT.md"
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        notes = old[old.index("## Disagreements"):] if "## Disagreements" in old else ""
        path.write_text(text + ("\n" + notes if notes else ""), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
