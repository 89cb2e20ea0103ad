"""Finding issues in text with a token matcher built from the taxonomy's trigger phrases."""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.loaders.lexicons import Issue, Lexicons
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
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
    """spaCy's PhraseMatcher for plain trigger phrases, its Matcher only for those with `*` gaps.

    Phrase matching costs next to nothing; the token Matcher, needed for gaps, is kept to the
    few triggers that use one. A one-word trigger must name the issue as a noun or gerund
    ("trade" talks, "jailing"), never as a finite verb ("trade barbs").
    """

    FINITE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})

    def __init__(self, nlp: Language, lexicons: Lexicons) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.issues: dict[str, Issue] = {}
        for issue in lexicons.issues:
            self.issues[issue.name] = issue
            gapped = [self._pattern(nlp, t) for t in issue.triggers if "*" in t.split()]
            if gapped:
                self.matcher.add(issue.name, [p for p in gapped if p])
            phrases = []
            for trigger in issue.triggers:
                if "*" in trigger.split():
                    continue
                words = [t.text for t in nlp.tokenizer(trigger)]
                for last in _variants(words[-1]):
                    phrases.append(Doc(nlp.vocab, words=[*words[:-1], last]))
            if phrases:
                self.phrases.add(issue.name, phrases)

    @staticmethod
    def _pattern(nlp: Language, trigger: str) -> list[dict]:
        pattern: list[dict] = []
        for chunk in trigger.split():
            if chunk == "*":
                pattern.append({"IS_PUNCT": False, "OP": "{0,3}"})
                continue
            for token in nlp.tokenizer(chunk):
                pattern.append({"LOWER": {"IN": _variants(token.text)}})
        return pattern

    def __call__(self, doc: Doc) -> list[IssueMention]:
        spans = []
        for match_id, start, end in [*self.phrases(doc), *self.matcher(doc)]:
            if end - start == 1 and doc[start].tag_ in self.FINITE_VERB_TAGS:
                continue
            spans.append(Span(doc, start, end, label=doc.vocab.strings[match_id]))
        # longest match wins where triggers overlap ("nuclear arms control" over "nuclear arms")
        return [IssueMention(self.issues[s.label_], s) for s in filter_spans(spans)]
