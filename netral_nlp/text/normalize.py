"""Colloquial Indonesian normalised for the extractors, with offsets kept in the original post.

Social-media posts write "gak", "udh", "sy", "kmrn", "pake"; the cue lexicons and patterns of the
components are written for standard spelling. :func:`normalize_colloquial` rewrites known
colloquial words with the IndoCollex dictionary (``netral_nlp/data/colloquial-id.tsv``) and
returns a :class:`~netral_nlp.text.clean.CleanText` whose map leads every normalised span back to
the post as written. Capitalised and all-caps words are never rewritten (names, initials,
acronyms), nor are a few entries that change register rather than spelling.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .clean import CleanText, _apply, _Pieces

# Entries that would damage meaning or names in this domain ("bro" -> "mas" changes register;
# "pas" and "ya" are ordinary words).
_SKIP = {"bro", "sis", "ya", "pas", "kali", "dong", "deh", "sih", "nih", "tuh", "loh", "lah", "kan", "pun"}
_WORD = re.compile(r"(?<![\w@#])[a-z]+(?![\w])")


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    with resources.files("netral_nlp.data").joinpath("colloquial-id.tsv").open(encoding="utf-8") as fh:
        next(fh)
        pairs = (line.rstrip("\n").split("\t") for line in fh if "\t" in line)
        return {a: b for a, b in pairs if a not in _SKIP}


def colloquial_ratio(text: str) -> float:
    """Share of lower-case words that are in the colloquial lexicon."""
    words = _WORD.findall(text[:20000])
    if not words:
        return 0.0
    lex = lexicon()
    return sum(w in lex for w in words) / len(words)


def is_colloquial(text: str, threshold: float = 0.04) -> bool:
    """Whether the text reads as a colloquial post (enough colloquial words, at least three)."""
    words = _WORD.findall(text[:20000])
    lex = lexicon()
    hits = sum(w in lex for w in words)
    return hits >= 3 and hits / max(1, len(words)) >= threshold


# The Jakarta-style passive "di-...-in" the dictionary does not list word by word: "dibagiin"
# (dibagikan), "dilaporin" (dilaporkan), "diterusin" (diteruskan). Standard words of that shape are
# kept. (Tried and left out, as they changed cue words or added false cues on the netral-id train split and
# the analysis set: "ng(e)-" actives, "ngancem" -> "mengancem", and reduplication written with a 2,
# "bagi2" -> "bagi-bagi".)
_DI_IN = re.compile(r"di([a-z]{3,})in")
_STANDARD_DI_IN = frozenset({"dijamin", "dipimpin", "disiplin", "dingin"})


def _standard_form(word: str, lex: dict[str, str]) -> str | None:
    """The standard spelling of a colloquial word the dictionary lacks, from its affixes; None if
    the word is not of such a shape."""
    if word in _STANDARD_DI_IN or not (m := _DI_IN.fullmatch(word)):
        return None
    stem = m.group(1)
    return "di" + lex.get(stem, stem) + "kan"


def normalize_colloquial(text: str) -> CleanText:
    """Rewrite colloquial words to standard spelling; the result maps back to ``text``."""
    lex = lexicon()
    edits = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        repl = lex[w] if w in lex else _standard_form(w, lex)
        if repl is not None and repl != w:
            edits.append((m.start(), m.end(), repl))
    normalized, pieces = _apply(text, _Pieces.identity(len(text)), edits)
    return CleanText(text=normalized, original=text, _pieces=pieces)
