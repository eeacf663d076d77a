"""Direct quotations and who said them.

A quotation of four words or more is attributed through a speech verb next to it: after it
(“...,” X said / said X / X told the BBC) or before it (X said: “...”, according to X). The
verb's subject is resolved to a person: a name, a pronoun (the person last named outside
quotation marks) or a title ("the British prime minister": the last-named person with that
role and country). A quotation that follows an attributed one in the same paragraph continues
it. Shorter quoted phrases are scare quotes and are skipped; so is anything without a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from generator.model.facts import Evidence, Quote
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.extract.inflection import base_in
from generator.extract.document import ArticleDoc, sentence_text
from generator.extract.records import extractor_name

EXTRACTOR = extractor_name("quotes")
SPEECH_VERBS = frozenset({
    "say", "tell", "add", "write", "post", "explain", "declare", "insist", "warn", "stress",
    "note", "describe", "lament", "urge", "acknowledge", "argue", "claim", "reply", "respond",
    "emphasize", "emphasise", "conclude", "admit", "tweet", "propose", "state", "remark",
    "continue", "announce", "predict", "caution", "recall", "observe", "ask",
})
_PRONOUNS = {"he", "she"}
_MIN_WORDS = 4
_ROLE_WORDS = sorted(gazetteer.ROLE_WORDS, key=len, reverse=True)


def extract_quotes(context: ArticleDoc) -> list[Quote]:
    doc = context.doc
    starts = context.token_starts
    quotes: dict[str, Quote] = {}
    previous: tuple[int, str, int] | None = None   # (paragraph start, speaker, end of evidence)
    for inner_start, inner_end in context.quoted:
        text = context.text[inner_start:inner_end].strip().rstrip(",").strip()
        words = len(text.split())
        open_index = bisect_left(starts, inner_start) - 1       # the opening mark
        close_index = bisect_left(starts, inner_end)            # the closing mark
        if open_index < 0 or close_index >= len(doc):
            continue
        paragraph = context.paragraph_of(inner_start)
        found = _attribution(context, open_index, close_index, paragraph)
        confidence = 0.8
        if found is None and previous and previous[0] == paragraph[0]:
            found = (previous[1], previous[2])
            confidence = 0.6
        if found is None:
            continue
        speaker, evidence_end = found
        previous = (context.paragraph_of(max(evidence_end, inner_end + 1) - 1)[0], speaker,
                    max(evidence_end, inner_end + 1))
        if words < _MIN_WORDS or (_is_fragment(context, inner_start, inner_end) and (
                words < 5 or not any(t.pos_ in ("VERB", "AUX") for t in doc[open_index + 1:close_index]))):
            continue  # a scare quote or a quoted term, not speech
        evidence_start = context.sentence_start(inner_start)
        evidence_start = max(inner_start - 1 if evidence_start is None else evidence_start, paragraph[0])
        quote = sentence_text(context.text, evidence_start, max(evidence_end, inner_end + 1))
        quote_id = f"{speaker}-{slugify(text, 6)}"
        if quote_id in quotes:
            continue
        quotes[quote_id] = Quote(
            id=quote_id, speaker=speaker, text=text, source=context.source,
            evidence=[Evidence(source=context.source, quote=quote)],
            extractor=EXTRACTOR, confidence=confidence,
        )
    return sorted(quotes.values(), key=lambda q: q.id)


def _attribution(context: ArticleDoc, open_index: int, close_index: int, paragraph):
    """(speaker id, end of the attribution) for the quote between these mark tokens."""
    doc = context.doc
    after = []
    index = close_index + 1
    inner = context.text[doc[open_index].idx + 1:doc[close_index].idx].rstrip()
    # '“... peace,”' + line break + 'Starmer told reporters.': the attribution may wrap.
    limit = paragraph[1] if not inner.endswith(",") else context.paragraph_of(paragraph[1] + 1)[1]
    if inner[-1:] in (".", "!", "?"):
        limit = 0  # a finished sentence: what follows is a new one
    while index < len(doc) and doc[index].idx < limit and len(after) < 30:
        token = doc[index]
        if token.text in ("“", '"') or (token.is_sent_start and any(not t.is_space for t in after)):
            break
        after.append(token)
        if token.text in (".", "!", "?"):
            break
        index += 1
    for token in after[:8]:
        if base_in(token, SPEECH_VERBS) and token.pos_ in ("VERB", "AUX"):
            speaker = _speaker(context, token, open_index)
            if speaker:
                end = after[-1].idx + len(after[-1].text)
                return speaker, end
            break
        if token.lower_ == "according" and token.i + 2 < len(doc):
            speaker = _speaker_of_phrase(context, doc[token.i + 2], open_index)
            if speaker:
                return speaker, after[-1].idx + len(after[-1].text)
    before = []
    index = open_index - 1
    while index >= 0 and doc[index].idx >= paragraph[0] and len(before) < 40:
        token = doc[index]
        if token.text in ("”", '"') or (token.text in (".", "!", "?") and token.is_sent_end):
            break
        before.append(token)
        index -= 1
    for token in before:   # nearest first
        if base_in(token, SPEECH_VERBS) and token.pos_ in ("VERB", "AUX"):
            speaker = _speaker(context, token, open_index)
            if speaker:
                return speaker, doc[close_index].idx + len(doc[close_index].text)
            break
        if token.lower_ == "according" and token.i + 2 < len(doc):
            speaker = _speaker_of_phrase(context, doc[token.i + 2], open_index)
            if speaker:
                return speaker, doc[close_index].idx + len(doc[close_index].text)
    return None


def _is_fragment(context: ArticleDoc, start: int, end: int) -> bool:
    """A quotation inside running text: neither opening a sentence nor closing one."""
    before = context.text[max(0, start - 3):start - 1].strip()
    opens = not before or before[-1] in ".:!?\n" or start - 1 <= context.paragraph_of(start)[0]
    inner = context.text[start:end].rstrip()
    closes = inner[-1:] in ".,!?" and inner[:1].isupper()
    return not (opens or closes)


def _speaker(context: ArticleDoc, verb, open_index: int) -> str | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    head = verb
    while subject is None and head.dep_ in ("advcl", "conj", "xcomp", "pcomp") and head.head is not head:
        head = head.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        # The parser sometimes hangs '“...,” Trump posted' wrongly: take a name right before.
        neighbour = verb.doc[verb.i - 1] if verb.i > 0 else None
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "PROPN":
            neighbour = verb.head
        if neighbour is None or neighbour.pos_ != "PROPN":
            return None
        subject = neighbour
    return _speaker_of_phrase(context, subject, open_index)


def _speaker_of_phrase(context: ArticleDoc, head, open_index: int) -> str | None:
    span_start, span_end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    for mention in context.mentions_in(span_start, span_end):
        if mention.start <= head.idx < mention.end or head.pos_ == "PROPN":
            return mention.person
    quote_start = context.doc[open_index].idx
    earlier = [m for m in context.mentions_before(quote_start) if not context.in_quote(m.start)]
    if head.lower_ in _PRONOUNS:
        antecedent = context.antecedent(quote_start)
        return antecedent.person if antecedent else None
    phrase = context.text[span_start:span_end]
    lowered = phrase.lower()
    role = next((r for r in _ROLE_WORDS if re.search(rf"\b{re.escape(r)}\b", lowered)), None)
    if role is None or role in ("official", "lawmaker", "analyst"):
        return None
    place = None
    for match in re.finditer(rf"(?:{gazetteer.PLACE_NAMES_PATTERN}|{gazetteer.PLACE_ADJECTIVES_PATTERN})", phrase):
        found = gazetteer.place_by_name_or_adjective(match.group(0))
        if found:
            place = found.id
            break
    for mention in reversed(earlier):
        person = context.people.get(mention.person)
        if person is None:
            continue
        if place and person.country != place:
            continue
        if role != "leader" and (person.role is None or role not in person.role.lower()):
            continue
        return mention.person
    return None
