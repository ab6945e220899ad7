"""jekyll-mentions 1.6: ``@name`` in a rendered HTML page becomes a link to the profile.

The gem runs html-pipeline's MentionFilter over the page's ``<body>``: that parses the
body with libxml2 and writes it back, so a page whose body merely *looks* like it has
a mention is re-serialized as a whole (see ``_html4``), which this module reproduces.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from . import Plugin
from ._html4 import Element, Text, escape_text, parse_fragment, serialize

if TYPE_CHECKING:
    from ..document import Document, Page
    from ..site import Site

__all__ = ["MentionsPlugin", "mention_base", "mentionify"]

GITHUB_DOT_COM = "https://github.com"

# html-pipeline's MentionPatterns for jekyll-mentions' username pattern [\w][\w-]*
# (Ruby's \w is ASCII; ^ and $ are line anchors; (?=(…))\1 is the atomic group)
_MENTION_RE = re.compile(
    r"(?:^|\W)@(?=([\w][\w-]*))\1(?!/)(?=\.+[ \t\W]|\.+$|[^0-9a-zA-Z_.]|$)",
    re.I | re.M | re.A,
)
_BODY_OPEN_RE = re.compile(r"<body(.*?)>\s*", re.S)
_MENTION_LOGINS = frozenset({"mention", "mentions", "mentioned", "mentioning"})
_IGNORE_PARENTS = frozenset({"pre", "code", "a", "style", "script"})


def _default_base() -> str:
    ssl, hostname = os.environ.get("SSL", ""), os.environ.get("GITHUB_HOSTNAME", "")
    if ssl and hostname:
        scheme = "https://" if ssl == "true" else "http://"
        return scheme + hostname.removesuffix("/")
    return GITHUB_DOT_COM


def mention_base(config: dict[str, Any]) -> str:
    """The profile URL prefix: ``jekyll-mentions`` (a string, or a hash's ``base_url``)."""
    value = config.get("jekyll-mentions")
    if value is None:
        return _default_base()
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        base = value["base_url"] if "base_url" in value else _default_base()
        return "" if base is None else str(base)
    from ..dialect.filters._base import class_name

    raise ConfigError(
        "Your jekyll-mentions config has to either be a string or a hash. "
        f"It's a {class_name(value)} right now.")


def _ignored(node: Text) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.name in _IGNORE_PARENTS:
            return True
        parent = parent.parent
    return False


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _link_text(text: Text, base: str) -> list[Text | Element] | None:
    """The text node's replacement, or None when no mention in it links anywhere."""
    html = escape_text(text.data)  # the filter matches on the node's to_html
    if "@" not in html:
        return None
    url = base if base.endswith(("/", "~")) else base + "/"
    pieces: list[Text | Element] = []
    last = 0
    for m in _MENTION_RE.finditer(html):
        login = m.group(1)
        if login.lower() in _MENTION_LOGINS:
            continue  # no info_url: "@mention" and friends stay text
        at = m.start() + m.group(0).index("@" + login)
        if at > last:
            pieces.append(Text(_unescape(html[last:at])))
        link = Element("a", [("href", url + login), ("class", "user-mention")])
        link.append(Text("@" + login))
        pieces.append(link)
        last = at + 1 + len(login)
    if not pieces:
        return None
    if last < len(html):
        pieces.append(Text(_unescape(html[last:])))
    return pieces


def _filter(html: str, base: str) -> str:
    fragment = parse_fragment(html)
    for text in list(fragment.text_nodes()):
        if _ignored(text):
            continue
        pieces = _link_text(text, base)
        if pieces is None:
            continue
        parent = text.parent
        assert parent is not None
        at = parent.children.index(text)
        for piece in pieces:
            piece.parent = parent
        parent.children[at:at + 1] = pieces
    return serialize(fragment)


def mentionify(output: str, base: str) -> str:
    """The gem's ``Jekyll::Mentions.mentionify`` on a rendered page's output."""
    if "@" not in output:
        return output
    if "<body" not in output:
        return _filter(output, base) if _MENTION_RE.search(output) else output
    m = _BODY_OPEN_RE.search(output)
    if m is None:
        return output
    head, opener, tail = output[:m.start()], m.group(0), output[m.end():]
    body, sep, rest = tail.partition("</body>")
    if not _MENTION_RE.search(body):
        return output
    return head + opener + _filter(body, base) + sep + rest


class MentionsPlugin(Plugin):
    """Jekyll's ``:post_render`` hook for pages and documents."""

    name = "jekyll-mentions"
    refreshable = True

    def after_render(self, site: Site, item: Page | Document) -> None:
        from ..document import Page

        if item.output is None or item.data.get("jekyll-mentions") is False:
            return
        if not isinstance(item, Page) and not item.write:
            return
        permalink = item.permalink
        if item.output_ext != ".html" and not (permalink and permalink.endswith("/")):
            return
        config: dict[str, Any] = site.config
        if "jekyll-mentions" in item.data:
            config = {**config, **item.data}
        item.output = mentionify(item.output, mention_base(config))
