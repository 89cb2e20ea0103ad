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


def _combined(extractor, seeds, patterns):
    """One report's scores over several gold sets."""
    scores = {task: Score() for task in ("entities", "actor_issue", "relations")}
    stance = [0, 0]
    for pattern in patterns:
        report = evaluate(GOLD, [SAMPLES, seeds], extractor, pattern=pattern)
        assert report.articles and not report.skipped
        for task, score in report.scores.items():
            scores[task].true_positives += score.true_positives
            scores[task].false_positives += score.false_positives
            scores[task].false_negatives += score.false_negatives
        stance[0] += report.stance.correct
        stance[1] += report.stance.judged
    return scores, stance


def test_extraction_meets_the_quality_bar_on_the_gold_set(extractor, seeds):
    """The twelve articles the rules were first written on (seeds, samples 01-10)."""
    scores, (correct, judged) = _combined(
        extractor, seeds, ["seed_*.json", "sample_*.json", "heldout_*.json"]
    )
    f1 = {task: score.f1 for task, score in scores.items()}
    assert f1["entities"] >= 0.95, f1
    assert f1["actor_issue"] >= 0.85, f1
    # The gold was recoded to the larger ontology (threats, demands, mediation, imposition…),
    # which the rules do not fully reach yet: this floor is the measured figure less a margin,
    # the target (0.80) is in README.
    assert f1["relations"] >= 0.67, f1
    assert judged and correct / judged >= 0.75


#: Each held-out batch's single first measurement (docs/heldoutN_first_measurement.json, README):
#: since then the batch is development data, and it must not fall back below that measurement.
FIRST_MEASUREMENTS = sorted((ROOT / "docs").glob("heldout*_first_measurement.json"))


@pytest.mark.parametrize("report", FIRST_MEASUREMENTS, ids=lambda p: p.stem)
def test_held_out_batches_do_not_fall_below_their_first_measurement(extractor, seeds, report):
    batch = report.stem.removesuffix("_first_measurement")
    first = json.loads(report.read_text())["scores"]
    scores, _ = _combined(extractor, seeds, [f"{batch}_*.json"])
    for task, score in scores.items():
        # 0.005: the first measurement is rounded to three places
        assert score.f1 >= first[task]["f1"] - 0.005, (batch, task, score.f1, first[task]["f1"])


def test_every_measured_batch_keeps_its_first_measurement():
    measured = {g.name.split("_")[0] for g in GOLD.glob("heldout[0-9]*_*.json") if not read_gold(g).sealed}
    kept = {p.stem.removesuffix("_first_measurement") for p in FIRST_MEASUREMENTS}
    assert measured and measured <= kept, measured - kept


def test_cli_evaluate_json_and_draft(tmp_path, seeds):
    runner = CliRunner()
    result = runner.invoke(
        app, ["evaluate", "--articles", str(SAMPLES), "--articles", str(seeds), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["scores"]) == {"entities", "actor_issue", "relations"}
    assert data["articles"] == len([g for g in GOLD.glob("*.json") if not read_gold(g).sealed])
    result = runner.invoke(app, ["evaluate", "--articles", str(SAMPLES), "--draft", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    drafts = sorted((tmp_path / "d").glob("*.json"))
    assert len(drafts) == len(list(SAMPLES.glob("*.txt")))
    assert read_gold(drafts[0]).entities  # a draft is a valid gold file, ready to correct


def _gold(tmp_path, **extra):
    data = {
        "file": "a.txt",
        "entities": [{"name": "Ilse Korva", "label": "Person"}, {"name": "Marko Veltan", "label": "Person"}],
        "actor_issue": [["Ilse Korva", "sanctions", "-"], ["Marko Veltan", "sanctions"]],
        "relations": [["Marko Veltan", "MET", "Ilse Korva"]],
        **extra,
    }
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data))
    return path


def test_gold_stances_symmetric_types_and_sealed_files(tmp_path):
    gold = read_gold(_gold(tmp_path))
    assert gold.actor_issue == {("Ilse Korva", "sanctions"), ("Marko Veltan", "sanctions")}
    assert gold.stances == {("Ilse Korva", "sanctions"): -1}
    assert gold.relations == {("Ilse Korva", "MET", "Marko Veltan")}  # one direction for MET
    assert not gold.sealed
    assert read_gold(_gold(tmp_path, heldout="written today, not yet measured")).sealed
    with pytest.raises(GoldError, match="stance"):
        read_gold(_gold(tmp_path, actor_issue=[["Ilse Korva", "sanctions", "maybe"]]))


def test_sealed_held_out_files_are_scored_only_when_unsealed(tmp_path, extractor):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "President Marko Veltan met Mrs Ilse Korva in Vienna to discuss sanctions.\n"
    )
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    _gold(gold_dir, heldout="not yet measured").rename(gold_dir / "heldout.json")
    with pytest.raises(GoldError):
        evaluate(gold_dir, [articles], extractor, pattern="none-*.json")
    assert evaluate(gold_dir, [articles], extractor).articles == []
    report = evaluate(gold_dir, [articles], extractor, unseal=True)
    assert [a.file for a in report.articles] == ["a.txt"]
    assert report.scores["relations"].true_positives >= 1  # MET found whichever way round
