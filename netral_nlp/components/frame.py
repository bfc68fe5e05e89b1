"""Frame: what the document is about (SOSIALISASI, PELANGGARAN, PENINDAKAN, REGULASI, OPINI or LAIN).

When the pipeline holds a trained text classifier (``textcat`` with the frame labels), its
scores decide; otherwise rules weigh the document's neutrality vocabulary and what the
other components found. Violations of a document judged LAIN are dropped, since the
guidelines annotate none there unless a neutrality case is actually reported; events of a
document judged REGULASI are dropped, since by definition it reports none.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from .. import labels
from ..lexicons import BOUND_ROLE_WORDS
from .base import text_of

NEUTRALITY = re.compile(r"netral|tidak\s+netral|ketidaknetralan|keberpihakan|politik\s+praktis|berpihak|"
                        r"pelanggaran\s+(?:kode\s+etik\s+)?(?:ASN|PNS|netralitas)|kode\s+etik\s+ASN", re.I)
BOUND = re.compile(rf"\b(?:{'|'.join(BOUND_ROLE_WORDS)})\b", re.I)
ENFORCE = re.compile(r"klarifikasi|diperiksa|pemeriksaan|dipanggil|sanksi|rekomendasi|memenuhi\s+unsur|dijatuhi|ditangani|"
                     r"penanganan|diteruskan|dilimpahkan|diregistrasi|kajian|pleno|terbukti|KASN|BKN|Gakkumdu|disanksi|dicopot", re.I)
PREVENT = re.compile(r"sosialisasi|imbau|mengingatkan|ikrar|deklarasi\s+netralitas|pakta\s+integritas|apel|penghargaan|"
                     r"komitmen|menjaga\s+netralitas|pembinaan|bimtek|seminar|wanti-wanti|pesan", re.I)
REGULATE = re.compile(r"surat\s+edaran|\bSE\b|\bSKB\b|regulasi|aturan|peraturan|menerbitkan|diterbitkan|terbit|beleid|"
                      r"undang-undang|ketentuan|pedoman|revisi|uji\s+materi|putusan\s+MK", re.I)
OPINION = re.compile(r"^\s*(?:Oleh\s*:|OPINI|Opini|Kolom)|penulis\s+adalah|\bsaya\s+(?:kira|rasa|pikir|berpendapat)|"
                     r"menurut\s+hemat|hemat\s+penulis|dalam\s+pandangan\s+(?:saya|penulis)|\bkita\s+(?:perlu|harus)|"
                     r"(?:dosen|peneliti|pengamat|mahasiswa|pegiat)\b[^.\n]{0,60}$", re.I | re.M)


def rule_frame(doc: Doc) -> tuple[str, dict[str, float]]:
    """Score each frame from cue counts and the other components' results."""
    text = text_of(doc)
    violations = doc._.netral_violations or []
    events = doc._.netral_events or []
    n_neutral = len(NEUTRALITY.findall(text))
    n_bound = len(BOUND.findall(text))
    incidents = [v for v in violations if v["modality"] == "INCIDENT"]
    typed = {v["type"] for v in violations if v["type"] != "LAINNYA"}
    relevant = n_bound >= 1 and (n_neutral >= 1 or len(incidents) >= 1 or len(typed) >= 2)
    scores = {f: 0.0 for f in labels.FRAMES}
    if not relevant:
        scores["LAIN"] = 1.0
        return "LAIN", scores
    words = max(1, len(text.split()))
    scale = 300.0 / words
    scores["PENINDAKAN"] = len(ENFORCE.findall(text)) * scale + 1.5 * sum(e["type"] in ("PEMERIKSAAN", "SANKSI") for e in events)
    scores["PELANGGARAN"] = 2.0 * len(incidents) + sum(e["type"] == "PELAPORAN" for e in events)
    scores["SOSIALISASI"] = len(PREVENT.findall(text)) * scale + 1.5 * sum(
        e["type"] in ("APEL", "SOSIALISASI", "IKRAR", "RAPAT") for e in events)
    scores["REGULASI"] = 0.8 * len(REGULATE.findall(text)) * scale + 0.5 * len(doc._.netral_legal_refs or [])
    scores["OPINI"] = 3.0 * len(OPINION.findall(text))
    # Enforcement of a reported case beats the case itself when both are told.
    if incidents and scores["PENINDAKAN"] >= 3:
        scores["PENINDAKAN"] += 1.0
    best = max((f for f in labels.FRAMES if f != "LAIN"), key=lambda f: scores[f])
    if scores[best] <= 0:
        best = "SOSIALISASI"
    return best, scores


def _reports_a_case(doc: Doc) -> bool:
    """A bound official's incident in a text that speaks of neutrality: what no LAIN document holds."""
    text = text_of(doc)
    incidents = [v for v in doc._.netral_violations or [] if v["modality"] == "INCIDENT"]
    return bool(incidents) and NEUTRALITY.search(text) is not None and BOUND.search(text) is not None


class FrameClassifier:
    """Set ``doc._.netral_frame`` (and ``doc._.netral_frame_scores``)."""

    def __init__(self, nlp: Language, name: str, textcat: str | None = "textcat_frame", threshold: float = 0.0):
        self.name = name
        self.textcat = textcat
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        cats = doc.cats if doc.cats and all(f in doc.cats for f in labels.FRAMES) else None
        if cats:
            frame = max(labels.FRAMES, key=lambda f: cats[f])
            scores = {f: float(cats[f]) for f in labels.FRAMES}
            if frame == labels.IRRELEVANT_FRAME and _reports_a_case(doc):
                # LAIN drops every violation: a bag-of-words call is not enough to discard a case the
                # other components found told in neutrality terms; take the best relevant frame.
                frame = max((f for f in labels.FRAMES if f != labels.IRRELEVANT_FRAME), key=lambda f: cats[f])
        else:
            frame, scores = rule_frame(doc)
        doc._.netral_frame = frame
        doc._.netral_frame_scores = scores
        if frame == labels.IRRELEVANT_FRAME:
            doc._.netral_violations = []
        elif frame == "REGULASI":
            # A REGULASI document explains a rule "without a case and without an event whose purpose
            # is the briefing" (guidelines, frames): trigger words there describe procedures
            # ("laporan akan diklarifikasi"), not happenings.
            doc._.netral_events = []
            if labels.SPAN_KEYS["events"] in doc.spans:
                doc.spans[labels.SPAN_KEYS["events"]] = []
        return doc


@Language.factory("netral_frame", assigns=["doc._.netral_frame", "doc._.netral_frame_scores", "doc._.netral_events"],
                  default_config={"textcat": "textcat_frame", "threshold": 0.0})
def make_frame(nlp: Language, name: str, textcat: str | None, threshold: float) -> FrameClassifier:
    return FrameClassifier(nlp, name, textcat, threshold)
