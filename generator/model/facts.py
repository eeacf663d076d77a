"""The fact graph: the core kinds and the story kinds together, and the editors' framing.

`Facts` is what the content reader produces and the site, `facts.json` and the evaluation
read. Its lists, and the pages' words in `PagesText`, are made from the story kinds in
`model/kinds/`, so that a kind added there is known to every stage at once.
"""

from __future__ import annotations

from pydantic import BaseModel, Field, create_model

from generator.model.kinds import STORY_KINDS
from generator.model.records import (
    BackgroundText, Conflict, Event, Fact, Figure, Id, PageText, Participant, Person, Quote, Record, Source,
    Statement,
)

CORE_TYPES: dict[str, type[Fact]] = {
    "people": Person,
    "participants": Participant,
    "events": Event,
    "quotes": Quote,
    "figures": Figure,
    "conflicts": Conflict,
}


def _ordered_types() -> dict[str, type[Fact]]:
    order = list(CORE_TYPES)
    for kind in STORY_KINDS.values():
        order.insert(order.index(kind.after) + 1, kind.name)
    return {name: CORE_TYPES[name] if name in CORE_TYPES else STORY_KINDS[name].record for name in order}


# Fact kinds in the order pages and facts.json list them. The key is the YAML file stem.
# Every explainer has the core kinds; a project switches story kinds on in mkdocs.yml
# (`plugins: - explainer: kinds: [...]`), and only those are extracted, read and published.
FACT_TYPES: dict[str, type[Fact]] = _ordered_types()
CORE_KINDS: tuple[str, ...] = tuple(kind for kind in FACT_TYPES if kind in CORE_TYPES)


def project_kinds(story_kinds) -> list[str]:
    """The fact kinds of a project with these story kinds switched on, in FACT_TYPES order."""
    return [kind for kind in FACT_TYPES if kind in CORE_KINDS or kind in story_kinds]


class _CorePagesText(Record):
    """The words of each generated page; a story's own wording belongs here, not in the code."""

    home: PageText = Field(default_factory=PageText, description="The home page (default title: Home).")
    background: BackgroundText = Field(default_factory=BackgroundText, description=(
        "The background page; its title is `background_title`."))
    who: PageText = Field(default_factory=PageText, description="The participants and people (default: Who is involved).")
    timeline: PageText = Field(default_factory=PageText, description="The events in date order (default: Timeline).")
    whats_new: PageText = Field(default_factory=PageText, description=(
        "What changed in the story, day by day, and the figures that moved (default: What’s new)."))
    sources: PageText = Field(default_factory=PageText, description="The articles (default: Sources).")
    disagreements: PageText = Field(default_factory=PageText, description=(
        "The figures sources give differently, when there are any (default: Where sources disagree)."))
    about: PageText = Field(default_factory=PageText, description="How the explainer is made (default: About).")


PagesText = create_model(
    "PagesText", __base__=_CorePagesText, __doc__=_CorePagesText.__doc__, __module__=__name__,
    **{kind.name: (kind.text, Field(default_factory=kind.text, description=f"{kind.text_help} With the `{kind.name}` kind."))
       for kind in STORY_KINDS.values() if kind.text is not None},
)


class StatusText(Record):
    """How one participant status reads on "Who is involved"."""

    heading: str | None = Field(default=None, description="Heading of the group of participants with this status.")
    label: str | None = Field(default=None, description="The badge beside each of them (default: the status itself).")



# A fact's confidence is its rule's measured precision (generator/extract/calibration.py). On the
# development gold, publishing from 0.7 up keeps every fact type's precision near 0.95 or above
# (events 0.93, against 0.74 from 0.5) for about the same F1 overall; the rest waits for an editor.
REVIEW_BELOW = 0.7


class SiteText(Record):
    """Editor-written framing for the pages: title, the summary and the definition, and the
    words of the pages."""

    title: str = Field(default="Explainer", description="Name of the site.")
    description: str = Field(default="", description="One or two sentences under the title on the home page.")
    background_title: str = Field(
        default="Background",
        description="Title of the page that explains the subject, e.g. 'What is the harbour authority?'",
    )
    summary: list[Statement] = Field(
        default_factory=list, description="The home page's summary, statement by statement."
    )
    definition: list[Statement] = Field(
        default_factory=list, description="What the subject is, on the background page."
    )
    pages: PagesText = Field(default_factory=PagesText, description=(
        "Titles and home-page blurbs of the generated pages, by page: home, background, who, "
        "timeline, sources, disagreements, about, and the story kinds' own."))
    statuses: dict[str, StatusText] = Field(default_factory=dict, description=(
        "Heading and badge of each participant status (lead, member, attended, likely, ...), "
        "e.g. lead: {heading: Leading the effort, label: leads}."))
    review_below: float = Field(
        default=REVIEW_BELOW, ge=0, le=1,
        description="Machine facts with a lower confidence are held for review: not published "
                    "until an editor confirms or fixes them.",
    )



class _CoreFacts(BaseModel):
    """The whole graph, after the editorial layer has been merged over the extracted one."""

    site: SiteText = Field(default_factory=SiteText)
    sources: list[Source] = Field(default_factory=list)
    # The fact kinds this project has (core kinds and the story kinds it switched on); the
    # lists of the others stay empty, and no page or facts.json section shows them.
    kinds: list[str] = Field(default_factory=lambda: list(FACT_TYPES))
    # Ids an editor confirmed or changed; the site marks them as reviewed.
    reviewed: set[Id] = Field(default_factory=set)
    # Ids of machine facts held back for review (confidence below `site.review_below`), by kind.
    held: dict[str, list[Id]] = Field(default_factory=dict)

    def all_facts(self) -> list[Fact]:
        """Every published fact, kind by kind in FACT_TYPES order."""
        return [fact for kind in FACT_TYPES for fact in getattr(self, kind)]



# One list per fact kind, in FACT_TYPES order after the sources.
Facts = create_model(
    "Facts", __base__=_CoreFacts, __doc__=_CoreFacts.__doc__, __module__=__name__,
    **{kind: (list[model], Field(default_factory=list)) for kind, model in FACT_TYPES.items()},
)
