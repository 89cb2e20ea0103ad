"""Entity spans repaired with what the article says, before any actor is resolved.

The NER of a small model misses names, cuts them and mislabels them. This pass fixes the spans
of every paragraph of an article in place (`doc.ents`), so everything downstream sees them as
the NER's own:

- **known bodies**: a name or acronym of the organisations lexicon ("Reporters Without
  Borders", "OSCE") is one entity wherever it occurs;
- **introduced names**: a proper name right after "called", "named", "dubbed" or "known as",
  following a word for an organisation ("a criminal group called DarkSide"), is an
  organisation, and so is every later use of it;
- **acronyms** defined in parentheses ("Petroleos de Venezuela (PDVSA)") are entities of the
  defined name's type wherever they occur;
- **lists stay lists**: "Alphabet, Google" tagged as one span becomes two;
- **particles**: "Ursula von der" + "Leyen" is one person, "Ursula von der Leyen";
- **apposition types the name**: "Velkor, a ransomware gang" is an organisation, "Helix
  Minerals, a state mining company" too, "Mira Castell, the opposition leader" a person;
- **candidates beyond the NER**: a run of proper nouns in an argument position (subject,
  object, prepositional object, apposition) that the NER left alone becomes an entity, typed by
  a title before it ("Vice-President Maroš Šefčovič"), an apposition, the article's other
  mentions of the same name, or its shape (two or three name words: a person);
- **other mentions**: a name the NER calls an organisation once and a place elsewhere is an
  organisation everywhere (the NER's place guess is the weakest).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from actorgraph.graph.model import normalize_alias as _normalize_alias
from actorgraph.loaders.dates import MONTH_WORDS
from actorgraph.loaders.slots import known_word
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

normalize_alias = lru_cache(maxsize=1 << 16)(_normalize_alias)
_INTRODUCERS = {"called", "named", "dubbed", "calling", "calls"}  # "calling itself GreyMantis"
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
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "dative", "conj", "poss", "attr"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_DEMONYM_ENDINGS = ("ian", "ean", "an", "ese", "ish", "i")
_COUNTRY_SHAPES = ("ia", "land", "stan", "ana", "ica", "ova", "ea", "ador", "via")
#: what a company suffers and a city does not
_ORG_TARGET_EDGES = {"SANCTIONED", "ACCUSED", "INVESTIGATED"}
_PERSON_TARGET_EDGES = {"IMPRISONED", "RELEASED"}
_ORG_TARGET_VERBS = {
    "fine",
    "fined",
    "fines",
    "sue",
    "sued",
    "acquire",
    "acquired",
    "buy",
    "bought",
    "regulate",
}


_COUNTRY_MEMO: dict[tuple[int, str], str | None] = {}


def _country(lex, text: str) -> str | None:
    """`lex.country_of`, remembered: the same names come back in every paragraph."""
    key = (id(lex), text)
    if key not in _COUNTRY_MEMO:
        if len(_COUNTRY_MEMO) > 1 << 16:
            _COUNTRY_MEMO.clear()
        _COUNTRY_MEMO[key] = lex.country_of(text)
    return _COUNTRY_MEMO[key]


@lru_cache(maxsize=4)
def _introducer_ids(vocab) -> frozenset[int]:
    return frozenset(vocab.strings[w] for w in (*_INTRODUCERS, "known"))


def _introduced_names(doc: Doc) -> set[str]:
    names: set[str] = set()
    if _introducer_ids(doc.vocab).isdisjoint(doc.to_array("LOWER").tolist()):
        return names
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
        first = token.i + 1
        if first < len(doc) and doc[first].lower_ in {"itself", "themselves", "himself", "herself"}:
            first += 1
        elif token.lower_ in {"calling", "calls"}:
            continue  # "calling" names only with a reflexive: "a group calling itself X"
        for nxt in doc[first:]:
            if nxt.text[:1].isupper() and nxt.is_alpha:
                words.append(nxt.text)
            else:
                break
        if words:
            names.add(" ".join(words))
    return names


def _acronyms(doc: Doc) -> dict[str, str]:
    """ "Petroleos de Venezuela (PDVSA)": acronym -> the defined span's label."""
    found = {}
    for ent in doc.ents:
        end = ent.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            word = doc[end + 1].text
            initial = ent.text.removeprefix("the ").removeprefix("The ")[:1].upper()
            if _ACRONYM.match(word) and word[0] == initial and ent.label_ in {"ORG", "GPE", "NORP", "FAC"}:
                found[word] = "ORG" if ent.label_ != "GPE" else "GPE"  # not "Nancy Pelosi (D-CA)"
    return found


def _tag_everywhere(docs: list[Doc], names: dict[str, str]) -> None:
    """Every occurrence of each name becomes an entity with the given label."""
    if not names:
        return
    sizes = {name: len(name.split()) for name in names}
    for doc in docs:
        extra = []
        for name, label in names.items():
            size = sizes[name]
            first = name.split()[0]
            for token in doc:
                if token.text == first and doc[token.i : token.i + size].text == name:
                    extra.append(Span(doc, token.i, token.i + size, label=label))
        if extra:
            kept = [e for e in doc.ents if not any(e.start < x.end and x.start < e.end for x in extra)]
            doc.ents = filter_spans([*kept, *extra])


def _split_lists(doc: Doc, lex) -> list[Span]:
    """ "Alphabet, Google" as one span: two names, unless the whole is a known name."""
    out = []
    for ent in doc.ents:
        commas = [t.i for t in ent if t.text in {",", ";"}]
        # "Qestan and Aruqa" as one GPE: two one-word names joined by "and" are two states
        ands = [
            t.i
            for t in ent
            if t.lower_ == "and"
            and ent.label_ in {"GPE", "ORG", "NORP"}
            and t.i - 1 >= ent.start
            and t.i + 1 < ent.end
            and ent.end - ent.start == 3
        ]
        commas += ands
        if not commas or lex is not None and (_country(lex, ent.text) or _known_org(lex, ent.text)):
            out.append(ent)
            continue
        start = ent.start
        for i in [*commas, ent.end]:
            if i > start:
                out.append(Span(doc, start, i, label=ent.label_))
            start = i + 1
    return out


def _known_org(lex, text: str) -> bool:
    return normalize_alias(text.removeprefix("the ")) in lex.organizations


def _name_word(token: Token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text) and token.pos_ == "PROPN"


def _join_particles(doc: Doc, spans: list[Span], particles: frozenset[str]) -> list[Span]:
    """ "Ursula von der" (PERSON) + "Leyen" (GPE): one PERSON over the whole name."""
    if not particles:
        return spans
    by_start = {s.start: s for s in spans}
    out: list[Span] = []
    skip_until = -1
    for span in spans:
        if span.start < skip_until:
            continue
        end = span.end
        # "Ursula von der" ... the particles end the span: take the name words after them
        while end < len(doc) and doc[end - 1].lower_ in particles and _name_word(doc[end]):
            nxt = by_start.get(end)
            end = nxt.end if nxt is not None else end + 1
        start = span.start
        # "Leyen" alone, with "Ursula von der" untagged before it
        while start >= 2 and doc[start - 1].lower_ in particles and doc[start - 1].text.islower():
            probe = start - 1
            while probe > 0 and doc[probe - 1].lower_ in particles:
                probe -= 1
            if probe > 0 and _name_word(doc[probe - 1]):
                start = probe - 1
            else:
                break
        if (start, end) != (span.start, span.end):
            out.append(Span(doc, start, end, label="PERSON"))
            skip_until = end
        else:
            out.append(span)
    return out


def _join_hyphens(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Yoon Suk" + "-yeol": a hyphenated name the tokenizer cut stays whole."""
    out = []
    for span in spans:
        end = span.end
        while (
            span.label_ == "PERSON"
            and end + 1 < len(doc)
            and doc[end].text == "-"
            and not doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].is_alpha
        ):
            end += 2
        out.append(span if end == span.end else Span(doc, span.start, end, label=span.label_))
    return out


def _predicate_label(span: Span, lex) -> str | None:
    """ "The Commission fined Alphabet": what is fined, sued or sanctioned is no place;
    who is jailed or freed is a person ("police arrested Ilse Varga")."""
    if span.label_ == "ORG" and 2 <= len(span) <= 3 and span.root.dep_ in {"dobj", "nsubjpass"}:
        words = [t.lower_ for t in span]
        head = span.root.head.lemma_.lower()
        jailed = any(
            c.actor_edge is not None and c.actor_edge.value in _PERSON_TARGET_EDGES
            for c in lex.verb_classes.get(head, [])
        )
        if (
            jailed
            and all(t.text[:1].isupper() for t in span)
            and not any(
                w in lex.org_suffixes or lex.agents.apposition.get(w) == "ORG" or w == "the" for w in words
            )
        ):
            return "PERSON"
    if span.label_ != "GPE":
        return None
    root = span.root
    if root.dep_ not in {"dobj", "nsubjpass"} or _country(lex, span.text):
        return None
    if normalize_alias(span.text).endswith(_COUNTRY_SHAPES):
        return None  # "sanctioned Kessaria": likely a state
    lemma, word = root.head.lemma_.lower(), root.head.lower_
    edges = {c.actor_edge.value for c in lex.verb_classes.get(lemma, []) if c.actor_edge is not None}
    return (
        "ORG"
        if edges & _ORG_TARGET_EDGES or lemma in _ORG_TARGET_VERBS or word in _ORG_TARGET_VERBS
        else None
    )


def _appositive_label(token: Token, lex) -> str | None:
    """The label an apposition's head noun gives the name it describes."""
    if lex is None or not lex.agents.apposition:
        return None
    for other in (*token.children, token.head):
        rel = other.dep_ if other.i != token.head.i else token.dep_
        if rel != "appos" or other.pos_ != "NOUN" or other.ent_type_:
            continue
        words = [other.lower_, other.lemma_.lower()]
        modifiers = [c for c in other.lefts if c.dep_ in {"compound", "amod"}]
        if modifiers:
            words.insert(0, f"{modifiers[-1].lower_} {other.lower_}")
        for word in words:
            label = lex.agents.apposition.get(word)
            if label:
                return label
    return None


def _shape_label(span: Span, lex) -> str | None:
    """ "Ostmark Energy" is no person; "Velmoran" before "officials" is a demonym."""
    if span.label_ == "PERSON" and len(span) > 1 and span[-1].lower_ in lex.org_suffixes:
        return "ORG"
    before = _body_word_before(span, lex)
    if (
        span.label_ in {"PERSON", "GPE"}
        and before is not None
        and before.pos_ == "NOUN"
        and not _country(lex, span.text)
    ):
        return "ORG"  # "the state energy company Sarvgaz", "the charity Kestrel Relief"
    if span.label_ == "WORK_OF_ART" and _named_like_a_body(span, lex):
        return "ORG"  # "the charity Hope Without Borders", which the NER took for a title
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if (
        span.label_ in {"LAW", "WORK_OF_ART", "PRODUCT", "EVENT"}
        and nxt is not None
        and nxt.is_lower
        and nxt.lower_ in lex.agents.party_nouns
        and all(t.is_title for t in span)
    ):
        return "ORG"  # "the Civic Dawn party", which the NER took for a law
    if (
        span.label_ == "ORG"
        and len(span) in {2, 3}
        and span.start > 0
        and span.doc[span.start - 1].is_lower
        and span.doc[span.start - 1].lower_ in lex.titles
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
        and span[-1].lower_ not in lex.org_suffixes
        and not any(known_word(t.lower_) for t in span)
    ):
        return "PERSON"  # "opposition candidate Nadia Erlund": a title before a name
    if len(span) == 1 and span.label_ in {"ORG", "GPE", "PERSON"} and not _country(lex, span.text):
        token = span[0]
        if (
            (
                token.tag_ == "JJ"
                or token.dep_ in {"compound", "amod"}
                and token.head.lower_ in lex.agents.heads
            )
            and token.lower_.endswith(_DEMONYM_ENDINGS)
            and normalize_alias(token.text) not in lex.agents.not_country_demonyms
        ):
            return "NORP"  # "Velmoran officials"
    return None


def _named_like_a_body(span: Span, lex) -> bool:
    """Capitalised words ending as organisations end, or after a word for a kind of body."""
    inner_words = lex.agents.name_inner_words
    if len(span) < 2 or not all(t.is_title or t.lower_ in inner_words for t in span):
        return False
    return (
        span[-1].lower_ in lex.agents.org_name_endings
        or span[-1].lower_ in lex.org_suffixes
        or _body_word_before(span, lex) is not None
    )


def _body_word_before(span: Span, lex) -> Token | None:
    """The lower-case word for a kind of body right before a name ("the charity", "the state
    energy company"), if there is one."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_lower and lex.agents.apposition.get(before.lower_) == "ORG":
        return before
    return None


def _retype_by_apposition(spans: list[Span], lex) -> list[Span]:
    if not spans:
        return spans
    doc = spans[0].doc
    has_appos = doc.vocab.strings["appos"] in doc.to_array("DEP")
    out = []
    for span in spans:
        label = _appositive_label(span.root, lex) if has_appos and span.label_ in _ACTOR_LABELS else None
        label = label or _predicate_label(span, lex) or _shape_label(span, lex)
        if label and label != span.label_ and not _country(lex, span.text) and not _known_org(lex, span.text):
            span = Span(span.doc, span.start, span.end, label=label)
        out.append(span)
    return out


def _title_case(doc: Doc) -> bool:
    words = [t for t in doc if t.is_alpha]
    return len(words) > 3 and sum(t.text[:1].isupper() for t in words) > 0.6 * len(words)


def _candidates(doc: Doc, lex, known: dict[str, str]) -> list[Span]:
    """Runs of proper nouns in argument positions that no entity covers."""
    if lex is None:
        return []
    covered = {i for e in doc.ents for i in range(e.start, e.end)}
    proper = (doc.to_array("POS") == PROPN).nonzero()[0].tolist()  # no Python loop over tokens
    starts = [i for i in proper if i not in covered and _name_word(doc[i])]
    if not starts or _title_case(doc):
        return []
    out = []
    i = starts[0]
    while i < len(doc):
        token = doc[i]
        if i in covered or not _name_word(token):
            i += 1
            continue
        j = i
        while (
            j + 1 < len(doc)
            and j + 1 not in covered
            and (
                _name_word(doc[j + 1])
                or (
                    doc[j + 1].lower_ in lex.agents.name_particles
                    or doc[j + 1].is_title
                    and doc[j + 1].lower_ in lex.agents.name_inner_words
                    or doc[j + 1].text == "-"  # "Anti-Corruption"
                    and not doc[j].whitespace_
                    and not doc[j + 1].whitespace_
                    or doc[j + 1].lower_ == "of"
                    and doc[j].tag_ == "NNPS"  # "the Sons of Orun"
                )
                and j + 2 < len(doc)
                and (_name_word(doc[j + 2]) or doc[j + 1].text == "-" and doc[j + 2].is_title)
            )
        ):
            j += 1
        span = doc[i : j + 1]
        i = j + 1
        label = _candidate_label(span, lex, known)
        start = span.start
        if label == "ORG" and start > 0 and doc[start - 1].ent_type_ == "NORP" and doc[start - 1].is_title:
            start -= 1  # "the Sarnavian Anti-Corruption Bureau": the demonym is part of the name
        if label:
            out.append(Span(doc, start, span.end, label=label))
    return out


def _list_label(span: Span) -> str | None:
    """A list is of one kind: the label of a neighbour across a comma or an "and"."""
    doc = span.doc
    neighbours = []
    if span.end + 1 < len(doc) and doc[span.end].text in {",", "and"}:
        neighbours.append(doc[span.end + 1])
    if span.start >= 2 and doc[span.start - 1].text in {",", "and"}:
        neighbours.append(doc[span.start - 2])
    return next((t.ent_type_ for t in neighbours if t.ent_type_ in {"ORG", "PERSON"}), None)


def _candidate_label(span: Span, lex, known: dict[str, str]) -> str | None:
    root = span.root
    if len(span) > 1 and known.get(normalize_alias(span.text)) in {"ORG", "PERSON"}:
        return known[normalize_alias(span.text)]  # a name the article tagged elsewhere, misparsed here
    listed = _list_label(span)  # "Facebook, Apple and Amazon" when the NER tagged the others
    if root.dep_ not in _ARGUMENT_DEPS or not listed and span[0].i == span.sent.start and len(span) == 1:
        return None
    text = span.text
    norm = normalize_alias(text)
    words = [t.lower_.rstrip(".") for t in span]
    if norm in lex.agents.not_actors or _country(lex, text) or any(w in lex.titles for w in words):
        return None
    if words[-1] in lex.agents.not_actor_heads or words[0] in lex.agents.place_heads:
        return None  # "the Paris Agreement", "Black Sea", "Gulf of Aden": no actor
    if any(w in lex.honorifics for w in words[:1]) or normalize_alias(span[0].text) in lex.agents.not_actors:
        return None
    if _known_org(lex, text):
        return "ORG"
    if listed:
        return listed
    if norm in known:
        return known[norm]
    label = _appositive_label(root, lex)
    if label:
        return label
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and (
        before.lower_.rstrip(".") in lex.titles or before.lower_.rstrip(".") in lex.honorifics
    ):
        return "PERSON"
    if any(w in lex.org_suffixes for w in words[1:]) or any(
        lex.agents.apposition.get(w) == "ORG" for w in words[1:]
    ):
        return "ORG"
    if any(t.lower_ == "of" for t in span[1:-1]):
        return "ORG"  # "the Sons of Orun": a body's name, never a person's
    if 2 <= len(span) <= 4 and all(t.is_alpha or "-" in t.text for t in span):
        return "PERSON"
    return None


def _article_labels(docs: list[Doc], lex) -> tuple[dict[str, str], dict[str, str]]:
    """One label per name across the article: an organisation once beats a place guess.

    Returns the label of every name, and those of the names the NER labelled in several ways.
    """
    votes: dict[str, Counter[str]] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in _ACTOR_LABELS and ent.label_ != "NORP":
                votes.setdefault(normalize_alias(ent.text.removeprefix("the ")), Counter())[ent.label_] += 1
    labels: dict[str, str] = {}
    mixed: dict[str, str] = {}
    name_words = {  # words of full personal names: "Lutgas" is no surname of anyone here
        normalize_alias(t.text)
        for d in docs
        for e in d.ents
        if e.label_ == "PERSON" and len(e) > 1
        for t in e
    }
    for norm, counter in votes.items():
        if lex is not None and _country(lex, norm):
            continue
        if len(counter) > 1:
            if "ORG" in counter and counter.keys() & _PLACE_LABELS:
                mixed[norm] = "ORG"
            elif "PERSON" in counter and counter.keys() & _PLACE_LABELS:
                mixed[norm] = "PERSON"
            elif counter.keys() == {"ORG", "PERSON"} and " " not in norm and norm not in name_words:
                mixed[norm] = "ORG"  # "Kavno's grid operator, Lutgas" … "Lutgas filed a claim"
        else:
            labels[norm] = next(iter(counter))
    return {**labels, **mixed}, mixed


def _relabel(doc: Doc, labels: dict[str, str]) -> None:
    changed = False
    ents = []
    for ent in doc.ents:
        label = labels.get(normalize_alias(ent.text.removeprefix("the ")))
        if label and label != ent.label_ and ent.label_ in _PLACE_LABELS | {"ORG", "PERSON"}:
            ent = Span(doc, ent.start, ent.end, label=label)
            changed = True
        ents.append(ent)
    if changed:
        doc.ents = ents


_AMOUNT_WORDS = frozenset(
    {"million", "billion", "trillion", "thousand", "euros", "dollars", "pounds", "won", "yen"}
)
_INNER_PREPS = frozenset({"near", "in", "at", "on", "outside", "inside", "along"})


#: bodies and texts named "… on …": "the European Convention on Human Rights", "the Committee
#: on Foreign Relations"
_NAMED_ON_HEADS = frozenset(
    {
        "convention",
        "committee",
        "commission",
        "council",
        "conference",
        "court",
        "panel",
        "office",
        "agency",
        "treaty",
        "tribunal",
        "centre",
        "center",
        "institute",
        "forum",
        "mission",
        "rapporteur",
    }
)


def _named_on(token: Token) -> bool:
    """An "on" inside a name: after a body's head word, before a capitalised word."""
    doc = token.doc
    return (
        token.lower_ == "on"
        and token.i > 0
        and doc[token.i - 1].lower_ in _NAMED_ON_HEADS
        and token.i + 1 < len(doc)
        and doc[token.i + 1].is_title
    )


def _trimmed(span: Span) -> Span:
    """ "fined Apple 1.8 billion euros" tagged "Apple 1.8 billion", "the Syrian Democratic Forces
    near Kobani" tagged whole: a name ends before an amount or a locative preposition."""
    if (
        span.label_ in {"LAW", "MONEY", "QUANTITY", "CARDINAL"}
        and span[0].pos_ == "PROPN"
        and span[0].is_title
    ):
        # "fined Google 2.6 billion lira" tagged as one amount: the name before the number
        first_number = next((t.i for t in span if t.like_num), None)
        if first_number is not None and first_number > span.start:
            return Span(span.doc, span.start, first_number, label="ORG")
        return span
    if span.label_ not in {"ORG", "PERSON", "NORP"}:
        return span
    end = span.end
    if span.label_ == "ORG" and len(span[0]) > 1 and span[0].is_upper and len(span) > 1 and span[1].is_lower:
        end = span.start + 1  # "NASAMS air defence systems": the acronym, not its description
    for token in span[1 : end - span.start]:
        # "Kestrel Nine Logistics": a capitalised number word inside a name is part of it
        if token.like_num and not token.is_title or token.lower_ in _AMOUNT_WORDS or token.is_currency:
            end = token.i
            break
        if token.pos_ == "ADP" and token.lower_ in _INNER_PREPS and not _named_on(token):
            end = token.i
            break
    while end - span.start > 1 and span.doc[end - 1].pos_ in {"ADP", "DET", "CCONJ", "PUNCT"}:
        end -= 1  # "Archbishop Teodoro Vance of" Porto Lume: no name ends in a preposition
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_)


def _with_first_names(span: Span, lex) -> Span:
    """ "Marek Zolt vowed …" tagged as "Zolt": the name words the NER left out before a person."""
    doc = span.doc
    if span.label_ in {"PERSON", "ORG"} and span[-1].lower_ in lex.agents.org_name_endings:
        # "Reporters Without Borders" tagged from "Without": a capitalised word before an
        # organisation's name is part of it
        start = span.start
        while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"}:
            start -= 1
        return span if start == span.start else Span(doc, start, span.end, label="ORG")
    if span.label_ != "PERSON":
        return span
    start = span.start
    while start > 0:
        prev = doc[start - 1]
        word = prev.lower_.rstrip(".")
        if (
            prev.pos_ != "PROPN"
            or not prev.is_title
            or prev.ent_type_ not in {"", "PERSON"}
            or word in lex.titles
            or word in lex.honorifics
            or known_word(word)  # "Commissioner", "General": English words, not first names
            or normalize_alias(prev.text) in lex.country_by_alias
            or normalize_alias(prev.text) in lex.country_by_adjective
        ):
            break
        start -= 1
    return span if start == span.start else Span(doc, start, span.end, label="PERSON")


def _with_body_head(span: Span, lex) -> Span:
    """ "the Inner Sea Concord" tagged as the place "Inner Sea": the head word joins the name."""
    doc = span.doc
    if span.label_ not in {"LOC", "GPE", "NORP", "FAC"} or span.end >= len(doc):
        return span
    nxt = doc[span.end]
    if nxt.ent_type_ or not nxt.is_title or nxt.pos_ != "PROPN" or nxt.lower_ not in lex.agents.body_heads:
        return span
    return Span(doc, span.start, span.end + 1, label="ORG")


def _with_capitalised_tail(span: Span, lex) -> Span:
    """ "the charity Hope Without Borders" tagged as "Hope": a capitalised function word and the
    capitalised words after it are the rest of the organisation's name."""
    doc = span.doc
    end = span.end
    if span.label_ not in {"ORG", "PERSON"} or end + 1 >= len(doc):
        return span
    inner = doc[end]
    if not inner.is_title or inner.lower_ not in lex.agents.name_inner_words or inner.i == inner.sent.start:
        return span
    if _title_case(doc):  # the whole paragraph's scan last: after the span's own cheap tests
        return span
    tail = end + 1
    while tail < len(doc) and doc[tail].is_title and doc[tail].pos_ in {"PROPN", "NOUN"}:
        tail += 1
    if tail == end + 1:
        return span
    return Span(doc, span.start, tail, label="ORG")


def _with_head_word(span: Span, lex) -> Span:
    """ "the International Centre for Settlement of Investment Disputes" tagged without its last
    word: a capitalised noun that the span's last word modifies belongs to the name."""
    doc = span.doc
    if span.label_ != "ORG" or span.end >= len(doc):
        return span
    nxt = doc[span.end]
    if (
        not nxt.is_title
        or nxt.ent_type_
        or nxt.pos_ not in {"PROPN", "NOUN"}
        or span[-1].dep_ != "compound"
        or span[-1].head.i != nxt.i
        or normalize_alias(nxt.text) in lex.country_by_alias
        or nxt.lower_ in lex.titles  # "IAU President Karen Lindqvist": the title of the body's head
        or _title_case(doc)
    ):
        return span
    return Span(doc, span.start, span.end + 1, label="ORG")


def _with_name_before(span: Span, lex) -> Span:
    """ "Halcyra Telecom" tagged as the place "Telecom": an untagged proper noun compounding the
    span's head is the start of its name, and a company ending makes the whole an organisation."""
    doc = span.doc
    if span.start == 0 or span.label_ not in _ACTOR_LABELS - {"PERSON"}:
        return span  # a person's name is preceded by titles ("Justice"), not by more of it
    before = doc[span.start - 1]
    if (
        before.pos_ != "PROPN"
        or not before.is_title
        or before.ent_type_
        or before.dep_ != "compound"
        or not span.start <= before.head.i < span.end
        or before.lower_ in lex.titles
        or before.lower_.rstrip(".") in lex.honorifics
        or _country(lex, before.text)
        or normalize_alias(before.text) in lex.country_by_adjective
        or _title_case(doc)
    ):
        return span
    label = "ORG" if span[-1].lower_ in lex.org_suffixes else span.label_
    return Span(doc, span.start - 1, span.end, label=label)


def _with_last_name(span: Span, lex) -> Span:
    """ "President Yoon Suk Yeol" tagged as "Yoon Suk": the parser still sees the name as one
    phrase whose head word the NER left out, so that head joins the person."""
    doc = span.doc
    if span.label_ != "PERSON" or span.end >= len(doc):
        return span
    nxt = doc[span.end]
    word = nxt.lower_
    if (
        nxt.pos_ != "PROPN"
        or not nxt.is_title
        or (nxt.ent_type_ and not _false_date(nxt))  # "Duncan Farraday", "Farraday" read as a date
        or span[-1].dep_ != "compound"
        or span[-1].head.i != nxt.i
        or word in lex.titles
        or word in lex.agents.org_name_endings
        or known_word(word)
        or normalize_alias(nxt.text) in lex.country_by_alias
        or normalize_alias(nxt.text) in lex.country_by_adjective
    ):
        return span
    return Span(doc, span.start, span.end + 1, label="PERSON")


_CALENDAR_WORDS = MONTH_WORDS | frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "christmas",
        "easter",
        "ramadan",
        "eid",
    ]
)


def _false_date(token: Token) -> bool:
    """A name word the NER took for a date: no digit, no month, weekday or holiday."""
    return (
        token.ent_type_ == "DATE" and not token.like_num and token.lower_.rstrip(".") not in _CALENDAR_WORDS
    )


def _without_title_words(span: Span, lex) -> Span:
    """ "Lumaran Energy Minister Joseph Banda" with "Lumaran Energy" tagged ORG: the words
    before a title and its holder's name are the title's, not an organisation (an empty span
    is dropped)."""
    doc = span.doc
    end = span.end
    if span.label_ not in {"ORG", "PERSON"} or end + 1 >= len(doc):
        return span  # "Ardessan Foreign" tagged PERSON before "Minister Jonas Eckart" alike
    title, holder = doc[end], doc[end + 1]
    if not (title.lower_ in lex.titles and title.is_title and holder.ent_type_ == "PERSON"):
        return span
    if span[-1].lower_ in lex.org_suffixes and title.lower_ not in {"minister", "secretary"}:
        return span  # "Aurelis Mining Chief Executive X": the company's own officer
    if span.label_ == "ORG" and (
        len(span) == 1 and span[0].is_upper and len(span[0]) > 1 or _known_org(lex, span.text)
    ):
        return span  # "IAU President Karen Lindqvist": an acronym is the body's own name
    return Span(doc, span.start, span.start)


#: Repairs of one entity span, in order: each sees the span the one before it left.
_SPAN_REPAIRS = (
    _without_title_words,
    _with_capitalised_tail,
    _with_name_before,
    _with_first_names,
    _with_last_name,
    _with_head_word,
    _with_body_head,
)


def _repaired(span: Span, lex) -> Span:
    if span.label_ == "ORG" and len(span) == 1 and span[0].lower_.rstrip(".") in _CALENDAR_WORDS:
        return span[0:0]  # "since Dec. 31": a month, not a body
    if (
        span.label_ in {"PRODUCT", "WORK_OF_ART"}
        and span.root.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos"}
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
    ):
        # "extended a credit line to Brightfold", "sanctions on Halmeria": a name in an actor's
        # place the NER took for a product; left to the candidate names, which type it
        return span[0:0]
    for repair in _SPAN_REPAIRS:
        span = repair(span, lex)
    if span.label_ == "ORG" and _known_org(lex, span.text):
        return span  # "… Co-operation in Europe": a known name is whole as it stands
    return _trimmed(span)


@lru_cache(maxsize=8)
def _known_index(forms: frozenset[str]) -> dict[str, list[str]]:
    """The known bodies' names that cannot be common words (names of two words or more,
    acronyms, names with an inner capital: "TikTok"), by their first token, longest first."""
    index: dict[str, list[str]] = {}
    for f in forms:
        if f[:1].isupper() and (
            len(f.split()) >= 2 or f.isupper() and len(f) >= 3 or any(c.isupper() for c in f[1:])
        ):
            index.setdefault(re.split(r"[ '’-]", f)[0], []).append(f)
    for names in index.values():
        names.sort(key=len, reverse=True)
    return index


def _known_at(doc: Doc, start: int, names: list[str]) -> Span | None:
    """The longest of `names` that the tokens from `start` spell out, whole words only (the
    text is rebuilt from the few tokens needed: `doc.text` joins the whole paragraph)."""
    longest = len(names[0])
    text, end = "", start
    while end < len(doc) and len(text) < longest + 1:
        text += doc[end].text_with_ws
        end += 1
    for name in names:
        if text.startswith(name) and (
            len(text) == len(name) or not (text[len(name)].isalnum() or text[len(name)] == "-")
        ):
            idx = doc[start].idx
            return doc.char_span(idx, idx + len(name), label="ORG")
    return None


def _tag_known(docs: list[Doc], lex) -> None:
    """ "the Organization for Security and Co-operation in Europe" cut before "in Europe",
    "Reporters Without Borders" not tagged at all: a known body's name is one entity wherever
    it occurs, unless the NER already tagged a longer name around it."""
    index = _known_index(lex.organization_forms)
    if not index:
        return
    for doc in docs:
        extra: list[Span] = []
        for token in doc:
            names = index.get(token.text)
            if names is None:
                continue
            span = _known_at(doc, token.i, names)
            if span is not None:
                extra.append(span)
        if not extra:
            continue
        ents = doc.ents  # built anew on every access: once per paragraph
        extra = [
            x
            for x in extra
            if not any(
                e.start <= x.start and x.end <= e.end and (len(e) > len(x) or e.label_ == "ORG") for e in ents
            )
        ]  # tagged already, or "European Union Naval Force" stays whole
        if extra:
            kept = [e for e in ents if not any(e.start < x.end and x.start < e.end for x in extra)]
            doc.ents = filter_spans([*kept, *extra])


def add_called_names(docs: list[Doc], lex=None) -> None:
    """Repair the entity spans of one article's paragraphs in place (see the module docstring)."""
    if not docs:
        return
    if lex is not None:
        _tag_known(docs, lex)
    names = {name: "ORG" for name in set().union(*(_introduced_names(d) for d in docs))}
    for doc in docs:
        names.update(_acronyms(doc))
    _tag_everywhere(docs, names)
    for doc in docs:
        before = [(e.start, e.end, e.label_) for e in doc.ents]
        spans = _split_lists(doc, lex)
        if lex is not None:
            spans = _join_particles(doc, _join_hyphens(doc, spans), lex.agents.name_particles)
            spans = _retype_by_apposition(filter_spans(spans), lex)
            spans = [_repaired(s, lex) for s in spans]
            spans = [s for s in spans if len(s)]
        if [(s.start, s.end, s.label_) for s in spans] != before:
            doc.ents = filter_spans(spans)
    if lex is None:
        return
    labels, mixed = _article_labels(docs, lex)
    for doc in docs:
        extra = _candidates(doc, lex, labels)
        if extra:
            doc.ents = filter_spans([*doc.ents, *extra])
        if mixed:
            _relabel(doc, mixed)
