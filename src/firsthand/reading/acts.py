"""Nouns that name acts, shared by the stages that read them.

The events stage makes events of them ("the deportation of Paul"); the times stage
counts from them ("two days after the funeral" leads from the day the burial was told).
Each noun maps to the verb that labels its kind.
"""

from __future__ import annotations

from firsthand.reading.nlp import words

EVENT_NOUNS = {
    "attack": "attack", "arrest": "arrest", "raid": "raid", "search": "search", "deportation": "deport",
    "detention": "detain", "inspection": "inspect", "killing": "kill", "murder": "kill", "bombing": "bomb",
    "protest": "protest", "demonstration": "protest", "rally": "protest", "meeting": "meet", "visit": "visit",
    "release": "release", "escape": "escape", "abduction": "abduct", "kidnapping": "abduct",
    "shooting": "shoot", "explosion": "explode", "assault": "assault", "execution": "execute",
    "torture": "torture", "clash": "clash", "seizure": "seize", "evacuation": "evacuate",
    "expulsion": "expel", "beating": "beat", "confiscation": "confiscate", "departure": "leave",
    "arrival": "arrive", "return": "return", "invasion": "invade", "occupation": "occupy",
    "siege": "besiege", "ambush": "ambush", "massacre": "kill", "interrogation": "interrogate",
    "imprisonment": "imprison", "crackdown": "crack down", "strike": "strike", "airstrike": "bomb",
    "shelling": "shell", "looting": "loot", "burning": "burn", "eviction": "evict", "trial": "try",
    "hearing": "hear", "funeral": "bury", "election": "elect", "ceremony": "celebrate",
    "transfer": "transfer", "removal": "remove", "closure": "close", "destruction": "destroy",
    "dismissal": "dismiss", "abuse": "abuse", "rape": "rape", "disappearance": "disappear",
    "incident": "incident", "curfew": "curfew", "death": "die", "announcement": "announce",
    "internment": "intern", "censure": "censure",
}  # fmt: skip

# Words that decide whether the act below them happened, by what they mean. "negated": the
# act did not happen ("failed to", "refusal to", "denied seizing"); "hypothetical": it is
# wished, planned, feared, tried, asked for or threatened; "future": promised; "reported":
# someone else's account ("claims that", "suspected of"); "prevented": what one is kept
# "from" did not happen; "implicative": the act happened if the governor did ("forced to
# leave", "let them go", "managed to escape"). A governor not listed passes its own mode on.
GOVERNOR_MEANINGS = {
    "negated": words(
        """
        fail refuse decline deny refute reject dispute neglect unable impossible
        refusal failure denial lack absence cancel cancellation abort scrap
        """
    ),
    "hypothetical": words(
        """
        try attempt plan intend want wish hope threaten fear ask urge demand request seek aim need
        expect propose suggest agree plead beg call appeal pray encourage train instruct
        persuade invite
        threat risk danger possibility prospect intention intent goal objective proposal effort bid
        power ability capacity capability
        postpone delay defer postponement deferral await
        ready willing eager determined afraid scared worried anxious possible likely unlikely
        """
    ),
    "future": words("promise vow pledge"),
    "reported": words("claim allege accuse suspect rumour rumor allegation accusation report suspicion"),
    "prevented": words("prevent protect save shield spare prevention protection prohibit ban forbid bar"),
    "implicative": words("force compel oblige manage start begin continue keep make let help"),
}
GOVERNORS = {word: meaning for meaning, lexicon in GOVERNOR_MEANINGS.items() for word in lexicon}

# Modifiers of an event noun that say it has not happened (yet): "potential cycles of abuse",
# "eventual eviction", "alleged torture".
MODAL_MODIFIERS = {
    **dict.fromkeys(
        words("potential possible eventual planned proposed threatened feared future pending"), "hypothetical"
    ),
    **dict.fromkeys(words("alleged reported suspected purported"), "reported"),
}

# Verbs whose complement is so whatever they say of it: "I did not know that they had arrested him".
FACTIVE_VERBS = words("know realize realise learn discover notice regret remember forget see find understand")

# Senses: a word that names an act in one sense and something else in another. A noun
# with one of these modifiers is not the act ("cardiac arrest", "heart attack"); a verb
# with one of these objects names the act its object says ("opened fire" is a shooting,
# "executed the order" a carrying out: not an execution). "executed a court-ordered raid"
# is the raid: "execute" is a light verb (events.LIGHT_VERBS).
NOT_THE_ACT = {
    "arrest": words("cardiac respiratory heart circulatory"),
    "attack": words("heart panic asthma anxiety cardiac migraine"),
    "execution": words("code program programme contract order"),
    "strike": words("lightning lucky"),
    "beating": words("heart"),
    # "a press release", "for immediate release": a text given out, not a prisoner freed
    "release": words("press news media immediate"),
    "trial": words("clinical drug vaccine"),
    "return": words("tax"),
}
# What a person in custody can be denied: "denied food", "denied a lawyer".
DEPRIVED_NEEDS = words(
    "food water sleep light medication medicine treatment care toilet access visit lawyer drink rest air"
)
OBJECT_SENSES = {
    "execute": dict.fromkeys(
        words("order warrant plan decision operation mandate will contract task duty sentence"), "carry out"
    ),
    "open": {"fire": "shoot"},
    # "fired tear gas" is a shooting, "fired forty workers" a dismissal
    "fire": {
        **dict.fromkeys(
            words("shot bullet gun rifle round gas canister rocket missile shell grenade weapon volley"),
            "shoot",
        ),
        **dict.fromkeys(
            words("worker employee staff official director manager coach teacher officer journalist editor"),
            "dismiss",
        ),
    },
    # "shot a documentary" is filming; "beat the deadline" no blow
    "shoot": dict.fromkeys(
        words("video film footage documentary scene photo photograph picture movie"), "film"
    ),
    "beat": dict.fromkeys(words("deadline record odds traffic rush team opponent expectation"), "outdo"),
    "commit": {"suicide": "suicide"},
    # "released a statement" is a publishing, "released the prisoners" a freeing
    "release": dict.fromkeys(
        words(
            """
            statement report video footage data figure detail list photo photograph image finding
            document recording transcript communique communiqué account result name audio
            """
        ),
        "publish",
    ),
    "lose": {"life": "die"},
    # "denied food and sleep" is a deprivation, "denied the reports" a denial
    "deny": dict.fromkeys(DEPRIVED_NEEDS, "deprive"),
    # "threw cold water on me": a dousing, not a throw
    **{verb: dict.fromkeys(words("water"), "douse") for verb in words("throw pour splash")},
}
# A verb with its particle and object: "took my clothes off", "cut off my clothes" is a stripping.
PARTICLE_SENSES = {
    f"{verb} off": dict.fromkeys(
        words("clothes clothing shirt trousers pants dress uniform underwear"), "strip"
    )
    for verb in words("take cut rip tear pull")
}
# A verb with its complement: "kept me awake" is a deprivation of sleep.
COMPLEMENT_SENSES = {"keep": {"awake": "deprive"}}
# Nouns that name an act only with a modifier: "open fire" (where the tagger took "open" for
# an adjective) is a shooting; "a fire" alone is not an act.
NOUN_SENSES = {"fire": {"open": "shoot"}}
# Kinds a timeline shows (an act with participants and consequence), by what they are.
SALIENT_KINDS = words(
    """
    arrest detain deport expel seize confiscate imprison jail abduct kidnap interrogate evict ban
    sentence convict charge try punish torture beat kill murder shoot bomb shell stab attack
    assault execute massacre explode burn destroy loot rape abuse injure wound die disappear suicide
    kick punch slap hit smash handcuff strangle choke suffocate shock drag raze demolish bulldoze
    intern censure curfew
    cuff shackle chain blindfold hood gag strip suspend douse waterboard electrocute whip flog lash
    mistreat starve drug deprive
    raid search inspect deploy occupy invade besiege surround storm
    protest demonstrate march rally strike boycott
    release free pardon escape flee evacuate withdraw
    meet visit interview negotiate
    announce issue publish declare deny condemn accuse report sue
    cut close shut remove transfer separate bury file
    """
)
# Comings and goings, shown when the text says where, whom they left, or on what day.
SALIENT_WITH_PLACE = words("leave arrive come go return enter approach move take bring send flee")
# Acts shown when a person undergoes them: "dipped me in water", "forced me to stand",
# "threatened my sister", not "dipped the bread" or "forced the door".
SALIENT_ON_PERSON = words("dip dunk plunge submerge immerse tie bind threaten force compel photograph")
# Who can be done to: people, by pronoun or by noun.
UNDERGOER_PRONOUNS = words(
    "me us him her them you myself ourselves himself herself themselves i we he she they"
)
PERSON_NOUNS = words(
    """
    man woman boy girl child person people detainee prisoner inmate captive brother sister son
    daughter father mother husband wife friend cousin uncle
    """
)
# Acts only ever done to a person: the verb alone shows one underwent it ("was handcuffed and
# blindfolded", "then stripped"), though the parser left it no subject.
ACTS_ON_A_PERSON = words(
    "cuff handcuff shackle chain blindfold hood gag strip suspend waterboard electrocute whip flog mistreat torture"
)
# Passive participles of those acts the parser may tag as adjectives ("he was handcuffed").
CUSTODY_PARTICIPLES = {
    "handcuffed": "handcuff", "cuffed": "cuff", "shackled": "shackle", "chained": "chain",
    "blindfolded": "blindfold", "gagged": "gag", "hooded": "hood", "stripped": "strip",
    "tortured": "torture", "beaten": "beat", "whipped": "whip", "flogged": "flog",
}  # fmt: skip
