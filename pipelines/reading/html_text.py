"""The article of an HTML page: its main text and its title.

The main text comes from trafilatura (readability-style extraction on lxml):
navigation, headers, footers, sidebars, forms, scripts and styles are dropped,
and markup inside a paragraph never becomes text.  A page trafilatura cannot
read (a fragment, plain text saved as ``.html``, nesting deeper than lxml
accepts) falls back to its visible text, still without scripts or styles.
Nothing is fetched: links, images and metadata are ignored.

Examples
--------
>>> page = ("<title>站名</title><nav>首页 新闻</nav><h1>跨境店传闻</h1>"
...         "<p>顾俊告诉虎嗅：“此消息不实。”<script>alert(1)</script></p>")
>>> extract_html(page)
('跨境店传闻', '跨境店传闻\\n顾俊告诉虎嗅：“此消息不实。”')
"""

from __future__ import annotations

from html.parser import HTMLParser

import trafilatura
from lxml import etree

__all__ = ["extract_html"]

# Page furniture dropped before trafilatura looks at the page.  A <header>
# inside an <article> holds the headline, so only outer ones go.
_PRUNE = (
    "//nav",
    "//footer",
    "//aside",
    "//form",
    "//noscript",
    "//template",
    "//header[not(ancestor::article)]",
)
_HIDDEN_TAGS = frozenset(
    {"script", "style", "nav", "header", "footer", "noscript", "template", "aside", "form"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "blockquote", "section", "article", "tr", "pre", "figcaption"}
    | {f"h{level}" for level in range(1, 7)}
)
_VISIBLE_TEXT = "descendant-or-self::text()[not(ancestor::script) and not(ancestor::style)]"


class _PageText(HTMLParser):
    """Visible block text of an HTML page, its <title> and its first <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self.h1: list[str] = []
        self._hidden = 0
        self._in_title = False
        self._in_h1 = False
        self._seen_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        self._in_title = self._in_title or tag == "title"
        if tag == "h1" and not self._seen_h1 and not self._hidden:
            self._in_h1 = self._seen_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._hidden:
            self.parts.append(data)
            if self._in_h1:
                self.h1.append(data)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str) -> str:
    return "\n".join(line for line in map(_one_line, text.split("\n")) if line)


def _visible_text(markup: str) -> tuple[str, str]:
    """``(title, text)`` from the visible text of a page, without trafilatura."""
    parser = _PageText()
    parser.feed(markup)
    parser.close()
    title = _one_line("".join(parser.h1)) or _one_line("".join(parser.title))
    return title, _lines("".join(parser.parts))


def _tree_title(tree: etree._Element) -> str:
    """The first non-empty <h1> outside page furniture, else the <title>."""
    for path in ("//h1[not(ancestor::nav) and not(ancestor::footer)]", "//title"):
        for element in tree.xpath(path):
            title = _one_line("".join(element.xpath(_VISIBLE_TEXT)))
            if title:
                return title
    return ""


def extract_html(markup: str) -> tuple[str, str]:
    """Return ``(title, text)`` of a page: one paragraph per line of ``text``.

    The title is the first <h1>, else the <title>.  The text is the page's main
    content (trafilatura), else its visible text.
    """
    try:
        tree = trafilatura.load_html(markup)
    except (ValueError, etree.LxmlError):
        tree = None
    if tree is None:
        return _visible_text(markup)
    title = _tree_title(tree)
    text = trafilatura.extract(
        tree,
        prune_xpath=list(_PRUNE),
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        fallback_title, text = _visible_text(markup)
        title = title or fallback_title
    return title, _lines(text)
