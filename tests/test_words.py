"""Words that belong to a story live in the project: site.yaml's `pages` and `statuses`, with
neutral defaults in the code; and a project's own templates replace the theme's."""

from __future__ import annotations

from generator.model.facts import SiteText
from generator.site.navigation import PAGES, page_nav
from generator.site.render import render_site
from tests.factories import build_site, make_facts, make_story, write_project


def with_words(**words):
    facts = make_facts()
    site = SiteText.model_validate({**facts.site.model_dump(), **words})
    return facts.model_copy(update={"site": site})


def test_neutral_defaults_when_the_project_gives_no_words():
    facts = make_facts().model_copy(update={"site": SiteText()})
    home = render_site(facts)["index.md"]
    for spec in PAGES[2:]:
        assert f">{spec.title}</a>" in home and spec.blurb in home
    assert "# Background" in render_site(facts)["background.md"]


def test_page_titles_and_blurbs_come_from_site_yaml():
    facts = with_words(pages={"pledges": {"title": "Promises", "blurb": "who promised what"},
                              "who": {"blurb": "everyone taking part"}})
    pages = render_site(facts)
    assert pages["pledges.md"].startswith("# Promises\n")
    assert ">Promises</a>" in pages["index.md"] and "who promised what" in pages["index.md"]
    assert "everyone taking part" in pages["index.md"] and "Who is involved" in pages["index.md"]
    # MkDocs takes nav titles as HTML: a title from the project is left to the page's escaped heading.
    assert "pledges.md" in page_nav(facts) and {"Who is involved": "who.md"} in page_nav(facts)


def test_status_headings_and_labels_come_from_site_yaml():
    facts = with_words(statuses={"lead": {"heading": "Steering the effort", "label": "steers"}})
    who = render_site(facts)["who.md"]
    assert 'data-status="lead">steers</span>' in who
    assert 'colspan="5">Steering the effort' in who
    assert 'colspan="5">Members' in who  # a status without words keeps the default heading


def test_the_background_headings_come_from_site_yaml():
    default = render_site(make_facts())["background.md"]
    assert "## Earlier coalitions" in default
    facts = with_words(pages={"coalitions": {"heading": "Juntas before this one", "empty": "None before."}})
    assert "## Juntas before this one" in render_site(facts)["background.md"]
    empty = facts.model_copy(update={"coalitions": []})
    assert "None before." in render_site(empty)["background.md"]


def test_words_are_escaped_like_every_other_value():
    facts = with_words(pages={"timeline": {"title": "<script>x</script> *when*"}})
    timeline = render_site(facts)["timeline.md"]
    assert "<script>" not in timeline and "&#42;when&#42;" in timeline


# -- a project's own templates --------------------------------------------------------------------


def test_a_project_template_replaces_the_theme_page_and_partial(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "timeline.md.j2").write_text("# Our own timeline: {{ page.title }}\n", encoding="utf-8")
    (tmp_path / "partials" / "status.j2").write_text(
        "{% macro status_badge(participant) -%}<em>{{ participant.status_label }}</em>{%- endmacro %}\n",
        encoding="utf-8")
    pages = render_site(make_facts(), templates=tmp_path)
    assert pages["timeline.md"] == "# Our own timeline: Timeline\n"
    assert "<em>lead</em>" in pages["who.md"]             # the theme's page, with the project's partial
    assert pages["sources.md"] == render_site(make_facts())["sources.md"]   # the others are the theme's


def test_the_plugin_option_templates_is_used_in_a_build(tmp_path):
    project = write_project(make_story(), tmp_path / "project")
    (project / "own").mkdir()
    (project / "own" / "about.md.j2").write_text("# Made by us\n\nAll our own work.\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("      kinds:", "      templates: own\n      kinds:"),
                                        encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    assert "All our own work." in (site / "about" / "index.html").read_text(encoding="utf-8")
