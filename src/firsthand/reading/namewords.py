"""The words that say what a name is: titles and roles of people, head nouns of
organisations, places and facilities, and the words that start or end no name."""

from __future__ import annotations

SPACY_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"}

# Offices and ranks a person is named with ("Minister X", "Superintendent Tony Hill").
OFFICES = {
    "minister", "president", "ambassador", "commissioner", "general", "colonel", "captain",
    "lieutenant", "sergeant", "major", "judge", "senator", "governor", "mayor", "secretary",
    "director", "chairman", "chairwoman", "commander", "officer", "agent", "superintendent",
    "inspector", "constable", "detective", "corporal", "admiral", "brigadier", "marshal", "sheriff",
    "commodore", "chief",
}  # fmt: skip

# Titles and kinship words that announce a person ("Mr. X", "Minister X", "my brother X").
PERSON_TITLES = OFFICES | {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "madam", "lady", "lord", "sheikh",
    "ayatollah", "imam", "mullah", "hojatoleslam", "excellency",
    "brother", "sister", "mother", "father", "wife", "husband", "son", "daughter", "uncle", "aunt",
    "cousin", "nephew", "niece", "friend", "colleague", "comrade",
    "activist", "journalist", "lawyer", "attorney", "spokesman", "spokeswoman", "spokesperson",
    "pastor", "rev", "reverend", "saint", "st", "king", "queen", "prince", "princess",
    "emperor", "empress", "pope", "bishop", "archbishop", "cardinal", "rabbi", "chancellor",
    "premier", "justice", "duke", "duchess", "earl", "count", "countess", "baron",
}  # fmt: skip

# The titles cut off a person's name ("Detective Sergeant John Moe", "Deputy Minister Karl
# Lind"): the offices, and "deputy" before one. Not "Saint", "King" or "Mother": part of some
# names.
OFFICE_TITLES = OFFICES | {"deputy"}

# Ranks abbreviated in capitals before a name: police ("DSP Buhari Abdullahi", "SP Tochukwu
# Ikenga") and the armed forces' pay grades ("SSG Justin Pizzoferrato", "LTC Byrd").
RANK_ABBREVIATIONS = {
    "DSP", "ASP", "SP", "CSP", "ACP", "DCP", "CP", "AIG", "DIG", "IGP",
    "PVT", "PV2", "PFC", "SPC", "CPL", "SGT", "SSG", "SFC", "MSG", "1SG", "SGM", "CSM",
    "2LT", "1LT", "CPT", "MAJ", "LTC", "COL", "LTG", "GEN", "WO1", "CW2", "CW3", "CW4", "CW5",
    "LCPL", "SSGT", "GYSGT", "MSGT", "SGTMAJ", "TSGT", "CMSGT", "SRA", "LCDR", "LTJG", "RADM", "VADM",
}  # fmt: skip

# Titles a page abbreviates with a full stop before a name ("Sgt. Leonardo Treviño", "Lt. Col.
# Ann Ray", "Fr. Tom"): one word each, which the model's tokenizer would cut before the stop,
# and the stop then ends a sentence in the middle of a name.
DOTTED_TITLES = (
    "Sgt", "Sgts", "Cpl", "Pvt", "Pfc", "Spc", "Capt", "Cpt", "Lt", "Lieut", "Col", "Maj", "Brig",
    "Gen", "Gens", "Adm", "Cmdr", "Comdr", "Cdr", "Cmdt", "Ens", "Insp", "Supt", "Det", "Const",
    "Amb", "Hon", "Rev", "Fr", "Msgr", "Pres", "Atty", "Asst", "Dep", "Sec", "Mme", "Mlle", "Sr",
    "Sra", "Dra",
)  # fmt: skip

# Role nouns in an apposition after a name: "X, the first secretary of ..." is a person.
PERSON_ROLES = {
    "leader", "secretary", "minister", "president", "director", "head", "founder", "member",
    "spokesman", "spokeswoman", "spokesperson", "commander", "chief", "official", "activist",
    "journalist", "lawyer", "mother", "father", "brother", "sister", "son", "daughter", "wife",
    "husband", "chairman", "chair", "author", "writer", "deputy", "ambassador", "envoy", "mayor",
    "governor", "judge", "prosecutor", "officer", "researcher", "professor", "former", "coordinator",
    "resident", "survivor", "witness", "victim", "cofounder", "co-founder", "representative",
    "defendant", "accused", "interrogator", "detainee", "prisoner", "nurse", "doctor", "teacher",
}  # fmt: skip

# Last words that make a name an organisation.
ORG_HEADS = {
    "organization", "organisation", "institution", "society", "department", "ministry", "party", "council",
    "committee", "association", "union", "agency", "company", "corporation", "corp", "inc", "ltd", "co",
    "llc", "foundation", "institute", "university", "college", "bank", "army", "police", "court",
    "commission", "parliament", "assembly", "front", "movement", "network", "coalition", "alliance",
    "federation", "office", "service", "services", "watch", "international", "group", "forum",
    "trust", "fund", "board", "authority", "guard", "guards", "corps", "brigade", "brigades",
    "tribunal", "senate", "congress", "cabinet", "government", "mission", "initiative", "project",
    "centre", "center", "club", "league", "church", "news", "times", "post", "radio", "television",
    "tv", "press", "media", "secretariat", "directorate", "bureau", "embassy", "consulate",
    "navy", "forces", "force", "unit", "team", "campaign", "platform", "collective", "programme",
    "program", "school", "academy", "observatory", "syndicate", "chamber", "administration",
    "militia", "militias", "battalion", "regiment", "division", "squad", "legion", "judiciary",
    # groups that name themselves after a creed or a people: "the Halvani Cult", "Twelve Tribes"
    "cult", "sect", "community", "communities", "tribes", "brotherhood", "sisterhood", "fellowship",
    # newspapers: "The Brennick Courier", "the Daily Herald"
    "courier", "herald", "gazette", "tribune", "journal", "chronicle", "telegraph", "dispatch", "bulletin",
    "daily", "weekly", "observer", "guardian", "monitor", "express", "mirror",
    # religious orders: "the Josephite Brothers", "the Sisters of Charity"
    "brothers", "sisters", "fathers",
    # companies: "Kellan Holdings", "Tallmark Capital", "Orvia Motors", "Brandt AG"
    "holdings", "capital", "motors", "airlines", "airways", "industries", "technologies", "plc", "ag",
    "gmbh", "limited", "llp", "enterprises", "investments", "securities", "pharmaceuticals",
    "laboratories", "partners", "ventures", "logistics", "telecom", "telecommunications",
    # football clubs: "Manchester United", "Sligo Rovers", "Wigan Athletic" ("City" names towns too)
    "united", "rovers", "athletic", "wanderers", "albion", "fc", "hotspur",
}  # fmt: skip

ORG_OPENERS = {
    "department", "ministry", "office", "bureau", "directorate", "committee", "council", "union",
    "friends",  # "Friends of a Free Norland"
}  # fmt: skip

# Last words that make a name a place: "Kunes County", "the Varnesk Autonomous District".
PLACE_HEADS = {
    "region", "district", "county", "province", "prefecture", "oblast", "governorate", "okrug",
    "krai", "municipality", "canton", "territory", "territories", "regency", "subdistrict",
    "sub-district", "commune", "borough", "township", "tehsil", "upazila", "raion", "rayon",
    # "Orumba North Local Government Area", "Bajoga Town", "Olympic Village"
    "area", "town", "village",
}  # fmt: skip

# Head nouns of facilities: "Karrec camp", "Evin Prison", "Ashraf 3 base".
FAC_HEADS = {
    "camp", "base", "prison", "jail", "penitentiary", "station", "airport", "airbase", "checkpoint",
    "barracks", "compound", "bridge", "square", "stadium", "highway", "crossing", "port", "harbour",
    "harbor", "hospital", "complex", "facility", "garrison", "outpost", "street", "road", "avenue",
    "lane", "boulevard", "expressway", "freeway", "motorway", "parkway", "tunnel",
    # heads of two words, written in lower case after the name: "the Olosan police station"
    "police station", "central police station", "remand prison", "detention centre",
    "detention center", "shopping center", "shopping centre", "toll gate", "tollgate", "toll plaza",
    "supermarket", "market", "mall", "room", "courtroom", "building", "hotel", "mosque",
}  # fmt: skip

# First words that make a name a building in another language: "Kloster Zimmern" (a
# monastery), "Schloss Elmau", "Château de Vincennes", "Castello Sforzesco".
FAC_OPENERS = {
    "kloster", "schloss", "burg", "festung", "abtei", "stift", "château", "chateau", "abbaye",
    "palais", "castello", "palazzo", "convento", "monastero", "castillo", "palacio", "monasterio",
    "mosteiro", "klasztor", "zamek", "kasteel", "slot", "kreml",
}  # fmt: skip

# Facilities mostly named after the district or town they stand in ("the Lekki toll gate" in
# Lekki): the bare name is the place, not the facility. Camps, prisons and bases are called
# by their bare names ("Ashraf", "Evin"), so they are not here.
NAMED_AFTER_PLACE_HEADS = {
    "toll gate", "tollgate", "toll plaza", "bridge", "station", "police station",
    "central police station", "airport", "market", "supermarket", "mall", "shopping center",
    "shopping centre", "crossing", "port", "harbour", "harbor", "highway", "square", "stadium",
}  # fmt: skip

# Nouns that make a nationality an institution: "the Albanian police" is an organisation.
# Not "authorities", "forces", "military" or "state": "the Russian authorities" are whoever
# acts for a country, no one body with a name of its own.
INSTITUTION_NOUNS = {
    "police", "government", "army", "navy", "judiciary", "parliament", "embassy", "ministry",
    "intelligence", "regime", "border police", "coast guard", "courts", "prosecutors", "administration",
}  # fmt: skip

# Words that start a capitalised run but are not part of a name.
NOT_NAME_START = {
    "the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its", "my",
    "your", "in", "at", "on", "to", "from", "of", "for", "and", "or", "but", "when", "after",
    "before", "during", "since", "while", "if", "as", "by", "with", "i", "we", "they", "he", "she",
    "it", "every", "each", "all", "some", "no", "one", "new", "old", "refugee", "military", "police",
}  # fmt: skip

# A title or role standing alone is not a name; "Congress" or "the University" may well be one.
GENERIC_WORDS = PERSON_TITLES | PERSON_ROLES

# Names whose last word is an abbreviation keep its period: "Apple Inc.", "Brenik Co.",
# "John Smith Jr.", and every word of initials ("U.S.", "D.C.", "U.S.A.").
ABBREVIATED_NAME_ENDS = {
    "inc", "co", "corp", "cos", "ltd", "bros", "jr", "sr", "esq", "st", "ave", "blvd", "mt", "ft",
}  # fmt: skip

DOCUMENT_LABELS = {
    "release", "releases", "statement", "testimony", "testimonies", "transcript", "remarks",
    "proclamation", "update", "updates",
}  # fmt: skip

PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "they", "them", "it"}

POSSESSIVE_DETERMINERS = {"My", "Our", "Their", "His", "Her", "Your", "Its"}

KIN_GROUPS = {"family", "families", "relatives", "children", "parents"}

# Small words a surname keeps when it stands alone: "Al Hammadi", "bin Salman", "van Berg".
SURNAME_PARTICLES = frozenset(
    ("al", "el", "bin", "ibn", "abu", "ben", "van", "von", "de", "da", "di", "du", "le", "la")
)

# Peoples, ethnic and religious groups known worldwide, that no country's name gives ("a
# Uyghur student", "she was a Hutu"): one capitalised word the model types a person or a body.
# Names that are also given names or surnames ("Karen", "Chin", "Shan") are left out.
PEOPLES = {
    "Uyghur", "Uighur", "Hutu", "Tutsi", "Kurd", "Rohingya", "Hazara", "Pashtun", "Baloch", "Baluch",
    "Yazidi", "Yezidi", "Druze", "Alawite", "Sunni", "Shia", "Shiite", "Tatar", "Chechen", "Ingush",
    "Buryat", "Amhara", "Oromo", "Tigrayan", "Fulani", "Hausa", "Yoruba", "Igbo", "Maasai", "Kikuyu",
    "Kachin", "Bengali", "Sindhi", "Punjabi", "Mapuche", "Aymara", "Quechua", "Berber", "Amazigh",
    "Bedouin", "Copt", "Assyrian", "Ahmadi", "Sikh", "Hindu", "Muslim", "Christian", "Uzbek", "Tajik",
    "Kazakh", "Kyrgyz", "Turkmen", "Tibetan", "Palestinian", "Sahrawi", "Dinka", "Nuer", "Zaghawa",
}  # fmt: skip


def is_people(name: str) -> bool:
    """A people's name, or its plural: "Uyghur", "Uyghurs", "Hutus"."""
    return name in PEOPLES or (name.endswith("s") and name[:-1] in PEOPLES)
