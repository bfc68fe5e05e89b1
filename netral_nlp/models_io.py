"""Safe loading of model directories: spaCy's own format, never pickles, clear errors."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import ModelLoadError, UnsafeModelError

#: File suffixes that some loader would unpickle; refused anywhere in a model directory.
PICKLE_SUFFIXES = {".pkl", ".pickle", ".pt", ".pth", ".joblib", ".ckpt"}


def _looks_pickled(f: Path) -> bool:
    """Pickle streams start with PROTO (0x80) and a protocol number 2-5; torch.save writes a zip."""
    with open(f, "rb") as fh:
        head = fh.read(4)
    return (len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5) or head == b"PK\x03\x04"


def check_no_pickles(path: Path) -> None:
    """Refuse model directories holding files that would need unpickling (spaCy's msgpack files are fine)."""
    for f in path.rglob("*"):
        if not f.is_file():
            continue
        if f.suffix.lower() in PICKLE_SUFFIXES or f.name == "pytorch_model.bin" or (
                f.suffix.lower() == ".bin" and _looks_pickled(f)):
            raise UnsafeModelError(f"{f}: model files that need unpickling are refused; "
                                   f"use safetensors or spaCy's own format")


def load_spacy_dir(path: str | Path):
    """Load a netral spaCy pipeline directory with checks that name the path and the problem."""
    import spacy

    from . import __version__
    from .pipeline import DEFAULT_COMPONENTS  # noqa: F401  (registers factories)

    path = Path(path)
    if not path.is_dir():
        raise ModelLoadError(f"{path}: model directory not found")
    check_no_pickles(path)
    for required in ("config.cfg", "meta.json"):
        if not (path / required).is_file():
            raise ModelLoadError(f"{path}: {required} is missing; this is not a spaCy pipeline directory")
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"{path}/meta.json is corrupted: {exc}") from exc
    major = str(meta.get("version", "0")).split(".")[0]
    if major != __version__.split(".")[0]:
        raise ModelLoadError(f"{path}: model version {meta.get('version')} is incompatible with netral_nlp "
                             f"{__version__}; retrain it with training/train_default.py")
    try:
        return spacy.load(path)
    except Exception as exc:  # spaCy raises many types for truncated or corrupted weights
        raise ModelLoadError(f"{path}: cannot load the pipeline ({type(exc).__name__}: {exc}); the directory may be "
                             f"truncated or from an incompatible spaCy version") from exc
