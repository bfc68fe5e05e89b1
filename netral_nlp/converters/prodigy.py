"""Prodigy JSONL: spans and relations (``rel.manual`` / ``spans.manual``), the frame as a choice.

One task per document::

    {"text": ..., "tokens": [{"text", "start", "end", "id", "ws"}, ...],
     "spans": [{"start": 383, "end": 391, "label": "OFFICIAL", "token_start": 70, "token_end": 70,
                "id": "T1", "name": "Marhaban", "category": "ASN", ...}, ...],
     "relations": [{"head": 312, "child": 70, "head_span": {...}, "child_span": {...}, "label": "ACTOR"}],
     "options": [{"id": "SOSIALISASI", "text": "SOSIALISASI"}, ...], "accept": ["PENINDAKAN"],
     "answer": "accept", "meta": {"id": ...},
     "netral": {"id", "lang", "relevant", "elections", "regions", "spanless", "extra"}}

Tokens are cut at whitespace, punctuation and every span boundary, so every span starts and
ends on a token. The fields of a span are keys of the span object; ``head``/``child`` of a
relation are the ``token_end`` of its spans, as Prodigy writes them.
"""
from __future__ import annotations

import bisect
import re

from .. import labels
from ..errors import CorpusError
from ._model import (ACTOR, EVENT_FIELDS, LEGAL_FIELDS, OFFICIAL_FIELDS, SAME_PERSON, VIOL_FIELDS, Doc, Entity,
                     Relation, encode, kind_of, stored_attrs)

TOKEN_RE = re.compile(r"\w+|[^\w\s]")
ATTR_KEYS = set(OFFICIAL_FIELDS + EVENT_FIELDS + VIOL_FIELDS + LEGAL_FIELDS + ("official", "actor"))


def tokenize(text: str, cuts) -> list[dict]:
    cuts = sorted(set(cuts))
    tokens = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        lo, hi = bisect.bisect_right(cuts, s), bisect.bisect_left(cuts, e)
        points = [s, *cuts[lo:hi], e]
        for a, b in zip(points, points[1:]):
            tokens.append({"text": text[a:b], "start": a, "end": b, "id": len(tokens),
                           "ws": b < len(text) and text[b].isspace()})
    return tokens


def _token_range(starts, ends, s, e):
    i = bisect.bisect_left(starts, s)
    j = bisect.bisect_right(ends, e) - 1
    return (i, j) if i <= j else (None, None)


def doc_to_task(doc: Doc) -> dict:
    tokens = tokenize(doc.text, [p for e in doc.entities for p in (e.start, e.end)])
    starts, ends = [t["start"] for t in tokens], [t["end"] for t in tokens]
    spans, by_id = [], {}
    for e in doc.entities:
        ts, te = _token_range(starts, ends, e.start, e.end)
        sp = {"start": e.start, "end": e.end, "label": e.label}
        if ts is not None:
            sp.update(token_start=ts, token_end=te)
        sp["id"] = e.id
        sp.update(stored_attrs(doc, e, with_relations=True))
        spans.append(sp)
        by_id[e.id] = sp
    rels = []
    for r in doc.relations:
        h, c = by_id[r.head], by_id[r.tail]
        core = lambda sp: {k: sp[k] for k in ("start", "end", "token_start", "token_end", "label", "id") if k in sp}
        rels.append({"head": h.get("token_end"), "child": c.get("token_end"), "head_span": core(h),
                     "child_span": core(c), "label": r.type})
    f = doc.fields
    netral = {"id": f["id"], "lang": f["lang"], "relevant": f["relevant"], "elections": f["elections"],
              "regions": f["regions"]}
    if doc.spanless:
        netral["spanless"] = doc.spanless
    if doc.extra:
        netral["extra"] = doc.extra
    return {"text": doc.text, "tokens": tokens, "spans": spans, "relations": rels,
            "options": [{"id": fr, "text": fr} for fr in labels.FRAMES], "accept": [f["frame"]],
            "answer": "accept", "meta": {"id": f["id"], "frame": f["frame"]}, "netral": netral}


def write(records) -> list[dict]:
    return [doc_to_task(encode(r)) for r in records]


def task_to_doc(task: dict, n: int) -> Doc:
    where = f"Prodigy line {n}"
    if not isinstance(task, dict) or not isinstance(task.get("text"), str):
        raise CorpusError(f"{where}: a Prodigy task is a JSON object with a 'text' string")
    text = task["text"]
    meta = task.get("netral") or {}
    doc_id = meta["id"] if "id" in meta else (task.get("meta") or {}).get("id")
    doc = Doc(text=text, where=f"{where} (id {doc_id!r})",
              fields={"id": doc_id, "lang": meta.get("lang") or "id", "relevant": meta.get("relevant"),
                      "elections": meta.get("elections") or [], "regions": meta.get("regions") or []},
              spanless=meta.get("spanless") or {}, extra=meta.get("extra") or {})
    tokens = task.get("tokens") or []
    by_key: dict[tuple, list[str]] = {}
    by_token_end: dict[int, list[str]] = {}
    for i, sp in enumerate(task.get("spans") or []):
        if not isinstance(sp, dict):
            raise CorpusError(f"{doc.where}: span {sp!r} is not an object with start, end, label")
        start, end = sp.get("start"), sp.get("end")
        if (start is None or end is None) and sp.get("token_start") is not None and tokens:
            try:
                start, end = tokens[sp["token_start"]]["start"], tokens[sp["token_end"]]["end"]
            except (IndexError, KeyError, TypeError):
                raise CorpusError(f"{doc.where}: span {sp!r} has token indices outside the task's tokens") from None
        lab = sp.get("label")
        if not isinstance(lab, str):
            raise CorpusError(f"{doc.where}: span {sp!r} has no label")
        kind_of(lab)
        eid = str(sp.get("id", f"s{i}"))
        if any(e.id == eid for e in doc.entities):
            raise CorpusError(f"{doc.where}: two spans have the id {eid!r}")
        doc.entities.append(Entity(eid, lab, start, end, {k: v for k, v in sp.items() if k in ATTR_KEYS}))
        by_key.setdefault((start, end, lab), []).append(eid)
        if sp.get("token_end") is not None:
            by_token_end.setdefault(sp["token_end"], []).append(eid)
    ids = {e.id for e in doc.entities}
    actor_heads = set()

    def resolve(span, token, role, typ):
        if isinstance(span, dict):
            if span.get("id") is not None and str(span["id"]) in ids:
                return str(span["id"])
            cands = by_key.get((span.get("start"), span.get("end"), span.get("label")), [])
        else:
            cands = by_token_end.get(token, [])
        if typ == ACTOR and role == "head":  # equal evidence spans of several violations: one actor each
            cands = [c for c in cands if c not in actor_heads] or cands
        if not cands:
            raise CorpusError(f"{doc.where}: a {typ} relation's {role} {span or token!r} matches no span of the task")
        return cands[0]

    for r in task.get("relations") or []:
        typ = r.get("label")
        if typ not in (ACTOR, SAME_PERSON):
            raise CorpusError(f"{doc.where}: unknown relation label {typ!r}; use {ACTOR} or {SAME_PERSON}")
        h = resolve(r.get("head_span"), r.get("head"), "head", typ)
        c = resolve(r.get("child_span"), r.get("child"), "child", typ)
        if typ == ACTOR:
            actor_heads.add(h)
        doc.relations.append(Relation(typ, h, c))
    accept = [a for a in task.get("accept") or [] if a in labels.FRAMES]
    if len(accept) > 1:
        raise CorpusError(f"{doc.where}: several frames accepted {accept}; a document has exactly one frame")
    doc.fields["frame"] = accept[0] if accept else meta.get("frame")
    return doc


def read(tasks, answers=("accept",)) -> list[Doc]:
    out = []
    for n, t in enumerate(tasks, 1):
        if isinstance(t, dict) and t.get("answer") is not None and answers and t["answer"] not in answers:
            continue
        out.append(task_to_doc(t, n))
    return out
