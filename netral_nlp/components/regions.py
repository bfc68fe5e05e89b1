"""Regions: the provinces, kabupaten and kota a document is about, in Kemendagri's official form.

Single-word kabupaten/kota names are recognised only in contexts that make them places
("Kabupaten Solok", "Kab. Solok", "Pemkab Solok", "bupati Solok", "Bawaslu Solok",
"Kota Padang", "di Padang"), because many are also ordinary words or personal names
("Batang", "Agam"). Names of two words or more ("Lombok Timur", also written joined:
"Pangkalpinang"), the usual short forms of kabupaten and provinces ("Lotim", "Kukar", "OKI",
"Sumbar", "Jateng") and province names stand on their own, unless they are part of an
institution's name ("Universitas Jambi", "Bank Jateng", "JPPR Sumsel"). Further:

- a list continues a place: "di Rembang, Blora dan Pati" (same province), "dua kabupaten,
  yakni Luwu dan Sinjai"; a hotel carries its city's name ("Hotel Santika Padang");
- social-media hashtags and handles name kabupaten/kota ("#PilkadaLotim2024", "@bawaslu_halteng");
- a document naming no kabupaten/kota but a kecamatan ("Camat Selong", "#Sentani") is about
  the kecamatan's kabupaten, when the kecamatan name is unique in the gazetteer;
- a mention that only places the speaker ("kata Ali di Medan, Senin"), the author ("Oleh: ...,
  pengajar di Samarinda"), a comparison ("kabupaten lain di Kalsel") or someone's home town
  ("asal Solok") does not by itself make the region one the document is about.

All names are matched by one regex built as a trie over the gazetteer (linear in the text);
the context is then read in a short window before each name.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .base import text_of

from ..gazetteer import AMBIGUOUS_ALIASES, PROVINCE_ALIASES, Region, get_gazetteer

# Words that mark a following name as a kabupaten; a kota; a province; any level. Titles are
# often written in lower case ("wali kota Jambi", "bupati Lahat"), hence (?i:...) for them;
# (?<![a-z]) keeps them from matching inside a word.
_REGENCY_CTX = r"(?<![a-z])(?i:Kabupaten|Kab\.|Kab|Pemkab|Pemerintah\s+Kabupaten|Bupati|Wakil\s+Bupati|Wabup|Pj\.?\s+Bupati|Pjs\.?\s+Bupati|Plt\.?\s+Bupati|Pilbup|Sekdakab)"
_CITY_CTX = r"(?<![a-z])(?i:Kota|Pemkot|Pemko|Pemerintah\s+Kota|Wali\s*kota|Walkot|Wako|Wawali|Wakil\s+Wali\s*Kota|Pj\.?\s+Wali\s*Kota|Pjs\.?\s+Wali\s*Kota|Pilwalkot|Pilwako|Sekdakot)"
_PROVINCE_CTX = r"(?<![a-z])(?:Provinsi|Prov\.|Pemprov|Pemerintah\s+Provinsi|Gubernur|Wakil\s+Gubernur|Pj\.?\s+Gubernur|Pilgub|Polda)"
_ANY_CTX = r"Bawaslu|KPU|KIP|Panwaslu|Panwaslih|Polres|Polresta|Kodim|Kejari|DPRD|Pilkada|Pemda|Sekda|Setda|BKPSDM|BKD|BNNK|ASN|se-|Inspektorat|Kesbangpol"
_LOCATIVE_CTX = r"(?<![\w])(?:[Dd]i|[Kk]e|[Dd]ari|asal|wilayah|daerah|kawasan|warga)"
# Names that stand alone are not places when they are part of an institution's or an NGO's name
# (guidelines: NGOs' names are not regions).
_ORG = (r"(?:Universitas(?:\s+Negeri)?|Univ\.|Institut|Politeknik(?:\s+Negeri)?|Poltekkes|UIN|IAIN|STAIN|Bank|Stadion|"
        r"Bandara|Jalan|Jl\.|JPPR|KIPP|LSM|PWI|DPW|Partai\s+[A-Z]\w*|Pemantau\s+Pemilu)")
# "Bolaang Mongondow Raya", "Luwu Raya": a cultural area larger than the kabupaten.
_END = r"(?!\s+Raya\b)(?![\w-])"

_CONTEXT = re.compile(
    rf"(?:(?P<reg>{_REGENCY_CTX})|(?P<city>{_CITY_CTX})|(?P<prov>{_PROVINCE_CTX})|(?P<any>{_ANY_CTX})|(?P<loc>{_LOCATIVE_CTX}))[^\S\n]*\Z")
_CAPITAL_KEYS = {"jakarta", "dki"}
_ORG_BEFORE = re.compile(rf"{_ORG}\s+\Z")
# Contexts reaching further back: "dua kabupaten, yakni Luwu dan Sinjai" (a list follows);
# "di Hotel Four Points by Sheraton Makassar" (a hotel carries its city's name).
_ENUM_CTX = re.compile(r"(?<![a-z])(?i:kabupaten|kota|kabupaten/kota|daerah|wilayah)\b[^.;\n]{0,40}?"
                       r"\b(?:yakni|yaitu|seperti|antara\s+lain|di\s+antaranya|meliputi)\s*:?\s*\Z")
_VENUE_CTX = re.compile(r"\bHotel\s+(?:(?:[A-Z][\w&'.-]*|by|de|in)\s+){0,5}\Z")
_DISTRICT_CONTEXT = re.compile(r"(?<![a-z])(?i:Kecamatan|Kec\.|Camat|Sekcam|Panwascam|PPK|Polsek|Koramil)[^\S\n]*\Z")

# Mentions that do not by themselves make a region one the document is about.
_SPEECH_VENUE = re.compile(
    r"\b(?:kata|ujar|tutur|ucap|jelas|terang|ungkap|tegas|sebut|papar|imbuh|pungkas|tambah)(?:nya)?\b"
    r"[^.\n\"“”?!]{0,80}?\bdi\s+(?=[A-Z][^,\n]{0,40},\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|"
    r"\(?\d|awal|akhir|pertengahan|medio|pekan|kemarin|beberapa)\b|[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\.(?:\s|$))")
_AUTHOR_BIO = re.compile(r"(?:\bOleh\s*:|\bPenulis\s+(?:adalah|merupakan)|\bPenulis\s*:)[^\n]{0,160}?\bdi\s+")
# A comparison ("kabupaten lain di Kalsel"), someone's home town or residence ("asal Solok",
# "tinggal di Ternate") or a candidate's electoral district ("caleg DPR dapil Sulut", "caleg
# DPRD DKI"): the guidelines do not list places named only in passing.
_PASSING_BEFORE = re.compile(r"\b(?:lain|lainnya|tetangga)(?:\s+di|,)?\s+$"
                             r"|\b(?:asal|berasal\s+dari|kelahiran|tinggal\s+di|berdomisili\s+di)\s+$"
                             r"|(?i:\bdapil|\bdaerah\s+pemilihan)\s+$"
                             # where a national body's regional office sits: "Kantor Regional IV BKN di Makassar"
                             r"|\b(?:Kantor\s+Regional|Kanreg|Kantor\s+Wilayah|Kanwil)\s+(?:[\w.]+\s+){0,4}di\s+$"
                             r"|\b(?:caleg|bacaleg|calon\s+anggota(?:\s+legislatif)?)(?:\s+(?:DPRD|DPR|DPD))?(?:\s+RI)?\s+$")
# A list goes on: "Rembang 8 kasus, disusul Sukoharjo 7 kasus, Kota Semarang, dan Blora".
_LIST_SEP = (r"(?:\s+(?:\w+\s+)?\d+(?:\s+\w+)?)?(?:\s*,\s*(?:(?:dan|serta|hingga|disusul|lalu)\s+)?|"
             r"\s+(?:dan|serta|atau|hingga|disusul|lalu)\s+)")
# Headlines and broadcast messages in capitals ("*HASIL SURVEI PILGUB BANTEN*", "BAWASLU KOTA
# MEDAN"): a capitalised title or body before capitalised words. A dateline ("PADANG –") has
# no such word and stays out.
_UPPER_REG = r"KABUPATEN|KAB\.?|PEMKAB|BUPATI|PILBUP"
_UPPER_CITY = r"KOTA|PEMKOT|PEMKO|WALI\s*KOTA|PILWALKOT|PILWAKO"
_UPPER_PROV = r"PROVINSI|PEMPROV|GUBERNUR|PILGUB|POLDA"
_UPPER = re.compile(
    rf"(?<![\w-])(?:(?:BAWASLU|KPU|DPRD|PILKADA|SEKDA|ASN|{_UPPER_REG}|{_UPPER_CITY}|{_UPPER_PROV})[^\S\n]+)*"
    rf"(?:(?P<reg>{_UPPER_REG})|(?P<city>{_UPPER_CITY})|(?P<prov>{_UPPER_PROV})|BAWASLU|KPU|DPRD|PILKADA|SEKDA|ASN)[^\S\n]+"
    r"(?=(?P<name>[A-Z][A-Z-]+(?:[^\S\n]+[A-Z][A-Z-]+){0,3})(?![\w-]))")
_TAG = re.compile(r"(?<![\w#@])[#@]([A-Za-z][\w.]*)")
_TAG_PREFIX = re.compile(
    r"(?i:(?P<reg>pilbup)|(?P<city>pilwalkot|pilwako)|pilkada|pemilu|bawaslu|kpu|panwaslu|pemkab|pemkot|pemko|humas)?[._]?"
    r"(?P<level>(?i:(?P<kab>kab)|(?P<kota>kota)))?[._]?")
_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")


_NORM_RE = re.compile(r"[\s.\-_]+")


def _norm(name: str) -> str:
    """Key for spellings that differ only in spaces, hyphens, dots and case ("Bau-Bau", "Baubau")."""
    return _NORM_RE.sub("", name).lower()


def _units(name: str) -> list[str]:
    """A name as trie units: letters, and per later word a unit for its first letter with what
    comes before it, so that "Pangkal Pinang", "Pangkal-Pinang", "PangkalPinang" and
    "Pangkalpinang" all match (but not "Lima puluh kota", fifty towns)."""
    parts = re.split(r"[\s-]+", name)
    units = list(parts[0])
    for p in parts[1:]:
        units += ["JOIN" + p[0]] + list(p[1:])
    return units


def _unit_rx(u: str) -> str:
    if u.startswith("JOIN"):
        c = u[4]
        if c.upper() == c.lower():
            return rf"(?:\s+|-)?{re.escape(c)}"
        return rf"(?:(?:\s+|-)?{re.escape(c.upper())}|{re.escape(c.lower())})" if c.isupper() else rf"(?:\s+|-)?{re.escape(c)}"
    return re.escape(u)


def _alternation(names) -> str:
    """One regex for many names, as a trie: Python's re tries alternatives one by one, so a flat
    alternation of a thousand names is slow at every position it is tried."""
    trie: dict = {}
    for n in set(names):
        node = trie
        for u in _units(n):
            node = node.setdefault(u, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [_unit_rx(k) + emit(node[k]) for k in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a name ends here; a longer one is tried first
            return f"(?:{body})?" if len(alts) == 1 else body + "?"
        return body

    return emit(trie)


@lru_cache(maxsize=1)
def _patterns():
    gaz = get_gazetteer()
    kabkota: dict[str, dict[str, Region]] = {}  # norm(name) -> level -> region
    for r in gaz.regencies_and_cities:
        kabkota.setdefault(_norm(r.bare_name), {})[r.level] = r
    aliases = gaz.regency_aliases()
    for a, r in aliases.items():
        kabkota.setdefault(_norm(a), {}).setdefault(r.level, r)
    prov_names = {r.name: r for r in gaz.provinces}
    prov_all = {**prov_names, **{a: prov_names[p] for a, p in PROVINCE_ALIASES.items() if p in prov_names}}
    provinces = {_norm(a): r for a, r in prov_all.items()}

    bare_names = [r.bare_name for r in gaz.regencies_and_cities] + [a for a in aliases if a not in gaz.by_name]
    # Every name is found by one scan; the words before it decide what it is (see find_regions).
    names = re.compile(rf"(?<![\w@#])(?P<name>{_alternation(bare_names + list(prov_all))}){_END}")
    # Names that are places wherever they stand: multi-word names, short forms, provinces.
    # All-capital short forms ("OKI", "SBB", "KTT") are also people's initials ("kades SBT"), so
    # they need a context word like the single-word names.
    standalone = {_norm(n) for n in bare_names
                  if " " in n or (n in aliases and not n.isupper() and n not in AMBIGUOUS_ALIASES)} | set(provinces)
    # "Jakarta" alone, and "di Jakarta", is mostly the capital as the seat of national bodies; it is
    # the province only after a title or body ("Pemprov Jakarta", "DPRD DKI", "Pilgub Jakarta").
    standalone -= _CAPITAL_KEYS
    list_next = re.compile(rf"{_LIST_SEP}(?:(?P<reg>Kabupaten|Kab\.)\s*|(?P<city>Kota)\s+)?(?P<name>{_alternation(bare_names)}){_END}")
    # Kecamatan whose name is unique and no kabupaten/kota/province name: their kabupaten.
    taken = set(kabkota) | set(provinces)
    seen: dict[str, list[Region]] = {}
    for d in gaz.districts:
        seen.setdefault(_norm(d.name), []).append(d)
    districts = {k: gaz.parent(v[0]) for k, v in seen.items() if len(v) == 1 and k not in taken and len(k) > 3}
    return kabkota, provinces, names, standalone, list_next, districts


@lru_cache(maxsize=1)
def _district_pattern():
    """The kecamatan names of :func:`_patterns`' ``districts``, compiled only when first needed."""
    gaz = get_gazetteer()
    districts = _patterns()[5]
    names = [d.name for d in gaz.districts if _norm(d.name) in districts]
    # Not followed by another capitalised word: "Bolaang" is a kecamatan, "Bolaang Mongondow Raya" no place.
    return re.compile(rf"(?<![\w@#])(?P<name>{_alternation(names)}){_END}(?!\s+[A-Z])")


def _pick(options: dict[str, Region], *prefer: str) -> Region | None:
    for level in prefer:
        if level in options:
            return options[level]
    return None


def _tag_region(tag: str, kabkota, districts) -> tuple[dict[str, Region], tuple[str, ...], bool]:
    """The kabupaten/kota a hashtag or handle names ("PilkadaLotim2024", "bawaslu_halteng"), as
    the gazetteer options for the name, the levels to prefer, and whether it came from a
    kecamatan. Provinces in tags are left out: a province-wide tag ("#PilkadaSumsel") rarely
    says what the document is about."""
    m = _TAG_PREFIX.match(tag)  # always matches, maybe empty
    rest = tag[m.end():]
    prefer = ("regency",) if m.group("reg") else ("city",) if m.group("city") else ("city", "regency")
    rests = [(rest, prefer)]
    if m.group("level"):
        rests.insert(0, (rest, ("regency",) if m.group("kab") else ("city",)))
        # "#PilkadaKotabaru": "Kota" may begin the name itself.
        rests.append((tag[m.start("level"):], prefer))
    for rest, prefer in rests:
        candidates = [re.sub(r"\d+$", "", _norm(rest))]
        # "#JayapuraBersuara": a place name followed by a slogan word.
        words = _CAMEL.findall(rest)
        candidates += ["".join(words[:i]).lower() for i in range(len(words) - 1, 0, -1)]
        for c in candidates:
            if len(c) < 3:
                continue
            if c in kabkota and _pick(kabkota[c], *prefer):
                return kabkota[c], prefer, False
            # A kecamatan only as the tag's own first word ("#Sentani", "#AimasDamai"): after
            # a prefix it is mostly a slogan ("#PemiluDamai"; Damai is also a kecamatan).
            if c in districts and not m.group(0):
                return {"regency": districts[c]}, prefer, True
    return {}, prefer, False


def find_regions(text: str) -> list[tuple[int, int, Region]]:
    """Every region mention as ``(start, end, Region)``, in text order, no overlaps.

    Mentions of a region that the document only names in passing (speaker's or author's place, a
    comparison, a home town) are left out unless it is also named otherwise.
    """
    kabkota, provinces, names, standalone, list_next, districts = _patterns()
    found: list[tuple[int, int, Region, bool]] = []  # (start, end, region, weak)
    taken: list[tuple[int, int]] = []  # spans found so far, sorted, never overlapping

    def free(s: int, e: int) -> bool:
        i = bisect_left(taken, (s, e))
        return (i == 0 or taken[i - 1][1] <= s) and (i == len(taken) or e <= taken[i][0])

    def add(s: int, e: int, r: Region, weak: bool = False) -> None:
        found.append((s, e, r, weak))
        insort(taken, (s, e))

    weak_at = {m.end() for m in _SPEECH_VENUE.finditer(text)} | {m.end() for m in _AUTHOR_BIO.finditer(text)}

    for m in names.finditer(text):
        s, e = m.start("name"), m.end("name")
        key = _norm(m.group("name"))
        options, prov = kabkota.get(key, {}), provinces.get(key)
        ctx = _CONTEXT.search(text, max(0, s - 30), s)
        if ctx is None and (_ENUM_CTX.search(text, max(0, s - 70), s) or _VENUE_CTX.search(text, max(0, s - 60), s)):
            r = _pick(options, "city", "regency") or prov
        elif ctx is None:
            # A bare name shared by a province and a city ("Jambi", "Bengkulu") means the province.
            if key not in standalone or _ORG_BEFORE.search(text, max(0, s - 30), s):
                continue
            r = prov or _pick(options, "regency", "city")
        elif ctx.group("city"):
            r = _pick(options, "city")
        elif ctx.group("reg"):
            r = _pick(options, "regency")
        elif ctx.group("prov"):
            r = prov  # "Polda Metro Jaya" is no Kota Metro
        elif ctx.group("loc"):
            # "di Bandung", "ke Jayapura": people name the city when both exist; a name shared by
            # a province and its capital ("di Jambi") is the province.
            r = _pick(options, "city", "regency") if key in _CAPITAL_KEYS else prov or _pick(options, "city", "regency")
        else:
            r = prov or _pick(options, "regency", "city")
        if r is not None:
            lead = ctx.start() if ctx is not None and not ctx.group("loc") else s  # "asal Kabupaten Solok"
            weak = s in weak_at or lead in weak_at or _PASSING_BEFORE.search(text, max(0, lead - 30), lead) is not None
            add(s, e, r, weak)
    for m in _UPPER.finditer(text):
        words = m.group("name").split()
        for k in range(len(words), 0, -1):
            key = _norm("".join(words[:k]))
            options, prov = kabkota.get(key, {}), provinces.get(key)
            if m.group("city"):
                r = _pick(options, "city")
            elif m.group("reg"):
                r = _pick(options, "regency")
            elif m.group("prov"):
                r = prov
            else:
                r = prov or _pick(options, "regency", "city")
            if r is not None:
                s = m.start("name")
                e = s + len(" ".join(words[:k]))
                if free(s, e):
                    add(s, e, r)
                break
    # Lists continue a kabupaten/kota with others of the same province.
    i = 0
    found.sort(key=lambda x: x[0])
    while i < len(found):
        s0, e0, r0, weak0 = found[i]
        i += 1
        if r0.level not in ("regency", "city"):
            continue
        m = list_next.match(text, e0)
        if not m or not free(m.start("name"), m.end("name")):
            continue
        options = kabkota.get(_norm(m.group("name")), {})
        r = _pick(options, "city") if m.group("city") else _pick(options, "regency") if m.group("reg") else _pick(options, r0.level, "regency", "city")
        if r is not None and r.province == r0.province:
            found.insert(i, (m.start("name"), m.end("name"), r, weak0))
            insort(taken, (m.start("name"), m.end("name")))
    tags = [(m, *_tag_region(m.group(1), kabkota, districts)) for m in _TAG.finditer(text)]
    named = {_norm(r.bare_name): r for _, _, r, _ in found if r.level in ("regency", "city")}
    for m, options, prefer, from_district in tags:
        if options and not from_district and free(m.start(1), m.end(1)):
            r = _pick(options, *prefer)
            if r is not None:
                # "#PilkadaProbolinggo" in a text on the "bupati Probolinggo": the text says which.
                add(m.start(1), m.end(1), named.get(_norm(r.bare_name), r))
    if not any(r.level in ("regency", "city") for _, _, r, _ in found):
        # No kabupaten/kota named: a uniquely named kecamatan tells which one.
        for m in _district_pattern().finditer(text):
            if _DISTRICT_CONTEXT.search(text, max(0, m.start() - 20), m.start()):
                add(m.start("name"), m.end("name"), districts[_norm(m.group("name"))], m.start("name") in weak_at)
        for m, options, prefer, from_district in tags:
            if from_district:
                add(m.start(1), m.end(1), options["regency"])
    strong: set[str] = set()
    out = []
    for s, e, r, weak in found:
        if not weak and _PASSING_BEFORE.search(text, max(0, s - 30), s):
            weak = True
        if not weak:
            strong.add(r.code)
        out.append((s, e, r))
    out = [x for x in out if x[2].code in strong]
    out.sort(key=lambda x: x[0])
    return out


def regions_of(doc) -> list[tuple[int, int, Region]]:
    """:func:`find_regions` on the Doc's text, computed once per Doc (officials read it too)."""
    cached = doc.user_data.get("netral_region_mentions")
    if cached is not None and cached[0] == len(doc):
        by_code = get_gazetteer().by_code
        return [(s, e, by_code[code]) for s, e, code in cached[1]]
    found = find_regions(text_of(doc))
    # Cached as plain (start, end, code) so that DocBin(store_user_data=True) can serialise the Doc.
    doc.user_data["netral_region_mentions"] = (len(doc), [(s, e, r.code) for s, e, r in found])
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
