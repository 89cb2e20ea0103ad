"""sources → documents → extraction → store: the `load` job, shared by the CLI and the API."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.graph.model import Document, ExtractionResult
from actorgraph.graph.store import Store, StoreError
from actorgraph.loaders.extract import Extractor
from actorgraph.loaders.sources import SourceError, read_sources


@dataclass
class LoadSummary:
    documents: int = 0
    added: int = 0
    already_loaded: int = 0
    new_nodes: Counter = field(default_factory=Counter)
    new_edges: int = 0
    new_evidence: int = 0
    errors: list[SourceError] = field(default_factory=list)

    @property
    def new_actors(self) -> int:
        return sum(
            v for k, v in self.new_nodes.items() if k in {"Person", "Organization", "Country", "Group"}
        )

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "articles_added": self.added,
            "already_loaded": self.already_loaded,
            "new_actors": self.new_actors,
            "new_issues": self.new_nodes.get("Issue", 0),
            "new_nodes": dict(self.new_nodes),
            "new_edges": self.new_edges,
            "new_evidence": self.new_evidence,
            "errors": [{"source": e.source, "reason": e.reason} for e in self.errors],
        }


#: A group is written after this long even if not full, so progress and partial results stay fresh.
WRITE_GROUP_SECONDS = 1.0


class LoadAborted(StoreError):
    """The store refused a write (disk full, read-only…); what was saved before is intact."""

    def __init__(self, cause: StoreError, summary: LoadSummary) -> None:
        super().__init__(str(cause))
        self.summary = summary


def load(
    store: Store,
    sources: Iterable[str],
    *,
    extractor: Extractor | None = None,
    lexicon_dirs: Iterable[Path] = (),
    jobs: int = 1,
    batch_size: int = 64,
    on_document: Callable[[Document | SourceError], None] | None = None,
    stdin=None,
    write_group: int = 32,
) -> LoadSummary:
    """Read, extract and merge every source; one bad source never stops the others.

    Results are written in groups of up to `write_group` articles (or what a second of
    extraction produced), each group in one transaction: see `Store.add_many`. A first load
    into an empty store builds the query indexes once at the end: see `Store.bulk`.
    """
    extractor = extractor or Extractor(lexicon_dirs=tuple(lexicon_dirs))
    summary = LoadSummary()

    def new_documents() -> Iterator[Document]:
        for item in read_sources(sources, stdin=stdin):
            if on_document:
                on_document(item)
            if isinstance(item, SourceError):
                summary.errors.append(item)
                continue
            summary.documents += 1
            if store.has_article(item.id):
                summary.already_loaded += 1
                continue
            yield item

    pending: list[ExtractionResult] = []
    started = 0.0

    def flush() -> None:
        try:
            reports = store.add_many(pending)
        except StoreError as exc:
            raise LoadAborted(exc, summary) from exc
        for report in reports:
            if not report.added:
                summary.already_loaded += 1
                continue
            summary.added += 1
            summary.new_nodes.update(report.new_nodes)
            summary.new_edges += report.new_edges
            summary.new_evidence += report.new_evidence
        pending.clear()

    try:
        deferring = store.bulk() if store.is_empty() else nullcontext()
        with deferring:
            for result in extractor.extract_many(new_documents(), batch_size=batch_size, n_process=jobs):
                if not pending:
                    started = time.monotonic()
                pending.append(result)
                if len(pending) >= write_group or time.monotonic() - started >= WRITE_GROUP_SECONDS:
                    flush()
            if pending:
                flush()
    except LoadAborted:
        raise
    except StoreError as exc:  # dropping or building the deferred indexes failed
        raise LoadAborted(exc, summary) from exc
    return summary
