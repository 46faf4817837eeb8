"""Genre: letter, testimony, news, statement, interview or other, from structure and wording.

Each genre scores the signs it leaves in a text; the highest score wins, and a
text that shows none clearly is "other". Never the file name or the URL: a
testimony saved as letter.txt is still a testimony.

Each sign is weighted evidence (the W_ constants below, with how they were set):

- letter: a salutation or an address line ("To All Overseers Worldwide,") or a list of
  offices and names at the top, a closing and signature at the bottom, a title that says
  "open letter", "you" all through the writer's own words;
- interview: turns of talk, two or more speakers' labels taking turns ("Q:", "RFA:",
  "-- Timofei Zhukov:", "Sarah: (00:16)"), "transcript"; a Q&A where nobody in particular asks
  and an office answers ("Question: / Embassy spokesperson:") is the organisation's statement;
- statement: press-release furniture ("For immediate release", "Press release", "Contact:",
  "###"), an organisation's voice ("We condemn", "reiterates", "our brothers"), a rights
  group's research ("told Amnesty International", "Human Rights Watch interviewed"), a page
  that is mostly one statement quoted;
- news: a dateline opening the first paragraph, reporting verbs, an agency as the teller,
  no first person outside quotations;
- testimony: a first-person narrative in the past tense, outside quotations.

Quotations are blanked before "I", "we" and "you" are counted: they are other voices.
"""

from __future__ import annotations

import re
from itertools import pairwise

from firsthand.reading.voices import SPEECH_VERB_LABEL, asking_initials
from firsthand.record import Genre, Record

SALUTATION = re.compile(
    r"^(?:dear\b|to whom it may concern|respected\b|(?:his|her|your) excellency|hono(?:u)?rable\b"
    r"|greetings\b|to:|to the\b|attn\b|attention:|salaam\b|sir,|madam,)",
    re.IGNORECASE | re.MULTILINE,
)
DEAR = re.compile(r"^dear\b", re.IGNORECASE | re.MULTILINE)
CLOSING = re.compile(
    r"^(?:(?:yours )?sincerely|yours (?:faithfully|truly|sincerely)|sincerely yours|with (?:respect|regards|"
    r"best wishes|gratitude|thanks|hope)|(?:best|kind|warm) regards|regards|respectfully(?: yours)?|"
    r"i (?:do )?thank you in advance|thank you (?:in advance|for your (?:attention|time|consideration))"
    r"|in solidarity|cordially"
    # the diplomatic form: "Please accept, Your Excellency, the assurance of our highest consideration"
    r"|(?:please )?accept,? [^.\n]{0,40}?the assurances? of (?:my|our) (?:highest|high|best) consideration"
    r"|with (?:the )?assurances? of (?:my|our) (?:highest|high) consideration)\b",
    re.IGNORECASE | re.MULTILINE,
)
REQUEST_TO_ADDRESSEE = re.compile(
    r"\bI (?:request|ask|urge|beg|call on|appeal to|implore|invite) you\b|\bI am writing to you\b", re.I
)
# A short line that opens a letter by naming its addressee: "To All Overseers Worldwide,".
ADDRESS_LINE = re.compile(r"^(?:to|dear)\s[^.!?]{2,80}[,:]$", re.IGNORECASE)
# A title or first line that calls the document a letter.
LETTER_TITLE = re.compile(
    r"\b(?:open|public|joint) letter\b|^(?:a )?letter (?:to|from)\b|\bletter of (?:concern|protest|appeal)\b",
    re.IGNORECASE | re.MULTILINE,
)
# A line of an address list: an office before a name ("Attorney General Ana Ruiz", "The Honorable
# ...") or after it ("Ana Ruiz, Head of the Commission").
OFFICE_LINE = re.compile(
    r"^(?:the honou?rable|hon\.|his excellency|her excellency|president|vice[- ]president|prime minister"
    r"|attorney general|secretary|undersecretary|under-secretary|minister|senator|governor|commissioner"
    r"|ambassador|mayor|chair(?:man|woman|person)?|director|head|judge|special rapporteur|high commissioner)\b"
    r"|^[A-Z][^,]{3,60},\s*(?:the\s+)?(?:head|director|president|chair|minister|secretary|commissioner)\b",
    re.IGNORECASE,
)
# Signatories who write as one: "We, the undersigned 69 organisations, ...".
UNDERSIGNED = re.compile(r"\bwe,? the undersigned\b", re.IGNORECASE)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourselves)\b", re.IGNORECASE)

# A turn of talk: a speaker's label at the start of a line ("Q:", "RFA:", "-- Timofei Zhukov:",
# "Sarah: (00:16)"), then the speech on the same line or the next.
TURN = re.compile(
    r"^[-–—•\s]{0,4}(?P<label>[A-Z][\w.’'&]*(?: [\w.’'&]+){0,4}):(?P<speech>.*)$",
    re.MULTILINE,
)
SENTENCE_ENDS = (".", "?", "!", "…", '"', "”", "’", "'", ")")
TIMESTAMP = re.compile(r"^\s*\(\d{1,2}:\d{2}(?::\d{2})?\)\s*")
# "Q. When did ...?" / "A. In January.": question and answer marked with a stop.
QA_STOP_TURN = re.compile(r"^[-–—•\s]{0,4}[QA][.)]\s+\S", re.MULTILINE)
# A question set apart as a paragraph of its own, put to "you": an interview without labels.
QUESTION_WORDS = 30
UNLABELLED_QA = 2  # so many questions each answered by the next paragraph (with "interview" said)
UNLABELLED_QA_ALONE = 3  # or so many without it
QA_LABELS = {"q", "a", "question", "answer", "interviewer"}
# Labels of a form or a press release's furniture, not of a speaker.
FORM_LABELS = {
    "contact",
    "contacts",
    "media contact",
    "press contact",
    "date",
    "time",
    "venue",
    "place",
    "location",
    "source",
    "sources",
    "subject",
    "re",
    "from",
    "to",
    "cc",
    "bcc",
    "attn",
    "attention",
    "tags",
    "tagged",
    "posted",
    "updated",
    "published",
    "photo",
    "image",
    "caption",
    "credit",
    "note",
    "editor's note",
    "read more",
    "related",
    "category",
    "categories",
    "share",
    "email",
    "e-mail",
    "tel",
    "phone",
    "fax",
    "web",
    "website",
    "address",
    "attachments",
    "enclosures",
    "transcript",
    "part",
    "update",
    "warning",
    "trigger warning",
    "by",
    "written by",
    "filed under",
    "keywords",
    "summary",
    "background",
    "disclaimer",
}
# An answer signed by an office rather than a person: an organisation's own Q&A.
OFFICE_SPEAKER = re.compile(
    r"\b(?:spokes(?:person|man|woman)|embassy|ministry|office|department|press service)\b", re.I
)
# Spaces within the line only ([^\S\n]): '\s*' after '^' would cross blank lines, from each one.
TRANSCRIPT_MARK = re.compile(
    r"\btranscript\b|\binterview\b|\bQ ?& ?A\b|^[^\S\n]*+\(\d{1,2}:\d{2}(?::\d{2})?\)", re.I | re.M
)

ORG_VOICE = re.compile(
    r"\bwe (?:\w+ly |also |again |hereby |therefore )?(?:condemn|call on|call upon|urge|demand|express|welcome|"
    r"reiterate|reaffirm|denounce|stand|are deeply|are alarmed|are concerned|remain committed|"
    r"are sad|are saddened|are relieved|strongly|reject|regret|categorically)\b",
    re.IGNORECASE,
)
THIRD_PERSON_ORG_VOICE = re.compile(
    r"\b(?:condemns|calls on|calls upon|calls for|urges|demands|denounces|welcomes|stands ready|reiterates|"
    r"wishes to (?:inform|state|clarify)|is sad to announce|regrets to announce|categorically (?:denies|rejects))\b"
)
# Press-release furniture: decisive at the head of a page.
PRESS_RELEASE = re.compile(
    r"\bfor immediate release\b|\b(?:press|media|news) (?:releases?|statement)\b|\bjoint statement\b|\bpublic statement\b"
    r"|\bstatement (?:by|from|of|on)\b|^statement\b|\bstatement$",
    re.IGNORECASE | re.MULTILINE,
)
PRESS_FOOTER = re.compile(
    r"^(?:(?:media|press) )?contacts?[^\S\n]*+:|^#{3}[^\S\n]*+$|^-?[^\S\n]*+ends?[^\S\n]*+-?$|^about (?:the )?[A-Z]"
    r"|^for more information\b"
    r"|^(?:media|press) (?:enquiries|inquiries)\b",
    re.IGNORECASE | re.MULTILINE,
)
# An official's formulas: "The attention of X has been drawn to", "wishes to inform the public".
OFFICIAL_FORMULA = re.compile(
    r"\battention of [^.]{3,80}? has been drawn to\b|\bwishes to (?:inform|notify|assure) the (?:general )?public\b"
    r"|\bthe general public is (?:hereby )?(?:informed|advised|assured)\b",
    re.IGNORECASE,
)
# An office that names itself, capitalised, as the one speaking: "This Ministry rejects ...".
SELF_NAMED_OFFICE = re.compile(
    r"\bThis (?:Ministry|Office|Embassy|Department|Directorate|Command|Agency|Commission|Authority|Division)\b"
)
# A group that speaks of its own people in its own voice ("our brothers", "our members").
GROUP_VOICE = re.compile(
    r"\bour (?:brothers|sisters|fellow|members|community|communities|organi[sz]ation|staff|congregation|"
    r"church|movement|faith|volunteers|researchers|colleagues)\b",
    re.IGNORECASE,
)
# A non-governmental organisation by the words its names end with; and what such an
# organisation does in a report: it interviews, documents, verifies, is told.
NGO_NAME = (
    # Entered at a word's start only, each word read once: a run of capitals is no quadratic trap.
    r"(?<![\w’'-])[A-Z][\w’'-]++(?: [A-Z][\w’'-]++){0,4} (?i:International|Watch|Project|Rights|Committee|Foundation|Coalition|"
    r"Network|Centre|Center|Institute|Initiative|Association|Society|Alliance|Federation|Advocates|Defenders)\b"
)
NGO_RESEARCH = re.compile(
    rf"\b(?:told|interviewed by|investigation by|research by|according to) (?:the )?{NGO_NAME}"
    rf"|{NGO_NAME}(?: \([A-Z]{{2,6}}\))? (?:has |have |also )?(?:interviewed|documented|confirmed|verified|"
    r"gathered|analy[sz]ed|reviewed|spoke|received|found|investigated|said today|calls|urges|urged)\b",
)
# A parenthesised dateline, the convention of some rights groups' releases: "(New York) – ".
PAREN_DATELINE = re.compile(r"^\([A-Z][A-Za-z .'-]{1,30}\)\s*[–—-]\s", re.MULTILINE)
SAID_TODAY = re.compile(r"\bsaid today\b")
# A statement the page reproduces: "In a statement, X said", "the press release reads".
STATEMENT_INTRO = re.compile(
    r"\bin a (?:press )?statement\b|\bstatement (?:signed|issued) by\b|\bpress release\b", re.I
)

# A news dateline: "KELVAR (Reuters) — ", "Lodz, May 3 (AFP) - ", "Khanty-Mansiysk, February 20, Interfax - ".
DATELINE = re.compile(
    r"^[A-Z][A-Za-z.\- ]{2,30}(?:, [A-Z][A-Za-z.\- ]{2,30})?(?:,? \w+ \d{1,2})?,?\s*+(?:\([A-Za-z ]+\)|[A-Z]\w+)?"
    r"\s*+[–—-]{1,2}\s+\S",
    re.MULTILINE,
)
REPORTING = re.compile(
    r"\b(?:said|says|told reporters|according to|reported|stated|added|confirmed|announced|denied)\b"
)
# A report's findings retold, the verb after its teller ("the inquiry has concluded", "the report,
# published on Monday, notes", "Danner reports"): as nouns ("false reports", "you have noted"
# in a question) these words are no reporting.
FINDING = re.compile(
    r"\b(?:report|inquiry|commission|investigation|study|findings|panel|investigators|it|he|she|they"
    r"|[A-Z][a-z]+)(?:, [^,\n]{1,40},)? (?:has |have |had |also )?(?:concluded|concludes|reports|notes|noted"
    r"|explains|explained|warned|warns|alleges|alleged)\b"
)
# A news agency or outlet as the teller: "told Interfax", "Reuters reported", "(AFP)".
NEWS_AGENCY = re.compile(
    r"\b(?:told|to|by) (?:Reuters|AFP|AP|Interfax|TASS|Xinhua|the BBC|CNN|Bloomberg|the Associated Press)\b"
    r"|\((?:Reuters|AFP|AP|Interfax|TASS|Xinhua|dpa|ANSA|EFE)\)",
)
FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself)\b")
FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)
WORDS = re.compile(r"\b\w+\b")
# A first-person past narrative: "I was", "we ran", "I had already gotten up".
PAST_NARRATIVE = re.compile(
    r"\b(?:I|[Ww]e) (?:(?:then|also|just|never|still|all|both|only|had|immediately|suddenly) )?"
    r"(?:was|were|had|saw|heard|went|came|fled|left|lost|spent|found|knew|met|felt|ran|woke|told|took|got|"
    r"began|thought|gave|made|sat|stood|kept|became|brought|could|did|spoke|remember|[a-z]{2,}ed)\b"
)

# Weights of the evidence, set by hand so that one decisive sign (a press-release head, a
# run of speakers' turns, a salutation) outweighs the wording any genre may share (reporting
# verbs, "we"), and checked on the fixture documents of every genre (tests/fixtures/genres).
W_SALUTATION = 3.0  # "Dear ...", "To All Overseers,": a letter opens on its addressee
W_CLOSING = 2.0  # "Sincerely," and a signature
W_REQUEST = 1.0  # "I urge you"
W_LETTER_TITLE = 3.0  # "An Open Letter to ..."
W_ADDRESS_LIST = 3.0  # two or more office-and-name lines addressed
W_UNDERSIGNED = 2.5  # "We, the undersigned": a joint letter's signers (a joint statement says so on top)
W_SECOND_PERSON = (
    1.5  # "you" all through, outside quotations: the text talks to somebody (never decisive alone)
)
SECOND_PERSON_DENSITY = 0.02
SECOND_PERSON_MIN = 3  # and more than a question's "you" or two
W_TURNS = 4.0  # speakers taking turns over much of the text
W_MANY_TURNS = 1.5  # four turns or more
TURN_SHARE = 0.35  # the share of the body a single exchange must carry
MANY_EXCHANGES = 3  # or this many changes of speaker, however long the introduction
W_TRANSCRIPT = 1.0  # "transcript", "interview", time stamps
W_OWN_QA = 5.0  # a Q&A answered by an office: the organisation's own statement
W_PRESS_RELEASE = 4.0  # "For immediate release", "Press release", "Statement by"
W_PRESS_FOOTER = 1.5  # "Contact:", "###", "About X"
W_ORG_VOICE = 2.0  # "we condemn", up to twice
W_ORG_THIRD = 1.0  # "X condemns", "reiterates"
W_OFFICIAL_FORMULA = 2.0
W_SELF_NAMED_OFFICE = 2.0  # "This Ministry rejects"
W_GROUP_VOICE = 2.5  # "our brothers" outside quotations
W_NGO_RESEARCH = 2.0  # "told Amnesty International", "Human Rights Watch interviewed", up to twice
W_PAREN_DATELINE = 1.5
W_SAID_TODAY = 1.0
W_REPRODUCED = 3.0  # most of the page is one statement's words, quoted
REPRODUCED_SHARE = 0.55
W_WE_VOICE = 1.0  # "we" well above "I"
W_DATELINE = 3.0
W_REPORTING = 2.0  # per two reporting verbs, up to twice
W_AGENCY = 1.0
W_THIRD_PERSON = 1.0  # neither "I" nor "we" outside quotations
W_FIRST_PERSON = 2.5  # "I" dense outside quotations
SINGULAR_DENSITY = 0.015
# Or "we" dense and telling the past: a group's testimony ("we were twenty in one room", "we
# started a hunger strike"); an organisation's "we" speaks in the present ("we condemn").
PLURAL_DENSITY = 0.03
COLLECTIVE_NARRATIVE = 4  # first-person past verbs, "I" and "we" together
W_NARRATIVE = 1.0  # per three first-person past verbs, up to three times
LETTER_FRAME_DISCOUNT = 1.5  # a letter's body is often a testimony; its frame decides

PROSE_WORDS = 10  # a line this long is a paragraph, not a title or a tagline

# Below this score no genre is clear enough to name.
MIN_SCORE = 2.0


def classify_genre(record: Record) -> Record:
    """Set ``record.document.genre`` from the text's structure and wording."""
    record.document.genre = score_genres(record.document.text, record.document.body_start)[0]
    return record


def unquoted(text: str) -> str:
    """The text with quotations blanked out (same length): a quoted "I" or "we condemn" is
    another voice's. A quotation left open runs to the end of its paragraph, as a quote that
    goes on into the next paragraph is written."""
    lines = []
    for line in text.split("\n"):  # a line break closes any quotation
        # The line's runs between quotation marks, each mark kept: [run, mark, run, mark, ...].
        parts = QUOTATION_MARK.split(line)
        out, inside = [parts[0]], False
        for mark, run in zip(parts[1::2], parts[2::2], strict=True):
            inside = mark in "“«„" or (mark == '"' and not inside)
            out.append(" " + (" " * len(run) if inside else run))
        lines.append("".join(out))
    return "\n".join(lines)


QUOTATION_MARK = re.compile('([“”"«»„])')
# A paragraph that introduces another's words set apart below it: "Vosk described his arrest:"
# (a line that ends on a colon and has one of these words; tested apart, as one pattern that
# ran from each word to the line's end read a line of them again from every word).
BLOCK_INTRO = re.compile(
    r"\b(?:said|says|told|wrote|writes|described|describes|recalled|recalls|recounted|recounts|testified"
    r"|explained|explains|added|reads|account|testimony|statement|words)\b",
    re.IGNORECASE,
)


def _introduces_a_block(line: str) -> bool:
    return line.endswith(":") and BLOCK_INTRO.search(line) is not None


def without_block_quotations(own: str) -> str:
    """``own`` (quotations already blanked) with first-person blocks that a third-person writer
    introduces with a colon blanked too: a detainee's account set apart in a news report is his
    voice, not the reporter's. The block runs while its paragraphs say "I", and it is another's
    only where the writer's own voice takes over after it (prose, scarcely an "I"): a witness's
    account that a collector introduces and that runs to the end is the testimony itself. Only
    while the writer has not yet said "I" (a testimony quoting its accuser is still the witness's)."""
    lines = own.split("\n")
    for intro, line in enumerate(lines):
        if FIRST_SINGULAR.search(line):
            break  # the writer speaks in the first person: no block from here on is another's
        if not _introduces_a_block(line.strip()):
            continue
        end = intro + 1
        while end < len(lines) and (not lines[end].strip() or FIRST_SINGULAR.search(lines[end])):
            end += 1
        if end == intro + 1:
            continue
        rest = without_block_quotations("\n".join(lines[end:]))
        rest_words = len(WORDS.findall(rest))
        if rest_words < PROSE_WORDS or len(FIRST_SINGULAR.findall(rest)) / rest_words > SINGULAR_DENSITY:
            return own
        blanked = [" " * len(block_line) for block_line in lines[intro + 1 : end]]
        return "\n".join([*lines[: intro + 1], *blanked, rest])
    return own


def _turns(body: str) -> tuple[list[str], int]:
    """Speakers' labels in order and the characters their turns carry."""
    labels: list[str] = []
    found = list(TURN.finditer(body))
    asking = asking_initials(body, found)  # "TO:" as a speaker's initials, not a header
    matches = [
        m
        for m in found
        if (m["label"].casefold().strip(" .") not in FORM_LABELS or m["label"] in asking)
        and not SPEECH_VERB_LABEL.search(m["label"])
    ]
    carried = 0
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        speech = TIMESTAMP.sub("", body[m.end("label") + 1 : end]).strip()
        # A turn's line is a sentence, or its speech starts on the next line: a line such as
        # "Exhibition and Panel: Homes We Left Behind" is a heading, not a speaker's turn.
        said_on_line = TIMESTAMP.sub("", m["speech"]).strip()
        if said_on_line and not said_on_line.endswith(SENTENCE_ENDS):
            continue
        if speech:
            labels.append(m["label"])
            carried += len(speech)
    return labels, carried


def _unlabelled_exchanges(body_lines: list[str]) -> int:
    """Paragraphs that are a single question to "you", each answered by the next paragraph
    (a statement of PROSE_WORDS or more, not another question)."""
    return sum(
        question.endswith("?")
        and len(question.split()) <= QUESTION_WORDS
        and bool(SECOND_PERSON.search(question))
        and not answer.endswith("?")
        and len(answer.split()) >= PROSE_WORDS
        for question, answer in pairwise(body_lines)
    )


def score_genres(text: str, body_start: int = 0) -> tuple[Genre, dict[str, float]]:
    """The winning genre and every genre's score (for explaining a decision). The head is read
    from ``body_start``: a page's title and byline above it say nothing of a letter's frame,
    though a title may name what the page is ("Press release", "Open letter")."""
    body = text[body_start:]
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    body_lines = [line.strip() for line in body.split("\n") if line.strip()]
    # The head: the first lines, and a letter's whole header when it is longer (an address
    # block of a letterhead, the sender's and the addressee's, runs to a dozen lines).
    first_prose = next(
        (i for i, line in enumerate(body_lines) if len(line.split()) >= PROSE_WORDS), len(body_lines)
    )
    head, tail = "\n".join(body_lines[: max(8, min(16, first_prose))]), "\n".join(lines[-10:])
    top = "\n".join(lines[:8])  # the title and what stands around it
    # Its headings: "Press release" in a heading names the page; in a sentence ("according
    # to a news release from the police") it names a source.
    top_headings = "\n".join(line for line in lines[:8] if len(line.split()) < PROSE_WORDS + 3)
    own = without_block_quotations(unquoted(body))
    words = max(1, len(WORDS.findall(own)))
    singular = len(FIRST_SINGULAR.findall(own)) / words
    plural = len(FIRST_PLURAL.findall(own)) / words
    second = len(SECOND_PERSON.findall(own)) / words
    quoted_share = 1 - len(own.replace(" ", "")) / max(1, len(body.replace(" ", "")))
    scores: dict[str, float] = {}

    address_lines = [line for line in body_lines[:20] if len(line.split()) <= 14 and OFFICE_LINE.match(line)]
    # A salutation opens the letter: before its first paragraph ("To the Government of X:" after
    # a report's paragraphs heads its recommendations), but "Dear ..." wherever the head has it.
    salutation = (
        any(SALUTATION.match(line) for line in body_lines[: first_prose + 1])
        or DEAR.search(head)
        or any(
            ADDRESS_LINE.match(line) and (i <= first_prose or line.endswith(","))
            for i, line in enumerate(body_lines[:12])
        )
    )
    scores["letter"] = (
        W_SALUTATION * bool(salutation)
        + W_CLOSING * bool(CLOSING.search(tail))
        + W_REQUEST * bool(REQUEST_TO_ADDRESSEE.search(own))
        + W_LETTER_TITLE * bool(LETTER_TITLE.search(top))
        + W_ADDRESS_LIST * (len(address_lines) >= 2)
        + W_UNDERSIGNED * bool(UNDERSIGNED.search(own))
    )

    # The whole text: a page whose first turn is a question may have it taken for the title.
    labels, carried = _turns(text)
    keys = [label.casefold() for label in labels]
    alternations = sum(a != b for a, b in pairwise(keys))
    talk = alternations >= MANY_EXCHANGES or (
        alternations >= 1 and len(set(keys)) >= 2 and carried >= TURN_SHARE * len(text.strip())
    )
    qa = sum(k in QA_LABELS for k in keys) + len(QA_STOP_TURN.findall(text))
    said_interview = bool(TRANSCRIPT_MARK.search(top + "\n" + body))
    asked = _unlabelled_exchanges(body_lines)
    unlabelled = asked >= UNLABELLED_QA_ALONE or (asked >= UNLABELLED_QA and said_interview)
    scores["interview"] = (
        W_TURNS * (talk or qa >= 3 or unlabelled)
        + W_MANY_TURNS * (talk and len(keys) >= 4)
        + W_TRANSCRIPT * said_interview
    )
    # "Question: ... / Embassy spokesperson: ...": nobody asks, an office answers.
    # "You" all through: a letter, unless the "you" is an interviewer's.
    scores["letter"] += W_SECOND_PERSON * (
        second >= SECOND_PERSON_DENSITY and second * words >= SECOND_PERSON_MIN and not talk
    )
    own_qa = talk and keys[0] in QA_LABELS and any(OFFICE_SPEAKER.search(label) for label in labels)
    if own_qa:
        scores["interview"] -= W_OWN_QA

    reproduced = quoted_share >= REPRODUCED_SHARE and bool(STATEMENT_INTRO.search(body))
    scores["statement"] = (
        W_OWN_QA * own_qa
        + W_PRESS_RELEASE * bool(PRESS_RELEASE.search(top_headings))
        + W_PRESS_FOOTER * bool(PRESS_FOOTER.search(body))
        + W_ORG_VOICE * min(2, len(ORG_VOICE.findall(own)))
        + W_ORG_THIRD * bool(THIRD_PERSON_ORG_VOICE.search(text))
        + W_OFFICIAL_FORMULA * bool(OFFICIAL_FORMULA.search(text))
        + W_SELF_NAMED_OFFICE * bool(SELF_NAMED_OFFICE.search(own))
        + W_GROUP_VOICE * bool(GROUP_VOICE.search(own))
        + W_NGO_RESEARCH * min(2, len(NGO_RESEARCH.findall(body)))
        + W_PAREN_DATELINE * bool(PAREN_DATELINE.search(body))
        + W_SAID_TODAY * bool(SAID_TODAY.search(own))
        + W_REPRODUCED * reproduced
        + W_WE_VOICE * (plural > singular * 2 and plural > 0.01)
    )
    reporting = len(REPORTING.findall(own)) + len(FINDING.findall(own))
    scores["news"] = (
        # A dateline begins the first paragraph; "From XFamily - Children of God" is a site's tagline.
        W_DATELINE
        * any(len(line.split()) >= PROSE_WORDS and DATELINE.match(line) for line in head.split("\n"))
        + W_REPORTING * min(2, reporting // 2)
        + W_AGENCY * bool(NEWS_AGENCY.search(text))
        + W_THIRD_PERSON * (singular < 0.005 and plural < 0.01)
    )
    narrative = len(PAST_NARRATIVE.findall(own))
    collective = plural > PLURAL_DENSITY and narrative >= COLLECTIVE_NARRATIVE
    scores["testimony"] = W_FIRST_PERSON * (singular > SINGULAR_DENSITY or collective) + W_NARRATIVE * min(
        3, narrative // 3
    )
    if scores["letter"] >= W_SALUTATION:
        scores["testimony"] -= LETTER_FRAME_DISCOUNT
    best = max(scores, key=lambda g: scores[g])
    genre: Genre = best if scores[best] >= MIN_SCORE else "other"  # type: ignore[assignment]
    return genre, scores
