"""Sliding windows over long documents, and merging their outputs back to one document.

A document is tokenized once (no special tokens, with character offsets); its token ids are cut
into windows of at most ``size`` tokens that overlap by ``stride`` tokens, each wrapped in
[CLS] ... [SEP]. Every token's prediction is read from the one window that owns it: the
boundary between two neighbouring windows lies in the middle of their overlap, so each token
is judged with at least ``stride / 2`` tokens of context on both sides (except at the document's
own edges). Offsets never leave the document because they come from the single encoding.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Window:
    doc: int  # index of the document in its batch
    start: int  # first token of the document in this window
    end: int  # one past the last token
    own_start: int  # the part of [start, end) this window owns
    own_end: int


def window_bounds(n_tokens: int, size: int, stride: int) -> list[tuple[int, int]]:
    """[start, end) token ranges of windows of ``size`` tokens overlapping by ``stride``."""
    if size <= 0:
        raise ValueError(f"window size must be positive, got {size}")
    if not 0 <= stride < size:
        raise ValueError(f"stride must be in [0, size), got {stride} for size {size}")
    if n_tokens <= size:
        return [(0, n_tokens)]
    step = size - stride
    starts = list(range(0, n_tokens - size, step)) + [n_tokens - size]
    return [(s, s + size) for s in starts]


def make_windows(doc: int, n_tokens: int, size: int, stride: int) -> list[Window]:
    bounds = window_bounds(n_tokens, size, stride)
    out = []
    for i, (s, e) in enumerate(bounds):
        own_s = 0 if i == 0 else (s + bounds[i - 1][1]) // 2
        own_e = n_tokens if i == len(bounds) - 1 else (bounds[i + 1][0] + e) // 2
        out.append(Window(doc, s, e, own_s, own_e))
    return out


def merge_token_outputs(windows: list[Window], outputs: list[np.ndarray], n_tokens: int) -> np.ndarray:
    """One document's per-token outputs from its windows' outputs (each without [CLS]/[SEP])."""
    if not windows:
        return np.zeros((0, 0), dtype=np.float32)
    width = outputs[0].shape[-1]
    merged = np.zeros((n_tokens, width), dtype=outputs[0].dtype)
    for w, out in zip(windows, outputs):
        merged[w.own_start:w.own_end] = out[w.own_start - w.start:w.own_end - w.start]
    return merged


def pad_batch(seqs: list[np.ndarray], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    """Dynamic padding: (ids, attention mask) padded to the longest sequence of this batch only."""
    longest = max(len(s) for s in seqs)
    ids = np.full((len(seqs), longest), pad_id, dtype=np.int64)
    mask = np.zeros((len(seqs), longest), dtype=np.int64)
    for i, s in enumerate(seqs):
        ids[i, :len(s)] = s
        mask[i, :len(s)] = 1
    return ids, mask
