"""The embedded default store: one SQLite file, written in whole articles per transaction.

SQLite in WAL mode gives what the store promises: a load that dies mid-way leaves the file as
it was before the interrupted group of articles (each group is one `BEGIN IMMEDIATE … COMMIT`), two
loaders into the same file take turns instead of corrupting it, and growth is incremental –
adding an article touches only that article's rows and the indexed rows they merge into.
Edges keep an aggregated weight beside their individual evidence rows, so queries never
re-aggregate the whole graph.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from actorgraph.graph import schema
from actorgraph.graph.json_import import GraphSnapshot
from actorgraph.graph.model import (
    ACTOR_LABELS,
    EdgeRecord,
    EntityRecord,
    ExtractionResult,
    NodeLabel,
    normalize_alias,
)

DEFAULT_STORE = "actorgraph.db"


class StoreError(RuntimeError):
    """The store file cannot be opened or written; the message says which file and why."""


@dataclass
class AddReport:
    article: str
    added: bool
    new_nodes: dict[str, int] = field(default_factory=dict)  # label -> count
    new_edges: int = 0
    new_evidence: int = 0


@dataclass(frozen=True)
class Node:
    id: str
    label: str
    name: str
    aliases: tuple[str, ...]
    topic: str | None = None


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    type: str
    weight: int
    first_date: str | None = None
    last_date: str | None = None


class Store:
    """Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # ----- lifecycle ------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path = DEFAULT_STORE, *, create: bool = True, readonly: bool = False) -> Store:
        path = Path(path)
        if not create and not path.exists():
            raise StoreError(f"{path}: no store here yet; run `actorgraph load` first or pass --store")
        try:
            if readonly:
                conn = cls._connect_readonly(path)
                schema.check_version(conn)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, timeout=60, isolation_level=None)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                # a larger page cache (up to 256 MiB, taken only as the store grows) keeps
                # index inserts of big stores off the disk
                conn.execute("PRAGMA cache_size=-262144")
                # checkpoint the WAL every ~80 MB instead of ~4 MB: a page rewritten by many
                # commits is copied back to the file once, which makes big loads ~25 % faster
                conn.execute("PRAGMA wal_autocheckpoint=20000")
                schema.ensure(conn)  # checks the version first
            conn.execute("PRAGMA foreign_keys=ON")
            conn.row_factory = sqlite3.Row
            conn.execute("SELECT count(*) FROM nodes").fetchone()
        except schema.NewerSchemaError as exc:
            raise StoreError(f"{path}: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            read_only = not readonly and (
                "readonly" in str(exc)
                or not os.access(path.parent, os.W_OK)
                or (path.exists() and not os.access(path, os.W_OK))
            )
            hint = ": the file or its folder is read-only" if read_only else ""
            raise StoreError(f"{path}: cannot open store ({exc}){hint}") from exc
        return cls(conn, path)

    @staticmethod
    def _connect_readonly(path: Path) -> sqlite3.Connection:
        """Read-only, even from a read-only file in a read-only folder.

        WAL readers need the -shm file; when it cannot be created the file is opened as
        immutable, which is safe because nobody can be writing to a file we may not write.
        """
        uri = path.resolve().as_uri()
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=60, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----- writing --------------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Write a large load with the query-only indexes deferred, then build each once.

        Once a store outgrows what one transaction writes, every row inserted under a random
        key dirties an index page of its own, so keeping five indexes up row by row made a
        1M-edge load write ~30 GB and cost twice the time of the rows themselves; an index
        built once by sorting costs seconds. Queries stay correct meanwhile, only slower, and
        a load that fails or is killed in between leaves the building to the next writable
        open. Worth it when the load is large against the store: `load` uses it on an empty
        store.
        """
        with self._transaction("no index was dropped"):
            schema.drop_deferrable_indexes(self.conn)
        yield  # a load that fails or is interrupted leaves the indexes to the next writable open
        try:
            schema.build_indexes(self.conn)
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: the articles were saved but the query indexes could not be built ({exc}); "
                "the next `load` or `import` builds them"
            ) from exc

    def missing_indexes(self) -> list[str]:
        """Query indexes a bulk load has not built yet (see `bulk`)."""
        return schema.missing_indexes(self.conn)

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def add(self, result: ExtractionResult) -> AddReport:
        """Merge one article's records atomically; an article already stored adds nothing."""
        return self.add_many([result])[0]

    def add_many(self, results: list[ExtractionResult]) -> list[AddReport]:
        """Merge several articles in one transaction: all of them are saved, or none.

        Bulk loads write in groups because a commit rewrites every index page an article
        touched; articles in one group share most of those pages, so a group costs little
        more than one article. The store is consistent at every group boundary.
        """
        what = "the article was" if len(results) == 1 else f"these {len(results)} articles were"
        with self._transaction(f"{what} not saved"):
            return [self._add_in_transaction(result) for result in results]

    @contextmanager
    def _transaction(self, unsaved: str) -> Iterator[None]:
        """One `BEGIN IMMEDIATE … COMMIT`: all of it is written or none, and a database error
        becomes a `StoreError` that says what was not saved."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(f"{self.path}: cannot write ({exc})") from exc
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot write ({exc}); {unsaved}") from exc
            raise

    def _add_in_transaction(self, result: ExtractionResult) -> AddReport:
        doc = result.document
        report = AddReport(article=doc.id, added=False)
        if self.has_article(doc.id):
            return report
        self.conn.execute(
            "INSERT INTO articles(id, title, date, source, loaded_at) VALUES (?, ?, ?, ?, ?)",
            (doc.id, doc.title, doc.date, doc.source, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        ids: dict[str, str] = {}
        for entity in result.entities:
            ids[entity.key] = self._merge_entity(entity, report)
            if entity.mentions:
                self.conn.execute(
                    "INSERT INTO mentions(node_id, article, count) VALUES (?, ?, ?) "
                    "ON CONFLICT(node_id, article) DO UPDATE SET count = count + excluded.count",
                    (ids[entity.key], doc.id, entity.mentions),
                )
        for issue in result.issues:
            ids[issue.key] = issue.key
            if self._insert_node(issue.key, NodeLabel.ISSUE.value, issue.name, issue.topic):
                report.new_nodes[NodeLabel.ISSUE.value] = report.new_nodes.get(NodeLabel.ISSUE.value, 0) + 1
            self._add_alias(issue.key, issue.name, issue.name)
        # The article is new (checked above, inside this transaction), so its evidence can only
        # repeat itself: two records that resolve to one node pair at one place in the text.
        # Dropping those here keeps evidence unique even while a bulk load defers evidence_key.
        seen: set[tuple[str, str, str, str, int]] = set()
        for edge in result.edges:
            if edge.source not in ids or edge.target not in ids:
                continue
            source, target = ids[edge.source], ids[edge.target]
            key = (source, target, edge.type.value, edge.evidence.article, edge.evidence.start)
            if key not in seen:
                seen.add(key)
                self._add_edge(source, target, edge, report)
        report.added = True
        return report

    def restore(self, snapshot: GraphSnapshot) -> dict[str, int]:
        """Write a graph read from the JSON contract as it is, in one transaction.

        Ids are kept and nothing is re-resolved, so exporting again gives the same JSON. Into a
        store that already holds data, existing nodes, articles and evidence are kept and only
        what is new is added (edge weights grow by the new evidence).
        """
        added = {"articles": 0, "nodes": 0, "edges": 0, "evidence": 0}
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._transaction("nothing was written"):
            if "evidence_key" in schema.missing_indexes(self.conn):  # a bulk load is under way
                self.conn.execute(schema.DEFERRABLE_INDEXES["evidence_key"])  # merging needs it
            for a in snapshot.articles:
                added["articles"] += self.conn.execute(
                    "INSERT OR IGNORE INTO articles(id, title, date, source, loaded_at) VALUES (?, ?, ?, ?, ?)",
                    (a["id"], a["title"], a["date"], a["source"], now),
                ).rowcount
            for n in snapshot.nodes:
                inserted = self._insert_node(n["id"], n["label"], n["name"], n["topic"])
                added["nodes"] += inserted
                # a node the store already had keeps its own name, which decides joinable
                name = n["name"] if inserted else self._name_of(n["id"])
                for alias in [*n["aliases"], n["name"]]:
                    self._add_alias(n["id"], alias, name)
            for node_id, article, count in snapshot.mentions:
                self.conn.execute(
                    "INSERT OR IGNORE INTO mentions(node_id, article, count) VALUES (?, ?, ?)",
                    (node_id, article, count),
                )
            for e in snapshot.edges:
                key = (e["source"], e["target"], e["type"])
                new_evidence = 0
                for ev in e["evidence"]:
                    new_evidence += self.conn.execute(
                        'INSERT OR IGNORE INTO evidence(source, target, type, article, sentence, start, "end", date) '
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (*key, ev["article"], ev["sentence"], ev["start"], ev["end"], ev["date"]),
                    ).rowcount
                added["evidence"] += new_evidence
                cursor = self.conn.execute(
                    "INSERT OR IGNORE INTO edges(source, target, type, weight) VALUES (?, ?, ?, ?)",
                    (*key, e["weight"]),
                )
                if cursor.rowcount:
                    added["edges"] += 1
                elif new_evidence:
                    self.conn.execute(
                        "UPDATE edges SET weight = weight + ? WHERE source = ? AND target = ? AND type = ?",
                        (new_evidence, *key),
                    )
                self.conn.execute(
                    "UPDATE edges SET first_date = (SELECT min(date) FROM evidence v WHERE v.source = edges.source "
                    "AND v.target = edges.target AND v.type = edges.type), last_date = (SELECT max(date) "
                    "FROM evidence v WHERE v.source = edges.source AND v.target = edges.target "
                    "AND v.type = edges.type) WHERE source = ? AND target = ? AND type = ?",
                    key,
                )
        return added

    def _insert_node(self, node_id: str, label: str, name: str, topic: str | None = None) -> bool:
        cursor = self.conn.execute(
            "INSERT OR IGNORE INTO nodes(id, label, name, topic) VALUES (?, ?, ?, ?)",
            (node_id, label, name, topic),
        )
        return cursor.rowcount == 1

    def _name_of(self, node_id: str) -> str:
        return self.conn.execute("SELECT name FROM nodes WHERE id = ?", (node_id,)).fetchone()[0]

    def _add_alias(self, node_id: str, alias: str, node_name: str) -> None:
        norm = normalize_alias(alias)
        if norm:
            self.conn.execute(
                "INSERT OR IGNORE INTO aliases(node_id, norm, alias, joinable) VALUES (?, ?, ?, ?)",
                (node_id, norm, alias, schema.joinable(alias, node_name)),
            )

    def _merge_entity(self, entity: EntityRecord, report: AddReport) -> str:
        match = self._matching_node(entity)
        if match is None:
            node_id, name = entity.key, entity.name
            suffix = 2
            while not self._insert_node(node_id, entity.label.value, name):
                node_id = f"{entity.key}-{suffix}"  # same slug, different actor
                suffix += 1
            report.new_nodes[entity.label.value] = report.new_nodes.get(entity.label.value, 0) + 1
        else:
            node_id, name = match
            if len(entity.name.split()) > len(name.split()):
                name = entity.name
                self.conn.execute("UPDATE nodes SET name = ? WHERE id = ?", (name, node_id))
                aliases = self.conn.execute("SELECT norm, alias FROM aliases WHERE node_id = ?", (node_id,))
                self.conn.executemany(
                    "UPDATE aliases SET joinable = ? WHERE node_id = ? AND norm = ?",
                    [(schema.joinable(alias, name), node_id, norm) for norm, alias in aliases.fetchall()],
                )
        for alias in {entity.name, *entity.aliases}:
            self._add_alias(node_id, alias, name)
        return node_id

    def _matching_node(self, entity: EntityRecord) -> tuple[str, str] | None:
        """The stored node this entity is, by id or by a shared alias of the same label, as
        (id, current name).

        Two different full names never merge through a shared surname ("Ana Lopez" and
        "Carlos Lopez" both carry "Lopez"); a lone surname merges only when one node has it.
        """
        row = self.conn.execute("SELECT label, name FROM nodes WHERE id = ?", (entity.key,)).fetchone()
        if row is not None and row["label"] == entity.label.value:
            return entity.key, row["name"]
        if entity.label not in ACTOR_LABELS:
            return None
        norms = sorted({normalize_alias(a) for a in {entity.name, *entity.aliases}} - {""})
        if not norms:
            return None
        marks = ",".join("?" * len(norms))
        # A full name may join only a one-word node or a node of the same full name: the
        # aliases that allow it are marked joinable and indexed, so a common surname shared by
        # thousands of full names costs one index probe, not a read of every one of them.
        only_joinable = "AND a.joinable = 1 " if len(entity.name.split()) >= 2 else ""
        rows = self.conn.execute(
            f"SELECT DISTINCT n.id, n.name FROM aliases a JOIN nodes n ON n.id = a.node_id "
            # unary +: use the alias index; two candidates already mean "ambiguous, no merge"
            f"WHERE a.norm IN ({marks}) {only_joinable}AND +n.label = ? LIMIT 2",
            (*norms, entity.label.value),
        ).fetchall()
        return (rows[0]["id"], rows[0]["name"]) if len(rows) == 1 else None

    def _add_edge(self, source: str, target: str, edge: EdgeRecord, report: AddReport) -> None:
        ev = edge.evidence
        self.conn.execute(
            'INSERT INTO evidence(source, target, type, article, sentence, start, "end", date) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (source, target, edge.type.value, ev.article, ev.sentence, ev.start, ev.end, ev.date),
        )
        report.new_evidence += 1
        (weight,) = self.conn.execute(
            "INSERT INTO edges(source, target, type, weight, first_date, last_date) VALUES (?, ?, ?, 1, ?, ?) "
            "ON CONFLICT(source, target, type) DO UPDATE SET weight = weight + 1, "
            "first_date = min(coalesce(first_date, excluded.first_date), coalesce(excluded.first_date, first_date)), "
            "last_date = max(coalesce(last_date, excluded.last_date), coalesce(excluded.last_date, last_date)) "
            "RETURNING weight",
            (source, target, edge.type.value, ev.date, ev.date),
        ).fetchone()
        if weight == 1:
            report.new_edges += 1

    # ----- reading --------------------------------------------------------------------------

    def _node(self, row: sqlite3.Row) -> Node:
        aliases = tuple(
            r[0]
            for r in self.conn.execute(
                "SELECT alias FROM aliases WHERE node_id = ? ORDER BY alias", (row["id"],)
            )
        )
        return Node(row["id"], row["label"], row["name"], aliases, row["topic"])

    def node(self, node_id: str) -> Node | None:
        row = self.conn.execute("SELECT * FROM nodes WHERE id = ?", (node_id,)).fetchone()
        return self._node(row) if row else None

    def nodes(self, labels: set[str] | None = None) -> Iterator[Node]:
        rows = self.conn.execute("SELECT * FROM nodes ORDER BY label, name")
        alias_map: dict[str, list[str]] = {}
        for node_id, alias in self.conn.execute("SELECT node_id, alias FROM aliases ORDER BY alias"):
            alias_map.setdefault(node_id, []).append(alias)
        for row in rows:
            if labels is None or row["label"] in labels:
                yield Node(
                    row["id"], row["label"], row["name"], tuple(alias_map.get(row["id"], ())), row["topic"]
                )

    def nodes_by_alias(self, norm: str) -> list[Node]:
        rows = self.conn.execute(
            "SELECT DISTINCT n.* FROM aliases a JOIN nodes n ON n.id = a.node_id WHERE a.norm = ?", (norm,)
        ).fetchall()
        return [self._node(r) for r in rows]

    def edges(self) -> Iterator[Edge]:
        for r in self.conn.execute("SELECT * FROM edges ORDER BY source, target, type"):
            yield Edge(r["source"], r["target"], r["type"], r["weight"], r["first_date"], r["last_date"])

    def edges_of(self, node_id: str, limit: int | None = None) -> list[Edge]:
        """Edges touching a node, heaviest first."""
        n = -1 if limit is None else limit
        # each side is read in weight order from its own index, so a hub's top edges come fast
        rows = self.conn.execute(
            "SELECT * FROM (SELECT * FROM (SELECT * FROM edges WHERE source = ? ORDER BY weight DESC LIMIT ?) "
            "UNION SELECT * FROM (SELECT * FROM edges WHERE target = ? ORDER BY weight DESC LIMIT ?)) "
            "ORDER BY weight DESC, type, source, target LIMIT ?",
            (node_id, n, node_id, n, n),
        ).fetchall()
        return [
            Edge(r["source"], r["target"], r["type"], r["weight"], r["first_date"], r["last_date"])
            for r in rows
        ]

    def edges_between(self, a: str, b: str) -> list[Edge]:
        rows = self.conn.execute(
            "SELECT * FROM edges WHERE (source = ? AND target = ?) OR (source = ? AND target = ?)",
            (a, b, b, a),
        ).fetchall()
        return [
            Edge(r["source"], r["target"], r["type"], r["weight"], r["first_date"], r["last_date"])
            for r in rows
        ]

    def evidence(self, source: str, target: str, edge_type: str, limit: int | None = None) -> list[dict]:
        sql = (
            'SELECT article, sentence, start, "end", date FROM evidence '
            "WHERE source = ? AND target = ? AND type = ? ORDER BY date, article, start"
        )
        params: tuple = (source, target, edge_type)
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return [dict(r) for r in self.conn.execute(sql, params)]

    def all_evidence(self) -> Iterator[tuple[tuple[str, str, str], dict]]:
        for r in self.conn.execute(
            'SELECT source, target, type, article, sentence, start, "end", date FROM evidence '
            "ORDER BY source, target, type, date, article, start"
        ):
            yield (
                (r["source"], r["target"], r["type"]),
                {
                    "article": r["article"],
                    "sentence": r["sentence"],
                    "start": r["start"],
                    "end": r["end"],
                    "date": r["date"],
                },
            )

    def mentions(self) -> Iterator[tuple[str, str, int]]:
        yield from self.conn.execute("SELECT node_id, article, count FROM mentions ORDER BY node_id, article")

    def articles(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM articles ORDER BY date, id")]

    def counts(self) -> dict[str, int]:
        one = self.conn.execute
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "nodes": one("SELECT count(*) FROM nodes").fetchone()[0],
            "edges": one("SELECT count(*) FROM edges").fetchone()[0],
            "evidence": one("SELECT count(*) FROM evidence").fetchone()[0],
        }

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self.conn.execute("SELECT key, value FROM meta")}
