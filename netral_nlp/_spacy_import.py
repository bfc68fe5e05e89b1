"""Import spaCy without letting thinc import PyTorch.

thinc, spaCy's machine-learning library, imports PyTorch at its own import whenever PyTorch is
installed, only to offer PyTorch layers; that costs about 1.5 s, half of ``netral_nlp.load()``.
The default pipeline is pure thinc (NumPy), and the IndoBERT backend calls PyTorch itself, not
through thinc. So, when nothing has imported thinc or PyTorch yet, thinc is imported with PyTorch
hidden: thinc then reports PyTorch as absent for this process, while ``import torch`` keeps
working for everyone else. Nothing is hidden when spacy-transformers is installed (it needs
thinc's PyTorch layers) or when ``NETRAL_NLP_THINC_TORCH=1`` is set.
"""
from __future__ import annotations

import importlib.util
import os
import sys


def prepare() -> None:
    """Import thinc (once) without PyTorch where that is safe; see the module docstring."""
    if "thinc" in sys.modules or "torch" in sys.modules or os.environ.get("NETRAL_NLP_THINC_TORCH") == "1":
        return
    if importlib.util.find_spec("spacy_transformers") is not None:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # "import torch" raises ImportError in thinc.compat
    try:
        import thinc.compat  # noqa: F401
    finally:
        del sys.modules["torch"]
