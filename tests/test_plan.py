"""Article -> plan points (generator/extract/kinds/plan.py): the ways articles list the points
of an announced plan, and the lists that are no plan's."""

from pathlib import Path

from generator.extract import extract_article
from generator.files.articles import parse_article


def plan_of(nlp, text: str) -> list[tuple[int, str]]:
    points = extract_article(nlp, parse_article(Path("example.txt"), text)).plan
    return [(p.point, p.text) for p in points]


def test_bullets_after_a_count_of_points_agreed_the_last_one_cut_off_by_the_text(nlp):
    # c01_maltatoday, whose stored text ends inside the third point.
    text = ("British Prime Minister Keir Starmer has announced a four-point plan to work with Ukraine in ending "
            "the war, and defending it from Russia.\n\n"
            "French President Emmanuel Macron said on Sunday that Paris and London seek to propose a one-month truce.\n\n"
            "Speaking during a press conference after the meeting, the British PM said four points have been agreed:\n\n"
            "  •  keep military aid flowing into Ukraine, and to keep increasing the economic pressure on Russia\n"
            "  • that any lasting peace must ensure Ukraine's sovereignty and security and Ukraine must be present "
            "at any peace talks\n"
            "  • in the event of a peace deal, to boost Ukraine's defensive capabilities to ")
    assert plan_of(nlp, text) == [
        (1, "keep military aid flowing into Ukraine, and to keep increasing the economic pressure on Russia"),
        (2, "that any lasting peace must ensure Ukraine's sovereignty and security and Ukraine must be present "
            "at any peace talks"),
    ]


def test_hyphen_bullets_after_a_count_of_components_and_not_the_uncounted_list_after(nlp):
    # c27_eurointegration.
    text = ("Under the draft declaration, once a ceasefire in Ukraine comes into force, a system of guarantees is "
            "to be launched with five components:\n"
            "- participation in a US-led mechanism to monitor and verify the ceasefire\n"
            "- support for the Armed Forces of Ukraine\n"
            "- multinational forces for Ukraine\n"
            "- commitments in the event of a future attack\n"
            "- commitments to deepen defence cooperation with Ukraine.\n"
            "In terms of support for the Armed Forces of Ukraine, the document refers to:\n"
            "- funding for arms procurement\n"
            "- support for the defence budget\n")
    points = plan_of(nlp, text)
    assert [n for n, _ in points] == [1, 2, 3, 4, 5]
    assert points[4] == (5, "commitments to deepen defence cooperation with Ukraine.")


def test_the_other_points_follow_the_one_the_sentence_names(nlp):
    # 001 of the seeds: "The other three points are to:" after the key point.
    text = ("The proposed coalition is the key point at the heart of a four point plan launched by the UK, in "
            "collaboration with France, Ukraine and others. The other three points are to:\n\n"
            "  • renew support for Ukraine through a commitment to continue supplying Kyiv with weapons\n"
            "  • establish a “lasting peace” tied to Ukraine sovereignty, while involving Kyiv in negotiations\n"
            "  • ramp up Kyiv’s “defensive capabilities” in the event of a peace deal being struck.\n")
    points = plan_of(nlp, text)
    assert [n for n, _ in points] == [1, 2, 3, 4]
    assert points[0][1].startswith("The proposed coalition is the key point")
    assert points[1][1].startswith("renew support")


def test_points_told_in_prose_with_ordinals(nlp):
    text = ("The ministers set out a three-point plan on Monday. First, the army will get more air defence. "
            "Second, sanctions on the aggressor will be tightened. Finally, a monitoring mission will be sent to "
            "the border. Critics said the plan was vague.")
    assert plan_of(nlp, text) == [(1, "the army will get more air defence."),
                                  (2, "sanctions on the aggressor will be tightened."),
                                  (3, "a monitoring mission will be sent to the border.")]
    text = ("The plan rests on three pillars.\nThe first is that aid keeps flowing to the army.\n"
            "The second is that any ceasefire is monitored.\nThe third is that the country keeps its sovereignty.")
    assert [n for n, _ in plan_of(nlp, text)] == [1, 2, 3]


def test_points_in_one_sentence_parted_by_semicolons(nlp):
    text = ("Leaders agreed on four points: keep supplying weapons; tighten sanctions; protect the ports; "
            "and prepare a peacekeeping force.")
    assert plan_of(nlp, text) == [(1, "keep supplying weapons"), (2, "tighten sanctions"),
                                  (3, "protect the ports"), (4, "prepare a peacekeeping force")]


def test_a_count_of_parts_without_a_plan_is_no_plan(nlp):
    assert plan_of(nlp, "Prices rose two points on Monday. First, the index gained. Second, traders sold.") == []
    # Ordinals that do not run first, second, ... to the count are not the plan's points.
    assert plan_of(nlp, "They agreed a three-point plan. First, talks resume. Third, ships sail.") == []
