"""Rule components that need no training: legal references, dates and elections.

Each wraps a pure function of :mod:`netral_nlp.rules` and writes contract-shaped
dicts to the Doc, plus spans to ``doc.spans`` for spaCy users.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.dates import find_dateline_date, find_dates
from ..rules.elections import find_elections
from ..rules.legal_refs import find_legal_refs
from .base import set_span_group, text_of


def doc_reference_date(doc: Doc) -> dt.date | None:
    """The publication date of the document: input metadata first, else the dateline."""
    pub = doc._.netral_published
    if pub:
        try:
            return dt.date.fromisoformat(str(pub)[:10])
        except ValueError:
            pass
    return _dateline_date(doc)


def _dateline_date(doc: Doc) -> dt.date | None:
    """``find_dateline_date`` of the text, cached on the Doc: dates and elections both ask for it,
    and a text without a dateline would otherwise be searched twice. Cached as an ISO string (or
    None) so that ``user_data`` stays serialisable; keyed by the token count like ``text_of``."""
    cached = doc.user_data.get("netral_dateline")
    if cached is not None and cached[0] == len(doc):
        return dt.date.fromisoformat(cached[1]) if cached[1] else None
    found = find_dateline_date(text_of(doc))
    doc.user_data["netral_dateline"] = (len(doc), found.isoformat() if found else None)
    return found


class LegalRefRecognizer:
    """Find numbered legal references ("UU Nomor 5 Tahun 2014", "PP 94/2021")."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        matches = find_legal_refs(text_of(doc))
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
        matches = find_dates(text_of(doc), reference=ref)
        doc._.netral_dates = [
            {"start": m.start, "end": m.end, "date": m.date.isoformat() if m.date else None} for m in matches
        ]
        set_span_group(doc, "dates", [(m.start, m.end, "DATE") for m in matches])
        return doc


_TYPE_OF_NAME = {"pemilu": "PEMILU", "pilpres": "PEMILU", "pileg": "PEMILU", "pilkada": "PILKADA", "pilgub": "PILKADA",
                 "pilbup": "PILKADA", "pilwalkot": "PILKADA", "pilwako": "PILKADA", "pilkades": "PILKADES"}
_HASHTAG = re.compile(r"#(?P<kind>Pemilu|Pilpres|Pileg|Pilkada|Pilgub|Pilbup|Pilwalkot|Pilwako|Pilkades)[A-Za-z]*?(?P<year>(?:19|20)\d{2})?(?![\w])",
                      re.I)
_INSTITUTION = re.compile(r"(?:Pengawas|Penyelenggara|Komisi|Kehormatan)\s+$", re.I)
_BODY_ALIAS_AFTER = re.compile(r"\s*\((?:Bawaslu|KPU|DKPP|Panwaslu)\)")
_YEAR_IN_TEXT = re.compile(r"(?<![\d/.-])(20[12]\d)(?![\d/])")


def _institution_name(text: str, m) -> bool:
    """A bare "Pemilu" inside a body's name ("Badan Pengawas Pemilu (Bawaslu)") names no election."""
    if any(c.isdigit() for c in text[m.start:m.end]):
        return False
    return bool(_INSTITUTION.search(text[max(0, m.start - 30):m.start]) or
                _BODY_ALIAS_AFTER.match(text[m.end:m.end + 12]))


def _hashtag_elections(text: str, ref_year: int | None):
    """Hashtags glue the election to a place and year: "#PilkadaKBB2024", "#PilkadaSumsel"."""
    from ..rules.elections import ElectionMatch

    out = []
    for m in _HASHTAG.finditer(text):
        kind = _TYPE_OF_NAME[m.group("kind").lower()]
        year = int(m.group("year")) if m.group("year") else None
        if year is None:
            if ref_year is None or kind == "PILKADES":
                continue
            if kind == "PEMILU" and ref_year in (2018, 2019, 2023, 2024):
                year = 2019 if ref_year <= 2019 else 2024
            elif kind == "PILKADA" and ref_year in (2015, 2017, 2018, 2020, 2024):
                year = ref_year
            else:
                continue
        out.append(ElectionMatch(f"{kind}_{year}", m.start(), m.end()))
    return out


def _dominant_year(doc: Doc) -> int | None:
    """Without a dateline, the year most dates of the text are in (if any)."""
    years = [d["date"][:4] for d in (doc._.netral_dates or []) if d.get("date")]
    years += _YEAR_IN_TEXT.findall(text_of(doc))
    if not years:
        return None
    return int(max(sorted(set(years)), key=years.count))


class ElectionRecognizer:
    """Find elections ("Pemilu 2024" -> PEMILU_2024) and list their codes in order of first mention."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ref = doc_reference_date(doc)
        ref_year = ref.year if ref else _dominant_year(doc)
        text = text_of(doc)  # built anew on every access: once, not once per match
        matches = [m for m in find_elections(text, reference_year=ref_year) if not _institution_name(text, m)]
        matches += _hashtag_elections(text, ref_year)
        matches.sort(key=lambda m: m.start)
        # A bare "pemilu"/"pilpres" resolved by the publication year counts only when the text
        # names no election with a year: next to "Pilkada 2024", a bare "Pilpres" is a comparison.
        explicit = [m for m in matches if any(c.isdigit() for c in text[m.start:m.end])]
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
