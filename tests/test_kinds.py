"""Core and story kinds: how a project chooses them, and that only its kinds exist.

Covers the plugin options read from mkdocs.yml (generator/files/project.py), the content
reader's refusal of a disabled kind's files, `explainer new --kinds`, the extractor registry,
schemas and facts.json sections, and the pages a project gets.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.content.reader import read_content
from generator.content.schemas import schema_files
from generator.extract.registry import EXTRACTORS, extractors_for
from generator.files.project import Project, read_options
from generator.model.facts import CORE_KINDS, project_kinds
from generator.model.kinds import STORY_KINDS
from generator.site.export import facts_document, facts_schema
from generator.site.navigation import page_nav
from generator.site.render import render_site
from tests.factories import make_facts
from tests.test_cli import run
from tests.test_reader import make_project


def write_config(folder: Path, plugin: str) -> Path:
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: test\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n"
        "  - search\n" + plugin, encoding="utf-8")
    return config


# -- the options in mkdocs.yml ------------------------------------------------------------


def test_options_are_read_past_the_tags_of_markdown_extensions(tmp_path):
    config = write_config(tmp_path, "  - explainer:\n      kinds: [coalitions, pledges]\n")
    options, problems = read_options(config)
    assert problems == []
    assert options.kinds == ("pledges", "coalitions")  # in the order of STORY_KINDS


def test_a_plugin_without_options_has_no_story_kinds(tmp_path):
    options, problems = read_options(write_config(tmp_path, "  - explainer\n"))
    assert (options.kinds, options.templates, problems) == ((), None, [])


def test_an_unknown_kind_is_reported_at_its_line_and_column(tmp_path):
    config = write_config(tmp_path, "  - explainer:\n      kinds: [pledges, plans]\n")
    _, problems = read_options(config)
    assert [problem.format(tmp_path) for problem in problems] == [
        "mkdocs.yml:8:24: unknown kind 'plans' under plugins: explainer: kinds; "
        "the kinds are pledges, plan, coalitions"]


def test_kinds_must_be_a_list(tmp_path):
    _, problems = read_options(write_config(tmp_path, "  - explainer:\n      kinds: pledges\n"))
    assert [problem.message for problem in problems] == [
        "'kinds' under plugins: explainer must be a list of kinds: pledges, plan, coalitions"]


def test_the_command_line_reports_an_unknown_kind(tmp_path):
    make_project(tmp_path, kinds=("pledge",))
    result = run("--project", str(tmp_path), "check")
    assert result.exit_code == 1
    assert "mkdocs.yml:4:15: unknown kind 'pledge' under plugins: explainer: kinds" in result.stderr


def test_mkdocs_refuses_an_unknown_kind_naming_the_key(tmp_path, caplog):
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: test\nplugins:\n  - explainer:\n      kinds: [plans]\n", encoding="utf-8")
    with pytest.raises(Abort):  # MkDocs logs each configuration error, then aborts once
        load_config(str(config))
    assert "Plugin 'explainer' option 'kinds': Expected one of: ('pledges', 'plan', 'coalitions') " \
           "but received: 'plans'" in caplog.text


# -- content of the kinds a project has -------------------------------------------------------


def test_a_file_of_a_kind_that_is_off_is_an_error_saying_so(tmp_path):
    project = make_project(tmp_path, kinds=(), editorial={"plan": "confirm: []\n"})
    _, problems = read_content(project)
    assert [problem.format(tmp_path) for problem in problems] == [
        "content/editorial/plan.yaml:1:1: not read: the kind 'plan' is off in this project; switch it on "
        "in mkdocs.yml (plugins: - explainer: kinds: [plan]) or remove this file"]


def test_a_kind_that_is_off_is_not_read(tmp_path):
    # Its file would be an error anyway; what matters is that nothing of it reaches the facts.
    project = make_project(tmp_path, kinds=("pledges",))
    facts, problems = read_content(project)
    assert problems == []
    assert facts.kinds == [*CORE_KINDS[:3], "pledges", *CORE_KINDS[3:]]
    assert facts.plan == [] and facts.coalitions == []


def test_schemas_exist_only_for_the_kinds_a_project_has():
    names = set(schema_files(project_kinds(())))
    assert "editorial/people.schema.json" in names and "extracted/conflicts.schema.json" in names
    assert not any(kind in name for name in names for kind in STORY_KINDS)
    assert "editorial/plan.schema.json" in set(schema_files(project_kinds(("plan",))))


def test_facts_json_has_no_section_for_a_kind_that_is_off():
    facts = make_facts().model_copy(update={"kinds": project_kinds(("plan",))})
    document = facts_document(facts)
    schema = facts_schema(facts.kinds)
    assert "plan" in document and "pledges" not in document and "coalitions" not in document
    assert set(schema["properties"]) == set(document)
    assert "pledge" not in schema["$defs"] and "plan_point" in schema["$defs"]


def test_pages_and_navigation_exist_only_for_the_kinds_a_project_has():
    facts = make_facts().model_copy(update={"kinds": list(CORE_KINDS)})
    pages = render_site(facts)
    assert "pledges.md" not in pages
    assert "Earlier coalitions" not in pages["background.md"]
    targets = [item if isinstance(item, str) else next(iter(item.values())) for item in page_nav(facts)]
    assert "pledges.md" not in targets


def test_the_disagreements_page_shows_only_when_sources_disagree():
    facts = make_facts()
    assert facts.conflicts and "disagreements.md" in render_site(facts)
    agreeing = facts.model_copy(update={"conflicts": []})
    pages = render_site(agreeing)
    assert "disagreements.md" not in pages
    assert "Where sources disagree" not in pages["index.md"] + pages["about.md"]


# -- extractors -------------------------------------------------------------------------------


def test_the_registry_names_each_extractor_with_a_version_and_runs_people_first():
    assert [extractor.name for extractor in EXTRACTORS][0] == "people.v1"
    assert all(extractor.name == f"{extractor.kind}.v1" for extractor in EXTRACTORS)
    # Figures are followed from the conflicts extractor's claims: no extractor of their own.
    assert {extractor.kind for extractor in EXTRACTORS} == set(CORE_KINDS) - {"figures"} | set(STORY_KINDS)


def test_story_kind_extractors_run_only_with_their_kind():
    assert {extractor.kind for extractor in extractors_for(project_kinds(()))} == set(CORE_KINDS) - {"figures"}
    assert "plan" in {extractor.kind for extractor in extractors_for(project_kinds(("plan",)))}


# -- `explainer new` --------------------------------------------------------------------------


def test_new_switches_on_no_story_kind_by_default(tmp_path):
    assert run("new", str(tmp_path / "story")).exit_code == 0
    project = Project(tmp_path / "story")
    assert project.options().kinds == ()
    assert not any(kind in path.name for path in project.schema_dir.rglob("*.json") for kind in STORY_KINDS)


def test_new_accepts_kinds(tmp_path):
    assert run("new", str(tmp_path / "story"), "--kinds", "plan,pledges").exit_code == 0
    project = Project(tmp_path / "story")
    assert project.options().kinds == ("pledges", "plan")
    assert (project.schema_dir / "editorial" / "plan.schema.json").is_file()
    assert not (project.schema_dir / "editorial" / "coalitions.schema.json").exists()


def test_new_refuses_an_unknown_kind(tmp_path):
    result = run("new", str(tmp_path / "story"), "--kinds", "pledges,treaties")
    assert result.exit_code == 2
    assert "unknown kind 'treaties'; the kinds are pledges, plan, coalitions" in result.output
    assert not (tmp_path / "story").exists()


def test_a_new_project_with_kinds_builds(tmp_path):
    assert run("new", str(tmp_path / "story"), "--kinds", "pledges").exit_code == 0
    result = run("--project", str(tmp_path / "story"), "build")
    assert result.exit_code == 0, result.output
    facts = json.loads((tmp_path / "story" / "site" / "data" / "facts.json").read_text(encoding="utf-8"))
    assert "pledges" in facts and "plan" not in facts


# -- a project on another story ----------------------------------------------------------------

STORY_WORDS = re.compile(r"coalition|ukrain|summit|pledge|troop|commitment", re.I)


def test_a_new_project_on_another_story_speaks_only_of_it(tmp_path):
    # Real articles of two stories that are not the coalition's, as an editor would start.
    story = tmp_path / "story"
    assert run("new", str(story), "--title", "The earthquake and the trial").exit_code == 0
    corpus = Path(__file__).parent / "corpus" / "real"
    articles = sorted([*corpus.glob("myanmar-earthquake/dev/articles/*.txt"), *corpus.glob("le-pen-trial/dev/articles/*.txt")])
    for article in articles:
        shutil.copy(article, story / "seeds" / article.name)
    said = {match.lower() for article in articles for match in STORY_WORDS.findall(article.read_text(encoding="utf-8"))}

    for command in ("extract", "check", "build"):
        result = run("--project", str(story), command)
        assert result.exit_code == 0, f"{command}: {result.output}"
    site = story / "site"
    pages = {path.relative_to(site).as_posix(): re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))
             for path in site.rglob("*.html")}
    assert len(pages) > len(articles)
    unsaid = [f"{path}: {match}" for path, text in pages.items() for match in STORY_WORDS.findall(text)
              if match.lower() not in said]
    assert unsaid == []
    facts = json.loads((site / "data" / "facts.json").read_text(encoding="utf-8"))
    assert not set(STORY_KINDS) & set(facts) and facts["people"] and facts["sources"]
