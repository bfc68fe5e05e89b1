"""Every error and warning netral_nlp raises, in one place, with messages that say what to do.

Codes are stable (E001...), so users can search for them; never reuse a retired code.
"""
from __future__ import annotations


class NetralError(Exception):
    """Base class of every error raised by netral_nlp."""

    code = "E000"

    def __init__(self, message: str):
        super().__init__(f"[{self.code}] {message}")


class InputError(NetralError, ValueError):
    """The input text or record cannot be annotated as given."""

    code = "E001"


class EncodingError(InputError):
    """Bytes that cannot be decoded as text."""

    code = "E002"


class TextTooLongError(InputError):
    """A text over the configured length limit."""

    code = "E003"


class ModelLoadError(NetralError, OSError):
    """A model directory is missing, corrupted, truncated or of an incompatible version."""

    code = "E010"


class UnsafeModelError(ModelLoadError):
    """A model file in a format that would need unpickling."""

    code = "E011"


class SchemaError(NetralError, ValueError):
    """A record does not follow the output contract."""

    code = "E020"


class CorpusError(NetralError, ValueError):
    """A corpus name, split or file that cannot be loaded."""

    code = "E030"


class ConfigError(NetralError, ValueError):
    """An invalid option or configuration value."""

    code = "E040"


class BackendError(NetralError, RuntimeError):
    """A backend that cannot run here (missing optional dependency, no device)."""

    code = "E050"


class Warnings:
    """Warning messages, formatted with ``str.format``."""

    W001 = "[W001] Span ({start}, {end}) does not align with token boundaries in document {doc_id!r}; kept with alignment_mode='expand'."
    W002 = "[W002] Text looks like it is not Indonesian (lang={lang!r}); the annotation is marked relevant=false."
