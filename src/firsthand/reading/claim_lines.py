"""Lines of a page that state nothing: headings, menu items and labels (a line that stops
without a sentence's end), section headings after their letter, a headline over its story,
greetings and thanks for the occasion, a page's pointers to more of itself, a wiki's stamps.
``claims.py`` drops the claims that stand on such a line."""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading.nlp import words
from firsthand.reading.pagedump import is_wiki_stamp

# Lines that greet or thank rather than state: no claim.
GREETINGS = re.compile(
    r"^(?:thank you|thanks|many thanks|good (?:morning|afternoon|evening)|hello|hi|dear\b|sincerely|regards|best regards|yours)",
    re.IGNORECASE,
)
# Thanks for the occasion, not for a deed the text tells: "Thank you for having me",
# "Thanks so much for your time" (not "thank the nurses for carrying the wounded out").
COURTESY_THANKS = re.compile(
    r"^(?:thank you|thanks|many thanks)(?: (?:so|very) much)?(?: (?:all|again|everyone|everybody))?"
    r"(?: for (?:having|inviting) (?:me|us)| for (?:your|the) (?:time|invitation|question|attention)"
    r"| for (?:listening|coming|joining us))?[.!]?$",
    re.IGNORECASE,
)
# Sentence ends: a line that ends otherwise is a heading, a menu item or a label.
SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", ")", "…", ";", ":")


def heading_or_greeting(text: str, claim: dict[str, Any]) -> bool:
    """A heading, a menu item or a label (a line that stops without a sentence's end), a
    greeting ("Thank you") or a wiki's revision stamp: no claim."""
    if GREETINGS.match(claim["text"].strip()) and len(claim["text"].split()) <= 4:
        return True
    if COURTESY_THANKS.match(claim["text"].strip()):
        return True
    if LINK_PROMPT.fullmatch(claim["text"].strip()):  # "Read the full transcript here."
        return True
    # The claim's line, looked for no further than a heading or a stamp may run: a longer
    # line is neither (and a megabyte without a line break is not scanned once per claim).
    start = text.rfind("\n", max(0, claim["start"] - HEADING_LINE_CHARS), claim["start"]) + 1
    end = text.find("\n", claim["end"], claim["end"] + HEADING_LINE_CHARS)
    if (start == 0 and claim["start"] > HEADING_LINE_CHARS) or (
        end < 0 and claim["end"] + HEADING_LINE_CHARS < len(text)
    ):
        return False
    line = text[start : end if end >= 0 else len(text)].strip()
    if is_wiki_stamp(line):  # "Revision as of 21:20, 9 March 2005 by Ann (talk | contribs)"
        return True
    first_end = text.find("\n", start, end if end >= 0 else len(text))
    first_line = text[start : first_end if first_end >= 0 else (end if end >= 0 else len(text))]
    if claim["end"] > start + len(first_line) or first_line.strip().endswith(SENTENCE_ENDS):
        return False  # runs over lines (a hard-wrapped letter), or ends as a sentence does
    words_of = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if w.lower() not in MINOR_WORDS]
    capitalised = sum(w[0].isupper() for w in words_of)
    # A menu item or a label ("Skip to main menu", "Image: dpa"), or a headline in title case.
    if len(words_of) <= HEADING_WORDS_ANY or (
        len(words_of) <= HEADING_WORDS and capitalised >= HEADING_CAPITALS * len(words_of)
    ):
        return True
    # A section's heading after its letter ("A. The applicant's arrest and alleged
    # ill-treatment", "II. Relevant domestic law"); a list's numbered item may be a demand.
    if len(words_of) <= HEADING_WORDS and SECTION_LETTER.match(line):
        return True
    # A headline in sentence case over the paragraph it heads ("Lawyer assaulted and
    # arbitrarily detained", then the story): a paragraph of its own, without a sentence's end
    # or articles, and a longer paragraph after it that ends as sentences do.
    return len(words_of) <= HEADING_WORDS and _heads_a_paragraph(text, start, end)


def _heads_a_paragraph(text: str, start: int, end: int) -> bool:
    # A paragraph of its own; or the first line of a block, the story right under it
    # ("Lawyer assaulted and arbitrarily detained" / "On 9 September, lawyer ...").
    if end < 0 or not text.startswith("\n", end) or (start > 0 and not text.endswith("\n\n", 0, start)):
        return False
    line = text[start:end]
    if not line[:1].isupper() or re.search(r"[.!?](?:\s|[\"'”’»]*+$)", line):
        return False  # a caption with its credit ("... across Iran. PHOTO: EPA"), or "... act.'"
    articles = re.findall(r"\b(?:the|a|an)\b", line, re.IGNORECASE)
    if len(articles) > 1 or re.match(r"(?:the|a|an)\b", line, re.IGNORECASE):
        return False  # headlines spare articles; a sentence that lost its full stop keeps them
    following = text[end:].lstrip("\n")
    paragraph = following[: following.find("\n")] if "\n" in following else following
    heading_words = len(text[start:end].split())
    return len(paragraph.split()) >= 2 * heading_words and paragraph.rstrip().endswith(SENTENCE_ENDS)


# How far from a claim its line is looked for: headings, labels and stamps are shorter.
HEADING_LINE_CHARS = 1000

# A page's pointer to more of itself, which asks the reader to follow a link, not to act:
# "Read the transcript of his answers here", "Click here to donate", "Watch the video below".
LINK_PROMPT = re.compile(
    r"(?:please )?(?:click|tap|read|watch|listen(?: to)?|see|view|download|find|learn|sign|subscribe|follow|share)"
    r"\b.{0,160}?\b(?:here|below|above|on our (?:website|site|page)|at https?://\S+)[.!:]?"
    r"|(?:please )?(?:click|tap) here\b.{0,160}",
    re.IGNORECASE,
)
# The letter or Roman numeral of a section ("A. ", "IV. ", "b) ").
SECTION_LETTER = re.compile(r"(?:[A-Za-z]|[IVXL]{1,5})[.)][ \t]++(?=[A-Z])")
# Words a title leaves in lower case.
MINOR_WORDS = words("a an the of in on at to for and or but by with from as is are")
# A line with no sentence end is a heading when it is this short whatever its case, or this
# short and mostly capitalised (calibrated on the real documents' headlines and captions).
HEADING_WORDS_ANY = 3
HEADING_WORDS = 12
HEADING_CAPITALS = 0.6
