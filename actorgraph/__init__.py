"""actorgraph: news articles in, an actor–issue relationship graph out.

The Python API behind the CLI::

    import actorgraph
    with actorgraph.open_store("news.db") as store:
        actorgraph.load(store, ["examples/articles"])
        rows = actorgraph.queries.who(store, "election interference")
        graph = actorgraph.to_networkx(store)      # a networkx.MultiDiGraph
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.graph import queries
from actorgraph.graph.networkx_graph import to_networkx
from actorgraph.graph.store import DEFAULT_STORE, Store

if TYPE_CHECKING:
    from actorgraph.pipeline import LoadSummary

__version__ = "0.1.0"
__all__ = ["DEFAULT_STORE", "Store", "load", "open_store", "queries", "to_networkx"]


def open_store(path: str | Path = DEFAULT_STORE, *, create: bool = True) -> Store:
    """Open (or create) the embedded store file."""
    return Store.open(path, create=create)


def load(store: Store, sources: Iterable[str], **options) -> LoadSummary:
    """Load files, folders, globs or '-' into the store; see `actorgraph.pipeline.load`."""
    from actorgraph.pipeline import load as run_load  # spaCy loads only when extraction is asked for

    return run_load(store, [str(s) for s in sources], **options)
