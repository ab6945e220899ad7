"""A python-liquid Environment that behaves as Jekyll's Liquid does.

Jekyll-specific state (the site's config, its includes folder, its documents)
reaches tags and filters through ``env.site``, an object satisfying
``SiteContext``; with no site, filters use Jekyll's defaults so a template can
be rendered on its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import liquid
from liquid import Mode
from liquid.exceptions import LiquidError

from ..errors import TemplateError

__all__ = ["JekyllEnvironment", "SiteContext"]


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

    def __init__(
        self,
        site: SiteContext | None = None,
        *,
        config: Mapping[str, Any] | None = None,
    ) -> None:
        self.site = site
        cfg = config if config is not None else (site.config if site is not None else {})
        liquid_cfg = cfg.get("liquid") if isinstance(cfg.get("liquid"), Mapping) else {}
        assert isinstance(liquid_cfg, Mapping)
        self.error_mode = str(liquid_cfg.get("error_mode", "warn"))
        self.strict_variables = bool(liquid_cfg.get("strict_variables", False))
        mode = {"strict": Mode.STRICT, "lax": Mode.LAX}.get(self.error_mode, Mode.WARN)
        super().__init__(
            tolerance=mode,
            strict_filters=bool(liquid_cfg.get("strict_filters", False)),
            undefined=liquid.StrictUndefined if self.strict_variables else liquid.Undefined,
        )
        self._template_cache: dict[tuple[str, str], liquid.BoundTemplate] = {}

    def setup_tags_and_filters(self, *, extra: bool = False) -> None:
        """Liquid's standard tags and filters, then Jekyll's, each registered in one place."""
        super().setup_tags_and_filters(extra=extra)
        from . import filters, tags

        filters.register(self)
        tags.register(self)

    def parse_template(self, source: str, name: str, line_offset: int = 0) -> liquid.BoundTemplate:
        """Parse once per (name, source); errors become TemplateError at file positions."""
        key = (name, source)
        cached = self._template_cache.get(key)
        if cached is not None:
            return cached
        try:
            template = self.from_string(source, name=name)
        except LiquidError as exc:
            raise to_template_error(exc, name, line_offset) from None
        self._template_cache[key] = template
        return template

    def render_template(
        self, source: str, data: Mapping[str, Any], name: str = "<string>", line_offset: int = 0
    ) -> str:
        """Render ``source`` with ``data`` as its top-level variables."""
        template = self.parse_template(source, name, line_offset)
        try:
            return template.render(**data)
        except LiquidError as exc:
            raise to_template_error(exc, name, line_offset) from None


def to_template_error(exc: LiquidError, name: str, line_offset: int = 0) -> TemplateError:
    """A python-liquid error as our TemplateError, positioned in the file."""
    line: int | None = None
    col: int | None = None
    context = None
    try:
        context = exc.context()
    except ValueError:
        context = None
    if context is not None:
        line, col = context[0] + line_offset, context[1] + 1
    message = str(exc.message) if exc.message else type(exc).__name__
    filename = str(exc.template_name) if exc.template_name else name
    if filename != name and line is not None:
        # The error is inside an include; its line is the include file's own.
        line -= line_offset
    return TemplateError(f"Liquid error: {message}", filename, line, col)
