"""The story over time: statuses and roles with their history, counts followed from one occasion
to the next, and the changes "What's new" and the feed list."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from generator.content.reader import read_content
from generator.extract.conflicts import find_conflicts, find_figures
from generator.extract.findings import FigureClaim
from generator.extract.merging import _dated_role, _same_role, status_history
from generator.files.project import Project
from generator.model.facts import Facts
from generator.model.records import (
    Evidence, Figure, Participant, Person, Reading, RoleChange, Source, StatusChange,
)
from generator.site.developments import first_cycle_counts, story_changes, whats_new_page
from generator.site.figure_chart import draw_figure
from generator.site.page_builder import PageBuilder
from tests.factories import make_story, write_project


def report(status: str, as_of: str | None, source: str) -> StatusChange:
    return StatusChange(status=status, as_of=as_of, source=source)


def test_a_stronger_status_reported_later_is_a_new_step_of_the_history():
    history = status_history([report("member", "2031-09-04", "c"), report("attended", "2031-03-03", "a")])
    assert history == [report("attended", "2031-03-03", "a"), report("member", "2031-09-04", "c")]


def test_statuses_of_one_news_cycle_are_one_report_and_undated_or_weaker_ones_no_step():
    history = status_history([
        report("attended", "2031-03-02", "a"), report("lead", "2031-03-03", "b"),   # the next day: one story
        report("member", "2031-05-01", "c"),                                        # weaker than lead
        report("lead", None, "d"),                                                  # cannot be placed in time
    ])
    assert history == [report("lead", "2031-03-03", "b")]


def test_a_status_an_undated_article_gives_has_no_date_of_change():
    # The undated article may have said "lead" first: no change to "lead" can be dated.
    history = status_history([report("member", "2031-03-03", "a"), report("lead", "2031-11-25", "c"),
                              report("lead", None, "undated")])
    assert history == [report("member", "2031-03-03", "a")]


def test_spellings_of_one_office_are_one_role_and_a_former_one_is_another():
    assert _same_role("Prime Minister", "Serbian Prime Minister")
    assert _same_role("Prime Minister of Serbia", "prime minister")
    assert not _same_role("former Prime Minister", "Prime Minister")
    assert not _same_role("Foreign Minister", "Prime Minister")


def said(source: str, role: str) -> tuple[str, Person, bool]:
    return source, Person(id="ana-brnabic", name="Ana Brnabić", role=role), True


def test_a_role_changes_when_a_later_article_says_the_office_is_held_no_longer():
    group = [said("late", "former Prime Minister"), said("early", "Prime Minister"),
             said("middle", "Serbian Prime Minister")]
    published = {"early": "2031-01-05", "middle": "2031-02-01", "late": "2031-06-30"}
    role, as_of, history = _dated_role(group, published, "Prime Minister")
    assert (role, as_of) == ("former Prime Minister", "2031-06-30")
    assert history == [RoleChange(role="Prime Minister", as_of="2031-01-05", source="early"),
                       RoleChange(role="former Prime Minister", as_of="2031-06-30", source="late")]


def test_spellings_other_titles_and_a_look_back_are_no_change_of_role():
    group = [said("a", "Defence Secretary"), said("b", "Defense Secretary"), said("c", "Chief"),
             said("d", "then-Defence Secretary"), said("e", "former Defence Secretary")]
    published = {"a": "2031-01-05", "b": "2031-02-01", "c": "2031-03-01", "d": "2031-04-01", "e": None}
    assert _dated_role(group, published, "Defence Secretary") == ("Defence Secretary", "2031-01-05", [])


def count(source: str, value: str, number: float, date: str, place: str | None = None) -> FigureClaim:
    return FigureClaim(key="count|leaders", about="number of leaders at the meeting", value=value, number=number,
                       source=source, quote=f"{value} met", date=date, place=place, occasion="meeting")


def test_a_count_on_two_occasions_is_a_figure_that_moves_not_a_conflict():
    claims = [count("a", "12 leaders", 12, "2031-03-02", "Belgrade"), count("b", "12 leaders", 12, "2031-03-02"),
              count("c", "30 leaders", 30, "2031-03-16", "Pristina")]
    assert find_conflicts(claims) == []
    [figure] = find_figures(claims)
    assert figure.id == "leaders-at-each-meeting"
    assert [(r.as_of, r.occasion, r.value, r.source) for r in figure.readings] == [
        ("2031-03-02", "the meeting in Belgrade", "12 leaders", "a"),
        ("2031-03-02", "the meeting in Belgrade", "12 leaders", "b"),
        ("2031-03-16", "the meeting in Pristina", "30 leaders", "c"),
    ]


def test_a_count_of_one_occasion_is_no_figure_over_time():
    assert find_figures([count("a", "12 leaders", 12, "2031-03-02"), count("b", "18 leaders", 18, "2031-03-02")]) == []


def story_over_time() -> Facts:
    """Serbia at a meeting on 2 March, then a member from 4 September; Kosovo new on 16 March;
    the count at each meeting; and a person named only by an undated article."""
    sources = [Source(id=source, title=f"Article {source}", published=date, file=f"seeds/{source}.txt")
               for source, date in (("a", "2031-03-02"), ("b", "2031-03-03"), ("c", "2031-03-16"),
                                    ("d", "2031-09-04"), ("e", None))]
    serbia = Participant(
        id="RS", name="Serbia", kind="country", status="member", as_of="2031-09-04",
        history=[report("attended", "2031-03-02", "a"), report("member", "2031-09-04", "d")],
        evidence=[Evidence(source="a", quote="Serbia attended"), Evidence(source="d", quote="Serbia joined")])
    kosovo = Participant(id="XK", name="Kosovo", kind="country", status="attended", as_of="2031-03-16",
                         evidence=[Evidence(source="c", quote="Kosovo took part")])
    figure = Figure(id="leaders-at-each-meeting", about="number of leaders at each meeting", readings=[
        Reading(value="12 leaders", number=12, as_of="2031-03-02", occasion="the meeting in Belgrade", source="a",
                quote="12 leaders met"),
        Reading(value="30 leaders", number=30, as_of="2031-03-16", occasion="the meeting in Pristina", source="c",
                quote="30 leaders met"),
    ])
    unnamed = Person(id="ana-brnabic", name="Ana Brnabić", evidence=[Evidence(source="e", quote="Ana Brnabić")])
    return Facts(sources=sources, participants=[kosovo, serbia], figures=[figure], people=[unnamed])


def test_changes_are_dated_by_the_articles_and_the_first_news_cycle_is_counted_not_listed():
    builder = PageBuilder(story_over_time())
    changes = [(c.date, c.what, c.text) for c in story_changes(builder)]
    assert changes == [
        ("2031-09-04", "status", "Serbia: status now member (was attended)"),
        ("2031-03-16", "figure", "number of leaders at each meeting: 30 leaders at the meeting in Pristina"),
        ("2031-03-16", "new", "New participant: Kosovo"),
    ]
    assert first_cycle_counts(builder) == ("2031-03-02", {"participants": 1})


def test_the_whats_new_page_has_each_day_and_the_figure_with_its_table():
    page = whats_new_page(PageBuilder(story_over_time()))
    assert [day.date.text for day in page.days] == ["4 September 2031", "16 March 2031"]
    assert page.first_counts == "1 participant"
    [series] = page.figures
    assert (series.latest, series.as_of.text) == ("30 leaders", "16 March 2031")
    assert [(row.date.text, row.value) for row in series.rows] == [("2 March 2031", "12 leaders"),
                                                                   ("16 March 2031", "30 leaders")]
    assert [ref.title for ref in page.references] == ["Article d", "Article c", "Article a"]


def test_the_chart_is_hidden_from_screen_readers_and_marks_a_disputed_occasion():
    figure = story_over_time().figures[0]
    disputed = figure.model_copy(update={"readings": [*figure.readings, figure.readings[1].model_copy(
        update={"value": "25 leaders", "number": 25, "source": "b"})]})
    svg = ElementTree.fromstring(str(draw_figure(disputed, lambda day: f"<{day}>")))
    assert svg.get("aria-hidden") == "true"
    assert len(svg.findall("circle")) == 3          # 12, then 25 and 30 on the disputed occasion
    ranges = [line for line in svg.iter() if line.get("class") == "explainer-chart-range"]
    assert len(ranges) == 1
    assert "<2031-03-02>" in "".join(svg.itertext())          # the labels are text, escaped
    assert str(draw_figure(disputed, str)) == str(draw_figure(disputed, str))


def test_a_history_naming_an_unknown_article_is_reported_at_its_line(tmp_path):
    root = write_project(make_story(), tmp_path)
    path = root / "content" / "extracted" / "participants.yaml"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["participants"][0]["history"] = [{"status": "attended", "as_of": "2031-06-15", "source": "herald"},
                                          {"status": "lead", "as_of": "2031-08-01", "source": "nowhere"}]
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    _, problems = read_content(Project(root))
    [problem] = problems
    assert "unknown source 'nowhere'" in problem.message
    assert problem.path == path and problem.line > 1


def test_a_report_dated_by_its_article_is_not_of_a_meeting_months_before_at_the_same_place():
    march = count("a", "31 countries", 31, "2031-03-27", "Belgrade")
    january = count("b", "35 countries", 35, "2032-01-06", "Belgrade").model_copy(update={"dated_by_article": True})
    assert find_conflicts([march, january]) == []
    [figure] = find_figures([march, january])
    assert [(r.as_of, r.value) for r in figure.readings] == [("2031-03-27", "31 countries"),
                                                            ("2032-01-06", "35 countries")]


def test_a_build_names_what_it_publishes_that_the_previous_did_not():
    from generator.site.developments import since_previous

    before = {"sources": [{"id": "a"}], "participants": [{"id": "RS", "status": "attended"}, {"id": "XK", "status": "member"}],
              "figures": [{"id": "leaders", "readings": [{"value": "12 leaders", "as_of": "2031-03-02"}]}]}
    after = {"sources": [{"id": "a"}, {"id": "b"}], "participants": [{"id": "RS", "status": "member"}, {"id": "BA", "status": "likely"}],
             "figures": [{"id": "leaders", "readings": [{"value": "12 leaders", "as_of": "2031-03-02"},
                                                         {"value": "30 leaders", "as_of": "2031-03-16"}]}]}
    assert since_previous(before, after) == [
        "participants: 1 new (BA)", "participants: 1 no longer published (XK)",
        "participants: RS status attended -> member", "figures: leaders now 30 leaders on 2031-03-16"]
    assert since_previous(after, after) == []
