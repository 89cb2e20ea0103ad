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
from actorgraph.loaders.documents import clean_text, make_document
from actorgraph.loaders.html_text import html_to_text

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: spaCy's default `nlp.max_length`: one article longer than this is not an article. JSONL files,
#: one article per line, may be any size: they are read line by line.
MAX_ARTICLE_CHARS = 1_000_000
#: Files above this size are refused unread (unless JSONL): four bytes a character at most.
MAX_ARTICLE_BYTES = 4 * MAX_ARTICLE_CHARS
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
    """UTF-8 first (with or without BOM), UTF-16 with a BOM, then Windows-1252, the usual
    encoding of old news pages. Anything that still looks like binary data is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"broken UTF-16 text ({exc.reason})") from exc
    if b"\x00" in raw[:8192]:
        raise ValueError("binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ValueError(f"not UTF-8, UTF-16 or Windows-1252 text ({exc.reason})") from exc
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x0c")
    if sample and controls / len(sample) > 0.01:
        raise ValueError("binary file (control bytes), not text")
    return text


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


def _documents_from_jsonl(lines: Iterable[str], source: str) -> Iterator[Document | SourceError]:
    blank = True
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        blank = False
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
        if not body or not clean_text(body).strip():
            yield SourceError(where, f"no text in any of the fields {', '.join(_TEXT_FIELDS)}")
            continue
        if len(body) > MAX_ARTICLE_CHARS:
            yield SourceError(where, _too_long(len(body)))
            continue
        date = next((normalize_date(str(row[f])) for f in _DATE_FIELDS if row.get(f)), None)
        title = row.get("title") if isinstance(row.get("title"), str) else None
        origin = row.get("url") or row.get("source") or where
        yield make_document(body, source=str(origin), title=title, date=date)
    if blank:
        yield SourceError(source, "empty file")


def _too_long(size: int, unit: str = "characters") -> str:
    return (
        f"too long for one article ({size:,} {unit}; the limit is {MAX_ARTICLE_CHARS:,} characters): "
        "split it into several files, or into a JSONL file with one article per line"
    )


def _jsonl_lines(path: Path) -> Iterator[str]:
    """Decoded lines of a JSONL file, one at a time, so a corpus of any size streams."""
    with path.open("rb") as handle:
        for raw in handle:
            try:
                yield raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield raw.decode("cp1252", errors="replace")


def documents_from_text(text: str, source: str, suffix: str) -> Iterator[Document | SourceError]:
    if not text.strip():
        yield SourceError(source, "empty file")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _documents_from_jsonl(text.split("\n"), source)
        return
    if len(text) > MAX_ARTICLE_CHARS:
        yield SourceError(source, _too_long(len(text)))
        return
    title = None
    if suffix in {".html", ".htm"}:
        text, title = html_to_text(text)
    elif suffix in {".md", ".markdown"}:
        text = markdown_to_text(text)
    if not clean_text(text).strip():  # control characters alone are not text either
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
        suffix = item.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                yield from _documents_from_jsonl(_jsonl_lines(item), str(item))
                continue
            size = item.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                yield SourceError(str(item), _too_long(size, "bytes"))
                continue
            text = decode_bytes(item.read_bytes())
        except OSError as exc:
            yield SourceError(str(item), f"cannot read ({exc.strerror or exc})")
            continue
        except ValueError as exc:
            yield SourceError(str(item), str(exc))
            continue
        yield from documents_from_text(text, str(item), suffix)
