"""Earlier coalitions of the willing: a past year plus a multinational military force.

"In 1999, an Australia-led International Force East Timor (INTERFET) under a United Nations
mandate ..." gives the name, year, leader and mandate; "In 2003, 30 countries ... provided
support to ... invasion of Iraq, which did not have a UN mandate" gives the size and the lack
of a mandate.
"""

from __future__ import annotations

import re

from generator.model.kinds.coalitions import Coalition
from generator.model.records import Evidence
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.extract.dates import find_dates
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc
from generator.extract.merging import People, unique
from generator.extract.findings import ArticleFacts, Extractor, Merged, StoryExtraction, extractor_name
from generator.extract.pattern_store import compiled

EXTRACTOR = extractor_name("coalitions")
_MILITARY = re.compile(r"\b(?:invasion|troops|soldiers|force|forces|mission|peacekeep\w*|military)\b", re.I)
_MULTINATIONAL = re.compile(r"\b(?:coalition|mandate|multinational|multi-national|\d+ (?:countries|nations)|countries|nations|-led)\b", re.I)
_NAMED_FORCE = re.compile(r"(?P<name>(?:[A-Z][\w-]*\s+){1,6}[A-Z][\w-]*)\s*(?:\(|,\s+known as\s+)(?P<acronym>[A-Z]{3,})\b")
# "Operation Alba", "the International Security Assistance Force": a force named without an acronym.
_FORCE_NAME = re.compile(r"\b(?P<name>Operation\s+[A-Z]\w+(?:\s+[A-Z]\w+)?|"
                         r"(?:[A-Z]\w+\s+){1,4}(?:Force|Mission|Coalition)(?:\s+(?:in|for)\s+[A-Z]\w+|\s+[A-Z]\w+){0,2})")
_LED = compiled(rf"\b(?P<leader>{gazetteer.PLACE_NAMES_PATTERN})-led\b|\bled by (?:the\s+)?(?P<leader2>{gazetteer.PLACE_NAMES_PATTERN})"
                rf"|\b(?P<leader3>{gazetteer.PLACE_NAMES_PATTERN})\s+led\b")
# What may open a force's name without being part of it: an article ("The"), "US-led", "In".
_LEADING_WORDS = compiled(rf"^(?:An?|The)\s+|^(?:{gazetteer.PLACE_NAMES_PATTERN})-led\s+|^(?:In|By|Since)\s+")
_INVASION = re.compile(r"(?P<who>(?:[A-Z][\w]*\s+){0,3}[A-Z]\w*)(?:['’]s|-led) invasion of (?P<target>[A-Z]\w+)")
_MANDATE = re.compile(r"\b(?P<negation>(?:did not|didn't|without|no)\s+(?:have\s+)?(?:a\s+)?)?(?:under\s+(?:a\s+)?)?(?P<body>United Nations|UN|U\.N\.|NATO)\s+mandate\b")
_SIZE = re.compile(r"\b(?P<size>\d+ (?:countries|nations))\b|\bmade up of (?P<made>[^.;]{3,80}?)(?=\s+landed|\s+arrived|[.;]|$)")


def extract_coalitions(context: ArticleDoc) -> list[Coalition]:
    published = context.article.published_date
    coalitions: dict[str, Coalition] = {}
    for sentence in context.sentences:
        chunk = context.text[sentence.start_char:sentence.end_char]
        if not (_MILITARY.search(chunk) and _MULTINATIONAL.search(chunk)):
            continue
        years = [d for d in find_dates(sentence, context.text, None, context.in_quote)
                 if d.kind == "absolute" and d.date and len(d.date) == 4]
        if not years:
            continue
        year = int(years[0].date)
        if published and year >= published.year:
            continue
        name, led_by = None, None
        named = _NAMED_FORCE.search(chunk)
        plain = _FORCE_NAME.search(chunk)
        if named:
            name = f"{named.group('name').strip()} ({named.group('acronym')})"
        elif plain:
            name = plain.group("name").strip()
        if name:
            name = _LEADING_WORDS.sub("", name)
        led = _LED.search(chunk)
        if led:
            leader = gazetteer.place_by_name(led.group("leader") or led.group("leader2") or led.group("leader3"))
            led_by = leader.name if leader else None
        invasion = _INVASION.search(chunk)
        if name is None and invasion:
            name = f"Coalition for the invasion of {invasion.group('target')}"
            if led_by is None and not invasion.group(0).split(" invasion")[0].endswith("-led"):
                led_by = _leader_of(context, sentence, invasion)
        if name is None:
            continue
        mandate = _MANDATE.search(chunk)
        mandate_text = None
        if mandate:
            body = "UN" if mandate.group("body") in ("United Nations", "UN", "U.N.") else mandate.group("body")
            mandate_text = f"no {body} mandate" if mandate.group("negation") else f"{body} mandate"
        size = _SIZE.search(chunk)
        size_text = (size.group("size") or size.group("made")).strip() if size else None
        coalition_id = f"{slugify(name, 4)}-{year}"
        if coalition_id in coalitions:
            continue
        quote = context.quote_of(sentence)
        coalitions[coalition_id] = Coalition(
            id=coalition_id, name=name, year=year, led_by=led_by, mandate=mandate_text,
            size=size_text, summary=quote, evidence=[Evidence(source=context.source, quote=quote)],
            extractor=EXTRACTOR, **rated("coalitions.named", 0.6),
        )
    return sorted(coalitions.values(), key=lambda c: c.id)


def _leader_of(context: ArticleDoc, sentence, invasion) -> str | None:
    """The country of the person whose invasion it was ("former US President ... Bush's")."""
    start = sentence.start_char + invasion.start("who")
    end = sentence.start_char + invasion.end("who")
    for mention in context.mentions_in(start - 60, end + 3):
        person = context.people.get(mention.person)
        if person and person.country:
            place = gazetteer.place(person.country)
            return place.name if place else None
    return None


def _combine(results: list[ArticleFacts], people: People) -> Merged:
    return Merged(unique([c.model_copy(deep=True) for r in results for c in r.coalitions]))


KIND = StoryExtraction(
    Extractor(EXTRACTOR, "coalitions", lambda context: {"coalitions": extract_coalitions(context)}), _combine)
