"""Which clause a word belongs to, and whether an actor's clause governs an issue's.

Same-sentence co-occurrence ties too much in long news sentences: in "he would expel the
diplomats and impose sanctions after accusing the government of meddling", the diplomats have
nothing to do with sanctions or meddling. An actor is tied to an issue only when the issue
sits in the actor's own clause or in a clause embedded under it (reported speech, complements,
adverbial clauses). Coordinated verbs share their subject, so a subject also reaches the verbs
conjoined with its own; an object does not.
"""

from __future__ import annotations

from spacy.tokens import Token

_CLAUSE_POS = {"VERB", "AUX"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj", "agent"}


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the sentence root if none)."""
    node = token
    while node.pos_ not in _CLAUSE_POS and node.dep_ != "ROOT" and node.head.i != node.i:
        node = node.head
    return node


def is_subject(token: Token) -> bool:
    """Subjects, their possessors ("their discussions") and passive agents."""
    node = token
    while node.dep_ in {"conj", "appos", "compound", "poss"} and node.head.i != node.i:
        if node.dep_ == "poss" and node.head.dep_ in _SUBJECT_DEPS:
            return True
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        return True
    return node.dep_ in _SUBJECT_DEPS


def _dominates(upper: Token, lower: Token, through_conj: bool) -> bool:
    node = lower
    while True:
        if node.i == upper.i:
            return True
        if node.head.i == node.i:
            return False
        if node.dep_ == "conj" and not through_conj:
            return False
        node = clause_head(node.head)


def governs(actor: Token, issue: Token) -> bool:
    """The issue's clause is the actor's, is embedded under it, or (for the subject of a
    subordinate clause, "before Tehran returns") embeds the actor's clause."""
    home, target = clause_head(actor), clause_head(issue)
    subject = is_subject(actor)
    if _dominates(home, target, through_conj=subject):
        return True
    return subject and _dominates(target, home, through_conj=False)
