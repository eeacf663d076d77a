"""Loading gold reports every problem at its line; the hand-annotated gold in tests/gold/ is
well-formed and true to the seed articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.files.articles import article_paths, read_article
from generator.evaluation.gold import load_gold
from generator.evaluation.matching import words
from generator.model.errors import ContentError
from generator.model.evidence import SourceTexts
from generator.model.ids import ID_PATTERN, slugify
from tests.gold_factories import GOLD_YAML

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS_DIR = ROOT / "seeds"
ORG_IDS = {"nato", "eu", "european-commission", "european-council", "un"}


@pytest.fixture(scope="module")
def gold():
    return load_gold(GOLD_DIR)


@pytest.fixture(scope="module")
def articles():
    found = {}
    for path in article_paths(SEEDS_DIR):
        article, problems = read_article(path)
        assert not problems, problems
        found[article.id] = article
    return found


def test_one_gold_file_per_seed(gold, articles):
    assert set(gold) == set(articles)
    assert len(gold) == 5


def test_published_dates_agree_with_the_article_reader(gold, articles):
    for source, annotation in gold.items():
        assert annotation.published == articles[source].published, source


def test_every_quoted_text_is_verbatim(gold, articles):
    texts = SourceTexts({source: article.text for source, article in articles.items()})
    bad = [
        f"{source} {where}: {text!r}"
        for source, annotation in gold.items()
        for where, text in annotation.quoted_texts()
        if not texts.is_verbatim(source, text)
    ]
    assert bad == []


def test_quotes_have_at_least_five_words_and_known_speakers(gold):
    for source, annotation in gold.items():
        ids = {person.id for person in annotation.people}
        for quote in annotation.quotes:
            assert len(words(quote.text)) >= 5, (source, quote.text)
            assert quote.speaker in ids, (source, quote.speaker)
            assert quote.speaker == slugify(quote.speaker)


def test_ids_and_countries_are_well_formed(gold):
    code = re.compile(r"^[A-Z]{2}$")
    for source, annotation in gold.items():
        for participant in annotation.participants:
            assert code.match(participant.id) or participant.id in ORG_IDS, (source, participant.id)
            assert re.match(ID_PATTERN, participant.id)
        for person in annotation.people:
            assert person.country is None or code.match(person.country) or person.country in ORG_IDS
            assert person.name not in person.aliases, (source, person.name)
        for pledge in annotation.pledges:
            assert code.match(pledge.actor) or pledge.actor in ORG_IDS
            assert pledge.amount or pledge.quantity or pledge.quote


def test_people_aliases_occur_in_the_article(gold, articles):
    for source, annotation in gold.items():
        text = articles[source].text.replace("\u2019", "'")
        for person in annotation.people:
            for form in [person.name, *person.aliases]:
                if person.name == "Keir Starmer" and form == person.name and "Kier" in text:
                    continue  # the article misspells him throughout; the gold keeps his name
                if person.name == "Volodymyr Zelenskyy" and form == person.name:
                    continue  # one id across articles that spell him Zelensky or Zelenskiy
                assert form in text, (source, form)


def test_undated_articles_only_have_explicitly_dated_events(gold):
    for source, annotation in gold.items():
        if annotation.published is None:
            for event in annotation.events:
                assert event.date[:4] in event.quote, (source, event.date, event.quote)


def test_relative_dates_fall_before_or_on_publication(gold):
    for source, annotation in gold.items():
        for event in annotation.events:
            if annotation.published:
                assert event.date <= annotation.published, (source, event.date)


def test_figures_on_the_london_summit_disagree(gold):
    from generator.evaluation.matching import gold_conflicts

    conflicts = gold_conflicts(gold)
    summit = {source: figure.value for source, figure in conflicts["leaders at the London summit"]}
    assert summit == {
        "000_7cc8c4a22af20c67": "12 European nations",
        "001_d6352d319f778e61": "18 European leaders",
        "003_08fdfb15822a403d": "more than a dozen leaders",
        "004_03677c9b510fc185": "19 leaders",
    }


@pytest.mark.parametrize("corpus", ["dev", "heldout"])
def test_corpus_gold_is_true_to_its_articles(corpus):
    """The written evaluation articles (tests/corpus/README.md): one gold file each, dates as
    the reader gives them (wire datelines without a year included), every quote verbatim."""
    from generator.extract.machine_layer import read_articles_from

    folder = ROOT / "tests" / "corpus" / corpus
    gold = load_gold(folder / "gold")
    articles, problems = read_articles_from(folder / "articles")
    assert problems == []
    assert set(gold) == {article.id for article in articles}
    texts = SourceTexts({article.id: article.text for article in articles})
    for article in articles:
        annotation = gold[article.id]
        assert annotation.published == article.published, article.id
        assert [where for where, text in annotation.quoted_texts() if not texts.is_verbatim(article.id, text)] == []
        assert {quote.speaker for quote in annotation.quotes} <= {person.id for person in annotation.people}


REAL = ROOT / "tests" / "corpus" / "real"
REAL_SETS = sorted(path.relative_to(REAL).as_posix() for path in REAL.glob("*/*") if (path / "gold").is_dir())


def test_the_real_corpus_is_large_and_every_article_has_its_address():
    rows = [line.split("\t") for line in (ROOT / "tests" / "corpus" / "SOURCES.tsv").read_text(
        encoding="utf-8").splitlines()[1:]]
    files = {path.relative_to(ROOT / "tests" / "corpus").as_posix() for path in REAL.glob("*/*/articles/*")}
    assert {row[0] for row in rows} == files and len(files) >= 40
    assert all(row[1].startswith("https://") for row in rows)
    assert len({row[2] for row in rows}) >= 15 and len({row[4] for row in rows}) >= 4


@pytest.mark.parametrize("corpus", REAL_SETS)
def test_real_corpus_gold_is_true_to_its_articles(corpus):
    """Real articles (tests/corpus/real/README.md): one gold file each, every quote verbatim.
    Dates are the annotators' reading of the text, which the article reader may not match."""
    from generator.extract.machine_layer import read_articles_from

    gold = load_gold(REAL / corpus / "gold")
    articles, problems = read_articles_from(REAL / corpus / "articles")
    assert problems == []
    assert set(gold) == {article.id for article in articles}
    texts = SourceTexts({article.id: article.text for article in articles})
    for article in articles:
        annotation = gold[article.id]
        assert [where for where, text in annotation.quoted_texts() if not texts.is_verbatim(article.id, text)] == []
        assert {quote.speaker for quote in annotation.quotes} <= {person.id for person in annotation.people}


def test_load_gold_reports_every_problem_with_its_line(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        GOLD_YAML.replace("status: member}", "status: founder}")
        .replace("speaker: emmanuel-macron", "speaker: nobody")
        .replace("quote: \"On Friday", "when: x\n    quote: \"On Friday"),
        encoding="utf-8",
    )
    (tmp_path / "b2.yaml").write_text("source: other\npublished: 2025-13-01\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_gold(tmp_path)
    report = caught.value.report()
    lines = GOLD_YAML.splitlines()
    status_line = next(i for i, line in enumerate(lines, 1) if "status: member" in line)
    assert f"a1.yaml:{status_line}:" in report and "participants.1.status" in report
    assert "events.1.when: Extra inputs are not permitted" in report
    assert "b2.yaml:2:12: published" in report  # at the bad value
    assert report.endswith("3 problems found.")  # the speaker check runs only on valid files


def test_load_gold_checks_references(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        GOLD_YAML.replace("speaker: emmanuel-macron", "speaker: nobody"), encoding="utf-8"
    )
    (tmp_path / "a2.yaml").write_text(GOLD_YAML, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_gold(tmp_path)
    report = caught.value.report()
    speaker_line = GOLD_YAML.splitlines().index(
        next(line for line in GOLD_YAML.splitlines() if "emmanuel-macron, text" in line)
    ) + 1
    assert f"a1.yaml:{speaker_line}:" in report and "speaker 'nobody' is not a person" in report
    assert "a2.yaml:1:9: source 'a1' is not the file stem 'a2'" in report
    assert report.endswith("2 problems found.")
