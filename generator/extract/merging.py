"""Across articles: one record per person, participant, event and quote, and the disputed figures.

People are merged by name similarity (spelling variants and typos across outlets); every
reference to a person is rewritten to the merged id. The same event told by several articles
(same date, shared people or words) becomes one event with several pieces of evidence. The
story kinds merge their own records (`extract/kinds/`), using the merged people.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from generator.model.records import NEWS_CYCLE_DAYS, STATUS_RANK, Event, Evidence, Participant, Person, Quote, RoleChange, StatusChange, days_between
from generator.model.ids import slugify
from generator.model import gazetteer
from generator.extract.names import same_name, surname_key
from generator.extract.calibration import rated
from generator.extract.findings import ArticleFacts, extractor_name
from generator.model.lexicon import STOP_WORDS


@functools.lru_cache(maxsize=65536)   # each event's title and summary meet every other event's of its date
def stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in re.findall(r"[a-z]+", text.lower()) if w not in STOP_WORDS and len(w) > 2)


def overlap(a: str, b: str) -> float:
    first, second = stems(a), stems(b)
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


class EvidenceLists:
    """Adds evidence to merged records' lists, leaving out what a list holds already (and
    repeats among the new items). Each list's (source, quote) pairs are kept in a set:
    pydantic models compare field by field, so `in` over lists of them made merging grow
    with the square of the evidence. Every change to a list must go through one instance."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[list[Evidence], set[tuple[str, str]]]] = {}

    def add(self, target: list[Evidence], items: Iterable[Evidence]) -> None:
        entry = self._seen.get(id(target))
        if entry is None:
            # The list is held beside its set, so its id cannot be reused while the set is.
            entry = self._seen[id(target)] = (target, {(e.source, e.quote) for e in target})
        seen = entry[1]
        for item in items:
            key = (item.source, item.quote)
            if key not in seen:
                seen.add(key)
                target.append(item)


@dataclass
class People:
    """The people of all articles merged, and how each article's person ids map to theirs."""

    merged: list[Person]
    ids: dict[tuple[str, str], str]          # (source, id in that article) -> merged id
    country_of: dict[str, str | None] = field(init=False)
    # Each name is looked up once: the story kinds ask for one person's country again and
    # again, and each look-up compares the name with every merged person.
    _by_name: dict[str, str | None] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.country_of = {person.id: person.country for person in self.merged}

    def country_by_name(self, name: str | None) -> str | None:
        """The country of the merged person this name stands for, if all articles give one."""
        if not name:
            return None
        if name not in self._by_name:
            tokens = slugify(name).split("-")
            self._by_name[name] = next(
                (country for person_id, country in self.country_of.items()
                 if country and len(country) == 2 and same_name(person_id.split("-"), tokens)), None)
        return self._by_name[name]


def merge_people(results: list[ArticleFacts], published: Mapping[str, str | None] | None = None) -> People:
    """The people of all articles; with the articles' dates (`published`, by source id), each
    person's roles are dated too."""
    return People(*_people(results, published or {}))


def combine_core(results: list[ArticleFacts], people: People,
                 committed: list[list[tuple[str, str]]] | None = None,
                 published: Mapping[str, str | None] | None = None) -> dict[str, list]:
    """The core kinds' records across these articles (sorted by source), but the conflicts,
    which need every kind's figure claims. `published` dates the participants' statuses."""
    return {
        "people": people.merged,
        "participants": _participants(published_participants(results, people, committed),
                                      [result.source for result in results], published or {}),
        "events": _events(results, people.ids),
        "quotes": _quotes(results, people.ids),
    }


def published_people(results: list[ArticleFacts], people: People) -> list[list[Person]]:
    """Per article, its people with a role and country filled in from the other articles where
    this one does not give them."""
    merged = {person.id: person for person in people.merged}
    published = []
    for result in results:
        persons = []
        for person in result.people:
            whole = merged.get(people.ids.get((result.source, person.id), ""))
            if whole is not None:
                person = person.model_copy(update={"role": person.role or whole.role,
                                                   "country": person.country or whole.country})
            persons.append(person)
        published.append(persons)
    return published


def published_participants(results: list[ArticleFacts], people: People,
                           committed: list[list[tuple[str, str]]] | None = None) -> list[list[Participant]]:
    """Per article, its participants, with the countries of the people it has taking part
    where only other articles say where they are from ("Macron will chair the call"), and as
    members the countries a story kind has committing to its effort (`committed`, per article)."""
    published = []
    for index, result in enumerate(results):
        by_id = {participant.id: participant for participant in result.participants}
        for involved in result.involvement:
            country = people.country_of.get(people.ids.get((result.source, involved.person), ""))
            _strengthen(by_id, result.source, country, involved.status, involved.quote, "by-person")
        for place_id, quote in committed[index] if committed else []:
            # Committing says a country is in the effort, not that it was not at its meeting.
            if place_id not in by_id or by_id[place_id].status == "likely":
                _strengthen(by_id, result.source, place_id, "member", quote, "by-commitment")
        published.append(sorted(by_id.values(), key=lambda p: p.id))
    return published


def _strengthen(by_id: dict[str, Participant], source: str, place_id: str | None, status: str, quote: str,
                reading: str) -> None:
    """Records `place_id` with `status` unless the article has it with one as strong already."""
    place = gazetteer.place(place_id) if place_id else None
    current = by_id.get(place_id)
    if place is None or (current is not None and STATUS_RANK[current.status] >= STATUS_RANK[status]):
        return
    evidence = [Evidence(source=source, quote=quote)]
    if current is not None:
        evidence = current.evidence + [e for e in evidence if e not in current.evidence]
    by_id[place_id] = Participant(
        id=place_id, name=place.name, kind=place.kind, status=status, evidence=evidence,
        extractor=extractor_name("participants"),
        **rated(f"participants.{status}-{reading}", _INDIRECT_PRIORS[status]))


# A status found through a person whose country another article gives, or through a
# commitment: a step less sure.
_INDIRECT_PRIORS = {"lead": 0.7, "member": 0.6, "attended": 0.6, "likely": 0.4}


def reporting_order(published: Mapping[str, str | None], source: str) -> tuple[bool, str, str]:
    """The order in which the articles reported what they say: by publication date (a partial
    date before the days it holds), undated articles last, ties by id."""
    date = published.get(source)
    return date is None, date or "", source


def _people(results: list[ArticleFacts], published: Mapping[str, str | None]):
    groups: list[list[tuple[str, Person, bool]]] = []
    # A name joins the first group whose first name matches it. Only groups of its surname key
    # can match, and a name seen before joins the group it joined then (groups are only ever
    # added, and their first names never change): each mention costs a few comparisons, not
    # one per group.
    by_key: dict[str, list[list[tuple[str, Person, bool]]]] = {}
    joins: dict[str, list[tuple[str, Person, bool]]] = {}
    for strong in (True, False):
        for result in results:
            for person in (result.people if strong else result.candidates):
                member = (result.source, person, strong)
                group = joins.get(person.name)
                if group is None:
                    tokens = person.name.split()
                    candidates = by_key.setdefault(surname_key(tokens), [])
                    group = next((group for group in candidates if same_name(group[0][1].name.split(), tokens)), None)
                    if group is None:
                        # A name only the weak rules found stays at its low confidence: held for review.
                        group = []
                        groups.append(group)
                        candidates.append(group)
                        if same_name(tokens, tokens):
                            joins[person.name] = group
                    else:
                        joins[person.name] = group
                group.append(member)
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
        evidence: list[Evidence] = []
        EvidenceLists().add(evidence, (item for _, person, _ in group for item in person.evidence))
        role, as_of, history = _dated_role(group, published, _most_common(roles, group, "role"))
        merged.append(Person(
            id=person_id, name=canonical, aliases=sorted(aliases),
            role=role, country=_most_common(countries, group, "country"), as_of=as_of, history=history,
            evidence=evidence, extractor=group[0][1].extractor,
            **_surest(person for _, person, _ in group),
        ))
        for source, person, _ in group:
            person_map[(source, person.id)] = person_id
    return unique(merged), person_map


def _dated_role(group, published: Mapping[str, str | None], usual: str | None):
    """A person's role, the date it was first reported, and its history.

    Outlets spell one office many ways and give other titles besides ("Defence Secretary",
    "Defense Secretary", "Chief"), so neither is a change. A change is what a later article
    says plainly: that the office is held no longer ("former Prime Minister" after "Prime
    Minister"). Then the role is that one, from that article's date, and the history holds both."""
    dated = [(published[source], source, person.role)
             for source, person, _ in sorted(group, key=lambda member: reporting_order(published, member[0]))
             if person.role and published.get(source) and not _role_words(person.role) & _RETROSPECTIVE]
    held = next(((day, source, role) for day, source, role in dated if not _role_words(role) & _ENDED), None)
    ended = held and next(((day, source, role) for day, source, role in dated
                           if day > held[0] and _role_words(role) & _ENDED and _same_office(role, held[2])), None)
    if held and ended:
        history = [RoleChange(role=role, as_of=day, source=source) for day, source, role in (held, ended)]
        return ended[2], ended[0], history
    as_of = next((day for day, _, role in dated if usual and _same_role(role, usual)), None)
    return usual, as_of, []


# Words that make a role another one: a former minister no longer holds the office, a deputy
# holds another. "then-" and "late" look back from later: not the day the office ended.
_ENDED = {"former", "ex", "outgoing"}
_TENURE = _ENDED | {"incoming", "acting", "interim", "deputy", "vice"}
_RETROSPECTIVE = {"then", "late"}


@functools.lru_cache(maxsize=4096)
def _role_words(role: str) -> frozenset[str]:
    """The words of a role that name the office: not its country ("British", "of France")."""
    words = re.findall(r"[a-z]+", role.casefold().replace("-", " "))
    return frozenset(word for word in words if word not in STOP_WORDS and not gazetteer.is_place_word(word))


def _same_role(one: str, other: str) -> bool:
    """Whether two roles name one office: the words of one hold the other's, and both or
    neither say it is held no longer or in part ("former", "deputy")."""
    first, second = _role_words(one), _role_words(other)
    if (first & _TENURE) != (second & _TENURE):
        return False
    return first <= second or second <= first


def _same_office(one: str, other: str) -> bool:
    """Whether two roles name one office, held or no longer held: "former Prime Minister" and
    "Serbian Prime Minister"."""
    first, second = _role_words(one) - _ENDED, _role_words(other) - _ENDED
    return bool(first and second) and (first <= second or second <= first)


def _surest(facts) -> dict[str, object]:
    """The confidence and basis of the surest of several proposals of one fact."""
    surest = max(facts, key=lambda fact: fact.confidence or 0)
    return {"confidence": surest.confidence, "basis": surest.basis}


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


def unique(items: list) -> list:
    seen: dict[str, object] = {}
    evidence = EvidenceLists()
    for item in items:
        if item.id in seen:
            evidence.add(seen[item.id].evidence, item.evidence)
        else:
            seen[item.id] = item
    return sorted(seen.values(), key=lambda i: i.id)


def _participants(per_article: list[list[Participant]], sources: list[str],
                  published: Mapping[str, str | None]) -> list[Participant]:
    """One record per participant, with the strongest status any article gives, the date it
    was first reported, and the history of its status."""
    merged: dict[str, Participant] = {}
    evidence = EvidenceLists()
    for participants in per_article:
        for participant in participants:
            current = merged.get(participant.id)
            if current is None:
                merged[participant.id] = participant.model_copy(deep=True)
                continue
            if STATUS_RANK.get(participant.status, 0) > STATUS_RANK.get(current.status, 0):
                current.status = participant.status
                current.confidence, current.basis = participant.confidence, participant.basis
            evidence.add(current.evidence, participant.evidence)
    reports: dict[str, list[StatusChange]] = {}
    for participants, source in zip(per_article, sources):
        for participant in participants:
            reports.setdefault(participant.id, []).append(
                StatusChange(status=participant.status, as_of=published.get(source), source=source))
    for participant in merged.values():
        history = status_history(reports[participant.id])
        participant.as_of = next((change.as_of for change in history if change.status == participant.status), None)
        participant.history = history if len(history) > 1 else []
    return sorted(merged.values(), key=lambda p: p.id)


def status_history(reports: list[StatusChange]) -> list[StatusChange]:
    """The status on each date it changed: the dated reports in the order they were published,
    a new entry each time a stronger status is reported after the last entry's news cycle (a
    stronger one within it replaces the entry). Undated reports cannot be placed in time: they
    make no entry, and a status one of them gives has no date of change either, since the
    undated article may have given it first."""
    undated = max((STATUS_RANK.get(r.status, 0) for r in reports if not r.as_of), default=0)
    history: list[StatusChange] = []
    for report in sorted((r for r in reports if r.as_of), key=lambda r: (r.as_of, r.source)):
        rank = STATUS_RANK.get(report.status, 0)
        if history and rank <= STATUS_RANK.get(history[-1].status, 0):
            continue
        if history and days_between(history[-1].as_of, report.as_of) <= NEWS_CYCLE_DAYS:
            history[-1] = report
        elif not history or rank > undated:
            history.append(report)
    return history


def _events(results: list[ArticleFacts], person_map) -> list[Event]:
    merged: list[Event] = []
    on_date: dict[str, list[Event]] = {}   # the merged events of each date, in merging order
    evidence = EvidenceLists()
    for result in results:
        for event in result.events:
            event = event.model_copy(deep=True)
            event.people = sorted({person_map[(result.source, p)] for p in event.people
                                   if (result.source, p) in person_map})
            # Two sentences of one article are two events; only other sources can corroborate.
            match = next((m for m in on_date.get(event.date, []) if _same_event(m, event)
                          and all(e.source != result.source for e in m.evidence)), None)
            if match is None:
                merged.append(event)
                on_date.setdefault(event.date, []).append(event)
                continue
            evidence.add(match.evidence, event.evidence)
            match.people = sorted(set(match.people) | set(event.people))
            match.approximate = match.approximate and event.approximate
    return unique(merged)


def _same_event(first: Event, second: Event) -> bool:
    shared_people = set(first.people) & set(second.people)
    words = max(overlap(first.title, second.title), overlap(first.summary, second.summary) * 0.8)
    return (bool(shared_people) and words >= 0.34) or words >= 0.5


def _quotes(results: list[ArticleFacts], person_map) -> list[Quote]:
    merged: dict[str, Quote] = {}
    evidence = EvidenceLists()
    for result in results:
        for quote in result.quotes:
            speaker = person_map.get((result.source, quote.speaker))
            if speaker is None:
                continue
            quote_id = f"{speaker}-{slugify(quote.text, 6)}"
            if quote_id in merged:
                evidence.add(merged[quote_id].evidence, quote.evidence)
                continue
            merged[quote_id] = quote.model_copy(update={"id": quote_id, "speaker": speaker}, deep=True)
    return sorted(merged.values(), key=lambda q: q.id)
