"""JSON the generator writes: the bytes `json.dumps` would write, indented two spaces."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from generator.files.jsonfile import to_json


def dumped(document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"


json_data = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.dictionaries(st.text(), json_data, max_size=5))
def test_the_text_is_what_json_dumps_writes(document):
    assert to_json(document) == dumped(document)


def test_quotes_controls_and_characters_beyond_ascii_are_written_as_json_dumps_writes_them():
    document = {"quote": 'He said "no"\\ \n\t\x00\u2028 😀 Orbán', "empty": {}, "none": [], "nested": [{}, [[]]],
                "numbers": [0, -1, 10**20, 0.1, 1e16, -2.5e-7, True, False, None]}
    assert to_json(document) == dumped(document)


def test_what_it_does_not_write_itself_is_left_to_json_dumps():
    document = {"tuple": (1, 2), "numbers": {1: "one", None: "none"}}
    assert to_json(document) == dumped(document)


def test_a_number_that_is_not_finite_is_refused():
    with pytest.raises(ValueError):
        to_json({"value": float("inf")})
