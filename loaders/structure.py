"""Structural relations from titles: who leads or represents which country.

News introduces people by office: "German Chancellor Angela Merkel", "the French ambassador to
the US, Marie Dupont", "China's top diplomat Yang Jiechi", or by description alone ("the US
president"). The title's own country modifier says whose office it is (never the "to the US"
of an ambassador, which names the host). Heads of state and government get `LEADER_OF`;
ministers, envoys, diplomats, spokespeople and advisers get `REPRESENTS`. A "counterpart" or
"opposite number" shares the other person's rank, which the phrase does not say, so it only
supports `REPRESENTS`, and only when nothing in the article makes the person the country's leader.
Any country will do, the article's own too ("Zamrovian Foreign Minister Ilse Varga" REPRESENTS
Zamrovia): the holders list is only needed when the title names no country.

Unnamed agents (`agents.py`) are tied to their country: MEMBER_OF for forces and bodies ("Greek
patrol boats", "a Moroccan court"), REPRESENTS for officials ("Egypt's intelligence chief").
"""

from __future__ import annotations

from actorgraph.graph.model import EdgeType, NodeLabel
from actorgraph.loaders.mentions import ArticleActors, SentenceActors
from actorgraph.loaders.relations import Relation
from spacy.tokens import Span, Token

REPRESENTATIVE_WORDS = {
    "minister",
    "secretary",
    "ambassador",
    "envoy",
    "diplomat",
    "consul",
    "charge d'affaires",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "official",
    "negotiator",
    "commissioner",
    "prosecutor",
    "chief",
    "commander",
    "general",
    "admiral",
}
COUNTERPART_TITLES = {"counterpart", "opposite number"}
#: Representatives of a person rather than a state: "the president's spokeswoman".
PERSONAL_REPRESENTATIVES = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "aide",
    "lawyer",
    "manager",
}
#: Qualifiers that make a head's title a subordinate one: a "regional director" does not lead.
SUBORDINATE_QUALIFIERS = {
    "regional",
    "deputy",
    "vice",
    "assistant",
    "mission",
    "country",
    "campaign",
    "communications",
    "legal",
    "policy",
    "programme",
    "program",
    "operations",
    "former",
}
#: Title words that make their holder the head of the organisation they name.
ORGANIZATION_HEADS = {
    "head",
    "director",
    "chief",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "director-general",
    "president",
    "secretary-general",
    "general",
    "ceo",
    "executive",
    "founder",
    "boss",
    "leader",
    "commander",
}
#: Leader-like words that name no office of a country ("opposition leader" is the opposite).
NOT_A_COUNTRY_OFFICE = {"opposition leader", "opposition politician"}


def _title_kind(title: str, lex_titles: dict[str, bool]) -> EdgeType | None:
    if title in NOT_A_COUNTRY_OFFICE:
        return None
    if title in COUNTERPART_TITLES:
        return EdgeType.REPRESENTS
    if lex_titles.get(title, False):
        return EdgeType.LEADER_OF
    if any(word in REPRESENTATIVE_WORDS for word in title.split()):
        return EdgeType.REPRESENTS
    return None


def _title_tokens(token: Token, found: SentenceActors) -> list[Token]:
    """Title nouns attached to a person token: its compounds and appositions, or itself."""
    candidates = [
        c for c in token.children if c.dep_ in {"compound", "appos", "nmod"} and not found.keys_of(c)
    ]
    if token.dep_ == "appos":
        candidates.append(token.head)
    return [token, *candidates]


#: Verbs whose person subject leads the organisation or country that is their object.
LEADING_VERBS = {"lead", "head", "chair", "run"}


def _led_bodies(sent: Span, found: SentenceActors, actors: ArticleActors) -> list[Relation]:
    """ "Varro, who leads the Civic Dawn party", "Ilse Varga heads the agency"."""
    relations = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in LEADING_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "relcl" and any(s.lower_ in {"who", "which"} for s in subjects):
            # "Dolgan, a former judge who leads the Civic Alliance": the name the apposition is of
            subjects = [verb.head, verb.head.head] if verb.head.dep_ == "appos" else [verb.head]
        people = [k for s in subjects for k in found.keys_of(s) if actors.actors[k].label is NodeLabel.PERSON]
        objects = [o for o in verb.children if o.dep_ == "dobj"]
        objects += [
            a for o in objects for a in o.children if a.dep_ == "appos"
        ]  # "the centrist Civic Alliance"
        bodies = [
            k
            for o in objects
            for k in found.keys_of(o)
            if actors.actors[k].label in {NodeLabel.ORGANIZATION, NodeLabel.COUNTRY}
        ]
        relations += [Relation(p, b, EdgeType.LEADER_OF) for p in people[:1] for b in bodies[:1]]
    return relations


def structural_relations(sent: Span, found: SentenceActors, actors: ArticleActors) -> list[Relation]:
    """The sentence's structural relations; each one to a state is remembered for the article
    ("her government" in a later sentence is that state; so is her own report of its acts)."""
    relations = _structural_relations(sent, found, actors)
    for rel in relations:
        if actors.actors[rel.target].label is NodeLabel.COUNTRY:
            actors.record_affiliation(rel.source, rel.target)
    return relations


def _structural_relations(sent: Span, found: SentenceActors, actors: ArticleActors) -> list[Relation]:
    relations: list[Relation] = _led_bodies(sent, found, actors)
    for key in found.all_keys():  # "Greek patrol boats" MEMBER_OF Greece, "Egypt's intelligence chief" …
        affiliation = actors.actors[key].affiliation
        if affiliation is not None:
            relations.append(Relation(key, affiliation[0], affiliation[1]))
    for token in sent:
        people = [k for k in found.keys_of(token) if actors.actors[k].label is NodeLabel.PERSON]
        if len(people) != 1 or token.dep_ == "compound":
            continue
        for title_token in _title_tokens(token, found):
            title = actors.role_phrase(title_token)
            if title is None:
                continue
            kind = _title_kind(title, actors.lex.titles)
            if kind is EdgeType.LEADER_OF and _subordinate(title_token):
                kind = EdgeType.REPRESENTS  # "the vice-president", "the deputy leader"
            org = _modifier_organization(title_token, found, actors) or _its_organization(
                title_token, found, actors
            )
            heads_it = title.split()[-1] in ORGANIZATION_HEADS
            if org is not None and heads_it and not _subordinate(title_token):
                kind = EdgeType.LEADER_OF  # "head of the IAEA", "Vellacor Mining chief executive"
            elif org is not None and (heads_it or kind is not None):
                kind = EdgeType.REPRESENTS  # "the agency's regional director", "its spokesman"
            principal = _personal_principal(title_token, title, found, actors)
            if principal is not None and principal != people[0]:
                relations.append(Relation(people[0], principal, EdgeType.REPRESENTS))
                break
            if kind is None:
                continue
            if org is not None:
                relations.append(Relation(people[0], org, kind))  # "NATO Secretary General …"
                break
            country = actors.modifier_country(title_token, found, preps=("of",))
            if country is None and title_token.i != token.i:
                # "Ulumbe's President Nkemdi Obuya", "Prime Minister Lidia Sorvin of Lunderia"
                country = actors.modifier_country(token, found, preps=("of",))
            if country is None:
                country = _its_country(title_token, found, actors)
            if country is None and actors.date is not None:
                held = actors.lex.countries_held_by(title, actors.actors[people[0]].name, actors.date)
                country = held[0] if len(held) == 1 else None
            if country is None and (kind is EdgeType.LEADER_OF or "minister" in title.split()):
                # a leader the lexicons know led a state at some time leads that one, not the
                # article's home ("under President X" in a story datelined abroad)
                known = actors.lex.countries_held_by(None, actors.actors[people[0]].name, None)
                if not known:
                    country = actors.home_country()
                elif len(known) == 1:
                    country = known[0]
            if country is None:
                continue
            country_key = actors.add(NodeLabel.COUNTRY, country, None)
            ministry = _ministry_of_title(title_token, actors, country_key)
            if ministry is not None and kind is EdgeType.REPRESENTS:
                # "Chinese foreign ministry spokesperson Lin Jian": he speaks for the ministry,
                # the ministry for China
                relations += [
                    Relation(people[0], ministry, EdgeType.REPRESENTS),
                    Relation(ministry, country_key, EdgeType.REPRESENTS),
                ]
                break
            relations.append(Relation(people[0], country_key, kind))
            break
    return relations


def _ministry_of_title(title: Token, actors: ArticleActors, country_key: str) -> str | None:
    """The ministry a title names before its holder ("Vietnam's foreign ministry spokeswoman"):
    an organisation of its own, named by the text's words up to "ministry"."""
    ministry = next(
        (c for c in title.children if c.dep_ == "compound" and c.lemma_.lower() == "ministry"), None
    )
    if ministry is None:
        return None
    start = min([ministry.left_edge.i, *(c.left_edge.i for c in title.children if c.i < ministry.i)])
    words = [t for t in title.doc[start : ministry.i + 1] if t.dep_ != "det"]
    name = " ".join(t.text for t in words).replace(" 's", "'s").replace(" ’s", "’s")
    key = actors.add(NodeLabel.ORGANIZATION, name, name)
    if actors.actors[key].affiliation is None:
        actors.actors[key].affiliation = (country_key, EdgeType.REPRESENTS)
    return key


def _modifier_organization(title: Token, found: SentenceActors, actors: ArticleActors) -> str | None:
    """ "NATO Secretary General X", "Ulumbe's President X", "X, head of the IAEA": the body led."""
    holders = [title] + ([title.head] if title.dep_ in {"compound", "appos"} else [])
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"compound", "nmod", "poss"} or (child.dep_ == "prep" and child.lower_ == "of"):
                for node in (
                    [child] if child.dep_ != "prep" else [p for p in child.children if p.dep_ == "pobj"]
                ):
                    for key in found.keys_of(node):
                        if actors.actors[key].label is NodeLabel.ORGANIZATION:
                            return key
    return None


def _subordinate(title: Token) -> bool:
    doc = title.doc
    hyphenated = (
        title.i >= 2 and doc[title.i - 1].text == "-" and doc[title.i - 2].lower_ in SUBORDINATE_QUALIFIERS
    )
    return hyphenated or any(
        c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in SUBORDINATE_QUALIFIERS for c in title.children
    )


def _its_organization(title: Token, found: SentenceActors, actors: ArticleActors) -> str | None:
    """ "Its director, Ingrid Solbakk": "its" is the organisation the article's last sentence was
    about (its subject), or the one this sentence's main clause is about."""
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in title.children):
        return None
    if title.dep_ == "conj":  # "the assets of the Northern Crescent Brigades and its leader"
        own = {t.i for t in title.subtree}
        orgs = [
            k
            for t in title.head.subtree
            if t.i not in own
            for k in found.keys_of(t)
            if actors.actors[k].label is NodeLabel.ORGANIZATION
        ]
        if orgs:
            return orgs[0]
    verb = title.head
    while verb.dep_ in {"appos", "conj", "prep", "pobj"} and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:  # "Pelloria was recalling its ambassador": "its" is the subject's
        if child.dep_ in {"nsubj", "nsubjpass"} and child.i != title.i:
            keys = found.keys_of(child)
            if keys:
                orgs = [k for k in keys if actors.actors[k].label is NodeLabel.ORGANIZATION]
                return orgs[0] if orgs else None
    before = _nearest_body_before(title, found, actors)
    if before is not None:  # "Selmara protested to Harvonia over what its foreign minister said"
        return before if actors.actors[before].label is NodeLabel.ORGANIZATION else None
    root = title.sent.root
    if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i < title.i and found.keys_of(c) for c in root.children):
        return None  # the sentence is about an actor of its own, whatever it is
    return actors.last_subject_organization()


def _nearest_body_before(title: Token, found: SentenceActors, actors: ArticleActors) -> str | None:
    """The first organisation or country of the title's sentence: what a later "its" most often
    refers to (the sentence's topic, not its last-named party)."""
    for token in title.doc[title.sent.start : title.i]:
        for key in found.keys_of(token):
            if actors.actors[key].label in {NodeLabel.ORGANIZATION, NodeLabel.COUNTRY}:
                return key
    return None


def _personal_principal(
    title_token: Token, title: str, found: SentenceActors, actors: ArticleActors
) -> str | None:
    """ "Halvane's spokeswoman, Lisa Omer": she speaks for the person, not for a country."""
    if title.split()[-1] not in PERSONAL_REPRESENTATIVES:
        return None
    for child in title_token.children:
        if child.dep_ == "poss":
            for key in found.keys_of(child):
                if actors.actors[key].label is NodeLabel.PERSON:
                    return key
    return None


def _its_country(title: Token, found: SentenceActors, actors: ArticleActors) -> str | None:
    """ "Washington sent its envoy": "its" is the clause's country subject."""
    if not any(c.dep_ == "poss" and c.lower_ == "its" for c in title.children):
        return None
    subjects = [c for c in title.head.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != title.i]
    for child in subjects:
        for key in found.keys_of(child):
            if actors.actors[key].label is NodeLabel.COUNTRY:
                return actors.actors[key].name
    if subjects and any(found.keys_of(c) for c in subjects):
        return None  # the clause has a subject of its own that is no country
    before = _nearest_body_before(title, found, actors)
    if before is not None:
        return actors.actors[before].name if actors.actors[before].label is NodeLabel.COUNTRY else None
    # "Its water minister, Grace Mutonga, said …": the country the last sentences were about
    last = actors.last_subject_country()
    return actors.actors[last].name if last else None


def drop_weaker_roles(edges: dict) -> None:
    """A leader is not also "represents" the same country: keep the stronger edge."""
    leaders = {(k[0], k[1]) for k in edges if k[2] is EdgeType.LEADER_OF}
    for key in [k for k in edges if k[2] is EdgeType.REPRESENTS and (k[0], k[1]) in leaders]:
        del edges[key]
