"""The rule modules' large regular expressions, compiled once per project rather than once per run.

Those patterns embed the gazetteer's alternations (every name of a country or organisation,
every demonym, city and title: ten thousand characters, some of them several times). Python's
`re` parses and compiles each one anew in every process, in Python code: for the forty of them,
0.29 s before the first article can be read, more than the rules then take on a new article.
What `re` makes of a pattern, its program, depends only on the pattern's text, its flags and
the Python that compiles it, and built from its program a pattern takes a seventieth of the
time (`re`'s C core only checks it). So, as Jinja keeps compiled templates, `explainer extract`
keeps the programs in the project's cache (`kept_in`), and the rule modules compile their large
patterns with `compiled`, which builds them from there.

A program is kept only when the pattern built from it equals the one `re.compile` made (`==`
compares the programs, flags and text), and is read back only by the same Python (its version
and `re`'s format number), so a pattern built from the store is the one `re.compile` gives.
Outside `kept_in`, and for anything the store cannot hold, `compiled` is `re.compile`.
"""

from __future__ import annotations

import _sre
import array
import contextlib
import marshal
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from re import _compiler, _parser   # how `re.compile` makes a program: parse, then generate code

from generator.files.atomic import write_bytes

# Programs are `re`'s own format, which only this Python reads.
_FORMAT = f"{sys.version} sre {_sre.MAGIC} {_sre.CODESIZE}"
_RELEASE = ".".join(map(str, sys.version_info[:3]))
_CODE_WORD = "I" if array.array("I").itemsize == _sre.CODESIZE else None
# flags, code (bytes of code words), group count, group numbers by name, names by number
_Program = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


@dataclass
class _Store:
    programs: dict[tuple[str, int], _Program]                             # read from the file
    used: dict[tuple[str, int], _Program] = field(default_factory=dict)   # of the patterns compiled since
    missing: bool = False                                                 # one of those was not in the file


_store: _Store | None = None


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, built from its kept program when a store is open and has it."""
    store = _store
    if store is None or _CODE_WORD is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    program = store.programs.get(key)
    if program is not None:
        with contextlib.suppress(TypeError, ValueError, RuntimeError):   # a damaged entry: compile it
            built = _built(pattern, program)
            store.used[key] = program
            return built
    store.missing = True
    made = re.compile(pattern, flags)
    program = _program(pattern, int(flags))
    built = _built(pattern, program)
    if built == made and built.groupindex == made.groupindex and built.groups == made.groups:
        store.used[key] = program
    return made


def _program(pattern: str, flags: int) -> _Program:
    parsed = _parser.parse(pattern, flags)
    code = array.array(_CODE_WORD, _compiler._code(parsed, flags)).tobytes()
    groups = dict(parsed.state.groupdict)
    names: list[str | None] = [None] * parsed.state.groups
    for name, number in groups.items():
        names[number] = name
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groups, tuple(names)


def _built(pattern: str, program: _Program) -> re.Pattern[str]:
    flags, code, groups, group_numbers, group_names = program
    return _sre.compile(pattern, flags, array.array(_CODE_WORD, code).tolist(), groups, group_numbers, group_names)


@contextlib.contextmanager
def kept_in(folder: Path) -> Iterator[None]:
    """Inside, `compiled` builds patterns from the programs kept in `folder` for this Python.
    Leaving, when a pattern was not there, the file is written anew with the programs of the
    patterns compiled inside, so those of patterns the rules no longer have do not pile up. A
    file that cannot be read is written anew; one that cannot be written is done without."""
    global _store
    # One file per Python release: 3.11.2 and 3.11.7 share a cache tag but not a format, and
    # would otherwise each rewrite the other's programs on every run.
    path = folder / f"{sys.implementation.cache_tag}-{_RELEASE}.marshal"
    previous, _store = _store, _Store(_read(path))
    try:
        yield
    finally:
        store, _store = _store, previous
        if store.missing and store.used:
            with contextlib.suppress(OSError):
                write_bytes(path, marshal.dumps({"format": _FORMAT, "programs": store.used}))


def _read(path: Path) -> dict[tuple[str, int], _Program]:
    try:
        kept = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(kept, dict) or kept.get("format") != _FORMAT or not isinstance(kept.get("programs"), dict):
        return {}
    return kept["programs"]
