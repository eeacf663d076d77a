"""Direct quotations and who said them.

A quotation of six words or more (shorter quoted phrases are scare quotes or quoted terms) is
attributed through a speech verb next to it: after it (“...,” X said / said X / X told the BBC /
“...”, X, an analyst at ..., told the BBC) or before it (X said: “...” / according to X / X,
who said “...”). The verb's subject is resolved to a person: a name; a pronoun (the speaker of
the quotation just before, unless someone else has become the subject since; else the person
last named as a subject outside quotation marks); or a title ("the British prime minister",
"the premier", "the head of state": the last-named person with that role, or one it stands for,
and that country). A quotation without an attribution of its own continues the one before it
in its paragraph; opening a paragraph, it continues the speaker of the paragraph before (a
speech quoted over several paragraphs, or "X said ..." followed by X's words). A quotation is
never given to a person named inside it; anything without a speaker is skipped.

Quotation marks are read as written, which is not always in pairs: a curly mark may close on a
straight one, a closing mark may wrap onto the next line, and a quotation running over several
paragraphs leaves each paragraph but its last open.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from generator.model.records import Evidence, Quote
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.extract.inflection import base_in
from generator.extract.calibration import rated
from generator.extract.document import ArticleDoc, sentence_text
from generator.files.articles import is_caption
from generator.extract.findings import extractor_name
from generator.extract.people import SPEECH_VERBS
from generator.extract.roles import ROLE_MEANINGS
from generator.extract.pattern_store import compiled

EXTRACTOR = extractor_name("quotes")
_PRONOUNS = {"he", "she"}
_MIN_WORDS = 6
_ROLE_WORDS = sorted(gazetteer.ROLE_WORDS, key=len, reverse=True)
_PLACE_OR_ADJECTIVE = compiled(rf"(?:{gazetteer.PLACE_NAMES_PATTERN}|{gazetteer.PLACE_ADJECTIVES_PATTERN})")


@dataclass(frozen=True)
class Quotation:
    """The text between a pair of quotation marks (character offsets, marks excluded)."""

    start: int
    end: int
    open_ended: bool = False    # its paragraph ends inside it, and the next paragraph reopens it
    unclosed: bool = False      # never closed: it runs to the end of its paragraph or of the text


@dataclass(frozen=True)
class _Said:
    speaker: str
    end: int                    # where the evidence of the attribution ends


# An attribution whose speaker cannot be resolved ("..., the prime minister said" with nobody
# of that title named): the quotation has a speaker of its own, so it continues no other.
_UNRESOLVED = _Said("", 0)


_MARKS = re.compile(r'[“"]')
_CLOSING_OR_BREAK = re.compile(r'[“”"\n]')
_NOT_SPACE = re.compile(r"\S")


def quotations(text: str) -> list[Quotation]:
    """Every quotation of `text`, in order. An opening mark that is never closed yields none,
    unless its paragraph is followed by one that opens with a mark: the convention for a
    quotation running over several paragraphs."""
    found = []
    resume = 0
    for mark in _MARKS.finditer(text):
        index = mark.start()
        if index < resume or not _opens(text, index):
            continue
        close = _closing(text, index + 1)
        if close is not None:
            if text[index + 1:close].strip():
                found.append(Quotation(index + 1, close))
            resume = close + 1
            continue
        line_end = text.find("\n", index)
        following = _next_character(text, line_end) if line_end != -1 else None
        if following is not None and _opens(text, following) and text[index + 1:line_end].strip():
            found.append(Quotation(index + 1, line_end, open_ended=True))
            resume = line_end
        elif _runs_to_the_end(text, index, line_end):
            found.append(Quotation(index + 1, len(text) if line_end == -1 else line_end, open_ended=True, unclosed=True))
            resume = len(text) if line_end == -1 else line_end
    return sorted(found + _single_quoted(text, found), key=lambda q: q.start)


def _runs_to_the_end(text: str, index: int, line_end: int) -> bool:
    """Whether a mark never closed opens a quotation all the same: one of a sentence's worth of
    words that a cut excerpt ends inside (`line_end` -1), or that ends its paragraph at a full
    stop, the closing mark left out. A curly mark only: a lone straight one may be an inch."""
    if text[index] != "“":
        return False
    inner = text[index + 1:] if line_end == -1 else text[index + 1:line_end]
    return len(inner.split()) >= _MIN_WORDS and (line_end == -1 or inner.rstrip()[-1:] in (".", "!", "?"))


# Single quotation marks, curly or straight, which some outlets use for speech: "emphasized the
# guarantees: 'These security guarantees show that ...'". An apostrophe is the same character,
# so a span counts only when it opens before a capital, closes at a mark that no letter follows,
# stays on its line and holds a sentence's worth of words.
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(:—–-]))[‘'](?=[A-Z0-9])(?P<inner>[^‘’'\n]*?[^\s‘’'])[’'](?![\w’'])", re.M)


def _single_quoted(text: str, double: list[Quotation]) -> list[Quotation]:
    spans = []
    for match in _SINGLE.finditer(text):
        start, end = match.start("inner"), match.end("inner")
        inside_double = any(q.start <= start < q.end + 1 for q in double)
        if not inside_double and len(match["inner"].split()) >= _MIN_WORDS:
            spans.append(Quotation(start, end))
    return spans



def _opens(text: str, index: int) -> bool:
    """A mark that opens a quotation: a curly opening mark, or a straight one before a word."""
    mark = text[index]
    if mark == "“":
        return True
    if mark != '"':
        return False
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


def _closing(text: str, start: int) -> int | None:
    """Where the quotation opened just before `start` closes: the next closing mark, curly or
    straight (mismatched pairs are common), on its line or wrapped onto the next; None when
    another quotation opens first or the line ends without one."""
    for found in _CLOSING_OR_BREAK.finditer(text, start):
        index, mark = found.start(), found.group()
        if mark == "”":
            return index
        if mark == '"':
            return None if text[index - 1].isspace() and _opens(text, index) else index
        if mark == "“":
            return None
        if mark == "\n":
            following = _next_character(text, index)
            if following is not None and (text[following] == "”" or (
                    text[following] == '"' and not _opens(text, following))):
                return following
            return None
    return None


def _next_character(text: str, index: int) -> int | None:
    """The first character after `index` that is not white space."""
    match = _NOT_SPACE.search(text, index + 1)
    return match.start() if match else None


def extract_quotes(context: ArticleDoc) -> list[Quote]:
    quotes: dict[str, Quote] = {}
    spans = quotations(context.text)
    previous: _Said | None = None
    for position, quotation in enumerate(spans):
        found = _attribution(context, quotation, previous)
        basis, prior = "quotes.attributed", 0.8
        if quotation.unclosed and found is not None:
            basis = "quotes.unclosed"
        if found is None and quotation.open_ended and not quotation.unclosed:
            # A quotation over several paragraphs is attributed once, mostly after its last part.
            for later in spans[position + 1:]:
                found = _attribution(context, later, previous)
                if found is not None or not later.open_ended:
                    break
            found = _Said(found.speaker, quotation.end) if found not in (None, _UNRESOLVED) else found
            basis = "quotes.attributed-after"
        if found is None:
            # A title leading into the quotation ("The president went further: “...”") names
            # its speaker, never the one quoted last.
            found = _introducer(context, quotation, previous)
            basis, prior = "quotes.introduced", 0.6
        if found is None:
            found = _continued(context, quotation, previous)
            basis, prior = "quotes.continued", 0.6
        if found is None or found is _UNRESOLVED or _named_inside(context, quotation, found.speaker):
            continue
        previous = _Said(found.speaker, max(found.end, quotation.end + 1))
        context.speakers.append((quotation.start, quotation.end, found.speaker))
        text = context.text[quotation.start:quotation.end].strip().rstrip(",").strip()
        if len(text.split()) < _MIN_WORDS:
            continue  # a scare quote or a quoted term, not speech
        paragraph = context.paragraph_of(quotation.start)
        evidence_start = context.sentence_start(quotation.start)
        evidence_start = max(quotation.start - 1 if evidence_start is None else evidence_start, paragraph[0])
        quote = sentence_text(context.text, evidence_start, max(found.end, quotation.end + 1))
        quote_id = f"{found.speaker}-{slugify(text, 6)}"
        if quote_id in quotes:
            continue
        quotes[quote_id] = Quote(
            id=quote_id, speaker=found.speaker, text=text, source=context.source,
            context=_sentence_before(context, evidence_start),
            evidence=[Evidence(source=context.source, quote=quote)],
            extractor=EXTRACTOR, **rated(basis, prior),
        )
    return sorted(quotes.values(), key=lambda q: q.id)


def _sentence_before(context: ArticleDoc, start: int) -> str | None:
    """The article's sentence before a quote's passage, which says what the words answer or
    follow; none before the text proper (a headline, a caption or a date line is no context)."""
    for sentence in context.sentences_before(start):
        said = context.quote_of(sentence).strip()
        if said and sentence.end_char <= start + 1:
            if said == context.article.title or is_caption(said) or len(said.split()) < 4:
                return None
            return said
    return None


def _named_inside(context: ArticleDoc, quotation: Quotation, speaker: str) -> bool:
    """True when the speaker is named inside the quotation: people do not speak of themselves
    by name, so the attribution found is someone else's."""
    return any(m.person == speaker for m in context.mentions_in(quotation.start, quotation.end))


def _continued(context: ArticleDoc, quotation: Quotation, previous: _Said | None) -> _Said | None:
    """The speaker of a quotation with no attribution of its own: the one of the quotation
    before it in its paragraph; for a quotation opening its paragraph, the last speaker of the
    paragraph before: who was quoted there, or who is reported there as saying something."""
    paragraph = context.paragraph_of(quotation.start)
    if previous is not None and context.paragraph_of(previous.end - 1)[0] == paragraph[0]:
        return _Said(previous.speaker, previous.end)
    if context.text[paragraph[0]:quotation.start - 1].strip():
        return None
    before = _paragraph_before(context, paragraph)
    if before is None:
        return None
    candidates = []
    # A quotation left open runs to its paragraph's very end, where `previous` ends.
    if previous is not None and before[0] <= previous.end - 1 <= before[1]:
        candidates.append((previous.end, previous.speaker))
    reported = _reported_speaker(context, before, quotation)
    if reported is not None:
        candidates.append(reported)
    if not candidates:
        return None
    return _Said(max(candidates)[1], quotation.end + 1)


def _introducer(context: ArticleDoc, quotation: Quotation, previous: _Said | None):
    """The speaker a sentence that leads into the quotation names by title ("The president went
    further, questioning ...: “...”"), _UNRESOLVED when the title is nobody's the article names,
    None when the sentence names nobody by title: a title is never handed to the last speaker."""
    open_index = bisect_left(context.token_starts, quotation.start) - 1
    if open_index <= 0:
        return None
    sentence = context.doc[open_index].sent
    subjects = [t for t in sentence if t.i < open_index and t.dep_ == "nsubj" and t.head.i < open_index
                and not context.in_quote(t.idx)]
    if subjects and subjects[0].pos_ != "NOUN":
        return None     # a name or a pronoun: the rules of attribution and continuation know them
    if not subjects or not any(re.search(rf"\b{re.escape(r)}\b", subjects[0].lower_) for r in _ROLE_WORDS):
        return None
    speaker = _speaker_of_phrase(context, subjects[0], open_index, previous)
    return _Said(speaker, quotation.end + 1) if speaker else _UNRESOLVED


def _paragraph_before(context: ArticleDoc, paragraph: tuple[int, int]) -> tuple[int, int] | None:
    earlier = [p for p in context.paragraphs if p[1] <= paragraph[0]]
    return earlier[-1] if earlier else None


def _reported_speaker(context: ArticleDoc, paragraph: tuple[int, int], quotation: Quotation):
    """(position, speaker) of reported speech in the last sentence of a paragraph ("Mr Albanese
    said Mr Dutton had walked away from that."), outside quotation marks."""
    sentences = [s for s in context.sentences if paragraph[0] <= s.start_char < paragraph[1]]
    if not sentences:
        return None
    root = sentences[-1].root
    if not (base_in(root, SPEECH_VERBS) and root.pos_ == "VERB") or context.in_quote(root.idx):
        return None
    speaker = _speaker(context, root, bisect_left(context.token_starts, quotation.start) - 1, None)
    return (root.idx, speaker) if speaker else None


def _attribution(context: ArticleDoc, quotation: Quotation, previous: _Said | None) -> _Said | None:
    """The speaker a speech verb next to the quotation names, and where its attribution ends."""
    doc = context.doc
    starts = context.token_starts
    open_index = bisect_left(starts, quotation.start) - 1       # the opening mark
    close_index = bisect_left(starts, quotation.end)            # the closing mark
    if quotation.unclosed:
        close_index = min(close_index, len(doc) - 1)            # the text may end inside it
    if open_index < 0 or close_index >= len(doc):
        return None
    paragraph = context.paragraph_of(quotation.start)
    after = [] if quotation.open_ended else _attribution_after(context, quotation, close_index)
    unresolved = False
    for position, token in enumerate(after):
        if base_in(token, SPEECH_VERBS) and token.pos_ in ("VERB", "AUX"):
            speaker = _speaker(context, token, open_index, previous)
            # Far from the quotation, the verb is the speaker's only when the speaker's name
            # follows the quotation ("“...”, Timothy Ash, an associate fellow ..., told ...").
            if speaker and (position < 8 or _named_first(context, after, speaker)):
                return _Said(speaker, after[-1].idx + len(after[-1].text))
            unresolved = position < 8 and _has_subject(token)
            break
        if token.lower_ == "according" and token.i + 2 < len(doc):
            speaker = _speaker_of_phrase(context, doc[token.i + 2], open_index, previous)
            if speaker:
                return _Said(speaker, after[-1].idx + len(after[-1].text))
        if position >= 8 and not _named_first(context, after, None):
            break
    closing_end = doc[close_index].idx + len(doc[close_index].text) if not quotation.open_ended else quotation.end
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
            speaker = _speaker(context, token, open_index, previous)
            if speaker:
                return _Said(speaker, closing_end)
            unresolved = _has_subject(token)
            if unresolved:
                break
            # A verb with no subject of its own is inside what someone further back says:
            # "Macron told Le Figaro that Paris and London wanted to propose a truce “...”".
        if token.lower_ == "according" and token.i + 2 < len(doc):
            speaker = _speaker_of_phrase(context, doc[token.i + 2], open_index, previous)
            if speaker:
                return _Said(speaker, closing_end)
    return _UNRESOLVED if unresolved else None


def _has_subject(verb) -> bool:
    """The speech verb names who speaks ("the prime minister said"), unlike a participle that
    continues a sentence ("..., adding it will be “...”")."""
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def _attribution_after(context: ArticleDoc, quotation: Quotation, close_index: int) -> list:
    """The tokens after the closing mark that may attribute the quotation, up to the end of
    their sentence."""
    doc = context.doc
    inner = context.text[quotation.start:quotation.end].rstrip()
    paragraph = context.paragraph_of(doc[close_index].idx)
    # '“... peace,”' + line break + 'Starmer told reporters.': the attribution may wrap.
    limit = paragraph[1] if not inner.endswith(",") else context.paragraph_of(paragraph[1] + 1)[1]
    if inner[-1:] == ".":
        limit = 0  # a finished sentence: what follows is a new one (a question may be followed by "he asked")
    after = []
    index = close_index + 1
    while index < len(doc) and doc[index].idx < limit and len(after) < 30:
        token = doc[index]
        if token.text in ("“", '"') or (token.is_sent_start and any(not t.is_space for t in after)):
            break
        after.append(token)
        if token.text in (".", "!", "?"):
            break
        index += 1
    return after


def _named_first(context: ArticleDoc, after: list, speaker: str | None) -> bool:
    """True when a person's name (this speaker's, if given) opens the text after a quotation,
    after a comma at most."""
    words = [t for t in after[:2] if not t.is_space and t.text != ","]
    if not words:
        return False
    mentions = [m for m in context.mentions if m.start <= words[0].idx < m.end]
    return bool(mentions) and (speaker is None or mentions[0].person == speaker)


def _speaker(context: ArticleDoc, verb, open_index: int, previous: _Said | None) -> str | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    head = verb
    while subject is None and head.dep_ in ("advcl", "conj", "xcomp", "pcomp") and head.head.i != head.i:
        head = head.head
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head   # "Finnish President Alexander Stubb, who said there was “...”"
    if subject is None:
        # The parser sometimes hangs '“...,” Trump posted' wrongly: take a name right before.
        neighbour = verb.doc[verb.i - 1] if verb.i > 0 else None
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "PROPN":
            neighbour = verb.head
        if neighbour is None or neighbour.pos_ != "PROPN":
            return None
        subject = neighbour
    return _speaker_of_phrase(context, subject, open_index, previous)


# Someone speaking for a person is not that person: "Starmer's spokesperson told reporters",
# "the office of the UK leader announced".
_FOR_SOMEONE = re.compile(r"['’]s?\s+(?:[a-z]+\s+)?(?:office|spokes(?:person|man|woman)|aides?|press service|team)\b"
                          r"|\b(?:office|spokes(?:person|man|woman)|aides?|press service)\s+(?:of|for|to)\b", re.I)


_SPEAKING_FOR = frozenset({"office", "spokesperson", "spokesman", "spokeswoman", "aide", "aides", "service", "team"})


def _speaker_of_phrase(context: ArticleDoc, head, open_index: int, previous: _Said | None) -> str | None:
    span_start, span_end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
    if head.lower_ in _SPEAKING_FOR and _FOR_SOMEONE.search(context.text, span_start, span_end):
        return None      # not "Andriy Yermak, head of Zelensky's office", who speaks for himself
    for mention in context.mentions_in(span_start, span_end):
        if mention.start <= head.idx < mention.end or head.pos_ == "PROPN":
            return mention.person
    quote_start = context.doc[open_index].idx
    if head.lower_ in _PRONOUNS:
        return _pronoun_speaker(context, quote_start, previous)
    phrase = context.text[span_start:span_end]
    lowered = phrase.lower()
    role = next((r for r in _ROLE_WORDS if re.search(rf"\b{re.escape(r)}\b", lowered)), None)
    if role is None or role in ("official", "lawmaker", "analyst"):
        return None
    # "the premier", "the head of state": the titles the word stands for, as well as itself.
    titles = (role, *ROLE_MEANINGS.get(role, ()))
    place = None
    for match in _PLACE_OR_ADJECTIVE.finditer(phrase):
        found = gazetteer.place_by_name_or_adjective(match.group(0))
        if found:
            place = found.id
            break
    earlier = [m for m in context.mentions_before(quote_start) if not context.in_quote(m.start)]
    for mention in reversed(earlier):
        person = context.people.get(mention.person)
        if person is None:
            continue
        if place and person.country != place:
            continue
        if role != "leader" and (person.role is None or not any(title in person.role.lower() for title in titles)):
            continue
        return mention.person
    return None


def _pronoun_speaker(context: ArticleDoc, quote_start: int, previous: _Said | None) -> str | None:
    """Who "he" or "she" attributing a quotation is: the speaker of the quotation just before
    (in this paragraph or the one before) when nobody else has become a subject since, for a
    name inside that speaker's words is not the one speaking on ("Witkoff said Trump “...”.
    “...,” he said"); else the person last named as a subject."""
    if previous is not None:
        paragraph = context.paragraph_of(quote_start)
        before = _paragraph_before(context, paragraph)
        near = paragraph[0] <= previous.end - 1 or (before is not None and before[0] <= previous.end - 1)
        others = [m for m in context.mentions_before(quote_start) if m.start >= previous.end
                  and m.subject and m.person != previous.speaker and not context.in_quote(m.start)]
        if near and previous.end <= quote_start and not others:
            return previous.speaker
    antecedent = context.antecedent(quote_start)
    return antecedent.person if antecedent else None
