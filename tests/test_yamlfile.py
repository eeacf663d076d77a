"""YAML loading: positions of values and keys, and problems the parser finds."""

from __future__ import annotations

from generator.yamlfile import load_yaml


def load(tmp_path, text: str):
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    return load_yaml(path)


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
