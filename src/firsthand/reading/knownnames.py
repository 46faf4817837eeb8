"""Names the small model cannot type from their shape: news agencies, outlets, platforms and
companies (one unseen capitalised word is a person to it: "Boeing", "Twitter"), and
capitalised words that name no entity at all (time zones, products, market indexes).

The lists hold names known worldwide, as the gazetteer holds places: the kind of thing a
reader knows without being told. A name here is an organisation wherever it stands, a
speaker's label included ("Reuters: Do you have any comment?").
"""

from __future__ import annotations

import re

from firsthand.reading.mentions import Mention
from firsthand.reading.nlp import Spans

# News agencies, broadcasters, papers, platforms and companies that news pages name bare.
KNOWN_ORGANISATIONS = {
    # agencies and broadcasters
    "Reuters", "AFP", "Agence France-Presse", "Associated Press", "Xinhua", "TASS", "Interfax",
    "RIA Novosti", "Bloomberg News", "CNN", "BBC", "NPR", "PBS", "MSNBC", "CNBC", "ABC News", "CBS News",
    "NBC News", "Fox News", "Al Jazeera", "Al Arabiya", "Euronews", "DW", "Deutsche Welle", "RFA",
    "Radio Free Asia", "Radio Free Europe", "RFE/RL", "Voice of America", "VOA", "IRNA", "Tasnim",
    "Yonhap", "Kyodo", "NHK", "Anadolu", "ANSA", "EFE", "EPA", "dpa", "Bernama", "PTI", "ANI",
    "Sky News", "ITV", "France 24", "Sputnik", "CGTN", "Global Times",
    # papers and magazines named bare
    "Kommersant", "Izvestia", "Vedomosti", "Novaya Gazeta", "Pravda", "Haaretz", "Le Monde",
    "Le Figaro", "Der Spiegel", "Spiegel", "Die Zeit", "El País", "Politico", "Axios", "Newsweek",
    "Bild",
    # platforms and companies
    "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "WhatsApp", "WeChat", "Weibo",
    "LinkedIn", "Reddit", "Wikipedia", "Google", "Microsoft", "Amazon.com", "Netflix", "Uber",
    "Airbnb", "PayPal", "eBay", "Yahoo", "Skype", "Spotify", "Boeing", "Airbus", "Ryanair",
    "Lufthansa", "easyJet", "Aeroflot", "Emirates Airline", "Toyota", "Volkswagen", "Siemens",
    "Samsung", "Huawei", "Tencent", "Alibaba", "Baidu", "Gazprom", "Rosneft", "Nokia", "Ericsson",
    "IBM", "Intel", "Pfizer", "Moderna", "ExxonMobil", "Chevron", "Walmart", "Nestlé", "Unilever",
    "Vodafone", "Shell plc", "Sony", "Nintendo", "Renault", "Peugeot", "Fiat",
    "Nasdaq", "Goldman Sachs", "JPMorgan", "Morgan Stanley", "Deutsche Bank", "Barclays", "HSBC",
    # agencies and bodies known by their initials the world over
    "FBI", "CIA", "NSA", "KGB", "FSB", "GRU", "NATO", "Interpol", "Europol", "UNHCR", "UNICEF",
    "UNESCO", "UNRWA", "ICRC", "OSCE", "OHCHR", "IMF",
    # armed groups known by name the world over
    "Islamic State", "ISIS", "ISIL", "Taliban", "Hamas", "Hezbollah", "Boko Haram", "Al-Shabaab",
    "al-Shabaab", "al-Qaeda", "Al-Qaeda", "Al Qaeda", "Tatmadaw", "Wagner Group", "Houthis",
}  # fmt: skip

# Capitalised words that name no person, body or place.
TIME_ZONES = {
    "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "CET", "CEST", "EET", "EEST",
    "WET", "BST", "JST", "KST", "MSK", "IST", "PKT", "SGT", "HKT", "AEST", "AEDT", "WAT", "CAT", "EAT",
    "SAST", "WIB", "WITA", "WIT", "ICT", "PHT", "NZT", "NZST", "NZDT", "AFT",
}  # fmt: skip
PRODUCTS = {
    "iPhone", "iPhones", "iPad", "iPads", "iPod", "iPods", "iMac", "MacBook", "iTunes", "Android",
    "PlayStation", "Xbox", "Kindle", "Galaxy S", "Windows XP", "Windows 10", "Boeing 737",
    "Boeing 747", "Boeing 777", "Airbus A320",
}  # fmt: skip
# "the Dow Jones Industrial Average", "the FTSE 100 index": a figure, not a body.
MARKET_INDEX = re.compile(r"(?:\bAverage|\b[Ii]ndex|\bS&P 500|\bFTSE 100|\bNikkei 225|\bDAX)$")

_KNOWN = re.compile(
    r"(?<![\w\-@#/.])(?:"
    + "|".join(re.escape(n) for n in sorted(KNOWN_ORGANISATIONS, key=len, reverse=True))
    + r")(?![\w\-@/])"
)


def is_known_organisation(name: str) -> bool:
    return name in KNOWN_ORGANISATIONS


_PRODUCT_PREFIXES = tuple(p + " " for p in PRODUCTS)  # "iPhone 15": asked of every mention


# A news page's rubric before its headline ("Factcheck: the mayor was right"), which the
# model labels as if a name.
RUBRICS = {
    "Factcheck", "Fact-check", "Fact Check", "FactCheck", "Explainer", "Exclusive", "Analysis",
    "Opinion", "Editorial", "Commentary", "Breaking", "Breaking News", "Watch", "Live", "Podcast",
    "Photos", "In Pictures", "Q&A", "Obituary", "Review",
}  # fmt: skip


# Capitals for a thing, a measure or a role, not a body: "CCTV footage", "his DNA", "an IED".
COMMON_INITIALISMS = {
    "CCTV", "GPS", "DNA", "HIV", "AIDS", "SMS", "MMS", "PDF", "URL", "GDP", "ID", "IDs", "TV", "DVD",
    "USB", "ATM", "SUV", "UAV", "UAVs", "VIP", "VIPs", "FAQ", "PIN", "HQ", "ICU", "IED", "IEDs", "RPG",
    "RPGs", "PPE", "PTSD", "CPR", "MRI", "IQ", "CV", "RSVP", "ASAP", "FYI", "DIY", "GMO", "LED", "LCD",
    "SIM", "VPN", "HTML", "PhD", "MBA", "CEO", "CEOs", "CFO", "COO", "MP", "MPs", "MEP", "MEPs",
    "LGBT", "LGBTQ", "LGBTI", "COVID", "COVID-19", "SARS-CoV-2", "Covid-19", "AM", "PM", "FIR", "FIRs",
}  # fmt: skip


def names_no_entity(name: str) -> bool:
    """A time zone, a product, a market index, a page's rubric or a thing's initials, which
    the model labels as if a name."""
    return (
        name in TIME_ZONES
        or name in COMMON_INITIALISMS
        or name in RUBRICS
        or name in PRODUCTS
        or name.startswith(_PRODUCT_PREFIXES)
        or bool(MARKET_INDEX.search(name))
    )


def _only_pieces_of(mentions: list[Mention], start: int, end: int) -> bool:
    """What overlaps [start, end) lies inside it and is shorter."""
    overlapping = [m for m in mentions if m.start < end and start < m.end]
    return bool(overlapping) and all(
        start <= m.start and m.end <= end and (m.start, m.end) != (start, end) for m in overlapping
    )


def known_organisations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Every occurrence of a known organisation's name that no mention covers, or only a
    piece of it: the small model misses them most as a speaker's label or in an all-caps
    line, and takes "Islamic" of "Islamic State" for a name of its own."""
    covered = Spans((m.start, m.end) for m in mentions)
    found = []
    for hit in _KNOWN.finditer(text):
        start, end = hit.span()
        if not covered.overlaps(start, end) or (
            " " in hit.group(0) and _only_pieces_of(mentions, start, end)
        ):
            # also over a piece of it the model took for a name ("Islamic" of "Islamic State")
            found.append(Mention(start, end, hit.group(0), "ORG", "known", "ORG"))
    return found
