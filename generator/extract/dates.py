"""Date expressions in a sentence, resolved without inventing precision.

"In 1999" is a year, "February 2022" a month; a weekday ("on Sunday"), a feast ("on Christmas
Day"), "today", "two weeks ago" or "last week" is resolved against the article's publication
date, and the note says how. Without a publication date, relative expressions are left
unresolved rather than guessed; a day written without a year ("on March 28") takes the year of
the story's dated articles only when that year is not in doubt. "by 2027" is a target,
returned as such so that callers can keep it out of the timeline, and a date still to come
("will meet on Friday", "due to meet on 12 March") is marked `future`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.extract.inflection import base_in
from generator.model.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, NUMBER_WORDS, WEEKDAYS

if TYPE_CHECKING:  # annotations only: a run that parses nothing never imports spaCy
    from spacy.tokens import Span, Token

_MONTH = r"(?P<month>" + "|".join(m.title() for m in MONTH_NAMES) + \
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?P<weekday>" + "|".join(w.title() for w in WEEKDAYS) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# Days of the calendar that news names instead of dates, by month and day; Easter's are days
# after (or before) Easter Sunday, which moves.
FIXED_FEASTS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "orthodox christmas": (1, 7), "christmas": (12, 25),
}
EASTER_FEASTS = {"easter sunday": 0, "easter monday": 1, "good friday": -2, "orthodox easter": 0}
_FEAST = (r"(?P<feast>Christmas Day|Christmas Eve|Boxing Day|New Year['’]s Day|New Year['’]s Eve|"
          r"Valentine['’]s Day|Halloween|Easter Sunday|Easter Monday|Good Friday|Orthodox Christmas|"
          r"Orthodox Easter)")
_PATTERNS = [
    # A weekday with its date ("Wednesday 12 March", "Monday, 31 March", "Thursday (July 10)",
    # "Tuesday, Nov. 25, 2025"): one expression, dated by the date; the weekday only checks it.
    ("day", re.compile(rf"\b{_WEEKDAY},?\s+(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("day", re.compile(rf"\b{_WEEKDAY},?\s+{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("day", re.compile(rf"\b{_WEEKDAY}\s*\(\s*(?:{_DAY}\s+{_MONTH}|"
                       + _MONTH.replace("?P<month>", "?P<month_first>") + r"\s+"
                       + _DAY.replace("?P<day>", "?P<day_after>") + rf")(?:,?\s+{_YEAR})?\s*\)")),
    ("day", re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("month", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")),
    # A month without a year: "in March", "at the end of February", "since early May".
    ("month-no-year", re.compile(rf"\b(?:in|during|since|earlier in|later in|at the (?:end|start|beginning|turn) of)"
                                 rf"\s+(?:(?:early|late|mid)[- ]?)?{_MONTH}\b(?!\.?\s*\d)")),
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d{{4}})")),
    ("day", re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!\s+\d{{4}})")),
    ("feast", re.compile(rf"\b(?:on\s+)?{_FEAST}(?:,?\s+(?:of\s+)?{_YEAR}\b)?|\bon\s+(?P<plain>Christmas)\b")),
    ("target", re.compile(r"\b(?:by|until|before|from|to|through|in the next)\s+(?P<year>(?:19|20)\d{2})\b", re.I)),
    ("year", re.compile(r"\b(?:in|during|since|from|of)\s+(?P<year>(?:19|20)\d{2})\b(?![-–]\d)", re.I)),
    # "the 2022 full-scale invasion": a year before the noun it dates.
    ("year-before-noun", re.compile(r"(?<=\b[Tt]he )(?P<year>(?:19|20)\d{2})(?=\s+[a-z])")),
    ("last-year", re.compile(r"\blast\s+year\b", re.I)),
    ("ago", re.compile(r"\b(?P<count>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>day|days|week|weeks|month|months)\s+ago\b", re.I)),
    ("last-week", re.compile(r"\blast\s+(?P<unit>week|month)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\b(?P<word>today|tonight|tomorrow)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|next|this|on|On)\s+)?{_WEEKDAY}\b")),
]
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "would", "could", "may", "might", "should", "must"}
# Verbs whose infinitive says what is still to come ("due to meet", "set to take effect").
_PLANNING = frozenset({"due", "set", "expect", "schedule", "slate", "plan", "intend", "poise", "prepare",
                       "aim", "hope", "go"})
# Participles that put the day ahead ("scheduled for April 11", "expected on Friday").
_PLANNED = frozenset({"schedule", "slate", "expect", "plan"})
# Newspapers and named days with a weekday in their name: "the Sunday Times", "the Mail on
# Sunday", "Super Tuesday", "Black Friday" are no dates.
_PAPER_AFTER = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Independent|Star|World|Tribune|Age|"
                          r"Sport|Business|Observer|Mail|People|Record|Sun|Life|Magazine|Edition|Night)\b")
_PAPER_BEFORE = re.compile(r"\b(?:Mail|Independent|Sun|Scotland|Wales|Post|Observer)\s+(?:on\s+)?$")
# A day that names an atrocity of some year, not a day of the story: "the September 11 attacks".
_NAMED_ATROCITY_AFTER = re.compile(r"\s+(?:terror(?:ist)?\s+)?(?:attacks?|bombings?|massacres?|shootings?)\b")
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Super|Black|Bloody|Good|Ash|Palm|Easter|Holy|Cyber|Giving|Maundy|Shrove|"
                               r"Whit|Low|Trinity|Manic|Blue|Mad)\s+$")


@dataclass
class DateMention:
    text: str
    start: int          # character offsets into the article
    end: int
    kind: str           # "absolute" | "relative" | "target"
    date: str | None = None
    approximate: bool = False
    note: str | None = None
    future: bool = False   # still to come when the article was written: a plan, not a happening
    year_from_story: bool = False  # a day without a year, in the year of the story's dated articles


def _month_number(name: str) -> int:
    name = name.rstrip(".").lower()
    return MONTH_NAMES.index(name) + 1 if name in MONTH_NAMES else MONTH_ABBREVIATIONS[name[:4] if name == "sept" else name[:3]]


def _long_date(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1].title()} {day.year}"


def easter(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday of a year: the Gregorian computus, or the Julian one for the Orthodox
    churches, whose Julian date is 13 days behind the Gregorian calendar from 1900 to 2099."""
    if orthodox:
        d = (19 * (year % 19) + 15) % 30
        e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=13)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


class _TokenStarts(Sequence):
    """The character offsets of a sentence's tokens, read on demand, for a binary search."""

    def __init__(self, sentence: Span):
        self.doc, self.first, self.count = sentence.doc, sentence.start, sentence.end - sentence.start

    def __len__(self) -> int:
        return self.count

    def __getitem__(self, index: int) -> int:
        return self.doc[self.first + index].idx


def _token_at(sentence: Span, start: int) -> Token | None:
    """The first token at or after `start`, by binary search: a scan of the sentence for every
    date would make a long sentence of many dates quadratic."""
    index = bisect_left(_TokenStarts(sentence), start)
    return sentence.doc[sentence.start + index] if index < sentence.end - sentence.start else None


def _verb_of(sentence: Span, start: int) -> Token | None:
    """The verb the expression at `start` depends on, if one is near."""
    token = _token_at(sentence, start)
    steps = 0
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < 6:
        token = token.head
        steps += 1
    return token if token is not None and token.pos_ in ("VERB", "AUX") else None


def _is_future(sentence: Span, start: int) -> bool:
    """Future if the verb governing the expression has 'will', 'would' or another modal (not
    'would have'), is the infinitive of a plan ("due to meet", "set to take effect", "is to
    visit"), or is a plan's participle ("scheduled for April 11")."""
    verb = _verb_of(sentence, start)
    if verb is None:
        return False
    children = list(verb.children)
    if verb.lower_ in _FUTURE_AUX:
        return True
    modal = any(c.lower_ in _FUTURE_AUX for c in children)
    perfect = any(c.lower_ == "have" and c.dep_ == "aux" for c in children)
    if modal and not perfect:
        return True
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in children) and verb.dep_ == "xcomp":
        head = verb.head
        if base_in(head, _PLANNING) or head.lower_ in ("is", "are", "was", "were", "be"):
            return True
    return verb.tag_ == "VBN" and base_in(verb, _PLANNED)


def _is_present_progressive(sentence: Span, start: int) -> bool:
    verb = _verb_of(sentence, start)
    return verb is not None and verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "'s", "’s", "'re", "’re") for c in verb.children)


def find_dates(sentence: Span, text: str, published: dt.date | None, in_quote=lambda c: False,
               story_years: tuple[int, ...] = ()) -> list[DateMention]:
    """Every date expression in the sentence, outside quotations, in order of position.
    `story_years` are the years of the story's dated articles, for an article without a date."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    chunk = text[sentence.start_char:sentence.end_char]
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(chunk):
            start, end = sentence.start_char + match.start(), sentence.start_char + match.end()
            if any(s < end and start < e for s, e in taken) or in_quote(start):
                continue
            if kind == "day" and not match.groupdict().get("year") and _NAMED_ATROCITY_AFTER.match(chunk, match.end()):
                taken.append((start, end))
                continue
            if kind == "weekday" and _names_no_day(chunk, match):
                taken.append((start, end))   # and no other pattern may read it as a date either
                continue
            mention = _resolve(kind, match, start, end, sentence, published, story_years)
            if mention is not None:
                taken.append((start, end))
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


# A date written with its year: "10 April 2025", "April 10, 2025", "April 2025".
_WITH_YEAR = [pattern for kind, pattern in _PATTERNS if kind in ("day", "month") and "?P<year>" in pattern.pattern]


@lru_cache(maxsize=64)
def written_years(text: str) -> tuple[int, ...]:
    """The years of the dates the text writes in full, in order: an undated article that says
    "on 10 April 2025" and then "On 11 April" means the same year."""
    years = {int(m["year"]) for pattern in _WITH_YEAR for m in pattern.finditer(text) if m["year"]}
    return tuple(sorted(years))


def _names_no_day(chunk: str, match: re.Match) -> bool:
    """A weekday in the name of a paper or of a day: "the Sunday Times", "the Mail on Sunday",
    "Super Tuesday"."""
    weekday_start = match.start("weekday")
    before = chunk[max(0, weekday_start - 30):weekday_start]   # a few words: the search stays short
    return bool(_PAPER_AFTER.match(chunk, match.end()) or _PAPER_BEFORE.search(before)
                or _NAMED_DAY_BEFORE.search(before))


def _year_candidates(published: dt.date | None, story_years: tuple[int, ...]) -> list[int]:
    if published is not None:
        return [published.year - 1, published.year, published.year + 1]
    return list(story_years)


def _day_without_year(month: int, day: int, weekday: int | None, published: dt.date | None,
                      story_years: tuple[int, ...]) -> tuple[dt.date | None, bool]:
    """The day a date without a year means: the one nearest the publication date (so "28
    December" in an article of 5 January is last year's), or, undated, the story's year. A
    weekday beside it picks the year it fits. Also whether a weekday was given that fits
    none of them (the written date is kept)."""
    candidates = []
    for year in _year_candidates(published, story_years):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:  # 29 February, 31 April
            continue
    fitting = [c for c in candidates if weekday is None or c.weekday() == weekday]
    mismatch = weekday is not None and not fitting
    if mismatch:
        fitting = candidates
    if published is not None:
        return (min(fitting, key=lambda c: abs((c - published).days)) if fitting else None), mismatch
    # Undated: only a year the story leaves in no doubt.
    return (fitting[0] if len(fitting) == 1 else None), mismatch


def _resolve(kind, match, start, end, sentence, published, story_years) -> DateMention | None:
    said = match.group(0)
    mention = DateMention(said, start, end, "absolute")
    groups = match.groupdict()
    pub_text = _long_date(published) if published else None
    if kind == "day":
        month_name = groups.get("month") or groups.get("month_first")
        day_number = int(groups.get("day") or groups.get("day_after"))
        weekday = WEEKDAYS.index(groups["weekday"].lower()) if groups.get("weekday") else None
        if groups.get("year"):
            try:
                day = dt.date(int(groups["year"]), _month_number(month_name), day_number)
            except ValueError:
                return None
            mention.date = day.isoformat()
            if weekday is not None and day.weekday() != weekday:
                mention.note = f"“{said.strip()}”: the weekday is not that of the date, which is kept"
        else:
            mention.kind = "relative"
            day, mismatch = _day_without_year(_month_number(month_name), day_number, weekday, published, story_years)
            if day is None:
                return None
            mention.date = day.isoformat()
            if published is not None:
                mention.note = f"“{said.strip()}” in an article dated {pub_text}"
            else:
                mention.note = f"“{said.strip()}”, in the year of the story’s dated articles"
                mention.year_from_story = True
            if mismatch:
                mention.note += "; the weekday is not that of the date, which is kept"
        if published is not None and day > published:
            mention.future = True
    elif kind == "month":
        mention.date = f"{int(groups['year']):04d}-{_month_number(groups['month']):02d}"
        if published and mention.date > published.isoformat()[:7]:
            mention.future = True
    elif kind == "month-no-year":
        return _month_without_year(mention, _month_number(groups["month"]), sentence, start, published, story_years)
    elif kind in ("year", "year-before-noun"):
        mention.date = groups["year"]
        latest = published.year if published else max(story_years, default=None)
        if latest is None and kind == "year-before-noun":
            return None  # "the 2027 election" in an undated text: past or to come, nothing says
        if latest is not None and int(groups["year"]) > latest:
            mention.kind = "target"
    elif kind == "target":
        mention.kind, mention.date = "target", groups["year"]
    elif kind == "feast":
        return _feast(mention, groups, sentence, start, published, story_years)
    else:
        mention.kind = "relative"
        if published is None:
            return None  # nothing to resolve against: never guess
        if kind == "last-year":
            mention.date = str(published.year - 1)
        elif kind == "yesterday":
            mention.date = (published - dt.timedelta(days=1)).isoformat()
        elif kind == "today":
            tomorrow = groups["word"].lower() == "tomorrow"
            mention.date = (published + dt.timedelta(days=1 if tomorrow else 0)).isoformat()
            mention.future = tomorrow or _is_future(sentence, start)
        elif kind == "ago":
            count = groups["count"].lower()
            number = 1 if count in ("a", "an") else NUMBER_WORDS.get(count) or int(count)
            unit = groups["unit"].lower().rstrip("s")
            if unit == "month":
                month_index = published.year * 12 + published.month - 1 - number
                mention.date = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
            else:
                days = number * (7 if unit == "week" else 1)
                mention.date = (published - dt.timedelta(days=days)).isoformat()
            mention.approximate = unit != "day"
        elif kind == "last-week":
            if groups["unit"].lower() == "week":
                mention.date = (published - dt.timedelta(days=7)).isoformat()
                mention.approximate = True
            else:
                month_index = published.year * 12 + published.month - 2
                mention.date = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
        elif kind == "weekday":
            target = WEEKDAYS.index(groups["weekday"].lower())
            which = (groups.get("which") or "").lower()
            # "Leaders are meeting on Thursday": the present progressive of an arrangement,
            # this week's Thursday, which is today in an article of a Thursday.
            arranged = which != "last" and _is_present_progressive(sentence, start)
            future = which == "next" or (which != "last" and _is_future(sentence, start))
            if future or arranged:
                delta = (target - published.weekday()) % 7 or (7 if which == "next" else 0)
                day = published + dt.timedelta(days=delta)
            else:
                day = published - dt.timedelta(days=(published.weekday() - target) % 7)
            mention.date = day.isoformat()
            mention.future = future or day > published
        mention.note = f"“{said.strip()}” in an article dated {pub_text}"
        return mention
    if mention.kind != "target" and not mention.future and mention.date and len(mention.date) == 10:
        mention.future = _is_future(sentence, start)
    return mention


def _month_without_year(mention: DateMention, month: int, sentence, start: int, published: dt.date | None,
                        story_years: tuple[int, ...]) -> DateMention | None:
    """"in March": the last March up to the publication date, or the next one when the verb is
    in the future; in an undated article, the story's year if it has only one."""
    mention.kind = "relative"
    future = _is_future(sentence, start)
    if published is not None:
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        mention.note = f"“{mention.text.strip()}” in an article dated {_long_date(published)}"
    elif len(story_years) == 1:
        year = story_years[0]
        mention.note = f"“{mention.text.strip()}”, in the year of the story’s dated articles"
        mention.year_from_story = True
    else:
        return None
    mention.date = f"{year:04d}-{month:02d}"
    mention.future = future or (published is not None and mention.date > published.isoformat()[:7])
    return mention


def _feast(mention: DateMention, groups: dict, sentence, start: int, published: dt.date | None,
           story_years: tuple[int, ...]) -> DateMention | None:
    """A named day: in the year written, else its last occurrence up to the publication date
    (its next one when the verb is in the future)."""
    name = (groups.get("feast") or groups.get("plain")).lower().replace("’", "'")

    def in_year(year: int) -> dt.date:
        if name in EASTER_FEASTS:
            return easter(year, orthodox=name.startswith("orthodox")) + dt.timedelta(days=EASTER_FEASTS[name])
        month, day = FIXED_FEASTS[name]
        return dt.date(year, month, day)

    future = _is_future(sentence, start)
    if groups.get("year"):
        day = in_year(int(groups["year"]))
    elif published is not None:
        mention.kind = "relative"
        day = in_year(published.year)
        if future and day < published:
            day = in_year(published.year + 1)
        elif not future and day > published:
            day = in_year(published.year - 1)
        mention.note = f"“{mention.text.strip()}” in an article dated {_long_date(published)}"
    elif len(story_years) == 1:
        mention.kind = "relative"
        day = in_year(story_years[0])
        mention.note = f"“{mention.text.strip()}”, in the year of the story’s dated articles"
        mention.year_from_story = True
    else:
        return None
    mention.date = day.isoformat()
    mention.future = future or (published is not None and day > published)
    return mention
