"""Readers for the public IOB2 NER corpora in training/data (NERGrit, IDNer2k, NER-Prosa)."""
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


#: NER-Prosa labels we keep; its IND (products, media, companies), EVT and FNB are left unlabelled.
NERP_LABELS = {"PPL": "PERSON", "PLC": "PLACE"}


def nerp(split: str = "train") -> list[tuple[list[str], list[str | None]]]:
    """NER-Prosa (IndoNLU split) with its lost case restored, as (tokens, IOB2 tags or None = unknown).

    The corpus is all lower-case, which news never is: a model trained on it as is would learn that
    names can be lower-case and stop relying on capitals. The first word of each sentence and every word
    of an entity get an upper-case first letter; person and place words become PERSON and PLACE;
    words of the other NERP types are left unknown rather than "O", since some would be an
    ORGANISATION in our scheme. Other proper nouns stay lower-case and "O", as NERP labels them.
    """
    name = {"train": "train_preprocess.txt"}[split]  # only the train file is in the repository
    out = []
    for toks, tags in _read_raw(DATA / "nerp" / name):
        words, labels = [], []
        for i, (tok, tag) in enumerate(zip(toks, tags)):
            kind = tag.split("-", 1)[1] if tag != "O" else None
            if kind is not None or i == 0 or toks[i - 1] in (".", "!", "?"):
                tok = tok[:1].upper() + tok[1:]
            if kind in NERP_LABELS:
                tag = f"{tag[0]}-{NERP_LABELS[kind]}"
            elif kind is not None:
                tag = None
            words.append(tok)
            labels.append(tag)
        out.append((words, labels))
    return out


def _read_raw(path: Path) -> list[tuple[list[str], list[str]]]:
    sents, toks, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if toks:
                sents.append((toks, tags))
            toks, tags = [], []
            continue
        tok, tag = line.rstrip("\r").split("\t")
        toks.append(tok)
        tags.append(tag.strip())
    if toks:
        sents.append((toks, tags))
    return sents


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
