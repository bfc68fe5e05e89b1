"""The IndoBERT model: one shared encoder, a BIO token head and a document-frame head.

Saved the ``save_pretrained`` way: ``config.json`` (the encoder's config plus the labels of both
heads), ``model.safetensors`` and the tokenizer files. Loading reads safetensors only and refuses
any pickle-based file in the directory, since unpickling a downloaded file can run its code.
"""
from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn

from .. import labels
from ..errors import BackendError, ModelLoadError, UnsafeModelError
from .span_labels import DEFAULT_SCHEME, IGNORE, LabelScheme

#: Version of the checkpoint layout; bump when the heads or config keys change.
FORMAT_VERSION = 1
WEIGHTS_NAME = "model.safetensors"
WEIGHTS_INDEX_NAME = "model.safetensors.index.json"
#: File patterns that would need unpickling to load.
PICKLE_PATTERNS = ("*.bin", "*.pt", "*.pth", "*.ckpt", "*.pkl", "*.pickle", "*.joblib")
#: What to fetch for a hub name: never the pickle weights a repository may also hold.
HUB_PATTERNS = ["*.json", "*.safetensors", "*.txt", "*.model", "README.md"]


class NetralBertModel(nn.Module):
    """Encoder + token head (groups of BIO tags) + frame head (on the [CLS] vector).

    encoder (PreTrainedModel): a BERT-family encoder (``AutoModel``).
    scheme (LabelScheme): the span groups of the token head.
    frames (tuple[str, ...]): the frame labels of the document head.
    """

    def __init__(self, encoder: nn.Module, scheme: LabelScheme = DEFAULT_SCHEME,
                 frames: tuple[str, ...] = labels.FRAMES):
        super().__init__()
        self.encoder = encoder
        self.scheme = scheme
        self.frames = tuple(frames)
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(getattr(encoder.config, "hidden_dropout_prob", 0.1))
        self.token_head = nn.Linear(hidden, scheme.num_outputs)
        self.frame_head = nn.Linear(hidden, len(self.frames))

    @property
    def config(self):
        return self.encoder.config

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Return (token logits [batch, seq, scheme.num_outputs], frame logits [batch, frames])."""
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        hidden = self.dropout(hidden)
        return self.token_head(hidden), self.frame_head(hidden[:, 0])

    def loss(self, token_logits: torch.Tensor, frame_logits: torch.Tensor, tags: torch.Tensor,
             frame_ids: torch.Tensor) -> torch.Tensor:
        """Cross-entropy of every tag group (tags: [batch, seq, groups], -100 ignored) plus the frame."""
        ce = nn.functional.cross_entropy
        total = ce(frame_logits.float(), frame_ids)
        for g, sl in enumerate(self.scheme.slices.values()):
            logits = token_logits[..., sl].float()
            total = total + ce(logits.reshape(-1, logits.shape[-1]), tags[..., g].reshape(-1), ignore_index=IGNORE)
        return total

    # -- creation -------------------------------------------------------------------
    @classmethod
    def from_encoder(cls, name_or_path: str, *, local_files_only: bool = False, **kwargs) -> "NetralBertModel":
        """A fresh model on a pretrained encoder (hub name or directory), heads randomly initialised."""
        from transformers import AutoModel

        try:
            encoder = AutoModel.from_pretrained(name_or_path, add_pooling_layer=False, local_files_only=local_files_only)
        except TypeError:  # encoders without a pooler option
            encoder = AutoModel.from_pretrained(name_or_path, local_files_only=local_files_only)
        return cls(encoder, **kwargs)

    # -- saving and loading -----------------------------------------------------------
    def save_pretrained(self, directory: str | Path, tokenizer=None, extra_config: dict | None = None) -> Path:
        """Write config.json (with both heads' labels), model.safetensors and the tokenizer."""
        from safetensors.torch import save_file

        if any(type(m).__module__.startswith("torch.ao.nn.quantized") for m in self.modules()):
            raise BackendError("a quantized model cannot be saved; save the float model and quantize when loading")
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        cfg = self.encoder.config
        id2label = self.scheme.id2label()
        cfg.id2label = id2label
        cfg.label2id = {v: k for k, v in id2label.items()}
        cfg.frame_id2label = dict(enumerate(self.frames))
        cfg.frame_label2id = {f: i for i, f in enumerate(self.frames)}
        cfg.netral_span_groups = self.scheme.to_config()
        cfg.netral_format = FORMAT_VERSION
        for k, v in (extra_config or {}).items():
            setattr(cfg, k, v)
        cfg.save_pretrained(out)
        state = {k: v.detach().contiguous().cpu() for k, v in self.state_dict().items()}
        save_file(state, str(out / WEIGHTS_NAME), metadata={"format": "pt"})
        if tokenizer is not None:
            tokenizer.save_pretrained(out)
        return out

    @classmethod
    def from_pretrained(cls, name_or_path: str | Path, *, local_files_only: bool = False,
                        revision: str | None = None) -> tuple["NetralBertModel", object]:
        """Load (model, fast tokenizer) from a checkpoint directory or a hub name.

        Raises UnsafeModelError for pickle files in the directory, ModelLoadError naming the
        path for a missing, truncated or corrupt file or a checkpoint of another layout.
        """
        directory = resolve_checkpoint(name_or_path, local_files_only=local_files_only, revision=revision)
        refuse_pickles(directory)
        config = _read_config(directory)
        scheme = LabelScheme.from_config(config.netral_span_groups)
        frames = tuple(config.frame_id2label[k] for k in sorted(config.frame_id2label, key=int))
        state = _read_weights(directory)
        from transformers import AutoModel

        try:
            encoder = AutoModel.from_config(config, add_pooling_layer=False)
        except TypeError:
            encoder = AutoModel.from_config(config)
        model = cls(encoder, scheme, frames)
        missing, unexpected = model.load_state_dict(state, strict=False)
        if missing or unexpected:
            raise ModelLoadError(f"{directory / WEIGHTS_NAME}: weights do not fit config.json "
                                 f"(missing {missing[:5]}, unexpected {unexpected[:5]}); the checkpoint is from another model")
        model.eval()
        return model, _read_tokenizer(directory)


def resolve_checkpoint(name_or_path: str | Path, *, local_files_only: bool = False, revision: str | None = None) -> Path:
    """A local directory as is; anything else is taken as a hub name and fetched (safetensors only)."""
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path
    if path.exists():
        raise ModelLoadError(f"{path} is a file; pass the checkpoint directory that holds config.json and {WEIGHTS_NAME}")
    name = str(name_or_path)
    if name.startswith((".", "/", "~")) or name.count("/") > 1 or "\\" in name:
        raise ModelLoadError(f"model directory {path} not found")
    try:
        from huggingface_hub import snapshot_download

        return Path(snapshot_download(name, revision=revision, local_files_only=local_files_only,
                                      allow_patterns=HUB_PATTERNS))
    except Exception as e:  # the hub client raises many types; all mean "not available here"
        where = "in the local cache (local_files_only=True)" if local_files_only else "on the Hugging Face hub"
        raise ModelLoadError(f"{name}: not a local directory and not found {where} ({type(e).__name__}: {e})") from e


def refuse_pickles(directory: Path) -> None:
    for pattern in PICKLE_PATTERNS:
        for p in sorted(directory.glob(pattern)):
            raise UnsafeModelError(f"{p}: pickle-based model files are refused because loading them can run code; "
                                   f"keep only safetensors weights ({WEIGHTS_NAME}) in the model directory")


def _read_config(directory: Path):
    from transformers import AutoConfig

    path = directory / "config.json"
    if not path.is_file():
        raise ModelLoadError(f"{path} is missing: not a model directory")
    try:
        json.loads(path.read_text(encoding="utf-8"))
        config = AutoConfig.from_pretrained(directory, local_files_only=True)
    except Exception as e:
        raise ModelLoadError(f"{path}: cannot read the model config ({type(e).__name__}: {e})") from e
    if not getattr(config, "netral_span_groups", None) or not getattr(config, "frame_id2label", None):
        raise ModelLoadError(f"{path}: not a netral_nlp IndoBERT checkpoint (no netral_span_groups/frame_id2label); "
                             f"fine-tune one with training/train_indobert.py")
    if getattr(config, "netral_format", None) != FORMAT_VERSION:
        raise ModelLoadError(f"{path}: checkpoint format {getattr(config, 'netral_format', None)!r}, "
                             f"this netral_nlp reads format {FORMAT_VERSION}")
    return config


def _read_weights(directory: Path) -> dict:
    from safetensors.torch import load_file

    index = directory / WEIGHTS_INDEX_NAME
    if index.is_file():
        try:
            files = sorted(set(json.loads(index.read_text(encoding="utf-8"))["weight_map"].values()))
        except Exception as e:
            raise ModelLoadError(f"{index}: cannot read the shard index ({type(e).__name__}: {e})") from e
    else:
        files = [WEIGHTS_NAME]
    state = {}
    for name in files:
        path = directory / name
        if not path.is_file():
            raise ModelLoadError(f"{path} is missing: the checkpoint has no safetensors weights")
        try:
            state.update(load_file(str(path)))
        except Exception as e:
            raise ModelLoadError(f"{path}: cannot read the weights, the file is truncated or corrupt "
                                 f"({type(e).__name__}: {e}); copy or download it again") from e
    return state


def _read_tokenizer(directory: Path):
    from transformers import AutoTokenizer

    try:
        tok = AutoTokenizer.from_pretrained(directory, local_files_only=True)
    except Exception as e:
        raise ModelLoadError(f"{directory}: cannot load the tokenizer files ({type(e).__name__}: {e})") from e
    if not getattr(tok, "is_fast", False):
        raise ModelLoadError(f"{directory}: the tokenizer is not a fast (Rust) tokenizer; character offsets need "
                             f"tokenizer.json")
    return tok


def quantize_int8(model: NetralBertModel) -> NetralBertModel:
    """Dynamic int8 quantization of every Linear layer (CPU only): weights int8, activations
    quantized per batch. BERT-base on CPU is compute-bound in its Linear layers, so this is
    where int8 pays."""
    import warnings

    try:
        from torch.ao.quantization import quantize_dynamic
    except ImportError as e:
        raise BackendError("this torch has no torch.ao.quantization.quantize_dynamic; load with quantize=None") from e
    with warnings.catch_warnings():
        # torch marks its eager quantization API deprecated in favour of torchao; it still works
        # and needs no extra package, so users should not see the notice on every load.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        return quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
