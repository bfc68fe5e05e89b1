"""A fast-loading Indonesian tokenizer for the netral pipelines.

spaCy's Indonesian defaults hold about 16,000 tokenizer exceptions, nearly all of them
hyphenated reduplications ("anak-anak", "kepala-kepala") kept whole only because the infix rules
would otherwise split them at the hyphen; building them costs seconds at every load. This
tokenizer drops the letter-hyphen-letter infix instead, so every hyphenated word stays one token
(the exceptions' intent) with no list to load, and keeps spaCy's other Indonesian punctuation
rules and its abbreviation exceptions ("Kab.", "Dr." ...).
"""
from __future__ import annotations

import re

from spacy.lang.id import Indonesian
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

TOKENIZER_NAME = "netral.IndonesianTokenizer.v1"


def _infixes():
    """spaCy's Indonesian infixes without the ones that split a word at a hyphen between letters."""
    kept = [p for p in Indonesian.Defaults.infixes
            if not any(m.start() == 4 for m in re.finditer(p, "anak-anak Ganjar-Mahfud"))]
    # ... but split before a capital: "Pranowo-Mahfud", "e-KTP", "se-Kabupaten" (as spaCy does).
    return kept + [r"(?<=[A-Za-z])-(?=[A-Z])"]


@registry.tokenizers(TOKENIZER_NAME)
def create_tokenizer():
    def make(nlp):
        exceptions = {k: v for k, v in Indonesian.Defaults.tokenizer_exceptions.items() if "-" not in k}
        return Tokenizer(
            nlp.vocab,
            rules=exceptions,
            prefix_search=compile_prefix_regex(Indonesian.Defaults.prefixes).search,
            suffix_search=compile_suffix_regex(Indonesian.Defaults.suffixes).search,
            infix_finditer=compile_infix_regex(_infixes()).finditer,
            token_match=Indonesian.Defaults.token_match,
            url_match=Indonesian.Defaults.url_match,
        )

    return make


def blank_indonesian():
    """``spacy.blank("id")`` with this tokenizer."""
    import spacy

    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
