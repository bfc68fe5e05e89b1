"""The IndoBERT backend end to end on a tiny random BERT built here: no network, CPU, seconds.

train (training/train_indobert.py) -> save_pretrained -> netral_nlp.load("indobert") -> annotate,
plus sliding windows on a ~6,000-token text and the safe-loading errors.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

import netral_nlp  # noqa: E402
from netral_nlp.backends.bert_model import NetralBertModel  # noqa: E402
from netral_nlp.backends.span_labels import decode_tags  # noqa: E402
from netral_nlp.backends.windows import make_windows, merge_token_outputs  # noqa: E402
from netral_nlp.corpus import read_records  # noqa: E402
from netral_nlp.errors import ModelLoadError, UnsafeModelError  # noqa: E402
from netral_nlp.schema import Annotation, validate_record  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def build_tiny_bert(out: Path) -> Path:
    """A random BERT (hidden 32, 2 layers, 2 heads) with a WordPiece vocabulary trained on the corpus."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    texts = [r["text"] for r in read_records("netral-id", "train")]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(
        vocab_size=2000, special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]))
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B [SEP]", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]", model_max_length=512)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512)
    BertModel(config).save_pretrained(out)
    fast.save_pretrained(out)
    return out


def load_training_script():
    spec = importlib.util.spec_from_file_location("train_indobert", REPO / "training" / "train_indobert.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def checkpoint(tmp_path_factory) -> Path:
    base = build_tiny_bert(tmp_path_factory.mktemp("tiny-bert"))
    out = tmp_path_factory.mktemp("indobert-netral")
    train = load_training_script()
    train.main(["--model", str(base), "--output_dir", str(out), "--local_files_only", "true",
                "--max_train_samples", "6", "--max_eval_samples", "3", "--max_steps", "4",
                "--max_seq_length", "128", "--stride", "32", "--per_device_train_batch_size", "4"])
    return out


@pytest.fixture(scope="session")
def bert_nlp(checkpoint):
    return netral_nlp.load("indobert", model=str(checkpoint), local_files_only=True)


@pytest.fixture(scope="session")
def long_text() -> str:
    texts = [r["text"] for r in read_records("netral-id", "train")]
    return "\n\n".join(texts[:18])


def copy_checkpoint(checkpoint: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "ckpt"
    shutil.copytree(checkpoint, dst)
    return dst


# -- training and saving ---------------------------------------------------------------------
def test_training_saves_safetensors_labels_and_card(checkpoint):
    files = {p.name for p in checkpoint.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "README.md", "eval_results.json"} <= files
    assert not [f for f in files if f.endswith((".bin", ".pt", ".pth"))]
    config = json.loads((checkpoint / "config.json").read_text())
    assert "violation:B-VIOL_KAMPANYE" in config["label2id"]
    assert config["id2label"]["0"] == "entity:O"
    assert set(config["frame_label2id"]) == set(netral_nlp.labels.FRAMES)
    card = (checkpoint / "README.md").read_text()
    scores = json.loads((checkpoint / "eval_results.json").read_text())
    assert "Dev scores" in card and scores["dev"]["documents"] == 3
    assert f"{scores['dev']['officials']['f1']:.3f}" in card


def test_training_arguments_from_json_file(tmp_path):
    train = load_training_script()
    cfg = tmp_path / "args.json"
    cfg.write_text(json.dumps({"model": "x", "output_dir": "y", "max_train_samples": 2, "gradient_accumulation_steps": 4}))
    args = train.parse_args([str(cfg)])
    assert args.model.model == "x" and args.data.max_train_samples == 2 and args.train.gradient_accumulation_steps == 4


# -- annotating ---------------------------------------------------------------------------------
def assert_valid(ann: Annotation) -> None:
    d = ann.to_dict()
    assert validate_record(d) == []
    n = len(d["text"])
    spans = [m for o in d["officials"] for m in o["mentions"]] + [e["trigger"] for e in d["events"]] \
        + [v["evidence"] for v in d["violations"]] + [l["span"] for l in d["legal_refs"]]
    for s, e in spans:
        assert 0 <= s < e <= n and d["text"][s:e].strip()


def test_load_annotate_end_to_end(bert_nlp):
    dev = read_records("netral-id", "dev")[:4]
    anns = [bert_nlp(r["text"], id=r["id"]) for r in dev]
    for ann, rec in zip(anns, dev):
        assert isinstance(ann, Annotation) and ann.id == rec["id"]
        assert ann.frame in netral_nlp.labels.FRAMES and ann.relevant == (ann.frame != "LAIN")
        assert_valid(ann)
    # pipe keeps input order and agrees with one-by-one calls on ids and texts
    piped = list(bert_nlp.pipe([{"id": r["id"], "text": r["text"]} for r in dev], batch_size=3))
    assert [a.id for a in piped] == [r["id"] for r in dev]
    assert [a.text for a in piped] == [a.text for a in anns]
    for a in piped:
        assert_valid(a)


def test_float_pipe_matches_single_calls(checkpoint):
    # Dynamic int8 scales activations per batch, so only float weights promise identical results.
    nlp = netral_nlp.load("indobert", model=str(checkpoint), quantize=None)
    texts = [r["text"] for r in read_records("netral-id", "dev")[:3]]
    one = [nlp(t).to_dict() for t in texts]
    many = [a.to_dict() for a in nlp.pipe(texts, batch_size=8)]
    assert [d["frame"] for d in one] == [d["frame"] for d in many]
    assert [d["legal_refs"] for d in one] == [d["legal_refs"] for d in many]


@pytest.mark.slow
def test_pipe_with_worker_processes(checkpoint):
    nlp = netral_nlp.load("indobert", model=str(checkpoint))
    texts = [r["text"] for r in read_records("netral-id", "dev")[:4]]
    got = list(nlp.pipe([{"id": str(i), "text": t} for i, t in enumerate(texts)], batch_size=2, n_process=2))
    assert [a.id for a in got] == ["0", "1", "2", "3"]
    for a in got:
        assert_valid(a)


def test_rule_fields_are_filled(bert_nlp):
    ann = bert_nlp("Bawaslu Kabupaten Solok memeriksa ASN yang ikut kampanye pada Pilkada Serentak 2024, "
              "sesuai UU Nomor 5 Tahun 2014 tentang ASN.")
    assert "PILKADA_2024" in ann.elections
    assert any(r.name == "Kabupaten Solok" for r in ann.regions)
    assert_valid(ann)


@pytest.mark.parametrize("text", ["", "   \n\t ", "a"])
def test_empty_and_tiny_inputs(bert_nlp, text):
    assert_valid(bert_nlp(text))


def test_long_document_sliding_windows(bert_nlp, long_text):
    predictor = bert_nlp.predictor
    (ids, offsets, words), = predictor.encode([long_text])
    assert len(ids) >= 6000
    windows = make_windows(0, len(ids), predictor.max_length - 2, predictor.stride)
    assert len(windows) > 1
    # offsets of the single encoding lie inside the text and follow it
    assert offsets.min() >= 0 and offsets.max() <= len(long_text)
    assert (np.diff(offsets[:, 0]) >= 0).all()
    # every token's offsets cover the very characters it was made from
    pieces = predictor.tokenizer.convert_ids_to_tokens(ids.tolist())
    same = [p.removeprefix("##") == long_text[a:b].lower() for p, (a, b) in zip(pieces, offsets) if p != "[UNK]"]
    assert sum(same) / len(same) > 0.99
    pred = predictor.predict([long_text])[0]
    for group, spans in pred.spans.items():
        for s, e, _, score in spans:
            assert 0 <= s < e <= len(long_text) and 0 < score <= 1
            # spans start and end on word boundaries of the original text
            assert not (s > 0 and long_text[s - 1].isalnum() and long_text[s].isalnum())
            assert not (e < len(long_text) and long_text[e - 1].isalnum() and long_text[e].isalnum())
    ann = bert_nlp(long_text)
    assert ann.text == long_text or len(ann.text) <= len(long_text)
    assert_valid(ann)


def test_windows_own_every_token_once():
    for n in (0, 1, 126, 127, 500, 6001):
        ws = make_windows(0, n, 126, 32)
        owned = np.zeros(n, dtype=int)
        for w in ws:
            assert w.start <= w.own_start <= w.own_end <= w.end and w.end - w.start <= 126
            owned[w.own_start:w.own_end] += 1
        assert (owned == 1).all()


def test_merged_windows_put_each_token_back_in_place():
    n = 1000
    ws = make_windows(0, n, 126, 32)
    outputs = [np.arange(w.start, w.end, dtype=np.float32)[:, None] for w in ws]
    assert (merge_token_outputs(ws, outputs, n)[:, 0] == np.arange(n)).all()


def test_bio_decoding_is_lenient_and_vectorised():
    # O B-0 I-0 I-1 B-1 O I-0 : spans [1,2] type 0, [3,3] type 1, [4,4] type 1, [6,6] type 0
    starts, ends, types = decode_tags(np.array([0, 1, 2, 4, 3, 0, 2]))
    assert starts.tolist() == [1, 3, 4, 6] and ends.tolist() == [2, 3, 4, 6] and types.tolist() == [0, 1, 1, 0]


def test_cli_annotate_with_indobert(checkpoint, tmp_path):
    from netral_nlp.cli import main

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": read_records("netral-id", "dev")[0]["text"]}) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["annotate", str(src), "-o", str(out), "--backend", "indobert", "--model", str(checkpoint),
                 "--quiet"]) == 0
    rec = json.loads(out.read_text().splitlines()[0])
    assert rec["id"] == "x1" and validate_record(rec) == []


# -- safe loading --------------------------------------------------------------------------------
def test_pickle_file_is_refused(checkpoint, tmp_path):
    ckpt = copy_checkpoint(checkpoint, tmp_path)
    (ckpt / "pytorch_model.bin").write_bytes(b"\x80\x04not really a pickle")
    with pytest.raises(UnsafeModelError) as err:
        netral_nlp.load("indobert", model=str(ckpt))
    assert str(ckpt / "pytorch_model.bin") in str(err.value)


def test_truncated_safetensors_names_the_path(checkpoint, tmp_path):
    ckpt = copy_checkpoint(checkpoint, tmp_path)
    weights = ckpt / "model.safetensors"
    data = weights.read_bytes()
    weights.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelLoadError) as err:
        netral_nlp.load("indobert", model=str(ckpt))
    assert str(weights) in str(err.value) and "truncated" in str(err.value)


def test_corrupt_header_and_missing_files(checkpoint, tmp_path):
    ckpt = copy_checkpoint(checkpoint, tmp_path)
    (ckpt / "model.safetensors").write_bytes(b"\xff" * 64)
    with pytest.raises(ModelLoadError, match="model.safetensors"):
        netral_nlp.load("indobert", model=str(ckpt))
    (ckpt / "model.safetensors").unlink()
    with pytest.raises(ModelLoadError, match="model.safetensors is missing"):
        netral_nlp.load("indobert", model=str(ckpt))
    (ckpt / "config.json").write_text("{not json")
    with pytest.raises(ModelLoadError, match="config.json"):
        netral_nlp.load("indobert", model=str(ckpt))
    with pytest.raises(ModelLoadError, match="not found"):
        netral_nlp.load("indobert", model=str(tmp_path / "nowhere"))


def test_base_encoder_without_heads_is_refused(tmp_path):
    base = build_tiny_bert(tmp_path / "base")
    with pytest.raises(ModelLoadError, match="not a netral_nlp IndoBERT checkpoint"):
        netral_nlp.load("indobert", model=str(base))


def test_hub_name_goes_through_snapshot_download(checkpoint, monkeypatch):
    import huggingface_hub

    calls = []

    def fake_snapshot_download(repo_id, **kwargs):
        calls.append((repo_id, kwargs))
        return str(checkpoint)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_snapshot_download)
    model, tok = NetralBertModel.from_pretrained("someone/netral-indobert", local_files_only=True)
    assert calls[0][0] == "someone/netral-indobert" and calls[0][1]["local_files_only"] is True
    assert not any(p.endswith(".bin") for p in calls[0][1]["allow_patterns"])
    assert tok.is_fast and model.frames == netral_nlp.labels.FRAMES


def test_unknown_hub_name_offline_is_a_load_error():
    with pytest.raises(ModelLoadError, match="not found"):
        netral_nlp.load("indobert", model="netral-nlp-tests/no-such-model", local_files_only=True)
