"""Reading articles: text as published, metadata from the text itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.files.articles import decode, infer_years, parse_article, read_article
from generator.model.evidence import SourceTexts, normalise
from generator.model.ids import slugify


def parse(text: str, name: str = "story.txt"):
    return parse_article(Path(name), text)


def test_header_date_and_headline_after_a_standfirst():
    article = parse(" date 2025-03-03 Leaders meet in London to discuss a plan.\n\n"
                    "Starmer says coalition will present plan\n\nBody text follows here.\n")
    assert article.published == "2025-03-03"
    assert article.date_origin == "header"
    assert article.title == "Starmer says coalition will present plan"


@pytest.mark.parametrize(("dateline", "expected"), [
    ("Mar 3, 2025 - 21:21", "2025-03-03"),
    ("September 14, 2024", "2024-09-14"),
    ("LONDON, March 4, 2025 (Reuters) - Leaders met.", "2025-03-04"),
])
def test_datelines(dateline, expected):
    article = parse(f"A headline for the story\n\n{dateline}\n\nThe body.\n")
    assert article.published == expected
    assert article.date_origin == "dateline"


def test_wire_dateline_without_year_gives_outlet_but_no_date():
    article = parse("Leaders meet\n\nPARIS, June 14 (Wire) - Ministers met on Friday.\n")
    assert article.published is None
    assert article.outlet == "Wire"


def test_wire_dateline_without_year_takes_the_year_the_text_gives_that_month():
    article = parse("Leaders meet\n\nPARIS, June 14 (Wire) - Ministers met on Friday, as agreed "
                    "in June 2031. Spending will rise by 2035.\n")
    assert (article.published, article.date_origin) == ("2031-06-14", "dateline, year from the text")


def test_a_days_year_is_inferred_from_the_other_articles():
    wire = parse("Leaders meet\n\nPARIS, January 2 (Wire) - Ministers met on Friday.\n", "wire.txt")
    others = [parse(" date 2030-12-30 Talks begin\n\nText.\n", "a.txt"),
              parse(" date 2029-06-01 Talks end\n\nText.\n", "b.txt")]
    infer_years([wire, *others])
    assert wire.published == "2031-01-02"          # three days after the nearest dated article
    assert "inferred" in wire.date_origin
    alone = parse("Leaders meet\n\nPARIS, January 2 (Wire) - Ministers met.\n", "alone.txt")
    infer_years([alone])
    assert alone.published is None


def test_a_question_is_the_headline_only_as_the_first_line():
    article = parse("What is the harbour coalition – and can it work?\n\nAnalysis\n\n"
                    "The phrase has a long history.\n")
    assert article.title == "What is the harbour coalition – and can it work?"


def test_a_line_of_names_after_the_headline_is_the_byline():
    article = parse(" date 2031-03-15 Standfirst.\n\nLeaders agree a plan\n\nHarriet Example and Michael Sample\n\n"
                    "The prime minister said the plan was ready.\n")
    assert article.byline == ["Harriet Example", "Michael Sample"]
    assert article.title == "Leaders agree a plan"


def test_byline_names_are_split_and_not_a_title():
    article = parse(" date 2025-03-02 By Alex Example and Irina Sample\n\n"
                    "Keir Starmer said a coalition was needed to provide security guarantees after any ceasefire.\n")
    assert article.byline == ["Alex Example", "Irina Sample"]
    assert article.title.startswith("Keir Starmer said a coalition was needed")


def test_markdown_front_matter():
    article = parse("---\ntitle: A title\ndate: 2025-03-05\noutlet: The Paper\nauthor: [A B]\n---\nText.\n",
                    "story.md")
    assert (article.title, article.published, article.outlet, article.byline) == (
        "A title", "2025-03-05", "The Paper", ["A B"])


def test_captions_are_not_titles_and_undated_articles_stay_undated():
    article = parse("Image: Pic: AP\nWhat is the plan?\nThe prime minister spoke.\n")
    assert article.title == "The prime minister spoke."
    assert article.published is None


def test_decode_drops_bom_and_normalises_newlines(tmp_path):
    text, problems = decode(tmp_path / "a.txt", "\ufeffLine one\r\nLine two\rLine three".encode())
    assert problems == []
    assert text == "Line one\nLine two\nLine three"


def test_read_article_reports_position_of_a_bad_byte(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"first line\nsecond \xe9 line\n")
    article, problems = read_article(path)
    assert article is None
    assert [p.format() for p in problems] == [
        f"{path}:2:8: article is not UTF-8 (byte 0xe9); re-save it as UTF-8"]


def test_evidence_forgives_typography_and_spacing_only():
    texts = SourceTexts({"a": "He said \u201cwe will\n  act\u201d on Sunday \u2013 firmly."})
    assert texts.is_verbatim("a", 'said "we will act" on Sunday')
    assert not texts.is_verbatim("a", "said we will act on Sunday")  # quotes dropped: not verbatim
    assert not texts.is_verbatim("a", "on Sunday - firmly")          # a dash is not a hyphen
    assert not texts.is_verbatim("b", "He said")                     # unknown source
    assert normalise("  a\u00a0b\u2019s  ") == "a b's"


def test_slugify_is_stable_ascii():
    assert slugify("Volodymyr Zelenskyy") == "volodymyr-zelenskyy"
    assert slugify("Dick Schoof’s €1.5bn plan, and more words than eight here", 4) == "dick-schoofs-1-5bn"
    assert slugify("«»") == "x"
