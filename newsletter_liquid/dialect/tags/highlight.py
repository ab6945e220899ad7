"""Jekyll's ``{% highlight lang [linenos] %}`` block, highlighted as rouge 3.30 does."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any, TextIO

from ..expressions import VariableLookup
from ..parsing import BlockTag, ParseContext
from ..rubyvalues import to_s
from .include import JekyllTagError

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["HighlightTag"]

_SYNTAX = re.compile(r'^([a-zA-Z0-9.+#_-]+)((\s+\w+(=(\w+|"([0-9]+\s)*[0-9]+"))?)*)$', re.M | re.A)
_OPTIONS = re.compile(r'(?:\w="[^"]*"|\w=\w|\w)+', re.A)
_EDGE_LINE_TERMINATORS = re.compile(r"\A(?:\n|\r)+|(?:\n|\r)+\Z")


class HighlightTag(BlockTag):
    """Syntax-highlight the block with Rouge's CSS classes: `{% highlight ruby linenos %}`
    (Jekyll).

    Renders its body as Liquid, then highlights it inside Jekyll's ``<figure>``."""

    __slots__ = ("lang", "linenos")

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        m = _SYNTAX.search(markup.strip())
        if m is None:
            raise JekyllTagError(
                "Syntax Error in tag 'highlight' while parsing the following markup: "
                f"{markup.strip()} Valid syntax: highlight <lang> [linenos]", token=token)
        self.lang = m.group(1).lower()
        options: dict[str, Any] = {}
        for opt in _OPTIONS.findall(m.group(2)):
            key, _, value = opt.partition("=")
            options[key] = value.replace('"', "").split() if '"' in value else (value or True)
        self.linenos = bool(options.get("linenos"))

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        prefix = VariableLookup("highlighter_prefix").evaluate(context)  # type: ignore[arg-type]
        suffix = VariableLookup("highlighter_suffix").evaluate(context)  # type: ignore[arg-type]
        inner = context.get_buffer(buffer)
        self.body.render(context, inner)
        code = _EDGE_LINE_TERMINATORS.sub("", inner.getvalue())
        site: Any = getattr(context.env, "site", None)
        highlighter = site.config.get("highlighter", "rouge") if site is not None else "rouge"
        if highlighter in ("rouge", "pygments"):
            from ...kramdown.highlight import format_code

            if highlighter == "pygments":
                site.warn("Warning: Highlight Tag no longer supports rendering with Pygments.")
                site.warn("Using the default highlighter, Rouge, instead.")

            _tag, output = format_code(code, self.lang, linenos=self.linenos)
        else:
            output = html.escape(code).strip()
        if output.endswith("\r\n"):
            output = output[:-2]
        elif output.endswith(("\n", "\r")):
            output = output[:-1]
        lang_class = self.lang.replace("+", "-")
        buffer.write(
            f"{to_s(prefix) if prefix is not None else ''}<figure class=\"highlight\"><pre>"
            f"<code class=\"language-{lang_class}\" data-lang=\"{self.lang}\">{output}"
            f"</code></pre></figure>{to_s(suffix) if suffix is not None else ''}"
        )
        return 0
