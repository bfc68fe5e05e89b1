"""Model backends other than the embedded default (``netral_nlp.load("indobert", model=...)``).

The library imports a backend only when it is asked for, so the default pipeline never pays
for torch or transformers at import time.
"""
