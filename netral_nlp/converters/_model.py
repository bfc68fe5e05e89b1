"""The format-neutral middle of every converter: labelled spans, links and document fields.

A contract record is *encoded* into a :class:`Doc` (spans with attributes, relations between
spans, document-level fields, document metadata for what has no span), each format writes a
``Doc`` its own way, reads it back into a ``Doc``, and the ``Doc`` is *decoded* into a record.

Encoding (the label mapping; ``docs/converters.md`` documents it for users):

* every mention of an official is an ``OFFICIAL`` span; the first mention carries ``name``,
  ``position``, ``institution``, ``category``; later mentions point to the first one with a
  ``SAME_PERSON`` relation (and all carry ``official``: the official's index, for formats
  without relations);
* an event is an ``EVENT_<TYPE>`` span on its trigger with ``date`` and ``location``;
* a violation is a ``VIOL_<TYPE>`` span on its evidence with ``modality``, ``status``,
  ``outcome`` (and ``score`` when a model made it); its actor is an ``ACTOR`` relation from the
  violation span to the first mention of the official (``actor``: the index, where there is no
  mention to point to, or for formats without relations);
* a legal reference is a ``LEGAL_<KIND>`` span with ``number`` and ``year``;
* ``frame``, ``relevant``, ``elections``, ``regions``, ``lang``, ``id`` are document fields;
  items without a span (an official without mentions, an event without trigger, a violation
  without evidence, a legal reference without span) go to document metadata (``spanless``)
  with their list index, and so do the record's added top-level fields (``genre``,
  ``source``, ``raw``...: ``extra``).

Decoding puts every list back in the order it was written: spans in document-file order,
spanless items at their recorded index. A round trip is therefore exact, order included.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from .. import labels
from ..errors import CorpusError, SchemaError
from ..schema import Annotation, validate_record

# Label and relation names ----------------------------------------------------------------
OFFICIAL = "OFFICIAL"
EVENT_PREFIX = "EVENT_"
VIOL_PREFIX = "VIOL_"
LEGAL_PREFIX = "LEGAL_"
ACTOR = "ACTOR"
SAME_PERSON = "SAME_PERSON"
RELATION_TYPES = (ACTOR, SAME_PERSON)

EVENT_LABELS = tuple(EVENT_PREFIX + t for t in labels.EVENT_TYPES)
VIOL_LABELS = tuple(VIOL_PREFIX + t for t in labels.VIOLATION_TYPES)
LEGAL_LABELS = tuple(LEGAL_PREFIX + k for k in labels.LEGAL_KINDS)
#: Every span label the converters write, in the order the tools list them.
SPAN_LABELS = (OFFICIAL,) + EVENT_LABELS + VIOL_LABELS + LEGAL_LABELS
#: Also accepted when reading: an official label with the category in it (``OFFICIAL_ASN``).
OFFICIAL_CATEGORY_LABELS = tuple(f"{OFFICIAL}_{c}" for c in labels.CATEGORIES)

#: The attributes each kind of span carries (``official``/``actor`` are link fallbacks).
OFFICIAL_FIELDS = ("name", "position", "institution", "category")
EVENT_FIELDS = ("date", "location")
VIOL_FIELDS = ("modality", "status", "outcome", "score")
LEGAL_FIELDS = ("number", "year")

#: Document fields every format carries somewhere.
DOC_FIELDS = ("id", "lang", "relevant", "frame", "elections", "regions")
CONTRACT_KEYS = ("id", "text", "lang", "relevant", "frame", "elections", "regions",
                 "officials", "events", "violations", "legal_refs")


def kind_of(label: str) -> str:
    """``official``, ``event``, ``violation`` or ``legal_ref`` for a span label; CorpusError otherwise."""
    if label == OFFICIAL or label in OFFICIAL_CATEGORY_LABELS:
        return "official"
    if label in EVENT_LABELS:
        return "event"
    if label in VIOL_LABELS:
        return "violation"
    if label in LEGAL_LABELS:
        return "legal_ref"
    raise CorpusError(
        f"unknown span label {label!r}: netral_nlp reads {OFFICIAL}, {EVENT_PREFIX}<TYPE>, {VIOL_PREFIX}<TYPE> "
        f"and {LEGAL_PREFIX}<KIND> with the codes of netral_nlp.labels (e.g. EVENT_APEL, VIOL_MEDIA_SOSIAL, "
        f"LEGAL_UU); rename the label in the tool or remove those spans before converting")


# The intermediate document -------------------------------------------------------------------
@dataclass
class Entity:
    id: str
    label: str
    start: int
    end: int
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Relation:
    type: str
    head: str  # entity id: the violation (ACTOR) or the later mention (SAME_PERSON)
    tail: str  # entity id: the official's mention (ACTOR) or the first mention (SAME_PERSON)


@dataclass
class Doc:
    text: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    #: id, lang, relevant, frame, elections, regions (missing keys get defaults on decoding)
    fields: dict[str, Any] = field(default_factory=dict)
    #: {"officials"|"events"|"violations"|"legal_refs": [{"index": i, ...item without span}]}
    spanless: dict[str, list] = field(default_factory=dict)
    #: the record's added top-level fields (genre, source, raw...)
    extra: dict[str, Any] = field(default_factory=dict)
    #: where the document came from, for error messages ("task 3", "file x.ann")
    where: str = ""


def normalise(record) -> dict:
    """A contract record (dict or Annotation) as ``Annotation.to_dict()`` writes it, checked."""
    if isinstance(record, Annotation):
        d = record.to_dict()
    else:
        d = Annotation.from_dict(record).to_dict()
    problems = validate_record(d)
    if problems:
        raise SchemaError(f"record {d.get('id')!r} does not follow the output contract: {'; '.join(problems[:5])}"
                          f"{' ...' if len(problems) > 5 else ''}. Fix it (netral-nlp validate FILE lists every "
                          f"problem) before converting")
    return d


def encode(record) -> Doc:
    """A contract record as spans, relations, document fields and metadata."""
    d = normalise(record)
    doc = Doc(text=d["text"], fields={k: d[k] for k in DOC_FIELDS},
              extra={k: v for k, v in d.items() if k not in CONTRACT_KEYS}, where=f"record {d['id']!r}")
    n = 0

    def new_id() -> str:
        nonlocal n
        n += 1
        return f"T{n}"

    head_of: dict[int, str] = {}
    for i, o in enumerate(d["officials"]):
        info = {k: o[k] for k in OFFICIAL_FIELDS}
        if not o["mentions"]:
            doc.spanless.setdefault("officials", []).append({"index": i, **info})
            continue
        for j, (s, e) in enumerate(o["mentions"]):
            eid = new_id()
            attrs = {"official": i, **(info if j == 0 else {})}
            doc.entities.append(Entity(eid, OFFICIAL, s, e, attrs))
            if j == 0:
                head_of[i] = eid
            else:
                doc.relations.append(Relation(SAME_PERSON, eid, head_of[i]))
    for i, ev in enumerate(d["events"]):
        info = {k: ev[k] for k in EVENT_FIELDS}
        if ev["trigger"] is None:
            doc.spanless.setdefault("events", []).append({"index": i, "type": ev["type"], **info})
        else:
            doc.entities.append(Entity(new_id(), EVENT_PREFIX + ev["type"], *ev["trigger"], info))
    for i, v in enumerate(d["violations"]):
        info = {k: v[k] for k in VIOL_FIELDS if k in v}
        info["actor"] = v["actor"]
        if v["evidence"] is None:
            doc.spanless.setdefault("violations", []).append({"index": i, "type": v["type"], **info})
            continue
        eid = new_id()
        doc.entities.append(Entity(eid, VIOL_PREFIX + v["type"], *v["evidence"], info))
        if v["actor"] is not None and v["actor"] in head_of:
            doc.relations.append(Relation(ACTOR, eid, head_of[v["actor"]]))
    for i, l in enumerate(d["legal_refs"]):
        info = {k: l[k] for k in LEGAL_FIELDS}
        if l["span"] is None:
            doc.spanless.setdefault("legal_refs", []).append({"index": i, "kind": l["kind"], **info})
        else:
            doc.entities.append(Entity(new_id(), LEGAL_PREFIX + l["kind"], *l["span"], info))
    return doc


def stored_attrs(doc: Doc, ent: Entity, with_relations: bool) -> dict:
    """The attributes a format must store for ``ent``.

    With relations, the ``official`` group index and the ``actor`` index are left out where a
    ``SAME_PERSON``/``ACTOR`` relation already says it, so that editing the relation in the tool
    is the only thing that counts.
    """
    a = dict(ent.attrs)
    if with_relations:
        a.pop("official", None)
        if "actor" in a and any(r.type == ACTOR and r.head == ent.id for r in doc.relations):
            a.pop("actor")
        elif a.get("actor", 0) is None:
            a.pop("actor")
    return a


# Decoding ------------------------------------------------------------------------------------
def check_span(doc: Doc, start, end, what: str) -> tuple[int, int]:
    n = len(doc.text)
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise CorpusError(f"{doc.where}: {what} has offsets {start!r}, {end!r}; offsets must be integers")
    if not (0 <= start < end <= n):
        raise CorpusError(f"{doc.where}: {what} has the span [{start}, {end}) which is out of range for a text of "
                          f"{n} characters (start must be >= 0 and < end, end <= {n}); the text was probably "
                          f"changed after annotation: fix or delete the span in the tool")
    return start, end


def _insert(spanned: list, spanless: list[dict], kind: str, doc: Doc) -> list:
    out = list(spanned)
    for item in sorted(spanless or [], key=lambda x: x.get("index") if isinstance(x.get("index"), int) else len(out)):
        item = dict(item)
        idx = item.pop("index", None)
        if idx is None:
            idx = len(out)
        if not isinstance(idx, int) or isinstance(idx, bool):
            raise CorpusError(f"{doc.where}: spanless {kind} item has index {idx!r}; it must be an integer")
        out.insert(max(0, min(idx, len(out))), item)
    return out


def _int_or_none(value, what: str, doc: Doc):
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
        return int(value)
    if isinstance(value, str) and not value.strip():
        return None
    raise CorpusError(f"{doc.where}: {what} must be an integer, got {value!r}")


def decode(doc: Doc) -> dict:
    """The contract record a :class:`Doc` describes (checked with ``validate_record``)."""
    ents = {}
    for e in doc.entities:
        kind_of(e.label)  # unknown labels fail here, with the list of known ones
        check_span(doc, e.start, e.end, f"span {e.id} ({e.label})")
        if e.id in ents:
            raise CorpusError(f"{doc.where}: two spans have the id {e.id!r}; span ids must be unique in a document")
        ents[e.id] = e
    # Officials: group mentions by SAME_PERSON links and by a shared ``official`` index.
    parent = {e.id: e.id for e in doc.entities if kind_of(e.label) == "official"}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra

    actor_rel: dict[str, str] = {}
    for r in doc.relations:
        for end_id in (r.head, r.tail):
            if end_id not in ents:
                raise CorpusError(f"{doc.where}: a {r.type} relation points to {end_id!r}, which is not a span of "
                                  f"the document; delete the relation or restore the span")
        kinds = (kind_of(ents[r.head].label), kind_of(ents[r.tail].label))
        if r.type == SAME_PERSON:
            if kinds != ("official", "official"):
                raise CorpusError(f"{doc.where}: a {SAME_PERSON} relation must link two {OFFICIAL} spans, "
                                  f"it links {ents[r.head].label} and {ents[r.tail].label}")
            union(r.tail, r.head)
        elif r.type == ACTOR:
            if kinds == ("official", "violation"):  # drawn the other way round
                r = Relation(ACTOR, r.tail, r.head)
            elif kinds != ("violation", "official"):
                raise CorpusError(f"{doc.where}: an {ACTOR} relation must link a {VIOL_PREFIX}* span to an "
                                  f"{OFFICIAL} span, it links {ents[r.head].label} and {ents[r.tail].label}")
            if r.head in actor_rel and find(actor_rel[r.head]) != find(r.tail):
                raise CorpusError(f"{doc.where}: violation span {r.head} has two {ACTOR} relations to different "
                                  f"officials; a violation has one actor: delete one (or copy the span)")
            actor_rel[r.head] = r.tail
        else:
            raise CorpusError(f"{doc.where}: unknown relation {r.type!r}; netral_nlp reads {ACTOR} "
                              f"(violation -> official mention) and {SAME_PERSON} (mention -> first mention)")
    by_index: dict[Any, str] = {}
    for e in doc.entities:
        if e.id in parent and e.attrs.get("official") is not None:
            key = e.attrs["official"]
            if key in by_index:
                union(by_index[key], e.id)
            else:
                by_index[key] = e.id
    groups: dict[str, list[Entity]] = {}
    for e in doc.entities:
        if e.id in parent:
            groups.setdefault(find(e.id), []).append(e)
    officials, official_of = [], {}
    for members in groups.values():  # dicts keep first-appearance order
        o = {"name": None, "position": None, "institution": None, "category": None,
             "mentions": [[m.start, m.end] for m in members]}
        for k in OFFICIAL_FIELDS:
            for m in members:
                if k in m.attrs and m.attrs[k] is not None:
                    o[k] = m.attrs[k]
                    break
        if not o["name"]:
            o["name"] = doc.text[members[0].start:members[0].end].strip()
        if o["category"] is None:
            cat = next((m.label[len(OFFICIAL) + 1:] for m in members if m.label in OFFICIAL_CATEGORY_LABELS), None)
            o["category"] = cat or "LAINNYA"
        officials.append((o, members))
    # Spanless officials keep their index; work out every official's final index.
    spanless_off = doc.spanless.get("officials") or []
    merged = _insert(officials, [{**x, "_orig": x.get("index")} for x in spanless_off if isinstance(x, dict)],
                     "official", doc)
    official_list = []
    # An ``actor`` index written by the writer is the official's index in the original list; the
    # tool may have reordered the spans, so map original indices (the ``official`` key of a group,
    # the ``index`` of a spanless official) to the final ones.
    index_map: dict[Any, int] = {}
    for pos, item in enumerate(merged):
        if isinstance(item, tuple):
            o, members = item
            for m in members:
                official_of[m.id] = pos
                if m.attrs.get("official") is not None:
                    index_map.setdefault(m.attrs["official"], pos)
            official_list.append(o)
        else:
            if item.get("_orig") is not None:
                index_map.setdefault(item["_orig"], pos)
            official_list.append({"name": item.get("name"), "position": item.get("position"),
                                  "institution": item.get("institution"), "category": item.get("category"),
                                  "mentions": []})
    events, violations, legal_refs = [], [], []
    for e in doc.entities:
        k = kind_of(e.label)
        if k == "event":
            events.append({"type": e.label[len(EVENT_PREFIX):], "date": e.attrs.get("date"),
                           "location": e.attrs.get("location"), "trigger": [e.start, e.end]})
        elif k == "violation":
            if e.id in actor_rel:
                actor = official_of[actor_rel[e.id]]
            else:
                actor = _int_or_none(e.attrs.get("actor"), f"actor of span {e.id}", doc)
                actor = index_map.get(actor, actor)
            v = {"type": e.label[len(VIOL_PREFIX):], "modality": e.attrs.get("modality") or labels.INCIDENT,
                 "status": e.attrs.get("status"), "actor": _int_or_none(actor, f"actor of span {e.id}", doc),
                 "evidence": [e.start, e.end]}
            for opt in ("outcome", "score"):
                if e.attrs.get(opt) is not None:
                    v[opt] = e.attrs[opt]
            violations.append(v)
        elif k == "legal_ref":
            number = e.attrs.get("number")
            legal_refs.append({"kind": e.label[len(LEGAL_PREFIX):],
                               "number": None if number is None else str(number),
                               "year": _int_or_none(e.attrs.get("year"), f"year of span {e.id}", doc),
                               "span": [e.start, e.end]})
    events = _insert(events, [{**x, "trigger": None} for x in doc.spanless.get("events") or []], "event", doc)
    violations = _insert(violations, [{**x, "evidence": None} for x in doc.spanless.get("violations") or []],
                         "violation", doc)
    legal_refs = _insert(legal_refs, [{**x, "span": None} for x in doc.spanless.get("legal_refs") or []],
                         "legal_ref", doc)
    f = doc.fields
    frame = f.get("frame") or labels.IRRELEVANT_FRAME
    relevant = f.get("relevant")
    if relevant is None:
        relevant = frame != labels.IRRELEVANT_FRAME
    rec = {"id": f.get("id"), "text": doc.text, "lang": f.get("lang") or "id", "relevant": relevant,
           "frame": frame, "elections": list(f.get("elections") or []), "regions": list(f.get("regions") or []),
           "officials": official_list, "events": events, "violations": violations, "legal_refs": legal_refs}
    for k, v in doc.extra.items():
        if k not in rec:
            rec[k] = v
    try:
        out = Annotation.from_dict(rec).to_dict()
    except SchemaError as exc:
        raise SchemaError(f"{doc.where}: {exc}; correct the value in the tool") from None
    problems = validate_record(out)
    if problems:
        raise SchemaError(f"{doc.where}: the converted record does not follow the output contract: "
                          f"{'; '.join(problems[:5])}; correct the annotation in the tool")
    return out


# Small shared helpers ------------------------------------------------------------------------
def iter_records(records) -> Iterable:
    """Contract records from a list, an iterable, an Annotation, or a JSONL path."""
    from pathlib import Path

    if isinstance(records, (str, Path)):
        path = Path(records)
        if not path.exists():
            raise CorpusError(f"{path} not found: give a JSONL file of contract records (one JSON object a line)")
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise CorpusError(f"{path}:{lineno}: not JSON ({exc.msg}); each line must be one record") from None
        return
    if isinstance(records, (dict, Annotation)):
        yield records
        return
    yield from records


def utf16_to_codepoint(text: str, offset: int) -> int:
    """The Python (code point) offset of a UTF-16 code unit offset (JavaScript string index)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def codepoint_to_utf16(text: str, offset: int) -> int:
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def same_text(a: str, b: str) -> bool:
    """Span texts equal up to whitespace (tools collapse or trim whitespace in what they show)."""
    return " ".join(a.split()) == " ".join(b.split())
