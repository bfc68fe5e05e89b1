"""netral_nlp: information extraction for the political neutrality of Indonesian civil servants."""
__version__ = "0.1.0"

from .errors import NetralError  # noqa: E402
from .schema import Annotation, Event, LegalRef, Official, Region, Violation  # noqa: E402


def load(name: str = "default", **kwargs):
    """Load a pipeline: ``netral_nlp.load()`` for the embedded default; see :func:`netral_nlp.pipeline.load`."""
    from .pipeline import load as _load

    return _load(name, **kwargs)


def to_dataframe(annotations, level: str = "documents"):
    """One row per document, official, event or violation (pandas); see :mod:`netral_nlp.tables`."""
    from .tables import to_dataframe as _to_dataframe

    return _to_dataframe(annotations, level)


from .plover import to_plover  # noqa: E402  (one PLOVER-style event record per violation)
from .render import render  # noqa: E402  (eager, so that netral_nlp.render stays the function)

__all__ = ["load", "to_dataframe", "to_plover", "render", "Annotation", "Official", "Event", "Violation", "LegalRef", "Region", "NetralError",
           "__version__"]
