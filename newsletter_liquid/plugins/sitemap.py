"""jekyll-sitemap 1.4: ``sitemap.xml`` and ``robots.txt`` unless the site has its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..document import Page
from . import Plugin

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["SitemapPlugin"]

# The gem's template. Like the gem, whitespace after ">\n" or "}" is dropped before use.
SITEMAP_TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
{% if page.xsl %}
  <?xml-stylesheet type="text/xsl" href="{{ "/sitemap.xsl" | absolute_url }}"?>
{% endif %}
<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
xsi:schemaLocation="http://www.sitemaps.org/schemas/sitemap/0.9 \
http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd" \
xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  {% assign collections = site.collections | where_exp:'collection','collection.output != false' %}
  {% for collection in collections %}
    {% assign docs = collection.docs | where_exp:'doc','doc.sitemap != false' %}
    {% for doc in docs %}
      <url>
        <loc>{{ doc.url | replace:'/index.html','/' | absolute_url | xml_escape }}</loc>
        {% if doc.last_modified_at or doc.date %}
          <lastmod>{{ doc.last_modified_at | default: doc.date | date_to_xmlschema }}</lastmod>
        {% endif %}
      </url>
    {% endfor %}
  {% endfor %}

  {% assign pages = site.html_pages | where_exp:'doc','doc.sitemap != false' \
| where_exp:'doc','doc.url != "/404.html"' %}
  {% for page in pages %}
    <url>
      <loc>{{ page.url | replace:'/index.html','/' | absolute_url | xml_escape }}</loc>
      {% if page.last_modified_at %}
        <lastmod>{{ page.last_modified_at | date_to_xmlschema }}</lastmod>
      {% endif %}
    </url>
  {% endfor %}

  {% assign static_files = page.static_files | where_exp:'page','page.sitemap != false' \
| where_exp:'page','page.name != "404.html"' %}
  {% for file in static_files %}
    <url>
      <loc>{{ file.path | replace:'/index.html','/' | absolute_url | xml_escape }}</loc>
      <lastmod>{{ file.modified_time | date_to_xmlschema }}</lastmod>
    </url>
  {% endfor %}
</urlset>
"""

ROBOTS_TEMPLATE = 'Sitemap: {{ "sitemap.xml" | absolute_url }}\n'

_MINIFY_RE = re.compile(r"(?:(?<=>\n)|(?<=}))\s+")
_INCLUDED_EXTENSIONS = (".htm", ".html", ".xhtml", ".pdf")


class SitemapPlugin(Plugin):
    """Generator of ``:lowest`` priority."""

    name = "jekyll-sitemap"
    refreshable = True
    priority = -100

    def generate(self, site: Site) -> None:
        # The gem checks URLs (not source files) of the pages and files there were
        # before it added anything.
        urls = {p.url for p in site.pages} | {f.url for f in site.static_files}
        if "/sitemap.xml" not in urls:
            site.pages.append(self._sitemap(site, urls))
        if "/robots.txt" not in urls:
            site.pages.append(
                Page(site, "", "robots.txt", content=ROBOTS_TEMPLATE, data={"layout": None})
            )

    @staticmethod
    def _sitemap(site: Site, urls: set[str]) -> Page:
        from ..dialect.drops import StaticFileDrop

        files: list[Any] = [
            StaticFileDrop(f) for f in site.static_files if f.extname in _INCLUDED_EXTENSIONS
        ]
        return Page(site, "", "sitemap.xml", content=_MINIFY_RE.sub("", SITEMAP_TEMPLATE), data={
            "layout": None,
            "static_files": files,
            "xsl": "/sitemap.xsl" in urls,
        })
