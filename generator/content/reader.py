"""Loading `content/`: the machine layer, the editors' layer over it, and every check.

`content/extracted/<kind>.yaml` holds `{<kind>: [facts]}` as `explainer extract` wrote it.
`content/editorial/<kind>.yaml` may hold five sections, each keyed by fact id:

    confirm: [ids]            # reviewed and right as extracted
    fix: {id: {field: value}} # corrected fields; the rest stays as extracted
    reject: {id: reason}      # not published
    add: [facts]              # facts extraction missed, with their own evidence
    fixed_from: {id: {field: value}}  # what extraction gave when each fix was written

`content/editorial/site.yaml` holds the site's framing prose (see `SiteText`). Everything is
checked at once; `load_facts` raises a ContentError listing every problem with its position.
"""

from __future__ import annotations

import difflib
import functools
import os
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.files.articles import article_paths, outside_problem, read_article
from generator.model.errors import ContentError, Problem
from generator.model.evidence import SourceTexts
from generator.model.facts import FACT_TYPES, Facts, SiteText, project_kinds
from generator.model.kinds import STORY_KINDS
from generator.model.records import Source
from generator.model.ids import Respelling, former_ids, respellings
from generator.files.project import PLUGIN_NAME, Project, read_options
from generator.content.review import hold_for_review
from generator.content.schemas import EDITORIAL_SECTIONS, EXTRACTOR
from generator.content.validate import check_graph
from generator.files.yamlfile import KeyPath, YamlDocument, cycle_collector_paused, load_yaml

DATE_HINT = "write a date as YYYY, YYYY-MM or YYYY-MM-DD (keep only the precision the source gives)"


@dataclass
class Placed:
    """A record with where each of its fields was written, for pointing at problems."""

    record: BaseModel
    document: YamlDocument
    key_path: KeyPath
    field_places: dict[str, tuple[YamlDocument, KeyPath]] = field(default_factory=dict)

    def problem(self, field_name: str | None, message: str, *rest: Any) -> Problem:
        document, key_path = self.field_places.get(field_name or "", (self.document, self.key_path))
        path = (*key_path, field_name, *rest) if field_name else key_path
        return document.problem(path, message)


@dataclass
class ContentReader:
    project: Project
    problems: list[Problem] = field(default_factory=list)
    reviewed: set[str] = field(default_factory=set)
    # The fact kinds the project has; files of the other story kinds are not read.
    kinds: list[str] = field(default_factory=lambda: list(FACT_TYPES))

    # -- files --------------------------------------------------------------------------

    def document(self, path: Path, expected: tuple[str, ...]) -> YamlDocument | None:
        if not path.is_file():
            return None
        document, problems = load_yaml(path)
        self.problems.extend(problems)
        if document is None:
            return None
        if document.data is None:
            document.data = {}
        if not isinstance(document.data, dict):
            found = "a list" if isinstance(document.data, list) else f"a single value ({document.data!r})"
            self.problems.append(document.problem((0,), f"the top level must be a mapping of keys "
                                                  f"({', '.join(expected)}), not {found}"))
            return None
        for key in document.data:
            if key not in expected:
                self.problems.append(document.problem((key,), unknown_key_message(key, expected), at_key=True))
        return document

    # -- validation of one record ---------------------------------------------------------

    def validate(self, model: type[BaseModel], data: Any, document: YamlDocument, key_path: KeyPath,
                 places: dict[str, tuple[YamlDocument, KeyPath]] | None = None) -> BaseModel | None:
        if not isinstance(data, dict):
            self.problems.append(document.problem(key_path, f"expected a mapping for one {model.__name__.lower()}"))
            return None
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors():
                location = tuple(detail["loc"])
                head = str(location[0]) if location else ""
                target_document, target_path = (places or {}).get(head, (document, key_path))
                self.problems.append(target_document.problem(
                    (*target_path, *location), describe(detail, model, location),
                    at_key=detail["type"] == "extra_forbidden",  # the key is what is wrong
                ))
            return None

    # -- layers ---------------------------------------------------------------------------

    def extracted(self, kind: str, model: type[BaseModel]) -> dict[str, Placed]:
        path = self.project.extracted_dir / f"{kind}.yaml"
        document = self.document(path, (EXTRACTOR, kind))  # the fields of `extracted_file(kind)`
        if document is None:
            return {}
        items = document.data.get(kind) or []
        if not isinstance(items, list):
            self.problems.append(document.problem((kind,), f"expected a list of {kind}"))
            return {}
        records: dict[str, Placed] = {}
        for index, item in enumerate(items):
            record = self.validate(model, item, document, (kind, index))
            if record is None:
                continue
            if record.id in records:
                self.problems.append(document.problem((kind, index, "id"), f"duplicate {kind} id '{record.id}'"))
                continue
            records[record.id] = Placed(record, document, (kind, index))
        return records

    def editorial(self, kind: str, model: type[BaseModel], records: dict[str, Placed]) -> dict[str, Placed]:
        """Apply content/editorial/<kind>.yaml over the extracted records."""
        document = self.document(self.project.editorial_dir / f"{kind}.yaml", EDITORIAL_SECTIONS)
        if document is None:
            return records
        sections = {name: document.data.get(name) for name in EDITORIAL_SECTIONS}
        # `fixed_from` is a record for later checks, not a decision: only its shape is read here.
        expected_types = {"confirm": list, "fix": dict, "reject": dict, "add": list, "fixed_from": dict}
        for name, value in sections.items():
            if value is not None and not isinstance(value, expected_types[name]):
                shape = "a list" if expected_types[name] is list else "a mapping of id to value"
                self.problems.append(document.problem((name,), f"'{name}' must be {shape}"))
                sections[name] = None

        added: set[str] = set()
        for index, item in enumerate(sections["add"] or []):
            record = self.validate(model, item, document, ("add", index))
            if record is None:
                continue
            if record.id in added:
                self.problems.append(document.problem(("add", index, "id"), f"'{record.id}' is added twice; "
                                                      "give each fact its own id, or keep one"))
                continue
            added.add(record.id)
            if record.id in records:
                self.problems.append(document.problem(
                    ("add", index, "id"),
                    f"'{record.id}' already exists in content/extracted/{kind}.yaml; "
                    "correct it under 'fix' instead of adding it again",
                ))
                continue
            records[record.id] = Placed(record, document, ("add", index))
            self.reviewed.add(record.id)

        for fact_id, changes in (sections["fix"] or {}).items():
            placed = self.known(kind, records, document, ("fix", fact_id), fact_id, at_key=True)
            if placed is None:
                continue
            if not isinstance(changes, dict):
                self.problems.append(document.problem(("fix", fact_id), "a fix is a mapping of field: new value"))
                continue
            if "id" in changes:
                self.problems.append(document.problem(("fix", fact_id, "id"), "ids cannot be changed; reject this fact and add a new one"))
                continue
            places = {**placed.field_places, **{name: (document, ("fix", fact_id)) for name in changes}}
            merged = {**placed.record.model_dump(exclude_unset=True), **changes}
            record = self.validate(model, merged, placed.document, placed.key_path, places)
            if record is not None:
                records[fact_id] = Placed(record, placed.document, placed.key_path, places)
                self.reviewed.add(fact_id)

        for index, fact_id in enumerate(sections["confirm"] or []):
            if self.known(kind, records, document, ("confirm", index), fact_id):
                self.reviewed.add(fact_id)

        for fact_id in sections["reject"] or {}:
            if self.known(kind, records, document, ("reject", fact_id), fact_id, at_key=True):
                del records[fact_id]
                self.reviewed.discard(fact_id)
        return records

    def known(self, kind: str, records: dict[str, Placed], document: YamlDocument,
              key_path: KeyPath, fact_id: Any, at_key: bool = False) -> Placed | None:
        """The record an override points at; an unknown id is reported (at the id, which is a
        key under `fix` and `reject`), never dropped silently."""
        placed = records.get(str(fact_id))
        if placed is None:
            renamed = self.respelled(str(fact_id), records)
            close = difflib.get_close_matches(str(fact_id), list(records), n=1)
            if renamed:
                hint = (f"; ids now spell out every letter: it is '{renamed[0]}' now, so rename it" if len(renamed) == 1
                        else f"; ids now spell out every letter: it is one of {', '.join(map(repr, renamed))} now, "
                             "so rename it")
            elif close:
                hint = f"; did you mean '{close[0]}'?"
            else:
                hint = "; it may have been renamed by a new extraction"
            self.problems.append(document.problem(key_path, f"no {kind} fact with id '{fact_id}'{hint}", at_key))
        return placed

    def respelled(self, fact_id: str, records: dict[str, Placed]) -> list[str]:
        """The ids of `records` that were `fact_id` before ids spelled out every letter
        (radosaw-sikorski is radoslaw-sikorski now).

        An id is made of the words of a fact's name, title or quote, or of another fact's
        (a quote's id starts with its speaker's), all taken from the articles. So the words
        of the articles and of the facts' own fields are spelled both ways (`respellings`),
        and each current id is read back with the old spellings (`former_ids`): no kind needs
        its own recipe for ids, and an id without such letters has no former spelling, so
        a typo in it still gets "did you mean"."""
        changes = respellings(text for placed in records.values() for text in _strings(placed.record.model_dump()))
        for words, before in self._article_respellings.items():
            changes.setdefault(words, set()).update(before)
        if not changes:
            return []
        return sorted(current for current in records if fact_id in former_ids(current, changes))

    @functools.cached_property
    def _article_respellings(self) -> Respelling:
        """The respelled words of the articles, found once, and only when an override names
        an unknown id."""
        articles = (read_article(path)[0] for path in article_paths(self.project.seeds_dir))
        return respellings(article.text for article in articles if article is not None)

    def site_text(self) -> tuple[SiteText, Placed | None]:
        document = self.document(self.project.editorial_dir / "site.yaml", tuple(SiteText.model_fields))
        if document is None:
            return SiteText(), None
        known = {key: value for key, value in document.data.items() if key in SiteText.model_fields}
        record = self.validate(SiteText, known, document, ())
        return (record or SiteText()), (Placed(record, document, ()) if record else None)

    # -- files nobody reads ------------------------------------------------------------------

    def stray_files(self) -> None:
        """A file in content/ that is not read would hold decisions that silently do nothing
        (`people.yml`, `person.yaml`): each one is an error naming the file it should be."""
        content = self.project.content_dir
        layers = {
            self.project.extracted_dir: ["sources", *self.kinds],
            self.project.editorial_dir: ["sources", *self.kinds, "site"],
        }
        folders = {"extracted", "editorial", "pages", "schema"}
        for path in sorted(content.iterdir()) if content.is_dir() else []:
            if path.name.startswith(".") or (path.is_dir() and path.name in folders):
                continue
            close = difflib.get_close_matches(path.name, sorted(folders), n=1)
            hint = f"did you mean content/{close[0]}/?" if close else \
                f"content/ holds only the folders {', '.join(sorted(folders))}"
            self.problems.append(Problem(path, 1, 1, f"not read: {hint}"))
        for folder, kinds in layers.items():
            for path in sorted(folder.iterdir()) if folder.is_dir() else []:
                if path.name.startswith(".") or (path.suffix == ".yaml" and path.stem in kinds and path.is_file()):
                    continue
                if path.suffix == ".yaml" and path.stem in STORY_KINDS and path.is_file():
                    # Facts of a kind the project does not have would silently not be published.
                    self.problems.append(Problem(path, 1, 1, (
                        f"not read: the kind '{path.stem}' is off in this project; switch it on in mkdocs.yml "
                        f"(plugins: - {PLUGIN_NAME}: kinds: [{path.stem}]) or remove this file")))
                    continue
                self.problems.append(Problem(path, 1, 1, f"not read: {_stray_hint(path, kinds)}"))

    # -- sources and articles ---------------------------------------------------------------

    def sources(self) -> tuple[dict[str, Placed], dict[str, str]]:
        records = self.editorial("sources", Source, self.extracted("sources", Source))
        texts: dict[str, str] = {}
        seeds = self.project.seeds_dir
        for source_id, placed in records.items():
            path = self.project.root / placed.record.file
            if not _inside(path, seeds):
                self.problems.append(placed.problem("file", f"'{placed.record.file}' is not in seeds/; sources are "
                                                            "articles in seeds/, written as seeds/<name>"))
                continue
            outside = outside_problem(path, seeds) if path.is_symlink() else None
            if outside is not None:
                self.problems.append(outside)
                continue
            if not path.is_file():
                self.problems.append(placed.problem("file", f"article file '{placed.record.file}' does not exist"))
                continue
            article, problems = read_article(path)
            self.problems.extend(problems)
            if article is not None:
                texts[source_id] = article.text
        listed = {os.path.normpath(self.project.root / placed.record.file) for placed in records.values()}
        for path in article_paths(seeds):
            outside = outside_problem(path, seeds)
            if outside is not None:
                self.problems.append(outside)
            elif os.path.normpath(path) not in listed:
                _, problems = read_article(path)
                self.problems.extend(problems)
                if not problems:
                    self.problems.append(Problem(path, 1, 1, "article is not in content/extracted/sources.yaml; run `explainer extract`"))
        return records, texts


def _strings(value: Any) -> list[str]:
    """Every string in a record's fields, nested ones too."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple, set)):
        return [text for item in value for text in _strings(item)]
    return []


def _stray_hint(path: Path, kinds: list[str]) -> str:
    layer = path.parent.name
    if path.is_dir():
        return f"content/{layer}/ holds YAML files only, one per kind: {', '.join(f'{k}.yaml' for k in kinds)}"
    if path.suffix == ".yml" and path.stem in kinds:
        return f"content files end in .yaml; rename it to {path.stem}.yaml"
    close = difflib.get_close_matches(path.stem, kinds, n=1, cutoff=0.5)
    if close:
        return f"did you mean content/{layer}/{close[0]}.yaml?"
    return f"content/{layer}/ holds one file per kind: {', '.join(f'{k}.yaml' for k in kinds)}"


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path`, as written (`..` taken into account, links not followed), lies in `folder`."""
    return os.path.normpath(path).startswith(os.path.normpath(folder) + os.sep)


def unknown_key_message(key: Any, known: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(str(key), list(known), n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"expected one of: {', '.join(known)}"
    return f"unknown key '{key}'; {hint}"


def describe(detail: dict[str, Any], model: type[BaseModel], location: tuple) -> str:
    """A pydantic error in an editor's words, with a hint where one helps."""
    kind, name = detail["type"], ".".join(str(part) for part in location) or model.__name__
    if kind == "extra_forbidden":
        parent = _model_at(model, location[:-1])
        return unknown_key_message(location[-1], list(parent.model_fields) if parent else [])
    if kind == "missing":
        return f"missing required field '{name}'"
    if kind == "string_pattern_mismatch" and location and location[-1] in ("date", "published"):
        return f"'{detail.get('input')}' is not a date: {DATE_HINT}"
    if kind == "string_pattern_mismatch" and location and location[-1] == "id":
        return f"'{detail.get('input')}' is not a valid id: use letters, digits, '-', '_' and '.'"
    if kind == "string_too_long" and location and location[-1] == "id":
        return (f"an id of {len(str(detail.get('input')))} characters is too long: ids name the site's "
                f"files, so keep them to {detail['ctx']['max_length']}")
    if kind == "finite_number":
        return f"{name}: {detail.get('input')!r} is not a finite number; write the number itself"
    if kind == "value_error":
        return f"{name}: {detail['ctx']['error']}; {DATE_HINT}" if location and location[-1] in ("date", "published") \
            else f"{name}: {detail['ctx']['error']}"
    return f"{name}: {detail['msg'][0].lower()}{detail['msg'][1:]} (got {detail.get('input')!r})"


def _model_at(model: type[BaseModel], location: tuple) -> type[BaseModel] | None:
    """The nested model a location points into, to suggest its field names."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        annotation = fields[part].annotation
        candidates = [annotation, *typing.get_args(annotation)]
        for inner in list(candidates):
            candidates.extend(typing.get_args(inner))
        current = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
        if current is None:
            return None
    return current if isinstance(current, type) else None


def read_content(project: Project, story_kinds: typing.Iterable[str] | None = None) -> tuple[Facts, list[Problem]]:
    """Every layer merged into one graph, and every problem found on the way.

    `story_kinds` are the story kinds switched on; by default mkdocs.yml says which (the
    MkDocs plugin passes its own validated options)."""
    # The records and positions of a large story are hundreds of thousands of objects, made in
    # one go and kept: the cycle collector would scan them again and again, for nothing.
    with cycle_collector_paused():
        return _read_content(project, story_kinds)


def _read_content(project: Project, story_kinds: typing.Iterable[str] | None) -> tuple[Facts, list[Problem]]:
    problems: list[Problem] = []
    if story_kinds is None:
        options, problems = read_options(project.config_file)
        story_kinds = options.kinds
    reader = ContentReader(project, problems=list(problems), kinds=project_kinds(story_kinds))
    reader.stray_files()
    sources, texts = reader.sources()
    site, site_placed = reader.site_text()
    # Every kind has an entry (empty when off), so later checks need not ask which are on.
    placed_by_kind = {kind: reader.editorial(kind, model, reader.extracted(kind, model)) if kind in reader.kinds else {}
                      for kind, model in FACT_TYPES.items()}
    held = hold_for_review(placed_by_kind, reader.reviewed, site.review_below)
    facts = Facts(
        site=site,
        held=held,
        kinds=reader.kinds,
        sources=sorted((p.record for p in sources.values()), key=lambda s: s.id),
        reviewed=reader.reviewed,
        **{kind: sorted((p.record for p in placed.values()), key=lambda f: f.id)
           for kind, placed in placed_by_kind.items()},
    )
    reader.problems.extend(check_graph(facts, placed_by_kind, site_placed, SourceTexts(texts), set(sources)))
    return facts, reader.problems


def site_review_below(project: Project) -> float:
    """The project's review threshold, as site.yaml sets it (the default if it is unreadable:
    `check` is where its problems are reported)."""
    site, _ = ContentReader(project, problems=[], kinds=project_kinds([])).site_text()
    return site.review_below


def load_facts(project_dir: Path, story_kinds: typing.Iterable[str] | None = None) -> Facts:
    project = Project(Path(project_dir))
    facts, problems = read_content(project, story_kinds)
    if problems:
        raise ContentError(problems, relative_to=project.root)
    return facts

