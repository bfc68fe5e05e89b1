"""The span labels of the IndoBERT token head: which contract spans it learns, as BIO tags.

Spans of different families overlap in the corpus (an event trigger or a person's name inside
violation evidence), and one BIO sequence cannot hold overlapping spans. The token head is
therefore split into *groups*, each its own BIO sequence over the same tokens (one softmax per
group): names and legal references, event triggers, violation evidence.

Tags are per word (the first subword carries the label; special tokens and continuation
subwords get -100 in training, as in Hugging Face's ``run_ner.py``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import labels

IGNORE = -100

#: group name -> span types of that group (label codes come from netral_nlp.labels).
SPAN_GROUPS: dict[str, tuple[str, ...]] = {
    "entity": ("PERSON", "LEGAL_REF"),
    "event": tuple(f"EVENT_{t}" for t in labels.EVENT_TYPES),
    "violation": tuple(f"VIOL_{t}" for t in labels.VIOLATION_TYPES),
}


def bio_tags(types: tuple[str, ...]) -> list[str]:
    """["O", "B-T1", "I-T1", "B-T2", ...]: tag id 2k+1 is B of type k, 2k+2 its I."""
    out = ["O"]
    for t in types:
        out += [f"B-{t}", f"I-{t}"]
    return out


@dataclass(frozen=True)
class LabelScheme:
    """The groups of BIO tags laid side by side in one output layer of the token head."""

    groups: dict[str, tuple[str, ...]]

    @property
    def tags(self) -> dict[str, list[str]]:
        return {g: bio_tags(t) for g, t in self.groups.items()}

    @property
    def slices(self) -> dict[str, slice]:
        """Where each group's logits sit in the token head's output."""
        out, start = {}, 0
        for g, tags in self.tags.items():
            out[g] = slice(start, start + len(tags))
            start += len(tags)
        return out

    @property
    def num_outputs(self) -> int:
        return sum(len(t) for t in self.tags.values())

    def id2label(self) -> dict[int, str]:
        """Flat names ("violation:B-VIOL_KAMPANYE") so that any tool reading config.json sees real labels."""
        flat = [f"{g}:{tag}" for g, tags in self.tags.items() for tag in tags]
        return dict(enumerate(flat))

    def to_config(self) -> dict:
        return {g: list(t) for g, t in self.groups.items()}

    @classmethod
    def from_config(cls, d: dict) -> "LabelScheme":
        return cls({g: tuple(t) for g, t in d.items()})


DEFAULT_SCHEME = LabelScheme(SPAN_GROUPS)


def record_spans(record: dict) -> dict[str, list[tuple[int, int, str]]]:
    """The character spans of a contract record, by group: (start, end, type)."""
    text = record["text"]
    entity = []
    for o in record.get("officials", []):
        for s, e in o.get("mentions", []):
            # Only mentions by name train PERSON; a title-only mention ("Sekda") is not a name.
            if _looks_like_name(text[s:e], o["name"]):
                entity.append((s, e, "PERSON"))
    entity += [(l["span"][0], l["span"][1], "LEGAL_REF") for l in record.get("legal_refs", []) if l.get("span")]
    events = [(e["trigger"][0], e["trigger"][1], f"EVENT_{e['type']}") for e in record.get("events", []) if e.get("trigger")]
    viols = [(v["evidence"][0], v["evidence"][1], f"VIOL_{v['type']}") for v in record.get("violations", []) if v.get("evidence")]
    return {"entity": entity, "event": events, "violation": viols}


def _looks_like_name(mention: str, name: str) -> bool:
    words = set(name.lower().split())
    return bool(words & set(mention.lower().replace(",", " ").split()))


def word_spans(word_ids: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per word: (first token index, start char, end char), for one document's tokens.

    word_ids (int array, -1 for none) and offsets (n, 2) come from a fast tokenizer's encoding.
    """
    valid = word_ids >= 0
    ids = word_ids[valid]
    tok = np.nonzero(valid)[0]
    if ids.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    n_words = int(ids.max()) + 1
    first = np.full(n_words, -1, dtype=np.int64)
    start = np.full(n_words, np.iinfo(np.int64).max, dtype=np.int64)
    end = np.zeros(n_words, dtype=np.int64)
    # Reverse order so that the first token of each word wins the assignment.
    first[ids[::-1]] = tok[::-1]
    np.minimum.at(start, ids, offsets[valid, 0])
    np.maximum.at(end, ids, offsets[valid, 1])
    present = first >= 0
    return first[present], start[present], end[present]


def encode_tags(spans: list[tuple[int, int, str]], types: tuple[str, ...], w_start: np.ndarray,
                w_end: np.ndarray) -> np.ndarray:
    """BIO tag ids per word for the spans of one group; overlapping spans: the first one kept."""
    tags = np.zeros(len(w_start), dtype=np.int64)
    index = {t: k for k, t in enumerate(types)}
    for s, e, t in sorted(spans, key=lambda x: (x[0], -x[1])):
        if t not in index:
            continue
        inside = np.nonzero((w_start < e) & (w_end > s))[0]
        if inside.size == 0 or tags[inside].any():
            continue
        k = index[t]
        tags[inside] = 2 * k + 2
        tags[inside[0]] = 2 * k + 1
    return tags


def decode_tags(tags: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Spans in a sequence of BIO tag ids, vectorised: (first word, last word, type index) arrays.

    An I tag that does not continue a span of its type starts a new one (lenient decoding).
    """
    types = np.where(tags > 0, (tags - 1) // 2, -1)
    is_b = (tags > 0) & (tags % 2 == 1)
    prev = np.concatenate([[-1], types[:-1]])
    cont = (types >= 0) & ~is_b & (types == prev)
    starts = np.nonzero((types >= 0) & ~cont)[0]
    nxt_cont = np.concatenate([cont[1:], [False]])
    ends = np.nonzero((types >= 0) & ~nxt_cont)[0]
    return starts, ends, types[starts]
