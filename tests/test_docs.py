"""The docs are the code's: the editors' guide, the theme authors' guide, every `check` message.

The tables between `<!-- fields: Model -->` and `<!-- /fields -->` in docs/editors.md are
generated from the field types and descriptions in generator/model/facts.py (the same
descriptions VS Code shows from the schemas); those between `<!-- context: Name -->` and
`<!-- /context -->` in docs/theme.md from the page-context dataclasses of generator/site/pages.py
and their `metadata={"help": ...}`. After changing a model or a context, refresh them with
`EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_docs.py` and review the diff.

Every message `explainer check` can print is read from the source (each message given to a
Problem) and must have its row in the "Messages" section of docs/editors.md, with what to do.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import os
import re
import types
import typing
from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.model.facts import SiteText
from generator.model.records import DATE_PATTERN, PartialDate
from generator.model.ids import ID_PATTERN
from generator.content.schemas import EDITORIAL_SECTIONS, RECORD_TYPES
from generator.site import pages
from generator.site.kinds import STORY_SITES
from generator.site.render import page_contexts
from tests.factories import make_facts

ROOT = Path(__file__).parent.parent
GUIDE = ROOT / "docs" / "editors.md"
TABLE = re.compile(r"(<!-- fields: (\w+) -->\n).*?(<!-- /fields -->)", re.DOTALL)
SCALARS = {str: "text", int: "whole number", float: "number", bool: "`true` or `false`"}


def documented_models() -> dict[str, type[BaseModel]]:
    """Every model an editor writes, nested ones included, by name."""
    found: dict[str, type[BaseModel]] = {}
    pending: list[typing.Any] = [*RECORD_TYPES.values(), SiteText]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                pending.extend(info.annotation for info in annotation.model_fields.values())
        else:
            pending.extend(typing.get_args(annotation))
    return found


def type_label(annotation: typing.Any, info: FieldInfo | None = None) -> str:
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        label = " or ".join(type_label(argument, info) for argument in arguments if argument is not type(None))
        return f"{label}, or empty" if type(None) in arguments else label
    if origin is list:
        return f"list of {type_label(arguments[0])}"
    if origin is dict:
        return f"mapping of {type_label(arguments[0])} to {type_label(arguments[1])}"
    if origin is typing.Literal:
        return "one of " + ", ".join(f"`{argument}`" for argument in arguments)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    if annotation == PartialDate:
        return "date"
    patterns = {getattr(item, "pattern", None) for item in (info.metadata if info else [])}
    if annotation is str and DATE_PATTERN in patterns:
        return "date"
    if annotation is str and ID_PATTERN in patterns:
        return "id"
    return SCALARS[annotation]


def field_table(model: type[BaseModel]) -> str:
    rows = ["| field | required | type | meaning |", "| --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        required = "yes" if info.is_required() else "no"
        meaning = (info.description or "").replace("<", "&lt;")  # Markdown would read <name> as HTML
        rows.append(f"| `{name}` | {required} | {type_label(info.annotation, info)} | {meaning} |")
    return "\n".join(rows) + "\n"


def generated(text: str) -> str:
    models = documented_models()
    return TABLE.sub(lambda match: match[1] + field_table(models[match[2]]) + match[3], text)


def test_the_guide_documents_every_model_with_its_current_fields():
    text = GUIDE.read_text(encoding="utf-8")
    if os.environ.get("EXPLAINER_UPDATE_GOLDEN"):
        GUIDE.write_text(generated(text), encoding="utf-8")
        text = GUIDE.read_text(encoding="utf-8")
    assert sorted(match[2] for match in TABLE.finditer(text)) == sorted(documented_models())
    assert text == generated(text), "refresh with EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_docs.py"


def test_the_guide_names_every_file_and_section():
    text = GUIDE.read_text(encoding="utf-8")
    for kind in RECORD_TYPES:
        assert f"`{kind}`" in text
    for section in EDITORIAL_SECTIONS:
        assert f"### `{section}`" in text
    for command in ("extract", "check", "serve", "build"):
        assert f"explainer {command}" in text


def test_the_readme_links_the_guide():
    assert "(docs/editors.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


# -- docs/theme.md: what each page template receives -----------------------------------------

THEME_GUIDE = ROOT / "docs" / "theme.md"
CONTEXT_TABLE = re.compile(r"(<!-- context: (\w+) -->\n).*?(<!-- /context -->)", re.DOTALL)


def context_classes() -> dict[str, type]:
    """Every dataclass a template can meet: the page contexts and the views inside them, the
    core pages' and the story kinds' (generator/site/kinds/)."""
    modules = [pages, *(importlib.import_module(f"generator.site.kinds.{kind}") for kind in STORY_SITES)]
    return {name: value for module in modules for name, value in vars(module).items()
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == module.__name__}


def context_type_label(annotation: typing.Any) -> str:
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        label = " or ".join(context_type_label(argument) for argument in arguments if argument is not type(None))
        return f"{label}, or none" if type(None) in arguments else label
    if origin is list:
        return f"list of {context_type_label(arguments[0])}"
    if origin is tuple:
        return "(" + ", ".join(context_type_label(argument) for argument in arguments) + ")"
    if dataclasses.is_dataclass(annotation):
        return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
    return SCALARS.get(annotation, f"`{getattr(annotation, '__name__', annotation)}`")


def context_table(context: type) -> str:
    hints = typing.get_type_hints(context)
    rows = ["| field | type | holds |", "| --- | --- | --- |"]
    for item in dataclasses.fields(context):
        holds = item.metadata.get("help", "").replace("<", "&lt;").replace("|", "\\|")
        rows.append(f"| `{item.name}` | {context_type_label(hints[item.name])} | {holds} |")
    return "\n".join(rows) + "\n"


def generated_contexts(text: str) -> str:
    classes = context_classes()
    return CONTEXT_TABLE.sub(lambda match: match[1] + context_table(classes[match[2]]) + match[3], text)


def test_every_context_field_says_what_it_holds():
    unexplained = [f"{name}.{item.name}" for name, context in context_classes().items()
                   for item in dataclasses.fields(context) if not item.metadata.get("help", "").strip()]
    assert not unexplained, 'give these fields a field(metadata={"help": ...}) in generator/site/pages.py'


def test_the_theme_guide_documents_every_context_with_its_current_fields():
    text = THEME_GUIDE.read_text(encoding="utf-8")
    if os.environ.get("EXPLAINER_UPDATE_GOLDEN"):
        THEME_GUIDE.write_text(generated_contexts(text), encoding="utf-8")
        text = THEME_GUIDE.read_text(encoding="utf-8")
    assert sorted(match[2] for match in CONTEXT_TABLE.finditer(text)) == sorted(context_classes())
    assert text == generated_contexts(text), "refresh with EXPLAINER_UPDATE_GOLDEN=1 pytest tests/test_docs.py"


def test_the_theme_guide_names_each_template_with_its_context():
    lines = THEME_GUIDE.read_text(encoding="utf-8").splitlines()
    pairs = {(template, type(context).__name__) for template, context in page_contexts(make_facts()).values()}
    for template, name in sorted(pairs):
        assert any(f"`{template}`" in line and f"[{name}](#{name.lower()})" in line for line in lines), template


# -- docs/editors.md, "Messages": every message `explainer check` can print ---------------------

MESSAGE_SOURCES = (*sorted((ROOT / "generator" / "content").glob("*.py")),
                   ROOT / "generator" / "files" / "articles.py", ROOT / "generator" / "files" / "yamlfile.py",
                   ROOT / "generator" / "files" / "project.py")
# The calls that make a problem, and the position of the message among their arguments.
MESSAGE_ARGUMENT = {"Problem": 3, "problem": 1, "_Refused": 1}
PLACEHOLDER = "…"  # what a message template shows for each value filled in


def message_templates() -> dict[str, str]:
    """Each message the content checks can produce, with every value they fill in shown as `…`,
    and where it is made (path:line)."""
    found: dict[str, str] = {}
    for path in MESSAGE_SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        # Each call is read in the function around it (the innermost), whose variables it may use.
        scope_of = {id(node): tree for node in ast.walk(tree)}
        for function in (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)):
            scope_of.update({id(node): function for node in ast.walk(function)})
        for call in ast.walk(tree):
            if isinstance(call, ast.Call):
                scope = scope_of[id(call)]
                variables = assignments(scope) if scope is not tree else {}
                message = message_argument(call)
                for template in templates(message, functions, variables, frozenset()) if message else []:
                    found.setdefault(template, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def message_argument(call: ast.Call) -> ast.expr | None:
    function = call.func
    name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)
    if name not in MESSAGE_ARGUMENT:
        return None
    keyword = next((item.value for item in call.keywords if item.arg == "message"), None)
    position = MESSAGE_ARGUMENT[name]
    return keyword if keyword is not None else (call.args[position] if len(call.args) > position else None)


def assignments(function: ast.AST) -> dict[str, list[ast.expr]]:
    """The values given to each plain variable of a function, to follow `hint = ...` into a message."""
    found: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            found.setdefault(node.targets[0].id, []).append(node.value)
    return found


def templates(node: ast.expr, functions: dict[str, ast.FunctionDef], variables: dict[str, list[ast.expr]],
              seen: frozenset[str]) -> list[str]:
    """The texts an expression can give: a string, an f-string, either branch of a condition, a
    variable's values, or what a function of the same module returns. A value computed any other
    way is a placeholder inside an f-string; a message passed on whole (`problem(path, message)`)
    gives nothing here: it is counted where it was made."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        texts = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                choices = [part.value]
            else:
                plain = part.conversion == -1 and part.format_spec is None
                choices = (templates(part.value, functions, variables, seen) if plain else []) or [PLACEHOLDER]
            texts = [text + choice for text in texts for choice in choices]
        return [re.sub(f"{PLACEHOLDER}+", PLACEHOLDER, text) for text in texts]
    if isinstance(node, ast.IfExp):
        return templates(node.body, functions, variables, seen) + templates(node.orelse, functions, variables, seen)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [left + right for left in templates(node.left, functions, variables, seen)
                for right in templates(node.right, functions, variables, seen)]
    if isinstance(node, ast.Name) and node.id in variables and node.id not in seen:
        choices = [templates(value, functions, variables, seen | {node.id}) for value in variables[node.id]]
        return [text for texts in choices for text in texts] if all(choices) else []
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions \
            and node.func.id not in seen:
        function = functions[node.func.id]
        inner = assignments(function)
        return [text for returned in ast.walk(function) if isinstance(returned, ast.Return) and returned.value
                for text in templates(returned.value, functions, inner, seen | {function.name})]
    return []


def first_clause(message: str) -> str:
    """What is wrong: a message says it first, then what to do after '; '."""
    return message.split("; ", 1)[0]


def matches(template: str, documented: str) -> bool:
    """Whether a documented message is this template, with any text in the place of each `…`."""
    pattern = ".*".join(re.escape(part) for part in first_clause(template).split(PLACEHOLDER))
    return re.fullmatch(pattern, first_clause(documented)) is not None


def documented_messages() -> dict[str, list[str]]:
    """The Messages section of the guide: each message (the first code span of its row) with
    the row's other cells."""
    text = GUIDE.read_text(encoding="utf-8")
    section = re.search(r"^## Messages\b.*?(?=^## |\Z)", text, re.DOTALL | re.MULTILINE)
    assert section, "docs/editors.md has no '## Messages' section"
    rows: dict[str, list[str]] = {}
    for line in section[0].splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        code = re.match(r"(`+)(.+?)\1", cells[0]) if line.startswith("|") else None
        if code:
            rows[code[2].strip()] = cells[1:]
    return rows


def test_the_message_collector_finds_each_way_a_message_is_made():
    found = list(message_templates())
    assert "article is empty; add its text or remove the file" in found  # Problem(...)
    assert any(text.startswith("no person with id '…'") for text in found)  # placed.problem(...)
    assert any(text.startswith("unknown key '…'") for text in found)  # a helper's return value
    assert any(text.startswith("'…' is not a date") for text in found)  # a branch of a helper
    assert any(text.startswith("lists and mappings nested more than …") for text in found)  # _Refused(...)
    assert matches("no … fact with id '…'…", "no people fact with id 'x'; did you mean 'y'?")
    assert not matches("no person with id '…'", "no people fact with id 'x'")


def test_every_check_message_is_in_the_guide():
    documented = documented_messages()
    missing = [f"{where}: {first_clause(template)}" for template, where in message_templates().items()
               if not any(matches(template, message) for message in documented)]
    assert not missing, "add a row to the Messages section of docs/editors.md for:\n" + "\n".join(missing)


def test_every_message_in_the_guide_is_still_made_and_says_what_to_do():
    produced = message_templates()
    gone = [message for message in documented_messages() if not any(matches(t, message) for t in produced)]
    assert not gone, f"docs/editors.md documents messages no check makes: {gone}"
    for message, cells in documented_messages().items():
        assert len(cells) >= 2 and all(cells), f"say what {message!r} means and what to do"


# -- docs/DESIGN.md: the house, module by module ---------------------------------------------

DESIGN = ROOT / "docs" / "DESIGN.md"


def design_modules() -> set[str]:
    """The modules the design document lists: each row `| `name.py` |` of a section headed by
    its folder (`### `generator/site/`: ...`), or of "At the top" for the package's own, and
    the story kinds' modules each `| `kinds/` |` row names (`pledges.py`, ...)."""
    listed: set[str] = set()
    for section in re.split(r"^### ", DESIGN.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        heading = section.splitlines()[0]
        folder = re.match(r"`(generator/\w+/)`", heading)
        prefix = folder[1] if folder else "generator/" if heading.startswith("At the top") else None
        if prefix:
            listed.update(prefix + name for name in re.findall(r"^\| `(\w+\.py)` \|", section, re.MULTILINE))
            for row in re.findall(r"^\| `kinds/` \|(.*)$", section, re.MULTILINE):
                listed.update(f"{prefix}kinds/{name}" for name in re.findall(r"`(\w+\.py)`", row) if name != "__init__.py")
    return listed


def test_the_design_lists_every_module_of_the_package():
    modules = {path.relative_to(ROOT).as_posix() for path in (ROOT / "generator").rglob("*.py")
               if path.name != "__init__.py" or path.parent.name == "generator"}
    listed = design_modules()
    assert not modules - listed, f"describe these modules in docs/DESIGN.md: {sorted(modules - listed)}"
    assert not listed - modules, f"docs/DESIGN.md lists modules that are gone: {sorted(listed - modules)}"
