"""The checker: load the site tolerantly, check the chosen files, collect findings.

Loading reads the whole site (cheap: front matter only); rendering touches only
the files being checked, so checking one post never builds the site.
"""

from __future__ import annotations

import contextlib
import copy
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import load_config
from ..document import Document, Page
from ..errors import (
    ConfigError,
    FrontMatterError,
    LayoutError,
    NewsletterLiquidError,
    SassError,
    SiteError,
)
from ..site import Site
from .findings import CODES, Finding
from .paths import RealPaths, output_path
from .settings import Settings, load_settings, suppressed_codes

if TYPE_CHECKING:
    from ..readcache import YamlCache
    from .recording import CheckEnvironment

__all__ = ["CheckSite", "CheckUsageError", "Checker", "run_check", "run_check_with_settings"]

_DOC_MESSAGE_RE = re.compile(r"Document '([^']+)'")
_MAX_RELOADS = 50


class CheckUsageError(NewsletterLiquidError):
    """A file named on the command line does not exist (exit status 2, not 1)."""


class CheckSite(Site):
    """A site whose Liquid records problems, and that can leave broken files out."""

    def __init__(self, config: dict[str, Any], *, skip: frozenset[Path] = frozenset(),
                 **kwargs: Any) -> None:
        super().__init__(config, **kwargs)
        self.skip = skip
        self._check_env: CheckEnvironment | None = None

    @property
    def environment(self) -> CheckEnvironment:
        if self._check_env is None:
            from .recording import CheckEnvironment

            env = CheckEnvironment(self)
            for plugin in self.plugins:
                plugin.register_liquid(env)
            self._check_env = env
        return self._check_env

    def filter_entries(self, entries: Iterable[str], base_dir: str = "") -> list[str]:
        kept = super().filter_entries(entries, base_dir)
        if not self.skip:
            return kept
        base = self.source / base_dir if base_dir else self.source
        return [e for e in kept if (base / e).resolve() not in self.skip]


@dataclass
class Target:
    """A file to check and what the site made of it."""

    path: Path
    item: Document | Page | None = None
    template_kind: str | None = None  # "layout", "include" or "sass" (a partial)
    label: str | None = None  # collection label for files the site did not read


@dataclass
class Checker:
    """One check run: the site, the settings, and the findings gathered so far."""

    site: CheckSite
    settings: Settings
    config_files: list[Path]
    whole_site: bool
    findings: list[Finding] = field(default_factory=list)
    suppressed: dict[str, frozenset[str]] = field(default_factory=dict)
    checked_paths: set[str] = field(default_factory=set)
    shared: dict[tuple[str, int, int, str, str], list[str]] = field(default_factory=dict)
    #: ``Path.resolve`` for the many files of one site (folders resolved once)
    realpath: RealPaths = field(default_factory=RealPaths)
    _outputs: list[tuple[Any, str]] | None = None
    _site_paths: set[str] | None = None
    _unpublished: dict[str, str] | None = None
    _shown: dict[str, str] = field(default_factory=dict)
    #: a forked helper computing the link targets (``prefetch_link_targets``)
    _prefetch: tuple[int, int] | None = None

    # -- reporting -------------------------------------------------------------
    def display(self, path: Path | str) -> str:
        """How a path is printed: relative to the current folder when inside it."""
        key = str(path)
        shown = self._shown.get(key)
        if shown is None:
            shown = self._shown[key] = self._display(path)
        return shown

    def _display(self, path: Path | str) -> str:
        p = Path(path)
        if not p.is_absolute():
            p = self.site.source / p
        try:
            return os.path.relpath(p, Path.cwd()) if p.is_relative_to(Path.cwd()) else str(p)
        except ValueError:
            return str(p)

    def add(self, code: str, path: Path | str, line: int | None, col: int | None,
            message: str) -> None:
        self.findings.append(Finding(self.display(path), line or 1, col or 1, code,
                                     CODES[code].severity, message))

    def add_shared(self, code: str, path: Path, line: int, col: int, message: str,
                   page: Path) -> None:
        """A finding in a layout or include, seen while rendering ``page`` (reported once,
        naming the pages that show it)."""
        key = (self.display(path), line, col, code, message)
        self.shared.setdefault(key, []).append(self.display(page))

    def add_error(self, code: str, exc: NewsletterLiquidError, fallback: Path) -> None:
        path = self.resolve_name(exc.filename) if exc.filename else fallback
        self.add(code, path, exc.line, exc.col, exc.message)

    def resolve_name(self, name: str) -> Path:
        """A file name as the site reports it (source- or collections-relative) made absolute."""
        p = Path(name)
        if p.is_absolute():
            return p
        for base in (self.site.source, self.site.collections_path):
            if (base / p).exists():
                return base / p
        return self.site.source / p

    # -- the site's outputs ---------------------------------------------------------
    @property
    def outputs(self) -> list[tuple[Any, str]]:
        """What the site writes, in Jekyll's order, with the URL path of each."""
        if self._outputs is None:
            self._receive_prefetch()
        if self._outputs is None:
            self._outputs = [(item, output_path(item)) for item in self.site.site_files()]
        return self._outputs

    @property
    def site_paths(self) -> set[str]:
        """Every URL path the built site serves (documents, pages, static files)."""
        if self._site_paths is None:
            self._receive_prefetch()
        if self._site_paths is None:
            from .rules.links import site_output_paths

            self._site_paths = site_output_paths(self.site, [p for _, p in self.outputs])
        return self._site_paths

    @property
    def unpublished_paths(self) -> dict[str, str]:
        """URL paths of documents the site leaves out (unpublished, future), to explain
        links to them; computed on first need."""
        if self._unpublished is None:
            self._receive_prefetch()
        if self._unpublished is None:
            from .rules.filenames import stray_post_files

            real = self.realpath
            read = {real(i.path): i for i in [*self.site.documents, *self.site.pages]}
            self._unpublished = {}
            for path, label in stray_post_files(self.site, read, real):
                doc = self._unpublished_document(Target(path, label=label))
                if doc is not None and doc.collection.write:
                    self._unpublished[output_path(doc)] = self.display(doc.path)
        return self._unpublished

    def prefetch_link_targets(self) -> None:
        """Compute the link targets (every output's URL path, the unpublished documents)
        in a forked helper while this process goes on (importing Liquid and Markdown,
        rendering): checking one post from a hook, they are a tenth of its time and
        need only the site already read. Where the helper fails, or ``os.fork`` does
        not exist, they are computed here on first need, as without it."""
        if self._prefetch is not None or not hasattr(os, "fork"):
            return
        import pickle

        read_fd, write_fd = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return
        if pid == 0:  # the helper: compute, send, leave without any clean-up
            os.close(read_fd)
            try:
                payload = pickle.dumps(([p for _, p in self.outputs], self.site_paths,
                                        self.unpublished_paths))
            except BaseException:  # the parent computes them again itself, as without
                payload = b""
            with contextlib.suppress(OSError), os.fdopen(write_fd, "wb") as fh:
                fh.write(payload)
            os._exit(0)
        os.close(write_fd)
        self._prefetch = (pid, read_fd)

    def _receive_prefetch(self) -> None:
        if self._prefetch is None:
            return
        import pickle

        pid, read_fd = self._prefetch
        self._prefetch = None
        with os.fdopen(read_fd, "rb") as fh:
            payload = fh.read()
        os.waitpid(pid, 0)
        if not payload:
            return
        paths, site_paths, unpublished = pickle.loads(payload)
        items = self.site.site_files()
        if len(items) != len(paths):
            return
        self._outputs = list(zip(items, paths, strict=True))
        self._site_paths = site_paths
        self._unpublished = unpublished

    # -- running -----------------------------------------------------------------
    def check_in_workers(self, targets: Sequence[Target], jobs: int) -> None:
        """``check_targets`` split over ``jobs`` forked processes that share the loaded
        site (rendering is CPU-bound; the site is read once)."""
        if jobs <= 1 or not hasattr(os, "fork") or len(targets) < 2 * jobs:
            self.check_targets(targets)
            return
        import pickle

        children: list[tuple[int, int]] = []
        for i in range(1, jobs):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the worker: check its share, send the results, leave at once
                os.close(read_fd)
                try:
                    self.check_targets(targets[i::jobs])
                    payload = pickle.dumps(
                        (self.findings, self.suppressed, self.checked_paths, self.shared))
                except BaseException as exc:  # reported by the parent, which owns stderr
                    payload = pickle.dumps(f"{type(exc).__name__}: {exc}")
                with os.fdopen(write_fd, "wb") as fh:
                    fh.write(payload)
                os._exit(0)
            os.close(write_fd)
            children.append((pid, read_fd))
        self.check_targets(targets[0::jobs])
        failure = None
        for pid, read_fd in children:
            with os.fdopen(read_fd, "rb") as fh:
                result = pickle.loads(fh.read())
            os.waitpid(pid, 0)
            if isinstance(result, str):
                failure = result
                continue
            findings, suppressed, checked, shared = result
            self.findings.extend(findings)
            self.suppressed.update(suppressed)
            self.checked_paths.update(checked)
            for key, pages in shared.items():
                self.shared.setdefault(key, []).extend(pages)
        if failure is not None:
            raise RuntimeError(f"a check worker failed: {failure}")

    def check_targets(self, targets: Sequence[Target]) -> None:
        from .rules import filenames, frontmatter, links, templates

        env = self.site.environment
        if not self.whole_site:
            env.skip_names = frozenset(layout.relative_path
                                       for layout in self.site.layouts.values())
        sass_checked = False
        for target in targets:
            self.checked_paths.add(self.display(target.path))
            if target.template_kind == "sass":
                # a partial is checked through the pages that import it: all of them
                if not sass_checked:
                    sass_checked = True
                    for page in self.site.pages:
                        if page.is_sass:
                            self._render(page)
                continue
            if target.template_kind is not None:
                templates.check_template_file(self, target.path, target.template_kind)
                self._flush_liquid(env, target.path)
                continue
            text = self._read(target.path)
            if text is None:
                continue
            item = target.item or self._unpublished_document(target)
            data = frontmatter.check_front_matter(self, target.path, text, item, target.label)
            if data is not None:
                self.suppressed[self.display(target.path)] = suppressed_codes(data)
            filenames.check_file_name(self, target.path, text, item, data)
            if item is None:
                continue
            templates.check_layout_name(self, item, text)
            templates.check_template_source(self, target.path, _raw(item), item.body_line - 1,
                                            item=item)
            env.records.clear()
            self._render(item)
            records = list(env.records)
            self._flush_liquid(env, target.path)
            if _writes(item):
                links.check_item_links(self, item, records)

    def _unpublished_document(self, target: Target) -> Document | None:
        """A document the site left out (future date, ``published: false``, a draft
        without --drafts), read on its own so that it is checked before it goes out."""
        from ..document import DATE_FILENAME_RE

        collection = self.site.collections.get(target.label or "")
        if collection is None:
            return None
        draft = "_drafts" in target.path.parts
        if collection.label == "posts" and not draft:
            rel = target.path.as_posix().rsplit("/_posts/", 1)[-1]
            if DATE_FILENAME_RE.match(rel) is None:
                return None  # Jekyll never reads it: only the file-level checks apply
        try:
            doc = Document(self.site, target.path, collection, draft=draft)
            doc.read()
        except NewsletterLiquidError:
            return None  # its front matter problem is reported by the file-level checks
        return doc

    def _read(self, path: Path) -> str | None:
        try:
            return self.site.read_text(path)
        except SiteError as exc:
            self.add_error("NL002", exc, path)
            return None

    def _render(self, item: Document | Page) -> None:
        from .rules.templates import classify_template_error

        try:
            self.site.renderer.render(item)
        except LayoutError:
            pass  # reported by check_layout_name at the layout: line
        except NewsletterLiquidError as exc:
            path = self.display(self.resolve_name(exc.filename) if exc.filename else item.path)
            if any(f.path == path and f.line == (exc.line or 1) for f in self.findings):
                return  # already found by a static check (a missing include, say)
            if isinstance(exc, SassError):
                self.add_error("NL015", exc, item.path)
                return
            if exc.filename is None or path == self.display(item.path):
                exc.col = _skip_spaces(item.path, self.site, exc.line, exc.col)
            self.add_error(classify_template_error(exc.message), exc, item.path)

    def _flush_liquid(self, env: CheckEnvironment, fallback: Path) -> None:
        from .rules import templates

        templates.report_liquid_issues(self, env, fallback)
        env.warnings_seen.clear()
        env.undefined_uses.clear()

    # -- results ---------------------------------------------------------------------
    def results(self) -> list[Finding]:
        """Findings after configuration: disabled and suppressed codes dropped, severities
        applied, duplicates merged, sorted by file and position."""
        seen: set[tuple[str, int, int, str, str]] = set()
        out: list[Finding] = []
        for (path, line, col, code, message), pages in self.shared.items():
            shown = pages[0] if len(pages) == 1 else (
                f"{pages[0]} and {len(pages) - 1} other page{'s' if len(pages) > 2 else ''}")
            self.findings.append(Finding(path, line, col, code, CODES[code].severity,
                                         f"{message} (in the output of {shown})"))
        self.shared.clear()
        for f in self.findings:
            if f.code in self.settings.disable or f.code in self.suppressed.get(f.path, ()):
                continue
            if not self.whole_site and f.path not in self.checked_paths and f.code != "NL003":
                continue  # a file check reports on its files (and on the check's settings)
            key = (f.path, f.line, f.col, f.code, f.message)
            if key in seen:
                continue
            seen.add(key)
            severity = self.settings.severity_of(f.code)
            out.append(Finding(f.path, f.line, f.col, f.code, severity, f.message))
        out.sort(key=lambda f: (f.path, f.line, f.col, f.code, f.message))
        return out


def _skip_spaces(path: Path, site: Site, line: int | None, col: int | None) -> int | None:
    """A column moved past blanks (``{{ x }}`` errors point just inside the braces)."""
    if line is None or col is None:
        return col
    try:
        text = site.read_text(path).splitlines()[line - 1]
    except (NewsletterLiquidError, IndexError):
        return col
    while col <= len(text) and text[col - 1] == " ":
        col += 1
    return col


def _raw(item: Document | Page) -> str:
    raw = getattr(item, "raw_content", None)
    return raw if isinstance(raw, str) else item.content


def _writes(item: Document | Page) -> bool:
    return isinstance(item, Page) or item.collection.write


# -- loading ----------------------------------------------------------------------------
def _load_site(source: Path, config_files: Sequence[str] | None,
               overrides: Mapping[str, Any], drafts: bool, future: bool | None,
               unpublished: bool | None, checker_findings: list[Finding],
               base_config: Mapping[str, Any] | None = None,
               yaml_cache: YamlCache | None = None) -> CheckSite | None:
    """Read the site, leaving out (and reporting) files that stop Jekyll's reader."""
    skip: set[Path] = set()
    load = yaml_cache.load if yaml_cache is not None else None
    for _ in range(_MAX_RELOADS):
        try:
            config = copy.deepcopy(dict(base_config)) if base_config is not None else \
                load_config(source, config_files, overrides, load=load)
        except ConfigError as exc:
            checker_findings.append(_load_finding("NL002", exc, source))
            return None
        site = CheckSite(config, skip=frozenset(skip), drafts=drafts, future=future,
                         unpublished=unpublished)
        site.yaml_cache = yaml_cache
        try:
            site.read()
            return site
        except NewsletterLiquidError as exc:
            bad = _blamed_file(site, exc)
            code = "NL001" if isinstance(exc, FrontMatterError) or "YAML" in exc.message \
                or "JSON" in exc.message else "NL002"
            if isinstance(exc, FrontMatterError) and bad is not None:
                from .rules.frontmatter import yaml_error_position

                with contextlib.suppress(OSError, UnicodeDecodeError):
                    exc.line, exc.col = yaml_error_position(
                        bad.read_text("utf-8"), exc.line, exc.col)
            checker_findings.append(_load_finding(code, exc, source, bad))
            if bad is None or bad in skip:
                return None
            skip.add(bad)
    return None


def _blamed_file(site: Site, exc: NewsletterLiquidError) -> Path | None:
    name = exc.filename
    if name is None:
        m = _DOC_MESSAGE_RE.search(exc.message)
        name = m.group(1) if m else None
    if name is None:
        return None
    for base in (site.source, site.collections_path):
        candidate = base / name
        if candidate.exists():
            return candidate.resolve()
    return None


def _load_finding(code: str, exc: NewsletterLiquidError, source: Path,
                  path: Path | None = None) -> Finding:
    where = str(path) if path is not None else (exc.filename or str(source / "_config.yml"))
    p = Path(where)
    shown = os.path.relpath(p, Path.cwd()) if p.is_absolute() and p.is_relative_to(
        Path.cwd()) else where
    return Finding(shown, exc.line or 1, exc.col or 1, code, CODES[code].severity, exc.message)


# -- choosing what to check ---------------------------------------------------------
def _targets(site: CheckSite, paths: Sequence[Path] | None,
             realpath: RealPaths) -> list[Target]:
    from .rules.filenames import stray_post_files

    items: dict[Path, Document | Page] = {}
    every: list[Document | Page] = [*site.documents, *site.pages]
    # a theme gem's layouts and assets are not the site's files to check
    theme_root = site.theme.root if site.theme is not None else None
    for item in every:
        if theme_root is None or not item.path.is_relative_to(theme_root):
            items[realpath(item.path)] = item
    layouts = {realpath(layout.path) for layout in site.layouts.values()
               if theme_root is None or not layout.path.is_relative_to(theme_root)}
    includes_dir = (site.source / str(site.config.get("includes_dir", "_includes"))).resolve()
    if paths is None:
        targets = [Target(p, item=i) for p, i in items.items()]
        targets += [Target(p, template_kind="layout") for p in sorted(layouts)]
        if includes_dir.is_dir():
            targets += [Target(p, template_kind="include")
                        for p in sorted(includes_dir.rglob("*")) if p.is_file()]
        targets += [Target(p, label=label)
                    for p, label in stray_post_files(site, items, realpath)]
        return targets
    targets = []
    for path in paths:
        resolved = path.resolve()
        if resolved in items:
            targets.append(Target(resolved, item=items[resolved]))
        elif resolved in layouts:
            targets.append(Target(resolved, template_kind="layout"))
        elif resolved.is_relative_to(includes_dir):
            targets.append(Target(resolved, template_kind="include"))
        elif _is_sass_partial(site, resolved):
            targets.append(Target(resolved, template_kind="sass"))
        else:
            label = _unread_document_label(site, resolved)
            if label is not None:
                targets.append(Target(resolved, label=label))
    return targets


def _is_sass_partial(site: Site, path: Path) -> bool:
    """A Sass file in one of the site's load paths (``_sass``, ``sass: load_paths``)."""
    if path.suffix.lower() not in (".scss", ".sass"):
        return False
    from ..sass import load_paths

    return any(path.is_relative_to(Path(p).resolve()) for p in load_paths(site))


def _unread_document_label(site: Site, path: Path) -> str | None:
    """The collection of a document file the site did not read (unpublished, future,
    misnamed post); None for anything that is not a document (images, CSS, data)."""
    from ..frontmatter import has_front_matter

    try:
        rel = path.relative_to(site.source.resolve())
    except ValueError:
        return None
    parts = rel.parts
    if "_posts" in parts[:-1] or "_drafts" in parts[:-1]:
        return "posts"
    for label, collection in site.collections.items():
        if path.is_relative_to(collection.directory.resolve()):
            return label
    try:
        with path.open("rb") as fh:
            first = fh.readline().decode("utf-8", "replace")
    except OSError:
        return None
    if any(p.startswith(("_", ".")) for p in parts):
        return None
    return "pages" if has_front_matter(first) else None


def run_check_with_settings(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    source: str | os.PathLike[str] | Site | None = None,
    *,
    config_files: Sequence[str | os.PathLike[str]] | None = None,
    overrides: Mapping[str, Any] | None = None,
    drafts: bool = False,
    future: bool | None = None,
    unpublished: bool | None = None,
    jobs: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> tuple[list[Finding], Settings]:
    """Findings for ``paths`` (every file of the site when None) of the site at ``source``,
    with the settings that applied (the CLI reads ``fail_on`` from them).

    Reading the site goes faster with the values of its last read kept in a cache folder
    (see ``readcache``): ``cache_dir``, created when missing, or by default the build
    cache's folder in the source when it exists; ``use_cache=False``: none."""
    chosen: list[Path] | None = None
    if paths is not None:
        chosen = []
        for p in paths:
            path = Path(p)
            if not path.exists():
                raise CheckUsageError(f"no such file: {p}", str(p))
            if path.is_dir():
                chosen.extend(sorted(q for q in path.rglob("*") if q.is_file()))
            else:
                chosen.append(path)
    base_config = None
    if isinstance(source, Site):
        base_config = source.config
        src = source.source
    else:
        src = Path(source) if source is not None else Path(".")
    if not src.is_dir():
        raise CheckUsageError(f"site folder {src} does not exist", str(src))
    load_findings: list[Finding] = []
    cfg_list = [str(c) for c in config_files] if config_files else None
    site = _load_site(src, cfg_list, overrides or {}, drafts, future, unpublished,
                      load_findings, base_config, _yaml_cache(src, cache_dir, use_cache))
    if site is None:
        return sorted(load_findings, key=lambda f: (f.path, f.line, f.col)), Settings()
    used_configs = [Path(c) for c in cfg_list] if cfg_list else [
        p for p in (src / "_config.yml", src / "_config.yaml") if p.exists()][:1]
    settings, settings_findings = load_settings(site.config, used_configs)
    checker = Checker(site, settings, used_configs, whole_site=chosen is None)
    checker.findings.extend(load_findings)
    checker.findings.extend(settings_findings)
    targets = _targets(site, chosen, checker.realpath)
    if chosen is None or any(isinstance(t.item, Page) for t in targets):
        # Generators add pages (pagination, redirects, feeds) and set page.paginator; a
        # document's own render does not need them, and link checks know their URLs.
        site.generate()
    if jobs is None:
        jobs = min(os.cpu_count() or 1, 4) if chosen is None else 1
    if jobs == 1 and chosen is not None and (os.cpu_count() or 1) > 1:
        checker.prefetch_link_targets()
    checker.check_in_workers(targets, jobs)
    checker._receive_prefetch()  # a helper whose results were not needed is reaped
    from .rules import urls

    urls.check_duplicate_urls(checker, {t.path for t in targets})
    return checker.results(), settings


def _yaml_cache(source: Path, cache_dir: str | os.PathLike[str] | None,
                use_cache: bool) -> YamlCache | None:
    """The read cache to use: ``cache_dir``, else the build cache's folder if it exists
    (a check alone does not create a folder in the source)."""
    if not use_cache:
        return None
    from ..readcache import CACHE_DIR_NAME, YamlCache

    folder = Path(cache_dir) if cache_dir is not None else source / CACHE_DIR_NAME
    if cache_dir is None and not folder.is_dir():
        return None
    return YamlCache.open(folder)


def run_check(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    source: str | os.PathLike[str] | Site | None = None,
    **options: Any,
) -> list[Finding]:
    """Findings for ``paths`` (every file of the site when None) of the site at ``source``."""
    return run_check_with_settings(paths, source, **options)[0]
