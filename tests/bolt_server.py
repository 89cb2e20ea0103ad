"""A real Bolt server for the integration tests: ArcadeDB from the `arcadedb-embedded` wheel.

Genuine Neo4j is not installable from the package registries; ArcadeDB answers the official
driver as a Neo4j 5 server. Set NEO4J_TEST_URI (+ NEO4J_TEST_USER / NEO4J_TEST_PASSWORD) to
run the same tests against a real Neo4j instead.
"""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import neo4j

PASSWORD = "testpassword"


@dataclass(frozen=True)
class BoltServer:
    uri: str
    user: str
    password: str
    database: str | None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ready(uri: str, user: str, password: str, database: str | None) -> bool:
    try:
        with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
            driver.execute_query("RETURN 1", database_=database)
        return True
    except Exception:
        return False


@contextmanager
def arcadedb_server(home: Path, timeout: float = 120.0):
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or spec.origin is None:
        raise RuntimeError("arcadedb-embedded is not installed: `pip install -e .[dev]` installs it")
    package = Path(spec.origin).parent
    port, http_port = _free_port(), _free_port()
    home.mkdir(parents=True, exist_ok=True)
    log = (home / "server.log").open("w")
    process = subprocess.Popen(
        [
            str(package / "jre" / "bin" / "java"),
            "-Xms256m",
            "-Xmx2g",
            f"-Darcadedb.server.rootPath={home}",
            f"-Darcadedb.server.databaseDirectory={home / 'databases'}",
            f"-Darcadedb.server.rootPassword={PASSWORD}",
            "-Darcadedb.server.defaultDatabases=neo4j[root]",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={http_port}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={port}",
            "-Darcadedb.bolt.defaultDatabase=neo4j",
            "-cp",
            f"{package / 'jars'}/*",
            "com.arcadedb.server.ArcadeDBServer",
        ],
        stdout=log,
        cwd=home,  # ArcadeDB writes its log/ folder into the working directory
        stderr=subprocess.STDOUT,
    )
    server = BoltServer(f"bolt://127.0.0.1:{port}", "root", PASSWORD, "neo4j")
    try:
        deadline = time.monotonic() + timeout
        while not _ready(server.uri, server.user, server.password, server.database):
            if process.poll() is not None:
                raise RuntimeError(f"ArcadeDB exited: {(home / 'server.log').read_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"ArcadeDB not ready after {timeout:.0f} s")
            time.sleep(0.5)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextmanager
def bolt_server(home: Path):
    uri = os.environ.get("NEO4J_TEST_URI")
    if uri:
        yield BoltServer(
            uri,
            os.environ.get("NEO4J_TEST_USER", "neo4j"),
            os.environ.get("NEO4J_TEST_PASSWORD", ""),
            os.environ.get("NEO4J_TEST_DATABASE"),
        )
        return
    with arcadedb_server(home) as server:
        yield server
