"""Where text becomes an :class:`~netral_nlp.schema.Annotation`.

``load()`` returns a :class:`Pipeline`: input checks and cleaning
(:mod:`netral_nlp.text.clean`), then a spaCy ``Language`` whose components fill the
contract's fields on the ``Doc``, then :func:`doc_to_annotation`.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import re
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import _spacy_import

_spacy_import.prepare()  # before spaCy: keep thinc from importing PyTorch (see the module)

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc

from . import labels
from .errors import ConfigError, EncodingError, InputError, ModelLoadError, TextTooLongError
from .schema import Annotation
from .text.clean import CleanText, clean
from .tokenizer import blank_indonesian
from .text.language import guess_language
from .text.normalize import is_colloquial, normalize_colloquial

# Importing the components registers their factories.
from .components import base as _base  # noqa: F401
from .components.base import text_of
from .components.officials import person_spans
from .components import rules as _rules  # noqa: F401
from .components import regions as _regions  # noqa: F401
from .components import officials as _officials  # noqa: F401
from .components import events as _events  # noqa: F401
from .components import violations as _violations  # noqa: F401
from .components import frame as _frame  # noqa: F401

#: Component order of the default pipeline. Later components read earlier ones' results.
DEFAULT_COMPONENTS = (
    "netral_dates",
    "netral_legal_refs",
    "netral_elections",
    "netral_regions",
    "netral_officials",
    "netral_events",
    "netral_violations",
    "netral_frame",
)

#: Texts longer than this (characters, after decoding) are refused with TextTooLongError.
DEFAULT_MAX_LENGTH = 2_000_000

PACKAGED_MODELS = Path(__file__).with_name("models")


def build_rule_nlp(components: Iterable[str] = DEFAULT_COMPONENTS) -> Language:
    """A blank Indonesian pipeline with the netral components (no trained weights)."""
    nlp = blank_indonesian()
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("netral_paragraphs")
    for name in components:
        nlp.add_pipe(name)
    return nlp


_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_text(value: Any) -> str:
    """Return ``value`` as ``str``; bytes are decoded as UTF-8, else cp1252, with a clear error."""
    if isinstance(value, str):
        m = _SURROGATE.search(value)
        if m:
            raise EncodingError(f"the text holds an unpaired surrogate (U+{ord(m.group()):04X} at character {m.start()}), "
                                f"which is not valid Unicode; it usually comes from bytes decoded with "
                                f"errors='surrogateescape': pass the bytes instead, or decode them with errors='replace'")
        return value
    if isinstance(value, (bytes, bytearray)):
        raw = bytes(value)
        for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
            if raw.startswith(bom):
                try:
                    return raw.decode(enc)
                except UnicodeDecodeError as exc:
                    raise EncodingError(f"the input starts with a {enc.upper()} byte-order mark but does not decode "
                                        f"as {enc.upper()} ({exc}); decode it yourself and pass a str") from exc
        if b"\x00" in raw[:4096]:
            raise EncodingError("the input holds NUL bytes: it looks like a binary file (or UTF-16/32 text without a "
                                "byte-order mark), not UTF-8 text; decode it yourself and pass a str")
        for enc in ("utf-8", "cp1252"):
            try:
                return raw.decode(enc)
            except UnicodeDecodeError:
                continue
        raise EncodingError("the input bytes are neither UTF-8 nor cp1252; decode them yourself and pass a str")
    raise InputError(f"expected text as str or bytes, got {type(value).__name__}")


#: Runs of non-space characters this long are cut into pieces of _LONG_RUN_PIECE characters before
#: spaCy's tokenizer sees them: its prefix/suffix loop is quadratic in the length of a run ("!!!!...",
#: a minified script, a base64 image): minutes for 100,000 characters.
_LONG_RUN = re.compile(r"\S{200,}")
_LONG_RUN_PIECE = 100


def _tokenize(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, with very long runs without spaces cut into fixed-size tokens."""
    if not _LONG_RUN.search(text):
        return nlp.make_doc(text)
    docs = []
    pos = 0
    for m in _LONG_RUN.finditer(text):
        if m.start() > pos:
            docs.append(nlp.make_doc(text[pos:m.start()]))
        run = m.group()
        words = [run[i:i + _LONG_RUN_PIECE] for i in range(0, len(run), _LONG_RUN_PIECE)]
        docs.append(Doc(nlp.vocab, words=words, spaces=[False] * len(words)))
        pos = m.end()
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    return Doc.from_docs(docs, ensure_whitespace=False)


class _Job:
    """One document on its way through the pipeline: its Doc, and what turns the Doc's results back
    into an Annotation of the text as given."""
    __slots__ = ("doc", "cleaned", "body", "normalized", "meta")

    def __init__(self, doc: Doc, cleaned: CleanText | None, body: str, normalized, meta: dict | None):
        self.doc, self.cleaned, self.body, self.normalized, self.meta = doc, cleaned, body, normalized, meta


class Pipeline:
    """The netral_nlp pipeline: ``nlp(text) -> Annotation`` and ``nlp.pipe(texts)``.

    nlp (Language): the spaCy pipeline with the netral components.
    clean_text (bool): remove scraped-page boilerplate and HTML before annotating.
    max_length (int): refuse longer texts with :class:`~netral_nlp.errors.TextTooLongError`.
    """

    def __init__(self, nlp: Language, *, clean_text: bool = True, max_length: int = DEFAULT_MAX_LENGTH,
                 name: str = "default", path: str | None = None):
        if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 1:
            raise ConfigError(f"max_length must be a positive number of characters, got {max_length!r}")
        self.nlp = nlp
        self.clean_text = clean_text
        self.max_length = max_length
        self.name = name
        self.path = path
        self.nlp.max_length = max(self.nlp.max_length, max_length + 1)
        self.normalize_posts = True
        # The NER runs inside netral_officials, on the sentences with a title only (much faster);
        # spaCy users calling the Language directly still get NER over the whole Doc.
        self.lazy = {"ner"} if "ner" in nlp.pipe_names and "netral_officials" in nlp.pipe_names else set()
        self.lazy |= _sentence_only_textcats(nlp)

    # -- single documents ---------------------------------------------------------
    def prepare(self, text: Any, *, id: str | None = None, published: str | None = None) -> tuple[CleanText | None, str]:
        """Decode, check and clean one input; return (cleaning result, text to annotate)."""
        if id is not None and not isinstance(id, str):
            raise InputError(f"id must be a str or None, got {type(id).__name__} {id!r}; pass str(id)")
        text = decode_text(text)
        if len(text) > self.max_length:
            raise TextTooLongError(
                f"text of {len(text):,} characters is over the limit of {self.max_length:,}"
                f"{f' (id {id!r})' if id else ''}; split it or pass max_length= to netral_nlp.load()")
        if not self.clean_text:
            return None, text
        cleaned = clean(text)
        return cleaned, cleaned.text

    def make_doc(self, text: str, *, id: str | None = None, published: str | None = None) -> Doc:
        doc = _tokenize(self.nlp, text)
        # spaCy's tokenizer is non-destructive (doc.text == text), and rebuilding doc.text from
        # every token is one of the pipeline's larger costs: seed the components' cache with it.
        doc.user_data["netral_text"] = (len(doc), text)
        doc._.netral_id = id
        doc._.netral_published = published
        doc._.netral_lang = guess_language(text)
        return doc

    def __call__(self, text: Any, *, id: str | None = None, published: str | None = None,
                 meta: dict | None = None) -> Annotation:
        """Annotate one text (str, bytes or HTML) and return its Annotation."""
        job = self._begin(text, id=id, published=published, meta=meta)
        for pname, proc in self.nlp.pipeline:
            if pname not in self.lazy:
                job.doc = proc(job.doc)
        return self._end(job)

    def _begin(self, text: Any, *, id: str | None, published: str | None, meta: dict | None) -> "_Job":
        cleaned, body = self.prepare(text, id=id, published=published)
        if published is None and cleaned is not None:
            published = removed_header_date(cleaned)
        # Colloquial posts are annotated in standard spelling, then mapped back to the post as written.
        normalized = normalize_colloquial(body) if self.normalize_posts and is_colloquial(body) else None
        doc = self.make_doc(normalized.text if normalized else body, id=id, published=published)
        return _Job(doc, cleaned, body, normalized, meta)

    def _end(self, job: "_Job") -> Annotation:
        ann = doc_to_annotation(job.doc)
        if job.normalized is not None:
            ann = remap_annotation(ann, job.normalized.to_original, job.body)
            ann.extra["normalized"] = True
        ann.cleaned = job.cleaned
        if job.meta:
            for k, v in job.meta.items():
                ann.extra.setdefault(k, v)
        return ann

    def annotate_batch(self, records: list[dict]) -> list[Annotation]:
        """Annotate records (dicts with "text" and optional "id", "published", "meta") together:
        the same Annotations as one call each, with the NER run once over the title sentences of
        all of them (see OfficialRecognizer.plan). The first bad input raises, as a loop of calls
        would, after nothing else: callers that yield as they go use :meth:`pipe`."""
        if "ner" not in self.lazy or len(records) < 2:
            return [self(r["text"], id=r.get("id"), published=r.get("published"), meta=r.get("meta")) for r in records]
        jobs = [self._begin(r["text"], id=r.get("id"), published=r.get("published"), meta=r.get("meta")) for r in records]
        names = [n for n in self.nlp.pipe_names if n not in self.lazy]
        split = names.index("netral_officials")
        for name in names[:split]:
            proc = self.nlp.get_pipe(name)
            for job in jobs:
                job.doc = proc(job.doc)
        officials = self.nlp.get_pipe("netral_officials")
        plans = [officials.plan(job.doc) for job in jobs]
        todo = [k for k, p in enumerate(plans) if p is not None]
        spans = person_spans(self.nlp, [text_of(jobs[k].doc) for k in todo], [plans[k][0] for k in todo])
        found = dict(zip(todo, spans))
        for k, job in enumerate(jobs):
            if plans[k] is None:
                job.doc = officials(job.doc)
            else:
                job.doc = officials.finish(job.doc, found[k], plans[k][1])
        for name in names[split + 1:]:
            proc = self.nlp.get_pipe(name)
            for job in jobs:
                job.doc = proc(job.doc)
        return [self._end(job) for job in jobs]

    def _annotate_batch_or_each(self, batch: list[dict]) -> Iterator[Annotation]:
        """annotate_batch; when a record of the batch fails, the records one by one instead, so the
        ones before it come out and its error is raised where a loop of calls raises it."""
        try:
            anns = self.annotate_batch(batch)
        except Exception:
            for rec in batch:
                yield self(rec["text"], id=rec.get("id"), published=rec.get("published"), meta=rec.get("meta"))
            return
        yield from anns

    def annotate_doc(self, doc: Doc) -> Doc:
        """Run the components on an already made Doc (for spaCy users)."""
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    # -- streams --------------------------------------------------------------------
    def pipe(self, texts: Iterable[Any], *, batch_size: int = 32, n_process: int = 1,
             start_method: str | None = None) -> Iterator[Annotation]:
        """Annotate a stream of texts (str, bytes, or dicts with "text" and optional "id",
        "published"), yielding Annotations in input order.

        n_process > 1 starts that many worker processes. start_method: "fork" (workers inherit
        this loaded pipeline: no second load) or "spawn" (each worker loads it again, a few seconds
        each); None picks fork on Linux when no other thread is running, else spawn.
        """
        if n_process < 1:
            raise ConfigError(f"n_process must be >= 1, got {n_process}")
        if batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {batch_size}")
        if start_method not in (None, "fork", "spawn"):
            raise ConfigError(f'start_method must be "fork", "spawn" or None, got {start_method!r}')
        records = (_as_record(t) for t in texts)
        if n_process == 1:
            for batch, error in _batched_until_error(records, batch_size):
                yield from self._annotate_batch_or_each(batch)
                if error is not None:
                    raise error
            return
        method = start_method or default_start_method()
        if method == "fork" and "fork" not in mp.get_all_start_methods():
            raise ConfigError("the fork start method is not available on this platform; use start_method='spawn'")
        global _FORK_PARENT
        if method == "fork":
            # Read by _worker_adopt in the forked children, which get a copy of this process.
            _FORK_PARENT = self
            init, initargs = _worker_adopt, ()
        else:
            init, initargs = _worker_init, (self.spec(),)
        try:
            with mp.get_context(method).Pool(n_process, initializer=init, initargs=initargs) as pool:
                batches = _batched(records, batch_size)
                for result in pool.imap(_worker_run, batches):
                    for d in result:
                        yield Annotation.from_dict(d)
        finally:
            _FORK_PARENT = None

    def spec(self) -> dict:
        """What a worker process needs to load the same pipeline."""
        return {"name": self.name, "path": self.path, "clean_text": self.clean_text, "max_length": self.max_length}

    def __repr__(self) -> str:
        return f"Pipeline(name={self.name!r}, components={self.nlp.pipe_names})"


def _sentence_only_textcats(nlp: Language) -> set[str]:
    """The modality classifier that netral_violations runs on its candidate sentences itself: run over
    the whole Doc as a pipe it only adds modality scores to ``doc.cats``, which no component and no
    Annotation field reads (netral_frame reads the frame labels only), at about the cost of the frame
    classifier. Kept when another component names it as its own textcat."""
    if "netral_violations" not in nlp.pipe_names:
        return set()
    name = getattr(nlp.get_pipe("netral_violations"), "modality_textcat", None)
    frame_tc = getattr(nlp.get_pipe("netral_frame"), "textcat", None) if "netral_frame" in nlp.pipe_names else None
    if name and name in nlp.pipe_names and name != frame_tc:
        return {name}
    return set()


def removed_header_date(cleaned: CleanText) -> str | None:
    """The publication date line ("Rabu, 16 Oktober 2024 | 10:15 WIB") that cleaning removed as page
    furniture near the top: the reference for "kemarin" and year-less dates, which the cleaned text
    no longer shows. ISO date or None."""
    from .rules.dates import find_dateline_date

    for start, end, kind in cleaned.removed:
        if kind == "boilerplate:date" and start < _HEADER_DATE_WITHIN:
            found = find_dateline_date(cleaned.original[start:end])
            if found is not None:
                return found.isoformat()
    return None


_HEADER_DATE_WITHIN = 1500  # characters of the original: a date line further down belongs to something else


def _as_record(item: Any) -> dict:
    if isinstance(item, dict):
        if "text" not in item:
            raise InputError(f"a record needs a 'text' field; got keys {sorted(item)}")
        return item
    return {"text": item}


def _batched_until_error(it: Iterator, n: int) -> Iterator[tuple[list, Exception | None]]:
    """Batches of up to n items, each with the exception that reading the next item raised (then
    the last batch): the items read before a bad one are still annotated and yielded first."""
    while True:
        chunk = []
        try:
            for item in it:
                chunk.append(item)
                if len(chunk) == n:
                    break
        except Exception as exc:  # noqa: BLE001 - re-raised by the caller after the chunk
            yield chunk, exc
            return
        if not chunk:
            return
        yield chunk, None


def _batched(it: Iterator, n: int) -> Iterator[list]:
    while True:
        chunk = list(itertools.islice(it, n))
        if not chunk:
            return
        yield chunk


_WORKER: Pipeline | None = None
_FORK_PARENT: Pipeline | None = None


def default_start_method() -> str:
    """How Pipeline.pipe starts its workers: fork on Linux when this process runs no other
    thread (forking a threaded process can deadlock the child), spawn everywhere else."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


def use_numpy_matmul(nlp: Language) -> None:
    """Run the trained components' matrix products through NumPy's BLAS (OpenBLAS in the NumPy
    wheels) instead of thinc's default BLIS kernels, which are slower at the NER's and classifiers'
    small sizes on the CPUs measured (benchmarks/bench_matmul.py: the whole pipeline's time and
    whether the annotations stay identical). Set NETRAL_NLP_BLIS=1 to keep BLIS."""
    if os.environ.get("NETRAL_NLP_BLIS") == "1":
        return
    from thinc.api import NumpyOps

    set_ops(nlp, NumpyOps(use_blis=False))


def set_ops(nlp: Language, ops) -> None:
    """Give every layer of the pipeline's trained components these thinc ops."""
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def _one_blas_thread() -> None:
    """A worker of pipe(n_process=N) keeps BLAS to one thread: N workers already fill the cores, and
    more threads than cores only wait on each other."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def _worker_adopt() -> None:
    global _WORKER
    _one_blas_thread()
    _WORKER = _FORK_PARENT


def _worker_init(spec: dict) -> None:
    global _WORKER
    _one_blas_thread()
    _WORKER = load(spec["name"], model=spec["path"], clean_text=spec["clean_text"], max_length=spec["max_length"])


def _worker_run(batch: list[dict]) -> list[dict]:
    assert _WORKER is not None
    return [ann.to_dict() for ann in _WORKER._annotate_batch_or_each(batch)]


def remap_annotation(ann: Annotation, mapper, text: str) -> Annotation:
    """Move every span of ``ann`` through ``mapper`` (a ``to_original``) onto ``text``."""
    def m(span):
        return None if span is None else tuple(mapper(span[0], span[1]))

    for o in ann.officials:
        o.mentions = [m(x) for x in o.mentions]
    for e in ann.events:
        e.trigger = m(e.trigger)
    for v in ann.violations:
        v.evidence = m(v.evidence)
    for l in ann.legal_refs:
        l.span = m(l.span)
    ann.text = text
    return ann


def doc_to_annotation(doc: Doc) -> Annotation:
    """Read the components' results off a Doc into an Annotation (the output contract)."""
    x = doc._
    frame = x.netral_frame or labels.IRRELEVANT_FRAME
    lang = x.netral_lang or "id"
    if lang != "id":
        frame = labels.IRRELEVANT_FRAME
    record = {
        "id": x.netral_id,
        "text": text_of(doc),
        "lang": lang,
        "relevant": frame != labels.IRRELEVANT_FRAME,
        "frame": frame,
        "elections": x.netral_elections or [],
        "regions": x.netral_regions or [],
        "officials": x.netral_officials or [],
        "events": x.netral_events or [],
        "violations": x.netral_violations or [],
        "legal_refs": x.netral_legal_refs or [],
    }
    return Annotation.from_dict(record)


def load(name: str = "default", *, model: str | Path | None = None, clean_text: bool = True,
         max_length: int = DEFAULT_MAX_LENGTH, **kwargs) -> Pipeline:
    """Load a netral_nlp pipeline.

    name (str): "default" (the embedded CPU pipeline), "rules" (rule components only) or
        "indobert" (a fine-tuned IndoBERT; needs ``model``).
    model (str | Path): a model directory (spaCy format for "default", a Hugging Face
        checkpoint directory or hub name for "indobert").
    clean_text (bool): remove boilerplate/HTML first.
    RETURNS (Pipeline): call it on a text to get an Annotation.
    """
    if name == "rules":
        return Pipeline(build_rule_nlp(), clean_text=clean_text, max_length=max_length, name=name)
    if name == "default":
        path = Path(model) if model else PACKAGED_MODELS / "default"
        if model is None and not path.exists():
            return Pipeline(build_rule_nlp(), clean_text=clean_text, max_length=max_length, name=name)
        from .models_io import load_spacy_dir

        nlp = load_spacy_dir(path)
        use_numpy_matmul(nlp)
        return Pipeline(nlp, clean_text=clean_text, max_length=max_length, name=name,
                        path=str(path) if model else None)
    if name == "indobert":
        if model is None:
            raise ConfigError('netral_nlp.load("indobert") needs model=PATH_OR_HUB_NAME of a fine-tuned checkpoint')
        from .backends.indobert import load_indobert_pipeline

        return load_indobert_pipeline(model, clean_text=clean_text, max_length=max_length, **kwargs)
    raise ConfigError(f"unknown pipeline {name!r}; use 'default', 'rules' or 'indobert'")
