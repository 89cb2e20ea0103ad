"""Faults done for real: a load killed with SIGKILL, two loads at once, a full disk, a read-only store.

Each test runs the real CLI in subprocesses and then compares the store with what a clean,
uninterrupted load of the same articles gives.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from actorgraph.graph.store import Store

from actorgraph.pipeline import load
from tests.conftest import SAMPLES

CLI = [sys.executable, "-m", "actorgraph"]


def corpus(path: Path, count: int, offset: int = 0) -> Path:
    """A JSONL corpus of distinct articles made from the samples (a trailing line makes each new)."""
    texts = [p.read_text("utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(offset, offset + count):
            text = f"{texts[i % len(texts)]}\n\nThis is report number {i} of the series."
            handle.write(json.dumps({"text": text, "date": f"2021-06-{1 + i % 28:02d}"}) + "\n")
    return path


def fingerprint(store_path: Path) -> dict:
    """The store's content by names and sentences, independent of row order."""
    with Store.open(store_path, create=False, readonly=True) as store:
        names = {n.id: (n.label, n.name) for n in store.nodes()}
        evidence = sorted(
            (names[s][1], t, names[o][1], ev["article"], ev["start"], ev["sentence"])
            for (s, o, t), ev in store.all_evidence()
        )
        weights = sorted((names[e.source][1], e.type, names[e.target][1], e.weight) for e in store.edges())
        return {
            "articles": sorted(a["id"] for a in store.articles()),
            "nodes": sorted(names.values()),
            "evidence": evidence,
            "weights": weights,
            "mentions": sorted((names[n][1], a, c) for n, a, c in store.mentions()),
        }


def integrity(store_path: Path) -> None:
    conn = sqlite3.connect(store_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM evidence v LEFT JOIN articles a ON a.id = v.article WHERE a.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        unbalanced = conn.execute(
            "SELECT count(*) FROM edges e WHERE weight != (SELECT count(*) FROM evidence v "
            "WHERE v.source = e.source AND v.target = e.target AND v.type = e.type)"
        ).fetchone()[0]
        assert unbalanced == 0
    finally:
        conn.close()


def unbuilt_indexes(store_path: Path) -> str:
    """What `actorgraph info` tells a user about indexes a first load has not built yet."""
    out = subprocess.run([*CLI, "info", "-s", str(store_path), "-f", "json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["indexes_unbuilt"]


def article_count(store_path: Path) -> int:
    if not store_path.exists():
        return 0
    try:
        with Store.open(store_path, create=False, readonly=True) as store:
            return store.counts()["articles"]
    except Exception:
        return 0


def reference(tmp_path: Path, extractor, jsonl: Path, first: int | None = None) -> dict:
    """What an uninterrupted load of the first `first` lines of `jsonl` gives."""
    lines = jsonl.read_text("utf-8").splitlines()[:first]
    part = tmp_path / f"ref-{first}.jsonl"
    part.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ref = tmp_path / f"ref-{first}.db"
    with Store.open(ref) as store:
        load(store, [str(part)], extractor=extractor)
    return fingerprint(ref)


def test_sigkill_mid_load_leaves_whole_articles_and_a_rerun_finishes(tmp_path, extractor):
    jsonl = corpus(tmp_path / "c.jsonl", 40)
    store = tmp_path / "s.db"
    proc = subprocess.Popen(
        [*CLI, "load", str(jsonl), "-s", str(store), "--batch-size", "1", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while article_count(store) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    saved = article_count(store)
    assert 5 <= saved < 40, f"the kill must land mid-load (saved {saved} of 40)"
    # a first load defers the query indexes (Store.bulk): the kill left them unbuilt
    assert unbuilt_indexes(store) != "none"
    integrity(store)
    # Whatever was saved is exactly what a clean load of those first articles gives.
    assert fingerprint(store) == reference(tmp_path, extractor, jsonl, saved)

    rerun = subprocess.run(
        [*CLI, "load", str(jsonl), "-s", str(store), "-f", "json"], capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["articles_added"] == 40 - saved and summary["already_loaded"] == saved
    assert unbuilt_indexes(store) == "none"  # the next writable open built them
    integrity(store)
    assert fingerprint(store) == reference(tmp_path, extractor, jsonl)


def test_two_loads_at_once_lose_nothing(tmp_path, extractor):
    first = corpus(tmp_path / "a.jsonl", 14)
    second = corpus(tmp_path / "b.jsonl", 14, offset=10)  # four articles in both
    store = tmp_path / "s.db"
    procs = [
        subprocess.Popen(
            [*CLI, "load", str(p), "-s", str(store), "--batch-size", "1", "-f", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (first, second)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outputs]
    added = [json.loads(out)["articles_added"] for out, _ in outputs]
    assert sum(added) == 24  # the four shared articles were written once, by one of the two
    integrity(store)
    union = tmp_path / "union.jsonl"
    union.write_text(first.read_text("utf-8") + second.read_text("utf-8"), encoding="utf-8")
    got, want = fingerprint(store), reference(tmp_path, extractor, union)
    assert got["articles"] == want["articles"]
    assert len(got["evidence"]) == len(want["evidence"])
    assert {e[3:] for e in got["evidence"]} == {e[3:] for e in want["evidence"]}


@pytest.fixture
def small_disk(tmp_path):
    """A 1 MiB file system (tmpfs) when we may mount one; otherwise a 1 MiB file-size limit."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = (
        os.geteuid() == 0
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
        ).returncode
        == 0
    )

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))

    yield mount, (None if mounted else limit_file_size)
    if mounted:
        subprocess.run(["umount", str(mount)], check=False)


def test_full_disk_fails_cleanly_and_keeps_what_was_saved(tmp_path, extractor, small_disk):
    disk, preexec = small_disk
    jsonl = corpus(tmp_path / "c.jsonl", 300)
    store = disk / "s.db"
    result = subprocess.run(
        [*CLI, "load", str(jsonl), "-s", str(store), "--batch-size", "4"],
        capture_output=True,
        text=True,
        preexec_fn=preexec,
    )
    assert result.returncode == 1
    message = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert "run the same load again" in result.stderr, message
    saved = article_count(store)
    assert 0 < saved < 300, "the disk must fill mid-load"
    integrity(store)
    assert fingerprint(store) == reference(tmp_path, extractor, jsonl, saved)


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder we cannot write: a read-only bind mount as root (root ignores file modes), else chmod."""
    folder = tmp_path / "ro"
    folder.mkdir()
    state = {"mounted": False}

    def freeze() -> None:
        if os.geteuid() == 0:
            bind = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True)
            if bind.returncode != 0:
                pytest.skip(f"cannot bind-mount as root: {bind.stderr.decode().strip()}")
            state["mounted"] = True
            subprocess.run(["mount", "-o", "remount,ro,bind", str(folder)], check=True)
        else:
            for path in folder.iterdir():
                path.chmod(0o444)
            folder.chmod(0o555)

    yield folder, freeze
    if state["mounted"]:
        subprocess.run(["umount", str(folder)], check=False)
    folder.chmod(0o755)


def test_read_only_store_refuses_loads_and_still_answers_queries(read_only_folder, seed_store):
    folder, freeze = read_only_folder
    store = folder / "s.db"
    source = sqlite3.connect(seed_store.path)
    target = sqlite3.connect(store)
    source.backup(target)
    source.close()
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    freeze()
    loading = subprocess.run([*CLI, "load", str(SAMPLES), "-s", str(store)], capture_output=True, text=True)
    assert loading.returncode == 1
    assert "read-only" in loading.stderr and "Traceback" not in loading.stderr, loading.stderr
    query = subprocess.run(
        [*CLI, "who", "election interference", "-s", str(store), "-f", "json"], capture_output=True, text=True
    )
    assert query.returncode == 0, query.stderr
    assert json.loads(query.stdout)
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
