"""The IndoBERT backend: ``netral_nlp.load("indobert", model=PATH_OR_HUB_NAME)``.

Text goes through the same input checks and cleaning as the default pipeline and into a spaCy
``Doc`` with the rule components that the model does not replace (dates, legal-reference parsing,
elections, regions). The fine-tuned model (:mod:`.bert_model`) then gives names, legal-reference
spans, event triggers, violation evidence and the frame, and :mod:`.bert_fields` turns them into
the contract's fields. ``pipe()`` batches documents so the model sees length-sorted windows.
"""
from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .. import labels
from ..components.base import set_span_group
from ..errors import ConfigError
from ..pipeline import DEFAULT_MAX_LENGTH, Pipeline, _as_record, _batched, build_rule_nlp, doc_to_annotation
from ..schema import Annotation
from . import bert_fields
from .bert_inference import DocPrediction, SpanPredictor
from .bert_model import NetralBertModel

#: The rule components that still run: the model covers officials, events, violations and the frame.
RULE_COMPONENTS = ("netral_dates", "netral_legal_refs", "netral_elections", "netral_regions")


class IndoBertPipeline(Pipeline):
    """``nlp(text) -> Annotation`` and ``nlp.pipe(texts)`` with a fine-tuned IndoBERT.

    predictor (SpanPredictor): the model with its inference settings.
    options (dict): the keyword arguments it was loaded with (for worker processes).
    """

    def __init__(self, predictor: SpanPredictor, *, clean_text: bool = True, max_length: int = DEFAULT_MAX_LENGTH,
                 path: str | None = None, options: dict | None = None):
        super().__init__(build_rule_nlp(RULE_COMPONENTS), clean_text=clean_text, max_length=max_length,
                         name="indobert", path=path)
        self.predictor = predictor
        self.options = dict(options or {})

    def __call__(self, text: Any, *, id: str | None = None, published: str | None = None,
                 meta: dict | None = None) -> Annotation:
        return self._annotate_batch([{"text": text, "id": id, "published": published, "meta": meta}])[0]

    def annotate_doc(self, doc: Doc) -> Doc:
        """Fill an already made Doc (for spaCy users)."""
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return self.fill_doc(doc, self.predictor.predict([doc.text])[0])

    def fill_doc(self, doc: Doc, pred: DocPrediction) -> Doc:
        """Write the model's reading of ``doc`` onto it, in the default components' shapes."""
        sents = bert_fields.Sentences(doc)
        entity = pred.spans.get("entity", [])
        officials = bert_fields.officials_from_spans(doc, [s for s in entity if s[2] == "PERSON"])
        doc._.netral_officials = officials
        doc._.netral_legal_refs = bert_fields.legal_refs_from_spans(doc, [s for s in entity if s[2] == "LEGAL_REF"])
        doc._.netral_events = bert_fields.events_from_spans(doc, pred.spans.get("event", []), sents)
        doc._.netral_frame = pred.frame
        doc._.netral_frame_scores = pred.frame_scores
        violations = bert_fields.violations_from_spans(doc, pred.spans.get("violation", []), officials, sents)
        # As in the default: a document judged not relevant reports no violations.
        doc._.netral_violations = [] if pred.frame == labels.IRRELEVANT_FRAME else violations
        set_span_group(doc, "officials", [(s, e, f"OFFICIAL_{o['category']}") for o in officials for s, e in o["mentions"]])
        set_span_group(doc, "legal_refs", [(*l["span"], f"LEGAL_{l['kind']}") for l in doc._.netral_legal_refs])
        set_span_group(doc, "events", [(*e["trigger"], f"EVENT_{e['type']}") for e in doc._.netral_events])
        set_span_group(doc, "violations", [(*v["evidence"], f"VIOL_{v['type']}") for v in doc._.netral_violations])
        return doc

    def _annotate_batch(self, records: list[dict]) -> list[Annotation]:
        prepared = []
        for rec in records:
            cleaned, body = self.prepare(rec["text"], id=rec.get("id"), published=rec.get("published"))
            doc = self.make_doc(body, id=rec.get("id"), published=rec.get("published"))
            for _, proc in self.nlp.pipeline:
                doc = proc(doc)
            prepared.append((cleaned, doc))
        preds = self.predictor.predict([doc.text for _, doc in prepared])
        out = []
        for rec, (cleaned, doc), pred in zip(records, prepared, preds):
            ann = doc_to_annotation(self.fill_doc(doc, pred))
            ann.cleaned = cleaned
            for k, v in (rec.get("meta") or {}).items():
                ann.extra.setdefault(k, v)
            out.append(ann)
        return out

    def pipe(self, texts: Iterable[Any], *, batch_size: int = 32, n_process: int = 1) -> Iterator[Annotation]:
        """Annotate a stream in input order. ``batch_size`` documents are length-sorted into
        windows together; n_process > 1 starts that many workers, each with cpu_count/n_process
        torch threads."""
        if n_process < 1:
            raise ConfigError(f"n_process must be >= 1, got {n_process}")
        if batch_size < 1:
            raise ConfigError(f"batch_size must be >= 1, got {batch_size}")
        batches = _batched((_as_record(t) for t in texts), batch_size)
        if n_process == 1:
            for batch in batches:
                yield from self._annotate_batch(batch)
            return
        spec = self.spec()
        spec["options"]["num_threads"] = max(1, (os.cpu_count() or 1) // n_process)
        ctx = mp.get_context("spawn")
        with ctx.Pool(n_process, initializer=_worker_init, initargs=(spec,)) as pool:
            for result in pool.imap(_worker_run, batches):
                for d in result:
                    yield Annotation.from_dict(d)

    def spec(self) -> dict:
        return {"path": self.path, "clean_text": self.clean_text, "max_length": self.max_length,
                "options": dict(self.options)}

    def __repr__(self) -> str:
        q = "int8" if self.predictor.quantized else "float"
        return f"IndoBertPipeline(path={self.path!r}, device={self.predictor.device}, weights={q})"


def load_indobert_pipeline(model: str | Path, *, clean_text: bool = True, max_length: int = DEFAULT_MAX_LENGTH,
                           device: str = "auto", precision: str = "fp32", quantize: str | None = "auto",
                           batch_size: int = 16, window: int | None = None, stride: int = 128,
                           num_threads: int | None = None, local_files_only: bool = False,
                           revision: str | None = None) -> IndoBertPipeline:
    """Load a fine-tuned netral IndoBERT checkpoint (directory or hub name) as a pipeline.

    device (str): "auto", "cpu", "cuda", "cuda:N".
    precision (str): "fp32", or "bf16"/"fp16" autocast on a GPU.
    quantize (str | None): "int8" dynamic quantization of the Linear layers (CPU), None for
        float weights; "auto" is int8 on CPU.
    batch_size (int): windows per forward pass.
    window (int | None): tokens per window (default: the length it was trained with, at most 512).
    stride (int): tokens shared by neighbouring windows of a long document.
    num_threads (int | None): torch threads of this process.
    local_files_only (bool): never contact the hub for a hub name.
    """
    net, tokenizer = NetralBertModel.from_pretrained(model, local_files_only=local_files_only, revision=revision)
    options = {"device": device, "precision": precision, "quantize": quantize, "batch_size": batch_size,
               "window": window, "stride": stride, "num_threads": num_threads,
               "local_files_only": local_files_only, "revision": revision}
    q = quantize
    if q == "auto":
        q = "int8"  # SpanPredictor keeps float weights on a GPU
    predictor = SpanPredictor(net, tokenizer, device=device, precision=precision, quantize=q,
                              batch_size=batch_size, max_length=window, stride=stride, num_threads=num_threads)
    return IndoBertPipeline(predictor, clean_text=clean_text, max_length=max_length, path=str(model), options=options)


_WORKER: IndoBertPipeline | None = None


def _worker_init(spec: dict) -> None:
    global _WORKER
    _WORKER = load_indobert_pipeline(spec["path"], clean_text=spec["clean_text"], max_length=spec["max_length"],
                                     **spec["options"])


def _worker_run(batch: list[dict]) -> list[dict]:
    assert _WORKER is not None, "worker used before _worker_init"
    return [a.to_dict() for a in _WORKER._annotate_batch(batch)]
