"""YAML in and out, keeping the line and column of every value for error messages.

Editors need `path:line:col` for each problem, and plain dicts are easier to validate than
a parser's own types, so loading returns both: plain data and position tables keyed by
the path of keys and indices leading to each value. A problem points at the offending value
(the date text, not `date:`), or at the key when the key itself is wrong.

Content files come from editors and from whoever sent an article, so reading one must never
hang, crash or run anything: the parser only produces events (libyaml's C parser when PyYAML
has it), the values are built here with an explicit stack, and every limit below is checked as
the file is read. Each refusal is a Problem with a position, like any other mistake.

What content files hold (text keys, plain values, lists and mappings) is read in one pass,
straight from the events to the data and positions (`_read_plain`); a file with anything else
(an anchor, a tag, a duplicate key, a mistake) is read again by the full reader, node tree
first, which reports every problem. (libyaml's own composer, `yaml.compose`, is no faster than
the event loop here, and recurses.)
"""

from __future__ import annotations

import contextlib
import gc
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from generator.model.errors import Problem

Location = tuple[int, int]  # 1-based line and column
KeyPath = tuple[Any, ...]

# Real content files are some kilobytes, nest a handful of levels and use no anchors. The
# limits sit far above that and far below what would make reading slow or crash it.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 64  # lists and mappings inside one another
MAX_REPEATED_NODES = 100_000  # values that aliases add on top of those written out

# PyYAML's composers (its C one included) recurse once per level of nesting and crash the
# interpreter on deep input, so only the event parser is used; it is iterative in both.
_LOADER = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

_CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (_CORE + name for name in ("str", "int", "float", "bool", "null"))
TIMESTAMP, MERGE, SEQUENCE, MAPPING = (_CORE + name for name in ("timestamp", "merge", "seq", "map"))
_ALLOWED_TAGS = {
    "scalar": {STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MERGE},
    "list": {SEQUENCE},
    "mapping": {MAPPING},
}

# How an unquoted, untagged value is read: the YAML 1.2 core schema, as ruamel.yaml read it
# before, so `NO` (Norway) and `yes` stay text. Dates stay text as well (the models judge
# them, with a helpful message), so no timestamp rule is needed. The alternatives are tried
# in order, so a value is read by the first that fits all of it.
_PLAIN_VALUE = re.compile(r"""(?P<bool>true|True|TRUE|false|False|FALSE)
    |(?P<float>[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))
    |(?P<int>[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)
    |(?P<merge><<)
    |(?P<null>~|null|Null|NULL|)""", re.VERBOSE)
_PLAIN_TAGS = {"bool": BOOL, "float": FLOAT, "int": INT, "merge": MERGE, "null": NULL}
# The first characters of every text _PLAIN_VALUE matches but the empty one.
_PLAIN_VALUE_STARTS = frozenset("tTfF+-.0123456789<~nN")

_LONGEST_NUMBER = 4000  # Python reads at most 4,300 digits as a number, unless told otherwise
TAB_MESSAGE = "a tab character; YAML indents with spaces only, so replace it with spaces"


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


def load_yaml(path: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one file; a syntax error, bad encoding, tab, duplicate key or anything past the
    limits becomes a Problem. A file whose problems are in single values (a duplicate key, an
    unknown tag, infinity) still loads without those values, so the rest of it is checked too."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # refused before reading, however large
        return None, [_too_large(path, size)]
    with path.open("rb") as file:
        data = file.read(MAX_FILE_BYTES + 1)  # bounded too, in case the file grew meanwhile
    if len(data) > MAX_FILE_BYTES:
        return None, [_too_large(path, len(data))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(path, 1, 1, f"not UTF-8 (byte at offset {error.start}); re-save as UTF-8")]
    return load_yaml_text(text, path)


def load_yaml_text(text: str, path: Path = Path("<text>")) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML held in a string (front matter, say) with the same limits as a file; `path`
    only names it in the problems."""
    if len(text) > MAX_FILE_BYTES:
        return None, [_too_large(path, len(text.encode("utf-8")))]
    document = YamlDocument(path=path, data=None)
    document.positions[()] = (1, 1)
    problems: list[Problem] = []
    try:
        with cycle_collector_paused():
            document.data = _read_plain(text, document)
        return document, problems
    except Exception:  # what the common case does not take, a syntax error included, is read again
        document.positions, document.key_positions = {(): (1, 1)}, {}  # by the full reader, which says why
    try:
        with cycle_collector_paused():
            root = _compose(text)
    except _Refused as refusal:
        return None, [Problem(path, refusal.mark.line + 1, refusal.mark.column + 1, refusal.message)]
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, text, error)]
    except yaml.reader.ReaderError as error:
        return None, [_character_problem(path, text, error)]
    except Exception as error:  # the parser is C code; whatever else it raises, report, not crash
        return None, [Problem(path, 1, 1, f"YAML error: {error}")]
    if root is not None:
        with cycle_collector_paused():
            document.data = _Builder(document, problems).value(root, ())
    return document, list(dict.fromkeys(problems))  # a value behind an alias is met once per use


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Reading makes many small objects and no cycles, and Python's cycle collector would
    scan the growing tree over and over: on a large file, more than half the time. Pauses
    nest: the collector runs again when the outermost one ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _too_large(path: Path, size: int) -> Problem:
    return Problem(path, 1, 1, f"file is {size / 1_048_576:.1f} MB, over the {MAX_FILE_BYTES // 1_048_576} MB "
                               "limit for a YAML file; split it, or remove what is not content")


def _syntax_problem(path: Path, text: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    reason = error.problem or error.context or "invalid YAML"
    if mark is None:
        return Problem(path, 1, 1, f"YAML syntax error: {reason}")
    # libyaml does not always name the tab it stopped at, so look at the character itself.
    if re.search(r"\btab\b", reason) or text[mark.index:mark.index + 1] == "\t":
        reason = TAB_MESSAGE
    return Problem(path, mark.line + 1, mark.column + 1, f"YAML syntax error: {reason}")


def _character_problem(path: Path, text: str, error: yaml.reader.ReaderError) -> Problem:
    offset = error.position
    if _LOADER is not yaml.SafeLoader:  # libyaml counts in UTF-8 bytes, PyYAML's reader in characters
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(path, line, column, f"a control character (U+{error.character:04X}) that YAML "
                                       "does not allow; remove it")


# -- reading: events to nodes, with the limits -------------------------------------------


class _Refused(Exception):
    """The file asks for more than the limits allow; reading stops here."""

    def __init__(self, mark: Any, message: str):
        super().__init__(message)
        self.mark, self.message = mark, message


class _Node:
    """One value as written: its resolved tag and position, and for the limits, how many
    values it stands for with aliases expanded and how many levels of lists and mappings it
    holds. A list's value is its items; a mapping's is its keys and values, alternating."""

    __slots__ = ("kind", "tag", "value", "mark", "size", "height")

    def __init__(self, kind: str, tag: str, value: Any, mark: Any):
        self.kind, self.tag, self.value, self.mark = kind, tag, value, mark
        self.size, self.height = 1, 0 if kind == "scalar" else 1


def _compose(text: str) -> _Node | None:
    """The single document's node tree, built from parser events with an explicit stack so no
    depth of nesting reaches Python's or C's stack limit. A limit is enforced where it is
    crossed, before anything further is read, so refusing a hostile file takes no longer than
    reading its first few lines.

    This loop runs once per value of every content file, so it asks the parser once per event
    and tells events apart by their exact class, scalars (the commonest) first."""
    loader = _LOADER(text)
    open_nodes: list[tuple[_Node, str | None]] = []  # lists and mappings being read, with anchors
    anchors: dict[str, _Node] = {}
    repeated = documents = 0
    root = None
    try:
        while True:
            event = loader.get_event()
            event_class = type(event)
            if event_class is yaml.ScalarEvent:
                node = _Node("scalar", _scalar_tag(event), event.value, event.start_mark)
                if event.anchor is not None:
                    anchors[event.anchor] = node
                if open_nodes:
                    parent = open_nodes[-1][0]
                    parent.value.append(node)
                    parent.size += 1    # a scalar stands for itself and adds no level
                else:
                    root = node
                continue
            if event_class is yaml.MappingStartEvent or event_class is yaml.SequenceStartEvent:
                _check_depth(len(open_nodes) + 1, event.start_mark)
                kind, default = ("list", SEQUENCE) if event_class is yaml.SequenceStartEvent else ("mapping", MAPPING)
                node = _Node(kind, default if event.tag in (None, "!") else event.tag, [], event.start_mark)
                open_nodes.append((node, event.anchor))  # the anchor counts once the collection is complete
                continue
            if event_class is yaml.MappingEndEvent or event_class is yaml.SequenceEndEvent:
                node, anchor = open_nodes.pop()
            elif event_class is yaml.AliasEvent:
                node, anchor = anchors.get(event.anchor), None
                if node is None:
                    raise _Refused(event.start_mark, f"alias '*{event.anchor}' has no complete anchor "
                                                     f"'&{event.anchor}' before it (an alias cannot sit inside the "
                                                     "value it names); write the value out instead")
                repeated += node.size
                if repeated > MAX_REPEATED_NODES:
                    raise _Refused(event.start_mark, f"too many aliases: they repeat more than "
                                                     f"{MAX_REPEATED_NODES:,} values; content files need no "
                                                     "anchors (&) or aliases (*), so write each value out")
                _check_depth(len(open_nodes) + node.height, event.start_mark)  # it brings its own depth
            elif event_class is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(event.start_mark, "YAML syntax error: a second document (after '---'); "
                                                     "a content file holds one, so remove the line or split the file")
                continue
            elif event_class is yaml.StreamEndEvent or event is None:
                break
            else:
                continue  # the stream's start and the document's end
            if anchor is not None:
                anchors[anchor] = node
            if open_nodes:
                parent = open_nodes[-1][0]
                parent.value.append(node)
                parent.size += node.size
                if node.height >= parent.height:
                    parent.height = node.height + 1
            else:
                root = node
    finally:
        loader.dispose()
    return root


def _check_depth(depth: int, mark: Any) -> None:
    if depth > MAX_DEPTH:
        raise _Refused(mark, f"lists and mappings nested more than {MAX_DEPTH} levels deep; content "
                             "files need only a few levels, so flatten this value")


def _scalar_tag(event: yaml.ScalarEvent) -> str:
    if event.tag == "!":  # the non-specific tag: plain text
        return STR
    if event.tag is not None:
        return event.tag
    if not event.implicit[0]:  # quoted
        return STR
    value = event.value
    if value and value[0] not in _PLAIN_VALUE_STARTS:  # most values are words: no pattern to try
        return STR
    match = _PLAIN_VALUE.fullmatch(value)
    return _PLAIN_TAGS[match.lastgroup] if match else STR


# -- the common case: events straight to plain data and positions ---------------------------


class _NotPlain(Exception):
    """The file has something only the full reader handles: an anchor, alias or tag, a second
    document, a key that is not text, a duplicate key, a value that is a problem, or more
    nesting than the limit."""


def _read_plain(text: str, document: YamlDocument) -> Any:
    """The file's data, its positions noted in `document`, in one pass over the parser's events
    for what content files hold: text keys, plain values, lists and mappings, no anchors or
    tags. The same data and positions as `_compose` and `_Builder` give; anything else raises
    _NotPlain, and the full reader reads the file instead."""
    loader = _LOADER(text)
    positions, key_positions = document.positions, document.key_positions
    problems: list[Problem] = []
    scalars = _Builder(document, problems)  # for the values that are not text
    # Each open list or mapping: [the container, its key path, the key read and its mark,
    # waiting for their value (mappings only)].
    open_nodes: list[list[Any]] = []
    root = None
    documents = 0
    try:
        while True:
            event = loader.get_event()
            event_class = type(event)
            if event_class is yaml.ScalarEvent:
                if event.anchor is not None:
                    raise _NotPlain
                tag = _scalar_tag(event)
                if tag == STR:
                    value = event.value
                elif tag in _ALLOWED_TAGS["scalar"]:
                    value = scalars.scalar(_Node("scalar", tag, event.value, event.start_mark))
                    if problems:
                        raise _NotPlain
                else:
                    raise _NotPlain
                container = None
            elif event_class is yaml.MappingStartEvent or event_class is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag not in (None, "!") or len(open_nodes) >= MAX_DEPTH:
                    raise _NotPlain
                value = container = {} if event_class is yaml.MappingStartEvent else []
            elif event_class is yaml.MappingEndEvent or event_class is yaml.SequenceEndEvent:
                node = open_nodes.pop()
                if node[2] is not None:
                    raise _NotPlain  # a key with no value: not something the parser gives
                continue
            elif event_class is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _NotPlain
                continue
            elif event_class is yaml.StreamEndEvent or event is None:
                break
            elif event_class is yaml.AliasEvent:
                raise _NotPlain
            else:
                continue  # the stream's start and the document's end
            mark = event.start_mark
            if not open_nodes:
                root, path = value, ()
            else:
                parent = open_nodes[-1]
                if type(parent[0]) is list:
                    path = (*parent[1], len(parent[0]))
                    positions[path] = (mark.line + 1, mark.column + 1)
                    parent[0].append(value)
                elif parent[2] is None:  # a key
                    if container is not None or tag != STR or value in parent[0]:
                        raise _NotPlain
                    parent[2], parent[3] = value, mark
                    continue
                else:
                    key, key_mark = parent[2], parent[3]
                    path = (*parent[1], key)
                    key_positions[path] = (key_mark.line + 1, key_mark.column + 1)
                    # An empty value has no text of its own, so it is placed at its key.
                    at = key_mark if value is None else mark
                    positions[path] = (at.line + 1, at.column + 1)
                    parent[0][key] = value
                    parent[2] = None
            if container is not None:
                open_nodes.append([container, path, None, None])
    finally:
        loader.dispose()
    return root


# -- building: nodes to plain data and positions -----------------------------------------


class _Builder:
    """Turns the checked node tree into plain data, noting where each value and key is. A
    value that cannot be plain data (an unknown tag, infinity) is reported and read as null;
    a key that cannot be one is reported and its entry left out. Recursion is safe here:
    `_compose` has bounded the depth, aliases included."""

    def __init__(self, document: YamlDocument, problems: list[Problem]):
        self.document, self.problems = document, problems

    def problem(self, node: _Node, message: str) -> None:
        self.problems.append(Problem(self.document.path, node.mark.line + 1, node.mark.column + 1, message))

    def value(self, node: _Node, key_path: KeyPath) -> Any:
        if node.tag not in _ALLOWED_TAGS[node.kind]:
            shown = "!!" + node.tag[len(_CORE):] if node.tag.startswith(_CORE) else node.tag
            self.problem(node, f"tag '{shown}' is not allowed here: content files hold only text, "
                               "numbers, true/false, lists and mappings, so remove the tag")
            return None
        if node.kind == "list":
            return self.list(node, key_path)
        if node.kind == "mapping":
            return self.mapping(node, key_path)
        return self.scalar(node)

    # Text is most of every file, and as written it is its own value and a usable key, so the
    # loops below take it directly rather than through `value` and `key`.

    def list(self, node: _Node, key_path: KeyPath) -> list[Any]:
        result = []
        positions = self.document.positions
        for index, item in enumerate(node.value):
            child = (*key_path, index)
            positions[child] = _location(item.mark)
            result.append(item.value if item.tag == STR and item.kind == "scalar" else self.value(item, child))
        return result

    def mapping(self, node: _Node, key_path: KeyPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        positions, key_positions = self.document.positions, self.document.key_positions
        for key_node, value_node in zip(node.value[0::2], node.value[1::2]):
            if key_node.tag == STR and key_node.kind == "scalar":
                key = key_node.value
            else:
                usable, key = self.key(key_node)
                if not usable:
                    continue
            if key in result:
                self.problem(key_node, f"duplicate key '{key}': it is already set above in the same mapping, "
                                       "and only the first is read; merge the two or remove one")
                continue  # the first value stays
            child = (*key_path, key)
            if value_node.tag == STR and value_node.kind == "scalar":
                value = value_node.value
            else:
                value = self.value(value_node, child)
            key_positions[child] = _location(key_node.mark)
            # An empty value has no text of its own, so it is placed at its key.
            positions[child] = _location(key_node.mark if value is None else value_node.mark)
            result[key] = value
        return result

    def key(self, node: _Node) -> tuple[bool, Any]:
        """(True, key) for a usable key; (False, None) once the reason it is not is reported."""
        if node.kind != "scalar":
            self.problem(node, f"a key must be a single value such as a name, not a {node.kind}; "
                               "write it as text before the ':'")
            return False, None
        if node.tag == MERGE:
            self.problem(node, "a merge key ('<<') copies values from an anchor; content files need no "
                               "anchors, so write the keys out (or quote '<<' if it is text)")
            return False, None
        if node.tag == NULL:
            self.problem(node, "this key is empty (null); write a name before the ':' "
                               "(quote it if you mean the word)")
            return False, None
        reported = len(self.problems)
        key = self.value(node, ())
        return len(self.problems) == reported, key

    def scalar(self, node: _Node) -> Any:
        text = node.value
        if node.tag in (STR, TIMESTAMP, MERGE):  # dates stay as written
            return text
        if node.tag == NULL:
            return None
        if node.tag == BOOL:
            if text.lower() in ("true", "false"):
                return text.lower() == "true"
            self.problem(node, f"'{_shown(text)}' is not true or false")
            return None
        number = _integer(text) if node.tag == INT else _float(text)
        if number is None and len(text) > _LONGEST_NUMBER:
            self.problem(node, f"a number of {len(text):,} characters is too long to read; quote it if it is text")
        elif number is None:
            kind = "a whole number" if node.tag == INT else "a number"
            self.problem(node, f"'{_shown(text)}' is not {kind}; quote it if it is text")
        elif not math.isfinite(number):  # facts.json must stay valid JSON, which has no infinity
            self.problem(node, f"'{text}' is not a finite number; write a number, or quote it if it is text")
            return None
        return number


def _shown(value: Any) -> str:
    """A value as quoted in a message, cut short: the message is about where it is."""
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _integer(text: str) -> int | None:
    """YAML 1.2's integer forms (`12`, `-3`, `0x1f`, `0o17`, `0b101`), `_` allowed between digits."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    bases = {"0b": 2, "0o": 8, "0x": 16}
    base = bases.get(digits[:2], 10)
    try:
        return sign * int(digits[2:] if base != 10 else digits, base)
    except ValueError:  # no digits, or more than Python converts
        return None


def _float(text: str) -> float | None:
    digits = text.replace("_", "").lower()
    sign = -1.0 if digits.startswith("-") else 1.0
    digits = digits.lstrip("+-")
    if digits in (".inf", ".nan"):
        return sign * math.inf if digits == ".inf" else math.nan
    try:
        return sign * float(digits)
    except ValueError:
        return None


def _location(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1)


# -- writing ---------------------------------------------------------------------------------

# Dates and times, which YAML 1.1 tools would read as such, are written quoted like numbers.
_TIMESTAMP = re.compile(r"""[0-9]{4}-[0-9]{2}-[0-9]{2}
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?""", re.VERBOSE)
_NO_WRAP = 2**31 - 1  # the widest line libyaml takes: a long quote stays on one line, as written
_SCALARS = yaml.emitter.Emitter(None, allow_unicode=True)  # only to judge scalars, never to write
_LINE_BREAKS = "\n\x85\u2028\u2029"  # YAML 1.1's, which a reader folds or keeps unless escaped


class _AsTheLoaderReads:
    """What a dumper writes, as `load_yaml` reads it back: a value goes unquoted only if the
    loader would read it as text, and text with a line break, or with an apostrophe that needs
    quotes, is double-quoted on one line (escaped, it reads back as written; single quotes
    would fold the line break and double the apostrophe)."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is not yaml.ScalarNode:
            return SEQUENCE if kind is yaml.SequenceNode else MAPPING
        if not implicit[0]:
            return STR
        match = _PLAIN_VALUE.fullmatch(value)
        if match:
            return _PLAIN_TAGS[match.lastgroup]
        if _TIMESTAMP.fullmatch(value):
            return TIMESTAMP
        return _CORE + "value" if value == "=" else STR   # "=" is YAML 1.1's value key

    def ignore_aliases(self, data: Any) -> bool:
        return True   # a value used twice is written out twice: content files hold no anchors

    def represent_text(self, text: str) -> yaml.ScalarNode:
        quoted = any(mark in text for mark in _LINE_BREAKS) or ("'" in text and not self._plain(text))
        return self.represent_scalar(STR, text, style='"' if quoted else None)

    def represent_number(self, number: float) -> yaml.ScalarNode:
        # As YAML 1.2 writes it: 1e+16 rather than 1.1's 1.0e+16.
        if number != number:
            return self.represent_scalar(FLOAT, ".nan")
        if number in (math.inf, -math.inf):
            return self.represent_scalar(FLOAT, ".inf" if number > 0 else "-.inf")
        return self.represent_scalar(FLOAT, repr(number).lower())

    def _plain(self, text: str) -> bool:
        return self.resolve(yaml.ScalarNode, text, (True, False)) == STR \
            and _SCALARS.analyze_scalar(text).allow_block_plain


def _writer(dumper: type) -> type:
    """A dumper class: PyYAML's `dumper` writing as the loader reads."""
    writer = type("Writer", (_AsTheLoaderReads, dumper), {})
    writer.add_representer(str, _AsTheLoaderReads.represent_text)
    writer.add_representer(float, _AsTheLoaderReads.represent_number)
    return writer


# libyaml's emitter when PyYAML has it (ten times the speed). It escapes characters beyond
# U+FFFF (emoji) in double quotes where the pure-Python one keeps them; both read back the same.
_WRITER = _writer(yaml.CSafeDumper if yaml.__with_libyaml__ else yaml.SafeDumper)


def dump_yaml(data: Any, header: str = "") -> str:
    """Stable, readable YAML: block style, keys in their order, unicode kept, no line folding of
    quotes; the same data always gives the same text."""
    return header + yaml.dump(data, Dumper=_WRITER, default_flow_style=False, allow_unicode=True,
                              width=_NO_WRAP, sort_keys=False)
