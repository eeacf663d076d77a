"""A synthetic explainer project of any size, for the build benchmarks: seeded, so one seed
always gives the same project.

    .venv/bin/python bench/story.py DIR [--people 1000] [--events 2000] [--quotes 500]
                                        [--sources 50] [--participants 40] [--conflicts 20] [--seed 1]

DIR is made by `explainer new` (the core kinds only, as `new` makes by default), then filled:
`seeds/` gets the articles, plain text with a ` date YYYY-MM-DD` header line, a headline and a
byline, and `content/extracted/<kind>.yaml` the facts, written by the machine layer's own
writer as `explainer extract` writes them. Every fact's evidence is a sentence of its article,
and every quote's words occur in it, so `explainer check` passes. Every person is named in an
event, so each gets a page: about one page per person, plus the site's top-level pages.

`write_story(folder, StorySize(...), seed)` does the same from another script.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import subprocess
import sys
from pathlib import Path

from generator.extract.findings import EXTRACTOR_VERSION, extractor_name
from generator.extract.machine_layer import dump_records, read_articles_from, source_record, write_machine_layer
from generator.files.project import Project
from generator.model import gazetteer
from generator.model.facts import project_kinds
from generator.model.ids import slugify
from generator.model.records import Claim, Conflict, Event, Evidence, Participant, Person, Quote

# Syllables of made-up names: no real person is named, and names are as long as real ones.
ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "kr", "st", "tr"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"]
ENDINGS = ["", "n", "s", "r", "l", "k", "m"]
ROLES = ["Prime Minister", "Foreign Minister", "Finance Minister", "President", "Ambassador",
         "Mayor", "Senator", "Governor", "spokesperson", "Secretary-General", "envoy", "adviser"]
TOPICS = ["trade", "water", "rail", "energy", "fisheries", "schools", "ports", "roads", "grain",
          "health", "housing", "broadband", "shipping", "forestry", "tourism", "pensions"]
ACTIONS = ["opened talks on", "signed an agreement on", "announced a review of", "visited a project on",
           "met officials to discuss", "proposed new rules on", "published a report on", "criticised plans for"]
CITIES = ["Arlen", "Brisk", "Corvo", "Dunmere", "Estavel", "Fenwick", "Galdra", "Hollin", "Istra", "Jorvel"]
STATUSES = ["lead", "member", "member", "likely", "attended"]
STATUS_WORDS = {"lead": "is leading the talks", "member": "has joined the agreement",
                "likely": "is expected to join the agreement", "attended": "sent a delegation to the talks"}
WORDS = ["we", "will", "work", "with", "our", "partners", "to", "make", "sure", "the", "plan", "is",
         "fair", "and", "that", "every", "region", "gets", "its", "share", "of", "new", "funding",
         "this", "year", "people", "expect", "results", "not", "promises", "now", "next", "month"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
CONFIDENCE = 0.9  # above any review threshold: every fact is published


@dataclasses.dataclass(frozen=True)
class StorySize:
    people: int = 1000
    events: int = 2000
    quotes: int = 500
    sources: int = 50
    participants: int = 40
    conflicts: int = 20


@dataclasses.dataclass
class Draft:
    """One article being written: its date and the sentences of the facts it carries."""
    id: str
    published: dt.date
    headline: str
    byline: str
    sentences: list[str] = dataclasses.field(default_factory=list)


def _name_part(rng: random.Random, syllables: int) -> str:
    word = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)) + rng.choice(ENDINGS)
    return word.capitalize()


def _people_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Distinct (given name, surname) pairs whose ids are distinct too."""
    names, ids = [], set()
    while len(names) < count:
        given, surname = _name_part(rng, rng.randint(1, 2)), _name_part(rng, rng.randint(2, 3))
        person_id = slugify(f"{given} {surname}")
        if person_id not in ids:
            ids.add(person_id)
            names.append((given, surname))
    return names


def _evidence(article: Draft, sentence: str) -> list[Evidence]:
    article.sentences.append(sentence)
    return [Evidence(source=article.id, quote=sentence)]


def _machine(kind: str) -> dict:
    return {"extractor": extractor_name(kind), "confidence": CONFIDENCE}


def _day(rng: random.Random, year: int) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


def _written(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def write_story(folder: Path, size: StorySize = StorySize(), seed: int = 1) -> Path:
    """Make an explainer project of this size in `folder` (which must not exist yet)."""
    created = subprocess.run([sys.executable, "-m", "generator.cli", "new", str(folder), "--title", "Synthetic story"],
                             capture_output=True, text=True)
    if created.returncode != 0:
        raise RuntimeError(f"explainer new failed:\n{created.stdout}{created.stderr}")
    project = Project(folder.resolve())
    rng = random.Random(seed)

    articles = sorted((_day(rng, 2025) for _ in range(size.sources)))
    articles = [Draft(id=f"{index:03d}_synthetic", published=day,
                        headline=f"{rng.choice(TOPICS).capitalize()} talks continue in {rng.choice(CITIES)} ({index})",
                        byline=f"By {_name_part(rng, 2)} {_name_part(rng, 3)}")
                for index, day in enumerate(articles)]

    countries = rng.sample(sorted(gazetteer.COUNTRIES), size.participants)
    participants = []
    for code in countries:
        status, article = rng.choice(STATUSES), rng.choice(articles)
        name = gazetteer.COUNTRIES[code].name
        participants.append(Participant(
            id=code, name=name, kind="country", status=status, basis="participants.synthetic", **_machine("participants"),
            evidence=_evidence(article, f"{name} {STATUS_WORDS[status]}, officials in {rng.choice(CITIES)} said.")))

    people = []
    for index, (given, surname) in enumerate(_people_names(rng, size.people)):
        article, role, code = articles[index % len(articles)], rng.choice(ROLES), rng.choice(countries)
        name = f"{given} {surname}"
        sentence = (f"{role} {name} of {gazetteer.COUNTRIES[code].name} spoke about "
                    f"{rng.choice(TOPICS)} in {rng.choice(CITIES)}.")
        people.append(Person(id=slugify(name), name=name, aliases=[surname], role=role, country=code,
                             basis="people.full-name", **_machine("people"), evidence=_evidence(article, sentence)))

    events = []
    for index in range(size.events):
        article = rng.choice(articles)
        # One in ten is background, a year before the story; the rest are days of the story's year.
        background = rng.random() < 0.1
        day = _day(rng, rng.randint(1990, 2020) if background else 2025)
        date, when = (str(day.year), f"In {day.year}") if background else (day.isoformat(), f"On {_written(day)}")
        # Each person is in at least one event (so has a page), most in two or three.
        named = [people[index % len(people)], rng.choice(people)] if people else []
        named = list({person.id: person for person in named}.values())
        who = " and ".join(person.name for person in named) or "Officials"
        what = f"{rng.choice(ACTIONS)} {rng.choice(TOPICS)} in {rng.choice(CITIES)}"
        sentence = f"{when}, {who} {what}."
        title = f"{who} {what}"
        events.append(Event(id=slugify(f"{date} {title}", max_words=8) + f"-{index}", date=date, title=title,
                            summary=sentence, people=sorted(person.id for person in named), basis="events.absolute",
                            **_machine("events"), evidence=_evidence(article, sentence)))

    quotes = []
    for index in range(size.quotes):
        article, speaker = rng.choice(articles), rng.choice(people)
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 24))]
        text = " ".join(words).capitalize()
        sentence = f"“{text},” {speaker.name} said."
        quotes.append(Quote(id=f"{speaker.id}-{slugify(' '.join(words), max_words=5)}-{index}", speaker=speaker.id,
                            text=text, source=article.id, basis="quotes.attributed", **_machine("quotes"),
                            evidence=_evidence(article, sentence)))

    conflicts = []
    for index in range(size.conflicts):
        city, topic = rng.choice(CITIES), rng.choice(TOPICS)
        claims = []
        for article in rng.sample(articles, min(len(articles), rng.randint(2, 4))):
            value = f"{rng.randint(3, 60)} delegations"
            sentence = f"Some {value} took part in the {topic} meeting in {city} ({index})."
            article.sentences.append(sentence)
            claims.append(Claim(value=value, source=article.id, quote=sentence))
        if len(claims) >= 2:
            conflicts.append(Conflict(id=f"number-of-delegations-{index}", about=f"number of delegations at the "
                                      f"{topic} meeting in {city} ({index})", claims=claims, basis="conflicts.figure",
                                      extractor=extractor_name("conflicts"), confidence=0.6))

    for article in articles:
        _write_article(project.seeds_dir / f"{article.id}.txt", article, rng)
    _write_site_text(project, articles[0])

    sources = [source_record(article, project) for article in read_articles_from(project.seeds_dir)[0]]
    records = {"sources": sources, "people": sorted(people, key=lambda p: p.id),
               "participants": sorted(participants, key=lambda p: p.id),
               "events": sorted(events, key=lambda e: (e.date, e.id)),
               "quotes": sorted(quotes, key=lambda q: q.id), "conflicts": sorted(conflicts, key=lambda c: c.id),
               "figures": []}
    files = {"sources": sources}
    files.update({kind: records[kind] for kind in project_kinds([])})
    write_machine_layer(project.extracted_dir, dump_records(files), EXTRACTOR_VERSION)
    return folder


def _write_article(path: Path, article: Draft, rng: random.Random) -> None:
    sentences = list(article.sentences)
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[start:start + 4]) for start in range(0, len(sentences), 4)]
    path.write_text(f" date {article.published.isoformat()}\n{article.headline}\n\n{article.byline}\n\n"
                    + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def _write_site_text(project: Project, article: Draft) -> None:
    """A summary and a definition on the home and background pages, resting on the first article."""
    path = project.editorial_dir / "site.yaml"
    text = path.read_text(encoding="utf-8")
    if "summary: []" not in text or "definition: []" not in text or not article.sentences:
        raise RuntimeError(f"{path} is not the scaffold's: expected 'summary: []' and 'definition: []'")
    quote = article.sentences[0].replace('"', '\\"')
    statement = (f'\n  - text: "A synthetic story for benchmarks."\n    evidence:\n'
                 f'      - source: {article.id}\n        quote: "{quote}"')
    path.write_text(text.replace("summary: []", "summary:" + statement)
                    .replace("definition: []", "definition:" + statement), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the project to make; must not exist yet")
    defaults = StorySize()
    for field in dataclasses.fields(StorySize):
        parser.add_argument(f"--{field.name}", type=int, default=getattr(defaults, field.name))
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    if options.folder.exists():
        sys.exit(f"{options.folder} exists; give a new folder")
    size = StorySize(**{field.name: getattr(options, field.name) for field in dataclasses.fields(StorySize)})
    write_story(options.folder, size, options.seed)
    print(f"wrote {options.folder}: {size.people} people, {size.events} events, {size.quotes} quotes, "
          f"{size.sources} sources, {size.participants} participants, {size.conflicts} conflicts (seed {options.seed})")


if __name__ == "__main__":
    main()
