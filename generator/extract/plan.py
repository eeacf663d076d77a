"""The points of an announced plan ("a four-point plan", "agreed on four points:").

After a sentence that announces N points, the list that follows is read: numbered lines
("1. ...") are the most explicit form, then bulleted lines ("• ..."), then the N paragraphs
that follow a colon. Confidence says which form was found, so `combine` can prefer the
explicit list and attach other articles' points to it as evidence.
"""

from __future__ import annotations

import re

from generator.model.facts import Evidence, PlanPoint
from generator.extract.document import ArticleDoc
from generator.model.lexicon import NUMBER_WORDS
from generator.extract.records import extractor_name

EXTRACTOR = extractor_name("plan")
_INTRO = re.compile(r"\b(?P<count>two|three|four|five|six|seven|eight|nine|ten|\d)[- ]point plan\b|"
                    r"\bagreed on (?P<count2>two|three|four|five|six|\d) points\b", re.I)
_NUMBERED = re.compile(r"^[ \t]*(?P<n>\d{1,2})[.)][ \t]+(?P<text>\S[^\n]*)$", re.M)
_BULLET = re.compile(r"^[ \t]*[•\-\*–][ \t]+(?P<text>\S[^\n]*)$", re.M)
CONFIDENCE = {"numbered": 0.9, "paragraphs": 0.7, "bullets": 0.6}


def extract_plan(context: ArticleDoc) -> list[PlanPoint]:
    text = context.text
    for intro in _INTRO.finditer(text):
        count_word = (intro.group("count") or intro.group("count2")).lower()
        count = NUMBER_WORDS.get(count_word) or int(count_word)
        line_end = text.find("\n", intro.end())
        if line_end == -1:
            continue
        window = text[line_end:line_end + 3000]
        points = _numbered(window, line_end, count) or _bullets(window, line_end, count)
        if points is None and text[:line_end].rstrip().endswith(":"):
            points = _paragraphs(window, line_end, count)
        if points:
            form, items = points
            return [
                PlanPoint(id=f"plan-{n}", point=n, text=item,
                          evidence=[Evidence(source=context.source, quote=item)],
                          extractor=EXTRACTOR, confidence=CONFIDENCE[form])
                for n, item in items
            ]
    return []


def _leading_lines(window: str, pattern, limit: int):
    """Matches of `pattern` on consecutive non-empty lines at the start of the window."""
    found = []
    for line in window.split("\n"):
        if not line.strip():
            continue
        match = pattern.match(line)
        if not match:
            if found or len(line.split()) > 12:
                break
            continue   # a short lead-in line ("The other three points are to:")
        found.append(match)
        if len(found) == limit:
            break
    return found


def _numbered(window: str, offset: int, count: int):
    matches = _leading_lines(window, _NUMBERED, count)
    if len(matches) >= 2 and [int(m.group("n")) for m in matches] == list(range(1, len(matches) + 1)):
        return "numbered", [(int(m.group("n")), m.group("text").strip()) for m in matches]
    return None


def _bullets(window: str, offset: int, count: int):
    matches = _leading_lines(window, _BULLET, count)
    if len(matches) >= 2:
        first = count - len(matches) + 1   # "the other three points" of four
        return "bullets", [(first + i, m.group("text").strip()) for i, m in enumerate(matches)]
    return None


def _paragraphs(window: str, offset: int, count: int):
    items = []
    for paragraph in re.split(r"\n\s*\n", window):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        # The point is the statement before any quotation that illustrates it.
        statement = re.split(r"\s[“\"]", paragraph, maxsplit=1)[0].strip()
        if not statement or statement.endswith("?") or len(statement.split()) < 4:
            break
        items.append((len(items) + 1, statement))
        if len(items) == count:
            break
    return ("paragraphs", items) if len(items) == count else None
