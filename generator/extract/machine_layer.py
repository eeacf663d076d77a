"""`explainer extract`: seeds/ in, content/extracted/ out, with a per-article cache.

Each article's candidate facts are cached by the hash of its text and the extractor version,
so a second run parses only new or changed articles (and imports no spaCy, nor loads the
model, if there are none); several are parsed on every core. The machine layer is written to a
fresh folder and swapped in whole: an interrupted run leaves the previous `content/extracted/`
as it was. A file whose bytes did not change is kept rather than written again, and a run that
changes nothing writes nothing: when the stamp (`layer_stamp`) shows the layer was made from
the same inputs and is intact, the run neither reads the cached facts back nor combines them.
A run that writes a layer compares it with the one in place (`changes`: new, changed and gone
facts, and what they mean for the editors' overrides). `content/editorial/` is never touched.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.files.articles import Article, article_paths, infer_years, outside_problem, read_article
from generator.files.atomic import recover, replace_folder, write_text
from generator.model.errors import Problem
from generator.model.facts import project_kinds
from generator.model.records import Source, is_real_date
from generator.files.project import Project, read_options
from generator.content.editorial import read_overrides
from generator.content.schemas import modeline
from generator.extract import layer_stamp, pattern_store
from generator.files.yamlfile import dump_yaml

if TYPE_CHECKING:
    from generator.extract.changes import LayerChanges

HEADER = (
    "# Written by `explainer extract` from seeds/. Do not edit: it is rewritten on every run.\n"
    "# Correct, reject or add facts in content/editorial/{kind}.yaml, by fact id.\n"
)


@dataclass
class ExtractSummary:
    articles: int = 0
    parsed: int = 0
    cached: int = 0
    words: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    undated: list[str] = field(default_factory=list)
    inferred: list[tuple[str, str]] = field(default_factory=list)   # (source id, date) with a guessed year
    problems: list[Problem] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)                   # the fact kinds the project has
    changes: LayerChanges | None = None                              # None: nothing new, the layer as it was


def read_articles(project: Project) -> tuple[list[Article], list[Problem]]:
    return read_articles_from(project.seeds_dir)


def read_articles_from(folder: Path) -> tuple[list[Article], list[Problem]]:
    articles, problems = [], []
    for path in article_paths(folder):
        outside = outside_problem(path, folder)
        if outside is not None:
            problems.append(outside)
            continue
        article, article_problems = read_article(path)
        problems.extend(article_problems)
        if article is not None:
            articles.append(article)
    infer_years(articles)
    return articles, problems


def source_record(article: Article, project: Project) -> Source:
    return Source(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        byline=article.byline,
        url=article.url,
        file=article.path.resolve().relative_to(project.root.resolve()).as_posix(),
        words=article.words,
    )


def extract_project(project: Project) -> ExtractSummary:
    from generator import extract

    started = time.perf_counter()
    summary = ExtractSummary()
    options, summary.problems = read_options(project.config_file)
    kinds = summary.kinds = project_kinds(options.kinds)
    if summary.problems:
        return summary
    articles, summary.problems = read_articles(project)
    if summary.problems:
        return summary  # keep the previous machine layer rather than publish a partial one
    _apply_editorial_dates(project, articles)

    summary.articles = len(articles)
    summary.words = sum(article.words for article in articles)
    summary.undated = [article.id for article in articles if not article.published]
    summary.inferred = [(article.id, article.published) for article in articles
                        if article.published and "inferred" in (article.date_origin or "")]
    cache_files = {article.id: _cache_file(project, article, extract, kinds) for article in articles}
    _prune_cache(project, set(cache_files.values()))
    sources = [source_record(article, project) for article in articles]
    inputs = layer_stamp.inputs_digest(extractor_fingerprint(extract.EXTRACTOR_VERSION), kinds,
                                       [cache_files[article.id].name for article in articles], sources)
    stamp = _stamp_file(project)
    # A run killed after swapping its layer in may have left the old copy, with nothing left to write.
    recover(project.extracted_dir)
    # Nothing new and the layer as last written: no article to read back, combine or write.
    counts = layer_stamp.up_to_date(stamp, project.extracted_dir, inputs) \
        if all(path.is_file() for path in cache_files.values()) else None
    if counts is not None:
        summary.cached, summary.counts = len(articles), counts
        summary.seconds = time.perf_counter() - started
        return summary

    results, pending = {}, []
    for article in articles:
        cached = _cached(cache_files[article.id], article, extract)
        if cached is not None:
            results[article.id] = cached
        else:
            pending.append(article)
    # The rule modules, imported by the first extraction or combination, compile their
    # large patterns from the programs an earlier run kept.
    with pattern_store.kept_in(project.patterns_cache_dir):
        if pending:
            # One model load and one batched parse for everything that changed, on every core
            # when there is more than one article to parse.
            processes = _cores() if len(pending) > 1 else 1
            for article, result in zip(pending, extract.extract_articles(extract.load_model(), pending, kinds, processes)):
                write_text(cache_files[article.id], json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
                results[article.id] = result
        combined = extract.combine([results[article.id] for article in articles],
                                   {source.id: source.published for source in sources})
    summary.parsed, summary.cached = len(pending), len(articles) - len(pending)

    files = {"sources": sources}
    files.update({kind: combined.get(kind, []) for kind in kinds})
    summary.counts = {kind: len(records) for kind, records in files.items()}
    from generator.extract import changes   # imported only by a run that writes a layer

    dumped = dump_records(files)
    prints = changes.layer_prints(dumped)
    # Compared with the layer in place: its print, or its files when it has no print yet.
    before = changes.read_prints(_prints_file(project))
    if before is None:
        before = changes.prints_of_layer(project.extracted_dir, list(files))
    summary.changes = changes.layer_changes(project, before, prints, files)
    texts = write_machine_layer(project.extracted_dir, dumped, extract.EXTRACTOR_VERSION)
    # The changes are saved before the new print: a run cut short in between compares with
    # the previous print again, and saves the same changes.
    if not summary.changes.nothing:
        changes.save_changes(project, summary.changes)
    changes.write_prints(_prints_file(project), prints)
    layer_stamp.write_stamp(stamp, inputs, texts, summary.counts)
    summary.seconds = time.perf_counter() - started
    return summary


def _cores() -> int:
    """The cores this process may run on: fewer than the machine has under an affinity mask."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # a system without affinity masks
        return os.cpu_count() or 1


def _apply_editorial_dates(project: Project, articles: list[Article]) -> None:
    """An article that states no date (or only a day whose year was inferred) gets the one an editor set under `fix` in
    content/editorial/sources.yaml, so its relative dates ("on Sunday") can be resolved.
    The file is only read here; a malformed one is left for `explainer check` to report."""
    fixes = read_overrides(project.editorial_dir, "sources").fix
    for article in articles:
        fix = fixes.get(article.id)
        published = fix.get("published") if isinstance(fix, dict) else None
        guessed = article.published is None or "inferred" in (article.date_origin or "")
        if guessed and isinstance(published, str) and is_real_date(published):
            article.published, article.date_origin = published, "editorial"


@functools.cache
def extractor_fingerprint(version: str) -> str:
    """The version plus a digest of the extractors' code and data, of the records they make,
    of how ids are made, and of the gazetteer (its module and its knowledge files), so that a
    change to the rules invalidates the cache even when nobody remembered to bump the version."""
    extract = Path(__file__).parent
    model = extract.parent / "model"
    digest = hashlib.sha256(version.encode())
    # ids.py too: it makes the facts' ids, and a change to it changes ids.
    for path in sorted([*extract.rglob("*.py"), *extract.rglob("*.yaml"), model / "gazetteer.py",
                        model / "ids.py", model / "records.py", *(model / "kinds").glob("*.py"),
                        *(model / "knowledge").glob("*.tsv")]):
        digest.update(path.read_bytes())
    return f"{version}-{digest.hexdigest()[:12]}"


def _cache_file(project: Project, article: Article, extract, kinds: list[str]) -> Path:
    # The date is part of the key (relative dates are resolved against it), and so is the id,
    # which the facts carry: two copies of one text get an entry each. So are the kinds: a
    # kind switched on later must be extracted, not read as empty from the cache.
    # An undated article's story years too: a day it writes without a year is dated by them.
    key = hashlib.sha256(f"{article.digest}:{article.published}:{article.story_years}:{article.id}:"
                         f"{','.join(kinds)}".encode()).hexdigest()
    return project.cache_dir / f"{key[:32]}-{extractor_fingerprint(extract.EXTRACTOR_VERSION)}.json"


def _stamp_file(project: Project) -> Path:
    # Not a .json file: `_prune_cache` keeps only the entries of the current articles.
    return project.cache_dir / "layer.stamp"


def _prints_file(project: Project) -> Path:
    """The print of every record of the layer in place (`changes`), beside the stamp and read
    only by a run that writes a new layer: a run with nothing new never opens it."""
    return project.cache_dir / "layer.records"


def _cached(cache_file: Path, article: Article, extract):
    """The cached facts of an unchanged article, or None (a stale or broken entry is ignored)."""
    if not cache_file.is_file():
        return None
    try:
        result = extract.ArticleFacts.model_validate_json(cache_file.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return result if result.source == article.id else None


def _prune_cache(project: Project, keep: set[Path]) -> None:
    """Entries of removed articles or older extractors would only grow the folder."""
    for path in project.cache_dir.glob("*.json"):
        if path not in keep:
            path.unlink(missing_ok=True)


def _written(record) -> dict:
    """A record as its file holds it: no empty fields of None, and no empty history, which
    most facts have (a status or role never reported to change)."""
    data = record.model_dump(mode="json", exclude_none=True)
    if data.get("history") == []:
        del data["history"]
    return data


def dump_records(files: dict[str, list]) -> dict[str, list[dict]]:
    """The records of each file as the layer writes them, dumped once for the files and the
    print of the layer (`changes`)."""
    return {kind: [_written(record) for record in records] for kind, records in files.items()}


def write_machine_layer(target: Path, dumped: dict[str, list[dict]], version: str) -> dict[str, str]:
    """The machine layer, from the records as `dump_records` gives them, swapped in whole; a
    file whose bytes are unchanged is not rewritten. The texts of the files, by name."""
    texts = {}
    for kind, records in dumped.items():
        data = {"extractor": version, kind: records}
        texts[f"{kind}.yaml"] = dump_yaml(data, modeline(f"extracted/{kind}") + HEADER.format(kind=kind))
    replace_folder(target, texts)
    return texts
