"""Regions: the provinces, kabupaten and kota a document is about, in Kemendagri's official form.

Names are recognised only in contexts that make them places ("Kabupaten Solok",
"Kab. Solok", "Pemkab Solok", "Bupati Solok", "Bawaslu Solok", "Kota Padang",
province names and their usual short forms "Sumbar", "Jateng"), because many
kabupaten names are also ordinary words or personal names ("Batang", "Agam").
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .base import text_of

from ..gazetteer import PROVINCE_ALIASES, Region, get_gazetteer

# Words that mark a following name as a kabupaten; a kota; either (kabupaten preferred).
_REGENCY_CTX = r"Kabupaten|Kab\.\s?|Kab|Pemkab|Pemerintah\s+Kabupaten|Bupati|Wakil\s+Bupati|Wabup|Pj\.?\s+Bupati|Pjs\.?\s+Bupati|Plt\.?\s+Bupati|Pilbup|Sekdakab"
_CITY_CTX = r"Kota|Pemkot|Pemerintah\s+Kota|Wali\s*kota|Wali\s+Kota|Walkot|Wawali|Wakil\s+Wali\s+Kota|Pj\.?\s+Wali\s+Kota|Pjs\.?\s+Wali\s+Kota|Pilwalkot|Pilwako|Sekdakot"
_ANY_CTX = r"Bawaslu|KPU|Panwaslu|Polres|Polresta|Kodim|Kejari|DPRD|Pilkada|Sekda|Setda|BKPSDM|BKD|ASN|se-|Inspektorat|Kesbangpol"
_LOCATIVE_CTX = r"(?<![\w])(?:di|ke|dari|asal|wilayah|daerah|kawasan|warga)"
_PROVINCE_CTX = r"Provinsi|Prov\.|Pemprov|Pemerintah\s+Provinsi|Gubernur|Wakil\s+Gubernur|Pj\.?\s+Gubernur|Pilgub|Polda|Bawaslu|KPU"


@lru_cache(maxsize=1)
def _patterns():
    gaz = get_gazetteer()
    bare: dict[str, dict[str, Region]] = {}
    for r in gaz.regencies_and_cities:
        bare.setdefault(r.bare_name.lower(), {})[r.level] = r
    names = sorted({r.bare_name for r in gaz.regencies_and_cities}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    kabkota = re.compile(
        rf"(?:(?P<reg>{_REGENCY_CTX})|(?P<city>{_CITY_CTX})|(?P<any>{_ANY_CTX})|(?P<loc>{_LOCATIVE_CTX}))\s*(?P<name>{alt})(?![\w-])"
    )
    # Names of two words or more are unambiguous places wherever they stand ("Lombok Timur").
    multi = sorted({r.bare_name for r in gaz.regencies_and_cities if " " in r.bare_name}, key=len, reverse=True)
    multiword = re.compile(rf"(?<![\w-])(?P<name>{'|'.join(re.escape(n) for n in multi)})(?![\w-])")
    prov_names = {r.name: r for r in gaz.provinces}
    aliases = {a: prov_names[p] for a, p in PROVINCE_ALIASES.items() if p in prov_names}
    # "Jakarta" alone is usually the national capital as a place of national bodies, not the province.
    aliases = {a: r for a, r in aliases.items() if a not in ("Jakarta", "DKI")}
    prov_all = {**prov_names, **aliases}
    palt = "|".join(re.escape(n) for n in sorted(prov_all, key=len, reverse=True))
    province = re.compile(rf"(?<![\w-])(?:(?:{_PROVINCE_CTX})\s+)?(?P<name>{palt})(?![\w-])")
    return bare, kabkota, prov_all, province, multiword


def find_regions(text: str) -> list[tuple[int, int, Region]]:
    """Every region mention as ``(start, end, Region)``, kabupaten/kota first, no overlaps."""
    bare, kabkota, prov_all, province, multiword = _patterns()
    found: list[tuple[int, int, Region]] = []
    taken: list[tuple[int, int]] = []
    for m in kabkota.finditer(text):
        options = bare.get(m.group("name").lower(), {})
        if m.group("city"):
            r = options.get("city")
        elif m.group("reg"):
            r = options.get("regency")
        elif m.group("loc"):
            # "di Bandung", "ke Jayapura": people name the city when both exist
            r = options.get("city") or options.get("regency")
        else:
            r = options.get("regency") or options.get("city")
        if r is None:
            continue
        found.append((m.start("name"), m.end("name"), r))
        taken.append((m.start("name"), m.end("name")))
    for m in multiword.finditer(text):
        s, e = m.start("name"), m.end("name")
        if any(s < te and ts < e for ts, te in taken):
            continue
        options = bare.get(m.group("name").lower(), {})
        r = options.get("regency") or options.get("city")
        if r is not None:
            found.append((s, e, r))
            taken.append((s, e))
    for m in province.finditer(text):
        s, e = m.start("name"), m.end("name")
        if any(s < te and ts < e for ts, te in taken):
            continue
        # "Jambi", "Bengkulu", "Gorontalo" are also city names; a bare one means the province.
        found.append((s, e, prov_all[m.group("name")]))
    found.sort(key=lambda x: x[0])
    return found


def regions_of(doc) -> list[tuple[int, int, Region]]:
    """:func:`find_regions` on the Doc's text, computed once per Doc (officials read it too)."""
    cached = doc.user_data.get("netral_region_mentions")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    found = find_regions(text_of(doc))
    doc.user_data["netral_region_mentions"] = (len(doc), found)
    return found


class RegionRecognizer:
    """Fill ``doc._.netral_regions`` with the regions named in the text, first mention first."""

    def __init__(self, nlp: Language, name: str, min_mentions: int = 1):
        self.name = name
        self.min_mentions = min_mentions

    def __call__(self, doc: Doc) -> Doc:
        counts: dict[str, int] = {}
        first: dict[str, Region] = {}
        for _, _, r in regions_of(doc):
            counts[r.code] = counts.get(r.code, 0) + 1
            first.setdefault(r.code, r)
        doc._.netral_regions = [
            {"name": r.name, "province": r.province, "code": r.code}
            for code, r in first.items() if counts[code] >= self.min_mentions
        ]
        return doc


@Language.factory("netral_regions", assigns=["doc._.netral_regions"], default_config={"min_mentions": 1})
def make_regions(nlp: Language, name: str, min_mentions: int) -> RegionRecognizer:
    return RegionRecognizer(nlp, name, min_mentions)
