"""Rule-based detection of the elections a text is about, as contract codes.

Maps mentions such as "Pemilu 2024", "Pilkada Serentak 2020", "Pilgub Sumbar
2024" or "Pilkades serentak 2021" to codes ``TYPE_YEAR`` (``PEMILU_2024``,
``PILKADA_2020``, ``PILKADES_2021``); see ``docs/output-contract.md``
("elections") and ``docs/domain-reference.md`` §8.

Decisions (documented for users of the module):

* ``PEMILU``: Pemilu, Pemilihan Umum, Pilpres, Pileg, Pemilihan Presiden (dan
  Wakil Presiden), Pemilihan Legislatif, Pemilihan Anggota DPR/DPD/DPRD.
  ``PILKADA``: Pilkada, Pemilukada, Pemilihan (Umum) Kepala Daerah, Pilgub,
  Pilbup, Pilwalkot, Pilwakot, Pilwalikota, Pilwako, Pilwali, Pemilihan Gubernur/Bupati/Wali Kota
  (dan Wakil ...), "Pemilihan Serentak". ``PILKADES``: Pilkades, Pemilihan
  Kepala Desa, Pemilihan Wali Nagari, Pemilihan Kuwu, Pemilihan Keuchik,
  Pemilihan Perbekel, Pemilihan Kepala Kampung.
* Up to six words may stand between the name and the year: "Serentak",
  "Tahun"/"thn", a parenthesised alias "(Pilkada)", region names written with
  a capital ("Pilgub Sumbar 2024", "Pemilihan Bupati dan Wakil Bupati Solok
  Tahun 2020"). A region written in lower case ("pilgub sumbar 2024") is not
  bridged; the mention then counts as bare.
* Coordinated names share a year: "Pemilu dan Pilkada 2024" and "Pemilu dan
  Pemilihan Serentak 2024" give both ``PEMILU_2024`` and ``PILKADA_2024``; the
  span of an earlier name runs to the shared year. After a national name a bare
  "Pemilihan" is the Pilkada of the legal usage ("Pemilihan Umum dan Pemilihan
  2024"). Listed years give one code each: "Pemilu 2019 dan 2024".
* "Pemilihan Serentak YEAR" is ``PILKADA`` unless the year had no regional
  elections but a national one (2004, 2009, 2014, 2019): then ``PEMILU``.
* Years are four digits from 1999 to 2029, kept as written (a misprinted
  "Pemilu 2023" gives ``PEMILU_2023``). A name with an out-of-range year gives
  nothing. Two-digit years count only with an apostrophe ("Pemilu '24");
  "pilkada 24" is ambiguous ("pilkada 24 kabupaten") and is bare. A year glued
  to the name counts ("#Pemilu2024").
* Bare names (no year) use ``reference_year`` when it is plausible: a
  national name in year Y gives the general election of Y or Y+1 if there is one
  (2018/2019 → ``PEMILU_2019``, 2023/2024 → ``PEMILU_2024``); a regional name
  gives ``PILKADA_Y`` only when Y was a Pilkada year (2015, 2017, 2018, 2020,
  2024); a village name never does (dates vary by kabupaten). Otherwise the
  bare mention gives no match.
* Student and other non-state elections give nothing: "pemilu raya (mahasiswa)",
  "Pemira", "pemilihan ketua RT", "pemilihan putri pariwisata", "pemilihan
  rektor" (none of them is a name above).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..labels import ELECTION_TYPES

__all__ = ["ElectionMatch", "find_elections", "elections_in", "PEMILU_YEARS", "PILKADA_YEARS"]

#: Years of national general elections (for bare "pemilu" with a reference year).
PEMILU_YEARS: tuple[int, ...] = (2004, 2009, 2014, 2019, 2024, 2029)
#: Years of simultaneous regional elections.
PILKADA_YEARS: tuple[int, ...] = (2015, 2017, 2018, 2020, 2024)
MIN_YEAR, MAX_YEAR = 1999, 2029


@dataclass(frozen=True)
class ElectionMatch:
    """An election mention resolved to a contract code.

    code (str): ``TYPE_YEAR`` (``"PEMILU_2024"``).
    start (int): Character offset of the first character (the election name).
    end (int): Character offset after the last character (the year, or the
        name for a bare mention resolved by the reference year).
    """

    code: str
    start: int
    end: int


_WAKIL = r"(?:\s+dan\s+Wakil\s+(?:Presiden|Gubernur|Bupati|Wali\s*kota|Kepala\s+Daerah))?"
# (regex, type). "SERENTAK" is resolved by year; "CHAIN" (bare "Pemilihan") only follows another name.
_NAMES: tuple[tuple[str, str], ...] = (
    (r"Pemilihan\s+Umum\s+Kepala\s+Daerah" + _WAKIL, "PILKADA"),
    (r"Pemilihan\s+Umum(?!\s+Raya)", "PEMILU"),
    (r"Pemilukada", "PILKADA"),
    (r"Pemilu(?!\s+Raya)", "PEMILU"),
    (r"Pilpres|Pileg", "PEMILU"),
    (r"Pemilihan\s+Presiden" + _WAKIL, "PEMILU"),
    (r"Pemilihan\s+(?:Umum\s+)?(?:Anggota\s+)?Legislatif", "PEMILU"),
    (r"Pemilihan\s+Anggota\s+(?:DPR|DPD|DPRD)(?![\w])", "PEMILU"),
    (r"Pilkada", "PILKADA"),
    (r"Pemilihan\s+Kepala\s+Daerah" + _WAKIL, "PILKADA"),
    (r"Pilgub|Pilbup|Pilwalkot|Pilwakot|Pilwalikota|Pilwako|Pilwali|Pilbub", "PILKADA"),
    (r"Pemilihan\s+(?:Gubernur|Bupati|Wali\s*kota)" + _WAKIL, "PILKADA"),
    (r"Pemilihan\s+Serentak", "SERENTAK"),
    (r"Pilkades", "PILKADES"),
    (r"Pemilihan\s+(?:Kepala\s+Desa|Wali\s+Nagari|Kuwu|Keuchik|Perbekel|Kepala\s+Kampung)", "PILKADES"),
    (r"Pemilihan", "CHAIN"),
)
assert all(t in ELECTION_TYPES or t in ("SERENTAK", "CHAIN") for _, t in _NAMES)

_NAME_ANY = "|".join(f"(?:{src})" for src, _ in _NAMES)
_NAME_FIRST = "|".join(f"(?:{src})" for src, t in _NAMES if t != "CHAIN")
_NAME_END = r"(?![A-Za-z_])"
_NAME_RE = re.compile(rf"(?<![\w])(?:{_NAME_ANY}){_NAME_END}", re.IGNORECASE)
_CLASSIFIERS = tuple((re.compile(src, re.IGNORECASE), t) for src, t in _NAMES)

_SEP = r"\s*(?:,\s*(?:dan|serta)?|dan|serta|&|maupun|atau|/)\s*"
_FILLER = (
    r"(?:serentak|lanjutan|susulan|ulang|nasional|tahun|thn\.?|th\.?|gelombang|tahap|putaran|pertama|kedua|"
    r"provinsi|kabupaten|kota|kab\.|langsung"
    r"|(?-i:[A-Z][\w.\-/]*)|\([^()\n]{1,40}\))"
)
_YEAR = r"(?:\d{4}|[’']\d{2})(?![\w])"
_CHAIN_RE = re.compile(
    rf"(?<![\w])(?P<names>(?:{_NAME_FIRST}){_NAME_END}(?:{_SEP}(?:{_NAME_ANY}){_NAME_END})*)"
    rf"(?:(?:\s+{_FILLER}){{0,6}}\s*(?P<year>{_YEAR})(?P<more>(?:{_SEP}{_YEAR})*))?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(_YEAR)


def _type_of(name: str) -> str:
    for pattern, kind in _CLASSIFIERS:
        if pattern.fullmatch(name):
            return kind
    return "CHAIN"  # pragma: no cover


def _year_value(token: str) -> int | None:
    value = int(token[1:]) + 2000 if token[0] in "'’" else int(token)
    return value if MIN_YEAR <= value <= MAX_YEAR else None


def _resolve_type(kind: str, year: int) -> str:
    if kind == "SERENTAK":
        return "PEMILU" if year in PEMILU_YEARS and year not in PILKADA_YEARS else "PILKADA"
    if kind == "CHAIN":
        return "PILKADA"
    return kind


def _bare_code(kind: str, reference_year: int | None) -> str | None:
    if reference_year is None or not (MIN_YEAR <= reference_year <= MAX_YEAR):
        return None
    if kind == "PEMILU":
        for year in PEMILU_YEARS:
            if 0 <= year - reference_year <= 1:
                return f"PEMILU_{year}"
        return None
    if kind in ("PILKADA", "SERENTAK") and reference_year in PILKADA_YEARS:
        return f"PILKADA_{reference_year}"
    return None


def find_elections(text: str, reference_year: int | None = None) -> list[ElectionMatch]:
    """Find election mentions and resolve them to contract codes.

    text (str): The text to search.
    reference_year (Optional[int]): The year the text was written, used for
        bare mentions ("pemilu" without a year); see the module docstring.
    RETURNS (List[ElectionMatch]): Matches sorted by start offset. Spans of
        coordinated names may overlap ("Pemilu dan Pilkada 2024" gives
        ``PEMILU_2024`` over the whole phrase and ``PILKADA_2024`` over
        "Pilkada 2024").

    EXAMPLE:
        >>> find_elections("menjelang Pemilihan Umum (Pemilu) 2024")
        [ElectionMatch(code='PEMILU_2024', start=10, end=38)]
    """
    if not isinstance(text, str) or not text:
        return []
    out: list[ElectionMatch] = []
    for m in _CHAIN_RE.finditer(text):
        names = list(_NAME_RE.finditer(text, m.start("names"), m.end("names")))
        if m.group("year") is not None:
            years = [(m.start("year"), m.end("year"), _year_value(m.group("year")))]
            if m.group("more"):
                base = m.start("more")
                years += [
                    (base + y.start(), base + y.end(), _year_value(y.group(0)))
                    for y in _YEAR_RE.finditer(m.group("more"))
                ]
            for n in names:
                kind = _type_of(n.group(0))
                for _, y_end, year in years:
                    if year is not None:
                        out.append(ElectionMatch(f"{_resolve_type(kind, year)}_{year}", n.start(), y_end))
        else:
            for n in names:
                kind = _type_of(n.group(0))
                if kind == "CHAIN":
                    continue
                code = _bare_code(kind, reference_year)
                if code:
                    out.append(ElectionMatch(code, n.start(), n.end()))
    out.sort(key=lambda e: (e.start, e.end, e.code))
    return out


def elections_in(text: str, reference_year: int | None = None) -> list[str]:
    """List the election codes of a text, once each, in order of first mention.

    text (str): The text to search.
    reference_year (Optional[int]): See :func:`find_elections`.
    RETURNS (List[str]): Codes such as ``["PEMILU_2024", "PILKADA_2024"]``.
    """
    seen: dict[str, None] = {}
    for match in find_elections(text, reference_year):
        seen.setdefault(match.code, None)
    return list(seen)
