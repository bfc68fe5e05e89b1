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


def _is_pickle_stream(f: Path) -> bool:
    """Whether the whole file parses as one pickle opcode stream (any protocol, 0 and 1 included).

    Only the opcodes are read and their stack use checked (:func:`pickletools.dis`); nothing is unpickled.
    """
    import pickletools

    class _Null:
        def write(self, _s):
            pass

    data = f.read_bytes()
    if not data.endswith(b"."):  # every pickle ends with STOP
        return False
    try:
        pickletools.dis(data, out=_Null())
    except Exception:  # not a pickle: an unknown opcode, a stack or memo inconsistency, data after STOP
        return False
    return True


def check_no_pickles(path: Path) -> None:
    """Refuse model directories holding files that would need unpickling (spaCy's msgpack files are fine)."""
    for f in path.rglob("*"):
        if not f.is_file():
            continue
        # spaCy's own files are JSON, msgpack or .npy: none starts like a pickle, whatever its name.
        if f.suffix.lower() in PICKLE_SUFFIXES or f.name == "pytorch_model.bin" or _looks_pickled(f) or (
                f.name not in _MSGPACK_FILES | _JSON_FILES and _is_pickle_stream(f)):
            raise UnsafeModelError(f"{f}: model files that need unpickling are refused; "
                                   f"use safetensors or spaCy's own format")


#: spaCy's binary files (msgpack) and JSON files, checked before loading so that a damaged file is named.
_MSGPACK_FILES = {"model", "moves", "tokenizer", "key2row", "lookups.bin"}
_JSON_FILES = {"meta.json", "cfg", "vectors.cfg", "strings.json"}


def check_files(path: Path) -> None:
    """Decode every spaCy data file of the directory; raise ModelLoadError naming a corrupted or truncated one."""
    import srsly

    for f in sorted(path.rglob("*")):
        if not f.is_file():
            continue
        try:
            if f.name in _MSGPACK_FILES:
                srsly.msgpack_loads(f.read_bytes())
            elif f.name in _JSON_FILES or f.suffix == ".json":
                json.loads(f.read_bytes().decode("utf-8"))
            elif f.name == "vectors" and f.parent.name == "vocab":
                import numpy

                with open(f, "rb") as fh:
                    numpy.load(fh, allow_pickle=False)
        except Exception as exc:  # msgpack, json and numpy raise many types on bad bytes
            raise ModelLoadError(f"{f}: the file is corrupted or truncated ({type(exc).__name__}: {exc}); "
                                 f"restore the model directory from a clean copy or retrain it") from exc


def load_spacy_dir(path: str | Path):
    """Load a netral spaCy pipeline directory with checks that name the path and the problem."""
    import spacy

    from . import __version__
    from .pipeline import DEFAULT_COMPONENTS  # noqa: F401  (registers factories)

    path = Path(path)
    if not path.is_dir():
        what = "is a file, not a model directory" if path.exists() else "model directory not found"
        raise ModelLoadError(f"{path}: {what}")
    check_no_pickles(path)
    for required in ("config.cfg", "meta.json"):
        if not (path / required).is_file():
            raise ModelLoadError(f"{path}: {required} is missing; this is not a spaCy pipeline directory")
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelLoadError(f"{path}/meta.json is corrupted: {exc}") from exc
    if not isinstance(meta, dict):
        raise ModelLoadError(f"{path}/meta.json is corrupted: expected a JSON object, got {type(meta).__name__}")
    major = str(meta.get("version", "0")).split(".")[0]
    if major != __version__.split(".")[0]:
        raise ModelLoadError(f"{path}: model version {meta.get('version')} is incompatible with netral_nlp "
                             f"{__version__}; retrain it with training/train_default.py")
    check_files(path)
    try:
        return spacy.load(path)
    except Exception as exc:  # spaCy raises many types for truncated or corrupted weights
        raise ModelLoadError(f"{path}: cannot load the pipeline ({type(exc).__name__}: {exc}); the directory may be "
                             f"truncated or from an incompatible spaCy version") from exc
