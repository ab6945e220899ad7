"""Links and image sources in the rendered output: broken (NL030, NL031) or
placeholders (NL032), positioned in the source through the Liquid source map."""

from __future__ import annotations

import bisect
import fnmatch
import functools
import html
import math
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from ...document import Document, Page
from ...errors import NewsletterLiquidError
from ..paths import output_path
from ..positions import line_col

if TYPE_CHECKING:
    from ...site import Site
    from ..engine import Checker
    from ..recording import RenderRecord

__all__ = ["Link", "classify", "extract_links", "locate_in_text", "site_output_paths"]

_TAG_RE = re.compile(
    r"""<(a|img|link|script|source|iframe|video|audio|embed|track)\b((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.I)
_ATTR_RE = re.compile(r"""\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_OPAQUE_RE = re.compile(r"<!--.*?-->|<(script|style|textarea)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_DOMAIN_RE = re.compile(
    r"^(?:www\d?\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|edu|gov|io|ai|co|uk|de|fr|"
    r"info|me|ly|tv|us|ca|au|in|jp|cn|ru|nl|es|it|ch|se|no|dev|app|blog|news)(?:[/:?#]|$))",
    re.I)
_EMAIL_RE = re.compile(r"^[^/@\s:]+@[^/@\s:]+\.[a-z]{2,}$", re.I)
_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_PLACEHOLDER_IDENT_RE = re.compile(r"^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$|^[A-Z]{4,}$")
_PLACEHOLDER_WORDS = frozenset((
    "todo", "tbd", "tk", "fixme", "xxx", "link", "url", "here", "placeholder", "insert-link",
    "insert_link", "link-here", "link_here", "url-here", "url_here", "your-link-here", "add-link",
    "null", "nil", "none", "undefined", "nan",
))


class Link:
    """One ``href``/``src`` in an HTML text, with the offset of its value."""

    __slots__ = ("attr", "offset", "tag", "value")

    def __init__(self, tag: str, attr: str, value: str, offset: int) -> None:
        self.tag = tag
        self.attr = attr
        self.value = value
        self.offset = offset


def extract_links(text: str) -> list[Link]:
    """Links in HTML, outside comments and script/style bodies; values unescaped."""
    opaque = [(m.start(), m.end()) for m in _OPAQUE_RE.finditer(text)] if (
        "<!--" in text or "<script" in text or "<style" in text or "<textarea" in text) else []
    starts = [a for a, _ in opaque]
    links = []
    for m in _TAG_RE.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < opaque[i][1]:
            continue
        for a in _ATTR_RE.finditer(m.group(2)):
            raw = next(v for v in a.groups()[1:] if v is not None)
            start = m.start(2) + a.start(a.lastindex or 2)
            links.append(Link(m.group(1).lower(), a.group(1).lower(), html.unescape(raw),
                              start))
    return links


def _is_placeholder(value: str) -> bool:
    v = value.strip()
    if v in ("", "#") or "{{" in v or "{%" in v:
        return True
    if "/" in v or "." in v or "#" in v or "?" in v:
        return False
    return bool(_PLACEHOLDER_IDENT_RE.match(v)) or v.lower() in _PLACEHOLDER_WORDS


def _site_hosts(site: Site) -> frozenset[str]:
    return _hosts(str(site.config.get("url") or ""), str(_github_url(site) or ""))


def _github_url(site: Site) -> object:
    github = site.config.get("github")
    return github.get("url") if isinstance(github, Mapping) else None


@functools.lru_cache(maxsize=16)
def _hosts(*urls: str) -> frozenset[str]:
    """Host names that mean "this site" in an absolute link (site.url, site.github.url)."""
    hosts = set()
    for url in urls:
        if url:
            host = urlsplit(url if "//" in url else "//" + url).hostname
            if host:
                hosts.add(host.lower())
    return frozenset(hosts)


def classify(value: str, page_url: str, site: Site, paths: set[str],
             ignore: tuple[str, ...] = (),
             unpublished: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(code, message) when ``value`` is a placeholder or points to nothing in the site."""
    v = value.strip()
    if _is_placeholder(v):
        shown = v or "(empty)"
        return "NL032", (f"placeholder link target '{shown}': neither a URL nor a path; put the "
                         "real address here")
    if v.startswith("#") or any(fnmatch.fnmatchcase(v, p) for p in ignore):
        return None
    scheme = _SCHEME_RE.match(v)
    if scheme or v.startswith("//"):
        if scheme and scheme.group(1).lower() not in ("http", "https"):
            return None
        parts = urlsplit(v)
        host = (parts.hostname or "").lower()
        if not host or ("." not in host and host != "localhost"):
            return "NL032", (f"placeholder link target '{v}': '{host or '(none)'}' is not a "
                             "host name; put the real address here")
        if host not in _site_hosts(site):
            return None
        path = parts.path or "/"
    else:
        path = urlsplit(v).path
        if not path:
            return None  # only a query string: the page itself
        if not path.startswith("/"):
            base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
            joined = posixpath.normpath(posixpath.join(base, path))
            path = joined + ("/" if path.endswith("/") and joined != "/" else "")
            return _resolve(v, path, paths, ignore, relative=True, unpublished=unpublished)
    baseurl = str(site.config.get("baseurl") or "").rstrip("/")
    if baseurl and baseurl != "/":
        if not baseurl.startswith("/"):
            baseurl = "/" + baseurl
        if path != baseurl and not path.startswith(baseurl + "/"):
            return "NL030", (f"'{v}' is outside the site's baseurl '{baseurl}': "
                             "use the relative_url filter")
        path = path[len(baseurl):] or "/"
    return _resolve(v, path, paths, ignore, relative=False, unpublished=unpublished)


def _resolve(value: str, path: str, paths: set[str], ignore: tuple[str, ...],
             relative: bool, unpublished: Mapping[str, str] | None = None
             ) -> tuple[str, str] | None:
    target = unquote(path)
    if any(fnmatch.fnmatchcase(target, p) for p in ignore):
        return None
    candidates = [target]
    if target.endswith("/"):
        candidates.append(target + "index.html")
    else:
        candidates += [target + ".html", target + "/index.html"]
    if any(c in paths for c in candidates):
        return None
    hidden = next((unpublished[c] for c in candidates if unpublished and c in unpublished), None)
    if hidden is not None:
        return "NL030", (f"'{value}' points to {hidden}, which is not published "
                         "(published: false, or dated in the future)")
    if relative and _EMAIL_RE.match(value):
        return "NL030", (f"'{value}' is an e-mail address without 'mailto:', so it resolves "
                         f"relative to this page ({target}): write mailto:{value}")
    if relative and _DOMAIN_RE.match(value):
        return "NL030", (f"'{value}' looks like a web address without 'https://', so it "
                         f"resolves relative to this page ({target}): add the scheme")
    how = f" (relative to this page: {target})" if relative else ""
    return "NL030", f"'{value}' resolves to no page or file of the site{how}"


_BEFORE = frozenset("(<\"' \t\n:=[")
_AFTER = frozenset(")>\"' \t\n")


def locate_in_text(text: str, value: str, nth: int) -> int | None:
    """Offset of the ``nth`` occurrence of a link target written in Markdown/HTML text
    (occurrences standing alone as a target preferred over ones inside other text)."""
    if value == "":
        hits = [m.start() + 1 for m in re.finditer(r"\]\(\s*\)|(?:href|src)=(['\"])\1", text)]
        return hits[min(nth, len(hits) - 1)] + 1 if hits else None
    variants = [value]
    for alt in (html.escape(value, quote=True), value.replace("&", "&amp;")):
        if alt not in variants:
            variants.append(alt)
    for v in variants:
        standalone: list[int] = []
        anywhere: list[int] = []
        i = text.find(v)
        while i >= 0:
            anywhere.append(i)
            end = i + len(v)
            if (i == 0 or text[i - 1] in _BEFORE) and (end == len(text) or text[end] in _AFTER):
                standalone.append(i)
            i = text.find(v, i + 1)
        hits = standalone or anywhere
        if hits:
            return hits[min(nth, len(hits) - 1)]
    return None


def site_output_paths(site: Site, outputs: Iterable[str] | None = None) -> set[str]:
    """URL paths of everything the built site serves, plus what enabled plugins add
    (``outputs``: the URL paths of ``site.site_files()`` when already known)."""
    if outputs is None:
        outputs = [output_path(item) for item in site.site_files()]
    paths = set(outputs)
    plugins = {str(p) for p in site.config.get("plugins") or []}
    if "jekyll-feed" in plugins:
        feed = site.config.get("feed")
        path = feed.get("path") if isinstance(feed, dict) else None
        paths.add("/" + str(path or "feed.xml").lstrip("/"))
    if "jekyll-sitemap" in plugins:
        paths.update({"/sitemap.xml", "/robots.txt"})
    if "jekyll-redirect-from" in plugins:
        paths.add("/redirects.json")
        every: list[Document | Page] = [*site.documents, *site.pages]
        for doc in every:
            sources = doc.data.get("redirect_from") or []
            for src in sources if isinstance(sources, list) else [sources]:
                s = "/" + str(src).lstrip("/")
                paths.add(s + "index.html" if s.endswith("/") else s)
    if "jekyll-paginate" in plugins and site.config.get("paginate"):
        per_page = int(site.config.get("paginate") or 0)
        pattern = str(site.config.get("paginate_path") or "/page:num")
        for num in range(2, math.ceil(len(site.posts.docs) / max(per_page, 1)) + 1):
            p = "/" + pattern.replace(":num", str(num)).lstrip("/")
            paths.add(p.rstrip("/") + "/index.html")
    return paths


def check_item_links(checker: Checker, item: Document | Page,
                     records: list[RenderRecord]) -> None:
    """Check the links of a rendered item: its body's, then (whole site) its layouts'."""
    site = checker.site
    raw = getattr(item, "raw_content", None)
    body_source = raw if isinstance(raw, str) else item.content
    body_record = next((r for r in records if r.name == item.relative_path
                        and r.source == body_source), None)
    liquid_output = body_record.output if body_record is not None else body_source
    converted = item.content
    paths = checker.site_paths
    own = output_path(item)
    if own not in paths:  # an unpublished document checked before it goes out
        paths = paths | {own}
    counts: dict[str, int] = {}
    for link in extract_links(converted):
        nth = counts.get(link.value, 0)
        counts[link.value] = nth + 1
        verdict = _verdict(checker, link.value, item.url, paths)
        if verdict is None:
            continue
        code, message = verdict
        if code == "NL030" and link.attr == "src":
            code = "NL031"
        off = locate_in_text(liquid_output, link.value, nth) if item.is_markdown else link.offset
        if off is None:
            checker.add(code, item.path, item.body_line, 1, message)
            continue
        src_off = body_record.source_offset(off, link.value) if body_record else off
        line, col = line_col(body_source, src_off, item.body_line - 1)
        checker.add(code, item.path, line, col, message)
    if not checker.whole_site:
        return
    layout_names = {layout.relative_path: layout for layout in site.layouts.values()}
    for record in records:
        layout = layout_names.get(record.name)
        if layout is None:
            continue
        for link in extract_links(record.output):
            if record.in_content_slot(link.offset):
                continue
            verdict = _verdict(checker, link.value, item.url, paths)
            if verdict is None:
                continue
            code, message = verdict
            if code == "NL030" and link.attr == "src":
                code = "NL031"
            path, line, col = _layout_position(checker, layout.path, record, link)
            checker.add_shared(code, path, line, col, message, item.path)


def _verdict(checker: Checker, value: str, page_url: str,
             paths: set[str]) -> tuple[str, str] | None:
    """classify(), with unpublished documents looked up only for a link that fails."""
    ignore = checker.settings.ignore_links
    verdict = classify(value, page_url, checker.site, paths, ignore)
    if verdict is not None and verdict[0] == "NL030":
        verdict = classify(value, page_url, checker.site, paths, ignore,
                           checker.unpublished_paths)
    return verdict


_INCLUDE_RE = re.compile(r"{%-?\s*include\s+([\w./-]+)")


def _layout_position(checker: Checker, layout_path: Path, record: RenderRecord,
                     link: Link) -> tuple[Path, int, int]:
    """Where a layout's link is written: in the layout, or in the include that wrote it."""
    src_off = record.source_offset(link.offset, link.value)
    m = _INCLUDE_RE.match(record.source, src_off)
    if m is not None:
        folder = str(checker.site.config.get("includes_dir", "_includes"))
        include = checker.site.source / folder / m.group(1)
        try:
            text = checker.site.read_text(include)
        except NewsletterLiquidError:
            text = ""
        parts = urlsplit(link.value)
        path = parts.path if parts.netloc else link.value
        for needle in (link.value, path, path.lstrip("/")):
            found = text.find(needle) if len(needle) > 1 else -1
            if found >= 0:
                line, col = line_col(text, found)
                return include, line, col
    line, col = line_col(record.source, src_off, record.line_offset)
    return layout_path, line, col
