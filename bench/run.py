"""actorgraph benchmarks: every figure measured in one run, printed side by side, saved as JSON.

    .venv/bin/python bench/run.py                 # everything (about 20–30 minutes on 2 cores)
    .venv/bin/python bench/run.py --quick         # smaller sizes, a few minutes
    .venv/bin/python bench/run.py --only store    # one section: extraction, streaming, store, push, view
    .venv/bin/python bench/run.py --only store --store-sizes 3000000 --out /tmp/big.json

Sections
  extraction  words/s of our extraction against bare spaCy `nlp.pipe` on the same paragraphs,
              and `--jobs 2` against `--jobs 1`
  streaming   `actorgraph load` of a 2,000-article JSONL corpus: time and peak memory, against
              a 200-article corpus (memory must not grow with the corpus)
  store       synthetic stores of 10k, 100k, 1M and 3M edges: load time (and its marginal cost
              per edge in each tenth of the load), size, memory, median warm
              time of who / profile / ties, and the cost of adding 10 articles to the big store
  push        Neo4j push (ArcadeDB over Bolt): batched against one MERGE per row on the same
              data (batched: median of 3 runs), and 100k+ relationships in one push
  view        a 5,000-node HTML view in headless Chromium: file size, time to settle

Timings are wall-clock on this machine; they are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLES = ROOT / "examples" / "articles"
SEEDS = Path(os.environ.get("ACTORGRAPH_SEEDS", ROOT.parent / "shared" / "seeds"))


def _texts() -> list[str]:
    files = sorted(SAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
    return [p.read_text("utf-8") for p in files]


def _corpus(path: Path, count: int) -> Path:
    texts = _texts()
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            text = f"{texts[i % len(texts)]}\n\nThis is report number {i} of the series."
            handle.write(json.dumps({"text": text, "date": f"2021-06-{1 + i % 28:02d}"}) + "\n")
    return path


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _median_ms(fn, repeat: int = 20) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


# ----- extraction ---------------------------------------------------------------------------


def bench_extraction(articles: int) -> dict:
    from actorgraph.loaders.documents import make_document
    from actorgraph.loaders.extract import Extractor

    texts = _texts()
    docs = [
        make_document(f"{texts[i % len(texts)]}\n\nReport {i}.", source=f"b{i}", date="2021-06-16")
        for i in range(articles)
    ]
    extractor = Extractor()
    units = [u.text for d in docs for u in extractor.units(d)]
    words = sum(len(d.text.split()) for d in docs)
    list(extractor.nlp.pipe(units[:50]))  # warm the pipeline

    start = time.perf_counter()
    for _ in extractor.nlp.pipe(units, batch_size=64):
        pass
    raw = time.perf_counter() - start
    start = time.perf_counter()
    for _ in extractor.extract_many(iter(docs), batch_size=64):
        pass
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for _ in extractor.extract_many(iter(docs), batch_size=64, n_process=2):
        pass
    two = time.perf_counter() - start
    return {
        "articles": articles,
        "words": words,
        "raw_nlp_pipe_words_per_s": round(words / raw),
        "extraction_words_per_s": round(words / ours),
        "overhead_over_bare_pipeline": round(ours / raw - 1, 3),
        "jobs2_words_per_s": round(words / two),
        "jobs2_speedup": round(ours / two, 2),
    }


# ----- streaming a large corpus -------------------------------------------------------------


def _load_subprocess(corpus: Path, store: Path, jobs: int = 1) -> dict:
    script = (
        "import resource, sys, time, json\n"
        "from actorgraph.graph.store import Store\n"
        "from actorgraph.pipeline import load\n"
        "start = time.perf_counter()\n"
        f"s = Store.open({str(store)!r})\n"
        f"summary = load(s, [{str(corpus)!r}], jobs={jobs})\n"
        "print(json.dumps({'seconds': round(time.perf_counter() - start, 1), 'added': summary.added,"
        " 'peak_rss_mb': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),"
        " 'children_peak_rss_mb': round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_streaming(big: int, small: int, tmp: Path) -> dict:
    small_run = _load_subprocess(_corpus(tmp / "small.jsonl", small), tmp / "small.db")
    corpus = _corpus(tmp / "big.jsonl", big)
    big_run = _load_subprocess(corpus, tmp / "big.db")
    return {
        "corpus_articles": big,
        "corpus_mb": round(corpus.stat().st_size / 1e6, 1),
        "seconds": big_run["seconds"],
        "articles_per_s": round(big_run["added"] / big_run["seconds"], 1),
        "peak_rss_mb": big_run["peak_rss_mb"],
        f"peak_rss_mb_for_{small}_articles": small_run["peak_rss_mb"],
    }


# ----- store at scale -----------------------------------------------------------------------


def _store_stage(edges: int, path: Path) -> dict:
    """Runs in its own process so memory figures belong to one size."""
    from actorgraph.graph import queries
    from actorgraph.graph.store import Store
    from actorgraph.loaders.extract import Extractor
    from actorgraph.loaders.sources import read_sources

    from bench.synthetic import articles

    store = Store.open(path)
    start = time.perf_counter()
    count = 0
    group: list = []
    # Marginal cost as the store grows: µs per new edge in each tenth of the load. Flat tenths
    # mean load time grows linearly with the store; rising ones would mean it does not.
    tenth = max(1, edges // 20 // 10)  # the generator writes about 20 edges per article
    new_edges, window_start, window_edges, tenths = 0, start, 0, []

    def write(group: list) -> None:
        nonlocal new_edges, window_edges
        added = sum(r.new_edges for r in store.add_many(group))
        new_edges += added
        window_edges += added

    with store.bulk():  # as `load` writes into an empty store: groups of 32, indexes at the end
        for result in articles(edges):
            group.append(result)
            count += 1
            if len(group) == 32:
                write(group)
                group = []
            if count % tenth == 0 and window_edges:
                now = time.perf_counter()
                tenths.append(round((now - window_start) / window_edges * 1e6))
                window_start, window_edges = now, 0
        if group:
            write(group)
        rows_seconds = time.perf_counter() - start
    load_seconds = time.perf_counter() - start
    counts = store.counts()
    top_issue = store.conn.execute(
        "SELECT target, sum(weight) w FROM edges WHERE target LIKE 'issue:%' GROUP BY target ORDER BY w DESC LIMIT 1"
    ).fetchone()[0]
    ranked = store.conn.execute(
        "SELECT source, count(*) c FROM edges GROUP BY source ORDER BY c DESC LIMIT 200"
    ).fetchall()
    top_actor, mid_a, mid_b = ranked[0][0], ranked[100][0], ranked[-1][0]
    name = {n: store.node(n).name for n in (top_issue, top_actor, mid_a, mid_b)}
    timings = {
        "who_top_issue_limit50_ms": _median_ms(lambda: queries.who(store, name[top_issue], limit=50)),
        "profile_top_actor_limit50_ms": _median_ms(lambda: queries.profile(store, name[top_actor], limit=50)),
        "ties_two_actors_ms": _median_ms(lambda: queries.ties(store, name[mid_a], name[mid_b])),
    }
    extractor = Extractor()
    results = [extractor.extract(d) for d in read_sources([str(SAMPLES)]) if not isinstance(d, Exception)][
        :10
    ]
    results = [r for r in results if not store.has_article(r.document.id)]
    start = time.perf_counter()
    for r in results:
        store.add(r)
    incremental = time.perf_counter() - start
    store.close()
    empty = Store.open(path.with_name("empty.db"))
    start = time.perf_counter()
    for r in results:
        empty.add(r)
    incremental_empty = time.perf_counter() - start
    return {
        "edges": counts["edges"],
        "nodes": counts["nodes"],
        "evidence": counts["evidence"],
        "articles": count,
        "load_seconds": round(load_seconds, 1),
        "edges_per_s": round(counts["edges"] / load_seconds),
        "us_per_edge": round(load_seconds / counts["edges"] * 1e6),
        "index_build_seconds": round(load_seconds - rows_seconds, 1),
        "us_per_edge_by_tenth": tenths,
        "file_mb": round(path.stat().st_size / 1e6),
        "peak_rss_mb": round(_rss_mb()),
        **timings,
        "add_10_articles_ms": round(incremental * 1000, 1),
        "add_10_articles_to_empty_store_ms": round(incremental_empty * 1000, 1),
    }


def bench_store(sizes: list[int], tmp: Path) -> list[dict]:
    rows = []
    for size in sizes:
        folder = tmp / f"store-{size}"
        folder.mkdir()
        out = subprocess.run(
            [sys.executable, str(Path(__file__)), "--stage-store", str(size), str(folder / "s.db")],
            capture_output=True,
            text=True,
            check=True,
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"  store {size:>9,}: {rows[-1]}", file=sys.stderr)
    return rows


# ----- Neo4j push ---------------------------------------------------------------------------


def bench_push(per_row_edges: int, big_edges: int, tmp: Path) -> dict:
    import neo4j
    from actorgraph.graph.neo4j_server import count_graph, push
    from actorgraph.graph.store import Store

    from bench.synthetic import articles
    from tests.bolt_server import bolt_server

    def build(edges: int, name: str) -> Store:
        store = Store.open(tmp / "push" / name)  # its own folder: other sections leave stores in tmp
        for result in articles(edges, seed=edges):
            store.add(result)
        return store

    def wipe(driver, database) -> None:
        while True:
            records, _, _ = driver.execute_query(
                "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS c", database_=database
            )
            if not records or records[0]["c"] == 0:
                return

    out: dict = {}
    with (
        bolt_server(tmp / "arcade") as server,
        neo4j.GraphDatabase.driver(server.uri, auth=(server.user, server.password)) as driver,
    ):
        small = build(per_row_edges, "small.db")
        rels = small.counts()["edges"]
        wipe(driver, server.database)
        start = time.perf_counter()
        push(small, driver, database=server.database, batch_size=1)
        per_row = time.perf_counter() - start
        batched_runs = []  # a second or so each, so one GC pause of the server would skew one run
        for _ in range(3):
            wipe(driver, server.database)
            start = time.perf_counter()
            push(small, driver, database=server.database, batch_size=1000)
            batched_runs.append(time.perf_counter() - start)
        batched = statistics.median(batched_runs)
        out["same_data_relationships"] = rels
        out["per_row_seconds"] = round(per_row, 2)
        out["batched_seconds"] = round(batched, 2)
        out["batched_seconds_runs"] = [round(t, 2) for t in batched_runs]
        out["batched_speedup"] = round(per_row / batched, 1)
        big = build(big_edges, "big.db")
        wipe(driver, server.database)
        start = time.perf_counter()
        report = push(big, driver, database=server.database, batch_size=1000)
        out["big_push_relationships"] = report.relationships
        out["big_push_seconds"] = round(time.perf_counter() - start, 1)
        out["big_push_relationships_per_s"] = round(report.relationships / (time.perf_counter() - start))
        out["server_counts_after"] = count_graph(driver, server.database)
    return out


# ----- HTML view ----------------------------------------------------------------------------


def bench_view(nodes_wanted: int, tmp: Path) -> dict:
    from actorgraph.graph.html_view import write_view
    from actorgraph.graph.store import Store

    from bench.synthetic import articles
    from tests.browser import chromium, console_errors, find_chromium, open_page, wait_settled

    store = Store.open(tmp / "view.db")
    for result in articles(nodes_wanted * 12, seed=3):
        store.add(result)
        if store.counts()["nodes"] >= nodes_wanted + 60:
            break
    page = tmp / "view.html"
    start = time.perf_counter()
    report = write_view(store, page, max_nodes=nodes_wanted, max_edges=4 * nodes_wanted)
    write_seconds = time.perf_counter() - start
    out = {
        "nodes": report.nodes,
        "edges": report.edges,
        "file_mb": round(report.bytes / 1e6, 2),
        "write_seconds": round(write_seconds, 1),
    }
    if find_chromium() is None:
        out["browser"] = "chromium not installed"
        return out
    with chromium() as driver:
        start = time.perf_counter()
        open_page(driver, page)
        wait_settled(driver, timeout=600)
        out["chromium_settle_seconds"] = round(time.perf_counter() - start, 1)
        out["drawn_nodes"] = driver.execute_script("return window.actorgraph.network.body.nodeIndices.length")
        out["console_errors"] = len(console_errors(driver))
    return out


# ----- main ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description="actorgraph benchmarks",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__,
    )
    parser.add_argument("--quick", action="store_true", help="smaller sizes for a fast look")
    parser.add_argument(
        "--only", choices=["extraction", "streaming", "store", "push", "view"], action="append"
    )
    parser.add_argument(
        "--store-sizes",
        type=lambda text: [int(n) for n in text.split(",")],
        metavar="N,N,…",
        help="edge counts for the store section (default 10000,100000,1000000,3000000)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--stage-store", nargs=2, metavar=("EDGES", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage_store:
        print(json.dumps(_store_stage(int(args.stage_store[0]), Path(args.stage_store[1]))))
        return
    sections = set(args.only or ["extraction", "streaming", "store", "push", "view"])
    quick = args.quick
    results: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "quick": quick,
    }
    store_sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000, 3_000_000]
    with tempfile.TemporaryDirectory(prefix="actorgraph-bench-") as tmp_name:
        tmp = Path(tmp_name)
        steps = [
            ("extraction", lambda: bench_extraction(60 if quick else 400)),
            ("streaming", lambda: bench_streaming(300 if quick else 2000, 100 if quick else 200, tmp)),
            ("store", lambda: bench_store(args.store_sizes or store_sizes, tmp)),
            ("push", lambda: bench_push(1_000 if quick else 5_000, 10_000 if quick else 100_000, tmp)),
            ("view", lambda: bench_view(1_000 if quick else 5_000, tmp)),
        ]
        for name, step in steps:
            if name not in sections:
                continue
            print(f"[{name}] running…", file=sys.stderr)
            start = time.perf_counter()
            results[name] = step()
            print(
                f"[{name}] {time.perf_counter() - start:.0f} s: {json.dumps(results[name])}", file=sys.stderr
            )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.only and args.out.exists():  # a partial run updates its sections, keeps the others
        results = {**json.loads(args.out.read_text("utf-8")), **results}
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
