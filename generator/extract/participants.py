"""Participants: countries and organisations involved in the story: leading, joining or
attending its joint efforts and meetings, struck by its disaster or sending help, party to its
court case or its trade dispute.

Statuses, strongest first: "lead" (led by / spearheading / co-chaired by / X and Y lead; a
person who hosts, chairs, arranges or convenes a meeting, or drives an effort; the country
whose court tries the case), "member" (X will join the effort, take part, sign up to it,
contribute to it; the country a disaster strikes and whoever sends or
calls for help; the body a wrong was done to; the countries imposing or targeted by trade
measures), "attended" (leaders listed at a meeting, "delegations from ...", "joined by video",
"plus Canada and Turkey ... gathered", speakers "after the meeting", arrivals), "likely"
(likely involved / would likely include / will sign up / invited). A country merely named (a
rival, the other side of a ceasefire, a place, the country that only hosts a meeting) is not
a participant. The nouns of meetings, efforts, disasters, help, trade measures and court cases
are data, in involvement.yaml.

The rules are grouped by what is reported: `joint_efforts`, `meetings`, `disasters`,
`court_cases` and `trade_disputes`, over the sentences as `passages` reads them and the places
and people `presence` finds named in them; this module keeps each participant's strongest status.
"""

from __future__ import annotations

from generator.extract.actors import PERSON_PREFIX
from generator.extract.calibration import rated
from generator.extract.court_cases import accused_parties, court_case_statuses
from generator.extract.disasters import is_disaster_story, responders, struck_countries
from generator.extract.document import ArticleDoc
from generator.extract.findings import Involvement, extractor_name
from generator.extract.joint_efforts import drivers, effort_statuses
from generator.extract.meetings import attendees, convenors, inviters
from generator.extract.occasions import COMMON_EFFORT, meeting_in
from generator.extract.passages import Passage, passage_of, spoken_passage
from generator.extract.presence import present_in
from generator.extract.trade_disputes import trade_parties
from generator.model import gazetteer
from generator.model.records import STATUS_RANK, Evidence, Participant

EXTRACTOR = extractor_name("participants")
_CONFIDENCE = {"lead": 0.8, "member": 0.7, "attended": 0.7, "likely": 0.5}


class _Found:
    """Participants by id, each with its strongest status and every passage that gave one."""

    def __init__(self):
        self.by_id: dict[str, tuple[str, list[str]]] = {}
        # People taking part whose country the article does not give, by person id.
        self.by_person: dict[str, tuple[str, list[str]]] = {}

    def add(self, place_id: str, status: str, quote: str):
        if place_id.startswith(PERSON_PREFIX):
            found, place_id = self.by_person, place_id.removeprefix(PERSON_PREFIX)
        elif gazetteer.place(place_id) is None:
            return
        else:
            found = self.by_id
        current = found.get(place_id)
        if current is None:
            found[place_id] = (status, [quote])
            return
        best = status if STATUS_RANK[status] > STATUS_RANK[current[0]] else current[0]
        quotes = current[1] + ([quote] if quote not in current[1] else [])
        found[place_id] = (best, quotes)


def extract_participants(context: ArticleDoc) -> list[Participant]:
    found = _Found()
    disaster_story = is_disaster_story(context.text)
    previous_attending = listing = False
    for sentence in context.sentences:
        if listing and _is_list_line(sentence):
            # "... was attended by ..., including:" then one line per guest: "Alexander Stubb,
            # President of Finland".
            for place_id in present_in(context, sentence.start_char, sentence.end_char):
                found.add(place_id, "attended", context.quote_of(sentence))
            continue
        listing = False
        passage = passage_of(context, sentence)
        if passage is None:
            # Direct speech may still say who is at a meeting ("There will be representatives
            # of Europe ... These are Britain, France ..."), though not who leads or joins what.
            spoken = spoken_passage(context, sentence)
            previous_attending = spoken is not None and _add_attendees(context, spoken, previous_attending, found)
            continue
        for place_id, status in _statuses(context, passage, disaster_story):
            found.add(place_id, status, passage.quote)
        previous_attending = _add_attendees(context, passage, previous_attending, found)
        listing = previous_attending and passage.quote.rstrip().endswith(":")
    participants = []
    for place_id, (status, quotes) in found.by_id.items():
        place = gazetteer.place(place_id)
        participants.append(Participant(
            id=place_id, name=place.name, kind=place.kind, status=status,
            evidence=[Evidence(source=context.source, quote=q) for q in quotes],
            extractor=EXTRACTOR, **rated(f"participants.{status}", _CONFIDENCE[status]),
        ))
    involvement = [Involvement(person=person_id, status=status, quote=quotes[0])
                   for person_id, (status, quotes) in sorted(found.by_person.items())]
    return sorted(participants, key=lambda p: p.id), involvement


def _is_list_line(sentence) -> bool:
    """A line of a list: a few words on a line of their own with no verb ("Gitanas Nausėda,
    President of Lithuania")."""
    text = sentence.text.strip()
    return 0 < len(text.split()) <= 12 and "\n" not in text and not text.endswith(".") \
        and not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _add_attendees(context: ArticleDoc, passage: Passage, previous_attending: bool, found: _Found) -> bool:
    """Adds those the passage has at a meeting; says whether it reports attendance, so that
    a following "They were ..." lists attendees too."""
    attending, ids = attendees(context, passage, previous_attending)
    for place_id in ids:
        found.add(place_id, "attended", passage.quote)
    return attending


def _statuses(context: ArticleDoc, passage: Passage, disaster_story: bool):
    """(place id, status) pairs from every rule but attendance."""
    chunk = passage.text
    yield from effort_statuses(context, passage)
    if meeting_in(context.text, passage.offset, chunk) or COMMON_EFFORT.search(chunk):
        for place_id in convenors(context, passage):
            yield place_id, "lead"
    for place_id in [*drivers(context, passage), *inviters(context, passage)]:
        yield place_id, "lead"
    for place_id in struck_countries(chunk):
        yield place_id, "member"
    if disaster_story:
        for place_id in responders(context, passage):
            yield place_id, "member"
    yield from court_case_statuses(chunk)
    for place_id in accused_parties(context, passage):
        yield place_id, "member"
    for place_id in trade_parties(context, passage):
        yield place_id, "member"
