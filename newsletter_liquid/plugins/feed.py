"""jekyll-feed 0.17: Atom feeds of posts (and of collections, categories, tags on
request) and the ``{% feed_meta %}`` tag."""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING, Any, TextIO

from ..document import Page
from . import Plugin
from ._common import absolute_url, in_source_exists

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment
    from ..site import Site

__all__ = ["FEED_TEMPLATE", "FeedPlugin"]

# The feed as jekyll-feed writes it. Like the gem, the text is minified before use:
# whitespace after ">" or "}" is dropped, which is why a bare space is written {{" "}}.
FEED_TEMPLATE = """<?xml version="1.0" encoding="utf-8"?>
{% if page.xsl %}
  <?xml-stylesheet type="text/xml" href="{{ '/feed.xslt.xml' | absolute_url }}"?>
{% endif %}
<feed xmlns="http://www.w3.org/2005/Atom" {% if site.lang %}xml:lang="{{ site.lang }}"{% endif %}>
  <generator uri="https://jekyllrb.com/" version="{{ jekyll.version }}">Jekyll</generator>
  <link href="{{ page.url | absolute_url }}" rel="self" type="application/atom+xml" />
  <link href="{{ '/' | absolute_url }}" rel="alternate" type="text/html" \
{% if site.lang %}hreflang="{{ site.lang }}" {% endif %}/>
  <updated>{{ site.time | date_to_xmlschema }}</updated>
  <id>{{ page.url | absolute_url | xml_escape }}</id>
  {% assign title = site.title | default: site.name %}
  {% if page.collection != "posts" %}
    {% assign collection = page.collection | capitalize %}
    {% assign title = title | append: " | " | append: collection %}
  {% endif %}
  {% if page.category %}
    {% assign category = page.category | capitalize %}
    {% assign title = title | append: " | " | append: category %}
  {% endif %}
  {% if title %}
    <title type="html">{{ title | smartify | xml_escape }}</title>
  {% endif %}
  {% if site.description %}
    <subtitle>{{ site.description | xml_escape }}</subtitle>
  {% endif %}
  {% if site.author %}
    <author>
      <name>{{ site.author.name | default: site.author | xml_escape }}</name>
      {% if site.author.email %}<email>{{ site.author.email | xml_escape }}</email>{% endif %}
      {% if site.author.uri %}<uri>{{ site.author.uri | xml_escape }}</uri>{% endif %}
    </author>
  {% endif %}
  {% if page.tags %}
    {% assign posts = site.tags[page.tags] %}
  {% else %}
    {% assign posts = site[page.collection] %}
  {% endif %}
  {% if page.category %}
    {% assign posts = posts | where: "categories", page.category %}
  {% endif %}
  {% unless site.show_drafts %}
    {% assign posts = posts | where_exp: "post", "post.draft != true" %}
  {% endunless %}
  {% assign posts = posts | sort: "date" | reverse %}
  {% assign posts_limit = site.feed.posts_limit | default: 10 %}
  {% for post in posts limit: posts_limit %}
    <entry{% if post.lang %}{{" "}}xml:lang="{{ post.lang }}"{% endif %}>
      {% assign post_title = post.title | smartify | strip_html | normalize_whitespace \
| xml_escape %}
      <title type="html">{{ post_title }}</title>
      <link href="{{ post.url | absolute_url }}" rel="alternate" type="text/html" \
title="{{ post_title }}" />
      <published>{{ post.date | date_to_xmlschema }}</published>
      <updated>{{ post.last_modified_at | default: post.date | date_to_xmlschema }}</updated>
      <id>{{ post.id | absolute_url | xml_escape }}</id>
      {% assign excerpt_only = post.feed.excerpt_only | default: site.feed.excerpt_only %}
      {% unless excerpt_only %}
        <content type="html" xml:base="{{ post.url | absolute_url | xml_escape }}">\
<![CDATA[{{ post.content | strip }}]]></content>
      {% endunless %}
      {% assign post_author = post.author | default: post.authors[0] | default: site.author %}
      {% assign post_author = site.data.authors[post_author] | default: post_author %}
      {% assign post_author_email = post_author.email | default: nil %}
      {% assign post_author_uri = post_author.uri | default: nil %}
      {% assign post_author_name = post_author.name | default: post_author %}
      <author>
        <name>{{ post_author_name | default: "" | xml_escape }}</name>
        {% if post_author_email %}<email>{{ post_author_email | xml_escape }}</email>{% endif %}
        {% if post_author_uri %}<uri>{{ post_author_uri | xml_escape }}</uri>{% endif %}
      </author>
      {% if post.category %}
        <category term="{{ post.category | xml_escape }}" />
      {% elsif post.categories %}
        {% for category in post.categories %}
          <category term="{{ category | xml_escape }}" />
        {% endfor %}
      {% endif %}
      {% for tag in post.tags %}
        <category term="{{ tag | xml_escape }}" />
      {% endfor %}
      {% assign post_summary = post.description | default: post.excerpt %}
      {% if post_summary and post_summary != empty %}
        <summary type="html"><![CDATA[{{ post_summary | strip_html | normalize_whitespace }}\
]]></summary>
      {% endif %}
      {% assign post_image = post.image.path | default: post.image %}
      {% if post_image %}
        {% unless post_image contains "://" %}
          {% assign post_image = post_image | absolute_url %}
        {% endunless %}
        <media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" \
url="{{ post_image | xml_escape }}" />
        <media:content medium="image" url="{{ post_image | xml_escape }}" \
xmlns:media="http://search.yahoo.com/mrss/" />
      {% endif %}
    </entry>
  {% endfor %}
</feed>
"""

_MINIFY_RE = re.compile(r"(?<=[>}])\s+")
_TAG_NAME_RE = re.compile(r"[^a-zA-Z0-9_]")


def feed_template() -> str:
    return _MINIFY_RE.sub("", FEED_TEMPLATE)


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def _feed_meta_node() -> type[Any]:
    """The ``{% feed_meta %}`` node class (made on first use: it needs the dialect)."""
    from ..dialect.parsing import TagNode

    class FeedMetaNode(TagNode):
        """``<link type="application/atom+xml" rel="alternate" href=… title=… />``."""

        __slots__ = ()

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            return buffer.write(feed_meta(context))

    return FeedMetaNode


def feed_meta(context: RenderContext) -> str:
    """The tag's output: the feed's link with Ruby's XML attribute escaping."""
    site = getattr(context.env, "site", None)
    config: dict[str, Any] = site.config if site is not None else {}
    feed = config.get("feed")
    path = feed.get("path") if isinstance(feed, dict) else None
    title = config.get("title")
    if not _truthy(title):
        title = config.get("name")
    href = absolute_url(site, path or "feed.xml") if site is not None else "/feed.xml"
    attrs = {"type": "application/atom+xml", "rel": "alternate", "href": href}
    if _truthy(title):
        attrs["title"] = _to_s(title)
    text = " ".join(f'{k}="{escape(v, quote=False).replace(chr(34), "&quot;")}"'
                    for k, v in attrs.items())
    return f"<link {text} />"


def _to_s(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


class FeedPlugin(Plugin):
    """Generator of ``:lowest`` priority; pages named ``/feed.xml`` and so on."""

    name = "jekyll-feed"
    refreshable = True
    priority = -100

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        register_tag(env, "feed_meta", _feed_meta_node())

    def generate(self, site: Site) -> None:
        config = site.config.get("feed")
        config = config if isinstance(config, dict) else {}
        if config.get("disable_in_development") and _jekyll_env() == "development":
            site.warn("Jekyll Feed: Skipping feed generation in development")
            return
        for name, meta in _collections(config).items():
            categories = meta.get("categories") or []
            for category in [*dict.fromkeys(categories if isinstance(categories, list)
                                            else [categories]), None]:
                path = _feed_path(name, meta, category)
                if in_source_exists(site, path):
                    continue
                site.pages.append(_make_page(site, path, collection=name, category=category))
        tags = config.get("tags")
        if _truthy(tags) and site.post_attr_hash("tags"):
            tags_config = tags if isinstance(tags, dict) else {}
            only = tags_config.get("only") or list(site.post_attr_hash("tags"))
            except_ = tags_config.get("except") or []
            prefix = tags_config.get("path") or "/feed/by_tag/"
            for tag in [t for t in only if t not in except_]:
                if _TAG_NAME_RE.search(str(tag)):
                    continue
                path = f"{prefix}{tag}.xml"
                if in_source_exists(site, path):
                    continue
                site.pages.append(_make_page(site, path, tags=tag))


def _jekyll_env() -> str:
    import os

    return os.environ.get("JEKYLL_ENV") or "development"


def _collections(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    raw = config.get("collections")
    collections: dict[str, dict[str, Any]]
    if isinstance(raw, list):
        collections = {str(c): {} for c in raw}
    elif isinstance(raw, dict):
        collections = {str(k): dict(v or {}) for k, v in raw.items()}
    else:
        collections = {}
    posts = collections.setdefault("posts", {})
    if posts.get("path") is None:
        posts["path"] = config.get("path")
    if posts.get("categories") is None:
        posts["categories"] = config.get("categories")
    return collections


def _feed_path(collection: str, meta: dict[str, Any], category: Any) -> str:
    prefix = "/feed" if collection == "posts" else f"/feed/{collection}"
    if category is not None:
        return f"{prefix}/{category}.xml"
    path = meta.get("path")
    return str(path) if path else f"{prefix}.xml"


def _make_page(site: Site, path: str, *, collection: str = "posts", category: Any = None,
               tags: Any = None) -> Page:
    return Page(site, "", path, content=feed_template(), data={
        "layout": None,
        "sitemap": False,
        "xsl": in_source_exists(site, "feed.xslt.xml"),
        "collection": collection,
        "category": category,
        "tags": tags,
    })
