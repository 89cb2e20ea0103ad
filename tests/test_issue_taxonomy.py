"""The issue taxonomy: its size and topics, and the matcher's word sense on tests/data/issues.

`senses.jsonl` holds one sentence per line with the issues that must be found and those that
must not: at least one sentence for every issue, and a wrong-sense sentence for every trigger
that carries a sense constraint ("a flood of cheap cars" is no natural disaster).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from actorgraph.loaders.issues import IssueMatcher
from actorgraph.loaders.lexicons import LexiconError, load_lexicons
from actorgraph.loaders.nlp import load_pipeline

DATA = Path(__file__).parent / "data" / "issues"
ROWS = [json.loads(line) for line in (DATA / "senses.jsonl").read_text().splitlines() if line.strip()]

# the 21 major topics of the Comparative Agendas Project, with their codes
CAP_TOPICS = {
    "Macroeconomics": 1,
    "Civil Rights": 2,
    "Health": 3,
    "Agriculture": 4,
    "Labor": 5,
    "Education": 6,
    "Environment": 7,
    "Energy": 8,
    "Immigration": 9,
    "Transportation": 10,
    "Law and Crime": 12,
    "Social Welfare": 13,
    "Housing": 14,
    "Domestic Commerce": 15,
    "Defense": 16,
    "Technology": 17,
    "Foreign Trade": 18,
    "International Affairs": 19,
    "Government Operations": 20,
    "Public Lands": 21,
    "Culture": 23,
}

# names the gold files use: they must never be renamed or dropped
GOLD_NAMES = {
    "election interference", "cyberattacks", "ransomware", "cybersecurity", "critical infrastructure",
    "arms control", "nuclear proliferation", "military intervention", "armed conflict",
    "ceasefire and peace talks", "human rights", "press freedom", "freedom of speech",
    "political prisoners", "democracy", "protests and civil unrest", "sanctions",
    "diplomatic relations", "espionage", "disinformation", "poisoning and assassination",
    "chemical weapons", "terrorism", "war crimes", "corruption", "climate change", "energy security",
    "trade", "taxation", "economy and inflation", "migration", "border security", "maritime disputes",
    "public health", "food security", "humanitarian aid", "military aid",
    "alliances and security cooperation", "organized crime", "policing and justice", "data privacy",
    "artificial intelligence", "space", "education", "labour rights", "lgbt rights",
    "religious freedom", "minority rights", "abortion", "gun control",
    "coups and unconstitutional change", "arctic", "water resources", "natural disasters",
}  # fmt: skip


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons()


@pytest.fixture(scope="module")
def found(nlp, lexicons) -> list[set[str]]:
    """The issues the matcher finds in every sentence, parsed once for the module."""
    matcher = IssueMatcher(nlp, lexicons)
    return [{m.issue.name for m in matcher(doc)} for doc in nlp.pipe(r["text"] for r in ROWS)]


def test_the_taxonomy_is_large_and_every_topic_is_a_cap_major_topic(lexicons):
    names = [i.name for i in lexicons.issues]
    assert len(names) >= 220
    assert len(set(names)) == len(names), "issue names must be unique"
    assert set(names) >= GOLD_NAMES
    for issue in lexicons.issues:
        assert issue.topic in CAP_TOPICS, issue.name
        if issue.cap is not None:
            assert issue.cap.isdigit() and int(issue.cap) // 100 == CAP_TOPICS[issue.topic], issue.name


def test_the_data_names_only_issues_of_the_taxonomy(lexicons):
    names = {i.name for i in lexicons.issues}
    for row in ROWS:
        assert set(row["issues"]) | set(row.get("not_issues", [])) <= names, row["text"]


def test_every_issue_is_exercised_by_a_sentence(lexicons):
    exercised = {name for row in ROWS for name in row["issues"]}
    assert not {i.name for i in lexicons.issues} - exercised


def test_every_constrained_trigger_has_a_wrong_sense_sentence(nlp, lexicons):
    """A sentence that contains the trigger (in some inflection) and must not give its issue."""
    negatives: dict[str, list[set[str]]] = {}
    for row, doc in zip(ROWS, nlp.pipe(r["text"] for r in ROWS), strict=True):
        words = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
        for name in row.get("not_issues", []):
            negatives.setdefault(name, []).append(words)
    missing = []
    for issue in lexicons.issues:
        for sense in issue.senses:
            *first, last = [w for w in sense.trigger.lower().split() if w != "*"]
            inflections = {last, last.removesuffix("s"), last.removesuffix("es")}
            if not any(
                set(first) <= words and inflections & words for words in negatives.get(issue.name, [])
            ):
                missing.append((issue.name, sense.trigger))
    assert not missing


@pytest.mark.parametrize("index", range(len(ROWS)), ids=[r["text"][:60] for r in ROWS])
def test_sentence(index, found):
    row = ROWS[index]
    got = found[index]
    assert set(row["issues"]) <= got, f"missed {set(row['issues']) - got}; found {sorted(got)}"
    assert not set(row.get("not_issues", [])) & got, f"wrong sense: {set(row['not_issues']) & got}"


def test_a_sense_must_name_a_trigger_of_its_issue_and_known_keys(tmp_path):
    (tmp_path / "issues.toml").write_text(
        '[[issue]]\nname = "fishing rights"\ntopic = "Agriculture"\ntriggers = ["fishing rights"]\n'
        'senses = [{trigger = "quota", near = ["fish"]}]\n'
    )
    with pytest.raises(LexiconError, match="not among the issue's triggers"):
        load_lexicons((tmp_path,))
    (tmp_path / "issues.toml").write_text(
        '[[issue]]\nname = "fishing rights"\ntopic = "Agriculture"\ntriggers = ["fishing rights"]\n'
        'senses = [{trigger = "fishing rights", nearby = ["fish"]}]\n'
    )
    with pytest.raises(LexiconError, match="unknown key"):
        load_lexicons((tmp_path,))


def test_a_user_issue_with_a_sense_is_matched_in_its_sense_only(tmp_path, nlp):
    (tmp_path / "issues.toml").write_text(
        '[[issue]]\nname = "sugar levies"\ntopic = "Agriculture"\ntriggers = ["levy"]\n'
        'senses = [{trigger = "levy", near = ["sugar", "beet"]}]\n'
    )
    lexicons = load_lexicons((tmp_path,))
    matcher = IssueMatcher(nlp, lexicons)
    docs = list(nlp.pipe(["The sugar levy was cut.", "The club levy was paid."]))
    assert "sugar levies" in {m.issue.name for m in matcher(docs[0])}
    assert "sugar levies" not in {m.issue.name for m in matcher(docs[1])}


def test_a_rule_word_list_missing_is_a_lexicon_error():
    lex = load_lexicons()
    assert "fishermen" in lex.words("people_nouns")
    with pytest.raises(LexiconError, match="no list named"):
        lex.words("no such list")
