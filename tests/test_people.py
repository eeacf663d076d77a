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


# Roles across fields: sentence -> (person, role, country). The role words come from
# knowledge/roles.tsv; "grammar" cases use a title the lexicon lacks, read from the parse.
ROLES_ACROSS_FIELDS = {
    "government": [
        ("Jane Roe, the country's interior minister, said the border would stay open.", "jane-roe", "interior minister", None),
        ("Prime Minister Sir Oliver Brantley spoke after the summit.", "oliver-brantley", "Prime Minister", None),
    ],
    "parliament": [
        ("Senator Jane Roe voted against the bill on Tuesday.", "jane-roe", "Senator", None),
        ("Labour MP Jane Roe asked the question in parliament.", "jane-roe", "MP", None),
    ],
    "military": [
        ("Jane Roe, the commander of the northern fleet, said the ships were ready.",
         "jane-roe", "commander of the northern fleet", None),
        ("General Jane Roe inspected the troops at the base.", "jane-roe", "General", None),
    ],
    "diplomacy": [
        ("French ambassador Jane Roe met the minister in Rome.", "jane-roe", "Ambassador", "FR"),
        ("Jane Roe, the special envoy for the region, arrived on Monday.", "jane-roe", "special envoy for the region", None),
    ],
    "courts": [
        ("Judge Jane Roe adjourned the hearing until March.", "jane-roe", "Judge", None),
        ("Prosecutor Jane Roe asked for a five-year sentence.", "jane-roe", "Prosecutor", None),
        ("Jane Roe, the defence lawyer, told reporters the verdict would be appealed.", "jane-roe", "defence lawyer", None),
        ("Chief Justice Jane Roe read the ruling.", "jane-roe", "Chief Justice", None),
    ],
    "church": [
        ("Archbishop Jane Roe led the service in the cathedral.", "jane-roe", "Archbishop", None),
        ("Rabbi Jane Roe spoke at the memorial.", "jane-roe", "Rabbi", None),
        ("Jane Roe, the imam of the central mosque, called for calm.", "jane-roe", "imam of the central mosque", None),
    ],
    "business": [
        ("Jane Roe, the chief executive of Example Airways, said profits had fallen.",
         "jane-roe", "chief executive of Example Airways", None),
        ("Jane Roe, the company's CEO, said sales were strong.", "jane-roe", "CEO", None),
        ("Founder Jane Roe sold the company in 2020.", "jane-roe", "Founder", None),
    ],
    "sport": [
        ("Head coach Jane Roe named her squad.", "jane-roe", "Head coach", None),
        ("Jane Roe, the team's captain, scored twice.", "jane-roe", "captain", None),
        ("Manager Jane Roe was sacked after the defeat.", "jane-roe", "Manager", None),
    ],
    "science": [
        ("Professor Jane Roe published the study.", "jane-roe", "Professor", None),
        ("Jane Roe, a researcher at the Example Institute, said the data were clear.",
         "jane-roe", "researcher at the Example Institute", None),
    ],
    "ngo": [
        ("Jane Roe, director of the Example Foundation, said aid was arriving.",
         "jane-roe", "director of the Example Foundation", None),
        ("Jane Roe, a spokesperson for the charity, said the convoy had crossed.",
         "jane-roe", "spokesperson for the charity", None),
        ("Jane Roe, head of the relief mission, said supplies were short.", "jane-roe", "head of the relief mission", None),
    ],
    "media": [
        ("Jane Roe, the newspaper's editor, defended the story.", "jane-roe", "editor", None),
        ("Reporter Jane Roe filed the story from the capital.", "jane-roe", "Reporter", None),
    ],
    "grammar": [
        ("Jane Roe, the airline's chief pilot, said the fleet was safe.", "jane-roe", "chief pilot", None),
        ("Flood-defence commissioner Jane Roe visited the dam on Monday.", "jane-roe", "Flood-defence commissioner", None),
        ("Jane Roe, a climate scientist, said the trend was alarming.", "jane-roe", "climate scientist", None),
        ("Finland's chief negotiator, Jane Roe, said the talks were useful.", "jane-roe", "chief negotiator", "FI"),
    ],
    "not a role": [
        # A list of names is not an appositive, a relative clause is not a title, and a role
        # read after a role word stops before a clause with other people's names.
        ("Tom Smith, Anna Berg and Jane Roe signed the letter.", "jane-roe", None, None),
        ("Tom Smith, Anna Berg and Jane Roe signed the letter.", "tom-smith", None, None),
        ("Jane Roe, who had flown in from Paris, said the talks failed.", "jane-roe", None, None),
        ("The call included Emmanuel Macron, Volodymyr Zelenskyy, Canada's new prime minister, Mark Carney, and others.",
         "volodymyr-zelenskyy", None, None),
        ("The call included Emmanuel Macron, Volodymyr Zelenskyy, Canada's new prime minister, Mark Carney, and others.",
         "mark-carney", "Prime Minister", "CA"),
        ("Jane Roe, Tom Smith and Anna Berg, the three founders, met on Monday.", "jane-roe", None, None),
        ("The agency said Jane Roe, the head of the team that Tom Smith and Anna Berg had formed, would resign.",
         "jane-roe", "head of the team", None),
        ("The talks were joined by Jared Kushner, son-in-law of the president, on Monday.", "jared-kushner", None, None),
        ("The Ukrainian head of state Volodymyr Selenskyj took part.", "volodymyr-selenskyj", None, None),
    ],
}


@pytest.mark.parametrize("text, person_id, role, country", [
    pytest.param(*case, id=f"{field}-{index}")
    for field, cases in ROLES_ACROSS_FIELDS.items() for index, case in enumerate(cases)
])
def test_roles_across_fields(nlp, text, person_id, role, country):
    people = {p.id: p for p in extract_article(nlp, article(text)).people}
    assert person_id in people, people.keys()
    assert (people[person_id].role, people[person_id].country) == (role, country)


def test_every_role_word_has_a_field():
    from generator.model import gazetteer

    assert {"archbishop", "chief justice", "head coach", "correspondent", "ceo"} <= set(gazetteer.ROLE_WORDS)
    assert all(gazetteer.ROLE_FIELDS[role] for role in gazetteer.ROLE_WORDS)
    assert "son-in-law" not in gazetteer.ROLE_WORDS and "son-in-law" in gazetteer.KINSHIP_WORDS


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
