"""Clean scraped news pages and social-media posts, keeping an exact offset map to the input.

``clean(raw)`` turns a scraped page (plain text or HTML) into the article text that the rest of
netral_nlp annotates: lines stripped, paragraphs separated by exactly one blank line, a single line
break inside a paragraph kept as one "\\n" (verse, lists, social-media posts), with the
boilerplate of domain-reference section 9 removed (ad slots, "Baca Juga" inserts, share widgets,
follow prompts, comment forms, bylines, copyright lines, duplicated captions, closing marks such
as "(**)" or "(ygo/vry)").  Removal only ever takes whole lines, bounded blocks of lines, or a
closing mark at the very end of the last paragraph, so no sentence of the body is touched beyond
whitespace and Unicode normalisation (NFC, mojibake repair with ftfy, odd spaces).

Every character of the cleaned text maps back to the character of the input it came from, or to
the input range it was produced from (an HTML entity, a mojibake sequence, a run of spaces, the
markup or line breaks that became a paragraph break): see :meth:`CleanText.to_original` and
:meth:`CleanText.from_original`.

HTML is read with the standard library's ``html.parser`` (the parser behind BeautifulSoup's
"html.parser" backend), walked directly: BeautifulSoup's tree records where tags start but not
where its strings come from, and the offset map needs the source range of every text character.

Implementation notes: each stage rewrites the current string through a sorted list of edits found
with compiled regexes; the offset map is a list of *pieces* (runs of cleaned characters with the
input range they come from), composed stage after stage, so the cost is linear in the number of
edits and lines, not in the number of characters handled in Python.
"""
from __future__ import annotations

import html as _html
import operator
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html.parser import HTMLParser

from netral_nlp.errors import InputError

__all__ = ["CleanText", "clean", "is_html"]


# --------------------------------------------------------------------------------------------
# Offset map
# --------------------------------------------------------------------------------------------


class _Pieces:
    """Cleaned text as runs (pieces) that each come from one range of the original string.

    Piece ``i`` covers ``text[cs[i]:ce[i]]`` and comes from ``original[os[i]:oe[i]]``.  Pieces
    tile the text without gaps, in increasing order on both sides, and never overlap in the
    original.  A *linear* piece has ``ce - cs == oe - os`` and maps character by character (the
    character may have been replaced one-for-one, e.g. a no-break space by a space); any other
    piece maps each of its characters to the whole original range.
    """

    __slots__ = ("cs", "ce", "os", "oe", "lin")

    def __init__(self):
        self.cs: list[int] = []
        self.ce: list[int] = []
        self.os: list[int] = []
        self.oe: list[int] = []
        self.lin: list[bool] = []

    @classmethod
    def identity(cls, n: int, offset: int = 0) -> "_Pieces":
        p = cls()
        if n:
            p.add(0, n, offset, offset + n, True)
        return p

    def __len__(self) -> int:
        return len(self.cs)

    def add(self, cs: int, ce: int, os_: int, oe: int, lin: bool) -> None:
        if ce <= cs:
            return
        # A piece that overlaps the previous ones in the original (a multi-character piece that
        # a later stage split and re-mapped) is merged with them, so that pieces stay disjoint
        # and ordered in the original; a linear piece keeps its part before the overlap.
        while self.cs and os_ < self.oe[-1]:
            pcs, pos_, poe, plin = self.cs.pop(), self.os.pop(), self.oe.pop(), self.lin.pop()
            self.ce.pop()
            lin = False
            oe = max(oe, poe)
            if plin and os_ > pos_:
                k = os_ - pos_
                self.cs.append(pcs)
                self.ce.append(pcs + k)
                self.os.append(pos_)
                self.oe.append(os_)
                self.lin.append(True)
                cs = pcs + k
                break
            cs = pcs
            os_ = min(os_, pos_)
        if lin and self.cs and self.lin[-1] and self.ce[-1] == cs and self.oe[-1] == os_:
            self.ce[-1] = ce
            self.oe[-1] = oe
            return
        self.cs.append(cs)
        self.ce.append(ce)
        self.os.append(os_)
        self.oe.append(oe)
        self.lin.append(lin)

    # -- queries in cleaned coordinates ------------------------------------------------------

    def orig_start(self, c: int) -> int:
        """Original start of the cleaned character at ``c``."""
        i = bisect_right(self.cs, c) - 1
        if self.lin[i]:
            return self.os[i] + (c - self.cs[i])
        return self.os[i]

    def orig_end(self, c: int) -> int:
        """Original end of the cleaned character at ``c``."""
        i = bisect_right(self.cs, c) - 1
        if self.lin[i]:
            return self.os[i] + (c - self.cs[i]) + 1
        return self.oe[i]

    def orig_range(self, start: int, end: int) -> tuple[int, int]:
        if start >= end:
            p = self.orig_point(start)
            return (p, p)
        return (self.orig_start(start), self.orig_end(end - 1))

    def orig_point(self, c: int) -> int:
        if not self.cs:
            return 0
        if c >= self.ce[-1]:
            return self.oe[-1]
        return self.orig_start(c)

    # -- queries in original coordinates -----------------------------------------------------

    def from_orig(self, start: int, end: int) -> tuple[int, int] | None:
        if not self.cs:
            return None
        if start >= end:
            i = bisect_right(self.os, start) - 1
            if i >= 0 and self.lin[i] and self.os[i] <= start <= self.oe[i]:
                return (self.cs[i] + start - self.os[i],) * 2
            return None
        first = bisect_right(self.oe, start)  # first piece ending after start
        last = bisect_left(self.os, end) - 1  # last piece starting before end
        if first >= len(self.cs) or last < first:
            return None
        cs = self.cs[first] + (max(0, start - self.os[first]) if self.lin[first] else 0)
        if self.lin[last]:
            ce = self.cs[last] + (min(end, self.oe[last]) - self.os[last])
        else:
            ce = self.ce[last]
        return (cs, ce)

    # -- composition -------------------------------------------------------------------------

    def copy_into(self, out: "_Pieces", x: int, y: int, shift: int) -> None:
        """Append the pieces covering ``[x, y)`` of this text to ``out``, moved by ``shift``."""
        if x >= y:
            return
        i = bisect_right(self.cs, x) - 1
        cs, ce, os_, oe, lin = self.cs, self.ce, self.os, self.oe, self.lin
        n = len(cs)
        while i < n and cs[i] < y:
            a = max(cs[i], x)
            b = min(ce[i], y)
            if lin[i]:
                out.add(a + shift, b + shift, os_[i] + a - cs[i], os_[i] + b - cs[i], True)
            else:
                out.add(a + shift, b + shift, os_[i], oe[i], False)
            i += 1


def _apply(text: str, pieces: _Pieces, edits) -> tuple[str, _Pieces]:
    """Apply sorted, non-overlapping edits ``(a, b, repl[, sa, sb])`` to ``text``.

    ``repl`` replaces ``text[a:b]``; it maps to the original range of ``text[sa:sb]`` (default
    ``a, b``).  A one-for-one replacement (``len(repl) == b - a``, single characters) keeps the
    character-level mapping.
    """
    if not edits:
        return text, pieces
    out_parts: list[str] = []
    out = _Pieces()
    pos = 0
    npos = 0
    for e in edits:
        a, b, repl = e[0], e[1], e[2]
        if a > pos:
            out_parts.append(text[pos:a])
            pieces.copy_into(out, pos, a, npos - pos)
            npos += a - pos
        if repl:
            if len(e) > 3:
                sa, sb = e[3], e[4]
            else:
                sa, sb = a, b
            if sb - sa == 1 and len(repl) == 1:
                o1, o2 = pieces.orig_start(sa), pieces.orig_end(sa)
                out.add(npos, npos + 1, o1, o2, o2 - o1 == 1)
            else:
                o1, o2 = pieces.orig_range(sa, sb)
                out.add(npos, npos + len(repl), o1, o2, False)
            out_parts.append(repl)
            npos += len(repl)
        pos = b
    if pos < len(text):
        out_parts.append(text[pos:])
        pieces.copy_into(out, pos, len(text), npos - pos)
    return "".join(out_parts), out


# --------------------------------------------------------------------------------------------
# Public result
# --------------------------------------------------------------------------------------------


@dataclass
class CleanText:
    """A cleaned text, the input it came from, and the map between them."""

    text: str
    original: str = field(repr=False)
    removed: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    _pieces: _Pieces | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if self._pieces is None:
            if self.text == self.original:
                self._pieces = _Pieces.identity(len(self.text))
            else:
                p = _Pieces()
                p.add(0, len(self.text), 0, len(self.original), False)
                self._pieces = p

    def _check(self, start: int, end: int, n: int, what: str) -> tuple[int, int]:
        try:
            s, e = operator.index(start), operator.index(end)
        except TypeError:
            s, e = -1, -1
        if not 0 <= s <= e <= n:
            raise InputError(
                f"span ({start!r}, {end!r}) is not a valid [start, end) range of the {what} "
                f"(length {n}); use integers with 0 <= start <= end <= len({what})."
            )
        return s, e

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The range of ``original`` that the span ``text[start:end]`` was produced from.

        Characters copied from the input map to themselves; a character produced from several
        input characters (an entity, a mojibake sequence, a run of spaces, a paragraph break)
        maps to all of them.  An empty span maps to an empty range at the matching position.
        """
        start, end = self._check(start, end, len(self.text), "cleaned text")
        return self._pieces.orig_range(start, end)

    def from_original(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of ``text`` holding what survived of ``original[start:end]``, or None.

        None when nothing of the range survived (removed boilerplate, markup, dropped spaces).
        When only part of it survived, the span covers the surviving part.
        """
        start, end = self._check(start, end, len(self.original), "original text")
        return self._pieces.from_orig(start, end)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

_HTML_STRONG = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|article|section|main|header|footer|nav|aside|script|style|noscript|"
    r"h[1-6]|ul|ol|li|table|tr|td|th|tbody|thead|meta|link|img|strong|em|b|i|u|figure|figcaption|"
    r"blockquote|iframe|form|input|button|time|title|pre|code|small|sup|sub|ins|picture|source)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)


def is_html(raw: str) -> bool:
    """True when ``raw`` looks like HTML markup rather than plain text."""
    if not isinstance(raw, str):
        raise InputError(f"is_html() needs a str, got {type(raw).__name__}.")
    head = raw[:200_000]
    if _HTML_STRONG.search(head):
        return True
    n = 0
    for _ in _HTML_TAG.finditer(head):
        n += 1
        if n >= 2:
            return True
    return False


_DROP_TAGS = frozenset(
    "script style noscript nav footer form iframe head title template svg canvas object embed "
    "video audio select button aside dialog map math".split()
)
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen command".split()
)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption "
    "figure footer h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section "
    "summary table tbody td tfoot th thead tr ul caption legend option".split()
)
# Elements that an open one of the same kind closes implicitly (<p>a<p>b, <li>a<li>b).
_AUTO_CLOSE = {
    "p": {"p"},
    "li": {"li"},
    "dt": {"dt", "dd"},
    "dd": {"dt", "dd"},
    "tr": {"tr", "td", "th"},
    "td": {"td", "th"},
    "th": {"td", "th"},
    "option": {"option"},
}
# class/id words of widgets that hold no article text (share bars, related links, ad slots...).
_BOILER_ATTR = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|sharer|social|socmed|related|terkait|baca-?juga|bacajuga|"
    r"advert|adverts|advertisement|advertising|ads|adsbygoogle|ad|ad-slot|iklan|comments?|"
    r"komentar|sidebar|widget|breadcrumbs?|"
    r"newsletter|subscribe|popular|populer|terpopuler|recommend\w*|rekomendasi|navbar|menu|"
    r"pagination|paging|tags|author-box)(?:$|[\s_-])",
    re.I,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS_TRANS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " "})


class _Extractor(HTMLParser):
    """Walk HTML with the stdlib parser, keeping the source range of every text character."""

    def __init__(self, raw: str, widgets: bool = True):
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.widgets = widgets
        self.line_starts = [0]
        self.line_starts.extend(m.end() for m in re.finditer("\n", raw))
        self.parts: list[str] = []
        self.pieces = _Pieces()
        self.n = 0  # length of the text so far
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped)
        self.drop_depth = 0  # number of open dropped elements
        self.drop_start: list[tuple[int, str]] = []
        self.pre = 0
        self.removed: list[tuple[int, int, str]] = []

    # -- helpers ----------------------------------------------------------------------------

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, s: str, o1: int, o2: int, lin: bool) -> None:
        if not s or self.drop_depth:
            return
        self.parts.append(s)
        self.pieces.add(self.n, self.n + len(s), o1, o2, lin)
        self.n += len(s)

    def _break(self, o1: int, o2: int) -> None:
        """A paragraph break produced by the markup at ``[o1, o2)``."""
        if o2 > o1:
            self._emit("\n\n", o1, o2, False)

    def _is_dropped(self, tag: str, attrs) -> bool:
        if tag in _DROP_TAGS:
            return True
        for k, v in attrs:
            if not v:
                if k == "hidden":
                    return True
                continue
            if k in ("class", "id") and self.widgets and _BOILER_ATTR.search(v):
                return True
            if k == "style" and _HIDDEN_STYLE.search(v):
                return True
            if k == "aria-hidden" and v.lower() == "true":
                return True
        return False

    # -- parser callbacks ---------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        start = self._pos()
        text = self.get_starttag_text() or ""
        end = start + len(text)
        self._open(tag, attrs, start, end, void=tag in _VOID_TAGS)

    def handle_startendtag(self, tag, attrs):
        start = self._pos()
        text = self.get_starttag_text() or ""
        end = start + len(text)
        self._open(tag, attrs, start, end, void=True)

    def _open(self, tag, attrs, start, end, void):
        closes = _AUTO_CLOSE.get(tag)
        if closes and self.stack and self.stack[-1][0] in closes:
            self._close_top(start)
        if tag == "br":  # a line break inside the paragraph
            self._emit("\n", start, end, False)
            return
        if void:
            if tag in _BLOCK_TAGS:
                self._break(start, end)
            return
        dropped = self._is_dropped(tag, attrs)
        if tag in _BLOCK_TAGS:
            self._break(start, end)
        if dropped:
            if not self.drop_depth:
                self.drop_start.append((start, tag))
            self.drop_depth += 1
        if tag == "pre":
            self.pre += 1
        self.stack.append((tag, dropped))

    def _close_top(self, end: int) -> None:
        tag, dropped = self.stack.pop()
        if tag == "pre":
            self.pre -= 1
        if dropped:
            self.drop_depth -= 1
            if not self.drop_depth:
                start, t = self.drop_start.pop()
                self.removed.append((start, end, "html:" + (t if t in _DROP_TAGS else "widget")))

    def handle_endtag(self, tag):
        start = self._pos()
        gt = self.raw.find(">", start)
        end = gt + 1 if gt >= 0 else len(self.raw)
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                while len(self.stack) > k + 1:
                    self._close_top(start)
                self._close_top(end)
                break
        else:
            return  # stray end tag
        if tag in _BLOCK_TAGS:
            self._break(start, end)

    def handle_data(self, data):
        if self.drop_depth or not data:
            return
        start = self._pos()
        if self.raw.startswith(data, start):
            s = data if self.pre else data.translate(_WS_TRANS)
            self._emit(s, start, start + len(data), True)
        else:  # should not happen with convert_charrefs=False; map conservatively
            k = self.raw.find(data, start)
            if k < 0:
                return
            s = data if self.pre else data.translate(_WS_TRANS)
            self._emit(s, k, k + len(data), True)

    def _entity(self, src_len: int, decoded: str | None) -> None:
        if self.drop_depth:
            return
        start = self._pos()
        end = start + src_len
        if end < len(self.raw) and self.raw[end] == ";":
            end += 1
        if decoded is None:
            self._emit(self.raw[start:end], start, end, True)
        else:
            self._emit(decoded, start, end, len(decoded) == end - start)

    def handle_entityref(self, name):
        dec = _html.unescape("&" + name + ";")
        self._entity(1 + len(name), None if dec == "&" + name + ";" else dec)

    def handle_charref(self, name):
        self._entity(2 + len(name), _html.unescape("&#" + name + ";"))

    def close_all(self) -> None:
        self.close()
        end = len(self.raw)
        while self.stack:
            self._close_top(end)


def _extract_html(raw: str, widgets: bool = True) -> tuple[str, _Pieces, list[tuple[int, int, str]]]:
    ex = _Extractor(raw, widgets)
    try:
        ex.feed(raw)
        ex.close_all()
    except Exception as e:  # html.parser is lenient; this guards against odd inputs
        raise InputError(f"cannot parse the HTML input ({e}); pass html=False to clean it as text.") from e
    text = "".join(ex.parts)
    if widgets and _longest_line_words(text) < 15:
        # The class/id heuristics may have dropped the article itself (a theme that wraps the
        # body in, say, class="widget"): keep those elements unless that gains nothing.
        text2, pieces2, removed2 = _extract_html(raw, widgets=False)
        if _longest_line_words(text2) > _longest_line_words(text):
            return text2, pieces2, removed2
    return text, ex.pieces, ex.removed


def _longest_line_words(text: str) -> int:
    return max((len(line.split()) for line in text.split("\n")), default=0)


# --------------------------------------------------------------------------------------------
# Unicode and whitespace
# --------------------------------------------------------------------------------------------

# UTF-8 read as cp1252/latin-1: a lead byte char followed by a continuation byte char.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\u0080-\u009f]"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LINE_BREAK_CHARS = "\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85"  # "\r\n" is one line break
_ODD_SPACE_CHARS = "\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_INVISIBLE_CHARS = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u200e\u200f\u2060\ufeff"
# One character class first (with the "\n" of "\r\n" taken along), so that the engine can skip
# to the next such character in C instead of trying three alternatives at every position; the
# kind of each match is looked up afterwards.
_CHARS = re.compile(f"[{_LINE_BREAK_CHARS}{_ODD_SPACE_CHARS}{_INVISIBLE_CHARS}](?:(?<=\r)\n)?")
_LINE_BREAK = re.compile(f"[{_LINE_BREAK_CHARS}]")
_ODD_SPACE = re.compile(f"[{_ODD_SPACE_CHARS}]")
_FTFY_CONFIG = None


def _ftfy(s: str) -> str:
    global _FTFY_CONFIG
    import ftfy

    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            uncurl_quotes=False,
            fix_character_width=False,
            fix_latin_ligatures=False,
            fix_line_breaks=False,
            normalization=None,
            explain=False,
        )
    return ftfy.fix_text(s, _FTFY_CONFIG)


_NON_ASCII_ONLY = re.compile(r"[^\x00-\x7f]+")
_NFC_CHUNK = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


def _seq_edits(a: str, b: str, base: int, edits: list) -> None:
    """Edits turning the stretch ``a`` (at ``base`` in the text) into ``b``, from a character diff."""
    ops = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    k = 0
    while k < len(ops):
        if ops[k][0] == "equal":
            k += 1
            continue
        i1, j1 = ops[k][1], ops[k][3]
        while k < len(ops) and ops[k][0] != "equal":
            i2, j2 = ops[k][2], ops[k][4]
            k += 1
        repl = b[j1:j2]
        if i1 == i2:  # pure insertion: attach it to a neighbouring character
            if i1 > 0:
                i1 -= 1
                repl = a[i1] + repl
            else:
                repl = repl + a[i2]
                i2 += 1
        edits.append((base + i1, base + i2, repl))


def _fix_unicode(text: str, pieces: _Pieces, entities: bool) -> tuple[str, _Pieces]:
    # 1. plain-text HTML entities left by scrapers (&amp; &nbsp; &#8220;)
    if entities and "&" in text:
        edits = []
        for m in _ENTITY.finditer(text):
            dec = _html.unescape(m.group())
            if dec != m.group():
                edits.append((m.start(), m.end(), dec))
        text, pieces = _apply(text, pieces, edits)
    # 2. mojibake (ftfy) on the runs of non-ASCII characters that show UTF-8 read as
    # cp1252/latin-1 (mojibake never touches ASCII, so runs can be fixed one by one)
    if _MOJIBAKE.search(text):
        edits = []
        fixed: dict[str, str] = {}
        for m in _NON_ASCII_ONLY.finditer(text):
            run = m.group()
            new = fixed.get(run)
            if new is None:
                new = fixed[run] = _ftfy(run) if _MOJIBAKE.search(run) else run
            if new != run:
                if len(run) <= 64 and len(new) <= 64:
                    _seq_edits(run, new, m.start(), edits)
                else:
                    edits.append((m.start(), m.end(), new))
        text, pieces = _apply(text, pieces, edits)
    # 2b. NFC, on the short stretches around non-ASCII characters (an ASCII character followed by
    # an ASCII character is never changed by NFC, nor composed with what precedes it)
    if not unicodedata.is_normalized("NFC", text):
        edits = []
        for m in _NFC_CHUNK.finditer(text):
            c = m.group()
            if not unicodedata.is_normalized("NFC", c):
                nc = unicodedata.normalize("NFC", c)
                if len(nc) > 1 and len(c) <= 64 and len(nc) <= 64:
                    _seq_edits(c, nc, m.start(), edits)
                else:
                    edits.append((m.start(), m.end(), nc))
        text, pieces = _apply(text, pieces, edits)
    # 3. line breaks, odd spaces, invisible characters
    edits = []
    for m in _CHARS.finditer(text):
        first = m.group()[0]
        if _LINE_BREAK.match(first):
            edits.append((m.start(), m.end(), "\n"))
        elif _ODD_SPACE.match(first):
            edits.append((m.start(), m.end(), " "))
        else:
            edits.append((m.start(), m.end(), ""))
    return _apply(text, pieces, edits)


# --------------------------------------------------------------------------------------------
# Boilerplate patterns (domain-reference section 9), matched against whole stripped lines
# --------------------------------------------------------------------------------------------

_SEP = r"[\s:|\-\u2013\u2014.,/•·>»]+|$"
_SOCIAL = (
    r"whatsapp|wa|facebook|fb|twitter|x|telegram|line|linkedin|pinterest|e-?mail|messenger|"
    r"reddit|tumblr|threads|instagram|google\s*news|print|cetak|link|tautan|url"
)
_SHARE_WORD = (
    r"share[sd]?(?:\s+(?:on|via|to|this|article|artikel|ke))*|bagikan(?:\s+(?:ke|di|via|artikel|"
    r"berita|ini))*|kirim(?:\s+ke)?|tweet|salin(?:\s+(?:tautan|link|url))?|copy(?:\s+(?:link|url))?"
    r"(?:\s+article)?|(?:link|tautan|url)\s+(?:copied|disalin|tersalin|berhasil\s+disalin)!?|copied!?"
)
_STRONG_SHARE = re.compile(
    r"share|bagikan|whatsapp|facebook|twitter|telegram|linkedin|pinterest|tweet|copy|salin|"
    r"messenger|reddit",
    re.I,
)
_SHARE_LINE = re.compile(
    r"[\s•·|*►▶»\-\u2013]*(?:(?:" + _SHARE_WORD + "|" + _SOCIAL + r"|\d+)(?:" + _SEP + r"))+",
    re.I,
)

_MONTHS = (
    r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:et|ch)?|apr(?:il)?|mei|may|jun(?:i|e)?|"
    r"jul(?:i|y)?|agu(?:stus)?|agt|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|"
    r"nov(?:ember)?|des(?:ember)?|dec(?:ember)?"
)
_DAYS = r"senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_TIME = r"(?:pukul\s*)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:wib|wita|wit|am|pm|utc|gmt(?:\+\d+)?))?"
_DATE = (
    r"(?:(?:" + _DAYS + r")\s*,?\s*)?(?:\d{1,2}\s+(?:" + _MONTHS + r")\.?\s+\d{4}"
    r"|(?:" + _MONTHS + r")\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
    r"(?:\s*[,|\-\u2013/]?\s*" + _TIME + r")?"
)

# Each alternative is matched against the whole stripped line (fullmatch, case-insensitive).
_LINE_PATTERNS: list[tuple[str, str]] = [
    (
        "ad",
        r"(?:banner|iklan|ads?|advert(?:isement)?)[\s_-]*\d{2,4}\s*[x×*]\s*\d{2,4}"
        r"|(?:banner|ads?)[\s_-]*\d{5,8}|\d{2,4}\s?[x×]\s?\d{2,4}"
        r"|advertis(?:e)?ments?|advertisment|iklan(?:\s+(?:vip|atas|bawah|tengah|\d+))?|ads?"
        r"|sponsored(?:\s+content)?|konten\s+bersponsor|space\s+iklan|pasang\s+iklan.{0,80}"
        r"|\[\s*(?:gambas|video|foto|embed|iklan|ads?|advertisement)\b[^\]]{0,100}\]"
        r"|scroll\s+(?:to|untuk|ke\s+bawah\s+untuk)\s+(?:resume|continue|lanjut|melanjutkan)\w*"
        r"(?:\s+(?:with|reading|membaca|baca))?(?:\s+(?:content|konten|artikel|berita))?"
        r"|(?:content|article)\s+continues\s+below|lanjutkan\s+membaca.{0,40}",
    ),
    ("baca_juga", r"(?:baca|simak|lihat|tonton|cek)\s*(?:juga|pula)?\s*:.{1,250}"),
    (
        "share",
        r"(?:\d[\d.,]*\s*[km]?\s*(?:shares?|views?|comments?|komentar|kali\s+dibaca|dibaca|pembaca|"
        r"likes?|suka|dilihat)\s*[|•·,]?\s*)+|dibaca\s+\d[\d.,]*\s*kali"
        r"|(?:reading\s+time|waktu\s+baca|estimasi\s+(?:waktu\s+)?baca|lama\s+baca)\s*:?\s*.{0,30}"
        r"|(?:\d+\s*(?:min(?:ute)?s?|menit)\s+(?:read|baca|membaca))"
        r"|tunggu\s+[\d.,]+\s*detik.{0,60}"
        r"|(?:(?:ukuran\s+)?(?:font|teks|huruf)\s*:?\s*)?(?:a[+\-]?\s*){2,3}"
        r"|(?:ukuran\s+)?(?:font|huruf)\s*:?"
        r"|share\s+copy\s+link.{0,40}",
    ),
    (
        "navigation",
        r"skip\s+to\s+(?:the\s+)?(?:main\s+)?content|(?:lewati|loncat|langsung)\s+ke\s+(?:konten|isi).{0,20}"
        r"|(?:halaman|page|hal\.?)\s*:?\s*\d+(?:(?:\s+|\s*[|,]\s*)\d+)*(?:\s*(?:dari|of)\s*\d+)?"
        r"(?:\s*(?:selanjutnya|berikutnya|next|sebelumnya|previous|semua|all|[»›>]))*"
        r"|(?:halaman|page)\s+(?:selanjutnya|berikutnya|sebelumnya|next|previous|pertama|terakhir)"
        r"|[«‹<]?\s*(?:sebelumnya|selanjutnya|berikutnya|next|prev(?:ious)?|older|newer)"
        r"(?:\s+(?:post|posts|artikel|berita))?\s*[»›>]?"
        r"|load\s+more|muat\s+lebih\s+banyak|lihat\s+(?:semua|selengkapnya|lebih\s+banyak)"
        r"|tampilkan\s+(?:semua|lebih\s+banyak)|show\s+more|baca\s+selengkapnya|read\s+more"
        r"|(?:home|beranda)\s*[»›>/|].{0,150}|[^»›\n]{1,40}(?:[»›][^»›\n]{1,60}){2,12}"
        r"|back\s+to\s+top|kembali\s+ke\s+atas|menu|search|cari|close|tutup|x|home|beranda",
    ),
    (
        "follow",
        r"(?:(?:yuk|ayo|mari|jangan\s+lupa|untuk\s+(?:informasi|berita|update)\s+\w+(?:\s+\w+)?)"
        r",?\s+)?(?:cek|ikuti|follow|gabung|bergabung|klik|subscribe|langganan|berlangganan|join|"
        r"simak|dapatkan|temukan|pantau|akses|kunjungi|silak?h?an|baca|update|pilih)\b"
        r"(?=.{0,300}(?:google\s*news|whatsapp\s+channel|saluran\s+whatsapp|channel\s+whatsapp|"
        r"wa\s+channel|grup\s+telegram|channel\s+telegram|saluran\s+telegram|telegram\s+channel|"
        r"newsletter|tanpa\s+iklan|kompas\.com\+|media\s+sosial\s+kami|akun\s+(?:resmi\s+)?kami))"
        r".{0,300}"
        r"|(?:(?:yuk|ayo|mari|jangan\s+lupa),?\s+)?(?:ikuti|follow|subscribe|gabung|bergabung|join|"
        r"kunjungi)\s+(?:juga\s+)?(?:akun|kanal|channel|fanpage|media\s+sosial|sosial\s+media|"
        r"kami|instagram|facebook|twitter|tiktok|youtube|telegram)\b.{0,200}"
        r"|(?:nyaman|baca\s+berita|berita|bebas)\s+tanpa\s+iklan.{0,200}",
    ),
    (
        "comment_form",
        r"tinggalkan\s+(?:balasan|komentar|a\s+reply|tanggapan)|leave\s+a\s+(?:reply|comment)"
        r"|(?:\d+\s+)?(?:komentar|comments?|tanggapan)\s*:?\s*(?:posting\s+komentar)?"
        r"|posting\s+komentar|kirim\s+komentar|post\s+comment|tulis\s+komentar.{0,200}"
        r"|(?:berikan|beri)\s+komentar.{0,100}|silak?h?an\s+(?:masukkan|isi|tulis)\s+(?:komentar|nama|"
        r"email|alamat|pesan).{0,100}"
        r"|(?:alamat\s+email\s+anda|your\s+email\s+address)\s.{0,300}"
        r"|ruas\s+yang\s+wajib\s+ditandai.{0,100}|required\s+fields\s+are\s+marked.{0,50}"
        r"|this\s+site\s+uses\s+akismet.{0,300}|situs\s+ini\s+menggunakan\s+akismet.{0,300}"
        r"|isi\s+komentar\s+(?:sepenuhnya|menjadi).{0,300}|tulis\s+komentarmu.{0,300}"
        r"|syarat\s*(?:&|dan)\s*ketentuan|simpan\s+nama,?\s+email.{0,200}|save\s+my\s+name.{0,200}"
        r"|batalkan\s+balasan|cancel\s+reply|(?:nama|name|email|e-mail|situs\s+web|website|"
        r"komentar|comment)\s*\*?|balas|reply|login\s+untuk\s+(?:berkomentar|komentar).{0,50}"
        r"|komentar\s+ditutup.?|comments?\s+(?:are\s+)?closed.?|belum\s+ada\s+komentar.{0,60}"
        r"|jadilah\s+(?:yang\s+)?pertama.{0,80}|\d+\s+(?:tanggapan|balasan)(?:\s+untuk\s+.{0,200})?",
    ),
    (
        "legal",
        r"(?:copyright|hak\s+cipta\s+(?:dilindungi|©|\d{4}|milik)|©|\(c\)\s*\d{4}|all\s+rights\s+reserved)"
        r".{0,250}"
        r"|.{0,100}(?:©|all\s+rights\s+reserved|hak\s+cipta\s+dilindungi).{0,150}"
        r"|dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|menayangkan|memperbanyak|"
        r"mereproduksi|mempublikasikan|menggunakan)\b.{0,300}",
    ),
    (
        "byline",
        r"(?:penulis|editor|redaktur|reporter|kontributor|pewarta|wartawan|penyunting|editing|"
        r"fotografer|sumber|source|author|writer|teks|liputan|grafis|videografer|produser|"
        r"uploader|publisher|penerbit|koresponden|jurnalis|narasi|desain|ilustrasi)(?:\s+foto)?"
        r"\s*[:|][^\n]{0,150}"
        r"|(?:penulis|reporter|editor|pewarta|kontributor)\s+[^|:\n]{2,50}\|\s*(?:editor|redaktur|"
        r"penyunting|penulis|reporter)\s+[^|:\n]{2,50}"
        r"|(?:oleh|by)\s*:?\s*(?:tim\s+)?(?:redaksi|admin|administrator|editor|reporter|wartawan|"
        r"kontributor|web\s*admin|newsroom)\b.{0,40}"
        r"|(?:foto|dok(?:umentasi)?|doc|ist|istimewa|ilustrasi)\s*[:.]\s*\S+(?:\s+\S+){0,5}"
        r"|\((?:foto|dok(?:umentasi)?|sumber|ilustrasi|ist)\s*[:.][^()]{0,80}\)"
        r"|(?:laporan|liputan)\s+(?:wartawan|reporter|kontributor|jurnalis)\b.{0,120}"
        r"|tim\s+redaksi|redaksi|\[\s*update\s*\]"
        r"|(?:last\s+updated|updated|diperbarui|diperbaharui|dipublikasikan|published|posted|"
        r"diterbitkan|terbit|update|dibuat|diunggah)\s*(?:on|pada)?\s*:?\s*(?=[^\n]*\d)[^\n]{4,60}",
    ),
    ("date", _DATE + r"|" + _TIME + r"|(?:[\w\-]+\.)+[a-z]{2,6}\s*[-\u2013|,]\s*(?:" + _DATE + r")"),
    (
        "syndication",
        r"(?:sebagian\s+)?(?:artikel|berita|tulisan)\s+ini\s+(?:telah\s+|sudah\s+)?(?:tayang|terbit|"
        r"dipublikasikan|diterbitkan|ditayangkan)\s+(?:di|pada|dalam)\b.{0,400}",
    ),
    ("follow__2", r"pastikan\s+(?:kamu|anda)\s+sudah\s+(?:meng)?(?:install|instal|unduh|download).{0,100}"),
    ("share__2", r"dengarkan\s+(?:berita|artikel)(?:\s+ini)?.{0,20}|lihat\s+(?:foto|video|galeri)(?:\s+\w+)?"),
    ("tags", r"(?:tags?|topik|kata\s+kunci|keywords?|label|kategori|category|rubrik|kanal)\s*:.{0,250}"),
    (
        "masthead",
        r"(?:www\.)?[a-z0-9][\w\-]*(?:\.[\w\-]+)*\.(?:co\.id|my\.id|web\.id|or\.id|go\.id|id|com|"
        r"net|org|co|news|tv|info|online)",
    ),
]
_LINE_RE = re.compile(
    "|".join(f"(?P<{name}>{pat})" for name, pat in _LINE_PATTERNS), re.I | re.S
)

# "Baca Juga" lines with the headline on the same line but no colon ("Baca juga Netralitas ASN ...")
_BACA_JUGA_NOCOLON = re.compile(r"(?:baca|simak|lihat|tonton)\s+(?:juga|pula)\b.{0,200}", re.I)

# Headings of related-link blocks; the heading line itself is always boilerplate.
_RELATED_HEAD = re.compile(
    r"[\s•·*#►▶»]*(?:(?:pos|post|berita|artikel|tulisan|postingan|konten|video|foto|bacaan|news)"
    r"\s+(?:terkait|lainnya|lain|terkini|terbaru|populer|terpopuler|pilihan|menarik(?:\s+lainnya)?|"
    r"rekomendasi|related|sebelumnya|selanjutnya)"
    r"|baca\s+(?:juga|lainnya|berita\s+lainnya)|simak\s+juga|lihat\s+juga|related(?:\s+(?:posts?|"
    r"articles?|news|stories))?|rekomendasi(?:\s+untuk\s+anda)?|terpopuler|populer|terkini|"
    r"terbaru|trending(?:\s+topics?)?|pilihan(?:\s+(?:editor|redaksi))?|editor'?s\s+pick|"
    r"tags?|topik(?:\s+terkait)?|kategori|category|rubrik|kanal|label|you\s+may\s+also\s+like|"
    r"more\s+stories|baca\s+lagi"
    r"|(?:berita|artikel)\s+\w+\s+lainnya|most\s+popular|latest\s+news)"
    r"\s*[:\-\u2013]?\s*(?:\(\d+\))?",
    re.I,
)
# Headings that introduce exactly one linked headline ("Baca Juga:" then the title on its own line).
_SINGLE_LINK_HEAD = re.compile(r"[\s•·*]*(?:baca|simak|lihat|tonton)\s+(?:juga|pula)\s*[:\-\u2013]?", re.I)
_BULLET = re.compile(r"[•·*►▶»\-\u2013]\s*\S")

# Where the comment form says the e-mail will not be published, the article is over: on
# scraped pages the next page's text may follow on the same line.
_PAGE_END = re.compile(
    r"(?im)^ *(?:alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan|your\s+email\s+address\s+"
    r"will\s+not\s+be\s+published|ruas\s+yang\s+wajib\s+ditandai\s*\*|required\s+fields\s+are\s+"
    r"marked\s*\*)"
)
_PAGE_END_MARK = re.compile(
    r"(?i)(?:(?:alamat\s+email\s+anda\s+tidak\s+akan\s+dipublikasikan|your\s+email\s+address\s+will"
    r"\s+not\s+be\s+published)\.?\s*)?(?:(?:ruas\s+yang\s+wajib\s+ditandai|required\s+fields\s+are"
    r"\s+marked)\s*\*)?"
)

# Closing marks: a final parenthesised group of 1-4 short tokens after the last sentence.
_CREDIT_TOK = r"(?:[A-Za-z][\w.\-]{0,24}|\*{1,3})"
_CREDIT_GROUP = _CREDIT_TOK + r"(?:(?:\s*/\s*|\s+)" + _CREDIT_TOK + r"){0,3}"
_CLOSING_MARK = re.compile(
    r"(?<=[.!?\u2026\"\u201d\u2019'])[ ]*(\(\(?[ ]*(" + _CREDIT_GROUP + r")[ ]*\)?\))[ ]*$"
)
_CLOSING_LINE = re.compile(r"\(\(?[ ]*(" + _CREDIT_GROUP + r")[ ]*\)?\)|\*{3}|-+\s*\*\s*-+|\[\s*\*+\s*\]")
# Acronyms and words of the domain that show up in parentheses and are never credits.
_NOT_CREDITS = frozenset(
    """asn kasn pns pppk bkn kpu kpud bawaslu panwaslu panwascam panwas dkpp tni polri pemilu
    pilkada pilpres pileg pilgub pilbup pilwalkot pilwako gakkumdu korpri kemenpan kemenpan-rb
    kemendagri menpan-rb lan pemda pemkab pemkot pemprov dprd dpr dpd mk ma kpk ptun bupati
    wali gubernur sekda opd skpd ppk pps kpps ppdp tps pkpu perbawaslu uu pp perpres permen
    sk skb ham apbd apbn covid-19 paslon capres cawapres caleg""".split()
)

_SPACES2 = re.compile(r" {2,}")
_WS_RUN = re.compile(r"[ \n]*")
_BLANK_LINE = re.compile(r"\n *\n")
_KEPT_LINE = re.compile(r"(?m)^ *(\S(?:[^\n]*\S)?) *$")
_TERMINAL = re.compile(r"[.,;:!?\"\u201c\u201d\u2019'\u2026]\s*$")
_MAX_BOILER_LEN = 400  # longer lines are never treated as boilerplate


def _words(s: str) -> int:
    return s.count(" ") + 1


def _headline_like(s: str) -> bool:
    """A short line that reads like a linked headline (no sentence-final punctuation)."""
    return len(s) <= 200 and _words(s) <= 20 and not _TERMINAL.search(s)


def _classify(s: str) -> str | None:
    """Reason for a boilerplate line (``s`` stripped, single-spaced), or None for content."""
    if len(s) > _MAX_BOILER_LEN:
        return None
    m = _LINE_RE.fullmatch(s)
    if m:
        return m.lastgroup.split("__")[0]
    # (the anchored _SHARE_LINE fails at once on most lines: it goes before the search)
    if len(s) <= 160 and _SHARE_LINE.fullmatch(s) and _STRONG_SHARE.search(s):
        return "share"
    if _words(s) <= 25 and _BACA_JUGA_NOCOLON.fullmatch(s):
        return "baca_juga"
    m = _CLOSING_LINE.fullmatch(s)
    if m and (m.group(1) is None or m.group(1).lower() not in _NOT_CREDITS):
        return "closing_mark"
    return None


_PERSONAL_CREDIT = re.compile(
    r"(?:penulis|editor|redaktur|reporter|kontributor|pewarta|wartawan|penyunting|author|writer)\s*[:|]",
    re.I,
)
_LONG_PARAGRAPH = 25  # words: a line this long is article body, not page furniture


def _masthead_and_tail(lines: list[str], reason: list) -> None:
    """Page furniture around the article, decided from the page layout.

    * Above the title: very short lines (site name, section label: "Locus Online", "Politik")
      before the first headline of five words or more, on a page that has body paragraphs.
    * Below an end credit ("Editor: X" after the body): the short lines that follow (site
      tagline, widget labels), when no body paragraph follows.
    """
    n = len(lines)
    content = [i for i in range(n) if reason[i] is None]
    long_ = [i for i in content if _words(lines[i]) >= _LONG_PARAGRAPH]
    if not long_:
        return
    first_body = long_[0]
    title = next(
        (i for i in content if i < first_body and _words(lines[i]) >= 5 and _headline_like(lines[i])),
        None,
    )
    if title is not None:
        for i in content:
            if i >= title:
                break
            s = lines[i]
            if _words(s) <= 3 and len(s) <= 30 and _headline_like(s):
                reason[i] = "masthead"
    last_body = long_[-1]
    for i in range(last_body + 1, n):
        if reason[i] == "byline" and _PERSONAL_CREDIT.match(lines[i]):
            for k in range(i + 1, n):
                if reason[k] is None:
                    reason[k] = "after_credit"
            break


# --------------------------------------------------------------------------------------------
# clean()
# --------------------------------------------------------------------------------------------


def clean(raw: str, *, html: bool | None = None, boilerplate: bool = True) -> CleanText:
    """Clean a scraped page or post; see the module docstring.

    ``html``: None detects markup with :func:`is_html`; True parses ``raw`` as HTML (text
    nodes only; newlines inside them count as spaces, block elements make paragraphs and
    ``<br>`` a line break); False treats it as plain text.
    ``boilerplate``: False keeps every line (only Unicode and whitespace are normalised).
    """
    if not isinstance(raw, str):
        raise InputError(
            f"clean() needs a str, got {type(raw).__name__}; decode bytes first, e.g. raw.decode('utf-8')."
        )
    if html is None:
        html = is_html(raw)
    removed: list[tuple[int, int, str]] = []
    if html:
        text, pieces, removed = _extract_html(raw, widgets=boilerplate)
    else:
        text, pieces = raw, _Pieces.identity(len(raw))

    text, pieces = _fix_unicode(text, pieces, entities=not html)

    # Lines: content ranges of the non-blank lines.
    end_of_page = len(text)
    if boilerplate:
        m = _PAGE_END.search(text)
        if m:
            body_before = any(
                _words(x.group(1)) >= 15 for x in _KEPT_LINE.finditer(text, 0, m.start())
            )
            if body_before:
                end_of_page = m.start()
                tail = _PAGE_END_MARK.match(text, m.start())
                mark_end = max(tail.end(), m.end()) if tail else m.end()
                line_end = text.find("\n", m.start())
                line_end = len(text) if line_end < 0 else line_end
                mark_end = min(mark_end, line_end)
                removed.append((*pieces.orig_range(m.start(), mark_end), "boilerplate:comment_form"))
                rest = re.search(r"\S(?:.*\S)?", text[mark_end:], re.S)
                if rest:
                    removed.append(
                        (
                            *pieces.orig_range(mark_end + rest.start(), mark_end + rest.end()),
                            "boilerplate:next_page",
                        )
                    )

    spans = [(m.start(1), m.end(1)) for m in _KEPT_LINE.finditer(text, 0, end_of_page)]
    keep = [True] * len(spans)

    if boilerplate and spans:
        lines = []
        for a, b in spans:
            s = text[a:b]
            if "  " in s:
                s = _SPACES2.sub(" ", s)
            lines.append(s)
        n = len(lines)
        cache: dict[str, str | None] = {}
        reason: list[str | None] = []
        for s in lines:
            r = cache.get(s, 0)
            if r == 0:
                r = cache[s] = _classify(s)
            reason.append(r)
        is_related = [
            len(s) <= 80
            and _RELATED_HEAD.fullmatch(s) is not None
            and (reason[i] != "baca_juga" or _SINGLE_LINK_HEAD.fullmatch(s) is not None)
            for i, s in enumerate(lines)
        ]
        # A related-links heading: the heading goes; a single-link heading ("Baca Juga:") takes
        # the headline below it; a bulleted list below a heading goes; at the end of the page the
        # short headline lines after the heading go too.
        for i in range(n):
            if not is_related[i]:
                continue
            if reason[i] is None:
                reason[i] = "related"
            j = i + 1
            while j < n and (reason[j] is not None or is_related[j] or _headline_like(lines[j])):
                j += 1
            if j == n:
                for k in range(i + 1, n):
                    if reason[k] is None:
                        reason[k] = "related"
                break
            if _SINGLE_LINK_HEAD.fullmatch(lines[i]):
                k = i + 1
                while k < n and reason[k] is not None:
                    k += 1
                if k < n and _headline_like(lines[k]):
                    reason[k] = "baca_juga"
                continue
            # Mid-page: a list of two or more headline lines (or bulleted ones) below the heading
            # is the related-links block, and so is one full headline; a single line of under six
            # words may be a crosshead of the article, so it stays.
            heads = [k for k in range(i + 1, j) if reason[k] is None and not is_related[k]]
            if len(heads) >= 2 or (
                heads and (_BULLET.match(lines[heads[0]]) or _words(lines[heads[0]]) >= 6)
            ):
                for k in heads[:8]:
                    reason[k] = "related"
        for i, r in enumerate(reason):
            if r == "related" and _SINGLE_LINK_HEAD.fullmatch(lines[i]):
                reason[i] = "baca_juga"
        _masthead_and_tail(lines, reason)
        # Exact duplicates of the previous kept line (a caption printed twice, with or without
        # an ad slot between the copies); a line repeated further down may be deliberate.
        prev: str | None = None
        for i, s in enumerate(lines):
            if reason[i] is not None:
                continue
            if s == prev:
                reason[i] = "duplicate"
                continue
            prev = s
        for i, r in enumerate(reason):
            if r is not None:
                keep[i] = False
                a, b = spans[i]
                removed.append((*pieces.orig_range(a, b), "boilerplate:" + r))
        # Closing mark at the end of the last kept paragraph.
        last = max((i for i in range(n) if keep[i]), default=None)
        if last is not None:
            a, b = spans[last]
            m = _CLOSING_MARK.search(text, a, b)
            if m and m.group(2).lower() not in _NOT_CREDITS and m.start() > a:
                ms = m.start()
                while ms > a and text[ms - 1] == " ":
                    ms -= 1
                spans[last] = (a, ms)
                removed.append((*pieces.orig_range(m.start(1), m.end(1)), "boilerplate:closing_mark"))

    kept = [sp for sp, k in zip(spans, keep) if k]
    edits: list = []
    pos = 0
    for idx, (a, b) in enumerate(kept):
        if idx == 0:
            if a > 0:
                edits.append((0, a, ""))
        else:
            j = text.find("\n", pos, a)
            if j < 0:
                j = pos
            if _BLANK_LINE.search(text, pos, a):  # a new paragraph
                ws = _WS_RUN.match(text, j, a)
                k = ws.end() if ws and ws.end() > j else a
                edits.append((pos, a, "\n\n", j, k))
            else:  # the next line of the same paragraph
                edits.append((pos, a, "\n", j, j + 1))
        for m in _SPACES2.finditer(text, a, b):
            edits.append((m.start(), m.end(), " "))
        pos = b
    if pos < len(text):
        edits.append((pos, len(text), ""))
    if not kept:
        text, pieces = "", _Pieces()
    else:
        text, pieces = _apply(text, pieces, edits)
    removed.sort()
    return CleanText(text=text, original=raw, removed=removed, _pieces=pieces)
