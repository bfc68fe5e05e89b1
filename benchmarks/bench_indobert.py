"""Speed of the IndoBERT backend against a per-document transformers pipeline, and what int8 costs.

    python benchmarks/bench_indobert.py                 # ~5-8 minutes on 2 CPU cores
    python benchmarks/bench_indobert.py --docs 48 --reps 3 --model models/indobert-netral

Method
- Model: IndoBERT-base's exact shape (indobenchmark/indobert-base-p1: hidden 768, 12 layers,
  12 heads, intermediate 3072, vocab 50,000, 512 positions) with random weights: speed does not
  depend on the weights, and nothing is downloaded. WordPiece vocabulary trained on the corpus.
- Texts: the first --docs documents of the netral-id train split (real lengths, some > 512 tokens).
- Baseline: ``transformers.pipeline("token-classification", aggregation_strategy="simple",
  stride=...)`` called once per document, on a BertForTokenClassification holding the same
  encoder weights.
- Variants of this backend: fp32 batched (length-sorted windows, dynamic padding) and int8
  (dynamic quantization of the Linear layers). Model + decoding only, as the baseline; the full
  pipeline (rules too) is timed once afterwards.
- A warm-up of each variant on three documents, then --reps measured passes, A/B interleaved (the order
  rotates every round); the median is reported. GFLOP/s counts useful work: document tokens x
  175 MFLOP (BERT-base forward per token), set against a measured fp32 GEMM of this machine.
- int8 cost in quality: the dev-set scores of a trained model (--model, else a tiny BERT trained
  here for a minute) with float and with int8 weights.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402

from netral_nlp.backends.bert_inference import SpanPredictor  # noqa: E402
from netral_nlp.backends.bert_model import NetralBertModel  # noqa: E402
from netral_nlp.backends.indobert import IndoBertPipeline, load_indobert_pipeline  # noqa: E402
from netral_nlp.corpus import read_records  # noqa: E402
from netral_nlp.evaluate import FIELDS, evaluate  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FLOP_PER_TOKEN = 175e6
INDOBERT_BASE = dict(vocab_size=50000, hidden_size=768, num_hidden_layers=12, num_attention_heads=12,
                     intermediate_size=3072, max_position_embeddings=512)


def corpus_tokenizer(vocab_size: int):
    """A fast WordPiece tokenizer trained on the corpus (lowercased, like indobert-base-p1)."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator([r["text"] for r in read_records("netral-id", "train")], trainers.WordPieceTrainer(
        vocab_size=vocab_size, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    return PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]", model_max_length=512)


def base_shaped_models(tokenizer):
    """(our model, the baseline's BertForTokenClassification) sharing one random encoder."""
    from transformers import BertConfig, BertForTokenClassification, BertModel

    torch.manual_seed(0)
    config = BertConfig(**INDOBERT_BASE)
    ours = NetralBertModel(BertModel(config, add_pooling_layer=False)).eval()
    config_tc = BertConfig(**INDOBERT_BASE, num_labels=ours.scheme.num_outputs, id2label=ours.scheme.id2label())
    theirs = BertForTokenClassification(config_tc).eval()
    theirs.bert.load_state_dict(ours.encoder.state_dict(), strict=False)
    return ours, theirs


def gemm_gflops(seconds: float = 1.5) -> float:
    """fp32 GEMM throughput of this machine at BERT-base's FFN shape: the practical roof."""
    a, b = torch.randn(512, 768), torch.randn(768, 3072)
    for _ in range(3):
        a @ b
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        a @ b
        n += 1
    return n * 2 * 512 * 768 * 3072 / (time.perf_counter() - t0) / 1e9


def timed_rounds(variants: dict, texts: list[str], reps: int) -> dict[str, list[float]]:
    """Warm up every variant on a few texts, then time ``reps`` rounds over all texts, rotating
    the order each round so that no variant always runs first (A/B interleaving)."""
    for fn in variants.values():
        fn(texts[:3])
    times = {k: [] for k in variants}
    names = list(variants)
    for r in range(reps):
        for k in names[r % len(names):] + names[:r % len(names)]:
            t0 = time.perf_counter()
            variants[k](texts)
            times[k].append(time.perf_counter() - t0)
    return times


def tiny_trained_model(workdir: Path, epochs: int) -> Path:
    """A tiny BERT (hidden 32) trained here for a few epochs, when no --model is given."""
    from transformers import BertConfig, BertModel

    spec = importlib.util.spec_from_file_location("train_indobert", REPO / "training" / "train_indobert.py")
    train = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = train
    spec.loader.exec_module(train)
    base = workdir / "tiny-base"
    torch.manual_seed(0)
    tokenizer = corpus_tokenizer(2000)
    BertModel(BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=512)).save_pretrained(base)
    tokenizer.save_pretrained(base)
    out = workdir / "tiny-trained"
    # A random tiny encoder needs a high learning rate to learn anything in a minute or two.
    train.main(["--model", str(base), "--output_dir", str(out), "--local_files_only", "true",
                "--num_train_epochs", str(epochs), "--max_seq_length", "128", "--stride", "32",
                "--per_device_train_batch_size", "16", "--learning_rate", "5e-3", "--head_learning_rate", "5e-3",
                "--warmup_ratio", "0.05", "--eval_every_steps", "1000000", "--logging_steps", "1000"])
    return out


def int8_quality(model_dir: Path) -> list[tuple[str, float, float]]:
    dev = read_records("netral-id", "dev")
    rows = {}
    for q in (None, "int8"):
        nlp = load_indobert_pipeline(str(model_dir), quantize=q, clean_text=False)
        preds = [a.to_dict() for a in nlp.pipe([{"id": r["id"], "text": r["text"]} for r in dev], batch_size=16)]
        rows[q] = evaluate(dev, preds).to_dict()
    out = []
    for f in FIELDS:
        key = "f1" if "f1" in rows[None][f] else "accuracy"
        out.append((f"{f} ({'F1' if key == 'f1' else 'acc'})", rows[None][f][key], rows["int8"][f][key]))
    return out


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--docs", type=int, default=24)
    p.add_argument("--reps", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=8, help="windows per forward pass")
    p.add_argument("--stride", type=int, default=128)
    p.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    p.add_argument("--model", help="a trained checkpoint for the int8 quality check (default: train a tiny one)")
    p.add_argument("--tiny-epochs", type=int, default=4, help="epochs of the tiny model when no --model is given")
    p.add_argument("--skip-quality", action="store_true")
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    from transformers import pipeline

    texts = [r["text"] for r in read_records("netral-id", "train")[: args.docs]]
    tokenizer = corpus_tokenizer(INDOBERT_BASE["vocab_size"])
    n_tokens = sum(len(ids) for ids in tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"])
    ours, theirs = base_shaped_models(tokenizer)
    fp32 = SpanPredictor(ours, tokenizer, device="cpu", quantize=None, batch_size=args.batch_size, max_length=512,
                         stride=args.stride)
    int8 = SpanPredictor(ours, tokenizer, device="cpu", quantize="int8", batch_size=args.batch_size, max_length=512,
                         stride=args.stride)
    hf = pipeline("token-classification", model=theirs, tokenizer=tokenizer, aggregation_strategy="simple",
                  stride=args.stride, device=-1)
    variants = {
        "transformers pipeline, per document (fp32)": lambda xs: [hf(t) for t in xs],
        "netral batched fp32": fp32.predict,
        "netral batched int8": int8.predict,
    }
    roof = gemm_gflops()
    times = timed_rounds(variants, texts, args.reps)
    full = IndoBertPipeline(int8, clean_text=False)
    list(full.pipe(texts[:3]))  # warm-up: the rule components compile patterns and load the gazetteer once
    t0 = time.perf_counter()
    list(full.pipe(texts, batch_size=len(texts)))
    t_full = time.perf_counter() - t0

    base_t = statistics.median(times["transformers pipeline, per document (fp32)"])
    print(f"\n{len(texts)} documents, {n_tokens:,} tokens, {args.threads} threads, torch {torch.__version__}, "
          f"{args.reps} measured passes after a warm-up (A/B interleaved; median)")
    print(f"fp32 GEMM of this machine (512x768 @ 768x3072): {roof:.1f} GFLOP/s; load average {os.getloadavg()[0]:.1f}\n")
    head = (f"| {'variant':<44} | {'docs/s':>7} | {'tokens/s':>8} | {'vs pipeline':>11} | {'GFLOP/s':>7} | "
            f"{'% GEMM':>6} | {'pass s (min-max)':>16} |")
    print(head)
    print("|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|")
    for name, ts in times.items():
        t = statistics.median(ts)
        gf = n_tokens * FLOP_PER_TOKEN / t / 1e9
        print(f"| {name:<44} | {len(texts) / t:>7.2f} | {n_tokens / t:>8.0f} | {base_t / t:>10.2f}x | {gf:>7.1f} | "
              f"{100 * gf / roof:>5.0f}% | {f'{min(ts):.1f}-{max(ts):.1f}':>16} |")
    print(f"| {'netral full pipeline, int8 (rules + model)':<44} | {len(texts) / t_full:>7.2f} | "
          f"{n_tokens / t_full:>8.0f} | {base_t / t_full:>10.2f}x | {'':>7} | {'':>6} | {f'{t_full:.1f}':>16} |")

    if args.skip_quality:
        return
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(args.model) if args.model else tiny_trained_model(Path(tmp), args.tiny_epochs)
        rows = int8_quality(model_dir)
    print(f"\nint8 vs float on the dev split ({model_dir if args.model else f'tiny BERT trained here, {args.tiny_epochs} epochs'}):\n")
    print(f"| {'field':<34} | {'float':>6} | {'int8':>6} | {'change':>7} |")
    print(f"|{'-' * 36}|{'-' * 8}|{'-' * 8}|{'-' * 9}|")
    for name, a, b in rows:
        print(f"| {name:<34} | {a:>6.3f} | {b:>6.3f} | {b - a:>+7.3f} |")


if __name__ == "__main__":
    main()
