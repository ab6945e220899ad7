"""jekyll-avatar 0.8: ``{% avatar user %}``, a GitHub avatar ``<img>`` with a srcset."""

from __future__ import annotations

import os
import re
import urllib.parse
import zlib
from typing import TYPE_CHECKING, Any, TextIO

from . import Plugin

if TYPE_CHECKING:
    from liquid import RenderContext

    from ..dialect import JekyllEnvironment

__all__ = ["AvatarPlugin", "avatar_html"]

_SIZE_RE = re.compile(r"\bsize=(\d+)\b", re.I | re.A)
_USER_RE = re.compile(r"\buser=([\w.]+)\b", re.A)
_RUBY_SPACE_RE = re.compile(r"[ \t\n\v\f\r]+")
_SERVERS = 4
_API_VERSION = "3"
_SCALES = (1, 2, 3, 4)


def _path(username: str, size: str, scale: int) -> str:
    return f"{username}?v={_API_VERSION}&s={size if scale == 1 else int(size) * scale}"


def _url(username: str, size: str, scale: int, custom_host: str) -> str:
    path = _path(username, size, scale)
    if custom_host:
        base = custom_host if custom_host.endswith("/") else custom_host + "/"
        return urllib.parse.urljoin(base, path)
    # the server is picked from the size-1 path, whatever the scale (the gem's server_number)
    server = zlib.crc32(_path(username, size, 1).encode()) % _SERVERS
    return f"https://avatars{server}.githubusercontent.com/{path}"


def avatar_html(username: str, size: str, *, lazy: bool = False, custom_host: str = "") -> str:
    """The tag's ``<img>``, attributes in the gem's order."""
    srcset = ", ".join(f"{_url(username, size, s, custom_host)} {s}x" for s in _SCALES)
    url = _url(username, size, 1, custom_host)
    attrs: list[tuple[str, str]] = [
        ("class", "avatar avatar-small" if int(size) < 48 else "avatar"),
        ("alt", username),
        ("width", size),
        ("height", size),
        ("data-proofer-ignore", "true"),
    ]
    if lazy:
        attrs += [("src", ""), ("data-src", url), ("data-srcset", srcset)]
    else:
        attrs += [("src", url), ("srcset", srcset)]
    return "<img " + " ".join(f'{k}="{v}"' for k, v in attrs) + " />"


def _lookup_user(context: RenderContext, variable: str) -> Any:
    """``context[a]`` then ``[b]``… for ``user=a.b``; the name itself when nothing is there."""
    from ..dialect.expressions import evaluate, lookup_key, parse_expression

    first, *rest = variable.split(".")
    value = evaluate(parse_expression(first), context)  # type: ignore[arg-type]
    for key in rest:
        if value is None:
            break
        value = lookup_key(value, key, False)[1]
    return value if value is not None and value is not False else variable


def _avatar_node() -> type[Any]:
    from ..dialect.parsing import ParseContext, TagNode
    from ..dialect.rubyvalues import to_s
    from ..dialect.tags.include import render_inline

    class AvatarNode(TagNode):
        __slots__ = ("size", "text", "user_variable")

        def __init__(self, token: Any, tag_name: str, markup: str, pc: ParseContext) -> None:
            super().__init__(token, tag_name, markup, pc)
            self.text = markup.strip()
            # size and user= come from the markup as written, before it is rendered
            size = _SIZE_RE.search(self.text)
            self.size = size.group(1) if size else "40"
            user = _USER_RE.search(self.text)
            self.user_variable = user.group(1) if user else None

        def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
            text = render_inline(context, self.text)
            if self.user_variable is not None:
                username = to_s(_lookup_user(context, self.user_variable))
            else:
                # Ruby's split(" "): runs of ASCII whitespace, leading ones ignored
                username = text
                if " " in text:
                    username = _RUBY_SPACE_RE.split(text.lstrip(" \t\n\v\f\r"))[0]
                username = username.replace("@", "", 1) if username.startswith("@") else username
            custom_host = os.environ.get("PAGES_AVATARS_URL", "")
            return buffer.write(avatar_html(
                username, self.size, lazy="lazy=true" in text, custom_host=custom_host))

    return AvatarNode


class AvatarPlugin(Plugin):
    name = "jekyll-avatar"
    refreshable = True

    def register_liquid(self, env: JekyllEnvironment) -> None:
        from ..dialect.tags import register_tag

        register_tag(env, "avatar", _avatar_node())
