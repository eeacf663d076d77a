"""Merging across articles: evidence added once, whatever repeats."""

from __future__ import annotations

from generator.extract.merging import EvidenceLists
from generator.model.records import Evidence


def test_evidence_already_held_or_repeated_is_added_once():
    first, second, third = (Evidence(source=source, quote=quote)
                            for source, quote in [("a", "One."), ("b", "One."), ("a", "Two.")])
    target = [first]
    lists = EvidenceLists()
    lists.add(target, [Evidence(source="a", quote="One."), second, second])
    lists.add(target, [third, Evidence(source="b", quote="One.")])
    assert target == [first, second, third]


def test_each_list_keeps_its_own_evidence():
    lists = EvidenceLists()
    one, other = [], []
    lists.add(one, [Evidence(source="a", quote="One.")])
    lists.add(other, [Evidence(source="a", quote="One.")])
    assert one == other == [Evidence(source="a", quote="One.")]
