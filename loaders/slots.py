"""Where a word stands in its clause: the slots in which actors are found.

Shared by the actor finders (`mentions`, `agents`): a name or an agent phrase in a slot where
someone acts or is acted upon is an actor; the same words after a locative preposition
("flew to Ulumbe", "sent the bill to parliament") name a place or a destination.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

#: Where an actor stands: subject, object, possessor, or the object of a preposition that names a
#: party ("against", "with", "by") rather than a place ("in", "to", "near").
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "poss"})
PARTY_PREPS = frozenset({"against", "with", "by", "on", "from", "between"})


def acts(token: Token) -> bool:
    """The token (or the head of its coordination) is an argument of a verb or event."""
    node = token
    while node.dep_ in {"conj", "appos"} and node.head.i != node.i:
        if node.dep_ == "appos" and node.head.ent_type_ in {"GPE", "LOC", "FAC"}:
            return False  # "Velk, Zamrovia": a place named more fully
        node = node.head
    if node.dep_ in ARGUMENT_DEPS:
        return node.dep_ != "poss" or node.head.pos_ in {"NOUN", "PROPN"}
    if node.dep_ == "pobj" and node.head.dep_ in {"prep", "agent"}:
        return node.head.lower_ in PARTY_PREPS and node.head.head.pos_ in {"VERB", "NOUN", "AUX"}
    return False


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Every word the model's lemmatizer knows: a capitalised word outside it is a name."""
    from actorgraph.loaders.nlp import load_pipeline

    words: set[str] = set()
    try:
        lookups = load_pipeline().get_pipe("lemmatizer").lookups
    except (KeyError, ValueError):
        return frozenset()
    for table in ("lemma_index", "lemma_exc"):
        if lookups.has_table(table):
            for entries in lookups.get_table(table).values():
                words.update(entries if isinstance(entries, list) else entries.keys())
    return frozenset(w.lower() for w in words)


def known_word(word: str) -> bool:
    words = _english_words()
    return word in words or word.rstrip("s") in words or word.removesuffix("es") in words


def relative_pronouns(token: Token) -> set[str]:
    """The relative pronouns of the relative clauses on a word ("Osterhaus, who …": {"who"};
    "Qarim, which …": {"which"}): only people are "who", and no person is a "which"."""
    return {
        w.lower_ for c in token.children if c.dep_ == "relcl" for w in c.children if w.lower_ in _RELATIVES
    }


def phrase_end(token: Token) -> int:
    """Where the phrase a head noun names ends: after "of war" in "prisoners of war"."""
    end = token.i + 1
    return end + 2 if token.doc[end : end + 2].text.lower() == "of war" else end


_RELATIVES = frozenset({"who", "whom", "which"})
