"""The netral-id corpus: loading it as a ``datasets.Dataset``.

``load("netral-id", split="train")`` reads ``corpora/netral-id/data/<split>.jsonl`` from the
repository (or a directory given with ``data_dir``). Splits are fixed files in the repo,
made once by ``python -m netral_nlp.corpus.splits`` (stratified by frame and genre).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import CorpusError

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPORA = {"netral-id": REPO_ROOT / "corpora" / "netral-id" / "data"}
SPLITS = ("train", "dev", "test", "all")


def data_dir(name: str = "netral-id") -> Path:
    if name not in CORPORA:
        raise CorpusError(f"unknown corpus {name!r}; available: {', '.join(CORPORA)}")
    return CORPORA[name]


def read_records(name: str = "netral-id", split: str = "all", data_dir_: str | Path | None = None) -> list[dict]:
    """The records of a split as a list of dicts (contract format plus genre, source, raw)."""
    if split not in SPLITS:
        raise CorpusError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    base = Path(data_dir_) if data_dir_ else data_dir(name)
    path = base / ("netral-id.jsonl" if split == "all" else f"{split}.jsonl")
    if not path.exists():
        raise CorpusError(f"{path} not found: the corpus files ship in the repository's corpora/ folder "
                          f"(a pip-installed package without the repository has no corpus)")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load(name: str = "netral-id", split: str = "all", data_dir: str | Path | None = None):
    """The corpus split as a ``datasets.Dataset`` (nested fields as lists of dicts)."""
    import datasets

    records = read_records(name, split, data_dir)
    # Arrow needs one type per column: keep "source" and "raw" as JSON/text.
    rows = []
    for r in records:
        row = dict(r)
        row["source"] = json.dumps(r.get("source") or {}, ensure_ascii=False)
        row["raw"] = r.get("raw")
        row["violations"] = [{**v, "outcome": v.get("outcome")} for v in r["violations"]]
        rows.append(row)
    return datasets.Dataset.from_list(rows)
