"""Across articles: one record per person, event, pledge, quote, participant, plan point.

People are merged by name similarity (spelling variants and typos across outlets); every
reference to a person is rewritten to the merged id. The same event told by several articles
(same date, shared people or words) becomes one event with several pieces of evidence.
"""

from __future__ import annotations

import re
from collections import Counter

from generator.model.facts import Coalition, Event, Participant, Person, PlanPoint, Pledge, Quote
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.extract.conflicts import find_conflicts
from generator.extract.names import same_name
from generator.extract.participants import STATUS_RANK
from generator.extract.records import ArticleFacts, FigureClaim
from generator.model.lexicon import STOP_WORDS


def stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 2}


def overlap(a: str, b: str) -> float:
    first, second = stems(a), stems(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


def combine(results: list[ArticleFacts]) -> dict[str, list]:
    results = sorted(results, key=lambda r: r.source)
    people, person_map = _people(results)
    country_of = {p.id: p.country for p in people}
    pledges, pledge_map = _pledges(results, country_of)
    claims = [_remap_claim(c, pledge_map, pledges) for r in results for c in r.claims]
    return {
        "people": people,
        "participants": _participants(results),
        "events": _events(results, person_map),
        "pledges": pledges,
        "quotes": _quotes(results, person_map),
        "plan": _plan(results),
        "coalitions": _coalitions(results),
        "conflicts": find_conflicts([c for c in claims if c is not None]),
    }


def _people(results: list[ArticleFacts]):
    groups: list[list[tuple[str, Person, bool]]] = []
    for strong in (True, False):
        for result in results:
            for person in (result.people if strong else result.candidates):
                tokens = person.name.split()
                for group in groups:
                    if same_name(group[0][1].name.split(), tokens):
                        group.append((result.source, person, strong))
                        break
                else:
                    # A name only the weak rules found stays at its low confidence: held for review.
                    groups.append([(result.source, person, strong)])
    merged: list[Person] = []
    person_map: dict[tuple[str, str], str] = {}
    for group in groups:
        names = Counter(person.name for _, person, _ in group)
        canonical = max(names, key=lambda n: (names[n], len(n), -_first(group, n)))
        person_id = slugify(canonical)
        roles = Counter(p.role for _, p, _ in group if p.role)
        # Only a country or organisation the gazetteer knows, as `check` requires of the field.
        countries = Counter(p.country for _, p, _ in group if p.country and gazetteer.place(p.country))
        aliases = {n for _, p, _ in group for n in [p.name, *p.aliases]} - {canonical}
        evidence = []
        for _, person, _ in group:
            for item in person.evidence:
                if item not in evidence:
                    evidence.append(item)
        merged.append(Person(
            id=person_id, name=canonical, aliases=sorted(aliases),
            role=_most_common(roles, group, "role"), country=_most_common(countries, group, "country"),
            evidence=evidence, extractor=group[0][1].extractor,
            confidence=max(p.confidence or 0 for _, p, _ in group),
        ))
        for source, person, _ in group:
            person_map[(source, person.id)] = person_id
    return _unique(merged), person_map


def _first(group, name: str) -> int:
    return next(i for i, (_, p, _) in enumerate(group) if p.name == name)


def _most_common(counter: Counter, group, field: str):
    if not counter:
        return None
    best = max(counter.values())
    # Ties go to the earliest source: stable when an unrelated article is added later.
    for _, person, _ in group:
        value = getattr(person, field)
        if value and counter[value] == best:
            return value
    return None


def _unique(items: list) -> list:
    seen: dict[str, object] = {}
    for item in items:
        if item.id in seen:
            existing = seen[item.id]
            existing.evidence.extend(e for e in item.evidence if e not in existing.evidence)
        else:
            seen[item.id] = item
    return sorted(seen.values(), key=lambda i: i.id)


def _participants(results: list[ArticleFacts]) -> list[Participant]:
    merged: dict[str, Participant] = {}
    for result in results:
        for participant in result.participants:
            current = merged.get(participant.id)
            if current is None:
                merged[participant.id] = participant.model_copy(deep=True)
                continue
            if STATUS_RANK.get(participant.status, 0) > STATUS_RANK.get(current.status, 0):
                current.status = participant.status
                current.confidence = participant.confidence
            current.evidence.extend(e for e in participant.evidence if e not in current.evidence)
    return sorted(merged.values(), key=lambda p: p.id)


def _events(results: list[ArticleFacts], person_map) -> list[Event]:
    merged: list[Event] = []
    for result in results:
        for event in result.events:
            event = event.model_copy(deep=True)
            event.people = sorted({person_map[(result.source, p)] for p in event.people
                                   if (result.source, p) in person_map})
            # Two sentences of one article are two events; only other sources can corroborate.
            match = next((m for m in merged if m.date == event.date and _same_event(m, event)
                          and all(e.source != result.source for e in m.evidence)), None)
            if match is None:
                merged.append(event)
                continue
            match.evidence.extend(e for e in event.evidence if e not in match.evidence)
            match.people = sorted(set(match.people) | set(event.people))
            match.approximate = match.approximate and event.approximate
    return _unique(merged)


def _same_event(first: Event, second: Event) -> bool:
    shared_people = set(first.people) & set(second.people)
    words = max(overlap(first.title, second.title), overlap(first.summary, second.summary) * 0.8)
    return (bool(shared_people) and words >= 0.34) or words >= 0.5


def _pledges(results: list[ArticleFacts], country_of: dict[str, str | None]):
    merged: dict[str, Pledge] = {}
    pledge_map: dict[tuple[str, str], str] = {}
    for result, pledges in zip(results, _resolved_pledges(results, country_of)):
        for old_id, pledge in pledges:
            pledge_map[(result.source, old_id)] = pledge.id
            current = merged.get(pledge.id)
            if current is None:
                merged[pledge.id] = pledge
                continue
            current.evidence.extend(e for e in pledge.evidence if e not in current.evidence)
            for field in ("condition", "target_year", "quantity", "amount"):
                if getattr(current, field) is None and getattr(pledge, field) is not None:
                    setattr(current, field, getattr(pledge, field))
    return sorted(merged.values(), key=lambda p: p.id), pledge_map


def _resolved_pledges(results: list[ArticleFacts], country_of: dict[str, str | None]):
    """Per article, (old id, pledge) with a "person:<id>" actor replaced by that person's
    country as all the articles together give it; a pledge whose country stays unknown is
    left out: whose pledge it was cannot be stated."""
    names = {(result.source, person.id): person.name
             for result in results for person in result.people + result.candidates}
    resolved = []
    for result in results:
        pledges = []
        for pledge in result.pledges:
            pledge = pledge.model_copy(deep=True)
            old_id = pledge.id
            if pledge.actor.startswith("person:"):
                person_id = pledge.actor.removeprefix("person:")
                country = _country_by_name(names.get((result.source, person_id)), country_of)
                if not country:
                    continue
                pledge.actor = country
                pledge.id = f"{country.lower()}-{old_id[len(person_id) + 1:]}"
            if gazetteer.place(pledge.actor) is None:
                continue     # an actor `check` would reject: no country or organisation by that id
            same = next((p for _, p in pledges if p.id == pledge.id), None)
            if same is not None:     # "Starmer" and "the UK" making one pledge in one article
                same.evidence.extend(e for e in pledge.evidence if e not in same.evidence)
                continue
            pledges.append((old_id, pledge))
        resolved.append(pledges)
    return resolved


def as_published(results: list[ArticleFacts]) -> list[ArticleFacts]:
    """The per-article results as `combine` publishes them: a person's role and country filled
    in from the other articles where this one does not give them, and pledge actors resolved
    likewise. This is what `explainer evaluate` scores, article by article."""
    results = sorted(results, key=lambda r: r.source)
    people, person_map = _people(results)
    merged = {person.id: person for person in people}
    country_of = {p.id: p.country for p in people}
    published = []
    for result, pledges in zip(results, _resolved_pledges(results, country_of)):
        persons = []
        for person in result.people:
            whole = merged.get(person_map.get((result.source, person.id), ""))
            if whole is not None:
                person = person.model_copy(update={"role": person.role or whole.role,
                                                   "country": person.country or whole.country})
            persons.append(person)
        published.append(result.model_copy(update={"people": persons, "pledges": [p for _, p in pledges]}))
    return published


def _country_by_name(name: str | None, country_of: dict[str, str | None]) -> str | None:
    if not name:
        return None
    for person_id, country in country_of.items():
        if country and len(country) == 2 and same_name(person_id.split("-"), slugify(name).split("-")):
            return country
    return None


def _remap_claim(claim: FigureClaim, pledge_map, pledges: list[Pledge]) -> FigureClaim | None:
    if not claim.key.startswith("pledge|"):
        return claim
    _, old_id, unit = claim.key.split("|", 2)
    new_id = pledge_map.get((claim.source, old_id))
    pledge = next((p for p in pledges if p.id == new_id), None)
    if pledge is None:
        return None
    place = gazetteer.place(pledge.actor)
    actor = place.name if place else pledge.actor
    return claim.model_copy(update={
        "key": f"pledge|{new_id}|{unit}",
        "about": f"number of {unit} in the {actor} {pledge.kind} pledge",
    })


def _quotes(results: list[ArticleFacts], person_map) -> list[Quote]:
    merged: dict[str, Quote] = {}
    for result in results:
        for quote in result.quotes:
            speaker = person_map.get((result.source, quote.speaker))
            if speaker is None:
                continue
            quote_id = f"{speaker}-{slugify(quote.text, 6)}"
            if quote_id in merged:
                merged[quote_id].evidence.extend(e for e in quote.evidence if e not in merged[quote_id].evidence)
                continue
            merged[quote_id] = quote.model_copy(update={"id": quote_id, "speaker": speaker}, deep=True)
    return sorted(merged.values(), key=lambda q: q.id)


def _plan(results: list[ArticleFacts]) -> list[PlanPoint]:
    lists = [r.plan for r in results if r.plan]
    if not lists:
        return []
    best = max(lists, key=lambda points: (max(p.confidence or 0 for p in points), len(points)))
    canonical = [p.model_copy(deep=True) for p in best]
    for points in lists:
        if points is best:
            continue
        for point in points:
            scores = sorted(((overlap(point.text, c.text), i) for i, c in enumerate(canonical)), reverse=True)
            if not scores or scores[0][0] < 0.34:
                continue
            if len(scores) > 1 and scores[1][0] >= scores[0][0] - 0.1:
                continue   # not clearly one point
            target = canonical[scores[0][1]]
            target.evidence.extend(e for e in point.evidence if e not in target.evidence)
    return sorted(canonical, key=lambda p: p.point)


def _coalitions(results: list[ArticleFacts]) -> list[Coalition]:
    return _unique([c.model_copy(deep=True) for r in results for c in r.coalitions])
