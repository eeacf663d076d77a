"""The `pledges` kind on the site: a page of commitments, grouped by who made them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.model.gazetteer import place
from generator.model.kinds.pledges import Pledge
from generator.site.pages import Citation, KeyFigure, Reference, amount_text, anchor, number_text
from generator.site.story_site import Cited, Column, KindPage, PageSpec, Section, StorySite

if TYPE_CHECKING:
    from generator.site.page_builder import PageBuilder

PAGE = "pledges.md"


@dataclass(frozen=True)
class PledgeItem:
    anchor: str = field(metadata={"help": "HTML id of the item: `pledge-` and the fact's id."})
    summary: str = field(metadata={"help": "What was promised, in one line."})
    details: list[tuple[str, str]] = field(
        metadata={"help": "(label, value) pairs shown under it: Amount, Quantity, Condition, Target year, as known."})
    citations: list[Citation] = field(metadata={"help": "The references it rests on."})


@dataclass(frozen=True)
class PledgeGroup:
    actor: str = field(metadata={"help": "Name of who made the pledges."})
    pledges: list[PledgeItem] = field(metadata={"help": "Their pledges, by summary."})


@dataclass(frozen=True)
class PledgesPage:
    title: str = field(metadata={"help": "Title of the page."})
    groups: list[PledgeGroup] = field(metadata={"help": "Pledges grouped by who made them, by name."})
    references: list[Reference] = field(metadata={"help": "The articles this page cites, numbered."})


def _details(pledge: Pledge) -> list[tuple[str, str]]:
    details = []
    if pledge.amount:
        details.append(("Amount", amount_text(pledge.amount.value, pledge.amount.currency)))
    if pledge.quantity:
        details.append(("Quantity", f"{number_text(pledge.quantity.value)} {pledge.quantity.unit}"))
    if pledge.condition:
        details.append(("Condition", pledge.condition))
    if pledge.target_year:
        details.append(("Target year", str(pledge.target_year)))
    return details


def pledges_page(builder: PageBuilder) -> PledgesPage:
    by_actor: dict[str, list[Pledge]] = {}
    for pledge in builder.facts.pledges:
        by_actor.setdefault(builder.country(pledge.actor), []).append(pledge)
    groups = [
        PledgeGroup(actor, [
            PledgeItem(anchor(f"pledge-{pledge.id}"), pledge.summary, _details(pledge),
                       builder.citations(PAGE, pledge.evidence))
            for pledge in sorted(by_actor[actor], key=lambda p: (p.summary.casefold(), p.id))
        ])
        for actor in sorted(by_actor, key=lambda name: (name.casefold(), name))
    ]
    return PledgesPage(builder.titles[PAGE], groups, builder.references(PAGE))


def _actor_name(pledge: Pledge) -> str:
    """Who committed, by name where the gazetteer knows the id (an editor's own id stays as written)."""
    known = place(pledge.actor)
    return known.name if known else pledge.actor


def _committed(builder: PageBuilder, participant) -> str:
    """The "Committed" cell of a participant: its pledges' summaries, amounts first."""
    pledges = sorted((p for p in builder.facts.pledges if p.actor == participant.id),
                     key=lambda p: (p.amount is None, p.summary.casefold(), p.id))
    return "; ".join(pledge.summary for pledge in pledges)


def _figures(builder: PageBuilder, page: str) -> list[KeyFigure]:
    """The largest sums committed, each with who committed it: pledges of different kinds and
    dates are not added up, which would count one sum twice when two articles word it apart."""
    link = builder.link(page)
    sums = sorted((p for p in builder.facts.pledges if p.amount is not None),
                  key=lambda p: (-p.amount.value, p.id))[:3]
    return [KeyFigure(amount_text(p.amount.value, p.amount.currency), f"committed by {builder.country(p.actor)}",
                      p.summary, link(PAGE, f"pledge-{p.id}")) for p in sums]


KIND = StorySite(
    kind="pledges",
    export=Section(Pledge, ("id", "actor", "summary", "kind", "amount", "quantity", "condition", "target_year"),
                   figures=("amount", "quantity")),
    cited=lambda pledge: Cited("Pledge", f"{_actor_name(pledge)}: {pledge.summary}", PAGE, f"pledge-{pledge.id}"),
    pages=(KindPage(PageSpec(PAGE, "pledges", "Commitments", "what was promised, and by whom", "pledges"),
                    after="who.md", template="pledges.md.j2", context=pledges_page),),
    column=Column("Committed", _committed),
    figures=_figures,
)
