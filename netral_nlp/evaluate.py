"""Scores of predicted annotations against gold, field by field (``netral-nlp evaluate``).

Every field is scored as micro-averaged precision, recall and F1 over documents, comparing
per-document multisets of keys (offsets are not compared, so a prediction on the raw page
and gold on the cleaned text still meet). Officials are matched by title-stripped name;
position and category are then scored as accuracy over matched pairs.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import labels
from .lexicons import strip_titles


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable, pred: Iterable) -> None:
        g, p = Counter(gold), Counter(pred)
        tp = sum((g & p).values())
        self.tp += tp
        self.fp += sum(p.values()) - tp
        self.fn += sum(g.values()) - tp

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "support": self.tp + self.fn}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def to_dict(self) -> dict:
        return {"accuracy": round(self.value, 4), "support": self.total}


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    return re.sub(r"\s+", " ", strip_titles(name)).strip().lower()


def norm_text(s: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (s or "").lower()).strip()


def match_officials(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index): equal names first, then one name's words inside the other's."""
    pairs = []
    used_g, used_p = set(), set()
    gn = [norm_name(o["name"]) for o in gold]
    pn = [norm_name(o["name"]) for o in pred]
    for i, g in enumerate(gn):
        for j, p in enumerate(pn):
            if j not in used_p and i not in used_g and g and g == p:
                pairs.append((i, j)); used_g.add(i); used_p.add(j)
    for i, g in enumerate(gn):
        if i in used_g or not g:
            continue
        for j, p in enumerate(pn):
            if j in used_p or not p:
                continue
            gs, ps = set(g.split()), set(p.split())
            if gs <= ps or ps <= gs:
                pairs.append((i, j)); used_g.add(i); used_p.add(j)
                break
    return pairs


FIELDS = ("frame", "relevance", "officials", "official_position", "official_category", "violation_types",
          "violation_type_modality", "incident_types", "actor_links", "event_types", "event_type_date",
          "legal_refs", "elections", "regions")


@dataclass
class Scores:
    frame: Accuracy = field(default_factory=Accuracy)
    relevance: PRF = field(default_factory=PRF)
    officials: PRF = field(default_factory=PRF)
    official_position: Accuracy = field(default_factory=Accuracy)
    official_category: Accuracy = field(default_factory=Accuracy)
    violation_types: PRF = field(default_factory=PRF)
    violation_type_modality: PRF = field(default_factory=PRF)
    incident_types: PRF = field(default_factory=PRF)
    actor_links: PRF = field(default_factory=PRF)
    event_types: PRF = field(default_factory=PRF)
    event_type_date: PRF = field(default_factory=PRF)
    legal_refs: PRF = field(default_factory=PRF)
    elections: PRF = field(default_factory=PRF)
    regions: PRF = field(default_factory=PRF)
    documents: int = 0
    missing: list = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"documents": self.documents}
        for f in FIELDS:
            out[f] = getattr(self, f).to_dict()
        if self.missing:
            out["missing_predictions"] = self.missing
        return out


def _actor_keys(doc: dict) -> list:
    keys = []
    for v in doc.get("violations", []):
        if v["modality"] == labels.INCIDENT and v.get("actor") is not None and v["actor"] < len(doc["officials"]):
            keys.append((v["type"], norm_name(doc["officials"][v["actor"]]["name"])))
    return keys


def score_pair(s: Scores, gold: dict, pred: dict) -> None:
    s.documents += 1
    s.frame.add(gold["frame"] == pred.get("frame"))
    s.relevance.add([1] if gold["relevant"] else [], [1] if pred.get("relevant") else [])
    go, po = gold.get("officials", []), pred.get("officials", [])
    pairs = match_officials(go, po)
    s.officials.tp += len(pairs)
    s.officials.fp += len(po) - len(pairs)
    s.officials.fn += len(go) - len(pairs)
    for i, j in pairs:
        s.official_position.add(norm_text(go[i].get("position")) == norm_text(po[j].get("position")))
        s.official_category.add(go[i]["category"] == po[j]["category"])
    gv, pv = gold.get("violations", []), pred.get("violations", [])
    s.violation_types.add(set(v["type"] for v in gv), set(v["type"] for v in pv))
    s.violation_type_modality.add(set((v["type"], v["modality"]) for v in gv), set((v["type"], v["modality"]) for v in pv))
    s.incident_types.add(set(v["type"] for v in gv if v["modality"] == labels.INCIDENT),
                         set(v["type"] for v in pv if v["modality"] == labels.INCIDENT))
    # Actor links: the (type, actor) pairs, with the actor matched through the official pairing.
    name_map = {norm_name(po[j]["name"]): norm_name(go[i]["name"]) for i, j in pairs}
    s.actor_links.add(set(_actor_keys(gold)), set((t, name_map.get(a, a)) for t, a in _actor_keys(pred)))
    ge, pe = gold.get("events", []), pred.get("events", [])
    s.event_types.add(set(e["type"] for e in ge), set(e["type"] for e in pe))
    s.event_type_date.add(set((e["type"], e.get("date")) for e in ge), set((e["type"], e.get("date")) for e in pe))
    s.legal_refs.add(set((l["kind"], str(l["number"]), l["year"]) for l in gold.get("legal_refs", [])),
                     set((l["kind"], str(l["number"]), l["year"]) for l in pred.get("legal_refs", [])))
    s.elections.add(set(gold.get("elections", [])), set(pred.get("elections", [])))
    s.regions.add(set(r.get("code") or r["name"] for r in gold.get("regions", [])),
                  set(r.get("code") or r["name"] for r in pred.get("regions", [])))


def evaluate(gold: Iterable[dict], pred: Iterable[dict]) -> Scores:
    """Score predictions against gold records, paired by ``id``."""
    by_id = {}
    for p in pred:
        by_id[p.get("id")] = p
    s = Scores()
    for g in gold:
        p = by_id.get(g.get("id"))
        if p is None or "error" in p:
            s.missing.append(g.get("id"))
            p = {"frame": None, "relevant": False}
        score_pair(s, g, p)
    return s


def format_table(scores: Scores) -> str:
    d = scores.to_dict()
    lines = [f"{'field':<26}{'P':>8}{'R':>8}{'F1/Acc':>9}{'support':>9}", "-" * 60]
    for f in FIELDS:
        v = d[f]
        if "accuracy" in v:
            lines.append(f"{f:<26}{'':>8}{'':>8}{v['accuracy']:>9.3f}{v['support']:>9}")
        else:
            lines.append(f"{f:<26}{v['precision']:>8.3f}{v['recall']:>8.3f}{v['f1']:>9.3f}{v['support']:>9}")
    lines.append(f"documents: {d['documents']}" + (f"   missing predictions: {len(scores.missing)}" if scores.missing else ""))
    return "\n".join(lines)


def read_jsonl(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
