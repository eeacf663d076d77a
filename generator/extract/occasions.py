"""The occasions participants take part in, as the participant rules match them: meetings and
joint efforts, from the words of involvement.
"""

from __future__ import annotations

import re

from generator.extract import involvement

# A press conference is where someone speaks, not a meeting of the parties; a joint one is
# where the parties appear together ("During a joint press conference in London ... Starmer was
# joined by Rutte, Schoof and Frederiksen").
MEETINGS = (rf"(?:(?<![Pp]ress )(?<![Nn]ews )"
            rf"(?:(?:{involvement.MEETING_PATTERN})s?|{involvement.alternation(involvement.SITTING_NOUNS)})"
            r"|(?<=[Jj]oint )(?:press|news) conferences?)")
EFFORTS = rf"(?:{involvement.EFFORT_PATTERN})s?"
EFFORT_NOUNS = set(involvement.EFFORT_NOUNS)
COMMON_EFFORT = re.compile(EFFORTS, re.I)
# A meeting is being reported: its attendees are participants.
MEETING = re.compile(rf"\b(?:{MEETINGS}|attendees|delegations|participants)\b", re.I)
# A meeting named before, referred back to: "the event", "this gathering", "the talks".
_BACK_REFERENCE = re.compile(rf"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:{involvement.alternation(involvement.OCCASION_NOUNS)}"
                             rf"|{MEETINGS})\b(?!\s+of\b)")
# How far back the meeting may be named: the sentence or two before.
_BACK_REACH = 400


def meeting_before(text: str, start: int, reach: int = _BACK_REACH) -> bool:
    """Whether the sentences just before `start` in the article's text (`reach` characters)
    name a meeting."""
    return bool(MEETING.search(text, max(0, start - reach), start))


def meeting_in(text: str, start: int, chunk: str) -> bool:
    """Whether the chunk, found at `start` in the article's text, reports a meeting: it names
    one, or refers back to one the sentences just before name."""
    return bool(MEETING.search(chunk)) or (bool(_BACK_REFERENCE.search(chunk)) and meeting_before(text, start))
