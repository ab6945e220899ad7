"""jekyll-toc 0.18: a table of contents from a page's headings, and anchors on them.

The filters ``toc_only``, ``inject_anchors`` and ``toc`` and the ``{% toc %}`` tag work
only on a page whose front matter says ``toc: true`` (the tag takes any truthy
value). The gem reads the HTML with Nokogiri (``_html4``), so whatever ``inject_anchors``
or ``toc`` return is the whole fragment as libxml2 writes it back: entities become
characters, ``<br />`` becomes ``<br>``, URLs in ``href``/``src`` are %-escaped, and
a heading that now starts with the anchor element gains a newline after its start tag.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote_plus

from ..errors import NewsletterLiquidError
from ..utils import is_ruby_word, ruby_downcase
from . import Plugin
from ._html4 import Element, Node, Raw, Text, parse_fragment, parse_under_element, serialize

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment

__all__ = [
    "TocError",
    "TocPlugin",
    "TocSettings",
    "build_toc",
    "inject_anchors",
    "toc_id",
    "toc_settings",
    "toc_with_anchors",
]

_DEFAULTS: dict[str, Any] = {
    "min_level": 1,
    "max_level": 6,
    "ordered_list": False,
    "no_toc_section_class": "no_toc_section",
    "list_id": "toc",
    "list_class": "section-nav",
    "sublist_class": "",
    "item_class": "toc-entry",
    "item_prefix": "toc-",
}
_NO_TOC_CLASS = "no_toc"
_ANCHOR = ('<a class="anchor" href="#{}" aria-hidden="true">'
           '<span class="octicon octicon-link"></span></a>')

# A class name Nokogiri's CSS parser reads as one plain class selector (no escapes).
_CSS_IDENT = re.compile(r"-?[_a-zA-Z\u0080-\U0010ffff][_a-zA-Z0-9\-\u0080-\U0010ffff]*")
# XPath's normalize-space (the CSS class test) splits on these; Ruby's \s (the
# ``no_toc`` test, ``Node#classes``) also on \f and \v
_XPATH_SPACE = re.compile(r"[ \t\n\r]+")
_RUBY_SPACE = re.compile(r"[ \t\n\v\f\r]+")
_LEADING_INT = re.compile(r"[ \t\n\v\f\r]*([+-]?[0-9]+(?:_[0-9]+)*)")
# Letters outside the L categories that Onigmo's \p{Word} takes (Other_Alphabetic So)
_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                               "'": "&#39;"})


class TocError(NewsletterLiquidError):
    """A setting or an input the gem fails on (in a template: a Liquid error there)."""


@dataclass(frozen=True)
class TocSettings:
    """The ``toc:`` section of the site's configuration, checked as far as the gem
    checks it before reading any HTML."""

    headings: tuple[str, ...]
    no_toc_sections: tuple[str, ...]
    ordered_list: bool
    list_id: str
    list_class: str
    sublist_class: Any
    item_class: str
    item_prefix: str

    @property
    def list_tag(self) -> str:
        return "ol" if self.ordered_list else "ul"

    def sublist_attributes(self) -> str:
        """Asked only when a nested list is written (so a bad value fails only then)."""
        value = self.sublist_class
        if isinstance(value, (str, list, dict)):
            return f' class="{_ruby_str(value)}"' if value else ""
        raise TocError(f"jekyll-toc: sublist_class must be a string, not {value!r}")


def _ruby_str(value: Any) -> str:
    """Ruby's string interpolation of a setting."""
    from ..dialect.filters._base import ruby_str

    return ruby_str(value)


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def _levels(low: Any, high: Any) -> list[str]:
    """Ruby's ``(low..high).map(&:to_s)`` for the values a YAML file can give."""
    if isinstance(low, int) and isinstance(high, int) and not isinstance(
            low, bool) and not isinstance(high, bool):
        return [str(n) for n in range(low, high + 1)]
    if (isinstance(low, str) and isinstance(high, str) and low.isascii() and high.isascii()
            and low.isdigit() and high.isdigit()):
        # a range of digit strings counts as numbers, padded to the first one's width
        return [str(n).zfill(len(low)) for n in range(int(low), int(high) + 1)]
    raise TocError(f"jekyll-toc: min_level and max_level must be numbers, not "
                   f"{low!r} and {high!r}")


def toc_settings(value: Any) -> TocSettings:
    """The gem's Configuration of the site's ``toc:`` value (anything but a hash gives
    the defaults)."""
    options = {**_DEFAULTS, **value} if isinstance(value, Mapping) else dict(_DEFAULTS)
    headings = tuple(f"h{level}" for level in _levels(options["min_level"],
                                                      options["max_level"]))
    if not headings:
        raise TocError("jekyll-toc: min_level is above max_level, no heading is selected")
    sections = options["no_toc_section_class"]
    names = [_ruby_str(c) for c in sections] if isinstance(sections, list) else [
        _ruby_str(sections)]
    for name in names or [""]:
        if not _CSS_IDENT.fullmatch(name):
            raise TocError(f"jekyll-toc: no_toc_section_class {name!r} is not a CSS class name")
    return TocSettings(
        headings=headings,
        no_toc_sections=tuple(names),
        ordered_list=_truthy(options["ordered_list"]),
        list_id=_ruby_str(options["list_id"]),
        list_class=_ruby_str(options["list_class"]),
        sublist_class=options["sublist_class"],
        item_class=_ruby_str(options["item_class"]),
        item_prefix=_ruby_str(options["item_prefix"]),
    )


# --- ids ----------------------------------------------------------------------------------
def toc_id(text: str) -> str:
    """The gem's id for a heading without one: downcased, punctuation dropped, spaces
    to dashes, then CGI-escaped."""
    if text.isascii():
        lowered = text.lower()
        kept = "".join(c for c in lowered if c.isalnum() or c in "_- ")
    else:
        lowered = ruby_downcase(text)
        kept = "".join(c for c in lowered if c in "- " or is_ruby_word(c))
    return quote_plus(kept.replace(" ", "-"), safe="")


# --- reading the headings ----------------------------------------------------------------
@dataclass
class _Entry:
    anchor: str
    text: str
    name: str
    level: int
    heading: Element


def _elements(parent: Element) -> Iterator[Element]:
    """Every element below ``parent``, in document order."""
    for child in parent.children:
        if isinstance(child, Element):
            yield child
            yield from _elements(child)


def _attribute(element: Element, name: str) -> tuple[bool, str]:
    for key, value in element.attrs:
        if key == name:
            return True, value or ""
    return False, ""


def _text(element: Element) -> str:
    """libxml2's text content: text and script/style data, no comments."""
    parts: list[str] = []
    for child in element.children:
        if isinstance(child, (Text, Raw)):
            parts.append(child.data)
        elif isinstance(child, Element):
            parts.append(_text(child))
    return "".join(parts)


def _in_section(element: Element, classes: tuple[str, ...]) -> bool:
    parent = element.parent
    while parent is not None and parent.name is not None:
        _, value = _attribute(parent, "class")
        if value and any(c in _XPATH_SPACE.split(value) for c in classes):
            return True
        parent = parent.parent
    return False


def _level(name: str) -> int:
    m = _LEADING_INT.match(name.replace("h", ""))
    return int(m.group(1).replace("_", "")) if m else 0


def _entries(fragment: Element, settings: TocSettings) -> list[_Entry]:
    wanted = frozenset(settings.headings)
    seen: dict[str, int] = {}
    entries: list[_Entry] = []
    for element in _elements(fragment):
        name = element.name or ""
        if name not in wanted or _in_section(element, settings.no_toc_sections):
            continue
        _, classes = _attribute(element, "class")
        if _NO_TOC_CLASS in _RUBY_SPACE.split(classes):
            continue
        text = _text(element)
        has_id, anchor = _attribute(element, "id")
        if not has_id:
            # only made-up ids are numbered: an id attribute is a key of its own in the gem
            base = toc_id(text)
            count = seen.get(base, 0)
            seen[base] = count + 1
            anchor = f"{base}-{count}" if count else base
        entries.append(_Entry(anchor, text.translate(_HTML_ESCAPES), name, _level(name),
                              element))
    return entries


# --- writing -----------------------------------------------------------------------------
def _list_items(entries: list[_Entry], settings: TocSettings) -> str:
    """The list items for ``entries``: each entry of the shallowest level present gets
    an item, deeper entries right after it a nested list inside it; deeper entries
    before the first shallowest one are listed flat, as their own items."""
    top = min(e.level for e in entries) if entries else 0
    out: list[str] = []
    i = 0
    while i < len(entries):
        entry = entries[i]
        if entry.level == top:
            out.append(f'<li class="{settings.item_class} {settings.item_prefix}{entry.name}">'
                       f'<a href="#{entry.anchor}">{entry.text}</a>')
            nested = _nested(entries, i + 1, top)
            if nested:
                tag = settings.list_tag
                out.append(f"\n<{tag}{settings.sublist_attributes()}>\n"
                           f"{_list_items(nested, settings)}</{tag}>\n")
                i += len(nested)
            out.append("</li>\n")
        elif entry.level > top:
            nested = _nested(entries, i, top)
            out.append(_list_items(nested, settings))
            i += len(nested) - 1
        i += 1
    return "".join(out)


def _nested(entries: list[_Entry], start: int, top: int) -> list[_Entry]:
    """The entries from ``start`` up to the next one of level ``top``."""
    end = start
    while end < len(entries) and entries[end].level != top:
        end += 1
    return entries[start:end]


def _toc(entries: list[_Entry], settings: TocSettings) -> str:
    tag = settings.list_tag
    return (f'<{tag} id="{settings.list_id}" class="{settings.list_class}">\n'
            f"{_list_items(entries, settings)}</{tag}>")


def _anchor_nodes(anchor: str) -> list[Node]:
    """Nokogiri's ``add_previous_sibling(markup)`` under the heading."""
    return parse_under_element(_ANCHOR.format(anchor))


def _insert_before_first_child(heading: Element, nodes: list[Node]) -> None:
    if not heading.children:
        # the gem calls add_previous_sibling on nil
        raise TocError(f"jekyll-toc: an empty <{heading.name}> has no content to put "
                       "an anchor before")
    for node in nodes:
        node.parent = heading
    # Nokogiri puts a dummy element between the new nodes and a first text node while
    # inserting, so libxml2 merges no text nodes here
    heading.children[0:0] = nodes


def _with_anchors(fragment: Element, entries: list[_Entry]) -> str:
    for entry in entries:
        _insert_before_first_child(entry.heading, _anchor_nodes(entry.anchor))
    return serialize(fragment)


def _parse(html: Any) -> Element:
    if html is None:
        return Element(None)
    if not isinstance(html, str):
        from ..dialect.filters._base import class_name

        raise TocError(f"no implicit conversion of {class_name(html)} into String")
    return parse_fragment(html)


def build_toc(html: Any, config: Any) -> str:
    """The gem's ``build_toc``: the list alone (``toc_only``, ``{% toc %}``);
    ``config`` is the site's ``toc:`` value."""
    settings = toc_settings(config)
    return _toc(_entries(_parse(html), settings), settings)


def inject_anchors(html: Any, config: Any) -> str:
    """The gem's ``inject_anchors_into_html``: the fragment re-serialized, an anchor
    link first in each listed heading."""
    settings = toc_settings(config)
    fragment = _parse(html)
    return _with_anchors(fragment, _entries(fragment, settings))


def toc_with_anchors(html: Any, config: Any) -> str:
    """The gem's ``toc``: the list, then the fragment with anchors."""
    settings = toc_settings(config)
    fragment = _parse(html)
    entries = _entries(fragment, settings)
    return _toc(entries, settings) + _with_anchors(fragment, entries)


# --- Liquid ------------------------------------------------------------------------------
def _page_value(context: RenderContext, key: str) -> Any:
    """``context.registers[:page][key]``: the page (a hash) or document (a drop) the
    payload was made for; an ``assign page`` does not change it."""
    page = context.globals.get("page")
    if not isinstance(page, Mapping):
        return None
    try:
        return page[key]
    except (KeyError, TypeError):
        return None


def _toc_config(context: RenderContext) -> Any:
    site = getattr(context.env, "site", None)
    config = getattr(site, "config", None)
    value = config.get("toc") if isinstance(config, Mapping) else None
    return value if _truthy(value) else {}


def _apply(function: Any, html: Any, context: RenderContext) -> Any:
    from ..dialect.expressions import RenderError

    try:
        return function(html, _toc_config(context))
    except TocError as exc:
        raise RenderError(exc.message, token=None) from None


def _filters() -> dict[str, Any]:
    from ..dialect.filters._base import liquid_filter

    @liquid_filter
    def toc_only(html: Any, *, context: RenderContext) -> Any:
        """The table of contents alone (deprecated in the gem)."""
        if _page_value(context, "toc") is not True:
            return ""
        return _apply(build_toc, html, context)

    @liquid_filter
    def inject_anchors_filter(html: Any, *, context: RenderContext) -> Any:
        """The HTML with an anchor link in each heading."""
        if _page_value(context, "toc") is not True:
            return html
        return _apply(inject_anchors, html, context)

    @liquid_filter
    def toc(html: Any, *, context: RenderContext) -> Any:
        """The table of contents followed by the HTML with anchors."""
        if _page_value(context, "toc") is not True:
            return html
        return _apply(toc_with_anchors, html, context)

    return {"toc_only": toc_only, "inject_anchors": inject_anchors_filter, "toc": toc}


def _toc_node() -> type[Any]:
    """The ``{% toc %}`` node class (made on first use: it needs the dialect)."""
    from ..dialect.parsing import TagNode

    class TocNode(TagNode):
        __slots__ = ()

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            if not _truthy(_page_value(context, "toc")):
                return 0
            return buffer.write(_apply(build_toc, _page_value(context, "content"), context))

    return TocNode


class TocPlugin(Plugin):
    """Filters and a tag; no generator."""

    name = "jekyll-toc"
    refreshable = True

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        for name, function in _filters().items():
            env.add_filter(name, function)
        register_tag(env, "toc", _toc_node())
