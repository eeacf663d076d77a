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
    ("Auckland, March 16, 2025", "2025-03-16"),              # the place first
    ("Tuesday, March 4, 2025", "2025-03-04"),
    ("02 Apr 2025", "2025-04-02"),                           # the day first
    ("18:31 15.04.2025", "2025-04-15"),                      # day.month.year, a time before
    ("6.1.2026 - 19:48", "2026-01-06"),
    ("Published: 11:29, April 1, 2025", "2025-04-01"),        # a page's label and a time before
    ("March 28,2025 580", "2025-03-28"),                     # no space after the comma, a view count
])
def test_datelines(dateline, expected):
    article = parse(f"A headline for the story\n\n{dateline}\n\nThe body.\n")
    assert article.published == expected
    assert article.date_origin == "dateline"


def test_a_dateline_with_a_full_date_and_a_dash_dates_the_article():
    article = parse('PARIS, January 7, 2026 – Leaders of the group concluded a summit in Paris on Tuesday.\n')
    assert article.published == "2026-01-07"
    assert article.dateline is not None and article.text[slice(*article.dateline)].startswith("PARIS, January 7, 2026")


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


@pytest.mark.parametrize(("opening", "outlet", "month_day"), [
    ("MOSCOW, March 3. /TASS/. The Kremlin said the talks had ended.", "TASS", "--03-03"),
    ("BEIJING, April 5 (Xinhua) -- China said it had imposed new tariffs.", "Xinhua", "--04-05"),
    ("LONDON, March 2 (Reuters) - Leaders met in London on Sunday.", "Reuters", "--03-02"),
    ("ROME, 4 September (ANSA) - The minister said the plan was ready.", "ANSA", "--09-04"),
])
def test_wire_datelines_give_outlet_and_day(opening, outlet, month_day):
    article = parse(f"Leaders meet\n\n{opening}\n")
    assert (article.outlet, article.month_day, article.published) == (outlet, month_day, None)
    assert article.dateline_day == month_day
    start, end = article.dateline
    assert article.text[start:end].startswith(opening.split(",")[0])
    assert not article.title.startswith(opening[:6]) and article.title == "Leaders meet"


@pytest.mark.parametrize(("text", "outlet", "title"), [
    ("KYIV, Ukraine (AP) — Russia launched drones at the capital overnight, officials said.\n", "AP",
     "Russia launched drones at the capital overnight, officials said."),
    ("PARIS — (AP) — Their collective name suggests that the loose grouping wants to help.\n", "AP",
     "Their collective name suggests that the loose grouping wants to help."),
    # t02_kstp: a header, then the dateline; "U.S." does not end the title's sentence.
    (" date 2025-04-04 BEIJING (AP) — China announced Friday that it will impose a 34% tariff on imports of "
     "all U.S. products beginning April 10.\n", "AP",
     "China announced Friday that it will impose a 34% tariff on imports of all U.S. products…"),
    ("TEHRAN (Tasnim) Officials said rescue teams had reached the area.\n", "Tasnim",
     "Officials said rescue teams had reached the area."),
])
def test_credit_datelines_without_a_day_give_the_outlet(text, outlet, title):
    article = parse(text)
    assert (article.outlet, article.title) == (outlet, title)
    assert article.dateline_day is None


def test_a_byline_naming_an_agency_gives_the_outlet():
    article = parse("Leaders agree a plan\n\nBy Sam Example, PA Political Correspondent\n\nThe plan was agreed.\n")
    assert (article.byline, article.outlet) == (["Sam Example"], "PA")
    article = parse("Leaders agree a plan\n\nBy JILL EXAMPLE Associated Press\n\nThe plan was agreed.\n")
    assert (article.byline, article.outlet) == (["JILL EXAMPLE"], "Associated Press")


def test_a_credit_line_gives_the_outlet_but_a_photo_credit_does_not():
    # c30_bluewin's head: kicker and headline, credit, date line, a caption and its credit.
    article = parse("Germany Leaders want to guarantee the peace\n\nSDA\n\n6.1.2026 - 19:48\n\n"
                    "The president is welcomed in Paris. Photo: Anna Example/AP/dpa\nKeystone\n\n"
                    "Western supporters have met in Paris to discuss a ceasefire.\n")
    assert (article.outlet, article.published, article.title) == (
        "SDA", "2026-01-06", "Germany Leaders want to guarantee the peace")
    # m04_laotiantimes: the credit before a dash opens the text.
    article = parse(" date 2025-04-03 AFP – On 2 April, Myanmar’s junta announced a temporary ceasefire.\n")
    assert article.outlet == "AFP"
    article = parse("Leaders agree\n\nThe crowd outside the palace. Photo: Anna Example\nAP\n\nThe plan was agreed.\n")
    assert article.outlet is None


def test_an_agency_line_with_its_region_is_the_outlet_and_no_title():
    # c13_interfax: the outlet's name, a section, a time line, then the headline.
    article = parse(" date 2025-04-15 Interfax-Ukraine\nFacts\n18:31 15.04.2025\n\n"
                    "'Coalition of the willing' meeting on security in Black Sea taking place in Turkey – Zelenskyy\n\n"
                    "1 min read\nA meeting on security in the Black Sea is taking place in Turkey, the president said.\n")
    assert (article.outlet, article.published) == ("Interfax-Ukraine", "2025-04-15")
    assert article.title.startswith("'Coalition of the willing' meeting on security")


def test_page_furniture_and_captions_are_no_titles():
    # c15_cna's head, then c22_cgtn's: a caption ending in a photo credit.
    article = parse("Skip to main content\nAdvertisement\nAdvertisement\n\nWorld\n\n"
                    "Paris to be new headquarters of the alliance\n\nLONDON: Britain said on Thursday that Paris "
                    "would be the new headquarters.\n")
    assert article.title == "Paris to be new headquarters of the alliance"
    article = parse("The president speaks during a press conference following the summit. /Ludovic Marin/Pool\n"
                    "Thirty allies have held another meeting as they continue their push for a ceasefire.\n")
    assert article.title == "Thirty allies have held another meeting as they continue their push for a ceasefire."


def test_words_run_together_are_split_in_bylines_and_titles():
    article = parse(" date 2025-03-02 By Alex ExampleThe prime minister said a plan was needed.\n\nMore text here.\n")
    assert article.byline == ["Alex Example"]
    article = parse("Ministers met in Paris to agree the planThe meeting lasted three hours and ended late.\n")
    assert article.title == "Ministers met in Paris to agree the plan"


def test_an_undated_article_learns_the_years_of_the_dated_ones():
    undated = parse("Leaders meet\n\nThe quake struck on March 28.\n", "undated.txt")
    dated = [parse(" date 2025-04-03 Text.\n", "a.txt"), parse(" date 2025-04-10 Text.\n", "b.txt")]
    infer_years([undated, *dated])
    assert undated.published is None and undated.story_years == (2025,)
    assert dated[0].story_years == ()


@pytest.mark.parametrize(("front", "url"), [
    ("url: https://example.com/news/1", "https://example.com/news/1"),
    ("link: http://example.org/a?b=c", "http://example.org/a?b=c"),
    ("url: javascript:alert(1)", None),          # not a web address: never published as a link
    ("url: /relative/path", None),
    ("url: 'https://example.com/a\" onclick=x'", None),
])
def test_the_address_comes_from_the_front_matter_only_when_it_is_a_web_address(front, url):
    article = parse(f"---\ntitle: A story\n{front}\n---\nBody text follows here.\n", "story.md")
    assert article.url == url
