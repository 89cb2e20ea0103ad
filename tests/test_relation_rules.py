"""Relation rules one by one: a short sentence with invented names per construction.

Invented countries, people and groups keep any gazetteer from carrying the result: what passes
here passes on the parse and the verb lexicon alone. Each case names the triples it must give
and those it must not.
"""

from __future__ import annotations

import pytest
from actorgraph.graph.model import Document, EdgeType
from actorgraph.loaders.lexicons import load_lexicons

CASES: list[tuple[str, set[tuple[str, str, str]], set[tuple[str, str, str]]]] = [
    # "at X's request", "at the request of X": X asked the doer, and is no target of the act
    (
        "The Ardel Electoral Commission ordered a review. The State Cyber Security Centre, which "
        "examined the clip at the commission's request, said the audio was fake.",
        {("Ardel Electoral Commission", "DEMANDED", "State Cyber Security Centre")},
        {("State Cyber Security Centre", "INVESTIGATED", "Ardel Electoral Commission")},
    ),
    (
        "Kessaria freed the two sailors at the request of Norvalia's president.",
        {("Norvalia's president", "DEMANDED", "Kessaria")},
        set(),
    ),
    # "the Oskarian authorities", "the authorities" in a story about one state: the state
    (
        "The Halden Press Union called on the Oskarian authorities to ensure an independent investigation.",
        {("Halden Press Union", "DEMANDED", "Oskaria")},
        set(),
    ),
    (
        "Ostrenia jailed the activist on Monday. The Halden Press Union urged the authorities to free him.",
        {("Halden Press Union", "DEMANDED", "Ostrenia")},
        set(),
    ),
    # a title with no country, in a story naming two states equally: the dateline's state
    (
        "Ostrevia asks Dalmora to lift immunity\n\nKARSK, Nov 27 — Ostrevia formally asked Dalmora on "
        "Thursday to waive the immunity of a Dalmoran diplomat. Dalmora refused the request, and "
        "Dalmora's embassy said the diplomat had left.\n\nPrime Minister Anton Seler said his "
        "government was considering every option.",
        {("Anton Seler", "LEADER_OF", "Ostrevia")},
        {("Anton Seler", "LEADER_OF", "Dalmora")},
    ),
    # "…, in a move that was condemned by Y": Y judged whoever made the move, even when a
    # reporting verb stands between
    (
        "Velmar tested a missile on Saturday, the Ostrian army said, in a move that was swiftly "
        "condemned by Kessaria.",
        {("Kessaria", "CRITICIZED", "Velmar")},
        {("Kessaria", "CRITICIZED", "Ostrian army")},
    ),
    # a meeting that sets an act took place, and the one met is who was urged
    (
        "In a phone call with Ostrian President Lena Varga, Prime Minister Tomas Brel urged the "
        "release of a detained Velmari writer.",
        {("Lena Varga", "MET", "Tomas Brel"), ("Tomas Brel", "DEMANDED", "Lena Varga")},
        set(),
    ),
    (
        "Kessaria freed 52 prisoners after talks in Selt with Ostrian envoy Ilse Korva.",
        {("Ilse Korva", "MET", "Kessaria")},
        set(),
    ),
    # a group named by its field does not raise that field: "human rights groups said …"
    (
        "Human rights groups said the talks between Velmar and Ostria had collapsed.",
        set(),
        {("Human rights groups", "RAISED", "human rights"), ("Velmar", "ASSOCIATED_WITH", "human rights")},
    ),
    # "X, a former judge who leads the centrist Y": the apposition's name leads the body the
    # object's apposition names
    (
        "Dolgan, a former judge who leads the centrist Civic Alliance, is running for president.",
        {("Dolgan", "LEADER_OF", "Civic Alliance")},
        set(),
    ),
    # a request or proposal is answered, not struck or given: "shot down a demand", "granted a request"
    (
        "Karbekistan shot down Brastova's demand for overdue transit fees.",
        {("Karbekistan", "REJECTED", "Brastova")},
        {("Karbekistan", "ATTACKED", "Brastova")},
    ),
    (
        "Pelloria granted Calmoria's request for the extradition.",
        set(),
        {("Pelloria", "AIDED", "Calmoria")},
    ),
    # what a rejection's purpose clause names did not happen: "brushed off a demand … to free X"
    (
        "Akkoria brushed off a demand from the Southern Lakes Union to free jailed journalist Corrin Maddox.",
        {("Akkoria", "REJECTED", "Southern Lakes Union")},
        {("Akkoria", "RELEASED", "Corrin Maddox")},
    ),
    # a sentence parsed as one noun phrase ("pardoned" a modifier of "activist"): the verb keeps
    # its object (real names: invented ones change the parse)
    (
        "Egyptian President Abdel Fattah al-Sisi pardoned British-Egyptian activist Alaa Abd el-Fattah "
        "after years of campaigning.",
        {("Abdel Fattah al-Sisi", "RELEASED", "Alaa Abd el-Fattah")},
        set(),
    ),
    # a named body its state owns acts for it; its forces serve in them; a movement of the
    # country is no state body
    (
        "Velmora expelled Korvala's ambassador on Monday. Velmora's Internal Security Agency said "
        "it had detained two men, and the Armed Forces of Korvala shelled a camp of the Democratic "
        "Movement of Korvala.",
        {
            ("Velmora", "EXPELLED", "Korvala's ambassador"),
            ("Internal Security Agency", "REPRESENTS", "Velmora"),
            ("Armed Forces of Korvala", "MEMBER_OF", "Korvala"),
        },
        {("Democratic Movement of Korvala", "MEMBER_OF", "Korvala")},
    ),
    # an organisation's short form is the noun before its "of"/"for": never the country it names
    (
        "The charity said the Armed Forces of Korvala had ignored its calls. "
        "Korvala's Interior Minister Tomas Brel accused Ostria of lying.",
        {("Tomas Brel", "REPRESENTS", "Korvala"), ("Tomas Brel", "ACCUSED", "Ostria")},
        {("Tomas Brel", "REPRESENTS", "Armed Forces of Korvala")},
    ),
    (
        "President Ada Voss accused the mission of bias. "
        "The UN Mission for the Protection of Selvara has 900 troops.",
        {("Ada Voss", "ACCUSED", "UN Mission for the Protection of Selvara")},
        set(),
    ),
    # prepositional verbs: the preposition decides the class ("fired at", not "fired" an official)
    (
        "Marko Veltan fired warning shots at Ilse Korva on Tuesday.",
        {("Marko Veltan", "ATTACKED", "Ilse Korva")},
        set(),
    ),
    (
        "Anders Holmqvist protested to Petra Lindqvist over the detention of two fishermen.",
        {("Anders Holmqvist", "CRITICIZED", "Petra Lindqvist")},
        set(),
    ),
    # light verbs and their prepositional targets; a venue ("at the Council") is no target
    (
        "Viktor Andrassy presented evidence against Tomas Herczeg at the Security Council.",
        {("Viktor Andrassy", "ACCUSED", "Tomas Herczeg")},
        {("Viktor Andrassy", "ACCUSED", "UN Security Council")},
    ),
    (
        "Oskar Brandt lodged a formal protest with Lena Vogt.",
        {("Oskar Brandt", "CRITICIZED", "Lena Vogt")},
        set(),
    ),
    # modality: wishes, plans, conditions, hedges, questions and denials are not events
    (
        "Marko Veltan wants Ilse Korva to attack Tomas Herczeg.",
        set(),
        {("Ilse Korva", "ATTACKED", "Tomas Herczeg")},
    ),
    ("Marko Veltan plans to sanction Ilse Korva.", set(), {("Marko Veltan", "SANCTIONED", "Ilse Korva")}),
    ("Marko Veltan could attack Ilse Korva.", set(), {("Marko Veltan", "ATTACKED", "Ilse Korva")}),
    (
        "If Marko Veltan attacks Ilse Korva, Tomas Herczeg will sanction him.",
        set(),
        {("Marko Veltan", "ATTACKED", "Ilse Korva")},
    ),
    ("Did Marko Veltan attack Ilse Korva?", set(), {("Marko Veltan", "ATTACKED", "Ilse Korva")}),
    ("Marko Veltan denied attacking Ilse Korva.", set(), {("Marko Veltan", "ATTACKED", "Ilse Korva")}),
    # a threat is its own event, with the complement's target; a demand likewise
    (
        "Marko Veltan threatened to expel Ilse Korva.",
        {("Marko Veltan", "THREATENED", "Ilse Korva")},
        {("Marko Veltan", "EXPELLED", "Ilse Korva")},
    ),
    (
        "Marko Veltan urged Ilse Korva to release the prisoners.",
        {("Marko Veltan", "DEMANDED", "Ilse Korva")},
        set(),
    ),
    # nominal events: "talks between X and Y", and the clause subject's "talks with Y"
    (
        "Talks between Marko Veltan and Ilse Korva ended without a deal.",
        {("Ilse Korva", "MET", "Marko Veltan")},
        set(),
    ),
    (
        "Marko Veltan flew home after talks with Ilse Korva.",
        {("Ilse Korva", "MET", "Marko Veltan")},
        set(),
    ),
    # reported speech: the speaker accuses; the reported attack is not asserted by the text
    (
        "Marko Veltan said Ilse Korva had attacked Tomas Herczeg.",
        {("Marko Veltan", "ACCUSED", "Ilse Korva")},
        {("Ilse Korva", "ATTACKED", "Tomas Herczeg")},
    ),
    # negation
    ("Marko Veltan did not meet Ilse Korva.", set(), {("Ilse Korva", "MET", "Marko Veltan")}),
    # the owner of the thing acted on: the "of" phrase, not the city modifying it; a one-word
    # organisation after "of" is a name unless a capitalised title precedes ("Secretary of State")
    (
        "The Varenian Competition Board raided the Kessel office of Nordavik over pricing deals.",
        {("Varenian Competition Board", "INVESTIGATED", "Nordavik")},
        set(),
    ),
    # a class's own light preposition ("at" for accusations) takes the target right after the
    # phrase, not a venue further on
    (
        "Marko Veltan levelled accusations at Ilse Korva at the UN Security Council.",
        {("Marko Veltan", "ACCUSED", "Ilse Korva")},
        {("Marko Veltan", "ACCUSED", "UN Security Council")},
    ),
    # a name's head word decides: a "Valley" inside a front's name, a "Brigades" the NER took
    # for a facility, are bodies that accuse and are accused
    (
        "The Dalmor Valley Liberation Front accused Ilse Korva of torture.",
        {("Dalmor Valley Liberation Front", "ACCUSED", "Ilse Korva")},
        set(),
    ),
    (
        "Kethmari Home Minister Vikram Sethuram pointed the finger at the Ashkari Brigades for Sunday's bombing.",
        {("Vikram Sethuram", "ACCUSED", "Ashkari Brigades")},
        set(),
    ),
    # an envoy's host named by its capital, a two-word one too; a capital where talks happen
    # stays a place
    ("Varenia withdrew its ambassador to Buenos Aires.", {("Varenia", "RECALLED", "Argentina")}, set()),
    (
        "Kessaria recalled its envoy from Kigali after the border clash.",
        {("Kessaria", "RECALLED", "Rwanda")},
        set(),
    ),
    # the author of the thing acted on, hyphenated to a participle: one token ("U.S.-drafted")
    # or three ("Kremlin - backed"), a capital or an unknown state read as its government
    (
        "Tessalia vetoed a Marvoria-drafted resolution on the blockade.",
        {("Tessalia", "REJECTED", "Marvoria")},
        set(),
    ),
    ("Varenia rejected a Kremlin-backed peace plan.", {("Varenia", "REJECTED", "Russia")}, set()),
    (
        "Russia vetoed a U.S.-drafted resolution calling for a ceasefire.",
        {("Russia", "REJECTED", "United States")},
        set(),
    ),
    (
        "Koryssa vetoed a Kethmar-drafted resolution on freedom of navigation.",
        {("Koryssa", "REJECTED", "Kethmar")},
        {("Koryssa", "REJECTED", "Kethmar-drafted")},
    ),
    # a recalled envoy's host: the state after "ambassador to", even one the NER took for a
    # person; a capital in apposition gives its state, not the city too
    (
        "Dravonia's ambassador to Kelmar was recalled by his government on Friday.",
        {("Dravonia", "RECALLED", "Kelmar")},
        {("Dravonia", "RECALLED", "Dravonia's ambassador")},
    ),
    (
        "Ostland and Merevia recalled their envoys from Varsk, Pellandia's capital.",
        {("Ostland", "RECALLED", "Pellandia"), ("Merevia", "RECALLED", "Pellandia")},
        {("Ostland", "RECALLED", "Varsk")},
    ),
    # a place the NER tagged just before a body's head word is the start of the body's name
    (
        "Marko Veltan issued a stinging rebuke to the Inner Sea Concord over its silence.",
        {("Marko Veltan", "CRITICIZED", "Inner Sea Concord")},
        set(),
    ),
    # a passive whose agent the parser hangs on the amount ("fined 85 million crowns by X")
    (
        "Vollmark Energy was fined 85 million crowns by the Kareshi Competition Authority for fixing"
        " fuel prices.",
        {("Kareshi Competition Authority", "SANCTIONED", "Vollmark Energy")},
        set(),
    ),
    # wire-style attribution at the end is the report's own statement of fact ...
    (
        "Velmora mediated between Ostland and Merevia to return dozens of children, the Velmoran"
        " foreign ministry said on Monday.",
        {("Velmora", "MEDIATED", "Ostland"), ("Velmora", "MEDIATED", "Merevia")},
        set(),
    ),
    # ... but a quotation before its speaker stays the speaker's claim
    (
        '"Drevnia shelled Ostland for years," Ilse Korva told reporters.',
        {("Ilse Korva", "ACCUSED", "Drevnia")},
        {("Drevnia", "ATTACKED", "Ostland")},
    ),
    # a capitalised number word is part of a company's name; an untagged first word too
    (
        "Pavari Shipping, which struck a deal with Kestrel Nine Logistics in March, reported"
        " profits. Halcyra Telecom signed an agreement with rival Nexlo on Wednesday.",
        {
            ("Kestrel Nine Logistics", "AGREED_WITH", "Pavari Shipping"),
            ("Halcyra Telecom", "AGREED_WITH", "Nexlo"),
        },
        {("Nine Logistics", "AGREED_WITH", "Pavari Shipping"), ("Nexlo", "AGREED_WITH", "Telecom")},
    ),
    # a hyphenated body name the NER missed keeps its demonym and its first half
    (
        "Senator Ruta Vell is being investigated by the Sarnavian Anti-Corruption Bureau over"
        " undeclared shares.",
        {("Sarnavian Anti-Corruption Bureau", "INVESTIGATED", "Ruta Vell")},
        {("Corruption Bureau", "INVESTIGATED", "Ruta Vell")},
    ),
    # honorifics are no part of a name; a demonym before a title names a state never named
    (
        "Brellish Foreign Minister Sheikh Omar Haddan held talks with Father Ilario Benz.",
        {("Ilario Benz", "MET", "Omar Haddan"), ("Omar Haddan", "REPRESENTS", "Brelland")},
        {("Father Ilario Benz", "MET", "Sheikh Omar Haddan")},
    ),
    # exercises launched together are cooperation; the attribution at the end accuses no one
    (
        "Velmora and Ostland launched their first military exercise in the Varn Strait on"
        " Thursday, the Velmoran defence ministry said.",
        {("Ostland", "COOPERATED_WITH", "Velmora")},
        {("Velmoran defence ministry", "ACCUSED", "Ostland")},
    ),
    # both the adjective and the country in one article, both tagged ORG: a ban on the
    # adjective's goods targets the country
    (
        "Quellar imposed a ban on imports of Norvessan timber on Friday, citing disease in"
        " Norvessa's northern forests.",
        {("Quellar", "SANCTIONED", "Norvessa")},
        {("Quellar", "SANCTIONED", "Norvessan")},
    ),
    # what one is accused of doing is alleged, not done
    (
        "Ostland accused Velmora of arming the Iron Dawn Movement.",
        {("Ostland", "ACCUSED", "Velmora")},
        {("Velmora", "AIDED", "Iron Dawn Movement")},
    ),
    # an attack one is blamed for is charged, not done by the blamers
    (
        "Ostland and Merevia blamed Velmoran hackers for a cyberattack on the Varen Electoral Commission.",
        {("Ostland", "ACCUSED", "Velmoran hackers"), ("Merevia", "ACCUSED", "Velmoran hackers")},
        {("Ostland", "ATTACKED", "Varen Electoral Commission")},
    ),
    # an accusation named as a noun accuses the subject of its that-clause, whose act is alleged
    (
        "Velbaria's accusation that Drelmark armed the Grey Lantern Brigades has soured talks.",
        {("Velbaria", "ACCUSED", "Drelmark")},
        {("Drelmark", "AIDED", "Grey Lantern Brigades")},
    ),
    # arming an armed group, reported by someone else, is an accusation
    (
        "Cordavian officials said on Friday that Karesh had secretly supplied the Iron Dawn"
        " Movement with rifles.",
        {("Cordavian officials", "ACCUSED", "Karesh")},
        {("Karesh", "AIDED", "Iron Dawn Movement")},
    ),
    # a plural name with "of" inside is one body, "the Sons of Orun"
    (
        "Velmora and Ostland warned the Sons of Orun on Wednesday.",
        {("Velmora", "WARNED", "Sons of Orun"), ("Ostland", "WARNED", "Sons of Orun")},
        {("Velmora", "WARNED", "Sons")},
    ),
    # a capital said to be one is its state, whose adjective or name says which
    (
        "Oltmar, Varnessa's capital, lodged a protest with Drevnia on Monday.",
        {("Varnessa", "CRITICIZED", "Drevnia")},
        {("Oltmar", "CRITICIZED", "Drevnia")},
    ),
    # a title whose holder the parser lost ("Per" read as a preposition): the name after it
    (
        "Osmish Prime Minister Per Haldane was received by Velbarian President Ilse Marrow in"
        " Tarn on Tuesday.",
        {("Ilse Marrow", "MET", "Per Haldane"), ("Ilse Marrow", "LEADER_OF", "Velbaria")},
        {("Ilse Marrow", "MET", "Prime")},
    ),
    # a threat whose infinitive the parser takes for an adverbial clause is still a threat only
    (
        "Ulvestan threatened on Monday to expel Calderian Ambassador Ivo Laske over his remarks.",
        {("Ulvestan", "THREATENED", "Ivo Laske")},
        {("Ulvestan", "EXPELLED", "Ivo Laske")},
    ),
    # light pairs whose second word hangs on the object, or whose agent hangs on the complement
    (
        "Velmora sent two Ostlandic diplomats packing on Friday. Ostland's military attache was"
        " declared persona non grata by Merevia on Sunday.",
        {
            ("Velmora", "EXPELLED", "Ostlandic diplomats"),
            ("Merevia", "EXPELLED", "Ostland's military attache"),
        },
        set(),
    ),
    # a capital the NER did not tag, said to be one, recalls for its state
    (
        "Kesh, the Morvathi capital, brought home its ambassador to Velmora on Sunday.",
        {("Morvath", "RECALLED", "Velmora")},
        {("Kesh", "RECALLED", "Velmora")},
    ),
    # a minister reporting her own state's acts reports facts, not claims; "of Pelloria" after
    # her name says whose minister she is, and "its ambassador" is the clause subject's; the
    # accusation in the speaker's tense is hers (as the article's annotator read it)
    (
        "Foreign Minister Dara Kelmen of Pelloria said Pelloria was recalling its ambassador,"
        " Pavel Rusk, and accused Calmoria of sheltering a thief.",
        {
            ("Pelloria", "RECALLED", "Pavel Rusk"),
            ("Dara Kelmen", "ACCUSED", "Calmoria"),
            ("Dara Kelmen", "REPRESENTS", "Pelloria"),
            ("Pavel Rusk", "REPRESENTS", "Pelloria"),
        },
        {("Pelloria", "ACCUSED", "Calmoria")},
    ),
    # a passive whose agent the parser hangs on the prepositional object
    (
        "Anna Reinholt was stripped of her accreditation by the Varnessan Foreign Ministry on Monday.",
        {("Varnessan Foreign Ministry", "SANCTIONED", "Anna Reinholt")},
        set(),
    ),
    # "them" after a plural noun of its own sentence is that noun, not the article's pair
    (
        "Anya Olvan and Marek Olvan met on Monday. Eskarian police arrested two men at the"
        " airport the following day, and on Wednesday charged them with murder.",
        set(),
        {("Eskarian police", "ACCUSED", "Anya Olvan"), ("Eskarian police", "ATTACKED", "Marek Olvan")},
    ),
    # "both governments" are the article's two states
    (
        "Serbia and Hungary traded accusations on Monday. Energy Commissioner Teodora Valk urged"
        " both governments to restore gas flows.",
        {("Teodora Valk", "DEMANDED", "Serbia"), ("Teodora Valk", "DEMANDED", "Hungary")},
        set(),
    ),
    # gunmen from a named front act for it; "the rebels" later are that front; aid workers
    # seized are actors though no country qualifies them
    (
        "Gunmen from the Ndari Liberation Front abducted five aid workers on Saturday. Minister"
        " Halima Osei accused the rebels of financing their insurgency through kidnappings.",
        {
            ("Ndari Liberation Front", "IMPRISONED", "aid workers"),
            ("Halima Osei", "ACCUSED", "Ndari Liberation Front"),
        },
        {("Halima Osei", "ACCUSED", "Rebels"), ("Gunmen", "IMPRISONED", "aid workers")},
    ),
    # condemning an act the article named before condemns its doer
    (
        "Velmora vetoed the draft resolution on Tuesday. Ostland and Merevia condemned the veto.",
        {("Ostland", "CRITICIZED", "Velmora"), ("Merevia", "CRITICIZED", "Velmora")},
        set(),
    ),
    # a demand for a release is made of the state whose agents hold the prisoners
    (
        "Kalvoran police detained hundreds of protesters on Sunday. Amnesty International"
        " demanded the immediate release of everyone detained.",
        {("Amnesty International", "DEMANDED", "Kalvora")},
        set(),
    ),
    # a leader who recalls an envoy recalls it for his state
    (
        "Eskarian Prime Minister Jonas Ekval said on Monday that he had recalled Eskaria's"
        " ambassador from Drevnia for consultations.",
        {("Eskaria", "RECALLED", "Drevnia")},
        {("Jonas Ekval", "RECALLED", "Drevnia")},
    ),
    # a camel-cased name the tagger calls a common noun is still a name
    (
        "The Varenian Commission opened an investigation into TikTok on Monday.",
        {("Varenian Commission", "INVESTIGATED", "TikTok")},
        set(),
    ),
    # "its leader" after a body in the same phrase leads that body, not the clause's subject
    (
        "Sarnavia and Drovnia froze the assets of the Northern Crescent Brigades and its leader,"
        " Faris Kaddour, on Tuesday.",
        {("Faris Kaddour", "LEADER_OF", "Northern Crescent Brigades")},
        {("Faris Kaddour", "LEADER_OF", "Sarnavia")},
    ),
    # what is sold is no recipient; the acronym tagged with its description is the name only
    (
        "Varnessa approved a possible $2 billion sale of KORVAS air defence systems to Ostland on Friday.",
        {("Varnessa", "AIDED", "Ostland")},
        {("Varnessa", "AIDED", "KORVAS air defence systems"), ("Varnessa", "AIDED", "KORVAS")},
    ),
    # "the mission" is the mission the article named; "the government" its one country's
    (
        "Ostrevia ordered the Kessel Relief Mission to leave. Ostrevia said rebels had attacked a"
        " town. President Aurelio Bandaka has accused the mission of failing civilians. The"
        " African Union urged the government to return to the table.",
        {
            ("Aurelio Bandaka", "ACCUSED", "Kessel Relief Mission"),
            ("African Union", "DEMANDED", "Ostrevia"),
        },
        set(),
    ),
    # a name the parser hung on the next noun ("… Tsikhanouski hours after") is the verb's object
    (
        "Velmora freed opposition figure Ardo Verrin hours after the meeting.",
        {("Velmora", "RELEASED", "Ardo Verrin")},
        set(),
    ),
    # "prisoners of war" and "political prisoners" are groups of their own
    (
        "Drashiva freed 40 Varenian prisoners of war on Friday. Tamazir pardoned 300 political"
        " prisoners on Independence Day.",
        {
            ("Drashiva", "RELEASED", "Varenian prisoners of war"),
            ("Tamazir", "RELEASED", "political prisoners"),
        },
        {("Drashiva", "RELEASED", "Varenian prisoners")},
    ),
    # an entry ban keeps its target out: an expulsion, not a sanction
    (
        "Brellia imposed an entry ban on Zoran Petkavic and other Sable Front commanders.",
        {("Brellia", "EXPELLED", "Zoran Petkavic")},
        {("Brellia", "SANCTIONED", "Zoran Petkavic")},
    ),
    # a measure a speaker reports is the report's fact; a harm a speaker reports is a charge
    (
        "Ilse Brandvik said Varenia had imposed an arms embargo on Drashiva. Marko Veltan said"
        " Ostland had shelled Merevia.",
        {("Varenia", "SANCTIONED", "Drashiva"), ("Marko Veltan", "ACCUSED", "Ostland")},
        {("Ilse Brandvik", "ACCUSED", "Varenia"), ("Ostland", "ATTACKED", "Merevia")},
    ),
    # a reduced relative the parser took for a clause leaves the object to the verb
    (
        "Tavoria said it had detained 11 Pellagan fishermen found inside its territorial waters.",
        {("Tavoria", "IMPRISONED", "Pellagan fishermen")},
        set(),
    ),
    # a recall's hosts after a "to" the parser hung on the verb
    (
        "Ostland recalled its ambassadors to Tessalia and Merevia over the scrapped contract.",
        {("Ostland", "RECALLED", "Tessalia"), ("Ostland", "RECALLED", "Merevia")},
        set(),
    ),
    # an amount of what a light pair gives: "sent 40 tonnes of food"; a joint patrol carried out
    (
        "Tessalia sent 40 tonnes of food to Merevia on Friday. Koryssa carried out its first joint"
        " naval patrol with Malvessa.",
        {("Tessalia", "AIDED", "Merevia"), ("Koryssa", "COOPERATED_WITH", "Malvessa")},
        set(),
    ),
    # expelled "from" a country without an agent: by that country; persona non grata "by" X
    # with the "by" hung deep in the phrase
    (
        "Three Vostranian diplomats were expelled from Norhaval on Friday. Drashiva's military"
        " attaché was declared persona non grata by Ostrevia and given three days to leave.",
        {
            ("Norhaval", "EXPELLED", "Vostranian diplomats"),
            ("Ostrevia", "EXPELLED", "Drashiva's military attaché"),
        },
        set(),
    ),
    # backing a request the article named supports whoever made it
    (
        "Kenya's government appealed to India to release a consignment of drugs, and the African"
        " Union said it backed the request.",
        {("Kenya", "DEMANDED", "India"), ("African Union", "SUPPORTED", "Kenya")},
        set(),
    ),
    # a person's name whose last word the NER left out but the parser kept in the phrase
    (
        "South Korean prosecutors launched a criminal probe into President Yoon Suk Yeol over his"
        " brief declaration of martial law.",
        {("South Korean prosecutors", "INVESTIGATED", "Yoon Suk Yeol")},
        {("South Korean prosecutors", "INVESTIGATED", "Yoon Suk")},
    ),
    # reciprocal objects: "each other", "one another" are the subjects themselves, both ways
    (
        "Italy and Malta accused each other on Wednesday of abandoning 212 migrants at sea.",
        {("Italy", "ACCUSED", "Malta"), ("Malta", "ACCUSED", "Italy")},
        {("Italy", "ACCUSED", "Italy")},
    ),
    (
        "Marko Veltan and Ilse Korva blamed one another for the collapse of the talks.",
        {("Marko Veltan", "ACCUSED", "Ilse Korva"), ("Ilse Korva", "ACCUSED", "Marko Veltan")},
        set(),
    ),
    # a subject named only by its apposition
    (
        "The main opposition party, the Civic Dawn Alliance, accused Ilse Korva of rigging the vote.",
        {("Civic Dawn Alliance", "ACCUSED", "Ilse Korva")},
        set(),
    ),
    # "who" after "President X of Y" is the president, not the country the parse hangs it from
    (
        "The talks were chaired by President Ilse Korva of neighbouring Drelvia, who met Marko"
        " Veltan in the capital on Thursday.",
        {("Ilse Korva", "MET", "Marko Veltan")},
        {("Drelvia", "MET", "Marko Veltan")},
    ),
    # an apposition the parser hangs as npadvmod; a word of a name ("Rescue") is no event
    (
        "The UN refugee agency, UNHCR, praised Blue Harbour Rescue for its exemplary conduct.",
        {("UNHCR", "PRAISED", "Blue Harbour Rescue")},
        set(),
    ),
    # a free relative that names the act: "what it called X's theft" targets X
    (
        "Kessaria's foreign ministry condemned what it called Drelvia's relentless theft of"
        " military secrets.",
        {("Kessaria's foreign ministry", "CRITICIZED", "Drelvia")},
        set(),
    ),
    (
        "Marko Veltan denounced what he described as Ilse Korva's campaign of intimidation.",
        {("Marko Veltan", "CRITICIZED", "Ilse Korva")},
        set(),
    ),
    # "the charity" after "the German charity X" is X, and no issue of charities
    (
        "The Ocean Lifeline is operated by the German charity Blue Harbour Rescue. Italy fined the"
        " charity 10,000 euros in March.",
        {("Italy", "SANCTIONED", "Blue Harbour Rescue")},
        {("Italy", "IMPOSED", "charities and volunteering")},
    ),
    # "it" as the subject of a conjoined clause is the first clause's body
    (
        "Kessaria's navy said the trawlers had switched off their transponders, and it accused"
        " Drelvia of encouraging illegal fishing.",
        {("Kessaria's navy", "ACCUSED", "Drelvia")},
        set(),
    ),
    # a long relative clause that makes the parser take the name for the root
    (
        "The UNHCR, which has recorded dozens of similar incidents since the spring, called on"
        " Greece to open an independent investigation.",
        {("UNHCR", "DEMANDED", "Greece")},
        set(),
    ),
    # no state's own agent blames it: the speaker's second verb the parse hung on his report
    (
        "Spokesman Anton Vasko told a briefing that the Drelvian vessel had intruded into Kessarian"
        " waters and blamed Drelvia for the collision.",
        {("Anton Vasko", "ACCUSED", "Drelvia")},
        {("Drelvian vessel", "ACCUSED", "Drelvia")},
    ),
    # "the board" refers back to the named board
    (
        "The Velmar Data Board overruled the regulator. Loopline's chief executive, Marcus Hale,"
        " accused the board of moving the goalposts.",
        {("Marcus Hale", "ACCUSED", "Velmar Data Board")},
        set(),
    ),
    # a reported obligation is a demand; a reported refusal or one's own duty is none
    (
        "Prime Minister Lidia Sarkova said that Morvath must reopen the Kesh corridor.",
        {("Lidia Sarkova", "DEMANDED", "Morvath")},
        set(),
    ),
    (
        "Marko Veltan said Drelvia would not release the fishermen, and that he must resign.",
        set(),
        {("Marko Veltan", "DEMANDED", "Drelvia")},
    ),
    # lexicon: "rapped", "imposed an asset freeze on", released herders
    (
        "Pelladorese lawmakers rapped Ashgrove Mining, and Velbaria imposed an asset freeze on Mattis Grell.",
        {
            ("Pelladorese lawmakers", "CRITICIZED", "Ashgrove Mining"),
            ("Velbaria", "SANCTIONED", "Mattis Grell"),
        },
        set(),
    ),
    (
        "Ulvestani border guards released three Drelish herders after holding them for a week.",
        {("Ulvestani border guards", "RELEASED", "Drelish herders")},
        set(),
    ),
    # a dateline place no lexicon knows is the capital of the state the story is about
    (
        "Convoys stranded in Nuvaria's north\n\nSELT, Nov 14 — Forty trucks carrying flour for"
        " Nuvaria's northern province are stuck.\n\nThe rebels accused Selt of starving the"
        " province. Talks in Selt collapsed.",
        {("Rebels", "ACCUSED", "Nuvaria")},
        {("Rebels", "ACCUSED", "Selt")},
    ),
    # an adverbial event noun: its "from" phrase helps the clause's subject
    (
        "Thanks to emergency loans from the Southern Rim Union, Pellador avoided a default.",
        {("Southern Rim Union", "AIDED", "Pellador")},
        set(),
    ),
    # a one-word place the NER calls a location that acts is a state
    (
        "Estrova held joint naval exercises with Teskara in the Gulf of Sarn.",
        {("Estrova", "COOPERATED_WITH", "Teskara")},
        set(),
    ),
    # "X said Y was behind / responsible for the attack" charges Y; a denial charges no one
    (
        "Marko Veltan said Drelvia was behind the killing of a nuclear scientist.",
        {("Marko Veltan", "ACCUSED", "Drelvia")},
        set(),
    ),
    (
        "Marko Veltan said Drelvia was not responsible for the bombing.",
        set(),
        {("Marko Veltan", "ACCUSED", "Drelvia")},
    ),
    # unnamed attackers are actors by their surface form
    (
        "Masked gunmen abducted engineer Pavel Rusk, and unidentified attackers shot journalist"
        " Anouk Velde outside her home.",
        {("Masked gunmen", "IMPRISONED", "Pavel Rusk")},
        set(),
    ),
    # "Thousands of X" as subject: X acts
    (
        "Thousands of Serbian students rallied in the capital on Saturday, denouncing President"
        " Marko Veltan over corruption.",
        {("Serbian students", "CRITICIZED", "Marko Veltan")},
        set(),
    ),
    # duties on goods "from" a state target it; a high commissioner is recalled like an envoy
    (
        "Pellandria imposed anti-dumping duties of up to forty percent on steel from Vietnam, and"
        " Pakistan withdrew its high commissioner from New Delhi.",
        {("Pellandria", "SANCTIONED", "Vietnam"), ("Pakistan", "RECALLED", "India")},
        set(),
    ),
    # "heaped praise on X"
    (
        "Marko Veltan heaped praise on Ilse Korva at the summit.",
        {("Marko Veltan", "PRAISED", "Ilse Korva")},
        set(),
    ),
    # an event noun's "of" act carries the target ("threat of retaliation against X")
    (
        "Russia's threat of retaliation against Finland alarmed its neighbours.",
        {("Russia", "THREATENED", "Finland")},
        set(),
    ),
    # "X, a patients' charity": a description of the body, no issue of charities
    (
        "Epilepsy Action, a patients' charity, urged Ilse Korva to cap the prices of generic medicines.",
        {("Epilepsy Action", "DEMANDED", "Ilse Korva")},
        {
            ("Epilepsy Action", "RAISED", "charities and volunteering"),
            ("Epilepsy Action", "SUPPORTED", "charities and volunteering"),
        },
    ),
    # a report's author through a relative clause: "X, which published a report accusing Y"
    (
        "The Kessar Rights League, which last month published a report accusing Zerbania of"
        " forced labour, welcomed the vote.",
        {("Kessar Rights League", "ACCUSED", "Zerbania")},
        set(),
    ),
    # the dateline's town, tagged as an organisation, is the place of a local body
    (
        "Lusandi pardons coup leader\n\nNTEMBA — President Gaspard Okonde pardoned Colonel Theo"
        " Mabandi on Friday.\n\nA military tribunal in Ntemba had convicted him last year of"
        " plotting a coup.",
        {("military tribunal in Ntemba", "IMPRISONED", "Theo Mabandi")},
        set(),
    ),
    # "a spokeswoman for X" speaks for X
    (
        "A spokeswoman for Amnesty International criticised the verdict and accused Kessaria of torture.",
        {("Amnesty International", "ACCUSED", "Kessaria")},
        set(),
    ),
    # a repeated preposition: "with X and with Y" has two objects
    (
        "Maren Solvang held separate talks with Katya Ruzhen and with Ardessan Foreign Minister"
        " Jonas Eckart on Sunday.",
        {("Katya Ruzhen", "MET", "Maren Solvang"), ("Jonas Eckart", "MET", "Maren Solvang")},
        {("Jonas Eckart", "REPRESENTS", "Ardessan Foreign")},
    ),
    # a demand names the remedy of a wrong, not the wrong: against it
    (
        "Ileana Dovrek accused the Ondarian board of inflating turnout and demanded a recount of the votes.",
        {("Ileana Dovrek", "CRITICIZED", "disputed elections and electoral fraud")},
        {("Ileana Dovrek", "SUPPORTED", "disputed elections and electoral fraud")},
    ),
    # "they" after a plural noun of its own sentence is that noun, not the story's two people
    (
        "A Kessan court suspended the licence of Morvel Mining, siding with villagers who say the"
        " company has polluted the river they rely on for drinking water.\n\nMinister Hector Valdo"
        " said the government would respect the ruling. Walter Brisk criticised Valdo. Valdo"
        " rejected the call, and Brisk vowed to fight on.",
        {("Walter Brisk", "CRITICIZED", "Hector Valdo")},
        {
            ("Hector Valdo", "ASSOCIATED_WITH", "water resources"),
            ("Walter Brisk", "ASSOCIATED_WITH", "water resources"),
        },
    ),
    # "what it called X": the labeller is the clause's subject, and so is the next verb's
    (
        "The Kessar Rights League condemned what it called excessive force and called on the"
        " Ondarian government to free everyone detained.",
        {("Kessar Rights League", "DEMANDED", "Ondaria")},
        set(),
    ),
    # each coordinated national modifier of a target names a party
    (
        "Stanislav Rudak rejected the Zerbanian and Tessalian demands as interference.",
        {("Stanislav Rudak", "REJECTED", "Zerbania"), ("Stanislav Rudak", "REJECTED", "Tessalia")},
        set(),
    ),
    # a demand is made of its addressee, named or not, never of the complement's object
    (
        "Marko Veltan called on the authorities to release Ilse Korva immediately.",
        set(),
        {("Marko Veltan", "DEMANDED", "Ilse Korva")},
    ),
    (
        "Marko Veltan demanded on Saturday that Ilse Korva resign.",
        {("Marko Veltan", "DEMANDED", "Ilse Korva")},
        set(),
    ),
    # a relative clause without a relative word: the noun is its object, "it" the main subject
    (
        "Zerbania expelled a group of Tessalian diplomats it accused of coordinating sabotage.",
        {("Zerbania", "EXPELLED", "Tessalian diplomats"), ("Zerbania", "ACCUSED", "Tessalian diplomats")},
        set(),
    ),
    # "X, whose servers were hacked by Y": the clause is about X
    (
        "Volcrest Power, whose servers were hacked by a group calling itself Grey Lantern, restored electricity by noon.",
        {("Grey Lantern", "ATTACKED", "Volcrest Power")},
        set(),
    ),
    # people seized are held; craft seized are attacked
    (
        "Korsabad refused to release the Dravenian fishermen it seized in May.",
        {("Korsabad", "IMPRISONED", "Dravenian fishermen")},
        {("Korsabad", "ATTACKED", "Dravenian fishermen")},
    ),
    (
        "Drashiva's navy seized two Varenian patrol boats in the Jasper Sea on Sunday.",
        {("Drashiva's navy", "ATTACKED", "Varenian patrol boats")},
        {("Drashiva's navy", "IMPRISONED", "Varenian patrol boats")},
    ),
    # a speech act hung on the reported clause's verb belongs to the speaker, unless the
    # reported subject is a person who may have done it
    (
        "Defence Minister Rachel Morrow said the Zerbanian warship had cut across the frigate's bow"
        " after ignoring radio warnings, and accused the Zerbanian navy of reckless seamanship.",
        {("Rachel Morrow", "ACCUSED", "Zerbanian navy")},
        {("Zerbanian warship", "ACCUSED", "Zerbanian navy")},
    ),
    (
        "Ossany said its foreign minister, Nadia Kerrou, had spoken by phone with officials in"
        " Amrabad, and urged Tarvesh to revive the agreement.",
        {("Nadia Kerrou", "DEMANDED", "Tarvesh")},
        set(),
    ),
    # an act a doing verb takes as its object is what "the blockade" later refers back to
    (
        "Drovnia imposed a naval blockade on the port of Halvik on Saturday.\n\nArdessa's"
        " President Anselm Vorn condemned the blockade as the collective punishment of a nation.",
        {("Anselm Vorn", "CRITICIZED", "Drovnia")},
        set(),
    ),
    # a label for an act criticises its doer: the possessor, or who did the act referred back to
    (
        "President Gaspard Okonde pardoned Colonel Theo Mabandi on Friday.\n\nThe Lusandi Human"
        " Rights League called the pardon a betrayal of the victims.",
        {("Lusandi Human Rights League", "CRITICIZED", "Gaspard Okonde")},
        set(),
    ),
    (
        "Mirela Dask dismissed Ilse Korva's plan as a publicity stunt.",
        {("Mirela Dask", "CRITICIZED", "Ilse Korva")},
        set(),
    ),
    (
        "Idris Matuka called MISTA an occupation force in blue.",
        {("Idris Matuka", "CRITICIZED", "MISTA")},
        set(),
    ),
    # a request's owner through "by"; the release of a seized ship is asked of its seizer
    (
        "Vostrania on Tuesday refused a request by the Kelmor Atomic Agency for access to the plant.",
        {("Vostrania", "REJECTED", "Kelmor Atomic Agency")},
        set(),
    ),
    (
        "Oralian customs officers seized the tanker Nadia K in Selmar.\n\nThe Vesnian Foreign"
        " Ministry demanded the ship's immediate release.",
        {("Vesnian Foreign Ministry", "DEMANDED", "Oralia")},
        set(),
    ),
    # a trigger inside a title or an office's name names the office, not the issue
    (
        "Union leader Walter Brisk criticised Hector Valdo, and Carl Benning, a deputy Tessalian"
        " trade representative, called the fine discriminatory.",
        {("Walter Brisk", "CRITICIZED", "Hector Valdo")},
        {
            ("Walter Brisk", "CRITICIZED", "labour unions"),
            ("Hector Valdo", "INVOLVED_IN", "labour unions"),
            ("Carl Benning", "RAISED", "trade"),
            ("Carl Benning", "ASSOCIATED_WITH", "trade"),
        },
    ),
    # a charge stops at a conjoined act; accusing someone of breaking an accord stands for it
    (
        "Lorvania accused Kastrovia of directing a cyberattack, and imposed sanctions on three"
        " Kastrovian officials.",
        {("Lorvania", "ACCUSED", "cyberattacks"), ("Lorvania", "IMPOSED", "sanctions")},
        {("Lorvania", "ACCUSED", "sanctions"), ("Kastrovia", "INVOLVED_IN", "sanctions")},
    ),
    (
        "Colombia accused the Zerbanian rebels of violating the ceasefire.",
        {("Colombia", "SUPPORTED", "ceasefire and peace talks")},
        {("Colombia", "ACCUSED", "ceasefire and peace talks")},
    ),
    # a deal brokered by a mediator: the deal's parties, or the clause's doers
    (
        "Valdoria and Semberia exchanged 14 prisoners on Tuesday in a deal brokered by Halmeria.",
        {("Halmeria", "MEDIATED", "Valdoria"), ("Halmeria", "MEDIATED", "Semberia")},
        set(),
    ),
    (
        "Ilse Reveno took office under a deal between Marek Dolan and Civic Forum that was brokered"
        " by the Northern Council.",
        {("Northern Council", "MEDIATED", "Marek Dolan"), ("Northern Council", "MEDIATED", "Civic Forum")},
        set(),
    ),
    # the parser hangs the verb on the name as a clause; a finite past verb is the main verb
    (
        "Ilka Brennan, the Valdorian prime minister, called on the Red Ridge Brigade to lay down its"
        " arms and join the national dialogue.",
        {("Ilka Brennan", "DEMANDED", "Red Ridge Brigade")},
        set(),
    ),
    # "the company" refers back to the last business named, not to a court named since
    (
        "Ravencroft Minerals said it would appeal to the Supreme Court.\n\nThe Pelqueran environment"
        " ministry has opened an inquiry into the company's reporting of spills, he said.",
        {("Pelqueran environment ministry", "INVESTIGATED", "Ravencroft Minerals")},
        {("Pelqueran environment ministry", "INVESTIGATED", "Supreme Court")},
    ),
    # a description refers back to a body named earlier in its own sentence too
    (
        "The Moroccan ministry accused Frontex of passing on late coordinates and demanded that the"
        " agency publish the aircraft's flight logs.",
        {("Moroccan ministry", "DEMANDED", "Frontex")},
        set(),
    ),
    # a deadline is an expulsion only when it is to leave the country
    (
        "Qestan issued an ultimatum to the Ashkari Brigades on Tuesday, giving the group 48 hours to"
        " abandon its mountain bases.",
        {("Qestan", "THREATENED", "Ashkari Brigades")},
        {("Qestan", "EXPELLED", "Ashkari Brigades")},
    ),
    # "fired at his motorcade": a singular possessive's owner is the party attacked; "launched
    # missiles at X"
    (
        "Halvar Krenn was wounded when Sunfall Front gunmen fired at his motorcade near the pipeline.",
        {("Sunfall Front gunmen", "ATTACKED", "Halvar Krenn")},
        set(),
    ),
    (
        "Zerbania launched hundreds of drones at the Kessan Patriotic Front overnight.",
        {("Zerbania", "ATTACKED", "Kessan Patriotic Front")},
        set(),
    ),
    # a trigger inside a text's name ("Convention on Diplomatic Relations") names its issue
    (
        "The Northern Council called on Dravenia to respect the Vienna Convention on Diplomatic Relations.",
        {
            ("Northern Council", "SUPPORTED", "diplomatic relations"),
            ("Northern Council", "DEMANDED", "Dravenia"),
        },
        set(),
    ),
    # "the government of X" is X
    (
        "The government of Vardania summoned Tarvessa's ambassador to protest and warned Tarvessa"
        " that the seizure broke a 2009 investment treaty.",
        {("Vardania", "WARNED", "Tarvessa"), ("Vardania", "CRITICIZED", "Tarvessa's ambassador")},
        set(),
    ),
    # an order to an actor to act is a demand; to leave the country, an expulsion
    (
        "Zerbania ordered Tessalia on Thursday to close its consulate in Gdansk.",
        {("Zerbania", "DEMANDED", "Tessalia")},
        {("Zerbania", "EXPELLED", "Tessalia")},
    ),
    # calling an accusation a fabrication criticises the accuser
    (
        "Kessan prosecutors accused Zerbania of ordering the attack.\n\nMarta Zeller called the"
        " accusations a fabrication.",
        {("Marta Zeller", "CRITICIZED", "Kessan prosecutors")},
        set(),
    ),
    # a conjoined clause with its own subject keeps its issues from the first clause's doer
    (
        "The Varnel Assembly scrapped presidential term limits in 2021, and the party's previous"
        " leader was jailed for sedition in 2022.",
        set(),
        {
            ("Varnel Assembly", "REJECTED", "anti-government activities and extremism"),
            ("Varnel Assembly", "REJECTED", "political prisoners"),
        },
    ),
]


STRUCTURAL = {"MEMBER_OF", "LEADER_OF", "REPRESENTS", "ASSOCIATED_WITH"}


def _triples(extractor, text: str, actors_only: bool = False) -> set[tuple[str, str, str]]:
    result = extractor.extract(Document("t", "", None, "test", text))
    names = {e.key: e.name for e in result.entities} | {i.key: i.name for i in result.issues}
    issues = {i.key for i in result.issues}
    out = set()
    for edge in result.edges:
        if actors_only and edge.target in issues:
            continue
        source, target = names.get(edge.source, edge.source), names.get(edge.target, edge.target)
        if edge.type in {EdgeType.MET, EdgeType.AGREED_WITH, EdgeType.COOPERATED_WITH} and target < source:
            source, target = target, source
        out.add((source, edge.type.value, target))
    return out


@pytest.mark.parametrize(("text", "wanted", "unwanted"), CASES, ids=[c[0][:48] for c in CASES])
def test_construction(extractor, text, wanted, unwanted):
    found = _triples(extractor, text)
    assert wanted <= found, f"missing {wanted - found}; found {found}"
    assert not unwanted & found, f"must not find {unwanted & found}"


EXAMPLES = [
    pytest.param(
        rel.name,
        text,
        expect,
        id=f"{rel.name}: {text[:40]}",
        marks=[pytest.mark.xfail(reason=gap, strict=True)] if gap else [],
    )
    for rel in load_lexicons().relations
    for text, expect, gap in rel.examples
]


@pytest.mark.parametrize(("name", "text", "expect"), EXAMPLES)
def test_lexicon_examples(extractor, name, text, expect):
    """Every verb class carries a one-line example in the data; it must do what it says.

    An example marked with a `gap` in the data documents a known failure: it must go on
    failing (strict xfail), so that fixing it forces the mark's removal."""
    found = _triples(extractor, text)
    wanted = set()
    for source, edge_type, target in expect:
        if edge_type in {"MET", "AGREED_WITH", "COOPERATED_WITH"} and target < source:
            source, target = target, source
        wanted.add((source, edge_type, target))
    if not wanted:
        events = {t for t in _triples(extractor, text, actors_only=True) if t[1] not in STRUCTURAL}
        assert not events, f"{name}: expected no event, found {events}"
    else:
        assert wanted <= found, f"{name}: missing {wanted - found}; found {found}"
