"""What a site is made of: pages, collection documents (posts among them), layouts,
static files, as Jekyll models them (``page.rb``, ``document.rb``, ``layout.rb``).

Each knows its data, its URL and where it is written; rendering lives in
``renderer.py`` and reading the tree in ``site.py``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import deep_merge
from .errors import SiteError
from .rtime import parse_ruby_time, ruby_strftime
from .urls import generate_url, unescape_path
from .utils import add_permalink_suffix, pluralized_array, ruby_sort, slugify, titleize_slug

if TYPE_CHECKING:
    from .site import Site

__all__ = [
    "Collection",
    "Convertible",
    "Document",
    "Excerpt",
    "Layout",
    "Page",
    "StaticFile",
    "parse_date",
]

DATE_FILENAME_RE = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
DATELESS_FILENAME_RE = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$")
HTML_EXTENSIONS = (".html", ".xhtml", ".htm")
_LIQUID_CONSTRUCT_RE = re.compile(r"{%|{{")
_DATE_TEXT_RE = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
    r"\s*(Z|UTC|GMT|[-+]\d{2}:?\d{2}|[-+]\d{1,2})?\s*$",
    re.IGNORECASE,
)


_NO_DATE: Any = object()


def parse_date(value: Any, zone: dt.tzinfo | None, message: str,
               now: dt.datetime | None = None) -> dt.datetime:
    """Jekyll's Utils.parse_date: ``Time.parse(value.to_s).localtime``; what the text
    leaves out comes from ``now`` (the build's clock: ``site.time``)."""
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=zone or _local_zone())
        return aware.astimezone(zone) if zone else aware.astimezone()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=zone or _local_zone())
    parsed = parse_ruby_time(str(value), zone, now)
    if parsed is None:
        raise SiteError(f"Invalid date '{value}': {message}")
    return parsed.astimezone(zone) if zone else parsed.astimezone()


def _parse_offset(text: str) -> dt.tzinfo:
    if text.upper() in ("Z", "UTC", "GMT"):
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


def _local_zone() -> dt.tzinfo:
    zone = dt.datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def _localize(naive: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    if zone is None:
        return naive.astimezone()
    return naive.replace(tzinfo=zone)


def has_liquid_construct(text: str) -> bool:
    return bool(_LIQUID_CONSTRUCT_RE.search(text))


class Layout:
    """A layout: its front matter data and its template body."""

    def __init__(
        self, site: Site, name: str, path: Path, relative_path: str, text: str | None = None
    ) -> None:
        self.site = site
        self.name = name
        self.path = path
        self.relative_path = relative_path
        if text is None:
            text = site.read_text(path)
        fm = site.front_matter(text, relative_path)
        self.data: dict[str, Any] = fm.data
        self.content = fm.body
        self.body_line = fm.body_line


class Convertible:
    """What pages, documents and excerpts share: data, content and how to convert it.

    ``content`` and ``output`` may be pending: the build cache restores a render as
    digests and reads a text from its store only when something uses it.
    """

    site: Site
    path: Path
    relative_path: str
    extname: str
    data: dict[str, Any]
    body_line: int
    _content: str
    _output: str | None
    #: field name -> (digest, loader) of a text not read from the cache yet
    _pending: dict[str, tuple[str, Callable[[], str]]] | None = None

    def setting(self, key: str) -> Any:
        """``data[key]`` as Jekyll's own code reads it (the layout, the permalink...);
        Liquid's ``page`` is ``data``. They differ for a page only (see ``Page``)."""
        return self.data.get(key)

    @property
    def content(self) -> str:
        if self._pending is not None and "content" in self._pending:
            self._content = self._pending.pop("content")[1]()
        return self._content

    @content.setter
    def content(self, value: str) -> None:
        if self._pending is not None:
            self._pending.pop("content", None)
        self._content = value

    @property
    def output(self) -> str | None:
        if self._pending is not None and "output" in self._pending:
            self._output = self._pending.pop("output")[1]()
        return self._output

    @output.setter
    def output(self, value: str | None) -> None:
        if self._pending is not None:
            self._pending.pop("output", None)
        self._output = value

    def set_pending(self, name: str, digest: str, loader: Callable[[], str]) -> None:
        """Make ``name`` (``content`` or ``output``) the text ``loader`` returns, read
        only when used."""
        if self._pending is None:
            self._pending = {}
        self._pending[name] = (digest, loader)

    def pending_digest(self, name: str) -> str | None:
        """The digest of a pending text (None when the text is there)."""
        entry = self._pending.get(name) if self._pending is not None else None
        return entry[0] if entry is not None else None

    @property
    def is_markdown(self) -> bool:
        return self.site.is_markdown_ext(self.extname)

    @property
    def is_sass(self) -> bool:
        """Converted by Jekyll's Sass converter (``.scss``, ``.sass``: see ``sass.py``)."""
        return self.extname.lower() in (".scss", ".sass")

    @property
    def output_ext(self) -> str:
        permalink = self.permalink
        if permalink and not permalink.endswith("/"):
            ext = os.path.splitext(permalink)[1]
            if ext:
                return ext
        if self.is_markdown:
            return ".html"
        return ".css" if self.is_sass else self.extname

    @property
    def permalink(self) -> str | None:
        value = self.setting("permalink")
        return str(value) if value else None

    @property
    def render_with_liquid(self) -> bool:
        if self.setting("render_with_liquid") is False:
            return False
        return self.extname not in (".yaml", ".yml", ".coffee") and has_liquid_construct(
            self.content
        )

    @property
    def place_in_layout(self) -> bool:
        return self.extname not in (".sass", ".scss", ".coffee", ".yaml", ".yml") and (
            self.setting("layout") != "none"
        )

    @property
    def url(self) -> str:
        raise NotImplementedError

    def destination(self, dest: Path) -> Path:
        url = self.url
        rel = unescape_path(url).lstrip("/")
        path = dest / rel
        if url.endswith("/"):
            return path / "index.html"
        if not str(path).endswith(self.output_ext):
            path = Path(str(path) + self.output_ext)
        return path


def output_path(item: Page | StaticFile | Document) -> Path:
    """Where ``item`` goes in the destination (a relative path), worked out once per URL
    (the cache's site-wide key and the writing both need it; a refreshed site builds
    again with the same items)."""
    url = item.url
    memo: tuple[str, Path] | None = getattr(item, "_output_path_memo", None)
    if memo is not None and memo[0] == url:
        return memo[1]
    rel = Path(os.path.relpath(item.destination(Path("/")), "/"))
    item._output_path_memo = (url, rel)  # type: ignore[union-attr]
    return rel


def ruby_join(base: str, item: str) -> str:
    """Ruby's ``File.join`` of two parts: exactly one slash between them."""
    return base.rstrip("/") + "/" + item.lstrip("/")


class Page(Convertible):
    """A file outside the special folders with front matter (``Jekyll::Page``).

    ``dir_`` is Jekyll's ``@dir``: the folder the page was read from, which
    the ``:path`` placeholder of its URL uses (pagination moves it).
    Pages made by plugins pass ``content`` and get no file read
    (``PageWithoutAFile``).
    """

    kind = "pages"

    def __init__(
        self,
        site: Site,
        dir_: str,
        name: str,
        *,
        content: str | None = None,
        data: dict[str, Any] | None = None,
        base: Path | None = None,
    ) -> None:
        self.site = site
        self.dir_ = dir_
        self.name = name
        # Memoized once, as Jekyll's relative_path is while reading (a paginated
        # copy keeps its template's path).
        self.relative_path = ruby_join(dir_, name).removeprefix("/")
        # ``base``: a theme's folder, for its assets
        self.path = (base if base is not None else site.source) / self.relative_path
        self.extname = os.path.splitext(name)[1]
        self.basename = re.sub(r"\.*\Z", "", name[: len(name) - len(self.extname)])
        defaults = site.defaults.all(self.relative_path, "pages")
        if content is None:
            text = site.read_text(self.path)
            fm = site.front_matter(text, self.relative_path)
            own, self.content, self.body_line = fm.data, fm.body, fm.body_line
        else:
            own, self.content, self.body_line = dict(data or {}), content, 1
        self.data = deep_merge(defaults, own) if defaults else own
        if content is not None:
            # Plugins set keys on the data hash directly: a nil hides a default.
            self.data.update(own)
        # A page's data hash falls back to the defaults only for keys it lacks, so for
        # Jekyll's code a nil in the front matter hides a default (``layout: null`` in a
        # feed: no layout); Liquid's ``page`` merges the defaults in (nil keeps them).
        self._hidden_defaults = {k: self.data[k] for k, v in own.items()
                                 if v is None and self.data.get(k) is not None}
        #: Jekyll's Publisher reads ``data.fetch("published", true)``: a page's own
        #: value, never a default (``fetch`` skips the hash's default lookup); nil hides
        self.publishable = own.get("published", True)
        self.output = None
        self.pager: Any = None
        self._url: str | None = None

    def setting(self, key: str) -> Any:
        value = self.data.get(key)
        hidden = getattr(self, "_hidden_defaults", {}).get(key)
        return None if hidden is not None and value is hidden else value

    def liquid_attributes(self) -> dict[str, Any]:
        """Jekyll's ``ATTRIBUTES_FOR_LIQUID`` of the page's class, over its data in
        Liquid's ``page``: a plugin's page class (an archive) has its own list."""
        return {
            "content": self.content,
            "dir": self.dir,
            "excerpt": self.data.get("excerpt"),
            "name": self.name,
            "path": self.page_path,
            "url": self.url,
        }

    def move_to(self, dir_: str) -> None:
        """Set Jekyll's ``@dir`` (what ``newpage.dir = ...`` does in jekyll-paginate)."""
        self.dir_ = dir_
        self._url = None

    @property
    def html(self) -> bool:
        return self.output_ext in HTML_EXTENSIONS

    @property
    def template(self) -> str:
        if not self.html:
            return "/:path/:basename:output_ext"
        if self.basename == "index":
            return "/:path/"
        return add_permalink_suffix("/:path/:basename", self.site.permalink_style)

    @property
    def url(self) -> str:
        if self._url is None:
            self._url = generate_url(
                self.template,
                {"path": self.dir_, "basename": self.basename, "output_ext": self.output_ext},
                self.permalink,
            )
        return self._url

    @property
    def dir(self) -> str:
        url = self.url
        if url.endswith("/"):
            return url
        value = os.path.dirname(url)
        return value if value.endswith("/") else value + "/"

    @property
    def page_path(self) -> str:
        return str(self.data.get("path", self.relative_path))

    def destination(self, dest: Path) -> Path:
        url = self.url
        path = str(dest / unescape_path(url).lstrip("/"))
        if url.endswith("/"):
            path = os.path.join(path, "index")
        if not path.endswith(self.output_ext):
            path += self.output_ext
        return Path(path)


class Collection:
    """A collection (``posts`` or one from ``collections:``) and what it holds."""

    def __init__(self, site: Site, label: str, metadata: dict[str, Any]) -> None:
        self.site = site
        self.label = label
        self.metadata = metadata
        self.docs: list[Document] = []
        self.files: list[StaticFile] = []

    @property
    def relative_directory(self) -> str:
        return f"_{self.label}"

    @property
    def directory(self) -> Path:
        return self.site.collections_path / self.relative_directory

    @property
    def write(self) -> bool:
        return bool(self.metadata.get("output"))

    @property
    def url_template(self) -> str:
        permalink = self.metadata.get("permalink")
        if permalink:
            return str(permalink)
        return add_permalink_suffix("/:collection/:path", self.site.permalink_style)

    def sort_docs(self) -> None:
        """Jekyll's ``sort_docs!``: ``order:`` list, else ``sort_by:`` key, else date."""
        order = self.metadata.get("order")
        sort_by = self.metadata.get("sort_by")
        if isinstance(order, list):
            by_path = {d.relative_path: d for d in sorted(self.docs, key=lambda d: d.sort_key())}
            ordered: dict[str, Document | None] = {
                f"{self.relative_directory}/{entry}".replace("//", "/"): None for entry in order
            }
            for rel, doc in by_path.items():
                ordered[rel] = doc
            self.docs = [d for d in ordered.values() if d is not None]
        elif isinstance(sort_by, str):
            self.docs = ruby_sort(self.docs, self._compare_by(sort_by))
        else:
            self.docs = ruby_sort(self.docs, compare_documents)

    def _compare_by(self, key: str) -> Callable[[Document, Document], int]:
        def compare(a: Document, b: Document) -> int:
            left, right = a.data.get(key), b.data.get(key)
            order: int | None
            if left is None and right is not None:
                self.site.warn(f"Sort warning: '{key}' not defined in {a.relative_path}")
                order = 1
            elif left is not None and right is None:
                self.site.warn(f"Sort warning: '{key}' not defined in {b.relative_path}")
                order = -1
            else:
                order = ruby_compare(left, right)
            if not order:
                return compare_documents(a, b)
            return order

        return compare


def ruby_compare(left: Any, right: Any) -> int | None:
    """Ruby's ``<=>``: ``None`` when the two values cannot be compared."""
    if left is None and right is None:
        return 0
    numbers = (int, float)
    if isinstance(left, bool) or isinstance(right, bool):
        return 0 if left is right else None
    if isinstance(left, numbers) and isinstance(right, numbers):
        return (left > right) - (left < right)
    if isinstance(left, str) and isinstance(right, str):
        a, b = left.encode("utf-8", "surrogateescape"), right.encode("utf-8", "surrogateescape")
        return (a > b) - (a < b)
    if isinstance(left, dt.datetime) and isinstance(right, dt.datetime):
        return (left > right) - (left < right)
    if isinstance(left, dt.date) and isinstance(right, dt.date) and not (
        isinstance(left, dt.datetime) or isinstance(right, dt.datetime)
    ):
        return (left > right) - (left < right)
    if isinstance(left, list) and isinstance(right, list):
        for x, y in zip(left, right, strict=False):
            item = ruby_compare(x, y)
            if item != 0:
                return item
        return (len(left) > len(right)) - (len(left) < len(right))
    return None


#: the date placeholders of a document's permalink (Jekyll's UrlDrop), as strftime formats
_URL_DATE_FORMATS = {
    "year": "%Y", "month": "%m", "day": "%d", "hour": "%H", "minute": "%M",
    "second": "%S", "i_day": "%-d", "i_month": "%-m", "short_month": "%b",
    "long_month": "%B", "short_year": "%y", "w_year": "%G", "week": "%V",
    "w_day": "%u", "short_day": "%a", "long_day": "%A", "y_day": "%j",
}


class Document(Convertible):
    """A file of a collection (``Jekyll::Document``): posts, drafts, newsletters…"""

    _read_head: str | None = None
    _read_body: str | None = None

    def __init__(
        self, site: Site, path: Path, collection: Collection, *, draft: bool = False
    ) -> None:
        self.site = site
        self.path = path
        self.collection = collection
        self.extname = path.suffix
        self.relative_path = path.relative_to(site.collections_path).as_posix()
        self.basename = path.name
        self.basename_without_ext = path.stem if path.suffix else path.name
        self.is_draft = draft
        self.output = None
        self.content = ""
        self.body_line = 1
        # Jekyll's draft? is memoized into the data first thing: every document has it.
        self.data: dict[str, Any] = {"draft": draft and collection.label == "posts"}
        self._url: str | None = None
        self._parsed_date: Any = _NO_DATE
        special = "_drafts" if draft else collection.relative_directory
        self._merge({"categories": self._categories_from_path(special)})

    # -- reading -------------------------------------------------------------
    def _categories_from_path(self, special_dir: str) -> list[str]:
        rel = self.relative_path
        if rel.startswith(special_dir):
            return []
        idx = rel.find(special_dir)
        superdirs = rel[:idx] if idx >= 0 else rel
        return [c for c in superdirs.split("/") if c and c != special_dir and c != self.basename]

    def _merge(self, other: dict[str, Any], source: str = "YAML front matter") -> None:
        if other.get("categories") is not None:
            cats = other["categories"]
            if isinstance(cats, str):
                cats = cats.split()
            if isinstance(self.data.get("categories"), list) and isinstance(cats, list):
                cats = list(dict.fromkeys([*self.data["categories"], *cats]))
            other = {**other, "categories": cats}
        self.data = deep_merge(self.data, other)
        date = self.data.get("date", _NO_DATE)
        # Jekyll re-parses the date on every merge; idempotent for a date it parsed
        # itself, so only a new value is parsed.
        if date is not _NO_DATE and date is not self._parsed_date:
            self._parsed_date = self.data["date"] = parse_date(
                date, self.site.zone,
                f"Document '{self.relative_path}' does not have a valid date in the {source}.",
                self.site._time,
            )

    def read(self) -> None:
        defaults = self.site.defaults.all(self.relative_path, self.kind)
        if defaults:
            self._merge(defaults, "front matter defaults")
        text = self.site.read_text(self.path)
        fm = self.site.front_matter(text, self.relative_path)
        self.content = fm.body
        self.body_line = fm.body_line
        # what ``Site.refresh`` compares an edited file with: the text before the body
        # (same bytes: same data), and the body read (a generator may replace it)
        self._read_head = text[: len(text) - len(fm.body)] if text.endswith(fm.body) else None
        self._read_body = fm.body
        if fm.data:
            self._merge(fm.data)
        self._populate_title()
        self._populate_categories()
        self._populate_tags()
        if self.excerpt_separator and not _truthy(self.data.get("excerpt")):
            # Made while reading, from the raw body, as Jekyll's generate_excerpt.
            self.data["excerpt"] = Excerpt(self)

    @property
    def kind(self) -> str:
        if self.is_draft:
            return "drafts"
        return self.collection.label

    def _populate_title(self) -> None:
        m = DATE_FILENAME_RE.match(self.relative_path)
        slug: str | None
        ext: str | None
        if m:
            date_text, slug, ext = m.groups()
            current = self.data.get("date")
            if current is None or int(current.timestamp()) == int(self.site.time.timestamp()):
                self._merge({"date": date_text}, "filename")
        else:
            m2 = DATELESS_FILENAME_RE.match(self.relative_path)
            slug, ext = m2.groups() if m2 else (None, None)
        slug = re.sub(r"\.*\Z", "", slug or self.basename_without_ext)
        if not _truthy(self.data.get("title")):
            self.data["title"] = titleize_slug(slug)
        if not _truthy(self.data.get("slug")):
            self.data["slug"] = slug
        if not _truthy(self.data.get("ext")):
            self.data["ext"] = ext

    def _populate_categories(self) -> None:
        raw = self.data.get("categories")
        cats: list[Any] = list(raw) if isinstance(raw, list) else ([] if raw is None else [raw])
        cats += pluralized_array(self.data, "category", "categories")
        flat = [str(c) for c in cats]
        self._merge({"categories": list(dict.fromkeys(flat))})

    def _populate_tags(self) -> None:
        self.data["tags"] = pluralized_array(self.data, "tag", "tags")

    # -- identity --------------------------------------------------------------
    @property
    def date(self) -> dt.datetime:
        value = self.data.get("date")
        if not _truthy(value):
            value = self.site.file_mtime(self.path) if self.data.get("draft") else self.site.time
            self.data["date"] = value
        assert isinstance(value, dt.datetime)
        return value

    @property
    def published(self) -> bool:
        """Jekyll's ``published?``: only an explicit ``false`` hides a document."""
        return self.data.get("published") is not False

    @property
    def cleaned_relative_path(self) -> str:
        rel = self.relative_path[: len(self.relative_path) - len(self.extname)]
        rel = rel.replace(self.collection.relative_directory, "", 1)
        return re.sub(r"\.*\Z", "", rel)

    def url_placeholder(self, key: str) -> str | None:
        """Jekyll's UrlDrop: the values ``:key`` may take in a permalink template."""
        if key == "collection":
            return self.collection.label
        if key == "path":
            return self.cleaned_relative_path
        if key == "name":
            return slugify(self.basename_without_ext)
        if key == "title":
            return (slugify(_str_or_none(self.data.get("slug")), "pretty", True)
                    or slugify(self.basename_without_ext, "pretty", True))
        if key == "slug":
            return (slugify(_str_or_none(self.data.get("slug")))
                    or slugify(self.basename_without_ext))
        if key == "categories":
            return "/".join(
                dict.fromkeys(str(c).lower() for c in _as_list(self.data.get("categories"))))
        if key == "slugified_categories":
            return "/".join(dict.fromkeys(
                slugify(str(c)) or "" for c in _as_list(self.data.get("categories"))))
        if key == "output_ext":
            return self.output_ext
        date_format = _URL_DATE_FORMATS.get(key)
        if date_format is not None:
            return ruby_strftime(self.date, date_format)
        raise KeyError(key)

    @property
    def url(self) -> str:
        if self._url is None:
            self._url = generate_url(
                self.collection.url_template, self.url_placeholder, self.permalink
            )
        return self._url

    @property
    def id(self) -> str:
        slug = self.data.get("slug")
        return ruby_join(
            ruby_dirname(self.url), str(slug if _truthy(slug) else self.basename_without_ext)
        )

    @property
    def excerpt_separator(self) -> str:
        sep = self.data.get("excerpt_separator")
        if sep is None:
            sep = self.site.config.get("excerpt_separator")
        return "" if sep is None else str(sep)

    @property
    def excerpt(self) -> Excerpt | None:
        """The generated excerpt (``None`` when the front matter gives its own text)."""
        value = self.data.get("excerpt")
        return value if isinstance(value, Excerpt) else None

    @property
    def write(self) -> bool:
        """Jekyll's ``write?``: the collection is output and the document not in the future
        (future documents of other collections are read, for Liquid, but not written)."""
        if not self.collection.write:
            return False
        published = self.data.get("published", True)
        if (published is None or published is False) and not self.site.config.get(
            "unpublished"
        ):
            return False
        return not self.site.hidden_in_the_future(self)

    def next_doc(self) -> Document | None:
        docs = self.collection.docs
        for i, doc in enumerate(docs):
            if doc is self:
                return docs[i + 1] if i + 1 < len(docs) else None
        return None

    def previous_doc(self) -> Document | None:
        docs = self.collection.docs
        for i, doc in enumerate(docs):
            if doc is self:
                return docs[i - 1] if i > 0 else None
        return None

    def sort_key(self) -> DocumentOrder:
        """Jekyll's ``Document#<=>`` as a sort key: by date, then by path."""
        return DocumentOrder(self)


def compare_documents(a: Document, b: Document) -> int:
    """Jekyll's ``Document#<=>``: dates first, paths when the dates are equal or one is
    still unset (a collection document's date is only filled in when first used)."""
    order = ruby_compare(a.data.get("date"), b.data.get("date"))
    if not order:
        pa, pb = str(a.path), str(b.path)
        order = (pa > pb) - (pa < pb)
    return order


class DocumentOrder:
    """Sort key wrapping ``compare_documents`` (works with ``reverse=True``)."""

    __slots__ = ("doc",)

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    def __lt__(self, other: DocumentOrder) -> bool:
        return compare_documents(self.doc, other.doc) < 0

    def __gt__(self, other: DocumentOrder) -> bool:
        return compare_documents(self.doc, other.doc) > 0


class Excerpt(Convertible):
    """A document's first paragraph(s), rendered on its own when first used."""

    _LIQUID_TAG_RE = re.compile(r"{%-?\s*(\w+)\s*.*?-?%}", re.S)
    _LINK_REF_RE = re.compile(r"^ {0,3}(?:(\[[^\]]+\])(:.+))$", re.M)

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.site = doc.site
        self.path = doc.path
        self.relative_path = doc.relative_path + "/#excerpt"
        self.extname = doc.extname
        self.content = self._extract(doc.content)
        self.body_line = doc.body_line
        self.output = None
        self._data: dict[str, Any] | None = None

    @property
    def data(self) -> dict[str, Any]:
        """The document's data without ``layout`` and ``excerpt``, copied on first use
        (as late as Jekyll copies it)."""
        if self._data is None:
            self._data = {
                k: v for k, v in self.doc.data.items() if k not in ("layout", "excerpt")
            }
        return self._data

    @data.setter
    def data(self, value: dict[str, Any]) -> None:
        self._data = value

    def __str__(self) -> str:
        return self.render()

    def _extract(self, content: str) -> str:
        head, sep, tail = content.partition(self.doc.excerpt_separator)
        if not sep or not tail:
            return head
        if "{%" in head:
            head = self._close_liquid_blocks(head)
        # a definition is "[label]:" on its own line: no "]:" at all, none to scan for
        definitions = [
            m.group(1) + m.group(2)
            for m in self._LINK_REF_RE.finditer(tail)
            if m.group(1) in head
        ] if "]:" in tail else []
        if not definitions:
            return head
        return head + "\n\n" + "\n".join(definitions)

    def _close_liquid_blocks(self, head: str) -> str:
        blocks = self.site.liquid_block_tags()
        for name in reversed(self._LIQUID_TAG_RE.findall(head)):
            if name not in blocks:
                continue
            if re.search(r"{%-?\s*end" + re.escape(name) + r".*?\s*-?%}", head, re.S):
                continue
            head += "\n{% end" + name + " %}"
        return head

    @property
    def url(self) -> str:
        return self.doc.url

    @property
    def place_in_layout(self) -> bool:
        return False

    @property
    def id(self) -> str:
        return self.doc.id + "#excerpt"

    def render(self) -> str:
        if self.output is None:
            self.output = self.site.renderer.render_excerpt(self)
        return self.output


class StaticFile:
    """A file copied as it is (``Jekyll::StaticFile``).

    ``dir_`` is Jekyll's: ``/assets`` (or ``""`` at the top) for files of the site,
    ``_things/sub`` (no leading slash) for files of a collection; the relative
    path joins it with the name, so it keeps that difference.
    """

    def __init__(
        self, site: Site, dir_: str, name: str, collection: Collection | None = None,
        base: Path | None = None,
    ) -> None:
        self.site = site
        self.dir_ = dir_
        self.name = name
        self.collection = collection
        self.relative_path = ruby_join(dir_, name) if dir_ or collection is None else name
        if collection is not None:
            self.path = site.collections_path / dir_ / name
        else:  # ``base``: a theme's folder, for its assets
            self.path = (base if base is not None else site.source) / \
                self.relative_path.lstrip("/")
        self.extname = os.path.splitext(name)[1]
        self.basename = re.sub(r"\.*\Z", "", name[: len(name) - len(self.extname)])
        kind = collection.label if collection is not None else ""
        #: front matter defaults by relative path (what Liquid sees)
        self.data = site.defaults.all(self.relative_path, kind)

    @property
    def write(self) -> bool:
        """Jekyll's ``write?``: ``published: false`` (a default, found by URL) and
        output-less collections keep the file out of the site."""
        kind = self.collection.label if self.collection is not None else ""
        published = self.site.defaults.all(self.url, kind).get("published", True)
        if published is None or published is False:
            return False
        return self.collection is None or self.collection.write

    @property
    def modified_time(self) -> dt.datetime:
        return self.site.file_mtime(self.path)

    @property
    def cleaned_relative_path(self) -> str:
        rel = self.relative_path[: len(self.relative_path) - len(self.extname)]
        rel = re.sub(r"\.*\Z", "", rel)
        if self.collection is not None:
            rel = rel.replace(self.collection.relative_directory, "", 1)
        return rel

    @property
    def url(self) -> str:
        if self.collection is None:
            base = self.cleaned_relative_path
        else:
            base = generate_url(
                self.collection.url_template,
                {
                    "collection": self.collection.label,
                    "path": self.cleaned_relative_path,
                    "output_ext": "",
                    "name": self.basename,
                    "title": "",
                },
            )
        return base.removesuffix("/") + self.extname

    def destination(self, dest: Path) -> Path:
        return dest / unescape_path(self.url).lstrip("/")


def _truthy(value: Any) -> bool:
    return value is not None and value is not False


def ruby_dirname(path: str) -> str:
    """Ruby's ``File.dirname``: trailing slashes do not count."""
    stripped = path.rstrip("/")
    if not stripped:
        return "/" if path.startswith("/") else "."
    head = stripped.rsplit("/", 1)[0] if "/" in stripped else "."
    return head.rstrip("/") or ("/" if stripped.startswith("/") else head)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
