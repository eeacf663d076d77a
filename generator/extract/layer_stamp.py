"""What the machine layer was made from, so that a run with nothing new neither combines nor writes.

`content/extracted/` is a function of: each article's cache entry (its name is the key of the
article's text, date, story years, id and kinds, and of the extractor fingerprint), each
source's record (title, outlet, date, file...), the project's kinds, and the code and
libraries that combine and write the records. The stamp keeps one digest of all of those and
one digest per file written. A run whose inputs give the same digest, and which finds the
layer's files exactly as written (none changed, missing or added), has nothing to do; any
other run combines and writes as before, so a file damaged by hand is put right.
"""

from __future__ import annotations

import functools
import hashlib
import json
from importlib.metadata import version as package_version
from pathlib import Path

from generator.files.atomic import write_text
from generator.model.records import Source

_GENERATOR = Path(__file__).resolve().parent.parent
# Beyond the extractors (their fingerprint, which leaves out some of the model): the code that
# combines with the model's words and records, and that orders, dumps and heads the files.
_WRITER_CODE = ("files/yamlfile.py", "content/schemas.py")
# Libraries whose output is in the files: country names, the YAML text, the records' dumps.
_LIBRARIES = ("pycountry", "PyYAML", "pydantic")


@functools.cache
def _writer_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in [*(_GENERATOR / name for name in _WRITER_CODE), *sorted((_GENERATOR / "model").rglob("*.py"))]:
        digest.update(path.read_bytes())
    for library in _LIBRARIES:
        digest.update(f"{library}={package_version(library)}".encode())
    return digest.hexdigest()


def inputs_digest(extractor: str, kinds: list[str], entries: list[str], sources: list[Source]) -> str:
    """One digest of everything the layer is made from; `entries` are the articles' cache
    entry names, in the articles' order, as `sources` are."""
    inputs = {
        "extractor": extractor, "writer": _writer_fingerprint(), "kinds": kinds, "entries": entries,
        "sources": [source.model_dump(mode="json") for source in sources],
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _file_digests(texts: dict[str, str]) -> dict[str, str]:
    return {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in texts.items()}


def up_to_date(stamp: Path, layer: Path, inputs: str) -> dict[str, int] | None:
    """The record counts by kind the stamp holds, when the layer was made from these inputs
    and holds exactly the files written then; else None (a missing or broken stamp too)."""
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
        if recorded["inputs"] != inputs:
            return None
        files, counts = recorded["files"], recorded["counts"]
        on_disk = {path.relative_to(layer).as_posix(): path for path in layer.rglob("*") if not path.is_dir()}
        if on_disk.keys() != files.keys():
            return None
        for name, path in on_disk.items():
            if hashlib.sha256(path.read_bytes()).hexdigest() != files[name]:
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return counts if isinstance(counts, dict) else None


def write_stamp(stamp: Path, inputs: str, texts: dict[str, str], counts: dict[str, int]) -> None:
    """Written after the layer: a run cut short between the two finds the old stamp, whose
    inputs or file digests no longer match, and does the work again."""
    # The counts in the order given: the command lists them so.
    write_text(stamp, json.dumps({"inputs": inputs, "files": _file_digests(texts), "counts": counts}))
