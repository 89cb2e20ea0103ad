"""Names the NER misses but the article introduces: "a criminal group called DarkSide".

A proper name right after "called", "named", "dubbed" or "known as", following a word for an
organisation, is an organisation; every later use of the same name in the article ("DarkSide
hackers") is too. The spans are added to each doc's entities, so everything downstream sees
them as the NER's own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

_INTRODUCERS = {"called", "named", "dubbed"}
_ORG_WORDS = {
    "group",
    "gang",
    "organisation",
    "organization",
    "company",
    "firm",
    "network",
    "movement",
    "outfit",
    "party",
    "militia",
    "collective",
}


def _introduced_names(doc: Doc) -> set[str]:
    names = set()
    for token in doc:
        if token.lower_ == "as" and token.i > 0 and doc[token.i - 1].lower_ == "known":
            introducer = doc[token.i - 1]
        elif token.lower_ in _INTRODUCERS:
            introducer = token
        else:
            continue
        noun = introducer.head if introducer.dep_ in {"acl", "relcl"} else doc[max(introducer.i - 1, 0)]
        if noun.lemma_.lower() not in _ORG_WORDS:
            continue
        words = []
        for nxt in doc[token.i + 1 :]:
            if nxt.text[:1].isupper() and nxt.is_alpha:
                words.append(nxt.text)
            else:
                break
        if words:
            names.add(" ".join(words))
    return names


def add_called_names(docs: list[Doc]) -> None:
    names = set().union(*(_introduced_names(d) for d in docs)) if docs else set()
    if not names:
        return
    for doc in docs:
        extra = []
        for name in names:
            size = len(name.split())
            for start in range(len(doc) - size + 1):
                if doc[start : start + size].text == name:
                    extra.append(Span(doc, start, start + size, label="ORG"))
        if extra:
            kept = [e for e in doc.ents if not any(e.start < x.end and x.start < e.end for x in extra)]
            doc.ents = filter_spans([*kept, *extra])
