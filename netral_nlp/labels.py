"""Every label code of the output contract, defined once.

The contract (`docs/output-contract.md`) fixes these codes; notebooks, the
evaluator, the corpus validator and the JSON Schema all import them from here.
"""
from __future__ import annotations

#: Document frame, exactly one per document. ``LAIN`` means not relevant.
FRAMES: tuple[str, ...] = ("SOSIALISASI", "PELANGGARAN", "PENINDAKAN", "REGULASI", "OPINI", "LAIN")
IRRELEVANT_FRAME = "LAIN"

#: Election types; an election code is ``TYPE_YEAR`` (``PEMILU_2024``).
ELECTION_TYPES: tuple[str, ...] = ("PEMILU", "PILKADA", "PILKADES")
ELECTION_CODE_PATTERN = r"^(PEMILU|PILKADA|PILKADES)_[0-9]{4}$"

#: Official categories.
CATEGORIES: tuple[str, ...] = (
    "ASN",
    "PERANGKAT_DESA",
    "TNI_POLRI",
    "PENGAWAS_PEMILU",
    "PENYELENGGARA_PEMILU",
    "PEJABAT_POLITIK",
    "CALON",
    "LAINNYA",
)

#: Event types.
EVENT_TYPES: tuple[str, ...] = (
    "APEL",
    "SOSIALISASI",
    "IKRAR",
    "RAPAT",
    "KAMPANYE",
    "DEKLARASI_CALON",
    "PELAPORAN",
    "PEMERIKSAAN",
    "SANKSI",
)

#: Violation types (after the SKB 2022 on ASN neutrality and KASN's categories).
VIOLATION_TYPES: tuple[str, ...] = (
    "MEDIA_SOSIAL",
    "FOTO_SIMBOL",
    "KAMPANYE",
    "DEKLARASI",
    "ALAT_PERAGA",
    "PARTAI_POLITIK",
    "PENCALONAN",
    "FASILITAS_NEGARA",
    "KEBIJAKAN_BERPIHAK",
    "MOBILISASI",
    "DUKUNGAN_KTP",
    "LAINNYA",
)

#: Violation modality.
MODALITIES: tuple[str, ...] = ("INCIDENT", "AGGREGATE", "GENERIC")
INCIDENT = "INCIDENT"

#: Violation status (INCIDENT only, else null).
STATUSES: tuple[str, ...] = ("DUGAAN", "TERBUKTI")

#: Optional outcome of an INCIDENT (an added field; the contract allows additions).
OUTCOMES: tuple[str, ...] = ("CLEARED",)

#: Legal reference kinds.
LEGAL_KINDS: tuple[str, ...] = ("UU", "PP", "PERPRES", "PERMEN", "PERBAWASLU", "PKPU", "SE", "SKB", "PERDA", "LAINNYA")

#: Corpus-only: document genre.
GENRES: tuple[str, ...] = ("news", "post", "press_release", "opinion")

#: Span group names on the spaCy ``Doc`` (``doc.spans[...]``).
SPAN_KEYS = {
    "officials": "netral_officials",
    "events": "netral_events",
    "violations": "netral_violations",
    "legal_refs": "netral_legal_refs",
    "elections": "netral_elections",
    "dates": "netral_dates",
}

#: displaCy colours for span labels, exported through the ``spacy_displacy_colors`` entry point.
#: One colour per violation type (reds, oranges and purples, readable under black text).
_VIOLATION_PALETTE = ("#f4a6a6", "#f7c59f", "#f2a0c4", "#e8a0f0", "#f5b36b", "#f09090", "#d9a7f5", "#f6d08a",
                      "#ef8fa8", "#c9a0dc", "#f3b0b0", "#e0c0a0")
DISPLACY_COLORS = {
    **{f"VIOL_{t}": c for t, c in zip(VIOLATION_TYPES, _VIOLATION_PALETTE)},
    **{f"EVENT_{t}": "#a6d8f4" for t in EVENT_TYPES},
    **{f"LEGAL_{k}": "#c9f4a6" for k in LEGAL_KINDS},
    **{f"OFFICIAL_{c}": "#f4e3a6" for c in CATEGORIES},
}


def is_election_code(code: str) -> bool:
    """Return whether ``code`` has the ``TYPE_YEAR`` form of an election code."""
    import re

    return bool(re.match(ELECTION_CODE_PATTERN, code or ""))
