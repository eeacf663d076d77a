"""Pledges: who committed money, weapons, troops or a spending level, or proposed a truce.

A sentence is a pledge when a commitment verb (announce, pledge, commit, confirm, vow, approve,
propose, ...) has a subject that stands for a participant and the clause carries a figure or a
recognised kind of commitment. Figures that only appear in demands or comparisons are not
pledges. Converted amounts in brackets restate the first amount.
"""

from __future__ import annotations

import re

from generator.model.facts import Amount, Evidence, Pledge, Quantity
from generator.model.ids import slugify
from generator.extract.actors import actors_of, subject_of
from generator.extract.inflection import base_in
from generator.extract.document import ArticleDoc
from generator.extract.money import find_counts, find_money, find_percent_of_output
from generator.extract.records import FigureClaim, extractor_name

EXTRACTOR = extractor_name("pledges")
COMMITMENT_VERBS = frozenset({
    "announce", "pledge", "commit", "confirm", "vow", "approve", "propose", "promise", "offer",
    "provide", "unveil", "sign", "agree", "increase", "raise", "boost", "deploy", "send",
    "prepare", "indicate", "back", "allocate", "give", "establish",
})
_CONDITION = re.compile(
    r"\b(?:[Ii]f|[Ii]n the event of|[Oo]nce|[Pp]rovided that|[Oo]n condition that|[Aa]fter)\s+"
    r"(?:a |an |any |the )?(?:peace|ceasefire|truce|deal|agreement|settlement)[^,.;“”]{0,80}")
_TROOPS = re.compile(r"\bboots on the ground\b|\b(?:troops|peacekeepers|peacekeeping forces?|soldiers)\b", re.I)
_TRUCE = re.compile(r"\b(?P<length>(?:one|two|three|four|six|\d+)-(?:day|week|month))?\s*(?P<noun>truce|ceasefire|cease-fire)\b", re.I)
_TROOP_VERBS = frozenset({"vow", "prepare", "deploy", "send", "commit", "pledge", "back", "indicate", "offer", "establish"})
_HEDGES = frozenset({"discuss", "consider", "weigh", "debate", "rule", "refuse", "reject", "deny", "question", "doubt"})
_CAPTION = re.compile(r"^(?:RELATED|READ MORE|WATCH|Image|Pic|Photo|Video)\b")
_TARGET_YEAR = re.compile(r"\bby\s+(?P<year>20\d{2})\b")


def _short_amount(value: float) -> str:
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if value >= size:
            return f"{value / size:g}{suffix}"
    return f"{value:g}"


def extract_pledges(context: ArticleDoc) -> tuple[list[Pledge], list[FigureClaim]]:
    pledges: dict[str, Pledge] = {}
    claims: list[FigureClaim] = []
    for sentence in context.sentences:
        verbs = [t for t in sentence if base_in(t, COMMITMENT_VERBS) and t.pos_ in ("VERB", "AUX")]
        if not verbs:
            continue
        quote = context.quote_of(sentence)
        if _CAPTION.match(quote):
            continue
        chunk = context.text[sentence.start_char:sentence.end_char]
        for verb in verbs:
            if any(base_in(t, _HEDGES) for t in verb.ancestors):
                continue  # "discussing sending troops" is not a commitment
            subject = subject_of(verb)
            if subject is None:
                continue
            # Countries only (organisations do not pledge here); a person whose country this
            # article does not give stays "person:<id>" until `combine` resolves it.
            actors = [a for a in actors_of(context, subject) if len(a) == 2 or a.startswith("person:")]
            if not actors:
                continue
            clause = context.text[verb.idx:max(t.idx + len(t.text) for t in verb.subtree)] \
                if verb.dep_ != "ROOT" else context.text[verb.idx:sentence.end_char]
            offset = verb.idx
            found = _pledge_of(verb, clause, offset, chunk)
            if found is None:
                continue
            kind, key, summary, fields = found
            condition = _CONDITION.search(chunk)
            count = fields.pop("_count", None)
            for actor in actors:
                pledge_id = f"{actor.lower().removeprefix('person:')}-{slugify(key, 5)}"
                if pledge_id in pledges:
                    continue
                pledges[pledge_id] = Pledge(
                    id=pledge_id, actor=actor, summary=summary, kind=kind,
                    condition=condition.group(0).strip() if condition else None,
                    evidence=[Evidence(source=context.source, quote=quote)],
                    extractor=EXTRACTOR, confidence=0.7, **fields,
                )
                if count is not None:
                    unit = count.unit.split()[-1]
                    number = f"{count.value:,.0f}"
                    claims.append(FigureClaim(
                        key=f"pledge|{pledge_id}|{unit}", about=f"number of {unit} in the {actor} {kind} pledge",
                        value=f"{count.qualifier} {number}".strip(), number=count.value,
                        source=context.source, quote=quote))
            break
    return sorted(pledges.values(), key=lambda p: p.id), claims


def _pledge_of(verb, clause: str, offset: int, sentence_text: str):
    """(kind, id key, summary, fields) for the commitment in this clause, or None."""
    lemma = _base(verb)
    money = [m for m in find_money(clause, offset)]
    counts = find_counts(clause, offset)
    if money and lemma not in ("increase", "raise", "boost"):
        amount = money[0]
        count = counts[0] if counts else None
        noun = _object_noun(verb)
        summary = f"{amount.text} for {count.text}" if count else \
            (amount.text if noun in amount.text else f"{amount.text} {noun}".strip())
        key = f"money {amount.currency} {_short_amount(amount.value)}"
        fields = {"amount": Amount(value=amount.value, currency=amount.currency)}
        if count:
            fields["quantity"] = Quantity(value=count.value, unit=count.unit)
        return "money", key, summary, {**fields, "_count": count} if count else fields
    percent = find_percent_of_output(clause)
    if percent and re.search(r"spending|budget|GDP|output", clause, re.I):
        value, said = percent
        target = _TARGET_YEAR.search(clause)
        fields = {"quantity": Quantity(value=value, unit="% of GDP")}
        if target:
            fields["target_year"] = int(target.group("year"))
        summary = f"defence spending of {said}" + (f" by {target.group('year')}" if target else "")
        return "spending", f"spending {value:g} of gdp", summary, fields
    truce = _TRUCE.search(clause)
    if lemma == "propose" and truce:
        length = (truce.group("length") or "").lower()
        summary = f"{length} truce".strip() if truce.group("noun").lower() == "truce" else f"{length} ceasefire".strip()
        return "proposal", f"proposal {length} ceasefire", summary, {}
    if counts and _TROOPS.search(counts[0].unit) and lemma in _TROOP_VERBS:
        count = counts[0]
        return "troops", f"troops {count.value:g}", count.text, {
            "quantity": Quantity(value=count.value, unit=count.unit), "_count": count}
    if counts and lemma in ("send", "deploy", "provide", "pledge", "commit", "offer", "give"):
        count = counts[0]
        return "weapons", f"weapons {count.value:g} {count.unit.split()[-1]}", count.text, {
            "quantity": Quantity(value=count.value, unit=count.unit), "_count": count}
    troops = _TROOPS.search(clause)
    if troops and lemma in _TROOP_VERBS:
        return "troops", "troops", f"troops for Ukraine ({troops.group(0)})" if "Ukraine" in sentence_text else troops.group(0), {}
    return None


def _base(verb) -> str:
    return next((base for base in COMMITMENT_VERBS if base_in(verb, frozenset({base}))), verb.lower_)


def _object_noun(verb) -> str:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj.text if obj is not None else ""
