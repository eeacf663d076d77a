"""YAML in and out, keeping the line and column of every value for error messages.

Editors need `path:line:col` for each problem, and plain dicts are easier to validate than
ruamel's round-trip types, so loading returns both: plain data and position tables keyed by
the path of keys and indices leading to each value. A problem points at the offending value
(the date text, not `date:`), or at the key when the key itself is wrong.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import Problem

Location = tuple[int, int]  # 1-based line and column
KeyPath = tuple[Any, ...]


@dataclass
class YamlDocument:
    path: Path
    data: Any
    positions: dict[KeyPath, Location] = field(default_factory=dict)  # where each value starts
    key_positions: dict[KeyPath, Location] = field(default_factory=dict)  # where its key is written

    def where(self, key_path: KeyPath, at_key: bool = False) -> Location:
        """The position of the value at key_path (or of its key), else of the deepest known
        prefix: a missing field points at the mapping that lacks it. The file start if none."""
        if at_key and tuple(key_path) in self.key_positions:
            return self.key_positions[tuple(key_path)]
        for end in range(len(key_path), -1, -1):
            location = self.positions.get(tuple(key_path[:end]))
            if location:
                return location
        return (1, 1)

    def problem(self, key_path: KeyPath, message: str, at_key: bool = False) -> Problem:
        line, column = self.where(key_path, at_key)
        return Problem(self.path, line, column, message)


class _Constructor(RoundTripConstructor):
    """Keeps unquoted dates as the text written: `2025-03` and `2025-13-01` are the model's
    to judge (with a helpful message), not the YAML parser's to crash on. Notes duplicate
    keys instead of stopping at the first, so the rest of the file is still checked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicate_keys: list[tuple[Any, Any]] = []  # (key, mark of the repeated key)

    def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
        if key in mapping:
            self.duplicate_keys.append((key, key_node.start_mark))
            return False  # the first value stays
        return True


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))


def load_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; a syntax error, bad encoding, tab or duplicate key becomes a Problem.
    A file with duplicate keys still loads (keeping the first value), so it is checked too."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(path, 1, 1, f"not UTF-8 (byte at offset {error.start}); re-save as UTF-8")]
    parser = YAML(typ="rt")
    parser.Constructor = _Constructor
    try:
        raw = parser.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "invalid YAML"
        if "'\\t'" in reason:
            reason = "a tab character; YAML indents with spaces only, so replace it with spaces"
        return None, [Problem(path, line, column, f"YAML syntax error: {reason}")]
    except YAMLError as error:
        return None, [Problem(path, 1, 1, f"YAML error: {error}")]
    problems = [
        Problem(path, mark.line + 1, mark.column + 1,
                f"duplicate key '{key}': it is already set above in the same mapping, and only "
                "the first is read; merge the two or remove one")
        for key, mark in parser.constructor.duplicate_keys
    ]
    document = YamlDocument(path=path, data=None)
    document.positions[()] = (1, 1)
    document.data = _plain(raw, (), document)
    return document, problems


def _plain(node: Any, key_path: KeyPath, document: YamlDocument) -> Any:
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            child = (*key_path, key)
            document.key_positions[child] = _one_based(node.lc.key(key))
            # An empty value has no text of its own (ruamel places it at the next token).
            document.positions[child] = _one_based(node.lc.key(key) if value is None else node.lc.value(key))
            result[key] = _plain(value, child, document)
        return result
    if isinstance(node, CommentedSeq):
        result = []
        for index, value in enumerate(node):
            child = (*key_path, index)
            document.positions[child] = _one_based(node.lc.item(index))
            result.append(_plain(value, child, document))
        return result
    if isinstance(node, str):
        return str(node)  # drop ruamel's scalar string subclasses
    return node


def _one_based(position: tuple[int, int]) -> Location:
    line, column = position
    return (line + 1, column + 1)


def dump_yaml(data: Any, header: str = "") -> str:
    """Stable, readable YAML: block style, unicode kept, no line folding of quotes."""
    writer = YAML(typ="safe", pure=True)
    writer.default_flow_style = False
    writer.allow_unicode = True
    writer.width = 4096
    writer.sort_base_mapping_type_on_output = False
    buffer = io.StringIO()
    writer.dump(data, buffer)
    return header + buffer.getvalue()

