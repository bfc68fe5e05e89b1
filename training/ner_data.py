"""Readers for the public IOB2 NER corpora in training/data (NERGrit, IDNer2k)."""
from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# Harmonised labels: NERGrit's names.
LABEL_MAP = {"PER": "PERSON", "PERSON": "PERSON", "LOC": "PLACE", "PLACE": "PLACE",
             "ORG": "ORGANISATION", "ORGANISATION": "ORGANISATION"}


def read_iob(path: Path, token_col: int = 0, tag_col: int = -1, sep: str | None = "\t") -> list[tuple[list[str], list[str]]]:
    """Sentences as (tokens, IOB2 tags) with harmonised labels."""
    sents, toks, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.rstrip("\r")
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        parts = line.split(sep) if sep else line.split()
        tok, tag = parts[token_col], parts[tag_col]
        if tag != "O":
            prefix, label = tag.split("-", 1)
            tag = f"{prefix}-{LABEL_MAP[label]}"
        toks.append(tok)
        tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def nergrit(split: str) -> list[tuple[list[str], list[str]]]:
    name = {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"}[split]
    return read_iob(DATA / "nergrit" / name)


def idner2k(split: str) -> list[tuple[list[str], list[str]]]:
    return read_iob(DATA / "idner2k" / f"{split}.txt", token_col=0, tag_col=2, sep=None)


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """CoNLL-style chunks (start, end, type) from IOB tags (an I- after O starts a chunk, as conlleval does)."""
    out, start, label = set(), None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, lab = (tag.split("-", 1) + [None])[:2] if tag != "O" else ("O", None)
        if start is not None and (prefix != "I" or lab != label):
            out.add((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and start is None:
            start, label = i, lab
    return out


def macro_f1(gold: list[list[str]], pred: list[list[str]], types=("PERSON", "PLACE", "ORGANISATION")) -> dict:
    """IndoNLU's metric: entity-level F1 per type, macro-averaged over types (in %)."""
    res = {}
    for t in types:
        tp = fp = fn = 0
        for g, p in zip(gold, pred):
            gc = {c for c in chunks(g) if c[2] == t}
            pc = {c for c in chunks(p) if c[2] == t}
            tp += len(gc & pc); fp += len(pc - gc); fn += len(gc - pc)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        res[t] = round(100 * (2 * prec * rec / (prec + rec) if prec + rec else 0.0), 2)
    res["macro"] = round(sum(res[t] for t in types) / len(types), 2)
    return res
