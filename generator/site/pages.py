"""Page contexts: exactly what each page template receives, computed by `render`.

One frozen dataclass per page (its whole context, passed to the template as `page`) and
small views shared between pages, plus the formatting of dates, numbers and statuses that
readers see. Templates in `theme/pages/` only lay these out.
"""

from __future__ import annotations

import functools
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
# The offices that lead a country or an organisation, for the "Leader" of "Who is involved".
LEADER_TITLES = ("president", "prime minister", "chancellor", "premier", "king", "queen", "emir",
                 "taoiseach", "secretary general", "secretary-general", "head of state", "head of government")


# -- small views shared by pages -----------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A numbered marker after a fact: the reference of this page it rests on."""

    number: int = field(metadata={"help": "The number of its reference in the page's list of references."})
    href: str = field(metadata={"help": "Link to that reference on this page: `#ref-` and the number."})
    quote: str = field(metadata={"help": "The article's words that support the fact, verbatim (shown on hover)."})
    source_title: str = field(metadata={"help": "Title of the article the fact rests on."})


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
class Reference:
    """One article a page cites, listed once however often the page cites it."""

    number: int = field(metadata={"help": "Its number: the markers after facts show it."})
    anchor: str = field(metadata={"help": "HTML id of the entry: `ref-` and the number."})
    title: str = field(metadata={"help": "Headline of the article."})
    outlet: str = field(metadata={"help": "Who published it; empty when the article does not say."})
    date: DateLabel | None = field(metadata={"help": "Publication date; None when the article is undated."})
    href: str = field(metadata={"help": "Link to the article's entry on the sources page."})
    url: str | None = field(metadata={"help": "The article's address on the web, when known; None otherwise."})
    passages: list[str] = field(metadata={"help": "Every passage of it this page quotes, verbatim, in order."})


@dataclass(frozen=True)
class FactItem:
    """One line of prose with its citations: summary statements, the points of a list..."""

    text: str = field(metadata={"help": "The statement, one line of prose."})
    citations: list[Citation] = field(metadata={"help": "The references it rests on, one marker per article."})
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


@functools.lru_cache(maxsize=1 << 14)  # a large story prints each date on several pages
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
class Part:
    template: str = field(metadata={"help": "The partial that draws it, which the page's template includes."})
    context: object = field(metadata={"help": "What that partial shows: the story kind's own context (site/kinds/)."})


@dataclass(frozen=True)
class Development:
    date: DateLabel = field(metadata={"help": "When it happened."})
    title: str = field(metadata={"help": "What happened, in one line."})
    href: str = field(metadata={"help": "Link to the event on the timeline."})
    citations: list[Citation] = field(metadata={"help": "The references it rests on."})


@dataclass(frozen=True)
class KeyFigure:
    value: str = field(metadata={"help": "The figure, as readers see it: '26'."})
    label: str = field(metadata={"help": "What it counts: 'countries involved'."})
    note: str = field(metadata={"help": "How it breaks down, such as '3 leading, 20 taking part'; may be empty."})
    href: str = field(metadata={"help": "Link to where the figure comes from on this site."})


@dataclass(frozen=True)
class HomePage:
    title: str = field(metadata={"help": "Name of the site (`title` in content/editorial/site.yaml)."})
    description: str = field(
        metadata={"help": "One or two sentences under the title (`description` in site.yaml); may be empty."})
    as_of: DateLabel | None = field(
        metadata={"help": "Publication date of the newest source; None when no source is dated."})
    source_count: int = field(metadata={"help": "How many articles the site draws on."})
    latest: list[Development] = field(
        metadata={"help": "The newest dated events of the story, newest first (at most five)."})
    figures: list[KeyFigure] = field(metadata={"help": "A few counts that sum the story up, as of `as_of`."})
    summary: list[FactItem] = field(
        metadata={"help": "The home page's summary, statement by statement (`summary` in site.yaml)."})
    parts: list[Part] = field(metadata={"help": "The story kinds' parts of the page, such as a plan, after the summary."})
    links: list[Link] = field(metadata={"help": "The site's other pages, each with a line on what it holds."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class BackgroundPage:
    title: str = field(metadata={"help": "Title of the page (`background_title` in site.yaml)."})
    definition: list[FactItem] = field(
        metadata={"help": "What the subject is, statement by statement (`definition` in site.yaml)."})
    parts: list[Part] = field(metadata={"help": "The story kinds' parts of the page, such as earlier cases, after the definition."})
    earlier: list[Link] = field(
        metadata={"help": "Events dated before the story's first article, oldest first, each linked to the timeline."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class Step:
    """One earlier value of a status or role, on the day an article reported it."""

    value: str = field(metadata={"help": "The status (as readers see it) or the role."})
    date: DateLabel | None = field(metadata={"help": "The reporting article's date; None if undated."})
    citation: Citation | None = field(metadata={"help": "The reference that reported it; None if the fact's evidence leaves it out."})


@dataclass(frozen=True)
class ParticipantRow:
    anchor: str = field(metadata={"help": "HTML id of the row: `participant-` and the participant's id."})
    name: str = field(metadata={"help": "Name of the country or organisation."})
    kind: str = field(metadata={"help": "'country' or 'organisation'."})
    status: str = field(metadata={"help": "Its status as the facts give it: lead, member, attended, likely, ..."})
    status_label: str = field(metadata={
        "help": "The status as readers see it (`statuses: <status>: label` in site.yaml; else the status itself)."})
    status_class: str = field(
        metadata={"help": "The status made fit for a CSS class name (`explainer-status--` followed by it)."})
    reported: DateLabel | None = field(
        metadata={"help": "When the status was first reported (else the newest article's date); None if undated."})
    history: list[Step] = field(
        metadata={"help": "The statuses before this one, oldest first, each with its date; empty if it never changed."})
    leader: Link | None = field(
        metadata={"help": "The person the sources name as its head (president, prime minister, ...), linked; None if none."})
    columns: list[str] = field(
        metadata={"help": "The story kinds' cells, in the order of the page's `columns`; empty text for none."})
    citations: list[Citation] = field(metadata={"help": "The references it rests on."})
    id: str = field(metadata={
        "help": "The participant's id: a country's ISO 3166 alpha-2 code (`GB`), an organisation's own id (`nato`)."})


@dataclass(frozen=True)
class ParticipantGroup:
    heading: str = field(metadata={"help": "Heading of the group, from its status: 'Leading', 'Members', ..."})
    count_text: str = field(
        metadata={"help": "How many the group holds, such as '12 countries and 2 organisations'."})
    participants: list[ParticipantRow] = field(metadata={"help": "The group's participants, by name."})


@dataclass(frozen=True)
class PersonRow:
    name: str = field(metadata={"help": "Full name."})
    href: str | None = field(
        metadata={"help": "Link to the person's page; None for someone named only in passing (no quotes, no events)."})
    role: str = field(metadata={"help": "Office or job, or 'not stated'."})
    country: str = field(metadata={"help": "Name of their country or organisation, or 'not stated'."})


@dataclass(frozen=True)
class MapKey:
    label: str = field(metadata={
        "help": "What the colour stands for: a status as the table's groups name it ('Leading'), or 'Other countries'."})
    css_class: str = field(metadata={
        "help": "The classes that colour its swatch as they colour its countries on the map (`explainer-map-status "
                "explainer-map-status--` and the status, or `explainer-map-land`)."})


@dataclass(frozen=True)
class CountryMap:
    svg: str = field(metadata={
        "help": "The map, drawn at build time: an inline SVG (`role=\"img\"`, named for what it shows) cropped to the "
                "countries involved, each a shape with a `<title>` of its name and status; trusted markup, print it as it is."})
    legend: list[MapKey] = field(metadata={"help": "What each colour stands for, the strongest status first."})
    not_shown: list[str] = field(metadata={
        "help": "Names of the participants the map leaves out, in the table's order: organisations, and countries "
                "too small to see at its scale or without an outline."})


@dataclass(frozen=True)
class WhoPage:
    title: str = field(metadata={"help": "Title of the page."})
    as_of: DateLabel | None = field(
        metadata={"help": "Publication date of the newest source; None when no source is dated."})
    count_text: str = field(
        metadata={"help": "How many are involved, such as '24 countries and 2 organisations'; empty for none."})
    columns: list[str] = field(
        metadata={"help": "Headings of the story kinds' columns of the table, such as 'Committed'."})
    groups: list[ParticipantGroup] = field(
        metadata={"help": "The participants by status, the strongest status first: the table's row groups."})
    map: CountryMap | None = field(metadata={
        "help": "The countries involved on a map, coloured by status; None when no participant is a country it can show."})
    people: list[PersonRow] = field(metadata={"help": "Everyone the facts name, by name."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class QuoteItem:
    anchor: str = field(metadata={"help": "HTML id of the quote: `quote-` and the fact's id."})
    text: str = field(metadata={"help": "The words, exactly as the article has them."})
    date: DateLabel | None = field(metadata={"help": "Publication date of the article it is in; None if undated."})
    citation: Citation = field(metadata={"help": "The reference to the article the quote is in."})
    context: str | None = field(default=None, metadata={
        "help": "The article's sentence before the quote, verbatim: what the words answer; None if not known."})


@dataclass(frozen=True)
class PersonPage:
    title: str = field(metadata={"help": "The person's name."})
    role: str = field(metadata={"help": "Office or job, or 'not stated'."})
    role_as_of: DateLabel | None = field(metadata={"help": "When the role was first reported; None if undated."})
    role_history: list[Step] = field(
        metadata={"help": "Every role the sources give, oldest first, when they give more than one."})
    country: str = field(metadata={"help": "Name of their country or organisation, or 'not stated'."})
    aliases: list[str] = field(metadata={"help": "Other names the sources use, sorted."})
    citations: list[Citation] = field(metadata={"help": "The references for who the person is."})
    quotes: list[QuoteItem] = field(metadata={"help": "What they said, oldest article first."})
    events: list[Link] = field(
        metadata={"help": "Timeline events they take part in, each linked, with its date as the note."})
    back: Link = field(metadata={"help": "Link back to the page that lists the people."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})
    full_search: bool = field(default=True, metadata={
        "help": "False when the story's timeline is in parts: search then leaves out the page's events (the parts "
                "hold them) and its references' passages, which every page of a large story would repeat."})


@dataclass(frozen=True)
class EventItem:
    anchor: str = field(metadata={"help": "HTML id of the item: the event's id."})
    date: DateLabel = field(metadata={"help": "When it happened, at the precision the source gives."})
    precision: str = field(metadata={"help": "How precise the date is: 'day', 'month' or 'year'."})
    date_note: str = field(
        metadata={"help": "How a relative date was resolved ('Sunday before publication'); may be empty."})
    title: str = field(metadata={"help": "What happened, in one line."})
    summary: str = field(metadata={"help": "A sentence or two more; may be empty."})
    people: list[Link] = field(metadata={"help": "Links to the pages of the people involved."})
    filters: str = field(
        metadata={"help": "The ids of its people and their countries, space-separated, for filtering in the browser."})
    citations: list[Citation] = field(metadata={"help": "The references it rests on."})


@dataclass(frozen=True)
class MonthGroup:
    label: str = field(metadata={"help": "The month as readers see it ('March 2025'), or 'During 2025' for events dated by year."})
    events: list[EventItem] = field(metadata={"help": "That month's events, in date order."})


@dataclass(frozen=True)
class YearGroup:
    year: str = field(metadata={"help": "The year, four digits."})
    months: list[MonthGroup] = field(metadata={"help": "The year's events by month; events dated only by year first."})


@dataclass(frozen=True)
class FilterOption:
    value: str = field(metadata={"help": "What events are filtered by: a person's id or a country code."})
    label: str = field(metadata={"help": "The person or country, as readers see it."})


@dataclass(frozen=True)
class TimelinePage:
    title: str = field(metadata={"help": "Title of the page."})
    years: list[YearGroup] = field(
        metadata={"help": "The story's events by year, from the year of its first article (or its first event), oldest first."})
    earlier: list[YearGroup] = field(
        metadata={"help": "Events before the story began, oldest first: the background to it."})
    filters: list[FilterOption] = field(
        metadata={"help": "People and countries the events can be filtered by, by label."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class TimelineYear:
    year: str = field(metadata={"help": "The year, four digits."})
    count_text: str = field(metadata={"help": "How many events it holds, such as '412 events'."})
    href: str | None = field(
        metadata={"help": "Link to the year's page; None when the year is in parts, a page per month (`parts`)."})
    parts: list[Link] = field(
        metadata={"help": "The year's pages when it is in parts, in date order, each with its count as the note; else empty."})


@dataclass(frozen=True)
class TimelineIndexPage:
    """`timeline.md` of a story with more events than one page holds (`EVENTS_PER_PAGE` in timeline_parts)."""

    title: str = field(metadata={"help": "Title of the page."})
    count_text: str = field(metadata={"help": "How many events the timeline holds, such as '2,000 events'."})
    latest: list[Development] = field(
        metadata={"help": "The newest events of the story, newest first, each linked to the page it is on."})
    years: list[TimelineYear] = field(
        metadata={"help": "The story's years, oldest first, each linked to its page or its months' pages."})
    earlier: list[Link] = field(
        metadata={"help": "The pages of the events before the story began, oldest first, each with its count; may be empty."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class TimelinePartPage:
    """One page of a long timeline: a year, or a month of a year too long for one page."""

    title: str = field(metadata={"help": "Title of the page: the timeline's title and the part's, 'Timeline: March 2025'."})
    note: str = field(metadata={"help": "A line on what the part holds, such as that its events are background; may be empty."})
    years: list[YearGroup] = field(metadata={"help": "The part's events by year and month, oldest first."})
    filters: list[FilterOption] = field(
        metadata={"help": "People and countries the part's events can be filtered by, by label."})
    contents: Link = field(metadata={"help": "Link to the timeline's first page, which lists every part."})
    previous: Link | None = field(metadata={"help": "Link to the part before this one in date order; None for the first."})
    next: Link | None = field(metadata={"help": "Link to the part after this one in date order; None for the last."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class SourceItem:
    anchor: str = field(
        metadata={"help": "HTML id of the entry: `source-` and the source's id (references link here)."})
    title: str = field(metadata={"help": "Headline of the article."})
    outlet: str = field(metadata={"help": "Who published it; empty when the article does not say."})
    date: DateLabel | None = field(metadata={"help": "Publication date; None when the article is undated."})
    byline: str = field(metadata={"help": "Names of the authors, joined by commas; may be empty."})
    url: str | None = field(metadata={"help": "The article's address on the web, when known; None otherwise."})
    fact_count_text: str = field(metadata={"help": "How many facts cite it, such as 'Supports 3 facts'."})
    facts: list[Link] = field(
        metadata={"help": "Links to every fact that cites it; empty when they are on a page of their own (`facts_href`)."})
    facts_href: str | None = field(default=None, metadata={
        "help": "Link to the page of the facts it supports, when the sources cite more facts than one page lists "
                "(`FACT_LINKS_PER_PAGE` in sources_pages); None when `facts` lists them here."})


@dataclass(frozen=True)
class SourcesPage:
    title: str = field(metadata={"help": "Title of the page."})
    sources: list[SourceItem] = field(metadata={"help": "The articles, oldest first, undated ones last."})
    data: list[Link] = field(metadata={"help": "Links to the open-data files (facts.json and its JSON Schema)."})


@dataclass(frozen=True)
class SourceFactsPage:
    """What one article supports, on a page of its own when the sources page would be too long."""

    title: str = field(metadata={"help": "Headline of the article."})
    source: SourceItem = field(
        metadata={"help": "The article's entry as the sources page shows it, with every fact it supports in `facts`."})
    back: Link = field(metadata={"help": "Link to the article's entry on the sources page."})


@dataclass(frozen=True)
class ClaimRow:
    value: str = field(metadata={"help": "The figure this source gives."})
    source_title: str = field(metadata={"help": "Title of the article."})
    source_href: str = field(metadata={"help": "Link to the article's entry on the sources page."})
    source_note: str = field(metadata={"help": "Outlet and date of the article, as far as known; may be empty."})
    quote: str = field(metadata={"help": "The article's words, verbatim."})


@dataclass(frozen=True)
class ConflictItem:
    anchor: str = field(metadata={"help": "HTML id of the section: `conflict-` and the fact's id."})
    about: str = field(metadata={"help": "What the figure is, such as 'How many people were evacuated'."})
    claims: list[ClaimRow] = field(metadata={"help": "Each source's figure, sorted by value."})


@dataclass(frozen=True)
class DisagreementsPage:
    title: str = field(metadata={"help": "Title of the page."})
    conflicts: list[ConflictItem] = field(
        metadata={"help": "Figures on which sources disagree, by what they are about."})


@dataclass(frozen=True)
class FigureRow:
    date: DateLabel = field(metadata={"help": "The day of the occasion the value is of."})
    occasion: str = field(metadata={"help": "What the value is of: 'the meeting in Valletta'."})
    value: str = field(metadata={"help": "The figure as the source gives it: 'over 30 countries'."})
    citation: Citation = field(metadata={"help": "The reference the value rests on."})


@dataclass(frozen=True)
class FigureSeries:
    anchor: str = field(metadata={"help": "HTML id of the figure: `figure-` and its id."})
    about: str = field(metadata={"help": "What the figure is: 'number of leaders at each meeting'."})
    latest: str = field(metadata={"help": "Its value on the latest occasion, as the sources give it."})
    as_of: DateLabel = field(metadata={"help": "The day of the latest occasion."})
    chart: Markup = field(metadata={"help": "The figure over time, drawn as inline SVG (hidden from screen readers: the table says the same)."})
    rows: list[FigureRow] = field(metadata={"help": "Every source's value on every occasion, oldest first."})


@dataclass(frozen=True)
class ChangeItem:
    text: str = field(metadata={"help": "The change in a line: 'New participant: Serbia', 'Kosovo: status now member (was attended)'."})
    href: str = field(metadata={"help": "Link to where the fact is shown on this site."})
    citations: list[Citation] = field(metadata={"help": "The references the change rests on."})


@dataclass(frozen=True)
class ChangeDay:
    date: DateLabel = field(metadata={"help": "The day the articles reported the changes."})
    anchor: str = field(metadata={"help": "HTML id of the day: `changes-` and the date."})
    items: list[ChangeItem] = field(metadata={"help": "The changes of the day, at most `CHANGES_PER_DAY`."})
    more: int = field(metadata={"help": "How many more changes the day has than are listed."})


@dataclass(frozen=True)
class WhatsNewPage:
    title: str = field(metadata={"help": "Title of the page."})
    first: DateLabel | None = field(metadata={"help": "The day of the story's first article; None when none is dated."})
    first_counts: str = field(metadata={"help": "What the first news cycle gave, as one phrase: '21 participants, 28 people'."})
    figures: list[FigureSeries] = field(metadata={"help": "The figures that moved from one occasion to the next."})
    days: list[ChangeDay] = field(metadata={"help": "The days the story changed after its first news cycle, newest first (at most `DAYS_SHOWN`)."})
    earlier_days: int = field(metadata={"help": "How many days of changes are older than those listed."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


@dataclass(frozen=True)
class ReviewEvidence:
    title: str = field(metadata={"help": "Headline of the article the passage is in (the quote itself when the source is unknown)."})
    outlet: str = field(metadata={"help": "Who published it; empty if not stated."})
    date: DateLabel | None = field(metadata={"help": "The article's publication date; None if undated."})
    file: str = field(metadata={"help": "The article's file: seeds/<name>."})
    before: str = field(metadata={"help": "The article's words before the passage: the sentence before, and its own up to it."})
    passage: str = field(metadata={"help": "The passage the fact rests on, as the article writes it."})
    after: str = field(metadata={"help": "The rest of its sentence, and the sentence after."})
    found: bool = field(metadata={"help": "False when the passage is not in the article (`check` reports it)."})


@dataclass(frozen=True)
class ReviewItem:
    anchor: str = field(metadata={"help": "HTML id of the item: `review-`, the kind and the id."})
    kind: str = field(metadata={"help": "The fact's kind: the stem of its files, 'people', 'events', ..."})
    id: str = field(metadata={"help": "The fact's id."})
    why: str = field(metadata={"help": "Why it waits, in an editor's words (its confidence, or new since the last extraction)."})
    fields: list[tuple[str, str]] = field(metadata={"help": "Its fields as (name, value) pairs, values in a line."})
    evidence: list[ReviewEvidence] = field(metadata={"help": "Each piece of its evidence in its article."})
    confirm: str = field(metadata={"help": "The command that confirms it."})
    reject: str = field(metadata={"help": "The command that rejects it, with a reason to fill in."})
    yaml_file: str = field(metadata={"help": "The editorial file a decision on it goes in."})
    yaml: list[str] = field(metadata={"help": "The YAML that confirms it, to write by hand, line by line."})


@dataclass(frozen=True)
class ReviewPage:
    title: str = field(metadata={"help": "Title of the page."})
    threshold: float = field(metadata={"help": "The site's `review_below`: facts less sure than this wait for an editor."})
    items: list[ReviewItem] = field(metadata={"help": "The facts waiting: held ones first, then the new ones nobody reviewed."})


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
