"""A whole site: read it, render it, write it (Jekyll's ``site.rb`` and readers).

``Site.load`` reads the tree as Jekyll's Reader does (same filters, same
orders); ``render`` runs generators (plugins) then renders every document;
``build`` writes the result into a fresh folder and swaps it in, so a failed
build leaves the previous output whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fnmatch
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._yaml import YamlError, load_yaml
from .config import FrontMatterDefaults, deep_merge, load_config, resolve_timezone
from .document import (
    Collection,
    Document,
    Excerpt,
    Layout,
    Page,
    StaticFile,
    output_path,
    ruby_join,
)
from .errors import ConfigError, NewsletterLiquidError, SiteError
from .frontmatter import FrontMatter, has_front_matter, parse_front_matter

if TYPE_CHECKING:
    from .cache import CacheStore, PendingText, Record, Tracker
    from .dialect import JekyllEnvironment
    from .kramdown import KramdownOptions
    from .plugins import Plugin
    from .readcache import YamlCache
    from .renderer import Renderer
    from .theme import Theme

__all__ = ["Site"]

_SPECIAL_RE = re.compile(r"\A[._#~]")
_CACHE_DIR_NAME = ".newsletter-liquid-cache"  # cache.CACHE_DIR_NAME (not imported: cost)
_DATA_EXTS = (".yaml", ".yml", ".json", ".csv", ".tsv")
_POST_NAME_RE = re.compile(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$")
_DRAFT_NAME_RE = re.compile(r"^(?:.+/)*(.*)(\.[^.]+)$")


class Site:
    """A Jekyll site read from ``source`` with its merged configuration."""

    def __init__(self, config: dict[str, Any], *, drafts: bool = False,
                 future: bool | None = None, unpublished: bool | None = None) -> None:
        self.warnings: list[str] = []
        self.on_warning: Callable[[str], None] | None = None
        self.source = Path(config["source"])
        self.theme: Theme | None = None
        theme = config.get("theme")
        if isinstance(theme, str) and theme.strip():
            from .theme import find_theme

            self.theme = find_theme(theme)
            config = self._with_theme_config(config, self.theme)
        elif theme is not None:
            from .dialect.filters._base import class_name

            self.warn("Theme: value of 'theme' in config should be String to use gem-based "
                      f"themes, but got {class_name(theme)}")
        self.config = config
        if drafts:
            config["show_drafts"] = True
        if future is not None:
            config["future"] = future
        if unpublished is not None:
            config["unpublished"] = unpublished
        self.zone: dt.tzinfo | None = resolve_timezone(config.get("timezone"))
        self._time = _site_time(self.zone)
        self.defaults = FrontMatterDefaults(config)
        self.permalink_style = config.get("permalink") or "date"
        exts = str(config.get("markdown_ext") or "").split(",")
        # Jekyll's extname_list: split on commas, nothing stripped ("md, mkdn" is .md and
        # ". mkdn")
        self._markdown_exts = {"." + e.lower() for e in exts if e}
        self.layouts: dict[str, Layout] = {}
        self.pages: list[Page] = []
        self.static_files: list[StaticFile] = []
        self.data: dict[str, Any] = {}
        self.collections: dict[str, Collection] = {}
        for label, meta in (config.get("collections") or {}).items():
            self.collections[str(label)] = Collection(self, str(label), dict(meta or {}))
        self._generated = False
        self._glob_matchers: dict[tuple[str, ...], Callable[[str], bool]] = {}
        self._layout_costs: dict[str, float] = {}
        #: jekyll-include-cache's store, emptied before each render
        self.include_cache: dict[Any, str] = {}
        self.plugins: list[Plugin] = []
        self._env: JekyllEnvironment | None = None
        self._renderer: Renderer | None = None
        self._markdown_options: KramdownOptions | None = None
        self._site_drop: Any = None
        #: told of every drop read while a build cache records a render (see cache.py)
        self.read_observer: Callable[[Any, str | None], None] | None = None
        #: the build cache's read log while a cached build renders
        self.tracker: Tracker | None = None
        #: Markdown conversions of this build by input text (markdownify of one text twice)
        self._markdown_memo: dict[str, str] = {}
        self._markdown_store: CacheStore | None = None
        self._markdown_new: dict[str, str] = {}
        self._markdown_used: set[str] = set()
        self._markdown_salt: bytes | None = None
        #: YAML values of the last read (front matter, data files), by text; see readcache
        self.yaml_cache: YamlCache | None = None
        #: what the last cached build reused and rendered (for ``build --verbose``)
        self.cache_stats: dict[str, int] = {}
        #: output path -> (the text, its digest) known from the last cached render
        self._output_digests: dict[Path, tuple[str, str]] = {}
        self._item_digests: dict[int, str] = {}
        self._warnings_before_render = 0
        #: for ``refresh``: the records of the last cached build (with its key), whether
        #: the site was refreshed since, the tokens of the documents it changed, and the
        #: site-wide key of its structure
        self._last_records: tuple[str, dict[str, Record]] | None = None
        self._refreshed = False
        self._changed_tokens: frozenset[str] = frozenset()
        self._structure_memo: tuple[Any, str] | None = None

    @staticmethod
    def _with_theme_config(config: dict[str, Any], theme: Theme) -> dict[str, Any]:
        """Jekyll's load_theme_configuration: the theme's ``_config.yml`` under the site's,
        without the keys of Jekyll's defaults (and not at all with ``ignore_theme_config``)."""
        if config.get("ignore_theme_config") is True:
            return config
        path = theme.root / "_config.yml"
        if not path.is_file() or path.is_symlink():
            return config
        from .config import DEFAULTS

        try:
            theme_config = load_yaml(path.read_text("utf-8"))
        except (YamlError, OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"the theme's configuration cannot be read: {exc}",
                              str(path)) from None
        if not isinstance(theme_config, dict):
            return config
        kept = {k: v for k, v in theme_config.items() if k not in DEFAULTS}
        return deep_merge(kept, config)

    @property
    def time(self) -> dt.datetime:
        """``site.time``; a cached build notes who reads it."""
        if self.tracker is not None:
            self.tracker.observe_time()
        return self._time

    def warn(self, message: str) -> None:
        """Record a build warning (Jekyll logs them and goes on)."""
        self.warnings.append(message)
        if self.on_warning is not None:
            self.on_warning(message)

    # -- construction ---------------------------------------------------------
    @classmethod
    def load(
        cls,
        source: str | os.PathLike[str],
        config_files: Sequence[str | os.PathLike[str]] | None = None,
        *,
        overrides: Mapping[str, Any] | None = None,
        drafts: bool = False,
        future: bool | None = None,
        unpublished: bool | None = None,
        cache_dir: str | os.PathLike[str] | None = None,
        serving: bool = False,
    ) -> Site:
        """Read a site: configuration, layouts, pages, collections, data, static files.
        With ``cache_dir``, YAML texts parsed by the last read from there are not parsed
        again (the values are the same; see ``readcache``). ``serving``: ``site.serving``
        (true under ``serve``, as under ``jekyll serve``)."""
        source_path = Path(source)
        if not source_path.is_dir():
            raise SiteError(f"source folder {source_path} does not exist", str(source_path))
        yaml_cache = None
        if cache_dir is not None:
            from .readcache import YamlCache

            yaml_cache = YamlCache.open(cache_dir)
        config = load_config(source_path, config_files, overrides,
                             load=yaml_cache.load if yaml_cache is not None else None)
        config["serving"] = serving  # Jekyll's command sets it (after the config files' keys)
        site = cls(config, drafts=drafts, future=future, unpublished=unpublished)
        site.yaml_cache = yaml_cache
        site.read()
        return site

    @property
    def posts(self) -> Collection:
        return self.collections["posts"]

    @property
    def collections_path(self) -> Path:
        cdir = str(self.config.get("collections_dir") or "")
        return self.source / cdir if cdir else self.source

    @property
    def safe(self) -> bool:
        return bool(self.config.get("safe"))

    @property
    def documents(self) -> list[Document]:
        return [d for c in self.collections.values() for d in c.docs]

    def is_markdown_ext(self, ext: str) -> bool:
        return ext.lower() in self._markdown_exts

    def read_text(self, path: Path) -> str:
        """A source file's text; non-UTF-8 bytes are an error that names the file."""
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SiteError(f"cannot read file: {exc.strerror}", self._rel(path)) from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise SiteError(
                f"invalid UTF-8 byte 0x{data[exc.start]:02x}: save the file as UTF-8",
                self._rel(path), line, col,
            ) from None
        if self.tracker is not None:
            self.tracker.observe_file(path, text)
        return text

    def load_yaml(self, text: str) -> Any:
        """A YAML text of the site (times in its zone), through the read cache if any."""
        if self.yaml_cache is not None:
            return self.yaml_cache.load(text, self.zone)
        return load_yaml(text, self.zone)

    def front_matter(self, text: str, relative_path: str) -> FrontMatter:
        """A file's front matter and body, its YAML through the read cache if any."""
        if self.yaml_cache is not None:
            return parse_front_matter(text, relative_path, self.zone, load=self.yaml_cache.load)
        return parse_front_matter(text, relative_path, self.zone)

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.source).as_posix()
        except ValueError:
            return str(path)

    # -- reading (Jekyll::Reader) ---------------------------------------------
    def _glob_include(self, patterns: Iterable[Any], entry: str) -> bool:
        return self._glob_matcher(tuple(p for p in patterns if isinstance(p, str)))(entry)

    def _glob_matcher(self, patterns: tuple[str, ...]) -> Callable[[str], bool]:
        """EntryFilter#glob_include? for one list of patterns, compiled once: the entry
        (joined to the source) matches a pattern as a glob, starts with it, or is the
        folder a trailing-slash pattern names."""
        cached = self._glob_matchers.get(patterns)
        if cached is not None:
            return cached
        source = str(self.source)
        # Ruby's File.join: "/docs" under the source is the source's docs folder
        joined = [ruby_join(source, p) for p in patterns]
        globs = [re.compile(fnmatch.translate(j)) for j in joined if any(c in j for c in "*?[")]
        plain = {j for j in joined if not any(c in j for c in "*?[")}
        prefixes = tuple(joined)
        folders = {j[:-1] for j in joined if j.endswith("/")}

        def matches(entry: str) -> bool:
            full = ruby_join(source, entry)
            if full in plain or full.startswith(prefixes):
                return True
            if any(g.match(full) for g in globs):
                return True
            return full in folders and os.path.isdir(full)

        self._glob_matchers[patterns] = matches
        return matches

    def glob_matches(self, patterns: object, entry: str) -> bool:
        """EntryFilter#glob_include?: ``entry`` (relative to the source) matches a glob."""
        return isinstance(patterns, list) and self._glob_include(patterns, entry)

    def is_included(self, entry: str) -> bool:
        """EntryFilter#included?: ``entry`` or its file name matches an ``include:`` glob."""
        include = self.config.get("include") or []
        return self._glob_include(include, entry) or self._glob_include(
            include, os.path.basename(entry)
        )

    def filter_entries(self, entries: Iterable[str], base_dir: str = "") -> list[str]:
        """Jekyll's EntryFilter: drop dot/underscore files, backups, excludes."""
        include = tuple(p for p in self.config.get("include") or [] if isinstance(p, str))
        exclude = tuple(
            p for p in self.config.get("exclude") or [] if isinstance(p, str) and p not in include
        )
        is_included = self._glob_matcher(include)
        is_excluded = self._glob_matcher(exclude)
        kept = []
        for entry in entries:
            if entry.endswith(".") or (not base_dir and entry == _CACHE_DIR_NAME):
                continue
            rel = os.path.join(base_dir, entry) if base_dir else entry
            included = is_included(entry) or is_included(os.path.basename(entry))
            if is_excluded(rel) and not included:
                continue
            if self.safe:
                full = self.source / rel
                if full.is_symlink() and not self._inside_source(full):
                    continue
            if included:
                kept.append(entry)
                continue
            if _SPECIAL_RE.match(entry) or _SPECIAL_RE.match(os.path.basename(entry)):
                continue
            if entry.endswith("~"):
                continue
            kept.append(entry)
        return kept

    def _inside_source(self, path: Path) -> bool:
        try:
            return str(path.resolve()).startswith(str(self.source.resolve()))
        except OSError:
            return False

    def _listdir(self, path: Path) -> list[str]:
        try:
            return sorted(os.listdir(path))
        except OSError:
            return []

    def read(self) -> None:
        """Read everything, in Jekyll's order, then sort as Jekyll sorts."""
        from .plugins import load_plugins

        # Plugins first: their Liquid tags decide which excerpts need closing tags.
        self.plugins = load_plugins(self)
        for plugin in self.plugins:
            plugin.configure(self)
        self._warn_ruby_plugins()
        self._check_markdown_input()
        self._read_layouts()
        self._read_directories("")
        self._read_included_excludes()
        self.posts.docs.sort(key=lambda d: d.sort_key())
        self.pages.sort(key=lambda p: p.name)
        self.static_files.sort(key=lambda f: f.relative_path)
        self._read_collections()
        self._read_theme_assets()
        self.data = self._read_data(self.source / str(self.config.get("data_dir", "_data")))
        theme_data = self.theme.data_path if self.theme is not None else None
        if theme_data is not None:  # under the site's own, key by key
            self.data = deep_merge(self._read_data(theme_data), self.data)
        self._limit_posts()
        if self.yaml_cache is not None:
            self.yaml_cache.save()

    def _check_markdown_input(self) -> None:
        """kramdown's ``input:``: Jekyll finds the parser by that name, capitalised ("gfm"
        is no parser); ours is GFM's, so another parser's site is told its output can
        differ."""
        kramdown = self.config.get("kramdown")
        value = kramdown.get("input", "GFM") if isinstance(kramdown, Mapping) else "GFM"
        name = str(value if value is not None else "kramdown")
        name = name[:1].upper() + name[1:]
        if name not in ("GFM", "Kramdown", "Markdown", "Html"):
            raise ConfigError("kramdown has no parser to handle the specified input "
                              f"format: {value}", "_config.yml")
        if name != "GFM":
            self.warn(f"kramdown: input: {value} is read as GFM (Jekyll's default, the only "
                      "parser here): fenced code, task lists, strikethrough and header ids "
                      "can differ from Jekyll's")

    def _warn_ruby_plugins(self) -> None:
        """Jekyll requires every ``.rb`` under ``plugins_dir`` (unless ``safe``); we cannot
        run Ruby, so say which files a build goes on without (their pages, tags,
        filters), rather than leave the output short in silence."""
        if self.safe:
            return
        setting = self.config.get("plugins_dir")
        if setting == "_plugins":
            folders = [self.source / "_plugins"]
        else:
            values = setting if isinstance(setting, list) else [setting]
            folders = [Path(os.path.abspath(str(v))) for v in values if v is not None]
        for folder in folders:
            if folder.is_dir():
                found = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.rb"))
                if found:
                    self.warn(f"Plugins: {folder.name}/ has Ruby plugins, which newsletter_liquid "
                              f"cannot run ({', '.join(found)}): the build goes on without "
                              "them; write them in Python (newsletter_liquid.plugins)")

    def _limit_posts(self) -> None:
        limit = self.config.get("limit_posts")
        if isinstance(limit, int) and not isinstance(limit, bool) and limit > 0:
            self.posts.docs = self.posts.docs[-limit:]

    def file_mtime(self, path: Path) -> dt.datetime:
        """A source file's modification time, in the site's zone.

        With SOURCE_DATE_EPOCH set every file reads as modified at that instant,
        as in the reference builds (their clock, file times included, is frozen).
        """
        if os.environ.get("SOURCE_DATE_EPOCH") is not None:
            return self.time
        stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
        return stamp.astimezone(self.zone) if self.zone is not None else stamp.astimezone()

    def _read_layouts(self) -> None:
        layouts_dir = self.source / str(self.config.get("layouts_dir", "_layouts"))
        self._read_layouts_in(layouts_dir, self.source)
        theme_layouts = self.theme.layouts_path if self.theme is not None else None
        if theme_layouts is not None:  # the theme's, where the site has none of that name
            assert self.theme is not None
            self._read_layouts_in(theme_layouts, self.theme.root, only_missing=True)

    def _read_layouts_in(self, layouts_dir: Path, base: Path, *,
                         only_missing: bool = False) -> None:
        if not layouts_dir.is_dir():
            return
        for root, dirs, files in os.walk(layouts_dir):
            dirs.sort()
            rel_root = os.path.relpath(root, layouts_dir)
            for name in sorted(files):
                rel = name if rel_root == "." else f"{rel_root}/{name}"
                key = rel[: len(rel) - len(os.path.splitext(rel)[1])]
                if only_missing and key in self.layouts:
                    continue
                path = Path(root) / name
                if base == self.source:
                    if self.safe and path.is_symlink() and not self._inside_source(path):
                        continue
                    shown = self._rel(path)
                else:
                    shown = path.relative_to(base).as_posix()
                self.layouts[key] = Layout(self, key, path, shown)

    def _read_theme_assets(self) -> None:
        """Jekyll's ThemeAssetsReader: the theme's ``assets/``, after everything else;
        files with front matter become pages, the rest static files, unless the site has
        one at that path."""
        theme = self.theme
        assets = theme.assets_path if theme is not None else None
        if theme is None or assets is None:
            return
        pages = {p.relative_path for p in self.pages}
        statics = {f.relative_path for f in self.static_files}
        for root, dirs, files in os.walk(assets):
            dirs.sort()
            for name in sorted(files):
                path = Path(root) / name
                if path.is_symlink():
                    self.warn(f"Theme reader: Ignored symlinked asset: {path}")
                    continue
                rel_dir = os.path.relpath(root, theme.root)
                if _starts_with_front_matter(path):
                    page = Page(self, rel_dir, name, base=theme.root)
                    if page.relative_path not in pages:
                        self.pages.append(page)
                        pages.add(page.relative_path)
                else:
                    static = StaticFile(self, "/" + rel_dir, name, base=theme.root)
                    if static.relative_path not in statics:
                        self.static_files.append(static)
                        statics.add(static.relative_path)

    def _read_directories(self, dir_: str) -> None:
        base = self.source / dir_ if dir_ else self.source
        if not base.is_dir():
            return
        dest = Path(self.config.get("destination") or "").resolve()
        dot_dirs, dot_pages, dot_static = [], [], []
        for entry in self.filter_entries(self._listdir(base), dir_):
            full = base / entry
            if full.is_dir():
                dot_dirs.append(entry)
            elif _starts_with_front_matter(full):
                dot_pages.append(entry)
            else:
                dot_static.append(entry)
        self._read_posts(dir_)
        for entry in dot_dirs:
            sub = f"{dir_}/{entry}" if dir_ else entry
            if (self.source / sub).resolve() == dest:
                continue
            self._read_directories(sub)
        for entry in dot_pages:
            self._read_page(dir_, entry)
        for entry in dot_static:
            self.static_files.append(StaticFile(self, "/" + dir_ if dir_ else "", entry))

    def _read_page(self, dir_: str, name: str) -> None:
        """Jekyll's PageReader: a page is kept when its publisher says so."""
        page = Page(self, dir_, name)
        if page.publishable or self.config.get("unpublished"):
            self.pages.append(page)

    def _read_included_excludes(self) -> None:
        """Files named in ``include:`` that the folder walk skipped (Jekyll reads them
        last, as pages or static files)."""
        for entry in self.config.get("include") or []:
            if not isinstance(entry, str):
                continue
            path = self.source / entry
            if not path.is_file() or (self.safe and path.is_symlink()
                                      and not self._inside_source(path)):
                continue
            rel = path.relative_to(self.source).as_posix()
            dir_, name = os.path.split(rel)
            if _starts_with_front_matter(path):
                if not any(p.relative_path == rel for p in self.pages):
                    self._read_page(dir_, name)
            elif not any(f.relative_path.lstrip("/") == rel for f in self.static_files):
                self.static_files.append(StaticFile(self, "/" + dir_ if dir_ else "", name))

    def _read_posts(self, dir_: str) -> None:
        cdir = str(self.config.get("collections_dir") or "")
        if cdir and not ("/" + dir_).startswith("/" + cdir):
            return
        posts = self.posts
        for special, draft in (("_posts", False), ("_drafts", True)):
            if draft and not self.config.get("show_drafts"):
                continue
            base = self.source / dir_ / special if dir_ else self.source / special
            if not base.is_dir():
                continue
            matcher = _DRAFT_NAME_RE if draft else _POST_NAME_RE
            rel_base = base.relative_to(self.source).as_posix()
            for entry in self._glob_entries(base, rel_base, dotmatch=False):
                if not matcher.match(entry):
                    continue
                doc = Document(self, base / entry, posts, draft=draft)
                doc.read()
                if self._publish(doc):
                    posts.docs.append(doc)

    def _glob_entries(self, base: Path, rel_base: str, *, dotmatch: bool) -> list[str]:
        """Ruby's ``Dir["**/*"]`` below ``base`` (sorted, depth first), through the entry
        filter with ``rel_base`` as the folder excludes are matched in; files only."""
        found: list[str] = []
        folders: set[str] = set()

        def walk(folder: str, prefix: str) -> None:
            try:
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda e: e.name)
            except OSError:
                return
            for entry in entries:
                name = entry.name
                if not dotmatch and name.startswith("."):
                    continue
                found.append(prefix + name)
                if entry.is_dir():  # follows a link, as File.directory? does
                    folders.add(prefix + name)
                    if not entry.is_symlink():
                        walk(entry.path, prefix + name + "/")

        walk(os.fspath(base), "")
        kept = self.filter_entries(found, rel_base)
        return [e for e in kept if e not in folders]

    def _publish(self, doc: Document) -> bool:
        """Jekyll's Publisher: published (or ``unpublished: true``) and not in the future."""
        published = doc.data.get("published", True)
        if (published is None or published is False) and not self.config.get("unpublished"):
            return False
        return not self.hidden_in_the_future(doc)

    def hidden_in_the_future(self, doc: Document) -> bool:
        return not self.config.get("future") and int(doc.date.timestamp()) > int(
            self.time.timestamp()
        )

    def _read_collections(self) -> None:
        for label, collection in self.collections.items():
            if label == "posts":
                continue
            base = collection.directory
            if not base.is_dir():
                continue
            for entry in self._glob_entries(base, "", dotmatch=True):
                path = base / entry
                if _starts_with_front_matter(path):
                    doc = Document(self, path, collection)
                    doc.read()
                    if self.config.get("unpublished") or doc.published:
                        collection.docs.append(doc)
                else:
                    rel_dir = os.path.dirname(f"{collection.relative_directory}/{entry}")
                    collection.files.append(StaticFile(self, rel_dir, path.name, collection))
            self.static_files.extend(collection.files)
            collection.sort_docs()

    def _read_data(self, base: Path) -> dict[str, Any]:
        """Jekyll's DataReader: ``Dir["*.{yaml,yml,json,csv,tsv}"]`` (one sorted group per
        extension, in that order) then the folders; no entry filter, only dotfiles skipped."""
        data: dict[str, Any] = {}
        if not base.is_dir():
            return data
        names = [n for n in self._listdir(base) if not n.startswith(".")]
        entries = [
            n for ext in _DATA_EXTS for n in names if n.endswith(ext) and n != ext
        ]
        entries += [n for n in names if (base / n).is_dir()]
        for entry in entries:
            path = base / entry
            if self.safe and path.is_symlink() and not self._inside_source(path):
                continue
            if path.is_dir():
                data[_sanitize_data_name(entry)] = self._read_data(path)
            elif path.is_file():
                data[_sanitize_data_name(os.path.splitext(entry)[0])] = (
                    self._read_data_file(path)
                )
        return data

    def _read_data_file(self, path: Path) -> Any:
        text = self.read_text(path)
        ext = path.suffix.lower()
        if ext in (".csv", ".tsv"):
            from .datafiles import read_csv_data

            return read_csv_data(text, ext, self.config, self._rel(path))
        if ext == ".json":
            import json

            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise SiteError(f"invalid JSON: {exc.msg}", self._rel(path),
                                exc.lineno, exc.colno) from None
        try:
            return self.load_yaml(text)
        except YamlError as exc:
            raise SiteError(f"invalid YAML: {exc.message}", self._rel(path),
                            exc.line + 1, exc.col + 1) from None

    # -- Liquid view -----------------------------------------------------------
    def page_values(self, html_only: bool = False) -> list[Any]:
        from .dialect.drops import page_hash

        out = []
        for page in self.pages:
            if html_only and not (page.html or page.url.endswith("/")):
                continue
            out.append(page_hash(page) if isinstance(page, Page) else page.to_liquid())
        return out

    def post_attr_hash(self, attr: str) -> dict[str, list[Any]]:
        from .dialect.drops import DocumentDrop

        # Keys in the order posts (oldest first) name them; each list newest first.
        grouped: dict[Any, list[Document]] = {}
        for post in self.posts.docs:
            values = post.data.get(attr)
            if not isinstance(values, list):
                continue
            for value in values:
                key = value if isinstance(value, str) or value is None else _hashable(value)
                grouped.setdefault(key, []).append(post)
        return {
            key: [DocumentDrop(p) for p in sorted(posts, key=lambda d: d.sort_key(), reverse=True)]
            for key, posts in grouped.items()
        }

    def related_posts(self, doc: Document) -> list[Document]:
        """Jekyll's non-LSI related posts: the ten most recent posts other than ``doc``."""
        posts = self.posts.docs
        if len(posts) <= 1:
            return []
        return [p for p in reversed(posts[-11:]) if p is not doc][:10]

    def liquid_block_tags(self) -> set[str]:
        env = self.environment
        from liquid.tag import Tag

        return {name for name, tag in env.tags.items() if isinstance(tag, Tag) and tag.block}

    @property
    def environment(self) -> JekyllEnvironment:
        if self._env is None:
            from .dialect import JekyllEnvironment

            self._env = JekyllEnvironment(self)
            for plugin in self.plugins:
                plugin.register_liquid(self._env)
        return self._env

    @property
    def markdown_options(self) -> KramdownOptions:
        if self._markdown_options is None:
            from .kramdown import KramdownOptions

            kram = self.config.get("kramdown")
            highlighter = self.config.get("highlighter")
            options = KramdownOptions.from_config(
                kram if isinstance(kram, Mapping) else {},
                str(highlighter) if highlighter else None,
            )
            if options.syntax_highlighter == "coderay":
                raise ConfigError(
                    "kramdown's coderay highlighter (syntax_highlighter: coderay, or "
                    "enable_coderay) needs a gem Jekyll does not ship: use rouge, Jekyll's "
                    "default", "_config.yml")
            self._markdown_options = options
        return self._markdown_options

    def markdownify(self, text: str) -> str:
        """Kramdown with the site's options; each text is converted once per build (and,
        with a build cache, once until it changes: conversion is a pure function)."""
        html = self._markdown_memo.get(text)
        if html is not None:
            return html
        store = self._markdown_store
        digest = ""
        if store is not None:
            from ._digest import blake2b

            if self._markdown_salt is None:
                from .cache import markdown_salt

                self._markdown_salt = markdown_salt(self.markdown_options.to_dict())
            digest = blake2b(self._markdown_salt + text.encode("utf-8", "surrogatepass"),
                                     digest_size=16).hexdigest()
            html = store.markdown(digest)
            self._markdown_used.add(digest)
        if html is None:
            from .kramdown import render_markdown

            html = render_markdown(text, self.markdown_options)
            if digest:
                self._markdown_new[digest] = html
        self._markdown_memo[text] = html
        return html

    @property
    def renderer(self) -> Renderer:
        if self._renderer is None:
            from .renderer import Renderer

            self._renderer = Renderer(self)
        return self._renderer

    # -- rendering and writing ------------------------------------------------
    def generate(self) -> None:
        """Run every plugin's generator once, highest priority first, as Jekyll does
        (equal priorities keep the order of the ``plugins:`` list)."""
        if self._generated:
            return
        self._generated = True
        for plugin in sorted(self.plugins, key=lambda p: -p.priority):
            plugin.generate(self)

    def render(self, path: str | os.PathLike[str]) -> str:
        """Render one document or page (a path in the source) to its final HTML."""
        target = Path(path)
        if not target.is_absolute():
            target = (Path.cwd() / target)
        target = target.resolve()
        self.generate()
        for item in [*self.documents, *self.pages]:
            if item.path.resolve() == target:
                return self.renderer.render(item)
        raise SiteError(
            "not a page or document of this site (no front matter, excluded, or "
            "unpublished)", str(path)
        )

    def site_files(self) -> list[Page | StaticFile | Document]:
        """What Jekyll writes, in its order: pages, static files, then documents;
        a later file wins a shared destination."""
        files: list[Page | StaticFile | Document] = [*self.pages]
        files.extend(f for f in self.static_files if f.write)
        for collection in self.collections.values():
            files.extend(f for f in collection.files if f.write and f not in files)
        for collection in self.collections.values():
            if collection.write:  # Jekyll's docs_to_write: a future document is not
                files.extend(d for d in collection.docs if d.write)
        return files

    def render_all(
        self, *, cache_dir: str | os.PathLike[str] | None = None, jobs: int = 1
    ) -> dict[Path, str | Path]:
        """Every output file: rendered text for documents and pages, a source path to copy
        for static files. Keys are paths relative to the destination.

        With ``cache_dir`` (a folder, created when missing) the build reuses what it can
        of the last build cached there and leaves its own records for the next; the
        result is the same bytes either way (see ``cache.py``).
        """
        from .cache import CacheDamaged

        store = self._open_cache(cache_dir)
        try:
            try:
                return _materialize(self._render_outputs(store, lazy=False, jobs=jobs))
            except CacheDamaged:
                return _materialize(self._start_over(store))
        finally:
            if store is not None:
                store.close()

    def _open_cache(self, cache_dir: str | os.PathLike[str] | None) -> CacheStore | None:
        if cache_dir is None:
            return None
        from .cache import CacheStore

        return CacheStore.open(Path(cache_dir))

    def _render_outputs(
        self, store: CacheStore | None, *, lazy: bool, jobs: int = 1
    ) -> dict[Path, str | Path | PendingText]:
        self.generate()
        self.include_cache.clear()
        self._warnings_before_render = len(self.warnings)
        # Jekyll renders every document, written or not (their content is visible to
        # Liquid), then every page.
        items: list[Page | Document] = [
            doc for collection in self.collections.values() for doc in collection.docs
        ]
        items.extend(self.pages)
        pages_before = len(self.pages)
        if store is None and jobs <= 1:
            for one in items:
                one.output = self.renderer.render(one)
                self._after_render(one)
        else:
            self._render_cached(items, store, jobs)
        # Pages made while rendering (a Sass page's source map) are rendered last, as
        # Jekyll's loop over site.pages reaches what was appended to it.
        for page in self.pages[pages_before:]:
            page.output = self.renderer.render(page)
            self._after_render(page)
        files = self.site_files()
        rels = [output_path(item) for item in files]
        self._warn_conflicts(files, rels)
        if any(type(p).post_render is not _base_post_render() for p in self.plugins):
            lazy = False
        outputs: dict[Path, str | Path | PendingText] = {}
        known = self._item_digests
        self._output_digests = {}
        for item, rel in zip(files, rels, strict=True):
            if isinstance(item, StaticFile):
                outputs[rel] = item.path
                continue
            digest = known.get(id(item))
            if lazy and digest is not None and item.pending_digest("output") is not None:
                outputs[rel] = _pending_output(item, digest)
                continue
            output = item.output
            assert output is not None
            outputs[rel] = output
            if digest is not None:
                self._output_digests[rel] = (output, digest)
        if not lazy:
            for plugin in self.plugins:
                plugin.post_render(self, outputs)  # type: ignore[arg-type]
        return outputs

    def _start_over(self, store: CacheStore | None) -> dict[Path, str | Path | PendingText]:
        """Render everything again without the cache (it could not give back a text)."""
        if store is not None:
            store.wipe()
        self._reset_renders()
        return self._render_outputs(None, lazy=False)

    def _reset_renders(self) -> None:
        """Back to the state before rendering: raw texts, no outputs, a fresh payload."""
        self.pages = [p for p in self.pages if not getattr(p, "made_while_rendering", False)]
        for item in [*self.documents, *self.pages]:
            excerpt = getattr(item, "excerpt", None)
            for one in (item, excerpt):
                if one is None:
                    continue
                one._pending = None
                raw = getattr(one, "raw_content", None)
                if raw is not None:
                    one.content = raw
                one.output = None
            if excerpt is not None:
                excerpt._data = None  # copied from the document on first use
        self._renderer = None
        if self._env is not None:
            self._env.counters.clear()
        del self.warnings[self._warnings_before_render:]
        self.cache_stats = {}
        self._item_digests = {}

    def refresh(self, changed: Iterable[str]) -> bool:
        """Take in edits to documents' bodies without reading the site again.

        ``changed`` are paths relative to the source (what ``build --watch`` saw change).
        When every one is a document of this site whose text before the body is byte for
        byte what was read (so its data, URL, date and the site's structure cannot have
        changed), the new bodies replace the old, every render is undone and True is
        returned: the next ``build`` is what a fresh read would build. Anything else
        (a layout, a page, a new or removed file, a generator that reads or replaces
        bodies, a site not built yet) returns False and changes nothing: read the site
        again. ``build --watch`` rebuilds a post edit this way in a fraction of what a
        fresh read costs. ``warnings`` keeps what reading and the generators said.
        """
        if not self._generated or not all(p.refreshable for p in self.plugins):
            return False
        by_path = {os.path.abspath(d.path): d for d in self.documents}
        source = os.path.abspath(self.source)
        edits: list[tuple[Document, str, Any]] = []
        for rel in changed:
            doc = by_path.get(os.path.join(source, rel))
            if doc is None or doc.is_draft or doc._read_head is None:
                return False
            raw = getattr(doc, "raw_content", None)
            if (raw if raw is not None else doc.content) is not doc._read_body:
                return False  # a generator replaced the body (redirect_to)
            try:
                text = self.read_text(doc.path)
                fm = self.front_matter(text, doc.relative_path)
            except NewsletterLiquidError:
                return False  # the full read reports it
            if (not text.endswith(fm.body) or fm.body_line != doc.body_line
                    or text[: len(text) - len(fm.body)] != doc._read_head):
                return False
            edits.append((doc, fm.body, doc.data.get("excerpt")))
        now = _site_time(self.zone)
        if now != self._time and any(d.data.get("date") == self._time for d in self.documents):
            return False  # dates that were "now" would move
        self._reset_renders()
        self._time = now
        # what the last build converted is in the store: the next one notes its own
        self._markdown_new = {}
        self._markdown_used = set()
        tokens = frozenset(f"{kind}:{doc.relative_path}" for doc, _, _ in edits for kind in "de")
        # two refreshes before a build: both edits count
        self._changed_tokens = tokens | (self._changed_tokens if self._refreshed else frozenset())
        self._refreshed = True
        for doc, body, excerpt in edits:
            doc.content = doc._read_body = body
            doc.raw_content = body  # type: ignore[attr-defined]
            if isinstance(excerpt, Excerpt):
                doc.data["excerpt"] = Excerpt(doc)
        return True

    def _after_render(self, item: Page | Document) -> None:
        for plugin in self.plugins:
            plugin.after_render(self, item)

    def _render_cached(
        self, items: list[Page | Document], store: CacheStore | None, jobs: int = 1
    ) -> None:
        """Render with the read log: reuse cached renders (``store``) and, with ``jobs``
        above 1, renders made ahead in forked processes, wherever they still hold."""
        from .cache import Tracker, global_key

        self._markdown_store = store
        key = global_key(self, list(items))
        previous, self._last_records = self._last_records, None
        if not self._refreshed or previous is None or previous[0] != key:
            previous = None
        tracker = Tracker(self, self.renderer, store if key is not None else None, key,
                          previous[1] if previous is not None else None, self._changed_tokens)
        self._refreshed = False
        if key is not None:
            self.tracker = tracker
            self.read_observer = tracker.observe
        join_at, children = len(items), []
        try:
            for index, item in enumerate(items):
                if index == 0 and key is not None and jobs > 1:
                    join_at, chunks = _fork_plan(self, items, tracker, jobs)
                    for chunk in chunks:
                        child = tracker.fork(chunk, self._after_render)
                        if child is not None:
                            children.append(child)
                if index == join_at:
                    for child in children:
                        tracker.join(child)
                    children = []
                if key is None:
                    item.output = self.renderer.render(item)
                    self._after_render(item)
                else:
                    tracker.process(f"i:{index}", item, self._after_render)
        finally:
            for child in children:
                tracker.join(child)
            self.tracker = None
            self.read_observer = None
            self._markdown_store = None
        self.cache_stats = {"reused": tracker.reused, "rendered": tracker.rendered}
        self._item_digests = tracker.output_digests
        tracker.save(self._markdown_new, self._markdown_used)
        if key is not None and tracker.store is not None:
            self._last_records = (key, tracker.new)

    def _warn_conflicts(self, files: Sequence[Page | StaticFile | Document],
                        rels: Sequence[Path]) -> None:
        """Jekyll's Doctor check: one warning per destination written by several files
        (``rels``: their paths in the destination)."""
        by_dest: dict[Path, list[str]] = {}
        for item, rel in zip(files, rels, strict=True):
            if getattr(item, "allow_shared_destination", False):
                continue
            # Jekyll's ``path``: a page's is relative (or its data's "path"), others' absolute
            if isinstance(item, Page):
                shown = item.data.get("path", item.relative_path)
            else:
                shown = os.path.abspath(item.path)
            by_dest.setdefault(rel, []).append(str(shown))
        dest = os.path.abspath(str(self.config["destination"]))
        for rel, paths in by_dest.items():
            if len(paths) > 1:
                listed = "\n".join(f" - {p}" for p in paths)
                self.warn(
                    "Conflict: The following destination is shared by multiple files.\n"
                    "The written file may end up with unexpected contents.\n"
                    f"{os.path.join(dest, rel)}\n{listed}"
                )

    def build(
        self, destination: str | os.PathLike[str] | None = None, *,
        cache_dir: str | os.PathLike[str] | None = None, jobs: int = 1,
    ) -> list[Path]:
        """Render everything, then replace ``destination`` atomically with the result
        (``cache_dir``: see ``render_all``)."""
        dest = Path(destination or self.config["destination"]).resolve()
        if dest == self.source.resolve() or self.source.resolve().is_relative_to(dest):
            raise ConfigError(
                "the destination would overwrite the source: choose another folder",
                str(dest),
            )
        from .cache import CacheDamaged

        keep = [str(k) for k in self.config.get("keep_files") or []]
        store = self._open_cache(cache_dir)
        try:
            try:
                outputs = self._render_outputs(store, lazy=store is not None, jobs=jobs)
                if store is None:
                    return write_atomically(dest, _materialize(outputs), keep)
                return write_changes(dest, outputs, keep, store, self._output_digests)
            except CacheDamaged:
                return write_atomically(dest, _materialize(self._start_over(store)), keep)
        finally:
            if store is not None:
                store.close()


def write_atomically(
    dest: Path, outputs: Mapping[Path, str | Path], keep_files: Sequence[str] = ()
) -> list[Path]:
    """Write ``outputs`` into a sibling temp folder, then swap it for ``dest``."""
    import shutil
    import tempfile

    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{dest.name}.new-", dir=dest.parent))
    written: list[Path] = []
    made: set[str] = set()
    try:
        for rel, value in sorted(outputs.items()):
            # The staging folder is fresh and holds only what we write, so a lexical
            # check confines every path (no symlink can be in the way).
            norm = os.path.normpath(rel)
            if os.path.isabs(norm) or norm == ".." or norm.startswith(".." + os.sep):
                raise SiteError("refusing to write outside the destination", str(rel))
            target = staging / norm
            parent = os.path.dirname(norm)
            if parent and parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(parent)
            if isinstance(value, Path):
                shutil.copy2(value, target)
            else:
                target.write_bytes(value.encode("utf-8", "surrogateescape"))
            written.append(rel)
        for keep in keep_files:
            old = dest / str(keep)
            if old.exists() and not (staging / str(keep)).exists():
                if old.is_dir():
                    shutil.copytree(old, staging / str(keep), symlinks=True)
                else:
                    shutil.copy2(old, staging / str(keep))
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    backup = None
    if dest.exists():
        backup = dest.parent / f".{dest.name}.old-{os.getpid()}-{time.monotonic_ns()}"
        os.replace(dest, backup)
    os.replace(staging, dest)
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
    return written


def write_changes(
    dest: Path, outputs: Mapping[Path, str | Path | PendingText], keep_files: Sequence[str],
    store: CacheStore, digests: Mapping[Path, tuple[str, str]] | None = None,
) -> list[Path]:
    """Bring ``dest`` to what ``write_atomically`` would leave, writing only the files
    whose bytes differ from what the last build wrote there.

    A file is left alone only when its recorded digest equals the new one and it still
    has the size, modification time and inode recorded when it was written. Each
    changed file is replaced atomically; everything else in ``dest`` (but the
    ``keep_files``) is removed. Anything unexpected falls back to a full write.
    """
    before = store.written(dest)
    if not before or not dest.is_dir() or dest.is_symlink():
        written = write_atomically(dest, _materialize(outputs), keep_files)
        store.save_written(dest, _written_entries(dest, outputs, digests))
        return written
    root = dest.resolve()
    base = os.fspath(dest)
    entries: dict[str, tuple[str, int, int, int]] = {}
    try:
        for key, rel, value in sorted((rel.as_posix(), rel, value)
                                      for rel, value in outputs.items()):
            digest = _output_digest(rel, value, digests)
            target = os.path.join(base, key)
            old = before.get(key)
            if old is not None and old[0] == digest:
                try:
                    st = os.lstat(target)
                except OSError:
                    st = None
                if st is not None and (st.st_size, st.st_mtime_ns, st.st_ino) == old[1:]:
                    entries[key] = old
                    continue
            _replace_file(root, Path(target), value)
            st = os.lstat(target)
            entries[key] = (digest, st.st_size, st.st_mtime_ns, st.st_ino)
        _remove_others(dest, set(entries), keep_files)
    except OSError:
        written = write_atomically(dest, _materialize(outputs), keep_files)
        store.save_written(dest, _written_entries(dest, outputs, digests))
        return written
    if entries != before:
        store.save_written(dest, entries, before)
    return sorted(outputs)


def _output_digest(
    rel: Path, value: str | Path | PendingText, digests: Mapping[Path, tuple[str, str]] | None
) -> str:
    """A text's digest; a copied file counts by its size, time and path (as a copy keeps
    them, and as Jekyll decides whether to copy a static file again)."""
    if not isinstance(value, (str, Path)):
        return value.digest
    if isinstance(value, Path):
        st = value.stat()
        return f"file:{st.st_size}:{st.st_mtime_ns}:{value}"
    known = digests.get(rel) if digests else None
    if known is not None and known[0] is value:
        return known[1]
    from .cache import text_digest

    return text_digest(value)


def _replace_file(root: Path, target: Path, value: str | Path | PendingText) -> None:
    """Write one output in place of whatever is at ``target`` (a file, a link, a folder)."""
    import shutil
    import tempfile

    parent = target.parent
    rel_parts = parent.relative_to(root).parts if parent != root else ()
    folder = root
    for part in rel_parts:
        folder = folder / part
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            folder.unlink()
    parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    if not isinstance(value, (str, Path)):
        value = value.load()
    fd, temp = tempfile.mkstemp(prefix=".nl-", dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(value, Path):
                with value.open("rb") as src:
                    shutil.copyfileobj(src, fh)
            else:
                fh.write(value.encode("utf-8", "surrogateescape"))
        if isinstance(value, Path):
            shutil.copystat(value, temp)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_others(dest: Path, keep: set[str], keep_files: Sequence[str]) -> None:
    """Remove what a fresh write would not have: other files, then empty folders."""
    kept_roots = tuple(k.strip("/") for k in keep_files if k.strip("/"))
    removed: set[str] = set()  # folders emptied and removed
    for root, dirs, files in os.walk(dest, topdown=False):
        rel_root = os.path.relpath(root, dest)
        rel_root = "" if rel_root == "." else rel_root.replace(os.sep, "/") + "/"
        left = 0
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            rel = rel_root + name
            if rel in keep or _kept(rel, kept_roots):
                left += 1
                continue
            os.unlink(os.path.join(root, name))
        left += sum(1 for d in dirs if os.path.join(root, d) not in removed
                    and not os.path.islink(os.path.join(root, d)))
        if rel_root and not left and not _kept(rel_root.rstrip("/"), kept_roots):
            with contextlib.suppress(OSError):
                os.rmdir(root)  # only when empty
                removed.add(root)


def _kept(rel: str, roots: tuple[str, ...]) -> bool:
    return any(rel == r or rel.startswith(r + "/") for r in roots)


def _written_entries(
    dest: Path, outputs: Mapping[Path, str | Path | PendingText],
    digests: Mapping[Path, tuple[str, str]] | None,
) -> dict[str, tuple[str, int, int, int]]:
    entries: dict[str, tuple[str, int, int, int]] = {}
    for rel, value in outputs.items():
        try:
            st = (dest / rel).lstat()
        except OSError:
            continue
        entries[rel.as_posix()] = (_output_digest(rel, value, digests), st.st_size,
                                   st.st_mtime_ns, st.st_ino)
    return entries


def _fork_plan(
    site: Site, items: Sequence[Page | Document], tracker: Tracker, jobs: int
) -> tuple[int, list[list[tuple[str, Page | Document]]]]:
    """Where the parent stops to take the forked renders, and what each child renders:
    contiguous runs of documents (a render mostly reads its neighbours), split by a
    guess at their cost; pages read every document, so the parent renders them after
    the join. Nothing is forked when the cache already covers most documents."""
    docs = [i for i, item in enumerate(items) if isinstance(item, Document)]
    if len(docs) < 4 * jobs or not hasattr(os, "fork"):
        return len(items), []
    if sum(f"i:{i}" in tracker.old for i in docs) * 2 > len(docs):
        return len(items), []
    weights = [_render_cost(site, items[i]) for i in docs]
    total = sum(weights)
    parent_share = total * 1.35 / jobs
    child_share = (total - parent_share) / (jobs - 1)
    bounds: list[int] = []
    acc, limit = 0.0, parent_share
    for pos, weight in enumerate(weights):
        acc += weight
        if acc >= limit and len(bounds) < jobs - 1:
            bounds.append(pos + 1)
            limit += child_share
    bounds.append(len(docs))
    chunks = [[(f"i:{docs[k]}", items[docs[k]]) for k in range(start, end)]
              for start, end in itertools.pairwise(bounds) if end > start]
    if not chunks or bounds[0] >= len(docs):
        return len(items), []
    return docs[bounds[0]], chunks


_INCLUDE_NAME_RE = re.compile(r"{%-?\s*include\s+([\w./-]+)")


def _render_cost(site: Site, item: Page | Document) -> float:
    """A guess at what rendering ``item`` costs, to split the work between processes:
    its text, and the Liquid in its layouts and the files they include."""
    cost = 1.0 + len(item.content) / 4000
    name = item.setting("layout")
    seen: set[str] = set()
    while isinstance(name, str) and name in site.layouts and name not in seen:
        seen.add(name)
        cost += _layout_cost(site, name)
        name = site.layouts[name].data.get("layout")
    return cost


def _layout_cost(site: Site, name: str) -> float:
    known = site._layout_costs.get(name)
    if known is None:
        text = site.layouts[name].content
        tags = text.count("{{") + text.count("{%")
        includes = site.source / str(site.config.get("includes_dir") or "_includes")
        for match in _INCLUDE_NAME_RE.finditer(text):
            try:
                included = (includes / match.group(1)).read_text("utf-8", "replace")
            except OSError:
                continue
            tags += included.count("{{") + included.count("{%")
        known = site._layout_costs[name] = tags / 30
    return known


def _materialize(outputs: Mapping[Path, str | Path | PendingText]) -> dict[Path, str | Path]:
    """Every output as text (pending ones read from the cache now)."""
    return {rel: v if isinstance(v, (str, Path)) else v.load() for rel, v in outputs.items()}


def _pending_output(item: Page | Document, digest: str) -> PendingText:
    from .cache import PendingText

    return PendingText(digest, lambda: item.output or "")


def _base_post_render() -> object:
    from .plugins import Plugin

    return Plugin.post_render


def _starts_with_front_matter(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            first = fh.readline()
    except OSError:
        return False
    return has_front_matter(first.decode("utf-8", "replace"))


def _sanitize_data_name(name: str) -> str:
    name = re.sub(r"[^\w\s-]+|(?:(?<=^)|(?<=\b\s))\s+(?=$|\s?\b)", "", name)
    return re.sub(r"\s+", "_", name)


def _hashable(value: Any) -> Any:
    return value if isinstance(value, (int, float, str, bool)) else str(value)


def _site_time(zone: dt.tzinfo | None) -> dt.datetime:
    """``site.time``: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        try:
            seconds = int(epoch)
        except ValueError:
            raise ConfigError(
                f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}"
            ) from None
        moment = dt.datetime.fromtimestamp(seconds, dt.timezone.utc)
    else:
        moment = dt.datetime.now(dt.timezone.utc)
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


