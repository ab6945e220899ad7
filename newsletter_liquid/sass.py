"""Sass and SCSS as Jekyll 4.3.1 converts them: jekyll-sass-converter 2.2 on sassc 2.4.

Jekyll's converter hands the page (its Liquid already rendered) to LibSass through
sassc, with these defaults: the ``compact`` style, ``_sass`` as the load path, and
a source map for every page (``sourcemap: always``), written as ``NAME.css.map``
beside the CSS, whose last line points to it. The same engine is used here: LibSass,
the copy the ``libsass`` package ships, called through its C API (the Python API of
that package cannot name the input and the map files, which the map's ``sources``
and the CSS's last line show). Output is the same bytes as Jekyll's.

What decides the result, as in ``Jekyll::Converters::Scss``: ``sass:`` in the
config (``style``, ``sass_dir``, ``load_paths`` with globs, ``sourcemap``:
``always`` | ``never`` | ``development``, ``add_charset``, ``line_comments``,
``precision``; in safe mode only the converter's own options), the page's file name
(the map lists it by name alone, its partials relative to the map, as Jekyll's map
does), and ``JEKYLL_ENV`` for ``sourcemap: development``. A document of a collection,
and the ``sassify``/``scssify`` filters, compile as ``stdin`` without a map.
"""

from __future__ import annotations

import ctypes
import functools
import glob
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .document import Page
from .errors import SassError

if TYPE_CHECKING:
    from .document import Convertible
    from .site import Site

__all__ = ["SassResult", "SourceMapPage", "compile_sass", "convert", "load_paths"]

_STYLES = ("nested", "expanded", "compact", "compressed")  # LibSass's enum order
_BOM_RE = re.compile("^\ufeff", re.M)


@dataclass(frozen=True)
class SassResult:
    css: str
    #: the source map (JSON), when a map file was named
    source_map: str | None


class _LibSass:
    """LibSass's C API (``sass.h``), the parts sassc's ``Engine#render`` calls."""

    def __init__(self, path: str) -> None:
        lib = ctypes.CDLL(path)
        ptr, text, flag, num = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_bool, ctypes.c_int
        self.lib = lib
        sig: dict[str, tuple[Any, list[Any]]] = {
            "libsass_version": (text, []),
            "sass_copy_c_string": (ptr, [text]),
            "sass_make_data_context": (ptr, [ptr]),
            "sass_data_context_get_context": (ptr, [ptr]),
            "sass_context_get_options": (ptr, [ptr]),
            "sass_option_set_is_indented_syntax_src": (None, [ptr, flag]),
            "sass_option_set_input_path": (None, [ptr, text]),
            "sass_option_set_precision": (None, [ptr, num]),
            "sass_option_set_include_path": (None, [ptr, text]),
            "sass_option_set_output_style": (None, [ptr, num]),
            "sass_option_set_source_comments": (None, [ptr, flag]),
            "sass_option_set_source_map_file": (None, [ptr, text]),
            "sass_option_set_source_map_embed": (None, [ptr, flag]),
            "sass_option_set_source_map_contents": (None, [ptr, flag]),
            "sass_option_set_omit_source_map_url": (None, [ptr, flag]),
            "sass_compile_data_context": (num, [ptr]),
            "sass_context_get_output_string": (text, [ptr]),
            "sass_context_get_source_map_string": (text, [ptr]),
            "sass_context_get_error_text": (text, [ptr]),
            "sass_context_get_error_file": (text, [ptr]),
            "sass_context_get_error_line": (ctypes.c_size_t, [ptr]),
            "sass_context_get_error_column": (ctypes.c_size_t, [ptr]),
            "sass_delete_data_context": (None, [ptr]),
        }
        for name, (restype, argtypes) in sig.items():
            func = getattr(lib, name)
            func.restype = restype
            func.argtypes = argtypes

    @property
    def version(self) -> str:
        return str(self.lib.libsass_version().decode())


@functools.cache
def _libsass() -> _LibSass:
    import importlib

    try:
        engine = importlib.import_module("_sass")  # the ``libsass`` package's (no stubs)
    except ImportError:
        raise SassError("converting Sass needs the libsass package (pip install libsass)",
                        None) from None
    return _LibSass(str(engine.__file__))


def _bytes(value: str) -> bytes:
    return value.encode("utf-8", "surrogateescape")


def compile_sass(
    text: str, *, indented: bool = False, style: str = "compact",
    filename: str | None = None, source_map_file: str | None = None,
    load_paths: Sequence[str] = (), source_map_contents: bool = False,
    source_map_embed: bool = False, omit_source_map_url: bool = False,
    line_comments: bool = False, precision: int | None = None,
) -> SassResult:
    """sassc's ``Engine#render``: ``text`` compiled by LibSass with these options.

    ``filename`` is the input's name (errors and the map's ``sources``),
    ``source_map_file`` the map's: with one, the result has the map and, unless
    ``omit_source_map_url``, the CSS ends by pointing to it.
    """
    if not text:
        return SassResult("", None)  # sassc returns an empty template untouched
    sass = _libsass()
    lib = sass.lib
    data = lib.sass_make_data_context(lib.sass_copy_c_string(_bytes(text)))
    try:
        ctx = lib.sass_data_context_get_context(data)
        opts = lib.sass_context_get_options(ctx)
        if indented:
            lib.sass_option_set_is_indented_syntax_src(opts, True)
        if filename:
            lib.sass_option_set_input_path(opts, _bytes(filename))
        if precision is not None:
            lib.sass_option_set_precision(opts, int(precision))
        if load_paths:
            lib.sass_option_set_include_path(opts, _bytes(os.pathsep.join(load_paths)))
        lib.sass_option_set_output_style(opts, _STYLES.index(style))
        if line_comments:
            lib.sass_option_set_source_comments(opts, True)
        if source_map_file is not None:
            lib.sass_option_set_source_map_file(opts, _bytes(source_map_file))
        if source_map_embed:
            lib.sass_option_set_source_map_embed(opts, True)
        if source_map_contents:
            lib.sass_option_set_source_map_contents(opts, True)
        if omit_source_map_url:
            lib.sass_option_set_omit_source_map_url(opts, True)
        if lib.sass_compile_data_context(data) != 0:
            raw = lib.sass_context_get_error_text(ctx) or b"Sass error"
            file = lib.sass_context_get_error_file(ctx)
            raise SassError(
                raw.decode("utf-8", "replace"),
                file.decode("utf-8", "surrogateescape") if file else filename,
                _position(lib.sass_context_get_error_line(ctx)),
                _position(lib.sass_context_get_error_column(ctx)),
            )
        css = (lib.sass_context_get_output_string(ctx) or b"").decode("utf-8", "surrogateescape")
        smap = lib.sass_context_get_source_map_string(ctx)
        return SassResult(css, smap.decode("utf-8", "surrogateescape") if smap else None)
    finally:
        lib.sass_delete_data_context(data)


def _position(value: int) -> int | None:
    """A line or column LibSass reports; it says "unknown" with 0 or a size_t's -1."""
    number = int(value)
    return number if 0 < number < 2**31 else None


# -- Jekyll's converter ---------------------------------------------------------------


class SourceMapPage(Page):
    """``Jekyll::SourceMapPage``: ``NAME.css.map`` beside a Sass page, made while the page
    is converted (and appended to ``site.pages`` then, as Jekyll appends it)."""

    made_while_rendering = True

    def __init__(self, css_page: Page, source_map: str) -> None:
        super().__init__(css_page.site, css_page.dir, css_page.basename + ".css.map",
                         content=source_map, data={})
        self.data = css_page.data  # the CSS page's own hash, as Jekyll shares it
        self.extname = ".map"

    @property
    def render_with_liquid(self) -> bool:
        return False

    @property
    def place_in_layout(self) -> bool:
        return False  # an asset file


def _sanitized_path(base: str, questionable: str) -> str:
    """``Jekyll.sanitized_path``: ``questionable`` kept inside ``base``."""
    if questionable == base:
        return base
    clean = "/" + questionable if questionable.startswith("~") else questionable
    clean = os.path.normpath(os.path.join("/", clean))
    clean = "/" + clean.lstrip("/") if clean.startswith("//") else clean
    if clean == base:
        return clean
    clean = re.sub("/+", "/", clean)
    if clean.startswith(base.rstrip("/") + "/"):
        return clean
    return base.rstrip("/") + "/" + clean.lstrip("/")


@dataclass(frozen=True)
class _Settings:
    style: str
    load_paths: tuple[str, ...]
    add_charset: bool
    sourcemap: str
    #: sassc options passed through from ``sass:`` (not in safe mode)
    line_comments: bool
    precision: int | None
    source_map_embed: bool


_DEFAULT_SETTINGS = _Settings(style="compact", load_paths=(), add_charset=False,
                              sourcemap="always", line_comments=False, precision=None,
                              source_map_embed=False)


def _settings(site: Site) -> _Settings:
    cached = getattr(site, "_sass_settings", None)
    if isinstance(cached, _Settings):
        return cached
    raw = site.config.get("sass")
    options: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    safe = bool(site.config.get("safe"))
    implementation = options.get("implementation")
    if implementation == "sass-embedded":
        raise SassError("sass: implementation sass-embedded is not supported here; "
                        "remove it to use sassc (LibSass), Jekyll's default", None)
    style = str(options.get("style", "compact")).removeprefix(":")
    if style not in _STYLES:
        style = "compact"
    source = os.fspath(site.source)
    sass_dir = str(options.get("sass_dir") or "") or "_sass"
    rel_sass_dir = _sanitized_path(source, sass_dir).replace(source + "/", "", 1)
    wanted = [str(p) for p in _as_list(options.get("load_paths"))] + [rel_sass_dir]
    if safe:
        wanted = [_sanitized_path(source, p) for p in wanted]
    found: list[str] = []
    for pattern in wanted:
        for path in sorted(glob.glob(os.path.join(source, pattern))) if _has_glob(pattern) \
                else [os.path.join(source, pattern)]:
            if not os.path.exists(path):
                continue
            full = _sanitized_path(source, os.path.relpath(path, source)) if safe \
                else os.path.abspath(path)
            if full not in found:
                found.append(full)
    theme = getattr(site, "theme", None)
    if theme is not None and theme.sass_path is not None:
        found.append(str(theme.sass_path))
    passed: Mapping[str, Any] = {} if safe else options
    precision = passed.get("precision")
    settings = _Settings(
        style=style,
        load_paths=tuple(p for p in found if os.path.isdir(p)),
        add_charset=bool(options.get("add_charset")),
        sourcemap=str(options.get("sourcemap", "always")).removeprefix(":"),
        line_comments=bool(passed.get("line_comments")),
        precision=precision if isinstance(precision, int) and precision > 0 else None,
        source_map_embed=bool(passed.get("source_map_embed")),
    )
    site._sass_settings = settings  # type: ignore[attr-defined]
    return settings


def load_paths(site: Site) -> tuple[str, ...]:
    """The folders LibSass looks in for the site's partials, in order."""
    return _settings(site).load_paths


def _as_list(value: object) -> list[object]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _has_glob(pattern: str) -> bool:
    return any(c in pattern for c in "*?[{")


def _sourcemap_required(settings: _Settings, page: Page | None) -> bool:
    if page is None or settings.sourcemap == "never":
        return False
    if settings.sourcemap == "always":
        return True
    return not (settings.sourcemap == "development"
                and (os.environ.get("JEKYLL_ENV") or "development") != "development")


def convert(site: Site | None, text: str, item: Convertible | None = None, *,
            indented: bool | None = None) -> str:
    """The Sass converter's ``convert``: CSS for ``text`` (a page's Liquid output).

    For a page (not a document) with source maps on, the map page is made and
    appended to ``site.pages``, and the CSS ends with a pointer to it. Without a page
    (a document, a filter) the text compiles as ``stdin``, without a map.
    """
    settings = _settings(site) if site is not None else _DEFAULT_SETTINGS
    page = item if isinstance(item, Page) and not isinstance(item, SourceMapPage) else None
    if indented is None:
        indented = item is not None and item.extname.lower() == ".sass"
    required = _sourcemap_required(settings, page)
    filename, map_file = "stdin", ""
    if page is not None:
        # Jekyll names the files relative to the folder the build runs from, the page by
        # its file name only (File.join(source_relative_from_pwd, page.name))
        here = os.path.relpath(os.fspath(page.site.source), os.getcwd())
        filename = os.path.join(here, page.name)
        map_file = os.path.join(here, page.basename + ".css.map")
    try:
        result = compile_sass(
            text, indented=indented, style=settings.style, filename=filename,
            source_map_file=map_file, load_paths=settings.load_paths,
            source_map_contents=True, source_map_embed=settings.source_map_embed,
            omit_source_map_url=not required, line_comments=settings.line_comments,
            precision=settings.precision,
        )
    except SassError as exc:
        _locate(exc, item, filename)
        raise
    if required and page is not None:
        if result.source_map is None:
            page.site.warn("Could not generate source map SassC::NotRenderedError => ")
        else:
            page.site.pages.append(SourceMapPage(page, result.source_map))
    replacement = '@charset "UTF-8";' if settings.add_charset else ""
    return _BOM_RE.sub(replacement, result.css, count=1)


def _locate(exc: SassError, item: Convertible | None, filename: str) -> None:
    """Point an error at the file it is in: the page (its body line) or a partial."""
    own = exc.filename is None or exc.filename == "stdin" or (
        os.path.normpath(exc.filename) == os.path.normpath(filename))
    if own and item is not None:
        exc.filename = item.relative_path
        if exc.line is not None:
            exc.line += item.body_line - 1
        return
    if exc.filename and item is not None:
        full = os.path.abspath(exc.filename)
        source = os.fspath(item.site.source)
        if full.startswith(source + os.sep):
            exc.filename = os.path.relpath(full, source)
