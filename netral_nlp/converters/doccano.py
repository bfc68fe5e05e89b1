"""doccano JSONL: sequence labeling (``label``/``labels``), relation projects (``entities`` +
``relations``), intent-and-slot (``entities`` as lists + ``cats``).

One line per document::

    {"text": ...,
     "entities": [{"id": 1, "label": "OFFICIAL", "start_offset": 383, "end_offset": 391}, ...],
     "relations": [{"id": 1, "from_id": 7, "to_id": 1, "type": "ACTOR"}, ...],
     "cats": ["PENINDAKAN", "RELEVANT", "PILKADA_2024"],
     "netral": {"id": ..., "lang": ..., "regions": [...], "spans": [...], "spanless": {...}, "extra": {...}}}

doccano has no per-span attributes, so the fields of each span (official name, category,
violation modality...) are kept in the ``netral`` metadata column, keyed by the span's
``[start, end, label]`` and its rank among equal keys. doccano keeps unknown columns as
metadata and writes them back on export, so the ``netral`` column survives a trip through the
tool. Spans the tool adds get the defaults of ``docs/converters.md``.
"""
from __future__ import annotations

import json

from .. import labels
from ..errors import CorpusError
from ._model import (ACTOR, SAME_PERSON, Doc, Entity, Relation, codepoint_to_utf16, encode, kind_of, stored_attrs,
                     utf16_to_codepoint)

RELEVANT, NOT_RELEVANT = "RELEVANT", "NOT_RELEVANT"
STYLES = ("entities", "label", "labels", "slots")


def cats_of(fields: dict) -> list[str]:
    return [fields["frame"], RELEVANT if fields["relevant"] else NOT_RELEVANT, *fields["elections"]]


def parse_cats(cats, doc: Doc) -> None:
    if isinstance(cats, dict):  # spaCy style {"LABEL": score}
        cats = [k for k, v in cats.items() if v is True or (isinstance(v, (int, float)) and v >= 0.5)]
    if not isinstance(cats, list):
        raise CorpusError(f"{doc.where}: 'cats' must be a list of document labels, got {cats!r}")
    elections = []
    for c in cats:
        if c in labels.FRAMES:
            doc.fields["frame"] = c
        elif c in (RELEVANT, NOT_RELEVANT):
            doc.fields["relevant"] = c == RELEVANT
        elif labels.is_election_code(c):
            elections.append(c)
        else:
            raise CorpusError(f"{doc.where}: unknown document label {c!r}; 'cats' holds a frame "
                              f"({', '.join(labels.FRAMES)}), {RELEVANT}/{NOT_RELEVANT} and election codes (PEMILU_2024)")
    doc.fields["elections"] = elections


def _key(start, end, label) -> str:
    return f"{start}:{end}:{label}"


def doc_to_line(doc: Doc, style: str = "entities", offsets: str = "codepoint") -> dict:
    if style not in STYLES:
        raise CorpusError(f"doccano style must be one of {', '.join(STYLES)}, not {style!r}")
    rel = style == "entities"
    conv = (lambda o: codepoint_to_utf16(doc.text, o)) if offsets == "utf16" else (lambda o: o)
    numeric = {e.id: n for n, e in enumerate(doc.entities, 1)}
    spans = []
    for e in doc.entities:
        a = stored_attrs(doc, e, with_relations=rel)
        if a:
            spans.append({"start": e.start, "end": e.end, "label": e.label, **a})
    f = doc.fields
    line: dict = {"text": doc.text}
    if rel:
        line["entities"] = [{"id": numeric[e.id], "label": e.label, "start_offset": conv(e.start),
                             "end_offset": conv(e.end)} for e in doc.entities]
        line["relations"] = [{"id": n, "from_id": numeric[r.head], "to_id": numeric[r.tail], "type": r.type}
                             for n, r in enumerate(doc.relations, 1)]
    else:
        line["entities" if style == "slots" else style] = [[conv(e.start), conv(e.end), e.label] for e in doc.entities]
    line["cats"] = cats_of(f)
    netral = {"id": f["id"], "lang": f["lang"], "regions": f["regions"]}
    if spans:
        netral["spans"] = spans
    if doc.spanless:
        netral["spanless"] = doc.spanless
    if doc.extra:
        netral["extra"] = doc.extra
    if offsets == "utf16":
        netral["offsets"] = "utf16"
    line["netral"] = netral
    return line


def write(records, style: str = "entities", offsets: str = "codepoint") -> list[dict]:
    return [doc_to_line(encode(r), style, offsets) for r in records]


def line_to_doc(line: dict, n: int, offsets: str = "auto") -> Doc:
    where = f"doccano line {n}"
    if not isinstance(line, dict) or not isinstance(line.get("text"), str):
        raise CorpusError(f"{where}: a doccano record is a JSON object with a 'text' string")
    text = line["text"]
    meta = line.get("netral")
    if meta is None:
        for holder in ("meta", "metadata"):
            if isinstance(line.get(holder), dict) and isinstance(line[holder].get("netral"), dict):
                meta = line[holder]["netral"]
    meta = meta or {}
    if isinstance(meta, str):  # doccano versions that flatten metadata to strings
        meta = json.loads(meta)
    doc_id = meta.get("id") if "id" in meta else (None if line.get("id") is None else f"doccano-{line['id']}")
    doc = Doc(text=text, where=f"{where} (id {doc_id!r})",
              fields={"id": doc_id, "lang": meta.get("lang") or "id", "regions": meta.get("regions") or []},
              spanless=meta.get("spanless") or {}, extra=meta.get("extra") or {})
    if offsets == "auto":
        offsets = meta.get("offsets", "codepoint")
    conv = (lambda o: utf16_to_codepoint(text, o) if isinstance(o, int) else o) if offsets == "utf16" else (lambda o: o)
    raw_spans, relations = None, []
    if "entities" in line:
        raw_spans = line["entities"]
        relations = line.get("relations") or []
    else:
        for k in ("label", "labels"):
            if k in line:
                raw_spans = line[k]
                break
    ids = {}
    for i, s in enumerate(raw_spans or []):
        if isinstance(s, dict):
            start, end, lab = s.get("start_offset"), s.get("end_offset"), s.get("label")
            sid = s.get("id", f"e{i}")
        elif isinstance(s, (list, tuple)) and len(s) == 3:
            start, end, lab = s
            sid = f"e{i}"
        elif isinstance(s, str):  # a classification label list (text classification project)
            parse_cats([s], doc)
            continue
        else:
            raise CorpusError(f"{doc.where}: span {s!r} is neither [start, end, \"LABEL\"] nor "
                              f"{{\"start_offset\", \"end_offset\", \"label\"}}")
        if not isinstance(lab, str):
            raise CorpusError(f"{doc.where}: span {s!r} has no label string")
        kind_of(lab)
        eid = str(sid)
        if eid in ids:
            raise CorpusError(f"{doc.where}: two entities have the id {sid!r}")
        ids[eid] = Entity(eid, lab, conv(start), conv(end), {})
        doc.entities.append(ids[eid])
    # Span fields from the metadata column: by [start, end, label] and rank among equal keys.
    pool: dict[str, list[dict]] = {}
    for sp in meta.get("spans") or []:
        pool.setdefault(_key(sp.get("start"), sp.get("end"), sp.get("label")), []).append(sp)
    for e in doc.entities:
        found = pool.get(_key(e.start, e.end, e.label))
        if found:
            sp = found.pop(0)
            e.attrs.update({k: v for k, v in sp.items() if k not in ("start", "end", "label")})
    for r in relations:
        if not isinstance(r, dict):
            raise CorpusError(f"{doc.where}: relation {r!r} is not an object with from_id, to_id, type")
        typ = r.get("type") or r.get("label")
        a, b = str(r.get("from_id")), str(r.get("to_id"))
        if typ not in (ACTOR, SAME_PERSON):
            raise CorpusError(f"{doc.where}: unknown relation type {typ!r}; use {ACTOR} or {SAME_PERSON}")
        doc.relations.append(Relation(typ, a, b))
    if "cats" in line:
        parse_cats(line["cats"], doc)
    return doc


def read(lines, offsets: str = "auto") -> list[Doc]:
    return [line_to_doc(line, n, offsets) for n, line in enumerate(lines, 1)]
