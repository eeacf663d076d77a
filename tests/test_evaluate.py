"""The scorer on small hand-made gold and predictions: exact counts, so a wrong rule fails."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.model.errors import ContentError
from generator.evaluation.evaluate import evaluate, format_report, overlap
from generator.evaluation.gold import load_gold
from generator.model.facts import (
    Amount, Coalition, Event, Evidence, Participant, Person, Pledge, PlanPoint, Quantity, Quote,
)

SOURCE = "a1"
TEXT = (
    "British Prime Minister Keir Starmer said on Sunday that a coalition of the willing would act. "
    "\u201cThis is not a moment for more talk,\u201d Starmer said. "
    "On Friday, Trump and Zelenskyy clashed in the Oval Office. "
    "French President Emmanuel Macron said: \u201cWe will stand with Ukraine for as long as it takes.\u201d "
    "The UK will lend \u00a31.6bn for 5,000 air defence missiles."
)

GOLD_YAML = """\
source: a1
published: 2025-03-03
people:
  - {name: Keir Starmer, aliases: [Starmer], role: Prime Minister, country: GB}
  - {name: Donald Trump, aliases: [Trump], role: null, country: US}
  - {name: Volodymyr Zelenskyy, aliases: [Zelenskyy], role: null, country: UA}
  - {name: Emmanuel Macron, aliases: [], role: President, country: FR}
participants:
  - {id: GB, status: lead}
  - {id: FR, status: member}
  - {id: EE, status: likely, optional: true}
events:
  - date: "2025-03-02"
    what: Starmer announces a coalition of the willing
    quote: "Keir Starmer said on Sunday that a coalition of the willing would act"
  - date: "2025-02-28"
    what: Trump and Zelenskyy clash in the Oval Office
    quote: "On Friday, Trump and Zelenskyy clashed in the Oval Office"
quotes:
  - {speaker: keir-starmer, text: "This is not a moment for more talk"}
  - {speaker: emmanuel-macron, text: "We will stand with Ukraine for as long as it takes."}
pledges:
  - actor: GB
    kind: money
    amount: {value: 1.6e9, currency: GBP}
    quantity: {value: 5000, unit: air defence missiles}
    quote: "The UK will lend \u00a31.6bn for 5,000 air defence missiles"
plan:
  - {point: 1, text: "a coalition of the willing would act"}
coalitions:
  - {name: INTERFET, year: 1999, led_by: AU}
figures:
  - {about: leaders, value: "12", quote: "a coalition of the willing"}
"""


def ev(quote: str) -> list[Evidence]:
    return [Evidence(source=SOURCE, quote=quote)]


def perfect() -> SimpleNamespace:
    return SimpleNamespace(
        people=[
            Person(id="keir-starmer", name="Keir Starmer", aliases=["Starmer"], role="British Prime Minister", country="GB"),
            Person(id="donald-trump", name="Donald Trump", country="US"),
            Person(id="volodymyr-zelenskyy", name="Volodymyr Zelenskyy", country="UA"),
            Person(id="emmanuel-macron", name="Emmanuel Macron", role="President", country="FR"),
        ],
        participants=[
            Participant(id="GB", name="United Kingdom", kind="country", status="lead"),
            Participant(id="FR", name="France", kind="country", status="member"),
        ],
        events=[
            Event(id="e1", date="2025-03-02", title="Coalition announced",
                  evidence=ev("British Prime Minister Keir Starmer said on Sunday that a coalition of the willing would act.")),
            Event(id="e2", date="2025-02-28", title="Oval Office clash",
                  evidence=ev("On Friday, Trump and Zelenskyy clashed in the Oval Office.")),
        ],
        quotes=[
            Quote(id="q1", speaker="keir-starmer", text="This is not a moment for more talk,", source=SOURCE),
            Quote(id="q2", speaker="emmanuel-macron", text="We will stand with Ukraine for as long as it takes.", source=SOURCE),
        ],
        pledges=[
            Pledge(id="p1", actor="GB", summary="Loan for missiles", kind="money",
                   amount=Amount(value=1.6e9, currency="GBP"),
                   quantity=Quantity(value=5000, unit="missiles")),
        ],
        plan=[PlanPoint(id="plan-1", point=1, text="A coalition of the willing would act")],
        coalitions=[Coalition(id="c1", name="International Force East Timor", year=1999)],
    )


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "a1.yaml").write_text(GOLD_YAML, encoding="utf-8")
    return tmp_path


def counts(report, name):
    score = report.types[name]
    return score.tp, score.fp, score.fn


ALL = ("people", "participants", "participants+status", "events", "quotes", "pledges", "plan", "coalitions")


def test_perfect_prediction_scores_one_everywhere(gold_dir):
    report = evaluate(gold_dir, {SOURCE: perfect()})
    assert {name: counts(report, name) for name in ALL} == {
        "people": (4, 0, 0), "participants": (2, 0, 0), "participants+status": (2, 0, 0),
        "events": (2, 0, 0), "quotes": (2, 0, 0), "pledges": (1, 0, 0), "plan": (1, 0, 0),
        "coalitions": (1, 0, 0),
    }
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (13, 0, 0)
    assert micro.precision == micro.recall == micro.f1 == 1.0
    acc = report.accuracies
    assert (acc["person role"].correct, acc["person role"].total) == (2, 2)
    assert (acc["person country"].correct, acc["person country"].total) == (4, 4)
    assert (acc["event date exact"].correct, acc["event date exact"].total) == (2, 2)
    assert (acc["quote speaker"].correct, acc["quote speaker"].total) == (2, 2)


def test_empty_prediction_misses_everything_required(gold_dir):
    report = evaluate(gold_dir, {SOURCE: SimpleNamespace()})
    assert counts(report, "people") == (0, 0, 4)
    assert counts(report, "participants") == (0, 0, 2)  # the optional EE is not a miss
    assert counts(report, "events") == (0, 0, 2)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (0, 0, 13)
    assert micro.precision is None and micro.recall == 0.0 and micro.f1 == 0.0
    # No prediction at all for the article counts the same.
    missing = evaluate(gold_dir, {})
    assert (missing.micro.tp, missing.micro.fp, missing.micro.fn) == (0, 0, 13)
    assert len(missing.types["quotes"].misses) == 2


def test_partial_prediction(gold_dir):
    pred = perfect()
    pred.people = [
        Person(id="kier-starmer", name="Kier Starmer", role="Prime Minister", country="GB"),
        Person(id="zelenskiy", name="Zelenskiy"),  # not a spelling gold knows
        Person(id="london", name="London"),  # a place, not a person
    ]
    pred.participants = [
        Participant(id="gb", name="UK", kind="country", status="member"),
        Participant(id="EE", name="Estonia", kind="country", status="likely"),  # optional gold
        Participant(id="US", name="United States", kind="country", status="member"),
    ]
    pred.quotes = pred.quotes[:1] + [
        Quote(id="q9", speaker="emmanuel-macron", text="Europe must do the heavy lifting", source=SOURCE),
    ]
    pred.pledges = [
        Pledge(id="p1", actor="GB", summary="2bn dollars", amount=Amount(value=2e9, currency="USD")),
        Pledge(id="p2", actor="FR", summary="Missiles", quantity=Quantity(value=5000, unit="missiles")),
    ]
    pred.plan = []
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "people") == (1, 2, 3)
    assert counts(report, "participants") == (1, 1, 1)
    assert counts(report, "participants+status") == (0, 2, 2)
    assert counts(report, "quotes") == (1, 1, 1)
    assert counts(report, "pledges") == (0, 2, 1)
    assert counts(report, "plan") == (0, 0, 1)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn) == (6, 6, 7)
    assert micro.precision == pytest.approx(6 / 12)
    assert micro.recall == pytest.approx(6 / 13)
    assert report.types["people"].false_hits == ["a1: person Zelenskiy", "a1: person London"]
    assert "a1: participant FR (member)" in report.types["participants"].misses
    assert report.accuracies["participant status"].correct == 0
    assert report.accuracies["participant status"].total == 1


def test_wrong_speaker_is_matched_but_counted_wrong(gold_dir):
    pred = perfect()
    pred.quotes[1] = Quote(
        id="q2", speaker="keir-starmer", source=SOURCE,
        text="French President Emmanuel Macron said: We will stand with Ukraine for as long as it takes.",
    )
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "quotes") == (2, 0, 0)
    speaker = report.accuracies["quote speaker"]
    assert (speaker.correct, speaker.total) == (1, 2)
    assert "gold 'emmanuel-macron'" in speaker.wrong[0]


def test_speaker_resolved_through_matched_person_id(gold_dir):
    pred = perfect()
    pred.people[0] = Person(id="sir-keir", name="Sir Keir Starmer", role="PM", country="GB")
    pred.quotes[0] = Quote(id="q1", speaker="sir-keir", text="This is not a moment for more talk", source=SOURCE)
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "people") == (4, 0, 0)
    assert report.accuracies["quote speaker"].correct == 2
    role = report.accuracies["person role"]
    assert (role.correct, role.total) == (1, 2)


def test_wrong_date_is_matched_by_evidence_but_not_date_exact(gold_dir):
    pred = perfect()
    pred.events[1] = Event(
        id="e2", date="2025-03-07", title="Clash",
        evidence=ev("On Friday, Trump and Zelenskyy clashed in the Oval Office."),
    )
    # Same date as gold but about something else entirely: neither evidence nor keywords match.
    pred.events.append(Event(id="e3", date="2025-03-02", title="Lunch at the palace",
                             evidence=ev("The UK will lend")))
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "events") == (2, 1, 0)
    dates = report.accuracies["event date exact"]
    assert (dates.correct, dates.total) == (1, 2)
    assert dates.wrong == ["a1: Trump and Zelenskyy clash in the Oval Office: date 2025-03-07, gold 2025-02-28"]


def test_event_matched_by_date_and_keywords_without_evidence(gold_dir):
    pred = perfect()
    pred.events = [Event(id="e2", date="2025-02-28", title="Trump and Zelenskyy clash at the Oval Office")]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "events") == (1, 0, 1)


def test_duplicates_cost_precision(gold_dir):
    pred = perfect()
    pred.events.append(pred.events[0].model_copy(update={"id": "e1-again"}))
    pred.people.append(Person(id="starmer", name="Starmer"))
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "events") == (2, 1, 0)
    assert counts(report, "people") == (4, 1, 0)
    assert "duplicate of person Keir Starmer" in report.types["people"].false_hits[0]


def test_plan_point_under_another_number_is_a_miss_and_a_false_hit(gold_dir):
    pred = perfect()
    pred.plan = [PlanPoint(id="plan-4", point=4, text="a coalition of the willing would act")]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "plan") == (0, 1, 1)
    assert "found as point 4" in report.types["plan"].misses[0]


def test_wrong_coalition_year_and_pledge_actor(gold_dir):
    pred = perfect()
    pred.coalitions = [Coalition(id="c", name="International Force East Timor", year=2003)]
    pred.pledges[0] = pred.pledges[0].model_copy(update={"actor": "FR"})
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "coalitions") == (0, 1, 1)
    assert counts(report, "pledges") == (0, 1, 1)


def test_predictions_without_gold_are_listed_not_scored(gold_dir):
    report = evaluate(gold_dir, {SOURCE: perfect(), "zz": perfect()})
    assert report.unscored == ["zz"]
    assert report.micro.fp == 0


def test_dict_predictions_are_accepted(gold_dir):
    pred = {name: [fact.model_dump() for fact in facts] for name, facts in vars(perfect()).items()}
    report = evaluate(gold_dir, {SOURCE: pred})
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (13, 0, 0)


def test_format_report_prints_a_table(gold_dir):
    pred = perfect()
    pred.quotes = []
    text = format_report(evaluate(gold_dir, {SOURCE: pred}))
    lines = text.splitlines()
    assert any(line.split()[:4] == ["quotes", "0", "0", "2"] for line in lines)
    assert any(line.startswith("micro (7 types)") and line.split()[3:6] == ["11", "0", "2"] for line in lines)
    assert "quotes missed (2):" in text
    assert "\u201cThis is not a moment for more talk\u201d" in text


def test_overlap_rules():
    assert overlap("This is not a moment", "\u201cThis is not a moment for more talk,\u201d Starmer said.")
    assert not overlap("a moment", "This is not a moment for more talk")  # under three words
    assert overlap("one two three four five six seven eight", "zero one two three four nine")
    assert not overlap("one two three four five six seven eight nine ten", "one two three x")


def test_load_gold_reports_every_problem_with_its_line(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        GOLD_YAML.replace("status: member}", "status: founder}")
        .replace("speaker: emmanuel-macron", "speaker: nobody")
        .replace("quote: \"On Friday", "when: x\n    quote: \"On Friday"),
        encoding="utf-8",
    )
    (tmp_path / "b2.yaml").write_text("source: other\npublished: 2025-13-01\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_gold(tmp_path)
    report = caught.value.report()
    lines = GOLD_YAML.splitlines()
    status_line = next(i for i, line in enumerate(lines, 1) if "status: member" in line)
    assert f"a1.yaml:{status_line}:" in report and "participants.1.status" in report
    assert "events.1.when: Extra inputs are not permitted" in report
    assert "b2.yaml:2:12: published" in report  # at the bad value
    assert report.endswith("3 problems found.")  # the speaker check runs only on valid files


def test_load_gold_checks_references(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        GOLD_YAML.replace("speaker: emmanuel-macron", "speaker: nobody"), encoding="utf-8"
    )
    (tmp_path / "a2.yaml").write_text(GOLD_YAML, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_gold(tmp_path)
    report = caught.value.report()
    speaker_line = GOLD_YAML.splitlines().index(
        next(line for line in GOLD_YAML.splitlines() if "emmanuel-macron, text" in line)
    ) + 1
    assert f"a1.yaml:{speaker_line}:" in report and "speaker 'nobody' is not a person" in report
    assert "a2.yaml:1:9: source 'a1' is not the file stem 'a2'" in report
    assert report.endswith("2 problems found.")


def test_possessive_and_honorific_name_forms(gold_dir):
    pred = perfect()
    pred.people = [Person(id="x", name="Sir Keir Starmer\u2019s"), *pred.people[1:]]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "people") == (4, 0, 0)


def _conflict_gold(tmp_path: Path) -> Path:
    figure = "figures:\n  - {{about: leaders, value: \"{value}\", quote: \"{quote}\"}}\n"
    (tmp_path / "a.yaml").write_text(
        "source: a\n" + figure.format(value="12 leaders", quote="12 leaders met"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "source: b\n" + figure.format(value="19 leaders", quote="19 leaders gathered"), encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "source: c\nfigures:\n  - {about: missiles, value: \"5,000\", quote: \"5,000 missiles\"}\n",
        encoding="utf-8")
    return tmp_path


def test_conflicts_scored_against_figures_that_differ(tmp_path):
    from generator.evaluation.evaluate import gold_conflicts, score_conflicts
    from generator.model.facts import Claim, Conflict

    gold = load_gold(_conflict_gold(tmp_path))
    assert list(gold_conflicts(gold)) == ["leaders"]  # one source for missiles: no conflict
    right = Conflict(id="c1", about="summit size", claims=[
        Claim(value="12", source="a", quote="12 leaders met"),
        Claim(value="nineteen", source="b", quote="19 leaders gathered"),
    ])
    wrong = Conflict(id="c2", about="summit size", claims=[
        Claim(value="12", source="a", quote="12 leaders met"),
        Claim(value="7", source="c", quote="5,000 missiles"),
    ])
    assert (lambda s: (s.tp, s.fp, s.fn))(score_conflicts(gold, [right, wrong])) == (1, 1, 0)
    assert (lambda s: (s.tp, s.fp, s.fn))(score_conflicts(gold, [wrong])) == (0, 1, 1)
    report = evaluate(gold, {}, conflicts=[right])
    assert (report.types["conflicts"].tp, report.micro.tp) == (1, 0)
    assert "conflicts" in format_report(report)


def test_pledge_without_figures_matched_by_kind_and_keywords(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        "source: a1\npledges:\n"
        "  - {actor: FR, kind: proposal, quote: \"French President Emmanuel Macron proposed a one-month truce\"}\n",
        encoding="utf-8",
    )
    other_sentence = ev("- French President Macron proposes a one-month truce to de-escalate the conflict")
    same_kind = Pledge(id="p", actor="FR", kind="proposal", summary="one-month truce", evidence=other_sentence)
    other_kind = same_kind.model_copy(update={"kind": "troops"})
    other_actor = same_kind.model_copy(update={"actor": "GB"})
    report = evaluate(tmp_path, {SOURCE: SimpleNamespace(pledges=[other_actor, other_kind, same_kind])})
    assert counts(report, "pledges") == (1, 2, 0)
    assert report.types["pledges"].false_hits[0].startswith("a1: pledge GB proposal")
