"""Violations as PLOVER-style event records: ``netral_nlp.to_plover(annotations)``.

PLOVER (Political Language Ontology for Verifiable Event Records) describes an event as
*actor – action – target* with a date, a place and the source it comes from. Each violation
of the output contract becomes one record:

- ``actor``: the official who committed it (``name``, ``category``, ``position``,
  ``institution``, ``index`` into the document's ``officials``), or ``None`` when the
  violation has no actor (GENERIC and AGGREGATE mentions usually have none).
- ``action``: a PLOVER root category mapped from the violation type (:data:`ACTION_MAP`),
  with ``action_mode`` saying how (PLOVER's *mode*). The mapping is ours, since PLOVER has
  no codes for civil-service neutrality:

  ======================  ============  ==========================================
  violation type          action        action_mode
  ======================  ============  ==========================================
  MEDIA_SOSIAL            SUPPORT       social-media
  FOTO_SIMBOL             SUPPORT       symbolic
  KAMPANYE                SUPPORT       campaigning
  DEKLARASI               SUPPORT       declaration
  ALAT_PERAGA             SUPPORT       campaign-material
  DUKUNGAN_KTP            SUPPORT       endorsement-documents
  PARTAI_POLITIK          COOPERATE     party-affiliation
  FASILITAS_NEGARA        AID           state-resources
  KEBIJAKAN_BERPIHAK      AID           partisan-policy
  MOBILISASI              COERCE        mobilization
  PENCALONAN              OTHER         candidacy
  LAINNYA                 OTHER         other
  ======================  ============  ==========================================

- ``target``: what the conduct is directed at. The contract does not extract the favoured
  candidate or party, so the target is the election contest of the document
  (``{"elections": [...]}``, e.g. ``PILKADA_2024``), or ``None`` when none was found.
- ``violation_type``, ``modality``, ``status``, ``outcome``: the violation's own fields.
- ``date`` / ``location``: from the *nearest* event of the document (by character distance
  between the event's trigger and the violation's evidence) that has a date / a location.
  When no event has a date, ``date`` falls back to the document's ``published`` date;
  ``date_source`` says which (``"event"``, ``"published"`` or ``None``). ``event_type`` is the
  type of the nearest event.
- ``regions`` / ``provinces``: the document's regions (names) and their provinces.
- ``source``: ``doc_id``, ``url``, ``title``, ``outlet``, ``published`` of the document.
- ``evidence``: ``start``/``end`` character offsets into the annotation's ``text`` (end
  exclusive) and the ``text`` they cover.

``to_plover(annotations, flat=True)`` yields flat rows instead (``actor_name``,
``evidence_start``, ... ), ready for ``pandas.DataFrame`` or CSV.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import labels

#: PLOVER root category and mode for each violation type (see the module docstring).
ACTION_MAP: dict[str, tuple[str, str]] = {
    "MEDIA_SOSIAL": ("SUPPORT", "social-media"),
    "FOTO_SIMBOL": ("SUPPORT", "symbolic"),
    "KAMPANYE": ("SUPPORT", "campaigning"),
    "DEKLARASI": ("SUPPORT", "declaration"),
    "ALAT_PERAGA": ("SUPPORT", "campaign-material"),
    "DUKUNGAN_KTP": ("SUPPORT", "endorsement-documents"),
    "PARTAI_POLITIK": ("COOPERATE", "party-affiliation"),
    "FASILITAS_NEGARA": ("AID", "state-resources"),
    "KEBIJAKAN_BERPIHAK": ("AID", "partisan-policy"),
    "MOBILISASI": ("COERCE", "mobilization"),
    "PENCALONAN": ("OTHER", "candidacy"),
    "LAINNYA": ("OTHER", "other"),
}
assert set(ACTION_MAP) == set(labels.VIOLATION_TYPES), "every violation type needs a PLOVER action"


def _as_dict(a) -> dict:
    return a if isinstance(a, dict) else a.to_dict()


def _distance(a, b) -> float:
    """Character distance between two [start, end) spans (0 when they overlap)."""
    if not a or not b:
        return float("inf")
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def nearest_event(doc: dict, span, *, need: str | None = None) -> dict | None:
    """The event of ``doc`` whose trigger is nearest to ``span``.

    need: only consider events whose field ``need`` (``"date"`` or ``"location"``) is set.
    An event without a trigger (or a violation without evidence) counts as far away but is
    still chosen when it is the only candidate.
    """
    events = [e for e in doc.get("events") or [] if need is None or e.get(need)]
    if not events:
        return None
    return min(enumerate(events), key=lambda ie: (_distance(span, ie[1].get("trigger")), ie[0]))[1]


def violation_date(doc: dict, violation: dict) -> tuple[str | None, str | None]:
    """(date, source) of a violation: the nearest dated event, else the document's ``published``."""
    ev = nearest_event(doc, violation.get("evidence"), need="date")
    if ev is not None:
        return ev["date"], "event"
    if doc.get("published"):
        return str(doc["published"])[:10], "published"
    return None, None


def _records(d: dict) -> Iterator[dict]:
    text = d.get("text") or ""
    doc_id = d.get("id")
    provinces = sorted({r.get("province") for r in d.get("regions") or [] if r.get("province")})
    source = {"doc_id": doc_id, "url": d.get("url"), "title": d.get("title"), "outlet": d.get("outlet"),
              "published": d.get("published")}
    officials = d.get("officials") or []
    for i, v in enumerate(d.get("violations") or []):
        ev = v.get("evidence")
        a = v.get("actor")
        actor = None
        if a is not None and 0 <= a < len(officials):
            o = officials[a]
            actor = {"name": o["name"], "category": o["category"], "position": o.get("position"),
                     "institution": o.get("institution"), "index": a}
        action, mode = ACTION_MAP.get(v["type"], ("OTHER", "other"))
        date, date_source = violation_date(d, v)
        near = nearest_event(d, ev)
        located = nearest_event(d, ev, need="location")
        yield {
            "event_id": f"{doc_id}:v{i}",
            "actor": actor,
            "action": action,
            "action_mode": mode,
            "target": {"elections": list(d.get("elections") or [])} if d.get("elections") else None,
            "violation_type": v["type"],
            "modality": v["modality"],
            "status": v.get("status"),
            "outcome": v.get("outcome"),
            "date": date,
            "date_source": date_source,
            "location": located["location"] if located else None,
            "event_type": near["type"] if near else None,
            "regions": [r["name"] for r in d.get("regions") or []],
            "provinces": provinces,
            "source": source,
            "evidence": ({"start": ev[0], "end": ev[1], "text": text[ev[0]:ev[1]]} if ev else None),
        }


def flatten(rec: dict) -> dict:
    """One flat row of a PLOVER record (for DataFrames and CSV)."""
    actor = rec["actor"] or {}
    ev = rec["evidence"] or {}
    src = rec["source"]
    return {
        "event_id": rec["event_id"],
        "doc_id": src["doc_id"], "url": src["url"], "title": src["title"], "outlet": src["outlet"],
        "published": src["published"],
        "actor_name": actor.get("name"), "actor_category": actor.get("category"),
        "actor_position": actor.get("position"), "actor_institution": actor.get("institution"),
        "actor_index": actor.get("index"),
        "action": rec["action"], "action_mode": rec["action_mode"],
        "target": "|".join(rec["target"]["elections"]) if rec["target"] else None,
        "violation_type": rec["violation_type"], "modality": rec["modality"], "status": rec["status"],
        "outcome": rec["outcome"], "date": rec["date"], "date_source": rec["date_source"],
        "location": rec["location"], "event_type": rec["event_type"],
        "regions": "|".join(rec["regions"]), "provinces": "|".join(rec["provinces"]),
        "evidence_start": ev.get("start"), "evidence_end": ev.get("end"), "evidence_text": ev.get("text"),
    }


def to_plover(annotations, *, flat: bool = False) -> Iterator[dict]:
    """Yield one PLOVER-style record per violation of ``annotations``.

    annotations: an :class:`~netral_nlp.schema.Annotation`, a contract dict, or an iterable
        of either (error records from ``netral-nlp annotate`` are skipped).
    flat: yield flat rows (see :func:`flatten`) instead of nested records.
    """
    if isinstance(annotations, dict) or hasattr(annotations, "to_dict"):
        annotations = [annotations]
    for a in annotations:
        d = _as_dict(a)
        if "error" in d:
            continue
        for rec in _records(d):
            yield flatten(rec) if flat else rec


def write_jsonl(annotations: Iterable, path) -> int:
    """Write the PLOVER records of ``annotations`` to a JSONL file; return how many."""
    import json

    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for rec in to_plover(annotations):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n
