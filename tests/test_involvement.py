"""Generic involvement: participants from any story's verbs (attend, join, take part, host,
co-chair, sign, contribute), and figures keyed by the occasion they are about; the words
themselves are data (involvement.yaml)."""

from __future__ import annotations

import re

import pytest

from generator.extract import extract_article
from generator.extract.conflicts import find_conflicts
from generator.extract.findings import FigureClaim
from tests.test_extract_facts import article


@pytest.mark.parametrize("text, expected", [
    ("The relief effort is co-chaired by Austria and Hungary.", {"AT": "lead", "HU": "lead"}),
    ("Croatia signed up to the flood agreement on Monday.", {"HR": "member"}),
    ("Serbia and Montenegro have contributed to the rescue mission.", {"RS": "member", "ME": "member"}),
    ("Slovakia will take part in the talks.", {"SK": "attended"}),     # a meeting is attended
    ("Slovakia will take part in the relief effort.", {"SK": "member"}),
    ("Ministers from Austria and Italy attended the donor conference in Vienna.",
     {"AT": "attended", "IT": "attended"}),
    # The country that hosts a meeting is its venue; a person who hosts it leads it.
    ("Slovenia hosted the meeting of ministers from Croatia and Austria.", {"HR": "attended", "AT": "attended"}),
    ("Slovenian Prime Minister Ana Kovač hosted the meeting of ministers from Croatia.",
     {"SI": "lead", "HR": "attended"}),
    ("Hungary did not attend the meeting.", {}),
])
def test_involvement_phrasings(nlp, text, expected):
    statuses = {p.id: p.status for p in extract_article(nlp, article(text)).participants}
    assert statuses == expected


def claim(source: str, value: str, place: str | None, date: str | None, occasion: str | None = "meeting"):
    digits = re.search(r"\d+", value)
    number = float(digits.group()) if digits else 12.0 if "dozen" in value else None
    return FigureClaim(key="count|leaders", about="number of leaders at the meeting", value=value, number=number,
                       source=source, quote=f"{value} came", place=place, date=date, occasion=occasion)


def test_figures_about_different_occasions_are_not_compared():
    conflicts = find_conflicts([
        claim("a", "9 countries", "Vienna", "2024-10-07"), claim("b", "12 countries", "Vienna", None),
        claim("c", "20 leaders", "Prague", "2024-11-02"), claim("d", "30 leaders", "Prague", "2024-11-02"),
    ])
    assert {c.about: sorted(k.value for k in c.claims) for c in conflicts} == {
        "number of leaders at the meeting in Vienna": ["12 countries", "9 countries"],
        "number of leaders at the meeting in Prague": ["20 leaders", "30 leaders"],
    }
    assert len({c.id for c in conflicts}) == 2   # first words shared: each takes its whole description


def test_one_occasion_is_linked_through_its_place_or_its_day():
    conflicts = find_conflicts([
        claim("a", "12 nations", "London", "2025-03-02", "summit"), claim("b", "18 leaders", "London", "2025-03-02"),
        claim("c", "a dozen leaders", "Lancaster House", "2025-03-02", None),
        claim("d", "19 leaders", "Lancaster House", None, None),
    ])
    assert len(conflicts) == 1 and len(conflicts[0].claims) == 4
    assert conflicts[0].about == "number of leaders at the summit in London"


def test_a_count_sentence_names_its_occasion(nlp):
    text = "Delegations from 12 countries attended the donor conference in Ljubljana, officials said."
    (found,) = extract_article(nlp, article(text)).claims
    assert (found.place, found.occasion, found.date) == ("Ljubljana", "conference", "2025-03-03")


def test_a_conflict_names_the_rule_that_linked_its_claims():
    same_place = find_conflicts([claim("a", "9 countries", "Vienna", "2024-10-07"), claim("b", "12 countries", "Vienna", None)])
    linked = find_conflicts([claim("a", "12 nations", "London", "2025-03-02"), claim("b", "18 leaders", "Lancaster House",
                                                                                      "2025-03-02"),
                             claim("c", "19 leaders", "Lancaster House", None)])
    unplaced = find_conflicts([claim("a", "9 countries", "Vienna", None), claim("b", "12 countries", None, None)])
    assert [c.basis for c in (*same_place, *linked, *unplaced)] == [
        "conflicts.same-place", "conflicts.linked", "conflicts.unplaced"]


def test_counts_that_name_no_occasion_are_never_set_against_each_other():
    # "a summit of 18 leaders" in one undated article, "33 delegations at the summit" in
    # another: nothing says the two summits are one.
    assert find_conflicts([claim("a", "18 leaders", None, None), claim("b", "33 delegations", None, None),
                           claim("c", "30 countries", None, None)]) == []


def test_a_pair_already_named_is_no_headcount(nlp):
    text = "At the summit in Ljubljana, the two leaders held talks with 30 other leaders, officials said."
    assert [c.value for c in extract_article(nlp, article(text)).claims] == ["30 leaders"]


def test_a_person_taking_part_brings_the_country_another_article_gives():
    from generator.extract import as_published, extract_articles, load_model
    from tests.test_extract_facts import article as dated

    first = dated("Croatian Prime Minister Andrej Plenković thanked the rescuers on Monday.", name="first")
    second = dated("Andrej Plenković attended the donor conference in Vienna, officials said.", name="second")
    results = as_published(extract_articles(load_model(), [first, second]))
    published = {result.source: {p.id: (p.status, p.basis) for p in result.participants} for result in results}
    assert published["second"] == {"HR": ("attended", "participants.attended-by-person")}


def test_one_place_on_days_far_apart_is_two_occasions():
    conflicts = find_conflicts([
        claim("a", "31 countries", "Paris", "2025-03-27"), claim("b", "30 countries", "Paris", None),
        claim("c", "35 countries", "Paris", "2026-01-06"), claim("d", "27 countries", "Paris", "2026-01-06"),
    ])
    assert sorted(sorted(k.value for k in c.claims) for c in conflicts) == [
        ["27 countries", "35 countries"], ["30 countries", "31 countries"]]


def test_a_hedged_headcount_agrees_with_the_count_it_hedges():
    hedged = find_conflicts([claim("a", "35 countries", "Paris", "2026-01-06"),
                             claim("b", "over 35 countries", "Paris", "2026-01-06")])
    differing = find_conflicts([claim("a", "12 nations", "London", "2025-03-02"),
                                claim("b", "more than a dozen leaders", "London", "2025-03-02"),
                                claim("c", "18 leaders", "London", "2025-03-02")])
    assert hedged == [] and len(differing) == 1 and len(differing[0].claims) == 3
