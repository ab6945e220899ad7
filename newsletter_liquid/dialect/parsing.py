"""Parse templates the way liquid 5.4 does, into python-liquid nodes.

python-liquid's own lexer and parser differ from Ruby liquid in the details
Jekyll sites meet: which text is a tag, what whitespace control trims, how a
block learns its ``else``, that an unknown tag is fatal but a malformed
expression only warns.  So a template is split with liquid's ``TemplateParser``
regex and parsed by ``BlockBody`` rules: every block parses its body until a
tag it does not know, then decides (its end tag, an inner tag like ``else``, or
an error).  Nodes are python-liquid ``Node`` objects, so rendering, contexts
and limits stay python-liquid's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError, LiquidSyntaxError
from liquid.stream import TokenStream
from liquid.tag import Tag
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

from .syntax import (
    CONTENT_OF_VARIABLE,
    FULL_TOKEN,
    LIQUID_TAG_TOKEN,
    is_blank_text,
    ruby_lstrip,
    ruby_rstrip,
)

if TYPE_CHECKING:
    from liquid import Environment, RenderContext

__all__ = [
    "BlockBody",
    "BlockTag",
    "DocumentNode",
    "ParseContext",
    "TagNode",
    "TagSpec",
    "Tokenizer",
    "parse_document",
]

MAX_DEPTH = 100


class Tokenizer:
    """A template's tokens (text, ``{% %}``, ``{{ }}``) with their offsets in the source.

    ``for_liquid_tag`` tokenizes the body of ``{% liquid %}``: one statement a line.
    """

    def __init__(self, source: str, *, base: int = 0, for_liquid_tag: bool = False) -> None:
        self.for_liquid_tag = for_liquid_tag
        self.tokens: list[tuple[str, int]] = []
        if for_liquid_tag:
            pos = base
            for line in source.split("\n"):
                if line:
                    self.tokens.append((line, pos))
                pos += len(line) + 1
        else:
            self.tokens = [(text, base + at) for text, at in split_template(source)]
        self.index = 0

    def shift(self) -> tuple[str, int] | None:
        if self.index >= len(self.tokens):
            return None
        token = self.tokens[self.index]
        self.index += 1
        return token


def split_template(source: str) -> list[tuple[str, int]]:
    """Split as ``source.split(TemplateParser)`` does, in linear time.

    At each ``{%``/``{{`` the regex takes the shortest run up to ``%}`` (or up to
    ``}``, plus one more ``}`` if present), or else the bare opener.
    """
    tokens: list[tuple[str, int]] = []
    last_tag_end = source.rfind("%}")
    last_brace = source.rfind("}")
    pos = 0
    n = len(source)
    while pos < n:
        m = _OPENER.search(source, pos)
        if m is None:
            tokens.append((source[pos:], pos))
            break
        start = m.start()
        if start > pos:
            tokens.append((source[pos:start], pos))
        if source[start + 1] == "%":
            end = source.find("%}", start + 2) if last_tag_end >= start + 2 else -1
            stop = end + 2 if end >= 0 else start + 2
        else:
            end = source.find("}", start + 2) if last_brace >= start + 2 else -1
            stop = start + 2  # a bare ``{{`` when no ``}`` follows
            if end >= 0:
                stop = end + 2 if source.startswith("}", end + 1) else end + 1
        tokens.append((source[start:stop], start))
        pos = stop
    return tokens


_OPENER = re.compile(r"\{[%{]")


class ParseContext:
    """Parse state shared by one template's tags (liquid's ``ParseContext``)."""

    def __init__(self, env: Environment, source: str, error_mode: str) -> None:
        self.env = env
        self.source = source
        self.error_mode = error_mode
        self.warnings: list[LiquidSyntaxError] = []
        self.trim_whitespace = False
        self.depth = 0

    def token(self, offset: int, value: str = "") -> Token:
        """A python-liquid token locating ``offset`` in the source (for error positions)."""
        return Token(TOKEN_TAG, value, offset, self.source)

    def error(self, message: str, offset: int) -> LiquidSyntaxError:
        return LiquidSyntaxError(message, token=self.token(offset))

    def with_fallback(
        self, strict: Callable[[], Any], lax: Callable[[], Any], offset: int,
        context: str,
    ) -> Any:
        """Strict parse; in ``warn``/``lax`` mode fall back to the lax parse on a syntax error."""
        if self.error_mode == "lax":
            return lax()
        try:
            return strict()
        except LiquidSyntaxError as exc:
            if exc.token is None:
                exc.token = self.token(offset)
            exc.args = (f"{exc.args[0]} {context}",)
            if self.error_mode == "strict":
                raise
            self.warnings.append(exc)
        return lax()


class TagNode(Node):
    """A Ruby-style tag: ``__init__`` validates the markup, ``parse_body`` reads what follows."""

    __slots__ = ("markup", "tag_name")
    block: ClassVar[bool] = False

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token)
        self.tag_name = tag_name
        self.markup = markup
        self.blank = False

    @classmethod
    def parse(
        cls, tag_name: str, markup: str, tokenizer: Tokenizer, pc: ParseContext, token: Token
    ) -> TagNode:
        node = cls(token, tag_name, markup, pc)
        node.parse_body(tokenizer, pc)
        return node

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        """Blocks read their bodies here."""

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        return 0


_NODE_RENDER = Node.render


class BlockBody:
    """A list of text and nodes (liquid's ``BlockBody``)."""

    __slots__ = ("blank", "nodes")

    def __init__(self) -> None:
        self.nodes: list[str | Node] = []
        self.blank = True

    def parse(self, tokenizer: Tokenizer, pc: ParseContext) -> tuple[str, str, int] | None:
        """Parse until a tag this body cannot place; return it (name, markup, offset),
        or None at the end of the input."""
        if tokenizer.for_liquid_tag:
            return self._parse_liquid_lines(tokenizer, pc)
        while (item := tokenizer.shift()) is not None:
            text, offset = item
            if text.startswith("{%"):
                self._whitespace(text, pc)
                m = FULL_TOKEN.match(text)
                if m is None:
                    raise pc.error(
                        f"Tag '{text}' was not properly terminated with regexp: /\\%\\}}/",
                        offset,
                    )
                name, markup = m.group(2), m.group(4)
                name_offset = offset + m.start(2)
                if name == "liquid":
                    self._parse_liquid_tag(markup, offset + m.start(4), pc)
                    continue
                spec = pc.env.tags.get(name)
                if spec is None or not _is_tag(spec):
                    return name, markup, name_offset
                node = _parse_tag(spec, name, markup, tokenizer, pc, name_offset)
                self.blank = self.blank and node.blank
                self.nodes.append(node)
            elif text.startswith("{{"):
                self._whitespace(text, pc)
                m = CONTENT_OF_VARIABLE.match(text)
                if m is None:
                    raise pc.error(
                        f"Variable '{text}' was not properly terminated with regexp: /\\}}\\}}/",
                        offset,
                    )
                from .output import VariableNode

                self.nodes.append(VariableNode.parse(m.group(1), offset + 2, pc))
                self.blank = False
            else:
                if pc.trim_whitespace:
                    text = ruby_lstrip(text)
                pc.trim_whitespace = False
                self.nodes.append(text)
                self.blank = self.blank and is_blank_text(text)
        return None

    def _parse_liquid_lines(
        self, tokenizer: Tokenizer, pc: ParseContext
    ) -> tuple[str, str, int] | None:
        while (item := tokenizer.shift()) is not None:
            line, offset = item
            if is_blank_text(line):
                continue
            m = LIQUID_TAG_TOKEN.match(line)
            if m is None:
                return line, line, offset
            name, markup = m.group(1), m.group(2)
            spec = pc.env.tags.get(name)
            if spec is None or not _is_tag(spec):
                return name, markup, offset + m.start(1)
            node = _parse_tag(spec, name, markup, tokenizer, pc, offset + m.start(1))
            self.blank = self.blank and node.blank
            self.nodes.append(node)
        return None

    def _parse_liquid_tag(self, markup: str, offset: int, pc: ParseContext) -> None:
        tokenizer = Tokenizer(markup, base=offset, for_liquid_tag=True)
        end = self.parse(tokenizer, pc)
        if end is not None:
            raise pc.error(_unknown_tag_message(end[0], "liquid", "%}"), end[2])

    def _whitespace(self, token: str, pc: ParseContext) -> None:
        if token[2:3] == "-" and self.nodes and isinstance(self.nodes[-1], str):
            self.nodes[-1] = ruby_rstrip(self.nodes[-1])
        pc.trim_whitespace = len(token) >= 3 and token[-3] == "-"

    def remove_blank_strings(self) -> None:
        self.nodes = [n for n in self.nodes if not isinstance(n, str)]

    def render(self, context: RenderContext, buffer: TextIO) -> None:
        interrupts: list[str] = context.interrupts  # type: ignore[attr-defined]
        write = buffer.write
        # Node.render only checks disabled tags before render_to_output: with none
        # disabled, a node that keeps Node.render is rendered directly.
        direct = not context.disabled_tags
        for node in self.nodes:
            if isinstance(node, str):
                write(node)
            else:
                try:
                    if direct and type(node).render is _NODE_RENDER:
                        node.render_to_output(context, buffer)
                    else:
                        node.render(context, buffer)
                except LiquidError as exc:
                    if exc.token is None:
                        exc.token = node.token
                    raise
                if interrupts:
                    break


def _is_tag(spec: object) -> bool:
    return isinstance(spec, Tag) and not getattr(spec, "pseudo", False)


def _unknown_tag_message(tag: str, block_name: str, block_delimiter: str) -> str:
    if tag == "else":
        return f"{block_name} tag does not expect 'else' tag"
    if tag.startswith("end"):
        return (f"'{tag}' is not a valid delimiter for {block_name} tags. "
                f"use {block_delimiter}")
    return f"Unknown tag '{tag}'"


def _parse_tag(
    spec: Tag, name: str, markup: str, tokenizer: Tokenizer, pc: ParseContext, offset: int
) -> Node:
    token = pc.token(offset, name)
    if isinstance(spec, TagSpec):
        try:
            return spec.node_class.parse(name, markup, tokenizer, pc, token)
        except LiquidError as exc:
            if exc.token is None:
                exc.token = token
            raise
    # A tag written for python-liquid's stream parser: only inline tags can work.
    tokens = [token]
    if markup:
        tokens.append(Token(TOKEN_EXPRESSION, markup, offset + len(name), pc.source))
    return spec.get_node(TokenStream(iter(tokens)))


class BlockTag(TagNode):
    """A block tag: parses bodies until its end tag, handing other tags to ``unknown_tag``."""

    __slots__ = ("body",)
    block: ClassVar[bool] = True

    def __init__(self, token: Token, tag_name: str, markup: str, pc: ParseContext) -> None:
        super().__init__(token, tag_name, markup, pc)
        self.blank = True
        self.body = BlockBody()

    @property
    def block_delimiter(self) -> str:
        return "end" + self.tag_name

    def parse_body(self, tokenizer: Tokenizer, pc: ParseContext) -> None:
        while self.parse_one_body(self.body, tokenizer, pc):
            pass

    def parse_one_body(self, body: BlockBody, tokenizer: Tokenizer, pc: ParseContext) -> bool:
        """Parse into ``body``; False once the end tag is reached."""
        if pc.depth >= MAX_DEPTH:
            raise pc.error("Nesting too deep", self.token.start_index)
        pc.depth += 1
        try:
            end = body.parse(tokenizer, pc)
        finally:
            pc.depth -= 1
        self.blank = self.blank and body.blank
        if end is None:
            raise pc.error(f"'{self.tag_name}' tag was never closed", self.token.start_index)
        name, markup, offset = end
        if name == self.block_delimiter:
            return False
        self.unknown_tag(name, markup, offset, pc)
        return True

    def unknown_tag(self, name: str, markup: str, offset: int, pc: ParseContext) -> None:
        raise pc.error(_unknown_tag_message(name, self.tag_name, self.block_delimiter), offset)

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        self.body.render(context, buffer)
        return 0


class TagSpec(Tag):
    """The registry entry for a Ruby-style tag (``env.tags[name]``)."""

    def __init__(self, env: Environment, name: str, node_class: type[TagNode]) -> None:
        super().__init__(env)
        self.name = name
        self.node_class = node_class
        self.block = node_class.block

    def parse(self, stream: TokenStream) -> Node:
        raise LiquidSyntaxError(f"'{self.name}' is parsed by the Jekyll dialect only",
                                token=stream.current)


class DocumentNode(Node):
    """A whole template: its top-level body."""

    __slots__ = ("body",)

    def __init__(self, token: Token, body: BlockBody) -> None:
        super().__init__(token)
        self.body = body
        self.blank = body.blank

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        self.body.render(context, buffer)
        return 0


def parse_document(env: Environment, source: str, error_mode: str) -> tuple[DocumentNode,
                                                                             list[LiquidError]]:
    """Parse a template; return its root node and the warnings lax parsing produced."""
    pc = ParseContext(env, source, error_mode)
    tokenizer = Tokenizer(source)
    body = BlockBody()
    while True:
        end = body.parse(tokenizer, pc)
        if end is None:
            break
        name, _markup, offset = end
        if name in ("else", "end"):
            raise pc.error(f"Unexpected outer '{name}' tag", offset)
        raise pc.error(f"Unknown tag '{name}'", offset)
    return DocumentNode(Token(TOKEN_TAG, "", 0, source), body), list(pc.warnings)
