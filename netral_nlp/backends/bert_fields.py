"""From the IndoBERT spans to the contract's fields, with the default backend's rules for the rest.

The model finds *where* things are (names, legal references, event triggers, violation evidence)
and the frame; what the spans mean beyond their type (a person's position and category, an event's
date and place, a violation's modality, status and actor, a legal reference's number and year)
is read by the same rule functions the default backend uses, so both backends agree on the
guidelines' decisions.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .. import labels
from ..components import events as rule_events
from ..components import officials as rule_officials
from ..components import violations as rule_violations
from ..evaluate import norm_name
from ..lexicons import strip_titles
from ..rules.legal_refs import find_legal_refs

#: A predicted span: (start char, end char, type, score in [0, 1]).
PredSpan = tuple[int, int, str, float]

_INITIALS_CUE = re.compile(r"\b(?:oknum|berinisial|inisial|seorang\s+(?:ASN|PNS|guru|camat|lurah|kades|kepala\s+desa|"
                           r"kepala\s+dinas))\b", re.I)
# Between a name and a title that describes it: "Afri Memori, Ketua ...", "Ujang selaku Kades ...".
_APPOSITION = re.compile(r"\s*(?:,\s*(?:selaku|sebagai|yang\s+juga(?:\s+menjabat)?(?:\s+sebagai)?)?|\(|"
                         r"\s(?:selaku|sebagai|yang\s+juga(?:\s+menjabat)?(?:\s+sebagai)?))\s*")
_PRONOUN_START = re.compile(r"\s*(?:Ia|Dia|Beliau|Yang\s+bersangkutan|Oknum|ASN\s+tersebut|Kades\s+tersebut)\b")


class Sentences:
    """Sentence lookup by character offset (bisect over the sentence starts)."""

    def __init__(self, doc: Doc):
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents] or [(0, len(doc.text))]
        self.starts = [b[0] for b in self.bounds]

    def index(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.bounds[i]


@dataclass
class _Person:
    name: str
    spans: list[tuple[int, int]] = field(default_factory=list)


def _name_of(span_text: str) -> str | None:
    name = strip_titles(span_text.strip(" ,.;:()\"“”'")).strip(" ,.;:")
    if not name or not any(c.isupper() for c in name):
        return None
    if len(name) < 2:
        return None
    return name


def group_persons(text: str, spans: list[tuple[int, int]]) -> list[_Person]:
    """One person per name; a name whose words are inside another's ("Titony" in "Titony Tanjung")
    is the same person. Persons keep the order of their first mention."""
    people: list[_Person] = []
    for s, e in sorted(spans):
        name = _name_of(text[s:e])
        if name is None:
            continue
        words = set(name.lower().split())
        for p in people:
            pw = set(p.name.lower().split())
            if words <= pw or pw <= words:
                p.spans.append((s, e))
                if len(name) > len(p.name):
                    p.name = name
                break
        else:
            people.append(_Person(name, [(s, e)]))
    return people


def _role_near(doc: Doc, s: int, e: int, positions, doc_region) -> tuple[str | None, str | None, str] | None:
    """Position, institution and category from a title written just before the name
    ("Ketua Bawaslu Solok, Afri Memori") or as an apposition after it ("Afri Memori, Ketua ...")."""
    text = doc.text
    before = [pm for pm in positions if 0 <= s - pm.end <= 60 and "\n" not in text[pm.end:s]]
    if before:
        pm = before[-1]
        return _role(pm, text[pm.end:s].strip(" ,"), text, doc_region)
    after = [pm for pm in positions
             if 0 <= pm.start - e <= 25 and _APPOSITION.fullmatch(text[e:pm.start])]
    if after:
        pm = after[0]
        run = rule_officials._capital_run(text, pm.end, set())
        inst = " ".join(t[2] for t in run).split(",")[0].strip()
        return _role(pm, inst, text, doc_region)
    return None


def _role(pm, after: str, text: str, doc_region) -> tuple[str | None, str | None, str]:
    position, institution = rule_officials._institution_for(pm, after, doc_region)
    category = rule_officials._category(pm, institution, text[max(0, pm.start - 60): pm.end + 60])
    return position, institution, category


def officials_from_spans(doc: Doc, persons: list[PredSpan]) -> list[dict]:
    """Contract officials from predicted PERSON spans; roles as the default backend reads them."""
    text = doc.text
    spans = [(s, e) for s, e, _, _ in persons]
    people = group_persons(text, spans)
    if not people:
        return []
    # The default's reading of the document, given the model's names as NER hints.
    ruled = rule_officials.extract_officials(doc, spans)
    by_name = {norm_name(p.name): p for p in ruled}
    positions = rule_officials.find_positions(text)
    doc_region = rule_officials._doc_regions(doc)
    out = []
    for p in people:
        key = norm_name(p.name)
        match = by_name.get(key) or next(
            (r for k, r in by_name.items() if k and (set(k.split()) <= set(key.split()) or set(key.split()) <= set(k.split()))),
            None)
        mentions = set(p.spans)
        role = None
        if match is not None and match.position is not None:
            role = (match.position, match.institution, match.category)
            mentions |= set(match.mentions)
        else:
            role = next((r for r in (_role_near(doc, s, e, positions, doc_region) for s, e in sorted(p.spans)) if r), None)
        position, institution, category = role or (None, None, match.category if match else "LAINNYA")
        mentions = {m for m in mentions if not any(o != m and o[0] <= m[0] and m[1] <= o[1] for o in mentions)}
        out.append({"name": p.name, "position": position, "institution": institution, "category": category,
                    "mentions": [list(m) for m in sorted(mentions)]})
    return out


def events_from_spans(doc: Doc, triggers: list[PredSpan], sents: Sentences) -> list[dict]:
    """Contract events from predicted triggers: date and place from the trigger's sentence;
    one event per (type, date), as in the default backend."""
    text = doc.text
    dates = [d for d in (doc._.netral_dates or []) if d.get("date")]
    found = []
    for s, e, t, _ in sorted(triggers):
        s0, s1 = sents[sents.index(s)]
        date = next((d["date"] for d in dates if s0 <= d["start"] < s1), None)
        found.append((s, e, t.removeprefix("EVENT_"), date, rule_events._location(text[s0:s1])))
    events: list[dict] = []
    seen: dict[tuple, dict] = {}
    dated_types = {t for _, _, t, d, _ in found if d}
    for s, e, etype, date, loc in found:
        if date is None and etype in dated_types:
            continue  # an undated mention of a dated event
        key = (etype, date)
        if key in seen:
            if seen[key]["location"] is None and loc:
                seen[key]["location"] = loc
            continue
        seen[key] = {"type": etype, "date": date, "location": loc, "trigger": [s, e]}
        events.append(seen[key])
    return events


def violations_from_spans(doc: Doc, evidence: list[PredSpan], officials: list[dict], sents: Sentences) -> list[dict]:
    """Contract violations from predicted evidence spans: modality, status and actor by the default's rules."""
    text = doc.text
    doc_terbukti = bool(rule_violations.TERBUKTI_RE.search(text))
    doc_cleared = bool(rule_violations.CLEARED_RE.search(text))
    best: dict[tuple, dict] = {}
    for s, e, t, score in sorted(evidence):
        si = sents.index(s)
        s0, s1 = sents[si]
        stext = text[s0:s1]
        actors = _actors_in(text, officials, s0, s1)
        if not actors and si > 0 and _PRONOUN_START.match(stext):
            actors = _actors_in(text, officials, *sents[si - 1])
        actor = actors[0] if actors else None
        has_actor = actor is not None or bool(_INITIALS_CUE.search(stext))
        modality = rule_violations._modality(stext, has_actor, s - s0)
        status, outcome = None, None
        if modality == labels.INCIDENT:
            status = "TERBUKTI" if doc_terbukti and not doc_cleared else "DUGAAN"
            outcome = "CLEARED" if doc_cleared and not doc_terbukti else None
        else:
            actor = None
        vtype = t.removeprefix("VIOL_")
        rec = {"type": vtype, "modality": modality, "status": status, "actor": actor, "evidence": [s, e],
               "score": round(float(score), 4)}
        if outcome:
            rec["outcome"] = outcome
        key = (vtype, modality, actor)
        if key not in best or score > best[key]["score"]:
            best[key] = rec
    return sorted(best.values(), key=lambda v: v["evidence"])


def _actors_in(text: str, officials: list[dict], s0: int, s1: int) -> list[int]:
    return [i for i, o in enumerate(officials)
            if o["category"] in rule_violations.ACTOR_CATEGORIES
            and any(s0 <= m[0] < s1 and not rule_violations._is_speaker(text, m[0], m[1]) for m in o["mentions"])]


def legal_refs_from_spans(doc: Doc, spans: list[PredSpan]) -> list[dict]:
    """Contract legal references: the predicted span parsed by the default's legal-reference rules
    (kind, number, year); a span without a number gives none, as the guidelines ask."""
    text = doc.text
    ruled = doc._.netral_legal_refs
    if ruled is None:
        ruled = [{"kind": m.kind, "number": m.number, "year": m.year, "span": [m.start, m.end]} for m in find_legal_refs(text)]
    out: dict[tuple[int, int], dict] = {}
    for s, e, _, _ in spans:
        hits = [r for r in ruled if r["span"][0] < e and s < r["span"][1]]
        if not hits:
            hits = [{"kind": m.kind, "number": m.number, "year": m.year, "span": [s + m.start, s + m.end]}
                    for m in find_legal_refs(text[s:e])]
        for r in hits:
            if r.get("number"):
                out.setdefault(tuple(r["span"]), dict(r))
    return [out[k] for k in sorted(out)]
