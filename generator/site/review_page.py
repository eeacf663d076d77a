"""The preview's review queue: the facts waiting for an editor, on a page that only
`explainer serve` (and `mkdocs serve`) shows, never a published build.

Each fact comes with why it waits, its evidence where its article has it (the sentence
before and after the passage, the article's headline, outlet and date), and the two ways to
decide on it: the `explainer review` command, and the YAML an editor would write by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from generator.model.facts import Facts
from generator.site.pages import ReviewEvidence, ReviewItem, ReviewPage, anchor, date_label

if TYPE_CHECKING:
    from generator.content.review_queue import QueueItem

REVIEW_PAGE = "review.md"
REVIEW_TITLE = "Review queue"
# The fields shown for a fact: its own, not where it came from (shown apart) or its evidence.
_NOT_SHOWN = {"id", "evidence", "extractor", "confidence", "basis"}


def review_page(facts: Facts, queue: list["QueueItem"]) -> ReviewPage:
    return ReviewPage(REVIEW_TITLE, facts.site.review_below, [_item(item) for item in queue])


def _item(item: "QueueItem") -> ReviewItem:
    record = item.record
    fields = [(name, _shown(value)) for name, value in record.model_dump(mode="json", exclude_none=True).items()
              if name not in _NOT_SHOWN and value not in ([], "", {})]
    reference = item.reference
    snippet = yaml.safe_dump({"confirm": [record.id]}, allow_unicode=True, sort_keys=False)
    return ReviewItem(
        anchor=anchor(f"review-{item.kind}-{record.id}"), kind=item.kind, id=record.id, why=item.why,
        fields=fields,
        evidence=[ReviewEvidence(
            title=e.source.title if e.source else e.quote, outlet=(e.source.outlet or "") if e.source else "",
            date=date_label(e.source.published) if e.source else None, file=e.source.file if e.source else "",
            before=e.before.rstrip(), passage=e.passage or e.quote, after=e.after.lstrip(), found=e.found)
            for e in item.evidence],
        confirm=f"explainer review --confirm {reference}",
        reject=f'explainer review --reject {reference} --why "…"',
        yaml_file=f"content/editorial/{item.kind}.yaml", yaml=snippet.splitlines(),
    )


def _shown(value) -> str:
    """A field's value in a line: text as it is, anything else as YAML writes it inline."""
    if isinstance(value, str):
        return value
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000).strip()
