"""Large patterns built from the programs an earlier run kept are the patterns `re` compiles."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.extract import actors, pattern_store, roles

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "seeds" / "000_7cc8c4a22af20c67.txt").read_text(encoding="utf-8")
# Rule patterns that embed the gazetteer's alternations, one with flags of its own.
PATTERNS = [(actors.PLACE_NAME.pattern, 0), (roles._RESPECTIVE_TITLES.pattern, 0),
            (rf"\b(?:{actors.PLACE_NAMES_PATTERN})\b", re.IGNORECASE | re.MULTILINE)]


def store_file(folder: Path) -> Path:
    [path] = folder.iterdir()
    return path


def never_compiled(monkeypatch) -> None:
    def compile_refused(pattern, flags=0):
        raise AssertionError("compiled again")
    monkeypatch.setattr(re, "compile", compile_refused)


def test_a_kept_program_builds_the_pattern_re_compiles(tmp_path, monkeypatch):
    with pattern_store.kept_in(tmp_path):
        first = [pattern_store.compiled(text, flags) for text, flags in PATTERNS]
    made = [re.compile(text, flags) for text, flags in PATTERNS]
    never_compiled(monkeypatch)
    with pattern_store.kept_in(tmp_path):
        built = [pattern_store.compiled(text, flags) for text, flags in PATTERNS]
    assert built == made == first   # equal patterns have equal programs
    compared = 0
    for pattern, reference in zip(built, made):
        assert (pattern.groups, pattern.groupindex, pattern.flags) == (reference.groups, reference.groupindex, reference.flags)
        found = [(match.span(), match.groupdict()) for match in pattern.finditer(TEXT)]
        assert found == [(match.span(), match.groupdict()) for match in reference.finditer(TEXT)]
        compared += len(found)
    assert compared > 20


def test_a_run_that_finds_every_program_writes_nothing(tmp_path):
    with pattern_store.kept_in(tmp_path):
        pattern_store.compiled(*PATTERNS[0])
    before = store_file(tmp_path).stat()
    with pattern_store.kept_in(tmp_path):
        pattern_store.compiled(*PATTERNS[0])
    after = store_file(tmp_path).stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_programs_of_patterns_no_longer_compiled_are_dropped(tmp_path):
    with pattern_store.kept_in(tmp_path):
        pattern_store.compiled(*PATTERNS[0])
        pattern_store.compiled(*PATTERNS[1])
    with pattern_store.kept_in(tmp_path):
        pattern_store.compiled(*PATTERNS[0])
        pattern_store.compiled(*PATTERNS[2])
    kept = marshal.loads(store_file(tmp_path).read_bytes())["programs"]
    assert set(kept) == {(PATTERNS[0][0], 0), (PATTERNS[2][0], int(PATTERNS[2][1]))}


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],                                        # cut short
    lambda data: b"not a store",
    lambda data: marshal.dumps({**marshal.loads(data), "format": "another Python"}),
    lambda data: marshal.dumps({**marshal.loads(data), "programs": {
        key: (flags, code[:-8], *rest) for key, (flags, code, *rest) in marshal.loads(data)["programs"].items()}}),
])
def test_a_damaged_store_or_another_pythons_is_compiled_anew_and_replaced(tmp_path, damage):
    with pattern_store.kept_in(tmp_path):
        pattern_store.compiled(*PATTERNS[0])
    path = store_file(tmp_path)
    good = path.read_bytes()
    path.write_bytes(damage(good))
    with pattern_store.kept_in(tmp_path):
        assert pattern_store.compiled(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    assert path.read_bytes() == good


def test_outside_a_store_a_pattern_is_compiled_as_re_compiles_it(tmp_path):
    assert pattern_store.compiled(*PATTERNS[0]) is re.compile(*PATTERNS[0])   # re's own cache


def test_a_store_that_cannot_be_written_is_done_without(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the store's folder would be")
    with pattern_store.kept_in(blocked):
        assert pattern_store.compiled(*PATTERNS[0]) == re.compile(*PATTERNS[0])


# Printed by a fresh process: every large pattern the rule modules compile, in order.
_RULE_PATTERNS = """
import hashlib, importlib, pkgutil
from generator.extract import pattern_store
texts = []
compile_pattern = pattern_store.compiled
pattern_store.compiled = lambda text, flags=0: texts.append(text) or compile_pattern(text, flags)
import generator.extract, generator.extract.kinds
for package in (generator.extract, generator.extract.kinds):
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
print(len(texts), hashlib.sha256("\\n".join(texts).encode()).hexdigest())
"""


def test_the_rules_patterns_are_the_same_text_in_every_process():
    # Python orders a set differently in each process: a pattern written from one would
    # never find its program again.
    printed = {subprocess.run([sys.executable, "-c", _RULE_PATTERNS], capture_output=True, text=True, check=True,
                              cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert len(printed) == 1 and int(printed.pop().split()[0]) > 40


def test_each_python_release_keeps_its_own_file(tmp_path):
    # Two releases of one minor version share a cache tag; each keeps its programs apart.
    with pattern_store.kept_in(tmp_path):
        pattern_store.compiled(r"\b(?:alpha|beta|gamma)\b")
    release = ".".join(map(str, sys.version_info[:3]))
    assert store_file(tmp_path).name == f"{sys.implementation.cache_tag}-{release}.marshal"
