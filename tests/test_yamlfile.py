"""YAML loading: positions of values and keys, and problems the parser finds, hostile input
included: each is answered quickly with a position, never a hang, a crash or code run. YAML
writing: readable, stable, and read back by the loader as it was written."""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from generator.files import yamlfile
from generator.files.articles import _front_matter
from generator.files.yamlfile import dump_yaml, load_yaml, load_yaml_text


def load(tmp_path, text: str):
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


def located(problems) -> list[tuple[int, int, str]]:
    return [(problem.line, problem.column, problem.message) for problem in problems]


def alias_bomb() -> str:
    """"Billion laughs": nine levels of nine aliases each, a kilobyte standing for 10^9 values."""
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


# -- behaviour kept from the ruamel.yaml reader ----------------------------------------------


def test_values_and_keys_have_their_own_positions(tmp_path):
    document, problems = load(tmp_path, "event:\n  date: 4 March 2025\n  people: [a, b]\n  note:\n")
    assert problems == []
    assert document.where(("event", "date")) == (2, 9)
    assert document.where(("event", "date"), at_key=True) == (2, 3)
    assert document.where(("event", "people", 1)) == (3, 15)
    assert document.where(("event", "note")) == (4, 3)  # an empty value: its key
    assert document.where(("event", "title")) == (2, 3)  # missing: the mapping that lacks it
    assert document.data["event"]["date"] == "4 March 2025"


def test_duplicate_keys_are_reported_and_the_file_still_loads(tmp_path):
    document, problems = load(tmp_path, "fix:\n  a: {role: x}\nfix:\n  b: {role: y}\n")
    assert [(p.line, p.column) for p in problems] == [(3, 1)]
    assert problems[0].message.startswith("duplicate key 'fix'")
    assert document.data == {"fix": {"a": {"role": "x"}}}


def test_tabs_and_syntax_errors_stop_with_a_clear_message(tmp_path):
    document, problems = load(tmp_path, "confirm:\n\t- a\n")
    assert document is None
    assert [(p.line, p.column, p.message) for p in problems] == [
        (2, 1, "YAML syntax error: a tab character; YAML indents with spaces only, so replace it with spaces")
    ]
    document, problems = load(tmp_path, "a: [unclosed\n")
    assert document is None and problems[0].message.startswith("YAML syntax error")


def test_a_tab_inside_a_value_gets_the_same_message(tmp_path):
    _, problems = load(tmp_path, "a: 1\n\tb: 2\n")
    assert located(problems) == [(2, 1, f"YAML syntax error: {yamlfile.TAB_MESSAGE}")]


def test_unquoted_dates_stay_as_the_text_written(tmp_path):
    document, problems = load(tmp_path, "a: 2025-03\nb: 2025-13-01\nc: 2025-03-04\nd: 2025-03-04T10:00:00Z\n")
    assert problems == []
    assert document.data == {"a": "2025-03", "b": "2025-13-01", "c": "2025-03-04", "d": "2025-03-04T10:00:00Z"}


def test_plain_values_are_read_as_yaml_1_2(tmp_path):
    document, _ = load(tmp_path, "a: NO\nb: yes\nc: true\nd: 12\ne: 0x1f\nf: 1_000\ng: 2.5\nh: ~\ni: '12'\n")
    assert document.data == {"a": "NO", "b": "yes", "c": True, "d": 12, "e": 31, "f": 1000, "g": 2.5,
                             "h": None, "i": "12"}


def test_not_utf8_is_reported_with_its_offset(tmp_path):
    path = tmp_path / "file.yaml"
    path.write_bytes(b"a: caf\xe9\n")
    assert located(load_yaml(path)[1]) == [(1, 1, "not UTF-8 (byte at offset 6); re-save as UTF-8")]


def test_an_empty_file_loads_as_no_data(tmp_path):
    document, problems = load(tmp_path, "# only a comment\n")
    assert (document.data, problems) == (None, [])


def test_an_alias_within_the_limits_repeats_its_value(tmp_path):
    document, problems = load(tmp_path, "a: &shared {k: v}\nb: *shared\n")
    assert problems == []
    assert document.data == {"a": {"k": "v"}, "b": {"k": "v"}}
    assert document.data["a"] is not document.data["b"]  # each use is its own copy


def test_explicit_core_tags_are_read(tmp_path):
    document, problems = load(tmp_path, "a: !!str 12\nb: !!int '12'\nc: !!float 2\nd: !!timestamp 2025-03\n")
    assert problems == []
    assert document.data == {"a": "12", "b": 12, "c": 2.0, "d": "2025-03"}


# -- hostile input ----------------------------------------------------------------------------


def test_an_alias_bomb_is_refused_fast_at_the_alias(tmp_path):
    started = time.perf_counter()
    document, problems = load(tmp_path, alias_bomb())
    assert time.perf_counter() - started < 1
    assert document is None
    assert [(p.line, p.column) for p in problems] == [(6, 8)]  # the alias that crosses the limit
    assert problems[0].message.startswith("too many aliases")
    assert "content files need no anchors" in problems[0].message


def test_an_alias_that_sits_inside_its_own_anchor_is_a_problem(tmp_path):
    document, problems = load(tmp_path, "a: &x [*x]\n")
    assert document is None
    assert [(p.line, p.column) for p in problems] == [(1, 8)]
    assert problems[0].message.startswith("alias '*x' has no complete anchor '&x' before it")


@pytest.mark.parametrize("text", [
    "[" * 10_000 + "]" * 10_000,
    "{a: " * 10_000 + "}" * 10_000,
    "- " * 10_000 + "x\n",
    "[" * 1_000_000,  # libyaml's own composer crashes the interpreter at this depth
], ids=["flow lists", "flow mappings", "block lists", "a million, unclosed"])
def test_deep_nesting_is_a_problem_not_an_exception(tmp_path, text):
    started = time.perf_counter()
    document, problems = load(tmp_path, text)
    assert time.perf_counter() - started < 1
    assert document is None
    assert len(problems) == 1 and problems[0].line == 1
    assert problems[0].message.startswith("lists and mappings nested more than 64 levels deep")


def test_nesting_brought_in_by_an_alias_counts_too(tmp_path):
    forty = "[" * 40 + "x" + "]" * 40
    document, problems = load(tmp_path, f"a: &a {forty}\nb: {'[' * 30}*a{']' * 30}\n")
    assert document is None
    assert [(p.line, p.column) for p in problems] == [(2, 34)]  # the alias
    assert "nested more than 64 levels" in problems[0].message


def test_the_pure_python_parser_also_survives_deep_nesting(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlfile, "_LOADER", yaml.SafeLoader)  # as where PyYAML lacks libyaml
    document, problems = load(tmp_path, "- " * 10_000 + "x\n")
    assert document is None
    assert "nested more than 64 levels" in problems[0].message


def test_a_50_megabyte_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("- x\n" * (50 * 1024 * 1024 // 4), encoding="utf-8")
    started = time.perf_counter()
    document, problems = load_yaml(path)
    assert time.perf_counter() - started < 1
    assert document is None
    assert located(problems) == [(1, 1, "file is 50.0 MB, over the 5 MB limit for a YAML file; "
                                        "split it, or remove what is not content")]


def test_a_python_tag_is_refused_and_nothing_runs(tmp_path):
    ran = tmp_path / "ran"
    document, problems = load(tmp_path, f'a: !!python/object/apply:os.system ["echo hi > {ran}"]\n')
    assert not ran.exists()
    assert document.data == {"a": None}
    assert located(problems) == [(1, 4, "tag '!!python/object/apply:os.system' is not allowed here: content "
                                        "files hold only text, numbers, true/false, lists and mappings, "
                                        "so remove the tag")]


@pytest.mark.parametrize(("text", "tag"), [
    ("a: !custom x\n", "!custom"),
    ("a: !!binary aGk=\n", "!!binary"),
    ("a: !!set {x, y}\n", "!!set"),
    ("a: !!omap [x: 1]\n", "!!omap"),
    ("a: !!str {x: 1}\n", "!!str"),  # a core tag, on what it cannot mark
])
def test_tags_that_are_not_plain_yaml_are_refused(tmp_path, text, tag):
    document, problems = load(tmp_path, text)
    assert document.data == {"a": None}
    assert [(p.line, p.column) for p in problems] == [(1, 4)]
    assert problems[0].message.startswith(f"tag '{tag}' is not allowed here")


@pytest.mark.parametrize("written", [".inf", "-.inf", ".nan", "!!float inf"])
def test_infinity_and_nan_are_refused(tmp_path, written):
    document, problems = load(tmp_path, f"a: {written}\n")
    assert document.data == {"a": None}  # facts.json stays valid JSON
    assert [(p.line, p.column) for p in problems] == [(1, 4)]
    assert "is not a finite number" in problems[0].message


def test_a_mapping_used_as_a_key_is_a_problem(tmp_path):
    document, problems = load(tmp_path, "? {a: 1}\n: x\nb: 2\n")
    assert document.data == {"b": 2}
    assert located(problems) == [(1, 3, "a key must be a single value such as a name, not a mapping; "
                                        "write it as text before the ':'")]


def test_a_null_key_is_a_problem(tmp_path):
    document, problems = load(tmp_path, "null: x\nb: 2\n")
    assert document.data == {"b": 2}
    assert [(p.line, p.column) for p in problems] == [(1, 1)]
    assert problems[0].message.startswith("this key is empty (null)")


def test_a_merge_key_is_a_problem(tmp_path):
    document, problems = load(tmp_path, "base: &b {x: 1}\nother:\n  <<: *b\n")
    assert document.data == {"base": {"x": 1}, "other": {}}
    assert [(p.line, p.column) for p in problems] == [(3, 3)]
    assert problems[0].message.startswith("a merge key ('<<')")


def test_a_second_document_is_a_problem(tmp_path):
    document, problems = load(tmp_path, "a: 1\n---\nb: 2\n")
    assert document is None
    assert [(p.line, p.column) for p in problems] == [(2, 1)]


def test_a_control_character_is_placed_at_its_line_and_column(tmp_path):
    _, problems = load(tmp_path, "é: x\nb: c\x07d\n")
    assert located(problems) == [(2, 5, "a control character (U+0007) that YAML does not allow; remove it")]


def test_a_number_too_long_to_read_is_a_problem(tmp_path):
    document, problems = load(tmp_path, "a: " + "9" * 5000 + "\n")
    assert document.data == {"a": None}
    assert located(problems) == [(1, 4, "a number of 5,000 characters is too long to read; quote it if it is text")]


def test_text_is_loaded_with_the_same_limits(tmp_path):
    document, problems = load_yaml_text(alias_bomb(), tmp_path / "front.md")
    assert document is None and problems[0].message.startswith("too many aliases")


def test_hostile_front_matter_is_ignored(tmp_path):
    ran = tmp_path / "ran"
    for block in (alias_bomb(), "[" * 100_000, f'a: !!python/object/apply:os.system ["echo hi > {ran}"]\n'):
        assert _front_matter(block) == {}
    assert not ran.exists()


# -- writing ---------------------------------------------------------------------------------

RECORD = {
    "extractor": "2025.1",
    "people": [{
        "id": "jonas-gahr-store",
        "evidence": [
            {"source": "000_7cc8c4a22af20c67", "quote": "Norway’s “prime minister”, Jonas Gahr Støre, said: it's time."},
            {"source": "001_d6352d319f778e61", "quote": "Leaders meet in London\nStøre arrived on Sunday."},
        ],
        "confidence": 0.9, "aliases": [], "country": "NO", "published": "2025-03-02",
        "reviewed": False, "role": None, "words": 1200, "share": 1e16,
    }],
}
WRITTEN = """# header
extractor: '2025.1'
people:
- id: jonas-gahr-store
  evidence:
  - source: 000_7cc8c4a22af20c67
    quote: "Norway’s “prime minister”, Jonas Gahr Støre, said: it's time."
  - source: 001_d6352d319f778e61
    quote: "Leaders meet in London\\nStøre arrived on Sunday."
  confidence: 0.9
  aliases: []
  country: NO
  published: '2025-03-02'
  reviewed: false
  role: null
  words: 1200
  share: 1e+16
"""


def test_written_yaml_is_block_style_in_key_order_with_unicode_kept():
    # Quoted only what the loader would not read as text; a line break escaped on one line.
    assert dump_yaml(RECORD, "# header\n") == WRITTEN


def test_a_long_quote_stays_on_one_line():
    quote = "Leaders agreed, " * 500 + "and left."
    assert dump_yaml({"quote": quote}) == f"quote: {quote}\n"


def test_written_yaml_loads_with_the_positions_of_its_values(tmp_path):
    document, problems = load(tmp_path, dump_yaml(RECORD, "# header\n"))
    assert problems == [] and document.data == RECORD
    assert document.where(("people", 0, "evidence", 1, "quote")) == (9, 12)
    assert document.where(("people", 0, "country"), at_key=True) == (12, 3)


@pytest.mark.parametrize("text", ["_5", "0o17", "1_000", ".5", "~", "", "=", "null", "true", "<<",
                                  "nel\x85x", "a\u2028b", "smile 😀", "tab\there", "it's: so", "#tag", "- item"])
def test_text_that_looks_like_something_else_reads_back_as_text(tmp_path, text):
    document, problems = load(tmp_path, dump_yaml({"value": text, "key": [text]}))
    assert problems == [] and document.data == {"value": text, "key": [text]}


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="PyYAML without libyaml writes with Python already")
def test_the_pure_python_writer_writes_the_same_bytes(monkeypatch):
    written = dump_yaml(RECORD, "# header\n")
    monkeypatch.setattr(yamlfile, "_WRITER", yamlfile._writer(yaml.SafeDumper))
    assert dump_yaml(RECORD, "# header\n") == written


text_values = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
plain_data = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | text_values,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(text_values, children, max_size=3),
    max_leaves=12)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(plain_data)
def test_whatever_is_written_reads_back_the_same(data):
    document, problems = load_yaml_text(dump_yaml({"data": data}))
    assert problems == [] and document.data == {"data": data}


def not_plain(text, document):
    raise yamlfile._NotPlain


def read_fully(text: str, monkeypatch):
    """The file as the full reader reads it, the one-pass reader of the common case left out."""
    with monkeypatch.context() as patched:
        patched.setattr(yamlfile, "_read_plain", not_plain)
        return load_yaml_text(text)


WRITTEN_BY_HAND = """\
# yaml-language-server: $schema=../schema/people.schema.json
people:
  - id: keir-starmer
    name: "Keir Starmer"
    aliases: [Starmer, 'Sir Keir']
    role:
    country: GB
    confidence: 0.85
    count: 0x1f
    reviewed: true
    note: ~
    evidence:
      - {source: 000_7cc8, quote: "Starmer said: \\"we are ready\\""}
      - source: 001_abcd
        quote: >-
          folded over
          two lines
  - id: "2025"
    empty: {}
    none: []
    text: |
      kept
      as written
fix: {a: {b: [1, 2.5, -3, .inf0, null]}}
"""


def test_the_common_case_is_read_as_the_full_reader_reads_it(monkeypatch):
    document, problems = load_yaml_text(WRITTEN_BY_HAND)
    full, full_problems = read_fully(WRITTEN_BY_HAND, monkeypatch)
    assert problems == full_problems == []
    assert (document.data, document.positions, document.key_positions) == \
        (full.data, full.positions, full.key_positions)
    assert document.where(("people", 0, "role")) == (6, 5)  # an empty value is placed at its key


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: !!binary aGk=\n", "a: 1\na: 2\n", "1: one\n",
                                  "a: .inf\n", "a: yes\nb: 0b2\n", "---\na: 1\n---\nb: 2\n", "<<: {a: 1}\n"])
def test_what_the_common_case_does_not_take_is_read_by_the_full_reader(text, monkeypatch):
    document, problems = load_yaml_text(text)
    full, full_problems = read_fully(text, monkeypatch)
    assert located(problems) == located(full_problems)
    assert (document and document.data) == (full and full.data)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(plain_data)
def test_written_data_is_read_in_one_pass_as_the_full_reader_reads_it(data):
    text = dump_yaml({"data": data})
    document, _ = load_yaml_text(text)
    root = yamlfile._compose(text)
    full = yamlfile.YamlDocument(path=document.path, data=None, positions={(): (1, 1)})
    full.data = yamlfile._Builder(full, []).value(root, ())
    assert (document.data, document.positions, document.key_positions) == \
        (full.data, full.positions, full.key_positions)
