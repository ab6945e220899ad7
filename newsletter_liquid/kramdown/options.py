"""kramdown's options with the values Jekyll 4.3.1 passes by default.

Jekyll merges the site's ``kramdown:`` mapping over its own defaults
(``configuration.rb``) and then, in ``kramdown_parser.rb``, forces
``syntax_highlighter`` (falling back to the top-level ``highlighter``),
``syntax_highlighter_opts.default_lang`` (``plaintext``) and
``syntax_highlighter_opts.guess_lang`` (copied from ``kramdown.guess_lang``).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .parser import KramdownMarkdown

_SMART_QUOTES = ("lsquo", "rsquo", "ldquo", "rdquo")


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() not in ("false", "no", "off", "nil", "0", "")
    return bool(value)


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _toc_levels(value: Any) -> tuple[int, ...]:
    """kramdown accepts a list, a range string ``"2..4"`` or a comma list."""
    if isinstance(value, str):
        text = value.strip()
        if ".." in text:
            low, _, high = text.partition("..")
            return tuple(range(_int(low, 1), _int(high.lstrip("."), 6) + 1))
        return tuple(_int(v, 0) for v in text.split(",") if v.strip())
    if isinstance(value, (list, tuple, range)):
        return tuple(_int(v, 0) for v in value)
    return tuple(range(1, 7))


def _smart_quotes(value: Any) -> tuple[str, str, str, str]:
    items = value.split(",") if isinstance(value, str) else list(value or ())
    names = [str(v).strip() for v in items]
    if len(names) != 4:
        return _SMART_QUOTES
    return (names[0], names[1], names[2], names[3])


@dataclass(frozen=True)
class KramdownOptions:
    """The kramdown options that change the HTML Jekyll produces."""

    input: str = "GFM"
    auto_ids: bool = True
    auto_id_prefix: str = ""
    auto_id_stripping: bool = False
    transliterated_header_ids: bool = False
    toc_levels: tuple[int, ...] = tuple(range(1, 7))
    smart_quotes: tuple[str, str, str, str] = _SMART_QUOTES
    typographic_symbols: Mapping[str, str] = field(default_factory=lambda: _frozen({}))
    entity_output: str = "as_char"
    hard_wrap: bool = False
    gfm_quirks: tuple[str, ...] = ("paragraph_end",)
    footnote_nr: int = 1
    footnote_prefix: str = ""
    footnote_backlink: str = "&#8617;"
    footnote_backlink_inline: bool = False
    header_offset: int = 0
    parse_block_html: bool = False
    parse_span_html: bool = True
    syntax_highlighter: str | None = "rouge"
    syntax_highlighter_opts: Mapping[str, Any] = field(
        default_factory=lambda: _frozen({"default_lang": "plaintext", "guess_lang": True})
    )
    math_engine: str | None = "mathjax"
    remove_line_breaks_for_cjk: bool = False

    @classmethod
    def from_config(
        cls, config: Mapping[str, Any] | None = None, highlighter: str | None = None
    ) -> KramdownOptions:
        """Options from a site's ``kramdown:`` mapping (and top-level ``highlighter:``)."""
        conf = dict(config or {})
        kwargs: dict[str, Any] = {}
        for key in ("input", "auto_id_prefix", "footnote_prefix", "footnote_backlink"):
            if key in conf and conf[key] is not None:
                kwargs[key] = str(conf[key])
        for key in (
            "auto_ids",
            "auto_id_stripping",
            "transliterated_header_ids",
            "hard_wrap",
            "footnote_backlink_inline",
            "parse_block_html",
            "parse_span_html",
            "remove_line_breaks_for_cjk",
        ):
            if key in conf:
                kwargs[key] = _bool(conf[key])
        for key, default in (("footnote_nr", 1), ("header_offset", 0)):
            if key in conf:
                kwargs[key] = _int(conf[key], default)
        if "toc_levels" in conf:
            kwargs["toc_levels"] = _toc_levels(conf["toc_levels"])
        if "smart_quotes" in conf:
            kwargs["smart_quotes"] = _smart_quotes(conf["smart_quotes"])
        if "entity_output" in conf:
            kwargs["entity_output"] = str(conf["entity_output"]).lstrip(":")
        if isinstance(conf.get("typographic_symbols"), Mapping):
            kwargs["typographic_symbols"] = _frozen(
                {str(k): str(v) for k, v in conf["typographic_symbols"].items()}
            )
        if "gfm_quirks" in conf:
            quirks = conf["gfm_quirks"]
            items = quirks.split(",") if isinstance(quirks, str) else list(quirks or ())
            kwargs["gfm_quirks"] = tuple(str(q).strip().lstrip(":") for q in items)
        if "math_engine" in conf:
            kwargs["math_engine"] = (
                None if conf["math_engine"] is None else str(conf["math_engine"])
            )
        # Jekyll: kramdown's syntax_highlighter, else coderay for enable_coderay, else the
        # site's highlighter, else rouge
        kwargs["syntax_highlighter"] = str(
            conf.get("syntax_highlighter")
            or ("coderay" if conf.get("enable_coderay") else None)
            or highlighter or "rouge")
        hl_opts = dict(conf.get("syntax_highlighter_opts") or {})
        hl_opts["default_lang"] = hl_opts.get("default_lang") or "plaintext"
        hl_opts["guess_lang"] = conf.get("guess_lang", True)
        kwargs["syntax_highlighter_opts"] = _frozen(hl_opts)
        return cls(**kwargs)

    @functools.cached_property
    def converter(self) -> KramdownMarkdown:
        """The parsers and renderer for these options, made once: each conversion keeps its
        state apart (a site converts hundreds of texts with the same options)."""
        from .converter import KramdownRenderer
        from .parser import KramdownMarkdown

        opts = self.to_dict()
        return KramdownMarkdown(opts, KramdownRenderer(opts))

    def to_dict(self) -> dict[str, Any]:
        """A mutable copy: ``{::options /}`` may change options while parsing."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
