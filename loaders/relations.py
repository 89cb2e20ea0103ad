"""Typed relations from one parsed sentence, driven by the verb classes in `verbs.toml`.

A *predicate* is a verb of a class, a light-verb pair ("held talks"), or a nominalisation
("the jailing of X"). Each predicate finds its doers and targets through the dependency
parse: subjects (inherited through xcomp/conj/advcl when the clause has none), passive agents,
relative clauses, and the "criticised X for jailing Y" pattern in which X, not the critic, is
the doer of the gerund. Issues attach to the nearest predicate above them that has a doer;
reported speech adds RAISED/DENIED edges for the speaker. What the parse cannot support is
left as a plain same-sentence association rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.graph.model import EdgeType, NodeLabel, edge_family, node_id
from actorgraph.loaders.issues import IssueMention
from actorgraph.loaders.lexicons import Lexicons, RelationClass
from actorgraph.loaders.mentions import ArticleActors, SentenceActors, author_participle
from spacy.tokens import Span, Token

_SUBJ = {"nsubj", "csubj"}
_INHERIT = {"xcomp", "conj", "advcl", "pcomp", "acomp"}
_HOSTILE_ACTS = {EdgeType.ATTACKED, EdgeType.IMPRISONED, EdgeType.INVOLVED_IN}
#: What a stance becomes when the owner works against the issue ("called for an end to the war").
_OPPOSED = {
    EdgeType.SUPPORTED: EdgeType.REJECTED,
    EdgeType.AGREED_ON: EdgeType.CRITICIZED,
    EdgeType.IMPOSED: EdgeType.CRITICIZED,
    EdgeType.RAISED: EdgeType.CRITICIZED,
}
#: Issue edges that say a measure was enacted: not said of a wish or a plan.
_ENACTED = frozenset({EdgeType.IMPOSED, EdgeType.AGREED_ON})
#: what a speaker does to another with words: "… and accused X", "… and urged X"
_SPEECH_ACTS = frozenset(
    {
        EdgeType.ACCUSED,
        EdgeType.CRITICIZED,
        EdgeType.DEMANDED,
        EdgeType.WARNED,
        EdgeType.THREATENED,
        EdgeType.PRAISED,
        EdgeType.REJECTED,
    }
)
#: "gave the envoy 72 hours": a deadline, an expulsion only when it is to leave the country
_DEADLINE_NOUNS = frozenset({"hour", "day", "week", "month"})
#: verb classes that ask for something: a wrong they name is what they ask to be remedied
_DEMANDS = frozenset({"demand", "appeal"})
#: "ordered X to leave", "gave X 72 hours to leave the country": an expulsion.
_LEAVE_GOVERNORS = frozenset({"order", "give", "tell", "instruct", "direct", "ask"})
_LEAVE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
_TERRITORY = frozenset({"country", "territory", "kingdom", "republic", "state"})
#: "banned X from entering": a ban on entry is an expulsion, not a sanction.
_ENTRY_VERBS = frozenset({"enter", "visit", "travel", "return", "land", "set", "cross"})
#: People who belong to an organisation's books: "patients from X" are X's.
_CLIENTELE = frozenset(
    {"patient", "customer", "client", "user", "employee", "subscriber", "member", "passenger"}
)
#: Nouns whose "from" phrase names who made them ("an offer from X", "a request from X").
_PROPOSALS = frozenset(
    {
        "offer",
        "request",
        "demand",
        "proposal",
        "invitation",
        "bid",
        "appeal",
        "plea",
        "call",
        "ultimatum",
        "overture",
        "approach",
        "suggestion",
        "plan",
        "motion",
        "application",
        "petition",
    }
)
#: Verbs whose subject is the author of the text they take ("adopted a resolution that …").
_AUTHORING_VERBS = frozenset(
    {
        "adopt",
        "pass",
        "issue",
        "publish",
        "release",
        "sign",
        "table",
        "draft",
        "write",
        "approve",
        "send",
        "post",
        "deliver",
        "give",
        "make",
        "present",
        "circulate",
        "file",
        "submit",
        "chant",
        "broadcast",
    }
)


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    """The objects of the token's prepositions among `preps` ("expelled from Norhaval")."""
    return [
        p
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


#: Edges that judge an act, whose target is the act's doer when the act alone is named
#: ("condemned the veto", "welcomed the release").
_JUDGING = frozenset({EdgeType.CRITICIZED, EdgeType.PRAISED})
#: prepositions that set an act in a meeting that took place ("after talks with X")
_SETTING_PREPS = frozenset({"in", "during", "after", "following", "at", "amid"})
#: Modifiers of an act's noun that make it done together (not "trilateral": a pact is signed).
_JOINT_MODIFIERS = frozenset({"joint", "combined", "coordinated"})
#: Subjects of a reported clause that are the speaker themselves ("X said it had …").
_SELF_PRONOUNS = frozenset({"it", "they", "we", "i"})
#: Event nouns whose "from" phrase is the doer ("a rebuke from X"), not an origin.
_SAID_EDGES = frozenset(
    {
        EdgeType.CRITICIZED,
        EdgeType.PRAISED,
        EdgeType.WARNED,
        EdgeType.THREATENED,
        EdgeType.DEMANDED,
        EdgeType.ACCUSED,
        EdgeType.SUPPORTED,
        EdgeType.AIDED,
        EdgeType.REJECTED,
    }
)
#: "X drew criticism from Y": verbs whose subject is the target of the event noun they take.
_UNDERGO_VERBS = frozenset(
    {"draw", "receive", "face", "earn", "attract", "get", "suffer", "incur", "win", "meet", "court"}
)
#: Edges of support, aid or appeal that an adverbial noun phrase can carry ("with the backing of X").
_BACKING = frozenset({EdgeType.SUPPORTED, EdgeType.AIDED, EdgeType.DEMANDED})
#: Edges no agent turns against its own state ("the Australian vessel blamed Australia" is a misparse).
_AGAINST = frozenset(
    {EdgeType.ACCUSED, EdgeType.CRITICIZED, EdgeType.ATTACKED, EdgeType.SANCTIONED, EdgeType.THREATENED}
)
#: Harms that, when one actor says another did them, make the speaker an accuser.
_REPORTED_HARMS = frozenset({EdgeType.ATTACKED, EdgeType.IMPRISONED, EdgeType.EXPELLED, EdgeType.THREATENED})
_NEGATION_SCOPE = {"xcomp", "pcomp", "acomp", "prep", "pobj", "acl", "dobj"}
_CLAUSE_BOUNDARY = {"advcl", "ccomp", "relcl", "parataxis", "csubj"}
_LABEL_VERBS = {"call", "describe", "label", "brand", "dub", "term"}
#: verbs that may give a label with "as" besides their own sense ("dismissed the trial as a show")
_LABELS_GIVEN_BY = frozenset(
    _LABEL_VERBS | {"dismiss", "portray", "depict", "paint", "characterise", "characterize"}
)
# Labelling verbs carry no edge of their own (the label they give decides it, see `_labels`);
# they still need a relation class to find their subjects like any other predicate.
_LABELLING = RelationClass(
    name="label",
    cameo="",
    actor_edge=None,
    issue_edge=None,
    lemmas=frozenset(_LABEL_VERBS),
    nouns=frozenset(),
    light=frozenset(),
    preps=frozenset(),
)


def _entity_text(token: Token) -> str:
    """The whole name a token is the head of ("Aires" in "Buenos Aires"), for lexicon lookups."""
    if not token.ent_type_:
        return token.text
    doc = token.doc
    start = token.i
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _is_prep(token: Token) -> bool:
    """A preposition heading a phrase: "on X", and "to X" that the parser calls a dative."""
    return token.dep_ == "prep" or (token.dep_ == "dative" and token.pos_ == "ADP")


def _forms(token: Token) -> set[str]:
    """A word's lemma and its plain inflection stems: spaCy's small model lemmatises some
    verbs wrongly ("hopes" -> "hop", "fined" -> "fin"), so word lists match on all of them."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            forms.add(lower[: -len(suffix)] + repl)
    return forms


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    type: EdgeType


@dataclass
class Predicate:
    token: Token
    rel: RelationClass
    nominal: bool = False
    light_noun: Token | None = None
    via_prep: str | None = None  # a prep verb's preposition ("fired at"): only its object is the target


class SentenceRelations:
    """Relations of one sentence; build once per sentence, then read `relations`."""

    def __init__(
        self,
        sent: Span,
        found: SentenceActors,
        issues: list[IssueMention],
        lex: Lexicons,
        actors: ArticleActors,
    ) -> None:
        self.sent = sent
        self.found = found
        self.issue_mentions = issues
        self.lex = lex
        self.actors = actors
        self.relations: list[Relation] = []
        self._subject_cache: dict[int, list[str]] = {}
        self.predicates = self._find_predicates()
        self._by_token: dict[int, Predicate] = {}
        for pred in self.predicates:
            self._by_token.setdefault(pred.token.i, pred)
        self._extract()

    # ----- predicates -----------------------------------------------------------------------

    def _find_predicates(self) -> list[Predicate]:
        """Every predicate of the sentence, in word order.

        A verb may carry more than one: "spoke with X about Y" is a meeting (the lemma's class)
        and a discussion (the prepositional verb "speak about"). The first one found for a
        token is its main predicate, the one other predicates consult for subjects.
        """
        predicates = []
        for token in self.sent:
            if token.pos_ in {"VERB", "AUX"}:
                light = self._light(token)
                classes = self.lex.verb_classes.get(token.lemma_.lower())
                main = light or (Predicate(token, classes[0]) if classes else None)
                found = [main] if main is not None else []
                for extra in self._prep_verbs(token):
                    # "lashed out at X" is criticism, whatever "lash at" alone would be; "received
                    # arms from X" is aid, more precise than "received" alone; "recalled its envoy
                    # from X" is one recall, not two
                    if extra.rel.actor_edge is None or main is None:
                        found.append(extra)
                    elif (
                        light is None
                        and main.rel.actor_edge is not extra.rel.actor_edge
                        and self._prep_target(token, extra.via_prep)
                    ):
                        found = [extra if p is main else p for p in found]
                        main = extra
                seen: set[str] = set()
                for pred in found:
                    if pred.rel.name not in seen:
                        seen.add(pred.rel.name)
                        predicates.append(pred)
            elif token.pos_ in {"NOUN", "PROPN"}:
                classes = self.lex.noun_classes.get(token.lower_) or self.lex.noun_classes.get(
                    token.lemma_.lower()
                )
                if classes and not self._is_light_object(token) and not self.found.keys_of(token):
                    # not "Blue Harbour Rescue", "the Alliance for Renewal": a word of a name
                    predicates.append(Predicate(token, classes[0], nominal=True))
        return predicates

    #: Dependents that complete a light verb: a noun ("held talks", "talks were held") whose
    #: prepositions name the target, or a particle or predicate word ("cracked down on",
    #: "bailed out X", "set X free") after which the verb's own object is the target.
    _LIGHT_NOUNS = ("dobj", "nsubjpass")
    _LIGHT_PARTICLES = ("prt", "advmod", "oprd", "acomp", "prep")

    def _light(self, verb: Token) -> Predicate | None:
        lemma = verb.lemma_.lower()
        for deps in (self._LIGHT_NOUNS, self._LIGHT_PARTICLES):
            for child in verb.children:
                if child.dep_ in deps and (
                    rel := self._light_class(lemma, child.lower_, child.lemma_.lower())
                ):
                    return Predicate(verb, rel, light_noun=child)
        # "sent 40 tonnes of medical supplies": the pair's noun is what the amount measures
        for obj in verb.children:
            if obj.dep_ == "dobj" and any(c.like_num or c.dep_ == "nummod" for c in obj.children):
                for p in _prep_objects(obj, {"of"}):
                    if rel := self._light_class(lemma, p.lemma_.lower(), p.lower_):
                        return Predicate(verb, rel, light_noun=obj)
        # "sent two diplomats packing": the pair's participle hangs on the object
        for obj in verb.children:
            if obj.dep_ == "dobj":
                for child in obj.children:
                    if (
                        child.dep_ == "acl"
                        and child.tag_ == "VBG"
                        and (rel := self._light_class(lemma, child.lower_))
                    ):
                        return Predicate(verb, rel, light_noun=child)
        # "took X into custody", "put X on notice", "X was stripped of her accreditation": the
        # pair's noun sits in a prepositional phrase
        has_object = any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children)
        for child in verb.children:
            # "acted as a go-between for X and Y", "voted in favour of X": a role taken with
            # "as" or a stance taken "in" needs no object
            if child.dep_ == "prep" and (has_object or child.lower_ in {"as", "in"}):
                for pobj in (p for p in child.children if p.dep_ == "pobj"):
                    doc = pobj.doc
                    hyphened = (  # "go-between", which the tokenizer cuts in three
                        doc[pobj.i - 2 : pobj.i + 1].text.lower()
                        if pobj.i >= 2 and doc[pobj.i - 1].text == "-" and not doc[pobj.i - 1].whitespace_
                        else ""
                    )
                    if rel := self._light_class(lemma, pobj.lemma_.lower(), hyphened):
                        return Predicate(verb, rel, light_noun=child)
        return None

    def _light_class(self, lemma: str, *nouns: str) -> RelationClass | None:
        """The class of the first light pair "lemma:noun" the lexicon lists, trying the nouns in turn."""
        for noun in nouns:
            rel = self.lex.light_classes.get((lemma, noun))
            if rel:
                return rel
        return None

    def _prep_target(self, verb: Token, prep: str | None) -> bool:
        """The preposition introduces an actor ("received arms from Zamrovia", not "for a week")."""
        return any(
            self.found.keys_of(p) or self.target_keys(p)
            for child in verb.children
            if child.lower_ == prep and child.dep_ in {"prep", "dative", "agent"}
            for p in child.children
            if p.dep_ == "pobj"
        )

    def _prep_verbs(self, verb: Token) -> list[Predicate]:
        """ "fired at", "protested to", "sided with": the preposition decides the class."""
        if not self.lex.prep_verb_classes:
            return []
        lemma = verb.lemma_.lower()
        out = []
        for child in verb.children:
            if child.dep_ in {"prep", "dative", "agent"}:
                rel = self.lex.prep_verb_classes.get((lemma, child.lower_))
                if rel:
                    out.append(Predicate(verb, rel, via_prep=child.lower_))
            elif child.dep_ == "prt":
                rel = self.lex.prep_verb_classes.get((lemma, child.lower_))
                if rel:  # "called on X to …" parsed as a particle verb: X is its object
                    out.append(Predicate(verb, rel, light_noun=child))
        return out

    def _is_light_object(self, noun: Token) -> bool:
        head = noun.head
        return noun.dep_ == "dobj" and any(
            (head.lemma_.lower(), form) in self.lex.light_classes
            for form in (noun.lower_, noun.lemma_.lower())
        )

    # ----- arguments ------------------------------------------------------------------------

    def keys(self, token: Token) -> list[str]:
        """Actors of a phrase head and of its coordinated heads ("Russia and the U.S.")."""
        result = []
        for t in self._conjuncts(token):
            result += self.found.keys_of(t)
        return list(dict.fromkeys(result))

    def _conjuncts(self, token: Token) -> list[Token]:
        out = [token]
        for child in token.children:
            if child.dep_ == "conj" and not any(c.dep_ == "neg" for c in child.children):
                out += self._conjuncts(child)
        if token.dep_ == "pobj" and token.head.i != token.i:
            # "talks with Ruzhen and with Eckart": the repeated preposition's objects too
            prep = token.head
            for again in prep.children:
                if again.dep_ == "conj" and again.lower_ == prep.lower_:
                    out += [t for p in again.children if p.dep_ == "pobj" for t in self._conjuncts(p)]
        return out

    @staticmethod
    def negated(token: Token) -> bool:
        """Negated here or in the clause it hangs from ("was not accountable for meddling",
        "did not sign the statement condemning X"), by "neither … nor", or by a "no" subject
        ("No official met him")."""
        if token.dep_ == "conj" and any(c.lower_ == "neither" for c in token.head.children):
            return True  # "neither praised nor criticised"
        while True:
            for c in token.children:
                if c.dep_ == "neg" or c.lower_ in {"never", "not", "n't", "neither", "nor"}:
                    return True
                if c.dep_ in {"nsubj", "nsubjpass"} and any(
                    d.dep_ == "det" and d.lower_ in {"no", "neither"} for d in c.children
                ):
                    return True
            if token.dep_ not in _NEGATION_SCOPE or token.head.i == token.i:
                return False
            token = token.head

    @staticmethod
    def passive(token: Token) -> bool:
        return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children) or (
            token.dep_ == "acl" and token.tag_ == "VBN"
        )

    def _agents(self, token: Token) -> list[str]:
        out: list[str] = []
        for child in token.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        # "killed by Hezbollah fire", "hit by Russian missiles": whose fire
                        out += self.keys(pobj) or [
                            k for k in self.target_keys(pobj, seats=False) if self._is_actor(k)
                        ]
        return out

    def _agents_of_means(self, token: Token) -> list[str]:
        """ "was threatened with a port ban by Pellagos", "was fined 1.8 billion euros by the
        Commission": the parser hangs the agent on the means or on the amount."""
        amounts = [c for c in token.children if c.dep_ == "dobj" and any(n.like_num for n in c.children)]
        # "declared persona non grata by X", the "by" hung on "persona" or on "grata"
        amounts += [t for c in token.children if c.dep_ == "oprd" for t in c.subtree if t.pos_ == "NOUN"]
        means = [  # "threatened with a ban by X", "stripped of her accreditation by X"
            m
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ != "by"
            for m in prep.children
            if m.dep_ == "pobj"
        ]
        return [
            k
            for means in [*means, *amounts]
            for by in means.children
            if by.dep_ == "prep" and by.lower_ == "by"
            for p in by.children
            if p.dep_ == "pobj"
            for k in self.keys(p)
            if self._is_actor(k)
        ]

    def subjects(self, pred: Predicate) -> list[str]:
        token = pred.token
        if token.i in self._subject_cache:
            return self._subject_cache[token.i]
        self._subject_cache[token.i] = []  # guard against cycles
        result = self._compute_subjects(pred) or self._root_name_subject(pred)
        self._subject_cache[token.i] = result
        return result

    def _root_name_subject(self, pred: Predicate) -> list[str]:
        """ "The UNHCR, which has recorded dozens of incidents since the spring, called on
        Greece …": a long subject clause can make the small model take the name for the root and
        hang the verb on a noun; no verb with a subject of its own stands between them."""
        token, root = pred.token, pred.token.sent.root
        if pred.nominal or token.pos_ != "VERB" or root.pos_ != "PROPN" or token.dep_ not in {"acl", "conj"}:
            return []
        for ancestor in token.ancestors:
            if ancestor.pos_ in {"VERB", "AUX"} and not (
                ancestor.dep_ == "relcl" and ancestor.head.i == root.i
            ):
                return []  # only the name's own relative clause may stand between
        # "Ilka Brennan, the prime minister, called on …": a finite past verb is no reduced
        # relative, so the name with its apposition is the subject
        finite_after_apposition = (
            token.dep_ == "acl"
            and token.tag_ == "VBD"
            and token.head.i == root.i
            and any(c.dep_ == "appos" for c in root.children)
        )
        if not finite_after_apposition and not any(c.dep_ == "relcl" for c in root.children):
            return []
        return [k for k in self.keys(root) if self._is_actor(k)]

    def _compute_subjects(self, pred: Predicate) -> list[str]:
        token = pred.token
        if pred.nominal:
            out: list[str] = []
            for child in token.children:
                if child.dep_ in {"poss", "compound", "amod"}:
                    found = self.keys(child)
                    if not found and child.dep_ == "amod":
                        country = self.lex.country_of(child.text)  # "Congolese support for X"
                        if country:
                            found = [self.actors.add(NodeLabel.COUNTRY, country, child.text)]
                    out += found
                if child.dep_ == "prep" and child.lower_ == "by":
                    out += [k for p in child.children if p.dep_ == "pobj" for k in self.keys(p)]
                if child.dep_ == "prep" and child.lower_ == "from" and pred.rel.actor_edge in _SAID_EDGES:
                    # "a sharp rebuke from Kyiv", "aid from Brussels"
                    out += [k for p in child.children if p.dep_ == "pobj" for k in self.target_keys(p)]
            if pred.rel.speech and not out and token.head.pos_ in {"VERB", "AUX"}:
                out = self._clause_subject(token.head)
            if not out and pred.rel.actor_edge is not None:
                out = self._governing_subject(token)
            return out
        if self.passive(token):
            agents = self._agents(token) or self._agents_of_means(token)
            if agents:
                return agents
            if pred.rel.actor_edge is None and pred.rel.issue_edge is EdgeType.INVOLVED_IN:
                return [k for c in token.children if c.dep_ == "nsubjpass" for k in self.keys(c)]
            return self._implicit_agent(pred)
        if token.dep_ == "relcl" and any(c.dep_ in _SUBJ and c.tag_ in {"WP", "WDT"} for c in token.children):
            return self._person_of_place(token) or self.keys(token.head) or self._author(token.head)
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in {"NOUN", "PROPN"}:
            # "chanted slogans denouncing X", "a report accusing X": the slogan's chanter
            return self.keys(token.head) or self._author(token.head)
        return self._clause_subject(token, pred)

    #: Nouns of number whose "of" phrase is the real subject ("Thousands of students rallied").
    _COUNT_NOUNS = frozenset(
        {"thousand", "hundred", "dozen", "score", "million", "ten", "crowd", "crowds", "number"}
    )

    #: People who speak or act for a body named after "for" or "of" ("a spokesman for X").
    _VOICES = frozenset(
        {
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "representative",
            "official",
            "officials",
            "lawyer",
            "lawyers",
        }
    )

    def _spoken_for(self, noun: Token) -> list[str]:
        """ "A spokeswoman for Amnesty International accused …": the body she speaks for."""
        if noun.lower_ not in self._VOICES:
            return []
        return [
            k
            for p in _prep_objects(noun, {"for", "of", "at"})
            for k in self.keys(p)
            if self.actors.actors[k].label in {NodeLabel.ORGANIZATION, NodeLabel.COUNTRY}
        ]

    def _counted(self, noun: Token) -> list[str]:
        if noun.lemma_.lower() not in self._COUNT_NOUNS and noun.lower_ not in self._COUNT_NOUNS:
            return []
        return [k for p in _prep_objects(noun, {"of"}) for k in self.keys(p) if self._is_actor(k)]

    def _person_of_place(self, relcl: Token) -> list[str]:
        """ "President Aurelio Mensah of neighbouring Koru, who met Okonde": "who" is the person
        the place qualifies, not the place the parse hangs the clause from."""
        pronoun = next((c for c in relcl.children if c.dep_ in _SUBJ and c.tag_ == "WP"), None)
        place = prep = relcl.head
        while prep.dep_ in {"pobj", "dobj", "pcomp"} and prep.head.i != prep.i:
            prep = prep.head  # "of neighbouring Koru" is parsed either way
        if pronoun is None or pronoun.lower_ != "who" or prep is place or prep.lower_ not in {"of", "from"}:
            return []
        titled = any(c.dep_ == "compound" and c.lower_ in self.lex.titles for c in prep.head.children)
        if not titled and any(self.actors.actors[k].label is NodeLabel.PERSON for k in self.keys(place)):
            return []  # "the daughter of Ilse Korva, who …": either may be meant; keep the parse
        return [k for k in self.keys(prep.head) if self.actors.actors[k].label is NodeLabel.PERSON]

    #: Prepositions under which an event noun is the clause subject's own event ("after talks with").
    _EVENT_PREPS = frozenset(
        {
            "after",
            "during",
            "following",
            "in",
            "at",
            "amid",
            "since",
            "before",
            "for",
            "under",
            "ahead",
            "with",
        }
    )

    def _governing_subject(self, noun: Token) -> list[str]:
        """ "Washington presented evidence against Tehran", "X left after talks with Y": an event
        noun that is the object of a verb with no class of its own is the verb subject's event.
        A verb that has a class ("condemned the sanctions on Y") makes the noun its topic instead."""
        head, dep = noun.head, noun.dep_
        if dep == "pobj" and head.dep_ == "prep" and head.lower_ in self._EVENT_PREPS:
            head, dep = head.head, "prep"
        if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
            governing = self._by_token.get(head.head.i)
            nominal = self._by_token.get(noun.i)
            if (
                governing is not None
                and nominal is not None
                and governing.rel.actor_edge is nominal.rel.actor_edge
            ):
                return self.subjects(governing)  # "signed up to a deal with X": the signer's deal
            return []
        if dep not in {"dobj", "prep"} or head.pos_ not in {"VERB", "AUX"} or head.i == noun.i:
            return []
        if dep == "dobj" and (head.i in self._by_token or self.lex.verb_classes.get(head.lemma_.lower())):
            governing = self._by_token.get(head.i)
            nominal = self._by_token.get(noun.i)
            if (
                governing is not None
                and nominal is not None
                and governing.rel.actor_edge is nominal.rel.actor_edge
            ):
                return self.subjects(governing)
            return []
        return self._clause_subject(head)

    def _clause_subject(self, token: Token, pred: Predicate | None = None) -> list[str]:
        subject_deps = _SUBJ if token.i in self._by_token else _SUBJ | {"nsubjpass"}
        for child in token.children:
            if child.dep_ in subject_deps and child.lower_ in _SELF_PRONOUNS:
                speakers = self._reporters(token)
                if speakers:
                    return speakers  # "Moscow said it had expelled a diplomat": Moscow did
            if child.dep_ in subject_deps:
                keys = (
                    self.keys(child)
                    or [
                        # "The main opposition party, the Alliance for Renewal, accused …"; "The UN
                        # refugee agency, UNHCR, praised …", which the parser may hang as npadvmod
                        k
                        for c in child.children
                        if c.dep_ == "appos" or c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                        for k in self.keys(c)
                    ]
                    or self._counted(child)
                    or self._spoken_for(child)
                )
                nominal = self._by_token.get(child.i)
                if not keys and nominal is not None and nominal.nominal:
                    return self.subjects(nominal)  # "their discussions were expected to focus on"
                return keys
        if token.dep_ == "acl" and token.head.pos_ in {"NOUN", "PROPN"} and self._infinitive(token):
            # "Tessalia's decision to expel the envoy": the possessor decides and expels
            noun = token.head
            nominal = self._by_token.get(noun.i)
            if nominal is not None and nominal.nominal:
                return self.subjects(nominal)
            return [k for c in noun.children if c.dep_ == "poss" for k in self.keys(c)]
        if token.dep_ not in _INHERIT:
            return []
        head = token.head
        via = None
        while head.dep_ == "prep" and head.head.i != head.i:
            via = head.lower_
            head = head.head
        if token.head.dep_ == "prep":
            via = token.head.lower_
        head_pred = self._by_token.get(head.i)
        if head_pred and token.tag_ == "VBG" and via == "for" and self.passive(head):
            # "imprisoned for criticising the Kremlin": the prisoner did the criticising
            return self.objects(head_pred)
        if head_pred and token.tag_ == "VBG" and via == "for" and head_pred.rel.actor_edge is not None:
            # "thanked Germany for delivering air defences": Germany delivered them
            objects = self.objects(head_pred)
            if objects:
                return objects
        if head_pred and head_pred.rel.blame and not head_pred.nominal and token.tag_ == "VBG":
            hostile = pred is not None and (
                pred.rel.actor_edge in _HOSTILE_ACTS or pred.rel.issue_edge in _HOSTILE_ACTS
            )
            if token.dep_ != "conj" or hostile:
                # "criticised Iran for jailing the reporter": Iran is the jailer
                return self.objects(head_pred)
        if head_pred and token.dep_ == "conj" and head_pred.rel.blame and head.tag_ == "VBG":
            if pred is not None and (
                pred.rel.actor_edge in _HOSTILE_ACTS or pred.rel.issue_edge in _HOSTILE_ACTS
            ):
                # "accusing Russia of meddling and hacking agencies": the parse often hangs the
                # second charge on "accusing"; the accuser is not the hacker
                return self.objects(head_pred)
        reporter = self._reporter_above(token, head)
        if reporter is not None:
            return self.subjects(reporter)
        if head_pred:
            return self.subjects(head_pred)
        return self._clause_subject(head)

    def _reporter_above(self, token: Token, head: Token) -> Predicate | None:
        """ "Morrow said the warship had cut across the bow, and accused the navy of …": the
        parser hangs the second verb on the reported clause's; a finite verb in the reporting
        tense that the reported verb does not share belongs to the speaker."""
        if token.dep_ != "conj" or token.tag_ != "VBD" or head.pos_ not in {"VERB", "AUX"}:
            return None
        own = self._by_token.get(token.i)
        if own is None or not (own.rel.speech or own.rel.blame or own.rel.actor_edge in _SPEECH_ACTS):
            return None
        perfect = any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in head.children)
        if not perfect and head.tag_ == "VBD":
            return None
        if any(self.actors.actors[k].label is NodeLabel.PERSON for k in self._clause_subject(head)):
            return None  # "said its minister had spoken to X and urged him": the minister may urge
        node, reported = head, False
        while node.dep_ != "ROOT" and node.head.i != node.i:
            reported = reported or node.dep_ in {"ccomp", "advcl"}
            node = node.head
            pred = self._by_token.get(node.i)
            speaks = pred is not None and (pred.rel.speech or pred.rel.issue_edge is EdgeType.DENIED)
            if reported and speaks and node.tag_ == "VBD":
                return pred if self.subjects(pred) else None
        return None

    #: Nouns for texts and acts that speak for their author: "a resolution that condemned X".
    _AUTHORED = frozenset(
        {
            "resolution",
            "statement",
            "report",
            "letter",
            "communique",
            "declaration",
            "motion",
            "bill",
            "decree",
            "ruling",
            "verdict",
            "slogan",
            "post",
            "message",
            "speech",
            "note",
            "law",
            "order",
        }
    )

    def _author(self, noun: Token) -> list[str]:
        """Who issued a text that is the grammatical doer ("X adopted a resolution that ...")."""
        if noun.lemma_.lower() not in self._AUTHORED:
            return []
        owners = [k for c in noun.children if c.dep_ == "poss" for k in self.keys(c)]
        if owners:
            return owners
        if noun.dep_ in {"dobj", "nsubjpass"} and noun.head.pos_ in {"VERB", "AUX"}:
            if not _forms(noun.head) & _AUTHORING_VERBS:
                return []  # "vetoed a resolution calling for …": the vetoer did not write it
            if noun.dep_ != "dobj":
                return self._agents(noun.head)
            verb = noun.head
            if verb.dep_ == "relcl" and any(
                c.dep_ in _SUBJ and c.tag_ in {"WP", "WDT"} for c in verb.children
            ):
                return self.keys(verb.head)  # "Amnesty, which published a report accusing X"
            return self._clause_subject(verb)
        return []

    @staticmethod
    def _infinitive(token: Token) -> bool:
        return token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)

    def _states_at(self, token: Token) -> list[str]:
        """States or bodies a token names, a capital or an unknown place read as its government
        ("expelled from Norhaval", "its ambassadors to Tessalia")."""
        return [
            k
            for k in self.keys(token) + self._seat_of_government(token, self.found.keys_of(token))
            if self.actors.actors[k].label in {NodeLabel.COUNTRY, NodeLabel.ORGANIZATION}
        ]

    def _implicit_agent(self, pred: Predicate) -> list[str]:
        """ "The ambassador was recalled": a recalled envoy is recalled by the country he serves;
        "three diplomats were expelled from Norhaval": by the country they leave."""
        if pred.rel.actor_edge is EdgeType.EXPELLED:
            return [k for p in _prep_objects(pred.token, {"from"}) for k in self._states_at(p)]
        if pred.rel.actor_edge is not EdgeType.RECALLED:
            return []
        out = []
        for patient in self.objects(pred):
            for _role, country in self.actors.actors[patient].roles:
                if country:
                    out.append(self.actors.add(NodeLabel.COUNTRY, country))
            affiliation = self.actors.actors[patient].affiliation
            if affiliation is not None:  # "Tamazir's ambassador … was recalled by his government"
                out.append(affiliation[0])
        return list(dict.fromkeys(out))

    def objects(self, pred: Predicate) -> list[str]:
        token = pred.token
        out: list[str] = []
        # "protested to Kabul" is a protest to the government; "travelled to Kabul" is a trip
        seats = pred.rel.actor_edge not in {EdgeType.MET, EdgeType.ATTACKED}

        def tk(t: Token) -> list[str]:
            return self.target_keys(t, seats=seats)

        if pred.via_prep is not None:
            for child in token.children:
                if child.dep_ in {"prep", "dative", "agent"} and child.lower_ == pred.via_prep:
                    out += [k for p in child.children if p.dep_ == "pobj" for k in tk(p)]
            return list(dict.fromkeys(out))
        if pred.light_noun is not None and pred.light_noun.dep_ == "acl":
            pred = Predicate(token, pred.rel)  # "sent the diplomats packing": the object is the target
        elif pred.light_noun is not None and pred.light_noun.dep_ in self._LIGHT_PARTICLES:
            # "bailed out the bank", "cracked down on protesters": a verb with its particle
            particle = pred.light_noun
            pred = Predicate(token, pred.rel)
            # "called on X to …": the parser may hang X on the particle itself
            out += [k for p in particle.children if p.dep_ == "pobj" for k in tk(p)]
        anchor = pred.light_noun or token
        preps = set(pred.rel.preps) or ({"with", "on", "against", "at", "of"} if pred.light_noun else set())
        if pred.light_noun is not None:
            # "heaped praise on X", "sent a warning to Moscow", "froze the assets of X"; but
            # "approved a sale of air defence systems to Taiwan": what is given is no target
            preps |= {"to", "on", "with", "against"} | (
                {"of"} if pred.rel.actor_edge is not EdgeType.AIDED else set()
            )
        if pred.nominal:
            preps |= {"with", "on", "against", "to", "into"}
            if pred.rel.actor_edge is not EdgeType.AIDED:
                preps.add("of")  # "the release of X", "the expulsion of X"; but "the sale of arms"
        light = pred.light_noun

        def takes(child: Token) -> bool:
            # a class's own light preposition only right after the phrase: "pointed the finger
            # at X", not the venue of "levelled accusations at X at the Council"
            if child.lower_ in preps:
                return True
            if light is None or child.lower_ not in pred.rel.light_preps:
                return False
            first = next(
                (t for t in child.doc[light.i + 1 : child.i + 1] if t.lower_ in pred.rel.light_preps), None
            )
            return (
                first is not None and first.i == child.i and child.i in {light.i + 1, light.right_edge.i + 1}
            )

        anchors = [anchor]
        if light is not None:  # "held a second round of talks with X": the talks' own phrase
            anchors += [
                p
                for c in light.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
                and any(pred.rel in self.lex.noun_classes.get(w, []) for w in (p.lower_, p.lemma_.lower()))
            ]
        prep_targets = [
            k
            for a in anchors
            for child in a.children
            if _is_prep(child) and takes(child)
            for p in child.children
            if p.dep_ == "pobj"
            for k in tk(p)
        ]
        plain_verb = not pred.nominal and pred.light_noun is None
        if not plain_verb:
            out += prep_targets
        if pred.nominal or pred.light_noun is not None and anchor.i != token.i:
            for child in token.children:
                if _is_prep(child) and takes(child) and pred.light_noun is not None:
                    out += [k for p in child.children if p.dep_ == "pobj" for k in tk(p)]
            if pred.light_noun is not None:
                for child in token.children:
                    if child.dep_ == "dative" and child.pos_ != "ADP":  # "gave Ukraine weapons"
                        out += tk(child)
                if not out and pred.light_noun.dep_ == "dobj":
                    # "took Amira Daoud hostage": the parse makes the captive a modifier of the noun
                    out += [
                        k
                        for c in pred.light_noun.children
                        if c.dep_ in {"compound", "poss"}
                        for k in self.keys(c)
                        if self.actors.actors[k].label
                        in {NodeLabel.PERSON, NodeLabel.ORGANIZATION, NodeLabel.GROUP}
                    ]
            if pred.nominal and not out and token.dep_ == "pobj" and token.head.lower_ == "with":
                # "Sovcomflot was hit with British sanctions": the passive subject is the target;
                # "Malvessa hit Ardenza Bank with a record fine": the verb's object is
                verb = token.head.head
                if verb.pos_ in {"VERB", "AUX"}:
                    deps = {"nsubjpass"} if self.passive(verb) else {"dobj"}
                    out += [k for c in verb.children if c.dep_ in deps for k in tk(c)]
            if (
                pred.nominal
                and not out
                and token.dep_ == "dobj"
                and token.head.lemma_.lower() in _UNDERGO_VERBS
            ):
                subject = [c for c in token.head.children if c.dep_ in _SUBJ]
                for c in subject:
                    out += tk(c) or self._doers_of(c)
            return list(dict.fromkeys(out))
        for child in token.children:
            if child.dep_ in {"dobj", "dative"} and child.tag_ not in {"WP", "WDT"}:
                found = tk(child)
                if not found and child.dep_ == "dobj" and child.i not in self._by_token:
                    # "threatened countermeasures against X", "imposed duties on X"
                    found = [
                        k
                        for c in child.children
                        if c.dep_ == "prep" and c.lower_ in {"against", "on", "at", "toward", "towards"}
                        for p in c.children
                        if p.dep_ == "pobj" and not self._behest(p)
                        for k in tk(p)
                    ]
                out += found
            if child.dep_ == "nsubjpass":
                out += tk(child)
                whose = any(c.dep_ == "poss" and c.tag_ == "WP$" for c in child.children)
                if (child.tag_ in {"WP", "WDT"} or whose) and token.dep_ == "relcl":
                    # "Javier Milei, who was endorsed by Donald Trump"; "Volcrest Power, whose
                    # servers were hacked by Grey Lantern": the one the relative clause is about
                    head = token.head
                    out += self.keys(head) or (self.keys(head.head) if head.dep_ == "appos" else [])
        if not out:
            # a class preposition names the target when the object does not ("fired missiles
            # at X"); "struck Iranian facilities at Natanz" already has its target
            out += prep_targets
        if not out and not any(c.dep_ == "dobj" for c in token.children):
            # "X condemned and sanctioned Y": the first verb shares the second's object
            for conj in token.children:
                if (
                    conj.dep_ == "conj"
                    and conj.pos_ == "VERB"
                    and not any(c.dep_ in _SUBJ | {"nsubjpass"} for c in conj.children)
                ):
                    out += [k for c in conj.children if c.dep_ == "dobj" for k in tk(c)]
                    break
        relative = token.head if token.dep_ == "conj" and token.head.dep_ == "relcl" else token
        if (
            not out
            and relative is not token
            and any(c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"} for c in relative.children)
        ):
            # "the bishop whom Nicaragua jailed and later expelled": the bishop, twice
            head = relative.head
            out += self.keys(head) or (self.keys(head.head) if head.dep_ == "appos" else [])
        if (
            not out
            and token.dep_ in {"advcl", "conj", "xcomp"}
            and any(
                c.dep_ == "dobj" and c.lower_ in {"them", "it", "him", "her"} and not self.found.keys_of(c)
                for c in token.children
            )
        ):
            # "expelled Russian diplomats, accusing them of spying": them are the diplomats
            governing = self._by_token.get(token.head.i)
            if governing is not None and governing.token.i != token.i:
                out += [k for k in self.objects(governing) if self._is_actor(k)]
        zero_relative = (
            # "the diplomats it accused of spying", "the fishermen it seized": no relative word
            token.dep_ == "relcl"
            and token.pos_ == "VERB"
            and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "nsubjpass", "auxpass"} for c in token.children)
            and any(c.dep_ == "nsubj" and c.tag_ not in {"WP", "WDT"} for c in token.children)
            and not any(c.tag_ in {"WP", "WDT", "WRB"} or c.lower_ == "that" for c in token.children)
        )
        if token.dep_ == "relcl" and (
            zero_relative or any(c.dep_ == "dobj" and c.tag_ in {"WP", "WDT"} for c in token.children)
        ):
            head = token.head
            out += self.keys(head) or (self.keys(head.head) if head.dep_ == "appos" else [])
        if token.dep_ == "acl" and token.tag_ == "VBN":
            # "Hearthline Relief, a charity funded by Brellia": the charity is the appositive's head
            head = token.head
            out += self.keys(head) or (self.keys(head.head) if head.dep_ == "appos" else [])
        if (
            not out
            and token.dep_ == "amod"
            and token.tag_ == "VBD"
            and any(c.dep_ == "nsubj" for c in token.children)
        ):
            # "President X pardoned activist Y", parsed as one noun phrase: the verb's object is
            # the name it is hung on
            head = token.head
            while head.dep_ == "compound":
                head = head.head
            out += tk(head)
        return list(dict.fromkeys(out))

    def _between(self, pred: Predicate) -> list[str]:
        """Parties of a symmetric event given by "between X and Y" ("a deal between X and Y")."""
        if not pred.rel.symmetric:
            return []
        return self._parties(pred.light_noun or pred.token)

    @staticmethod
    def _barred_entry(pred: Predicate) -> bool:
        """ "banned him from entering the country", "imposed an entry ban on X": kept out."""
        noun = pred.light_noun or (pred.token if pred.nominal else None)
        if noun is not None and any(
            c.dep_ in {"compound", "amod"} and c.lower_ in {"entry", "visa"} for c in noun.children
        ):
            return True
        return any(
            child.dep_ == "prep"
            and child.lower_ == "from"
            and any(g.dep_ == "pcomp" and g.lemma_.lower() in _ENTRY_VERBS for g in child.children)
            for child in pred.token.children
        )

    @staticmethod
    def _joint(pred: Predicate) -> bool:
        """The act is done together: "joint", "jointly", "together", "combined", "in tandem"."""
        token = pred.token
        for child in token.children:
            if child.lower_ in {"jointly", "together", "alongside"} and child.dep_ in {
                "advmod",
                "prt",
                "prep",
            }:
                return True
            if child.dep_ in {"dobj", "nsubjpass"} or (child.dep_ == "prep" and child.lower_ in {"in", "on"}):
                nouns = [child] if child.dep_ != "prep" else [p for p in child.children if p.dep_ == "pobj"]
                if any(c.lower_ in _JOINT_MODIFIERS for n in nouns for c in n.children):
                    return True
        return False

    def _mediated_parties(self, pred: Predicate) -> list[str]:
        """ "brokered talks between X and Y", "mediated a truce between X and Y": each party."""
        out = self._parties(pred.light_noun or pred.token)
        for child in pred.token.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                out += self._parties(child)
        if pred.light_noun is not None and pred.light_noun.dep_ == "prep":
            # "acted as a go-between for X and Y", "served as mediator between X and Y"
            for role in pred.light_noun.children:
                if role.dep_ == "pobj":
                    out += self._parties(role, preps=("between", "for"))
        return list(dict.fromkeys(out))

    def _brokered_parties(self, pred: Predicate) -> list[str]:
        """ "X and Y swapped prisoners in a deal brokered by Z", "a deal between X and Y that was
        brokered by Z": the parties of the deal a mediator brokered."""
        token = pred.token
        if token.dep_ == "relcl" or token.dep_ == "acl":
            noun = token.head
        else:
            return []
        if noun.pos_ not in {"NOUN", "PROPN"}:
            return []
        parties = self._parties(noun)
        if parties:
            return parties
        clause = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        while clause is not None and clause.pos_ == "NOUN" and clause.dep_ == "pobj":
            clause = clause.head.head  # "after two days of talks mediated by Z": up to the verb
        if clause is None or clause.pos_ not in {"VERB", "AUX"}:
            return []
        return [k for c in clause.children if c.dep_ in _SUBJ for k in self.keys(c) if self._is_actor(k)]

    def _parties(self, anchor: Token, preps: tuple[str, ...] = ("between",)) -> list[str]:
        return list(
            dict.fromkeys(
                k
                for child in anchor.children
                if child.dep_ == "prep" and child.lower_ in preps
                for p in child.children
                if p.dep_ == "pobj"
                for k in self.target_keys(p)
                if self._is_actor(k)
            )
        )

    def _seat_of_government(self, token: Token, keys: list[str]) -> list[str]:
        """ "protested to Kabul", "a warning to Pyongyang": a capital read as a place because a
        preposition precedes it is the government when it is the target of an act."""
        name = _entity_text(token)
        country = self.lex.country_of(name)
        if country and token.ent_type_ == "GPE":
            return [self.actors.add(NodeLabel.COUNTRY, country, name)]
        places = [self.actors.actors[k] for k in keys if self.actors.actors[k].label is NodeLabel.PLACE]
        if token.ent_type_ == "GPE" and len(places) == 1 and self.lex.country_of(places[0].name) is None:
            # "donated vaccines to Ulumbe": a state the lexicons do not know, as the recipient
            return [self.actors.add(NodeLabel.COUNTRY, places[0].name, token.text)]
        return keys

    def _modifier_owner(self, child: Token, dep: str, listed: bool = False) -> list[str]:
        """The actor a modifier of a target names: "Chinese steel", "Sable Front positions";
        in a list of demonyms ("the Zerbanian and Tessalian demands") the article's own states
        count too, as each one names a party."""
        found = [k for k in self.found.keys_of(child) if self._is_actor(k)]
        if not found and dep in {"compound", "nmod"} and child.pos_ == "PROPN":
            found = self._unnamed_owner(child)  # "struck Sable Front positions"
        if not found:
            found = self._hyphen_author(child)  # "a Kremlin-backed plan"
        if not found:
            country = (self.actors if listed else self.lex).country_of(child.text)
            if country and child.ent_type_ in {"NORP", "GPE", ""}:
                found = [self.actors.add(NodeLabel.COUNTRY, country, child.text)]
        return found

    def target_keys(self, token: Token, depth: int = 0, seats: bool = True) -> list[str]:
        """The actor a target phrase stands for, or whose thing it is.

        "tariffs on Chinese steel", "seized Iran's tanker", "raided the offices of Wirecard",
        "dozens of protesters": when the phrase's head is no actor, its owner is the party done
        to: a possessor first, then an "of" phrase (followed one step further), then a national
        modifier. A city modifying the thing ("the Tokyo office of Google") is where, not whose.
        """
        keys = self.keys(token)
        if keys:
            out_keys: list[str] = []
            for t in self._conjuncts(token):  # "called on Drashiva and Varenia": each one
                own = self.found.keys_of(t)
                actors = [k for k in own if self._is_actor(k)]
                out_keys += actors or (self._seat_of_government(t, own) if seats and own else [])
            return list(dict.fromkeys(k for k in out_keys if self._is_actor(k)))
        owners: list[str] = []
        of_phrase: list[str] = []
        national: list[str] = []
        for t in self._conjuncts(token):
            for child in t.children:
                if child.pos_ == "PRON" and child.lower_ not in {"its", "his", "her"}:
                    continue  # "their positions": a plural pronoun's antecedent is too weak a guess
                if child.dep_ == "poss":
                    owners += [k for k in self.found.keys_of(child) if self._is_actor(k)]
                elif child.dep_ == "appos":
                    owners += [k for k in self.keys(child) if self._is_actor(k)]
                elif child.dep_ == "acl" and child.tag_ == "VBN":
                    # "a depot run by the militia", "a ship owned by X": whoever holds it
                    owners += [k for k in self._agents(child) if self._is_actor(k)]
                elif child.dep_ == "acl" and child.lemma_.lower() == "belong":
                    # "a helicopter belonging to Halden Logistics"
                    owners += [
                        k for p in _prep_objects(child, {"to"}) for k in self.keys(p) if self._is_actor(k)
                    ]
                elif child.dep_ == "agent":  # the same, when the parser takes "run" for a noun
                    owners += [
                        k
                        for p in child.children
                        if p.dep_ == "pobj"
                        for k in self.keys(p)
                        if self._is_actor(k)
                    ]
                elif (
                    child.dep_ == "prep" and child.lower_ in {"from", "by"} and t.lemma_.lower() in _PROPOSALS
                ):
                    # "rebuffed an offer from Kovar Holdings", "refused a request by the agency":
                    # the one who offered
                    owners += [
                        k
                        for p in child.children
                        if p.dep_ == "pobj"
                        for k in self.keys(p)
                        if self._is_actor(k)
                    ]
                elif child.dep_ in {"amod", "compound", "nmod"} and child.i < t.i:
                    # "the British and Canadian demands": each modifier of a coordination
                    listed = [c for c in child.children if c.dep_ == "conj" and c.i < t.i]
                    for modifier in [child, *listed]:
                        national += self._modifier_owner(modifier, child.dep_, listed=bool(listed))
                elif child.dep_ == "prep" and child.lower_ == "of" and depth < 2:
                    for p in child.children:
                        if p.dep_ == "pobj":
                            of_phrase += self.target_keys(p, depth + 1, seats)
                elif child.dep_ == "prep" and child.lower_ in {"from", "to"} and t.pos_ == "NOUN":
                    # "tariffs on steel from Koryssa", "a ban on exports to Galdoria": the trading
                    # state; "the records of patients from Aldercrest Health": whose patients
                    labels = {NodeLabel.COUNTRY}
                    if child.lower_ == "from" and t.lemma_.lower() in _CLIENTELE:
                        labels = {NodeLabel.COUNTRY, NodeLabel.ORGANIZATION}
                    for p in child.children:
                        if p.dep_ == "pobj":
                            national += [
                                k
                                for k in self.target_keys(p, depth + 1, seats)
                                if self.actors.actors[k].label in labels
                            ]
        return list(dict.fromkeys(owners or of_phrase or national))

    def _hyphen_author(self, participle: Token) -> list[str]:
        """ "Kremlin-backed", "Marvoria-drafted": the name hyphenated to the participle, a
        capital or an unknown state read as its government; "U.S.-drafted" as one token, a state."""
        prefix, hyphen, rest = participle.text.rpartition("-")
        if hyphen and prefix and author_participle(rest):
            country = self.lex.country_of(prefix)
            if country and participle.ent_type_ in {"NORP", "GPE", ""}:
                return [self.actors.add(NodeLabel.COUNTRY, country, prefix)]
            return []
        if participle.tag_ != "VBN" or not author_participle(participle.lower_):
            return []
        doc = participle.doc
        for name in participle.children:
            if (
                name.dep_ in {"npadvmod", "compound", "nmod"}
                and name.i + 2 == participle.i
                and doc[name.i + 1].text == "-"
            ):
                own = self.found.keys_of(name)
                return [k for k in own if self._is_actor(k)] or self._seat_of_government(name, own)
        return []

    def _unnamed_owner(self, token: Token) -> list[str]:
        """A proper name the NER missed, modifying the thing acted on ("Sable Front positions",
        "Kuvo Battalion supply routes"): the organisation it names."""
        words = [
            t
            for t in token.subtree
            if t.pos_ == "PROPN" and t.is_title and (t is token or t.dep_ == "compound")
        ]
        if not words or token.ent_type_ not in {"", "ORG"} or any(self.found.keys_of(t) for t in words):
            return []
        start, end = min(t.i for t in words), max(t.i for t in words) + 1
        name = token.doc[start:end].text
        if self.lex.country_of(name) or all(t.lower_ in self.lex.titles for t in words):
            return []
        if f"{name.lower()} {token.head.lower_}" in self.lex.titles:
            return []  # "Prime" of "Prime Minister" in a broken parse
        return [self.actors.add(NodeLabel.ORGANIZATION, name, name)]

    def _host_countries(self, envoy: Token) -> list[str]:
        """ "its ambassador to London", "its envoy in Kinshasa": the country an envoy serves in."""
        out = []
        for child in envoy.children:
            if child.dep_ == "prep" and child.lower_ in {"to", "in", "from", "at"}:
                for p in child.children:
                    if p.dep_ == "pobj":
                        for k in self._seat_of_government(p, self.keys(p)):
                            if self.actors.actors[k].label in {NodeLabel.COUNTRY, NodeLabel.ORGANIZATION}:
                                out.append(k)  # an unknown state may have been typed an organisation
                        name = _entity_text(p)
                        country = self.lex.country_of(name)
                        if country and not out:
                            out.append(self.actors.add(NodeLabel.COUNTRY, country, name))
                        elif (
                            not out and child.lower_ == "to" and p.pos_ == "PROPN" and p.ent_type_ == "PERSON"
                        ):
                            # "its ambassador to Aruqa": an envoy is sent to a state, whatever
                            # the NER took the name for
                            out.append(self.actors.add(NodeLabel.COUNTRY, name, name))
        return out

    # ----- extraction -----------------------------------------------------------------------

    def _add(self, source: str, target: str, edge_type: EdgeType) -> None:
        if source == target:
            return
        if target.startswith("issue:") and self.lex.agents.is_outlet(self.actors.actors[source].name):
            return  # "The Tovgrad Times said the tariffs would hurt farmers": a report, no stance
        self.relations.append(Relation(source, target, edge_type))

    def _record_object_events(self, pred: Predicate) -> None:
        """ "Drovnia imposed a naval blockade on the port": an event noun a verb takes as its
        object is the doer's act too, which "the blockade" later refers back to."""
        if pred.nominal or pred.token.lemma_.lower() not in self.lex.words("doing_verbs"):
            return
        if self.negated(pred.token) or self.unasserted(pred.token):
            return
        nouns = [c for c in pred.token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if not nouns:
            return
        subjects = [k for k in self.subjects(pred) if self._is_actor(k)]
        for noun in nouns if subjects else []:
            for rel in self.lex.noun_classes.get(noun.lemma_.lower(), []):
                if rel.name != pred.rel.name:
                    self.actors.record_event(rel.name, subjects)

    def _is_actor(self, key: str) -> bool:
        return self.actors.actors[key].label is not NodeLabel.PLACE

    def _extract(self) -> None:
        for pred in self.predicates:
            self._actor_edges(pred)
            self._record_object_events(pred)
        self._orders_to_leave()
        self._orders_to_act()
        for mention in self.issue_mentions:
            self._issue_edges(mention)
        for pred in self.predicates:
            if pred.rel.speech and not self.negated(pred.token):
                self._speech(pred)
        self._labels()

    # ----- modality -------------------------------------------------------------------------

    _COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp"})

    def unasserted(self, token: Token) -> bool:
        """The clause is a wish, plan, condition, hedge or question, not a reported fact.

        Walks up from the predicate: a hedging modal ("would", "could") or a conditional
        subordinator ("if") on the way, or a complement of a wish/plan verb ("wants X to attack",
        "plans to sanction"), of a threat or demand ("threatened to expel": the threat is the
        event, see `complement`), or of a denial ("denied attacking"), makes it unasserted. The
        main clause of a conditional sentence is as unasserted as its condition.
        """
        if self.sent.text.rstrip().endswith("?"):
            return True
        if self._presupposed(token):
            return False
        modality = self.lex.modality
        own = self._by_token.get(token.i)
        threat = own is not None and own.rel.complement  # a threat or demand is conditional by nature
        node = token
        while True:
            for child in node.children:
                if threat and node.i == token.i and child.dep_ in {"mark", "advcl"}:
                    continue
                if child.dep_ in {"aux", "auxpass"} and child.lower_ in modality.hedges:
                    return True
                if child.dep_ == "mark" and child.lower_ in modality.conditionals:
                    return True
                if (
                    child.dep_ == "advcl"
                    and node.pos_ in {"VERB", "AUX"}
                    and any(m.dep_ == "mark" and m.lower_ in modality.conditionals for m in child.children)
                ):
                    return True
            head = node.head
            if head.i == node.i or node.dep_ in {"relcl", "appos"}:
                return False  # a relative clause has its own modality ("X, who rebuked Y, will travel")
            if node.dep_ == "dobj" and node.pos_ in {"NOUN", "PROPN"} and node.i == token.i:
                # "sought the arrest of X", "discussed sanctions on Y": an event wished, not done
                governing = self._by_token.get(head.i)
                if _forms(head) & modality.irrealis_objects or (
                    governing is not None and governing.rel.complement
                ):
                    return True
            if node.dep_ == "pobj" and node.i == token.i and head.lower_ == "for":
                if _forms(head.head) & modality.irrealis_objects:
                    return True  # "called for the release of", "pushed for sanctions"
            if node.dep_ == "xcomp" and any(c.lower_ == "yet" for c in head.children):
                return True  # "have yet to reach an agreement"
            if node.dep_ in {"acl", "ccomp"} and head.pos_ in {"NOUN", "PROPN"}:
                nominal = self._by_token.get(head.i)
                if nominal is not None and (
                    nominal.rel.complement or nominal.rel.actor_edge is EdgeType.ACCUSED
                ):
                    return True  # the content of a demand, threat or accusation is not a fact
            if node.dep_ == "acl" and self._infinitive(node) and head.pos_ in {"NOUN", "PROPN"}:
                # "a plan to sanction", "its threat to expel": the noun's complement is unasserted
                nominal = self._by_token.get(head.i)
                if _forms(head) & modality.irrealis or (nominal is not None and nominal.rel.complement):
                    return True
            if (
                node.dep_ in self._COMPLEMENT_DEPS
                or (node.dep_ == "pobj" and head.dep_ == "prep")
                or (node.dep_ == "advcl" and self._infinitive(node))  # "threatened on Monday to expel"
            ):
                governor = head.head if head.dep_ == "prep" and node.dep_ in {"pobj", "pcomp"} else head
                if _forms(governor) & modality.irrealis:
                    return True
                governing = self._by_token.get(governor.i)
                if governing is not None and governing.token.i != token.i:
                    if (
                        governing.rel.complement
                        or governing.rel.issue_edge is EdgeType.DENIED
                        or governing.rel.actor_edge is EdgeType.REJECTED  # "refused to free X"
                    ):
                        return True
                    if (
                        governing.rel.actor_edge is EdgeType.ACCUSED
                        and (node.tag_ == "VBG" or node.i == token.i and node.pos_ == "NOUN")
                        and head.dep_ == "prep"
                        and head.lower_ in {"of", "for"}
                    ):
                        # "accused Drashiva of arming the Sable Front", "blamed hackers for a
                        # cyberattack on the Commission": what is charged is alleged only
                        return True
            node = head

    def _presupposed(self, token: Token) -> bool:
        """An event the sentence takes as given, whatever the clause it sits in: "at the request
        of X" (the request was made), "freed 52 prisoners after talks with X" (the talks took place)."""
        if self._behest(token):
            return True
        own = self._by_token.get(token.i)
        return (
            own is not None
            and own.nominal
            and own.rel.actor_edge is EdgeType.MET
            and token.dep_ == "pobj"
            and token.head.lower_ in _SETTING_PREPS
        )

    def hypothetical(self, token: Token) -> bool:
        """A question or a condition ("if X signed the ceasefire"): no stance at all."""
        if self.sent.text.rstrip().endswith("?"):
            return True
        if self._presupposed(token):
            return False
        modality = self.lex.modality
        for node in (token, *token.ancestors):
            for child in node.children:
                if child.dep_ == "mark" and child.lower_ in modality.conditionals:
                    return True
        return False

    def _referent_of(
        self,
        noun: Token,
        edges: set[EdgeType] | None = None,
        determiners: frozenset[str] = frozenset({"the", "this", "that"}),
    ) -> list[str]:
        """Who did the article's last act that a definite event noun names ("the pardon"), of
        one of `edges` if given."""
        if not any(d.dep_ == "det" and d.lower_ in determiners for d in noun.children):
            return []
        return [
            k
            for rel in self.lex.noun_classes.get(noun.lemma_.lower(), [])
            if rel.actor_edge is not None and (edges is None or rel.actor_edge in edges)
            for k in self.actors.doers_of(rel.name)
        ]

    def _event_referents(self, pred: Predicate, edges: set[EdgeType] | None = None) -> list[str]:
        """ "The United States condemned the veto": the doer of the article's last veto (of an
        event of one of `edges`, if given)."""
        nouns = [c for c in pred.token.children if c.dep_ in {"dobj", "nsubjpass"}]
        nouns += [p for c in pred.token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        definite = frozenset({"the", "this", "that", "these", "those"})
        out = [k for noun in nouns if noun.pos_ == "NOUN" for k in self._referent_of(noun, edges, definite)]
        return list(dict.fromkeys(out))

    def _adjacent_object(self, pred: Predicate) -> list[str]:
        """ "Belarus freed opposition figure Siarhei Tsikhanouski hours after …", parsed with the
        name as a modifier of "hours": a verb with no object slot takes the actor named right
        after it, before any preposition, verb or punctuation."""
        token = pred.token
        if self.passive(token) or any(
            c.dep_ in {"dobj", "xcomp", "dative", "attr", "oprd"}
            # "detained 11 fishermen found inside its waters": a reduced relative the parser
            # took for a clause is no object slot of its own
            or c.dep_ == "ccomp"
            and (c.tag_ not in {"VBN", "VBD"} or any(a.dep_ in {"aux", "mark"} for a in c.children))
            for c in token.children
        ):
            return []
        for nxt in token.doc[token.i + 1 : min(token.i + 6, token.sent.end)]:
            if nxt.pos_ in {"ADP", "VERB", "AUX", "PUNCT", "SCONJ", "CCONJ", "PART"}:
                return []
            keys = [k for k in self.found.keys_of(nxt) if self._is_actor(k)]
            if keys:
                return keys
        return []

    def _clause_subjects_of(self, noun: Token) -> list[str]:
        """Actors subject of the that-clause a noun takes ("the accusation that X had …")."""
        return [
            k
            for clause in noun.children
            if clause.dep_ in {"acl", "ccomp"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
            for c in clause.children
            if c.dep_ in _SUBJ
            for k in self.keys(c)
            if self._is_actor(k)
        ]

    def _request_object(self, verb: Token) -> bool:
        """The verb's object is a request or a proposal: what one answers, not strikes."""
        return any(
            c.dep_ == "dobj"
            and (
                any(r.actor_edge is EdgeType.DEMANDED for r in self.lex.noun_classes.get(c.lower_, []))
                or c.lemma_.lower() in self.lex.modality.irrealis
            )
            for c in verb.children
        )

    def _movers(self, verb: Token) -> list[str]:
        """Who made the move a judging clause is about: "…, in a move that was condemned by Y",
        "…, a step praised by Y": the subject of the clause the move is set in."""
        if verb.dep_ not in {"relcl", "acl"}:
            return []
        move = verb.head
        if move.lemma_.lower() not in self.lex.words("move_nouns"):
            return []
        clause = move.head.head if move.dep_ == "pobj" and move.head.lower_ == "in" else move.head
        if move.dep_ not in {"pobj", "appos", "npadvmod"} or clause.pos_ not in {"VERB", "AUX"}:
            return []
        governing = self._by_token.get(clause.i)
        if governing is not None and governing.rel.speech or clause.lemma_.lower() == "say":
            # "North Korea carried out a test, the army said, in a move …": the reported act's
            reported = [c for c in clause.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}]
            reported += [c for c in clause.ancestors if c.pos_ in {"VERB", "AUX"}][:1]
            return [k for c in reported for k in self._verb_doers(c)]
        return self._verb_doers(clause)

    def _verb_doers(self, verb: Token) -> list[str]:
        """The actors who did what `verb` says: its predicate's subjects, or its clause's."""
        governing = self._by_token.get(verb.i)
        doers = self.subjects(governing) if governing is not None else self._clause_subject(verb)
        return [k for k in doers if self._is_actor(k)]

    def _meeting_partners(self, verb: Token) -> list[str]:
        """Who the subject met in the meeting that sets the verb ("in a call with X, Y urged …")."""
        out = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _SETTING_PREPS:
                continue
            for noun in prep.children:
                meeting = self._by_token.get(noun.i)
                if noun.dep_ == "pobj" and meeting is not None and meeting.rel.actor_edge is EdgeType.MET:
                    out += [k for k in self.objects(meeting) if self._is_actor(k)]
        return out

    def _behest(self, noun: Token) -> bool:
        """ "at the commission's request", "at the invitation of X", "on X's orders": the asker,
        never the target of the act it prompted."""
        return (
            noun.dep_ == "pobj"
            and noun.head.lower_ in {"at", "on", "upon"}
            and noun.lemma_.lower() in self.lex.behest_nouns
        )

    def _doers_at_behest(self, noun: Token) -> list[str]:
        """Who did what was done at someone's request: the clause's subject."""
        node = noun.head.head
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        return self._verb_doers(node)

    def _holders_asked(self, pred: Predicate) -> list[str]:
        """A demand for a release is made of those the article last said hold someone."""
        for child in pred.token.children:
            if child.dep_ == "dobj" and any(
                rel.actor_edge is EdgeType.RELEASED
                for rel in self.lex.noun_classes.get(child.lemma_.lower(), [])
            ):
                # "… demanded their release" of whoever detained them; "the ship's release" of
                # whoever seized it
                holders = self.actors.doers_of(EdgeType.IMPRISONED.value) or self.actors.doers_of("seize")
                # "Kalvoran police detained …; X demanded their release": of Kalvora itself
                return [
                    a.affiliation[0] if (a := self.actors.actors[k]).affiliation is not None else k
                    for k in holders
                ]
        return []

    @staticmethod
    def _sourced(token: Token) -> bool:
        """ "Qatar mediated between Russia and Ukraine, the Qatari foreign ministry said": a
        clause before its attribution, with no "that", is the report's own statement of fact
        sourced at the end (wire style), not a claim put in someone's mouth."""
        node = token
        while node.head.i != node.i and node.dep_ not in {"ccomp", "parataxis"}:
            if node.dep_ in {"relcl", "acl", "advcl"}:
                return False
            node = node.head
        if node.dep_ not in {"ccomp", "parataxis"} or node.i > node.head.i:
            return False
        quoted = any(t.text in {'"', "“", "”", "'"} for t in token.doc[token.sent.start : node.head.i])
        return not quoted and not any(c.dep_ == "mark" for c in node.children)

    def _reporters(self, token: Token) -> list[str] | None:
        """Speakers of the reported-speech clause the predicate sits in (None when it is in none)."""
        node = token
        while node.head.i != node.i:
            head = node.head
            if node.dep_ in {"ccomp", "parataxis"}:
                pred = self._by_token.get(head.i)
                if pred is not None and pred.rel.speech:
                    return [k for k in self.subjects(pred) if self._is_actor(k)]
            if node.dep_ in {"relcl", "acl"} and node.pos_ in {"VERB", "AUX"}:
                return None
            node = head
        return None

    def _actor_edges(self, pred: Predicate) -> None:
        edge = pred.rel.actor_edge
        if edge is None or self.negated(pred.token) or self.unasserted(pred.token):
            return
        subjects = [k for k in self.subjects(pred) if self._is_actor(k)]
        objects = [k for k in self.objects(pred) if self._is_actor(k)]
        if edge in _AGAINST and subjects and objects and all(self._own(s, objects) for s in subjects):
            subjects = self._speaker_instead(pred)
        if pred.nominal and edge in _BACKING:
            doers, helped = self._adjunct_backing(pred)
            if doers and helped and not set(subjects) - set(doers):
                subjects, objects = doers, [k for k in helped if k not in doers]
        if pred.rel.complement and not objects and not (edge is EdgeType.DEMANDED and self._addressee(pred)):
            objects = self._complement_targets(pred)
        if edge in {EdgeType.ATTACKED, EdgeType.AIDED} and self._request_object(pred.token):
            if edge is EdgeType.AIDED:
                return  # "granted Calmoria's request": the request's answer, no aid
            edge = EdgeType.REJECTED  # "shot down Brastova's demand", "torpedoed the offer"
        if pred.token.lemma_ == "seize" and objects and all(self._people(k) for k in objects):
            edge = EdgeType.IMPRISONED  # "seized two fishermen": people seized are held
        if (
            edge is EdgeType.EXPELLED
            and pred.light_noun is not None
            and pred.light_noun.lemma_.lower() in _DEADLINE_NOUNS
            and not self._leaves_the_country(pred.token)
        ):
            return  # "giving the group 48 hours to abandon its bases": an ultimatum, no expulsion
        if edge is EdgeType.MEDIATED and not objects and subjects:
            objects = [k for k in self._brokered_parties(pred) if k not in subjects]
        if edge is EdgeType.SANCTIONED and self._barred_entry(pred):
            edge = EdgeType.EXPELLED  # "banned him from entering the country"
        if edge is EdgeType.RECALLED:
            objects = self._recall_targets(pred, objects)
            # "Prime Minister Jonas Ekval … recalled Eskaria's ambassador": his state recalls
            subjects = [
                states[0]
                if self.actors.actors[k].label is NodeLabel.PERSON and (states := self.actors.states_of(k))
                else k
                for k in subjects
            ]
        if edge is EdgeType.MEDIATED:
            objects = self._mediated_parties(pred) or objects
        reporters = self._reporters(pred.token)
        own_side = {state for r in reporters or [] for state in self.actors.states_of(r)} | set(
            reporters or []
        )
        # "X said Y attacked Z" is X's claim, unless X is Y or speaks for Y ("Foreign Minister
        # Dara Kelmen said Pelloria was recalling its ambassador") or the clause is sourced
        if reporters and subjects and not set(subjects) & own_side and not self._sourced(pred.token):
            # "X said Y attacked Z": the text asserts what X said, not the attack itself; so is
            # "X said Y had armed Z" when Z is an armed group, not a state
            armed_group = edge is EdgeType.AIDED and any(
                self.actors.actors[o].label in {NodeLabel.ORGANIZATION, NodeLabel.GROUP} for o in objects
            )
            if edge in _REPORTED_HARMS or armed_group:
                for r in reporters:
                    for s in subjects:
                        self._add(r, s, EdgeType.ACCUSED)
                return
            # "Ilse Brandvik said Varenia had imposed an arms embargo on Drashiva": a measure or
            # a meeting a speaker reports is the report's fact, not a charge
        if pred.rel.converse:
            subjects, objects = objects, subjects
        if edge is EdgeType.ATTACKED and _forms(pred.token) & self.lex.verbal_clashes:
            people = {NodeLabel.PERSON}
            everyone = [*subjects, *objects]
            if everyone and all(self.actors.actors[k].label in people for k in everyone):
                edge = EdgeType.CRITICIZED  # "Blinken and Yang clashed": words, not weapons
        if not objects and not pred.nominal:
            # "condemned what it called North Korea's relentless theft": the named act's doer
            objects = [k for k in self._so_called(pred) if k not in subjects]
        if not objects and pred.nominal:
            # "Russia's threat of retaliation against Finland": the target of the act threatened
            objects = [
                k
                for act in _prep_objects(pred.token, {"of"})
                for p in _prep_objects(act, set(pred.rel.preps))
                for k in self.target_keys(p)
                if k not in subjects
            ]
        if edge in _JUDGING and not objects:
            objects = [k for k in self._event_referents(pred) if k not in subjects]
        if edge in _JUDGING and not objects:
            # "X carried out a test, in a move that was condemned by Y": X made the move
            objects = [k for k in self._movers(pred.token) if k not in subjects]
        if edge in {EdgeType.SUPPORTED, EdgeType.REJECTED} and not objects:
            # "the African Union said it backed the request": the one who made the request
            objects = [k for k in self._event_referents(pred, {EdgeType.DEMANDED}) if k not in subjects]
        if not objects and not pred.nominal and pred.light_noun is None and pred.via_prep is None:
            objects = [k for k in self._adjacent_object(pred) if k not in subjects]
        if edge is EdgeType.ACCUSED and pred.nominal and not objects:
            # "China's accusation that the Philippines had rammed its vessel": the one accused
            objects = [k for k in self._clause_subjects_of(pred.token) if k not in subjects]
        if edge is EdgeType.DEMANDED and pred.nominal and self._behest(pred.token):
            # "examined the clip at the commission's request", "freed them at the request of X":
            # the asker asked the doer
            askers = [k for p in _prep_objects(pred.token, {"of"}) for k in self.keys(p) if self._is_actor(k)]
            subjects = askers or subjects
            objects = [k for k in self._doers_at_behest(pred.token) if k not in subjects]
        if edge in {EdgeType.DEMANDED, EdgeType.WARNED} and not objects:
            # "In a phone call with Xi Jinping, Albanese urged the release of …": of the one he spoke to
            objects = [k for k in self._meeting_partners(pred.token) if k not in subjects]
        if edge is EdgeType.DEMANDED and not objects:
            # "demanded the release of everyone detained": of whoever holds them
            objects = [k for k in self._holders_asked(pred) if k not in subjects]
        if not objects and len(subjects) >= 2 and self._reciprocal(pred):
            # "Italy and Malta accused each other of abandoning the migrants": both ways
            objects = subjects
        for s in subjects:
            for o in objects:
                if s != o:
                    self._add(s, o, edge)
        if subjects and not pred.rel.speech:
            self.actors.record_event(pred.rel.name, subjects)
            self.actors.record_event(edge.value, subjects)
        inherited_at = pred.nominal and pred.token.head.lower_ in {
            "at",
            "during",
            "after",
            "following",
            "in",
            "amid",
        }
        apart = any(t.lower_ in {"separate", "separately", "each", "respective"} for t in pred.token.subtree)
        if (
            pred.rel.symmetric
            and not apart
            and not objects
            and len(subjects) >= 2
            and (not pred.nominal or self._doers(pred) or inherited_at)
        ):
            for i, a in enumerate(subjects):
                for b in subjects[i + 1 :]:
                    self._add(a, b, edge)
        if len(subjects) >= 2 and not apart and self._joint(pred):
            # "Kenyan and Somali troops launched a joint offensive", "X and Y are working together"
            for i, a in enumerate(subjects):
                for b in subjects[i + 1 :]:
                    self._add(a, b, EdgeType.COOPERATED_WITH)
        between = self._between(pred)
        if len(between) >= 2 and not (inherited_at and len(subjects) >= 2):
            # "talks between X and Y": the parties are the event's own, whoever the clause's subject
            for i, a in enumerate(between):
                for b in between[i + 1 :]:
                    self._add(a, b, edge)
            return

    #: The labelling verbs, and those that only characterise ("what it characterised as …").
    _NAMING_VERBS = frozenset(_LABEL_VERBS | {"characterise", "characterize"})

    def _so_called(self, pred: Predicate) -> list[str]:
        """ "what it called X's theft", "what it described as Pyongyang's cyber theft": the
        free relative's naming phrase stands for the object."""
        out: list[str] = []
        for clause in pred.token.children:
            if clause.dep_ != "ccomp" or clause.lemma_.lower() not in self._NAMING_VERBS:
                continue
            if not any(c.tag_ == "WP" and c.lower_ == "what" for c in clause.children):
                continue
            names = [
                c for c in clause.children if c.dep_ in {"oprd", "dobj", "attr", "xcomp"} and c.tag_ != "WP"
            ]
            names += _prep_objects(clause, {"as"})
            for noun in names:
                out += self.target_keys(noun)
        return out

    #: Adverbial phrases whose event noun is done to or for the clause's subject.
    _ADJUNCT_PREPS = frozenset({"with", "despite", "to", "after", "following", "amid", "under"})

    def _adjunct_backing(self, pred: Predicate) -> tuple[list[str], list[str]]:
        """ "With the backing of Drel, the Union forced a vote", "thanks to loans from the Union,
        Pellador avoided a default", "has not freed them despite appeals from Calderia": the
        noun's "of" or "from" phrase is the doer, the clause's subject the one backed, helped
        or asked."""
        noun = pred.token
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in self._ADJUNCT_PREPS:
            return [], []
        if prep.lower_ == "to" and prep.head.lower_ not in {"thanks", "due", "owing"}:
            return [], []  # "bowed to pressure from X" is yielding, not X's demand
        verb = prep.head if prep.head.pos_ in {"VERB", "AUX"} else prep.head.head  # "thanks to"
        if verb.pos_ not in {"VERB", "AUX"}:
            return [], []
        doers = [k for p in _prep_objects(noun, {"of", "from"}) for k in self.target_keys(p)]
        helped = [k for k in self._clause_subject(verb) if self._is_actor(k)]
        return doers, helped

    def _own(self, subject: str, objects: list[str]) -> bool:
        """The subject is an agent of one of the objects ("the Australian vessel" of Australia)."""
        affiliation = self.actors.actors[subject].affiliation
        return affiliation is not None and affiliation[0] in objects

    def _speaker_instead(self, pred: Predicate) -> list[str]:
        """ "Zhou told a briefing that the Australian vessel had intruded … and blamed Australia":
        no state's own vessel blames it; the parse hung the speaker's second verb on the reported
        clause, so the speaker is the subject."""
        root = pred.token.sent.root
        head = self._by_token.get(root.i)
        if pred.token.dep_ != "conj" or head is None or not head.rel.speech:
            return []
        return [k for k in self.subjects(head) if self._is_actor(k)]

    @staticmethod
    def _reciprocal(pred: Predicate) -> bool:
        """ "accused each other", "traded blame with one another": the object is the subjects."""
        verb = pred.token
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        objects += [o for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
        pairs = {("each", "other"), ("one", "another")}
        return any(
            (o.doc[o.i - 1].lower_, o.lower_) in pairs or (o.lower_, o.doc[o.i + 1].lower_) in pairs
            for o in objects
            if 0 < o.i < len(o.doc) - 1
        )

    def _recall_targets(self, pred: Predicate, objects: list[str]) -> list[str]:
        """A country recalls its envoy *from* a host: the host is the target, with the envoy
        when named ("recalled Vadym Prystaiko, its ambassador to London")."""
        hosts: list[str] = []
        for child in pred.token.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                for t in self._conjuncts(child):
                    hosts += self._host_countries(t)
                    for appos in t.children:
                        if appos.dep_ == "appos":
                            hosts += self._host_countries(appos)
            if child.dep_ == "prep" and child.lower_ in {"from", "out"}:
                for p in child.subtree:
                    if p.dep_ == "pobj":
                        # "from Grell, Vostrany's capital": the state whose capital it is, and
                        # not the city as well
                        capital_of = [
                            k
                            for appos in p.children
                            if appos.dep_ == "appos"
                            for c in appos.children
                            if c.dep_ == "poss"
                            for k in self.keys(c)
                            if self.actors.actors[k].label in {NodeLabel.COUNTRY, NodeLabel.ORGANIZATION}
                        ]
                        hosts += capital_of or [
                            k
                            for k in self._seat_of_government(p, self.keys(p))
                            if self.actors.actors[k].label in {NodeLabel.COUNTRY, NodeLabel.ORGANIZATION}
                        ]
        if not hosts and any(c.dep_ == "dobj" for c in pred.token.children):
            # "recalled its ambassadors to the United States and Australia", the "to" hung on
            # the verb
            for p in _prep_objects(pred.token, {"to"}):
                for t in self._conjuncts(p):
                    hosts += self._states_at(t)
        own = set(self.subjects(pred))
        envoys = [k for k in objects if self.actors.actors[k].label is NodeLabel.PERSON]
        if envoys:
            return envoys  # "recalled Vadym Prystaiko, its ambassador to London"
        return list(dict.fromkeys(k for k in hosts if k not in own)) or objects

    def _people(self, key: str) -> bool:
        """A person or a group of people ("fishermen", "aid workers"), not of craft or places."""
        actor = self.actors.actors[key]
        if actor.label is NodeLabel.PERSON:
            return True
        last = actor.name.split()[-1].lower() if actor.name else ""
        return actor.label is NodeLabel.GROUP and (
            last in self.lex.words("people_nouns") or last in self.lex.group_nouns
        )

    @staticmethod
    def _addressee(pred: Predicate) -> Token | None:
        """Whom a demand is made of, named or not: "called on the authorities to release X" asks
        the authorities, not X, whoever the authorities are."""
        for child in pred.token.children:
            if child.dep_ in {"dobj", "dative"} and child.pos_ in {"NOUN", "PROPN"}:
                return child
            if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
                pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                    return pobj  # "demanded on Saturday that …" addresses no one
        return None

    def _complement_targets(self, pred: Predicate) -> list[str]:
        """ "threatened to expel Tessalia's diplomats": the threat's target is the complement's."""
        out: list[str] = []
        own = set(self.subjects(pred))
        for child in pred.token.children:
            if child.dep_ in {"ccomp", "acl"} and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in child.children
            ):
                # "demanded that Hungary lift its veto": the demand is made of Hungary
                out += [
                    k
                    for c in child.children
                    if c.dep_ in _SUBJ
                    for k in self.keys(c)
                    if self._is_actor(k) and k not in own
                ]
                continue
            complement = child.dep_ in {"xcomp", "ccomp", "acl"} or (
                child.dep_ == "advcl" and self._infinitive(child)
            )
            if complement and child.pos_ in {"VERB", "AUX"}:
                inner = self._by_token.get(child.i) or Predicate(child, pred.rel)
                out += [k for k in self.objects(inner) if self._is_actor(k)]
                out += [
                    k
                    for c in child.children
                    if c.dep_ == "prep" and c.lower_ in {"against", "on", "at"}
                    for p in c.children
                    if p.dep_ == "pobj"
                    for k in self.target_keys(p)
                    if self._is_actor(k)
                ]
        if not out and pred.rel.actor_edge is EdgeType.THREATENED:
            # "Beijing vowed to retaliate": against whoever the sentence says harmed it
            subjects = set(self.subjects(pred))
            out = [
                r.source
                for r in self.relations
                if r.target in subjects and edge_family(r.type) == "hostile" and r.source not in subjects
            ]
        return list(dict.fromkeys(out))

    def _wished(self, pred: Predicate) -> bool:
        """A predicate inside someone else's demand or wish ("demanded that the US lift
        sanctions"): the issue belongs to the one who demands, not to the one asked."""
        node = pred.token
        while node.head.i != node.i:
            if node.dep_ in {"ccomp", "xcomp"}:
                governing = self._by_token.get(node.head.i)
                if governing is not None and governing.rel.complement:
                    return True
                if _forms(node.head) & self.lex.modality.irrealis and node.dep_ == "ccomp":
                    return True
            if node.dep_ in _CLAUSE_BOUNDARY:
                return False
            node = node.head
        return False

    def _doers_of(self, token: Token) -> list[str]:
        """The doers of an event noun, if the token is one ("Modi's praise drew a rebuke")."""
        pred = self._by_token.get(token.i)
        return self._doers(pred) if pred is not None and pred.nominal else []

    def _doers(self, pred: Predicate) -> list[str]:
        """Subjects that own the predicate's issues: an event noun only through its own
        possessor or "by" phrase ("Seoul's sanctions"), not the clause it sits in."""
        if not pred.nominal:
            return self.subjects(pred)
        return [
            k
            for child in pred.token.children
            if child.dep_ in {"poss", "compound", "amod"} or (child.dep_ == "prep" and child.lower_ == "by")
            for k in (
                self.keys(child)
                if child.dep_ != "prep"
                else [k for p in child.children if p.dep_ == "pobj" for k in self.keys(p)]
            )
        ]

    @staticmethod
    def _leaves_the_country(token: Token) -> bool:
        """A verb of leaving under `token` whose place left is a country, or not said."""
        leaving = [c for c in token.subtree if c.pos_ == "VERB" and c.lemma_.lower() in _LEAVE_VERBS]
        return any(
            not [d for d in v.children if d.dep_ == "dobj"]
            or any(d.dep_ == "dobj" and (d.lower_ in _TERRITORY or d.ent_type_ == "GPE") for d in v.children)
            for v in leaving
        )

    def _orders_to_act(self) -> None:
        """ "Poland ordered Russia to close its consulate": an order to an actor is a demand
        (an order to leave the country is an expulsion, see `_orders_to_leave`)."""
        for token in self.sent:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.lex.words("order_verbs"):
                continue
            if self.negated(token) or self.unasserted(token) or self._leaves_the_country(token):
                continue
            if not any(c.dep_ in {"xcomp", "ccomp"} and self._infinitive(c) for c in token.children):
                continue
            self._command(token, EdgeType.DEMANDED, self.keys)

    def _orders_to_leave(self) -> None:
        """ "ordered two diplomats to leave the country", "gave the envoys 72 hours to leave":
        an expulsion said without the word."""
        for token in self.sent:
            if token.pos_ != "VERB" or not _forms(token) & _LEAVE_GOVERNORS:
                continue
            if self.negated(token) or self.unasserted(token):
                continue
            if not self._leaves_the_country(token):
                continue  # "told reporters to leave the room" is no expulsion
            self._command(token, EdgeType.EXPELLED, self.target_keys)

    def _command(self, verb: Token, edge: EdgeType, targets_of) -> None:
        """The one who commands does `edge` to each actor commanded (its object or dative)."""
        targets = [
            k
            for c in verb.children
            if c.dep_ in {"dobj", "dative"}
            for k in targets_of(c)
            if self._is_actor(k)
        ]
        for s in [k for k in self._clause_subject(verb) if self._is_actor(k)]:
            for o in targets:
                self._add(s, o, edge)  # `_add` drops an actor commanding itself

    def _owner(self, mention: IssueMention) -> Predicate | None:
        """The nearest predicate above the issue that has a doer, within the same clause."""
        token = mention.span.root
        while True:
            pred = self._by_token.get(token.i)
            if pred and pred.rel.issue_edge and self._doers(pred) and not self._wished(pred):
                agreed = self._by_token.get(pred.token.head.i) if pred.token.dep_ == "xcomp" else None
                if agreed is not None and agreed.rel.issue_edge is EdgeType.AGREED_ON:
                    return agreed  # "agreed to undertake a dialogue on arms control"
                return pred
            if token.head.i == token.i:
                return None
            if token.dep_ in _CLAUSE_BOUNDARY and pred is None:
                # a that-clause belongs to a denial ("denied that Moscow was behind the attacks");
                # speech verbs handle their own clauses in `_speech`
                head_pred = self._by_token.get(token.head.i)
                if token.dep_ != "ccomp" or head_pred is None or head_pred.rel.speech:
                    return None
            if token.dep_ == "conj" and any(c.dep_ in _SUBJ | {"nsubjpass"} for c in token.children):
                return None  # "X scrapped term limits, and its leader was jailed for sedition"
            token = token.head

    def _opposed(self, mention: IssueMention, owner: Predicate) -> bool:
        """A verb of ending or fighting between the issue and its owner ("lift", "curb",
        "protect from", "fight") turns the owner's stance against the issue."""
        opposing = self.lex.modality.opposing
        for node in mention.span.root.ancestors:
            if node.i == owner.token.i:
                return False
            if node.pos_ in {"VERB", "NOUN"} and _forms(node) & opposing:
                return True
        return False

    def _issue_edges(self, mention: IssueMention) -> None:
        issue = node_id(NodeLabel.ISSUE, mention.issue.name)
        owner = self._owner(mention)
        if owner is not None and not self.negated(owner.token) and owner.rel.issue_edge is not None:
            edge: EdgeType | None = owner.rel.issue_edge
            if edge in _ENACTED and self.unasserted(owner.token):
                # "wants to impose tariffs", "plans to sign the accord": a position, not a deed;
                # "if X signed the ceasefire": not even a position
                edge = None if self.hypothetical(owner.token) else EdgeType.SUPPORTED
            if edge is not None and self._opposed(mention, owner):
                # "urged the government to protect infrastructure from hacking", "demanded that
                # the US lift sanctions": the doer is against the issue its verb works on
                edge = _OPPOSED.get(edge, edge)
            elif edge is EdgeType.SUPPORTED and owner.rel.name in _DEMANDS and mention.issue.negative:
                # nobody demands a wrong: "demanded a recount" asks for its remedy
                edge = EdgeType.CRITICIZED
            for s in self._doers(owner) if edge is not None else []:
                if self._is_actor(s):
                    self._add(s, issue, edge)
        # a blame verb charges its object with every issue it names, however deep, but not
        # with the issues of a conjoined act ("accused X of hacking, and imposed sanctions")
        for pred in self.predicates:
            if (
                pred.rel.blame
                and not self.negated(pred.token)
                and self._dominates(pred.token, mention.span.root)
                and not self._conjoined_act_between(pred.token, mention.span.root)
            ):
                # "accused the rebels of violating the ceasefire": the accuser stands for it
                breached = self._breached(mention, pred.token)
                for s in self.subjects(pred):
                    self._add(
                        s,
                        issue,
                        EdgeType.SUPPORTED if breached else pred.rel.issue_edge or EdgeType.CRITICIZED,
                    )
                for o in self.objects(pred):
                    if self._is_actor(o):
                        self._add(o, issue, EdgeType.INVOLVED_IN)
        if mention.issue.harm:
            self._victims(mention, issue)
        for pred in self.predicates:
            if pred.rel.source_prep and self._dominates(pred.token, mention.span.root):
                for child in pred.token.children:
                    if child.dep_ == "prep" and child.lower_ == pred.rel.source_prep:
                        for pobj in child.children:
                            for k in self.keys(pobj) if pobj.dep_ == "pobj" else []:
                                self._add(k, issue, EdgeType.INVOLVED_IN)

    def _victims(self, mention: IssueMention, issue: str) -> None:
        root = mention.span.root
        for child in root.children:
            if child.dep_ == "compound":
                for k in self.found.keys_of(child):
                    if self.actors.actors[k].label in {NodeLabel.ORGANIZATION, NodeLabel.PLACE}:
                        self._add(k, issue, EdgeType.AFFECTED_BY)
            if child.dep_ == "prep" and child.lower_ in {"on", "against", "in"}:
                for pobj in child.children:
                    for k in self.keys(pobj) if pobj.dep_ == "pobj" else []:
                        label = self.actors.actors[k].label
                        if child.lower_ != "in" or label is NodeLabel.COUNTRY:
                            self._add(k, issue, EdgeType.AFFECTED_BY)

    @staticmethod
    def _conjoined_act_between(ancestor: Token, token: Token) -> bool:
        """A conjoined verb on the path up from `token` to `ancestor`: another act."""
        node = token
        while node.i != ancestor.i and node.head.i != node.i:
            if (
                node.dep_ == "conj"
                and node.pos_ in {"VERB", "AUX"}
                and node.tag_ != "VBG"  # "accusing X of meddling and hacking": still the charge
                and node.head.i == ancestor.i
            ):
                return True
            node = node.head
        return False

    def _breached(self, mention: IssueMention, limit: Token) -> bool:
        """A verb of breaking ("violating the ceasefire") between the issue and `limit`."""
        for node in mention.span.root.ancestors:
            if node.i == limit.i:
                return False
            if node.pos_ in {"VERB", "NOUN"} and node.lemma_.lower() in self.lex.words("breach_words"):
                return True
        return False

    @staticmethod
    def _dominates(ancestor: Token, token: Token) -> bool:
        return ancestor.i == token.i or any(a.i == ancestor.i for a in token.ancestors)

    def _speech(self, pred: Predicate) -> None:
        speakers = [k for k in self.subjects(pred) if self._is_actor(k)]
        if not speakers:
            return
        clauses = [c for c in pred.token.children if c.dep_ in {"ccomp", "acl"} and c.pos_ in {"VERB", "AUX"}]
        clauses += [
            cc for c in clauses for cc in c.children if cc.dep_ == "conj" and cc.pos_ in {"VERB", "AUX"}
        ]
        for clause in clauses:
            denial = self._denies_involvement(clause)
            for mention in self.issue_mentions:
                if self._dominates(clause, mention.span.root):
                    issue = node_id(NodeLabel.ISSUE, mention.issue.name)
                    for s in speakers:
                        self._add(s, issue, EdgeType.DENIED if denial else EdgeType.RAISED)
            own_clause = any(
                c.dep_ in _SUBJ and (c.lower_ in _SELF_PRONOUNS or set(self.keys(c)) & set(speakers))
                for c in clause.children
            )
            accused = [
                r.source
                for r in self.relations
                if r.type is EdgeType.INVOLVED_IN
                and not own_clause  # "the court said it was investigating crimes committed by X"
                and not self._sourced(clause)  # "X and Y held drills, the ministry said"
                and any(self._dominates(clause, t) for t in self.sent if r.source in self.found.keys_of(t))
            ]
            for s in speakers:
                for a in dict.fromkeys(accused):
                    if a not in speakers and not denial:
                        self._add(s, a, EdgeType.ACCUSED)
            for target in self._obliged(clause, speakers):
                for s in speakers:
                    self._add(s, target, EdgeType.DEMANDED)
            if not denial and self._behind(clause):
                # "Araghchi said Israel was behind the killing": a charge against Israel
                for target in self._others_in_clause(clause, speakers, {"nsubj"}):
                    for s in speakers:
                        self._add(s, target, EdgeType.ACCUSED)

    def _behind(self, clause: Token) -> bool:
        """ "was behind the attack", "were responsible for the killing": a copula naming a
        harmful act's author."""
        if clause.lemma_ != "be" or self.negated(clause):
            return False
        for p in clause.children:
            if p.dep_ == "prep" and p.lower_ == "behind":
                return True
            if p.dep_ == "acomp" and p.lower_ == "responsible":
                return any(c.dep_ == "prep" and c.lower_ == "for" for c in p.children)
        return False

    #: Modals of obligation: "X said Y must reopen the corridor" is X's demand on Y.
    _OBLIGATION = frozenset({"must", "should"})

    def _obliged(self, clause: Token, speakers: list[str]) -> list[str]:
        """The subjects of a reported clause that "must" or "should" act, other than the speakers."""
        if self.negated(clause) or not any(
            c.dep_ == "aux" and c.lower_ in self._OBLIGATION for c in clause.children
        ):
            return []
        return self._others_in_clause(clause, speakers, {"nsubj", "nsubjpass"})

    def _others_in_clause(self, clause: Token, speakers: list[str], deps: set[str]) -> list[str]:
        """The actors of a reported clause's subject, other than the speakers and "it"/"they"."""
        return [
            k
            for c in clause.children
            if c.dep_ in deps and c.lower_ not in _SELF_PRONOUNS
            for k in self.keys(c)
            if self._is_actor(k) and k not in speakers
        ]

    def _denies_involvement(self, clause: Token) -> bool:
        """ "has not been involved in", "was not accountable for": a denial of doing something."""
        words = {clause.lemma_.lower()} | {
            c.lemma_.lower() for c in clause.children if c.dep_ in {"acomp", "prep", "attr"}
        }
        if not words & self.lex.denial_predicates:
            return False
        return self.negated(clause) or any(self.negated(c) for c in clause.children if c.dep_ == "acomp")

    def _labels(self) -> None:
        """ "called Mr Kim a liar" is criticism; "called him a friend" is praise."""
        for token in self.sent:
            if token.lemma_.lower() not in _LABELS_GIVEN_BY or self.negated(token):
                continue
            predicates = [c for c in token.children if c.dep_ in {"oprd", "attr", "xcomp"}]
            # "dismissed the plan as a stunt", with "as" on the verb or on its object
            holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
            predicates += [
                p
                for h in holders
                for c in h.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for p in c.children
            ]
            objects = [
                k for c in token.children if c.dep_ == "dobj" for k in self.keys(c) if self._is_actor(k)
            ]
            if not objects:
                # "described the IMF's conditions as …": whose they are; "called the pardon a
                # betrayal": who pardoned
                objects = [
                    k
                    for c in token.children
                    if c.dep_ == "dobj" and c.pos_ == "NOUN"
                    for k in self.target_keys(c) or self._referent_of(c)
                    if self._is_actor(k)
                ]
            subjects = self.subjects(Predicate(token, _LABELLING))
            objects = [k for k in objects if k not in subjects]
            for label in predicates:
                phrase = " ".join(t.lower_ for t in label.subtree if not t.is_punct and t.dep_ != "det")
                if label.lower_ in self.lex.insults or phrase in self.lex.insults:
                    edge = EdgeType.CRITICIZED
                elif label.lower_ in self.lex.praises or phrase in self.lex.praises:
                    edge = EdgeType.PRAISED
                else:
                    continue
                for s in subjects:
                    for o in objects:
                        self._add(s, o, edge)
