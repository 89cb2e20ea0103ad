"""The sentence suite as a quality bar: construction by construction, real and invented names.

The suite (tests/data/sentences, tests/data/issues/stance.jsonl) was written and annotated by
annotators who never read the extraction rules; `actorgraph evaluate --sentences` prints the
same figures per construction and per relation class. The floors below are the measured
figures of this version less a small margin: a change that makes extraction worse on any
slice fails here. They are not the targets (issue "Who did what to whom" asks for typed recall
0.75 and precision 0.85); README says where the figures stand.
"""

from __future__ import annotations

import pytest

from actorgraph.sentence_eval import SuiteError, evaluate_suite, read_suite
from tests.conftest import ROOT

SENTENCES = ROOT / "tests" / "data" / "sentences"
STANCE = ROOT / "tests" / "data" / "issues" / "stance.jsonl"

#: slice -> (typed recall, precision) floors, measured less about 0.02
FLOORS = {
    "names:real": (0.73, 0.90),
    "names:invented": (0.73, 0.89),
}
STANCE_FLOOR = (0.81, 0.78)
STRUCTURAL_FLOOR = 0.62
HELD_OUT = ROOT / "tests" / "data" / "sentences_heldout"
#: held-out set -> (typed recall, precision) floors: each set's first measurement (README,
#: docs/sentences_heldout*_first_measurement.json) is the fair figure; since then it is
#: development data, and these floors keep it from falling back
HELD_OUT_FLOORS = {
    "fresh1.jsonl": (0.76, 0.91),
    "fresh2.jsonl": (0.70, 0.90),
    "fresh3.jsonl": (0.67, 0.88),
    "fresh4.jsonl": (0.65, 0.90),
    "fresh5.jsonl": (0.58, 0.85),
    "fresh6.jsonl": (0.61, 0.83),
    "fresh7.jsonl": (0.64, 0.85),
}


@pytest.fixture(scope="module")
def suite_report(extractor):
    cases = read_suite([SENTENCES])
    assert len(cases) >= 800  # 429 real-name and 397 invented-name sentences
    return evaluate_suite(cases, extractor)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_sentence_suite_floor(suite_report, name):
    tally = suite_report.slices[name]
    recall, precision = FLOORS[name]
    assert tally.typed_recall >= recall, (name, tally.as_dict())
    assert tally.precision >= precision, (name, tally.as_dict())


@pytest.mark.slow
def test_no_event_sentences_stay_almost_silent(suite_report):
    """Wishes, plans, conditions, negations and denials: almost nothing may come out of them."""
    for name in ("construction:no_event", "construction:negation"):
        tally = suite_report.slices[name]
        assert tally.found <= 12, (name, tally.as_dict())
    assert suite_report.slices["all"].forbidden <= 8


@pytest.mark.slow
def test_unnamed_agents_reach_their_country(suite_report):
    assert suite_report.structural.typed_recall >= STRUCTURAL_FLOOR, suite_report.structural.as_dict()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HELD_OUT_FLOORS))
def test_held_out_sentence_sets_keep_their_gains(extractor, name):
    report = evaluate_suite(read_suite([HELD_OUT / name]), extractor)
    tally = report.slices["all"]
    recall, precision = HELD_OUT_FLOORS[name]
    assert tally.typed_recall >= recall, tally.as_dict()
    assert tally.precision >= precision, tally.as_dict()


@pytest.mark.slow
def test_stance_suite_floor(extractor):
    report = evaluate_suite(read_suite([STANCE]), extractor)
    tally = report.slices["all"]
    assert tally.typed_recall >= STANCE_FLOOR[0], tally.as_dict()
    assert tally.precision >= STANCE_FLOOR[1], tally.as_dict()


def test_suite_files_are_checked(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "X met Y.", "expect": [["X", "LIKES", "Y"]]}\n')
    with pytest.raises(SuiteError, match="not a relation type"):
        read_suite([bad])
    bad.write_text("{not json\n")
    with pytest.raises(SuiteError, match="malformed JSON"):
        read_suite([bad])


def test_scoring_counts_symmetric_types_either_way(extractor, tmp_path):
    path = tmp_path / "one.jsonl"
    path.write_text(
        '{"id": "t1", "text": "President Marko Veltan held talks with Prime Minister Ilse Korva.", '
        '"names": "invented", "construction": "light_verb", "class": "MET", '
        '"expect": [["Ilse Korva", "MET", "Marko Veltan"]]}\n'
    )
    report = evaluate_suite(read_suite([path]), extractor)
    assert report.slices["all"].typed == 1 and report.slices["all"].precision == 1.0
