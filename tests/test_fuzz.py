"""Property-based tests and a bounded fuzz run (issue 8).

* Hypothesis: the cleaner's offset map, and the whole pipeline on random Unicode and on
  Indonesian-looking text built from corpus words, punctuation, newlines and HTML fragments:
  a contract-valid Annotation whose spans are in range and map back into the input.
* A fuzz run of up to 10,000 generated inputs (stopping after FUZZ_SECONDS of wall time): corpus
  snippets, mutated corpus texts, random Unicode and bytes, HTML fragments, colloquial posts.
  Every input gives a contract-valid Annotation or a netral_nlp.errors exception.

``NETRAL_FUZZ_N`` / ``NETRAL_FUZZ_SECONDS`` / ``NETRAL_FUZZ_SEED`` / ``NETRAL_FUZZ_WORKERS`` (1 or 2
processes) change the run.
"""
from __future__ import annotations

import json
import os
import random
import time
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netral_nlp import errors
from netral_nlp.schema import validate_record
from netral_nlp.text.clean import clean

from .test_robustness import check_annotation

ROOT = Path(__file__).resolve().parents[1]
JSONL = ROOT / "corpora" / "netral-id" / "data" / "netral-id.jsonl"
RAW = ROOT / "corpora" / "netral-id" / "raw"

FUZZ_N = int(os.environ.get("NETRAL_FUZZ_N", "10000"))
FUZZ_SECONDS = float(os.environ.get("NETRAL_FUZZ_SECONDS", "85"))
FUZZ_SEED = int(os.environ.get("NETRAL_FUZZ_SEED", "20241127"))
FUZZ_WORKERS = min(2, os.cpu_count() or 1, int(os.environ.get("NETRAL_FUZZ_WORKERS", "2")))


def _corpus_texts() -> list[str]:
    texts = []
    if JSONL.exists():
        with JSONL.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    texts.append(rec["text"])
                    if rec.get("raw"):
                        texts.append(rec["raw"])
    texts += [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    return texts or ["Bawaslu menemukan ASN ikut kampanye calon bupati pada Pilkada 2024 di Kabupaten Sleman."]


TEXTS = _corpus_texts()
WORDS = sorted({w for t in TEXTS for w in t.split() if len(w) < 30})
ASCII_WORDS = [w for w in WORDS if w.isascii() and any(c.isalpha() for c in w)]
PUNCT = [".", ",", ";", ":", "!", "?", "(", ")", '"', "'", "-", "–", "/", "“", "”", "…", "(**)", "*", "#", "@"]
HTML = ["<p>", "</p>", "<br>", "<br/>", "<div class=\"share\">", "</div>", "<script>var a='Bupati';</script>",
        "<style>p{}</style>", "&amp;", "&nbsp;", "&#8220;", "&lt;b&gt;", "<b>", "</b>", "<a href='x'>", "</a>",
        "<!-- komentar -->", "<h1>", "</h1>", "<p class=\"baca-juga\">Baca Juga: x</p>", "<html><body>", "<li>", "<ul>"]
BOILER = ["Baca Juga: Netralitas ASN Diawasi", "Editor: Andi", "Penulis: Rina | Editor: Budi", "(**)", "(ygo/vry)",
          "Share: Facebook Twitter WhatsApp", "Tinggalkan Balasan", "Alamat email Anda tidak akan dipublikasikan.",
          "Ruas yang wajib ditandai *", "ADVERTISEMENT", "Scroll to continue with content", "Copyright © 2024",
          "Berita Terkait", "Tags: ASN, Pilkada", "Follow us on Instagram", "Senin, 15 Mei 2023 10:30 WIB"]
MOJIBAKE = ["Ã©", "â€œ", "â€\x9d", "â€™", "Ã¡", "Â ", "â€“"]
EMOJI = ["😡", "🙄", "👉", "🇮🇩", "🤔", "👍🏽", "🧕🏻‍💻", "❤️‍🔥", "😂", "🔥", "\u200d", "\ufe0f"]
try:
    from netral_nlp.text.normalize import lexicon

    SLANG = sorted(lexicon())[:2000]
except Exception:  # pragma: no cover - the lexicon is packaged
    SLANG = ["gak", "udah", "aja", "banget", "sy", "kmrn"]

_ANY = st.characters(blacklist_categories=("Cs",))
_INDONESIAN_LOOKING = st.lists(
    st.one_of(
        st.sampled_from(WORDS).map(lambda w: w + " "),
        st.sampled_from(PUNCT),
        st.sampled_from(["\n", "\n\n", " ", "  ", "\t", "\r\n", "\u00a0"]),
        st.sampled_from(HTML),
        st.sampled_from(BOILER).map(lambda b: "\n" + b + "\n"),
        st.sampled_from(MOJIBAKE + EMOJI),
        _ANY,
    ),
    max_size=80,
).map("".join)
_PLAIN = st.lists(
    st.one_of(st.sampled_from(ASCII_WORDS), st.sampled_from([".", ",", "(", ")", "!", "?", "-", '"'])),
    max_size=60,
).flatmap(lambda ws: st.lists(st.sampled_from([" ", " ", " ", "\n", "\n\n", "  "]), min_size=len(ws),
                              max_size=len(ws)).map(lambda seps: "".join(w + s for w, s in zip(ws, seps))))


def _norm(s: str) -> str:
    return " ".join(s.split())


# ------------------------------------------------------------------------------------------
# Hypothesis: the cleaner's offset map
# ------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(_INDONESIAN_LOOKING, st.text(_ANY, max_size=200)), data=st.data())
def test_clean_offset_map(raw, data):
    ct = clean(raw)
    n, m = len(ct.text), len(raw)
    assert ct.original == raw
    last = -1
    for i in range(n):
        a, b = ct.to_original(i, i + 1)
        assert 0 <= a < b <= m
        assert a >= last  # the map never goes backwards
        last = a
    for _ in range(5):
        s = data.draw(st.integers(0, n))
        e = data.draw(st.integers(s, n))
        a, b = ct.to_original(s, e)
        assert 0 <= a <= b <= m
        if s < e:
            back = ct.from_original(a, b)
            assert back is not None and back[0] <= s and e <= back[1]
    for a, b, why in ct.removed:
        assert 0 <= a <= b <= m and why


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_PLAIN)
def test_clean_plain_text_words_map_to_themselves(raw):
    """On plain text every word of the cleaned text maps back to the same word of the input."""
    ct = clean(raw)
    pos = 0
    for w in ct.text.split():
        s = ct.text.index(w, pos)
        pos = s + len(w)
        a, b = ct.to_original(s, pos)
        assert raw[a:b] == w
        assert ct.from_original(a, b) == (s, pos)


# ------------------------------------------------------------------------------------------
# Hypothesis: the whole pipeline
# ------------------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(_INDONESIAN_LOOKING, st.text(_ANY, max_size=300), _PLAIN))
def test_pipeline_contract_on_random_text(nlp, raw):
    ann = nlp(raw)
    check_annotation(ann, raw)
    assert ann.text == clean(raw).text
    assert ann.relevant == (ann.frame != "LAIN")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(raw=_PLAIN)
def test_pipeline_spans_map_back_on_plain_text(nlp, raw):
    ann = nlp(raw)
    check_annotation(ann, raw)
    spans = [m for o in ann.officials for m in o.mentions] + [e.trigger for e in ann.events if e.trigger]
    spans += [v.evidence for v in ann.violations if v.evidence] + [l.span for l in ann.legal_refs if l.span]
    for s, e in spans:
        a, b = ann.original_span((s, e))
        assert _norm(raw[a:b]) == _norm(ann.text[s:e])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_pipeline_on_random_bytes(nlp, data):
    try:
        ann = nlp(data)
    except errors.EncodingError as exc:
        assert "decode" in str(exc) or "binary" in str(exc)
        return
    check_annotation(ann)


# ------------------------------------------------------------------------------------------
# The fuzz run
# ------------------------------------------------------------------------------------------


class Generator:
    """Inputs from a seeded random source: corpus snippets, mutations, noise, HTML, posts, bytes."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    def snippet(self, max_len: int = 1500) -> str:
        """A stretch of a corpus text, mostly short (mean about 170 characters) so that the run is fast."""
        t = self.r.choice(TEXTS)
        if len(t) <= 40:
            return t
        a = self.r.randrange(0, len(t) - 20)
        return t[a:a + min(max_len, 10 + int(self.r.expovariate(1 / 160)))]

    def unicode(self, n: int | None = None) -> str:
        r = self.r
        n = r.randint(0, 200) if n is None else n
        ranges = [(0x20, 0x7E), (0x00, 0x1F), (0x80, 0x24F), (0x2000, 0x206F), (0x0600, 0x06FF), (0x0E00, 0x0E7F),
                  (0x1F300, 0x1FAFF), (0x4E00, 0x4FFF), (0xFE00, 0xFFFF), (0x0300, 0x036F), (0xA980, 0xA9DF)]
        out = []
        for _ in range(n):
            lo, hi = r.choice(ranges)
            c = r.randint(lo, hi)
            if 0xD800 <= c <= 0xDFFF:
                continue
            out.append(chr(c))
        return "".join(out)

    def mutate(self, t: str) -> str:
        r = self.r
        for _ in range(r.randint(1, 8)):
            op = r.randrange(9)
            n = len(t)
            i = r.randint(0, n)
            if op == 0 and n:  # delete a range
                t = t[:i] + t[i + r.randint(1, 50):]
            elif op == 1:  # insert words
                t = t[:i] + " ".join(r.choice(WORDS) for _ in range(r.randint(1, 6))) + t[i:]
            elif op == 2:  # insert punctuation / newlines
                t = t[:i] + "".join(r.choice(PUNCT + ["\n", "\n\n", "  "]) for _ in range(r.randint(1, 5))) + t[i:]
            elif op == 3 and n:  # flip case of a stretch
                j = min(n, i + r.randint(1, 80))
                t = t[:i] + t[i:j].swapcase() + t[j:]
            elif op == 4:  # duplicate a line
                lines = t.split("\n")
                k = r.randrange(len(lines))
                lines.insert(k, lines[k])
                t = "\n".join(lines)
            elif op == 5:  # boilerplate line
                lines = t.split("\n")
                lines.insert(r.randint(0, len(lines)), r.choice(BOILER))
                t = "\n".join(lines)
            elif op == 6:  # HTML / entity / mojibake / emoji
                t = t[:i] + r.choice(HTML + MOJIBAKE + EMOJI) + t[i:]
            elif op == 7:  # random unicode
                t = t[:i] + self.unicode(r.randint(1, 10)) + t[i:]
            else:  # upper-case everything or strip spaces
                t = t.upper() if r.random() < 0.5 else t.replace(" ", "")
        return t

    def html(self) -> str:
        r = self.r
        paras = [self.snippet(200) for _ in range(r.randint(1, 3))]
        body = "".join(f"<p>{p}</p>" if r.random() < 0.8 else f"<div>{p}<br>{r.choice(BOILER)}" for p in paras)
        parts = [r.choice(["<!DOCTYPE html><html><head><title>t</title></head><body>", "<html><body>", ""]),
                 "<script>var x = '<p>Bupati</p>';</script>" if r.random() < 0.5 else "",
                 "<style>.a{content:'Camat'}</style>" if r.random() < 0.3 else "",
                 body, r.choice(["</body></html>", "", "<div class='related'>Berita Terkait<ul><li>x</li></ul>"])]
        t = "".join(parts)
        return self.mutate(t) if r.random() < 0.3 else t

    def post(self) -> str:
        r = self.r
        words = []
        for _ in range(r.randint(3, 40)):
            x = r.random()
            if x < 0.35:
                words.append(r.choice(SLANG))
            elif x < 0.7:
                words.append(r.choice(WORDS))
            elif x < 0.85:
                words.append(r.choice(EMOJI) * r.randint(1, 3))
            else:
                words.append(r.choice(["#netralitasASN", "@bawaslu_RI", "ASN", "pak camat", "paslon", "wkwk", "??"]))
        return " ".join(words)

    def __call__(self):
        r = self.r
        kind = r.choices(["snippet", "mutated", "unicode", "html", "post", "bytes", "surrogate", "empty"],
                         weights=[25, 30, 10, 12, 15, 5, 1, 2])[0]
        if kind == "snippet":
            return kind, self.snippet()
        if kind == "mutated":
            return kind, self.mutate(self.snippet(600))
        if kind == "unicode":
            return kind, self.unicode()
        if kind == "html":
            return kind, self.html()
        if kind == "post":
            return kind, self.post()
        if kind == "bytes":
            x = r.random()
            if x < 0.4:
                return kind, self.snippet(400).encode(r.choice(["utf-8", "utf-16", "utf-8-sig"]))
            if x < 0.7:
                return kind, self.snippet(400).encode("cp1252", errors="replace")
            return kind, bytes(r.randrange(256) for _ in range(r.randint(0, 200)))
        if kind == "surrogate":
            t = self.snippet(200)
            i = r.randint(0, len(t))
            return kind, t[:i] + chr(r.randint(0xD800, 0xDFFF)) + t[i:]
        return kind, r.choice(["", " ", "\n", "\u200b", "\ufeff"])


def _fuzz(nlp, seed: int, counter, end: float) -> dict:
    """Run generated inputs until ``counter`` reaches FUZZ_N or the wall clock reaches ``end``."""
    gen = Generator(seed)
    counts: dict[str, int] = {}
    typed: dict[str, int] = {}
    crashes: list[str] = []
    invalid: list[str] = []
    while time.time() < end and len(crashes) + len(invalid) <= 20:
        with counter.get_lock():
            if counter.value >= FUZZ_N:
                break
            counter.value += 1
        kind, x = gen()
        counts[kind] = counts.get(kind, 0) + 1
        try:
            ann = nlp(x)
        except errors.NetralError as exc:
            typed[type(exc).__name__] = typed.get(type(exc).__name__, 0) + 1
            continue
        except Exception:  # a crash: keep going, report them all at the end
            crashes.append(f"{kind} {x!r:.300}\n{traceback.format_exc(limit=-3)}")
            continue
        try:
            check_annotation(ann, x if isinstance(x, str) else None)
        except AssertionError as exc:
            invalid.append(f"{kind} {x!r:.300}: {exc!s:.500}")
    return {"ran": sum(counts.values()), "per_kind": counts, "typed_errors": typed, "crashes": crashes,
            "invalid": invalid}


def _fuzz_worker(seed: int, counter, end: float, queue) -> None:
    """The second process of the fuzz run (CI machines have two cores): loads its own pipeline."""
    try:
        import netral_nlp

        nlp = netral_nlp.load()
        queue.put(_fuzz(nlp, seed, counter, end))
    except BaseException:  # report, do not hang the parent
        queue.put({"ran": 0, "per_kind": {}, "typed_errors": {}, "invalid": [],
                   "crashes": [f"worker failed:\n{traceback.format_exc()}"]})


def _merge(a: dict, b: dict) -> dict:
    out = {"ran": a["ran"] + b["ran"], "crashes": a["crashes"] + b["crashes"], "invalid": a["invalid"] + b["invalid"]}
    for key in ("per_kind", "typed_errors"):
        out[key] = {k: a[key].get(k, 0) + b[key].get(k, 0) for k in sorted(set(a[key]) | set(b[key]))}
    return out


def test_fuzz_10000(nlp, record_property):
    """Up to FUZZ_N inputs in FUZZ_SECONDS, in this process and one worker process (different seeds)."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    counter = ctx.Value("l", 0)
    queue = ctx.Queue()
    t0 = time.time()
    end = t0 + FUZZ_SECONDS
    worker = None
    if FUZZ_WORKERS > 1:
        worker = ctx.Process(target=_fuzz_worker, args=(FUZZ_SEED + 1, counter, end, queue), daemon=True)
        worker.start()
    result = _fuzz(nlp, FUZZ_SEED, counter, end)
    processes = 1
    if worker is not None:
        import queue as queue_mod

        other = None
        give_up = time.time() + FUZZ_SECONDS + 120  # the worker's load time is not bounded by `end`
        while other is None and time.time() < give_up:
            try:
                other = queue.get(timeout=1.0)
            except queue_mod.Empty:
                if not worker.is_alive() and queue.empty():
                    break
        worker.join(timeout=10)
        if worker.is_alive():
            worker.kill()
        if other is None:
            other = {"ran": 0, "per_kind": {}, "typed_errors": {}, "invalid": [],
                     "crashes": [f"the fuzz worker died or hung (exit code {worker.exitcode})"]}
        processes += other["ran"] > 0
        result = _merge(result, other)
    crashes, invalid = result.pop("crashes"), result.pop("invalid")
    summary = {**result, "processes": processes, "seconds": round(time.time() - t0, 1), "crashes": len(crashes),
               "invalid": len(invalid), "seed": FUZZ_SEED}
    record_property("fuzz", json.dumps(summary))
    print(f"\nfuzz: {json.dumps(summary)}")
    assert not crashes, "\n\n".join(crashes[:5])
    assert not invalid, "\n\n".join(invalid[:5])
    assert result["ran"] >= min(FUZZ_N, 200), summary  # a slow or busy machine still runs a meaningful number
    assert result["ran"] <= FUZZ_N
    assert result["typed_errors"].get("EncodingError", 0) >= result["per_kind"].get("surrogate", 0)
