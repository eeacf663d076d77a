"""Precise edits of a YAML file's text: one value added, replaced or removed, the rest byte for byte.

Editors write content/editorial/ by hand, with comments, blank lines, their own quoting and
flow (`confirm: [a, b]`) or block style; a tool that loads and dumps the file would lose all
of that. Each edit here is a splice of the text at the positions PyYAML's composer gives for
the nodes (where a value starts, where its last character is), touching only the lines that
change, in the file's own indentation, quoting and line endings. The result is then read
again, by the reader `explainer check` uses, and compared with what the edit meant: if they
differ, the edit is refused with `EditRefused` and the text stays as it was.
"""

from __future__ import annotations

import bisect
import copy
import math
import re
from collections.abc import Sequence
from typing import Any

import yaml

from generator.files.yamlfile import load_yaml_text

KeyPath = tuple[str, ...]
DEFAULT_INDENT = 2

# Characters a plain or single-quoted scalar may hold: YAML's printable ones, less the line
# breaks (which fold) and the byte order mark. Anything else is written double-quoted, escaped.
_INLINE = re.compile("[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")
_PLAIN_FIRST_BAD = set(",[]{}#&*!|>'\"%@`")
_DOUBLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}
_YAML_1_1 = yaml.resolver.Resolver()  # how other YAML tools (PyYAML's own loader) read a plain value


class EditRefused(ValueError):
    """An edit that cannot be made precisely, or whose result would not say what was meant."""


class YamlText:
    """The text of one YAML file whose top level is a mapping (or that is empty), and what it
    says (`data`, as the content reader reads it). `order` is the order new top-level keys take
    among the existing ones; nested keys are added after their siblings."""

    def __init__(self, text: str, order: Sequence[str] = ()):
        self._bom = "\ufeff" if text.startswith("\ufeff") else ""
        self.text = text[len(self._bom):]
        self.order = tuple(order)
        self.newline = "\r\n" if "\r\n" in self.text else "\n"
        self.data = _read(self.text)
        self._root = _compose(self.text)

    @property
    def full_text(self) -> str:
        """The file's text as it is to be written (with its byte order mark, if it had one)."""
        return self._bom + self.text

    # -- the edits ------------------------------------------------------------------------

    def append(self, path: KeyPath, value: Any) -> None:
        """Add `value` to the list at `path`, made if missing; in its place if the list is sorted."""
        chain = self._chain(path)
        expected = copy.deepcopy(self.data)
        if len(chain) < len(path) or _is_null(chain[-1][1]):
            self.set(path, [value])
            return
        node = chain[-1][1]
        items = _get(expected, path)
        if not isinstance(node, yaml.SequenceNode) or not isinstance(items, list):
            raise EditRefused(f"'{'.'.join(path)}' is not a list")
        position = bisect.bisect(items, value) if _sorted(items) and isinstance(value, str) else len(items)
        items.insert(position, value)
        style = _common_style(node.value)
        if node.flow_style:
            text = flow_text(value, style)
            if position < len(node.value):
                at, piece = node.value[position].start_mark.index, f"{text}, "
            elif node.value:
                at, piece = self._end(node.value[-1]), f", {text}"
            else:
                at, piece = self.text.index("[", node.start_mark.index) + 1, text
        else:
            pad = " " * node.start_mark.column
            piece = f"{pad}- {flow_text(value, style)}{self.newline}"
            at = self._line_start(node.value[0].start_mark.index) if position == 0 else \
                self._line_end(self._end(node.value[position - 1]))
            piece = self._after_line_break(at, piece)
        self._commit(self._splice(at, at, piece), expected)

    def remove(self, path: KeyPath, value: Any) -> None:
        """Take `value` out of the list at `path`; a list left empty goes with its key."""
        chain = self._chain(path)
        items = _get(self.data, path) if len(chain) == len(path) else None
        if not isinstance(items, list) or value not in items:
            raise EditRefused(f"{value!r} is not in '{'.'.join(path)}'")
        if len(items) == 1:
            self.delete(path)
            return
        node, index = chain[-1][1], items.index(value)
        expected = copy.deepcopy(self.data)
        _get(expected, path).pop(index)
        item = node.value[index]
        if node.flow_style:
            start, end = self._flow_entry_span(node.value, index, item.start_mark.index, self._end(item))
        else:
            start, end = self._block_entry_span(item.start_mark.index, self._end(item), "-")
        self._commit(self._splice(start, end, ""), expected)

    def set(self, path: KeyPath, value: Any) -> None:
        """Set the value at `path`, a path of mapping keys, making the mappings it needs."""
        chain = self._chain(path)
        expected = copy.deepcopy(self.data)
        _put(expected, path, value)
        if len(chain) == len(path):
            key, node = chain[-1]
            if _is_null(node):
                self._fill_null(chain[-1], _parent_is_flow(chain, self._root), value, expected, len(path) - 1)
                return
            if isinstance(node, yaml.ScalarNode) or node.flow_style:
                start, end, text = node.start_mark.index, self._end(node), flow_text(value)
            else:  # a block collection: the new value goes on the key's line, in flow style
                start, end, text = key.end_mark.index, self._end(node), f": {flow_text(value)}"
            self._commit(self._splice(start, end, text), expected)
            return
        depth = len(chain)
        nested = value
        for key in reversed(path[depth + 1:]):
            nested = {key: nested}
        parent = chain[-1][1] if chain else self._root
        parent_flow = _parent_is_flow(chain, self._root)
        if parent is not None and _is_null(parent):
            self._fill_null(chain[-1], parent_flow, {path[depth]: nested}, expected, depth - 1)
            return
        if parent is not None and not isinstance(parent, yaml.MappingNode):
            raise EditRefused(f"'{'.'.join(path[:depth])}' is not a mapping")
        self._commit(self._insert_entry(parent, path[depth], nested, depth), expected)

    def delete(self, path: KeyPath) -> None:
        """Remove the key at `path` with its value; a mapping left empty goes with its own key."""
        chain = self._chain(path)
        if len(chain) < len(path):
            raise EditRefused(f"there is no '{'.'.join(path)}'")
        parent = chain[-2][1] if len(chain) > 1 else self._root
        if len(path) > 1 and len(parent.value) == 1:
            self.delete(path[:-1])
            return
        expected = copy.deepcopy(self.data)
        del _get(expected, path[:-1])[path[-1]]
        key, node = chain[-1]
        index = [pair[0] for pair in parent.value].index(key)
        if parent.flow_style:
            start, end = self._flow_entry_span([pair[0] for pair in parent.value], index, key.start_mark.index,
                                               max(self._end(node), key.end_mark.index))
        else:
            start, end = self._block_entry_span(key.start_mark.index, max(self._end(node), key.end_mark.index), "")
            if len(path) == 1:
                start, end = self._without_double_blank(start, end)
        self._commit(self._splice(start, end, ""), expected)

    # -- finding nodes and their extent ------------------------------------------------------

    def _chain(self, path: KeyPath) -> list[tuple[yaml.Node, yaml.Node]]:
        """The (key, value) nodes along `path`, as far as they exist."""
        found: list[tuple[yaml.Node, yaml.Node]] = []
        node = self._root
        for step in path:
            if not isinstance(node, yaml.MappingNode):
                break
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
            if pair is None:
                break
            found.append(pair)
            node = pair[1]
        return found

    def _end(self, node: yaml.Node) -> int:
        """Where a node's last character ends: a block collection's own end mark is where the
        next token starts, after any comments, so it is found from its last child."""
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark.index
            while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                end -= 1
            return end
        if node.flow_style or not node.value:
            return node.end_mark.index
        last = node.value[-1]
        return self._end(last[1] if isinstance(node, yaml.MappingNode) else last)

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _line_end(self, index: int) -> int:
        """Just after the line break of the line holding `index` (the text's end on its last line)."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found + 1

    def _after_line_break(self, at: int, piece: str) -> str:
        """Lines inserted at the end of a text without a final line break start on a line of their own."""
        return self.newline + piece if at == len(self.text) and self.text and not self.text.endswith("\n") else piece

    def _block_entry_span(self, start: int, end: int, marker: str) -> tuple[int, int]:
        """The whole lines of a block entry: a key and its value, or a list item."""
        line = self._line_start(start)
        before = self.text[line:start].strip()
        if before != marker:
            raise EditRefused("an entry shares its line with another value; edit this file by hand")
        return line, self._line_end(end)

    def _flow_entry_span(self, entries: list[yaml.Node], index: int, start: int, end: int) -> tuple[int, int]:
        """An entry of a flow collection with the comma that joins it to the next (or the
        previous, for the last entry)."""
        if len(entries) == 1:
            return start, end
        if index + 1 < len(entries):
            return start, entries[index + 1].start_mark.index
        comma = self.text.rindex(",", 0, start)
        return comma, end

    def _without_double_blank(self, start: int, end: int) -> tuple[int, int]:
        """A section taken out from between blank lines leaves one blank line, not two; taken
        from the end of the file, it leaves no blank line at the end."""
        blank_before = start > 0 and self.text[self._line_start(start - 1):start].strip() == ""
        if end >= len(self.text):
            return (self._line_start(start - 1) if blank_before else start), end
        following = self.text[end:self._line_end(end)]
        return start, end + len(following) if (blank_before or start == 0) and following.strip() == "" else end

    # -- writing new entries -------------------------------------------------------------------

    def _insert_entry(self, parent: yaml.MappingNode | None, key: str, value: Any, depth: int) -> str:
        """The text with `key: value` added to the mapping `parent` (None: the empty document)."""
        if parent is None:
            piece = self._after_line_break(len(self.text), self._block(key, value, 0, depth))
            return self.text + piece
        keys = [pair[0] for pair in parent.value]
        position = self._position(keys, key) if depth == 0 else len(keys)
        key_style = _common_style(keys)
        if parent.flow_style:
            entry = f"{flow_text(key, key_style)}: {flow_text(value)}"
            if position < len(keys):
                at, piece = keys[position].start_mark.index, f"{entry}, "
            elif keys:
                at, piece = self._end(parent.value[-1][1]), f", {entry}"
            else:
                at, piece = self.text.index("{", parent.start_mark.index) + 1, entry
            return self._splice(at, at, piece)
        indent = keys[0].start_mark.column if keys else 0
        piece = self._block(key, value, indent, depth, key_style)
        separated = depth == 0 and self._blank_separated(parent)
        if position > 0:
            at = self._line_end(max(self._end(parent.value[position - 1][1]), keys[position - 1].end_mark.index))
            piece = (self.newline if separated else "") + self._after_line_break(at, piece)
        else:
            at = self._line_start(keys[0].start_mark.index)
            piece += self.newline if separated else ""
        return self._splice(at, at, piece)

    def _position(self, keys: list[yaml.Node], key: str) -> int:
        """Where a new top-level key goes: after the last key that comes before it in `order`."""
        rank = {name: number for number, name in enumerate(self.order)}
        mine = rank.get(key, len(self.order))
        before = [index for index, node in enumerate(keys) if rank.get(node.value, len(self.order)) <= mine]
        return before[-1] + 1 if before else 0

    def _blank_separated(self, root: yaml.MappingNode) -> bool:
        """Whether the file leaves a blank line between its top-level entries."""
        for (_, value), (next_key, _) in zip(root.value, root.value[1:]):
            between = self.text[self._line_end(self._end(value)):self._line_start(next_key.start_mark.index)]
            if any(line.strip() == "" for line in between.splitlines()):
                return True
        return False

    def _fill_null(self, pair: tuple[yaml.Node, yaml.Node], flow: bool, value: Any, expected: Any,
                   depth: int) -> None:
        """Give a key written without a value (`fix:`, `fix: ~`) its value: a mapping or a
        top-level list as lines under it in a block file, anything else on its line."""
        key, node = pair
        body = "" if flow else self._block_body(value, key.start_mark.column, depth)
        if not body:
            start = key.end_mark.index if _is_empty(node) else node.start_mark.index
            piece = f": {flow_text(value)}" if _is_empty(node) else flow_text(value)
            self._commit(self._splice(start, node.end_mark.index if _is_empty(node) else self._end(node), piece),
                         expected)
            return
        start = node.start_mark.index  # an explicit `~` or `null` goes, with the space before it
        while not _is_empty(node) and self.text[start - 1] in " \t":
            start -= 1
        text = self._splice(start, self._end(node), "")
        found = text.find("\n", node.start_mark.index)
        at = len(text) if found < 0 else found + 1
        if at == len(text) and not text.endswith("\n"):
            body = self.newline + body
        self._commit(text[:at] + body + text[at:], expected)

    def _block(self, key: str, value: Any, indent: int, depth: int, key_style: str | None = None) -> str:
        """`key: value` in block style at `indent`: mappings nested as blocks, a top-level list
        one item a line, every other value in flow style."""
        pad, name = " " * indent, flow_text(key, key_style)
        body = self._block_body(value, indent, depth)
        return f"{pad}{name}:{self.newline}{body}" if body else f"{pad}{name}: {flow_text(value)}{self.newline}"

    def _block_body(self, value: Any, indent: int, depth: int) -> str:
        """The lines under a key at `indent` and `depth` for a value written as a block: a
        non-empty mapping, or a non-empty top-level list; '' for any other value."""
        if isinstance(value, dict) and value:
            step = self._indent_step()
            return "".join(self._block(inner, item, indent + step, depth + 1) for inner, item in value.items())
        if isinstance(value, list) and value and depth == 0:
            dash = " " * (indent + self._list_indent())
            return "".join(f"{dash}- {flow_text(item)}{self.newline}" for item in value)
        return ""

    def _indent_step(self) -> int:
        """The file's own indentation: that of the first mapping nested in a block one."""
        root = self._root
        if isinstance(root, yaml.MappingNode) and not root.flow_style:
            for key, value in root.value:
                if isinstance(value, yaml.MappingNode) and not value.flow_style and value.value:
                    step = value.value[0][0].start_mark.column - key.start_mark.column
                    if step > 0:
                        return step
        return DEFAULT_INDENT

    def _list_indent(self) -> int:
        """How far the file indents a top-level list's dashes under its key (0 or more)."""
        root = self._root
        if isinstance(root, yaml.MappingNode) and not root.flow_style:
            for key, value in root.value:
                if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
                    return value.start_mark.column - key.start_mark.column
        return self._indent_step()

    # -- applying --------------------------------------------------------------------------

    def _splice(self, start: int, end: int, piece: str) -> str:
        return self.text[:start] + piece + self.text[end:]

    def _commit(self, text: str, expected: Any) -> None:
        """Take the new text only if it reads as `expected`."""
        try:
            data = _read(text)
        except EditRefused as error:
            raise EditRefused(f"the edit would break the file ({error}); nothing was changed") from None
        if data != (expected or {}):
            raise EditRefused("the edit would not say what was meant; nothing was changed")
        self.text, self.data, self._root = text, data, _compose(text)


# -- reading ----------------------------------------------------------------------------------


def _read(text: str) -> Any:
    """What the text says, read as `explainer check` reads it; a file with problems, or with
    anchors and aliases (an edit of one value would change others), is not edited."""
    document, problems = load_yaml_text(text)
    if problems:
        first = problems[0]
        raise EditRefused(f"line {first.line}, column {first.column}: {first.message}")
    data = document.data if document is not None else None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EditRefused("its top level is not a mapping of keys")
    if "&" in text or "*" in text:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise EditRefused("it uses anchors (&) and aliases (*); write each value out first")
    return data


def _compose(text: str) -> yaml.Node | None:
    """The node tree with positions in characters (PyYAML's own parser counts characters;
    libyaml's counts bytes). Only files the content reader accepted, within its limits, get here."""
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _get(data: Any, path: KeyPath) -> Any:
    for step in path:
        data = data[step]
    return data


def _put(data: dict, path: KeyPath, value: Any) -> None:
    for step in path[:-1]:
        if not isinstance(data.get(step), dict):
            data[step] = {}
        data = data[step]
    data[path[-1]] = value


def _is_empty(node: yaml.Node) -> bool:
    """A key written with no value at all (`fix:`)."""
    return isinstance(node, yaml.ScalarNode) and node.start_mark.index == node.end_mark.index


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style is None and \
        node.value in ("", "~", "null", "Null", "NULL")


def _parent_is_flow(chain: list[tuple[yaml.Node, yaml.Node]], root: yaml.Node | None) -> bool:
    """Whether the mapping holding the last key of `chain` is written in flow style."""
    holder = chain[-2][1] if len(chain) > 1 else root
    return bool(getattr(holder, "flow_style", False))


def _sorted(items: list) -> bool:
    return all(isinstance(item, str) for item in items) and items == sorted(items)


def _common_style(nodes: list[yaml.Node]) -> str | None:
    """The quotes every scalar among `nodes` uses, if they all use the same (`'CA'`, `"id"`)."""
    styles = {node.style for node in nodes if isinstance(node, yaml.ScalarNode)}
    return styles.pop() if len(styles) == 1 and styles <= {"'", '"'} else None


# -- writing values ---------------------------------------------------------------------------


def flow_text(value: Any, style: str | None = None) -> str:
    """A value as YAML that reads back as itself in flow or block context: mappings and
    lists in flow style, text plain where that is safe, else quoted."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{flow_text(key)}: {flow_text(item)}" for key, item in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(flow_text(item) for item in value) + "]"
    return scalar(value, style)


def scalar(value: Any, style: str | None = None) -> str:
    """One scalar as YAML text, valid anywhere a value may be written on one line. `style`
    (`'` or `"`) asks for quotes like the value's neighbours have."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise EditRefused(f"{value!r} is not a finite number")
        text = repr(value)
        mantissa, _, exponent = text.partition("e")
        return f"{mantissa}.0e{exponent}" if exponent and "." not in mantissa else text
    if not isinstance(value, str):
        raise EditRefused(f"a {type(value).__name__} cannot be written as a YAML value")
    inline = _INLINE.fullmatch(value) is not None and "\t" not in value
    if style == "'" and inline:
        return _single(value)
    if style != '"' and inline and _plain_safe(value):
        return value
    if inline and style != '"':
        return _single(value)
    return _double(value)


def _plain_safe(text: str) -> bool:
    """Whether `text` can be written without quotes and still read as this text, in a list
    or mapping of either style, by this project's reader and by YAML 1.1 tools alike."""
    if not text or text != text.strip() or text in ("-", "?", ":") or text.startswith(("---", "...")):
        return False
    first = text[0]
    if first in _PLAIN_FIRST_BAD or (first in "-?:" and text[1] in " ,[]{}"):
        return False
    if ": " in text or " #" in text or text.endswith(":") or any(mark in text for mark in ",[]{}:"):
        return False
    if _YAML_1_1.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str":
        return False  # `yes`, `2025-03-03`, `1_000`: not text to every tool
    document, problems = load_yaml_text(f"[{text}]")
    return not problems and document is not None and document.data == [text]


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _double(text: str) -> str:
    out = []
    for character in text:
        if character in _DOUBLE_ESCAPES:
            out.append(_DOUBLE_ESCAPES[character])
        elif _INLINE.fullmatch(character) is None:
            code = ord(character)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(character)
    return '"' + "".join(out) + '"'
