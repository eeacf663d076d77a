"""General knowledge the extractors need: countries, organisations, cities and roles.

Nothing here is about one story. Places are data, loaded once at import: every ISO 3166
country comes from pycountry with its alpha-2 code, and knowledge/countries.tsv adds the names
and short forms newsrooms use and the adjectives/demonyms that mark a person's nationality
("Dutch Prime Minister ..."); knowledge/organisations.tsv holds international organisations by
id; knowledge/cities.tsv holds capitals and major cities, so that a city mistaken for a person
by the tagger (a common error for "Kyiv") can be rejected, and so that a capital used for its
government ("London announced") can be read as the country. Role words are data too:
knowledge/roles.tsv lists the titles of every field (government, parliament, military,
diplomacy, courts, churches, business, sport, science, NGOs, media) with how each is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pycountry

from generator.model.patterns import alternation

# Words that may stand before a role and belong to it ("former US President ...").
ROLE_MODIFIERS = ["former", "outgoing", "incoming", "acting", "interim", "then", "new", "newly elected"]
HONORIFICS = ["Sir", "Dame", "Lord", "Lady", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."]
NAME_PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "del", "la", "le", "bin", "al", "ter"}

# Calendar, number and money words are in generator.model.lexicon.


@dataclass(frozen=True)
class Place:
    id: str                       # ISO alpha-2 for countries, org id for organisations
    name: str                     # canonical name
    kind: str                     # "country" | "organisation" | "city"
    names: tuple[str, ...] = field(default=())
    adjectives: tuple[str, ...] = field(default=())


KNOWLEDGE = Path(__file__).parent / "knowledge"


def _rows(name: str) -> list[dict[str, str]]:
    """The rows of a knowledge file: tab-separated, a header line, '#' lines are comments."""
    with (KNOWLEDGE / name).open(encoding="utf-8") as file:
        lines = [line.rstrip("\n") for line in file if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


def _list(cell: str | None) -> list[str]:
    return [item.strip() for item in (cell or "").split(";") if item.strip()]


def _iso_names(country) -> list[str]:
    """pycountry's names for a country that read as running text: its short, common and
    official names, without the inverted forms ("Korea, Republic of") no article uses."""
    names = []
    for attribute in ("common_name", "name", "official_name"):
        value = getattr(country, attribute, None)
        if value and "," not in value and "(" not in value:
            names.append(value[4:] if value.startswith("the ") else value)
    return names


def _load_countries() -> dict[str, Place]:
    """Every ISO 3166 country from pycountry, with the names, aliases and demonyms of
    knowledge/countries.tsv; the first name is the one pages show."""
    knowledge = {row["code"]: row for row in _rows("countries.tsv")}
    countries: dict[str, Place] = {}
    for code in sorted({country.alpha_2 for country in pycountry.countries} | set(knowledge)):
        row = knowledge.get(code, {})
        iso = pycountry.countries.get(alpha_2=code)
        if iso is None and not row.get("name"):
            raise ValueError(f"knowledge/countries.tsv: {code} is not an ISO 3166 code and has no name")
        names = _list(row.get("name")) + (_iso_names(iso) if iso else []) + _list(row.get("aliases"))
        if not names:
            names = [iso.name]    # only an inverted name ("Bonaire, Sint Eustatius and Saba"): still its name
        names = list(dict.fromkeys(names))
        countries[code] = Place(code, names[0], "country", tuple(names), tuple(_list(row.get("demonyms"))))
    return countries


COUNTRIES: dict[str, Place] = _load_countries()
ORGANISATIONS: dict[str, Place] = {}
for _row in _rows("organisations.tsv"):
    _names = _list(_row["names"])
    ORGANISATIONS[_row["id"]] = Place(_row["id"], _names[0], "organisation", tuple(_names))
CITIES: dict[str, str] = {row["city"]: row["country"] for row in _rows("cities.tsv")}


def _load_roles() -> dict[str, tuple[str, set[str]]]:
    """knowledge/roles.tsv: each role word with its field and its uses (title, relational,
    rank, kinship)."""
    roles: dict[str, tuple[str, set[str]]] = {}
    for row in _rows("roles.tsv"):
        uses = set(_list(row["uses"]))
        unknown = uses - {"title", "relational", "rank", "kinship"}
        if unknown or not uses:
            raise ValueError(f"knowledge/roles.tsv: {row['role']}: unknown uses {sorted(unknown) or '(none)'}")
        roles[row["role"].lower()] = (row["field"], uses)
    return roles


_ROLES = _load_roles()
# Words that name a person's role ("prime minister", "archbishop", "head coach"), in every field.
ROLE_WORDS = [role for role, (_, uses) in _ROLES.items() if uses & {"title", "relational"}]
# The field of each role word: government, parliament, military, diplomacy, courts, church,
# business, sport, science, ngo, media, family.
ROLE_FIELDS: dict[str, str] = {role: role_field for role, (role_field, _) in _ROLES.items()}
# Military ranks written between a title and a name ("Chief of the Defence Staff Admiral Tony
# Radakin"): the title is the role.
RANKS = [role for role, (_, uses) in _ROLES.items() if "rank" in uses]
# Roles that only describe a person by relation; they give a country but not a role.
RELATIONAL_ROLES = {role for role, (_, uses) in _ROLES.items() if "relational" in uses}
# Family relations ("son-in-law of ..."): they describe a person but are never a role.
KINSHIP_WORDS = {role for role, (_, uses) in _ROLES.items() if "kinship" in uses}

_BY_NAME: dict[str, Place] = {}       # names, short forms -> place (exact case for acronyms)
_BY_ADJECTIVE: dict[str, Place] = {}
for _place in [*COUNTRIES.values(), *ORGANISATIONS.values()]:
    for _name in _place.names:
        _BY_NAME.setdefault(_name, _place)
    for _adjective in _place.adjectives:
        _BY_ADJECTIVE.setdefault(_adjective, _place)


def _key(text: str) -> str:
    return text.replace("\u2019", "'").strip()


def place_by_name(text: str) -> Place | None:
    """A country or organisation by any of its names ("UK", "the Netherlands", "NATO")."""
    text = _key(text)
    if text.lower().startswith("the "):
        text = text[4:]
    place = _BY_NAME.get(text)
    if place is None and not text.isupper():
        # "Nato", "european union": names are matched case-insensitively except acronyms,
        # so that "US" is the country but "us" is never matched.
        place = _LOWER_NAMES.get(text.lower())
    return place


_LOWER_NAMES = {name.lower(): place for name, place in _BY_NAME.items() if not name.isupper()}


def place_by_adjective(text: str) -> Place | None:
    return _BY_ADJECTIVE.get(_key(text))


def place_by_name_or_adjective(text: str) -> Place | None:
    return place_by_name(text) or place_by_adjective(text)


def country_of_city(text: str) -> str | None:
    return CITIES.get(_key(text))


# Regions and their adjectives: places, but never participants on their own.
REGIONS = {
    "Europe", "European", "Europeans", "Western", "Eastern", "Northern", "Southern", "West",
    "East", "North", "South", "Baltic", "Baltics", "Nordic", "Nordics", "Scandinavia",
    "Scandinavian", "Asia", "Asian", "Africa", "African", "Arab", "Middle East", "Balkans",
    "Balkan", "Caucasus", "Atlantic", "Pacific", "Mediterranean", "Black Sea", "Crimea",
    "Donbas", "Eurasia", "Latin America", "Gulf", "Arctic", "Indo-Pacific", "Transatlantic",
}


def is_place_word(text: str) -> bool:
    """True for any country, organisation, demonym, region or city name (never a person)."""
    text = _key(text)
    return bool(place_by_name(text) or place_by_adjective(text) or text in CITIES
                or text in REGIONS)


def place(code: str) -> Place | None:
    return COUNTRIES.get(code) or ORGANISATIONS.get(code)


# Regex alternations for the rule matchers in other modules (case-sensitive: none of them is
# used under re.IGNORECASE), built on first use: building a site reads none of them.
_PATTERNS = {
    "PLACE_NAMES_PATTERN": lambda: alternation(_BY_NAME),
    "PLACE_ADJECTIVES_PATTERN": lambda: alternation(_BY_ADJECTIVE),
    "ROLES_PATTERN": lambda: alternation(ROLE_WORDS + [w.title() for w in ROLE_WORDS]),
    "CITIES_PATTERN": lambda: alternation(CITIES),
}


def __getattr__(name: str) -> str:
    if name not in _PATTERNS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    pattern = globals()[name] = _PATTERNS[name]()  # kept, so later uses find it at once
    return pattern
