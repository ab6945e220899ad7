"""Site configuration read and merged exactly as Jekyll 4.3.1 does.

Jekyll's configuration is a plain hash exposed to Liquid as ``site``; we keep it
a plain ``dict`` for the same reason, and give typed accessors for the options
the pipeline itself reads.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ._yaml import YamlError, load_yaml
from .errors import ConfigError

#: parses a YAML text, times without offset shown in a zone (None: the local one)
YamlLoader = Callable[[str, "dt.tzinfo | None"], Any]

__all__ = [
    "DEFAULTS",
    "FrontMatterDefaults",
    "deep_merge",
    "load_config",
    "resolve_timezone",
    "style_to_permalink",
]

DEFAULTS: Mapping[str, Any] = {
    "source": "",
    "destination": "",
    "collections_dir": "",
    "cache_dir": ".jekyll-cache",
    "plugins_dir": "_plugins",
    "layouts_dir": "_layouts",
    "data_dir": "_data",
    "includes_dir": "_includes",
    "collections": {},
    "safe": False,
    "include": [".htaccess"],
    "exclude": [],
    "keep_files": [".git", ".svn"],
    "encoding": "utf-8",
    "markdown_ext": "markdown,mkdown,mkdn,mkd,md",
    "strict_front_matter": False,
    "show_drafts": None,
    "limit_posts": 0,
    "future": False,
    "unpublished": False,
    "whitelist": [],
    "plugins": [],
    "markdown": "kramdown",
    "highlighter": "rouge",
    "lsi": False,
    "excerpt_separator": "\n\n",
    "incremental": False,
    "detach": False,
    "port": "4000",
    "host": "127.0.0.1",
    "baseurl": None,
    "show_dir_listing": False,
    "permalink": "date",
    "paginate_path": "/page:num",
    "timezone": None,
    "quiet": False,
    "verbose": False,
    "defaults": [],
    "liquid": {"error_mode": "warn", "strict_filters": False, "strict_variables": False},
    "kramdown": {
        "auto_ids": True,
        "toc_levels": [1, 2, 3, 4, 5, 6],
        "entity_output": "as_char",
        "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
        "input": "GFM",
        "hard_wrap": False,
        "guess_lang": True,
        "footnote_nr": 1,
        "show_warnings": False,
    },
}

DEFAULT_EXCLUDES = (
    ".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules",
    "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/",
)

_STYLE_TO_PERMALINK = {
    "none": "/:categories/:title:output_ext",
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
}


def style_to_permalink(style: object) -> str:
    """A permalink style name (``date``, ``pretty`` …) or a template, as a template."""
    text = str(style)
    return _STYLE_TO_PERMALINK.get(text, text)


def deep_merge(target: Mapping[str, Any], overwrite: Mapping[str, Any]) -> dict[str, Any]:
    """Jekyll's Utils.deep_merge_hashes: hashes merge, anything else (arrays) replaces.

    A ``nil`` in ``overwrite`` keeps the old value, as in Jekyll.
    """
    merged = dict(target)
    for key, new in overwrite.items():
        old = merged.get(key)
        if new is None and key in merged:
            continue
        if isinstance(old, Mapping) and isinstance(new, Mapping):
            merged[key] = deep_merge(old, new)
        else:
            merged[key] = new
    return merged


def _read_config_file(path: Path, load: YamlLoader | None = None) -> dict[str, Any]:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"configuration file {path} could not be found", str(path)
        ) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"configuration file is not valid UTF-8 (byte {exc.start})", str(path)
        ) from None
    except OSError as exc:
        raise ConfigError(f"cannot read configuration: {exc.strerror}", str(path)) from None
    if path.suffix.lower() not in (".yml", ".yaml"):
        raise ConfigError(
            f"no parser for '{path.name}': use a .yml or .yaml file", str(path)
        )
    try:
        data = (load or load_yaml)(text.removeprefix("\ufeff"), None)
    except YamlError as exc:
        raise ConfigError(
            f"invalid YAML: {exc.message}", str(path), exc.line + 1, exc.col + 1
        ) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping of keys to values", str(path), 1, 1)
    return {str(k): v for k, v in data.items()}


def _default_config_file(source: Path) -> Path | None:
    for ext in ("yml", "yaml"):
        candidate = source / f"_config.{ext}"
        if candidate.exists():
            return candidate
    return None


def load_config(
    source: str | os.PathLike[str],
    config_files: Sequence[str | os.PathLike[str]] | None = None,
    overrides: Mapping[str, Any] | None = None,
    *,
    load: YamlLoader | None = None,
) -> dict[str, Any]:
    """Jekyll's configuration for a site: defaults < config files in order < overrides.

    With no ``config_files``, ``<source>/_config.yml`` is read when it exists. ``load``
    parses YAML texts (a read cache's, which remembers them; default: ``load_yaml``).
    """
    source_path = Path(source).resolve()
    files: list[Path]
    if config_files:
        files = [Path(f) for f in config_files if str(f)]
    else:
        default = _default_config_file(source_path)
        files = [default] if default else []
    # Jekyll merges the files on their own and checks them (an empty ``plugins:`` is
    # nil there, and refused) before its defaults go under them
    from_files: dict[str, Any] = {}
    for path in files:
        from_files = deep_merge(from_files, _read_config_file(path, load))
    for option in ("include", "exclude", "plugins"):
        if option in from_files and not isinstance(from_files[option], list):
            value = from_files[option]
            shown = "nil" if value is None else (
                f'"{value}"' if isinstance(value, str) else repr(value))
            raise _config_error(
                files, option, f"'{option}' should be set as an array, but was: {shown}")
    config = deep_merge(copy.deepcopy(dict(DEFAULTS)), from_files)
    if overrides:
        config = deep_merge(config, dict(overrides))
    if str(config.get("markdown") or "").lower() != "kramdown":
        # Jekyll 4 aborts on any other processor (redcarpet, maruku … are gone).
        raise _config_error(
            files, "markdown",
            f"Invalid Markdown processor given: {config.get('markdown')} "
            "(Jekyll 4.3 knows kramdown only: remove the `markdown:` line)",
        )
    if config.get("relative_permalinks"):
        raise _config_error(
            files, "relative_permalinks",
            "Since v3.0, permalinks for pages in subfolders must be relative to the site "
            "source directory, not the parent directory: remove `relative_permalinks`",
        )
    config = _add_default_collections(config)
    if isinstance(config.get("exclude"), list):
        config["exclude"] = list(dict.fromkeys([*config["exclude"], *DEFAULT_EXCLUDES]))
    config["source"] = str(source_path)
    if not config.get("destination"):
        # Jekyll's default: ``_site`` in the working folder, wherever the source is
        config["destination"] = os.path.join(os.getcwd(), "_site")
    return config


def _config_error(files: Sequence[Path], key: str, message: str) -> ConfigError:
    """A ConfigError at the ``key:`` line of the last config file that sets it."""
    for path in reversed(files):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        m = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.M)
        if m:
            return ConfigError(message, str(path), text.count("\n", 0, m.start()) + 1, 1)
    return ConfigError(message, str(files[-1]) if files else None)


def _add_default_collections(config: dict[str, Any]) -> dict[str, Any]:
    collections = config.get("collections")
    if collections is None:
        return config
    if isinstance(collections, list):
        collections = {str(name): {} for name in collections}
    collections = deep_merge({"posts": {}}, collections)
    posts = dict(collections.get("posts") or {})
    posts["output"] = True
    if config.get("permalink") and not posts.get("permalink"):
        posts["permalink"] = style_to_permalink(config["permalink"])
    collections["posts"] = posts
    config["collections"] = collections
    return config


_ZONE_KEY_RE = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")
_POSIX_TZ_RE = re.compile(
    r"^(?P<name>[A-Za-z]{3,})(?P<sign>[+-]?)(?P<h>[0-9]{1,2})(?::(?P<m>[0-9]{2}))?"
)


def resolve_timezone(name: object) -> dt.tzinfo | None:
    """The zone Jekyll's ``timezone:`` makes local, as glibc reads the TZ variable.

    IANA names load from the zone database; a POSIX ``NAME±H`` string gets its
    fixed offset (sign inverted, as POSIX has it); anything else glibc reads as
    offset zero named by its leading letters (``UTC - 5`` is ``UTC``, ``Foo/Bar``
    is ``Foo``). Such zones are local zones, not Ruby's UTC (``Time#utc?`` false:
    ``+00:00``, not ``Z``). ``None`` means Jekyll's default: the process's local zone.
    """
    from .rtime import FixedOffset

    if name is None or name == "":
        return None
    text = str(name)
    # No zone database key has spaces or other punctuation: asking zoneinfo for one
    # would only load its tzdata fallback (milliseconds) to fail.
    if _ZONE_KEY_RE.fullmatch(text):
        try:
            from zoneinfo import ZoneInfo

            return ZoneInfo(text)
        except (ValueError, OSError, ImportError, KeyError):
            # zoneinfo raises ZoneInfoNotFoundError (a KeyError) or ValueError.
            pass
    m = _POSIX_TZ_RE.match(text)
    if m:
        hours = int(m.group("h"))
        minutes = int(m.group("m") or 0)
        west = m.group("sign") != "-"
        offset = dt.timedelta(hours=hours, minutes=minutes)
        return FixedOffset(-offset if west else offset, m.group("name"))
    letters = re.match(r"[A-Za-z]*", text)
    label = letters.group(0) if letters and len(letters.group(0)) >= 3 else "UTC"
    return FixedOffset(dt.timedelta(0), label)


class FrontMatterDefaults:
    """The ``defaults:`` scopes of the config, applied as Jekyll's FrontmatterDefaults."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self._source = Path(str(config.get("source") or "."))
        self._collections_dir = str(config.get("collections_dir") or "")
        sets = config.get("defaults")
        self._sets: list[dict[str, Any]] = []
        if isinstance(sets, list):
            for entry in sets:
                if isinstance(entry, dict) and isinstance(entry.get("values"), dict):
                    scope = entry.get("scope")
                    scope = dict(scope) if isinstance(scope, dict) else None
                    if scope is not None and "type" in scope:
                        scope["type"] = {"page": "pages", "post": "posts", "draft": "drafts"}.get(
                            str(scope["type"]), scope["type"]
                        )
                    self._sets.append({"scope": scope, "values": entry["values"]})
        self._cache: dict[tuple[str, str], list[dict[str, Any]]] = {}

    @staticmethod
    def _sanitize(path: object) -> str:
        if not isinstance(path, str) or not path:
            return ""
        if path.startswith("/"):
            return re.sub(r"\A/|(?<=[^/])\Z", "", path)
        return path

    def _strip_collections_dir(self, path: str) -> str:
        if not self._collections_dir:
            return path
        prefix = self._collections_dir + "/"
        return path[len(prefix):] if path.startswith(prefix) else path

    def _applies_path(self, scope: Mapping[str, Any], path: str) -> bool:
        scope_path = scope.get("path")
        if not isinstance(scope_path, str) or not scope_path:
            return True
        sanitized = self._sanitize(path)
        if "*" in scope_path:
            import glob

            for hit in glob.glob(str(self._source / scope_path)):
                rel = os.path.relpath(hit, self._source)
                if sanitized.startswith(self._strip_collections_dir(rel)):
                    return True
            return False
        return sanitized.startswith(self._strip_collections_dir(scope_path))

    def _matching(self, path: str, kind: str) -> list[dict[str, Any]]:
        key = (path, kind)
        if key not in self._cache:
            self._cache[key] = [
                s for s in self._sets
                if s["scope"] is None
                or (
                    ("type" not in s["scope"] or str(s["scope"]["type"]) == kind)
                    and self._applies_path(s["scope"], path)
                )
            ]
        return self._cache[key]

    def _has_precedence(self, old: dict[str, Any] | None, new: dict[str, Any] | None) -> bool:
        if old is None:
            return True
        new_path = self._sanitize((new or {}).get("path"))
        old_path = self._sanitize(old.get("path"))
        if len(new_path) != len(old_path):
            return len(new_path) >= len(old_path)
        if new is not None and "type" in new:
            return True
        return "type" not in old

    def all(self, path: str, kind: str) -> dict[str, Any]:
        """Every default value for a file at ``path`` of type ``kind``, merged."""
        merged: dict[str, Any] = {}
        old_scope: dict[str, Any] | None = None
        first = True
        for entry in self._matching(path, kind):
            scope = entry["scope"] or {}
            if first or self._has_precedence(old_scope, scope):
                merged = deep_merge(merged, entry["values"])
                old_scope = scope
            else:
                merged = deep_merge(entry["values"], merged)
            first = False
        return copy.deepcopy(merged)
