"""Participants of joint efforts: who leads one, joins it, belongs to it or is likely to, and
who drives it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.extract import involvement
from generator.extract.document import ArticleDoc
from generator.extract.inflection import base_in
from generator.extract.occasions import COMMON_EFFORT, EFFORT_NOUNS, EFFORTS, MEETINGS
from generator.extract.clauses import heads
from generator.extract.passages import NEGATED, Passage, clauses_of
from generator.extract.presence import LIST, listed, places_outside_negation, present_in, subject_ids
from generator.extract.actors import phrase_span, places_in
from generator.model import gazetteer
from generator.extract.pattern_store import compiled

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Token

_LEAD = [
    # "launched earlier this year by France and the UK": a few lower-case words may come between.
    compiled(rf"\b(?:[Ll]ed|[Cc]o-led|[Ll]aunched|[Hh]eaded|[Ss]pearheaded|[Cc]onvened|[Cc]o-chaired|[Cc]haired|"
             # "the alliance announced by UK Prime Minister Keir Starmer"
             r"[Aa]nnounced|[Ff]ounded|[Ii]nitiated|[Cc]reated|[Ff]ormed) "
             rf"(?:(?:in|earlier|last|this|that|year|month|week|jointly|together|originally|first)\s+){{0,4}}by (?P<list>{LIST})"),
    compiled(rf"(?P<list>{LIST}),?\s+(?:(?:which|who)\s+)?(?:are\s+|is\s+|will\s+|would\s+)?"
             r"(?:spearheading|spearhead|spearheads|lead|leads|leading|co-lead|co-leads|co-leading|"
             r"co-chair|co-chairs|co-chairing|chair|chairs|chairing)\b"),
    # "its co-chairs French President Emmanuel Macron and British Prime Minister Keir Starmer".
    compiled(rf"\b(?:co-chairs|co-chair|co-hosts|co-leaders|co-founders)\s*,?\s+(?P<list>{LIST})"),
    # "France and Britain have been spearheading attempts to establish the alliance", "have led".
    compiled(rf"(?P<list>{LIST}),?\s+(?:have|has)\s+(?:long\s+|jointly\s+|together\s+)?(?:been\s+)?"
             r"(?:spearheaded|spearheading|led|leading|co-led|co-leading|driven|driving)\b"),
]
# Told the other way round: "Leading this alliance, whose contours are not yet clear, are the
# French president and the British prime minister"; who they are is read up to the clause's end.
_LEADING_ARE = re.compile(rf"\b[Ll]eading\s+(?:the|this|that)\s+(?:[\w'’\"“”-]+\s+){{0,3}}?(?i:{EFFORTS})\b"
                          r"(?:,[^,.;]{0,80},)?\s+(?:are|is|were|was)\s+")
# "The Dutch- and Danish-led alliance", "a British-led group": only a group of countries, since
# "a US-led plan" or "a European-led force" is led by someone outside the group.
_PLACE_OR_ADJECTIVE = rf"(?:{gazetteer.PLACE_NAMES_PATTERN}|{gazetteer.PLACE_ADJECTIVES_PATTERN})"
_LED_GROUP = compiled(rf"\b(?P<list>{_PLACE_OR_ADJECTIVE}(?:-?\s*(?:,|and)\s*{_PLACE_OR_ADJECTIVE})*)-led\s+"
                      rf"(?:[\w'’-]+\s+){{0,3}}?(?i:{involvement.alternation(involvement.GROUP_NOUNS)})\b")
# "Britain and France, the alliance’s leaders": an appositive that says they lead it.
_LEADERS_APPOSITIVE = compiled(rf"(?P<list>{LIST}),\s+(?:the\s+)?(?:[\w-]+\s+)?(?i:{EFFORTS})['’]s\s+"
                               r"(?:two\s+)?(?:co-)?(?:leaders|leading nations|leading members|founders|"
                               r"co-chairs|architects)\b")
# Taking part in a meeting is attending it (`meetings`); in anything else, being a member.
_NOT_A_MEETING = rf"(?!\s+in\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+)?(?:[\w'’-]+\s+){{0,3}}?{MEETINGS}\b)"
_MEMBER = compiled(rf"(?P<list>{LIST})(?:\s*,?\s*and other (?:countries|nations|partners|allies))?,?\s+"
                   # Said of themselves: "Sweden and Finland said they would join the alliance".
                   r"(?:(?:have\s+|has\s+)?(?:said|announced|confirmed|declared)\s+(?:that\s+)?(?:they|it)\s+)?"
                   rf"(?:(?:will|would|have|has)\s+)?"
                   rf"(?:agreed to\s+|signed up to\s+)?(?:(?:join|joined)\s+the\s+(?:[\w-]+\s+)?(?:{EFFORTS})\b"
                   # Done, not promised: "will sign up" is a likely member (_LIKELY_CUE below).
                   rf"|signed\s+(?:up\s+to\s+|on\s+to\s+)?the\s+(?:[\w-]+\s+)?(?:{EFFORTS})\b"
                   rf"|(?:contributed|contributes|contributing)\s+to\s+the\s+(?:[\w-]+\s+)?(?:{EFFORTS})\b"
                   rf"|take part\b{_NOT_A_MEETING}|participate\b{_NOT_A_MEETING}"
                   # Acting through the effort: "the UK, France, and other nations will intensify
                   # their efforts through an alliance of the willing".
                   rf"|(?:will|would)\s+(?:[\w-]+\s+){{1,5}}?(?:through|via|within|as part of)\s+(?:a|an|the)\s+"
                   rf"[\"“‘']?(?:[\w-]+\s+){{0,2}}?(?i:{EFFORTS})\b)")
# Said to belong to the effort: "France and Estonia, who are among the founding nations of the
# alliance", "Italy is a member of the partnership".
_MEMBER_OF = compiled(rf"(?P<list>{LIST}),?\s+(?:(?:who|which)\s+)?(?:are|is|was|were|became|become|remain|remains)\s+"
                      r"(?:among\s+|one\s+of\s+)?(?:the\s+|a\s+|an\s+)?(?:founding\s+|full\s+|new\s+|original\s+)?"
                      r"(?:members?|nations|countries|states|partners|signatories)\s+(?:of|to)\s+the\s+"
                      rf"(?:[\w'’-]+\s+){{0,4}}?(?i:{EFFORTS})\b")
# Those an effort's membership is said to include: "leaders of the alliance, including A, B and
# C, signed ...", "The initiative has grown to 35 countries, including Canada and Japan".
_MEMBERS_INCLUDING = compiled(
    rf"(?:\b(?i:leaders|members|countries|nations|states|partners)\s+of\s+the\s+(?:[\w'’\"“”-]+\s+){{0,4}}?"
    rf"(?i:{EFFORTS})\b|\b(?i:{EFFORTS})\b[^.;:]{{0,60}}?\b(?:grown|expanded|risen|grew)\s+(?:[\w'’-]+\s+){{0,5}}?to\s+"
    r"(?:\d+|[a-z]+)\s+(?:countries|nations|states|members))[\"”’']?,?\s+(?:including|such\s+as|among\s+them|as\s+well\s+as)\s+"
    # A group said to include them: "The alliance includes Belgium and Sweden", "the bloc,
    # which comprises some 30 countries, among them A and B" (involvement.yaml's groups).
    rf"|\b(?i:{involvement.alternation(involvement.GROUP_NOUNS)})[\"”’']?,?\s+(?:(?:which|that)\s+)?(?:now\s+|already\s+)?"
    r"(?:includes|included|include|comprises|comprised|counts)\s+"
    # "includes 33 countries, among them ...", "includes European powers such as ...".
    r"(?:(?:about|around|some|more than|over|nearly|almost)\s+)?(?:(?:\d+|[A-Za-z]+(?:-[a-z]+)?)\s+"
    r"(?:countries|nations|states|members|powers|allies|partners)(?:[^.;:]{0,40}?),?\s+"
    r"(?:including|such\s+as|among\s+them|as\s+well\s+as)\s+)?"
    # ... and what it includes are places: "includes a £1.6bn deal" names no member.
    rf"(?=(?:the\s+)?(?:{gazetteer.PLACE_NAMES_PATTERN})\b)")
# The same said of an effort named before: "It includes 33 countries – mainly European, as well
# as Australia, New Zealand, Japan and Türkiye."
_ANAPHOR_INCLUDES = re.compile(
    r"\s*(?:It|(?:The|This) (?:group|grouping|bloc|format|club))\s+(?:now\s+|already\s+)?"
    r"(?:includes|included|comprises|comprised|counts)\s+(?:(?:about|around|some|more than|over|nearly|almost)\s+)?"
    r"(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:countries|nations|states|members)[^.;:]{0,40}?,?\s+"
    r"(?:including|such\s+as|among\s+them|as\s+well\s+as)\s+")
# "a plan launched by the UK, in collaboration with France, Italy and others"
_PARTNERS = compiled(rf"\bin (?:collaboration|cooperation|partnership|coordination) with (?P<list>{LIST})")
_LIKELY = compiled(rf"(?P<list>{LIST}),?\s+(?:(?:have|has)\s+)?(?:(?:signalled|signaled|indicated|said)\s+)?"
                   r"(?:(?:that\s+)?(?:they|it)\s+(?:are|is|were|was|would be)\s+)?"
                   r"(?:likely|ready|willing|expected|prepared)\s+to\s+(?:contribute|join|take part|participate)")
_INVITED = compiled(rf"(?P<list>{LIST}),?\s+(?:(?:has|have|had)\s+been\s+|(?:was|were|is|are)\s+(?:also\s+)?)"
                    r"invited\s+(?:to\s+(?:attend|join|take part)|"
                    rf"to\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{MEETINGS}\b)")
_LIKELY_CUE = re.compile(r"\b(?:likely|possibly|expected to (?:join|take part)|sign up|interest in (?:being part|joining))\b")
# A sentence that goes on about an effort named before: "The group is jointly led by A and B".
_EFFORT_ANAPHOR = re.compile(r"\s*(?:(?:The|This|That) (?:group|grouping|bloc|format|club)|It)\b")
_INVOLVEMENT = re.compile(rf"{EFFORTS}|involved|include", re.I)
_DRIVING_VERB = re.compile(r"^(?:drive|drives|drove|driven|driving|steer|steers|steered|steering|spearhead|"
                           r"spearheads|spearheaded|spearheading|lead|leads|led|leading)$", re.I)
_HAVE = frozenset({"have"})


def effort_statuses(context: ArticleDoc, passage: Passage):
    """(place id, status) pairs of those who lead, join, belong to or are likely to join a joint
    effort, by what the passage says of them."""
    chunk = passage.text
    if COMMON_EFFORT.search(chunk) or (_EFFORT_ANAPHOR.match(chunk)
                                       and COMMON_EFFORT.search(context.text, 0, passage.offset)):
        for pattern in (*_LEAD, _LEADERS_APPOSITIVE):
            for match in pattern.finditer(chunk):
                # "co-chaired by Starmer and Macron": the people's countries lead too.
                start, end = passage.offset + match.start("list"), passage.offset + match.end("list")
                for place_id in present_in(context, start, end):
                    yield place_id, "lead"
        for match in _LEADING_ARE.finditer(chunk):
            end = _LIST_END.search(chunk, match.end())
            stop = end.start() if end else len(chunk)
            for place_id in present_in(context, passage.offset + match.end(), passage.offset + stop):
                yield place_id, "lead"
        for match in _LED_GROUP.finditer(chunk):
            for place_id in places_in(match.group("list"), adjectives=True):
                yield place_id, "lead"
        for place_id in listed(_PARTNERS, chunk):
            yield place_id, "member"
    for pattern in (_MEMBER, _MEMBER_OF):
        for place_id in listed(pattern, chunk):
            yield place_id, "member"
    for place_id in _members_included(context, passage):
        yield place_id, "member"
    if COMMON_EFFORT.search(context.text):
        for place_id in signatories(context, passage):
            yield place_id, "member"
    for place_id in listed(_LIKELY, chunk):
        yield place_id, "likely"
    for place_id in listed(_INVITED, chunk, negation=True):
        yield place_id, "likely"
    if _LIKELY_CUE.search(chunk) and _INVOLVEMENT.search(chunk):
        for place_id in places_outside_negation(clauses_of(chunk)):
            yield place_id, "likely"


def _members_included(context: ArticleDoc, passage: Passage) -> list[str]:
    """Places and people's countries in the list an effort's membership is said to include,
    up to the end of its clause."""
    ids: list[str] = []
    matches = list(_MEMBERS_INCLUDING.finditer(passage.text))
    anaphor = _ANAPHOR_INCLUDES.match(passage.text)
    if anaphor and COMMON_EFFORT.search(context.text, 0, passage.offset):
        matches.append(anaphor)
    for match in matches:
        end = _LIST_END.search(passage.text, match.end())
        stop = end.start() if end else len(passage.text)
        ids += present_in(context, passage.offset + match.end(), passage.offset + stop)
    return list(dict.fromkeys(ids))


# Where a list of those included ends: the clause's verb after a comma, or its end.
_LIST_END = re.compile(r",\s+(?!and\b)(?:[a-z]+ed|have|has|had|are|were|will|would|is|was|who|which|whose)\b|[;.:]\s|[—–]")


def signatories(context: ArticleDoc, passage: Passage) -> list[str]:
    """Who signs an agreement in a story of a joint effort, and those they sign it with: "Macron,
    Starmer and Zelensky signed a declaration of intent", "Zelenskyy signed a separate
    declaration with Macron". Not one of an earlier year, nor one refused."""
    ids: list[str] = []
    for verb in passage.tokens:
        if verb.pos_ != "VERB" or not base_in(verb, _SIGNING) or _refused(verb):
            continue
        agreement = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _AGREEMENTS), None)
        start, end = _clause_span(verb)
        if agreement is None or _earlier_year(context, context.text[start:end]):
            continue
        ids += _signers(context, verb) + _partners(context, verb, agreement)
    return list(dict.fromkeys(ids))


def _signers(context: ArticleDoc, verb: Token) -> list[str]:
    """Who the verb's subjects name, from the first to the verb: a list of titled names may
    parse as several subjects ("French President Emmanuel Macron, ... and X signed")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects or context.in_quote(subjects[0].idx) != context.in_quote(verb.idx):
        return []
    return present_in(context, min(s.left_edge.idx for s in subjects), verb.idx)


_SIGNING = frozenset({"sign", "co-sign", "cosign", "ink"})
_AGREEMENTS = frozenset(form for noun in ("declaration", "agreement", "accord", "pact", "treaty", "deal",
                                           "memorandum", "charter", "compact", "protocol") for form in (noun, noun + "s"))


def _refused(verb: Token) -> bool:
    """Whether the verb, or one it depends on, is negated or refuses ("refused to sign")."""
    for token in [verb, *heads(verb, 3)]:
        if any(c.dep_ == "neg" for c in token.children) or NEGATED.fullmatch(token.lower_):
            return True
        if token.dep_ not in ("xcomp", "ccomp", "conj"):
            break
    return False


def _clause_span(verb: Token) -> tuple[int, int]:
    tokens = list(verb.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _earlier_year(context: ArticleDoc, text: str) -> bool:
    """Whether a stretch names a year before the article's own ("the Minsk accords of 2015");
    with no date to the article, any year."""
    published = int(context.article.published[:4]) if context.article.published else None
    return any(published is None or int(year) < published for year in _YEAR.findall(text))


def _partners(context: ArticleDoc, verb: Token, thing: Token) -> list[str]:
    """Those the verb's subject acts with: "with U.K. Prime Minister Keir Starmer"."""
    ids: list[str] = []
    for preposition in [*verb.children, *thing.children]:
        if preposition.dep_ == "prep" and preposition.lower_ == "with":
            for partner in preposition.children:
                if partner.dep_ == "pobj":
                    start, end = phrase_span(partner)
                    ids += present_in(context, start, end)
    return ids


def drivers(context: ArticleDoc, passage: Passage) -> list[str]:
    """Who drives, steers or leads a joint effort, or founds a group ("Starmer announced an
    alliance", "unveiled plans to form a new alliance", "announces formation of the group"),
    and those they do it with: "Macron, who has been driving the effort with U.K. Prime
    Minister Keir Starmer"."""
    ids: list[str] = []
    for verb in passage.tokens:
        if verb.pos_ != "VERB":
            continue
        if _DRIVING_VERB.match(verb.text) and _ongoing(verb):
            effort = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in EFFORT_NOUNS), None)
        elif base_in(verb, _FOUNDING_VERBS) and not _YEAR.search(passage.text):
            # A year marks a group of another time: "In 2003, Bush formed an alliance".
            effort = _founded_group(verb)
        else:
            continue
        if effort is None:
            continue
        people, places = subject_ids(context, verb)
        ids += people + places + _partners(context, verb, effort)
    return list(dict.fromkeys(ids))


_FOUNDING_VERBS = frozenset({"announce", "unveil", "launch", "form", "found", "create", "assemble", "build",
                             "establish", "propose"})
_GROUP_NOUNS = frozenset(involvement.GROUP_NOUNS)
_FOUNDING_NOUNS = frozenset({"formation", "creation", "launch", "establishment", "founding"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _founded_group(verb: Token) -> Token | None:
    """The group a founding verb founds: its object ("announced an alliance"), the object of
    plans to found one ("unveiled plans to form a new alliance"), or the group a founding noun
    is of ("announces formation of a bloc")."""
    for thing in (c for c in verb.children if c.dep_ == "dobj"):
        if thing.lower_ in _GROUP_NOUNS:
            return thing
        for part in thing.subtree:
            if part.lower_ not in _GROUP_NOUNS or part.dep_ not in ("dobj", "pobj"):
                continue
            governor = part.head.head if part.dep_ == "pobj" else part.head
            if base_in(governor, _FOUNDING_VERBS) or governor.lower_ in _FOUNDING_NOUNS:
                return part
    return None


def _ongoing(verb: Token) -> bool:
    """Present, progressive or perfect ("leads", "is leading", "has been driving"), not a simple
    past that may tell of an earlier effort ("the US led an alliance in 1991")."""
    if verb.tag_ in ("VB", "VBZ", "VBP", "VBG"):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and base_in(c, _HAVE) for c in verb.children)
