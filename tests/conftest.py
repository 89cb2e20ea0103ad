"""Shared fixtures: one spaCy pipeline and one loaded store per test session (parsing is the slow part)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from actorgraph.graph.store import Store
from actorgraph.loaders.extract import Extractor
from hypothesis import settings

from actorgraph.pipeline import load

# On a developer's machine the property tests draw new examples every run, to find new bugs;
# CI draws the same ones every run, so a submission is judged on what it changed, not on luck.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "examples" / "articles"
SEEDS = Path(os.environ.get("ACTORGRAPH_SEEDS", ROOT.parent / "shared" / "seeds"))


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set ACTORGRAPH_SEEDS)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, extractor, seeds) -> Store:
    store = Store.open(tmp_path_factory.mktemp("seeds") / "seeds.db")
    load(store, [str(seeds)], extractor=extractor)
    yield store
    store.close()


@pytest.fixture(scope="session")
def full_store(tmp_path_factory, extractor, seeds) -> Store:
    """Seeds and the project's own samples in one store."""
    store = Store.open(tmp_path_factory.mktemp("full") / "full.db")
    load(store, [str(seeds), str(SAMPLES)], extractor=extractor)
    yield store
    store.close()


def edges_by_name(store: Store) -> set[tuple[str, str, str]]:
    names = {n.id: n.name for n in store.nodes()}
    return {(names[e.source], e.type, names[e.target]) for e in store.edges()}
