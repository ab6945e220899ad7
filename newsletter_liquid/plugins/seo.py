"""jekyll-seo-tag 2.8: ``{% seo %}`` (title, description, canonical URL, Open Graph,
Twitter and JSON-LD metadata)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TextIO

from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment
    from ..site import Site

__all__ = ["SeoPlugin", "SeoValues"]

VERSION = "2.8.0"

# The gem's template; minified like the gem's before use: whitespace after "{", "}",
# ">\n" or ",\n" is dropped unless a "-" follows. Values the gem computes in Ruby
# (the drop) are computed by SeoValues; the JSON-LD arrives already encoded.
SEO_TEMPLATE = """<!-- Begin Jekyll SEO tag v{{ seo_tag.version }} -->
{% if seo_tag.show_title %}
  <title>{{ seo_tag.title }}</title>
{% endif %}

<meta name="generator" content="Jekyll v{{ jekyll.version }}" />

{% if seo_tag.page_title %}
  <meta property="og:title" content="{{ seo_tag.page_title }}" />
{% endif %}

{% if seo_tag.author.name %}
  <meta name="author" content="{{ seo_tag.author.name }}" />
{% endif %}

<meta property="og:locale" content="{{ seo_tag.page_locale }}" />

{% if seo_tag.description %}
  <meta name="description" content="{{ seo_tag.description }}" />
  <meta property="og:description" content="{{ seo_tag.description }}" />
{% endif %}

{% if site.url %}
  <link rel="canonical" href="{{ seo_tag.canonical_url }}" />
  <meta property="og:url" content="{{ seo_tag.canonical_url }}" />
{% endif %}

{% if seo_tag.site_title %}
  <meta property="og:site_name" content="{{ seo_tag.site_title }}" />
{% endif %}

{% if seo_tag.image %}
  <meta property="og:image" content="{{ seo_tag.image.path }}" />
  {% if seo_tag.image.height %}
    <meta property="og:image:height" content="{{ seo_tag.image.height }}" />
  {% endif %}
  {% if seo_tag.image.width %}
    <meta property="og:image:width" content="{{ seo_tag.image.width }}" />
  {% endif %}
  {% if seo_tag.image.alt %}
    <meta property="og:image:alt" content="{{ seo_tag.image.alt }}" />
  {% endif %}
{% endif %}

{% if page.date %}
  <meta property="og:type" content="article" />
  <meta property="article:published_time" content="{{ page.date | date_to_xmlschema }}" />
{% else %}
  <meta property="og:type" content="website" />
{% endif %}

{% if paginator.previous_page %}
  <link rel="prev" href="{{ paginator.previous_page_path | absolute_url }}" />
{% endif %}
{% if paginator.next_page %}
  <link rel="next" href="{{ paginator.next_page_path | absolute_url }}" />
{% endif %}

{% if seo_tag.image %}
  <meta name="twitter:card" content="{{ page.twitter.card | default: site.twitter.card \
| default: "summary_large_image" }}" />
  <meta property="twitter:image" content="{{ seo_tag.image.path }}" />
{% else %}
  <meta name="twitter:card" content="summary" />
{% endif %}

{% if seo_tag.image.alt %}
  <meta name="twitter:image:alt" content="{{ seo_tag.image.alt }}" />
{% endif %}

{% if seo_tag.page_title %}
  <meta property="twitter:title" content="{{ seo_tag.page_title }}" />
{% endif %}

{% if site.twitter %}
  <meta name="twitter:site" content="@{{ site.twitter.username | remove:'@' }}" />

  {% if seo_tag.author.twitter %}
    <meta name="twitter:creator" content="@{{ seo_tag.author.twitter | remove:'@' }}" />
  {% endif %}
{% endif %}

{% if site.facebook %}
  {% if site.facebook.admins %}
    <meta property="fb:admins" content="{{ site.facebook.admins }}" />
  {% endif %}

  {% if site.facebook.publisher %}
    <meta property="article:publisher" content="{{ site.facebook.publisher }}" />
  {% endif %}

  {% if site.facebook.app_id %}
    <meta property="fb:app_id" content="{{ site.facebook.app_id }}" />
  {% endif %}
{% endif %}

{% if site.webmaster_verifications %}
  {% if site.webmaster_verifications.google %}
    <meta name="google-site-verification" content="{{ site.webmaster_verifications.google }}" />
  {% endif %}

  {% if site.webmaster_verifications.bing %}
    <meta name="msvalidate.01" content="{{ site.webmaster_verifications.bing }}" />
  {% endif %}

  {% if site.webmaster_verifications.alexa %}
    <meta name="alexaVerifyID" content="{{ site.webmaster_verifications.alexa }}" />
  {% endif %}

  {% if site.webmaster_verifications.yandex %}
    <meta name="yandex-verification" content="{{ site.webmaster_verifications.yandex }}" />
  {% endif %}

  {% if site.webmaster_verifications.baidu %}
    <meta name="baidu-site-verification" content="{{ site.webmaster_verifications.baidu }}" />
  {% endif %}

  {% if site.webmaster_verifications.facebook %}
    <meta name="facebook-domain-verification" \
content="{{ site.webmaster_verifications.facebook }}" />
  {% endif %}
{% elsif site.google_site_verification %}
  <meta name="google-site-verification" content="{{ site.google_site_verification }}" />
{% endif %}

<script type="application/ld+json">
  {{ seo_tag.json_ld }}
</script>

<!-- End Jekyll SEO tag -->
"""

_MINIFY_RE = re.compile(r"(?:(?<=[{}])|(?<=[>,]\n))\s+(?!-)")
_HOMEPAGE_OR_ABOUT_RE = re.compile(r"^/(about/)?(index.html?)?$", re.M)
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def _blank_to_s(value: Any) -> bool:
    """``value.to_s.empty?`` in Ruby."""
    return value is None or value == ""


def _or(*values: Any) -> Any:
    """Ruby's ``a || b || c``."""
    for value in values:
        if _truthy(value):
            return value
    return values[-1] if values else None


def _get(obj: Any, key: str) -> Any:
    if isinstance(obj, Mapping):
        try:
            return obj[key]
        except KeyError:
            return None
    return None


class SeoValues:
    """What the gem's Ruby drop computes for one page; values as Liquid sees them."""

    def __init__(self, site: Site, page: Any, paginator: Any, text: str) -> None:
        self.site = site
        self.page = page
        self.paginator = paginator
        self.text = text
        self.config = site.config

    # -- filters, through the site's own Liquid so every byte agrees ------------
    def _apply(self, value: Any, filters: str) -> str:
        return self.site.environment.render_template(
            "{{ value | " + filters + " }}", {"value": value}, "<seo>"
        )

    def format_string(self, value: Any) -> str | None:
        text = self._apply(value, "markdownify | strip_html | normalize_whitespace | escape_once")
        return text or None

    def absolute_url(self, value: Any) -> str:
        return self._apply(value, "absolute_url")

    def uri_escape(self, value: Any) -> str:
        return self._apply(value, "uri_escape")

    def xmlschema(self, value: Any) -> str:
        return self._apply(value, "date_to_xmlschema")

    # -- the drop's values -----------------------------------------------------
    def page_get(self, key: str) -> Any:
        return _get(self.page, key)

    @property
    def page_seo(self) -> Mapping[str, Any]:
        seo = self.page_get("seo")
        return seo if isinstance(seo, Mapping) else {}

    @property
    def site_social(self) -> Mapping[str, Any]:
        social = self.config.get("social")
        return social if isinstance(social, Mapping) else {}

    @property
    def site_title(self) -> str | None:
        return self.format_string(_or(self.config.get("title"), self.config.get("name")))

    @property
    def site_description(self) -> str | None:
        return self.format_string(self.config.get("description"))

    @property
    def site_tagline(self) -> str | None:
        return self.format_string(self.config.get("tagline"))

    @property
    def page_title(self) -> str | None:
        return self.format_string(self.page_get("title")) or self.site_title

    @property
    def title(self) -> str | None:
        site_title, page_title = self.site_title, self.page_title
        site_description = self.site_description
        if site_title and page_title != site_title:
            title: str | None = f"{page_title} | {site_title}"
        elif site_description and site_title:
            title = f"{site_title} | {self.site_tagline or site_description}"
        else:
            title = page_title or site_title
        number = self.page_number
        if number is not None:
            return number + (title or "")
        return title

    @property
    def show_title(self) -> bool:
        return bool(self.title) and not re.search(r"title=false", self.text, re.I)

    @property
    def page_number(self) -> str | None:
        paginator = self.paginator
        current = _get(paginator, "page")
        if not _truthy(paginator) or not _truthy(current):
            return None
        total = _get(paginator, "total_pages")
        message = self.config.get("seo_paginator_message") or "Page %<current>s of %<total>s for "
        if isinstance(current, int) and current > 1:
            return str(message).replace("%<current>s", str(current)).replace(
                "%<total>s", str(total)
            )
        return None

    @property
    def homepage_or_about(self) -> bool:
        return bool(_HOMEPAGE_OR_ABOUT_RE.search(str(self.page_get("url") or "")))

    @property
    def name(self) -> str | None:
        if _truthy(self.page_seo.get("name")):
            return self.format_string(self.page_seo["name"])
        if not self.homepage_or_about:
            return None
        if _truthy(self.site_social.get("name")):
            return self.format_string(self.site_social["name"])
        return self.site_title

    @property
    def description(self) -> str | None:
        source = _or(self.page_get("description"), self.page_get("excerpt"))
        return self.format_string(source) or self.site_description

    @property
    def author(self) -> dict[str, Any]:
        sources = [self.page_get("author")]
        authors = self.page_get("authors")
        if isinstance(authors, list):
            sources.append(authors[0] if authors else None)
        sources.append(self.config.get("author"))
        resolved = next((s for s in sources if not _blank_to_s(s)), None)
        if isinstance(resolved, Mapping):
            values = dict(resolved)
        elif isinstance(resolved, str):
            values = {"name": resolved}
            table = self.site.data.get("authors")
            extra = table.get(resolved) if isinstance(table, Mapping) else None
            if isinstance(extra, Mapping):
                values.update(extra)
        else:
            values = {}
        twitter = _or(values.get("twitter"), values.get("name"))
        result = dict(values)
        result["name"] = values.get("name")
        result["twitter"] = twitter.removeprefix("@") if isinstance(twitter, str) else None
        return result

    @property
    def image(self) -> dict[str, Any] | None:
        meta = self.page_get("image")
        if isinstance(meta, Mapping):
            values: dict[str, Any] = {"path": None, **meta}
        elif isinstance(meta, str):
            values = {"path": meta}
        else:
            values = {"path": None}
        raw = _or(values.get("path"), values.get("facebook"), values.get("twitter"))
        if not _truthy(raw):
            return None
        url = raw
        if isinstance(raw, str) and not _SCHEME_RE.match(raw):
            url = self.absolute_url(raw)
        path = self.uri_escape(url) if _truthy(url) else None
        if not path:
            return None
        values["path"] = path
        return values

    @property
    def date_modified(self) -> str | None:
        date = _or(self.page_seo.get("date_modified"), self.page_get("last_modified_at"),
                   self.page_get("date"))
        return self.xmlschema(date) if _truthy(date) else None

    @property
    def date_published(self) -> str | None:
        date = self.page_get("date")
        return self.xmlschema(date) if _truthy(date) else None

    @property
    def type(self) -> Any:
        if _truthy(self.page_seo.get("type")):
            return self.page_seo["type"]
        if self.homepage_or_about:
            return "WebSite"
        if _truthy(self.page_get("date")):
            return "BlogPosting"
        return "WebPage"

    @property
    def links(self) -> Any:
        if _truthy(self.page_seo.get("links")):
            return self.page_seo["links"]
        if self.homepage_or_about and _truthy(self.site_social.get("links")):
            return self.site_social["links"]
        return None

    @property
    def logo(self) -> str | None:
        logo = self.config.get("logo")
        if not _truthy(logo):
            return None
        if isinstance(logo, str) and _SCHEME_RE.match(logo):
            return self.uri_escape(logo)
        return self.uri_escape(self.absolute_url(logo))

    @property
    def page_locale(self) -> str:
        lang = _or(self.page_get("lang"), self.config.get("lang"), "en_US")
        locale = _or(self.page_get("locale"), self.config.get("locale"), lang)
        return str(locale).replace("-", "_")

    @property
    def canonical_url(self) -> Any:
        canonical = self.page_get("canonical_url")
        if _blank_to_s(canonical):
            return re.sub(r"/index\.html$", "/", self.absolute_url(self.page_get("url")),
                          flags=re.M)
        return canonical

    def json_ld(self) -> str:
        """The JSON-LD object: keys sorted, nil values left out (the gem's to_json)."""
        author = self.author
        entity: dict[str, Any] = {"@context": "https://schema.org", "@type": self.type}
        if _truthy(author.get("name")):
            kind = author.get("type")
            if not _truthy(kind) or kind in ("Organization", "Person"):
                person: dict[str, Any] = {"@type": kind if _truthy(kind) else "Person",
                                          "name": author["name"]}
                if _truthy(author.get("url")):
                    person["url"] = author["url"]
                entity["author"] = person
        entity["dateModified"] = self.date_modified
        entity["datePublished"] = self.date_published
        entity["description"] = self.description
        entity["headline"] = self.page_title
        image = self.image
        if image is not None:
            if len(image) == 1:
                entity["image"] = image["path"]
            else:
                obj = {k: v for k, v in image.items() if k != "path"}
                obj["url"] = image["path"]
                obj["@type"] = "imageObject"
                entity["image"] = obj
        if self.type in ("BlogPosting", "CreativeWork"):
            entity["mainEntityOfPage"] = {"@type": "WebPage", "@id": self.canonical_url}
        entity["name"] = self.name
        logo = self.logo
        if logo is not None:
            publisher: dict[str, Any] = {
                "@type": "Organization", "logo": {"@type": "ImageObject", "url": logo},
            }
            if _truthy(author.get("name")):
                publisher["name"] = author["name"]
            entity["publisher"] = publisher
        entity["sameAs"] = self.links
        entity["url"] = self.canonical_url
        ordered = {k: entity[k] for k in sorted(entity) if entity[k] is not None}
        return json.dumps(ordered, ensure_ascii=False, separators=(",", ":"), default=str)

    def to_liquid(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "show_title": self.show_title,
            "title": self.title,
            "page_title": self.page_title,
            "author": self.author,
            "page_locale": self.page_locale,
            "description": self.description,
            "canonical_url": self.canonical_url,
            "site_title": self.site_title,
            "image": self.image,
            "json_ld": self.json_ld(),
        }


def render_seo(context: RenderContext, text: str) -> str:
    """The tag's output for the page being rendered (``text`` is the tag's markup)."""
    site: Site | None = getattr(context.env, "site", None)
    if site is None:
        return ""
    page = context.globals.get("page")
    paginator = context.scope.get("paginator")
    values = SeoValues(site, page, paginator, text)
    payload = site.renderer.new_payload()
    payload.update({"page": page, "paginator": paginator, "seo_tag": values.to_liquid()})
    template = _MINIFY_RE.sub("", SEO_TEMPLATE)
    return site.environment.render_template(template, payload, "<seo>")


def _seo_node() -> type[Any]:
    """The ``{% seo %}`` node class (made on first use: it needs the dialect)."""
    from ..dialect.parsing import TagNode

    class SeoNode(TagNode):
        __slots__ = ()

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            return buffer.write(render_seo(context, self.markup))

    return SeoNode


class SeoPlugin(Plugin):
    name = "jekyll-seo-tag"
    refreshable = True

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        register_tag(env, "seo", _seo_node())
