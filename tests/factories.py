"""A small but complete fact graph about an invented story, for rendering and export tests.

The story: Norway leads a "harbour guard" coalition after a summit in Bergen. Every quote
occurs verbatim in the article texts below, so the graph also passes `load_facts` when
written out as a project (`write_project`). `make_story(hostile=True)` adds text that tries
to inject Markdown, HTML, script and template syntax, which must reach readers as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from generator.model.facts import Facts, SiteText
from generator.model.kinds.coalitions import Coalition
from generator.model.kinds.plan import PlanPoint
from generator.model.kinds.pledges import Pledge
from generator.model.records import (
    Amount, Claim, Conflict, Event, Evidence, Participant, Person, Quantity, Quote, Source, Statement,
)

HOSTILE_NAME = "*bold* [x](javascript:alert(1)) {{ 7*7 }} <img src=x onerror=alert(1)>"
HOSTILE_QUOTE = "<script>window.__pwned = 1</script> We **never** said [that](javascript:alert(2))"
HOSTILE_PLEDGE = "A `code` pledge {: onclick=alert(3) } :smile: | pipe | <b>bold</b>"

HERALD = """Norway forms a harbour guard coalition after Bergen summit

By Ana Berg and Tomas Vik

Prime Minister Ingrid Alvsen said on Saturday that a "coalition of the willing" would guard the northern harbours after the storms.

"We will not leave the harbours unguarded," Alvsen told reporters in Bergen.

Twelve leaders attended the Bergen summit on 14 June 2031, the prime minister's office said.

Norway will pay £1.6 billion towards patrols over five years.

A coalition of the willing is a temporary group of countries that act together without a standing treaty.

The leaders agreed three points: patrols will start in August, each member pays its own costs, and the plan will be reviewed after a year.

Denmark will lend 12 patrol boats if the storm season allows, by 2032.

Foreign Minister Mads Kjær said Denmark was "ready to sail within weeks".
"""

WIRE = """Nordic leaders split on patrol size

BERGEN, June 16 (Nordwire) - Fourteen leaders attended the Bergen summit, according to a Danish official.

Iceland is likely to join the coalition later this year, officials said.

Finland attended the summit as an observer.

Sara Lund, secretary general of the Arctic Council, attended the talks.

The fishing dispute that began around 2029 sharpened tensions in the region.

In February 2031 a storm damaged harbours along the coast.
"""

BLOG = """What is a harbour coalition?

In 1990 a coalition led by the United States gathered 35 countries under a United Nations mandate.

Coalitions of the willing form when a standing alliance cannot agree.
"""

HOSTILE_PARAGRAPH = f"\nA reader wrote: {HOSTILE_QUOTE}\nAnd: {HOSTILE_PLEDGE}\nSigned {HOSTILE_NAME}.\n"


@dataclass
class Story:
    facts: Facts
    texts: dict[str, str]  # source id -> article text

    def source_text(self, source_id: str) -> str:
        return self.texts[source_id]


def make_story(hostile: bool = False) -> Story:
    texts = {"herald": HERALD, "wire": WIRE, "blog": BLOG}
    if hostile:
        texts["herald"] = HERALD + HOSTILE_PARAGRAPH

    def ev(source: str, quote: str) -> list[Evidence]:
        assert quote in texts[source], f"not verbatim in {source}: {quote}"
        return [Evidence(source=source, quote=quote)]

    def statement(source: str, quote: str, text: str | None = None) -> Statement:
        return Statement(text=text or quote, evidence=ev(source, quote))

    sources = [
        Source(id="herald", title="Norway forms a harbour guard coalition after Bergen summit",
               outlet="Coast Herald", published="2031-06-15", byline=["Ana Berg", "Tomas Vik"],
               file="seeds/herald.txt"),
        Source(id="wire", title="Nordic leaders split on patrol size", outlet=None,
               published="2031-06-16", file="seeds/wire.txt"),
        Source(id="blog", title="What is a harbour coalition?", outlet="Sea Notes", published=None,
               file="seeds/blog.txt"),
    ]
    people = [
        Person(id="mads-kjaer", name="Mads Kjær", aliases=["Mads Kjaer"], role="Foreign Minister",
               country="DK", evidence=ev("herald", "Foreign Minister Mads Kjær")),
        Person(id="ingrid-alvsen", name="Ingrid Alvsen", aliases=["Alvsen"], role="Prime Minister",
               country="NO", evidence=ev("herald", "Prime Minister Ingrid Alvsen")),
        Person(id="sara-lund", name="Sara Lund", role="Secretary general", country="arctic-council",
               evidence=ev("wire", "Sara Lund, secretary general of the Arctic Council")),
    ]
    participants = [
        Participant(id="NO", name="Norway", kind="country", status="lead",
                    evidence=ev("herald", "Norway forms a harbour guard coalition")),
        Participant(id="DK", name="Denmark", kind="country", status="member",
                    evidence=ev("herald", "Denmark will lend 12 patrol boats")),
        Participant(id="IS", name="Iceland", kind="country", status="likely",
                    evidence=ev("wire", "Iceland is likely to join the coalition later this year")),
        Participant(id="FI", name="Finland", kind="country", status="attended",
                    evidence=ev("wire", "Finland attended the summit as an observer")),
        Participant(id="arctic-council", name="Arctic Council", kind="organisation", status="attended",
                    evidence=ev("wire", "Sara Lund, secretary general of the Arctic Council, attended the talks")),
    ]
    events = [  # deliberately out of order
        Event(id="bergen-summit", date="2031-06-14", title="Bergen summit", people=["ingrid-alvsen", "mads-kjaer"],
              summary="Leaders agree to guard the northern harbours.",
              date_note="Given as “on Saturday” in an article of 15 June 2031, read as 14 June 2031.",
              evidence=ev("herald", "Twelve leaders attended the Bergen summit on 14 June 2031")),
        Event(id="fishing-dispute", date="2029", approximate=True, title="Fishing dispute begins",
              evidence=ev("wire", "The fishing dispute that began around 2029")),
        Event(id="february-storm", date="2031-02", title="Storm damages harbours",
              evidence=ev("wire", "In February 2031 a storm damaged harbours along the coast")),
    ]
    pledges = [
        Pledge(id="norway-patrol-funding", actor="NO", kind="money", summary="Funding for patrols over five years",
               amount=Amount(value=1.6e9, currency="GBP"),
               evidence=ev("herald", "Norway will pay £1.6 billion towards patrols over five years")),
        Pledge(id="denmark-boats", actor="DK", kind="weapons", summary="Patrol boats on loan",
               quantity=Quantity(value=12, unit="patrol boats"), condition="if the storm season allows",
               target_year=2032, evidence=ev("herald", "Denmark will lend 12 patrol boats if the storm season allows, by 2032")),
    ]
    quotes = [
        Quote(id="alvsen-unguarded", speaker="ingrid-alvsen", source="herald",
              text="We will not leave the harbours unguarded"),
        Quote(id="kjaer-ready", speaker="mads-kjaer", source="herald", text="ready to sail within weeks"),
    ]
    plan = [
        PlanPoint(id="plan-costs", point=2, text="Each member pays its own costs.",
                  evidence=ev("herald", "each member pays its own costs")),
        PlanPoint(id="plan-patrols", point=1, text="Patrols start in August.",
                  evidence=ev("herald", "patrols will start in August")),
        PlanPoint(id="plan-review", point=3, text="The plan is reviewed after a year.",
                  evidence=ev("herald", "the plan will be reviewed after a year")),
    ]
    coalitions = [
        Coalition(id="gulf-1990", name="Gulf War coalition", year=1990, led_by="United States",
                  mandate="United Nations", size="35 countries",
                  evidence=ev("blog", "In 1990 a coalition led by the United States gathered 35 countries")),
    ]
    conflicts = [
        Conflict(id="summit-leaders", about="How many leaders attended the Bergen summit", claims=[
            Claim(value="14", source="wire", quote="Fourteen leaders attended the Bergen summit"),
            Claim(value="12", source="herald", quote="Twelve leaders attended the Bergen summit"),
        ]),
    ]
    site = SiteText(
        title="The harbour guard coalition, explained",
        background_title="What is a coalition of the willing?",
        description="Who is guarding the northern harbours, what they promised, and what the sources say.",
        # The story's own word for the page of commitments (the code's neutral default is "Commitments").
        pages={"pledges": {"title": "Pledges"}},
        summary=[
            statement("herald", "a \"coalition of the willing\" would guard the northern harbours after the storms",
                      "Norway says a coalition of the willing will guard the northern harbours after the storms."),
            statement("wire", "Fourteen leaders attended the Bergen summit",
                      "Sources differ on how many leaders attended the Bergen summit."),
        ],
        definition=[statement("herald", "A coalition of the willing is a temporary group of countries "
                                        "that act together without a standing treaty.")],
    )
    reviewed = {"bergen-summit", "ingrid-alvsen", "NO", "plan-patrols"}

    if hostile:
        people.append(Person(id="hostile", name=HOSTILE_NAME, aliases=[HOSTILE_NAME], role=HOSTILE_PLEDGE,
                             country="TD", evidence=ev("herald", HOSTILE_NAME)))
        quotes.append(Quote(id="hostile-quote", speaker="hostile", source="herald", text=HOSTILE_QUOTE))
        pledges.append(Pledge(id="hostile-pledge", actor="DK", summary=HOSTILE_PLEDGE,
                              evidence=ev("herald", HOSTILE_PLEDGE)))
        events.append(Event(id="hostile-event", date="2031-06-15", title=HOSTILE_NAME, people=["hostile"],
                            summary=HOSTILE_QUOTE, evidence=ev("herald", HOSTILE_QUOTE)))

    facts = Facts(site=site, sources=sources, people=people, participants=participants, events=events,
                  pledges=pledges, quotes=quotes, plan=plan, coalitions=coalitions, conflicts=conflicts,
                  reviewed=reviewed)
    return Story(facts=facts, texts=texts)


def make_facts(hostile: bool = False) -> Facts:
    return make_story(hostile).facts


MKDOCS_YML = """site_name: Harbour guard explainer
docs_dir: docs
theme:
  name: material
  font: false          # as `explainer new` writes it: no third-party requests
plugins:
  - explainer:
      kinds: [pledges, plan, coalitions]
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - admonition
  - pymdownx.details
strict: true
"""


def write_project(story: Story, root: Path) -> Path:
    """Write the story as an explainer project: seeds, content layers, mkdocs.yml, empty docs/.

    YAML files are written as JSON (which YAML reads) so no emitter settings can alter the text.
    The reviewed ids become editorial `confirm` lists, as an editor would write them.
    """
    facts = story.facts
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    extracted, editorial = root / "content" / "extracted", root / "content" / "editorial"
    extracted.mkdir(parents=True, exist_ok=True)
    editorial.mkdir(parents=True, exist_ok=True)
    for source in facts.sources:
        (root / source.file).write_text(story.texts[source.id], encoding="utf-8")

    def dump(path: Path, data: object) -> None:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    dump(extracted / "sources.yaml", {"sources": [s.model_dump(exclude_defaults=True) for s in facts.sources]})
    for kind in ("people", "participants", "events", "pledges", "quotes", "plan", "coalitions", "conflicts"):
        records = getattr(facts, kind)
        dump(extracted / f"{kind}.yaml", {kind: [r.model_dump(exclude_defaults=True) for r in records]})
        confirmed = sorted(r.id for r in records if r.id in facts.reviewed)
        if confirmed:
            dump(editorial / f"{kind}.yaml", {"confirm": confirmed})
    dump(editorial / "site.yaml", facts.site.model_dump(exclude_defaults=True))
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return root


def build_site(project: Path, site_dir: Path | None = None, **overrides) -> Path:
    """Run a real `mkdocs build` (strict, as mkdocs.yml says) of a project; returns the site dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = site_dir or project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), **overrides)
    build(config)
    return site_dir
