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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.extract import involvement
from generator.extract.actors import (
    NAME_CONTINUATIONS, PERSON_PREFIX, PLACE_NAME, PLACE_NAMES_PATTERN, countries_of_people_in, person_actor, phrase_span, places_in, subject_of,
)
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc
from generator.extract.findings import Involvement, extractor_name
from generator.extract.inflection import base_in
from generator.files.articles import is_caption
from generator.model import gazetteer
from generator.model.records import STATUS_RANK, Evidence, Participant

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token

EXTRACTOR = extractor_name("participants")
_CONFIDENCE = {"lead": 0.8, "member": 0.7, "attended": 0.7, "likely": 0.5}
_MEETING_FORMS = {form for noun in involvement.MEETING_NOUNS for form in (noun, noun + "s")} \
    | set(involvement.SITTING_NOUNS)
# A press conference is where someone speaks, not a meeting of the parties.
_MEETINGS = (rf"(?<![Pp]ress )(?<![Nn]ews )"
             rf"(?:(?:{involvement.MEETING_PATTERN})s?|{involvement.alternation(involvement.SITTING_NOUNS)})")
_EFFORTS = rf"(?:{involvement.EFFORT_PATTERN})s?"
_EFFORT_NOUNS = set(involvement.EFFORT_NOUNS)
_ADJECTIVE = gazetteer.PLACE_ADJECTIVES_PATTERN
_CITY = "|".join(re.escape(city) for city in sorted(gazetteer.CITIES, key=len, reverse=True))
# A list of names in the shape of places ("the UK, France and Italy"); the rules read the places
# in it with `places_in`. The shape, not the gazetteer's names, keeps the many rules that embed
# it quick to compile.
_NAME_WORD = rf"(?:[A-Z][\w.'’-]*|(?:{'|'.join(re.escape(word) for word in NAME_CONTINUATIONS)})(?![\w-]))"
_NAME_SHAPE = rf"(?<![\w-])[A-Z][\w.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?{_NAME_WORD}){{0,5}}"
_LIST = rf"(?:the\s+)?{_NAME_SHAPE}(?:\s*(?:,|and|,\s*and)\s*(?:the\s+)?{_NAME_SHAPE})*"
_LEAD = [
    re.compile(rf"\b(?:[Ll]ed|[Cc]o-led|[Ll]aunched|[Hh]eaded|[Ss]pearheaded|[Cc]onvened|[Cc]o-chaired|[Cc]haired) "
               rf"by (?P<list>{_LIST})"),
    re.compile(rf"(?P<list>{_LIST}),?\s+(?:(?:which|who)\s+)?(?:are\s+|is\s+|will\s+|would\s+)?"
               r"(?:spearheading|spearhead|spearheads|lead|leads|leading|co-lead|co-leads|co-leading|"
               r"co-chair|co-chairs|co-chairing|chair|chairs|chairing)\b"),
]
# Taking part in a meeting is attending it (below); in anything else, being a member.
_NOT_A_MEETING = rf"(?!\s+in\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\w'’-]+\s+){{0,3}}?{_MEETINGS}\b)"
_MEMBER = re.compile(rf"(?P<list>{_LIST})(?:\s*,?\s*and other countries)?\s+(?:(?:will|would|have|has)\s+)?"
                     rf"(?:agreed to\s+|signed up to\s+)?(?:(?:join|joined)\s+the\s+(?:[\w-]+\s+)?(?:{_EFFORTS})\b"
                     # Done, not promised: "will sign up" is a likely member (_LIKELY_CUE below).
                     rf"|signed\s+(?:up\s+to\s+|on\s+to\s+)?the\s+(?:[\w-]+\s+)?(?:{_EFFORTS})\b"
                     rf"|(?:contributed|contributes|contributing)\s+to\s+the\s+(?:[\w-]+\s+)?(?:{_EFFORTS})\b"
                     rf"|take part\b{_NOT_A_MEETING}|participate\b{_NOT_A_MEETING})")
# Said to belong to the effort: "France and Estonia, who are among the founding nations of the
# alliance", "Italy is a member of the partnership".
_MEMBER_OF = re.compile(rf"(?P<list>{_LIST}),?\s+(?:(?:who|which)\s+)?(?:are|is|was|were|became|become|remain|remains)\s+"
                        r"(?:among\s+|one\s+of\s+)?(?:the\s+|a\s+|an\s+)?(?:founding\s+|full\s+|new\s+|original\s+)?"
                        r"(?:members?|nations|countries|states|partners|signatories)\s+(?:of|to)\s+the\s+"
                        rf"(?:[\w'’-]+\s+){{0,4}}?(?i:{_EFFORTS})\b")
# Those an effort's membership is said to include: "leaders of the alliance, including A, B and
# C, signed ...", "The initiative has grown to 35 countries, including Canada and Japan".
_MEMBERS_INCLUDING = re.compile(
    rf"(?:\b(?:leaders|members|countries|nations|states|partners)\s+of\s+the\s+(?:[\w'’\"“”-]+\s+){{0,4}}?"
    rf"(?i:{_EFFORTS})\b|\b(?i:{_EFFORTS})\b[^.;:]{{0,60}}?\b(?:grown|expanded|risen|grew)\s+(?:[\w'’-]+\s+){{0,5}}?to\s+"
    r"(?:\d+|[a-z]+)\s+(?:countries|nations|states|members))[\"”’']?,?\s+including\s+")
# "a plan launched by the UK, in collaboration with France, Italy and others"
_PARTNERS = re.compile(rf"\bin (?:collaboration|cooperation|partnership|coordination) with (?P<list>{_LIST})")
_LIKELY = re.compile(rf"(?P<list>{_LIST}),?\s+(?:(?:have|has)\s+)?(?:(?:signalled|signaled|indicated|said)\s+)?"
                     r"(?:(?:that\s+)?(?:they|it)\s+(?:are|is|were|was|would be)\s+)?"
                     r"(?:likely|ready|willing|expected|prepared)\s+to\s+(?:contribute|join|take part|participate)")
_INVITED = re.compile(rf"(?P<list>{_LIST}),?\s+(?:(?:has|have|had)\s+been\s+|(?:was|were|is|are)\s+(?:also\s+)?)"
                      r"invited\s+(?:to\s+(?:attend|join|take part)|"
                      rf"to\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{_MEETINGS}\b)")
_LIKELY_CUE = re.compile(r"\b(?:likely|possibly|expected to (?:join|take part)|sign up|interest in (?:being part|joining))\b")
_COMMON_EFFORT = re.compile(_EFFORTS, re.I)
# A sentence that goes on about an effort named before: "The group is jointly led by A and B".
_EFFORT_ANAPHOR = re.compile(r"\s*(?:(?:The|This|That) (?:group|grouping|bloc|format|club)|It)\b")
_INVOLVEMENT = re.compile(rf"{_EFFORTS}|involved|include", re.I)
# A meeting is being reported: its attendees are participants.
_MEETING = re.compile(rf"\b(?:{_MEETINGS}|attendees|delegations|participants)\b", re.I)
# Words that say who was at it: on their own (attended, took part), or with a meeting named (included).
_ATTENDED = re.compile(
    r"\b(?:attend|attends|attended|attending|took part|taking part|participated|were present|was present|"
    r"those present|[Pp]resent (?:are|were)|on the call|"
    rf"(?:join|joins|joined|joining) (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,3}}?{_MEETINGS}|"
    rf"(?:take|takes) part in (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,3}}?{_MEETINGS}|"
    rf"participat(?:e|es|ing) in (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,3}}?{_MEETINGS}|"
    r"(?:joined|joining|took part|attended|participated) (?:by video(?:[- ]?link)?|via video(?:[- ]?link)?|by phone|"
    r"by videoconference|virtually|remotely|online)|"
    r"brought together|gathered|convened|met in|met at|dial(?:l)?ed in(?:to)?|"
    r"sent (?:leaders|ministers|delegations))\b")
# Case matters for the titles: "the Defense Ministers of the E5 group" names an office, not those present.
_ATTEND_LIST = re.compile(r"\b(?:[Ii]ncluded|[Ii]ncluding|include|includes|[Aa]mong|[Aa]long with|[Aa]longside|"
                          r"[Aa]s well as|[Pp]lus|"
                          r"(?:leaders|ministers|officers|chiefs|representatives|delegations|officials) (?:of|from)|"
                          r"\A\s*(?:Leaders|Ministers|Officers|Chiefs|Representatives|Delegations|Officials) "
                          r"(?:of|from)|"
                          rf"joined \w+ at|were also at|at the (?:\w+ )?(?:{_MEETINGS})|delegations from)\b")
# A clause that keeps its countries out: "the United States was not invited", "ruled out sending".
_NEGATED = re.compile(r"\b(?:not|never|ruled out|rule out|refused|declined|against|without|rather than|except)\b|n[’']t\b")
_CLAUSE_BREAK = re.compile(r"[;,]\s+(?:while|but|whereas|although|as(?!\s+well))\b|;|\.\s|\bwhile\b|\bbut\b")
_OPENS_ASIDE = re.compile(r"(?:[;,]\s+(?:while|but|whereas|although|as(?!\s+well))|\bwhile|\bbut)$")
# A place used as a modifier names a topic, not a participant: "US-brokered", "the Gaza war".
_MODIFIER = re.compile(r"-\w|\s+(?:war|conflict|crisis|peace|ceasefire|truce|deal|border|front|question|policy)\b")
# An organisation before a group of its members, or its own body, is not there itself: "30 EU
# and NATO countries", "EU leaders", "the EU parliament", "EU funds".
_ITS_MEMBERS = re.compile(rf"(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:non-)?(?:{PLACE_NAMES_PATTERN}))*\s+(?:countries|nations|"
                          r"states|member states|members|leaders|capitals|allies|governments|partners|parliament|"
                          r"parliamentary|funds|money|budget)\b")
# A country's friends are not the country: "Serbia's allies met".
_ITS_FRIENDS = re.compile(r"[’']s\s+(?:allies|partners|backers|supporters|friends|neighbours|neighbors)\b")
# Words before a place that make it the venue ("talks in Saudi Arabia", "leaving for India"),
# the topic ("support for Moldova", "pressure on Russia") or the other side of a fight or a
# ceasefire ("a ceasefire with Russia", "peace between Armenia and Azerbaijan"), not a participant.
_NOT_PRESENT_BEFORE = re.compile(
    r"(?:\b(?:in|to|for|into|across|on|about|over|against|regarding|help|helping|helped|support|supporting|"
    r"supported|defend|defending|protect|protecting|reassure|reassuring)\s+(?:the\s+)?"
    r"|\b(?:in|at)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+,\s+"
    r"|\b(?:ceasefire|cease-fire|truce|armistice|peace|war|conflict|fighting|hostilities|invasion|aggression)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:with|between|against|by|of)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}?"
    r"(?:and\s+(?:the\s+)?)?)$")
# Those said to be expected somewhere are expected at a meeting: "Leaders from A and B are expected in London".
_EXPECTED = re.compile(r"\b(?:are|were|is|was|will be)\s+(?:also\s+)?(?:expected|due)\s+(?:in|at)\b")
_LIST_INTRO = re.compile(r"^(?:They|These|Those) (?:were|are|included)\b")

# Who hosts, chairs, arranges or convenes a meeting leads it; a country or city that hosts it
# is only its venue.
_CONVENED_BY = re.compile(r"\b(?P<verb>(?i:hosted|co-hosted|chaired|co-chaired|convened|arranged|organi[sz]ed))\s+by\s+"
                          r"(?P<phrase>[^,;:.()—–]+?)"
                          r"(?=\s*[,;:.()—–]|\s+(?:to|on|at|in|and\s+(?:was|were|is|has|had))\b|$)")
_CONVENING_VERB = re.compile(r"^(?:host|hosts|hosted|hosting|chair|chairs|chaired|chairing|convene|convenes|convened|"
                             r"convening|arrange|arranges|arranged|arranging|organi[sz]e|organi[sz]es|organi[sz]ed|"
                             r"organi[sz]ing|hold|holds|held|holding|lead|leads|led|leading)$", re.I)
_GUESTS = {"leaders", "delegations", "ministers", "counterparts", "chiefs", "representatives", "officials", "heads",
           "envoys", "allies", "partners"}
_DRIVING_VERB = re.compile(r"^(?:drive|drives|drove|driven|driving|steer|steers|steered|steering|spearhead|"
                           r"spearheads|spearheaded|spearheading|lead|leads|led|leading)$", re.I)
_SPEECH = frozenset({"say", "tell", "speak", "add", "write", "announce", "insist", "warn", "stress", "note", "address"})
_TELL = frozenset({"tell"})
_HOST = frozenset({"host"})
_HOLD = frozenset({"hold"})
_HOST_OR_HOLD = _HOST | _HOLD
_HAVE = frozenset({"have"})
_ARRIVED = re.compile(r"\b(?:arrived|arrives|arriving|travel(?:l)?ed|travel(?:l)?ing|flew|flown|came)\b"
                      r"(?:\s+(?:in|here|there|late|early|separately|directly))?"
                      rf"\s+(?:from\s+(?:the\s+)?(?P<list>{_LIST})|(?:\w+\s+){{0,3}}?(?:for|at|to\s+attend|to\s+join)"
                      rf"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{_MEETINGS}\b)")

# A disaster strikes a country: "the earthquake in Myanmar", "the Myanmar quake", "flood-hit X".
# In lower case: "Storm Shadow" is a missile, and a headline's capitals are repeated in its text.
_DISASTER = rf"(?:{involvement.DISASTER_PATTERN})"
_STRUCK = [
    re.compile(rf"\b{_DISASTER}\b(?:[\s-]+(?i:damage|survivors|victims|zone|relief|response|recovery|aftermath))?\s+"
               r"(?:in|across|struck|hit|hits|strikes|ravaged|devastated|jolted|rocked|shook|"
               r"(?:that|which)\s+(?:struck|hit|ravaged|devastated|jolted|rocked|shook))\s+"
               r"(?:the\s+)?(?:(?:central|northern|southern|eastern|western|north-western|south-western|"
               rf"north-eastern|south-eastern|coastal|rural)\s+)?(?P<list>{_LIST})"),
    re.compile(rf"\b(?P<list>{_LIST})(?:[’']s)?\s+{_DISASTER}\b"),
    re.compile(rf"\b{_DISASTER}[-\s](?:hit|struck|stricken|ravaged|affected|battered|devastated)\s+"
               rf"(?P<list>{_LIST})"),
    # "The earthquake on 28 March flattened buildings across Myanmar"
    re.compile(rf"\b{_DISASTER}\b(?:\s+[^\s,;.]+){{1,8}}?\s+(?:across|throughout)\s+(?:the\s+)?(?P<list>{_LIST})"),
    # "The quake, which was also felt in neighbouring Thailand", "the quake killed 20 people in Bangkok"
    # (counts may have commas: "killed 2,056 people in war-torn Myanmar")
    re.compile(rf"\b{_DISASTER}\b(?:[\s,]+[^\s,;.]+){{0,6}}?\s+(?:shook|felt|struck|hit|damaged|destroyed|flattened|"
               r"toppled|killed|injured|collapsed|rocked|jolted)\b(?:\s+(?:\d[\d,.]*\d|[^\s,;.]+)){0,5}?\s+in\s+(?:the\s+)?"
               r"(?:neighbouring\s+|neighboring\s+)?(?:[a-z]+-[a-z]+\s+)?"
               rf"(?:(?P<list>{_LIST})|(?P<city>{_CITY})\b)"),
]
# "a political storm in France", "a diplomatic earthquake": words of news about other things.
_FIGURATIVE = re.compile(rf"\b(?:political|diplomatic|electoral|media|financial|market|economic)\s+{_DISASTER}\b")
_YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d\s+$")
_YEAR_AFTER = re.compile(r"\s+(?:of|in)\s+(?:1[89]|20)\d\d\b")
_HELP = {word.lower() for word in involvement.HELP_WORDS}
# Verbs of sending help or calling for it; "make a call for help" through the noun.
_RESPONDING = frozenset(involvement.HELP_VERBS)
_MAKING = frozenset({"make", "issue", "renew"})
_APPEAL_NOUNS = {"call", "calls", "appeal", "appeals", "plea", "pleas"}

# A court named by its country or city tries the case: "a French appeals court", "the Paris
# Court of Appeal", "a court in Paris".
_COURT = re.compile(rf"\b(?:(?P<adjective>{_ADJECTIVE})|(?P<city>{_CITY}))\s+(?:[\w-]+\s+){{0,2}}?[Cc]ourt\b"
                    # lower case: "the International Court of Justice in The Hague" is not the Netherlands' court
                    rf"|\bcourts?\s+(?:[\w-]+\s+){{0,3}}?in\s+(?:the\s+)?(?:(?P<place>{PLACE_NAMES_PATTERN})"
                    rf"|(?P<city_in>{_CITY}))\b")
_COURT_CASE = re.compile(rf"\b(?i:{involvement.COURT_CASE_PATTERN})\b")
_ACCUSED = re.compile(rf"(?P<list>{_LIST})[^.;]{{0,60}}?\b(?:(?:was|were|is|are|had been|has been|have been)\s+)?"
                      r"(?:accused|convicted|found guilty|charged|prosecuted|put on trial|(?:illegally|fraudulently|"
                      r"unlawfully|improperly)\s+[a-z]+ed)\b")
# What a wrong took from whom: "embezzling funds from the European parliament".
_WRONGED = re.compile(rf"\b(?i:{involvement.WRONG_PATTERN})\b(?:\s+[^\s,;.]+){{0,8}}?\s+(?:from|at|of)\s+"
                      rf"(?P<list>{_LIST})")

# The parties to a trade dispute: who imposes a measure and whom it targets.
_TRADE = rf"(?i:{involvement.TRADE_PATTERN})"
_TRADE_TARGET = re.compile(
    rf"\b{_TRADE}\b(?:\s+(?:of\s+)?(?:up\s+to\s+|as\s+much\s+as\s+)?[\d.,]+\s*(?:%|percent|per\s+cent))?"
    r"\s+(?:on|against|for)\s+(?:all\s+)?(?:(?:imports|goods|products|exports|shipments)\s+(?:of|from)\s+)?"
    r"(?:all\s+)?"
    rf"(?:the\s+)?(?:(?P<list>{_LIST})|(?P<adjective>{_ADJECTIVE})\b)")
# The last word of each measure, with the words that must come before it ("export controls").
_TRADE_HEADS: dict[str, set[str | None]] = {}
for _measure in involvement.TRADE_MEASURES:
    _TRADE_HEADS.setdefault(_measure.split()[-1].lower(), set()).add(
        _measure.split()[0].lower() if " " in _measure else None)
_IMPOSING = frozenset({"impose", "raise", "increase", "hike", "slap", "levy", "announce", "retaliate", "lift", "cut",
                       "lower", "reduce", "pause", "suspend", "launch", "escalate", "introduce", "threaten", "unveil",
                       "respond", "extend"})


@dataclass
class _Passage:
    """The part of a sentence outside the quotation it may open with: `text` starts at `offset`."""
    sentence: Span
    offset: int
    text: str
    quote: str
    tokens: list = field(default_factory=list)


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
    # A story about a disaster names it more than once, and not as a figure of speech.
    disaster_story = len(re.findall(rf"\b{_DISASTER}\b", context.text)) - len(_FIGURATIVE.findall(context.text)) >= 2
    previous_attending = False
    for sentence in context.sentences:
        passage = _passage(context, sentence)
        if passage is None:
            # Direct speech may still say who is at a meeting ("There will be representatives
            # of Europe ... These are Britain, France ..."), though not who leads or joins what.
            spoken = _spoken(context, sentence)
            previous_attending = spoken is not None and _attendance(context, spoken, previous_attending, found)
            continue
        for place_id, status in _statuses(context, passage, disaster_story):
            found.add(place_id, status, passage.quote)
        previous_attending = _attendance(context, passage, previous_attending, found)
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


def _passage(context: ArticleDoc, sentence: Span) -> _Passage | None:
    """The sentence without the quotation it opens with ("“...,” said X after the meeting"
    keeps "said X after the meeting"); None for a question or a sentence all in quotes."""
    quote = context.quote_of(sentence)
    if quote.endswith("?") or is_caption(quote):
        return None     # a question, or a caption or link line ("READ MORE: ...")
    start = context.text.index(quote, sentence.start_char)     # after a metadata header
    if context.in_quote(start + 1):
        inner_end = next((end for begin, end in context.quoted if begin <= start + 1 < end), None)
        if inner_end is None or inner_end + 1 >= sentence.end_char:
            return None
        start = inner_end + 1
    text = context.text[start:sentence.end_char]
    if len(text.split()) < 3:
        return None
    tokens = [t for t in sentence if t.idx >= start and not context.in_quote(t.idx)]
    return _Passage(sentence=sentence, offset=start, text=text, quote=quote, tokens=tokens)


def _spoken(context: ArticleDoc, sentence: Span) -> _Passage | None:
    """A sentence of direct speech as a passage, with the quotation mark it may open with
    dropped from its start."""
    quote = context.quote_of(sentence)
    if quote.endswith("?") or is_caption(quote):
        return None
    start = context.text.index(quote, sentence.start_char)
    start += 1 if context.text[start] in "“\"" else 0
    return _Passage(sentence=sentence, offset=start, text=context.text[start:sentence.end_char], quote=quote,
                    tokens=[t for t in sentence if t.idx >= start])


def _statuses(context: ArticleDoc, passage: _Passage, disaster_story: bool):
    """(place id, status) pairs from every rule but attendance."""
    chunk = passage.text
    if _COMMON_EFFORT.search(chunk) or (_EFFORT_ANAPHOR.match(chunk)
                                        and _COMMON_EFFORT.search(context.text, 0, passage.offset)):
        for pattern in _LEAD:
            for place_id in _listed(pattern, chunk):
                yield place_id, "lead"
        for place_id in _listed(_PARTNERS, chunk):
            yield place_id, "member"
    for place_id in _listed(_MEMBER, chunk):
        yield place_id, "member"
    for place_id in _listed(_MEMBER_OF, chunk):
        yield place_id, "member"
    for place_id in _members_included(context, passage):
        yield place_id, "member"
    for place_id in _listed(_LIKELY, chunk):
        yield place_id, "likely"
    for place_id in _listed(_INVITED, chunk, negation=True):
        yield place_id, "likely"
    if _LIKELY_CUE.search(chunk) and _INVOLVEMENT.search(chunk):
        for place_id in _places_outside_negation(_clauses(chunk)):
            yield place_id, "likely"
    if _MEETING.search(chunk) or _COMMON_EFFORT.search(chunk):
        for place_id in _convenors(context, passage):
            yield place_id, "lead"
    for place_id in _drivers(context, passage):
        yield place_id, "lead"
    for place_id in _struck(chunk):
        yield place_id, "member"
    if disaster_story:
        for place_id in _responders(context, passage):
            yield place_id, "member"
    if _COURT_CASE.search(chunk):
        for place_id in _courts(chunk):
            yield place_id, "lead"
        for place_id in _wronged(chunk):
            yield place_id, "member"
        for place_id in _accused(chunk):
            yield place_id, "member"
    for place_id in _trade_parties(context, passage):
        yield place_id, "member"


def _members_included(context: ArticleDoc, passage: _Passage) -> list[str]:
    """Places and people's countries in the list an effort's membership is said to include,
    up to the end of its clause."""
    ids: list[str] = []
    for match in _MEMBERS_INCLUDING.finditer(passage.text):
        end = _LIST_END.search(passage.text, match.end())
        stop = end.start() if end else len(passage.text)
        ids += _present_in(context, passage.offset + match.end(), passage.offset + stop)
    return list(dict.fromkeys(ids))


# Where a list of those included ends: the clause's verb after a comma, or its end.
_LIST_END = re.compile(r",\s+(?!and\b)(?:[a-z]+ed|have|has|had|are|were|will|would|is|was)\b|[;.:]\s|[—–]")


def _attendance(context: ArticleDoc, passage: _Passage, previous_attending: bool, found: _Found) -> bool:
    """Adds those the passage has at a meeting; says whether it reports attendance, so that
    a following "They were ..." lists attendees too."""
    chunk, quote = passage.text, passage.quote
    attending = _attends(chunk)
    venues = set(_venues(context, passage))
    if attending or (previous_attending and _LIST_INTRO.match(quote)):
        # "..., as U.S. and Iranian officials held talks in Oman": a clause that
        # opens with a conjunction and says nothing of attending is about something else.
        clauses = [(start, clause) for start, clause in _clauses(chunk)
                   if not (_OPENS_ASIDE.search(chunk, 0, start) and not _attends(clause)
                           and not clause.lstrip().startswith("also "))]     # "..., but also Japan"
        for place_id in _places_outside_negation(clauses):
            if place_id not in venues:
                found.add(place_id, "attended", quote)
        for mention in context.mentions_in(passage.offset, passage.sentence.end_char):
            person = context.people.get(mention.person)
            clause = _clause_holding(clauses, mention.start - passage.offset)
            if person is not None and mention.strong and clause is not None and not _NEGATED.search(clause):
                found.add(person_actor(person), "attended", quote)
    for place_id in _speakers_at_meetings(context, passage):
        found.add(place_id, "attended", quote)
    if previous_attending or _MEETING.search(chunk):
        for place_id in _arrivals(context, passage):
            found.add(place_id, "attended", quote)
    return attending


def _attends(text: str) -> bool:
    occasion = _MEETING.search(text) or _EXPECTED.search(text)
    return bool(_ATTENDED.search(text) or (occasion and _ATTEND_LIST.search(text)))


def _clause_holding(clauses: list[tuple[int, str]], offset: int) -> str | None:
    return next((clause for start, clause in clauses if start <= offset < start + len(clause)), None)


def _listed(pattern: re.Pattern, chunk: str, negation: bool = False) -> list[str]:
    ids = []
    for match in pattern.finditer(chunk):
        if negation and _NEGATED.search(_clause_at(_clauses(chunk), match.start())):
            continue
        ids += [place_id for place_id in places_in(match.group("list")) if place_id not in ids]
    return ids


def _clauses(chunk: str) -> list[tuple[int, str]]:
    """The sentence split at ";", "while", "but": (offset, clause) pairs."""
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(chunk)] + [len(chunk)]
    return [(start, chunk[start:end]) for start, end in zip(starts, starts[1:]) if end > start]


def _clause_at(clauses: list[tuple[int, str]], offset: int) -> str:
    return next((clause for start, clause in reversed(clauses) if start <= offset), "")


def _places_outside_negation(clauses: list[tuple[int, str]]) -> list[str]:
    """Places named in the sentence's clauses as present, except in a clause that negates them."""
    found: list[str] = []
    for _, clause in clauses:
        if _NEGATED.search(clause):
            continue
        for match in PLACE_NAME.finditer(clause):
            place = gazetteer.place_by_name(match.group(0))
            if place and place.id not in found and _present(clause, match, place):
                found.append(place.id)
    return found


def _present(text: str, match: re.Match, place: gazetteer.Place) -> bool:
    """Whether a place named in a list of those present is one of them, not their venue, their
    topic, a modifier ("US-brokered") or a group of its members ("EU leaders")."""
    if _NOT_PRESENT_BEFORE.search(text[:match.start()]):
        return False
    if _MODIFIER.match(text, match.end()) or _ITS_FRIENDS.match(text, match.end()):
        return False
    return not (place.kind == "organisation" and _ITS_MEMBERS.match(text, match.end()))


def _people_countries(context: ArticleDoc, start: int, end: int) -> list[str]:
    """The countries of the people a stretch names (`countries_of_people_in`), and
    "person:<id>" for each person there whose country the article does not give."""
    ids = countries_of_people_in(context, start, end)
    for mention in context.mentions_in(start, end):
        person = context.people.get(mention.person)
        if mention.strong and person is not None and not person.country:
            ids.append(PERSON_PREFIX + person.id)
    return list(dict.fromkeys(ids))


def _present_in(context: ArticleDoc, start: int, end: int) -> list[str]:
    """Places and people's countries a phrase of the article names as actors."""
    text = context.text[start:end]
    ids = _people_countries(context, start, end)
    for match in PLACE_NAME.finditer(text):
        place = gazetteer.place_by_name(match.group(0))
        if place and place.id not in ids and _present(text, match, place):
            ids.append(place.id)
    return ids


def _subject_ids(context: ArticleDoc, verb: Token) -> tuple[list[str], list[str]]:
    """The people's countries and the places a verb's subject names: (people, places)."""
    subject = subject_of(verb)
    if subject is None or context.in_quote(subject.idx) != context.in_quote(verb.idx):
        return [], []
    if subject.lower_ in ("he", "she"):
        mention = context.antecedent(subject.idx)
        person = context.people.get(mention.person) if mention else None
        return ([person_actor(person)] if person is not None else []), []
    sentence = verb.sent
    start, end = phrase_span(subject, after=context.text.index(context.quote_of(sentence), sentence.start_char))
    people = _people_countries(context, start, end)
    text = context.text[start:end]
    places = [place.id for match in PLACE_NAME.finditer(text)
              if (place := gazetteer.place_by_name(match.group(0))) and _present(text, match, place)]
    return people, [p for p in places if p not in people]


def _convenors(context: ArticleDoc, passage: _Passage) -> list[str]:
    """Countries of the people who host, chair, arrange or convene the meeting the passage is
    about, and places that chair or convene it; a country that only hosts it is its venue."""
    ids: list[str] = []
    for match in _CONVENED_BY.finditer(passage.text):
        start, end = passage.offset + match.start("phrase"), passage.offset + match.end("phrase")
        ids += _people_countries(context, start, end)
        if "host" not in match.group("verb"):
            ids += places_in(match.group("phrase"))
    for verb in passage.tokens:
        if verb.pos_ not in ("VERB", "AUX") or not _CONVENING_VERB.match(verb.text) or not _convenes(verb):
            continue
        people, places = _subject_ids(context, verb)
        ids += people
        if not base_in(verb, _HOST_OR_HOLD):
            ids += places
    return list(dict.fromkeys(ids))


def _is_meeting(token: Token) -> bool:
    """A noun for a meeting of the parties; a press conference is where one of them speaks."""
    return token.lower_ in _MEETING_FORMS and not any(c.lower_ in ("press", "news") for c in token.children)


def _convenes(verb: Token) -> bool:
    """Whether the verb's object (after it) is a meeting or its guests ("hosted 18 leaders"),
    and not bilateral ("held talks with"): a meeting held with someone is not convened for others."""
    return any(_convened(verb, thing) for thing in verb.children if thing.dep_ == "dobj" and thing.i > verb.i)


def _convened(verb: Token, thing: Token) -> bool:
    # The meeting may be named after its object's head: "a Contact Group meeting".
    named = [t for t in thing.subtree if abs(t.i - thing.i) <= 5]
    if base_in(verb, _HOLD):
        # Two sides hold talks or a meeting together; whoever holds the meeting of a group
        # ("a Contact Group meeting", "a meeting of defence ministers") convenes it.
        if thing.lower_ == "talks" or any(c.dep_ == "prep" and c.lower_ == "with"
                                          for c in [*verb.children, *thing.children]):
            return False
        return any(_is_meeting(t) for t in named) \
            and any(t.lower_ in _EFFORT_NOUNS or t.lower_ in _GUESTS for t in named)
    return any(_is_meeting(t) for t in named) or thing.lower_ in _GUESTS


def _venues(context: ArticleDoc, passage: _Passage) -> list[str]:
    """Places the passage says host its meeting ("hosted by Switzerland", "Saudi Arabia hosted
    the talks"): its venue, not those present."""
    ids: list[str] = []
    for match in _CONVENED_BY.finditer(passage.text):
        if "host" in match.group("verb"):
            ids += places_in(match.group("phrase"))
    for verb in passage.tokens:
        if verb.pos_ == "VERB" and base_in(verb, _HOST):
            ids += _subject_ids(context, verb)[1]
    return ids


def _drivers(context: ArticleDoc, passage: _Passage) -> list[str]:
    """Who drives, steers or leads a joint effort, and those they do it with: "Macron, who has
    been driving the effort with U.K. Prime Minister Keir Starmer"."""
    ids: list[str] = []
    for verb in passage.tokens:
        if verb.pos_ != "VERB" or not _DRIVING_VERB.match(verb.text) or not _ongoing(verb):
            continue
        effort = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _EFFORT_NOUNS), None)
        if effort is None:
            continue
        people, places = _subject_ids(context, verb)
        ids += people + places
        for preposition in [*verb.children, *effort.children]:
            if preposition.dep_ == "prep" and preposition.lower_ == "with":
                for partner in preposition.children:
                    if partner.dep_ == "pobj":
                        start, end = phrase_span(partner)
                        ids += _present_in(context, start, end)
    return list(dict.fromkeys(ids))


def _ongoing(verb: Token) -> bool:
    """Present, progressive or perfect ("leads", "is leading", "has been driving"), not a simple
    past that may tell of an earlier effort ("the US led an alliance in 1991")."""
    if verb.tag_ in ("VB", "VBZ", "VBP", "VBG"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and base_in(c, _HAVE) for c in verb.children)


def _speakers_at_meetings(context: ArticleDoc, passage: _Passage) -> list[str]:
    """The countries of people who spoke "after the meeting", "at the conference", "during the
    call", or "told the call": those who speak at a meeting were at it."""
    ids: list[str] = []
    for token in passage.tokens:
        verb = None
        if token.dep_ == "prep" and token.lower_ in ("after", "at", "during", "following") \
                and any(c.dep_ == "pobj" and _is_meeting(c) for c in token.children):
            verb = token.head
        elif token.dep_ == "dobj" and _is_meeting(token) and base_in(token.head, _TELL):
            verb = token.head
        if verb is None or not base_in(verb, _SPEECH):
            continue
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":    # "Speaking after the meeting, X said"
            verb = verb.head
        people, places = _subject_ids(context, verb)
        ids += people + places
    return list(dict.fromkeys(ids))


def _arrivals(context: ArticleDoc, passage: _Passage) -> list[str]:
    """Who arrived or travelled for the meeting, and the country they came from."""
    ids: list[str] = []
    for match in _ARRIVED.finditer(passage.text):
        if match.group("list"):
            ids += places_in(match.group("list"))
        token = next((t for t in passage.tokens if t.idx == passage.offset + match.start()), None)
        if token is not None:
            ids += _subject_ids(context, token)[0]
    return list(dict.fromkeys(ids))


def _struck(chunk: str) -> list[str]:
    """Countries a disaster strikes, unless it is a past one ("the 2015 earthquake in Nepal")."""
    ids: list[str] = []
    for pattern in _STRUCK:
        for match in pattern.finditer(chunk):
            if _YEAR_BEFORE.search(chunk, 0, match.start()) or _YEAR_AFTER.match(chunk, match.end()) \
                    or _FIGURATIVE.search(chunk, max(0, match.start() - 20), match.end()) \
                    or _NEGATED.search(_clause_at(_clauses(chunk), match.start())):
                continue
            if match.group("list"):
                struck = places_in(match.group("list"))
            else:
                struck = [gazetteer.country_of_city(match.group("city"))]
            ids += [place_id for place_id in struck if place_id and place_id not in ids]
    return ids


def _responders(context: ArticleDoc, passage: _Passage) -> list[str]:
    """Who sends help after a disaster or calls for it, and the country it goes to: "Croatia
    and Austria sent rescue boats", "United Nations officials ... urged the global community
    to ramp up aid", "China sent rescue teams to Myanmar"."""
    ids: list[str] = []
    for token in passage.tokens:
        if token.lower_ not in _HELP:
            continue
        node, through_appeal = token, False
        for _ in range(8):
            through_appeal = through_appeal or node.lower_ in _APPEAL_NOUNS
            appealing = through_appeal or any(c.dep_ == "dobj" and c.lower_ in _APPEAL_NOUNS for c in node.children)
            if node.pos_ == "VERB" and (base_in(node, _RESPONDING) or appealing and base_in(node, _MAKING)):
                if not _NEGATED.search(_clause_at(_clauses(passage.text), node.idx - passage.offset)):
                    people, places = _subject_ids(context, node)
                    ids += people + places
                    for preposition in [*node.children, *token.children]:
                        if preposition.dep_ == "prep" and preposition.lower_ in ("to", "for"):
                            for recipient in preposition.children:
                                if recipient.dep_ == "pobj":
                                    ids += places_in(context.text[slice(*phrase_span(recipient))])
                break
            if node.head is node:
                break
            node = node.head
    return list(dict.fromkeys(ids))


def _accused(chunk: str) -> list[str]:
    """Organisations a case is brought against: "her party, the National Rally, illegally used
    ...", "officials from the National Front were accused of ...". A country named so is
    usually the setting, not the defendant, and is left out."""
    return [place_id for place_id in _listed(_ACCUSED, chunk, negation=True)
            if gazetteer.place(place_id).kind == "organisation"]


def _wronged(chunk: str) -> list[str]:
    """The bodies a wrong was done to: "embezzling funds from the European parliament"; "the
    misuse of EU funds" names money, not a party to the case."""
    ids: list[str] = []
    for match in _WRONGED.finditer(chunk):
        if _NEGATED.search(_clause_at(_clauses(chunk), match.start())) or _ITS_MEMBERS.match(chunk, match.end()):
            continue
        ids += [place_id for place_id in places_in(match.group("list")) if place_id not in ids]
    return ids


def _courts(chunk: str) -> list[str]:
    ids: list[str] = []
    for match in _COURT.finditer(chunk):
        if match.group("adjective"):
            place = gazetteer.place_by_adjective(match.group("adjective"))
            place_id = place.id if place else None
        elif match.group("place"):
            place = gazetteer.place_by_name(match.group("place"))
            place_id = place.id if place else None
        else:
            place_id = gazetteer.country_of_city(match.group("city") or match.group("city_in"))
        if place_id and place_id not in ids:
            ids.append(place_id)
    return ids


def _trade_parties(context: ArticleDoc, passage: _Passage) -> list[str]:
    """The countries a passage has imposing a trade measure ("China's tariffs", "the U.S.
    “reciprocal” tariff", "the US-China trade war", "China will impose ...") or targeted by
    one ("a 34% tariff on imports of all U.S. products", "tariffs for China")."""
    chunk = passage.text
    if not re.search(rf"\b{_TRADE}\b", chunk):
        return []
    clauses = _clauses(chunk)
    ids: list[str] = []
    for match in _TRADE_TARGET.finditer(chunk):
        if _NEGATED.search(_clause_at(clauses, match.start())):
            continue
        if match.group("list"):
            ids += places_in(match.group("list"))
        else:
            place = gazetteer.place_by_adjective(match.group("adjective"))
            ids += [place.id] if place else []
    for measure in passage.tokens:
        if not _is_trade_measure(measure) or _NEGATED.search(_clause_at(clauses, measure.idx - passage.offset)):
            continue
        modifiers = [c for c in measure.children
                     if c.i < measure.i and c.dep_ in ("compound", "poss", "amod", "nmod")]
        if modifiers:
            start = min(c.left_edge.idx for c in modifiers)
            ids += places_in(context.text[start:measure.idx], adjectives=True)
    for verb in passage.tokens:
        if verb.pos_ != "VERB" or not base_in(verb, _IMPOSING):
            continue
        if not any(_is_trade_measure(t) for t in verb.subtree if t.dep_ not in ("nsubj", "nsubjpass")):
            continue
        if _NEGATED.search(_clause_at(clauses, verb.idx - passage.offset)):
            continue
        people, places = _subject_ids(context, verb)
        subject = subject_of(verb)
        city = gazetteer.country_of_city(subject.text) if subject is not None else None   # "Beijing raised ..."
        ids += people + places + ([city] if city else [])
    return list(dict.fromkeys(ids))


def _is_trade_measure(token: Token) -> bool:
    if token.lower_ not in _TRADE_HEADS:
        return False
    firsts = _TRADE_HEADS[token.lower_]
    return None in firsts or token.i > 0 and token.doc[token.i - 1].lower_ in firsts
