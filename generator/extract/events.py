"""Timeline events: sentences that say something happened on a date.

One event per date a sentence gives outside quotations ("invaded in 2014 and again in 2022"
is two), dated by the first expression of that date; targets ("by 2027"), dates still to come
("will meet on Friday") and questions are not events. A sentence with no date of its own is
dated by the article only where news writing dates it so: the wire dateline that opens it
("MOSCOW, March 3. /TASS/. ..."), or an occasion under way as the article is written ("a
meeting is taking place in Ankara"). The title is the clause the date belongs to, reduced to
subject, verb and object, without the dateline or header before it.
"""

from __future__ import annotations

import re

from generator.model.records import Event, Evidence
from generator.model.ids import slugify
from generator.extract.clauses import attached_noun, capitalise, describe, governing_verb, phrase, text_of
from generator.extract.dates import DateMention, find_dates, written_years
from generator.extract.inflection import base_in
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc, sentence_text
from generator.extract.findings import extractor_name
from generator.extract.money import find_money
from generator.extract.involvement import MEETING_NOUNS
from generator.files.articles import is_caption

EXTRACTOR = extractor_name("events")
# Nouns that name an occurrence, so that a date modifying them dates them ("a meeting two
# weeks ago", "his talks with the president on Thursday", "its ruling on Monday"): the
# meetings of `involvement`, and these.
EVENT_NOUNS = frozenset(MEETING_NOUNS) | frozenset({
    "visit", "clash", "interview", "invasion", "attack",
    "election", "vote", "speech", "announcement", "agreement", "deal", "contract",
    "ceasefire", "truce", "session", "debate", "trip", "war", "offensive", "strike", "signing",
    "row", "spat", "argument", "address", "statement", "referendum", "operation", "mission",
    "ruling", "verdict", "judgment", "judgement", "sentencing", "conviction", "trial", "hearing",
    "earthquake", "quake", "explosion", "blast", "crash", "flood", "storm", "eruption", "protest",
    "rally", "coup", "resignation", "inauguration", "ceremony", "launch", "raid", "bombing",
    "annexation", "seizure", "briefing",
})
_DATELINE = re.compile(r"\s*[-–—]\s*\d{1,2}:\d{2}")
_SPEECH = frozenset({"say", "tell", "add", "write", "post", "explain", "insist", "warn", "stress", "note"})
# An attribution dated by the occasion of the speaking is an event of its own: "X told the
# BBC in an interview on Sunday".
_SPEAKING_OCCASIONS = frozenset({"interview", "speech", "address", "conference", "briefing"})
# Verbs of an occasion that is under way as the article is written ("leaders are meeting",
# "a meeting is taking place", "Starmer is convening leaders").
_UNDER_WAY = frozenset({"meet", "gather", "convene", "host", "hold", "attend", "visit", "take"})
# Verbs of a meeting that an article's opening paragraph reports without naming a day: the
# meeting of the article's date, or of a day or so before it ("Leaders have met in Paris").
_MET = frozenset({"meet", "gather", "convene"})
# Verbs that are an occasion only with a meeting as their object ("held talks", "hosts a conference").
_HELD = frozenset({"hold", "host"})


def extract_events(context: ArticleDoc) -> list[Event]:
    events: dict[str, Event] = {}
    # (date, person) -> the event of that person's speaking that day: what one person said on
    # one day, in an interview and at a press conference, is one entry with both passages.
    spoken: dict[tuple[str, str], str] = {}
    lead, opening = _dateline_lead(context), _opening_paragraph(context)
    for sentence in context.sentences:
        quote = context.quote_of(sentence)
        if quote.endswith("?") or len(quote.split()) < 5:
            continue
        # The header and dateline before the news are no part of any title.
        quote_start = context.text.find(quote, sentence.start_char)
        furniture = {t.i for t in sentence if t.idx < quote_start or _in_dateline(context, t.idx)}
        mentions = _mentions(context, sentence)
        found, anchors = _dated(context, sentence, quote, mentions, furniture)
        if context.article.published_date is not None:
            if not mentions and sentence.start_char == lead:
                found.append(_dated_by_dateline(context, sentence, quote, furniture))
            if not mentions and opening is not None and opening[0] <= sentence.start_char < opening[1]:
                found.append((_opening_meeting(context, sentence, quote, furniture), None))
            found += [(event, None) for event in _under_way_events(context, sentence, quote, furniture, anchors)]
        for event, speaker in found:
            if event is not None:
                _add(events, spoken, event, speaker)
    return sorted(_same_day_again(events.values()), key=lambda e: e.id)


def _same_day_again(events) -> list[Event]:
    """Events in the article's order, each one after the first of its day proposed by rule
    "events.same-day": a second sentence on the day of a happening is mostly more of the same
    happening, told again in other words, and only sometimes a happening of its own: one that
    announces a sum is one."""
    seen: set[str] = set()
    kept = []
    for event in events:
        # A sum announced that day is a happening of its own: "... announces a £1.6bn deal".
        if event.date in seen and event.basis != "events.absolute" and not find_money(event.evidence[0].quote):
            event = event.model_copy(update=rated("events.same-day", 0.4))
        seen.add(event.date)
        kept.append(event)
    return kept


def _mentions(context: ArticleDoc, sentence) -> list[DateMention]:
    """The sentence's dates of happenings: no targets, nothing still to come, and not the
    article's own date in a dateline ("Mar 3, 2025 - 21:21", "LONDON, March 2 (Reuters) -")."""
    article = context.article
    # A year alone that is the article's own ("support for the army in 2026", "the situation in
    # 2026 remains tense") is the present the article writes in, not a happening.
    years = article.story_years
    if article.published_date is None and len(written := written_years(context.text)) == 1:
        years = written   # undated, but its full dates name one year
    current = article.published_date.year if article.published_date else max(years, default=None)
    return [d for d in find_dates(sentence, context.text, article.published_date, context.in_quote, years)
            if d.kind != "target" and d.date and not d.future
            and not (len(d.date) == 4 and current is not None and int(d.date) >= current)
            and not _DATELINE.match(context.text, d.end) and not _in_dateline(context, d.start)]


def _dated(context: ArticleDoc, sentence, quote: str, mentions: list[DateMention], furniture: set[int]):
    """The events the sentence's own dates date, each with the speaker when it is someone's
    speaking, and the tokens they hang on."""
    found, anchors = [], set()
    for mention in _one_per_date(mentions):
        event, anchor = _event(context, sentence, quote, mention, furniture)
        if anchor is not None:
            anchors.add(anchor)
        if event is None:
            continue
        found.append((event, _speaker(context, sentence, anchor)))
        for verb in _meanwhile(sentence, anchor):
            also = _clause_event(context, sentence, quote, mention, verb, furniture | _date_tokens(sentence, mention),
                                 ("events.meanwhile", 0.6))
            found.append((also, None))
    return found, anchors


def _dated_by_dateline(context: ArticleDoc, sentence, quote: str, furniture: set[int]):
    """The sentence a dated wire dateline opens, on the dateline's day."""
    article, published = context.article, context.article.published_date
    said = " ".join(context.text[article.dateline[0]:article.dateline[1]].split())
    mention = DateMention(said, sentence.start_char, sentence.start_char, "relative", date=published.isoformat(),
                          note=f"the dateline “{said}” of an article dated {_long(published)}")
    return _clause_event(context, sentence, quote, mention, sentence.root, furniture, ("events.dateline", 0.6)), None


def _opening_meeting(context: ArticleDoc, sentence, quote: str, furniture: set[int]) -> Event | None:
    """A meeting the opening paragraph reports in the past ("Macron met the chiefs of staff",
    "Leaders have met in Paris") without a day: about the article's date."""
    verb, published = sentence.root, context.article.published_date
    perfect = any(a.lower_ in ("has", "have") for a in _auxiliaries(verb))
    if not base_in(verb, _MET) or not (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and perfect)):
        return None
    mention = DateMention(verb.text, verb.idx, verb.idx + len(verb.text), "relative", date=published.isoformat(),
                          approximate=True,
                          note=f"the opening paragraph of an article dated {_long(published)}, "
                               "which names no other day")
    return _clause_event(context, sentence, quote, mention, verb, furniture, ("events.opening-meeting", 0.5))


def _under_way_events(context: ArticleDoc, sentence, quote: str, furniture: set[int], anchors: set[int]) -> list:
    """Occasions the sentence says are going on ("a meeting is taking place"), on the
    article's date; not those a date of the sentence already dates."""
    published = context.article.published_date
    found = []
    for verb in _under_way(context, sentence):
        if verb.i in anchors:
            continue
        place = [c for c in verb.children if c.lower_ == "place" and c.i == verb.i + 1]
        said = " ".join(t.text for t in sorted([*_auxiliaries(verb), verb, *place], key=lambda t: t.i))
        mention = DateMention(said, verb.idx, verb.idx + len(verb.text), "relative", date=published.isoformat(),
                              note=f"“{said}”: under way in an article dated {_long(published)}")
        found.append(_clause_event(context, sentence, quote, mention, verb, furniture, ("events.under-way", 0.55)))
    return found


def _one_per_date(mentions: list[DateMention]) -> list[DateMention]:
    """The first mention, and each further date written out in full ("in 2014 and again in
    2022"): a weekday after a date usually dates the same happening's context ("on Sunday
    ahead of Monday's talks"), not a happening of its own."""
    seen: set[str] = set()
    kept = []
    for mention in mentions:
        if mention.date not in seen and (not kept or mention.kind == "absolute"):
            seen.add(mention.date)
            kept.append(mention)
    return kept


def _add(events: dict[str, Event], spoken: dict[tuple[str, str], str], event: Event, speaker: str | None) -> None:
    """Add an event, or, when it is a person's speaking on a day already listed, add its
    passage to that entry."""
    if event.id in events:
        return
    key = (event.date, speaker) if speaker else None
    if key is not None and key in spoken:
        first = events[spoken[key]]
        events[first.id] = first.model_copy(update={
            "evidence": [*first.evidence, *event.evidence],
            "people": sorted(set(first.people) | set(event.people)),
        })
        return
    events[event.id] = event
    if key is not None:
        spoken[key] = event.id


def _speaker(context: ArticleDoc, sentence, anchor: int | None) -> str | None:
    """The person whose speaking the anchor is ("Starmer told the BBC"), if it is a verb of
    speech with a named or resolvable subject."""
    if anchor is None:
        return None
    verb = sentence.doc[anchor]
    if not base_in(verb, _SPEECH):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ in ("he", "she"):
        before = context.antecedent(subject.idx)
        return before.person if before else None
    found = context.mentions_in(subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text))
    return found[-1].person if found else None


def _event(context: ArticleDoc, sentence, quote: str, mention: DateMention, furniture: set[int]):
    """The event a date mention dates, if its clause reads clearly, and the token it hangs on."""
    verb = governing_verb(sentence, mention.start)
    noun = attached_noun(sentence, mention.start, mention.end)
    quoted = sum(1 for t in sentence if context.in_quote(t.idx))
    if base_in(verb, _SPEECH) and quoted > len(sentence) / 2 and not _speaking_occasion(verb):
        return None, verb.i  # an attribution line: the quote is the news, not the speaking
    skip = _date_tokens(sentence, mention) | furniture
    # "told the BBC in an interview on Sunday": the speaking is the event, told as a clause.
    occasion_of_speech = noun is not None and base_in(noun, _SPEAKING_OCCASIONS) and base_in(verb, _SPEECH)
    if (noun is not None and base_in(noun, EVENT_NOUNS) and noun.dep_ not in ("nsubj", "nsubjpass", "dobj")
            and not occasion_of_speech):
        title = capitalise(_resolve_possessive(context, text_of(phrase(noun, skip, 8)), noun))
        if title.lower().split()[0] in ("its", "their") or len(title.split()) < 2:
            title = capitalise(_relative_clause_title(noun, skip) or title)
        anchor = noun.i
    else:
        title = describe(verb, skip, lambda subject: _subject_text(context, subject, skip))
        anchor = verb.i
        before = _occasion_before(sentence, mention)
        if not title and before is not None:
            # "associated with the US-led invasion of Iraq in 2003": the parse hangs the date
            # on the verb, but it dates the occasion named just before it.
            title, anchor = capitalise(text_of(phrase(before, skip, 8))), before.i
    rule = ("events.absolute", 0.7) if mention.kind == "absolute" else ("events.relative", 0.6)
    if mention.year_from_story:
        rule = ("events.story-year", 0.55)  # the year is the story's, not the article's
    return _record(context, sentence, quote, mention, title, rule), anchor


def _meanwhile(sentence, anchor: int | None) -> list:
    """Meetings the dated clause says went on at the same time: "chiefs met in Paris on
    Tuesday, as officials held talks in Jeddah"."""
    if anchor is None:
        return []
    found = []
    # The clause may hang on a clause of the dated one ("met ... to start turning ..., as ...").
    clauses, frontier = [], [sentence.doc[anchor]]
    for _ in range(3):
        frontier = [c for token in frontier for c in token.children if c.dep_ in ("advcl", "xcomp")]
        clauses += frontier
    for clause in clauses:
        if clause.dep_ != "advcl" or clause.tag_ != "VBD" or not any(
                c.dep_ == "mark" and c.lower_ in ("as", "while") for c in clause.children):
            continue
        if base_in(clause, _MET) or (base_in(clause, _HELD) and _names_an_occasion(clause)):
            found.append(clause)
    return found


def _occasion_before(sentence, mention: DateMention):
    """An occasion noun in the few words before the date, with no verb between them."""
    before = [t for t in sentence if t.idx < mention.start][-6:]
    for token in reversed(before):
        if token.pos_ in ("VERB", "AUX"):
            return None
        if token.pos_ == "NOUN" and base_in(token, EVENT_NOUNS):
            return token
    return None


def _clause_event(context: ArticleDoc, sentence, quote: str, mention: DateMention, verb, furniture: set[int],
                  rule: tuple[str, float]) -> Event | None:
    """An event dated by the article, not by a date in the sentence: the verb's clause, if it
    says what happened (not a plan, a question or an attribution of quoted words)."""
    if verb.pos_ not in ("VERB", "AUX") or _planned(verb):
        return None
    if base_in(verb, _SPEECH):
        quoted = sum(1 for t in sentence if context.in_quote(t.idx))
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and not context.in_quote(c.idx)), None)
        if quoted > len(sentence) / 2 or clause is None:
            return None
        if _planned(clause):
            return None
        # "Putin has signed a decree, the Kremlin said": the reported happening is the event;
        # a reported state ("said a plan was needed") leaves the saying as the event.
        perfect = any(a.lower_ in ("has", "have") for a in _auxiliaries(clause))
        if clause.pos_ == "VERB" and (clause.tag_ == "VBD" or (clause.tag_ == "VBN" and perfect)):
            verb = clause
    title = describe(verb, furniture, lambda subject: _subject_text(context, subject, furniture))
    return _record(context, sentence, quote, mention, title, rule)


def _record(context: ArticleDoc, sentence, quote: str, mention: DateMention, title: str | None,
            rule: tuple[str, float]) -> Event | None:
    """The event, with the rule that found it (`rule`: its basis and prior confidence)."""
    if not title or len(title.split()) < 2:
        return None  # no clear clause: better no event than a garbled one
    people = sorted({m.person for m in context.mentions_in(sentence.start_char, sentence.end_char)})
    return Event(
        id=f"{mention.date}-{slugify(title, 5)}", date=mention.date, approximate=mention.approximate, title=title,
        summary=quote, people=people, date_note=mention.note,
        evidence=[Evidence(source=context.source, quote=quote)], extractor=EXTRACTOR, **rated(*rule),
    )


def _date_tokens(sentence, mention: DateMention) -> set[int]:
    """The tokens of the date expression and of a preposition that only introduces it."""
    skip = {t.i for t in sentence if mention.start <= t.idx < mention.end}
    for token in sentence:
        if token.dep_ == "prep" and token.i not in skip and any(c.i in skip for c in token.children):
            skip.add(token.i)
    return skip


def _in_dateline(context: ArticleDoc, char: int) -> bool:
    """Whether a character is in the wire dateline or in the line that dates the article
    ("March 28,2025 580"): the article's own date, not a happening's."""
    article = context.article
    if article.dateline is not None and article.dateline[0] <= char < article.dateline[1]:
        return True
    return article.date_written is not None and article.date_offset <= char < article.date_offset + len(
        article.date_written)


def _dateline_lead(context: ArticleDoc) -> int | None:
    """Where the sentence a dated wire dateline opens starts, when the dateline's day is the
    article's date: "MOSCOW, March 3. /TASS/. The Kremlin said ..." reports that day's news."""
    article = context.article
    if article.dateline is None or not article.dateline_day or article.published is None:
        return None
    if article.published[5:10] != article.dateline_day[-5:]:
        return None
    end = article.dateline[1]
    for sentence in context.sentences:
        if sentence.end_char <= end or len(context.text[end:sentence.end_char].split()) < 5:
            continue
        return sentence.start_char
    return None


def _opening_paragraph(context: ArticleDoc) -> tuple[int, int] | None:
    """The article's first paragraph of sentences: not a headline, byline, date line or caption."""
    for start, end in context.paragraphs:
        words = sentence_text(context.text, start, end)
        line = context.text[start:end].strip()
        if is_caption(line) or len(words.split()) < 8 or words[-1:] not in ".!?\"”’":
            continue
        return start, end
    return None


def _under_way(context: ArticleDoc, sentence) -> list:
    """Verbs in the present progressive that say an occasion is going on ("is taking place",
    "are meeting", "is convening"), outside quotations."""
    found = []
    for token in sentence:
        if token.tag_ != "VBG" or context.in_quote(token.idx):
            continue
        auxiliaries = [c.lower_ for c in _auxiliaries(token)]
        if not auxiliaries or auxiliaries[-1] not in ("is", "are", "'s", "’s", "'re", "’re"):
            continue
        if _names_an_occasion(token):
            found.append(token)
    return found


def _names_an_occasion(verb) -> bool:
    """Whether the verb says an occasion happens: "meet", "gather", "convene", "attend",
    "visit"; "take" only in "take place", "hold" and "host" only of a meeting ("holding
    talks", not "holding the line")."""
    if not base_in(verb, _UNDER_WAY):
        return False
    if base_in(verb, frozenset({"take"})):
        return any(c.lower_ == "place" for c in verb.children)
    if base_in(verb, _HELD):
        return any(c.dep_ == "dobj" and base_in(c, frozenset(MEETING_NOUNS)) for c in verb.children)
    return True


def _auxiliaries(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]


def _planned(verb) -> bool:
    """A clause about what is still to come: "will hold", "would meet", "is due to visit"."""
    auxiliaries = [c.lower_ for c in _auxiliaries(verb)]
    if any(a in ("will", "shall", "would", "could", "may", "might", "should", "must", "'ll", "’ll", "to")
           for a in auxiliaries):
        return True
    if verb.lower_ in ("going", "due"):
        return True
    # "is to visit", "are set to meet": a form of "be" with an infinitive after it.
    infinitives = [c for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
    return bool(infinitives) and verb.lower_ in ("is", "are", "was", "were", "be", "set", "due")


def _speaking_occasion(verb) -> bool:
    """Whether the speaking is dated as an occasion of its own: "told the BBC in an interview"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "at", "during"):
            if any(base_in(grandchild, _SPEAKING_OCCASIONS) for grandchild in child.children):
                return True
    return False


def _long(day) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _relative_clause_title(noun, skip: set[int]) -> str | None:
    """"its ruling, which banned her from standing" -> "Its ruling banned her from standing":
    the relative clause says what the occasion did when its noun alone says little."""
    # The parse may hang the clause on the date between them ("its ruling on Monday, 31
    # March, which banned her").
    clause = next((c for t in [noun, *(noun.doc[i] for i in sorted(skip))] for c in t.children
                   if c.dep_ == "relcl" and c.i > noun.i), None)
    if clause is None:
        return None
    # The clause from its verb on, without its own subordinate clauses ("after she was found ...").
    dropped = {t.i for c in clause.children if c.dep_ in ("advcl", "relcl", "parataxis") for t in c.subtree}
    words = [t for t in clause.subtree if t.i >= clause.i and t.i not in dropped | skip]
    said = text_of(words[:8])
    return f"{text_of(phrase(noun, skip, 6))} {said}" if said else None


def _subject_text(context: ArticleDoc, subject, skip: set[int]) -> str | None:
    """The subject as a title says it. A dateline's place parsed as a second subject
    ("PARIS, March 11 (Reuters) - Military chiefs ... met") gives way to the real one."""
    if subject.i in skip:
        other = next((c for c in subject.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in skip), None)
        if other is None:
            return None
        return _person_subject(context, other) or text_of(phrase(other, skip | {subject.head.i}, 7)) or None
    return _person_subject(context, subject)


def _person_subject(context: ArticleDoc, subject) -> str | None:
    """The subject as the person's name: "He" -> last named person, titles dropped."""
    if subject.lower_ in ("he", "she"):
        before = context.mentions_before(subject.idx)
        person = context.people.get(before[-1].person) if before else None
        return person.name if person else None
    for mention in context.mentions_in(subject.idx, subject.idx + len(subject.text) + 1):
        if subject.pos_ == "PROPN" and not any(c.dep_ in ("conj", "prep") for c in subject.children):
            return mention.text
    return None


def _resolve_possessive(context: ArticleDoc, title: str, noun) -> str:
    """"his meeting with ..." -> "Starmer's meeting with ..." (the person last named)."""
    first = title.split(" ", 1)
    if first[0].lower() not in ("his", "her") or len(first) < 2:
        return title
    before = context.mentions_before(noun.idx)
    person = context.people.get(before[-1].person) if before else None
    if person is None:
        return title
    return f"{person.name.split()[-1]}’s {first[1]}"
