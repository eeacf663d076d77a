"""How predictions are matched to gold: name forms, overlapping texts, dates, speakers.

Each story kind's rule is tested beside it: tests/test_score_<kind>.py."""

from __future__ import annotations

from generator.evaluation.matching import overlap
from generator.evaluation.scoring import evaluate
from generator.model.records import Event, Person, Quote
from tests.gold_factories import SOURCE, counts, ev, gold_dir, perfect  # noqa: F401 (gold_dir is a fixture)


def test_overlap_rules():
    assert overlap("This is not a moment", "\u201cThis is not a moment for more talk,\u201d Starmer said.")
    assert not overlap("a moment", "This is not a moment for more talk")  # under three words
    assert overlap("one two three four five six seven eight", "zero one two three four nine")
    assert not overlap("one two three four five six seven eight nine ten", "one two three x")


def test_possessive_and_honorific_name_forms(gold_dir):
    pred = perfect()
    pred.people = [Person(id="x", name="Sir Keir Starmer\u2019s"), *pred.people[1:]]
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "people") == (4, 0, 0)


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
