"""The evaluation command and the quality bar it measures on the project's gold set."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from actorgraph.cli import app
from actorgraph.evaluation import GoldError, Score, evaluate, read_gold
from tests.conftest import ROOT, SAMPLES

GOLD = ROOT / "examples" / "gold"


def test_scores_are_micro_averaged_precision_recall_f1():
    score = Score()
    score.add({"a", "b", "c"}, {"a", "b", "d", "e"})
    assert (score.true_positives, score.false_positives, score.false_negatives) == (2, 1, 2)
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_gold_files_are_checked(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"file": "a.txt", "entities": [], "relations": [["Nobody", "MET", "X"]]}))
    with pytest.raises(GoldError, match="not among the entities"):
        read_gold(bad)
    bad.write_text(
        json.dumps(
            {
                "file": "a.txt",
                "entities": [{"name": "A", "label": "Person"}],
                "relations": [["A", "LIKES", "B"]],
            }
        )
    )
    with pytest.raises(GoldError, match="not a typed relation"):
        read_gold(bad)


def test_extraction_meets_the_quality_bar_on_the_gold_set(extractor, seeds):
    report = evaluate(GOLD, [SAMPLES, seeds], extractor)
    assert len(report.articles) == 12 and not report.skipped
    f1 = {task: score.f1 for task, score in report.scores.items()}
    assert f1["entities"] >= 0.95, f1
    assert f1["actor_issue"] >= 0.85, f1
    assert f1["relations"] >= 0.70, f1


def test_cli_evaluate_json_and_draft(tmp_path, seeds):
    runner = CliRunner()
    result = runner.invoke(
        app, ["evaluate", "--articles", str(SAMPLES), "--articles", str(seeds), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["scores"]) == {"entities", "actor_issue", "relations"} and data["articles"] == 12
    result = runner.invoke(app, ["evaluate", "--articles", str(SAMPLES), "--draft", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    drafts = sorted((tmp_path / "d").glob("*.json"))
    assert len(drafts) == 10
    assert read_gold(drafts[0]).entities  # a draft is a valid gold file, ready to correct
