"""A python-liquid Environment that behaves as Jekyll's Liquid (liquid 5.4) does.

Templates are parsed by :mod:`.parsing` (liquid 5.4's rules) into python-liquid
nodes and rendered in a :class:`.context.JekyllContext`.  Jekyll-specific
state (the site's config, its includes folder, its documents) reaches tags and
filters through ``env.site``, an object satisfying ``SiteContext``; with no
site, filters use Jekyll's defaults so a template can be rendered on its own.

``liquid: error_mode`` (``warn`` by default, as in Jekyll) decides what a
malformed expression does: ``warn`` and ``lax`` parse it leniently (``warn``
also reports it), ``strict`` fails.  Unknown tags, unclosed blocks and every
error while rendering fail the build in all modes, because Jekyll renders with
``render!``.

The resource limits below are class defaults; a site may change them under
``liquid:`` (keys Jekyll ignores), e.g. ``liquid: {loop_iteration_limit: 1000}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar, Protocol

import liquid
from liquid import Mode
from liquid.exceptions import LiquidError, LiquidSyntaxError

from ..errors import ConfigError, TemplateError
from .context import JekyllTemplate

__all__ = ["JekyllEnvironment", "SiteContext", "to_template_error"]


class SiteContext(Protocol):
    """What the dialect needs from a site; ``newsletter_liquid.site.Site`` provides it."""

    config: dict[str, Any]
    source: Path

    @property
    def zone(self) -> dt.tzinfo | None: ...

    @property
    def time(self) -> dt.datetime: ...

    def read_text(self, path: Path) -> str: ...

    def markdownify(self, text: str) -> str: ...


class JekyllEnvironment(liquid.Environment):
    """Liquid as Jekyll configures it: its tags, filters and error modes."""

    template_class = JekyllTemplate
    #: liquid's ``Block::MAX_DEPTH`` in scopes (recursive includes stop here)
    context_depth_limit: ClassVar[int] = 101
    #: far beyond any real site; stops runaway nested loops instead of hanging
    loop_iteration_limit: ClassVar[int | None] = 10_000_000
    #: characters one render may write (also bounds captures and assigned strings)
    output_stream_limit: ClassVar[int | None] = 50_000_000

    def __init__(
        self,
        site: SiteContext | None = None,
        *,
        config: Mapping[str, Any] | None = None,
    ) -> None:
        self.site = site
        cfg = config if config is not None else (site.config if site is not None else {})
        raw = cfg.get("liquid")
        liquid_cfg: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        mode = str(liquid_cfg.get("error_mode") or "warn")
        self.error_mode = mode if mode in ("warn", "lax", "strict") else "warn"
        self.strict_variables = bool(liquid_cfg.get("strict_variables", False))
        for name in _LIMITS:
            if name in liquid_cfg:
                # an instance attribute shadows python-liquid's class-level default
                setattr(self, name, _limit(name, liquid_cfg[name]))
        #: ``increment``/``decrement`` counters: in Jekyll they live in the site payload
        self.counters: dict[str, Any] = {}
        super().__init__(
            tolerance=Mode.STRICT,
            strict_filters=bool(liquid_cfg.get("strict_filters", False)),
        )
        self._template_cache: dict[tuple[str, str], liquid.BoundTemplate] = {}
        self._inline_cache: dict[str, liquid.BoundTemplate] = {}
        #: results of filters marked ``memoized`` (pure functions of their string inputs)
        self.filter_memo: dict[tuple[Any, ...], Any] = {}

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        """python-liquid's filters, then Jekyll's filters and liquid 5.4's tags, each
        registered in one place (python-liquid's own tags are not used)."""
        super().setup_tags_and_filters(extra=extra)
        self.tags = {}
        from . import filters, tags

        filters.register(self)
        tags.register(self)

    def from_string(
        self,
        source: str,
        name: str = "",
        path: str | Path | None = None,
        globals: Mapping[str, object] | None = None,
        matter: Mapping[str, object] | None = None,
    ) -> liquid.BoundTemplate:
        """Parse ``source`` with liquid 5.4's rules; lax-parse warnings are on ``.warnings``."""
        from .parsing import parse_document

        try:
            root, warnings = parse_document(self, source, self.error_mode)
        except LiquidError as exc:
            exc.template_name = path or name or None
            raise
        except RecursionError:
            raise LiquidSyntaxError("Nesting too deep", token=None) from None
        template = self.template_class(
            env=self, name=name, path=path, nodes=[root],
            globals=self.make_globals(globals), matter=matter,
        )
        template.warnings = warnings  # type: ignore[attr-defined]
        return template

    def inline_template(self, source: str) -> liquid.BoundTemplate:
        """A small template inside a tag's markup (``{% link {{ path }} %}``), parsed once."""
        template = self._inline_cache.get(source)
        if template is None:
            template = self._inline_cache[source] = self.from_string(source)
        return template

    def parse_template(self, source: str, name: str, line_offset: int = 0) -> liquid.BoundTemplate:
        """Parse once per (name, source); errors become TemplateError at file positions,
        warnings go to the site's log as Jekyll's ``Liquid Warning:`` lines."""
        key = (name, source)
        cached = self._template_cache.get(key)
        if cached is not None:
            return cached
        try:
            template = self.from_string(source, name=name)
        except LiquidError as exc:
            raise to_template_error(exc, name, line_offset) from None
        for warning in getattr(template, "warnings", []):
            self._warn(warning, name, line_offset)
        self._template_cache[key] = template
        return template

    def _warn(self, warning: LiquidError, name: str, line_offset: int) -> None:
        warn = getattr(self.site, "warn", None)
        if warn is None:
            return
        err = to_template_error(warning, name, line_offset)
        warn(f"Liquid Warning: {err}")

    def render_template(
        self, source: str, data: Mapping[str, Any], name: str = "<string>", line_offset: int = 0
    ) -> str:
        """Render ``source`` with ``data`` as its top-level variables."""
        template = self.parse_template(source, name, line_offset)
        try:
            return template.render(**data)
        except LiquidError as exc:
            raise to_template_error(exc, name, line_offset) from None
        except RecursionError:
            raise TemplateError("Liquid error: Nesting too deep", name) from None


_LIMITS = ("context_depth_limit", "loop_iteration_limit", "output_stream_limit")


def _limit(name: str, value: Any) -> int | None:
    """A limit from ``liquid:``: a positive integer, or null for none (not for the depth)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if value is None and name != "context_depth_limit":
        return None
    wanted = "a positive integer" + (" or null" if name != "context_depth_limit" else "")
    raise ConfigError(f"liquid: {name} must be {wanted}, not {value!r}")


def to_template_error(exc: LiquidError, name: str, line_offset: int = 0) -> TemplateError:
    """A python-liquid error as our TemplateError, positioned in the file it is about."""
    from .tags.include import JekyllTagError

    line: int | None = None
    col: int | None = None
    try:
        context = exc.context()
    except ValueError:
        context = None
    filename = str(exc.template_name) if exc.template_name else name
    if context is not None:
        line, col = context[0], context[1] + 1
        if filename == name:
            line += line_offset
    message = str(exc.message) if exc.message else type(exc).__name__
    message = " ".join(message.split("\n"))
    if isinstance(exc, JekyllTagError):
        text = message
    elif isinstance(exc, LiquidSyntaxError):
        text = f"Liquid syntax error: {message}"
    else:
        text = f"Liquid error: {message}"
    return TemplateError(text, filename, line, col)
