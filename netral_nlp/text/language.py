"""A small, fast guess of the text's language, enough to mark non-Indonesian input as not relevant.

Function words separate Indonesian from English, Javanese and Malay well on news-length
texts; short or mixed texts fall back to Indonesian, since posts mix languages freely.
"""
from __future__ import annotations

import re

_WORDS = {
    "id": set("yang dan di dengan untuk tidak ini itu dalam pada akan dari ke juga ada sudah oleh karena bahwa "
              "saat kepada para menjadi atau bisa harus agar telah masih belum kami mereka tersebut sebagai "
              "gak nggak udah aja banget sih dong".split()),
    "en": set("the and of to is in that for with on are was be by this it as at from have has not or an will "
              "which their they been were would should".split()),
    "jv": set("ingkang lan sing ora iki kuwi karo nang wis arep menika dhateng kang saka marang uga "
              "ana ning utawa kabeh wong bakal sampun mboten kula panjenengan".split()),
    # Only words that Indonesian news does not use in the same sense ("boleh", "bagi", "beliau",
    # "terhadap" and "pejabat" are everyday Indonesian and are left out).
    "ms": set("kerajaan iaitu kerana mahupun selepas manakala undi parlimen bahawa penjawat kakitangan "
              "suruhanjaya setiausaha dinasihatkan polis siasatan perkhidmatan awam kempen parti menyokong "
              "pembangkang sahaja sebarang didapati baharu kenderaan memaklumkan maklumat tertakluk tempoh "
              "berkempen semasa".split()),
}
_TOKEN = re.compile(r"[a-zA-Z]+")


def guess_language(text: str, min_tokens: int = 8) -> str:
    """Return "id", "en", "jv", "ms", or "und" when there are no words at all."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:20000])]
    if len(text) > 20000 and tokens and text[20000:20001].isalpha():
        tokens.pop()  # cut in the middle of a word ("as" of "ASN")
    if not tokens:
        return "und"
    if len(tokens) < min_tokens:
        return "id"
    scores = {lang: sum(t in words for t in tokens) for lang, words in _WORDS.items()}
    scores["ms"] += text[:20000].lower().count("pilihan raya")
    # Malay shares most function words with Indonesian: decide on its own markers.
    if scores["ms"] >= 3 and scores["ms"] * 3 >= scores["id"]:
        return "ms"
    best = max(("id", "en", "jv"), key=lambda k: scores[k])
    if scores[best] == 0:
        return "id"
    if best != "id" and scores[best] < 1.5 * scores["id"]:
        return "id"
    # English or Javanese function words make up a good share of a text in those languages; one
    # or two in a long Indonesian text are names, quotes or chance ("as", "ana").
    if best != "id" and scores[best] < max(2, 0.05 * len(tokens)):
        return "id"
    return best
