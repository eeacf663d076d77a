"""A generated page's HTML blocks, set aside while Python-Markdown converts the page.

A generated page is a few Markdown headings around raw HTML blocks (`render`), which
Python-Markdown passes through as written. It still reads every tag of them with its HTML
parser, twice (the raw-HTML extractor, then MkDocs' scan for anchors), in pure Python: on a
large story most of the Markdown step. Each block that Python-Markdown would keep exactly as
written is replaced by a short placeholder element of the same kind (a block-level element
alone on its lines), which it treats the same way, and put back in the HTML it returns: the
page comes out byte for byte as it would have.

Only blocks whose fate is certain are set aside: a block-level element starting a line, with
no `markdown` attribute, closed at the end of a line, made of well-formed tags and complete
character references, with nothing Python-Markdown rewrites before reading HTML (tabs,
carriage returns, lines of spaces). Scanning stops at the first thing it is not sure of (a
comment, an indented tag, a script), and a page with a code fence is left whole, so the rest
of the page goes through Python-Markdown untouched. Anything set aside reaches no
Markdown extension, so a configuration whose extensions rewrite text before the HTML is read,
or after it is put back, sets nothing aside (`MarkdownBlocks.for_markdown`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import markdown

# What runs on a page's text before Python-Markdown reads its HTML, and after it puts the
# HTML back: the standard steps, which leave the blocks set aside here as written.
_BEFORE_HTML = {"normalize_whitespace", "fenced_code_block", "mkdocs_raw_html"}
_AFTER_HTML = {"amp_substitute"}
# Elements whose content the HTML parser reads as text (or, in newer Pythons, as text with
# character references), and the one it treats as empty: not set aside.
_TEXT_CONTENT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                 "noscript", "plaintext"}
_EMPTY = "hr"
# Elements written without an end tag.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}

PLACEHOLDER = '<div data-explainer-block="{}"></div>'
_PLACEHOLDER = re.compile(r'<div data-explainer-block="([0-9]+)"></div>')

# A tag starting a line.
_LINE_START_TAG = re.compile(r"^<([a-zA-Z][a-zA-Z0-9]*)", re.M)
# What in the text between blocks leaves it uncertain how the HTML parser reads what follows:
# a comment, declaration or processing instruction, a tag after up to three spaces, or an
# element whose content is read as text.
_UNSURE_BETWEEN = [re.compile(r"<[!?]"), re.compile(r"(?:^|\n) {1,3}<"),
                   re.compile(r"<(?:%s)\b" % "|".join(sorted(_TEXT_CONTENT)), re.I)]
# A code fence anywhere: Python-Markdown reads fences before HTML.
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.M)

# Tags as the scan accepts them: lower-case names, attribute values quoted and free of "<"
# and ">", so that inside a block every "<" starts a tag and every ">" ends one. Space is
# what the HTML parser takes for it (Python's `\s` would take more).
_SPACE = r"[ \t\n\r\f]"
_ATTRIBUTES = rf"""(?:{_SPACE}+[^ \t\n\r\f"'<>/=`]+(?:{_SPACE}*={_SPACE}*(?:"[^"<>]*"|'[^'<>]*'))?)*"""
_START_TAG = re.compile(rf"<([a-z][a-z0-9]*)({_ATTRIBUTES}){_SPACE}*>")
# Inside a block: an end tag (group 1: its name), or a start tag (2: its name, 3: its
# attributes, 4: "/" when it closes itself).
_TAG = re.compile(rf"<(?:/([a-z][a-z0-9]*){_SPACE}*>|([a-z][a-z0-9]*)({_ATTRIBUTES}){_SPACE}*(/?)>)")
_ATTRIBUTE = re.compile(rf"""([^ \t\n\r\f"'<>/=`]+)(?:{_SPACE}*={_SPACE}*(?:"([^"]*)"|'([^']*)'))?""")
# Inside a block, what the HTML parser or Python-Markdown would not keep as written: a "&"
# that starts no complete reference (ended by ";"); a tab, a carriage return or
# Python-Markdown's own markers; a line of spaces. Apart, each is found at the speed of a
# text search.
_NOT_AS_WRITTEN = [
    re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[a-zA-Z][-.a-zA-Z0-9]*;)"),
    re.compile(r"[\t\r\x02\x03]"),
    re.compile(r"\n +\n"),
]
# How many places the scan tries for a block's end tag before it leaves the block alone.
_END_TRIES = 4


@dataclass
class SetAside:
    """A page with its blocks replaced by placeholders, and what to put back."""

    text: str       # the page as rendered
    markdown: str   # as Python-Markdown gets it
    blocks: list[str] = field(default_factory=list)
    # The ids in the blocks (and `<a name>`s), as MkDocs collects a page's anchors.
    anchors: set[str] = field(default_factory=set)

    def restore(self, converted: str) -> str:
        """The converted page with every block back in its place."""
        if not self.blocks:
            return converted
        found: list[int] = []

        def block(match: re.Match[str]) -> str:
            found.append(int(match.group(1)))
            return self.blocks[found[-1]]

        restored = _PLACEHOLDER.sub(block, converted)
        if sorted(found) != list(range(len(self.blocks))):
            raise ValueError(f"{len(self.blocks)} HTML blocks were set aside but placeholders {sorted(found)} "
                             "came back from Markdown")
        return restored


class MarkdownBlocks:
    """Sets aside the HTML blocks of pages for one Markdown configuration."""

    def __init__(self, block_level: set[str], enabled: bool = True):
        self.block_level = {tag.lower() for tag in block_level}
        self.enabled = enabled

    @classmethod
    def for_markdown(cls, converter: markdown.Markdown) -> MarkdownBlocks:
        """For pages converted like `converter`; off if an extension rewrites text before its
        HTML is read or after it is put back, or reads HTML some other way."""
        before = {item.name for item in converter.preprocessors._priority if item.priority > 20}
        after = {item.name for item in converter.postprocessors._priority if item.priority < 30}
        standard = ("html_block" in converter.preprocessors and "raw_html" in converter.postprocessors
                    and before <= _BEFORE_HTML and after <= _AFTER_HTML)
        return cls(set(converter.block_level_elements), enabled=standard)

    def set_aside(self, text: str) -> SetAside:
        page = SetAside(text, text)
        # A carriage return becomes a line break before the HTML is read.
        if not self.enabled or "\r" in text or (("```" in text or "~~~" in text) and _FENCE.search(text)):
            return page
        parts, position, scanned = [], 0, 0
        while start := _LINE_START_TAG.search(text, scanned):
            scanned = start.end()
            if start.group(1).lower() not in self.block_level:
                continue  # inline HTML: Markdown text, which the parser reads on
            if any(pattern.search(text, position, start.start()) for pattern in _UNSURE_BETWEEN):
                break
            end = self._block_end(text, start.start(), page.anchors)
            if end is None:
                break
            parts += [text[position:start.start()], PLACEHOLDER.format(len(page.blocks))]
            page.blocks.append(text[start.start():end])
            position = scanned = end
        if page.blocks:
            page.markdown = "".join(parts) + text[position:]
        return page

    def _block_end(self, text: str, start: int, anchors: set[str]) -> int | None:
        """Where the block starting at `start` ends, if Python-Markdown keeps it as written;
        its anchors are added to `anchors`.

        Its parser counts open tags from the block's first one and ends the block at the end
        tag that closes them all. Here, the first end tag of the same name that ends a line, with
        only whole elements between the two, is where it does: the open tags never all close
        before it, and all close there."""
        first = _START_TAG.match(text, start)
        if first is None or first.group(1) in (_EMPTY, *_TEXT_CONTENT) or "markdown" in first.group(2).lower():
            return None
        closing = re.compile(rf"</{first.group(1)}{_SPACE}*>(?=\n|\Z)")
        for _, end in zip(range(_END_TRIES), closing.finditer(text, first.end())):
            found = _whole_elements(text[first.end():end.start()])
            if found is not None:
                if any(pattern.search(text, start, end.end()) for pattern in _NOT_AS_WRITTEN):
                    return None
                anchors |= found | _anchors(first.group(1), first.group(2))
                return end.end()
        return None


def _whole_elements(html_text: str) -> set[str] | None:
    """The anchors of `html_text` if it is text and elements that each close, every "<"
    starting a tag and every ">" ending one as the scan accepts them, and an element read as
    text (a script, a title) holding no tag; else None."""
    tags = _TAG.findall(html_text)
    if len(tags) != html_text.count("<") or len(tags) != html_text.count(">"):
        return None
    open_tags: list[str] = []
    anchors: set[str] = set()
    for closing, name, attributes, closed in tags:
        if closing:
            if not open_tags or open_tags.pop() != closing:
                return None
            continue
        if open_tags and open_tags[-1] in _TEXT_CONTENT:
            return None
        if attributes and ("id" in (lowered := attributes.lower()) or "name" in lowered):
            anchors |= _anchors(name, attributes)
        if not closed and name not in _VOID:
            open_tags.append(name)
    return anchors if not open_tags else None


def _anchors(tag: str, attributes: str) -> set[str]:
    """The anchors a start tag gives, as MkDocs reads them: ids, and names of `<a>`."""
    anchors = set()
    for attribute in _ATTRIBUTE.finditer(attributes):
        name = attribute.group(1).lower()
        value = attribute.group(2) if attribute.group(2) is not None else attribute.group(3)
        if value is not None and (name == "id" or (name == "name" and tag == "a")):
            anchors.add(html.unescape(value))
    return anchors
