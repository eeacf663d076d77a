"""Timeline events: sentences that say something happened on a date.

One event per dated sentence, dated by its first resolvable expression outside quotations;
targets ("by 2027") and questions are not events. The title is the clause the date belongs to,
reduced to subject, verb and object.
"""

from __future__ import annotations

import re

from generator.model.facts import Evidence, Event
from generator.model.ids import slugify
from generator.extract.clauses import attached_noun, capitalise, describe, governing_verb, phrase, text_of
from generator.extract.dates import find_dates
from generator.extract.inflection import base_in
from generator.extract.document import ArticleDoc
from generator.extract.records import extractor_name

EXTRACTOR = extractor_name("events")
# Nouns that name an occurrence, so that a date modifying them dates them ("a summit two
# weeks ago", "his meeting with the president on Thursday").
EVENT_NOUNS = frozenset({
    "meeting", "summit", "talks", "visit", "call", "clash", "interview", "invasion", "attack",
    "conference", "election", "vote", "speech", "announcement", "agreement", "deal", "contract",
    "ceasefire", "truce", "session", "debate", "trip", "war", "offensive", "strike", "signing",
    "row", "spat", "argument", "address", "statement", "referendum", "operation", "mission",
})
_DATELINE = re.compile(r"\s*[-–—]\s*\d{1,2}:\d{2}")
_SPEECH = frozenset({"say", "tell", "add", "write", "post", "explain", "insist", "warn", "stress", "note"})


def extract_events(context: ArticleDoc) -> list[Event]:
    published = context.article.published_date
    events: dict[str, Event] = {}
    for sentence in context.sentences:
        quote = context.quote_of(sentence)
        if quote.endswith("?") or len(quote.split()) < 5:
            continue
        dates = [d for d in find_dates(sentence, context.text, published, context.in_quote)
                 if d.kind != "target" and d.date]
        if not dates:
            continue
        # A dateline ("Mar 3, 2025 - 21:21") is the article's own date, not news.
        dates = [d for d in dates if not _DATELINE.match(context.text, d.end)]
        if not dates:
            continue
        mention = dates[0]
        verb = governing_verb(sentence, mention.start)
        quoted = sum(1 for t in sentence if context.in_quote(t.idx))
        if base_in(verb, _SPEECH) and quoted > len(sentence) / 2:
            continue  # an attribution line: the quote is the news, not the speaking
        skip = {t.i for t in sentence if mention.start <= t.idx < mention.end}
        for token in sentence:
            if token.dep_ == "prep" and token.i not in skip and any(c.i in skip for c in token.children):
                skip.add(token.i)
        noun = attached_noun(sentence, mention.start, mention.end)
        if noun is not None and base_in(noun, EVENT_NOUNS) and noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            title = capitalise(_resolve_possessive(context, text_of(phrase(noun, skip, 8)), noun))
        else:
            title = describe(verb, skip, lambda subject: _person_subject(context, subject))
        if not title or len(title.split()) < 2:
            continue  # no clear clause: better no event than a garbled one
        people = sorted({m.person for m in context.mentions_in(sentence.start_char, sentence.end_char)})
        event_id = f"{mention.date}-{slugify(title, 5)}"
        if event_id in events:
            continue
        events[event_id] = Event(
            id=event_id, date=mention.date, approximate=mention.approximate, title=title,
            summary=quote, people=people, date_note=mention.note,
            evidence=[Evidence(source=context.source, quote=quote)], extractor=EXTRACTOR,
            confidence=0.7 if mention.kind == "absolute" else 0.6,
        )
    return sorted(events.values(), key=lambda e: e.id)


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
