"""One exception hierarchy, so callers catch one type and users always see a position.

Every error carries the file, line and column it is about (1-based; ``None``
where unknown) and renders as ``path:line:col: message`` — the form editors and
pre-commit understand.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "FrontMatterError",
    "LayoutError",
    "MarkdownError",
    "NewsletterLiquidError",
    "SassError",
    "SiteError",
    "TemplateError",
]


class NewsletterLiquidError(Exception):
    """Base of every error this library raises for bad input."""

    def __init__(
        self,
        message: str,
        filename: str | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename
        self.line = line
        self.col = col

    def located(
        self, filename: str | None = None, line_offset: int = 0
    ) -> NewsletterLiquidError:
        """Return this error with a file name and lines shifted by ``line_offset``.

        Used where a body was parsed apart from its file (front matter removed).
        """
        if filename is not None and self.filename is None:
            self.filename = filename
        if self.line is not None:
            self.line += line_offset
        return self

    def __str__(self) -> str:
        parts = [self.filename or "<input>"]
        parts.append(str(self.line if self.line is not None else 1))
        parts.append(str(self.col if self.col is not None else 1))
        return ":".join(parts) + ": " + self.message


class FrontMatterError(NewsletterLiquidError):
    """Front matter that is not valid YAML, or not a mapping."""


class ConfigError(NewsletterLiquidError):
    """A configuration file that cannot be read or has a wrong value."""


class TemplateError(NewsletterLiquidError):
    """A Liquid template that does not parse or fails to render."""


class LayoutError(NewsletterLiquidError):
    """A layout that does not exist or includes itself."""


class MarkdownError(NewsletterLiquidError):
    """Resource limits, or input on which kramdown or rouge itself fails (Jekyll's build
    stops too); any other malformed Markdown is rendered as text."""


class SassError(NewsletterLiquidError):
    """A Sass or SCSS page (or ``scssify`` input) that LibSass rejects."""


class SiteError(NewsletterLiquidError):
    """Reading or writing the site failed (non-UTF-8 files, conflicts, IO)."""
