"""Reading files, folders, globs and stdin into `Document`s, lazily and without losing errors.

Each source yields either a `Document` or a `SourceError`; one bad file never stops the others,
and nothing holds more than one file's text at a time.
"""

from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from actorgraph.graph.model import Document
from actorgraph.loaders.dates import normalize_date
from actorgraph.loaders.documents import make_document
from actorgraph.loaders.html_text import html_to_text

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
_TEXT_FIELDS = ("text", "content", "body", "article")
_DATE_FIELDS = ("date", "published", "published_at", "publish_date", "datetime")


@dataclass(frozen=True)
class SourceError:
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def expand_paths(specs: Iterable[str]) -> Iterator[Path | str | SourceError]:
    """Files in the order given; folders recursively and sorted; globs expanded; '-' is stdin."""
    for spec in specs:
        if spec == "-":
            yield "-"
            continue
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not files:
                yield SourceError(spec, "folder holds no .txt, .md, .html or .jsonl files")
            yield from files
        elif path.is_file():
            yield path
        elif glob.has_magic(spec):
            matches = sorted(Path(m) for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not matches:
                yield SourceError(spec, "pattern matched no files")
            yield from matches
        else:
            yield SourceError(spec, "no such file or folder")


def decode_bytes(raw: bytes) -> str:
    """UTF-8 first (with or without BOM), then Windows-1252, the usual encoding of old news pages."""
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8 or Windows-1252 text ({exc.reason})") from exc


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"(\*\*|__|`)")


def markdown_to_text(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        line = _MD_LINK.sub(r"\1", line)
        line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
        line = re.sub(r"^\s*[-*+]\s+", "• ", line)
        lines.append(_MD_MARKS.sub("", line))
    return "\n".join(lines)


def _documents_from_jsonl(text: str, source: str) -> Iterator[Document | SourceError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"malformed JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield SourceError(where, "line is not a JSON object")
            continue
        body = next((row[f] for f in _TEXT_FIELDS if isinstance(row.get(f), str)), None)
        if not body or not body.strip():
            yield SourceError(where, f"no text in any of the fields {', '.join(_TEXT_FIELDS)}")
            continue
        date = next((normalize_date(str(row[f])) for f in _DATE_FIELDS if row.get(f)), None)
        title = row.get("title") if isinstance(row.get("title"), str) else None
        origin = row.get("url") or row.get("source") or where
        yield make_document(body, source=str(origin), title=title, date=date)


def documents_from_text(text: str, source: str, suffix: str) -> Iterator[Document | SourceError]:
    if not text.strip():
        yield SourceError(source, "empty file")
        return
    if suffix in {".jsonl", ".ndjson"}:
        yield from _documents_from_jsonl(text, source)
        return
    title = None
    if suffix in {".html", ".htm"}:
        text, title = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        text = markdown_to_text(text)
    if not text.strip():
        yield SourceError(source, "no readable text")
        return
    yield make_document(text, source=source, title=title)


def read_sources(specs: Iterable[str], stdin=None) -> Iterator[Document | SourceError]:
    for item in expand_paths(specs):
        if isinstance(item, SourceError):
            yield item
            continue
        if item == "-":
            text = (stdin or sys.stdin).read()
            suffix = ".jsonl" if text.lstrip().startswith("{") else ".txt"
            yield from documents_from_text(text, "<stdin>", suffix)
            continue
        try:
            text = decode_bytes(item.read_bytes())
        except (OSError, ValueError) as exc:
            yield SourceError(str(item), str(exc))
            continue
        yield from documents_from_text(text, str(item), item.suffix.lower())
