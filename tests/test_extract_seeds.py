"""Every fact extracted from the seed articles rests on verbatim evidence; ids are unique."""

import multiprocessing
from pathlib import Path

import pytest

from generator.files.articles import read_article
from generator.model.evidence import SourceTexts
from generator.model.facts import SiteText
from generator import extract
from generator.extract import ArticleFacts, combine, extract_articles

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds():
    return [read_article(path)[0] for path in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="module")
def results(nlp, seeds):
    return extract_articles(nlp, seeds)


def test_evidence_is_verbatim_in_its_own_article(seeds, results):
    texts = {a.id: a.text for a in seeds}
    for result in results:
        for kind in ("people", "candidates", "participants", "events", "pledges", "quotes",
                     "plan", "coalitions"):
            for fact in getattr(result, kind):
                assert fact.evidence, (kind, fact.id)
                for item in fact.evidence:
                    assert item.source == result.source
                    assert item.quote in texts[result.source], (kind, fact.id, item.quote)
        for claim in result.claims:
            assert claim.quote in texts[result.source]


def test_worker_processes_find_the_same_facts(nlp, seeds, results):
    # Each parse comes back from its worker serialised: nothing an extractor reads may be lost.
    assert extract_articles(nlp, seeds, processes=2) == results


def test_no_worker_process_outlives_a_failing_extractor(nlp, seeds, monkeypatch):
    extract_one = extract._extract

    def failing_on_the_second(article, doc, kinds):
        if article is seeds[1]:
            raise RuntimeError("an extractor failed")
        return extract_one(article, doc, kinds)

    monkeypatch.setattr(extract, "_extract", failing_on_the_second)
    with pytest.raises(RuntimeError, match="an extractor failed"):
        extract_articles(nlp, seeds, processes=2)
    assert multiprocessing.active_children() == []


def test_articles_round_trip_as_json(results):
    for result in results:
        assert ArticleFacts.model_validate(result.model_dump(mode="json")) == result


def test_combined_facts_have_unique_ids_and_valid_evidence(seeds, results):
    facts = combine(results)
    texts = SourceTexts({a.id: a.text for a in seeds})
    assert set(facts) == {"people", "participants", "events", "pledges", "quotes", "plan",
                          "coalitions", "figures", "conflicts"}
    for kind, items in facts.items():
        ids = [item.id for item in items]
        assert ids == sorted(set(ids)), kind
        for item in items:
            for evidence in getattr(item, "evidence", []):
                assert texts.is_verbatim(evidence.source, evidence.quote), (kind, item.id)
    person_ids = {p.id for p in facts["people"]}
    assert all(q.speaker in person_ids for q in facts["quotes"])
    assert all(set(e.people) <= person_ids for e in facts["events"])


def test_seed_people_are_people(results):
    facts = combine(results)
    # Names the tagger doubted are kept for editors at a confidence that holds them for review.
    published = [p for p in facts["people"] if p.confidence >= SiteText().review_below]
    names = {p.name for p in published}
    assert not names & {"Kyiv", "Downing Street", "Truth Social", "Le Figaro", "Lancaster House"}
    surnames = [p.name.split()[-1].lower()[:6] for p in published]
    assert len(surnames) == len(set(surnames))   # no person twice under a spelling variant
