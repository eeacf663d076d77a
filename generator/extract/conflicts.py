"""Figures that sources may give differently, and the conflicts between them.

Per article, `count_claims` records how many leaders or nations a sentence about a meeting
counts, with the meeting as the sentence names it (place, day, noun); other extractors add
figures of their own. `find_conflicts` groups claims about the same thing (the same
normalised key and, for counts at a meeting, the same place or day) and reports those on
which at least two sources give different values.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from generator.model.records import Claim, Conflict
from generator.model.ids import slugify
from generator.extract.calibration import rated
from generator.extract.dates import find_dates
from generator.extract.document import ArticleDoc
from generator.extract.involvement import MEETING_NOUNS, MEETING_PATTERN
from generator.model.lexicon import MONTH_NAMES, NUMBER_WORDS, WEEKDAYS
from generator.extract.findings import FigureClaim, extractor_name

EXTRACTOR = extractor_name("conflicts")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT = re.compile(
    rf"(?P<qualifier>\b(?:more than|over|at least|about|around|some|nearly|almost|fewer than|up to)\s+)?"
    rf"\b(?P<number>\d+|{_NUMBER_WORD})\s+(?:(?:European|world|foreign|other|national|western|allied)\s+)*"
    r"(?P<noun>leaders|nations|countries|states|heads of state|representatives|delegations)\b", re.I)
_EVENT = re.compile(rf"\b(?P<event>{MEETING_PATTERN}|gathered|convening)\b", re.I)
# Nouns that name the occasion itself (the verbs above only say one took place).
_OCCASION_NOUNS = MEETING_NOUNS
# Where the occasion was: "in London", "at Lancaster House" (capitalised words after in/at).
_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_CLAUSE_END = re.compile(r"[,;:—–]|\.\s")
_NOT_A_VENUE = {word.title() for word in (*MONTH_NAMES, *WEEKDAYS)}
_GROUP = {"leaders": "leaders", "heads of state": "leaders", "representatives": "leaders",
          "delegations": "leaders", "nations": "leaders", "countries": "leaders", "states": "leaders"}
_PAST_YEAR = re.compile(r"\b(19\d{2}|20[01]\d)\b")


def count_claims(context: ArticleDoc) -> list[FigureClaim]:
    claims = []
    for sentence in context.sentences:
        chunk = context.text[sentence.start_char:sentence.end_char]
        event = _EVENT.search(chunk)
        if not event or _PAST_YEAR.search(chunk) or context.in_quote(sentence.start_char + 1):
            continue
        for match in _COUNT.finditer(chunk):
            if context.in_quote(sentence.start_char + match.start()):
                continue
            number_text = match.group("number").lower()
            number = float(number_text) if number_text.isdigit() else float(NUMBER_WORDS[number_text])
            if number < 3:
                continue  # "the two leaders": a pair already named, not a headcount
            noun = match.group("noun").lower()
            qualifier = (match.group("qualifier") or "").strip().lower()
            value = " ".join(f"{qualifier} {match.group('number')} {noun}".split())
            claims.append(FigureClaim(
                key=f"count|{_GROUP[noun]}", about="number of leaders at the meeting",
                value=value, number=number, source=context.source, quote=context.quote_of(sentence),
                place=_venue(chunk, match.end()), date=_day(context, sentence, match.start()),
                occasion=event.group("event").lower() if event.group("event").lower() in _OCCASION_NOUNS else None))
            break
    return claims


def _venue(chunk: str, after: int) -> str | None:
    """The place named right after the count, in the same clause: "12 nations joined Starmer
    at the conference in Vienna" → Vienna; a place in a later clause ("following a similar
    meeting in Prague") is another occasion's."""
    end = _CLAUSE_END.search(chunk, after)
    clause = chunk[after:end.start() if end else len(chunk)]
    for match in _VENUE.finditer(clause):
        venue = match.group("venue")
        if venue.split()[0] not in _NOT_A_VENUE:
            return venue
    return None


def _day(context: ArticleDoc, sentence, count_start: int) -> str | None:
    """The day of the occasion: a date the sentence gives before the count ("on Sunday, 12
    nations..."), else the article's own date, a report being about what just happened.
    A date after the count usually dates another occasion ("a meeting two weeks ago")."""
    published = context.article.published_date
    for mention in find_dates(sentence, context.text, published, context.in_quote):
        if mention.date and len(mention.date) == 10 and mention.start - sentence.start_char < count_start:
            return mention.date
    return context.article.published if context.article.published and len(context.article.published) == 10 else None


def _occasions(group: list[FigureClaim]) -> list[list[FigureClaim]]:
    """Claims about one figure split by occasion: two claims are about the same one when they
    name the same place or the same day (linked through others: London on 2 March, then
    Lancaster House on 2 March, then Lancaster House undated). A claim naming neither belongs
    to the largest occasion, the one the articles are mostly about."""
    clusters: list[list[FigureClaim]] = []
    loose: list[FigureClaim] = []
    for claim in group:
        if claim.place is None and claim.date is None:
            loose.append(claim)
            continue
        touching = [c for c in clusters if any(_same_occasion(claim, other) for other in c)]
        merged = [claim] + [member for c in touching for member in c]
        clusters = [c for c in clusters if c not in touching] + [merged]
    if loose:
        if clusters:
            max(clusters, key=len).extend(loose)
        else:
            clusters.append(loose)
    return [sorted(c, key=lambda claim: (claim.source, claim.quote)) for c in clusters]


def _same_occasion(one: FigureClaim, other: FigureClaim) -> bool:
    return (one.place is not None and one.place == other.place) or (one.date is not None and one.date == other.date)


def _about(cluster: list[FigureClaim]) -> str:
    """'number of leaders at the conference in Vienna': the noun and the place most claims use."""
    about = cluster[0].about
    if not cluster[0].key.startswith("count|"):
        return about
    nouns = [claim.occasion for claim in cluster if claim.occasion]
    places = [claim.place for claim in cluster if claim.place]
    noun = max(nouns, key=nouns.count) if nouns else "meeting"
    about = f"number of leaders at the {noun}"
    if places:
        about += f" in {max(places, key=places.count)}"
    else:
        dates = [claim.date for claim in cluster if claim.date]
        if dates:
            about += f" of {max(dates, key=dates.count)}"
    return about


def find_conflicts(claims: list[FigureClaim]) -> list[Conflict]:
    groups: "OrderedDict[str, list[FigureClaim]]" = OrderedDict()
    for claim in sorted(claims, key=lambda c: (c.key, c.source)):
        groups.setdefault(claim.key, []).append(claim)
    conflicts = []
    for group in (cluster for same_key in groups.values() for cluster in _occasions(same_key)):
        values = {_normal(c.value) for c in group}
        sources = {c.source for c in group}
        if len(values) < 2 or len(sources) < 2:
            continue
        seen = set()
        unique = []
        for claim in group:
            marker = (claim.source, _normal(claim.value))
            if marker not in seen:
                seen.add(marker)
                unique.append(Claim(value=claim.value, source=claim.source, quote=claim.quote))
        about = _about(group)
        conflicts.append(Conflict(id=slugify(about, 6), about=about, claims=unique,
                                  extractor=EXTRACTOR, **rated(*_linked_by(group))))
    # Short ids read well, but two occasions ("at the meeting in Vienna", "... in Prague") may
    # share the first words: those take their whole description.
    short_ids = [conflict.id for conflict in conflicts]
    for conflict in conflicts:
        if short_ids.count(conflict.id) > 1:
            conflict.id = slugify(conflict.about, 12, 120)
    return sorted(conflicts, key=lambda c: c.id)


def _linked_by(cluster: list[FigureClaim]) -> tuple[str, float]:
    """The rule that put the claims together, with its prior: one figure of one named thing,
    counts at one place, counts on one day (often only the articles' own dates), or counts some
    of which name neither and were joined to the occasion most claims are about."""
    if not cluster[0].key.startswith("count|"):
        return "conflicts.figure", 0.6
    if any(claim.place is None and claim.date is None for claim in cluster):
        return "conflicts.unplaced", 0.4
    if len({claim.place for claim in cluster}) == 1:
        return "conflicts.same-place", 0.6
    if len({claim.date for claim in cluster}) == 1:
        return "conflicts.same-day", 0.5
    return "conflicts.linked", 0.4


def _normal(value: str) -> str:
    return " ".join(value.lower().replace(",", "").split())
