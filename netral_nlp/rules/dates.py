"""Rule-based detection and resolution of dates in Indonesian news text.

Finds the date forms that Indonesian news and posts use and resolves them to
``datetime.date``:

* the news dateline form "Senin (15/5/2023)", "Rabu (9/12/2020) malam", "(21/11)",
  and a post's "jumat 30/8" (a weekday before a bare day/month);
* written dates "15 Mei 2023", "Kamis, 21 November 2024", "27 Nov 2024",
  "15 Mei", "pada 3 Oktober lalu" (with Indonesian and English month names and
  abbreviations: Jan, Feb, Mar, Apr, Mei, Jun, Jul, Agu/Agt/Ags, Sep/Sept, Okt,
  Nov/Nop, Des);
* numeric dates "21/11/2024", "21-11-2024", "21.11.2024" (day first) and ISO
  "2024-11-21" (also inside "2024-01-22T10:53:31Z");
* day ranges "27–29 Agustus 2024" and expressions relative to the date stated
  before ("pada hari yang sama", "keesokan harinya", "sehari sebelumnya");
* relative expressions against a reference date: "hari ini", "kemarin",
  "kemarin lusa", "besok", "lusa", "Senin lalu"/"Senin kemarin" (the most recent
  Monday strictly before the reference), "Senin depan"/"Senin mendatang",
  "Kamis pekan lalu"/"Kamis minggu lalu" (the Thursday of the week, Monday to
  Sunday, before the reference's) and "Kamis pekan depan".

Decisions (documented for users of the module):

* Regexes find the candidates and plain ``datetime`` arithmetic resolves them.
  dateparser (``languages=["id"]``) was measured on the same candidates: about
  1 ms a call after a 100 ms first load, and it fails on "3 Ags 2024",
  "Senin lalu", "3 Oktober lalu" and year-less "15 Mei"; it is used only as a
  cached fallback by :func:`parse_date` for strings the rules do not cover
  ("2 hari lalu").
* A candidate that has the form of a date but is not one ("31/2/2024") gives a
  match with ``date=None``; nothing raises.
* A year-less date ("15 Mei", "(21/11)") takes the reference's year, unless
  that puts it more than 180 days from the reference and the previous or next
  year puts it within 90 days (so "(30/12)" against 2 Jan 2024 is 2023-12-30);
  with "lalu" ("3 Oktober lalu") it is the latest such date not after the
  reference. Without a reference the match is kept with ``date=None``;
  so are relative expressions.
* Month and year only ("Agustus 2024"), "pekan lalu", "bulan lalu" and bare
  weekdays ("pada Senin") give no match: they fix no day. "Minggu lalu" is
  skipped too: in lower case it means "last week".
* "kemarin" after a period noun ("pemilu kemarin", "tahun kemarin") means "the
  last one", not yesterday, and gives no match; so does "kemarin" right after a
  date ("Minggu 21 Jan kemarin"), which only says that the date is a recent one.
* A weekday written with a date ("Senin (15/5/2023)") is part of the span but
  does not change the date, even when it disagrees with it.
* A range of days in one month ("27–29 Agustus 2024", "27 hingga 29 Agustus")
  is one match dated by its first day: a registration or campaign period is
  reported as the day it opened.
* "pada hari yang sama", "pada hari itu", "keesokan harinya", "sehari
  sebelumnya", "dua hari kemudian" are resolved against the date last stated
  before them in the text (``date=None`` when there is none).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["DateMatch", "find_dates", "parse_date", "find_dateline_date", "MONTHS", "WEEKDAYS"]


@dataclass(frozen=True)
class DateMatch:
    """A date expression found in a text.

    start (int): Character offset of the first character.
    end (int): Character offset after the last character (end exclusive).
    date (Optional[datetime.date]): The resolved date, or ``None`` when the
        expression cannot be resolved (invalid, or year-less/relative with no
        reference).
    text (str): ``text[start:end]``.
    """

    start: int
    end: int
    date: _dt.date | None
    text: str


#: Month names and abbreviations (Indonesian, old spellings, English) → month number.
MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agust": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}

#: Weekday names → ``date.weekday()`` (Monday is 0).
WEEKDAYS: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}

_WD = r"(?:Senin|Selasa|Rabu|Kamis|Jum[’']?at|Sabtu|Minggu|Ahad)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_LEFT = r"(?<![\w/.\-])"

# Every alternative below starts at "(" or, after a non-word character, with a digit, a weekday or
# the first word of a relative expression. Checking that first (one lookahead) lets the engine skip
# most positions without trying the eight alternatives: the scan takes half the time or less and
# finds the same matches. Keep the words in step with the alternatives.
_DATE_START = (rf"(?=\(|(?<![\w])(?:\d|{_WD}|kemarin|hari|besok|lusa|"
               r"pada|di|keesokan|se|satu|dua|tiga))")

_DATE_RE = re.compile(
    _DATE_START + "(?:" + "|".join(
        [
            # Relative weekday: "Senin lalu", "Kamis kemarin", "Jumat depan", "Kamis pekan lalu" (not
            # "Minggu": "minggu lalu" = last week).
            rf"(?<![\w])(?P<rwd>(?!Minggu){_WD})\s+(?P<rdir>(?:pekan|minggu)\s+(?:lalu|kemarin|depan)|yang\s+lalu|lalu|kemarin|depan|mendatang)(?![\w])",
            # Dateline: "Senin (15/5/2023)", "(21/11)".
            rf"(?:(?<![\w])(?P<pwd>{_WD})\s*,?\s*)?\(\s*(?P<pd>\d{{1,2}})\s*/\s*(?P<pm>\d{{1,2}})"
            rf"(?:\s*/\s*(?P<py>\d{{4}}|\d{{2}}))?\s*\)",
            # Written: "Kamis, 21 November 2024", "15 Mei", "3 Oktober lalu", "27 Nov. 2024"; a range of
            # days in one month, "27–29 Agustus 2024", "27 hingga 29 Agustus", is dated by its first day.
            rf"(?:(?<![\w])(?P<twd>{_WD})\s*,?\s+)?{_LEFT}"
            rf"(?:(?P<gd>\d{{1,2}})\s*(?:[–—-]|\s(?:hingga|sampai|s\.?\s?d\.?|sd)\s)\s*)?(?P<td>\d{{1,2}})\s+"
            rf"(?P<tm>{_MONTH})(?![\w])\.?(?:\s*,?\s+(?P<ty>\d{{4}})(?![\w]))?(?:\s+(?P<tlalu>yang\s+lalu|lalu)(?![\w]))?",
            # Weekday and day/month without brackets, as posts write it: "jumat 30/8", "Kamis 29/8".
            rf"(?<![\w])(?P<bwd>{_WD})\s*,?\s+(?P<bd>\d{{1,2}})/(?P<bm>\d{{1,2}})(?![\w/]|[.,]\d)",
            # ISO: "2024-11-21", "2024-01-22T10:53:31Z".
            rf"{_LEFT}(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?=T\d|(?![\w/\-]|\.\d))",
            # Numeric, day first: "21/11/2024", "21-11-2024", "21.11.2024".
            rf"(?:(?<![\w])(?P<nwd>{_WD})\s*,?\s+)?{_LEFT}(?P<nd>\d{{1,2}})(?P<sep>[-/.])(?P<nm>\d{{1,2}})(?P=sep)"
            rf"(?P<ny>\d{{4}})(?![\w/\-]|[.,]\d)",
            # Relative words.
            r"(?<![\w])(?P<rel>kemarin\s+lusa|kemarin|hari\s+ini|besok|lusa)(?![\w])",
            # Relative to the date last stated: "pada hari yang sama", "keesokan harinya", "sehari sebelumnya".
            r"(?<![\w])(?P<ana>(?:pada|di)\s+hari\s+(?:yang\s+sama|itu)|hari\s+itu\s+juga|keesokan\s+harinya|"
            r"(?:se|satu\s+)hari\s+(?:sebelumnya|setelahnya|sesudahnya|kemudian)|"
            r"(?:dua|tiga|2|3)\s+hari\s+(?:sebelumnya|setelahnya|sesudahnya|kemudian))(?![\w])",
        ]
    ) + ")",
    re.IGNORECASE,
)

_RELATIVE_DAYS = {"kemarin lusa": -2, "kemarin": -1, "hari ini": 0, "besok": 1, "lusa": 2}
_COUNT = {"se": 1, "satu": 1, "dua": 2, "2": 2, "tiga": 3, "3": 3}


def _anaphoric_offset(phrase: str) -> int:
    """Days from the date last stated: "keesokan harinya" +1, "dua hari sebelumnya" -2, "hari yang sama" 0."""
    p = re.sub(r"\s+", " ", phrase.casefold())
    if "keesokan" in p:
        return 1
    m = re.match(r"(se|satu|dua|tiga|2|3) ?hari (\w+)", p)
    if m:
        n = _COUNT[m.group(1)]
        return -n if m.group(2) == "sebelumnya" else n
    return 0


# "pemilu kemarin" = the last election, "tahun kemarin" = last year: not yesterday.
_PERIOD_BEFORE_KEMARIN = re.compile(
    r"(?:tahun|bulan|minggu|pekan|pemilu|pilkada|pilpres|pileg|pilkades|periode|masa|musim|lebaran|natal|kali|"
    r"semester|triwulan|kuartal|tempo|waktu|saat)\s*$",
    re.IGNORECASE,
)


def _period_before(text: str, pos: int) -> bool:
    """Whether a period noun ends right before ``pos`` (only whitespace between): searched in a short
    window, not in the whole text before it (the nouns are at most 8 letters; ``\\s`` is ``isspace``)."""
    ws = pos
    while ws > 0 and text[ws - 1].isspace():
        ws -= 1
    return _PERIOD_BEFORE_KEMARIN.search(text, max(0, ws - 16), pos) is not None


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _yearless(month: int, day: int, reference: _dt.date | None, past: bool = False) -> _dt.date | None:
    """Resolve a year-less day and month against a reference date."""
    if reference is None:
        return None
    candidates = [d for y in (reference.year - 1, reference.year, reference.year + 1) if (d := _safe_date(y, month, day))]
    if past:
        candidates = [d for d in candidates if d <= reference]
        return max(candidates) if candidates else None
    same_year = _safe_date(reference.year, month, day)
    if same_year is not None and abs((same_year - reference).days) <= 180:
        return same_year
    near = [d for d in candidates if abs((d - reference).days) <= 90]
    if near:
        return min(near, key=lambda d: abs((d - reference).days))
    return same_year


def _weekday_relative(weekday: int, direction: str, reference: _dt.date | None) -> _dt.date | None:
    if reference is None:
        return None
    if direction.startswith(("pekan", "minggu")):
        # "Kamis pekan lalu": that weekday of the week (Monday to Sunday) before the reference's week
        weeks = 1 if direction.endswith("depan") else -1
        return reference - _dt.timedelta(days=reference.weekday()) + _dt.timedelta(days=7 * weeks + weekday)
    if direction in ("depan", "mendatang"):
        delta = (weekday - reference.weekday()) % 7 or 7
        return reference + _dt.timedelta(days=delta)
    delta = (reference.weekday() - weekday) % 7 or 7
    return reference - _dt.timedelta(days=delta)


def _resolve(m: re.Match, reference: _dt.date | None) -> _dt.date | None:
    g = m.group
    if g("rwd"):
        wd = WEEKDAYS[g("rwd").casefold().replace("’", "'").replace("jum'at", "jumat")]
        return _weekday_relative(wd, re.sub(r"\s+", " ", g("rdir").casefold()).replace("yang lalu", "lalu"), reference)
    if g("pd"):
        day, month = int(g("pd")), int(g("pm"))
        if g("py"):
            year = int(g("py"))
            if len(g("py")) == 2:
                year += 2000
            return _safe_date(year, month, day)
        return _yearless(month, day, reference)
    if g("td"):
        day, month = int(g("td")), MONTHS[g("tm").casefold()]
        if g("gd"):
            if int(g("gd")) > day:  # "30–2 Oktober" is no range within one month
                return None
            day = int(g("gd"))
        if g("ty"):
            return _safe_date(int(g("ty")), month, day)
        return _yearless(month, day, reference, past=bool(g("tlalu")))
    if g("bd"):
        return _yearless(int(g("bm")), int(g("bd")), reference)
    if g("iy"):
        return _safe_date(int(g("iy")), int(g("im")), int(g("id")))
    if g("nd"):
        return _safe_date(int(g("ny")), int(g("nm")), int(g("nd")))
    if g("rel"):
        if reference is None:
            return None
        return reference + _dt.timedelta(days=_RELATIVE_DAYS[re.sub(r"\s+", " ", g("rel").casefold())])
    return None  # pragma: no cover


def find_dates(text: str, reference: _dt.date | None = None) -> list[DateMatch]:
    """Find date expressions in a text and resolve them.

    text (str): The text to search.
    reference (Optional[datetime.date]): The date the text was written (its
        publication date), used for year-less and relative expressions. A
        ``datetime.datetime`` is accepted and reduced to its date.
    RETURNS (List[DateMatch]): Matches in text order, not overlapping. A match
        whose date cannot be resolved has ``date=None``.

    EXAMPLE:
        >>> find_dates("apel pagi, Senin (15/5/2023) di Lapangan")[0].date
        datetime.date(2023, 5, 15)
    """
    if not isinstance(text, str) or not text:
        return []
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    return list(_iter_dates(text, reference))


def _iter_dates(text: str, reference: _dt.date | None):
    """The matches of :func:`find_dates`, one at a time (the dateline search stops at the first)."""
    last: _dt.date | None = None  # the date last stated, for "pada hari yang sama"
    prev_end = -1  # where the previous match ended
    for m in _DATE_RE.finditer(text):
        if m.group("rel") and m.group("rel").casefold() == "kemarin" and (
                _period_before(text, m.start())
                # "Minggu 21 Jan kemarin", "Sabtu (12/10) kemarin": the word qualifies the date just
                # written ("the recent one"); it is not a second date, yesterday.
                or (prev_end >= 0 and not text[prev_end:m.start()].strip(" ,"))):
            continue
        prev_end = m.end()
        try:
            if m.group("ana"):
                resolved = last + _dt.timedelta(days=_anaphoric_offset(m.group("ana"))) if last else None
            else:
                resolved = _resolve(m, reference)
        except (OverflowError, ValueError):  # a reference at the edge of the calendar
            resolved = None
        if resolved is not None:
            last = resolved
        yield DateMatch(m.start(), m.end(), resolved, m.group(0))


_SETTINGS_BASE = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}


@lru_cache(maxsize=4096)
def _dateparser_parse(s: str, reference: _dt.date | None) -> _dt.date | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = dict(_SETTINGS_BASE)
    settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    if reference is not None:
        settings["RELATIVE_BASE"] = _dt.datetime(reference.year, reference.month, reference.day)
    try:
        result = dateparser.parse(s, languages=["id"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return result.date() if result is not None else None


def parse_date(s: str, reference: _dt.date | None = None) -> _dt.date | None:
    """Parse one date expression.

    s (str): The expression ("15 Mei 2023", "Senin (15/5/2023)", "kemarin",
        "2 hari lalu").
    reference (Optional[datetime.date]): Reference for year-less and relative
        expressions.
    RETURNS (Optional[datetime.date]): The date, or ``None`` when ``s`` is not a
        valid date. Never raises on bad input.
    """
    if not isinstance(s, str):
        return None
    stripped = s.strip().strip(".,;:")
    if not stripped:
        return None
    if isinstance(reference, _dt.datetime):
        reference = reference.date()
    matches = find_dates(stripped, reference)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(stripped):
        return matches[0].date
    dated = [m.date for m in matches if m.date is not None]
    if dated:
        return dated[0]
    if matches:
        return None
    if reference is None and not re.search(r"\d{4}", stripped):
        # A relative expression with no reference would resolve against today.
        return None
    if len(stripped) > 100:
        return None
    return _dateparser_parse(stripped, reference)


_HEADER_LINES = 8
_HEADER_LINE_MAX = 120
_LEAD_CHARS = 1200


def find_dateline_date(text: str) -> _dt.date | None:
    """Find the publication date that an article's header or dateline states.

    Looks first at short lines among the first non-empty lines ("Kamis, 21
    November 2024 | 10:15 WIB", "Last Updated 2024-01-22T10:53:31Z"), then at the
    first date with a written year in the lead ("Kab.Solok,Andalaspos – ... pada
    Kamis (21/11/2024)").

    text (str): The article text.
    RETURNS (Optional[datetime.date]): The date, or ``None`` when the first lines
        state no full date.
    """
    if not isinstance(text, str) or not text:
        return None
    lines = [ln for ln in text[: _LEAD_CHARS * 2].splitlines() if ln.strip()][:_HEADER_LINES]
    for line in lines:
        # without a reference only a date written with digits resolves: a line without any is skipped
        if len(line.strip()) <= _HEADER_LINE_MAX and _DIGIT.search(line):
            found = _first_resolved(line)
            if found is not None:
                return found
    # No header date: the day a source spoke to the reporter ("ujarnya saat dihubungi, Selasa
    # (8/10/2024)") is when the story was written, later than the events of its lead.
    stated = [d for m in _STATEMENT_DATE.finditer(text) if (d := _first_resolved(m.group("date"))) is not None]
    if stated:
        return max(stated)
    return _first_resolved(text[:_LEAD_CHARS])


#: A date written after a speech verb in the same clause: the day of the statement.
_STATEMENT_DATE = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|terang|tegas|imbuh|tambah|pungkas|papar|sebut|katanya)(?:nya)?\b"
    r"[^.!?\"“”\n]{0,80}?,\s*(?P<date>(?:(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s*,?\s*)?"
    r"\(?\d{1,2}(?:/\d{1,2}/\d{4}|\s+[A-Z][a-z]+\s+\d{4})\)?)", re.I)


_DIGIT = re.compile(r"\d")


def _first_resolved(text: str) -> _dt.date | None:
    """The first date of ``text`` that resolves without a reference (the rest is not searched)."""
    return next((m.date for m in _iter_dates(text, None) if m.date is not None), None)
