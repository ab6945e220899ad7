"""Jekyll's ``include`` and ``include_relative``.

Markup is Jekyll's, not Liquid's: ``{% include file.html key=value key2="text" %}``,
where the file name may contain ``{{ }}`` and each parameter lands in
``include.*``.  The file renders in the including context (its assigns leak
out, as in Jekyll), in a new scope that holds ``include``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from liquid.exceptions import LiquidError

from ..expressions import evaluate, parse_expression
from ..filters._base import remember
from ..parsing import ParseContext, TagNode

if TYPE_CHECKING:
    from liquid import BoundTemplate, RenderContext
    from liquid.token import Token

__all__ = ["IncludeRelativeTag", "IncludeTag", "JekyllTagError", "render_inline"]

_VALID_SYNTAX = (
    r"""([\w-]+)\s*=\s*"""
    r"""(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.-]+))"""
)
_VALID_SYNTAX_RE = re.compile(_VALID_SYNTAX, re.A)
_VARIABLE_SYNTAX = re.compile(  # starts only where Ruby's leftmost match can
    r"(?:\A|(?<=\{))(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)",
    re.S | re.A,
)
_FULL_VALID_SYNTAX = re.compile(rf"\A\s*(?:{_VALID_SYNTAX}(?=\s|\Z)\s*)*\Z", re.A)
_VALID_FILENAME_CHARS = re.compile(r"^[\w/.\-()+~#@]+$", re.M | re.A)
_INVALID_SEQUENCES = re.compile(r"[./]{2,}")


class JekyllTagError(LiquidError):
    """An error a Jekyll tag raises (not a Liquid one): its message stands alone."""


def render_inline(context: RenderContext, markup: str) -> str:
    """Render a snippet of Liquid (a file name with ``{{ }}``) in ``context``."""
    env: Any = context.env
    template = env.inline_template(markup)
    buffer = context.get_buffer()
    template.render_with_context(context, buffer)
    return str(buffer.getvalue())


class IncludeTag(TagNode):
    """Insert a file from `_includes`, parameters as `include.*`: `{% include card.html
    title=page.title %}` (Jekyll)."""

    __slots__ = ("_checked_file", "_param_values", "file", "params")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        markup = markup.strip()
        m = _VARIABLE_SYNTAX.search(markup) if "{{" in markup else None
        params: str | None
        if m:
            self.file = m.group("variable").strip()
            params = m.group("params").strip()
        else:
            parts = re.split(r"\s+", markup, maxsplit=1)
            self.file = parts[0]
            params = parts[1] if len(parts) > 1 else None
        self.params = params
        if params is not None and not _FULL_VALID_SYNTAX.match(params):
            raise JekyllTagError(
                f"Invalid syntax for include tag: {params} Valid syntax: "
                f"{self._example()}", token=token)
        # Parsed once: (key, value, whether the value is an expression to evaluate).
        self._param_values = tuple(_parse_param(m) for m in _VALID_SYNTAX_RE.finditer(params or ""))
        #: the file name when it is plain and valid (no Liquid in it): no check per render
        self._checked_file = self.file if "{{" not in self.file and _valid_file(self.file) else None

    def _example(self) -> str:
        return f"{{% {self.tag_name} file.ext param='value' param2='value' %}}"

    def _params(self, context: RenderContext) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, value, expression in self._param_values:
            values[key] = evaluate(value, context) if expression else value  # type: ignore[arg-type]
        return values

    def _file_name(self, context: RenderContext) -> str:
        if self._checked_file is not None:
            return self._checked_file
        file = self.file
        if "{{" in file and _VARIABLE_SYNTAX.search(file):
            file = render_inline(context, file)
        if not _valid_file(file):
            raise JekyllTagError(
                "Invalid syntax for include tag. File contains invalid characters or "
                f"sequences: {file} Valid syntax: {self._example()}", token=self.token)
        return file

    def search_dirs(self, context: RenderContext) -> list[Path]:
        """Jekyll's includes_load_paths: the site's folder, then its theme's."""
        site: Any = context.env.site  # type: ignore[attr-defined]
        folder = str(site.config.get("includes_dir") or "_includes")
        memo = getattr(context.env, "filter_memo", None)
        key = (IncludeTag.search_dirs, site.source, folder)
        dirs: list[Path] | None = memo.get(key) if memo is not None else None
        if dirs is None:
            dirs = [site.source / folder]
            theme = getattr(site, "theme", None)
            if theme is not None and theme.includes_path is not None:
                dirs.append(theme.includes_path)
            if memo is not None:
                remember(memo, key, dirs)
        return list(dirs)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        env: Any = context.env
        if env.site is None:
            raise JekyllTagError("include needs a site", token=self.token)
        file = self._file_name(context)
        template = _load(env, file, self.search_dirs(context), self.token)
        with context.stack() as namespace:  # type: ignore[attr-defined]
            if self.params is not None:
                namespace["include"] = self._params(context)
            try:
                template.render_with_context(context, buffer)
            except LiquidError as exc:
                if exc.template_name is None:
                    exc.template_name = template.name
                raise
        return 0


def _parse_param(m: re.Match[str]) -> tuple[str, Any, bool]:
    key, dquoted, squoted, variable = m.groups()
    if dquoted is not None:
        return key, dquoted.replace('\\"', '"'), False
    if squoted is not None:
        return key, squoted.replace("\\'", "'"), False
    return key, parse_expression(variable), True


def _valid_file(file: str) -> bool:
    return not _INVALID_SEQUENCES.search(file) and bool(_VALID_FILENAME_CHARS.search(file))


def _load(env: Any, file: str, dirs: list[Path], token: Token) -> BoundTemplate:
    site = env.site
    safe = getattr(site, "safe", False)
    memo = getattr(env, "filter_memo", None)
    for directory in dirs:
        # Jekyll joins as strings (File.join): "/etc/x" stays under the folder, never replaces it.
        name = f"{directory}/{file}"
        if memo is not None and not safe:
            template = _unchanged(memo, site, name)
            if template is not None:
                return template
        path = Path(name)
        if safe and not _realpath_within(path, directory):
            continue  # --safe: a symlink out of the folder is as good as missing (Jekyll)
        if path.is_file():
            text = site.read_text(path)
            try:
                rel = path.relative_to(site.source).as_posix()
            except ValueError:
                rel = str(path)
            loaded: BoundTemplate = env.parse_template(text, rel)
            if memo is not None and not safe:
                _remember_file(memo, name, path, text, loaded)
            return loaded
    shown = ", ".join(f'"{d}"' for d in dirs)
    raise JekyllTagError(
        f"Could not locate the included file '{file}' in any of [{shown}]. Ensure it exists "
        "in one of those directories and, if it is a symlink, does not point outside your "
        "site source.", token=token)


def _signature(name: str) -> tuple[int, ...] | None:
    try:
        st = os.stat(name)
    except (OSError, ValueError):
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino, st.st_dev)


def _remember_file(
    memo: dict[Any, Any], name: str, path: Path, text: str, template: BoundTemplate
) -> None:
    signature = _signature(name)
    if signature is not None:
        remember(memo, (_load, name), (signature, path, text, template))


def _unchanged(memo: dict[Any, Any], site: Any, name: str) -> BoundTemplate | None:
    """The template of an include read before whose file is still the same (its time,
    size and inode): the corpus includes one file per post preview. The read is reported
    to the build cache as ``site.read_text`` would."""
    entry = memo.get((_load, name))
    if entry is None or _signature(name) != entry[0]:
        return None
    _, path, text, template = entry
    tracker = getattr(site, "tracker", None)
    if tracker is not None:
        tracker.observe_file(path, text)
    return template  # type: ignore[no-any-return]


def _realpath_within(path: Path, directory: Path) -> bool:
    try:
        return path.resolve().is_relative_to(directory.resolve())
    except (OSError, RuntimeError):
        return False


class IncludeRelativeTag(IncludeTag):
    """Insert a file relative to the page being rendered: `{% include_relative part.md %}`
    (Jekyll)."""

    __slots__ = ()

    def search_dirs(self, context: RenderContext) -> list[Path]:
        site: Any = context.env.site  # type: ignore[attr-defined]
        page = context.globals.get("page")
        if not isinstance(page, Mapping):
            return [site.source]
        try:
            path = str(page["path"])
            collection = page.get("collection", None)
        except (KeyError, TypeError):
            return [site.source]
        if collection:
            path = f"{site.config.get('collections_dir') or ''}/{path}".lstrip("/")
        path = path.removesuffix("/#excerpt")
        parent = Path(path).parent
        return [site.source / parent if str(parent) != "." else site.source]
