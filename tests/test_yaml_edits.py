"""Precise edits of editorial YAML: what changes is what was meant, everything else byte for byte."""

from __future__ import annotations

import copy
import difflib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.content.schemas import EDITORIAL_SECTIONS
from generator.files.yaml_edits import EditRefused, YamlText, scalar
from generator.files.yamlfile import load_yaml_text

MODELINE = "# yaml-language-server: $schema=../schema/editorial/people.schema.json\n"

PEOPLE = MODELINE + """\
# Editors' corrections to content/extracted/people.yaml, by person id.
confirm:
  - alexander-stubb
  - donald-tusk   # the Polish prime minister
  - keir-starmer

fix:
  jd-vance:
    role: Vice President
    country: US

# Names the tagger doubted: not people.
reject:
  al-jazeera: a news outlet
"""


def read(text: str):
    document, problems = load_yaml_text(text)
    assert problems == []
    return document.data or {}


def edited(text: str, *edits) -> str:
    document = YamlText(text, EDITORIAL_SECTIONS)
    for method, *arguments in edits:
        getattr(document, method)(*arguments)
    return document.full_text


def test_an_id_joins_a_block_list_in_its_sorted_place():
    after = edited(PEOPLE, ("append", ("confirm",), "emmanuel-macron"))
    assert after == PEOPLE.replace("  - keir-starmer\n", "  - emmanuel-macron\n  - keir-starmer\n")


def test_a_flow_list_stays_a_flow_list_with_its_comment():
    text = MODELINE + "confirm: [b, d]  # two so far\n"
    assert edited(text, ("append", ("confirm",), "c")) == MODELINE + "confirm: [b, c, d]  # two so far\n"
    assert edited(text, ("append", ("confirm",), "e")) == MODELINE + "confirm: [b, d, e]  # two so far\n"
    assert edited(text, ("remove", ("confirm",), "b")) == MODELINE + "confirm: [d]  # two so far\n"


def test_an_unsorted_list_gets_the_id_at_its_end():
    text = "confirm:\n- zeta\n- alpha\n"
    assert edited(text, ("append", ("confirm",), "beta")) == "confirm:\n- zeta\n- alpha\n- beta\n"


def test_new_items_follow_the_quotes_of_their_neighbours():
    text = "confirm:\n  - 'CA'\n  - 'FR'\n"
    assert edited(text, ("append", ("confirm",), "DE")) == "confirm:\n  - 'CA'\n  - 'DE'\n  - 'FR'\n"


def test_a_fix_and_what_extraction_gave_are_written_in_the_files_own_layout():
    after = edited(PEOPLE, ("set", ("fix", "keir-starmer", "role"), "Prime Minister of the United Kingdom"),
                   ("set", ("fixed_from", "keir-starmer", "role"), "Prime Minister"),
                   ("set", ("fixed_from", "keir-starmer", "country"), None))
    assert after == PEOPLE.replace("    country: US\n", (
        "    country: US\n"
        "  keir-starmer:\n"
        "    role: Prime Minister of the United Kingdom\n")) + (
        "\n"
        "fixed_from:\n"
        "  keir-starmer:\n"
        "    role: Prime Minister\n"
        "    country: null\n")


def test_a_value_is_replaced_where_it_stands_and_keeps_its_line():
    after = edited(PEOPLE, ("set", ("fix", "jd-vance", "role"), "Vice President of the United States"))
    assert after == PEOPLE.replace("role: Vice President\n", "role: Vice President of the United States\n")
    text = "fix:\n  e:\n    people: [a, b]  # both\n    aliases:\n      - x\n    title: T\n"
    assert edited(text, ("set", ("fix", "e", "people"), ["c"]), ("set", ("fix", "e", "aliases"), ["y", "z"])) == \
        "fix:\n  e:\n    people: [c]  # both\n    aliases: [y, z]\n    title: T\n"


def test_a_section_goes_in_its_place_and_a_removed_one_leaves_its_neighbours():
    text = MODELINE + "# About these.\nreject:\n  kyiv: a city\n"
    after = edited(text, ("append", ("confirm",), "a"))
    assert after == MODELINE + "# About these.\nconfirm:\n  - a\nreject:\n  kyiv: a city\n"
    assert edited(after, ("delete", ("reject", "kyiv"))) == MODELINE + "# About these.\nconfirm:\n  - a\n"
    # An emptied section goes, and so does the blank line it leaves between two others.
    assert edited(PEOPLE, ("delete", ("fix", "jd-vance"))) == PEOPLE.replace(
        "fix:\n  jd-vance:\n    role: Vice President\n    country: US\n\n", "")


def test_a_file_of_comments_only_and_a_key_without_a_value_are_filled_in():
    text = MODELINE + "# Editors' corrections, by quote id.\n"
    assert edited(text, ("set", ("reject", "q1"), "a fragment")) == text + "reject:\n  q1: a fragment\n"
    assert edited("fix:\nreject: ~   # none yet\n", ("set", ("fix", "a", "role"), "R"),
                  ("set", ("reject", "b"), "why")) == "fix:\n  a:\n    role: R\nreject:   # none yet\n  b: why\n"
    assert edited("confirm:", ("append", ("confirm",), "a")) == "confirm:\n  - a\n"


def test_a_json_file_is_edited_as_json_like_flow():
    text = json.dumps({"confirm": ["a", "c"]}, indent=2) + "\n"
    after = edited(text, ("append", ("confirm",), "b"), ("set", ("reject", "d"), "no"))
    assert read(after) == {"confirm": ["a", "b", "c"], "reject": {"d": "no"}}
    assert after.startswith('{\n  "confirm": [\n    "a",\n    "b", "c"\n  ]')


@pytest.mark.parametrize("reason, written", [
    ("a city: not a person", "'a city: not a person'"),
    ("the outlet's name", "the outlet's name"),
    ("'quoted' at the start", "'''quoted'' at the start'"),
    ('says "no"', 'says "no"'),
    ("Kjær, ø and ß", "'Kjær, ø and ß'"),
    ("one line\nand another", '"one line\\nand another"'),
    ("yes", "'yes'"),
    ("2025-03-03", "'2025-03-03'"),
    ("# not a comment", "'# not a comment'"),
    ("- not a list", "'- not a list'"),
    ("tab\there", '"tab\\there"'),
    ("", "''"),
])
def test_reasons_are_quoted_only_as_yaml_needs(reason, written):
    after = edited("reject:\n  a: b\n", ("set", ("reject", "kyiv"), reason))
    assert after == f"reject:\n  a: b\n  kyiv: {written}\n"
    assert read(after)["reject"]["kyiv"] == reason


def test_numbers_and_lists_read_back_as_themselves():
    for value in (2032, 1.6e9, 1e22, -0.5, True, None, ["a", "b c"], {"value": 5000, "unit": "missiles"}):
        after = edited("fix:\n  x:\n    a: 1\n", ("set", ("fix", "x", "v"), value))
        assert read(after)["fix"]["x"]["v"] == value
    assert scalar(1e22) == "1.0e+22"


def test_windows_line_endings_and_a_byte_order_mark_are_kept():
    text = "\ufeffconfirm:\r\n  - a\r\n"
    assert edited(text, ("append", ("confirm",), "b")) == "\ufeffconfirm:\r\n  - a\r\n  - b\r\n"


@pytest.mark.parametrize("text, complaint", [
    ("confirm: [a\n", "line"),
    ("- a\n- b\n", "not a mapping"),
    ("confirm: &ids [a]\nreject: *ids\n", "anchors"),
])
def test_a_file_it_cannot_edit_precisely_is_refused(text, complaint):
    with pytest.raises(EditRefused, match=complaint):
        YamlText(text)


def test_an_edit_that_would_not_say_what_was_meant_is_refused_and_changes_nothing():
    document = YamlText("confirm: [a]\n")
    with pytest.raises(EditRefused):
        document.set(("confirm", "x"), "y")  # a list is no mapping
    with pytest.raises(EditRefused):
        document.remove(("confirm",), "b")
    assert document.full_text == "confirm: [a]\n"


# -- properties: any file of these shapes, any of these edits --------------------------------------

IDS = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
                st.sampled_from(["NO", "CA", "2025", "true", "null", "a b", "x:y", "é-ü"]))
TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
# What the files are written with here: JSON strings, which leave these characters as they are.
FILE_TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), max_size=20)
VALUES = st.one_of(TEXTS, st.integers(-10**6, 10**6), st.booleans(), st.none(),
                   st.floats(allow_nan=False, allow_infinity=False), st.lists(TEXTS, max_size=3))


@st.composite
def editorial_files(draw):
    """An editorial file written as an editor might: block or flow sections, comments, blank lines."""
    confirm = draw(st.lists(IDS, unique=True, max_size=4))
    reject = draw(st.dictionaries(IDS, FILE_TEXTS, max_size=3))
    fix = draw(st.dictionaries(IDS, st.dictionaries(st.sampled_from(["role", "name", "country"]), FILE_TEXTS,
                                                    min_size=1, max_size=2), max_size=2))
    blank = "\n" if draw(st.booleans()) else ""
    parts = [MODELINE, "# A comment on the whole file.\n"]
    sections = {"confirm": confirm, "reject": reject, "fix": fix}
    for name in draw(st.permutations(list(sections))):
        value = sections[name]
        if not value and draw(st.booleans()):
            continue
        parts.append(blank)
        if draw(st.booleans()):
            parts.append(f"# Before {name}.\n")
        if draw(st.booleans()) or not value:
            parts.append(f"{name}: {json.dumps(value, ensure_ascii=False)}  # flow\n")
        elif name == "confirm":
            dash = draw(st.sampled_from(["", "  "]))
            parts.append("confirm:\n" + "".join(f"{dash}- {json.dumps(item, ensure_ascii=False)}\n" for item in value))
        else:
            parts.append(f"{name}:\n")
            for key, inner in value.items():
                if isinstance(inner, dict):
                    parts.append(f"  {json.dumps(key)}:\n" + "".join(
                        f"    {field}: {json.dumps(text, ensure_ascii=False)}\n" for field, text in inner.items()))
                else:
                    parts.append(f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(inner, ensure_ascii=False)}\n")
    parts.append(blank + "# The end.\n")
    return "".join(parts)


@st.composite
def edits(draw, data):
    """One edit that makes sense on `data`, and the data it should give."""
    expected = copy.deepcopy(data)
    confirm = data.get("confirm") or []
    choice = draw(st.sampled_from(["append", "remove", "reject", "unreject", "fix", "unfix"]))
    if choice == "append":
        value = draw(IDS.filter(lambda fact_id: fact_id not in confirm))
        items = list(confirm)
        position = len(items)
        if items == sorted(items):
            import bisect
            position = bisect.bisect(items, value)
        expected["confirm"] = items[:position] + [value] + items[position:]
        return ("append", ("confirm",), value), expected
    if choice == "remove" and confirm:
        value = draw(st.sampled_from(confirm))
        expected["confirm"] = [item for item in confirm if item != value]
        if not expected["confirm"]:
            del expected["confirm"]
        return ("remove", ("confirm",), value), expected
    if choice == "unreject" and data.get("reject"):
        key = draw(st.sampled_from(sorted(data["reject"])))
        del expected["reject"][key]
        if not expected["reject"]:
            del expected["reject"]
        return ("delete", ("reject", key)), expected
    if choice == "unfix" and data.get("fix"):
        key = draw(st.sampled_from(sorted(data["fix"])))
        field = draw(st.sampled_from(sorted(data["fix"][key])))
        del expected["fix"][key][field]
        if not expected["fix"][key]:
            del expected["fix"][key]
        if not expected["fix"]:
            del expected["fix"]
        return ("delete", ("fix", key, field)), expected
    if choice == "fix":
        key, field, value = draw(IDS), draw(st.sampled_from(["role", "people", "year"])), draw(VALUES)
        if not isinstance(expected.get("fix"), dict):
            expected["fix"] = {}
        if not isinstance(expected["fix"].get(key), dict):
            expected["fix"][key] = {}
        expected["fix"][key][field] = value
        return ("set", ("fix", key, field), value), expected
    key, reason = draw(IDS), draw(TEXTS)
    if not isinstance(expected.get("reject"), dict):
        expected["reject"] = {}
    expected["reject"][key] = reason
    return ("set", ("reject", key), reason), expected


def comment_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("#")]


def is_subsequence(short: list[str], long: list[str]) -> bool:
    items = iter(long)
    return all(any(line == candidate for candidate in items) for line in short)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_edit_says_what_was_meant_and_keeps_every_other_line(data):
    text = data.draw(editorial_files())
    document = YamlText(text, EDITORIAL_SECTIONS)
    for _ in range(data.draw(st.integers(1, 4))):
        before = document.full_text
        edit, expected = data.draw(edits(document.data))
        getattr(document, edit[0])(*edit[1:])
        after = document.full_text
        assert read(after) == expected
        old, new = before.splitlines(), after.splitlines()
        assert new[0] == old[0]                                      # the schema line stays first
        assert is_subsequence(comment_lines(before), new) or edit[0] in ("delete", "remove")
        changed = [op for op in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
        if edit[0] in ("append", "set"):
            # Only insertions, or the one line of a flow collection or of a replaced value.
            assert all(tag == "insert" or (i2 - i1 == 1 and j2 - j1 == 1) for tag, i1, i2, j1, j2 in changed), \
                "\n".join(difflib.unified_diff(old, new, lineterm=""))
        else:
            assert all(tag == "delete" or (i2 - i1 == 1 and j2 - j1 == 1) for tag, i1, i2, j1, j2 in changed), \
                "\n".join(difflib.unified_diff(old, new, lineterm=""))


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXTS, st.floats(allow_nan=False, allow_infinity=False), st.integers(), st.booleans()),
       st.sampled_from([None, "'", '"']))
def test_every_scalar_reads_back_as_itself_in_block_and_flow(value, style):
    text = scalar(value, style)
    assert "\n" not in text
    assert read(f"a: {text}\n") == {"a": value}
    assert read(f"a: [{text}, {text}]\n") == {"a": [value, value]}
    assert read(f"a: {{k: {text}}}\n") == {"a": {"k": value}}
