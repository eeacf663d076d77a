"""Property tests: whatever text an article holds, reading and extraction never crash, and
every quote the extractor offers as evidence occurs verbatim in the article.

Examples are derandomised and no example database is kept, so every run (and CI) tries the
same inputs; raise `max_examples` locally to search harder.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from generator.files.articles import decode, parse_article
from generator.model.evidence import SourceTexts
from generator.extract import combine, extract_article

bounded = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Any character a UTF-8 file can hold (surrogates cannot be encoded).
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)

# The pieces real articles are made of: headers, datelines, bylines, quotes, dates, names,
# money, lists, typographic marks. Arbitrary text is spliced in between them.
FRAGMENTS = [
    " date 2025-03-03 ", " date 2025-03-02 By Alex Wickham and Irina Anghel",
    "Starmer says coalition will present plan", "By Ana Berg and Tomas Vik",
    "Mar 3, 2025 - 21:21", "LONDON, March 4 (Reuters) - ", "PARIS, June 14 (Wire) -",
    "Prime Minister Keir Starmer said on Sunday that a “coalition of the willing” would act.",
    '"We will stand together," Macron told reporters in Paris.',
    "“The first ships sail in September,” Vella said. “This is our sea.”",
    'Ukrainian President Volodymyr Zelenskyy said: "We need security guarantees, not promises',
    "French President Emmanuel Macron and Italian Prime Minister Giorgia Meloni attended the summit.",
    "Sébastien Lecornu, the French defence minister, met Gitanas Nausėda.",
    "Володимир Зеленський said «мир».",
    "In March 2025, France pledged €2 billion and 1,000 troops if a ceasefire holds.",
    "The UK will provide £1.6bn to buy more than 5,000 air defence missiles.",
    "Eighteen leaders attended the summit on 2 March 2025, officials said.",
    "In 2003 a coalition led by the United States invaded Iraq.",
    "The leaders agreed four points:\n1. Keep military aid flowing.\n2. Ukraine must be at the table.\n",
    "Two weeks ago, last week, on Sunday, yesterday", "Image: AP", "Read more:",
    "---\ntitle: A title\ndate: 2025-03-05\n---\n", "“", "”", '"', "‘", "’", "—", "-", "(", ")",
    "Mr.", "Dr.", "U.S.", "...", "•", "*", "#", "|", "\t", "\u00a0", "\u202f", "\u2028", "\x0b", "\x00",
]
SEPARATORS = ["", " ", "\n", "\n\n", "\r\n", "\r", " \n \n "]
skeleton_text = st.lists(
    st.tuples(st.one_of(st.sampled_from(FRAGMENTS), any_text), st.sampled_from(SEPARATORS)),
    min_size=1, max_size=12,
).map(lambda parts: "".join(piece + separator for piece, separator in parts))


def read(text: str):
    """What `read_article` does with a file of these bytes: an article, or problems."""
    path = Path("seeds/story.txt")
    decoded, problems = decode(path, text.encode("utf-8"))
    assert (decoded is None) == bool(problems)
    if decoded is None:
        assert [(p.line, p.column) for p in problems] == [(1, 1)]
        assert not text.removeprefix("\ufeff").strip()
        return None
    return parse_article(path, decoded)


def evidence_quotes(result) -> list[tuple[str, str, str]]:
    quotes = [(kind, item.source, item.quote)
              for kind in ("people", "candidates", "participants", "events", "pledges", "plan", "coalitions")
              for fact in getattr(result, kind) for item in fact.evidence]
    quotes += [("quotes", quote.source, quote.text) for quote in result.quotes]
    quotes += [("claims", claim.source, claim.quote) for claim in result.claims]
    return quotes


def assert_extracts_verbatim(nlp, text: str) -> None:
    article = read(text)
    if article is None:
        return
    assert isinstance(article.title, str) and article.words >= 1
    result = extract_article(nlp, article)
    texts = SourceTexts({article.id: article.text})
    for kind, source, quote in evidence_quotes(result):
        assert source == article.id
        assert texts.is_verbatim(source, quote), (kind, quote)
        assert quote in article.text, (kind, quote)  # not even typography is changed
    combine([result])


@bounded
@given(st.binary(max_size=300))
def test_reader_takes_any_bytes(data):
    text, problems = decode(Path("seeds/story.txt"), data)
    assert (text is None) == bool(problems)
    if text is not None:
        assert "\r" not in text and not text.startswith("\ufeff")
        parse_article(Path("seeds/story.txt"), text)


@bounded
@given(any_text)
def test_reader_and_markdown_reader_take_any_text(text):
    read(text)
    decoded, _ = decode(Path("seeds/story.md"), text.encode("utf-8"))
    if decoded is not None:
        parse_article(Path("seeds/story.md"), decoded)


@bounded
@given(any_text)
def test_extractor_takes_any_text(nlp, text):
    assert_extracts_verbatim(nlp, text)


@bounded
@given(skeleton_text)
# A header line below a headline: all of its sentence is header, which once left an empty quote.
@example("Headline here for it\n\n date 2025-03-02 By Alex Wickham and Irina Anghel\n\nKeir Starmer said it.\n")
def test_extractor_on_article_like_text_quotes_verbatim(nlp, text):
    assert_extracts_verbatim(nlp, text)
