"""A small hand-made gold article and a perfect prediction for it, shared by the evaluation tests.

Counts in those tests are exact, so a wrong matching or scoring rule fails. `perfect()` returns
fresh facts on each call: a test changes its own copy.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from generator.model.kinds.coalitions import Coalition
from generator.model.kinds.plan import PlanPoint
from generator.model.kinds.pledges import Pledge
from generator.model.records import Amount, Event, Evidence, Participant, Person, Quantity, Quote

SOURCE = "a1"


# The article that GOLD_YAML annotates, for a reader checking the annotation by eye.
TEXT = (
    "British Prime Minister Keir Starmer said on Sunday that a coalition of the willing would act. "
    "\u201cThis is not a moment for more talk,\u201d Starmer said. "
    "On Friday, Trump and Zelenskyy clashed in the Oval Office. "
    "French President Emmanuel Macron said: \u201cWe will stand with Ukraine for as long as it takes.\u201d "
    "The UK will lend \u00a31.6bn for 5,000 air defence missiles."
)


GOLD_YAML = """\
source: a1
published: 2025-03-03
people:
  - {name: Keir Starmer, aliases: [Starmer], role: Prime Minister, country: GB}
  - {name: Donald Trump, aliases: [Trump], role: null, country: US}
  - {name: Volodymyr Zelenskyy, aliases: [Zelenskyy], role: null, country: UA}
  - {name: Emmanuel Macron, aliases: [], role: President, country: FR}
participants:
  - {id: GB, status: lead}
  - {id: FR, status: member}
  - {id: EE, status: likely, optional: true}
events:
  - date: "2025-03-02"
    what: Starmer announces a coalition of the willing
    quote: "Keir Starmer said on Sunday that a coalition of the willing would act"
  - date: "2025-02-28"
    what: Trump and Zelenskyy clash in the Oval Office
    quote: "On Friday, Trump and Zelenskyy clashed in the Oval Office"
quotes:
  - {speaker: keir-starmer, text: "This is not a moment for more talk"}
  - {speaker: emmanuel-macron, text: "We will stand with Ukraine for as long as it takes."}
pledges:
  - actor: GB
    kind: money
    amount: {value: 1.6e9, currency: GBP}
    quantity: {value: 5000, unit: air defence missiles}
    quote: "The UK will lend \u00a31.6bn for 5,000 air defence missiles"
plan:
  - {point: 1, text: "a coalition of the willing would act"}
coalitions:
  - {name: INTERFET, year: 1999, led_by: AU}
figures:
  - {about: leaders, value: "12", quote: "a coalition of the willing"}
"""


def ev(quote: str) -> list[Evidence]:
    return [Evidence(source=SOURCE, quote=quote)]


def perfect() -> SimpleNamespace:
    return SimpleNamespace(
        people=[
            Person(id="keir-starmer", name="Keir Starmer", aliases=["Starmer"], role="British Prime Minister", country="GB"),
            Person(id="donald-trump", name="Donald Trump", country="US"),
            Person(id="volodymyr-zelenskyy", name="Volodymyr Zelenskyy", country="UA"),
            Person(id="emmanuel-macron", name="Emmanuel Macron", role="President", country="FR"),
        ],
        participants=[
            Participant(id="GB", name="United Kingdom", kind="country", status="lead"),
            Participant(id="FR", name="France", kind="country", status="member"),
        ],
        events=[
            Event(id="e1", date="2025-03-02", title="Coalition announced",
                  evidence=ev("British Prime Minister Keir Starmer said on Sunday that a coalition of the willing would act.")),
            Event(id="e2", date="2025-02-28", title="Oval Office clash",
                  evidence=ev("On Friday, Trump and Zelenskyy clashed in the Oval Office.")),
        ],
        quotes=[
            Quote(id="q1", speaker="keir-starmer", text="This is not a moment for more talk,", source=SOURCE),
            Quote(id="q2", speaker="emmanuel-macron", text="We will stand with Ukraine for as long as it takes.", source=SOURCE),
        ],
        pledges=[
            Pledge(id="p1", actor="GB", summary="Loan for missiles", kind="money",
                   amount=Amount(value=1.6e9, currency="GBP"),
                   quantity=Quantity(value=5000, unit="missiles")),
        ],
        plan=[PlanPoint(id="plan-1", point=1, text="A coalition of the willing would act")],
        coalitions=[Coalition(id="c1", name="International Force East Timor", year=1999)],
    )


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "a1.yaml").write_text(GOLD_YAML, encoding="utf-8")
    return tmp_path


def counts(report, name):
    score = report.types[name]
    return score.tp, score.fp, score.fn


ALL = ("people", "participants", "participants+status", "events", "quotes", "pledges", "plan", "coalitions")
