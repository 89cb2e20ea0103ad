"""The HTML view: offline, escaped, filterable, checked in a real headless Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from actorgraph.graph.html_view import write_view
from actorgraph.graph.model import (
    Document,
    EdgeRecord,
    EdgeType,
    EntityRecord,
    Evidence,
    ExtractionResult,
    IssueRecord,
    NodeLabel,
)
from actorgraph.graph.store import Store
from typer.testing import CliRunner

from actorgraph.cli import app
from tests.browser import chromium, console_errors, find_chromium, open_page, requested_urls, wait_settled

NETWORK_SCHEMES = {"http", "https", "ws", "wss", "ftp"}
HOSTILE_NAME = "<script>window.__pwned=1</script>Evil`}{\"'"
HOSTILE_SENTENCE = 'He said <img src=x onerror="window.__pwned=2"> and </script><b>bold</b> & more.'


def _data(html: str) -> dict:
    block = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', html, re.S)
    assert block, "graph data block missing"
    return json.loads(block.group(1))


@pytest.fixture
def hostile_store(tmp_path) -> Store:
    doc = Document("h1", "A <b>hostile</b> title", "2022-03-01", "h.txt", "x")
    people = [
        EntityRecord("person:evil", NodeLabel.PERSON, HOSTILE_NAME, {HOSTILE_NAME, "x onerror=alert(1)"}, 1),
        EntityRecord("country:plain", NodeLabel.COUNTRY, "Plainland", {"Plainland"}, 1),
    ]
    issue = IssueRecord("issue:human-rights", "human rights", "Civil rights")
    edges = [
        EdgeRecord(
            "person:evil",
            "country:plain",
            EdgeType.WARNED,
            Evidence("h1", HOSTILE_SENTENCE, 0, 9, "2022-03-01"),
        ),
        EdgeRecord(
            "country:plain",
            "issue:human-rights",
            EdgeType.RAISED,
            Evidence("h1", "Plain words.", 10, 20, None),
        ),
    ]
    store = Store.open(tmp_path / "h.db")
    store.add(ExtractionResult(doc, people, [issue], edges))
    yield store
    store.close()


def test_page_is_self_contained_and_carries_the_graph(full_store, tmp_path):
    report = write_view(full_store, tmp_path / "g.html")
    html = (tmp_path / "g.html").read_text("utf-8")
    data = _data(html)
    assert report.nodes == len(data["nodes"]) > 20 and report.edges == len(data["edges"]) > 50
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html), "the page must not load anything"
    assert "vis.Network" in html and "default-src 'none'" in html
    kinds = {n["kind"]: (n["color"], n["shape"]) for n in data["nodes"]}
    assert kinds["Person"] != kinds["Country"] and kinds["Issue"][1] == "hexagon"
    families = {e["type"]: (e["family"], e["color"]) for e in data["edges"]}
    assert families["IMPRISONED"][0] == "hostile" and families["MET"][0] == "cooperative"
    assert families["IMPRISONED"][1] != families["MET"][1]
    with_evidence = [e for e in data["edges"] if e["evidence"]]
    assert len(with_evidence) == len(data["edges"])
    assert all(ev["sentence"] and ev["article"] for e in with_evidence for ev in e["evidence"])


def test_focus_and_caps_say_what_was_left_out(full_store, tmp_path):
    focused = write_view(full_store, tmp_path / "i.html", issue="election interference")
    data = _data((tmp_path / "i.html").read_text("utf-8"))
    issue_id = data["focus"][0]
    assert issue_id.startswith("issue:")
    neighbours = {e["from"] for e in data["edges"] if e["to"] == issue_id} | {
        e["to"] for e in data["edges"] if e["from"] == issue_id
    }
    assert {n["id"] for n in data["nodes"]} == neighbours | {issue_id}
    assert focused.nodes < write_view(full_store, tmp_path / "all.html").nodes

    capped = write_view(full_store, tmp_path / "c.html", max_nodes=10, max_edges=15)
    assert capped.nodes == 10 and capped.edges <= 15
    assert capped.cap.nodes_left_out > 0 and capped.cap.edges_left_out > 0
    data = _data((tmp_path / "c.html").read_text("utf-8"))
    assert data["cap"]["nodes_left_out"] == capped.cap.nodes_left_out


def test_hostile_text_stays_data(hostile_store, tmp_path):
    write_view(hostile_store, tmp_path / "h.html")
    html = (tmp_path / "h.html").read_text("utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    data = _data(html)
    names = {n["label"] for n in data["nodes"]}
    assert HOSTILE_NAME in names
    assert data["edges"][0]["evidence"][0]["sentence"] in {HOSTILE_SENTENCE, "Plain words."}


def test_cli_view_reports_and_fails_clearly(full_store, tmp_path):
    runner = CliRunner()
    store = str(full_store.path)
    result = runner.invoke(app, ["view", "-s", store, "-o", str(tmp_path / "v.html"), "-f", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["nodes"] > 20 and Path(summary["path"]).is_file()
    result = runner.invoke(
        app, ["view", "-s", store, "-o", str(tmp_path / "x.html"), "--actor", "Nobody Atall"]
    )
    assert result.exit_code == 1 and "no node matches" in result.stderr
    assert not (tmp_path / "x.html").exists()


needs_chromium = pytest.mark.skipif(find_chromium() is None, reason="chromium/chromedriver not installed")


@needs_chromium
def test_view_in_headless_chromium(full_store, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    page = tmp_path / "graph.html"
    report = write_view(full_store, page, title="Sample news")
    with chromium() as driver:
        requested_urls(driver)  # the browser's own start-up page is not ours
        open_page(driver, page)
        wait_settled(driver)
        page_requests = requested_urls(driver)
        assert any(u.startswith("file:") for u in page_requests)
        status = driver.find_element(By.ID, "status")
        assert int(status.get_attribute("data-nodes")) == report.nodes
        drawn = driver.execute_script("return window.actorgraph.network.body.nodeIndices.length")
        assert drawn == report.nodes
        positions = driver.execute_script("return Object.values(window.actorgraph.network.getPositions())")
        assert len({(round(p["x"]), round(p["y"])) for p in positions}) > report.nodes // 2

        search = driver.find_element(By.ID, "search")
        search.send_keys("Kremlin", Keys.ENTER)
        message = driver.find_element(By.ID, "message")
        assert message.text.startswith("Found "), message.text
        selected = driver.execute_script("return window.actorgraph.network.getSelectedNodes()")
        assert selected == [message.get_attribute("data-found")] and selected[0].startswith("country:")

        Select(driver.find_element(By.ID, "issue")).select_by_visible_text("election interference")
        wait_settled(driver)
        shown = driver.execute_script("return window.actorgraph.visible()")
        assert 1 < len(shown["nodes"]) < report.nodes
        drawn = driver.execute_script("return window.actorgraph.network.body.nodeIndices.length")
        assert drawn == len(shown["nodes"])
        driver.save_screenshot(str(tmp_path / "filtered.png"))

        driver.find_element(By.ID, "reset").click()
        wait_settled(driver)
        weight = driver.find_element(By.ID, "min-weight")
        weight.clear()
        weight.send_keys("3", Keys.TAB)
        wait_settled(driver)
        heavy = driver.execute_script("return window.actorgraph.visible().edges.length")
        # every heavy edge the page holds is drawn; the page holds every heavy edge of the store
        # unless the node and edge caps left some out (and then says so)
        expected = sum(1 for e in _data(page.read_text("utf-8"))["edges"] if e["weight"] >= 3)
        assert heavy == expected
        in_store = sum(1 for e in full_store.edges() if e.weight >= 3)
        if report.cap.nodes_left_out == 0 and report.cap.edges_left_out == 0:
            assert expected == in_store
        else:
            assert 0 < expected <= in_store

        driver.find_element(By.ID, "reset").click()
        wait_settled(driver)
        driver.save_screenshot(str(tmp_path / "graph.png"))
        assert (tmp_path / "graph.png").stat().st_size > 10_000

        errors = console_errors(driver)
        external = [
            u for u in page_requests + requested_urls(driver) if u.split(":", 1)[0] in NETWORK_SCHEMES
        ]
    assert errors == []
    assert external == []


@needs_chromium
def test_hostile_page_runs_no_injected_code(hostile_store, tmp_path):
    from selenium.webdriver.common.action_chains import ActionChains

    page = tmp_path / "h.html"
    write_view(hostile_store, page)
    with chromium() as driver:
        open_page(driver, page)
        wait_settled(driver)
        net = "window.actorgraph.network"
        position = driver.execute_script(
            f"return {net}.canvasToDOM({net}.getPositions(['person:evil'])['person:evil'])"
        )
        canvas = driver.find_element("css selector", "#network canvas")
        ActionChains(driver).move_to_element_with_offset(
            canvas, position["x"] - canvas.size["width"] / 2, position["y"] - canvas.size["height"] / 2
        ).perform()
        from selenium.webdriver.support.ui import WebDriverWait

        tip = WebDriverWait(driver, 10).until(
            lambda d: d.execute_script(
                "const t = document.querySelector('div.vis-tooltip');"
                "return t && t.style.visibility !== 'hidden' ? t.textContent : null"
            )
        )
        assert HOSTILE_NAME in tip
        labels = driver.execute_script(
            "return Array.from(document.querySelectorAll('option')).map(o => o.text)"
        )
        assert HOSTILE_NAME in labels
        assert driver.execute_script("return window.__pwned === undefined")
        assert driver.execute_script("return document.querySelectorAll('img, b').length") == 0
        assert console_errors(driver) == []


@needs_chromium
def test_request_detector_sees_a_request(tmp_path):
    """The 'no network request' check above would catch one: a control page makes one on loopback."""
    control = tmp_path / "control.html"
    control.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.png">', encoding="utf-8")
    with chromium() as driver:
        requested_urls(driver)
        open_page(driver, control)
        urls = requested_urls(driver)
    assert "http://127.0.0.1:9/pixel.png" in urls
