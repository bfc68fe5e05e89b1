"""Score the shipped pipeline's NER on the NERGrit test set with IndoNLU's metric.

    python training/eval_nergrit.py [--model netral_nlp/models/default] [--split test]

Entity-level F1 per type (PERSON, PLACE, ORGANISATION), macro-averaged, as IndoNLU's
``ner_metrics_fn`` reports; printed next to the published figures.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_data import macro_f1, nergrit  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = {"IndoBERT-base-p1": 69.87, "IndoBERT-large-p1": 77.60, "XLM-R base": 79.09}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--model", default=str(ROOT / "netral_nlp" / "models" / "default"))
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--json", default=None)
    args = ap.parse_args(argv)
    from netral_nlp.models_io import load_spacy_dir

    nlp = load_spacy_dir(args.model)
    ner = nlp.get_pipe("ner")
    gold, pred = [], []
    for toks, tags in nergrit(args.split):
        doc = ner(Doc(nlp.vocab, words=toks))
        pred.append([f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc])
        gold.append(tags)
    res = macro_f1(gold, pred)
    print(f"NERGrit {args.split} (IndoNLU metric, entity F1 %): {json.dumps(res)}")
    for name, f1 in PUBLISHED.items():
        print(f"  published {name}: {f1}")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
