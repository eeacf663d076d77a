"""Sentence -> expected facts for events, quotes, pledges, participants, plan, coalitions."""

from pathlib import Path

import pytest

from generator.files.articles import parse_article
from generator.extract import extract_article
from generator.extract.kinds.pledges import find_counts
from generator.extract.money import find_money


def article(text: str, published: str | None = "2025-03-03", name: str = "example"):
    header = f" date {published} " if published else ""
    return parse_article(Path(f"{name}.txt"), header + text)


def test_event_from_weekday_sentence(nlp):
    text = ("German Chancellor Anna Kessler visited Warsaw on Friday. "
            "On Saturday, a meeting between Kessler and Polish President Jan Nowicki was cancelled.")
    events = extract_article(nlp, article(text)).events
    by_date = {e.date: e for e in events}
    assert set(by_date) == {"2025-02-28", "2025-03-01"}
    assert "anna-kessler" in by_date["2025-03-01"].people
    assert by_date["2025-03-01"].date_note.startswith("“On Saturday”")
    assert all(e.id.startswith(e.date) for e in events)


def test_no_event_without_publication_date_for_relative_dates(nlp):
    text = "German Chancellor Anna Kessler visited Warsaw on Friday. In 2014, the treaty was signed in Minsk."
    events = extract_article(nlp, article(text, published=None)).events
    assert [e.date for e in events] == ["2014"]


@pytest.mark.parametrize("text, speaker, quoted", [
    ("“We will not abandon our partners in their hour of need,” Danish Prime Minister Lars Holm said.",
     "lars-holm", "We will not abandon our partners in their hour of need"),
    ("Danish Prime Minister Lars Holm spoke in Aarhus. “Europe must carry more of the burden now,” he said.",
     "lars-holm", "Europe must carry more of the burden now"),
    ("Danish Prime Minister Lars Holm spoke in Aarhus. “Europe must carry more of the burden now,” the Danish prime minister told reporters.",
     "lars-holm", "Europe must carry more of the burden now"),
    ("Danish Prime Minister Lars Holm said: “There will be no deal without Kyiv at the table.”",
     "lars-holm", "There will be no deal without Kyiv at the table."),
])
def test_quote_attribution(nlp, text, speaker, quoted):
    quotes = extract_article(nlp, article(text)).quotes
    assert [(q.speaker, q.text) for q in quotes] == [(speaker, quoted)]


def test_scare_quotes_are_not_quotes(nlp):
    text = "Danish Prime Minister Lars Holm backed the “coalition of the willing” in a speech."
    assert extract_article(nlp, article(text)).quotes == []


@pytest.mark.parametrize("text, value, currency", [
    ("a new 1.6-billion-pound ($2bn) deal", 1.6e9, "GBP"),
    ("a £1.6 billion ($2 billion) deal", 1.6e9, "GBP"),
    ("€1.5 billion in aid", 1.5e9, "EUR"),
    ("$500 billion", 5e11, "USD"),
    ("a package worth 18 billion kronor", 1.8e10, "SEK"),
    ("SEK 18bn in military aid", 1.8e10, "SEK"),
    ("NOK 85 billion for 2026", 8.5e10, "NOK"),
    ("2 billion Danish kroner", 2e9, "DKK"),
    ("a A$3.2 billion deal", 3.2e9, "AUD"),
    ("CA$500 million ($350 million)", 5e8, "CAD"),
    # A number in words with its scale.
    ("a military aid package of two billion euros ($2.2 billion)", 2e9, "EUR"),
    ("twenty-five million dollars", 2.5e7, "USD"),
])
def test_money(text, value, currency):
    money = find_money(text)
    assert (money[0].value, money[0].currency) == (value, currency)
    assert len(money) == 1   # the bracketed conversion is not a second amount


def test_counts():
    count = find_counts("to buy over 5,000 air defence missiles")[0]
    assert (count.value, count.unit, count.qualifier) == (5000, "air defence missiles", "over")


@pytest.mark.parametrize("text", ["500 kroner", "a user of 5 billion accounts", "USAGE 5 billion", "one pound"])
def test_no_currency_where_none_is_said(text):
    # A bare "kroner" is Danish or Norwegian; a code inside a word is no code.
    assert find_money(text) == []


def test_a_model_number_is_no_count():
    assert find_counts("will deliver F-16 jets this year") == []
    assert [c.value for c in find_counts("will deliver 30 F-16 jets")] == [30]


def test_money_and_spending_pledges(nlp):
    text = ("Norway announced a 2-billion-euro package for 300 armoured vehicles on Sunday. "
            "Norwegian Prime Minister Kari Lund has pledged to increase defence spending to 3% of GDP by 2028.")
    pledges = {p.kind: p for p in extract_article(nlp, article(text)).pledges}
    assert pledges["money"].actor == "NO"
    assert (pledges["money"].amount.value, pledges["money"].amount.currency) == (2e9, "EUR")
    assert pledges["money"].quantity.value == 300
    assert pledges["spending"].actor == "NO"
    assert pledges["spending"].target_year == 2028
    assert pledges["spending"].quantity.unit == "% of GDP"


def test_demands_are_not_pledges(nlp):
    text = "The White House demanded a $300 billion share of the country's mineral revenue."
    assert extract_article(nlp, article(text)).pledges == []


def test_participants(nlp):
    text = ("The mission, led by Italy and Spain, will start in May. "
            "Leaders from twelve countries gathered at the summit in Madrid, plus Norway and Canada. "
            "It is likely that Estonia and Latvia will sign up to the initiative. "
            "Russia condemned the plan.")
    statuses = {p.id: p.status for p in extract_article(nlp, article(text)).participants}
    assert statuses == {"IT": "lead", "ES": "lead", "NO": "attended", "CA": "attended",
                        "EE": "likely", "LV": "likely"}


@pytest.mark.parametrize("text, expected", [
    ("The plan was launched by Italy, in collaboration with Spain, Portugal and others.",
     {"IT": "lead", "ES": "member", "PT": "member"}),
    ("Leaders of Malta, Italy, Greece and Cyprus met in Valletta on Sunday to discuss patrols.",
     {"MT": "attended", "IT": "attended", "GR": "attended", "CY": "attended"}),
    ("Spain and Portugal have joined the coalition, officials said.", {"ES": "member", "PT": "member"}),
    ("Italy traded with Spain in collaboration with Greece.", {}),   # no common effort named
])
def test_participant_phrasings(nlp, text, expected):
    statuses = {p.id: p.status for p in extract_article(nlp, article(text)).participants}
    assert statuses == expected


def test_numbered_plan(nlp):
    text = ("The ministers agreed a three-point plan:\n"
            "1. Keep supplying weapons to the army\n"
            "2. Raise sanctions on the aggressor\n"
            "3. Prepare a peacekeeping force\n")
    plan = extract_article(nlp, article(text)).plan
    assert [(p.id, p.point) for p in plan] == [("plan-1", 1), ("plan-2", 2), ("plan-3", 3)]
    assert plan[1].text == "Raise sanctions on the aggressor"


def test_past_coalition(nlp):
    text = ("In 1991, a US-led coalition of 35 countries under a United Nations mandate "
            "expelled Iraqi forces from Kuwait.")
    coalitions = extract_article(nlp, article(text)).coalitions
    # No named force and no "X's invasion": nothing to name it by, so nothing is invented.
    assert all(c.year == 1991 for c in coalitions)
    text = ("In 1999, an Australia-led International Force East Timor (INTERFET) under a United "
            "Nations mandate landed in Dili.")
    coalition = extract_article(nlp, article(text)).coalitions[0]
    assert (coalition.id, coalition.led_by, coalition.mandate) == (
        "international-force-east-timor-1999", "Australia", "UN mandate")
