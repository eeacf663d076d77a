"""The points of an announced plan ("a four-point plan", "agreed on four points:", "a system
of guarantees with five components:").

After a sentence that announces N points, the list that follows is read: numbered lines
("1. ...") are the most explicit form, then bulleted lines ("• ..."), then points led by
ordinals ("First, ... Second, ... Finally, ..."), then points in one sentence after a colon,
parted by semicolons, then the N paragraphs that follow a colon. Confidence says which form
was found, so `combine` can prefer the explicit list and attach other articles' points to it
as evidence. A last point that the end of a cut-off text breaks in mid-phrase is left out.
"""

from __future__ import annotations

import re

from generator.model.kinds.plan import PlanPoint
from generator.model.records import Evidence
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc
from generator.model.lexicon import NUMBER_WORDS, STOP_WORDS
from generator.extract.merging import EvidenceLists, People, overlap
from generator.extract.findings import ArticleFacts, Extractor, Merged, StoryExtraction, extractor_name

EXTRACTOR = extractor_name("plan")
_COUNT = r"two|three|four|five|six|seven|eight|nine|ten|\d"
# The words for the parts of a plan, after a count: "four points", "five components", "three
# key pillars"; a count of anything else ("three days", "four conditions") announces no plan.
_PARTS = (r"points|components|pillars|elements|steps|priorities|principles|planks|parts|tracks|"
          r"stages|phases|measures|strands|areas")
_INTRO = re.compile(
    rf"\b(?P<count>{_COUNT})[- ]point (?:peace )?(?:plan|proposal|programme|program|framework|roadmap|strategy|agenda)\b|"
    rf"\b(?P<count2>{_COUNT})(?: (?:key|main|core|central|broad|basic|major|principal))? (?:{_PARTS})\b", re.I)
_NUMBERED = re.compile(r"^[ \t]*(?P<n>\d{1,2})[.)][ \t]+(?P<text>\S[^\n]*)$", re.M)
_BULLET = re.compile(r"^[ \t]*[•·▪◦●‣\-\*–—][ \t]+(?P<text>\S[^\n]*)$", re.M)
# Words that say a count of parts is a plan's: "the plan rests on three pillars".
_PLAN_WORDS = re.compile(r"\b(?:plan|proposal|programme|program|framework|roadmap|strategy|agenda|"
                         r"declaration|agreement|deal|initiative|blueprint|guarantees|agreed)\b", re.I)
# "The other three points are to:": the list leaves out points said before it.
_REST = re.compile(rf"\b(?:other|remaining|further|rest of the)(?: (?:{_COUNT}))? (?:{_PARTS})\b", re.I)
# "The proposed coalition is the key point at the heart of a four point plan": the sentence
# is itself a point, the one before the rest.
_NAMED_POINT = re.compile(r"\bis (?:the|its) (?:key|main|first|central|core|principal|chief) (?:point|element|pillar|plank)\b", re.I)
# Ordinals that lead the points of a plan told in prose.
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ORDINAL_POINT = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))[ \t]*(?P<marker>(?:the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    r"(?:ly)?(?: point| step| pillar| element)?|finally|lastly)(?:\s*(?:,|:|—|–|-|is that|is to|is|was that|was)\s+)"
    r"(?P<text>[^\n]+?[.!?](?=\s|$)|[^\n]+$)", re.I | re.M)
CONFIDENCE = {"numbered": 0.9, "paragraphs": 0.7, "bullets": 0.6, "ordinals": 0.6, "inline": 0.6}


def extract_plan(context: ArticleDoc) -> list[PlanPoint]:
    text = context.text
    for intro in _INTRO.finditer(text):
        count_word = (intro.group("count") or intro.group("count2")).lower()
        count = NUMBER_WORDS.get(count_word) or int(count_word)
        if count < 2:
            continue
        line_end = text.find("\n", intro.end())
        line_end = len(text) if line_end == -1 else line_end
        sentence_start = context.sentence_start(intro.start())
        if intro.group("count2") and not (text[:line_end].rstrip().endswith(":") or _PLAN_WORDS.search(
                text[intro.start() if sentence_start is None else sentence_start:line_end])):
            continue      # "prices rose four points": a count of parts with no plan in sight
        window = text[line_end:line_end + 3000]
        lead_in = text[intro.start():line_end]
        points = (_numbered(window, count) or _bullets(window, count, lead_in)
                  or _ordinals(text[intro.end():intro.end() + 3000], count)
                  or _inline(text[intro.end():line_end], count))
        if points is None and text[:line_end].rstrip().endswith(":"):
            points = _paragraphs(window, count)
        if not points:
            continue
        form, items = points
        items = _whole(items, text)
        named = _named_point(context, intro.start(), items)
        if named:
            items = [(1, named), *items]
        if len(items) < 2:
            continue
        return [
            PlanPoint(id=f"plan-{n}", point=n, text=item,
                      evidence=[Evidence(source=context.source, quote=item)],
                      extractor=EXTRACTOR, **rated(f"plan.{form}", CONFIDENCE[form]))
            for n, item in items
        ]
    return []


def _leading_lines(window: str, pattern, limit: int):
    """Matches of `pattern` on consecutive non-empty lines at the start of the window, and the
    short lines before them ("The other three points are to:")."""
    found, lead_in = [], []
    for line in window.split("\n"):
        if not line.strip():
            continue
        match = pattern.match(line)
        if not match:
            if found or len(line.split()) > 12:
                break
            lead_in.append(line)
            continue
        found.append(match)
        if len(found) == limit:
            break
    return found, " ".join(lead_in)


def _numbered(window: str, count: int):
    matches, _ = _leading_lines(window, _NUMBERED, count)
    if len(matches) >= 2 and [int(m.group("n")) for m in matches] == list(range(1, len(matches) + 1)):
        return "numbered", [(int(m.group("n")), m.group("text").strip()) for m in matches]
    return None


def _bullets(window: str, count: int, intro_line: str):
    matches, lead_in = _leading_lines(window, _BULLET, count)
    if len(matches) < 2:
        return None
    # "the other three points" of four are points 2 to 4; a list cut short is numbered from 1.
    first = count - len(matches) + 1 if _REST.search(f"{intro_line} {lead_in}") else 1
    return "bullets", [(first + i, m.group("text").strip()) for i, m in enumerate(matches)]


def _ordinals(window: str, count: int):
    """Points led by "First, ...", "Second, ...", ending with the count or "Finally, ..."."""
    items = []
    for match in _ORDINAL_POINT.finditer(window):
        marker = match.group("marker").lower().removeprefix("the ").split()[0]
        ordinal = marker.removesuffix("ly")
        last = marker in ("finally", "lastly")
        expected = _ORDINALS[len(items)] if len(items) < len(_ORDINALS) else None
        if ordinal != expected and not (last and len(items) == count - 1):
            if items:
                break
            continue
        items.append((len(items) + 1, match.group("text").strip()))
        if len(items) == count:
            break
    return ("ordinals", items) if len(items) == count else None


def _inline(rest_of_line: str, count: int):
    """"... agreed on three points: a; b; and c." on one line."""
    colon = rest_of_line.find(":")
    if colon == -1:
        return None
    parts = [p.strip() for p in rest_of_line[colon + 1:].split(";")]
    if parts and parts[-1].lower().startswith("and "):
        parts[-1] = parts[-1][4:]
    parts = [p.rstrip(".") if i == len(parts) - 1 else p for i, p in enumerate(parts)]
    if len(parts) != count or any(len(p.split()) < 2 for p in parts):
        return None
    return "inline", list(enumerate(parts, 1))


def _paragraphs(window: str, count: int):
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


def _whole(items: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """The items without a last one the end of a cut-off text breaks in mid-phrase
    ("... to boost Ukraine's defensive capabilities to")."""
    if not items:
        return items
    number, last = items[-1]
    at_end = not text[text.rfind(last) + len(last):].strip()
    words = re.findall(r"[\w’']+", last.lower())
    if at_end and (not words or words[-1] in STOP_WORDS or last.endswith((",", "-", "–"))):
        return items[:-1]
    return items


def _named_point(context: ArticleDoc, char: int, items: list[tuple[int, str]]) -> str | None:
    """The sentence announcing the plan, when it names the point the list leaves out."""
    if not items or items[0][0] != 2:
        return None
    start = context.sentence_start(char)
    sentence = next((s for s in context.sentences if s.start_char == start), None)
    if sentence is None:
        return None
    quote = context.quote_of(sentence)
    return quote if _NAMED_POINT.search(quote) else None


# Across articles: the longest best-read list, with the others' evidence for the same points.

def _combine(results: list[ArticleFacts], people: People) -> Merged:
    lists = [r.plan for r in results if r.plan]
    if not lists:
        return Merged([])
    best = max(lists, key=lambda points: (max(p.confidence or 0 for p in points), len(points)))
    canonical = [p.model_copy(deep=True) for p in best]
    evidence = EvidenceLists()
    for points in lists:
        if points is best:
            continue
        for point in points:
            scores = sorted(((overlap(point.text, c.text), i) for i, c in enumerate(canonical)), reverse=True)
            if not scores or scores[0][0] < 0.34:
                continue
            if len(scores) > 1 and scores[1][0] >= scores[0][0] - 0.1:
                continue   # not clearly one point
            target = canonical[scores[0][1]]
            evidence.add(target.evidence, point.evidence)
    return Merged(sorted(canonical, key=lambda p: p.point))


KIND = StoryExtraction(
    Extractor(EXTRACTOR, "plan", lambda context: {"plan": extract_plan(context)}), _combine)
