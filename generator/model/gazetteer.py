"""General knowledge the extractors need: countries, organisations, roles, calendar, money.

Nothing here is about one story. Countries carry their ISO 3166 alpha-2 code, the names and
short forms newsrooms use, and the adjectives/demonyms that mark a person's nationality
("Dutch Prime Minister ..."). Capital and major cities are listed so that a city mistaken for
a person by the tagger (a common error for "Kyiv") can be rejected, and so that a capital used
for its government ("London announced") can be read as the country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# code | names (first is canonical) | adjectives and demonyms | capital and big cities
_COUNTRY_TABLE = """
AL|Albania|Albanian|Tirana
AD|Andorra|Andorran|
AM|Armenia|Armenian|Yerevan
AT|Austria|Austrian|Vienna
AZ|Azerbaijan|Azerbaijani;Azeri|Baku
BY|Belarus|Belarusian|Minsk
BE|Belgium|Belgian|Brussels
BA|Bosnia and Herzegovina;Bosnia|Bosnian|Sarajevo
BG|Bulgaria|Bulgarian|Sofia
HR|Croatia|Croatian|Zagreb
CY|Cyprus|Cypriot|Nicosia
CZ|Czech Republic;Czechia|Czech|Prague
DK|Denmark|Danish;Dane;Danes|Copenhagen
EE|Estonia|Estonian|Tallinn
FI|Finland|Finnish;Finn;Finns|Helsinki
FR|France|French|Paris
GE|Georgia|Georgian|Tbilisi
DE|Germany|German;Germans|Berlin;Munich;Frankfurt
GR|Greece|Greek|Athens
HU|Hungary|Hungarian|Budapest
IS|Iceland|Icelandic|Reykjavik
IE|Ireland;Republic of Ireland|Irish|Dublin
IT|Italy|Italian|Rome;Milan
XK|Kosovo|Kosovan;Kosovar|Pristina
LV|Latvia|Latvian|Riga
LI|Liechtenstein|Liechtensteiner|Vaduz
LT|Lithuania|Lithuanian|Vilnius
LU|Luxembourg|Luxembourgish|
MT|Malta|Maltese|Valletta
MD|Moldova|Moldovan|Chisinau
MC|Monaco|Monegasque|
ME|Montenegro|Montenegrin|Podgorica
NL|Netherlands;the Netherlands;Holland|Dutch|Amsterdam;The Hague;Rotterdam
MK|North Macedonia|Macedonian|Skopje
NO|Norway|Norwegian|Oslo
PL|Poland|Polish;Pole;Poles|Warsaw
PT|Portugal|Portuguese|Lisbon
RO|Romania|Romanian|Bucharest
RU|Russia;Russian Federation|Russian;Russians|Moscow;Kremlin;St Petersburg
SM|San Marino|Sammarinese|
RS|Serbia|Serbian|Belgrade
SK|Slovakia|Slovak;Slovakian|Bratislava
SI|Slovenia|Slovenian;Slovene|Ljubljana
ES|Spain|Spanish;Spaniard|Madrid;Barcelona
SE|Sweden|Swedish;Swede;Swedes|Stockholm
CH|Switzerland|Swiss|Bern;Geneva;Zurich
TR|Turkey;Türkiye;Turkiye|Turkish;Turk;Turks|Ankara;Istanbul
UA|Ukraine|Ukrainian;Ukrainians|Kyiv;Kiev;Kharkiv;Odesa;Lviv
GB|United Kingdom;UK;U.K.;Britain;Great Britain|British;Briton;Britons|London;Downing Street;Whitehall;Westminster
VA|Vatican City;Holy See|Vatican|
US|United States;US;U.S.;USA;U.S.A.;America;United States of America|American;Americans|Washington;Washington DC;Washington D.C.;White House;New York
CA|Canada|Canadian;Canadians|Ottawa;Toronto
MX|Mexico|Mexican|Mexico City
BR|Brazil|Brazilian|Brasilia;Rio de Janeiro;Sao Paulo
AR|Argentina|Argentine;Argentinian|Buenos Aires
CL|Chile|Chilean|Santiago
CO|Colombia|Colombian|Bogota
VE|Venezuela|Venezuelan|Caracas
CU|Cuba|Cuban|Havana
CN|China;People's Republic of China|Chinese|Beijing;Shanghai
JP|Japan|Japanese|Tokyo
KR|South Korea;Republic of Korea|South Korean|Seoul
KP|North Korea|North Korean|Pyongyang
IN|India|Indian|New Delhi;Delhi;Mumbai
PK|Pakistan|Pakistani|Islamabad
AF|Afghanistan|Afghan|Kabul
ID|Indonesia|Indonesian|Jakarta
MY|Malaysia|Malaysian|Kuala Lumpur
SG|Singapore|Singaporean|
TH|Thailand|Thai|Bangkok
VN|Vietnam|Vietnamese|Hanoi
PH|Philippines;the Philippines|Filipino;Philippine|Manila
TL|East Timor;Timor-Leste|East Timorese;Timorese|Dili
AU|Australia|Australian;Australians|Canberra;Sydney
NZ|New Zealand|New Zealander;New Zealanders|Wellington
SA|Saudi Arabia|Saudi|Riyadh;Jeddah
AE|United Arab Emirates;UAE|Emirati|Abu Dhabi;Dubai
QA|Qatar|Qatari|Doha
IR|Iran|Iranian|Tehran
IQ|Iraq|Iraqi|Baghdad
SY|Syria|Syrian|Damascus
IL|Israel|Israeli|Jerusalem;Tel Aviv
PS|Palestine|Palestinian|Gaza;Ramallah
JO|Jordan|Jordanian|Amman
LB|Lebanon|Lebanese|Beirut
EG|Egypt|Egyptian|Cairo
LY|Libya|Libyan|Tripoli
ZA|South Africa|South African|Pretoria;Johannesburg;Cape Town
NG|Nigeria|Nigerian|Abuja;Lagos
KE|Kenya|Kenyan|Nairobi
ET|Ethiopia|Ethiopian|Addis Ababa
KZ|Kazakhstan|Kazakh|Astana
"""

# id | names (first canonical) | adjectives
_ORG_TABLE = """
nato|NATO;North Atlantic Treaty Organization;Nato|
eu|European Union;EU|
european-commission|European Commission;EU Commission|
european-council|European Council|
european-parliament|European Parliament|
un|United Nations;UN;U.N.|
un-security-council|UN Security Council;United Nations Security Council;Security Council|
g7|G7;Group of Seven|
g20|G20;Group of 20|
imf|International Monetary Fund;IMF|
world-bank|World Bank|
osce|OSCE;Organization for Security and Co-operation in Europe|
"""

ROLE_WORDS = [
    "prime minister", "deputy prime minister", "president", "vice president", "vice-president",
    "chancellor", "foreign minister", "foreign secretary", "defence minister", "defense minister",
    "defence secretary", "defense secretary", "secretary of state", "secretary-general",
    "secretary general", "home secretary", "finance minister", "minister", "secretary",
    "king", "queen", "premier", "leader", "opposition leader", "ambassador", "envoy",
    "special envoy", "spokesperson", "spokesman", "spokeswoman", "general", "admiral",
    "commander", "chief of staff", "chief of defence staff", "chief of the defence staff",
    "chief of the defense staff", "chief of the general staff", "armed forces chief",
    "armed forces minister", "military chief", "army chief", "defence chief", "defense chief",
    "foreign affairs minister", "high representative",
    "national security adviser", "national security advisor", "state secretary",
    "director", "associate fellow", "senior fellow", "fellow", "analyst", "professor",
    "researcher", "economist", "head", "chair", "chairman", "chairwoman", "mayor", "governor",
    "senator", "lawmaker", "official", "counterpart",
]
# Words that may stand before a role and belong to it ("former US President ...").
ROLE_MODIFIERS = ["former", "outgoing", "incoming", "acting", "interim", "then", "new", "newly elected"]
# Military ranks written between a title and a name ("Chief of the Defence Staff Admiral Tony
# Radakin"): the title is the role.
RANKS = ["general", "admiral", "air chief marshal", "air marshal", "field marshal", "vice admiral",
         "lieutenant general", "major general", "colonel"]
# Roles that only describe a person by relation; they give a country but not a role.
RELATIONAL_ROLES = {"counterpart", "official", "leader", "lawmaker"}
HONORIFICS = ["Sir", "Dame", "Lord", "Lady", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."]
NAME_PARTICLES = {"von", "van", "der", "den", "de", "du", "da", "di", "del", "la", "le", "bin", "al", "ter"}

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTH_NAMES = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
]
MONTH_ABBREVIATIONS = {name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)}
MONTH_ABBREVIATIONS["sept"] = 9
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "dozen": 12,
    "twenty": 20, "thirty": 30,
}
CURRENCY_SYMBOLS = {"£": "GBP", "$": "USD", "€": "EUR", "¥": "JPY", "₴": "UAH"}
CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "dollar": "USD", "dollars": "USD",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "hryvnia": "UAH", "hryvnias": "UAH",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "yuan": "CNY",
}
MULTIPLIERS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}


@dataclass(frozen=True)
class Place:
    id: str                       # ISO alpha-2 for countries, org id for organisations
    name: str                     # canonical name
    kind: str                     # "country" | "organisation" | "city"
    names: tuple[str, ...] = field(default=())
    adjectives: tuple[str, ...] = field(default=())


def _parse_table(table: str, kind: str) -> list[tuple[Place, list[str]]]:
    rows = []
    for line in table.strip().splitlines():
        parts = line.split("|")
        code, names, adjectives = parts[0], parts[1].split(";"), [a for a in parts[2].split(";") if a]
        cities = [c for c in parts[3].split(";") if c] if len(parts) > 3 else []
        rows.append((Place(code, names[0], kind, tuple(names), tuple(adjectives)), cities))
    return rows


COUNTRIES: dict[str, Place] = {}
ORGANISATIONS: dict[str, Place] = {}
CITIES: dict[str, str] = {}          # city (or seat of government) -> country code
_BY_NAME: dict[str, Place] = {}       # names, short forms -> place (exact case for acronyms)
_BY_ADJECTIVE: dict[str, Place] = {}

for place, cities in _parse_table(_COUNTRY_TABLE, "country"):
    COUNTRIES[place.id] = place
    for name in place.names:
        _BY_NAME[name] = place
    for adjective in place.adjectives:
        _BY_ADJECTIVE[adjective] = place
    for city in cities:
        CITIES[city] = place.id
for place, _ in _parse_table(_ORG_TABLE, "organisation"):
    ORGANISATIONS[place.id] = place
    for name in place.names:
        _BY_NAME[name] = place


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


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Regex alternations built once for the rule matchers in other modules.
PLACE_NAMES_PATTERN = _alternation(_BY_NAME)
PLACE_ADJECTIVES_PATTERN = _alternation(_BY_ADJECTIVE)
ROLES_PATTERN = _alternation(ROLE_WORDS + [w.title() for w in ROLE_WORDS])
