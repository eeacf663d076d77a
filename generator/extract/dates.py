"""Date expressions in a sentence, resolved without inventing precision.

"In 1999" is a year, "February 2022" a month; a weekday ("on Sunday"), "two weeks ago" or
"last week" is resolved against the article's publication date, and the note says how. Without
a publication date, relative expressions are left unresolved rather than guessed. "by 2027" is
a target, returned as such so that callers can keep it out of the timeline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span

from generator.model.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES, NUMBER_WORDS, WEEKDAYS

_MONTH = r"(?P<month>" + "|".join(m.title() for m in MONTH_NAMES) + \
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?P<weekday>" + "|".join(w.title() for w in WEEKDAYS) + ")"
_PATTERNS = [
    ("day", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s+(?P<year>\d{{4}})\b")),
    ("day", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b")),
    ("month", re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b")),
    ("day-no-year", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d{{4}})")),
    ("day-no-year", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b(?!\s+\d{{4}})")),
    ("target", re.compile(r"\b(?:by|until|before|from|to|through|in the next)\s+(?P<year>(?:19|20)\d{2})\b", re.I)),
    ("year", re.compile(r"\b(?:in|during|since|from|of)\s+(?P<year>(?:19|20)\d{2})\b(?![-–]\d)", re.I)),
    ("last-year", re.compile(r"\blast\s+year\b", re.I)),
    ("ago", re.compile(r"\b(?P<count>a|an|one|two|three|four|five|six|\d{1,2})\s+(?P<unit>day|days|week|weeks|month|months)\s+ago\b", re.I)),
    ("last-week", re.compile(r"\blast\s+(?P<unit>week|month)\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<which>last|next|this|on|On)\s+)?{_WEEKDAY}\b")),
]
_FUTURE_AUX = {"will", "shall", "'ll", "’ll"}


@dataclass
class DateMention:
    text: str
    start: int          # character offsets into the article
    end: int
    kind: str           # "absolute" | "relative" | "target"
    date: str | None = None
    approximate: bool = False
    note: str | None = None


def _month_number(name: str) -> int:
    name = name.rstrip(".").lower()
    return MONTH_NAMES.index(name) + 1 if name in MONTH_NAMES else MONTH_ABBREVIATIONS[name[:4] if name == "sept" else name[:3]]


def _long_date(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1].title()} {day.year}"


def _is_future(sentence: Span, start: int) -> bool:
    """Future if the verb governing the expression has 'will'/'shall' or is 'next ...'."""
    token = next((t for t in sentence if t.idx >= start), None)
    steps = 0
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head is not token and steps < 6:
        token = token.head
        steps += 1
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(child.lower_ in _FUTURE_AUX for child in token.children) or token.lower_ in _FUTURE_AUX


def find_dates(sentence: Span, text: str, published: dt.date | None, in_quote=lambda c: False) -> list[DateMention]:
    """Every date expression in the sentence, outside quotations, in order of position."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    chunk = text[sentence.start_char:sentence.end_char]
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(chunk):
            start, end = sentence.start_char + match.start(), sentence.start_char + match.end()
            if any(s < end and start < e for s, e in taken) or in_quote(start):
                continue
            mention = _resolve(kind, match, start, end, sentence, published)
            if mention is not None:
                taken.append((start, end))
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _resolve(kind, match, start, end, sentence, published) -> DateMention | None:
    said = match.group(0)
    mention = DateMention(said, start, end, "absolute")
    groups = match.groupdict()
    pub_text = _long_date(published) if published else None
    if kind == "day":
        try:
            day = dt.date(int(groups["year"]), _month_number(groups["month"]), int(groups["day"]))
        except ValueError:
            return None
        mention.date = day.isoformat()
    elif kind == "month":
        mention.date = f"{int(groups['year']):04d}-{_month_number(groups['month']):02d}"
    elif kind == "year":
        mention.date = groups["year"]
        if published and int(groups["year"]) > published.year:
            mention.kind = "target"
    elif kind == "target":
        mention.kind, mention.date = "target", groups["year"]
    else:
        mention.kind = "relative"
        if published is None:
            return None  # nothing to resolve against: never guess
        if kind == "day-no-year":
            try:
                day = dt.date(published.year, _month_number(groups["month"]), int(groups["day"]))
            except ValueError:
                return None
            mention.date = day.isoformat()
        elif kind == "last-year":
            mention.date = str(published.year - 1)
        elif kind == "yesterday":
            mention.date = (published - dt.timedelta(days=1)).isoformat()
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
            future = which == "next" or (which != "last" and _is_future(sentence, start))
            if future:
                delta = (target - published.weekday()) % 7 or (7 if which == "next" else 0)
                day = published + dt.timedelta(days=delta)
            else:
                day = published - dt.timedelta(days=(published.weekday() - target) % 7)
            mention.date = day.isoformat()
        mention.note = f"“{said.strip()}” in an article dated {pub_text}"
    return mention
