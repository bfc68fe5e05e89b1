"""Fine-tune IndoBERT (or any BERT-family encoder) for the netral_nlp ``indobert`` backend.

    python training/train_indobert.py --model indobenchmark/indobert-base-p1 --output_dir models/indobert-netral
    python training/train_indobert.py training/configs/indobert.json

Reads the netral-id corpus (train and dev splits; the test split is never read here), trains one
encoder with a BIO token head and a frame head (:class:`netral_nlp.backends.bert_model.NetralBertModel`),
scores the whole loaded pipeline on dev with :mod:`netral_nlp.evaluate` after every epoch, stops
early when the dev score stops improving, and saves the best epoch with ``save_pretrained``
(safetensors) plus a README.md model card holding its real dev scores.
"""
from __future__ import annotations

import copy
import json
import logging
import math
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch

from netral_nlp import labels
from netral_nlp.backends.bert_inference import SpanPredictor
from netral_nlp.backends.bert_model import NetralBertModel
from netral_nlp.backends.indobert import IndoBertPipeline
from netral_nlp.backends.span_labels import DEFAULT_SCHEME, IGNORE, LabelScheme, encode_tags, record_spans, word_spans
from netral_nlp.backends.windows import pad_batch, window_bounds
from netral_nlp.corpus import read_records
from netral_nlp.evaluate import Scores, evaluate, format_table

log = logging.getLogger("train_indobert")


@dataclass
class ModelArguments:
    model: str = field(default="indobenchmark/indobert-base-p1",
                       metadata={"help": "hub name or local directory of the pretrained encoder and its tokenizer"})
    local_files_only: bool = field(default=False, metadata={"help": "never contact the hub"})


@dataclass
class DataArguments:
    corpus: str = field(default="netral-id", metadata={"help": "corpus name for netral_nlp.corpus.read_records"})
    data_dir: str | None = field(default=None, metadata={"help": "read the corpus splits from this folder instead"})
    max_seq_length: int = field(default=512, metadata={"help": "tokens per window, [CLS] and [SEP] included"})
    stride: int = field(default=128, metadata={"help": "tokens shared by neighbouring windows"})
    max_train_samples: int | None = field(default=None, metadata={"help": "use only the first N train documents"})
    max_eval_samples: int | None = field(default=None, metadata={"help": "use only the first N dev documents"})


@dataclass
class TrainArguments:
    output_dir: str = field(default="models/indobert-netral")
    seed: int = 42
    num_train_epochs: float = 10.0
    max_steps: int = field(default=-1, metadata={"help": "stop after this many optimizer steps (overrides epochs)"})
    per_device_train_batch_size: int = 8
    per_device_eval_batch_size: int = 16
    gradient_accumulation_steps: int = 1
    learning_rate: float = 5e-5
    head_learning_rate: float = field(default=1e-3, metadata={"help": "learning rate of the two new heads"})
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    max_grad_norm: float = 1.0
    bf16: str = field(default="auto", metadata={"help": "auto (when the GPU supports it), yes or no"})
    device: str = field(default="auto", metadata={"help": "auto, cpu, cuda or cuda:N"})
    early_stopping_patience: int = field(default=3, metadata={"help": "evaluations without dev improvement before stopping"})
    eval_every_steps: int = field(default=0, metadata={"help": "evaluate every N optimizer steps (0: once per epoch)"})
    logging_steps: int = 20


# -- data -------------------------------------------------------------------------------------
@dataclass
class Example:
    input_ids: np.ndarray  # [CLS] window [SEP]
    tags: np.ndarray  # [len(input_ids), groups]; IGNORE where nothing is learnt
    frame: int


def build_examples(records: list[dict], tokenizer, scheme: LabelScheme, frames: tuple[str, ...],
                   max_length: int, stride: int) -> list[Example]:
    """Windows of each document with BIO tags on each word's first subword and -100 on [CLS],
    [SEP] and continuation subwords; every window carries its document's frame."""
    enc = tokenizer([r["text"] for r in records], add_special_tokens=False, return_offsets_mapping=True,
                    truncation=False, verbose=False)
    frame_id = {f: i for i, f in enumerate(frames)}
    edge = np.full((1, len(scheme.groups)), IGNORE, dtype=np.int64)
    out = []
    for i, rec in enumerate(records):
        ids = np.asarray(enc["input_ids"][i], dtype=np.int64)
        offsets = np.asarray(enc["offset_mapping"][i], dtype=np.int64).reshape(-1, 2)
        words = np.asarray(enc.word_ids(i), dtype=np.float64)
        words = np.where(np.isnan(words), -1, words).astype(np.int64)
        first, w_start, w_end = word_spans(words, offsets)
        spans = record_spans(rec)
        token_tags = np.full((len(ids), len(scheme.groups)), IGNORE, dtype=np.int64)
        for g, (group, types) in enumerate(scheme.groups.items()):
            token_tags[first, g] = encode_tags(spans.get(group, []), types, w_start, w_end)
        for s, e in window_bounds(len(ids), max_length - 2, stride):
            seq = np.concatenate(([tokenizer.cls_token_id], ids[s:e], [tokenizer.sep_token_id]))
            out.append(Example(seq, np.concatenate((edge, token_tags[s:e], edge)), frame_id[rec["frame"]]))
    return out


def collate(batch: list[Example], pad_id: int) -> dict[str, torch.Tensor]:
    """Dynamic padding to the longest example of the batch; tags padded with -100."""
    ids, mask = pad_batch([e.input_ids for e in batch], pad_id)
    tags = np.full((len(batch), ids.shape[1], batch[0].tags.shape[1]), IGNORE, dtype=np.int64)
    for i, e in enumerate(batch):
        tags[i, :len(e.tags)] = e.tags
    return {"input_ids": torch.from_numpy(ids), "attention_mask": torch.from_numpy(mask),
            "tags": torch.from_numpy(tags), "frame": torch.tensor([e.frame for e in batch])}


# -- evaluation ---------------------------------------------------------------------------------
#: Fields averaged into the one dev score that early stopping follows.
SELECTION_FIELDS = ("frame", "officials", "event_types", "violation_types", "violation_type_modality", "legal_refs")


def dev_scores(model: NetralBertModel, tokenizer, dev: list[dict], args: "Arguments") -> tuple[Scores, float]:
    """Run the whole pipeline (model + rules) on the dev texts and score it against gold."""
    predictor = SpanPredictor(model, tokenizer, device=args.train.device, quantize=None,
                              batch_size=args.train.per_device_eval_batch_size,
                              max_length=args.data.max_seq_length, stride=args.data.stride)
    nlp = IndoBertPipeline(predictor, clean_text=False)
    preds = [a.to_dict() for a in nlp.pipe([{"id": r["id"], "text": r["text"]} for r in dev],
                                           batch_size=args.train.per_device_eval_batch_size)]
    scores = evaluate(dev, preds)
    d = scores.to_dict()
    value = float(np.mean([d[f].get("f1", d[f].get("accuracy")) for f in SELECTION_FIELDS]))
    model.train()
    return scores, value


# -- training -----------------------------------------------------------------------------------
@dataclass
class Arguments:
    model: ModelArguments
    data: DataArguments
    train: TrainArguments


def parse_args(argv: list[str] | None = None) -> Arguments:
    from transformers import HfArgumentParser

    parser = HfArgumentParser((ModelArguments, DataArguments, TrainArguments))
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) == 1 and argv[0].endswith(".json"):
        m, d, t = parser.parse_json_file(json_file=argv[0])
    else:
        m, d, t = parser.parse_args_into_dataclasses(args=argv)
    return Arguments(m, d, t)


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def make_optimizer(model: NetralBertModel, args: TrainArguments, total_steps: int):
    from transformers import get_linear_schedule_with_warmup

    def groups(module, lr):
        decay = [p for n, p in module.named_parameters() if p.ndim >= 2]
        no_decay = [p for n, p in module.named_parameters() if p.ndim < 2]
        return [{"params": decay, "lr": lr, "weight_decay": args.weight_decay},
                {"params": no_decay, "lr": lr, "weight_decay": 0.0}]

    params = groups(model.encoder, args.learning_rate) + groups(model.token_head, args.head_learning_rate) \
        + groups(model.frame_head, args.head_learning_rate)
    opt = torch.optim.AdamW(params)
    sched = get_linear_schedule_with_warmup(opt, int(args.warmup_ratio * total_steps), total_steps)
    return opt, sched


def use_bf16(args: TrainArguments, device: torch.device) -> bool:
    if args.bf16 == "no" or device.type != "cuda":
        return False
    return torch.cuda.is_bf16_supported()


def train(args: Arguments) -> dict:
    from transformers import AutoTokenizer

    set_seed(args.train.seed)
    tokenizer = AutoTokenizer.from_pretrained(args.model.model, local_files_only=args.model.local_files_only)
    if not tokenizer.is_fast:
        raise SystemExit(f"{args.model.model}: needs a fast tokenizer (tokenizer.json) for character offsets")
    model = NetralBertModel.from_encoder(args.model.model, local_files_only=args.model.local_files_only,
                                         scheme=DEFAULT_SCHEME, frames=labels.FRAMES)
    train_recs = read_records(args.data.corpus, "train", args.data.data_dir)[: args.data.max_train_samples]
    dev_recs = read_records(args.data.corpus, "dev", args.data.data_dir)[: args.data.max_eval_samples]
    examples = build_examples(train_recs, tokenizer, model.scheme, model.frames, args.data.max_seq_length, args.data.stride)
    log.info("%d train documents -> %d windows; %d dev documents", len(train_recs), len(examples), len(dev_recs))

    t = args.train
    device = torch.device("cuda" if t.device == "auto" and torch.cuda.is_available() else
                          "cpu" if t.device == "auto" else t.device)
    model.to(device).train()
    bf16 = use_bf16(t, device)
    steps_per_epoch = math.ceil(len(examples) / (t.per_device_train_batch_size * t.gradient_accumulation_steps))
    total = t.max_steps if t.max_steps > 0 else math.ceil(steps_per_epoch * t.num_train_epochs)
    opt, sched = make_optimizer(model, t, total)
    pad_id = tokenizer.pad_token_id or 0
    rng = random.Random(t.seed)

    best = {"value": -1.0, "state": None, "scores": None, "step": 0}
    stale, step, micro, epoch = 0, 0, 0, 0
    history = []

    def evaluate_now() -> bool:
        nonlocal stale
        scores, value = dev_scores(model, tokenizer, dev_recs, args)
        history.append({"step": step, "epoch": epoch, "dev_score": round(value, 4)})
        log.info("step %d epoch %d: dev score %.4f", step, epoch, value)
        if value > best["value"]:
            best.update(value=value, scores=scores, step=step,
                        state={k: v.detach().cpu().clone() for k, v in model.state_dict().items()})
            stale = 0
        else:
            stale += 1
        return stale >= t.early_stopping_patience

    started = time.time()
    stop = False
    while step < total and not stop:
        epoch += 1
        order = list(range(len(examples)))
        rng.shuffle(order)
        for b in range(0, len(order), t.per_device_train_batch_size):
            batch = collate([examples[i] for i in order[b:b + t.per_device_train_batch_size]], pad_id)
            batch = {k: v.to(device) for k, v in batch.items()}
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
                tok, frame = model(batch["input_ids"], batch["attention_mask"])
            loss = model.loss(tok, frame, batch["tags"], batch["frame"]) / t.gradient_accumulation_steps
            loss.backward()
            micro += 1
            if micro % t.gradient_accumulation_steps:
                continue
            torch.nn.utils.clip_grad_norm_(model.parameters(), t.max_grad_norm)
            opt.step(); sched.step(); opt.zero_grad(set_to_none=True)
            step += 1
            if step % t.logging_steps == 0:
                log.info("step %d/%d loss %.4f", step, total, loss.item() * t.gradient_accumulation_steps)
            if t.eval_every_steps and step % t.eval_every_steps == 0 and evaluate_now():
                stop = True
            if step >= total or stop:
                break
        if not t.eval_every_steps and not stop:
            stop = evaluate_now()
    if not history or history[-1]["step"] != step:
        evaluate_now()
    model.load_state_dict(best["state"])
    model.to("cpu")
    out = Path(t.output_dir)
    model.save_pretrained(out, tokenizer, extra_config={"netral_max_length": args.data.max_seq_length,
                                                        "netral_stride": args.data.stride,
                                                        "netral_base_model": args.model.model})
    result = {"best_step": best["step"], "dev_score": round(best["value"], 4), "dev": best["scores"].to_dict(),
              "history": history, "train_documents": len(train_recs), "train_windows": len(examples),
              "seconds": round(time.time() - started, 1)}
    (out / "eval_results.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    (out / "training_args.json").write_text(json.dumps(
        {"model": asdict(args.model), "data": asdict(args.data), "train": asdict(args.train)}, indent=2), encoding="utf-8")
    (out / "README.md").write_text(model_card(args, best["scores"], result), encoding="utf-8")
    return result


def model_card(args: Arguments, scores: Scores, result: dict) -> str:
    return f"""---
language: id
library_name: netral_nlp
base_model: {args.model.model}
tags: [token-classification, text-classification, netralitas-asn]
---
# netral_nlp IndoBERT backend

Fine-tuned from `{args.model.model}` on the netral-id corpus ({result['train_documents']} train documents,
{result['train_windows']} windows of {args.data.max_seq_length} tokens, stride {args.data.stride}) with
`training/train_indobert.py`. One encoder; a BIO token head for names, legal references, event
triggers and violation evidence; a document-frame head. Other fields come from netral_nlp's rules.

```python
import netral_nlp
nlp = netral_nlp.load("indobert", model="{args.train.output_dir}")
nlp("...").to_dict()
```

## Dev scores (netral-id dev split, {scores.documents} documents, best step {result['best_step']})

Whole pipeline (model + rules), scored with `netral_nlp.evaluate`:

```
{format_table(scores)}
```

Selection score (mean of {', '.join(SELECTION_FIELDS)}): {result['dev_score']}

## Training arguments

```json
{json.dumps({"model": asdict(args.model), "data": asdict(args.data), "train": asdict(args.train)}, indent=2)}
```
"""


def main(argv: list[str] | None = None) -> dict:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    result = train(parse_args(argv))
    print(json.dumps({k: result[k] for k in ("best_step", "dev_score", "seconds")}))
    return result


if __name__ == "__main__":
    main()
