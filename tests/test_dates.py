import datetime as dt

import pytest

from generator.extract.dates import find_dates

MONDAY = dt.date(2025, 3, 3)


@pytest.mark.parametrize("sentence, date, approximate, kind", [
    ("In 1999, peacekeepers landed in the territory.", "1999", False, "absolute"),
    ("The invasion began in February 2022 after months of build-up.", "2022-02", False, "absolute"),
    ("On Friday, the two leaders argued in front of cameras.", "2025-02-28", False, "relative"),
    ("The ministers met on Sunday in Rome.", "2025-03-02", False, "relative"),
    ("The ministers will meet on Friday in Rome.", "2025-03-07", False, "relative"),
    ("A similar summit two weeks ago ended without a deal.", "2025-02-17", True, "relative"),
    ("The envoy visited the capital last week.", "2025-02-24", True, "relative"),
    ("Spending will rise to 3% of GDP by 2030.", "2030", False, "target"),
    ("The treaty was signed on 12 June 2019 in Vienna.", "2019-06-12", False, "absolute"),
])
def test_dates_keep_their_precision(nlp, sentence, date, approximate, kind):
    doc = nlp(sentence)
    found = find_dates(next(doc.sents), sentence, MONDAY)
    assert found, sentence
    assert (found[0].date, found[0].approximate, found[0].kind) == (date, approximate, kind)
    if kind == "relative":
        assert "3 March 2025" in found[0].note


def test_relative_dates_need_a_publication_date(nlp):
    sentence = "The ministers met on Sunday in Rome."
    assert find_dates(next(nlp(sentence).sents), sentence, None) == []


def test_dates_inside_quotations_are_ignored(nlp):
    sentence = "“What happened on Friday was a disgrace,” the senator said."
    quoted = (1, sentence.index("”"))
    found = find_dates(next(nlp(sentence).sents), sentence, MONDAY,
                       lambda c: quoted[0] <= c < quoted[1])
    assert found == []


def dates_in(nlp, sentence, published=None, story_years=()):
    return find_dates(next(nlp(sentence).sents), sentence, published, story_years=story_years)


def test_a_weekday_with_its_date_is_one_expression_dated_by_the_date(nlp):
    # c04_uisjournal, dated Tuesday 11 March 2025: not last Wednesday, 5 March.
    found = dates_in(nlp, "Tomorrow (Wednesday 12 March) there is also a meeting of the Defense Ministers "
                          "of the E5 group.", dt.date(2025, 3, 11))
    assert [(m.text, m.date, m.future) for m in found] == [("Tomorrow", "2025-03-12", True),
                                                           ("Wednesday 12 March", "2025-03-12", True)]
    # l02_independent, published that Monday.
    found = dates_in(nlp, "Marine Le Pen claimed that a court's decision was \"political\" following its ruling "
                          "on Monday, 31 March, which banned her from standing for election.", dt.date(2025, 3, 31))
    assert [(m.text, m.date, m.future) for m in found] == [("Monday, 31 March", "2025-03-31", False)]


def test_a_written_date_wins_over_a_weekday_that_does_not_fit_it(nlp):
    found = dates_in(nlp, "The talks on Monday, 4 March 2025 ended without a deal.", MONDAY)
    assert [m.date for m in found] == ["2025-03-04"]            # a Tuesday
    assert "weekday is not that of the date" in found[0].note


def test_a_day_without_a_year_is_the_one_nearest_the_publication_date(nlp):
    found = dates_in(nlp, "The talks collapsed on 28 December after a week.", dt.date(2026, 1, 5))
    assert [m.date for m in found] == ["2025-12-28"]


def test_an_undated_article_takes_the_story_year_only_when_it_is_not_in_doubt(nlp):
    # m05_tv360nigeria, undated; the story's dated articles are all of 2025.
    sentence = ("The magnitude 7.7 quake that struck the Southeast Asian nation on March 28 resulted in "
                "3,354 deaths and 4,508 people injured.")
    found = dates_in(nlp, sentence, story_years=(2025,))
    assert [(m.date, m.year_from_story) for m in found] == [("2025-03-28", True)]
    assert dates_in(nlp, sentence) == []
    assert dates_in(nlp, sentence, story_years=(2025, 2026)) == []
    # c27_eurointegration: the weekday picks the year among the story's.
    found = dates_in(nlp, "A meeting involving 27 countries is taking place in the French capital on Tuesday "
                          "6 January.", story_years=(2025, 2026))
    assert [m.date for m in found] == ["2026-01-06"]


@pytest.mark.parametrize("sentence", [
    "Starmer told the Sunday Times that the plan was ready.",
    "The minister told the Mail on Sunday that the talks had failed.",
    "Candidates campaigned hard before Super Tuesday in the south.",
])
def test_papers_and_named_days_with_a_weekday_are_no_dates(nlp, sentence):
    assert dates_in(nlp, sentence, MONDAY) == []


def test_a_paper_beside_a_real_weekday_leaves_the_weekday(nlp):
    found = dates_in(nlp, "Starmer told the Sunday Times on Saturday that the plan was ready.", MONDAY)
    assert [(m.text, m.date) for m in found] == [("on Saturday", "2025-03-01")]


@pytest.mark.parametrize("sentence, published, date", [
    ("The ceasefire was broken on Christmas Day by heavy shelling.", dt.date(2025, 1, 5), "2024-12-25"),
    ("Protesters gathered on New Year's Eve in the capital.", dt.date(2025, 1, 2), "2024-12-31"),
    ("The pope spoke on Easter Sunday to a crowd of thousands.", dt.date(2025, 4, 22), "2025-04-20"),
    ("The two leaders met on Good Friday in Belfast.", dt.date(2026, 4, 10), "2026-04-03"),
    ("Churches were full on Orthodox Easter in Kyiv.", dt.date(2024, 5, 10), "2024-05-05"),
    ("The truce was signed on Christmas Day 2023 in Cairo.", None, "2023-12-25"),
])
def test_named_feast_days(nlp, sentence, published, date):
    found = dates_in(nlp, sentence, published)
    assert [m.date for m in found] == [date]


def test_a_feast_still_to_come_is_next_years_and_future(nlp):
    found = dates_in(nlp, "The leaders will meet again on Christmas Eve.", dt.date(2025, 12, 1))
    assert [(m.date, m.future) for m in found] == [("2025-12-24", True)]


def test_easter_in_both_calendars():
    from generator.extract.dates import easter

    assert [easter(2024), easter(2024, orthodox=True)] == [dt.date(2024, 3, 31), dt.date(2024, 5, 5)]
    assert [easter(2026), easter(2026, orthodox=True)] == [dt.date(2026, 4, 5), dt.date(2026, 4, 12)]


@pytest.mark.parametrize("sentence, published, date", [
    # dev_wire_paris_0311, dev_broadsheet_virtual_0315, c11_interfax, m04_laotiantimes
    ("Defense ministers from the five biggest European military spenders are due to meet in Paris on Wednesday.",
     dt.date(2025, 3, 11), "2025-03-12"),
    ("Speaking at a press conference in Downing Street after the two-hour call, the prime minister said military "
     "chiefs would meet in the UK on Thursday to draw up plans to secure any deal.", dt.date(2025, 3, 15), "2025-03-20"),
    ("British Defence Minister John Healy and French Minister of the Armed Forces Sébastien Lecornu will hold a "
     "meeting at NATO headquarters in Brussels on April 10.", dt.date(2025, 4, 9), "2025-04-10"),
    ("John Healy will chair a new meeting of the Ukraine Defence Contact Group, scheduled for April 11.",
     dt.date(2025, 4, 9), "2025-04-11"),
    ("The junta also said Min Aung Hlaing will travel to Bangkok on Thursday for a summit.",
     dt.date(2025, 4, 3), "2025-04-03"),
])
def test_what_is_still_to_come_is_future(nlp, sentence, published, date):
    found = dates_in(nlp, sentence, published)
    assert [(m.date, m.future) for m in found] == [(date, True)]


def test_an_infinitive_of_purpose_after_a_past_verb_is_not_future(nlp):
    found = dates_in(nlp, "Military chiefs from about 30 countries met in Paris on Tuesday to start turning a "
                          "European promise into a workable plan.", dt.date(2025, 3, 11))
    assert [(m.date, m.future) for m in found] == [("2025-03-11", False)]


def test_a_plan_set_to_take_effect_in_an_undated_text_is_future(nlp):
    # t05_rbcukraine, undated.
    found = dates_in(nlp, "The changes are set to come into force on April 12, reports Reuters.", story_years=(2025,))
    assert [(m.date, m.future) for m in found] == [("2025-04-12", True)]


def test_the_present_progressive_of_an_arrangement_looks_ahead(nlp):
    sentence = "Leaders are meeting in Paris on Thursday to agree a plan."
    assert [(m.date, m.future) for m in dates_in(nlp, sentence, dt.date(2025, 3, 11))] == [("2025-03-13", True)]
    assert [(m.date, m.future) for m in dates_in(nlp, sentence, dt.date(2025, 3, 13))] == [("2025-03-13", False)]


@pytest.mark.parametrize("sentence, published, date", [
    # c16_upday, dated 10 July 2025.
    ("Planning for the coalition began in March following a summit at Lancaster House in central London.",
     dt.date(2025, 7, 10), "2025-03"),
    ("That summit followed Volodymyr Zelensky's tumultuous visit to the White House at the end of February.",
     dt.date(2025, 7, 10), "2025-02"),
    ("The ministers first met in March to draw up the plan.", dt.date(2025, 2, 10), "2024-03"),
])
def test_a_month_without_a_year_is_the_last_one_before_the_article(nlp, sentence, published, date):
    assert [m.date for m in dates_in(nlp, sentence, published)] == [date]


def test_today_is_the_publication_day_and_tomorrow_is_to_come(nlp):
    # 001_d6352d319f778e61, dated 3 March 2025.
    found = dates_in(nlp, "During questions with lawmakers today however, Starmer said that the government is "
                          "nowhere near the phase of holding a parliamentary vote.", MONDAY)
    assert [(m.date, m.future) for m in found] == [("2025-03-03", False)]
    found = dates_in(nlp, "The envoys arrive in Riyadh tomorrow for the talks.", MONDAY)
    assert [(m.date, m.future) for m in found] == [("2025-03-04", True)]


def test_a_year_before_its_noun(nlp):
    # c09_ap: "the 2022 full-scale invasion"; a later year is a target, and an undated text
    # with no story gives no year to compare it with.
    sentence = ("Russia's actions, starting with the seizure of Crimea in 2014 and culminating in the 2022 "
                "full-scale invasion that unleashed all-out war, show that he cannot be trusted.")
    assert [m.date for m in dates_in(nlp, sentence, story_years=(2025,))] == ["2014", "2022"]
    assert [m.date for m in dates_in(nlp, sentence)] == ["2014"]
    found = dates_in(nlp, "She had been the front-runner for the 2027 presidential election.", story_years=(2025,))
    assert [(m.date, m.kind) for m in found] == [("2027", "target")]
