"""Timeline events: sentence -> the dated happenings it reports (generator/extract/events.py)."""

from pathlib import Path

import pytest

from generator.extract import extract_article
from generator.files.articles import infer_years, parse_article


def events_of(nlp, text: str, name: str = "story", others: tuple[str, ...] = ()):
    """The events of one article; `others` are texts of the story's other articles, which
    give an undated one its year."""
    article = parse_article(Path(f"{name}.txt"), text)
    infer_years([article, *(parse_article(Path(f"other{i}.txt"), other) for i, other in enumerate(others))])
    return extract_article(nlp, article, ["people", "events"]).events


def dated(events) -> list[tuple[str, str]]:
    return sorted((e.date, e.title) for e in events)


def test_a_dated_wire_dateline_dates_the_sentence_it_opens(nlp):
    events = events_of(nlp, " date 2025-03-03 MOSCOW, March 3. /TASS/. Russian President Vladimir Putin has "
                            "signed a decree on the navy, the Kremlin press service said.\n")
    assert dated(events) == [("2025-03-03", "Russian President Vladimir Putin has signed a decree")]
    assert events[0].date_note.startswith("the dateline “MOSCOW, March 3. /TASS/.”")


def test_a_dateline_of_another_day_dates_nothing(nlp):
    events = events_of(nlp, " date 2025-03-04 MOSCOW, March 3. /TASS/. Russian President Vladimir Putin has "
                            "signed a decree on the navy, the Kremlin press service said.\n")
    assert events == []


def test_the_dateline_is_no_part_of_a_title_and_a_simultaneous_meeting_is_an_event_too(nlp):
    # dev_wire_paris_0311's opening sentence: once titled "PARIS met in Paris".
    events = events_of(nlp, " date 2025-03-11 PARIS, March 11 (Reuters) - Military chiefs from about 30 countries "
                            "met in Paris on Tuesday to start turning a European promise to protect any ceasefire in "
                            "Ukraine into a workable plan, as U.S. and Ukrainian officials held talks in Saudi Arabia "
                            "on ending the war.\n")
    assert dated(events) == [("2025-03-11", "Military chiefs from about 30 countries met in Paris"),
                             ("2025-03-11", "U.S. and Ukrainian officials held talks in Saudi Arabia")]


def test_the_header_is_no_part_of_a_title(nlp):
    events = events_of(nlp, " date 2025-04-09 On March 27, a summit was held in Paris, attended by representatives "
                            "of 31 countries.\n")
    assert dated(events) == [("2025-03-27", "A summit was held in Paris")]


@pytest.mark.parametrize("text", [
    # c11_interfax, m04_laotiantimes, dev_broadsheet_virtual_0315, dev_wire_paris_0311
    " date 2025-04-09 British Defence Minister John Healy and French Minister of the Armed Forces Sébastien Lecornu "
    "will hold a meeting at NATO headquarters in Brussels on April 10.\n",
    " date 2025-04-03 The junta also said Min Aung Hlaing will travel to Bangkok on Thursday for a summit of South "
    "Asian countries plus Myanmar and Thailand.\n",
    " date 2025-03-15 Speaking to reporters, the prime minister said military chiefs would meet in the UK on "
    "Thursday to draw up plans to secure any deal.\n",
    " date 2025-03-11 Defense ministers from the five biggest European military spenders are due to meet in Paris "
    "on Wednesday.\n",
])
def test_what_is_still_to_come_is_no_event(nlp, text):
    assert events_of(nlp, text) == []


def test_an_occasion_under_way_is_on_the_article_date(nlp):
    # c13_interfax and 003_08fdfb15822a403d.
    events = events_of(nlp, " date 2025-04-15 A meeting of the \"Coalition of the willing\" on security in the Black "
                            "Sea is taking place in Turkey, Ukrainian President Volodymyr Zelenskyy said.\n")
    assert dated(events) == [("2025-04-15", "A meeting is taking place")]
    assert events[0].date_note == "“is taking place”: under way in an article dated 15 April 2025"
    events = events_of(nlp, " date 2025-03-02 Starmer is convening more than a dozen leaders at Lancaster House, "
                            "following a similar summit two weeks ago in Paris, in a bid to strengthen the position.\n")
    assert [e.date for e in sorted(events, key=lambda e: e.date)] == ["2025-02-16", "2025-03-02"]


def test_a_trend_in_the_present_progressive_is_no_event(nlp):
    assert events_of(nlp, " date 2025-03-02 European leaders are stepping up their commitments to the defence "
                          "of the continent.\n") == []


def test_an_interview_dates_the_speaking_and_one_persons_day_is_one_entry(nlp):
    # 003_08fdfb15822a403d: the attribution of a long quote, then a report of the same day.
    events = events_of(nlp, " date 2025-03-02 “We’ve got to find those countries in Europe that are prepared to be "
                            "a bit more forward-leaning — I’m not criticizing anyone here,” Keir Starmer told the BBC "
                            "in an interview on Sunday. Starmer said on Sunday that the UK and France were seeking "
                            "to help secure any truce.\n")
    assert dated(events) == [("2025-03-02", "Keir Starmer told the BBC")]
    assert len(events[0].evidence) == 2


def test_each_year_written_out_is_an_event(nlp):
    # c28_sbs, undated.
    events = events_of(nlp, "The pledge came at a meeting in Paris of mainly European nations to reassure the "
                            "country in the event of a ceasefire with Russia, which invaded its neighbour in 2014 "
                            "and again at full scale in 2022.\n")
    assert [e.date for e in sorted(events, key=lambda e: e.date)] == ["2014", "2022"]


def test_an_opening_paragraph_meeting_is_about_the_article_date(nlp):
    # c30_bluewin: no day in the text but the date line's.
    events = events_of(nlp, " date 2026-01-06 Western supporters of the country have met with representatives of "
                            "the USA in Paris to discuss securing a possible ceasefire.\n\nThe talks went on late.\n")
    assert [(e.date, e.approximate, e.basis) for e in events] == [("2026-01-06", True, "events.opening-meeting")]
    # A declaration is not dated so: it may be the day before.
    assert events_of(nlp, " date 2025-03-03 British Prime Minister Keir Starmer has declared a group would come "
                          "together to draw up a peace plan.\n") == []
    # Nor is a meeting further down the article.
    assert events_of(nlp, " date 2026-01-06 The leaders of many countries want peace for the country soon.\n\n"
                          "Western supporters of the country have met with representatives of the USA in Paris.\n") == []


def test_the_occasion_named_just_before_a_date_is_dated_by_it(nlp):
    # dev_undated_analysis: the parse hangs "in 2003" on "associated".
    events = events_of(nlp, "It is most closely associated with the US-led invasion of Iraq in 2003, when George W "
                            "Bush assembled a group of countries prepared to act without the backing of the "
                            "United Nations Security Council.\n")
    assert dated(events) == [("2003", "The US-led invasion of Iraq")]


def test_an_occasion_known_by_its_possessor_is_titled_by_what_it_did(nlp):
    # l02_independent.
    events = events_of(nlp, " date 2025-03-31 Marine Le Pen claimed that a court's decision was \"political\" "
                            "following its ruling on Monday, 31 March, which banned her from standing for election "
                            "after she was found guilty of embezzling funds from the European parliament.\n")
    assert dated(events) == [("2025-03-31", "Its ruling banned her from standing for election")]


def test_an_undated_article_dates_days_in_the_story_year(nlp):
    # t05_rbcukraine, undated, in a story whose dated articles are of April 2025.
    others = (" date 2025-04-04 China announced new tariffs.\n", " date 2025-04-10 Trump paused the tariffs.\n")
    events = events_of(nlp, "Trump launched a trade war on April 2, America's “liberation day,” by imposing tariffs "
                            "on all goods from China at 54%. The changes are set to come into force on April 12, "
                            "reports Reuters.\n", others=others)
    assert [(e.date, e.basis) for e in events] == [("2025-04-02", "events.story-year")]
    assert events_of(nlp, "Trump launched a trade war on April 2 by imposing tariffs on all goods from China.\n") == []


def test_an_undated_article_that_writes_one_year_in_full_dates_its_other_days_in_it(nlp):
    # The story's dated articles span two years; the article's own full date says which.
    others = (" date 2025-03-03 Leaders met.\n", " date 2026-01-07 Leaders met again.\n")
    text = ("Defence ministers met in Brussels on 10 April 2025 to plan the force. On 11 April, the UK and "
            "Germany co-chaired the 27th meeting of the Ukraine Defence Contact Group.\n")
    assert sorted(e.date for e in events_of(nlp, text, others=others)) == ["2025-04-10", "2025-04-11"]
    # Two years written out leave a day without a year undated.
    text = ("The summit of 2 March 2025 launched it, and the talks of 6 January 2026 went further. On 11 April, "
            "the ministers met again.\n")
    assert sorted(e.date for e in events_of(nlp, text, others=others)) == ["2025-03-02", "2026-01-06"]


def test_a_day_that_names_an_atrocity_is_no_day_of_the_story(nlp):
    text = (" date 2025-09-20 The clause has been invoked once, following the September 11 attacks in the "
            "United States.\n")
    assert events_of(nlp, text) == []


def test_holding_is_an_occasion_only_of_a_meeting(nlp):
    events = events_of(nlp, " date 2025-03-02 The prime minister is holding talks with the visiting leaders in "
                            "London.\n")
    assert [e.date for e in events] == ["2025-03-02"]
    assert events_of(nlp, " date 2025-03-02 The army is holding the line along the river despite the losses.\n") == []


def test_a_second_sentence_on_a_day_is_held_unless_it_announces_a_sum(nlp):
    text = (" date 2025-03-03\nLeaders from ten countries met in Vienna on Sunday to discuss the alliance.\n\n"
            "Austrian Chancellor Karl Nehammer hosted the talks on Sunday at the Hofburg.\n\n"
            "Austria also announced a €500m loan for Kosovo on Sunday.\n")
    bases = [e.basis for e in sorted(events_of(nlp, text), key=lambda e: e.evidence[0].quote)]
    # The second sentence on the meeting day is mostly the same meeting again; a sum is news of its own.
    assert sorted(bases) == ["events.relative", "events.relative", "events.same-day"]
