"""The gazetteer: countries from pycountry and the knowledge files, organisations and cities."""

from __future__ import annotations

import re
from collections import defaultdict

import pycountry
import pytest

from generator.model import gazetteer


def test_every_iso_3166_country_is_known():
    assert {country.alpha_2 for country in pycountry.countries} <= set(gazetteer.COUNTRIES)
    assert gazetteer.place("SD").name == "Sudan" and gazetteer.place("TD").name == "Chad"
    assert gazetteer.place("XK").name == "Kosovo"    # user-assigned, listed in the knowledge file


@pytest.mark.parametrize("text, place_id", [
    ("Britain", "GB"), ("UK", "GB"), ("the UK", "GB"), ("the US", "US"), ("United States of America", "US"),
    ("Ivory Coast", "CI"), ("Côte d'Ivoire", "CI"), ("Czechia", "CZ"), ("Czech Republic", "CZ"),
    ("Türkiye", "TR"), ("South Korea", "KR"), ("Democratic Republic of the Congo", "CD"),
    ("the Netherlands", "NL"), ("Republic of Chad", "TD"), ("South Sudan", "SS"),
    ("NATO", "nato"), ("Nato", "nato"), ("African Union", "african-union"), ("European Council", "european-council"),
    ("European Commission", "european-commission"), ("WHO", "who"), ("World Health Organization", "who"),
])
def test_places_by_their_names(text, place_id):
    assert gazetteer.place_by_name(text).id == place_id


@pytest.mark.parametrize("text", ["who", "us", "Korea, Republic of", "Atlantis"])
def test_words_that_name_no_place(text):
    # A name written in capitals matches only in capitals; inverted ISO names are not names.
    assert gazetteer.place_by_name(text) is None


@pytest.mark.parametrize("adjective, place_id", [
    ("Chadian", "TD"), ("Sudanese", "SD"), ("Ivorian", "CI"), ("Dutch", "NL"), ("British", "GB"), ("Czech", "CZ"),
])
def test_demonyms(adjective, place_id):
    assert gazetteer.place_by_adjective(adjective).id == place_id


def test_organisations_carry_their_kind_and_canonical_name():
    union = gazetteer.place("african-union")
    assert (union.kind, union.name) == ("organisation", "African Union")
    assert gazetteer.place("FR").kind == "country"


def test_no_name_or_demonym_stands_for_two_places():
    by_name, by_adjective = defaultdict(set), defaultdict(set)
    for place in [*gazetteer.COUNTRIES.values(), *gazetteer.ORGANISATIONS.values()]:
        for name in place.names:
            by_name[name].add(place.id)
        for adjective in place.adjectives:
            by_adjective[adjective].add(place.id)
    assert {name: ids for name, ids in by_name.items() if len(ids) > 1} == {}
    assert {word: ids for word, ids in by_adjective.items() if len(ids) > 1} == {}


def test_organisation_ids_cannot_be_taken_for_country_codes():
    assert not set(gazetteer.ORGANISATIONS) & set(gazetteer.COUNTRIES)
    assert all(place_id == place_id.lower() for place_id in gazetteer.ORGANISATIONS)


def test_every_city_is_in_a_known_country_and_is_never_a_person():
    assert set(gazetteer.CITIES.values()) <= set(gazetteer.COUNTRIES)
    assert gazetteer.country_of_city("N'Djamena") == "TD"
    assert gazetteer.country_of_city("Kyiv") == "UA"
    assert gazetteer.is_place_word("Khartoum") and gazetteer.is_place_word("Abuja")
    assert not gazetteer.is_place_word("Victoria")    # a capital, but also a person's name


def test_the_name_patterns_match_whole_names_longest_first():
    names = re.compile(rf"\b(?:{gazetteer.PLACE_NAMES_PATTERN})\b")
    found = [gazetteer.place_by_name(match.group(0)).id
             for match in names.finditer("South Sudan, Sudan, Nigeria and Niger met the African Union.")]
    assert found == ["SS", "SD", "NG", "NE", "african-union"]
