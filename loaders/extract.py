"""Document -> ExtractionResult: the rule-based extractor behind `actorgraph load`.

The extractor holds the spaCy pipeline that parses paragraphs and actorgraph's four extraction
components (`components.py`), made from their registered factories. Each article is segmented
into units, every unit parsed as its own Doc (one `nlp.pipe` stream over many articles in
`extract_many`), the units joined into one article Doc (`components.article_doc`), the
components run on it, and the records they leave on the Doc become the `ExtractionResult`
(`result_from_doc`), the only thing the store ever gets.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from actorgraph.graph.model import (
    Document,
    EdgeRecord,
    EdgeType,
    EntityRecord,
    Evidence,
    ExtractionResult,
    IssueRecord,
    NodeLabel,
)
from actorgraph.loaders.components import COMPONENTS, article_doc
from actorgraph.loaders.lexicons import Lexicons, load_lexicons
from actorgraph.loaders.nlp import load_pipeline
from actorgraph.loaders.segment import EXTRACT_KINDS, MENTION_KINDS, Unit, segment
from spacy.language import Language
from spacy.tokens import Doc


@dataclass
class _ParsedUnit:
    unit: Unit
    doc: Doc


_WORKER: Extractor | None = None  # the forked workers' copy of the parent's extractor


def _extract_in_worker(document: Document) -> ExtractionResult:
    assert _WORKER is not None
    return _WORKER.extract(document)


def result_from_doc(doc: Doc, document: Document) -> ExtractionResult:
    """The graph records an article Doc carries after the components, for `document`."""
    actors = doc._.ag_actors or {}
    issues = doc._.ag_issues or {}
    return ExtractionResult(
        document=document,
        entities=[
            EntityRecord(key, NodeLabel(a["label"]), a["name"], set(a["aliases"]), a["mentions"])
            for key, a in actors.items()
        ],
        issues=[IssueRecord(i["key"], name, i["topic"]) for name, i in issues.items()],
        edges=[
            EdgeRecord(
                r["source"],
                r["target"],
                EdgeType(r["type"]),
                Evidence(document.id, r["text"], r["start"], r["end"], document.date),
            )
            for r in doc._.ag_relations or []
        ],
    )


class Extractor:
    def __init__(self, nlp: Language | None = None, lexicon_dirs: Iterable[Path] = ()) -> None:
        self.nlp = nlp or load_pipeline()
        dirs = tuple(Path(d) for d in lexicon_dirs)
        self.lex: Lexicons = load_lexicons(dirs)
        config = {"lexicon_dirs": [str(d) for d in dirs]}
        #: (name, component) in pipeline order, built by the registered factories but kept out
        #: of `nlp`, which parses the units
        self.components = [(name, self.nlp.create_pipe(name, config=config)) for name in COMPONENTS]

    @property
    def _parse_only(self) -> list[str]:
        """Our components, if someone added them to `nlp`: units are parsed without them."""
        return [name for name in self.nlp.pipe_names if name.startswith("actorgraph_")]

    def units(self, document: Document) -> list[Unit]:
        return [u for u in segment(document.text, self.lex) if u.kind in EXTRACT_KINDS | MENTION_KINDS]

    def extract(self, document: Document) -> ExtractionResult:
        units = self.units(document)
        docs = self.nlp.pipe((u.text for u in units), disable=self._parse_only)
        return self._extract_parsed(document, [_ParsedUnit(u, d) for u, d in zip(units, docs, strict=True)])

    def extract_many(
        self, documents: Iterable[Document], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[ExtractionResult]:
        """Results in input order, streaming: never more than a window of articles in memory.

        One process streams every paragraph through a single `nlp.pipe`. With `n_process > 1`
        whole articles go to worker processes (forked, so the loaded model is shared rather
        than loaded again): parsing *and* our components run in parallel, which is what makes
        two jobs on two cores nearly twice as fast. spaCy's own `n_process` (on a pipeline
        from `extraction_pipeline`) parallelises both too, but parses an article as one text.
        """
        if n_process > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._extract_parallel(documents, batch_size, n_process)
            return
        yield from self._extract_stream(documents, batch_size)

    def _extract_parallel(
        self, documents: Iterable[Document], batch_size: int, n_process: int
    ) -> Iterator[ExtractionResult]:
        global _WORKER
        _WORKER = self
        window = max(batch_size, 8) * n_process
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            source = iter(documents)
            while chunk := list(itertools.islice(source, window)):
                yield from pool.imap(
                    _extract_in_worker, chunk, chunksize=max(1, len(chunk) // (4 * n_process))
                )

    def _extract_stream(self, documents: Iterable[Document], batch_size: int) -> Iterator[ExtractionResult]:

        def unit_stream() -> Iterator[tuple[str, tuple[Document, Unit, int, int]]]:
            for document in documents:
                units = self.units(document)
                if not units:
                    yield "", (document, Unit("empty", "", 0), 0, 0)
                for index, unit in enumerate(units):
                    yield unit.text, (document, unit, index, len(units))

        pending: list[_ParsedUnit] = []
        for doc, (document, unit, index, total) in self.nlp.pipe(
            unit_stream(), as_tuples=True, batch_size=batch_size, disable=self._parse_only
        ):
            if total:
                pending.append(_ParsedUnit(unit, doc))
            if index == total - 1 or total == 0:
                yield self._extract_parsed(document, pending)
                pending = []

    def article_doc(self, document: Document, parsed: list[_ParsedUnit]) -> Doc:
        """The article Doc of `document` with every component run on it (its records on it)."""
        doc = article_doc(self.nlp, [p.unit for p in parsed], [p.doc for p in parsed], document.date)
        for _name, component in self.components:
            doc = component(doc)
        return doc

    def _extract_parsed(self, document: Document, parsed: list[_ParsedUnit]) -> ExtractionResult:
        return result_from_doc(self.article_doc(document, parsed), document)
