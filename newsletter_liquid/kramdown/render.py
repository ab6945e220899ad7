"""The public entry point: Markdown text in, the HTML Jekyll's converter writes out."""

from __future__ import annotations

from collections.abc import Mapping

from .options import KramdownOptions


def _options(options: KramdownOptions | Mapping[str, object] | None) -> KramdownOptions:
    if options is None:
        return KramdownOptions()
    if isinstance(options, KramdownOptions):
        return options
    return KramdownOptions.from_config(options)


def render_markdown(
    text: str, options: KramdownOptions | Mapping[str, object] | None = None
) -> str:
    """Convert ``text`` as ``Jekyll::Converters::Markdown#convert`` does.

    ``options`` is a :class:`KramdownOptions` or a site's ``kramdown:`` mapping.
    Malformed input never raises: kramdown's grammar accepts any text.
    """
    return _options(options).converter.convert(text)
