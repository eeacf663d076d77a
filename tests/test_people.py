from pathlib import Path

import pytest

from generator.files.articles import parse_article
from generator.extract import extract_article
from generator.evaluation.gold import load_gold
from generator.extract.names import same_name, surname_key


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
        ("Flood-defence inspector Jane Roe visited the dam on Monday.", "jane-roe", "Flood-defence inspector", None),
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
        # "head of state" describes without being a title; "Ukrainian" still gives the country.
        ("The Ukrainian head of state Volodymyr Selenskyj took part.", "volodymyr-selenskyj", None, "UA"),
        ("Germany welcomed President Jane Roe on Monday.", "jane-roe", "President", None),
        ("The talks ended at 3 pm Jane Roe said on Monday.", "jane-roe", None, None),
        ("Tom Smith, the BBC's correspondent in Paris, said the mood was tense.", "tom-smith", "correspondent in Paris", None),
        ("Anna Berg, head of the EU delegation in Kyiv, said aid was arriving.",
         "anna-berg", "head of the EU delegation in Kyiv", None),
        ("EU leaders, including Jane Roe and Tom Smith, met in Brussels.", "tom-smith", None, None),
    ],
    # A title with what it is of: the place is the country, an institution part of the role.
    "title of a place": [
        ("Earlier, the Prime Minister of the United Kingdom, Keir Starmer, announced that the Secretary of State for "
         "Defence of the United Kingdom, John Healy, will chair a new meeting.", "keir-starmer", "Prime Minister", "GB"),
        ("Earlier, the Prime Minister of the United Kingdom, Keir Starmer, announced that the Secretary of State for "
         "Defence of the United Kingdom, John Healy, will chair a new meeting.", "john-healy", "Secretary of State for Defence", "GB"),
        ("British Defence Minister John Healy and French Minister of the Armed Forces Sébastien Lecornu will hold a "
         "meeting at NATO headquarters in Brussels on April 10.", "sebastien-lecornu", "Minister of the Armed Forces", "FR"),
        ("UN Special Envoy for Myanmar Julie Bishop urged all sides to immediately cease fire.",
         "julie-bishop", "Special Envoy for Myanmar", "un"),
        ("A top aid official of the United Nations, Tom Fletcher, who met with victims in the central Myanmar city of "
         "Mandalay, described the destruction as “staggering”.", "tom-fletcher", None, "un"),
        ("The spokesman for the President of Russia, Dmitry Peskov, said the talks were useful.",
         "dmitry-peskov", "spokesman for the President", "RU"),
        ("Jane Roe, the presiding judge at the Paris criminal court, said the trial would resume.",
         "jane-roe", "presiding judge at the Paris criminal court", "FR"),
        ("Jane Roe, the leader of France's National Rally, said she would appeal.",
         "jane-roe", "leader of France's National Rally", "FR"),
    ],
    # Words between a place and its title, abbreviations, and the title of a clause before the name.
    "written title": [
        ("Myanmar’s military ruler Min Aung Hlaing said the death toll reached 2,719 as of Tuesday morning.",
         "min-aung-hlaing", "military ruler", "MM"),
        ("Jane Roe, the French far-right leader, said she would appeal.", "jane-roe", "far-right leader", "FR"),
        ("Polish PM Jane Roe met the chancellor in Berlin.", "jane-roe", "Prime Minister", "PL"),
        ("The judge in the court hearing on Monday, Benedicte de Perthuis, said the ban applied at once.",
         "benedicte-de-perthuis", "Judge", None),
    ],
    # Names listed after their group or under a shared title take its country.
    "groups": [
        ("As part of that, the two leaders held virtual talks with Ukrainian President Volodymyr Zelenskiy, other "
         "international leaders and US representatives, including Special Presidential Envoy, General Keith Kellogg, "
         "Senator Lindsey Graham and Senator Richard Blumenthal.", "keith-kellogg", "Special Presidential Envoy", "US"),
        ("As part of that, the two leaders held virtual talks with Ukrainian President Volodymyr Zelenskiy, other "
         "international leaders and US representatives, including Special Presidential Envoy, General Keith Kellogg, "
         "Senator Lindsey Graham and Senator Richard Blumenthal.", "richard-blumenthal", "Senator", "US"),
        ("The summit was also attended by US envoys Steve Witkoff and Jared Kushner — US President Donald Trump's "
         "son-in-law — as well as America's top general in Europe, Alexus Grynkewich, who fleshed out details.",
         "jared-kushner", "Envoy", "US"),
        ("The summit was also attended by US envoys Steve Witkoff and Jared Kushner — US President Donald Trump's "
         "son-in-law — as well as America's top general in Europe, Alexus Grynkewich, who fleshed out details.",
         "alexus-grynkewich", "top general in Europe", "US"),
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


def test_a_regnal_number_ends_a_name_and_a_participle_opens_none(nlp):
    text = ("Hosting Zelensky at 10 Downing Street, Starmer reaffirmed the UK's support. Earlier in the day, "
            "Zelensky met with King Charles III at Windsor Castle.")
    people = {p.id: p.role for p in extract_article(nlp, article(text)).people}
    assert people == {"charles-iii": "King"}


def test_a_given_name_alone_is_the_person_known_by_it(nlp):
    text = ("Malaysian Prime Minister Anwar Ibrahim conveyed his condolences. In a message posted on Sunday, "
            "Anwar said he had directed Malaysian Foreign Minister Mohamad Hasan to lead a mission.")
    people = {p.id: p for p in extract_article(nlp, article(text)).people}
    assert set(people) == {"anwar-ibrahim", "mohamad-hasan"}
    assert "Anwar" in people["anwar-ibrahim"].aliases


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
    ("Volodymyr Zelensky", "Volodymyr Selenskyj", True),
    ("Burkhard", "Thierry Burkhard", True),
    ("Le Pen", "Marine Le Pen", True),
    ("Marine Le Pen", "Jean-Marie Le Pen", False),
    ("Al Gore", "Tipper Gore", False),
    # A Slavic surname's feminine form is another person's: a wife, not the husband.
    ("Zelenska", "Volodymyr Zelensky", False),
    ("Yulia Navalnaya", "Alexei Navalny", False),
])
def test_name_variants(first, second, same):
    assert same_name(first.split(), second.split()) is same


def test_names_that_match_share_a_surname_key():
    # Merging compares a name only with the groups of its key, so no match may cross keys.
    root = Path(__file__).parent
    folders = [root / "gold", root / "corpus" / "dev" / "gold", *sorted((root / "corpus" / "real").glob("*/dev/gold"))]
    names = {name for folder in folders for gold in load_gold(folder).values()
             for person in gold.people for name in [person.name, *person.aliases]}
    names |= {"Volodymyr Selenskyj", "Wolodymyr Selenskyj", "Jonas Gahr Støre", "Jonas Gahr Store"}
    matches = [(a, b) for a in sorted(names) for b in sorted(names) if same_name(a.split(), b.split())]
    assert len(matches) > 2 * len(names)       # variants across outlets, not only each name itself
    assert [(a, b) for a, b in matches if surname_key(a.split()) != surname_key(b.split())] == []


def test_titles_and_institutions_are_not_people(nlp):
    text = ("As part of that, the two leaders held virtual talks with US representatives, including Special "
            "Presidential Envoy, General Keith Kellogg, and Senator Lindsey Graham.\n"
            "On the sidelines of the Paris Defense and Security Forum, the French President Emmanuel Macron met the leaders.\n"
            "(Image credit: Anna Moneymaker / Getty Images)\n"
            "Jane Roe, the leader of France's National Rally, said she would appeal.")
    ids = {p.id for p in extract_article(nlp, article(text)).people}
    assert ids == {"keith-kellogg", "lindsey-graham", "emmanuel-macron", "anna-moneymaker", "jane-roe"}


def test_a_name_the_text_cuts_off_is_left_out(nlp):
    text = "The French president told the gathered allies about the plan.\n\nItalian prime minister Giorgia Mel"
    assert extract_article(nlp, article(text)).people == []


SURNAMES_ONLY = (
    "Monday’s ruling was a catastrophic setback for Le Pen, the long-time National Rally (RN) leader, who had been "
    "the front-runner in opinion polls for the 2027 presidential election.\n"
    "“I believe today that the French must be outraged, and I tell them: Be outraged!,” Bardella told Europe 1 radio "
    "and CNews TV over a ruling that far-right leaders said was biased and undemocratic.\n"
    "“We’ll take to the streets this weekend. We’re organising leaflet distributions, democratic, peaceful, calm "
    "mobilisations,” he said, without giving details.\n"
    "Bardella could become the RN’s de facto candidate for the 2027 election. But Le Pen suggested she was not yet "
    "ready to hand him the baton, saying on Monday: “I’m not going to let myself be eliminated like this.” Bardella "
    "backed her on Tuesday.\n"
    "The French delegation was headed by General Burkhard, and the British delegation was headed by Admiral Radakin.\n"
    "The joint call with Trump came after the talks."
)


def test_people_named_by_surname_only(nlp):
    # A surname never given in full is a person with a title, an appositive role, or the
    # tagger's word twice and a speech verb; "Trump" here has none of them.
    facts = extract_article(nlp, article(SURNAMES_ONLY, published=None))
    people = {p.id: p for p in facts.people}
    assert set(people) == {"le-pen", "bardella", "burkhard", "radakin"}
    assert (people["le-pen"].role, people["burkhard"].role, people["burkhard"].country) == (
        "long-time National Rally leader", "General", "FR")
    assert people["radakin"].country == "GB"
    # Rated by their own rule, whose confidence is measured apart from full names'.
    assert {person.basis for person in people.values()} == {"people.surname"}
    assert {q.speaker for q in facts.quotes} == {"le-pen", "bardella"}


def test_a_surname_listed_with_people_named_in_full_is_a_person(nlp):
    text = ("Danish Prime Minister Mette Frederiksen and Swedish Prime Minister Ulf Kristersson spoke first. "
            "On Friday, Frederiksen, Kristersson, Tusk and Merz arrived in Warsaw for the talks.")
    people = {p.id for p in extract_article(nlp, article(text)).people}
    assert people == {"mette-frederiksen", "ulf-kristersson", "tusk", "merz"}
    # Listed with nobody named in full, a surname is still not enough.
    alone = "On Friday, Tusk and Merz arrived in Warsaw for the talks."
    assert {p.id for p in extract_article(nlp, article(alone)).people} == set()


def test_a_title_alone_refers_to_the_one_person_who_holds_it(nlp):
    text = ("Norwegian Prime Minister Jonas Gahr Store and Finnish President Alexander Stubb met in Oslo. "
            "The Prime Minister announced €200m for Moldova. The Finnish president spoke after him.")
    facts = extract_article(nlp, article(text))
    store = next(p for p in facts.people if p.id == "jonas-gahr-store")
    # A title is how the text refers to someone, never one of their names.
    assert not any("Prime Minister" in alias or "president" in alias for alias in store.aliases)
    assert [(p.actor, p.kind) for p in facts.pledges] == [("NO", "money")]
    # Two people hold the title: it refers to neither.
    both = ("Norwegian Prime Minister Jonas Gahr Store and Danish Prime Minister Mette Frederiksen met in Oslo. "
            "The Prime Minister announced €200m for Moldova.")
    assert extract_article(nlp, article(both)).pledges == []


def test_a_surname_with_its_particle_shortens_the_full_name(nlp):
    text = ("A French appeals court said Tuesday it would examine Marine Le Pen's case within a timeframe that could "
            "allow the far-right leader to contest the election. In a court ruling many commentators called a "
            "political earthquake, Le Pen on Monday was given a prison term.")
    people = extract_article(nlp, article(text)).people
    assert [p.id for p in people] == ["marine-le-pen"]
    assert "Le Pen" in people[0].aliases


def test_a_full_name_the_tagger_missed_is_found_by_its_surname_as_a_subject(nlp):
    text = ("Marine Le Pen claimed that a court's decision was \"political\" following its ruling on Monday.\n\n"
            "Speaking to TF1 after her conviction, Le Pen maintained she was innocent and vowed to appeal against the ruling.")
    assert [p.id for p in extract_article(nlp, article(text)).people] == ["marine-le-pen"]


@pytest.mark.parametrize("text, person_id, role, country", [
    # A royal title kept in a one-word name is the role; an abbreviated title as written.
    ("Zelensky met King Charles at Windsor Castle.", "king-charles", "King", None),
    ("Also present was Republican Sen. Lindsey Graham.", "lindsey-graham", "Sen.", None),
    # What a role written after the name is of gives the country or organisation.
    ("Antonio Costa, the President of the European Council, said it was historic.", "antonio-costa",
     "President of the European Council", "european-council"),
    ("Commissioner for Enlargement, Marta Kos, will also travel to Kyiv.", "marta-kos", "Commissioner for Enlargement", None),
    # A rank written short is no part of the name; a rank alone gives way to the title after the
    # name, whose possessor's title gives the country.
    ("A delegation included Gen Keith Kellogg and two senators.", "keith-kellogg", "General", None),
    ("Retired Lt. Gen. Keith Kellogg, U.S. President Donald Trump's special envoy for Ukraine, was there.",
     "keith-kellogg", "special envoy for Ukraine", "US"),
    # A city or seat of government before the title is the country; a reporter's city is not.
    ("Kremlin spokesman Dmitry Peskov told CNN on Saturday that talks were over.", "dmitry-peskov", "Spokesman", "RU"),
    ("Belgrade Mayor Aleksandar Sapic said the city was hit.", "aleksandar-sapic", "Mayor", "RS"),
    ("Paris correspondent John Smith wrote the piece.", "john-smith", "Correspondent", None),
    # A role for a country's body: its country.
    ("Maria Zakharova, spokesperson for the Russian foreign ministry, claimed that the plan failed.",
     "maria-zakharova", "spokesperson for the Russian foreign ministry", "RU"),
])
def test_titles_in_news_phrasings(nlp, text, person_id, role, country):
    people = {p.id: p for p in extract_article(nlp, article(text)).people}
    assert (people[person_id].role, people[person_id].country) == (role, country)


def test_a_title_the_parser_cut_from_its_sentence_after_a_headline_is_still_read(nlp):
    text = (" date 2025-03-15 UK to host virtual meeting on Ukraine\n\nUK Prime Minister Keir Starmer will host a "
            "virtual meeting of world leaders Saturday, according to Downing Street.\n")
    people = {p.id: p for p in extract_article(nlp, parse_article(Path("headline.txt"), text)).people}
    assert (people["keir-starmer"].role, people["keir-starmer"].country) == ("Prime Minister", "GB")


def test_a_surname_the_tagger_calls_a_person_is_one_when_it_speaks(nlp):
    people = {p.id for p in extract_article(nlp, article("Earlier, leaders met. Trump said the US would help.")).people}
    assert people == {"trump"}
    # Named only as a modifier, it is nobody's mention.
    assert extract_article(nlp, article("Earlier, leaders met. The Trump administration said no.")).people == []
