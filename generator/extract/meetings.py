"""Participants of meetings: who convenes or chairs one (a lead; a country that only hosts it
is its venue), and who attends it: leaders listed at it, delegations, those joined by video,
speakers after it, arrivals.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract import involvement
from generator.extract.actors import LIST_SEPARATOR, nationalities_in, person_actor, places_in
from generator.extract.clauses import heads
from generator.extract.document import ArticleDoc
from generator.extract.inflection import base_in
from generator.model import gazetteer
from generator.extract.occasions import EFFORT_NOUNS, MEETING, MEETINGS, meeting_before
from generator.extract.passages import NEGATED, OPENS_ASIDE, Passage, clause_holding, clauses_of
from generator.extract.presence import LIST, people_countries, places_outside_negation, subject_ids
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Token

_MEETING_FORMS = {form for noun in involvement.MEETING_NOUNS for form in (noun, noun + "s")} \
    | set(involvement.SITTING_NOUNS)
# Words that say who was at it: on their own (attended, took part), or with a meeting named (included).
_ATTENDED = compiled(
    r"\b(?:attend|attends|attended|attending|took part|taking part|participated|(?:were|was) (?:also )?present|"
    # "The event featured leaders from Serbia, France, ...".
    r"(?:featured|featuring|drew) (?:[\w-]+ ){0,2}?(?:leaders|representatives|delegations|ministers|officials|heads) (?:of|from)|"
    r"those present|[Pp]resent (?:are|were)|on the call|[Ii]n attendance|"
    rf"(?:join|joins|joined|joining) (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,3}}?{MEETINGS}|"
    rf"(?:take|takes) part in (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,3}}?{MEETINGS}|"
    rf"participat(?:e|es|ing) in (?:the |a |an |this |that )?(?:[\w'’-]+ ){{0,3}}?{MEETINGS}|"
    r"(?:joined|[Jj]oining|took part|[Tt]aking part|attended|attending|participated|[Pp]articipating) [\"“]?"
    r"(?:by video(?:[- ]?link)?|via video(?:[- ]?link)?|by phone|"
    r"by videoconference|virtually|remotely|online|from)|"
    r"brought together|gathered|convened|met in|met at|met with|dial(?:l)?ed in(?:to)?|"
    # "The prime minister met Zelenskyy alongside Macron, Merz and Tusk in Kyiv": all of them met.
    r"met (?:[\w.'’-]+ ){1,6}?(?:alongside|together with|along with)|"
    # "will meet virtually Sunday", "met online"; "Zelensky joined Starmer and leaders from
    # Denmark ... in London".
    r"(?:meet|meets|met|meeting) (?:virtually|online|remotely|by video(?:[- ]?link)?|in person)|"
    r"(?:joined|joins|joining) (?:[\w.'’-]+ ){1,8}?(?:leaders|ministers|officials|counterparts|delegations) "
    r"(?:of|from)|"
    # Who briefs or addresses those taking part is there: "expected to brief participants".
    r"(?:brief|briefs|briefed|briefing|address|addresses|addressed|addressing) (?:the )?(?:participants|attendees|delegates)|"
    r"sent (?:their |its )?(?:[\w-]+ )?(?:leaders|ministers|delegations|envoys|representatives))\b")
# Case matters for the titles: "the Defense Ministers of the E5 group" names an office, not those present.
_ATTEND_LIST = re.compile(r"\b(?:[Ii]ncluded|[Ii]ncluding|include|includes|[Aa]mong|[Aa]long with|[Aa]longside|"
                          r"[Aa]s well as|[Pp]lus|"
                          r"(?:leaders|ministers|officers|chiefs|representatives|delegations|officials) (?:of|from)|"
                          r"\A\s*(?:Leaders|Ministers|Officers|Chiefs|Representatives|Delegations|Officials) "
                          r"(?:of|from)|"
                          rf"joined \w+ at|were also at|at the (?:\w+ )?(?:{MEETINGS})|delegations from|on behalf of|"
                          r"(?:with|in) the presence of)\b")
# Words that say who was at a meeting only when one is named in or just before the sentence:
# "Keir was joined by NATO Secretary General Mark Rutte, ...", "The statement was also signed
# by the leaders of Denmark, Finland ...".
_JOINED_REACH = 1500
_AT_A_MEETING_NAMED = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:also\s+)?(?:joined|represented)\s+by\b")
# The leaders who sign a joint text were at the meeting that issued it: "The statement was also
# signed by the leaders of Denmark, Finland, ...".
_SIGNED_BY = re.compile(r"\b(?:statement|declaration|communiqu[eé]|letter|text)\s+(?:[\w'’-]+\s+){0,3}?"
                        r"(?:was|were|is|has been|had been)\s+(?:also\s+)?(?:co-?)?signed\s+by\b", re.I)
# Those a speaker addresses at the meeting just named: "Addressing representatives from Serbia,
# the EU Commission, NATO, Canada, ..., Vucic stressed ...".
_ADDRESSED = re.compile(r"\b(?:[Aa]ddress(?:ed|es|ing)|[Bb]rief(?:ed|s|ing)|[Ww]elcom(?:ed|es|ing))\s+(?:the\s+)?"
                        r"(?:leaders|representatives|delegations|ministers|officials|counterparts|heads)\s+(?:of|from)\b")
# A text the leaders of a meeting issue together: "In a joint statement issued on behalf of leaders
# from Germany, Denmark, ...", "a joint declaration by the leaders of ...".
_JOINT_TEXT = re.compile(r"\bjoint\s+(?:statement|declaration|communiqu[eé]|letter)\b", re.I)
# Those said to be expected somewhere are expected at a meeting: "Leaders from A and B are expected in London".
_EXPECTED = re.compile(r"\b(?:are|were|is|was|will be)\s+(?:also\s+)?(?:expected|due)\s+(?:in|at)\b")
_LIST_INTRO = re.compile(r"^(?:They|These|Those) (?:were|are|included)\b")

# Who hosts, chairs, arranges or convenes a meeting leads it; a country or city that hosts it
# is only its venue.
_CONVENED_BY = re.compile(r"\b(?P<verb>(?i:hosted|co-hosted|chaired|co-chaired|co-presided|presided(?:\s+over)?|"
                          r"convened|arranged|organi[sz]ed))\s+by\s+"
                          r"(?P<phrase>[^,;:.()—–]+?)"
                          r"(?=\s*[,;:.()—–]|\s+(?:to|on|at|in|and\s+(?:was|were|is|has|had))\b|$)")
# A meeting said to be headed or led by someone: "The meeting, headed by French President
# Emmanuel Macron and British Prime Minister Keir Starmer"; only after the meeting's own noun,
# since "a delegation led by" names who leads a delegation, not the meeting.
_MEETING_HEADED_BY = re.compile(rf"\b(?i:{MEETINGS})\b,?\s+(?:(?:which|that)\s+)?(?:(?:was|is|were|will be)\s+)?"
                                r"(?:jointly\s+)?(?P<verb>headed|led|co-led|presided over)\s+by\s+"
                                r"(?P<phrase>[^,;:.()—–]+?)(?=\s*[,;:.()—–]|\s+(?:to|on|at|in|with|and\s+(?:was|were|is|has|had))\b|$)")
_INVITED_BY = re.compile(r"\bat the invitation of\s+(?P<phrase>[^,;:.()—–]+?)(?=\s*[,;:.()—–]|\s+(?:to|on|at|in)\b|$)")
# Names after a convenor's, to the end of the list: ", British Prime Minister Keir Starmer, and
# ...", and titles set off before their names: "the French president, Emmanuel Macron, the
# German chancellor, Friedrich Merz, and ...".
_MORE_NAMES = re.compile(rf"(?:\s*,\s*(?:and\s+)?(?:{LIST}|the\s+[A-Z][\w-]*(?:\s+[a-z][\w-]*){{1,3}}))+"
                         r"(?=\s*(?:[,;:.()—–]|$))")
_CONVENING_VERB = re.compile(r"^(?:(?:co-?)?(?:host|hosts|hosted|hosting|chair|chairs|chaired|chairing)|"
                             r"convene|convenes|convened|"
                             r"convening|arrange|arranges|arranged|arranging|organi[sz]e|organi[sz]es|organi[sz]ed|"
                             r"organi[sz]ing|hold|holds|held|holding|lead|leads|led|leading|"
                             # "Macron opened the meeting", "welcomed leaders to the talks".
                             r"open|opens|opened|opening|welcome|welcomes|welcomed|welcoming)$", re.I)
_GUESTS = {"leaders", "delegations", "ministers", "counterparts", "chiefs", "representatives", "officials", "heads",
           "envoys", "allies", "partners"}
_SPEECH = frozenset({"say", "tell", "speak", "add", "write", "announce", "insist", "warn", "stress", "note", "address"})
_TELL = frozenset({"tell"})
_HOST = frozenset({"host"})
_HOLD = frozenset({"hold"})
_HOST_OR_HOLD = _HOST | _HOLD
_ARRIVED = compiled(r"\b(?:arrived|arrives|arriving|travel(?:l)?ed|travel(?:l)?ing|flew|flown|came)\b"
                    r"(?:\s+(?:in|here|there|late|early|separately|directly))?"
                    rf"\s+(?:from\s+(?:the\s+)?(?P<list>{LIST})|(?:\w+\s+){{0,3}}?(?:for|at|to\s+attend|to\s+join)"
                    rf"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{MEETINGS}\b)")


def attendees(context: ArticleDoc, passage: Passage, previous_attending: bool) -> tuple[bool, list[str]]:
    """Whether the passage reports attendance, so that a following "They were ..." lists
    attendees too, and those it has at a meeting."""
    chunk, quote = passage.text, passage.quote
    ids: list[str] = []
    # A meeting the passage names, or one named just before it.
    meeting_near = bool(MEETING.search(chunk)) or meeting_before(context.text, passage.offset)
    # "X was joined by ..." tells of the meeting the article reports, even a few paragraphs on.
    joined = _AT_A_MEETING_NAMED.search(chunk) and (meeting_near or meeting_before(
        context.text, passage.offset, reach=_JOINED_REACH))
    attending = _attends(chunk) or bool(_SIGNED_BY.search(chunk)) or bool(joined) or bool(
        meeting_near and _ADDRESSED.search(chunk))
    venues = set(_venues(context, passage))
    if attending or (previous_attending and _LIST_INTRO.match(quote)):
        # Those the attendees address or act against are not among them.
        aside = _addressed(context, passage)
        for start, end in aside:      # blanked, so that the clauses keep their offsets
            start, end = max(start, 0), min(end, len(chunk))
            chunk = chunk[:start] + " " * (end - start) + chunk[end:]
        # "..., as U.S. and Iranian officials held talks in Oman": a clause that
        # opens with a conjunction and says nothing of attending is about something else.
        clauses = [(start, clause) for start, clause in clauses_of(chunk)
                   if not (OPENS_ASIDE.search(chunk, 0, start) and not _attends(clause)
                           and not clause.lstrip().startswith("also "))]     # "..., but also Japan"
        for place_id in places_outside_negation(clauses):
            if place_id not in venues:
                ids.append(place_id)
        # "Among those attending were the British, Polish and Italian prime ministers": in the
        # clause that says who attends, not in one beside it ("..., as Serbian officials held talks").
        ids += [place_id for _, clause in clauses if _names_attendance(clause) and not NEGATED.search(clause)
                for place_id in nationalities_in(clause)]
        for mention in context.mentions_in(passage.offset, passage.sentence.end_char):
            person = context.people.get(mention.person)
            clause = clause_holding(clauses, mention.start - passage.offset)
            if person is not None and mention.strong and clause is not None and not NEGATED.search(clause) \
                    and not any(start <= mention.start - passage.offset < end for start, end in aside):
                ids.append(person_actor(person))
    if attending and not ids and _THE_PEOPLE_BEFORE.match(passage.text):
        ids += _people_just_named(context, passage)
    for place_id in _speakers_at_meetings(context, passage):
        ids.append(place_id)
    if meeting_near:  # participation is in an occasion
        ids += _participation(context, passage)
    ids += _at_joint_press_conference(context, passage)
    if previous_attending or MEETING.search(chunk):
        for place_id in _arrivals(context, passage):
            ids.append(place_id)
    return attending, ids


# Prepositions before those a meeting's participants address or act on: "an ultimatum to Russian
# President Vladimir Putin", "sanctions against Moscow", "pressure on Russia".
_ADDRESSING = frozenset({"to", "against", "on", "toward", "towards"})
# Participles whose agent is elsewhere: the other side ("the country attacked by Russia") or
# someone pressing from outside ("peace negotiations driven by US President Donald Trump"). A
# delegation "led by" someone is there with it.
_AGENTS_ELSEWHERE = frozenset({"attacked", "invaded", "occupied", "threatened", "targeted", "bombed", "struck",
                               "hit", "shelled", "annexed", "ravaged", "devastated", "driven", "brokered",
                               "proposed", "pushed", "mediated", "sponsored", "championed", "demanded"})


def _addressed(context: ArticleDoc, passage: Passage) -> list[tuple[int, int]]:
    """Stretches of the passage (offsets in its text) that name who is addressed or acted on,
    not who is present: objects of `_ADDRESSING` prepositions, the agent of a participle
    that describes a noun ("the country attacked by Russia"), someone else's meeting with
    someone else, and a person who owns a thing ("rejecting Putin's conditions"; not a title,
    "Britain's Prime Minister")."""
    spans = []
    name_ends = {mention.end for mention in context.mentions_in(passage.offset, passage.sentence.end_char)}
    for token in passage.tokens:
        if token.dep_ == "poss" and token.head.pos_ == "NOUN" and token.idx + len(token.text) in name_ends:
            spans.append(_stretch(token, passage))
            continue
        # "on behalf of leaders from ...", "on the call with ...": who is there, said otherwise.
        if token.dep_ != "pobj" or token.lower_ == "behalf" or _is_meeting(token) or token.ent_type_ in ("DATE", "TIME"):
            continue
        preposition = token.head
        agent = preposition.lower_ == "by" and preposition.head.dep_ == "acl" and preposition.head.lower_ in _AGENTS_ELSEWHERE
        # "Trump's meeting with Putin", "the Alaska meeting between Trump and Putin": someone
        # else's meeting, with someone else ("a phone call with ... the leaders of Turkey, Norway
        # and Iceland" may be the meeting itself).
        meeting = preposition.head
        bilateral = _is_meeting(meeting) and (
            (preposition.lower_ == "with" and any(c.dep_ == "poss" for c in meeting.children))
            or preposition.lower_ == "between")
        if preposition.lower_ in _ADDRESSING or agent or bilateral:
            spans.append(_stretch(token, passage))
    return spans


def _stretch(token: Token, passage: Passage) -> tuple[int, int]:
    """Where the words a token governs start and end, as offsets in the passage's text."""
    words = list(token.subtree)
    return words[0].idx - passage.offset, words[-1].idx + len(words[-1].text) - passage.offset


# A subject that refers back to the people the sentence before named: "Ursula von der Leyen and
# António Costa will ... The leaders will also attend a meeting of the alliance".
_THE_PEOPLE_BEFORE = re.compile(r"\s*(?:They|The (?:two |three )?(?:leaders|officials|ministers|presidents))\b(?! of\b)")


# "announced in a joint press conference with Serbian President Aleksandar Vucic": the
# leaders who face the press together after a meeting were at it.
_JOINT_PRESS = re.compile(r"\bjoint\s+(?:press|news)\s+conference\s+(?:with|alongside)\s+")
# Where the names after it end: a mark, or a group told apart from them ("and countries leading ...").
_JOINT_PRESS_END = re.compile(r"[,;:.()—–]|\s(?:and\s+)?(?:countries|leaders|nations|officials)\b")


def _at_joint_press_conference(context: ArticleDoc, passage: Passage) -> list[str]:
    """The countries of the people named as holding a joint press conference with the
    subject, up to the end of the phrase."""
    ids: list[str] = []
    for match in _JOINT_PRESS.finditer(passage.text):
        stop = _JOINT_PRESS_END.search(passage.text, match.end())
        end = stop.start() if stop else len(passage.text)
        ids += people_countries(context, passage.offset + match.end(), passage.offset + end)
    return ids


def _people_just_named(context: ArticleDoc, passage: Passage) -> list[str]:
    """The countries (or organisations) of the people named in the sentence before."""
    before = next(context.sentences_before(passage.sentence.start_char), None)
    if before is None:
        return []
    people = [context.people.get(m.person) for m in context.mentions_in(before.start_char, before.end_char)]
    return list(dict.fromkeys(person_actor(person) for person in people if person is not None))


def _names_attendance(clause: str) -> bool:
    return bool(_ATTENDED.search(clause) or _ATTEND_LIST.search(clause))


def _attends(text: str) -> bool:
    occasion = MEETING.search(text) or _EXPECTED.search(text) or _JOINT_TEXT.search(text)
    return bool(_ATTENDED.search(text) or (occasion and _ATTEND_LIST.search(text)))


def convenors(context: ArticleDoc, passage: Passage) -> list[str]:
    """Countries of the people who host, chair, arrange or convene the meeting the passage is
    about, and places that chair or convene it; a country that only hosts it is its venue."""
    ids: list[str] = []
    for match in [*_CONVENED_BY.finditer(passage.text), *_MEETING_HEADED_BY.finditer(passage.text)]:
        # The phrase runs on over a list of names: "co-chaired by French President Emmanuel
        # Macron, British Prime Minister Keir Starmer, and German Chancellor Friedrich Merz".
        more = _MORE_NAMES.match(passage.text, match.end("phrase"))
        phrase_end = more.end() if more else match.end("phrase")
        start, end = passage.offset + match.start("phrase"), passage.offset + phrase_end
        ids += people_countries(context, start, end)
        phrase = passage.text[match.start("phrase"):phrase_end]
        places = places_in(phrase)
        if "host" not in match.group("verb").lower():
            ids += places
        else:
            # One place that hosts is the venue; two or more host it together ("hosted by Paris
            # and London"), which only those who convene it can: capitals for their governments.
            hosts = _hosts(phrase)
            ids += hosts if len(hosts) > 1 else []
    for verb in passage.tokens:
        if verb.pos_ not in ("VERB", "AUX") or not _CONVENING_VERB.match(verb.text) or not _convenes(verb):
            continue
        people, places = subject_ids(context, verb)
        described = _described(verb)
        if not people and described is not None:
            # "French President Emmanuel Macron, co-chairing the call with ...": who the participle describes.
            people = people_countries(context, described.left_edge.idx, described.idx + len(described.text))
        ids += people
        if _co_convening(verb):
            # "co-chairing the call with UK Prime Minister Keir Starmer": both chair it.
            ids += [place_id for holder in [verb, *(c for c in verb.children if c.dep_ == "dobj")]
                    for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "with"
                    for obj in prep.children if obj.dep_ == "pobj"
                    for place_id in people_countries(context, obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text))]
        if not base_in(verb, _HOST_OR_HOLD):
            ids += places
    return list(dict.fromkeys(ids))


def inviters(context: ArticleDoc, passage: Passage) -> list[str]:
    """Who gathers the others by inviting them: "More than 20 allies gathered at the invitation of
    British Prime Minister Keir Starmer"."""
    return [place_id for match in _INVITED_BY.finditer(passage.text)
            for place_id in people_countries(context, passage.offset + match.start("phrase"),
                                             passage.offset + match.end("phrase"))]


def _described(verb: Token) -> Token | None:
    """The name a participle set off after it describes, however the parser hung it: "Macron,
    co-chairing ...", with "co" and "-" in between at most."""
    child = verb
    for head in heads(verb, 3):
        if child.dep_ not in ("acl", "xcomp", "appos"):
            return None
        if head.pos_ == "PROPN":
            return head
        child = head
    return None


def _co_convening(verb: Token) -> bool:
    """"co-chairs", "co-hosting", however the tokenizer split the prefix off ("co", "-", "chairing")."""
    doc = verb.doc
    return verb.lower_.startswith("co") or (verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "co")


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
            and any(t.lower_ in EFFORT_NOUNS or t.lower_ in _GUESTS for t in named)
    return any(_is_meeting(t) for t in named) or thing.lower_ in _GUESTS


def _hosts(phrase: str) -> list[str]:
    """The countries a "hosted by" phrase lists, a city standing for its country: "Paris and
    London", "France and the UK"."""
    hosts = []
    for name in LIST_SEPARATOR.split(phrase):
        name = name.strip().removeprefix("the ")
        place = gazetteer.place_by_name(name)
        host = place.id if place else gazetteer.country_of_city(name)
        if host:
            hosts.append(host)
    return list(dict.fromkeys(hosts))


def _venues(context: ArticleDoc, passage: Passage) -> list[str]:
    """Places the passage says host its meeting ("hosted by Switzerland", "Saudi Arabia hosted
    the talks"): its venue, not those present."""
    ids: list[str] = []
    for match in [*_CONVENED_BY.finditer(passage.text), *_MEETING_HEADED_BY.finditer(passage.text)]:
        if "host" in match.group("verb").lower() and len(_hosts(match.group("phrase"))) == 1:
            ids += places_in(match.group("phrase"))
    for verb in passage.tokens:
        if verb.pos_ == "VERB" and base_in(verb, _HOST):
            ids += subject_ids(context, verb)[1]
    return ids


def _speakers_at_meetings(context: ArticleDoc, passage: Passage) -> list[str]:
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
        people, places = subject_ids(context, verb)
        ids += people + places
    return list(dict.fromkeys(ids))


def _participation(context: ArticleDoc, passage: Passage) -> list[str]:
    """Whose participation a passage about a meeting reports: "with the participation of
    the Irish Prime Minister", "Martin's participation", "U.S. participation was represented
    by ..."; participation in a joint effort is membership, not attendance."""
    ids: list[str] = []
    for token in passage.tokens:
        if token.lower_ != "participation" or any(
                child.lower_ == "in" and any(t.lower_ in EFFORT_NOUNS for t in child.subtree)
                for child in token.children):
            continue
        for child in token.children:
            if child.dep_ == "poss" and child.lower_ in ("his", "her"):
                mention = context.antecedent(child.idx)
                person = context.people.get(mention.person) if mention else None
                ids += [person_actor(person)] if person is not None else []
                continue
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                heads = [child]
            elif child.dep_ == "prep" and child.lower_ == "of":
                heads = [pobj for pobj in child.children if pobj.dep_ == "pobj"]
            else:
                continue
            for head in heads:
                start, end = _noun_phrase(head)
                ids += people_countries(context, start, end)
                ids += places_in(context.text[start:end], adjectives=True)
    return list(dict.fromkeys(ids))


def _noun_phrase(head: Token) -> tuple[int, int]:
    """Where a noun phrase starts and ends in the text, up to the clause that describes it:
    "35 countries", not "35 countries supporting the appeal"."""
    tokens = [head]
    for child in head.children:
        if child.dep_ not in ("acl", "relcl", "advcl", "punct"):
            tokens += list(child.subtree)
    tokens.sort(key=lambda t: t.i)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _arrivals(context: ArticleDoc, passage: Passage) -> list[str]:
    """Who arrived or travelled for the meeting, and the country they came from."""
    ids: list[str] = []
    for match in _ARRIVED.finditer(passage.text):
        if match.group("list"):
            ids += places_in(match.group("list"))
        token = next((t for t in passage.tokens if t.idx == passage.offset + match.start()), None)
        if token is not None:
            ids += subject_ids(context, token)[0]
    return list(dict.fromkeys(ids))
