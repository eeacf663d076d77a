"""The `pledges` kind scored (generator/evaluation/kinds/pledges.py): its gold record and kinds,
when a predicted pledge is a gold one, and how a false hit is named."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from pydantic import ValidationError

from generator.evaluation.kinds.pledges import GoldPledge
from generator.evaluation.scoring import evaluate
from generator.model.kinds.pledges import PLEDGE_KINDS, Pledge
from generator.model.records import Amount, Quantity
from generator.site.export import facts_schema
from tests.gold_factories import SOURCE, counts, ev, gold_dir, perfect  # noqa: F401 (gold_dir is a fixture)


def test_pledge_kinds_are_the_models_and_the_schemas():
    assert len(PLEDGE_KINDS) == len(set(PLEDGE_KINDS))
    assert all(kind == kind.lower() for kind in PLEDGE_KINDS)
    for kind in PLEDGE_KINDS:
        assert Pledge(id="p", actor="GB", summary="s", kind=kind).kind == kind
        assert GoldPledge(actor="GB", kind=kind, quote="q").kind == kind
    with pytest.raises(ValidationError):
        Pledge(id="p", actor="GB", summary="s", kind="loan")
    with pytest.raises(ValidationError):
        GoldPledge(actor="GB", kind="loan", quote="q")
    pledge_schema = facts_schema()["$defs"]["pledge"]["properties"]["kind"]
    assert pledge_schema["enum"] == list(PLEDGE_KINDS)
    assert Pledge.model_fields["kind"].description == "money, weapons, troops, spending, aid, proposal or other."


def test_another_actor_is_no_match(gold_dir):
    pred = perfect()
    pred.pledges[0] = pred.pledges[0].model_copy(update={"actor": "FR"})
    report = evaluate(gold_dir, {SOURCE: pred})
    assert counts(report, "pledges") == (0, 1, 1)
    assert report.types["pledges"].misses == ["a1: pledge GB money: The UK will lend £1.6bn for 5,000 air defence missiles"]


def test_another_sum_is_no_match_and_the_false_hit_gives_its_figures(gold_dir):
    pred = perfect()
    pred.pledges = [
        Pledge(id="p1", actor="GB", summary="2bn dollars", amount=Amount(value=2e9, currency="USD")),
        Pledge(id="p2", actor="GB", summary="Missiles", quantity=Quantity(value=5000, unit="missiles")),
    ]
    report = evaluate(gold_dir, {SOURCE: pred})
    # The same number of missiles is enough for the second, whatever the unit says.
    assert counts(report, "pledges") == (1, 1, 0)
    assert report.types["pledges"].false_hits == ["a1: pledge GB other 2e+09 USD: 2bn dollars"]


def test_pledge_without_figures_matched_by_kind_and_keywords(tmp_path):
    (tmp_path / "a1.yaml").write_text(
        "source: a1\npledges:\n"
        "  - {actor: FR, kind: proposal, quote: \"French President Emmanuel Macron proposed a one-month truce\"}\n",
        encoding="utf-8",
    )
    other_sentence = ev("- French President Macron proposes a one-month truce to de-escalate the conflict")
    same_kind = Pledge(id="p", actor="FR", kind="proposal", summary="one-month truce", evidence=other_sentence)
    other_kind = same_kind.model_copy(update={"kind": "troops"})
    other_actor = same_kind.model_copy(update={"actor": "GB"})
    report = evaluate(tmp_path, {SOURCE: SimpleNamespace(pledges=[other_actor, other_kind, same_kind])})
    assert counts(report, "pledges") == (1, 2, 0)
    assert report.types["pledges"].false_hits[0].startswith("a1: pledge GB proposal")



def test_commitments_of_one_sentence_pair_with_the_gold_of_their_own_kind(tmp_path):
    sentence = "We agreed to keep up pressure, sustain military aid to Kosovo and tighten restrictions on Serbia"
    (tmp_path / "a1.yaml").write_text(
        "source: a1\npledges:\n"
        "  - {actor: GB, kind: aid, quote: \"sustain military aid to Kosovo\"}\n"
        "  - {actor: GB, kind: other, quote: \"tighten restrictions on Serbia\"}\n",
        encoding="utf-8",
    )
    pressure = Pledge(id="p1", actor="GB", kind="other", summary="keep up pressure", evidence=ev(sentence))
    tighten = pressure.model_copy(update={"id": "p2", "summary": "tighten restrictions"})
    aid = pressure.model_copy(update={"id": "p3", "kind": "aid", "summary": "sustain military aid"})
    report = evaluate(tmp_path, {SOURCE: SimpleNamespace(pledges=[pressure, tighten, aid])})
    # Every prediction overlaps both gold quotes; the aid pledge pairs with the aid gold, so the
    # one left over is a third "other".
    assert counts(report, "pledges") == (2, 1, 0)
    assert report.types["pledges"].false_hits[0].startswith("a1: pledge GB other")
