"""The store's tables and indexes, the upgrade of files written by older versions, and the
indexes a bulk load may build at the end instead of keeping them up row by row.

Kept apart from `store.py` because the schema has a life of its own: every writable open
upgrades an old file and builds any index a killed bulk load left unbuilt, and that must work
the same whoever opens the file.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 2

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, source TEXT NOT NULL, loaded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, topic TEXT
);
CREATE TABLE IF NOT EXISTS aliases (
    node_id TEXT NOT NULL REFERENCES nodes(id), norm TEXT NOT NULL, alias TEXT NOT NULL,
    joinable INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (node_id, norm)
) WITHOUT ROWID;
DROP INDEX IF EXISTS aliases_norm;
CREATE INDEX IF NOT EXISTS aliases_norm_joinable ON aliases(norm, joinable);
CREATE TABLE IF NOT EXISTS edges (
    source TEXT NOT NULL REFERENCES nodes(id), target TEXT NOT NULL REFERENCES nodes(id),
    type TEXT NOT NULL, weight INTEGER NOT NULL, first_date TEXT, last_date TEXT,
    PRIMARY KEY (source, target, type)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS evidence (
    source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
    article TEXT NOT NULL REFERENCES articles(id), sentence TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, date TEXT
);
CREATE TABLE IF NOT EXISTS mentions (
    node_id TEXT NOT NULL REFERENCES nodes(id), article TEXT NOT NULL REFERENCES articles(id),
    count INTEGER NOT NULL, PRIMARY KEY (node_id, article)
) WITHOUT ROWID;
DROP INDEX IF EXISTS edges_target;
DROP INDEX IF EXISTS evidence_edge;
"""

# Indexes that only queries read (and evidence_key, whose uniqueness the writer also keeps by
# itself), so a bulk load may drop them and build each once, by sorting, at the end. Loading
# itself reads only primary keys and aliases_norm_joinable, which always stay.
DEFERRABLE_INDEXES: dict[str, str] = {
    "nodes_label": "CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label)",
    "edges_source_weight": "CREATE INDEX IF NOT EXISTS edges_source_weight ON edges(source, weight DESC)",
    "edges_target_weight": "CREATE INDEX IF NOT EXISTS edges_target_weight ON edges(target, weight DESC)",
    "evidence_key": (
        "CREATE UNIQUE INDEX IF NOT EXISTS evidence_key ON evidence(source, target, type, article, start)"
    ),
    "mentions_article": "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article)",
}


def joinable(alias: str, node_name: str) -> bool:
    """Whether a full name may merge into a node through this alias: only into a one-word
    node (a lone surname, a bare name) or through the node's own full name. Stored per alias
    so the merge lookup is an index probe; it changes only when the node is renamed."""
    return " " not in node_name or alias == node_name


class NewerSchemaError(RuntimeError):
    """The file was written by a newer actorgraph; reading it with this one could lose data."""


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The schema version a file records, or None for a file with no store in it yet."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:  # no meta table: an empty or foreign file
        return None
    return int(row[0]) if row else None


def check_version(conn: sqlite3.Connection) -> None:
    version = stored_version(conn)
    if version is not None and version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"written by a newer actorgraph (store schema {version}, this version reads up to "
            f"{SCHEMA_VERSION}); upgrade actorgraph to open it"
        )


def ensure(conn: sqlite3.Connection) -> None:
    """Bring a writable file to the current schema: create, upgrade, and build missing indexes."""
    check_version(conn)
    _upgrade(conn)
    for statement in _statements(_TABLES):
        conn.execute(statement)
    build_indexes(conn, required=False)
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
    )


def missing_indexes(conn: sqlite3.Connection) -> list[str]:
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    if "sqlite_autoindex_evidence_1" in present:  # a schema-1 file opened read-only keeps its own
        present.add("evidence_key")
    return [name for name in DEFERRABLE_INDEXES if name not in present]


def drop_deferrable_indexes(conn: sqlite3.Connection) -> None:
    for name in DEFERRABLE_INDEXES:
        conn.execute(f"DROP INDEX IF EXISTS {name}")


def build_indexes(conn: sqlite3.Connection, *, required: bool = True) -> None:
    """Build the deferrable indexes that are missing.

    With `required=False` a file that cannot take them now (a full disk) is still opened: every
    query stays correct without them, only slower, and the next writable open tries again.
    """
    for name in missing_indexes(conn):
        try:
            conn.execute(DEFERRABLE_INDEXES[name])
        except sqlite3.OperationalError:
            if required:
                raise
            return


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";\n") if s.strip()]


def _upgrade(conn: sqlite3.Connection) -> None:
    """Bring a file written by an older version to this schema, in one transaction."""
    if not any(needed(conn) for needed, _apply in _UPGRADES):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for needed, apply in _UPGRADES:
            if needed(conn):  # asked again: another process may have upgraded it while we waited
                apply(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _aliases_lack_joinable(conn: sqlite3.Connection) -> bool:
    columns = [r[1] for r in conn.execute("PRAGMA table_info(aliases)")]
    return bool(columns) and "joinable" not in columns


def _add_joinable(conn: sqlite3.Connection) -> None:
    """Schema 1 found merge candidates by reading every node that shares an alias, which grows
    with the store for a common surname; `joinable` marks the aliases a full name may join
    through (see `Store._matching_node`) so the index finds only those."""
    conn.execute("ALTER TABLE aliases ADD COLUMN joinable INTEGER NOT NULL DEFAULT 1")
    rows = conn.execute(
        "SELECT a.node_id, a.norm, a.alias, n.name FROM aliases a JOIN nodes n ON n.id = a.node_id"
    ).fetchall()
    conn.executemany(
        "UPDATE aliases SET joinable = ? WHERE node_id = ? AND norm = ?",
        [(joinable(alias, name), node_id, norm) for node_id, norm, alias, name in rows],
    )


def _evidence_has_table_unique(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'evidence'").fetchone()
    return row is not None and "UNIQUE" in row[0]


def _rebuild_evidence(conn: sqlite3.Connection) -> None:
    """Schema 1 kept evidence unique by a table constraint, whose index can never be dropped;
    schema 2 keeps it by `evidence_key`, which a bulk load may defer. Same columns, same rows."""
    conn.execute("ALTER TABLE evidence RENAME TO evidence_v1")
    for statement in _statements(_TABLES):  # not executescript: it would commit here
        conn.execute(statement)
    conn.execute(
        'INSERT INTO evidence(rowid, source, target, type, article, sentence, start, "end", date) '
        'SELECT rowid, source, target, type, article, sentence, start, "end", date FROM evidence_v1'
    )
    conn.execute("DROP TABLE evidence_v1")


_UPGRADES = [(_aliases_lack_joinable, _add_joinable), (_evidence_has_table_unique, _rebuild_evidence)]
