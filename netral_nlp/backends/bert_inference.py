"""Batched IndoBERT inference: many documents in, spans and frame scores out.

Built for archives: every document is tokenized once (fast tokenizer, character offsets), cut
into overlapping windows (:mod:`.windows`), and the windows of many documents are sorted by
length and run in batches padded only to their own longest window. Decoding is vectorised with
numpy (argmax, softmax and BIO decoding over whole arrays); Python loops run over windows and
spans, never over tokens.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from ..errors import BackendError, ConfigError
from .bert_model import NetralBertModel, quantize_int8
from .span_labels import decode_tags, word_spans
from .windows import Window, make_windows, merge_token_outputs, pad_batch

PredSpan = tuple[int, int, str, float]


@dataclass
class DocPrediction:
    """What the model says about one document."""

    spans: dict[str, list[PredSpan]]  # group -> (start, end, type, score)
    frame_scores: dict[str, float]

    @property
    def frame(self) -> str:
        return max(self.frame_scores, key=self.frame_scores.get)


class SpanPredictor:
    """Run a :class:`NetralBertModel` over texts.

    model (NetralBertModel), tokenizer (fast tokenizer): a loaded checkpoint.
    device (str): "cpu", "cuda", "cuda:1", or "auto" (CUDA when available).
    precision (str): "fp32", "bf16" or "fp16" (half precisions on CUDA only).
    quantize (str | None): "int8" for dynamic int8 Linear layers on CPU; None for float.
    batch_size (int): windows per forward pass.
    max_length (int): tokens per window including [CLS] and [SEP] (at most the model's positions).
    stride (int): tokens shared by neighbouring windows.
    num_threads (int | None): torch intra-op threads for this process.
    """

    def __init__(self, model: NetralBertModel, tokenizer, *, device: str = "auto", precision: str = "fp32",
                 quantize: str | None = "int8", batch_size: int = 16, max_length: int | None = None,
                 stride: int = 128, num_threads: int | None = None):
        if num_threads:
            torch.set_num_threads(int(num_threads))
        self.device = torch.device("cuda" if device == "auto" and torch.cuda.is_available() else
                                   "cpu" if device == "auto" else device)
        if self.device.type == "cuda" and not torch.cuda.is_available():
            raise BackendError(f"device {device!r} asked for, but torch sees no CUDA GPU here; use device='cpu'")
        if precision not in ("fp32", "bf16", "fp16"):
            raise ConfigError(f"precision must be 'fp32', 'bf16' or 'fp16', got {precision!r}")
        self.autocast_dtype = None
        if precision != "fp32" and self.device.type == "cuda":
            self.autocast_dtype = torch.bfloat16 if precision == "bf16" else torch.float16
        if quantize not in (None, "int8"):
            raise ConfigError(f"quantize must be 'int8' or None, got {quantize!r}")
        # int8 dynamic quantization runs on CPU kernels only; on a GPU the float model is used.
        self.quantized = quantize == "int8" and self.device.type == "cpu"
        model = model.eval()
        self.model = quantize_int8(model) if self.quantized else model.to(self.device)
        self.tokenizer = tokenizer
        limit = int(getattr(model.config, "max_position_embeddings", 512))
        self.max_length = min(int(max_length or getattr(model.config, "netral_max_length", 512) or 512), limit)
        if self.max_length < 8:
            raise ConfigError(f"max_length must be at least 8 tokens, got {self.max_length}")
        self.stride = min(int(stride), (self.max_length - 2) // 2)
        self.batch_size = int(batch_size)
        self.scheme = model.scheme
        self.frames = model.frames
        self.cls_id, self.sep_id = tokenizer.cls_token_id, tokenizer.sep_token_id
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0

    # -- encoding -----------------------------------------------------------------------
    def encode(self, texts: list[str]) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """Per text: (token ids, character offsets [n, 2], word ids), without special tokens."""
        enc = self.tokenizer(texts, add_special_tokens=False, return_offsets_mapping=True, truncation=False,
                             return_attention_mask=False, return_token_type_ids=False, verbose=False)
        out = []
        for i in range(len(texts)):
            ids = np.asarray(enc["input_ids"][i], dtype=np.int64)
            offsets = np.asarray(enc["offset_mapping"][i], dtype=np.int64).reshape(-1, 2)
            # float conversion maps None (no word) to nan in C, without a Python loop per token
            words = np.asarray(enc.word_ids(i), dtype=np.float64)
            words = np.where(np.isnan(words), -1, words).astype(np.int64)
            out.append((ids, offsets, words))
        return out

    # -- the model ------------------------------------------------------------------------
    def run_windows(self, encoded: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
                    ) -> tuple[list[list[Window]], list[list[np.ndarray]], list[list[np.ndarray]]]:
        """Token logits and frame logits of every window of every document, in batches of
        windows sorted by length (dynamic padding)."""
        size = self.max_length - 2
        windows = [w for d, (ids, _, _) in enumerate(encoded) for w in make_windows(d, len(ids), size, self.stride)]
        order = sorted(range(len(windows)), key=lambda i: windows[i].end - windows[i].start, reverse=True)
        tok_out: list[np.ndarray | None] = [None] * len(windows)
        frame_out: list[np.ndarray | None] = [None] * len(windows)
        with torch.inference_mode():
            for b in range(0, len(order), self.batch_size):
                chunk = order[b:b + self.batch_size]
                seqs = [np.concatenate(([self.cls_id], encoded[windows[i].doc][0][windows[i].start:windows[i].end],
                                        [self.sep_id])) for i in chunk]
                ids, mask = pad_batch(seqs, self.pad_id)
                tok_logits, frame_logits = self._forward(torch.from_numpy(ids), torch.from_numpy(mask))
                for k, i in enumerate(chunk):
                    n = windows[i].end - windows[i].start
                    tok_out[i] = tok_logits[k, 1:1 + n]
                    frame_out[i] = frame_logits[k]
        per_doc_w: list[list[Window]] = [[] for _ in encoded]
        per_doc_t: list[list[np.ndarray]] = [[] for _ in encoded]
        per_doc_f: list[list[np.ndarray]] = [[] for _ in encoded]
        for w, t, f in zip(windows, tok_out, frame_out):
            per_doc_w[w.doc].append(w)
            per_doc_t[w.doc].append(t)
            per_doc_f[w.doc].append(f)
        return per_doc_w, per_doc_t, per_doc_f

    def _forward(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[np.ndarray, np.ndarray]:
        ids, mask = ids.to(self.device), mask.to(self.device)
        if self.autocast_dtype is not None:
            with torch.autocast(self.device.type, dtype=self.autocast_dtype):
                tok, frame = self.model(ids, mask)
        else:
            tok, frame = self.model(ids, mask)
        return tok.float().cpu().numpy(), frame.float().cpu().numpy()

    # -- decoding --------------------------------------------------------------------------
    def decode(self, encoded_doc, windows, tok_logits, frame_logits) -> DocPrediction:
        ids, offsets, words = encoded_doc
        merged = merge_token_outputs(windows, tok_logits, len(ids))
        first, w_start, w_end = word_spans(words, offsets)
        spans: dict[str, list[PredSpan]] = {}
        for group, sl in self.scheme.slices.items():
            types = self.scheme.groups[group]
            if first.size == 0:
                spans[group] = []
                continue
            probs = _softmax(merged[first, sl])
            tags = probs.argmax(-1)
            top = probs.max(-1)
            starts, ends, kinds = decode_tags(tags)
            if starts.size == 0:
                spans[group] = []
                continue
            # mean probability of the span's words: sums over [start, end] by cumulative sums
            csum = np.concatenate(([0.0], np.cumsum(top)))
            scores = (csum[ends + 1] - csum[starts]) / (ends - starts + 1)
            spans[group] = [(int(a), int(b), types[k], float(sc)) for a, b, k, sc in
                            zip(w_start[starts], w_end[ends], kinds, scores)]
        frame_probs = _softmax(np.mean(np.stack(frame_logits), axis=0, keepdims=True))[0]
        return DocPrediction(spans, {f: float(p) for f, p in zip(self.frames, frame_probs)})

    def predict(self, texts: list[str]) -> list[DocPrediction]:
        """Spans and frame scores for each text (any length: long texts go through windows)."""
        if not texts:
            return []
        encoded = self.encode(list(texts))
        windows, tok, frame = self.run_windows(encoded)
        return [self.decode(encoded[d], windows[d], tok[d], frame[d]) for d in range(len(texts))]


def _softmax(x: np.ndarray) -> np.ndarray:
    z = np.exp(x - x.max(-1, keepdims=True))
    return z / z.sum(-1, keepdims=True)
