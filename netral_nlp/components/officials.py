"""Officials: named people with a public role, their position, institution, category and mentions.

The default backend reads the patterns Indonesian news uses to introduce people:
a position title before the name ("Ketua Bawaslu Kabupaten Solok, Afri Memori"),
an apposition after it ("Afri Memori, Ketua Bawaslu ..."), initials ("oknum ASN
berinisial MR", and in posts right after a title in any case: "pak kades HR"), a
police or military rank ("Serda KM"), candidate pairs ("pasangan calon nomor urut 2,
X dan Y"; "pasangan X-Y sebagai bupati ..."), initials lists whose items carry their own
descriptions ("berinisial RS, pegawai ...; HR dari ..."), and the names of a counted group
("dua ASN ... keduanya adalah X dan Y"). A regional head called "petahana" or also named in a
candidate pair is a candidate (CALON) in that document. Spelled-out titles and units
("Pelaksana Harian (Plh)") and places the document names as such ("Kecamatan X") are not
taken for names. A statistical NER,
when the loaded model has one, adds names these patterns miss; such a name becomes an
official only when a position title stands next to it. Later mentions by full name,
first or last name, or by an unambiguous title alone ("Sekda") are linked to the person.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer import AMBIGUOUS_ALIASES, PROVINCE_ALIASES, get_gazetteer, strip_prefix
from ..lexicons import (BALINESE_NAME_PARTICLES, BALINESE_NAME_WORDS, BODY_CATEGORIES, INSTITUTION_WORDS, OPD_ACRONYMS,
                        NATIONAL_BODY_ACRONYMS, NUMBER_WORDS, NUMBER_WORDS_RE, PARTY_ACRONYMS,
                        POSITIONS, PREFIX_TITLES, RANKS, ACTING_PREFIXES, SUFFIX_RE, Position, strip_titles)
from .base import sentences, set_span_group, text_of

# Capitalised words that are never part of a person's name here.
NON_NAME_WORDS = set(
    """Senin Selasa Rabu Kamis Jumat Jum'at Sabtu Minggu Januari Februari Maret April Mei Juni Juli Agustus
    September Oktober November Desember Kabupaten Kota Provinsi Desa Kecamatan Kelurahan Nagari Dinas Badan
    Bawaslu KPU Panwaslu Panwascam DPRD DPR Pemkab Pemkot Pemprov Pemerintah Sekretariat Daerah Polres Polda
    Kodim ASN PNS PPPK TNI Polri OPD KASN BKN BKD BKPSDM SKB UU PP SE Pilkada Pemilu Pilpres Pileg Pilkades
    Ketua Wakil Anggota Bupati Gubernur Camat Lurah Sekda Kades Kepala Sekretaris Saat Dalam Pada Ia Dia Hal
    Namun Selain Menurut Sementara Kemudian Terkait Untuk Di Ke Dari Dan Yang Sebelumnya Adapun Bahkan Ini
    Itu Kami Kita Mereka Beliau RI Indonesia Republik Komisi Tim Partai Paslon Caleg Calon Pasangan Kapolres
    Pj Pjs Plt Plh Staf Ahli Bidang Kejaksaan Kejari Inspektorat Satpol Wali Walikota Dusun Jorong Kampung
    Humas Berita Baca Juga Editor Penulis Reporter Foto Sumber Selasa, Apel Rapat Sosialisasi Netralitas
    Pada Oleh Sebab Karena Jika Bila Apabila Agar Supaya Maka Tetapi Tapi Sedangkan Setelah Sebelum Menjelang Jelang
    Undang Nomor Tahun Pasal Ayat Huruf Sentra Penegakan Hukum Terpadu Gakkumdu Adu Gagasan Debat Dilaporkan
    Rekaman Lampiran Ikrar Deklarasi Kampanye Laporan Temuan Kajian Putusan Surat Edaran Distrik Kampung
    Negeri Dalam Luar Men Barat Timur Utara Selatan Tengah Raya Pemko Forkopimda Kapanewon Kalurahan
    Pilkada Pilgub Pilbup Pilbub Pilwalkot Pilwako Pilwali Pilpres Pileg Pilkades Pemilu Pemilihan
    Ilmu Fakultas Universitas Jurusan Prodi Studi Institut Politeknik Kec Kab Kel Ds Wilayah Kesepakatan Bersama
    Peraturan Instruksi Nota Pakta Regional Wilayah""".split()
) | {f for p in POSITIONS for f in p.forms if re.fullmatch(r"[A-Z]{3,}", f)}  # title acronyms: PPK, KPPS, PTPS
_BALI = "|".join(BALINESE_NAME_WORDS)
_BALI_PART = "|".join(BALINESE_NAME_PARTICLES)
# "Lalu" is not listed above: it is also a Sasak noble particle ("Lalu Fauzan Hadi"); _clean_name drops it alone.
_NAME_WORD = (rf"(?:(?:{_BALI_PART})(?=\s+(?:{_BALI})\b)|"
              r"(?:Muh|Moh|Moch|Mhd|Muhd|Abd|St|Dt|Hi)\.|[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]{2,5}|[A-Z]\.(?:\s?[A-Z]\.)*|Mc[A-Z][a-z]+|[A-Z][a-z]*[A-Z][a-z]+|"
              # a bare initial before a name word ("M Nur Heri Siregar")
              r"[A-Z](?=\s+[A-Z][a-z]))")
_PREFIX_ALT = "|".join(re.escape(t) for t in sorted(PREFIX_TITLES, key=len, reverse=True))
#: A person's name as written, with optional titles before and after.
NAME_RE = re.compile(
    rf"(?P<pre>(?:(?:{_PREFIX_ALT})(?:\s+|(?<=\.)))*)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}})"
)
_INITIALS_RE = re.compile(r"\b(?:ber)?inisial\s+(?P<name>[A-Z]{1,5}(?:\.?\s?[A-Z]){0,4}\.?)(?![\w])")
#: "berinisial FS, IA dan LT": each item a whole word ("WS dan Kepala ..." ends after "WS").
_INITIALS_LIST_RE = re.compile(
    r"\b(?:ber)?inisial\s+((?:[A-Z][A-Za-z]{0,4}\.?)(?![\w])(?:\s*(?:,|dan|&)\s*(?:[A-Z][A-Za-z]{0,4}\.?)(?![\w]))*)")
_INITIALS_PART_RE = re.compile(r"[A-Z][A-Za-z]{0,4}\.?")
#: A further item of an initials list whose items carry descriptions: "...; HR dari Dinas Perhubungan; serta LN,
#: pegawai ...", "HM dari Badan X dan PP dari Dinas Y". The item must be followed by its description.
_INITIALS_MORE_RE = re.compile(r"(?:[;,]\s*(?:dan\s+|serta\s+)?|\s(?:dan|serta)\s+)(?P<name>[A-Z]{1,4})"
                               r"(?=\s*,\s*(?:pegawai|staf|guru|seorang|ASN|PNS|honorer|[a-z]+\s+(?:di|pada)\b)|\s+(?:dari|di|pada)\s+[A-Z])")
_SENTENCE_END_RE = re.compile(r"[.!?](?:\s|$)|\n")
_COUNT_WORDS = {form: n for w, n in NUMBER_WORDS.items() for form in (w, "ke" + w, str(n))}
_GROUP_WORD = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’-]*)"  # a dot only after an abbreviation ("Moch."), not a sentence end
_GROUP_NAME = rf"{_GROUP_WORD}(?:\s+{_GROUP_WORD}){{0,4}}"
#: "keduanya adalah X dan Y", "ketiganya yakni X, Y, dan Z": the names of a group counted before.
#: "keenam kades tersebut ialah A (Desa X), B (Desa Y), serta C (Desa Z)": each name may carry its place in brackets.
_GROUP_ITEM = rf"{_GROUP_NAME}(?:\s*\([^()\n]{{1,40}}\))?"
_GROUP_NAMES_RE = re.compile(rf"\b(?P<count>[Kk]e(?:{NUMBER_WORDS_RE}))"
                             rf"(?:nya|\s+(?P<who>(?:[\w-]+\s+){{1,3}}?)(?:tersebut|itu))\s+(?:adalah|yakni|yaitu|ialah)\s+"
                             rf"(?P<list>{_GROUP_ITEM}(?:\s*,\s*{_GROUP_ITEM})*\s*,?\s+(?:dan|serta)\s+{_GROUP_ITEM})")
_BRACKETED_RE = re.compile(r"\([^()]*\)")
_BRACKETED_PLACE_RE = re.compile(r"\s*\(((?:Desa|Kelurahan|Kecamatan|Kampung|Nagari|Gampong)\s+[^()\n]{1,40})\)")
_LIST_ITEM_RE = re.compile(_GROUP_NAME)
_COUNT_BEFORE_RE = re.compile(rf"\b({NUMBER_WORDS_RE}|[2-8])\s+(?:orang\s+|oknum\s+|dari\s+)?$", re.I)
_REPORT_VERBS = r"kata|ujar|ungkap|jelas|tegas|tutur|sebut|imbuh|terang|papar|pungkas|tambah|lanjut|ucap|katanya|ujarnya"


@dataclass
class PositionMatch:
    start: int
    end: int
    position: Position
    written: str


@dataclass
class Person:
    name: str
    position: str | None
    institution: str | None
    category: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    anchor: int = 0  # offset of the introducing mention (for ordering)


def _trie_alternation(words) -> str:
    """A regex matching any of ``words`` (literally), written as a trie: Python's re tries the
    alternatives of a flat alternation one by one at every position, a trie only the branch of the
    next character. At a given position the words that match are prefixes of one another and the
    trie tries the longer first, backtracking to the shorter, like a flat alternation sorted
    longest first."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(k) + emit(node[k]) for k in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=1)
def _position_re():
    forms = {}
    for p in POSITIONS:
        for f in p.forms:
            forms.setdefault(f, p)
            # sentence-initial capital: "Calon bupati petahana ..."
            forms.setdefault(f[0].upper() + f[1:], p)
    return re.compile(rf"(?<![\w.])(?:{_trie_alternation(forms)})(?![\w])"), forms


_ACTING = {"Pelaksana Harian": "Pelaksana Harian", "Pelaksana Tugas": "Pelaksana Tugas"}
_ALIAS_GAP = re.compile(r"\s*\(\s*")
_MEMBER_TITLES = {"Ketua", "Wakil Ketua", "Anggota", "Komisioner", "Sekretaris", "Koordinator"}
#: Election bodies below the regency that also serve as a member's title ("PPK Dumoga, Budi").
_ELECTION_BODY_TITLES = {p.long for p in POSITIONS if p.category in ("PENGAWAS_PEMILU", "PENYELENGGARA_PEMILU")
                         and p.long.startswith(("Panitia", "Pengawas", "Kelompok"))}


def find_positions(text: str) -> list[PositionMatch]:
    """Title mentions, longest form first; an acting prefix ("Plh", "Plt") joins the title after it."""
    return list(_positions_of(text))


_ACTING_GAP_RE = re.compile(r"\s*(?:\([A-Za-z]+\)\s*)?")


#: The end of one list item and the separator before the next ("Palangkau Lama, ", "Sario dan ").
_LIST_TAIL_RE = re.compile(r"\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s*(?:,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)\Z")
#: A title word right after a place word is part of the place's name: "Kecamatan Kepala Madan".
_PLACE_WORD_BEFORE_RE = re.compile(r"\b(?:Kecamatan|Kelurahan|Desa|Kampung|Dusun|Jalan|Jl\.?)\s+\Z")


def _is_acronym_definition(text: str, start: int, end: int) -> bool:
    """An all-caps title in brackets after words whose initials spell it defines an acronym, not a
    post: "Pejabat Pembina Kepegawaian (PPK)" is not the election committee PPK."""
    acronym = text[start:end]
    if not acronym.isupper() or not text.startswith(")", end) or not text[:start].rstrip().endswith("("):
        return False
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 80):start])
    initials = "".join(w[0] for w in words[-len(acronym):]).upper()
    return len(words) >= len(acronym) and initials == acronym


@lru_cache(maxsize=8)
def _positions_of(text: str) -> tuple[PositionMatch, ...]:
    """:func:`find_positions`, cached: one document asks for its titles several times (the NER
    sentence choice and both passes of :func:`extract_officials`). Callers never mutate the matches."""
    rx, forms = _position_re()
    out = [PositionMatch(m.start(), m.end(), forms[m.group(0)], m.group(0)) for m in rx.finditer(text)
           if not _PLACE_WORD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start())
           and not _is_acronym_definition(text, m.start(), m.end())]
    merged: list[PositionMatch] = []
    for pm in out:
        prev = merged[-1] if merged else None
        if prev is not None and _ALIAS_GAP.fullmatch(text, prev.end, pm.start) and text.startswith(")", pm.end):
            # "Sekretaris Daerah (Sekda)", "Pelaksana Harian (Plh)": the short form in brackets restates the
            # title; keep one match over both, with the more specific long form.
            p = pm.position if pm.position.long.startswith(prev.position.long) else prev.position
            merged[-1] = PositionMatch(prev.start, pm.end + 1, p, text[prev.start:pm.end + 1])
            continue
        if (prev is not None and prev.position.long in _MEMBER_TITLES and pm.position.long in _ELECTION_BODY_TITLES
                and not text[prev.end:pm.start].strip()):
            continue  # "Ketua Panwascam Loea": the body goes to the institution of "Ketua"
        if (prev is not None and prev.position.long in _ACTING and _ACTING_GAP_RE.fullmatch(text, prev.end, pm.start)
                and pm.position.long not in _ACTING):
            p = pm.position
            cat = "ASN" if p.category == "PEJABAT_POLITIK" and prev.position.long == "Pelaksana Harian" else p.category
            merged[-1] = PositionMatch(prev.start, pm.end, Position(p.forms, f"{prev.position.long} {p.long}", cat, p.scope),
                                       text[prev.start:pm.end])
            continue
        merged.append(pm)
    return tuple(merged)


@lru_cache(maxsize=1)
def _position_re_ci():
    forms = {}
    for p in POSITIONS:
        for f in p.forms:
            if len(f) >= 3 and f.lower() not in ("pak", "ketua", "anggota", "sekretaris"):
                forms.setdefault(f.lower(), p)
    alt = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{alt})(?![\w])", re.I), forms


#: All-caps words that are not initials after a title: neighbourhood units, forms, media, schools.
_NOT_INITIALS = NON_NAME_WORDS | set(OPD_ACRONYMS) | PARTY_ACRONYMS | set(
    "RT RW TPS KTP KK WA FB IG TV HP DM SD SMP SMA SMK MTs MA TK UU PP SE RI DKI DIY NKRI OTT PAUD BUMN BUMD BLT".split()) | set(RANKS)


@lru_cache(maxsize=1)
def _title_before_initials_re():
    """A title in any case (with "-nya", an acting prefix, "pak"/"bu"/"kami") that ends where initials start.
    Searched only in the few characters before an initials candidate: the case-insensitive alternation
    of all titles is too slow to run over whole documents."""
    rx, forms = _position_re_ci()
    alt = rx.pattern[len("(?<![\\w.])(?:"):-len(")(?![\\w])")]
    return re.compile(rf"(?<![\w.])(?:(?P<acting>(?i:{'|'.join(ACTING_PREFIXES)}))\.?\s+)?(?P<title>(?i:{alt}))(?:nya)?,?\s+"
                      rf"(?:(?i:kami|kita|sini|itu|ini)\s+)?(?:(?i:pak|bu|bapak|ibu|mas|mbak|si)\s+)?"
                      rf"(?:(?i:no\.?|nomor)\s*\d+\s+)?\Z"), forms


_INITIALS_TOKEN_RE = re.compile(r"(?<![\w.])[A-Z]{1,4}(?![\w.’'-])")


#: Places named after heroes, where a rank is no person's: "Jalan Jenderal Sudirman".
_PLACE_BEFORE_RE = re.compile(r"\b(?:Jalan|Jl|Jln|Gedung|Lapangan|Stadion|Bandara|Taman|Museum|Universitas|Makam|Monumen|"
                              r"Lanud|Asrama|Rumah Sakit|RS|RSUD|Graha|Wisma)\.?\s+$")
#: Words that may stand between a title and the name it introduces: institution words, commas, brackets.
_INST_GAP_RE = re.compile(r"(?:\s*(?:[A-Z0-9][\w./-]*|dan|,|\([^)]*\)))*\s*")
_RANK_ALT = _trie_alternation(RANKS)
_RANK_WORDS = frozenset(r.split()[0] for r in RANKS)
_CORPS_WORDS = frozenset("TNI Pol Inf Kav Arh Arm Czi Cpm Chb Cba Caj Ckm (Purn) Purn".split())
_RANK_NAME_RE = re.compile(
    rf"(?<![\w.])(?:{_RANK_ALT})(?:\s+(?:TNI|Pol\.?|Inf\.?|Kav|Arh|Arm|Czi|Cpm|Chb|Cba|Caj|Ckm|\(Purn\.?\)))*\s+"
    # the corps after a rank is no name ("Kapten Inf M Nur Heri"); a name may open with an initial
    rf"(?:(?:Drs|Dra|Dr|Ir|H|Hj)\.?\s+)*"
    rf"(?!(?:TNI|Pol|Inf|Kav|Arh|Arm|Czi|Cpm|Chb|Cba|Caj|Ckm|Drs|Dra)\b)"
    rf"(?P<name>(?:[A-Z]\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")


def find_positions_ci(text: str) -> list[PositionMatch]:
    """Title mentions in any case ("seorang kepala bidang"), for contexts that fix them as titles."""
    rx, forms = _position_re_ci()
    return [PositionMatch(m.start(), m.end(), forms[m.group(0).lower()], m.group(0)) for m in rx.finditer(text)]


_PAIR_NAME = r"(?:(?:Drs?\.|Ir\.|H\.|Hj\.|Prof\.|Moch\.|Muh\.|Moh\.)\s*|(?:H|Hj)\s+)*(?:[A-Z][a-z'’]+|[A-Z]{2,4})(?:\s+(?:[A-Z][a-z'’]+|[A-Z]{2,4}|[A-Z]\.)){0,3}"
#: A bare pair "Musa Ahmad-Ahsan", "Helmi–Mian": names joined by a dash, in election news.
#: A dateline's place (in capitals, at the start of its line) before the outlet and a dash: "MAKASSAR, Media – ".
_DATELINE_BEFORE_RE = re.compile(r"(?:^|\n)[^\S\n]*[A-Z][A-Z .'-]{1,30},[^\S\n]*$")
_BARE_PAIR_RE = re.compile(rf"(?<![\w/-])(?P<a>{_PAIR_NAME})\s?[–—-]\s?(?P<b>{_PAIR_NAME})(?![\w/-])")
#: Before the KPU confirms them, pairs who register are "bakal" candidates.
_BAKAL_RE = re.compile(r"\bbakal\b|bapaslon|bacalon|\bbalon\b|pendaftaran|mendaftar|menyerahkan\s+berkas", re.I)
_ELECTION_WORDS = re.compile(r"paslon|pasangan|calon|cagub|cabup|cawalkot|pilkada|pilgub|pilbup|pilwalkot|pilwako|pilpres|capres", re.I)
_PAIR_RE = re.compile(
    rf"(?P<head>(?:[Pp]asangan|[Pp]aslon)(?:\s+calon)?(?:\s+(?:bupati|wali\s*kota|gubernur|presiden|capres)(?:(?:\s+dan\s+|\s*[-–/]\s*)wakil\s+(?:bupati|wali\s*kota|gubernur|presiden))?)?"
    # a region before the number: "pasangan calon gubernur dan wakil gubernur Maluku Utara nomor urut 4, X dan Y"
    rf"(?:(?:\s+[A-Z][\w-]+){{1,3}}(?=\s+(?:nomor|no\.?)\s*urut))?"
    rf"(?:\s+(?:petahana|nomor\s+urut\s+\d+|no\.?\s*urut\s+\d+|\d+))*)\s*,?\s+(?P<a>{_PAIR_NAME})\s*(?:[-–—]|\s+dan\s+|\s*&\s*)\s*(?P<b>{_PAIR_NAME})")

#: The role named right after a pair: "pasangan X-Y sebagai bupati dan wakil bupati Tangerang".
_ROLE_AFTER_PAIR_RE = re.compile(r"\s*,?\s+(?:sebagai|untuk)\s+(?:bakal\s+)?(?:calon\s+)?(bupati|wali\s*kota|gubernur|presiden)\b",
                                 re.I)
#: Titles held over a territory: the capitalised words after them are often the territory.
_TERRITORIAL_SCOPES = {"kecamatan", "kelurahan", "desa"}
_LIST_SEP_RE = re.compile(r"\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+")
_INCUMBENT_RE = re.compile(r"\s+petahana\b", re.I)
#: Elected regional heads and their deputies: when running again they are candidates.
_REGIONAL_HEADS = {"Bupati", "Wakil Bupati", "Wali Kota", "Wakil Wali Kota", "Gubernur", "Wakil Gubernur"}

# Institution words that can follow a title before the name: bodies, region words, units.
_INST_WORD = r"(?:[A-Z][\w.'’&-]*|RI|dan|se-?[A-Z]\w+|\d+|\((?:[A-Z][\w]*)\))"
_INST_RE = re.compile(rf"(?:\s+{_INST_WORD})*")


_PAIR_DASH_RE = re.compile(r"\s?[–—]\s?|(?<=[a-z])-(?=[A-Z])")


def _clean_name(raw: str) -> str | None:
    # "Abdusy Syakur Amin-Luthfianisa Putri Karlina": a candidate pair, the first is the person here
    raw = _PAIR_DASH_RE.split(raw)[0]
    words = raw.split()
    # Drop trailing non-name words (e.g. "Medison Saat" cannot happen as Saat is lower, but
    # "Titony Tanjung Kabupaten" can when the pattern overreaches).
    while words and (words[-1].strip(",.") in NON_NAME_WORDS):
        words.pop()
    while words and words[0].strip(",.") in NON_NAME_WORDS:
        words.pop(0)
    # "Lalu" opens a Sasak name only before another name word; alone it is the conjunction.
    # A Balinese "I"/"Ni" needs the birth-order name after it.
    if words and words[0] == "Lalu" and len(words) == 1:
        return None
    if words and words[0] in BALINESE_NAME_PARTICLES and (len(words) < 2 or words[1] not in BALINESE_NAME_WORDS):
        words = words[1:]
    if not words or words[0].strip(",.") in INSTITUTION_WORDS:
        return None  # a unit or a spelled-out title ("Pelaksana Harian (Plh)"), not a person
    name = strip_titles(" ".join(words))
    if not name or name in NON_NAME_WORDS:
        return None
    if len(name) < 2 and not name.isupper():
        return None
    return name


_REGION_PREFIX_RE = re.compile(r"(Kabupaten|Kab\.?|Kota|Provinsi|Prov\.)\s+(.+)")


def _region_alias(name: str):
    """The kabupaten/kota a widely used short form or spelling variant stands for ("Lotim", "Palangka Raya");
    short forms that are also ordinary words (AMBIGUOUS_ALIASES) stand for none here."""
    return None if name in AMBIGUOUS_ALIASES else _regency_aliases().get(name)


@lru_cache(maxsize=1)
def _regency_aliases() -> dict:
    return get_gazetteer().regency_aliases()


@lru_cache(maxsize=4096)
def _region_long(words: str, prefer: str | None = None) -> tuple[str | None, str | None]:
    """Read a region name at the start of ``words``: returns (long name, level) or (None, None).
    prefer ("city", "regency", "province"): the level to try first where a name is both a kabupaten
    and a kota ("Wali Kota Jayapura" is Kota Jayapura, "Bupati Jayapura" Kabupaten Jayapura).
    (Cached: the same word runs are read again for every title and in both passes.)"""
    gaz = get_gazetteer()
    w = words.strip()
    m = _REGION_PREFIX_RE.match(w)
    want = None
    if m:
        want = {"Kota": "city", "Provinsi": "province", "Prov.": "province"}.get(m.group(1), "regency")
        w = m.group(2)
    tokens = w.split()
    levels = (("Kabupaten ", "regency"), ("Kota ", "city"))
    if prefer == "city":
        levels = levels[::-1]
    for n in range(min(4, len(tokens)), 0, -1):
        cand = " ".join(tokens[:n]).strip(",.")
        if want in (None, "province"):
            r = gaz.lookup(cand)
            if r and r.level == "province":
                return r.name, "province"
        for prefix, level in levels:
            if want and want != level:
                continue
            r = gaz.lookup(prefix + cand)
            if r:
                return r.name, level
        if want is None:
            r = _region_alias(cand)
            if r is not None:
                return r.name, r.level
    return None, None


@lru_cache(maxsize=4096)
def _is_region_name(name: str) -> bool:
    """A province, its usual short form, a kabupaten/kota name without prefix ("Bone", "Sultra"), or a
    widely used short form of one ("Lotim", "Batola")."""
    gaz = get_gazetteer()
    return bool(gaz.lookup(name) or gaz.lookup("Kabupaten " + name) or gaz.lookup("Kota " + name)
                or _region_alias(name))


_BODY_CATEGORY_RES = [(re.compile(rf"\b(?:{pattern})\b"), cat) for pattern, cat in BODY_CATEGORIES]


def _body_category(institution: str | None) -> str | None:
    if not institution:
        return None
    for rx, cat in _BODY_CATEGORY_RES:
        if rx.search(institution):
            return cat
    return None


def _normalise_institution(inst: str) -> str:
    """Expand common short forms ("Pemkab Solok" -> "Pemerintah Kabupaten Solok", "Bawaslu Sumbar" ->
    "Bawaslu Provinsi Sumatera Barat")."""
    inst = inst.strip(" ,")
    m = re.match(r"(Pemkab|Pemkot|Pemko|Pemprov)\s+(.+)", inst)
    if m:
        kind = {"Pemkab": "Kabupaten", "Pemkot": "Kota", "Pemko": "Kota", "Pemprov": "Provinsi"}[m.group(1)]
        rest = m.group(2)
        if kind == "Provinsi" and rest in PROVINCE_ALIASES:
            rest = PROVINCE_ALIASES[rest]
        return f"Pemerintah {kind} {rest}"
    m = re.match(r"(Bawaslu|KPU|KIP|Panwaslu|Panwaslih|DPRD|BKPSDM|BKD|Polres|Polda)\s+(.+)", inst)
    if m and not re.match(r"(Kabupaten|Kota|Provinsi|RI)\b", m.group(2)):
        region, level = _region_long(m.group(2))
        if region and level == "province":
            # "Polda Sulsel" is "Polda Sulawesi Selatan": a regional police takes no "Provinsi"
            return f"{m.group(1)} {region}" if m.group(1) == "Polda" else f"{m.group(1)} Provinsi {region}"
        if region:
            return f"{m.group(1)} {region}"
    return inst


#: A numbered commission of a legislature completes the title: "Anggota Komisi I DPRD ...".
_COMMISSION_RE = re.compile(r"Komisi\s+(?:[IVX]+|[A-E])\b")
_DIVISION_RE = re.compile(r"(?<=\s)Divisi\b")
#: Organisations that hold sub-units (bidang, seksi, bagian): after a sub-unit title they are the institution.
_SUB_UNIT_TITLES = ("Kepala Bidang", "Kepala Seksi", "Kepala Bagian", "Kepala Subbagian", "Kepala Urusan")
_ORGANISATION_HEADS = {"Dinas", "Badan", "Kantor", "Sekretariat", "Setda", "Inspektorat", "Kementerian", "Kemendagri",
                       "Kemenag", "Kemendikbud", "Kemenkes", "Biro"}
#: Words after a body or region word ("Bawaslu Kotim", "Pemkab Madina"): short region names of the document.
_REGION_AFTER_BODY_RE = re.compile(r"\b(?:Bawaslu|KPU|Pemkab|Pemkot|Pemko|Pemprov|DPRD|Polres|Polresta|Kodim|Setda|Kabupaten|Kota|"
                                   r"Provinsi|Kab\.)\s+([A-Z][A-Za-z-]+)")
_PLACE_NAME_RE = re.compile(r"\b(?:Desa|Kelurahan|Kecamatan|Distrik|Kampung|Nagari|Gampong|Dusun|Kabupaten|(?<!Wali )Kota|Kec\.|Kel\.)"
                            r"\s+((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*){0,2})")
_UNIT_HEADS = {"Divisi", "Bidang", "Seksi", "Bagian", "Subbagian", "Sub", "Urusan"}
_INSTITUTION_START = re.compile(
    r"(?:Bawaslu|Panwaslih|Panwaslu|Panwascam|KPU|KIP|DPRD|DPR|DPD|MPR|Pemkab|Pemkot|Pemprov|Pemerintah|Polres|Polresta|Polda|Kodim|"
    r"Setda|Sekretariat|Desa|Nagari|Gampong|Kelurahan|Kecamatan|Kabupaten|Kab\.?|Kota|Provinsi|Kementerian|Kemen\w+|di|pada)$")


def _split_unit(after: str, region_words: frozenset = frozenset()) -> tuple[str, str]:
    """"Penanganan Pelanggaran, Data dan Informasi Bawaslu NTT" -> (unit words, institution words).

    region_words: short region names the document uses after a body ("Bawaslu Kotim"), which end a unit
    name ("Kepala Dinas Kesehatan Kotim") though the gazetteer does not know them."""
    words = after.split()
    for j in range(1, len(words)):
        w = words[j].strip(",")
        if w in region_words and words[j - 1] not in ("dan", "&"):
            return " ".join(words[:j]).strip(" ,"), " ".join(words[j:]).strip(" ,")
        if w in _ORGANISATION_HEADS and words[0] not in _ORGANISATION_HEADS:
            # "Kepala Bidang SMP Dinas Pendidikan": the organisation holds the sub-unit
            return " ".join(words[:j]).strip(" ,"), " ".join(words[j:]).strip(" ,")
        if w in ("Desa", "Kelurahan", "Kecamatan") and (words[j - 1] in ("dan", "&") or j + 1 >= len(words)
                                                         or not words[j + 1][:1].isupper()):
            continue  # "Dinas Pemberdayaan Masyarakat dan Desa" is a unit name, not a village
        if _INSTITUTION_START.match(w) or (w[:1].isupper() and _region_long(" ".join(words[j:j + 3]))[0]
                                           and not any(c.isdigit() for c in w)):
            return " ".join(words[:j]).strip(" ,"), " ".join(words[j:]).strip(" ,")
    return after.strip(" ,"), ""


_BRACKETS_RE = re.compile(r"\s*\([^)]*\)")
_AT_SPLIT_RE = re.compile(r"(?:^|\s+)(?:di|pada)\s+")


def _institution_for(pm: PositionMatch, after: str, doc_region: dict) -> tuple[str, str | None]:
    """Return (position long form, institution) from the title and the words written after it."""
    p = pm.position
    after = _BRACKETS_RE.sub("", after).strip(" ,")
    position = p.long
    institution = None
    parts = _AT_SPLIT_RE.split(after, maxsplit=1)
    if len(parts) == 2:
        # "Kepala Bidang di Dinas PUPR Kabupaten Kediri": what follows "di" is where the title is held
        position, institution = _institution_for(pm, parts[0], doc_region)
        return position, institution or _normalise_institution(parts[1])
    dm = _DIVISION_RE.search(after)
    if dm is not None and dm.start() > 0 and p.scope == "body":
        # "Komisioner Bawaslu Kota X Divisi Hukum ...": the division completes the title, the body before it
        # is the institution
        position, _ = _institution_for(pm, after[dm.start():], doc_region)
        return position, _normalise_institution(after[:dm.start()])
    # A division or section completes any title: "Koordinator Divisi Hukum ... Bawaslu X".
    if after.split(" ", 1)[0] in _UNIT_HEADS or p.long in ("Koordinator Divisi",) or _COMMISSION_RE.match(after):
        unit, rest = _split_unit(after)
        if unit:
            position = f"{p.long} {unit}".strip()
        institution = _normalise_institution(rest) if rest else None
        position, body = _trailing_body(p.long, position)
        return position or None, institution or body
    if p.scope == "gov":
        prefer = "city" if "Wali Kota" in p.long else "province" if "Gubernur" in p.long else "regency"
        region, level = _region_long(after, prefer) if after else (None, None)
        if region is None:
            want = "province" if "Gubernur" in p.long else "city" if "Wali Kota" in p.long else None
            if want == "province":
                region, level = doc_region.get("province"), "province"
            elif want == "city":
                region, level = doc_region.get("city"), "city"
            else:
                region = doc_region.get("regency") or doc_region.get("city")
                level = "regency"
        if region:
            if level == "province":
                institution = f"Pemerintah Provinsi {region}"
            else:
                institution = f"Pemerintah {region}"
    elif p.scope == "body":
        if after:
            institution = _normalise_institution(after)
    elif p.scope == "desa":
        if after:
            after = after.split(",")[0].strip()  # "Desa Bonto Barua, Kecamatan Bonto Tiro": the village
            um = _VILLAGE_UNIT_RE.match(after) if p.long == "Kepala Urusan" else None
            if um is not None:
                # "Kaur Keuangan Desa Bilebante": the office's field completes the title
                position, after = f"{p.long} {um.group('unit')}", um.group("place")
            words = after.split()
            if words and words[0] in ("Desa", "Nagari", "Gampong", "Kampung", "Kalurahan"):
                institution = after
            else:
                label = "Nagari" if "Nagari" in p.long else "Gampong" if p.long in ("Geuchik", "Keuchik") else "Desa"
                institution = f"{label} {after}"
    elif p.scope == "kecamatan":
        if after:
            after = after.split(",")[0].strip()  # "Kecamatan Sabak Auh, Kabupaten Siak": the kecamatan
            institution = after if after.startswith("Kecamatan") else f"Kecamatan {after}"
    elif p.scope == "kelurahan":
        if after:
            after = after.split(",")[0].strip()
            institution = after if after.startswith("Kelurahan") else f"Kelurahan {after}"
    elif p.scope == "unit" and p.long == "Kepala" and after and after.split()[0] in _SCHOOL_WORDS:
        # "Kepala SMAN 2 Padang": the head of a school; the school (with its place) is the institution
        position, institution = "Kepala Sekolah", after.split(",")[0].strip()
    elif p.scope == "unit" and p.long in _NAMED_UNIT_TITLES and after:
        # "Kepala Puskesmas Bibinoi, Kec. Bacan Timur": the post, and the unit by its own name
        place = after.split(",")[0].strip()
        noun = p.long.split()[-1]
        institution = place if place.startswith((noun, "SD", "SMP", "SMA", "SMK", "MI", "MTs", "MA")) else f"{noun} {place}"
        position = p.long
    elif p.scope == "unit":
        sm = _ADVISER_REGION_RE.match(after or "") if p.long.startswith("Staf Ahli ") else None
        if sm is not None and (region_lv := _region_long(sm.group("region")))[0]:
            # "Staf Ahli Gubernur Aceh Bidang Keistimewaan": the region is whose government it is
            region, level = region_lv
            institution = f"Pemerintah Provinsi {region}" if level == "province" else f"Pemerintah {region}"
            after = sm.group("rest")
        if after:
            # "Kepala Dinas Pendidikan Kabupaten Solok": the unit completes the title; the region or
            # body after it is the institution.
            if after.split()[0] in _ORGANISATION_HEADS and p.long.startswith(_SUB_UNIT_TITLES):
                # "Kepala Bidang Dinas PUPR": the organisation is where the title is held
                return position, _normalise_institution(after)
            unit, rest = _split_unit(after, doc_region.get("words", frozenset()))
            unit = OPD_ACRONYMS.get(unit, unit)
            if unit and unit.split() and p.long == "Kepala" and unit.split()[0] not in ("Dinas", "Badan", "Bagian", "Bidang", "Seksi", "Kantor",
                                                                      "Satuan", "Biro", "Pusat", "Unit", "UPT", "UPTD",
                                                                      "Sekolah", "Puskesmas", "Desa", "Dusun", "Kelurahan"):
                # "Kepala" before something that is not a unit ("Kepala Raihansyah") is no title
                if not OPD_ACRONYMS.get(unit.split()[0]):
                    unit = unit
            if unit and p.long and p.long.split()[-1] in ("Dinas", "Badan") and unit.split()[0] in ("Dinas", "Badan"):
                unit = unit.split(" ", 1)[1] if " " in unit else ""  # "Kadis Kesbangpol": the title names the kind
            if unit and p.long and p.long not in ("Tenaga Honorer", "Guru", "Dosen", "Tenaga Kesehatan"):
                position = f"{p.long} {unit}".strip() if not p.long.endswith(unit) else p.long
                position, body = _trailing_body(p.long, position)
                institution = body or institution
            elif unit:
                institution = unit
            if rest:
                region, level = _region_long(rest)
                if rest.split()[0] in ("Desa", "Nagari", "Gampong", "Kelurahan", "Kecamatan") or not region:
                    institution = institution or _normalise_institution(rest)
                else:
                    institution = institution or (f"Pemerintah Provinsi {region}" if level == "province" else f"Pemerintah {region}")
    return position or None, institution


def _category(pm: PositionMatch, institution: str | None, context: str, doc_text: str = "") -> str:
    p = pm.position
    cat = p.category
    if p.scope == "body" and cat == "LAINNYA":
        # the body is named after the title, or after a division inside it ("Anggota Divisi Hukum ... Bawaslu X")
        cat = _body_category(institution) or _body_category(context[len(context) // 2:]) or "LAINNYA"
    if cat == "ASN" and (_SECURITY_UNIT_RE.search(institution or "") or _SECURITY_UNIT_RE.search(pm.written)):
        cat = "TNI_POLRI"  # "Kabid Propam Polda Sulsel": a post in a police or army unit
    if cat == "ASN" and institution and re.match(r"(?:Desa|Nagari|Gampong|Kampung)\b", institution) and "Penjabat" not in p.long:
        cat = "PERANGKAT_DESA"  # village staff ("Kasi Kesejahteraan Desa Langi")
    if p.long == "Lurah" and re.search(r"\b(?:Kalurahan|Kapanewon|Panewu)\b", doc_text):
        cat = "PERANGKAT_DESA"  # DIY: a lurah heads an elected village (kalurahan)
    if cat == "PEJABAT_POLITIK" and re.search(r"\bpetahana\b", context[len(context) // 2 - 10:], re.I):
        cat = "CALON"
    if cat == "PEJABAT_POLITIK" and re.search(r"\b(calon|paslon|petahana|mencalonkan|maju)\b", context, re.I):
        # An incumbent in a story about their candidacy is a candidate.
        if re.search(r"\b(calon|paslon)\b\s*(bupati|wali\s*kota|gubernur)?", context[: 80], re.I):
            cat = "CALON"
    return cat


def _doc_regions(doc: Doc) -> dict:
    """The most named kabupaten, kota and province of the document, for titles without a region."""
    counts: dict[str, dict[str, int]] = {"regency": {}, "city": {}, "province": {}}
    from .regions import regions_of

    for _, _, r in regions_of(doc):
        lvl = r.level if r.level in counts else None
        if lvl:
            counts[lvl][r.name] = counts[lvl].get(r.name, 0) + 1
    return {lvl: (max(c, key=c.get) if c else None) for lvl, c in counts.items()}


_BODY_HEAD = (r"Bawaslu|KPU|KIP|Panwaslu|Panwascam|PPK|PPS|KPPS|PKD|DPRD|DPR|DPD|MPR|BKPSDM|BKD|BKN|KASN|Polres|Polresta|Polrestabes|"
              r"Polda|Polsek|Kodim|Korem|Kodam|Koramil|Setda|Sekretariat|Pemkab|Pemkot|Pemprov|Inspektorat|Satpol|RSUD|"
              r"Puskesmas|SDN|SMPN|SMAN|SMKN|SD|SMP|SMA|SMK|MTsN|MAN|Disdik|Dinas|Badan|Bagian|Bidang|Seksi|Subbagian|"
              r"Kantor|Kecamatan|Kelurahan|Desa|Nagari|Gampong|Kampung|Dusun|Partai|DPC|DPW|Tim|Divisi|Komisi|Kementerian|"
              r"Kemendagri|KemenPANRB|Pemko|Panwaslih|Kemenag|Direktorat|Deputi|Biro|Unit|UPT|UPTD|Cabang|Pengadilan|Kejaksaan|Kejari|Kejati|Pemerintah|Provinsi|RI|PP")
_BODY_HEAD_RE = re.compile(rf"(?:{_BODY_HEAD})$")
_CONNECTOR_RE = re.compile(r"\s*(?:,\s*)?(?:(?:yang\s+)?(?:ber)?inisial(?:nya)?|bernama|atas\s+nama|yakni|yaitu)\s+")
#: Words between a title with its institution and the name: "yang membidangi ...", "saat itu", "periode 2018-2023".
_QUALIFIER_RE = re.compile(r"\s+(?:yang\s+(?:membidangi|menangani|membawahi|mengurusi|memimpin)\s+[^,.;\n]{1,60}"
                           r"|(?:saat|kala|ketika|waktu|pada\s+saat)\s+itu|periode\s+\d{4}\s*[-–—/]\s*\d{4})\s*,\s*")
#: "Ketua PPS bu Nurhasanah": a form of address between the title and the name, as posts write it.
_HONORIFIC_RE = re.compile(r"\s+(?:pak|bu|bapak|ibu)\s+(?=[A-Z])")
#: The clause goes on in lower case after the name set off by commas ("..., Supari, dalam acara itu",
#: "..., Tarkun, berpose"); a list of places would go on with "dan" or another capitalised item.
_CLOSED_APPOSITION_RE = re.compile(r"\s*,\s+(?!(?:dan|serta|atau)\b)[a-z]|\s*;")  # or a list item ends ("H. Joni; ...")
#: "... dan anggota DPRD Blora, Warsit.": the name after the comma closes the sentence.
_SENTENCE_CLOSE_RE = re.compile(r"[.!?](?:\s|$)")
#: "Camat Kradenan, Tarkun, dan Kepala Desa ...": a name set off by commas before the next titled person.
_NEXT_TITLED_RE = re.compile(r"\s*,\s*(?:dan|serta)\s+")
_AT_UNIT_RE = re.compile(r"\s+(?:di|pada)\s+(?=[A-Z])")
#: What may follow a title whose name the NER is asked for (see the NER loop in extract_officials).
_NAME_CAN_FOLLOW = re.compile(r"\s*(?:[A-Z0-9(,]|dan\b)")
#: Positions that only say what kind of official someone is: a post named later replaces them.
_VAGUE_POSITIONS = frozenset({"", "Perangkat Desa", "Anggota TNI/Polri", "Tenaga Honorer", "Tenaga Harian Lepas"})
_GENERIC_TITLES = {"Aparatur Sipil Negara", "Anggota", "Guru", "Dosen", "Tenaga Kesehatan", "Tenaga Honorer",
                   "Perangkat Desa", "Anggota TNI/Polri", "Pasangan Calon", "Tim Sukses", "Juru Kampanye", "Ketua",
                   "Wakil Ketua", "Sekretaris", "Komisioner", "Kepala Desa", "Bakal Calon", "Calon Anggota Legislatif",
                   "Pengurus Partai", "Kepala Dusun", "Kepala Urusan", "Sekretaris Desa", "Lurah", "Camat"}
_NAME_TOKEN_RE = re.compile(rf"(?:{_NAME_WORD}|{_BALI_PART})$")
#: Abbreviated first names ("Muh. Arsyad"), never sentence ends.
_NAME_ABBREVIATIONS = {"Dt.", "Hi.", "Muh.", "Moh.", "Mhd.", "Mochd.", "Abd.", "St.", "Hj.", "H.", "Ny.", "Tn.", "Sdr.", "Drs.", "Dra.",
                       "Ir.", "Dr.", "Prof.", "Kol.", "Lt."}
#: "Afri Memori, Ketua ...", "Ujang selaku Kepala Desa": a name right before a title (searched in the text before it).
_APPOSITION_RE = re.compile(
    rf"(?<![\w.])(?P<name>{_NAME_WORD}(?:[^\S\n]+{_NAME_WORD}){{0,4}})(?:{SUFFIX_RE.pattern})?\s*(?:,\s*(?:selaku\s+|sebagai\s+|yang\s+juga\s+|"
    r"yang\s+(?:juga\s+|kini\s+|saat\s+ini\s+|saat\s+itu\s+)?(?:menjabat(?:\s+sebagai)?|merupakan)\s+)?|"
    r"\s+(?:selaku|sebagai|yang\s+juga(?:\s+menjabat)?(?:\s+sebagai)?)\s+|\s*\(\s*|"
    # "LLJ diketahui menjabat Asisten II Setda ...", "Adapun PA merupakan Kaur Keuangan Desa ..."
    r"\s+(?:diketahui\s+|kini\s+|saat\s+ini\s+|sehari-hari\s+|masih\s+)?(?:menjabat(?:\s+sebagai)?|merupakan|bertugas\s+sebagai)\s+)$")
_LIST_ITEM_BEFORE_RE = re.compile(r";\s*(?:(?:dan|serta)\s+)?$")
_APPOSITION_ENDS = (",", "(", "selaku", "sebagai", "juga", "menjabat", "merupakan")
_COMMA_END_RE = re.compile(r",\s*$")
#: "PA merupakan Kaur Keuangan Desa X": a post stated of the name, even a generic one.
_PREDICATE_END_RE = re.compile(r"\b(?:menjabat(?:\s+sebagai)?|merupakan)\s*$")
_RUN_TOKEN_RE = re.compile(r"[^\s,;:()“”\"]+|,|\(|\)")


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    r"""Spans of ``word`` in ``text`` not inside a longer word: what
    ``re.finditer(rf"(?<![\w]){re.escape(word)}(?![\w])", text)`` finds (a \w character is one for
    which str.isalnum() holds, or "_"), without compiling a pattern per name (thousands of names
    overflow the re module's cache, and compiling costs more than the search)."""
    out = []
    n, k = len(text), len(word)
    i = text.find(word) if k else -1
    while i >= 0:
        e = i + k
        if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and (
                e >= n or not (text[e].isalnum() or text[e] == "_")):
            out.append((i, e))
            i = text.find(word, e)
        else:
            i = text.find(word, i + 1)
    return out


_HEADLINE_WORD_RE = re.compile(r"[A-Za-z]\w*")


def _is_headline(line: str) -> bool:
    if line.rstrip().endswith((".", "”", '"')):
        return False  # most lines are paragraphs: no need to count their words
    words = _HEADLINE_WORD_RE.findall(line)
    if len(words) < 3:
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.7


_ALIAS_IN_RUN_RE = re.compile(r"\(([A-Z][\w./-]*(?:\s[A-Z][\w./-]*){0,3})\)")
_RUN_WORD_RE = re.compile(r"[^\s,;:()“”\"]+")
_CAPITAL_RE = re.compile(r"[A-Z]")
_INITIALS_DOTTED_RE = re.compile(r"(?:[A-Z]\.)+")


def _capital_run(text: str, pos: int, stop_at: set[int], own: int | None = None) -> list[tuple[int, int, str]]:
    """Tokens (start, end, token) from pos on while they are capitalised words, acronyms,
    academic titles, commas or "dan" inside an institution name; stops at a lowercase word,
    sentence punctuation, a newline or the start of another title (an offset in ``stop_at``
    other than ``own``, the title the run belongs to)."""
    out = []
    i = pos
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == "(":
            # "(DPMD)", "(BKPSDM)", "(Sangadi)": an alias inside an institution or title
            pm_ = _ALIAS_IN_RUN_RE.match(text, i)
            if pm_ and out:
                i = pm_.end()
                continue
            break
        if i >= n or text[i] in "\n.;:!?“”\")" and not (text[i] == "." and out and _CAPITAL_RE.fullmatch(out[-1][2])):
            break
        if i in stop_at and i != own:
            break
        if text[i] == ",":
            out.append((i, i + 1, ","))
            i += 1
            continue
        m = _RUN_WORD_RE.match(text, i)
        if not m:
            break
        tok = m.group(0)
        bare = tok.rstrip(".")
        if tok in ("dr.", "drg.", "drh."):
            out.append((i, i + len(tok), tok))
            i += len(tok)
            continue
        if tok.endswith(".") and not (_INITIALS_DOTTED_RE.fullmatch(tok) or tok in _NAME_ABBREVIATIONS or tok in _PLACE_ABBREVIATIONS
                                      or tok in PREFIX_TITLES or SUFFIX_RE.fullmatch(" " + tok)):
            # a full stop that ends the sentence
            if bare and (bare[0].isupper() or bare[0].isdigit()):
                out.append((i, i + len(bare), bare))
            break
        if tok in ("petahana", "nonaktif", "aktif", "terpilih", "incumbent") and not out:
            i += len(tok)
            continue
        if not (tok[0].isupper() or tok[0].isdigit() or tok in ("dan", "&", "se-", "dr.", "drg.", "drh.")
                or SUFFIX_RE.fullmatch(" " + tok)):
            break
        out.append((i, i + len(tok), tok))
        i += len(tok)
        if len(out) > 24:
            break
    while out and out[-1][2] in ("dan", "&", ",", "se-"):
        out.pop()
    return out


def _split_run(run: list[tuple[int, int, str]], pm: PositionMatch) -> tuple[str, tuple[int, int] | None]:
    """Split the capitalised run after a title into (institution words, name span)."""
    if not run:
        return "", None
    segments: list[list[tuple[int, int, str]]] = [[]]
    for t in run:
        if t[2] == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    segments = [seg for seg in segments]
    def is_titles(seg):
        return seg and all(SUFFIX_RE.fullmatch(" " + t[2]) or t[2] in ("dan",) for t in seg)
    # An enumeration inside a unit name: "Bidang Pemerintahan, Hukum, dan Politik Safrudin".
    for k in range(1, len(segments)):
        seg = segments[k]
        if len(seg) >= 3 and seg[0][2] == "dan" and not any(
                _BODY_HEAD_RE.match(t[2]) or t[2] in NON_NAME_WORDS for t in seg[2:]):
            inst = ", ".join(" ".join(t[2] for t in sg) for sg in segments[:k]) + ", dan " + seg[1][2]
            rest = seg[2:]
            return inst, (rest[0][0], rest[-1][1])
    # Two or more comma-separated segments: institution (itself possibly with commas:
    # "Divisi Penanganan Pelanggaran, Data, dan Informasi Bawaslu X"), then the name, then titles.
    if len(segments) >= 2:
        def name_like(seg):
            return seg and not is_titles(seg) and all(
                (_NAME_TOKEN_RE.match(t[2]) or t[2] in PREFIX_TITLES or t[2] in ("dr.", "drg.", "drh."))
                and t[2] not in NON_NAME_WORDS and not _BODY_HEAD_RE.match(t[2]) for t in seg) and not _region_long(
                " ".join(t[2] for t in seg))[0]
        idx = None
        for k in range(1, len(segments)):
            if name_like(segments[k]):
                idx = k
                # the name is followed only by academic titles (or nothing) up to the run's end
                if all(is_titles(sg) or not sg for sg in segments[k + 1:]):
                    break
        if idx is not None:
            inst = ", ".join(" ".join(t[2] for t in sg) for sg in segments[:idx] if sg)
            name_seg = segments[idx]
            return inst, (name_seg[0][0], name_seg[-1][1])
    seg = segments[0]
    if seg and seg[0][2] in ("dan", "&", "serta"):
        return "", None  # "ketua RT dan RW": the run goes on with another post, not a name
    # A rank inside the run starts the name: "Kapolsek Sukamaju AKP M. Yusuf", "Pasi Intel Kodim
    # 0102/Pidie Kapten Inf M Nur Heri Siregar": the words before it are the institution.
    rank_at = next((j for j, t in enumerate(seg) if j > 0 and t[2] in _RANK_WORDS), None)
    if rank_at is not None:
        j = rank_at + 1
        while j < len(seg) and (seg[j][2].rstrip(".") in _CORPS_WORDS or seg[j][2] in PREFIX_TITLES):
            j += 1
        rest = seg[j:]
        cut = next((k for k, t in enumerate(rest) if k > 0 and SUFFIX_RE.fullmatch(" " + t[2])), len(rest))
        rest = rest[:cut]
        if rest:
            return " ".join(t[2] for t in seg[:rank_at]), (rest[0][0], rest[-1][1])
    # One segment: consume institution and region words from the left; the rest is the name.
    i = 0
    words = [t[2] for t in seg]
    gaz = get_gazetteer()
    scope = pm.position.scope
    while i < len(words):
        w = words[i]
        if w in OPD_ACRONYMS:
            i += 1  # "Kepala DPMD Raihansyah"
            continue
        if _BODY_HEAD_RE.match(w):
            i += 1
            # a body takes its own name words: "Dinas Pendidikan", "Desa Sukamaju", "Partai Golkar"
            if w in ("Dinas", "Badan", "Bagian", "Bidang", "Seksi", "Subbagian", "Kantor", "Kecamatan", "Kelurahan", "Desa",
                     "Nagari", "Gampong", "Kampung", "Dusun", "Partai", "Tim", "Divisi", "Komisi", "Kementerian", "Direktorat",
                     "Biro", "Unit", "UPT", "UPTD", "Panwascam", "PPK", "PPS", "PKD", "SDN", "SMPN", "SMAN", "SMKN", "SD", "SMP", "SMA", "SMK", "Satpol", "Puskesmas"):
                if w in _SCHOOL_WORDS:
                    # "Kepala SMKN 1 Guguak", "Kepala SMKN Pangkalan Koto Baru": the school's number and
                    # place name it; its head's name comes after a comma
                    i = len(words)
                    continue
                take = 1
                while i + take < len(words) and words[i + take - 1] in ("dan", "&"):
                    take += 1
                if w == "Kecamatan":  # "Kecamatan Bunaken Kepulauan": the kecamatan's whole name
                    take = max(take, _district_name_length(tuple(words[i:i + 3])))
                i += take
            continue
        if w in INSTITUTION_WORDS and scope in ("unit", "gov", "body") and i + 1 < len(words):
            # the unit's own name after a title that ends in its head word: "Kepala Dinas | Pendidikan
            # Muara Enim Riduan Hamzah", "Kepala Bidang | Pemerintahan Setda ..."
            i += 1
            continue
        if w in ("Kabupaten", "Kab", "Kab.", "Kota", "Provinsi", "Prov."):
            i += 1
            # region name: longest gazetteer match
            for k in range(min(4, len(words) - i), 0, -1):
                cand = " ".join(words[i:i + k])
                # the whole candidate must be the region: "Kabupaten Bantul Didik Joko" is Bantul and a name
                if (gaz.lookup(("Kota " if w == "Kota" else "Kabupaten ") + cand)
                        or ((r := gaz.lookup(cand)) is not None and r.level == "province")):
                    i += k
                    break
            else:
                i += 1 if i < len(words) else 0
            continue
        matched = False
        for k in range(min(4, len(words) - i), 0, -1):
            cand = " ".join(words[i:i + k])
            r = gaz.lookup(cand)
            exact = gaz.lookup("Kabupaten " + cand) or gaz.lookup("Kota " + cand) or _region_alias(cand)
            if (r and r.level == "province") or (exact and scope in ("gov", "body", "unit")):
                i += k
                matched = True
                break
        if matched:
            continue
        if pm.position.long in _NAMED_UNIT_TITLES and i == 0:
            # "Kapus Bibinoi nyuruh ...", "Kepala Puskesmas Cibeber Rina": the puskesmas or school's own name
            i += 1
            continue
        if scope in ("desa", "kecamatan", "kelurahan") and i == 0 and len(words) >= 2:
            # "Kepala Desa Sukamaju Ujang Suherman": the first word names the place; a longer name that
            # is a kecamatan's ("Panwascam Bonto Tiro", "Lurah Sayur Matinggi": villages and wards often
            # share their kecamatan's name) is taken whole from the gazetteer
            k = _district_name_length(tuple(words[:3]))
            i += k or 1
            continue
        if w in ("dan", "&") or w.isdigit():
            i += 1
            continue
        break
    inst = " ".join(words[:i])
    rest = seg[i:]
    # the name ends at the first academic title
    cut = len(rest)
    for j, t in enumerate(rest):
        if SUFFIX_RE.fullmatch(" " + t[2]) and j > 0:
            cut = j
            break
    rest = rest[:cut]
    if not rest:
        return inst, None
    if scope in ("desa", "kecamatan", "kelurahan") and i == 0 and len(rest) == 1 and not re.fullmatch(r"[A-Z]{2,4}", rest[0][2]):
        # "Kades Sukamaju" alone: a place, not a name
        return " ".join(t[2] for t in rest), None
    return inst, (rest[0][0], rest[-1][1])


@lru_cache(maxsize=4096)
def _district_name_length(words: tuple[str, ...]) -> int:
    """How many of ``words`` (at most 3) make the longest kecamatan name in the gazetteer; 0 if none."""
    for k in range(len(words), 1, -1):
        if _is_district_name(" ".join(words[:k])):
            return k
    return 0


_SECURITY_UNIT_RE = re.compile(r"\b(?:Polda|Polres|Polresta|Polrestabes|Polsek|Polri|Mabes|Propam|Kodam|Korem|Kodim|Koramil|"
                               r"Lanud|Lantamal|Brimob|Satbrimob|Kepolisian)\b")
_ADVISER_REGION_RE = re.compile(r"(?P<region>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}?)\s+(?P<rest>Bidang\b.*)")
_ELECTION_NAME_RE = re.compile(
    r"\b(?:(?P<short>Pilgub|Pilbup|Pilbub|Pilwalkot|Pilwakot|Pilwalikota|Pilwako|Pilwali)\b|"
    r"(?:Pilkada|Pemilihan\s+Kepala\s+Daerah)\s+(?:Serentak\s+)?(?:\d{4}\s+)?(?:di\s+)?(?P<region>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}))")


def _office_of_election(text: str) -> str | None:
    """The office a document's regional election fills, from its name: "Pilgub" a governor,
    "Pilkada Morut" a regent (Morut is a kabupaten), "Pilkada Kota Bima" a mayor; None if unnamed."""
    for m in _ELECTION_NAME_RE.finditer(text):
        if m.group("short"):
            short = m.group("short").lower()
            return "gubernur" if short == "pilgub" else "bupati" if short in ("pilbup", "pilbub") else "wali kota"
        _, level = _region_long(m.group("region"))
        if level is not None:
            return {"province": "gubernur", "regency": "bupati", "city": "wali kota"}[level]
    return None


_VILLAGE_UNIT_RE = re.compile(r"(?P<unit>[A-Z]\w+(?:\s+(?:dan\s+)?[A-Z]\w+){0,2}?)\s+(?P<place>(?:Desa|Nagari|Gampong|Kampung|Kelurahan)\s+.+)")
_OWN_DESCRIPTION_RE = re.compile(r",\s*(?:seorang\s+|sebagai\s+|yang\s+merupakan\s+)?")
#: Short names of bodies that may close a sub-unit's title ("Deputi Bidang Pengawasan BKN").
_BODY_ACRONYMS = {**NATIONAL_BODY_ACRONYMS, **OPD_ACRONYMS}
_TRAILING_BODY_RE = re.compile(r"\s+(" + "|".join(sorted(map(re.escape, _BODY_ACRONYMS), key=len, reverse=True)) + r")$")
def _trailing_body(title: str, position: str) -> tuple[str, str | None]:
    """(post, body) when a sub-unit's post ends with the short name of its body: "Kepala Bidang
    Keamanan ... Satpol PP", "Deputi Bidang Pengawasan BKN" (the body is the institution)."""
    tm = _TRAILING_BODY_RE.search(position) if title.startswith(_SUB_UNIT_TITLES + ("Deputi", "Kepala Biro")) else None
    if tm is None or tm.start() <= len(title):
        return position, None
    body = tm.group(1)
    return position[:tm.start()].rstrip(" ,"), _BODY_ACRONYMS[body]


_SCHOOL_WORDS = frozenset({"SDN", "SMPN", "SMAN", "SMKN", "SD", "SMP", "SMA", "SMK", "MIN", "MTsN", "MAN", "SLB", "SLBN"})
#: Abbreviated place words inside an institution ("Puskesmas Bibinoi, Kec. Bacan Timur"), never sentence ends.
_PLACE_ABBREVIATIONS = frozenset({"Kec.", "Kab.", "Kel.", "Ds.", "Prov.", "Kp.", "Jl.", "No."})
#: Titles of the head of a unit with a place name of its own, written right after the title.
_NAMED_UNIT_TITLES = frozenset({"Kepala Puskesmas", "Kepala Sekolah"})


def _word_subseq(short: str, long: str) -> bool:
    """Two or more words of ``short`` that end ``long`` ("haria wibisana", "bima haria wibisana")."""
    a, b = short.split(), long.split()
    return 2 <= len(a) < len(b) and b[-len(a):] == a


def _is_district_name(name: str) -> bool:
    """A kecamatan of the gazetteer ("Camat Sario": Sario is a kecamatan of Manado), also written
    joined ("Pangkalbalam" for Pangkal Balam)."""
    return name.lower() in _district_names() or re.sub(r"[\s-]+", "", name.lower()) in _district_names()


@lru_cache(maxsize=1)
def _district_names() -> frozenset[str]:
    names = {n for n, rs in get_gazetteer().by_name.items() if any(r.level == "district" for r in rs)}
    return frozenset(names | {re.sub(r"[\s-]+", "", n) for n in names})


@dataclass
class _TextFacts:
    """What :func:`extract_officials` reads from the text alone, whatever names the NER found:
    computed once per text and shared by the two passes over a document (patterns only, then
    with the NER's names)."""
    text: str
    headline_spans: list[tuple[int, int]]
    positions: tuple[PositionMatch, ...]  # titles outside headlines
    title_starts: frozenset[int]
    region_words: frozenset[str]  # short region names after a body ("Bawaslu Kotim"), see _split_unit
    place_names: frozenset[str]
    #: capitalised runs after titles, (pos, title start) -> run; filled as the passes ask, read only
    runs: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    _matches: dict[re.Pattern, list[re.Match]] = field(default_factory=dict)

    def in_headline(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.headline_spans)

    def matches(self, rx: re.Pattern) -> list[re.Match]:
        """``list(rx.finditer(text))``, scanned once for both passes."""
        found = self._matches.get(rx)
        if found is None:
            found = self._matches[rx] = list(rx.finditer(self.text))
        return found


#: "kepala sekolah tersebut, Riyadi, ...": lower-case words, a demonstrative, a comma, a capital.
_DEFINITE_POST_RE = re.compile(r"(?<![\w-])(?P<words>(?:[a-z]+\s+){1,3})(?:tersebut|itu)\s*,\s+(?=[A-Z])")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
#: The name is set off: a comma, "dan"/"serta", or the end of the sentence follows it.
_NAME_CLOSED_RE = re.compile(r"\s*(?:,|;|\.(?:\s|$)|\s(?:dan|serta)\b)")
#: Posts that name a group or a side, not one holder's office.
_GROUP_TITLES = frozenset({"Pasangan Calon", "Tim Sukses", "Aparatur Sipil Negara", "Perangkat Desa", "Anggota TNI/Polri"})
_REGION_ALIAS_RE = re.compile(r"\b(?:Kabupaten|Kota|Provinsi)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+\(([A-Z][a-z]+)\)")


@lru_cache(maxsize=8)
def _text_facts(text: str) -> _TextFacts:
    headline_spans = []
    offset = 0
    for line in text.split("\n"):
        if _is_headline(line):
            headline_spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    positions = tuple(pm for pm in _positions_of(text) if not any(s <= pm.start < e for s, e in headline_spans))
    region_words = frozenset(m.group(1) for m in _REGION_AFTER_BODY_RE.finditer(text)) - INSTITUTION_WORDS - NON_NAME_WORDS
    # Names the document also writes as places ("Kecamatan Bunaken Kepulauan", "Desa Terusan Karya"): after a
    # title ("Camat Bunaken Kepulauan") they name the post, not its holder.
    place_names = frozenset(" ".join(m.group(1).split()[:k]) for m in _PLACE_NAME_RE.finditer(text) for k in (1, 2, 3))
    # Short names the text gives a region in brackets ("Kabupaten Bengkulu Tengah (Benteng)"): places too.
    place_names |= {m.group(1) for m in _REGION_ALIAS_RE.finditer(text)}
    return _TextFacts(text, headline_spans, positions, frozenset(pm.start for pm in positions), region_words, place_names)


def extract_officials(doc: Doc, ner_persons: list[tuple[int, int]] | None = None) -> list[Person]:
    """Find the officials of a document (see the module docstring)."""
    text = text_of(doc)
    facts = _text_facts(text)
    in_headline = facts.in_headline
    positions = facts.positions
    title_starts = facts.title_starts
    title_ends = {pm.end for pm in positions}
    place_names = facts.place_names
    doc_region = _doc_regions(doc)
    doc_region["words"] = facts.region_words
    people: dict[str, Person] = {}
    order: list[str] = []
    ner_set = {text[s:e] for s, e in (ner_persons or [])}

    def capital_run(pos: int, own: int) -> list[tuple[int, int, str]]:
        """The capitalised run from pos after the title starting at own; the title loop below asks
        for the same run up to three times, and both passes ask alike (read only: computed once)."""
        key = (pos, own)
        run = facts.runs.get(key)
        if run is None:
            run = facts.runs[key] = _capital_run(text, pos, title_starts, own)
        return run

    def add(name: str, start: int, end: int, pm: PositionMatch | None, after: str):
        if name in place_names:
            return
        if pm is not None:
            position, institution = _institution_for(pm, after, doc_region)
            category = _category(pm, institution, text[max(0, pm.start - 60): pm.end + 120], text)
            if category == "ASN" and position and _SECURITY_UNIT_RE.search(position):
                category = "TNI_POLRI"  # "Kepala Kepolisian Daerah (Kapolda) Papua": spelled out, a police post
            if category == "PEJABAT_POLITIK" and position in _REGIONAL_HEADS and _INCUMBENT_RE.match(text, pm.end):
                category = "CALON"  # "bupati petahana X": the incumbent running again (guidelines §2)
        else:
            position, institution, category = None, None, "LAINNYA"
        key = name.lower()
        if key in people:
            person = people[key]
            if position and (person.position is None or (person.position in _VAGUE_POSITIONS
                                                          and position not in _VAGUE_POSITIONS)):
                # "perangkat desa berinisial PA" then "PA merupakan Kaur Keuangan Desa X": the post named
                person.position, person.institution, person.category = position, institution, category
            person.mentions.append((start, end))
            return
        for k, other in list(people.items()):
            # "Titony" after "Titony Tanjung", "Haria Wibisana" in "Bima Haria Wibisana": the same person.
            if key in k.split() or k in key.split() or _word_subseq(key, k) or _word_subseq(k, key):
                other.mentions.append((start, end))
                if len(name) > len(other.name):
                    del people[k]
                    other.name = name
                    people[key] = other
                    order[order.index(k)] = key
                return
        people[key] = Person(name, position, institution, category, [(start, end)], start)
        order.append(key)

    def known(key: str) -> str:
        """The key of the person already found under this name or a fuller/shorter form of it."""
        if key in people:
            return key
        words = set(key.split())
        for k in people:
            kw = set(k.split())
            if words <= kw or kw <= words:
                return k
        return key

    def plausible(name: str, strong: bool) -> bool:
        words = name.split()
        if not words or any(not (_NAME_TOKEN_RE.match(w) or (len(w) == 1 and w.isupper() and k < len(words) - 1))
                            for k, w in enumerate(words)):
            return False
        if any(w in NON_NAME_WORDS for w in words) or _is_region_name(name) or SUFFIX_RE.fullmatch(" " + name):
            return False
        if re.fullmatch(r"[IVXLC]+", name):
            return False  # "Wilayah IV": a numbered unit
        if any(len(w) >= 7 and w.endswith("nya") for w in words):
            return False  # a noun with the possessive clitic ("Statusnya sebagai PPPK"), never a name
        if strong or len(words) >= 2 or name in ner_set:
            return True
        return len(_word_spans(text, name)) >= 2

    listed_places: set[str] = set()

    def _in_prior_run(s: int, pm: PositionMatch) -> bool:
        """Whether the word at s belongs to the unit and place words after an earlier title ("Kepala
        SMKN 1 Guguak, Kepala SMKN 2 ...": Guguak is the first school's place)."""
        prior = [p for p in positions if p.end <= s and s - p.end <= 60 and p.start < pm.start]
        if not prior:
            return False
        run = capital_run(prior[-1].end, prior[-1].start)
        return any(t[0] == s for t in run) and _split_run(run, prior[-1])[1] is None

    def _ends_post_list(pm: PositionMatch) -> bool:
        """The title closes a list of the same posts: "Kades A, Kades B, dan Kades Timpah"."""
        before = [p for p in positions if p.end <= pm.start and pm.start - p.end <= 40 and p.position.long == pm.position.long]
        return bool(before) and _LIST_TAIL_RE.search(text, before[-1].end, pm.start) is not None

    def _is_post_list(end: int) -> bool:
        """Another title follows right after a list separator."""
        sep = _LIST_SEP_RE.match(text, end)
        return sep is not None and sep.end() in title_starts

    for pm in positions:
        generic = pm.position.long in _GENERIC_TITLES
        # Connector: "oknum ASN berinisial MR", "Kades bernama Ujang"
        cm = _CONNECTOR_RE.match(text, pm.end)
        if cm is None:
            # allow institution words between the title and the connector: "ASN Dinas Pendidikan berinisial RH"
            run = capital_run(pm.end, pm.start)
            if run:
                cm = _CONNECTOR_RE.match(text, run[-1][1])
                if cm is not None:
                    after = text[pm.end: run[-1][1]]
                else:
                    after = None
                    # or a unit after "di": "Guru SMA di Benteng, inisialnya ES"
                    if (at0 := _AT_UNIT_RE.match(text, run[-1][1])) is not None and (run0 := capital_run(at0.end(), pm.start)):
                        cm = _CONNECTOR_RE.match(text, run0[-1][1])
                        after = text[pm.end: run0[-1][1]] if cm is not None else None
            else:
                after = None
        else:
            after = ""
        if cm is not None:
            nm = NAME_RE.match(text, cm.end())
            if nm:
                name = _clean_name(nm.group("pre") + nm.group("name"))
                if name and plausible(name, strong=True):
                    s = nm.start("name") + max(0, nm.group("name").find(name.split()[0]))
                    add(name, s, s + len(name) if text[s:s + len(name)] == name else nm.end("name"), pm, after or "")
                    continue
        run = capital_run(pm.end, pm.start)
        at = _AT_UNIT_RE.match(text, run[-1][1] if run else pm.end)
        if at is not None:
            # "kepala bidang di Dinas PUPR Kabupaten Kediri, Ir. Bambang Hermanto": the unit after
            # "di"/"pada" belongs to the title when a name follows it after a comma.
            run2 = capital_run(at.end(), pm.start)
            _, span2 = _split_run(run2, pm)
            if span2 is not None and "," in text[at.end():span2[0]]:
                run = run + run2
        rel = _QUALIFIER_RE.match(text, run[-1][1] if run else pm.end) or _HONORIFIC_RE.match(text, run[-1][1] if run else pm.end)
        if rel is not None:
            # "Anggota Bawaslu Siak yang membidangi pencegahan, M. Andi S, mengakui ...",
            # "Ketua Bawaslu Kota X saat itu, Y, ..."
            after_rel = rel.end()
            nm = NAME_RE.match(text, after_rel)
            if nm:
                name = _clean_name(nm.group("pre") + nm.group("name"))
                if name and plausible(name, strong=True):
                    s0 = nm.start("name") + max(0, nm.group("name").find(name.split()[0]))
                    add(name, s0, s0 + len(name), pm, " ".join(t[2] for t in run))
                    continue
        inst, span = _split_run(run, pm)
        if at is not None and span is not None and span[0] > at.start():
            # keep "di": the unit after it is the institution, not part of the title (_institution_for)
            inst = text[pm.end:at.start()].strip() + " di " + inst[len(text[pm.end:at.start()].strip()):].strip()
        if span is not None:
            raw = text[span[0]:span[1]]
            name = _clean_name(raw)
            strong = "," in text[pm.end:span[0]] or not generic
            # "Pj Bupati OKU, yang ...": after a title held over a region, a region's short form is
            # the region ("pak kades SBT di ...": a village head's initials, whatever SBT also abbreviates)
            initials = bool(name and re.fullmatch(r"[A-Z]{2,4}", name) and name not in _NOT_INITIALS
                            and not re.fullmatch(r"[IVXLC]+", name)  # "Wilayah IV"
                            and not (pm.position.scope in ("gov", "body") and _is_region_name(name))
                            # "Ketua LAM tidak ...", "Kabid KKU Satpol PP": capitals right after the title of a
                            # body or unit name the body or unit
                            and not (pm.position.scope in ("body", "unit") and "," not in text[pm.end:span[0]]))
            # "Lurah Kemiling Permai, Wanjaya, yang ...": a name set off by commas and followed by the clause
            # (a list of places would go on with another capitalised item)
            # (academic titles after the name are part of it: "..., Drs. H. Amiruddin, M.Si., diperiksa")
            name_end = sm.end() if (sm := SUFFIX_RE.match(text, span[1])) is not None else span[1]
            closed = "," in text[pm.end:span[0]] and (
                _CLOSED_APPOSITION_RE.match(text, name_end) is not None
                or ((nt := _NEXT_TITLED_RE.match(text, name_end)) is not None and nt.end() in title_starts)
                or (text[pm.end:span[0]].rstrip().endswith(",") and _SENTENCE_CLOSE_RE.match(text, name_end) is not None
                    and " di " not in text[pm.end:span[0]] and _body_category(inst) is not None))
            # "Ketua Bawaslu Kaltara Suryani, ...": after a body and its region the one word set off by a comma
            # is the holder (the region has ended where the gazetteer's name ends)
            after_region = (generic and text.startswith(",", span[1]) and _body_category(inst) is not None
                            and len(inst.split()) >= 2 and _is_region_name(inst.split()[-1]))
            whole = text[pm.end:span[1]].strip()
            if (name and pm.position.scope in _TERRITORIAL_SCOPES and len(whole.split()) <= 2 and "," not in whole
                    and (whole in listed_places or _is_post_list(span[1]))):
                # "Camat Sayur Matinggi, Lurah Sayur Matinggi dan ...", "Kades A, Kades B dan Kades C": a list of
                # posts, each with just its village or district (one or two words), not of people ("Lurah Batu
                # Merah Donny Syarnaini, Lurah ..." names the holders after the places)
                listed_places.add(whole)
                continue
            if name and (plausible(name, strong=(strong and not generic) or closed or after_region) or initials) and not (
                    generic and "," not in text[pm.end:span[0]] and len(name.split()) < 2 and not initials
                    and not after_region):
                s = span[0] + max(0, raw.find(name.split()[0]))
                e = s + len(name) if text[s:s + len(name)] == name else span[1]
                add(name, s, e, pm, inst)
                continue
        # Apposition: "Afri Memori, Ketua Bawaslu ..." / "Ujang selaku Kepala Desa ..."
        head = text[max(0, pm.start - 90): pm.start]
        # The apposition ends the head with a comma, a bracket or "selaku"/"sebagai"/"juga"/"menjabat" (then
        # spaces): when the head ends otherwise, as it mostly does, the costly search cannot match.
        am = _APPOSITION_RE.search(head) if head.rstrip().endswith(_APPOSITION_ENDS) else None
        if am is not None and (not generic or _COMMA_END_RE.search(head) or _PREDICATE_END_RE.search(head)
                               or head.rstrip().endswith("(")):  # "Hilman (Kades Mancak)"
            s = pm.start - len(head) + am.start("name")
            if in_headline(s) or s in title_starts or len(text[:s].rstrip()) in title_ends or _in_prior_run(s, pm):
                continue  # "Camat Sayur Matinggi, Lurah ...": the words before are another title and its place
            name = _clean_name(am.group("name"))
            raw_words = am.group("name").split()
            if any(_region_long(" ".join(raw_words[k:]))[0] for k in range(min(2, len(raw_words)))):
                continue  # "Di Sulawesi Utara, kepala desa ...": a place set off by a comma
            # "...; HS, Kepala Desa Ketapang; serta NH, Kades Srikaton": an item of a list of people with
            # their posts is a person, even one of initials only
            listed = _LIST_ITEM_BEFORE_RE.search(text, max(0, s - 12), s) is not None
            if name and plausible(name, strong=head.rstrip().endswith("(") or listed):
                run = capital_run(pm.end, pm.start)
                inst = " ".join(t[2] for t in run).split(" , ")[0] if run else ""
                inst = inst.split(",")[0].strip()
                s2 = s + max(0, am.group("name").find(name.split()[0]))
                add(name, s2, s2 + len(name), pm, inst)

    # Initials after "berinisial", also in lists ("tiga ASN berinisial FS, IA dan LT"), with the
    # nearest title before them (any case: "seorang guru berinisial N").
    for im in facts.matches(_INITIALS_LIST_RE):
        if in_headline(im.start()):
            continue
        before = text[max(0, im.start() - 120): im.start()]
        # the title is in the same sentence: "... calon bupati dan wakil bupati. Keduanya berinisial HM"
        cut = max(before.rfind(". "), before.rfind("\n"))
        if cut >= 0:
            before = " " * (cut + 1) + before[cut + 1:]
        near = None
        for pm in find_positions_ci(before):
            near = pm
        parts = [(im.start(1) + part.start(), part.group(0).rstrip(".")) for part in _INITIALS_PART_RE.finditer(im.group(1))]
        # "berinisial RS, pegawai Dinas X; HR dari Dinas Y; serta LN, pegawai Z": each further item of the
        # list, with its own description, up to the end of the sentence
        stop = _SENTENCE_END_RE.search(text, im.end(), im.end() + 400)
        parts += [(m.start("name"), m.group("name"))
                  for m in _INITIALS_MORE_RE.finditer(text, im.end(), stop.start() if stop else min(len(text), im.end() + 400))
                  if m.group("name") not in _NOT_INITIALS]  # "dan BKD di ...": an agency
        for s, name in parts:
            if name.lower() in people or name in NON_NAME_WORDS:
                continue
            # "HM, seorang guru berstatus PPPK ...": the item's own description after it
            dm = _OWN_DESCRIPTION_RE.match(text, s + len(name))
            own = [pm for pm in find_positions_ci(text[dm.end(): dm.end() + 40]) if pm.start == 0] if dm else []
            if own:
                pm = own[0]
                run = capital_run(dm.end() + pm.end, dm.end() + pm.start)
                add(name, s, s + len(name), PositionMatch(dm.end() + pm.start, dm.end() + pm.end, pm.position, pm.written),
                    " ".join(t[2] for t in run).split(" , ")[0] if run else "")
                continue
            if near is not None:
                after = before[near.end:].strip()
                after = re.sub(r"^(?:pada|di|dari)\s+", "", after)
                after = re.split(r"\s+(?:yang|masing-masing|berinisial|inisial)\b", after)[0]
                add(name, s, s + len(name), PositionMatch(near.start, near.end, near.position, near.written),
                    after if after[:1].isupper() else "")
            else:
                add(name, s, s + len(name), None, "")

    # Names listed for a counted group named before: "dua ASN ... Ketua Bawaslu mengungkapkan keduanya adalah
    # X dan Y" (the count word matches the group's number), each with the group's title.
    for gm in facts.matches(_GROUP_NAMES_RE):
        if in_headline(gm.start()):
            continue
        count = _COUNT_WORDS[gm.group("count").lower()]
        base = max(0, gm.start() - 400)
        before = text[base: gm.start()]
        group = None
        if gm.group("who"):
            # the group's post named with its count: "keenam kades tersebut ialah ..."
            own = find_positions_ci(text[:gm.end("who")])
            if own and own[-1].start >= gm.start("who"):
                base = max(0, gm.end("who") - 400)
                before = text[base: gm.end("who")]
                group = next(pm for pm in find_positions_ci(before) if base + pm.start >= gm.start("who"))
        for pm in ([] if group is not None else find_positions_ci(before)):
            cw = _COUNT_BEFORE_RE.search(before, max(0, pm.start - 20), pm.start)
            if cw is not None and _COUNT_WORDS.get(cw.group(1).lower()) == count:
                group = pm
        if group is None:
            continue
        listed = _BRACKETED_RE.sub(lambda m: " " * len(m.group(0)), gm.group("list"))  # a place in brackets is no item
        items = [(m.start(), m.group(0)) for m in _LIST_ITEM_RE.finditer(listed)]
        names = [(gm.start("list") + off, _clean_name(raw), raw) for off, raw in items]
        if len(names) != count or any(n is None or not plausible(n, strong=True) for _, n, _ in names):
            continue
        pm0 = PositionMatch(base + group.start, base + group.end, group.position,
                            group.written)
        for off, n, raw in names:
            s0 = off + max(0, raw.find(n.split()[0]))
            place = _BRACKETED_PLACE_RE.match(text, off + len(raw))
            add(n, s0, s0 + len(n), pm0, place.group(1) if place else "")

    # Initials right after a title in any case, as posts write them: "pak kades HR", "sekdesnya RM",
    # "Pj walkot CS", "bu guru R".
    title_before, ci_forms = _title_before_initials_re()
    for cand in facts.matches(_INITIALS_TOKEN_RE):
        ini = cand.group(0)
        if ini in _NOT_INITIALS or re.fullmatch(r"[IVXLC]+", ini) or in_headline(cand.start()) or _is_region_name(ini):
            continue
        im = title_before.search(text, max(0, cand.start() - 60), cand.start())
        if im is None:
            continue
        pos = ci_forms.get(im.group("title").lower())
        if pos is None:
            # re.I also matches "ſ" (long s) and "K" (Kelvin sign), which .lower() keeps as they are
            pos = ci_forms.get(im.group("title").lower().replace("ſ", "s").replace("\u212a", "k"))
            if pos is None:
                continue
        if im.group("acting") and not pos.long.startswith(("Penjabat", "Pelaksana")):
            acting, cat = ACTING_PREFIXES[im.group("acting").lower()]
            pos = Position(pos.forms, f"{acting} {pos.long}", cat or pos.category, pos.scope)
        if (len(ini) >= 3 and pos.scope in ("unit", "body")) or (im.group("title")[0].isupper() and len(ini) > 3):
            continue  # "Kepala BNN", "kepala UPTD" name a unit, not a person
        s = cand.start()
        pm0 = PositionMatch(im.start("title"), im.end("title"), pos, im.group("title"))
        add(ini, s, s + len(ini), pm0, "")

    # A post named before, in lower case, with its holder set off by commas after it: "Mereka adalah kepala
    # sekolah tersebut, Riyadi, dan seorang guru ...".
    for dm in facts.matches(_DEFINITE_POST_RE):
        if in_headline(dm.start()):
            continue
        words = list(_LOWER_WORD_RE.finditer(dm.group("words")))
        found_pos = None
        for k in (3, 2, 1):
            if len(words) >= k:
                form = dm.group("words")[words[-k].start():words[-1].end()]
                if (p := ci_forms.get(form)) is not None:
                    found_pos = (p, dm.start("words") + words[-k].start(), dm.start("words") + words[-1].end(), form)
                    break
        if found_pos is None or found_pos[0].long in _GROUP_TITLES:
            continue
        nm = NAME_RE.match(text, dm.end())
        if nm is None or not _NAME_CLOSED_RE.match(text, nm.end()):
            continue
        name = _clean_name(nm.group("pre") + nm.group("name"))
        if name and plausible(name, strong=True):
            s0 = nm.start("name") + max(0, nm.group("name").find(name.split()[0]))
            add(name, s0, s0 + len(name), PositionMatch(found_pos[1], found_pos[2], found_pos[0], found_pos[3]), "")

    # A name after a police or military rank is a TNI/Polri member ("Serda KM", "AKP Fajar Sadiq"); the
    # nearest security-force title before it in the sentence is the position ("Babinsa desa sebelah, Serda KM").
    for rm in facts.matches(_RANK_NAME_RE):
        if in_headline(rm.start()) or _PLACE_BEFORE_RE.search(text, max(0, rm.start() - 12), rm.start()):
            continue  # "Jalan Jenderal Sudirman": a street named after a hero
        name = _clean_name(rm.group("name"))
        if not name or name in RANKS or name in NON_NAME_WORDS or not plausible(name, strong=True):
            continue
        s = rm.start("name") + max(0, rm.group("name").find(name.split()[0]))
        key = known(name.lower())
        if key in people:
            people[key].mentions.append((s, s + len(name)))
            continue
        # "Pjs Gubernur Papua, Mayjen TNI (Purn) Soedarmo": a title with its institution right before the rank
        near = [pm for pm in positions if 0 <= rm.start() - pm.end <= 60 and _INST_GAP_RE.fullmatch(text, pm.end, rm.start())]
        if near:
            add(name, s, s + len(name), near[-1], text[near[-1].end:rm.start()])
            continue
        before = text[max(0, rm.start() - 100): rm.start()]
        before = re.split(r"[.!?\n]\s", before)[-1]
        near = [pm for pm in find_positions_ci(before) if pm.position.category == "TNI_POLRI"]
        if near:
            pm0 = near[-1]
            add(name, s, s + len(name), PositionMatch(rm.start() - len(before) + pm0.start, rm.start() - len(before) + pm0.end,
                                                      pm0.position, pm0.written), "")
        else:
            people[name.lower()] = Person(name, None, None, "TNI_POLRI", [(s, s + len(name))], s)
            order.append(name.lower())

    # Candidate pairs: "pasangan (calon) nomor urut 3, Ganjar Pranowo-Mahfud MD", "paslon X dan Y".
    for pm_ in facts.matches(_PAIR_RE):
        if in_headline(pm_.start()):
            continue
        head = pm_.group("head").lower()
        # "pasangan X-Y sebagai bupati dan wakil bupati Tangerang": the role is said after the pair
        role_after = _ROLE_AFTER_PAIR_RE.match(text, pm_.end())
        if role_after is not None and not re.search(r"bupati|wali|gubernur|presiden|capres", head):
            head += " " + role_after.group(1).lower()
        if not re.search(r"bupati|wali|gubernur|presiden|capres", head):
            low = text.lower()
            counts = {w: len(re.findall(w, low)) for w in ("bupati", "wali ?kota", "gubernur", "presiden")}
            # "pasangan nomor urut 3, X-Y": the role is named earlier in the sentence or paragraph
            ctx = text[max(0, pm_.start() - 200): pm_.start()].lower()
            roles_found = [(ctx.rfind(w), w) for w in ("bupati", "wali kota", "walikota", "gubernur", "presiden", "capres", "pilpres")]
            best = max(roles_found)
            near = _office_near(text, pm_.start(), pm_.end())
            if near is not None:  # named in the pair's own clause: "pasangan X–Y di Pilbup Serang"
                head += " " + near.split("|")[0].replace(" ?", " ")
            elif best[0] >= 0:
                head += " " + best[1]
            elif (office := _office_of_election(text)) is not None:
                head += " " + office
            elif max(counts.values()) > 0:
                head += " " + max(counts, key=counts.get).replace(" ?", " ")
        roles = ("Calon Bupati", "Calon Wakil Bupati") if "bupati" in head else (
            ("Calon Wali Kota", "Calon Wakil Wali Kota") if "wali" in head or "walikota" in head else (
                ("Calon Gubernur", "Calon Wakil Gubernur") if "gubernur" in head else (
                    ("Calon Presiden", "Calon Wakil Presiden") if "presiden" in head or "capres" in head else (
                        ("Pasangan Calon", "Pasangan Calon")))))
        if roles[0].startswith("Calon") and _BAKAL_RE.search(text, max(0, pm_.start() - 500), pm_.end() + 150):
            roles = tuple("Bakal " + r for r in roles)
        for which, grp in ((0, "a"), (1, "b")):
            raw = pm_.group(grp)
            name = _clean_name(raw)
            if not name or not plausible(name, strong=True):
                continue
            s = pm_.start(grp) + max(0, raw.find(name.split()[0]))
            key = known(name.lower())
            if key in people:
                person = people[key]
                person.mentions.append((s, s + len(name)))
                if len(name) > len(person.name) and set(person.name.lower().split()) < set(name.lower().split()):
                    # "Musa merupakan bupati" found first; the pair gives the full name "Musa Ahmad"
                    del people[key]
                    person.name = name
                    people[name.lower()] = person
                    order[order.index(key)] = name.lower()
                if pm_.start() <= person.anchor < pm_.end():
                    # introduced by this very phrase ("pasangan calon bupati dan wakil bupati X–Y" read as
                    # "bupati X"): the pair gives the role
                    person.position, person.institution, person.category = roles[which], None, "CALON"
                elif person.category == "PEJABAT_POLITIK" and person.position in _REGIONAL_HEADS:
                    # an incumbent running again: CALON in a document about the candidacy (guidelines §2)
                    person.category = "CALON"
                continue
            people[key] = Person(name, roles[which], None, "CALON", [(s, s + len(name))], s)
            order.append(key)

    # Bare pairs in election news ("yakni Musa Ahmad-Ahsan dan Ardito Wijaya-Koheri").
    if _ELECTION_WORDS.search(text):
        for bp in facts.matches(_BARE_PAIR_RE):
            if in_headline(bp.start()) or bp.group("a").split()[-1].lower() == bp.group("b").split()[0].lower():
                continue  # headlines are title-cased; "Jua-Jua", "Alun-Alun Blora" are reduplicated words
            if bp.group("a").isupper() or _DATELINE_BEFORE_RE.search(text, max(0, bp.start() - 60), bp.start()):
                continue  # a dateline: "PALANGKA RAYA – Menjelang ...", "MAKASSAR, Media – Seorang ..."
            names = [(_clean_name(bp.group(g)), bp.start(g), bp.group(g)) for g in ("a", "b")]
            if any(n is None or not plausible(n, strong=True) or len(n) < 3 for n, _, _ in names):
                continue
            if all(known(n.lower()) in people for n, _, _ in names):
                continue
            # The office named next to the pair ("pasangan calon gubernur dan wakil gubernur Sumut, Bobby
            # Nasution–Surya", "pasangan X–Y di Pilbup Serang"), else the one the text names most.
            role = _office_near(text, bp.start(), bp.end())
            if role is None:
                low = text.lower()
                counts = {w: len(re.findall(w, low)) for w in _PAIR_OFFICES}
                role = max(counts, key=counts.get) if max(counts.values()) else None
            if role is None and (office := _office_of_election(text)) is not None:
                # "Pilkada Wonogiri 2020": the office follows from the election's name
                role = next(w for w in _PAIR_OFFICES if w.startswith(office.split()[0]))
            heads = _PAIR_OFFICES.get(role, ("Pasangan Calon",) * 2)
            if heads[0].startswith("Calon") and _BAKAL_RE.search(text, max(0, bp.start() - 500), bp.end() + 150):
                heads = tuple("Bakal " + h for h in heads)
            for which, (n, start, raw) in enumerate(names):
                if known(n.lower()) in people:
                    people[known(n.lower())].mentions.append((start, start + len(raw)))
                    continue
                s0 = start + max(0, raw.find(n.split()[0]))
                people[n.lower()] = Person(n, heads[which], None, "CALON", [(s0, s0 + len(n))], s0)
                order.append(n.lower())

    # Statistical NER names right after a title the patterns did not resolve: only when the words
    # between title and name are institution words, and the name is a plausible person's name.
    for s, e in ner_persons or []:
        # The NER may glue the region of the title to the name ("Aceh Safrizal ZA"): drop it.
        words = list(re.finditer(r"\S+", text[s:e]))
        while len(words) > 1 and (_is_region_name(words[0].group(0)) or words[0].group(0) in NON_NAME_WORDS
                                  or (len(words) > 2 and _is_region_name(words[0].group(0) + " " + words[1].group(0)))):
            if len(words) > 2 and _is_region_name(words[0].group(0) + " " + words[1].group(0)):
                words = words[1:]
            words = words[1:]
        if not words:
            continue
        s, e = s + words[0].start(), s + words[-1].end()
        name = _clean_name(text[s:e])
        if not name or name.lower() in people or in_headline(s) or not plausible(name, strong=False):
            continue
        if s > 0 and (text[s - 1] in "/-" or text[s - 1].isdigit()):
            continue  # part of a document number ("Nomor 100.14/344/Bag. Tapem")
        near = [pm for pm in positions if 0 <= s - pm.end <= 60 and _INST_GAP_RE.fullmatch(text, pm.end, s)]
        if near and near[-1].position.scope in _TERRITORIAL_SCOPES and not text[near[-1].end:s].strip() and (
                name in listed_places or _is_post_list(e) or _ends_post_list(near[-1])
                or _is_district_name(name)):
            continue  # "Kades Palangkau Lama, Kades Tamban Luar, ...": the NER took a village for a person
        if near:
            add(name, s, e, near[-1], text[near[-1].end:s])

    result = [people[k] for k in order]
    # Collect every further mention: full name, or a single part of a multi-word name that no
    # other person shares.
    part_owner: dict[str, set[int]] = {}
    for i, p in enumerate(result):
        for w in p.name.split():
            if len(w) >= 3 and w not in NON_NAME_WORDS:
                part_owner.setdefault(w, set()).add(i)
    for i, p in enumerate(result):
        forms = {p.name} | {w for w in p.name.split() if len(w) >= 3 and part_owner.get(w) == {i}}
        spans = set(p.mentions)
        for f in forms:
            spans.update(_word_spans(text, f))
        spans = {sp for sp in spans if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in spans)}
        p.mentions = sorted(spans)
    # Title-only mentions ("Sekda") when exactly one person holds that position.
    by_long: dict[str, list[int]] = {}
    for i, p in enumerate(result):
        if p.position:
            by_long.setdefault(p.position, []).append(i)
    for pm in positions:
        owners = by_long.get(pm.position.long, [])
        if len(owners) != 1 or pm.position.long in _GENERIC_TITLES:
            continue
        p = result[owners[0]]
        if any(s <= pm.start < e for s, e in p.mentions):
            continue
        nxt = text[pm.end: pm.end + 3]
        # Only a bare title (then punctuation or a lowercase word) refers back to the person.
        end = pm.end
        if p.institution:
            # "Pjs. Bupati Solok menegaskan": the title with the person's own region
            region_words = strip_prefix(p.institution.replace("Pemerintah ", "")).split()
            m = _region_after_title_re(tuple(region_words)).match(text, end)
            if region_words and m:
                end = m.end()
        nxt = text[end: end + 3]
        if _BARE_TITLE_END_RE.match(nxt) and pm.written[0].isupper() and end - pm.start <= 30:
            p.mentions.append((pm.start, end))
            p.mentions.sort()
    # A post in a national body is the post and the body (as "Ketua" of "Komisi Aparatur Sipil Negara"):
    # "Kepala Badan Kepegawaian Negara" is "Kepala" of BKN, "Plt Kepala Biro Humas BKN" a bureau head of it.
    # (After the title-only mentions, which match the title as written.)
    for p in result:
        m = _NATIONAL_BODY_END_RE.search(p.position) if p.position and not p.institution else None
        if m is not None and m.start() > 0:
            p.position = p.position[:m.start()].rstrip(" ,")
            p.institution = NATIONAL_BODY_ACRONYMS.get(m.group(1), m.group(1))
    return result


_NATIONAL_BODY_END_RE = re.compile(r"\s+(" + "|".join(
    sorted(map(re.escape, [*NATIONAL_BODY_ACRONYMS, *NATIONAL_BODY_ACRONYMS.values()]), key=len, reverse=True)) + r")$")


_BARE_TITLE_END_RE = re.compile(r"\s*[a-z,.;:)”]|\s*$")


#: The offices a candidate pair runs for: the words that name each (lower case) and the pair's roles.
_PAIR_OFFICES: dict[str, tuple[str, str]] = {
    "bupati|cabup|pilbup": ("Calon Bupati", "Calon Wakil Bupati"),
    "wali ?kota|walkot|pilwalkot|pilwakot|pilwako": ("Calon Wali Kota", "Calon Wakil Wali Kota"),
    "gubernur|cagub|pilgub": ("Calon Gubernur", "Calon Wakil Gubernur"),
    "presiden|capres|pilpres": ("Calon Presiden", "Calon Wakil Presiden"),
}
_PAIR_OFFICE_RE = re.compile("|".join(f"(?P<o{i}>{w})" for i, w in enumerate(_PAIR_OFFICES)), re.I)


def _office_near(text: str, start: int, end: int) -> str | None:
    """The office named right before a candidate pair (within its clause) or right after it ("di Pilbup
    Serang"): the words of _PAIR_OFFICES that match, or None."""
    a = max(0, start - 100, *(text.rfind(c, 0, start) + 1 for c in ".\n;"))
    before = [m for m in _PAIR_OFFICE_RE.finditer(text, a, start)]
    if before:
        m = before[-1]
    else:
        b = min(len(text), end + 40, *(i for c in ".\n;" if (i := text.find(c, end)) >= 0))
        m = _PAIR_OFFICE_RE.search(text, end, b)
    if m is None:
        return None
    return list(_PAIR_OFFICES)[int(m.lastgroup[1:])]


@lru_cache(maxsize=256)
def _region_after_title_re(region_words: tuple[str, ...]) -> re.Pattern:
    """The person's own region written after a bare title ("Bupati Solok"); one pattern per region."""
    return re.compile(r"\s+(?:Kabupaten\s+|Kota\s+|Provinsi\s+)?" + r"\s+".join(map(re.escape, region_words)))


class OfficialRecognizer:
    """Fill ``doc._.netral_officials`` and ``doc.spans["netral_officials"]``."""

    def __init__(self, nlp: Language, name: str, use_ner: bool = True):
        self.name = name
        self.nlp = nlp
        self.use_ner = use_ner

    def plan(self, doc: Doc) -> tuple[list[tuple[int, int]], list[Person]] | None:
        """What the NER must read for this Doc: the (start, end) characters of the sentences that
        hold a position title a name can follow (see _NAME_CAN_FOLLOW), and the officials found
        without the NER (reused when it adds no name). None when the NER is not to run here (turned
        off, or the Doc already has entities). Names matter here only next to a title, and the NER
        is the costliest step of the default pipeline; ``Pipeline.pipe`` runs it on the planned
        sentences of a whole batch of documents at once."""
        if not self.use_ner or doc.has_annotation("ENT_IOB") or "ner" not in self.nlp.pipe_names:
            return None
        text = text_of(doc)
        sents = [(s.start_char, s.end_char) for s in sentences(doc)]
        # Only sentences where a title stands without a name the patterns already resolved.
        found = extract_officials(doc, [])
        resolved = sorted(m[0] for p in found for m in p.mentions)
        # A title followed by a lowercase word ("para kepala distrik meneruskan ...") cannot take an NER
        # name: extract_officials only accepts one separated from the title by capitalised words.
        titles = [pm for pm in find_positions(text) if _NAME_CAN_FOLLOW.match(text, pm.end)
                  and not any(0 <= r - pm.end <= 80 or 0 <= pm.start - r <= 80 for r in resolved[
                      max(0, bisect_left(resolved, pm.start - 80)): bisect_left(resolved, pm.end + 81)])]
        chosen, ti = [], 0
        for a, b in sents:
            while ti < len(titles) and titles[ti].start < a:
                ti += 1
            if ti < len(titles) and titles[ti].start < b:
                chosen.append((a, b))
        return chosen, found

    def finish(self, doc: Doc, ner: list[tuple[int, int]] | None, found: list[Person] | None = None) -> Doc:
        """Set the Doc's officials from the NER's person spans (document characters); with none,
        ``found`` (the patterns-only pass of :meth:`plan`) is the answer."""
        people = extract_officials(doc, ner or []) if ner or found is None else found
        doc._.netral_officials = [
            {"name": p.name, "position": p.position, "institution": p.institution, "category": p.category,
             "mentions": [list(m) for m in p.mentions]}
            for p in people
        ]
        set_span_group(doc, "officials", [(s, e, f"OFFICIAL_{p.category}") for p in people for s, e in p.mentions])
        return doc

    def __call__(self, doc: Doc) -> Doc:
        if not self.use_ner:
            return self.finish(doc, [])
        if doc.has_annotation("ENT_IOB") or "ner" not in self.nlp.pipe_names:
            return self.finish(doc, [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")])
        chosen, found = self.plan(doc)
        return self.finish(doc, person_spans(self.nlp, text_of(doc), [chosen])[0], found)


def person_spans(nlp: Language, text_or_texts, plans: list[list[tuple[int, int]]], batch_size: int = 128) -> list[list[tuple[int, int]]]:
    """The NER's PERSON spans in the planned sentences of one or more documents, in one ``pipe``
    call: ``text_or_texts`` is one document's text (with one plan) or a list of texts, one per plan.
    Batching the sentences of many documents halves the NER's time (its cost per call is large
    next to a few sentences)."""
    texts = [text_or_texts] if isinstance(text_or_texts, str) else list(text_or_texts)
    ner = nlp.get_pipe("ner")
    where = [(k, a) for k, plan in enumerate(plans) for a, _ in plan]
    subdocs = (nlp.make_doc(texts[k][a:b]) for k, plan in enumerate(plans) for a, b in plan)
    out: list[list[tuple[int, int]]] = [[] for _ in plans]
    for (k, a), sub in zip(where, ner.pipe(subdocs, batch_size=batch_size)):
        out[k].extend((a + e.start_char, a + e.end_char) for e in sub.ents if e.label_ in ("PER", "PERSON"))
    return out


@Language.factory("netral_officials", assigns=["doc._.netral_officials", "doc.spans"], default_config={"use_ner": True})
def make_officials(nlp: Language, name: str, use_ner: bool) -> OfficialRecognizer:
    return OfficialRecognizer(nlp, name, use_ner)
