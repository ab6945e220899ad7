"""YAML, tokenized as rouge 3.30 does (it tracks block indentation while scanning)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    _TokenType,
)

from ._engine import Callback, RegexLexer, StateItem, mixin, rule

_PLAIN_SCALAR_START = r"[^ \t\n\r\f\v?:,\[\]{}#&*!\|>'\"%@`]"
_ANCHOR_CHARS = r"(?:(?u:\w)|-)+"


class YamlLexer(RegexLexer):
    tag = "yaml"
    rouge_aliases = ("yml",)

    def start(self) -> None:
        self.reset_indent()

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A\s*%YAML", text) is not None

    # indentation bookkeeping, the heart of rouge's YAML lexer
    def reset_indent(self) -> None:
        self.indent_stack = [0]
        self.next_indent = 0
        self.block_scalar_indent: int | None = None

    @property
    def indent(self) -> int:
        return self.indent_stack[-1]

    def save_indent(self, spaces: str) -> tuple[str, str]:
        """Close deeper indentation levels; split off spaces beyond the level reached."""
        self.next_indent = len(spaces)
        if self.next_indent < self.indent:
            while self.next_indent < self.indent:
                self.indent_stack.pop()
            return spaces[: self.indent], spaces[self.indent :]
        return spaces, ""

    def continue_indent(self, spaces: str) -> None:
        self.next_indent += len(spaces)

    def set_indent(self, text: str, implicit: bool = False) -> None:
        if self.indent < self.next_indent:
            self.indent_stack.append(self.next_indent)
        if not implicit:
            self.next_indent += len(text)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [rule(r"#.*$", Comment.Single)],
            "root": [
                mixin("basic"),
                rule(r"\n+", Text),
                rule(r"[ ]+(?=#|$)", Text),
                rule(r"^%YAML\b", _directive("yaml_directive")),
                rule(r"^%TAG\b", _directive("tag_directive")),
                rule(r"^(?:---|\.\.\.)(?= |$)", _document_marker),
                rule(r"[ ]*(?!\s|$)", _line_indent),
            ],
            "indentation": [
                rule(r"\s*?\n", _text_pop2),
                rule(r"[ ]+(?=[-:?](?:[ ]|$))", _indent_spaces),
                rule(r"[?:-](?=[ ]|$)", _indicator),
                rule(r"[ ]*", _indent_end),
            ],
            "block_line": [
                rule(r"[ ]*(?=#|$)", Text, "#pop"),
                rule(r"[ ]+", Text),
                mixin("descriptors"),
                mixin("block_nodes"),
                mixin("flow_nodes"),
                rule(
                    rf"(?={_PLAIN_SCALAR_START}|[?:-][^ \t\n\r\f\v])",
                    Name.Variable,
                    "plain_scalar_in_block_context",
                ),
            ],
            "descriptors": [
                rule(r"!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>", Keyword.Type),
                rule(r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*)", Keyword.Type),
                rule(rf"&{_ANCHOR_CHARS}", Name.Label),
                rule(rf"\*{_ANCHOR_CHARS}", Name.Variable),
            ],
            "block_nodes": [
                rule(r"([^#,:?\[\]{}\"'\n]+)(:)(?=\s|$)", _mapping_key),
                rule(r"[\|>][+-]?", _block_scalar),
            ],
            "flow_nodes": [
                rule(r"\[", Punctuation.Indicator, "flow_sequence"),
                rule(r"\{", Punctuation.Indicator, "flow_mapping"),
                rule(r"'", String.Single, "single_quoted_scalar"),
                rule(r'"', String.Double, "double_quoted_scalar"),
            ],
            "flow_collection": [
                rule(r"\s+", Text),
                mixin("basic"),
                rule(r"[?:,]", Punctuation.Indicator),
                mixin("descriptors"),
                mixin("flow_nodes"),
                rule(rf"(?={_PLAIN_SCALAR_START})", _push("plain_scalar_in_flow_context")),
            ],
            "flow_sequence": [
                rule(r"\]", Punctuation.Indicator, "#pop"),
                mixin("flow_collection"),
            ],
            "flow_mapping": [
                rule(r"\}", Punctuation.Indicator, "#pop"),
                mixin("flow_collection"),
            ],
            "block_scalar_content": [
                rule(r"\n+", Text),
                rule(r"^[ ]+$", _blank_scalar_line),
                rule(r"^[ ]*", _scalar_line_indent),
                rule(r"[^\n\r\f\v]+", String),
            ],
            "block_scalar_header": [
                rule(r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)", _block_scalar_header),
            ],
            "ignored_line": [
                mixin("basic"),
                rule(r"[ ]+", Text),
                rule(r"\n", Text, "#pop"),
            ],
            "quoted_scalar_whitespaces": [
                rule(r"^[ ]+", Text),
                rule(r"[ ]+$", Text),
                rule(r"\n+", Text),
                rule(r"[ ]+", Name.Variable),
            ],
            "single_quoted_scalar": [
                mixin("quoted_scalar_whitespaces"),
                rule(r"\\'", String.Escape),
                rule(r"'", String, "#pop"),
                rule(r"[^\s']+", String),
            ],
            "double_quoted_scalar": [
                rule(r'"', String, "#pop"),
                mixin("quoted_scalar_whitespaces"),
                rule(r'\\[0abt\tn\nvfre "\\N_LP]', String.Escape),
                rule(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})", String.Escape),
                rule(r'[^ \t\n\r\f\v"\\]+', String),
            ],
            "plain_scalar_in_block_context_new_line": [
                rule(r"^[ ]+\n", Text),
                rule(r"\n+", Text),
                rule(r"^(?=---|\.\.\.)", _pop3),
                rule(r"^[ ]*", _scalar_continuation),
            ],
            "plain_scalar_in_block_context": [
                rule(r"[ ]*(?=:[ \n]|:$)", Text, "#pop"),
                rule(r"[ ]*:\S+", String),
                rule(r"[ ]+(?=#)", Text, "#pop"),
                rule(r"[ ]+$", Text),
                rule(r"\n+", Text, "plain_scalar_in_block_context_new_line"),
                rule(r"[ ]+", String),
                rule(r"true|false|null", Name.Constant),
                rule(r"\d+(?:\.\d+)?(?=(\r?\n)| +#)", Number, "#pop"),
                rule(r"[^\s:]+", String),
            ],
            "plain_scalar_in_flow_context": [
                rule(r"[ ]*(?=[,:?\[\]{}])", Text, "#pop"),
                rule(r"[ ]+(?=#)", Text, "#pop"),
                rule(r"^[ ]+", Text),
                rule(r"[ ]+$", Text),
                rule(r"\n+", Text),
                rule(r"[ ]+", Name.Variable),
                rule(r"[^\s,:?\[\]{}]+", Name.Variable),
            ],
            "yaml_directive": [
                rule(r"([ ]+)(\d+\.\d+)", _groups_goto("ignored_line", Text, Number)),
            ],
            "tag_directive": [
                rule(
                    r"""([ ]+)(!|![\w-]*!)
                    ([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)""",
                    _groups_goto("ignored_line", Text, Keyword.Type, Text, Keyword.Type),
                    flags=re.X,
                ),
            ],
        }


def _yaml(lexer: RegexLexer) -> YamlLexer:
    assert isinstance(lexer, YamlLexer)
    return lexer


def _directive(state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(Name.Tag)
        _yaml(lexer).reset_indent()
        lexer.push(state)

    return callback


def _push(state: str) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.push(state)

    return callback


def _groups_goto(state: str, *tokens: _TokenType) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.groups(*tokens)
        lexer.goto(state)

    return callback


def _document_marker(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Name.Namespace)
    _yaml(lexer).reset_indent()
    lexer.push("block_line")


def _line_indent(lexer: RegexLexer, match: re.Match[str]) -> None:
    text, excess = _yaml(lexer).save_indent(match.group(0))
    lexer.token(Text, text)
    lexer.token(Error, excess)
    lexer.push("block_line")
    lexer.push("indentation")


def _text_pop2(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    lexer.pop(2)


def _indent_spaces(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    _yaml(lexer).continue_indent(match.group(0))


def _indicator(lexer: RegexLexer, match: re.Match[str]) -> None:
    _yaml(lexer).set_indent(match.group(0))
    lexer.token(Punctuation.Indicator)


def _indent_end(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    _yaml(lexer).continue_indent(match.group(0))
    lexer.pop()


def _mapping_key(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.groups(Name.Attribute, Punctuation.Indicator)
    _yaml(lexer).set_indent(match.group(0), implicit=True)


def _block_scalar(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation.Indicator)
    lexer.push("block_scalar_content")
    lexer.push("block_scalar_header")


def _blank_scalar_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    yaml = _yaml(lexer)
    text = match.group(0)
    mark = yaml.block_scalar_indent if yaml.block_scalar_indent is not None else len(text)
    lexer.token(Text, text[:mark])
    lexer.token(Name.Constant, text[mark:])


def _scalar_line_indent(lexer: RegexLexer, match: re.Match[str]) -> None:
    yaml = _yaml(lexer)
    lexer.token(Text)
    size = len(match.group(0))
    dedent_level = yaml.block_scalar_indent if yaml.block_scalar_indent is not None else yaml.indent
    if yaml.block_scalar_indent is None:
        yaml.block_scalar_indent = size
    if size < dedent_level:
        yaml.save_indent(match.group(0))
        lexer.pop()
        lexer.push("indentation")


def _block_scalar_header(lexer: RegexLexer, match: re.Match[str]) -> None:
    yaml = _yaml(lexer)
    yaml.block_scalar_indent = None
    lexer.goto("ignored_line")
    if not match.group(0):
        return
    increment = match.group(2) or match.group(3)
    if increment:
        yaml.block_scalar_indent = yaml.indent + int(increment)
    lexer.token(Punctuation.Indicator)


def _pop3(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop(3)


def _scalar_continuation(lexer: RegexLexer, match: re.Match[str]) -> None:
    yaml = _yaml(lexer)
    lexer.token(Text)
    lexer.pop()
    if len(match.group(0)) <= yaml.indent:
        lexer.pop()
        yaml.save_indent(match.group(0))
        lexer.push("indentation")
