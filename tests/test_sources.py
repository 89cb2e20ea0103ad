import io
import json

from actorgraph.graph.model import Document
from actorgraph.loaders.documents import clean_text, content_id
from actorgraph.loaders.sources import SourceError, read_sources


def _docs(items):
    return [i for i in items if isinstance(i, Document)]


def _errors(items):
    return [i for i in items if isinstance(i, SourceError)]


def test_txt_title_and_date_come_from_the_text(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Leaders meet in Oslo\n\n3 March 2022, 10:00\n\nThe prime minister spoke.\n"
    )
    [doc] = _docs(read_sources([str(tmp_path / "a.txt")]))
    assert doc.title == "Leaders meet in Oslo"
    assert doc.date == "2022-03-03"


def test_us_style_dateline_is_read():
    [doc] = _docs(
        read_sources(["-"], stdin=io.StringIO("Tuesday, September 21, 2021\n\nTitle here\n\nBody."))
    )
    assert doc.date == "2021-09-21"
    assert doc.title == "Title here"


def test_html_drops_scripts_and_keeps_paragraphs(tmp_path):
    page = (
        "<html><head><title>Talks collapse</title><script>alert(1)</script></head>"
        "<body><p>The minister left.</p><img src=x onerror=alert(2)><p>Talks ended.</p></body></html>"
    )
    (tmp_path / "p.html").write_text(page)
    [doc] = _docs(read_sources([str(tmp_path / "p.html")]))
    assert doc.title == "Talks collapse"
    assert "alert" not in doc.text and "onerror" not in doc.text
    assert "The minister left.\n\nTalks ended." in doc.text


def test_markdown_markup_is_removed(tmp_path):
    (tmp_path / "m.md").write_text(
        "# Big news\n\n**Bold** claim with a [link](http://x.example).\n\n- a point\n"
    )
    [doc] = _docs(read_sources([str(tmp_path / "m.md")]))
    assert doc.title == "Big news"
    assert "Bold claim with a link." in doc.text
    assert "• a point" in doc.text


def test_jsonl_reads_fields_and_reports_bad_lines_by_number(tmp_path):
    lines = [
        json.dumps({"title": "One", "text": "First story.", "date": "2021-05-01T10:00:00Z", "url": "u1"}),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps({"content": "Second story."}),
    ]
    (tmp_path / "f.jsonl").write_text("\n".join(lines))
    items = list(read_sources([str(tmp_path / "f.jsonl")]))
    docs, errors = _docs(items), _errors(items)
    assert [d.title for d in docs] == ["One", "Second story."]
    assert docs[0].date == "2021-05-01" and docs[0].source == "u1"
    assert [e.source for e in errors] == [f"{tmp_path / 'f.jsonl'}:2", f"{tmp_path / 'f.jsonl'}:3"]
    assert "malformed JSON" in errors[0].reason


def test_bad_sources_are_reported_and_others_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("A title\n\nSome words.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks\n\nThe caf\xe9 hosted them.".encode("cp1252"))
    items = list(read_sources([str(tmp_path), str(tmp_path / "missing.txt")]))
    assert sorted(d.title for d in _docs(items)) == ["A title", "Café talks"]
    reasons = {e.source.rsplit("/", 1)[-1]: e.reason for e in _errors(items)}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["bin.txt"]
    assert reasons["missing.txt"] == "no such file or folder"


def test_globs_expand_and_an_empty_glob_is_an_error(tmp_path):
    for name in ("a.txt", "b.md", "c.csv"):
        (tmp_path / name).write_text(f"{name}\n\nText of {name}.")
    items = list(read_sources([str(tmp_path / "*.txt"), str(tmp_path / "*.md"), str(tmp_path / "*.none")]))
    assert sorted(d.title for d in _docs(items)) == ["a.txt", "b.md"]
    assert [e.reason for e in _errors(items)] == ["pattern matched no files"]


def test_same_text_same_id_whatever_the_whitespace():
    assert content_id("A  story\n\nabout x.") == content_id("A story about x.")
    assert content_id("A story.") != content_id("Another story.")


def test_glued_words_are_split_but_brand_names_kept():
    assert clean_text("for criticizingKremlin policy") == "for criticizing Kremlin policy"
    assert clean_text("on YouTube and iPhone") == "on YouTube and iPhone"
