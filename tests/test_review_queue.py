"""The review queue: held facts, then new ones, each with its evidence in its article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.content.reader import read_content
from generator.content.review_queue import context_of, machine_facts, review_queue, sentence_starts
from generator.files.project import Project
from generator.model.evidence import SourceTexts, locate, normalise
from tests.factories import make_story, write_project


def unsure_project(tmp_path, people_confidence: float = 0.3):
    """The harbour story with Mads Kjær extracted unsure and nobody having reviewed him, and
    Sara Lund unreviewed but sure."""
    story = make_story()
    story.facts.people = [p.model_copy(update={"confidence": people_confidence, "basis": "people.weak"})
                          if p.id == "mads-kjaer" else p for p in story.facts.people]
    story.facts.reviewed -= {"mads-kjaer", "kjaer-ready"}
    return write_project(story, tmp_path)


def queue_of(root, new=None):
    facts, problems = read_content(Project(root))
    assert problems == []
    return review_queue(facts, machine_facts(Project(root), facts.kinds), new or {})


def test_held_facts_come_kind_by_kind_with_why_they_wait(tmp_path):
    queue = queue_of(unsure_project(tmp_path))
    assert [item.reference for item in queue] == ["people:mads-kjaer", "quotes:kjaer-ready"]
    person, quote = queue
    assert person.held and person.record.name == "Mads Kjær"                 # the machine record
    assert person.why == "held for review: confidence 0.3 is below review_below 0.7 (rule people.weak)"
    assert quote.why == "held for review: its speaker 'mads-kjaer' is held; decide on the speaker first"


def test_each_piece_of_evidence_is_shown_in_its_sentence_between_its_neighbours(tmp_path):
    person = queue_of(unsure_project(tmp_path))[0]
    [piece] = person.evidence
    assert piece.source.id == "herald" and piece.source.outlet == "Coast Herald"
    assert piece.source.published == "2031-06-15" and piece.source.file == "seeds/herald.txt"
    assert piece.passage == "Foreign Minister Mads Kjær"
    assert piece.before == "Denmark will lend 12 patrol boats if the storm season allows, by 2032.\n\n"
    assert piece.after == ' said Denmark was "ready to sail within weeks".\n'


def test_new_facts_follow_the_held_ones_unless_reviewed_rejected_or_queued_already(tmp_path):
    root = unsure_project(tmp_path)
    (root / "content/editorial/participants.yaml").write_text(
        '{"confirm": ["NO"], "reject": {"IS": "not yet a member"}}', encoding="utf-8")
    new = {"people": ["mads-kjaer", "sara-lund", "ingrid-alvsen"], "participants": ["IS", "FI", "NO"],
           "events": ["no-such-event"]}
    queue = queue_of(root, new)
    assert [item.reference for item in queue] == [
        "people:mads-kjaer", "quotes:kjaer-ready", "people:sara-lund", "participants:FI"]
    assert queue[2].why == "new since the last extraction" and not queue[2].held


def test_an_id_is_found_across_kinds_or_by_kind_with_did_you_mean(tmp_path):
    root = unsure_project(tmp_path)
    facts, _ = read_content(Project(root))
    machine = machine_facts(Project(root), facts.kinds)
    assert machine.find("mads-kjaer")[0] == "people"
    assert machine.find("sources:wire")[1].title == "Nordic leaders split on patrol size"
    for reference, message in [("mads-kjear", "did you mean 'mads-kjaer'?"),
                               ("person:mads-kjaer", "no kind 'person' in this project; did you mean 'people:mads-kjaer'?"),
                               ("quotes:mads-kjaer", "no quotes fact with id 'mads-kjaer'")]:
        try:
            machine.find(reference)
        except LookupError as error:
            assert message in str(error)
        else:
            raise AssertionError(reference)


def test_sentences_end_at_stops_and_line_breaks_but_not_after_initials_or_titles():
    text = "Mr. Vance met the U.S. envoy. He left!\nThen J. D. Vance spoke. “Yes.” Done"
    starts = sentence_starts(text)
    assert [text[start:start + 6] for start in starts] == ["Mr. Va", "He lef", "Then J", "“Yes.”", "Done"]
    start = text.index("Vance spoke")
    assert context_of(text, start, start + len("Vance spoke")) == ("He left!\nThen J. D. ", ". “Yes.” ")


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab \n\t\u00a0\u2019'\"\u201c."), max_size=30),
       st.text(st.sampled_from("ab \n\u2019'\"\u201c."), max_size=6))
def test_the_passage_is_found_exactly_when_check_finds_the_quote(text, quote):
    span = locate(text, quote)
    assert (span is not None) == SourceTexts({"a": text}).is_verbatim("a", quote)
    if span is not None:
        assert normalise(text[span[0]:span[1]]) == normalise(quote)
        assert text[span[0]:span[1]] == text[span[0]:span[1]].strip()
