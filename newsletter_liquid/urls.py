"""Jekyll's URL building (``Jekyll::URL``): templates, placeholders, escaping."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable, Mapping

from .errors import SiteError

__all__ = ["escape_path", "generate_url", "sanitize_url", "unescape_path"]

_PLAIN_PATH_RE = re.compile(r"^[a-zA-Z0-9./-]+$")
_PATH_SAFE = "-._~!$&'()*+,;=:@/"
_QUERY_SAFE = _PATH_SAFE + "?"
_PLACEHOLDER_RE = re.compile(r":([a-z_]+)")


def escape_path(path: str) -> str:
    """URL.escape_path: Addressable's encoding of a path, ``#`` made ``%23``."""
    if not path or _PLAIN_PATH_RE.match(path):
        return path
    # Addressable parses the string as a URI: '?' starts a query, '#' a fragment.
    fragment = None
    if "#" in path:
        path, fragment = path.split("#", 1)
    query = None
    if "?" in path:
        path, query = path.split("?", 1)
    out = urllib.parse.quote(path, safe=_PATH_SAFE)
    if query is not None:
        out += "?" + urllib.parse.quote(query, safe=_QUERY_SAFE)
    if fragment is not None:
        out += "#" + urllib.parse.quote(fragment, safe=_QUERY_SAFE)
    return out.replace("#", "%23", 1)


def unescape_path(path: str) -> str:
    """URL.unescape_path: percent-decoding, for the file written on disk."""
    if "%" not in path:
        return path
    return urllib.parse.unquote(path, errors="surrogateescape")


def sanitize_url(text: str) -> str:
    """URL#sanitize_url: a leading slash, no ``..`` or ``./``, no doubled slashes."""
    result = ("/" + text).replace("..", "/").replace("./", "")
    return re.sub(r"/{2,}", "/", result)


def generate_url(
    template: str,
    placeholders: Mapping[str, str | None] | Callable[[str], str | None],
    permalink: str | None = None,
) -> str:
    """URL#to_s: the permalink (when given) or the template, filled and sanitized.

    ``placeholders`` is a mapping (pages: keys replaced in order, a nil value
    removing ``/:key``) or a lookup function (documents: each ``:key`` in the
    template looked up, unknown keys an error as in Jekyll).
    """
    source = permalink if permalink else template
    if callable(placeholders):
        lookup = placeholders

        def replace(m: re.Match[str]) -> str:
            name = m.group(1)
            pool = [name, name[:-1]] if name.endswith("_") else [name]
            for key in pool:
                try:
                    value = lookup(key)
                except KeyError:
                    continue
                rest = m.group(0)[len(key) + 1:]
                return escape_path(value or "") + rest
            raise SiteError(
                f"The URL template doesn't have {' or '.join(pool)} keys. "
                "Check your permalink template!"
            )

        url = _PLACEHOLDER_RE.sub(replace, source)
    else:
        url = source
        for key, value in placeholders.items():
            if ":" not in url:
                break
            if value is None:
                url = url.replace(f"/:{key}", "")
            else:
                url = url.replace(f":{key}", escape_path(value))
    return sanitize_url(url)
