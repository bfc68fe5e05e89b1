"""Typed result classes of the output contract, with ``to_dict``/``from_dict``.

This module imports nothing of the implementation: it is the contract in code.
``to_dict()`` returns exactly the JSON documented in ``docs/output-contract.md``
(plus the added optional fields listed there); ``from_dict`` accepts what
``to_dict`` writes and raises :class:`netral_nlp.errors.SchemaError` on anything else.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from . import labels
from .errors import SchemaError

Span = tuple[int, int]


def _span(value, what: str) -> Span | None:
    if value is None:
        return None
    if not (isinstance(value, (list, tuple)) and len(value) == 2 and all(isinstance(v, int) for v in value)):
        raise SchemaError(f"{what} must be a [start, end] pair of integers, got {value!r}")
    return (int(value[0]), int(value[1]))


def _check(value, allowed, what: str, nullable: bool = False):
    if value is None and nullable:
        return value
    if value not in allowed:
        raise SchemaError(f"{what} {value!r} is not one of {', '.join(allowed)}")
    return value


@dataclass
class Region:
    """An administrative region the document is about (official long name)."""

    name: str
    province: str | None = None
    code: str | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "province": self.province, "code": self.code}

    @classmethod
    def from_dict(cls, d: dict) -> "Region":
        if not isinstance(d, dict) or not d.get("name"):
            raise SchemaError(f"a region needs a name, got {d!r}")
        return cls(d["name"], d.get("province"), d.get("code"))


@dataclass
class Official:
    """A named person holding a public, election-body, political, candidate or security role."""

    name: str
    category: str
    position: str | None = None
    institution: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "position": self.position,
            "institution": self.institution,
            "category": self.category,
            "mentions": [list(m) for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Official":
        if not isinstance(d, dict) or not d.get("name"):
            raise SchemaError(f"an official needs a name, got {d!r}")
        return cls(
            name=d["name"],
            category=_check(d.get("category"), labels.CATEGORIES, "official category"),
            position=d.get("position"),
            institution=d.get("institution"),
            mentions=[_span(m, "official mention") for m in d.get("mentions") or []],
        )


@dataclass
class Event:
    """Something that happens at a time and place that the document reports."""

    type: str
    trigger: Span | None = None
    date: str | None = None
    location: str | None = None

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "date": self.date,
            "location": self.location,
            "trigger": list(self.trigger) if self.trigger else None,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        return cls(
            type=_check(d.get("type"), labels.EVENT_TYPES, "event type"),
            trigger=_span(d.get("trigger"), "event trigger"),
            date=d.get("date"),
            location=d.get("location"),
        )


@dataclass
class Violation:
    """A form of non-neutral conduct the document mentions."""

    type: str
    modality: str
    evidence: Span | None = None
    status: str | None = None
    actor: int | None = None
    outcome: str | None = None  # added field: "CLEARED" for a case found not to be a violation
    score: float | None = None  # added field: model confidence in [0, 1], when a model made it

    def to_dict(self) -> dict:
        d = {
            "type": self.type,
            "modality": self.modality,
            "status": self.status,
            "actor": self.actor,
            "evidence": list(self.evidence) if self.evidence else None,
        }
        if self.outcome is not None:
            d["outcome"] = self.outcome
        if self.score is not None:
            d["score"] = round(float(self.score), 4)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Violation":
        actor = d.get("actor")
        if actor is not None and not isinstance(actor, int):
            raise SchemaError(f"violation actor must be an index into officials or null, got {actor!r}")
        return cls(
            type=_check(d.get("type"), labels.VIOLATION_TYPES, "violation type"),
            modality=_check(d.get("modality"), labels.MODALITIES, "violation modality"),
            evidence=_span(d.get("evidence"), "violation evidence"),
            status=_check(d.get("status"), labels.STATUSES, "violation status", nullable=True),
            actor=actor,
            outcome=_check(d.get("outcome"), labels.OUTCOMES, "violation outcome", nullable=True),
            score=d.get("score"),
        )


@dataclass
class LegalRef:
    """A numbered legal instrument cited in the text."""

    kind: str
    number: str | None
    year: int | None
    span: Span | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "number": self.number, "year": self.year, "span": list(self.span) if self.span else None}

    @classmethod
    def from_dict(cls, d: dict) -> "LegalRef":
        year = d.get("year")
        if year is not None and not isinstance(year, int):
            raise SchemaError(f"legal reference year must be an integer or null, got {year!r}")
        number = d.get("number")
        return cls(
            kind=_check(d.get("kind"), labels.LEGAL_KINDS, "legal reference kind"),
            number=None if number is None else str(number),
            year=year,
            span=_span(d.get("span"), "legal reference span"),
        )


@dataclass
class Annotation:
    """The result for one document: the output contract (v1)."""

    text: str
    id: str | None = None
    lang: str = "id"
    relevant: bool = False
    frame: str = labels.IRRELEVANT_FRAME
    elections: list[str] = field(default_factory=list)
    regions: list[Region] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    #: Added fields carried through unchanged (input metadata, scores, the offset map's original).
    extra: dict[str, Any] = field(default_factory=dict)
    #: The cleaning result (text + offset map into the original input); not serialised.
    cleaned: Any = field(default=None, repr=False, compare=False)

    def original_span(self, span: Span) -> Span:
        """Map a span of ``text`` to the original input (before cleaning); identity when not cleaned."""
        if self.cleaned is None:
            return tuple(span)
        return tuple(self.cleaned.to_original(span[0], span[1]))

    def to_dict(self) -> dict:
        d = {
            "id": self.id,
            "text": self.text,
            "lang": self.lang,
            "relevant": self.relevant,
            "frame": self.frame,
            "elections": list(self.elections),
            "regions": [r.to_dict() for r in self.regions],
            "officials": [o.to_dict() for o in self.officials],
            "events": [e.to_dict() for e in self.events],
            "violations": [v.to_dict() for v in self.violations],
            "legal_refs": [l.to_dict() for l in self.legal_refs],
        }
        for k, v in self.extra.items():
            d.setdefault(k, v)
        return d

    def to_json(self) -> str:
        """One line of JSON, keys in contract order, non-ASCII kept (deterministic)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, d: dict) -> "Annotation":
        if not isinstance(d, dict):
            raise SchemaError(f"an annotation must be a JSON object, got {type(d).__name__}")
        if not isinstance(d.get("text"), str):
            raise SchemaError("an annotation needs a 'text' string")
        known = {"id", "text", "lang", "relevant", "frame", "elections", "regions", "officials", "events", "violations", "legal_refs"}
        elections = list(d.get("elections") or [])
        for e in elections:
            if not labels.is_election_code(e):
                raise SchemaError(f"election code {e!r} does not have the form TYPE_YEAR (PEMILU_2024)")
        return cls(
            text=d["text"],
            id=d.get("id"),
            lang=d.get("lang", "id"),
            relevant=bool(d.get("relevant", False)),
            frame=_check(d.get("frame", labels.IRRELEVANT_FRAME), labels.FRAMES, "frame"),
            elections=elections,
            regions=[Region.from_dict(r) for r in d.get("regions") or []],
            officials=[Official.from_dict(o) for o in d.get("officials") or []],
            events=[Event.from_dict(e) for e in d.get("events") or []],
            violations=[Violation.from_dict(v) for v in d.get("violations") or []],
            legal_refs=[LegalRef.from_dict(l) for l in d.get("legal_refs") or []],
            extra={k: v for k, v in d.items() if k not in known},
        )

    # Convenience for notebooks -------------------------------------------------
    def span_text(self, span: Span | None) -> str | None:
        """The text a ``[start, end)`` span covers."""
        return None if span is None else self.text[span[0]:span[1]]

    def __repr__(self) -> str:
        return (f"Annotation(id={self.id!r}, frame={self.frame!r}, officials={len(self.officials)}, "
                f"events={len(self.events)}, violations={len(self.violations)}, legal_refs={len(self.legal_refs)})")


def json_schema() -> dict:
    """The JSON Schema of the contract shipped in the package."""
    with resources.files("netral_nlp").joinpath("contract.schema.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def validate_record(record: dict) -> list[str]:
    """Check one record against the JSON Schema and the span rules; return the problems found."""
    import jsonschema

    problems = [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}"
                for e in jsonschema.Draft202012Validator(json_schema()).iter_errors(record)]
    if problems:
        return problems
    text = record["text"]
    n = len(text)

    def check(span, what):
        if span is None:
            return
        s, e = span
        if not (0 <= s < e <= n):
            problems.append(f"{what}: span {span} out of bounds for a text of {n} characters")

    for i, o in enumerate(record["officials"]):
        for m in o["mentions"]:
            check(m, f"officials/{i}/mentions")
    for i, ev in enumerate(record["events"]):
        check(ev["trigger"], f"events/{i}/trigger")
    for i, v in enumerate(record["violations"]):
        check(v["evidence"], f"violations/{i}/evidence")
        if v["actor"] is not None and not (0 <= v["actor"] < len(record["officials"])):
            problems.append(f"violations/{i}/actor: {v['actor']} is not an index into officials")
        if v["modality"] != labels.INCIDENT and v["status"] is not None:
            problems.append(f"violations/{i}/status: must be null unless modality is INCIDENT")
    for i, l in enumerate(record["legal_refs"]):
        check(l["span"], f"legal_refs/{i}/span")
    if record["relevant"] != (record["frame"] != labels.IRRELEVANT_FRAME):
        problems.append("relevant must be true exactly when frame is not LAIN")
    return problems
