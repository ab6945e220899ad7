"""jemoji 0.13 (GitHub Pages' emoji plugin): ``:name:`` in a rendered page becomes an image.

The gem runs html-pipeline 2.14's EmojiFilter (names and images from gemoji 4.1, see
``_emoji_table``) over the page's ``<body>`` whenever the page holds an emoji name
anywhere, so such a body is re-serialized as a whole by libxml2 (see ``_html4``).
The filter swaps each text node holding a name for the text with ``<img>`` tags spliced
in, *parsed again as HTML*: a text node that reads ``a<b :smile:`` (from ``a&lt;b``)
gains a ``<b>`` element, and script or style text is treated like any other.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from . import Plugin
from ._html4 import Element, Node, Raw, Text, parse_fragment, parse_under_element, serialize

if TYPE_CHECKING:
    from ..document import Document, Page
    from ..site import Site

__all__ = ["JemojiPlugin", "emoji_images", "emoji_src", "emojify"]

GITHUB_ASSET_HOST = "https://github.githubassets.com"
ASSET_PATH = "/images/icons/"

# an emoji name can only run from one colon to the next; the lookahead keeps the
# closing colon free to open the next candidate, as the gem's regexp scan does
_CANDIDATE_RE = re.compile(r":(?=([a-z0-9_+\-]+):)")
_BODY_OPEN_RE = re.compile(r"<body(.*?)>\s*", re.S)
_IGNORED_ANCESTORS = frozenset({"pre", "code", "tt"})


@cache
def emoji_images() -> Mapping[str, str]:
    """gemoji's name -> image file (relative to the ``emoji/`` folder)."""
    from ._emoji_table import TABLE

    images: dict[str, str] = {}
    for line in TABLE.splitlines():
        stem, *names = line.split()
        image = f"{stem[1:]}.png" if stem.startswith("!") else f"unicode/{stem}.png"
        images.update(dict.fromkeys(names, image))
    return images


def _default_src() -> str:
    host = os.environ.get("ASSET_HOST_URL", "")
    return (host.removesuffix("/") if host else GITHUB_ASSET_HOST) + ASSET_PATH


def emoji_src(config: Mapping[str, Any]) -> Any:
    """The images' root URL: the site's ``emoji: src:``, else GitHub's asset host
    (``ASSET_HOST_URL`` in the environment overrides the host, as on GitHub Pages)."""
    if "emoji" not in config:
        return _default_src()
    section = config["emoji"]
    if not isinstance(section, dict):
        # the gem calls key? on it and crashes
        raise ConfigError(
            f"jemoji: the emoji setting has to be a hash with a src, not {section!r}")
    return section["src"] if "src" in section else _default_src()


def _matches(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each emoji name in ``text``, left to right."""
    images = emoji_images()
    last = 0
    for m in _CANDIDATE_RE.finditer(text):
        name = m.group(1)
        if m.start() >= last and name in images:
            last = m.end() + len(name) + 1
            yield m.start(), last, name


def has_emoji(html: str) -> bool:
    """Whether ``html`` holds an emoji name anywhere (the gem's test before filtering)."""
    return next(_matches(html), None) is not None


def _image_url(src: Any, image: str) -> str:
    if not isinstance(src, str):
        # File.join raises a TypeError on it in the gem
        raise ConfigError(f"jemoji: emoji.src has to be a URL, not {src!r}")
    return f"{src}{'' if src.endswith('/') else '/'}emoji/{image}"


def _with_images(text: str, src: Any) -> str | None:
    """The text with each name replaced by its ``<img>`` markup; None when it has none."""
    images = emoji_images()
    pieces: list[str] = []
    last = 0
    for start, end, name in _matches(text):
        url = _image_url(src, images[name])
        pieces.append(text[last:start])
        pieces.append(f'<img class="emoji" title=":{name}:" alt=":{name}:" src="{url}" '
                      'height="20" width="20">')
        last = end
    if not pieces:
        return None
    pieces.append(text[last:])
    return "".join(pieces)


def _text_nodes(element: Element) -> Iterator[Text | Raw]:
    """XPath ``.//text()``: text nodes and script/style text (CDATA), in document order."""
    for child in element.children:
        if isinstance(child, (Text, Raw)):
            yield child
        elif isinstance(child, Element):
            yield from _text_nodes(child)


def _ignored(node: Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.name is not None and parent.name.lower() in _IGNORED_ANCESTORS:
            return True
        parent = parent.parent
    return False


def _replacement(html: str, parent: Element) -> list[Node]:
    """Nokogiri's ``node.replace(html)``: at the top of the fragment, ``html`` parsed as a
    fragment of its own; under an element, as ``parse_under_element`` parses it."""
    if parent.name is None:
        return list(parse_fragment(html).children)
    return parse_under_element(html)


def _filter(html: str, src: Any) -> str:
    fragment = parse_fragment(html)
    for node in list(_text_nodes(fragment)):
        if ":" not in node.data or _ignored(node):
            continue
        replaced = _with_images(node.data, src)
        if replaced is None:
            continue
        parent = node.parent
        assert parent is not None
        nodes = _replacement(replaced, parent)
        for new in nodes:
            new.parent = parent
        at = parent.children.index(node)
        parent.children[at:at + 1] = nodes
    return serialize(fragment)


def emojify(output: str, config: Mapping[str, Any]) -> str:
    """The gem's ``Jekyll::Emoji.emojify`` on a rendered page's output."""
    if not has_emoji(output):
        return output
    src = emoji_src(config)
    if "<body" not in output:
        return _filter(output, src)
    m = _BODY_OPEN_RE.search(output)
    if m is None:
        return output
    body, sep, rest = output[m.end():].partition("</body>")
    return output[:m.end()] + _filter(body, src) + sep + rest


class JemojiPlugin(Plugin):
    """Jekyll's ``:post_render`` hook for pages and documents."""

    name = "jemoji"
    refreshable = True

    def after_render(self, site: Site, item: Page | Document) -> None:
        from ..document import Page

        if item.output is None:
            return
        permalink = item.permalink
        # the gem's test reads (written and .html) or a permalink ending in "/"
        if ((isinstance(item, Page) or item.write) and item.output_ext == ".html") or (
                permalink is not None and permalink.endswith("/")):
            item.output = emojify(item.output, site.config)
