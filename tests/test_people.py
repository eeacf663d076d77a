from pathlib import Path

import pytest

from generator.files.articles import parse_article
from generator.extract import extract_article
from generator.extract.names import same_name


def article(text: str, published: str | None = "2025-03-03"):
    header = f" date {published} " if published else ""
    return parse_article(Path("example.txt"), header + text)


@pytest.mark.parametrize("text, person_id, role, country", [
    ("Dutch Prime Minister Dick Schoof arrived in Brussels on Monday.", "dick-schoof", "Prime Minister", "NL"),
    ("Finland's president, Alexander Stubb, said the talks were useful.", "alexander-stubb", "President", "FI"),
    ("NATO Secretary-General Mark Rutte warned allies to spend more.", "mark-rutte", "Secretary-General", "nato"),
    ("Outgoing Canadian Prime Minister Justin Trudeau flew to Ottawa.", "justin-trudeau", "Prime Minister", "CA"),
    ("“We need a plan,” said Jane Holloway, a senior fellow at the Example Institute.",
     "jane-holloway", "senior fellow at the Example Institute", None),
    ("European Commission President Ursula von der Leyen spoke in Strasbourg.",
     "ursula-von-der-leyen", "President", "european-commission"),
])
def test_role_and_country_from_apposition(nlp, text, person_id, role, country):
    facts = extract_article(nlp, article(text))
    people = {p.id: p for p in facts.people}
    assert person_id in people, people.keys()
    assert people[person_id].role == role
    assert people[person_id].country == country


def test_surname_and_honorific_mentions_merge(nlp):
    text = ("Sir Oliver Brantley met the minister in Leeds. Brantley said the deal was close. "
            "Sir Oliver later left for Kyiv.")
    facts = extract_article(nlp, article(text))
    assert [p.id for p in facts.people] == ["oliver-brantley"]
    assert {"Brantley", "Sir Oliver"} <= set(facts.people[0].aliases)


@pytest.mark.parametrize("text", [
    "Kyiv said the shelling continued overnight near Kharkiv.",
    "The talks at Lancaster House and Downing Street ended late, Le Figaro reported.",
])
def test_places_and_outlets_are_not_people(nlp, text):
    assert extract_article(nlp, article(text)).people == []


@pytest.mark.parametrize("first, second, same", [
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky", True),
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", True),
    ("Keir Starmer", "Kier Starmer", True),
    ("Donald Trump", "Donald Tusk", False),
    ("Anna Berg", "Anna Borg", False),
])
def test_name_variants(first, second, same):
    assert same_name(first.split(), second.split()) is same
