"""Setting a page's HTML blocks aside changes nothing Python-Markdown makes of the page."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest

from generator.site.html_blocks import MarkdownBlocks

# The site's Markdown settings (mkdocs.yml), and the fences MkDocs always adds.
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc", "fenced_code"]
SETTINGS = {"toc": {"permalink": True}}


def converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs=SETTINGS)


BLOCKS = MarkdownBlocks.for_markdown(converter())

# Page → how many blocks are set aside from it.
PAGES = {
    # Headings and blocks, as the page templates write them.
    '# Title\n\n<p class="note">a &amp; b &#40;c&#41; &#x28;</p>\n<ol>\n<li id="e-1">x<br>y</li>\n</ol>\n\n'
    "## More { data-search-exclude }\n\n<dl><dt>a</dt><dd>b</dd></dl>\n": 3,
    # A list inside a list of the same kind, its end tag ending a line first.
    "<ul>\n<li><ul>\n<li>x</li>\n</ul>\n</li>\n</ul>\n\ntext\n": 1,
    # Markdown straight after a block, and inline HTML starting a line before one.
    "<p>a</p>\nnext *text*\n\n<span>x</span> *y*\n<p>z</p>\n": 2,
    # Elements that close themselves, and a drawing's titles (read as text by newer parsers).
    '<figure>\n<svg><title>Map</title><path d="M0 0"/><img src="a.png" alt=""></svg>\n</figure>\n': 1,
    # Blocks with blank lines inside, and valueless and single-quoted attributes.
    "<details open>\n<summary>More</summary>\n\n<p data-x='1'>a</p>\n</details>\n": 1,
    # Markdown inside HTML, when asked for: left to Python-Markdown, and so is all after it.
    '<div markdown="1">\n*em*\n</div>\n\n<p>a</p>\n': 0,
    '<p>a</p>\n\n<div markdown>\n*em*\n</div>\n': 1,
    # A comment, an indented tag, a processing instruction or a rule: the scan stops there.
    "<p>a</p>\n\n<!-- note -->\n\n<p>b</p>\n": 1,
    "  <p>a</p>\n\n<p>b</p>\n": 0,
    "text <?php x ?>\n\n<p>b</p>\n": 0,
    "<hr>\n\n<p>b</p>\n": 0,
    # A code fence anywhere, or a carriage return: the page is left whole.
    "<p>a</p>\n\n```\n<p>b</p>\n```\n": 0,
    "<p>a</p>\r\n<p>b</p>\n": 0,
    # Blocks whose text the parser or Python-Markdown would change, or read another way.
    "<p>a</p> and a tail\n": 0,
    "<p>&#40 x</p>\n": 0,
    "<p>AT&T</p>\n": 0,
    "<p>a\tb</p>\n": 0,
    "<div>\n   \n<p>a</p>\n</div>\n": 0,
    "<div><script>if (a<b) go()</script></div>\n": 0,
    "<div><title>a <b>bold</b></title></div>\n": 0,
    "<DIV>a</DIV>\n": 0,
    "<p class=x>a</p>\n": 0,
    '<p title="a>b">c</p>\n': 0,
    "<div>\n<p>never closed\n</div>\n": 0,
    "<div>\n<p>a</p>\n": 0,
    "<p>a</b></p>\n": 0,
    "<p>a</p>\n===\n": 1,
}


@pytest.mark.parametrize("page", list(PAGES))
def test_a_page_converts_the_same_with_its_blocks_set_aside(page):
    aside = BLOCKS.set_aside(page)
    assert len(aside.blocks) == PAGES[page]
    assert aside.text == page
    assert aside.restore(converter().convert(aside.markdown)) == converter().convert(page)


class Anchors(HTMLParser):
    """The anchors of a page, as MkDocs collects them."""

    def __init__(self, text: str):
        super().__init__()
        self.found: set[str] = set()
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found |= {value for name, value in attrs if name == "id" or (name == "name" and tag == "a")}


def test_the_anchors_of_blocks_set_aside_are_those_mkdocs_would_find():
    page = ('<ol>\n<li id="one">a <a id="two&amp;three" href="#x">b</a></li>\n<li ID="four" title="id=no">'
            "c</li>\n</ol>\n\n<p>id=\"text\" <a name='five' href='#y'>d</a> <span name=\"no\">e</span></p>\n")
    aside = BLOCKS.set_aside(page)
    assert len(aside.blocks) == 2
    assert aside.anchors == Anchors(page).found == {"one", "two&three", "four", "five"}


def test_a_missing_placeholder_is_an_error():
    aside = BLOCKS.set_aside("<p>a</p>\n\n<p>b</p>\n")
    with pytest.raises(ValueError, match="2 HTML blocks"):
        aside.restore("<p>a</p>")


def test_nothing_is_set_aside_when_an_extension_rewrites_text_before_html_is_read():
    snippets = markdown.Markdown(extensions=[*EXTENSIONS, "pymdownx.snippets"], extension_configs=SETTINGS)
    blocks = MarkdownBlocks.for_markdown(snippets)
    assert not blocks.enabled
    assert blocks.set_aside("<p>a</p>\n").blocks == []
    assert BLOCKS.enabled
