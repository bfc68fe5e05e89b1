"""Rule-based detection of numbered legal references in Indonesian text.

Finds citations such as "UU Nomor 5 Tahun 2014", "PP No. 94/2021",
"SE MenPANRB Nomor B/71/M.SM.00.00/2017" or "Putusan MK Nomor 121/PUU-XXII/2024"
and maps each to a contract ``kind`` (see ``docs/output-contract.md``,
"Legal references", and ``docs/domain-reference.md`` §1).

Decisions (documented for users of the module):

* Only *numbered* references are returned. Aliases such as "UU ASN", "UU Pemilu"
  and names such as "SKB 5 Menteri" give nothing.
* A reference written without "Nomor"/"No." ("UU 10/2016", "PP 94 tahun 2021")
  needs a year; a reference with "Nomor" may have none ("SE No 800/1109/29").
* ``number`` is kept exactly as written. When it has the form ``digits/YYYY``
  ("5/2014") it is split into number "5" and year 2014; any other number
  ("B/71/M.SM.00.00/2017", "121/PUU-XXII/2024") is kept whole and the year is
  only set when "Tahun YYYY" is written after it.
* ``year`` is taken as written, even when it is evidently wrong ("Perpres Nomor
  91 Tahun 2014").
* Pergub, Perbup, Perwali, Peraturan BKN, Perpol/Perkap, court rulings
  (Putusan), Keppres/Kepmen, Inpres and Perppu are ``LAINNYA``. Any "Surat
  Edaran"/"SE" is ``SE`` whatever its issuer; so is a numbered letter of a
  named official ("Surat Gubernur ... nomor 800/254/IV.1/BKD").
* In a joint decree that prints all five numbers ("Keputusan Bersama ... Nomor 2
  Tahun 2022, Nomor 800-5474 Tahun 2022, ...") only the first number is
  returned, with a span that ends at its year.
* An elliptical list ("UU Nomor 7 Tahun 2017 dan Nomor 10 Tahun 2016") gives a
  second reference of the same kind whose span is "Nomor 10 Tahun 2016".
* Matches inside words, e-mail addresses and URLs are dropped. A lower-case
  abbreviation with a number but no year ("foto pp no 2") is dropped as slang;
  "uu no 7 tahun 2017" is kept.
* Without "Nomor", only short aliases may stand between the name and the
  number ("UU ASN 20/2023", "UU Pilkada 10/2016"); with "Nomor", up to 30
  capitalised words, parenthesised aliases and "dan"/commas may ("SE Menteri
  PANRB Nomor ...", "Peraturan Menteri Dalam Negeri (Permendagri) Nomor ...").
* A bare "Peraturan Nomor 5 Tahun 2014" (no issuer) gives nothing: the kind is
  unknown, and in news it points back at an instrument already cited.
* Perppu is ``LAINNYA`` (a regulation in lieu of a law, not a UU).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..labels import LEGAL_KINDS

__all__ = ["LegalRefMatch", "find_legal_refs", "INSTRUMENT_KINDS"]


@dataclass(frozen=True)
class LegalRefMatch:
    """A numbered legal reference found in a text.

    kind (str): One of ``labels.LEGAL_KINDS`` ("UU", "PP", ...).
    number (str): The number exactly as written ("5", "B/71/M.SM.00.00/2017").
    year (Optional[int]): The year as written, or ``None`` when none is written.
    start (int): Character offset of the first character (the instrument name).
    end (int): Character offset after the last character (end exclusive).
    """

    kind: str
    number: str
    year: int | None
    start: int
    end: int

    def to_dict(self) -> dict:
        """Serialize the match in the shape of the output contract.

        RETURNS (dict): ``{"kind", "number", "year", "span"}``.
        """
        return {"kind": self.kind, "number": self.number, "year": self.year, "span": [self.start, self.end]}


# Instrument names, as (regex source, kind). Case-insensitive unless wrapped in
# ``(?-i:...)``. Order matters: longer names first.
_UNDANG = r"Undang\s*-\s*Undang"
INSTRUMENT_KINDS: tuple[tuple[str, str], ...] = (
    (r"Peraturan\s+Pemerintah\s+Pengganti\s+" + _UNDANG, "LAINNYA"),
    (r"Perppu", "LAINNYA"),
    (_UNDANG, "UU"),
    (r"UU", "UU"),
    (r"Peraturan\s+Pemerintah", "PP"),
    (r"PP", "PP"),
    (r"Peraturan\s+Presiden", "PERPRES"),
    (r"Perpres", "PERPRES"),
    (r"Peraturan\s+Menteri", "PERMEN"),
    (r"Permen[a-z]*(?:\s*-\s*RB)?", "PERMEN"),
    (r"Peraturan\s+Badan\s+Pengawas\s+Pemilihan\s+Umum", "PERBAWASLU"),
    (r"Peraturan\s+Bawaslu", "PERBAWASLU"),
    (r"Perbawaslu", "PERBAWASLU"),
    (r"Peraturan\s+Komisi\s+Pemilihan\s+Umum", "PKPU"),
    (r"Peraturan\s+KPU", "PKPU"),
    (r"PKPU", "PKPU"),
    (r"Surat\s+Edaran", "SE"),
    (r"(?-i:SE)", "SE"),
    (r"Surat\s+(?-i:(?:Gubernur|Bupati|Wali\s*[Kk]ota|Menteri|Mendagri|MenPAN\w*|Sekda|Sekretaris\s+Daerah|Kepala))", "SE"),
    (r"Surat\s+Keputusan\s+Bersama", "SKB"),
    (r"Keputusan\s+Bersama", "SKB"),
    (r"SKB", "SKB"),
    (r"Peraturan\s+Daerah", "PERDA"),
    (r"Perda", "PERDA"),
    (r"Peraturan\s+Gubernur", "LAINNYA"),
    (r"Pergub", "LAINNYA"),
    (r"Peraturan\s+Bupati", "LAINNYA"),
    (r"Perbup", "LAINNYA"),
    (r"Peraturan\s+Wali\s*kota", "LAINNYA"),
    (r"Perwali|Perwal|Perwako", "LAINNYA"),
    (r"Peraturan\s+(?:Kepala\s+)?(?:BKN|Badan\s+Kepegawaian\s+Negara)", "LAINNYA"),
    (r"Per(?:ka)?BKN", "LAINNYA"),
    (r"Peraturan\s+(?:Kepolisian|Kapolri)", "LAINNYA"),
    (r"Perpol|Perkap", "LAINNYA"),
    (r"Peraturan\s+(?:Panglima|KASN|Mahkamah\s+Agung|DKPP|Lembaga\s+Administrasi\s+Negara)", "LAINNYA"),
    (r"Putusan", "LAINNYA"),
    (r"Keputusan\s+(?:Presiden|Menteri)", "LAINNYA"),
    (r"Keppres|Kepres|Kepmen[a-z]*", "LAINNYA"),
    (r"Instruksi\s+(?:Presiden|Menteri)", "LAINNYA"),
    (r"Inpres|Inmendagri", "LAINNYA"),
)
assert all(kind in LEGAL_KINDS for _, kind in INSTRUMENT_KINDS)

_NAME_ALTS = "|".join(f"(?:{src})" for src, _ in INSTRUMENT_KINDS)
_NAME_CLASSIFIERS = tuple((re.compile(src, re.IGNORECASE), kind) for src, kind in INSTRUMENT_KINDS)

# Instrument name: not glued to a preceding word, URL path or e-mail. Every name starts with
# P, U, S, K or I: the lookahead lets the scan skip other positions without trying the forty
# alternatives (about twice as fast, same matches). Keep it in step with INSTRUMENT_KINDS.
_NAME = rf"(?<![\w@/.\-])(?=[PUSKI])(?P<name>{_NAME_ALTS})(?![\w\-@])"
# Words that end a qualifier: the "Nomor" keyword, article pointers, another instrument.
_STOP = rf"(?:Nomor|Nomer|Nmr|No|Pasal|Ayat|Huruf|Angka|Tahun|Tentang|{_NAME_ALTS})(?![\w])"
# An issuer or alias between the name and "Nomor": "MenPANRB", "Menteri PANRB",
# "Bupati Kukar", "(UU)", "RI", "ASN", a list of signatories.
_QUAL_TOKEN = rf"(?:(?!{_STOP})(?-i:[A-Z][\w\-]*)(?![\w\-])|\([^()\n]{{1,60}}\)|dan|serta|&|,|\d{{1,2}}(?=\s+(?-i:[A-Z])))"
_QUAL_NUMBERED = rf"(?:\s*{_QUAL_TOKEN}){{0,30}}"
# Without "Nomor" only short aliases may stand between name and number
# ("UU ASN 20/2023", "UU Pilkada 10/2016", "PP (Peraturan Pemerintah) 94/2021").
_QUAL_BARE = (
    rf"(?:\s*(?:(?!{_STOP})(?-i:[A-Z]{{2,}}|Pemilu|Pilkada|Desa|Pemda|Republik|Indonesia|Cipta\s+Kerja)(?![\w\-])"
    rf"|\([^()\n]{{1,60}}\))){{0,4}}"
)
_NOMOR = r"(?:Nomor|Nomer|Nmr\.?|No\.?)(?![\w])\s*:?\s*"
# A number as written: alphanumerics joined by . / -, with at least one digit,
# ending in an alphanumeric character.
_NUMBER = r"(?P<number>(?=[A-Za-z./\-]*\d)[A-Za-z0-9](?:[A-Za-z0-9./\-]*[A-Za-z0-9])?)"
_TAHUN = r"(?:Tahun|Thn\.?|Th\.?)"
_YEAR_WORD = rf"(?:\s*,?\s*{_TAHUN}\s*(?P<year>\d{{4}}))"
_END = r"(?![\w])"

_REF_RE = re.compile(
    rf"{_NAME}(?:"
    rf"{_QUAL_NUMBERED}\s*{_NOMOR}{_NUMBER}{_YEAR_WORD}?"
    rf"|{_QUAL_BARE}\s+(?P<bnumber>\d{{1,4}})(?:/(?P<byear_slash>\d{{4}})|\s*{_TAHUN}\s*(?P<byear_word>\d{{4}})){_END}"
    r")",
    re.IGNORECASE,
)
# "... dan Nomor 10 Tahun 2016": a further number of the same instrument.
_CONTINUATION_RE = re.compile(
    rf"\s*(?:,|;)?\s*(?:dan|serta|juncto|jo\.?|sebagaimana\s+(?:telah\s+)?diubah\s+(?:dengan|oleh))?\s*"
    rf"(?P<start>){_NOMOR}{_NUMBER}{_YEAR_WORD}?",
    re.IGNORECASE,
)
_SPLIT_YEAR_RE = re.compile(r"^(?P<number>\d{1,4})/(?P<year>(?:19|20)\d{2})$")
_TOKEN_RE = re.compile(r"\S+")
_URLISH_RE = re.compile(r"@|://|^\W*www\.|\.(?:com|id|org|net|info|go\.id|co\.id|ac\.id)(?:[/?#:]|\W*$)", re.IGNORECASE)


def _in_protected(text: str, start: int, end: int) -> bool:
    """Whether a whitespace-delimited token overlapping text[start:end] is a URL, domain or e-mail
    address. Only the tokens around the match are looked at: testing every token of the text
    cost more than the whole reference search (``\\S`` is ``not isspace()``)."""
    a, b = start, end
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and not text[b].isspace():
        b += 1
    return any(t.start() < end and start < t.end() and _URLISH_RE.search(t.group(0))
               for t in _TOKEN_RE.finditer(text, a, b))


def _kind_of(name: str) -> str:
    for pattern, kind in _NAME_CLASSIFIERS:
        if pattern.fullmatch(name):
            return kind
    return "LAINNYA"  # pragma: no cover - every alternative is classified


_TRAILING_YEAR_RE = re.compile(r"^(?P<number>.+)/(?P<year>(?:19|20)\d{2})$")


def _split_number(number: str, year: str | None) -> tuple[str, int | None]:
    """Split "5/2014" into ("5", 2014) when no "Tahun" year is written; a longer number that ends
    in "/YYYY" ("B/71/M.SM.00.00/2017") keeps its whole text and gives that year (guideline 7.11).
    A year elsewhere inside a number ("121/PUU-XXII/2024" does end in one, so it counts) is not read."""
    if year is None:
        m = _SPLIT_YEAR_RE.match(number)
        if m is None:
            t = _TRAILING_YEAR_RE.match(number)
            if t is not None and re.search(r"[A-Za-z]", t.group("number")):
                return number, int(t.group("year"))
        if m:
            return m.group("number"), int(m.group("year"))
        return number, None
    return number, int(year)


def find_legal_refs(text: str) -> list[LegalRefMatch]:
    """Find numbered legal references in a text.

    text (str): The text to search.
    RETURNS (List[LegalRefMatch]): The references, sorted by start offset, not
        overlapping. ``text[m.start:m.end]`` runs from the instrument name to the
        year (or the number when no year is written).

    EXAMPLE:
        >>> find_legal_refs("sesuai UU Nomor 5 tahun 2014 tentang ASN")
        [LegalRefMatch(kind='UU', number='5', year=2014, start=7, end=28)]
    """
    if not isinstance(text, str) or not text:
        return []
    results: list[LegalRefMatch] = []
    for m in _REF_RE.finditer(text):
        if _in_protected(text, m.start(), m.end()):
            continue
        kind = _kind_of(m.group("name"))
        if m.group("number") is not None:
            number, year = _split_number(m.group("number"), m.group("year"))
        else:
            number = m.group("bnumber")
            year = int(m.group("byear_slash") or m.group("byear_word"))
        if year is None and m.group("name").islower() and len(m.group("name")) <= 4:
            # "foto pp no 2": a lower-case abbreviation with neither year nor
            # capitals is more likely slang ("pp" = profile picture).
            continue
        results.append(LegalRefMatch(kind, number, year, m.start(), m.end()))
        # Elliptical lists: "UU Nomor 7 Tahun 2017 dan Nomor 10 Tahun 2016".
        # For a joint decree the further numbers belong to the same instrument.
        if kind == "SKB":
            continue
        pos = m.end()
        while True:
            c = _CONTINUATION_RE.match(text, pos)
            if not c or _in_protected(text, c.start("start"), c.end()):
                break
            if c.end() < len(text) and (text[c.end()].isalnum() or text[c.end()] == "_"):
                break
            number, year = _split_number(c.group("number"), c.group("year"))
            results.append(LegalRefMatch(kind, number, year, c.start("start"), c.end()))
            pos = c.end()
    results.sort(key=lambda r: (r.start, -r.end))
    kept: list[LegalRefMatch] = []
    for r in results:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept
