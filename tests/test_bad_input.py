"""Bad input through the real CLI: one clear line per bad source, the good ones still load."""

from __future__ import annotations

import json
import tracemalloc

from actorgraph.graph.store import Store
from actorgraph.loaders.sources import MAX_ARTICLE_CHARS, SourceError, read_sources
from typer.testing import CliRunner

from actorgraph.cli import EXIT_FAILURE, EXIT_PARTIAL, app

GOOD = "Talks in Vienna\n\nIran's foreign minister Javad Zarif criticized the sanctions imposed by the United States."


def _load(*args: str):
    return CliRunner().invoke(app, ["load", *args, "-f", "json"])


def test_a_folder_of_bad_files_loads_the_good_ones_and_names_each_fault(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("")
    (folder / "blank.md").write_text("  \n\n \t\n")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "noise.txt").write_bytes(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 200)
    (folder / "utf16.txt").write_text(GOOD.replace("Vienna", "Geneva talks"), encoding="utf-16")
    (folder / "latin.txt").write_bytes(GOOD.replace("Talks", "Caf\xe9 talks").encode("cp1252"))
    (folder / "page.html").write_text(
        "<html><head><script>alert('x')</script><style>p{}</style></head><body>"
        '<h1>Sanctions row</h1><p onclick="evil()">The European Union imposed sanctions on Belarus.</p>'
        "<script>document.write('<p>fake sentence about war</p>')</script></body></html>"
    )
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "One", "text": GOOD.replace("Vienna", "Oslo")})
        + "\n{not json\n"
        + json.dumps(["a", "list"])
        + "\n"
        + json.dumps({"title": "no body"})
        + "\n"
    )
    (folder / "huge.txt").write_bytes(b"word " * (10 * 1024 * 1024))  # 50 MiB
    store = tmp_path / "s.db"
    result = _load(str(folder), str(tmp_path / "missing.txt"), "-s", str(store))
    assert result.exit_code == EXIT_PARTIAL, result.output
    summary = json.loads(result.stdout)
    assert summary["articles_added"] == 5  # good, utf16, latin, page, one JSONL line
    reasons = {e["source"].replace(str(folder) + "/", ""): e["reason"] for e in summary["errors"]}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.md"] == "empty file"
    assert reasons["photo.txt"].startswith("binary file")
    assert reasons["noise.txt"].startswith("binary file")
    assert reasons["feed.jsonl:2"].startswith("malformed JSON")
    assert reasons["feed.jsonl:3"] == "line is not a JSON object"
    assert reasons["feed.jsonl:4"].startswith("no text")
    assert reasons["huge.txt"].startswith("too long for one article (52,428,800 bytes")
    assert reasons[str(tmp_path / "missing.txt")] == "no such file or folder"
    assert len(reasons) == 9
    for line in result.stderr.strip().splitlines():
        assert "Traceback" not in line
    with Store.open(store, create=False) as s:
        titles = {a["title"] for a in s.articles()}
        sentences = " ".join(ev["sentence"] for _, ev in s.all_evidence())
    assert {"Café talks in Vienna", "Sanctions row"} <= titles
    assert "alert" not in sentences and "fake sentence" not in sentences


def test_nothing_loadable_is_a_failure(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = _load(str(tmp_path / "empty.txt"), str(tmp_path / "nope"), "-s", str(tmp_path / "s.db"))
    assert result.exit_code == EXIT_FAILURE
    assert "empty.txt: empty file" in result.stderr and "nope: no such file or folder" in result.stderr


def test_one_article_over_the_limit_in_jsonl_is_refused_alone(tmp_path):
    feed = tmp_path / "f.jsonl"
    feed.write_text(
        json.dumps({"text": "x " * (MAX_ARTICLE_CHARS // 2 + 1)}) + "\n" + json.dumps({"text": GOOD}) + "\n"
    )
    items = list(read_sources([str(feed)]))
    assert isinstance(items[0], SourceError) and items[0].source.endswith("f.jsonl:1")
    assert "too long for one article" in items[0].reason
    assert items[1].title == "Talks in Vienna"


def test_a_big_jsonl_corpus_streams_in_little_memory(tmp_path):
    feed = tmp_path / "big.jsonl"
    paragraph = "The ministers met in the capital and discussed trade, energy and security. " * 130
    with feed.open("w", encoding="utf-8") as handle:
        for i in range(5000):  # ~50 MB
            handle.write(json.dumps({"title": f"Story {i}", "text": f"{paragraph} Item {i}."}) + "\n")
    assert feed.stat().st_size > 48_000_000
    tracemalloc.start()
    count = sum(1 for item in read_sources([str(feed)]) if not isinstance(item, SourceError))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 5000
    assert peak < 5_000_000, f"reading held {peak / 1e6:.1f} MB at once"


def test_a_folder_of_thousands_of_files_loads(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(2000):
        (folder / f"{i:04d}.txt").write_text(
            f"Brief {i}\n\nThe mayor of Town{i} criticized the new tax on fuel."
        )
    result = _load(str(folder), "-s", str(tmp_path / "s.db"), "--batch-size", "256")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["documents"] == 2000 and summary["articles_added"] == 2000 and summary["errors"] == []


def test_control_characters_alone_are_no_article(tmp_path):
    """Found by the hypothesis test: a file holding only DEL became an empty document."""
    (tmp_path / "del.txt").write_bytes(b"\x7f")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": "\x7f\x1b "}) + "\n", encoding="utf-8")
    items = list(read_sources([str(tmp_path)]))
    reasons = {item.source.replace(str(tmp_path) + "/", ""): item.reason for item in items}
    assert all(isinstance(item, SourceError) for item in items), items
    assert reasons == {"del.txt": "no readable text", "feed.jsonl:1": reasons["feed.jsonl:1"]}
    assert reasons["feed.jsonl:1"].startswith("no text")
