"""An editor's fix against a newer extraction: `fixed_from`, conflicts and their problems."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.content.reader import load_facts
from tests.test_reader import EXTRACTED, make_project, messages

# The extraction of today: Store's role is "Prime Minister", and his evidence is two passages.
PEOPLE = EXTRACTED["people"].replace("  evidence:\n", "  evidence:\n          - {source: oslo, quote: Store said.}\n")
# A fix written when extraction gave "Minister".
FIXED = """
    fix:
      jonas-gahr-store:
        role: Prime Minister of Norway
    fixed_from:
      jonas-gahr-store:
        role: Minister
"""
CONFLICT = ("content/editorial/people.yaml:3:5: jonas-gahr-store: role was fixed to 'Prime Minister of "
            "Norway' when extraction gave 'Minister'; a newer extraction gives 'Prime Minister' (oslo: "
            "\"Norwegian Prime Minister Jonas Gahr Store hosted the talks on Monday.\"); keep the fix by setting "
            "fixed_from to the new value, or remove the fix to take it")


def project_with(tmp_path, people: str, **editorial: str):
    return make_project(tmp_path, editorial={"people": people, **editorial}, extracted={"people": PEOPLE})


def test_a_fixed_field_that_extraction_now_gives_a_third_value_is_a_conflict_at_the_fix(tmp_path):
    project = project_with(tmp_path, FIXED)
    # The source named is the passage that holds the new value, whatever its case.
    assert messages(project) == [CONFLICT]


def test_no_conflict_when_extraction_gives_what_the_fix_was_written_over_or_the_fix_itself(tmp_path):
    unchanged = project_with(tmp_path / "unchanged", """
        fix:
          jonas-gahr-store:
            role: Prime Minister of Norway
        fixed_from:
          jonas-gahr-store:
            role: Prime Minister
    """)
    assert messages(unchanged) == []
    assert load_facts(unchanged.root).people[0].role == "Prime Minister of Norway"
    caught_up = project_with(tmp_path / "caught-up", """
        fix:
          jonas-gahr-store:
            role: Prime Minister
        fixed_from:
          jonas-gahr-store:
            role: Minister
    """)
    assert messages(caught_up) == []


def test_null_stands_for_a_field_extraction_left_unset(tmp_path):
    project = project_with(tmp_path, """
        fix:
          jonas-gahr-store:
            aliases: [Store]
        fixed_from:
          jonas-gahr-store:
            aliases: null
    """)
    assert messages(project) == []
    changed = project_with(tmp_path / "unset", """
        fix:
          jonas-gahr-store:
            role: Prime Minister of Norway
        fixed_from:
          jonas-gahr-store:
            role: null
    """)
    assert [message.split("; a newer")[0] for message in messages(changed)] == [
        "content/editorial/people.yaml:3:5: jonas-gahr-store: role was fixed to 'Prime Minister of Norway' "
        "when extraction gave no value"]


def test_without_a_passage_holding_the_new_value_the_first_evidence_is_named(tmp_path):
    project = project_with(tmp_path, """
        fix:
          jonas-gahr-store:
            country: SE
        fixed_from:
          jonas-gahr-store:
            country: DK
    """)
    assert messages(project) == [
        "content/editorial/people.yaml:3:5: jonas-gahr-store: country was fixed to 'SE' when extraction gave "
        "'DK'; a newer extraction gives 'NO' (oslo: \"Store said.\"); keep the fix by setting fixed_from to the "
        "new value, or remove the fix to take it"]


def test_a_quote_is_its_own_source(tmp_path):
    project = make_project(tmp_path, editorial={"quotes": """
        fix:
          store-we-will-stand:
            text: We will stand together
        fixed_from:
          store-we-will-stand:
            text: We will stand
    """})
    assert messages(project) == [
        "content/editorial/quotes.yaml:3:5: store-we-will-stand: text was fixed to 'We will stand together' when "
        "extraction gave 'We will stand'; a newer extraction gives 'We will stand together,' (oslo: \"We will "
        "stand together,\"); keep the fix by setting fixed_from to the new value, or remove the fix to take it"]


def test_a_rejected_fact_has_no_conflict(tmp_path):
    project = project_with(tmp_path, FIXED + "    reject:\n      jonas-gahr-store: not in this story\n",
                           quotes="reject:\n  store-we-will-stand: its speaker is rejected\n")
    assert messages(project) == []


def test_every_fixed_from_problem_is_reported_in_one_run_with_its_position(tmp_path):
    people = FIXED + "        country: 'NO'\n      jonas-gahr-stor:\n        role: Minister\n    confirm: [jonas-gahr-store]\n"
    project = project_with(tmp_path, people, participants="""
        fixed_from:
          'NO':
            status: member
    """, quotes="""
        fix:
          store-we-will-stand:
            text: We will stand together,
        fixed_from:
          store-we-will-stand: We will stand
    """, events="fixed_from: [a, b]\n")
    assert sorted(messages(project)) == [
        "content/editorial/events.yaml:1:13: 'fixed_from' must be a mapping of id to value",
        "content/editorial/participants.yaml:2:3: 'NO' has no fix; fixed_from records what extraction gave for "
        "the fields a fix sets, so remove this entry or write the fix under 'fix'",
        CONFLICT,
        "content/editorial/people.yaml:7:5: the fix of 'jonas-gahr-store' does not set 'country'; remove it "
        "from fixed_from, or fix the field too",
        "content/editorial/people.yaml:8:3: no people fact with id 'jonas-gahr-stor'; did you mean "
        "'jonas-gahr-store'?",
        "content/editorial/quotes.yaml:5:24: a fixed_from entry is a mapping of field: the value extraction gave",
    ]


def test_check_and_build_refuse_a_conflict(tmp_path):
    project = project_with(tmp_path, FIXED)
    check = CliRunner().invoke(main, ["--project", str(project.root), "check"])
    assert check.exit_code == 1
    assert check.stderr.splitlines() == [CONFLICT, "1 problem found."]
    build = CliRunner().invoke(main, ["--project", str(project.root), "build"])
    assert build.exit_code == 1
    assert build.stderr.splitlines() == [CONFLICT, "1 problem found.", "The site was not changed."]
    assert not (project.root / "site").exists()
