"""Page contexts: exactly what each page template receives, computed by `render`.

One frozen dataclass per page (its whole context, passed to the template as `page`) and
small views shared between pages, plus the formatting of dates, numbers and statuses that
readers see. Templates in `theme/pages/` only lay these out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from generator.model import lexicon

MONTH_NAMES = tuple(name.title() for name in lexicon.MONTH_NAMES)
CURRENCY_SYMBOLS = lexicon.SYMBOL_OF_CURRENCY
# Order of participant groups on "Who is involved"; other statuses follow alphabetically.
STATUS_ORDER = ("lead", "member", "attended", "likely", "invited")
STATUS_HEADINGS = {
    "lead": "Leading", "member": "Members", "attended": "Attended", "likely": "Likely to take part",
    "invited": "Invited",
}
# Counts up to ten are written out in words; larger ones in figures.
NUMBER_WORDS = lexicon.NUMBER_NAMES[:11]


# -- small views shared by pages -----------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """Which article a fact rests on, and the words it uses."""

    source_title: str = field(metadata={"help": "Title of the article the fact rests on."})
    href: str = field(metadata={"help": "Link to that article's entry on the sources page, relative to this page."})
    quote: str = field(metadata={"help": "The article's words that support the fact, verbatim."})


@dataclass(frozen=True)
class DateLabel:
    """A date as readers see it, at the precision the source gave."""

    text: str = field(
        metadata={"help": "As readers see it: '1999', 'February 2022' or '2 March 2025'; 'approx. ' first if hedged."})
    iso: str = field(
        metadata={"help": "The date as the facts give it (YYYY, YYYY-MM or YYYY-MM-DD), for `datetime`."})
    approximate: bool = field(
        default=False, metadata={"help": "True when the source hedges the date ('around 2003')."})


@dataclass(frozen=True)
class FactItem:
    """One line of prose with its citations: summary statements, plan points, pledges..."""

    text: str = field(metadata={"help": "The statement, one line of prose."})
    citations: list[Citation] = field(metadata={"help": "The evidence it rests on: one citation per quoted passage."})
    reviewed: bool = field(
        default=False, metadata={"help": "True when an editor confirmed, fixed or added the fact."})
    anchor: str | None = field(
        default=None, metadata={"help": "HTML id of the item, for links to it; None when nothing links to it."})
    number: int | None = field(
        default=None, metadata={"help": "Its number in a numbered list (a plan point's number); None in other lists."})


@dataclass(frozen=True)
class Link:
    text: str = field(metadata={"help": "The link's text."})
    href: str = field(metadata={"help": "Where it points, relative to this page."})
    note: str = field(default="", metadata={"help": "A short note shown after the link; empty for none."})


def anchor(value: str) -> Markup:
    """An HTML id or class fragment built from fact ids (validated to [A-Za-z0-9_.-]), kept readable."""
    return Markup(escape(value))


def date_label(date: str | None, approximate: bool = False) -> DateLabel | None:
    """'1999', 'February 2022' or '2 March 2025': never more precise than the date given."""
    if not date:
        return None
    parts = [int(part) for part in date.split("-")]
    if len(parts) == 1:
        text = f"{parts[0]}"
    elif len(parts) == 2:
        text = f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    else:
        text = f"{parts[2]} {MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return DateLabel(text=f"approx. {text}" if approximate else text, iso=anchor(date), approximate=approximate)


def number_text(value: float) -> str:
    """1.6e9 → '1.6 billion', 5000 → '5,000', 2.5 → '2.5'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.2f}".rstrip("0").rstrip(".") + f" {word}"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount_text(value: float, currency: str) -> str:
    """'£1.6 billion (GBP)': the symbol where one is well known, the ISO code always."""
    return f"{CURRENCY_SYMBOLS.get(currency, '')}{number_text(value)} ({currency})"


def number_word(count: int) -> str:
    return NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else str(count)


def status_heading(status: str, words: str | None = None) -> str:
    """The heading of a group of participants: the project's words, else a neutral default."""
    return words or STATUS_HEADINGS.get(status, status[:1].upper() + status[1:])


def status_rank(status: str) -> tuple[int, str]:
    return (STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER), status)


# -- page contexts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HomePage:
    title: str = field(metadata={"help": "Name of the site (`title` in content/editorial/site.yaml)."})
    description: str = field(
        metadata={"help": "One or two sentences under the title (`description` in site.yaml); may be empty."})
    as_of: DateLabel | None = field(
        metadata={"help": "Publication date of the newest source; None when no source is dated."})
    source_count: int = field(metadata={"help": "How many articles the site draws on."})
    summary: list[FactItem] = field(
        metadata={"help": "The home page's summary, statement by statement (`summary` in site.yaml)."})
    plan_heading: str = field(metadata={"help": "Heading of the plan's section, such as 'The four-point plan'."})
    plan: list[FactItem] = field(
        metadata={"help": "The plan's points in order, each with its number; empty when there is no plan."})
    links: list[Link] = field(metadata={"help": "The site's other pages, each with a line on what it holds."})


@dataclass(frozen=True)
class CoalitionRow:
    anchor: str = field(metadata={"help": "HTML id of the row: `coalition-` and the fact's id."})
    name: str = field(metadata={"help": "Its usual name."})
    year: int = field(metadata={"help": "The year it formed."})
    led_by: str = field(metadata={"help": "Who led it, or 'not stated'."})
    mandate: str = field(metadata={"help": "Who authorised it, or 'not stated'."})
    size: str = field(metadata={"help": "How many took part, as the source says it, or 'not stated'."})
    summary: str = field(metadata={"help": "A sentence on what it did; may be empty."})
    citations: list[Citation] = field(metadata={"help": "The evidence it rests on."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added it."})


@dataclass(frozen=True)
class BackgroundPage:
    title: str = field(metadata={"help": "Title of the page (`background_title` in site.yaml)."})
    definition: list[FactItem] = field(
        metadata={"help": "What the subject is, statement by statement (`definition` in site.yaml)."})
    show_precedents: bool = field(
        metadata={"help": "True in a project with the `coalitions` kind: the page then has the table of earlier cases."})
    precedents_heading: str | None = field(metadata={
        "help": "Heading of that table (`pages: background: precedents_heading` in site.yaml); None: the table's own."})
    precedents_empty: str | None = field(metadata={
        "help": "What the table says when it is empty (`pages: background: precedents_empty`); None: its own words."})
    coalitions: list[CoalitionRow] = field(metadata={"help": "Earlier cases, oldest first."})


@dataclass(frozen=True)
class ParticipantItem:
    anchor: str = field(metadata={"help": "HTML id of the item: `participant-` and the participant's id."})
    name: str = field(metadata={"help": "Name of the country or organisation."})
    kind: str = field(metadata={"help": "'country' or 'organisation'."})
    status: str = field(metadata={"help": "Its status as the facts give it: lead, member, attended, likely, ..."})
    status_label: str = field(metadata={
        "help": "The status as readers see it (`statuses: <status>: label` in site.yaml; else the status itself)."})
    status_class: str = field(
        metadata={"help": "The status made fit for a CSS class name (`explainer-status--` followed by it)."})
    citations: list[Citation] = field(metadata={"help": "The evidence it rests on."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added it."})


@dataclass(frozen=True)
class ParticipantGroup:
    heading: str = field(metadata={"help": "Heading of the group, from its status: 'Leading', 'Members', ..."})
    count_text: str = field(
        metadata={"help": "How many the group holds, such as '12 countries and 2 organisations'."})
    participants: list[ParticipantItem] = field(metadata={"help": "The group's participants, by name."})


@dataclass(frozen=True)
class PersonRow:
    name: str = field(metadata={"help": "Full name."})
    href: str = field(metadata={"help": "Link to the person's page."})
    role: str = field(metadata={"help": "Office or job, or 'not stated'."})
    country: str = field(metadata={"help": "Name of their country or organisation, or 'not stated'."})


@dataclass(frozen=True)
class WhoPage:
    title: str = field(metadata={"help": "Title of the page."})
    as_of: DateLabel | None = field(
        metadata={"help": "Publication date of the newest source; None when no source is dated."})
    groups: list[ParticipantGroup] = field(
        metadata={"help": "Participants grouped by status, the strongest status first."})
    people: list[PersonRow] = field(metadata={"help": "Everyone the facts name, by name."})


@dataclass(frozen=True)
class QuoteItem:
    anchor: str = field(metadata={"help": "HTML id of the quote: `quote-` and the fact's id."})
    text: str = field(metadata={"help": "The words, exactly as the article has them."})
    citation: Citation = field(metadata={"help": "The article the quote is in."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added it."})


@dataclass(frozen=True)
class PersonPage:
    title: str = field(metadata={"help": "The person's name."})
    role: str = field(metadata={"help": "Office or job, or 'not stated'."})
    country: str = field(metadata={"help": "Name of their country or organisation, or 'not stated'."})
    aliases: list[str] = field(metadata={"help": "Other names the sources use, sorted."})
    citations: list[Citation] = field(metadata={"help": "The evidence for who the person is."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added the person."})
    quotes: list[QuoteItem] = field(metadata={"help": "What they said, in the order their sources were published."})
    events: list[Link] = field(
        metadata={"help": "Timeline events they take part in, each linked, with its date as the note."})
    back: Link = field(metadata={"help": "Link back to the page that lists the people."})


@dataclass(frozen=True)
class PledgeItem:
    anchor: str = field(metadata={"help": "HTML id of the item: `pledge-` and the fact's id."})
    summary: str = field(metadata={"help": "What was promised, in one line."})
    details: list[tuple[str, str]] = field(
        metadata={"help": "(label, value) pairs shown under it: Amount, Quantity, Condition, Target year, as known."})
    citations: list[Citation] = field(metadata={"help": "The evidence it rests on."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added it."})


@dataclass(frozen=True)
class PledgeGroup:
    actor: str = field(metadata={"help": "Name of who made the pledges."})
    pledges: list[PledgeItem] = field(metadata={"help": "Their pledges, by summary."})


@dataclass(frozen=True)
class PledgesPage:
    title: str = field(metadata={"help": "Title of the page."})
    groups: list[PledgeGroup] = field(metadata={"help": "Pledges grouped by who made them, by name."})


@dataclass(frozen=True)
class EventItem:
    anchor: str = field(metadata={"help": "HTML id of the item: the event's id."})
    date: DateLabel = field(metadata={"help": "When it happened, at the precision the source gives."})
    date_note: str = field(
        metadata={"help": "How a relative date was resolved ('Sunday before publication'); may be empty."})
    title: str = field(metadata={"help": "What happened, in one line."})
    summary: str = field(metadata={"help": "A sentence or two more; may be empty."})
    people: list[Link] = field(metadata={"help": "Links to the pages of the people involved."})
    citations: list[Citation] = field(metadata={"help": "The evidence it rests on."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added it."})


@dataclass(frozen=True)
class YearGroup:
    year: str = field(metadata={"help": "The year, four digits."})
    events: list[EventItem] = field(metadata={"help": "That year's events, in date order."})


@dataclass(frozen=True)
class TimelinePage:
    title: str = field(metadata={"help": "Title of the page."})
    years: list[YearGroup] = field(metadata={"help": "Events grouped by year, oldest first."})


@dataclass(frozen=True)
class SourceItem:
    anchor: str = field(
        metadata={"help": "HTML id of the entry: `source-` and the source's id (citations link here)."})
    title: str = field(metadata={"help": "Headline of the article."})
    outlet: str = field(metadata={"help": "Who published it, or 'outlet not stated'."})
    date: DateLabel | None = field(metadata={"help": "Publication date; None when the article is undated."})
    byline: str = field(metadata={"help": "Names of the authors, joined by commas; may be empty."})
    file: str = field(metadata={"help": "Path of the article in the project: seeds/<name>."})
    fact_count_text: str = field(metadata={"help": "How many facts cite it, such as 'Supports 3 facts'."})
    facts: list[Link] = field(metadata={"help": "Links to every fact that cites it."})


@dataclass(frozen=True)
class SourcesPage:
    title: str = field(metadata={"help": "Title of the page."})
    sources: list[SourceItem] = field(metadata={"help": "The articles, oldest first, undated ones last."})
    data: list[Link] = field(metadata={"help": "Links to the open-data files (facts.json and its JSON Schema)."})


@dataclass(frozen=True)
class ClaimRow:
    value: str = field(metadata={"help": "The figure this source gives."})
    source_title: str = field(metadata={"help": "Title of the article."})
    source_href: str = field(metadata={"help": "Link to the article's entry on the sources page."})
    quote: str = field(metadata={"help": "The article's words, verbatim."})


@dataclass(frozen=True)
class ConflictItem:
    anchor: str = field(metadata={"help": "HTML id of the section: `conflict-` and the fact's id."})
    about: str = field(metadata={"help": "What the figure is, such as 'How many leaders came to the summit'."})
    claims: list[ClaimRow] = field(metadata={"help": "Each source's figure, sorted by value."})
    reviewed: bool = field(metadata={"help": "True when an editor confirmed, fixed or added it."})


@dataclass(frozen=True)
class DisagreementsPage:
    title: str = field(metadata={"help": "Title of the page."})
    conflicts: list[ConflictItem] = field(
        metadata={"help": "Figures on which sources disagree, by what they are about."})


@dataclass(frozen=True)
class AboutPage:
    title: str = field(metadata={"help": "Title of the page."})
    site_title: str = field(metadata={"help": "Name of the site (`title` in site.yaml)."})
    gathered: str = field(metadata={"help": "The kinds of fact the project proposes, as one phrase."})
    disagreements_title: str | None = field(
        metadata={"help": "Title of the page of disagreements, when the site has one; None otherwise."})
    source_count: int = field(metadata={"help": "How many articles the site draws on."})
    fact_count: int = field(metadata={"help": "How many facts are published."})
    reviewed_count: int = field(metadata={"help": "How many of the published facts an editor reviewed."})
    held_count: int = field(metadata={"help": "How many machine facts are held back until an editor reviews them."})
    review_below: float = field(
        metadata={"help": "The confidence below which machine facts are held back (`review_below` in site.yaml)."})
    data: list[Link] = field(metadata={"help": "Links to the open-data files (facts.json and its JSON Schema)."})


# -- building contexts -------------------------------------------------------------------------
