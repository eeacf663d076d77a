"""JSON text for files the generator writes: the same data always gives the same bytes."""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any

INDENT = "  "
_NO_KEY = object()  # what a list's items are listed with


def to_json(document: dict[str, Any]) -> str:
    """Stable text: key order as built, UTF-8 characters kept, two spaces a level, a final
    newline; the bytes `json.dumps(document, ensure_ascii=False, indent=2)` writes.

    `json.dumps` writes indented text with its pure-Python encoder, a generator per list and
    mapping; a large story's facts.json is hundreds of thousands of values, written here by one
    function that appends to a list. Data of any other shape (a key that is not text, a tuple)
    is left to `json.dumps`."""
    parts: list[str] = []
    try:
        _write(document, "", parts.append)
    except TypeError:
        # allow_nan=False: a non-finite number would make the file invalid JSON; the models refuse them.
        return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False, allow_nan=False) + "\n"
    return "".join(parts) + "\n"


def _write(value: Any, indent: str, append) -> None:
    kind = type(value)
    if kind is str:
        append(encode_basestring(value))
    elif kind is dict or kind is list:
        opening, closing = ("{", "}") if kind is dict else ("[", "]")
        if not value:
            append(opening + closing)
            return
        inner = indent + INDENT
        separator = opening + "\n" + inner
        for key, item in value.items() if kind is dict else ((_NO_KEY, item) for item in value):
            if key is _NO_KEY:
                append(separator)
            elif type(key) is str:
                append(separator + encode_basestring(key) + ": ")
            else:
                raise TypeError("a key that is not text")
            _write(item, inner, append)
            separator = ",\n" + inner
        append("\n" + indent + closing)
    elif value is None:
        append("null")
    elif value is True:
        append("true")
    elif value is False:
        append("false")
    elif kind is int:
        append(int.__repr__(value))
    elif kind is float:
        if not math.isfinite(value):
            raise ValueError(f"{value!r} cannot be written as JSON")
        append(float.__repr__(value))
    else:
        raise TypeError(f"{kind.__name__} is left to json.dumps")
