"""``raw``, ``comment``, ``#`` and ``render`` (which Jekyll leaves without a file system)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TextIO

from ..expressions import RenderError
from ..parsing import BlockTag, ParseContext, TagNode, Tokenizer
from ..syntax import QUOTED_FRAGMENT, QUOTED_STRING, VARIABLE_SEGMENT

if TYPE_CHECKING:
    from liquid import RenderContext
    from liquid.token import Token

__all__ = ["CommentTag", "InlineCommentTag", "RawTag", "RenderTag"]

_FULL_TOKEN_POSSIBLY_INVALID = re.compile(r"\A(.*)\{%\s*(\w+)\s*(.*)?%\}\Z", re.S | re.A)


class RawTag(BlockTag):
    """Output the block as written, Liquid untouched: `{% raw %}{{ x }}{% endraw %}` (Liquid).

    ``{% raw %}``: text up to ``{% endraw %}`` (which takes no ``-`` markers)."""

    __slots__ = ("text",)

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        if markup.strip(" \t\n\v\f\r"):
            raise pc.error("Syntax Error in 'raw' - Valid syntax: raw", token.start_index)
        self.text = ""

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        parts: list[str] = []
        while (item := tokenizer.shift()) is not None:
            text = item[0]
            m = _FULL_TOKEN_POSSIBLY_INVALID.match(text)
            if m and m.group(2) == self.block_delimiter:
                parts.append(m.group(1))
                self.text = "".join(parts)
                self.blank = not self.text
                return
            parts.append(text)
        raise pc.error("'raw' tag was never closed", self.token.start_index)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return buffer.write(self.text)


class CommentTag(BlockTag):
    """Render nothing of the block: `{% comment %}…{% endcomment %}` (Liquid).

    ``{% comment %}``: its tags are still parsed (a malformed one is an error)."""

    __slots__ = ()

    def unknown_tag(self, name: str, markup: str, offset: int, pc: ParseContext) -> None:
        return None

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        super().parse_body(tokenizer, pc)
        self.blank = True

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return 0


_INLINE_COMMENT_INVALID = re.compile(r"\n\s*[^#\s]", re.A)


class InlineCommentTag(TagNode):
    """An inline comment that renders nothing: `{% # a note %}` (Liquid)."""

    __slots__ = ()

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        if _INLINE_COMMENT_INVALID.search(markup):
            raise pc.error("Syntax error in tag '#' - Each line of comments must be prefixed "
                           "by the '#' character", token.start_index)
        self.blank = True


_RENDER_SYNTAX = re.compile(
    rf"((?:{QUOTED_STRING})+)(\s+(with|for)\s+((?:{QUOTED_FRAGMENT})+))?"
    rf"(\s+(?:as)\s+({VARIABLE_SEGMENT}+))?", re.A)


class RenderTag(TagNode):
    """Fails when rendered, as under Jekyll, which gives Liquid's `render` no files: use
    `include` (Liquid).

    ``{% render %}``: parses, but Jekyll gives Liquid no file system to render from."""

    __slots__ = ()

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        if _RENDER_SYNTAX.search(markup) is None:
            raise pc.error("Syntax error in tag 'render' - Template name must be a quoted "
                           "string", token.start_index)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        raise RenderError("This liquid context does not allow includes.", token=self.token)
