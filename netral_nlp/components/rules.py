"""Rule components that need no training: legal references, dates and elections.

Each wraps a pure function of :mod:`netral_nlp.rules` and writes contract-shaped
dicts to the Doc, plus spans to ``doc.spans`` for spaCy users.
"""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.dates import find_dateline_date, find_dates
from ..rules.elections import find_elections
from ..rules.legal_refs import find_legal_refs
from .base import set_span_group


def doc_reference_date(doc: Doc) -> dt.date | None:
    """The publication date of the document: input metadata first, else the dateline."""
    pub = doc._.netral_published
    if pub:
        try:
            return dt.date.fromisoformat(str(pub)[:10])
        except ValueError:
            pass
    return find_dateline_date(doc.text)


class LegalRefRecognizer:
    """Find numbered legal references ("UU Nomor 5 Tahun 2014", "PP 94/2021")."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        matches = find_legal_refs(doc.text)
        doc._.netral_legal_refs = [
            {"kind": m.kind, "number": m.number, "year": m.year, "span": [m.start, m.end]} for m in matches
        ]
        set_span_group(doc, "legal_refs", [(m.start, m.end, f"LEGAL_{m.kind}") for m in matches])
        return doc


class DateRecognizer:
    """Find Indonesian dates and resolve them (relative ones against the publication date)."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ref = doc_reference_date(doc)
        if ref is not None and not doc._.netral_published:
            doc._.netral_published = ref.isoformat()
        matches = find_dates(doc.text, reference=ref)
        doc._.netral_dates = [
            {"start": m.start, "end": m.end, "date": m.date.isoformat() if m.date else None} for m in matches
        ]
        set_span_group(doc, "dates", [(m.start, m.end, "DATE") for m in matches])
        return doc


class ElectionRecognizer:
    """Find elections ("Pemilu 2024" -> PEMILU_2024) and list their codes in order of first mention."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ref = doc_reference_date(doc)
        matches = find_elections(doc.text, reference_year=ref.year if ref else None)
        # A bare "pemilu"/"pilpres" resolved by the publication year counts only when the text
        # names no election with a year: next to "Pilkada 2024", a bare "Pilpres" is a comparison.
        explicit = [m for m in matches if any(c.isdigit() for c in doc.text[m.start:m.end])]
        chosen = explicit or matches
        doc._.netral_elections = list(dict.fromkeys(m.code for m in chosen))
        set_span_group(doc, "elections", [(m.start, m.end, m.code) for m in matches])
        return doc


@Language.factory("netral_legal_refs", assigns=["doc._.netral_legal_refs", "doc.spans"], default_config={})
def make_legal_refs(nlp: Language, name: str) -> LegalRefRecognizer:
    return LegalRefRecognizer(nlp, name)


@Language.factory("netral_dates", assigns=["doc._.netral_dates", "doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> DateRecognizer:
    return DateRecognizer(nlp, name)


@Language.factory("netral_elections", assigns=["doc._.netral_elections", "doc.spans"], default_config={})
def make_elections(nlp: Language, name: str) -> ElectionRecognizer:
    return ElectionRecognizer(nlp, name)
