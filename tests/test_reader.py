"""Loading and checking content/: merge of the two layers, and problems with positions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.content.reader import load_facts, read_content
from generator.model.errors import ContentError
from generator.files.project import Project

ARTICLE = (
    " date 2025-03-04 Ministers meet in Oslo\n\n"
    "Norwegian Prime Minister Jonas Gahr Store hosted the talks on Monday.\n"
    "\u201cWe will stand together,\u201d Store said.\n"
)

EXTRACTED = {
    "sources": """
        sources:
        - id: oslo
          title: Ministers meet in Oslo
          published: '2025-03-04'
          file: seeds/oslo.txt
    """,
    "people": """
        extractor: test/1
        people:
        - id: jonas-gahr-store
          name: Jonas Gahr Store
          role: Prime Minister
          country: 'NO'
          evidence:
          - source: oslo
            quote: Norwegian Prime Minister Jonas Gahr Store hosted the talks on Monday.
    """,
    "participants": """
        participants:
        - id: 'NO'
          name: Norway
          kind: country
          status: lead
          evidence:
          - {source: oslo, quote: Norwegian Prime Minister Jonas Gahr Store hosted the talks}
    """,
    "quotes": """
        quotes:
        - id: store-we-will-stand
          speaker: jonas-gahr-store
          text: We will stand together,
          source: oslo
    """,
}


def make_project(root: Path, editorial: dict[str, str] | None = None,
                 extracted: dict[str, str] | None = None,
                 kinds: tuple[str, ...] = ("pledges", "plan", "coalitions")) -> Project:
    """A project with these story kinds switched on (all of them unless told)."""
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "oslo.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "mkdocs.yml").write_text(f"site_name: test\nplugins:\n  - explainer:\n      kinds: [{', '.join(kinds)}]\n",
                                     encoding="utf-8")
    for folder, files in (("extracted", {**EXTRACTED, **(extracted or {})}), ("editorial", editorial or {})):
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
        for kind, text in files.items():
            (root / "content" / folder / f"{kind}.yaml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return Project(root)


def messages(project: Project) -> list[str]:
    _, problems = read_content(project)
    return [problem.format(project.root) for problem in problems]


def test_clean_content_loads_into_one_graph(tmp_path):
    facts = load_facts(make_project(tmp_path).root)
    assert [person.id for person in facts.people] == ["jonas-gahr-store"]
    assert facts.quotes[0].speaker == "jonas-gahr-store"
    assert facts.sources[0].published == "2025-03-04"
    assert facts.reviewed == set()


def test_editorial_fix_confirm_reject_and_add(tmp_path):
    project = make_project(tmp_path, editorial={
        "people": """
            fix:
              jonas-gahr-store:
                role: Prime Minister of Norway
            add:
            - id: anna-berg
              name: Anna Berg
              evidence:
              - {source: oslo, quote: hosted the talks on Monday}
        """,
        "participants": """
            confirm: ['NO']
        """,
        "quotes": """
            reject:
              store-we-will-stand: speaker unclear
        """,
    })
    facts = load_facts(project.root)
    people = {person.id: person for person in facts.people}
    assert people["jonas-gahr-store"].role == "Prime Minister of Norway"
    assert people["jonas-gahr-store"].name == "Jonas Gahr Store"  # untouched fields stay
    assert "anna-berg" in people
    assert facts.quotes == []
    assert facts.reviewed == {"jonas-gahr-store", "anna-berg", "NO"}


def test_every_problem_is_reported_with_its_position(tmp_path):
    project = make_project(tmp_path, editorial={
        "people": """
            fix:
              jonas-gahr-store:
                rol: Prime Minister
              nobody-here:
                role: x
            add:
            - id: anna-berg
              name: Anna Berg
              evidence:
              - {source: oslo, quote: this sentence is not in the article}
        """,
        "quotes": """
            add:
            - id: ghost-quote
              speaker: ghost
              text: We will stand together,
              source: oslo
        """,
    })
    found = messages(project)
    assert found == [
        "content/editorial/people.yaml:3:5: unknown key 'rol'; did you mean 'role'?",
        "content/editorial/people.yaml:4:3: no people fact with id 'nobody-here'; "
        "it may have been renamed by a new extraction",
        "content/editorial/people.yaml:10:27: quote is not verbatim in source 'oslo': "
        "\"this sentence is not in the article\"; copy the words exactly as the article has them",
        "content/editorial/quotes.yaml:3:12: no person with id 'ghost'",
    ]


def test_yaml_syntax_error_names_line_and_column(tmp_path):
    project = make_project(tmp_path, editorial={"people": "fix:\n  a: [unclosed\n"})
    found = messages(project)
    assert len(found) == 1
    assert found[0].startswith("content/editorial/people.yaml:3:1: YAML syntax error")


def test_wrong_types_and_bad_dates_get_hints(tmp_path):
    project = make_project(tmp_path, editorial={"events": """
        add:
        - id: talks
          date: 4 March 2025
          title: Talks in Oslo
          approximate: sometimes
          evidence:
          - {source: oslo, quote: hosted the talks on Monday}
    """})
    found = messages(project)
    assert "content/editorial/events.yaml:3:9: '4 March 2025' is not a date: write a date as YYYY, " \
           "YYYY-MM or YYYY-MM-DD (keep only the precision the source gives)" in found
    assert any(line.startswith("content/editorial/events.yaml:5:16: approximate:") for line in found)


def test_duplicate_ids_and_adding_an_existing_id(tmp_path):
    project = make_project(tmp_path, editorial={"people": """
        add:
        - id: jonas-gahr-store
          name: Jonas Gahr Store
          evidence: [{source: oslo, quote: Store said}]
    """})
    assert messages(project) == [
        "content/editorial/people.yaml:2:7: 'jonas-gahr-store' already exists in "
        "content/extracted/people.yaml; correct it under 'fix' instead of adding it again"
    ]


def test_unknown_source_and_missing_evidence(tmp_path):
    project = make_project(tmp_path, editorial={"participants": """
        add:
        - {id: FR, name: France, kind: country, status: likely}
        - id: DK
          name: Denmark
          kind: country
          status: likely
          evidence: [{source: nowhere, quote: x}]
    """})
    assert messages(project) == [
        "content/editorial/participants.yaml:2:3: participants 'FR' has no evidence; "
        "add at least one {source, quote} from an article",
        "content/editorial/participants.yaml:7:23: unknown source 'nowhere'; "
        "sources are the ids in content/extracted/sources.yaml",
    ]


def test_bad_articles_are_problems(tmp_path):
    project = make_project(tmp_path)
    (tmp_path / "seeds" / "latin1.txt").write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    (tmp_path / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    assert messages(project) == [
        "seeds/empty.txt:1:1: article is empty; add its text or remove the file",
        "seeds/latin1.txt:1:4: article is not UTF-8 (byte 0xe9); re-save it as UTF-8",
    ]


def test_load_facts_raises_with_every_problem(tmp_path):
    project = make_project(tmp_path, editorial={"quotes": "reject:\n  a: x\n  b: y\n"})
    with pytest.raises(ContentError) as raised:
        load_facts(project.root)
    assert len(raised.value.problems) == 2
    assert raised.value.report().endswith("2 problems found.")


def test_an_impossible_unquoted_date_is_a_problem_not_a_crash(tmp_path):
    project = make_project(tmp_path, editorial={"events": """
        add:
        - id: talks
          date: 2025-13-01
          title: Talks in Oslo
          evidence: [{source: oslo, quote: hosted the talks on Monday}]
    """})
    assert messages(project) == [
        "content/editorial/events.yaml:3:9: '2025-13-01' is not a date: write a date as YYYY, "
        "YYYY-MM or YYYY-MM-DD (keep only the precision the source gives)"
    ]


@pytest.mark.parametrize("country, hint", [
    ("XX", "did you mean 'XK'?"), ("QQ", "did you mean 'QA'?"), ("no", "did you mean 'NO'?"),
    ("France", "did you mean 'FR'?"), ("natoo", "did you mean 'nato'?"),
    ("zzzzzzzz", "use a two-letter code such as GB, an organisation id such as nato, or a participant's id"),
])
def test_a_persons_country_must_be_a_country_an_organisation_or_a_participant(tmp_path, country, hint):
    project = make_project(tmp_path, editorial={"people": f"fix:\n  jonas-gahr-store:\n    country: {country}\n"})
    assert messages(project) == [
        f"content/editorial/people.yaml:3:14: '{country}' is neither an ISO 3166 alpha-2 country code, "
        f"a known organisation id nor a participant id; {hint}"
    ]


@pytest.mark.parametrize("country", ["TD", "SD", "african-union", "european-council", "who"])
def test_a_person_may_belong_to_any_known_country_or_organisation_taking_part_or_not(tmp_path, country):
    project = make_project(tmp_path, editorial={"people": f"fix:\n  jonas-gahr-store:\n    country: {country}\n"})
    assert messages(project) == []


@pytest.mark.parametrize("actor, problems", [
    ("african-union", []),
    ("QQ", ["content/editorial/pledges.yaml:3:10: 'QQ' is neither an ISO 3166 alpha-2 country code, "
            "a known organisation id nor a participant id; did you mean 'QA'?"]),
])
def test_a_pledges_actor_must_be_a_country_an_organisation_or_a_participant(tmp_path, actor, problems):
    project = make_project(tmp_path, editorial={"pledges": f"""
        add:
        - id: a-pledge
          actor: {actor}
          summary: talks
          evidence: [{{source: oslo, quote: hosted the talks on Monday}}]
    """})
    project.config_file.write_text("site_name: test\nplugins:\n  - explainer:\n      kinds: [pledges]\n", encoding="utf-8")
    assert messages(project) == problems


def test_a_quotes_context_must_be_verbatim_too(tmp_path):
    project = make_project(tmp_path, editorial={"quotes": """
        fix:
          store-we-will-stand:
            context: Words the article never printed.
    """})
    assert messages(project) == [
        "content/editorial/quotes.yaml:3:14: quote is not verbatim in source 'oslo': "
        "\"Words the article never printed.\"; copy the words exactly as the article has them",
    ]
