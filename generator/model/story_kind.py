"""What a story kind declares to the model: its record, where it stands among the kinds, and
the words and references the rest of the engine checks.

A story kind is a kind of fact only some stories have (commitments, a numbered plan, earlier
cases); a project switches it on in mkdocs.yml. Each kind has one module named for it at
every stage that needs it: `model/kinds/`, `extract/kinds/`, `site/kinds/`,
`evaluation/kinds/`. Nothing outside those modules names a story kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.records import Fact, Record


@dataclass(frozen=True)
class StoryKind:
    name: str                 # the key: content file stem, facts.json section, option value
    record: type[Fact]
    after: str                # the kind it follows in the order pages and facts.json list them
    summary: str              # what it holds, in a few words, for help texts
    # Its words in site.yaml, `pages: <name>:`, with what they are; None: it has none.
    text: type[Record] | None = None
    text_help: str = ""
    # Fields whose value must name a real country, a known organisation or a participant.
    places: tuple[str, ...] = field(default_factory=tuple)
    # Fields no two of its records may share (a plan has one point 3).
    unique: tuple[str, ...] = field(default_factory=tuple)
