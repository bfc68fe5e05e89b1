"""Shared plumbing of the netral components: Doc extensions and span groups.

Components store their results on the ``Doc`` as plain JSON-like dicts in the
contract's own shape (``doc._.netral_officials`` ...), so that Docs survive
serialisation (``DocBin``, multiprocessing) and :func:`netral_nlp.pipeline.doc_to_annotation`
needs no conversion. Extensions are registered behind ``has_extension`` guards.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

from .. import labels

#: Doc extensions set by the components, with their defaults.
EXTENSIONS = {
    "netral_id": None,
    "netral_published": None,  # ISO date of publication when known (input metadata or dateline)
    "netral_lang": "id",
    "netral_frame": None,
    "netral_frame_scores": None,
    "netral_elections": None,
    "netral_regions": None,
    "netral_officials": None,
    "netral_events": None,
    "netral_violations": None,
    "netral_legal_refs": None,
    "netral_dates": None,
}


def register_extensions() -> None:
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """A Span over [start, end), expanded to token boundaries so nothing is silently dropped."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span


def set_span_group(doc: Doc, field: str, items: list[tuple[int, int, str]]) -> None:
    """Put ``(start, end, label)`` items into ``doc.spans[SPAN_KEYS[field]]``."""
    spans = []
    for s, e, label in items:
        sp = char_span(doc, s, e, label)
        if sp is not None:
            spans.append(sp)
    doc.spans[labels.SPAN_KEYS[field]] = spans


# A line break and the whitespace after it, up to the first character of the next line.
_LINE_BREAK_RUN = re.compile(r"\n\s*")


class ParagraphBreaks:
    """Start a sentence after every line break: headlines, datelines and list items end without a
    full stop, and the sentencizer would otherwise glue them to the next sentence."""

    def __init__(self, nlp, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        if "\n" not in text:
            return doc
        from spacy.attrs import IDX, SENT_START

        # The token of each line's first character, by bisection over the token offsets (a Span from
        # doc.char_span for each line costs more).
        token_starts = doc.to_array([IDX]).tolist()
        firsts = []
        for m in _LINE_BREAK_RUN.finditer(text):
            end = m.end()  # the first character after the line break and the blank lines after it
            if end == len(text):
                break
            i = bisect_right(token_starts, end) - 1
            if i >= 0 and end < token_starts[i] + len(doc[i]):
                if i > 0:
                    firsts.append(i)
            else:  # the text and the tokens disagree: let spaCy align the character
                span = doc.char_span(end, end + 1, alignment_mode="expand")
                if span is not None and span.start > 0:
                    firsts.append(span.start)
        if firsts:
            # The first through the Token setter (it refuses a parsed Doc), the others in one array
            # write: the setter scans the whole Doc for a parse each time, quadratic over long texts.
            doc[firsts[0]].is_sent_start = True
            sent_starts = doc.to_array([SENT_START])
            sent_starts[firsts] = 1
            doc.from_array([SENT_START], sent_starts)
        return doc


from spacy.language import Language  # noqa: E402


@Language.factory("netral_paragraphs", assigns=["token.is_sent_start"], default_config={})
def make_paragraphs(nlp, name: str) -> ParagraphBreaks:
    return ParagraphBreaks(nlp, name)


class Sent(tuple):
    """A sentence as (start_char, end_char, text), lighter than a spaCy Span."""

    __slots__ = ()

    def __new__(cls, start_char: int, end_char: int, text: str):
        return super().__new__(cls, (start_char, end_char, text))

    def __getnewargs__(self):  # copy.deepcopy and pickle (Doc.copy(), multiprocessing) rebuild it from these
        return tuple(self)

    start_char = property(lambda self: self[0])
    end_char = property(lambda self: self[1])
    text = property(lambda self: self[2])


def sentences(doc: Doc) -> list[Sent]:
    """The document's sentences, computed once with array operations and cached on the Doc
    (``doc.sents`` walks every token in Python each time it is read)."""
    cached = doc.user_data.get("netral_sentences")
    # (a DocBin restores the cache as plain tuples: then it is rebuilt)
    if cached is not None and cached[0] == len(doc) and all(type(s) is Sent for s in cached[1][:1]):
        return cached[1]
    import numpy as np
    from spacy.attrs import IDX, SENT_START

    if len(doc) == 0:
        return []
    arr = doc.to_array([IDX, SENT_START])
    starts = np.flatnonzero(arr[:, 1] == 1).tolist()
    if not starts or starts[0] != 0:
        starts = [0] + starts
    text = text_of(doc)
    idx = arr[:, 0].tolist()
    out = []
    for k, ti in enumerate(starts):
        a = idx[ti]
        if k + 1 < len(starts):
            last = starts[k + 1] - 1
            b = idx[last] + len(doc[last])
        else:
            b = len(text.rstrip())
        b = max(b, a)
        out.append(Sent(a, b, text[a:b]))
    doc.user_data["netral_sentences"] = (len(doc), out)
    return out


def next_with_words(sents: list[Sent], si: int) -> int | None:
    """Index of the sentence after ``si`` that has words (a paragraph break can come as a sentence of
    its own), looking two ahead; None if there is none."""
    return next((k for k in range(si + 1, min(si + 3, len(sents))) if sents[k].text.strip()), None)


def same_paragraph(text: str, prev: Sent, cur: Sent) -> bool:
    """Whether no line break separates ``prev`` from ``cur`` (the break can sit in either one's
    whitespace, depending on how the sentences were cut)."""
    lead = len(cur.text) - len(cur.text.lstrip())
    return "\n" not in text[prev.start_char:cur.start_char + lead]


def text_of(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds the string from every token on each read."""
    cached = doc.user_data.get("netral_text")
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    text = doc.text
    doc.user_data["netral_text"] = (len(doc), text)
    return text
