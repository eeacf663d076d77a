"""Page contexts: exactly what each page template receives, computed by `render`.

One frozen dataclass per page (its whole context, passed to the template as `page`) and
small views shared between pages, plus the formatting of dates, numbers and statuses that
readers see. Templates in `theme/pages/` only lay these out.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
CURRENCY_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}
# Order of participant groups on "Who is involved"; other statuses follow alphabetically.
STATUS_ORDER = ("lead", "member", "attended", "likely", "invited")
STATUS_HEADINGS = {
    "lead": "Leading", "member": "Members", "attended": "Attended", "likely": "Likely to take part",
    "invited": "Invited",
}
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


# -- small views shared by pages -----------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """Which article a fact rests on, and the words it uses."""

    source_title: str
    href: str
    quote: str


@dataclass(frozen=True)
class DateLabel:
    """A date as readers see it, at the precision the source gave."""

    text: str
    iso: str
    approximate: bool = False


@dataclass(frozen=True)
class FactItem:
    """One line of prose with its citations: summary statements, plan points, pledges..."""

    text: str
    citations: list[Citation]
    reviewed: bool = False
    anchor: str | None = None
    number: int | None = None


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    note: str = ""


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


def status_heading(status: str) -> str:
    return STATUS_HEADINGS.get(status, status[:1].upper() + status[1:])


def status_rank(status: str) -> tuple[int, str]:
    return (STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER), status)


# -- page contexts -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HomePage:
    title: str
    description: str
    as_of: DateLabel | None
    source_count: int
    summary: list[FactItem]
    plan_heading: str
    plan: list[FactItem]
    links: list[Link]


@dataclass(frozen=True)
class CoalitionRow:
    anchor: str
    name: str
    year: int
    led_by: str
    mandate: str
    size: str
    summary: str
    citations: list[Citation]
    reviewed: bool


@dataclass(frozen=True)
class CoalitionPage:
    title: str
    definition: list[FactItem]
    coalitions: list[CoalitionRow]


@dataclass(frozen=True)
class ParticipantItem:
    anchor: str
    name: str
    kind: str
    status: str
    status_class: str
    citations: list[Citation]
    reviewed: bool


@dataclass(frozen=True)
class ParticipantGroup:
    heading: str
    count_text: str
    participants: list[ParticipantItem]


@dataclass(frozen=True)
class PersonRow:
    name: str
    href: str
    role: str
    country: str


@dataclass(frozen=True)
class WhoPage:
    title: str
    as_of: DateLabel | None
    groups: list[ParticipantGroup]
    people: list[PersonRow]


@dataclass(frozen=True)
class QuoteItem:
    anchor: str
    text: str
    citation: Citation
    reviewed: bool


@dataclass(frozen=True)
class PersonPage:
    title: str
    role: str
    country: str
    aliases: list[str]
    citations: list[Citation]
    reviewed: bool
    quotes: list[QuoteItem]
    events: list[Link]
    back: Link


@dataclass(frozen=True)
class PledgeItem:
    anchor: str
    summary: str
    details: list[tuple[str, str]]
    citations: list[Citation]
    reviewed: bool


@dataclass(frozen=True)
class PledgeGroup:
    actor: str
    pledges: list[PledgeItem]


@dataclass(frozen=True)
class PledgesPage:
    title: str
    groups: list[PledgeGroup]


@dataclass(frozen=True)
class EventItem:
    anchor: str
    date: DateLabel
    date_note: str
    title: str
    summary: str
    people: list[Link]
    citations: list[Citation]
    reviewed: bool


@dataclass(frozen=True)
class YearGroup:
    year: str
    events: list[EventItem]


@dataclass(frozen=True)
class TimelinePage:
    title: str
    years: list[YearGroup]


@dataclass(frozen=True)
class SourceItem:
    anchor: str
    title: str
    outlet: str
    date: DateLabel | None
    byline: str
    file: str
    fact_count_text: str
    facts: list[Link]


@dataclass(frozen=True)
class SourcesPage:
    title: str
    sources: list[SourceItem]
    data: list[Link]


@dataclass(frozen=True)
class ClaimRow:
    value: str
    source_title: str
    source_href: str
    quote: str


@dataclass(frozen=True)
class ConflictItem:
    anchor: str
    about: str
    claims: list[ClaimRow]
    reviewed: bool


@dataclass(frozen=True)
class DisagreementsPage:
    title: str
    conflicts: list[ConflictItem]


@dataclass(frozen=True)
class AboutPage:
    title: str
    site_title: str
    source_count: int
    fact_count: int
    reviewed_count: int
    held_count: int
    review_below: float
    data: list[Link]


# -- building contexts -------------------------------------------------------------------------
