"""Genre: letter, testimony, news, statement, interview or other, from structure and wording.

Each genre scores the signs it leaves in a text; the highest score wins, and a
text that shows none clearly is "other". Never the file name or the URL: a
testimony saved as letter.txt is still a testimony.

- letter: a salutation or address block at the top, a closing and signature at
  the bottom, the writer asking the addressee ("I request you");
- interview: question and answer turns ("Q:", "A:", or speakers' names);
- statement: an organisation speaking ("We condemn", "calls on"), press-release
  furniture ("For immediate release", "Joint statement", "-ENDS-");
- news: a dateline, reporting verbs ("said", "according to"), third person;
- testimony: a first-person singular narrative in the past tense.
"""

from __future__ import annotations

import re
from collections import Counter

from .record import Genre, Record

SALUTATION = re.compile(
    r"^(?:dear\b|to whom it may concern|respected\b|(?:his|her|your) excellency|hono(?:u)?rable\b"
    r"|greetings\b|to:|to the\b|attn\b|attention:|salaam\b|sir,|madam,)",
    re.IGNORECASE | re.MULTILINE,
)
CLOSING = re.compile(
    r"^(?:(?:yours )?sincerely|yours (?:faithfully|truly|sincerely)|sincerely yours|with (?:respect|regards|"
    r"best wishes|gratitude|thanks|hope)|(?:best|kind|warm) regards|regards|respectfully(?: yours)?|"
    r"i (?:do )?thank you in advance|thank you (?:in advance|for your (?:attention|time|consideration))"
    r"|in solidarity|cordially)\b",
    re.IGNORECASE | re.MULTILINE,
)
REQUEST_TO_ADDRESSEE = re.compile(
    r"\bI (?:request|ask|urge|beg|call on|appeal to|implore|invite) you\b|\bI am writing to you\b", re.I
)
INTERVIEW_TURN = re.compile(
    r"^(?P<speaker>Q|A|Question|Answer|Interviewer|[A-Z][\w.’' -]{1,30}):\s", re.MULTILINE
)
QA_TURN = re.compile(r"^(?:Q|A|Question|Answer|Interviewer)\s*:", re.MULTILINE)
ORG_VOICE = re.compile(
    r"\bwe (?:\w+ly |also |again |hereby |therefore )?(?:condemn|call on|call upon|urge|demand|express|welcome|"
    r"reiterate|reaffirm|denounce|stand|are deeply|are alarmed|are concerned|remain committed)\b",
    re.IGNORECASE,
)
THIRD_PERSON_ORG_VOICE = re.compile(
    r"\b(?:condemns|calls on|calls upon|calls for|urges|demands|denounces|welcomes|stands ready)\b"
)
PRESS_FURNITURE = re.compile(
    r"for immediate release|press release|joint statement|\bstatement\b|signator(?:y|ies)|^-?[^\S\n]*ends?[^\S\n]*-?$"
    r"|media contact|press contact|for more information",
    re.IGNORECASE | re.MULTILINE,
)
DATELINE = re.compile(
    r"^[A-Z][A-Za-z.\- ]{2,30}(?:, [A-Z][A-Za-z.\- ]{2,30})?(?:,? \w+ \d{1,2})?\s*+(?:\([A-Za-z ]+\)\s*+)?[–—-]\s+\S",
    re.MULTILINE,
)
REPORTING = re.compile(
    r"\b(?:said|says|told reporters|according to|reported|stated|added|confirmed|announced|denied)\b"
)
FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine|myself)\b")
FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|ourselves)\b", re.IGNORECASE)
WORDS = re.compile(r"\b\w+\b")
PAST_NARRATIVE = re.compile(
    r"\bI (?:was|were|had|saw|heard|went|came|escaped|fled|left|lost|spent|remember|found|tried|"
    r"watched|lived|worked|arrived|returned|could|did|got|knew|met|felt|decided|ran|woke|asked|told)\b"
)

# Below this score no genre is clear enough to name.
MIN_SCORE = 2.0


def classify_genre(record: Record) -> Record:
    """Set ``record.document.genre`` from the text's structure and wording."""
    record.document.genre = score_genres(record.document.text, record.document.body_start)[0]
    return record


def score_genres(text: str, body_start: int = 0) -> tuple[Genre, dict[str, float]]:
    """The winning genre and every genre's score (for explaining a decision). The head is read
    from ``body_start``: a page's title and byline above it say nothing of the genre."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    body_lines = [line.strip() for line in text[body_start:].split("\n") if line.strip()]
    # The head: the first lines, and a letter's whole header when it is longer (an address
    # block of a letterhead, the sender's and the addressee's, runs to a dozen lines).
    first_prose = next((i for i, line in enumerate(body_lines) if len(line.split()) >= 10), len(body_lines))
    head, tail = "\n".join(body_lines[: max(8, min(16, first_prose))]), "\n".join(lines[-10:])
    words = max(1, len(WORDS.findall(text)))
    singular = len(FIRST_SINGULAR.findall(text)) / words
    plural = len(FIRST_PLURAL.findall(text)) / words
    scores: dict[str, float] = {}

    scores["letter"] = (
        3.0 * bool(SALUTATION.search(head))
        + 2.0 * bool(CLOSING.search(tail))
        + 1.0 * bool(REQUEST_TO_ADDRESSEE.search(text))
    )
    # Turns: speaker labels that come back ("Date:" and "Venue:" once each are a form, not a talk).
    speakers = Counter(INTERVIEW_TURN.findall(text))
    turns = sum(n for n in speakers.values() if n >= 2) if sum(n >= 2 for n in speakers.values()) >= 2 else 0
    qa = len(QA_TURN.findall(text))
    scores["interview"] = 4.0 * (qa >= 3) + 3.0 * (turns >= 4 and turns >= len(lines) * 0.3)
    scores["statement"] = (
        2.0 * min(2, len(ORG_VOICE.findall(text)))
        + 1.0 * bool(THIRD_PERSON_ORG_VOICE.search(text))
        + 1.5 * bool(PRESS_FURNITURE.search(text))
        + 1.0 * (plural > singular * 2 and plural > 0.01)
    )
    reporting = len(REPORTING.findall(text))
    scores["news"] = (
        3.0 * bool(DATELINE.search(head))
        + 2.0 * min(2, reporting // 2)
        + 1.0 * (singular < 0.005 and plural < 0.01)
    )
    scores["testimony"] = 2.5 * (singular > 0.025) + 1.0 * min(2, len(PAST_NARRATIVE.findall(text)) // 3)
    # A letter's body is often a testimony; its frame decides.
    if scores["letter"] >= 3.0:
        scores["testimony"] -= 1.5
    best = max(scores, key=lambda g: scores[g])
    genre: Genre = best if scores[best] >= MIN_SCORE else "other"  # type: ignore[assignment]
    return genre, scores
