"""``{% include %}`` as Jekyll defines it: files under ``_includes``, ``key=value``
parameters exposed as ``include.*``, and ``{{ }}`` in the file name."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

if TYPE_CHECKING:
    from liquid import BoundTemplate, RenderContext
    from liquid.stream import TokenStream

    from ..environment import JekyllEnvironment

__all__ = ["IncludeTag", "register"]

TAG_INCLUDE = sys.intern("include")
_VALID_SYNTAX = re.compile(
    r"""([\w-]+)\s*=\s*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
)
_VARIABLE_SYNTAX = re.compile(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S
)
_INVALID_FILE_RE = re.compile(r"[^a-zA-Z0-9\s._/-]|\.\./|/\.\.|^/|^\.\.$")


class IncludeNode(Node):
    """Render an include file in the current context with ``include`` bound."""

    __slots__ = ("file", "file_is_template", "params")

    def __init__(self, token: Token, file: str, file_is_template: bool, params: str | None):
        super().__init__(token)
        self.file = file
        self.file_is_template = file_is_template
        self.params = params
        self.blank = False

    def __str__(self) -> str:
        return f"{{% include {self.file} {self.params or ''} %}}"

    def _params(self, context: RenderContext) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for m in _VALID_SYNTAX.finditer(self.params or ""):
            key, dquoted, squoted, variable = m.groups()
            if dquoted is not None:
                value: Any = dquoted.replace('\\"', '"')
            elif squoted is not None:
                value = squoted.replace("\\'", "'")
            else:
                value = context.get(list(variable.split(".")), token=self.token)
            values[key] = value
        return values

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env = context.env
        name = self._render_name(context)
        template = _load_include(env, name, self.token)
        namespace: dict[str, Any] = {}
        if self.params:
            namespace["include"] = self._params(context)
        with context.extend(namespace, template=template):
            template.render_with_context(context, buffer, partial=True)
        return True

    def _render_name(self, context: RenderContext) -> str:
        if not self.file_is_template:
            return self.file
        from io import StringIO

        buf = StringIO()
        template = context.env.from_string(self.file)
        template.render_with_context(context, buf, partial=True)
        return buf.getvalue().strip()


def _load_include(env: Any, name: str, token: Token) -> BoundTemplate:
    if _INVALID_FILE_RE.search(name):
        raise LiquidSyntaxError(
            f"Invalid syntax for include tag. File contains invalid characters or "
            f"sequences: {name}",
            token=token,
        )
    site = env.site
    if site is None:
        raise LiquidError(f"Could not locate the included file '{name}'", token=token)
    includes_dir: Path = site.source / str(site.config.get("includes_dir", "_includes"))
    path = includes_dir / name
    try:
        resolved = path.resolve()
        inside = resolved.is_relative_to(site.source.resolve())
    except OSError:
        inside = False
    if not inside or not path.is_file():
        raise LiquidError(
            f"Could not locate the included file '{name}' in any of "
            f'["{includes_dir}"]. Ensure it exists in one of those directories and, if it '
            "is a symlink, does not point outside your site source.",
            token=token,
        )
    text = site.read_text(path)
    rel = path.relative_to(site.source).as_posix()
    return env.parse_template(text, rel)  # type: ignore[no-any-return]


class IncludeTag(Tag):
    """Jekyll's include: raw markup parsed with Jekyll's own syntax, not Liquid's."""

    name = TAG_INCLUDE
    block = False

    def parse(self, stream: TokenStream) -> Node:
        token = stream.eat(TOKEN_TAG)
        markup = ""
        if stream.current.kind == TOKEN_EXPRESSION:
            markup = stream.current.value.strip()
            next(stream)
        m = _VARIABLE_SYNTAX.fullmatch(markup)
        if m and "{{" in m.group("variable"):
            file, params = m.group("variable").strip(), m.group("params").strip() or None
            return IncludeNode(token, file, True, params)
        parts = re.split(r"\s+", markup, maxsplit=1)
        file = parts[0]
        params = parts[1] if len(parts) > 1 else None
        return IncludeNode(token, file, False, params)


def register(env: JekyllEnvironment) -> None:
    env.add_tag(IncludeTag)
