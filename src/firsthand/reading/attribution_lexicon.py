"""The words that mark an attribution: verbs of saying, thinking, asking and taking sides, and the
nouns, adverbs and phrases that pass words on ("rumours that", "reportedly", "according to").

Each lexicon says what its words do to the words they govern; ``attributions.py`` and its
helpers read them, and the model learned from GUM (``attribution_model.py``) takes them as
features.
"""

from __future__ import annotations

from firsthand.reading.nlp import words

# Cue lexicons -------------------------------------------------------------------------


# Verbs of saying: they report what someone put into words.
SPEECH_VERBS = words(
    """
    say tell add write ask note report announce state claim argue explain declare insist warn
    promise threaten order inform confirm deny admit acknowledge reveal predict tweet respond
    reply recall conclude indicate assert allege contend maintain mention comment stress
    emphasize emphasise complain repeat reiterate testify disclose concede boast brag
    vow pledge swear urge demand assure suggest propose advise remind recount describe accuse
    blame charge dispute counter retort joke quip lament muse caution proclaim shout
    scream cry whisper answer agree signal hint speculate estimate forecast post
    email publish confess remark underline affirm reaffirm elaborate aver opine
    """
)
# Verbs of thought and perception: an inner state, or what evidence shows.
THOUGHT_VERBS = words(
    """
    think believe feel know expect hope fear suppose assume consider doubt worry realize realise
    understand suspect guess wonder imagine reckon trust figure presume learn hear find show
    prove seem appear want wish plan intend decide refuse decline seek
    """
)
# Verbs by which someone takes a side or voices a feeling: what they stand for is a person,
# a party or a proposal named as their object ("the union backs the levy", "she opposes the
# plan", "they expressed concern").
STANCE_VERBS = words(
    """
    support oppose back favor favour prefer champion express
    """
)
# Speech acts whose content may be a noun phrase: what was praised, criticised, announced
# ("condemned the raid", "called the statement outlandish").
NOUN_CONTENT_CUES = words(
    """
    criticize criticise praise endorse thank blast slam condemn accuse blame defend reject
    dismiss mock applaud question deny congratulate denounce tout hail discuss mention cite
    describe announce reveal propose recommend call label dub brand ridicule decry lament deplore echo
    predict
    """
)
# Speech acts whose noun-phrase content counts only when someone who can speak does it
# ("she recalled the flood", not "the figure recalls the flood").
SPOKEN_NOUN_CONTENT_CUES = words(
    """
    note recall reiterate repeat stress emphasize emphasise acknowledge dispute explain promise
    tweet urge demand request proclaim profess
    """
)
# Cues whose content is the object of a preposition ("talked about the raid", "called for
# calm", "referred to the report").
PREPOSITION_CUES = {
    "talk": {"about"}, "speak": {"about", "of"}, "say": {"of", "about"}, "refer": {"to"}, "point": {"to"},
    "ask": {"about"}, "complain": {"about"}, "comment": {"on"}, "call": {"for", "on"}, "warn": {"of", "about", "against"},
    "write": {"about", "of"}, "joke": {"about"}, "boast": {"about", "of"}, "testify": {"about"}, "insist": {"on"},
    "brag": {"about", "of"}, "argue": {"for", "against"}, "agree": {"with"},
    "plead": {"for"}, "hint": {"at"}, "rail": {"against"},
}  # fmt: skip
PREPOSITION_CUES["speak"] |= {"against"}
PREPOSITION_CUES["ask"] |= {"for"}
# "admitted to beating them", "testified to the abuse": what is admitted or vouched for is
# the preposition's object. ("told RFA about the conditions", "reported on the raid" name
# only a topic: the writer's account that someone spoke, not words passed on.)
PREPOSITION_CUES |= {"admit": {"to"}, "confess": {"to"}}
PREPOSITION_CUES["testify"] |= {"to"}
# Cues that ask a question: what follows "if" or "whether" is what was asked.
QUESTION_CUES = frozenset(["ask", "wonder", "question", "inquire", "enquire"])
# Verbs that speak with "back": "shot back", "fired back", "hit back".
TALKING_BACK = frozenset(["shoot", "fire", "hit", "snap"])
# Verbs that cue only a quotation ('"We stay," he continued').
QUOTE_ONLY_CUES = frozenset(
    # and the manners of saying that only a quotation makes speech ('"Stay there!" he yelled',
    # 'a sign read "..."'): "the crowd chanted" alone says nothing
    [
        "continue",
        "begin",
        "go",
        "exclaim",
        "chant",
        "yell",
        "bark",
        "boom",
        "interject",
        "mouth",
        "read",
        "gush",
        "address",
    ]
)
# Cues whose content may be an infinitive ("he wants to run", "they told them to leave").
INFINITIVE_CUES = words(
    """
    want wish plan intend hope expect promise threaten vow pledge refuse urge order ask tell
    warn advise seem appear claim decide seek agree offer swear demand remind decline prefer
    """
)
# Passive cues whose subject is what is said ("which was said to be", "he is believed to"):
# the infinitive is the content, and nobody in particular stands behind it.
RAISING_CUES = words(
    """
    say believe report think know rumor rumour allege expect claim consider understand presume
    assume fear
    """
)
# Passive cues that name the hearer as subject ("I was informed that", "we were told to"):
# somebody identifiable told the subject directly.
HEARER_CUES = words(
    """
    tell inform order ask warn promise assure threaten remind advise notify instruct
    """
)
# Of those, the verbs whose object is always the one told, so that no speaker stands after
# them ("..., told Interfax"); "asked" and "warned" may be followed by their speaker.
TELLING_ONLY = words("tell inform notify instruct remind assure")
# Cues by which the writer asks for something.
REQUEST_VERBS = words(
    """
    request ask urge beg implore appeal demand call invite plead petition
    """
)
# Cues by which the writer gives a judgement or belief.
OPINION_VERBS = words(
    """
    think believe feel consider suppose assume doubt suspect guess reckon fear hope trust expect
    intend plan aim
    """
)
# Cue words on their own: hearsay without a speaker.
HEARSAY_ADVERBS = words(
    """
    reportedly allegedly purportedly supposedly rumoredly ostensibly apparently
    """
)
# Nouns that carry a content clause ("rumours that ...", "the claim that ...").
HEARSAY_NOUNS = words(
    """
    rumour rumor report claim allegation word talk speculation
    """
)
MODALS_OF_REQUEST = frozenset(["should", "must", "ought"])
# Wishes and plans in a participle without a subject of its own ("hoping to find them",
# "wanting to see the judge") tell the purpose of the act they hang from: nobody said them.
PURPOSE_PARTICIPLES = words("hope want wish plan intend seek try aim")
# Verbs that pass words on only as an impersonal passive: "it was gathered that" (not
# "protesters gathered").
IMPERSONAL_CUES = words("gather")
# Lemmas that may be a verb cue, and those whose content may be an infinitive.
VERB_CUES = (
    SPEECH_VERBS
    | IMPERSONAL_CUES
    | THOUGHT_VERBS
    | REQUEST_VERBS
    | NOUN_CONTENT_CUES
    | STANCE_VERBS
    | SPOKEN_NOUN_CONTENT_CUES
    | QUOTE_ONLY_CUES
    | frozenset(PREPOSITION_CUES)
)
QUOTATION_CUES = SPEECH_VERBS | QUOTE_ONLY_CUES | frozenset(["echo"])
# Verb forms that close a sentence as its cue, whatever the tagger made of them ("...,
# fundraising documents show."), and the lemma each stands for.
TRAILING_FORMS = {
    "said": "say", "says": "say", "say": "say", "show": "show", "shows": "show", "showed": "show",
    "found": "find", "finds": "find", "indicate": "indicate", "indicates": "indicate",
    "indicated": "indicate", "reported": "report", "reports": "report", "noted": "note",
    "notes": "note", "wrote": "write", "writes": "write", "added": "add", "adds": "add",
}  # fmt: skip
# Every word that may open an attribution, by lemma and by form: what find_attributions scans for.
CUE_LEMMAS = VERB_CUES | HEARSAY_NOUNS | TALKING_BACK
CUE_WORDS = HEARSAY_ADVERBS | frozenset(["according", ":", "in", "clear", *TRAILING_FORMS])

# What "express" voices as a feeling or a side taken ("expressed concern", "expressed support").
FEELINGS = words(
    """
    concern concerns support opposition anger frustration regret sympathy condolence
    condolences sorrow grief disappointment dismay outrage shock surprise amusement gratitude
    hope hopes confidence doubt doubts skepticism scepticism interest reservation reservations
    fear fears worry worries alarm optimism pessimism admiration solidarity approval disapproval
    """
)

# Verbs by which a party gives evidence or a statement out: it vouches for what it holds.
ISSUING_VERBS = words("release publish issue provide share post distribute circulate present")
# Verbs by which a party makes a text its own.
WRITING_VERBS = words("send write sign deliver post tweet make")

# Nouns for a speech itself, in which something is said ("said in a statement that").
SPEECH_NOUNS = words(
    """
    statement announcement letter interview report message post tweet release speech remarks
    address briefing conference testimony note email e-mail video broadcast op-ed article
    """
)
