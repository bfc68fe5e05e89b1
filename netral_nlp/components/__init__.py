"""spaCy pipeline components of netral_nlp, one module per field of the contract."""
from . import base  # noqa: F401  (registers the Doc extensions)
from .. import tokenizer  # noqa: F401  (registers the fast Indonesian tokenizer)
