"""YAML in and out, keeping the line and column of every value for error messages.

Editors need `path:line:col` for each problem, and plain dicts are easier to validate than
ruamel's round-trip types, so loading returns both: plain data and a position table keyed
by the path of keys and indices leading to each value.
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
    positions: dict[KeyPath, Location] = field(default_factory=dict)

    def where(self, key_path: KeyPath) -> Location:
        """The position of the deepest known prefix of key_path (the file start if none)."""
        for end in range(len(key_path), -1, -1):
            location = self.positions.get(tuple(key_path[:end]))
            if location:
                return location
        return (1, 1)

    def problem(self, key_path: KeyPath, message: str) -> Problem:
        line, column = self.where(key_path)
        return Problem(self.path, line, column, message)


class _TextDates(RoundTripConstructor):
    """Keeps unquoted dates as the text written: `2025-03` and `2025-13-01` are the model's
    to judge (with a helpful message), not the YAML parser's to crash on."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node))


def load_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; a syntax error, bad encoding or duplicate key becomes a Problem."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(path, 1, 1, f"not UTF-8 (byte at offset {error.start}); re-save as UTF-8")]
    parser = YAML(typ="rt")
    parser.Constructor = _TextDates
    try:
        raw = parser.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or error.context or "invalid YAML"
        return None, [Problem(path, line, column, f"YAML syntax error: {reason}")]
    except YAMLError as error:
        return None, [Problem(path, 1, 1, f"YAML error: {error}")]
    document = YamlDocument(path=path, data=None)
    document.positions[()] = (1, 1)
    document.data = _plain(raw, (), document.positions)
    return document, []


def _plain(node: Any, key_path: KeyPath, positions: dict[KeyPath, Location]) -> Any:
    if isinstance(node, CommentedMap):
        result = {}
        for key, value in node.items():
            child = (*key_path, key)
            line, column = node.lc.key(key)
            positions[child] = (line + 1, column + 1)
            result[key] = _plain(value, child, positions)
        return result
    if isinstance(node, CommentedSeq):
        result = []
        for index, value in enumerate(node):
            child = (*key_path, index)
            line, column = node.lc.item(index)
            positions[child] = (line + 1, column + 1)
            result.append(_plain(value, child, positions))
        return result
    if isinstance(node, str):
        return str(node)  # drop ruamel's scalar string subclasses
    return node


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

