"""Figures that sources may give differently, the conflicts between them, and how they move.

Per article, `count_claims` records how many leaders or nations a sentence about a meeting
counts, with the meeting as the sentence names it (place, day, noun); other extractors add
figures of their own. `find_conflicts` groups claims about the same thing (the same
normalised key and, for counts at a meeting, the same place or day) and reports those on
which at least two sources give different values. `find_figures` follows a count from one
occasion to the next: a higher count at a later meeting is a development, never a conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, OrderedDict

from generator.model.records import Claim, Conflict, Figure, Reading
from generator.model.ids import slugify
from generator.extract.calibration import rated
from generator.extract.dates import find_dates
from generator.extract.document import ArticleDoc
from generator.extract.involvement import MEETING_NOUNS, MEETING_PATTERN
from generator.model.lexicon import MONTH_NAMES, NUMBER_WORDS, WEEKDAYS
from generator.extract.findings import FigureClaim, extractor_name
from generator.extract.pattern_store import compiled

EXTRACTOR = extractor_name("conflicts")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_COUNT = compiled(
    rf"(?P<qualifier>\b(?:more than|over|at least|about|around|some|nearly|almost|fewer than|up to)\s+)?"
    rf"\b(?P<number>\d+|{_NUMBER_WORD})\s+(?:(?:European|world|foreign|other|national|western|allied)\s+)*"
    r"(?P<noun>leaders|nations|countries|states|heads of state|representatives|delegations)\b", re.I)
_EVENT = re.compile(rf"\b(?P<event>{MEETING_PATTERN}|gathered|convening)\b", re.I)
# Nouns that name the occasion itself (the verbs above only say one took place).
_OCCASION_NOUNS = MEETING_NOUNS
# Where the occasion was: "in London", "at Lancaster House" (capitalised words after in/at).
_VENUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?P<venue>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
_CLAUSE_END = re.compile(r"[,;:—–]|\.\s")
# Words that put an occasion just before a place: "a conference in Vienna", "was held in Paris".
_OCCASION_BEFORE = re.compile(rf"\b(?:{MEETING_PATTERN}|held|hosted|met|gathered|convened|took place)\b[^.]*$", re.I)
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
                place=_venue(chunk, match.end()) or _only_venue(chunk), **_day(context, sentence, match.start()),
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


def _only_venue(chunk: str) -> str | None:
    """The place of a sentence that names one place of an occasion only, before or after the
    count: "a meeting ... was held in Paris, attended by representatives of 31 countries". A
    place is the occasion's when the words just before it, in its clause, name or hold the
    occasion; "forces in Moldova" is where forces would serve, not where anyone met."""
    venues = {match.group("venue") for match in _VENUE.finditer(chunk)
              if match.group("venue").split()[0] not in _NOT_A_VENUE and _OCCASION_BEFORE.search(
                  _CLAUSE_END.split(chunk[max(0, match.start() - 60):match.start()])[-1])}
    return venues.pop() if len(venues) == 1 else None


def _day(context: ArticleDoc, sentence, count_start: int) -> dict[str, object]:
    """The day of the occasion: a date the sentence gives before the count ("on Sunday, 12
    nations..."), else the article's own date, a report being about what just happened.
    A date after the count usually dates another occasion ("a meeting two weeks ago")."""
    published = context.article.published_date
    for mention in find_dates(sentence, context.text, published, context.in_quote):
        if mention.date and len(mention.date) == 10 and mention.start - sentence.start_char < count_start:
            return {"date": mention.date}
    if published is None:
        return {"date": None}
    return {"date": published.isoformat(), "dated_by_article": True}


def _occasions(group: list[FigureClaim]) -> list[list[FigureClaim]]:
    """Claims about one figure split by occasion: two claims are about the same one when they
    name the same day (a report may date it by its own date, a day later), or the same place
    on days that do not differ; linked through others (London on 2 March, then Lancaster House
    on 2 March, then Lancaster House undated), but never so that one occasion holds two days
    apart (Paris in March and Paris in January are two meetings). A claim naming neither place
    nor day belongs to the largest occasion, the one the articles are mostly about, and makes
    its conflict one to review; with no occasion placed at all, it stands alone."""
    clusters: list[list[FigureClaim]] = []
    loose: list[FigureClaim] = []
    for claim in group:
        if claim.place is None and claim.date is None:
            loose.append(claim)
            continue
        touching = [c for c in clusters if any(_same_occasion(claim, other) for other in c)
                    and not any(_apart(claim, other) for other in c)]
        joined: list[list[FigureClaim]] = []
        for cluster in sorted(touching, key=len, reverse=True):
            if not any(_apart(one, other) for one in cluster for other in (claim, *(m for c in joined for m in c))):
                joined.append(cluster)
        merged = [claim] + [member for c in joined for member in c]
        clusters = [c for c in clusters if not any(c is j for j in joined)] + [merged]
    if clusters:
        max(clusters, key=len).extend(loose)
    elif loose and loose[0].key.startswith("count|"):
        # Counts at meetings that name neither place nor day, with nothing else to place them
        # by, may each be of another meeting: none is set against another.
        clusters = [[claim] for claim in loose]
    elif loose:
        clusters.append(loose)     # a figure of one named thing ("the UK's contribution") needs no occasion
    return [sorted(c, key=lambda claim: (claim.source, claim.quote)) for c in clusters]


def _same_occasion(one: FigureClaim, other: FigureClaim) -> bool:
    # One day at two place names is one occasion ("London", "Lancaster House").
    if one.date is not None and other.date is not None and _days_apart(one.date, other.date) <= 1:
        return True
    return one.place is not None and one.place == other.place


def _apart(one: FigureClaim, other: FigureClaim) -> bool:
    """Whether two claims cannot be about one occasion: the days their sentences give are more
    than a day apart, or a report dated by its article (about what just happened) is more than
    `REPORT_LAG_DAYS` from the other's day: a count of January is not one of the March before."""
    if one.date is None or other.date is None:
        return False
    lag = REPORT_LAG_DAYS if one.dated_by_article or other.dated_by_article else 1
    return _days_apart(one.date, other.date) > lag


# How long after an occasion a report dated only by its own date may still be about it: a
# weekly's or a late report.
REPORT_LAG_DAYS = 7


def _day_words(day: str) -> str:
    """'2025-03-16' as readers write it: '16 March 2025'."""
    year, month, date = day.split("-")
    return f"{int(date)} {MONTH_NAMES[int(month) - 1].title()} {year}"


def _days_apart(one: str, other: str) -> int:
    return abs((dt.date.fromisoformat(one) - dt.date.fromisoformat(other)).days)


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
            about += f" of {_day_words(max(dates, key=dates.count))}"
    return about


def find_conflicts(claims: list[FigureClaim]) -> list[Conflict]:
    groups: "OrderedDict[str, list[FigureClaim]]" = OrderedDict()
    for claim in sorted(claims, key=lambda c: (c.key, c.source)):
        groups.setdefault(claim.key, []).append(claim)
    conflicts = []
    for group in (cluster for same_key in groups.values() for cluster in _occasions(same_key)):
        values = {_normal(c.value) for c in group}
        sources = {c.source for c in group}
        if len(values) < 2 or len(sources) < 2 or not _disagree(group):
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
    short_ids = Counter(conflict.id for conflict in conflicts)
    for conflict in conflicts:
        if short_ids[conflict.id] > 1:
            conflict.id = slugify(conflict.about, 12, 120)
    return sorted(conflicts, key=lambda c: c.id)


def find_figures(claims: list[FigureClaim]) -> list[Figure]:
    """Each count the articles give for two or more occasions on different days, with every
    source's value on each, oldest first. A count with no day of its own (no date in its
    sentence, and an undated article) has no place in the series and is left out: unlike a
    conflict, it is never given the occasion most counts are about."""
    groups: "OrderedDict[str, list[FigureClaim]]" = OrderedDict()
    for claim in sorted(claims, key=lambda c: (c.key, c.source)):
        if claim.key.startswith("count|") and claim.date:
            groups.setdefault(claim.key, []).append(claim)
    figures = []
    for key, group in groups.items():
        dated = [(day, cluster) for cluster in _occasions(group) for day in [_occasion_day(cluster)] if day]
        if len({day for day, _ in dated}) < 2:
            continue
        readings, seen = [], set()
        for day, cluster in dated:
            occasion = _about(cluster).removeprefix("number of leaders at ")
            for claim in cluster:
                marker = (day, occasion, claim.source, _normal(claim.value))
                if marker not in seen:
                    seen.add(marker)
                    readings.append(Reading(value=claim.value, number=claim.number, as_of=day, occasion=occasion,
                                            source=claim.source, quote=claim.quote))
        readings.sort(key=lambda r: (r.as_of, r.occasion, r.number or 0, r.source))
        about = f"number of {key.split('|', 1)[1]} at each meeting"
        figures.append(Figure(id=slugify(f"{key.split('|', 1)[1]} at each meeting"), about=about, readings=readings,
                              extractor=EXTRACTOR, **rated("figures.occasions", 0.75)))
    return sorted(figures, key=lambda f: f.id)


def _occasion_day(cluster: list[FigureClaim]) -> str | None:
    """The day of an occasion: the one its sentences give most often, else the earliest of the
    reporting articles' own dates (a report being about what just happened)."""
    said = [claim.date for claim in cluster if claim.date and not claim.dated_by_article]
    if said:
        return max(sorted(set(said)), key=said.count)
    reported = sorted(claim.date for claim in cluster if claim.date)
    return reported[0] if reported else None


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


# How far a count's qualifier stretches it: "over 35" may be 35 as the writer rounds it, "around
# 30" anything near 30. A count with a qualifier is a range; sources whose ranges meet agree.
_QUALIFIER_RANGE = {"more than": (1, None), "over": (1, None), "at least": (1, None), "about": (0.85, 1.15),
                    "around": (0.85, 1.15), "some": (0.85, 1.15), "nearly": (0.85, 1), "almost": (0.85, 1),
                    "fewer than": (0, 1), "up to": (0, 1)}


def _disagree(group: list[FigureClaim]) -> bool:
    """Whether two of the claims give figures that cannot both be right: headcounts whose ranges
    do not meet ("12 nations" and "18 leaders", not "35 countries" and "over 35 countries", a
    hedge on who attended); any other figure as its words differ ("5,000" and "over 5,000"
    missiles in one deal are two accounts of its contract)."""
    if not group[0].key.startswith("count|"):
        return True
    ranges = [_range(claim) for claim in group]
    if any(r is None for r in ranges):
        return True
    return any(a[1] < b[0] or b[1] < a[0] for index, a in enumerate(ranges) for b in ranges[index + 1:])


def _range(claim: FigureClaim) -> tuple[float, float] | None:
    if claim.number is None:
        return None
    words = _normal(claim.value)
    low, high = next((stretch for qualifier, stretch in _QUALIFIER_RANGE.items() if words.startswith(qualifier)), (1, 1))
    return claim.number * low, float("inf") if high is None else claim.number * high


def _normal(value: str) -> str:
    return " ".join(value.lower().replace(",", "").split())
