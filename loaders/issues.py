"""Finding issues in text with a token matcher built from the taxonomy's trigger phrases."""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.loaders.lexicons import Issue, Lexicons
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans


@dataclass(frozen=True)
class IssueMention:
    issue: Issue
    span: Span


def _variants(word: str) -> list[str]:
    word = word.lower()
    forms = {word}
    if word.isalpha() and len(word) > 2:
        if word.endswith("y") and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif word.endswith(("s", "x", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
        if word.endswith("s") and not word.endswith("ss"):
            forms.add(word[:-1])
    return sorted(forms)


class IssueMatcher:
    """Wraps spaCy's Matcher: one rule per issue, one pattern per trigger phrase."""

    def __init__(self, nlp: Language, lexicons: Lexicons) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.issues: dict[str, Issue] = {}
        for issue in lexicons.issues:
            patterns = [self._pattern(nlp, trigger) for trigger in issue.triggers]
            self.matcher.add(issue.name, [p for p in patterns if p])
            self.issues[issue.name] = issue

    @staticmethod
    def _pattern(nlp: Language, trigger: str) -> list[dict]:
        pattern: list[dict] = []
        for chunk in trigger.split():
            if chunk == "*":
                pattern.append({"IS_PUNCT": False, "OP": "{0,3}"})
                continue
            for token in nlp.tokenizer(chunk):
                pattern.append({"LOWER": {"IN": _variants(token.text)}})
        if len(pattern) == 1:
            # a one-word trigger names an issue as a noun or gerund ("jailing"), not as a
            # finite verb: "trade" talks, not "trade barbs"
            pattern[0]["TAG"] = {"NOT_IN": ["VB", "VBD", "VBP", "VBZ", "MD"]}
        return pattern

    def __call__(self, doc: Doc) -> list[IssueMention]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        # longest match wins where triggers overlap ("nuclear arms control" over "nuclear arms")
        return [IssueMention(self.issues[s.label_], s) for s in filter_spans(spans)]
