"""Finding issues in text with token matchers built from the taxonomy's trigger phrases.

Triggers match two ways at once: on lower-cased words (with a simple plural of the last word)
and on spaCy lemmas, so "imposed tariffs", "a tariff" and "rigging" find their triggers. A
match then passes three checks, all made on the few spans found, never per token: a one-word
trigger must not be a finite verb; a lemma-only match must keep the trigger's part of speech
("taxing" is not "tax"); and a trigger with a sense constraint (issues.toml, `senses`) must
stand in the context the constraint asks for ("a flood of cheap cars" is no natural disaster).
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.loaders.lexicons import Issue, Lexicons, Sense
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
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
        if word.endswith("o"):
            forms.add(word + "es")  # embargoes, vetoes, tornadoes
        if word.endswith("s") and not word.endswith("ss"):
            forms.add(word[:-1])
    return sorted(forms)


# parts of speech that count as the same for a lemma match ("sanction" the noun finds
# "sanctions", but "tax" the noun does not find "taxing" the adjective)
_POS_CLASS = {"NOUN": "N", "PROPN": "N", "NUM": "N", "VERB": "V", "AUX": "V", "ADJ": "A"}
_SEP = "\t"


def _pos_class(token: Token) -> str:
    return _POS_CLASS.get(token.pos_, token.pos_)


class _Context:
    """Lazily computed facts about a sentence, shared by every sense checked in it."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self._words: set[str] | None = None
        self._text: str | None = None

    def words(self) -> set[str]:
        if self._words is None:
            self._words = {t.lower_ for t in self.sent} | {t.lemma_.lower() for t in self.sent}
        return self._words

    def text(self) -> str:
        if self._text is None:
            lowers = " ".join(t.lower_ for t in self.sent)
            lemmas = " ".join(t.lemma_.lower() for t in self.sent)
            self._text = f" {lowers} \n {lemmas} "
        return self._text

    def has(self, entry: str) -> bool:
        if " " in entry:
            return f" {entry} " in self.text()
        return entry in self.words()


def _phrase_at(doc: Doc, start: int, words: list[str]) -> bool:
    """Do the tokens from `start` read `words` (each word as written or as its lemma)?"""
    if start < 0 or start + len(words) > len(doc):
        return False
    for word, token in zip(words, doc[start : start + len(words)], strict=True):
        if word != token.lower_ and word != token.lemma_.lower():
            return False
    return True


def _followed(span: Span, phrases: tuple[str, ...]) -> bool:
    return any(_phrase_at(span.doc, span.end, p.split()) for p in phrases)


def _preceded(span: Span, phrases: tuple[str, ...]) -> bool:
    for phrase in phrases:
        words = phrase.split()
        if _phrase_at(span.doc, span.start - len(words), words):
            return True
    return False


def _head(span: Span) -> str:
    """The lemma of the span's syntactic head, climbing through prepositions and conjuncts."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    head = token.head
    while head.pos_ == "ADP" and head.head is not head:
        head = head.head
    return "" if head is token else head.lemma_.lower()


def sense_holds(span: Span, sense: Sense, context: _Context | None = None) -> bool:
    """Does the matched span stand in the context that `sense` requires?"""
    if sense.case is not None and span.text != sense.case:
        return False
    if sense.pos and span.root.pos_ not in sense.pos:
        return False
    if sense.followed_by and not _followed(span, sense.followed_by):
        return False
    if sense.not_followed_by and _followed(span, sense.not_followed_by):
        return False
    if sense.preceded_by and not _preceded(span, sense.preceded_by):
        return False
    if sense.not_preceded_by and _preceded(span, sense.not_preceded_by):
        return False
    if sense.head or sense.not_head:
        head = _head(span)
        if sense.head and head not in sense.head:
            return False
        if head and head in sense.not_head:
            return False
    if sense.near or sense.not_near:
        context = context or _Context(span.sent if span.doc.has_annotation("SENT_START") else span.doc[:])
        if sense.near and not any(context.has(w) for w in sense.near):
            return False
        if any(context.has(w) for w in sense.not_near):
            return False
    return True


#: Entity labels of names: a trigger that is only part of such a name names no issue.
_NAME_LABELS = frozenset({"ORG", "PERSON", "FAC", "PRODUCT", "WORK_OF_ART", "GPE", "LOC", "NORP"})


class IssueMatcher:
    """spaCy's PhraseMatcher (on LOWER and on LEMMA) for plain triggers, its Matcher for `*` gaps.

    Phrase matching costs next to nothing; the token Matcher, needed for gaps, is kept to the
    few triggers that use one, and runs only on a paragraph that has every word of some gapped
    trigger. A one-word trigger must name the issue as a noun or gerund ("trade" talks,
    "jailing"), never as a finite verb ("trade barbs"). `lemmas=False` or `lower=False` turns
    one way of matching off, to measure what each contributes.
    """

    FINITE_VERB_TAGS = frozenset({"VB", "VBD", "VBP", "VBZ", "MD"})

    def __init__(self, nlp: Language, lexicons: Lexicons, *, lemmas: bool = True, lower: bool = True) -> None:
        #: head words of texts ("convention", "treaty"): a trigger in such a name still counts
        self.text_heads = lexicons.agents.not_actor_heads
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lemma_phrases = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.issues: dict[str, Issue] = {}
        # issue -> three layers (the trigger as written, its plural variants, its lemmas), each
        # mapping a form to the senses of the triggers with that form; the first layer that
        # knows a span's form decides, and an unconstrained trigger there frees the span:
        # "hacked" is a trigger of its own, not held to the constraint on "hack"
        self.senses: dict[str, tuple[dict[tuple[str, ...], tuple[Sense, ...]], ...]] = {}
        # gapped trigger key ("issue\ttrigger") -> its sense
        self.gap_senses: dict[str, tuple[Sense, ...]] = {}
        # for each gapped trigger, the forms each of its words may take: the token Matcher,
        # the costly part, runs only on a doc that has every word of some gapped trigger
        self.gap_words: list[list[frozenset[str]]] = []
        self._gap_hashes: list[list[frozenset[int]]] | None = None
        # issue -> lemma form -> part-of-speech classes of the trigger, for lemma matches
        self.lemma_pos: dict[str, dict[tuple[str, ...], tuple[str, ...]]] = {}
        plain = sorted({t for issue in lexicons.issues for t in issue.triggers if "*" not in t.split()})
        gapped_words = sorted(
            {
                w
                for i in lexicons.issues
                for t in i.triggers
                if "*" in t.split()
                for w in t.split()
                if w != "*"
            }
        )
        with nlp.select_pipes(
            enable=[p for p in ("tok2vec", "tagger", "attribute_ruler", "lemmatizer") if p in nlp.pipe_names]
        ):
            parsed = dict(zip(plain, nlp.pipe(plain), strict=True))
            word_lemmas = {
                w: [t.lemma_ for t in d] for w, d in zip(gapped_words, nlp.pipe(gapped_words), strict=True)
            }
        for issue in lexicons.issues:
            self.issues[issue.name] = issue
            by_trigger = {s.trigger: s for s in issue.senses}
            layers: tuple[dict[tuple[str, ...], list[Sense | None]], ...] = ({}, {}, {})
            lemma_pos: dict[tuple[str, ...], tuple[str, ...]] = {}
            lower_docs, lemma_docs = [], []
            for trigger in issue.triggers:
                sense = by_trigger.get(trigger)
                if "*" in trigger.split():
                    key = f"{issue.name}{_SEP}{trigger}"
                    patterns = []
                    if lower:
                        patterns.append(self._pattern(nlp, trigger))
                    if lemmas:
                        patterns.append(self._lemma_pattern(trigger, word_lemmas))
                    self.matcher.add(key, [p for p in patterns if p])
                    self.gap_words.append(
                        [
                            frozenset({*_variants(w), *(x.lower() for x in word_lemmas[w])})
                            for w in trigger.split()
                            if w != "*"
                        ]
                    )
                    if sense:
                        self.gap_senses[key] = (sense,)
                    continue
                words = [t.text for t in nlp.tokenizer(trigger)]
                forms = []
                for last in _variants(words[-1]):
                    lower_docs.append(Doc(nlp.vocab, words=[*words[:-1], last]))
                    forms.append(tuple(w.lower() for w in [*words[:-1], last]))
                doc = parsed[trigger]
                lemma_form = tuple(t.lemma_.lower() for t in doc)
                lemma_docs.append(doc)
                lemma_pos.setdefault(lemma_form, tuple(_pos_class(t) for t in doc))
                exact = tuple(w.lower() for w in words)
                for layer, layer_forms in zip(layers, ([exact], forms, [lemma_form]), strict=True):
                    for form in layer_forms:
                        layer.setdefault(form, []).append(sense)
            if lower and lower_docs:
                self.phrases.add(issue.name, lower_docs)
            if lemmas and lemma_docs:
                self.lemma_phrases.add(issue.name, lemma_docs)
            self.senses[issue.name] = tuple(
                {form: () if None in found else tuple(found) for form, found in layer.items()}
                for layer in layers
            )
            self.lemma_pos[issue.name] = lemma_pos

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

    @staticmethod
    def _lemma_pattern(trigger: str, word_lemmas: dict[str, list[str]]) -> list[dict]:
        pattern: list[dict] = []
        for chunk in trigger.split():
            if chunk == "*":
                pattern.append({"IS_PUNCT": False, "OP": "{0,3}"})
                continue
            for lemma in word_lemmas[chunk]:
                pattern.append({"LEMMA": {"IN": sorted({lemma, lemma.lower()})}})
        return pattern

    def _senses(self, issue: str, key: str, span: Span) -> tuple[Sense, ...]:
        if _SEP in key:
            return self.gap_senses.get(key, ())
        exact, variants, lemmas = self.senses[issue]
        surface = tuple(t.lower_ for t in span)
        for layer in (exact, variants):
            if surface in layer:
                return layer[surface]
        return lemmas.get(tuple(t.lemma_.lower() for t in span), ())

    def _keeps_pos(self, issue: str, span: Span) -> bool:
        """A match found only through lemmas keeps the trigger's parts of speech."""
        classes = self.lemma_pos[issue].get(tuple(t.lemma_.lower() for t in span))
        return classes is None or classes == tuple(_pos_class(t) for t in span)

    def _may_gap(self, doc: Doc) -> bool:
        """Only a paragraph holding some form of every word of a gapped trigger can match it;
        the test runs on the words' hashes, so it costs a fraction of the matcher it saves."""
        if self._gap_hashes is None:
            strings = doc.vocab.strings
            self._gap_hashes = [
                [frozenset(strings.add(w) for w in word) for word in words] for words in self.gap_words
            ]
        forms = set(doc.to_array([LOWER, LEMMA]).ravel().tolist())
        return any(all(not word.isdisjoint(forms) for word in words) for words in self._gap_hashes)

    def __call__(self, doc: Doc) -> list[IssueMention]:
        found: dict[tuple[str, int, int], tuple[str, bool]] = {}
        for match_id, start, end in self.phrases(doc):
            name = doc.vocab.strings[match_id]
            found[(name, start, end)] = (name, False)
        for match_id, start, end in self.lemma_phrases(doc):
            name = doc.vocab.strings[match_id]
            found.setdefault((name, start, end), (name, True))
        for match_id, start, end in self.matcher(doc) if self._may_gap(doc) else ():
            key = doc.vocab.strings[match_id]
            found.setdefault((key.split(_SEP, 1)[0], start, end), (key, False))
        spans = []
        contexts: dict[int, _Context] = {}
        texts = self.text_heads
        names = [
            (e.start + (doc[e.start].lower_ in {"the", "a", "an"}), e.end)
            for e in doc.ents
            if e.label_ in _NAME_LABELS
            # "the Vienna Convention on Diplomatic Relations", "the Treaty on Open Skies": a
            # text named after its subject speaks of it
            and not any(
                t.lower_ in texts and t.i + 1 < e.end and doc[t.i + 1].lower_ in {"on", "of"} for t in e
            )
        ]
        for (issue, start, end), (key, lemma_only) in found.items():
            if end - start == 1 and doc[start].tag_ in self.FINITE_VERB_TAGS:
                continue
            if any(a <= start and end <= b and b - a > end - start for a, b in names):
                continue  # a word inside a name: "Salt Typhoon", "Amnesty International"
            span = Span(doc, start, end, label=issue)
            if lemma_only and not self._keeps_pos(issue, span):
                continue
            senses = self._senses(issue, key, span)
            if senses:
                sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
                context = contexts.setdefault(sent.start, _Context(sent))
                if not any(sense_holds(span, sense, context) for sense in senses):
                    continue
            spans.append(span)
        # longest match wins where triggers overlap ("nuclear arms control" over "nuclear arms")
        spans.sort(key=lambda s: (s.start, s.end, s.label_))
        return [IssueMention(self.issues[s.label_], s) for s in filter_spans(spans)]
