"""Turning raw text into `Document`s with a stable id, a title and a publication date."""

from __future__ import annotations

import hashlib
import re

from actorgraph.graph.model import Document
from actorgraph.loaders.dates import find_date

_CAMEL_GLUE = re.compile(r"\b([a-z][a-z]{3,})([A-Z][a-z]{2,})\b")
#: Control characters other than tab and newline: never meaningful in news text, and XML
#: exports (GraphML, GEXF) cannot hold them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Undo common scraping damage without changing meaning.

    Normalises line endings and non-breaking spaces, and splits words glued to the next
    capitalised word ("criticizingKremlin"), a frequent artifact of HTML-to-text conversion.
    Tokens that start with a capital ("YouTube") are left alone. Control characters go, so
    every later export can carry the text.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\x0c", "\n").replace("\x0b", "\n")
    text = _CONTROL.sub("", text.replace("\ufeff", ""))
    return _CAMEL_GLUE.sub(r"\1 \2", text)


def content_id(text: str) -> str:
    """Same words, same id: whitespace differences do not make a new article."""
    canonical = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def make_document(text: str, source: str, title: str | None = None, date: str | None = None) -> Document:
    text = clean_text(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if date is None:
        date = next((d for d in map(find_date, lines[:8]) if d), None)
    if not title:
        title = next((line for line in lines if find_date(line) is None), source)
    return Document(id=content_id(text), title=title[:300], date=date, source=source, text=text)
