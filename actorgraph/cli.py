"""The `actorgraph` command line: load articles, query the graph, export it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from actorgraph.graph import exports, queries
from actorgraph.graph.matching import NodeLookupError
from actorgraph.graph.stance import POSITIONS, signed
from actorgraph.graph.store import DEFAULT_STORE, Store, StoreError
from actorgraph.loaders.lexicons import LexiconError
from actorgraph.loaders.sources import SourceError, expand_paths
from actorgraph.output import OutputFormat, emit

app = typer.Typer(
    help=(
        "Turn news articles into an actor–issue relationship graph.\n\n"
        "Load articles with `actorgraph load PATH…`, then ask who is tied to an issue "
        "(`who`), what an actor did (`profile`), how two actors connect (`ties`), or export "
        "the graph. The graph lives in one SQLite file: ./actorgraph.db unless --store or "
        "ACTORGRAPH_STORE says otherwise."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)

#: Exit codes: 0 everything worked, 1 nothing worked, 3 some sources failed but others loaded.
EXIT_FAILURE = 1
EXIT_PARTIAL = 3

StoreOption = Annotated[
    Path,
    typer.Option(
        "--store",
        "-s",
        envvar="ACTORGRAPH_STORE",
        help="The graph store file (SQLite). Created by `load` if missing.",
    ),
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", min=1, help="Only the N strongest rows (all if unset).")
]
FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table for people, json or csv for scripts.")
]


def _open(store: Path, create: bool = False) -> Store:
    """`create` opens for loading; every other command only reads (and works on read-only files)."""
    try:
        return Store.open(store, create=create, readonly=not create)
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_FAILURE) from exc


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(EXIT_FAILURE)


def _first_sentence(evidence: list[dict]) -> str:
    return evidence[0]["sentence"] if evidence else ""


@app.command()
def load(
    paths: Annotated[
        list[str], typer.Argument(help="Files (.txt .md .html .jsonl), folders, globs, or - for stdin.")
    ],
    store: StoreOption = Path(DEFAULT_STORE),
    lexicon: Annotated[
        list[Path] | None,
        typer.Option("--lexicon", "-l", help="A folder of extra lexicon files (issues.toml, roles.toml, …)."),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Worker processes; each parses and extracts whole articles (use your core count).",
        ),
    ] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Paragraphs per spaCy batch.")] = 64,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to print the summary.")
    ] = OutputFormat.table,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Read articles, extract actors, issues and typed edges, and merge them into the store.

    Loading an article that is already in the store adds nothing. A file that cannot be read
    is reported on one line and the others still load; the exit code is 3 when some sources
    failed and 1 when nothing could be loaded.

    Examples:

      actorgraph load examples/articles

      actorgraph load 'news/**/*.html' --store news.db

      cat feed.jsonl | actorgraph load - --format json
    """
    from actorgraph.loaders.extract import Extractor
    from actorgraph.pipeline import LoadAborted
    from actorgraph.pipeline import load as run_load

    try:
        extractor = Extractor(lexicon_dirs=tuple(lexicon or ()))
    except LexiconError as exc:
        raise _fail(str(exc)) from exc
    files = [p for p in expand_paths(paths) if not isinstance(p, SourceError)]
    countable = all(isinstance(p, Path) and p.suffix.lower() not in {".jsonl", ".ndjson"} for p in files)
    show = not quiet and sys.stderr.isatty() and fmt is OutputFormat.table
    with (
        _open(store, create=True) as graph_store,
        Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=not show,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("Loading articles", total=len(files) if countable else None)

        def on_document(item: object) -> None:
            if isinstance(item, SourceError):
                err.print(f"[yellow]skipped[/yellow] {item}")
            progress.advance(task)

        try:
            summary = run_load(
                graph_store,
                paths,
                extractor=extractor,
                jobs=jobs,
                batch_size=batch_size,
                on_document=on_document,
            )
        except LoadAborted as exc:
            raise _fail(
                f"{exc}. {exc.summary.added} article(s) were saved before it and the store is "
                "consistent: free space or fix permissions, then run the same load again to finish."
            ) from exc
        except StoreError as exc:
            raise _fail(str(exc)) from exc
    data = summary.as_dict()
    if fmt is OutputFormat.table:
        err.print(
            f"[bold]{summary.added}[/bold] articles added ({summary.already_loaded} already loaded), "
            f"[bold]{summary.new_actors}[/bold] new actors, [bold]{data['new_issues']}[/bold] new issues, "
            f"[bold]{summary.new_edges}[/bold] new edges ({summary.new_evidence} evidence sentences) "
            f"→ {store}"
        )
        if summary.errors:
            err.print(f"[yellow]{len(summary.errors)} source(s) could not be loaded[/yellow]")
    else:
        emit({**data, "store": str(store)}, fmt, rows=[{k: v for k, v in data.items() if k != "errors"}])
    if summary.errors:
        raise typer.Exit(EXIT_PARTIAL if summary.documents else EXIT_FAILURE)


@app.command("import")
def import_graph(
    source: Annotated[
        Path, typer.Argument(help="A graph in the JSON contract (`export --format json`), or - for stdin.")
    ],
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Read a graph exported with `export --format json` into a store, ids and evidence intact.

    Use it to move or merge graphs between stores: into an empty store the graph comes back
    exactly (exporting again gives the same JSON); into a store with data, only what is new is
    added. A file that does not follow the contract is refused whole, with the place of the fault.
    """
    from actorgraph.graph.json_import import GraphFormatError, read_graph_json

    try:
        text = sys.stdin.read() if str(source) == "-" else source.read_text(encoding="utf-8")
        snapshot = read_graph_json(text)
    except OSError as exc:
        raise _fail(f"{source}: cannot read ({exc.strerror or exc})") from exc
    except (GraphFormatError, UnicodeDecodeError) as exc:
        raise _fail(f"{source}: {exc}") from exc
    with _open(store, create=True) as s:
        try:
            added = s.restore(snapshot)
        except StoreError as exc:
            raise _fail(str(exc)) from exc
    if fmt is OutputFormat.table:
        err.print(
            f"imported {added['articles']} articles, {added['nodes']} nodes, {added['edges']} edges, "
            f"{added['evidence']} evidence sentences → {store}"
        )
    else:
        emit({**added, "store": str(store)}, fmt, rows=[added])


@app.command()
def actors(
    store: StoreOption = Path(DEFAULT_STORE),
    label: Annotated[str | None, typer.Option(help="Only Person, Organization, Country or Group.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show the top N.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List actors, most evidenced first, with their aliases and article counts."""
    with _open(store) as s:
        rows = queries.actors(s, label=label, limit=limit)
    emit(rows, fmt, columns=["name", "label", "aliases", "articles", "evidence"], title="Actors")


@app.command()
def issues(store: StoreOption = Path(DEFAULT_STORE), fmt: FormatOption = OutputFormat.table) -> None:
    """List issues with their broad topic and how many actors and sentences tie to them."""
    with _open(store) as s:
        rows = queries.issues(s)
    emit(rows, fmt, columns=["name", "topic", "actors", "evidence"], title="Issues")


@app.command()
def who(
    issue: Annotated[str, typer.Argument(help="An issue name, e.g. 'election interference'.")],
    store: StoreOption = Path(DEFAULT_STORE),
    typed_only: Annotated[bool, typer.Option(help="Leave out plain same-sentence associations.")] = False,
    limit: LimitOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Who is tied to an issue, for / against / neutral, by edge type (CRITICIZED, DENIED, …).

    Rows are grouped by position (for, then against, then neutral), strongest first in each;
    stance is +1, -1 or 0 and weight the number of evidence sentences. An actor with edges of
    both signs appears in both groups. The table's caption counts actors and sentences per group.
    """
    with _open(store) as s:
        try:
            rows = queries.who(s, issue, include_associated=not typed_only, limit=limit)
            groups = queries.positions(s, issue, include_associated=not typed_only)
        except NodeLookupError as exc:
            raise _fail(str(exc)) from exc
    order = {p: i for i, p in enumerate(POSITIONS)}
    rows = sorted(rows, key=lambda r: order[r["position"]])  # stable: strongest first in each group
    flat = [
        {
            **r,
            "stance": signed(r["stance"]) if fmt is OutputFormat.table else r["stance"],
            "example": _first_sentence(r["evidence"]),
        }
        for r in rows
    ]
    title = f"Actors tied to {rows[0]['issue']}" if rows else f"Actors tied to {issue}"
    caption = " · ".join(
        f"{p}: {g['actors']} actor{'s' * (g['actors'] != 1)}, {g['evidence']} sentence{'s' * (g['evidence'] != 1)}"
        for p, g in groups.items()
    )
    emit(
        rows,
        fmt,
        rows=flat,
        columns=["position", "actor", "label", "type", "stance", "weight", "example"],
        title=title,
        caption=caption,
        section_by="position",
    )


@app.command()
def profile(
    actor: Annotated[str, typer.Argument(help="An actor name or alias, e.g. 'Merkel' or 'the Kremlin'.")],
    store: StoreOption = Path(DEFAULT_STORE),
    limit: LimitOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """An actor's aliases, the issues it is tied to and its ties to other actors, with evidence."""
    with _open(store) as s:
        try:
            data = queries.profile(s, actor, limit=limit)
        except NodeLookupError as exc:
            raise _fail(str(exc)) from exc
    if fmt is OutputFormat.json:
        emit(data, fmt)
        return
    table = fmt is OutputFormat.table
    flat = [
        {
            "kind": "issue",
            "other": r["issue"],
            "direction": "out",
            "type": r["type"],
            "stance": signed(r["stance"]) if table else r["stance"],
            "weight": r["weight"],
            "example": _first_sentence(r["evidence"]),
        }
        for r in data["issues"]
    ] + [
        {
            "kind": r["other_label"],
            "other": r["other"],
            "direction": r["direction"],
            "type": r["type"],
            "stance": "",  # ties between actors have no stance
            "weight": r["weight"],
            "example": _first_sentence(r["evidence"]),
        }
        for r in data["ties"]
    ]
    title = f"{data['name']} ({data['label']}; also {', '.join(a for a in data['aliases'] if a != data['name']) or '—'})"
    emit(
        data,
        fmt,
        rows=flat,
        columns=["kind", "other", "direction", "type", "stance", "weight", "example"],
        title=title,
    )
    if table and data["stances"]:
        emit(
            data["stances"],
            fmt,
            rows=[{**r, "net": signed(r["net"])} for r in data["stances"]],
            columns=["issue", "net", "for", "against", "neutral", "evidence"],
            title=f"Positions of {data['name']}",
            caption="net = sentences for − sentences against",
        )


@app.command()
def ties(
    a: Annotated[str, typer.Argument(help="First actor.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Direct edges between two actors (both directions) and the shortest paths joining them."""
    with _open(store) as s:
        try:
            data = queries.ties(s, a, b)
        except NodeLookupError as exc:
            raise _fail(str(exc)) from exc
    if fmt is OutputFormat.json:
        emit(data, fmt)
        return
    flat = [
        {
            "path": f"{r['source']} → {r['target']}",
            "types": r["type"],
            "weight": r["weight"],
            "example": _first_sentence(r["evidence"]),
        }
        for r in data["direct"]
    ] + [
        {
            "path": " → ".join(p["nodes"]),
            "types": " / ".join("|".join(s["types"]) for s in p["steps"]),
            "weight": "",
            "example": "",
        }
        for p in data["paths"]
        if len(p["nodes"]) > 2
    ]
    emit(
        data,
        fmt,
        rows=flat,
        columns=["path", "types", "weight", "example"],
        title=f"Ties: {data['a']} – {data['b']}",
    )


@app.command()
def matrix(
    store: StoreOption = Path(DEFAULT_STORE),
    typed_only: Annotated[bool, typer.Option(help="Count typed edges only.")] = False,
    top: Annotated[int, typer.Option(min=1, help="Issues shown as columns in the table.")] = 8,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The actor × issue table (two-mode view): each actor's net position on each issue.

    A cell reads "+3 (5)": net position +3 (sentences for minus sentences against) out of 5
    evidence sentences; "0 (2)" is a neutral tie, an empty cell no tie. csv gives two numeric
    columns per issue, the evidence count ("ISSUE") and the net position ("ISSUE net"); json
    gives per row `cells` (counts), `net` and `positions` (for, against, neutral).
    """
    with _open(store) as s:
        data = queries.matrix(s, include_associated=not typed_only)
    if fmt is OutputFormat.table:
        issue_names = data["issues"][:top]
        flat = [
            {
                "actor": r["actor"],
                **{
                    i: f"{signed(r['net'][i])} ({r['cells'][i]})" if r["cells"][i] else ""
                    for i in issue_names
                },
            }
            for r in data["rows"]
        ]
        columns = ["actor", *issue_names]
    else:
        issue_names = data["issues"]
        flat = [
            {
                "actor": r["actor"],
                **{k: v for i in issue_names for k, v in ((i, r["cells"][i]), (f"{i} net", r["net"][i]))},
            }
            for r in data["rows"]
        ]
        columns = ["actor", *(c for i in issue_names for c in (i, f"{i} net"))]
    emit(
        data,
        fmt,
        rows=flat,
        columns=columns,
        title="Actor × issue",
        caption="net position (evidence sentences); net = for − against, empty = no tie",
    )


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="json | graphml | gexf | csv | cypher | neo4j-csv")
    ] = "json",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (a folder for csv).")] = None,
    store: StoreOption = Path(DEFAULT_STORE),
) -> None:
    """Export the whole graph.

    json follows the documented contract; graphml and gexf open in Gephi, yEd or networkx;
    csv writes nodes.csv and edges.csv to the --out folder; cypher writes a script for
    `cypher-shell -f` or the Neo4j Browser; neo4j-csv writes the files of
    `neo4j-admin database import` (see README).
    """
    if fmt not in exports.FORMATS:
        raise _fail(f"unknown export format {fmt!r}; choose one of {', '.join(exports.FORMATS)}")
    with _open(store) as s:
        try:
            result = exports.write_export(s, fmt, out)
        except ValueError as exc:
            raise _fail(str(exc)) from exc
    if isinstance(result, str):
        sys.stdout.write(result if result.endswith("\n") else result + "\n")
    else:
        for path in result:
            err.print(f"wrote {path}")


Neo4jUri = Annotated[str, typer.Option("--uri", envvar="NEO4J_URI", help="Bolt URI of the server.")]
Neo4jUser = Annotated[str, typer.Option("--user", envvar="NEO4J_USER", help="User name.")]
Neo4jPassword = Annotated[
    str,
    typer.Option(
        "--password", envvar="NEO4J_PASSWORD", prompt=True, hide_input=True, help="Password (never printed)."
    ),
]
Neo4jDatabase = Annotated[
    str | None,
    typer.Option("--database", envvar="NEO4J_DATABASE", help="Database name (server default if unset)."),
]


def _driver(uri: str, user: str, password: str):
    from actorgraph.graph.neo4j_server import Neo4jConnectionError, connect

    try:
        return connect(uri, user, password)
    except Neo4jConnectionError as exc:
        raise _fail(str(exc)) from exc


@app.command()
def push(
    uri: Neo4jUri = "bolt://localhost:7687",
    user: Neo4jUser = "neo4j",
    password: Neo4jPassword = "",
    database: Neo4jDatabase = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Rows per UNWIND batch.")] = 1000,
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="How to print the summary.")
    ] = OutputFormat.table,
) -> None:
    """Push the whole graph to a Neo4j 5 server: constraints and indexes, then batched MERGE.

    Pushing twice, or re-running an interrupted push, leaves the same graph. Credentials come
    from the options or NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE.

    Example: NEO4J_PASSWORD=secret actorgraph push --uri bolt://localhost:7687 --user neo4j
    """
    from neo4j.exceptions import Neo4jError

    from actorgraph.graph.neo4j_server import push as run_push

    with (
        _open(store) as s,
        _driver(uri, user, password) as driver,
        Progress(
            SpinnerColumn(),
            TextColumn("Pushing to Neo4j"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            disable=not sys.stderr.isatty(),
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("push", total=None)

        def on_batch(rows: int, total: int) -> None:
            progress.update(task, total=total, advance=1)

        try:
            report = run_push(s, driver, database=database, batch_size=batch_size, on_batch=on_batch)
        except Neo4jError as exc:
            raise _fail(f"{uri}: the server refused a batch ({exc.code}: {exc.message})") from exc
    for warning in report.schema_warnings or []:
        err.print(f"[yellow]schema:[/yellow] {warning}")
    data = {
        "uri": uri,
        "nodes": report.nodes,
        "relationships": report.relationships,
        "batches": report.batches,
    }
    if fmt is OutputFormat.table:
        err.print(
            f"pushed [bold]{report.nodes}[/bold] nodes and [bold]{report.relationships}[/bold] relationships "
            f"in {report.batches} batches to {uri}"
        )
    else:
        emit(data, fmt, rows=[data])


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="who | profile | ties | matrix | central (files in cypher/).")],
    params: Annotated[
        list[str] | None, typer.Argument(help="Parameters as key=value, e.g. issue='arms control'.")
    ] = None,
    neo4j: Annotated[
        bool, typer.Option("--neo4j", help="Run on the Neo4j server instead of the embedded store.")
    ] = False,
    uri: Neo4jUri = "bolt://localhost:7687",
    user: Neo4jUser = "neo4j",
    password: Annotated[
        str, typer.Option("--password", envvar="NEO4J_PASSWORD", help="Password (never printed).")
    ] = "",
    database: Neo4jDatabase = None,
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run a named query from cypher/ on the embedded store, or with --neo4j on the server.

    Both give the same rows. Examples:

      actorgraph query who issue="election interference"

      actorgraph query central limit=5 --neo4j --uri bolt://localhost:7687 --user neo4j
    """
    from actorgraph.graph.named_queries import NAMED_QUERIES, run_embedded

    if name not in NAMED_QUERIES:
        raise _fail(f"no named query {name!r}; choose one of {', '.join(NAMED_QUERIES)}")
    values: dict[str, object] = {}
    for item in params or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise _fail(f"parameter {item!r} is not key=value")
        values[key] = int(value) if value.isdigit() else value
    missing = [p for p in NAMED_QUERIES[name][1] if p not in values]
    if missing:
        raise _fail(f"query {name!r} needs: {', '.join(f'{m}=…' for m in missing)}")
    if neo4j:
        from neo4j.exceptions import Neo4jError

        from actorgraph.graph.neo4j_server import run_named

        with _driver(uri, user, password) as driver:
            try:
                rows = run_named(driver, name, values, database)
            except Neo4jError as exc:
                raise _fail(f"{uri}: query failed ({exc.code}: {exc.message})") from exc
    else:
        with _open(store) as s:
            rows = run_embedded(s, name, values)
    emit(rows, fmt, title=f"{name} ({'neo4j' if neo4j else 'embedded'})")


@app.command()
def view(
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path("graph.html"),
    issue: Annotated[
        str | None, typer.Option("--issue", "-i", help="Draw only this issue and the actors tied to it.")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Draw only this actor's network (see --depth).")
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="Hops around --actor.")] = 1,
    max_nodes: Annotated[
        int, typer.Option("--max-nodes", min=1, help="Keep at most this many nodes, strongest first.")
    ] = 500,
    max_edges: Annotated[
        int, typer.Option("--max-edges", min=1, help="Keep at most this many edges, heaviest first.")
    ] = 2000,
    title: Annotated[str, typer.Option("--title", help="Heading of the page.")] = "actorgraph",
    store: StoreOption = Path(DEFAULT_STORE),
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Write the graph as one interactive HTML page that works offline.

    Open the file in any browser: hover nodes and edges for aliases and evidence sentences,
    search by name, filter by issue, actor (ego network), edge type, weight and date. Big
    graphs are cut to the strongest --max-nodes/--max-edges and the page says what was left out.

    Examples: `actorgraph view -o summit.html --issue "arms control"`,
    `actorgraph view --actor Merkel --depth 2`.
    """
    from actorgraph.graph.html_view import write_view

    with _open(store) as s:
        try:
            report = write_view(
                s,
                out,
                issue=issue,
                actor=actor,
                depth=depth,
                max_nodes=max_nodes,
                max_edges=max_edges,
                title=title,
            )
        except NodeLookupError as exc:
            raise _fail(str(exc)) from exc
        except OSError as exc:
            raise _fail(f"cannot write {out}: {exc.strerror or exc}") from exc
    if fmt is OutputFormat.table:
        left = report.cap
        note = (
            ""
            if left.nothing_left_out
            else f"; left out {left.nodes_left_out} nodes and {left.edges_left_out} edges (caps)"
        )
        err.print(
            f"wrote {report.path}: {report.nodes} nodes, {report.edges} edges, {report.bytes / 1e6:.1f} MB{note}"
        )
    else:
        emit(report.as_dict(), fmt, rows=[report.as_dict()])


def _default_article_dirs() -> list[Path]:
    return [p for p in (Path("examples/articles"), Path("../shared/seeds")) if p.is_dir()]


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Folder of gold .json files.")] = Path("examples/gold"),
    articles: Annotated[
        list[Path] | None,
        typer.Option(
            "--articles",
            help="Where the gold files' articles are (repeatable). Default: examples/articles and ../shared/seeds.",
        ),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list what was missed and what was spurious.")
    ] = False,
    draft: Annotated[
        Path | None,
        typer.Option(
            "--draft",
            help="Instead of scoring, write what the extractor finds in the gold format to this folder.",
        ),
    ] = None,
    lexicon: Annotated[list[Path] | None, typer.Option(help="Extra lexicon folder (repeatable).")] = None,
    match: Annotated[
        str,
        typer.Option(
            "--match", help="Only the gold files matching this glob, e.g. 'heldout2_*' for the held-out set."
        ),
    ] = "*.json",
    unseal: Annotated[
        bool,
        typer.Option(
            "--unseal",
            help="Also score held-out gold files marked 'not yet measured' (their first measurement: "
            "record it, then mark the file measured).",
        ),
    ] = False,
    sentences: Annotated[
        list[Path] | None,
        typer.Option(
            "--sentences",
            help="Score the sentence suite instead: .jsonl files or folders of them "
            "(the project's: tests/data/sentences, tests/data/issues). Repeatable.",
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Score extraction against hand-made gold annotations: precision, recall and F1.

    With `--sentences`, score the sentence suite (one short sentence per construction, format
    in docs/annotation.md): link recall, typed recall and precision for all sentences, for real
    and invented names, per construction and per relation class; `--errors` lists each
    sentence's misses and spurious triples.

    Three tasks: entities (actors with their type), actor–issue ties (any edge from an actor to
    an issue) and typed relations (source, type, target; ASSOCIATED_WITH excluded). The gold
    format is described in README ("Evaluation"); `--draft DIR` writes the extractor's own
    findings in that format for a person to correct into new gold files.
    """
    from actorgraph.evaluation import GoldError, draft_gold
    from actorgraph.evaluation import evaluate as run_evaluation
    from actorgraph.loaders.extract import Extractor

    dirs = articles or _default_article_dirs()
    try:
        extractor = Extractor(lexicon_dirs=tuple(lexicon or ()))
    except LexiconError as exc:
        raise _fail(str(exc)) from exc
    if sentences:
        _evaluate_sentences(sentences, extractor, errors, fmt)
        return
    if draft is not None:
        from actorgraph.loaders.sources import read_sources

        draft.mkdir(parents=True, exist_ok=True)
        written = 0
        for document in read_sources([str(d) for d in dirs]):
            if isinstance(document, SourceError):
                err.print(f"[yellow]skipped[/yellow] {document}")
                continue
            name = Path(document.source).name
            target = draft / f"{Path(name).stem}.json"
            target.write_text(
                json.dumps(draft_gold(extractor.extract(document), name), ensure_ascii=False, indent=2)
                + "\n",
                encoding="utf-8",
            )
            written += 1
        err.print(f"wrote {written} draft gold files to {draft}: correct them by hand before scoring")
        return
    try:
        report = run_evaluation(
            gold,
            dirs,
            extractor,
            pattern=match if match.endswith(".json") else match + ".json",
            unseal=unseal,
        )
    except GoldError as exc:
        raise _fail(str(exc)) from exc
    data = report.as_dict()
    for skipped in report.skipped:
        err.print(f"[yellow]skipped[/yellow] {skipped}")
    if fmt is OutputFormat.json:
        emit(data if errors else {k: v for k, v in data.items() if k != "errors"}, fmt)
    else:
        rows = [{"task": task, **scores} for task, scores in data["scores"].items()]
        emit(rows, fmt, title=f"Extraction against gold ({data['articles']} articles)")
        if data["stance"]["judged"] and fmt is OutputFormat.table:
            s = data["stance"]
            err.print(
                f"stance of the actor–issue ties found: {s['correct']} of {s['judged']} right ({s['accuracy']})"
            )
        if errors and fmt is OutputFormat.table:
            for article in data["errors"]:
                err.print(f"[bold]{article['file']}[/bold]")
                for kind in ("missed", "spurious"):
                    for task, items in article[kind].items():
                        for item in items:
                            err.print(f"  {kind:8} {task:11} {item}")
    if report.skipped:
        raise typer.Exit(EXIT_PARTIAL)


def _evaluate_sentences(paths: list[Path], extractor, errors: bool, fmt: OutputFormat) -> None:
    from actorgraph.sentence_eval import SuiteError, evaluate_suite, read_suite

    try:
        cases = read_suite(paths)
    except SuiteError as exc:
        raise _fail(str(exc)) from exc
    if not cases:
        raise _fail(f"no sentence cases in {', '.join(map(str, paths))}")
    data = evaluate_suite(cases, extractor).as_dict(errors)
    if fmt is OutputFormat.json:
        emit(data, fmt)
        return
    rows = [{"slice": name, **tally} for name, tally in data["slices"].items()]
    emit(rows, fmt, title=f"Sentence suite ({data['sentences']} sentences)")
    if fmt is OutputFormat.table:
        err.print(
            f"structural links (agent -> its country, titles): recall {data['structural_recall']} "
            f"of {data['structural_expected']}"
        )
        for case in data.get("errors", []):
            err.print(f"[bold]{case['id']}[/bold] {case['text']}")
            for kind in ("missed", "spurious", "structural_missed", "forbidden"):
                for item in case[kind]:
                    err.print(f"  {kind:17} {item}")


@app.command()
def info(store: StoreOption = Path(DEFAULT_STORE), fmt: FormatOption = OutputFormat.table) -> None:
    """What the store holds: articles, nodes, edges and evidence sentences.

    `indexes_unbuilt` names the query indexes a first load builds at its end: they are listed
    while that load runs, or after it was stopped, until the next `load` or `import` builds
    them. Queries stay correct meanwhile, only slower.
    """
    with _open(store) as s:
        data = {
            "store": str(store),
            **s.counts(),
            "schema_version": s.meta().get("schema_version"),
            "indexes_unbuilt": ", ".join(s.missing_indexes()) or "none",
        }
    emit(data, fmt, rows=[data])


def main() -> None:  # pragma: no cover - console entry point alias
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    app()
