"""TOML, tokenized as rouge 3.30 does."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import RegexLexer, StateItem, groups, mixin, rule

_IDENTIFIER = r"""(?:\S+|"[^"]+"|'[^']+')"""


class TomlLexer(RegexLexer):
    tag = "toml"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [
                rule(r"\s+", Text),
                rule(r"#.*?$", Comment),
                rule(r"(true|false)", Keyword.Constant),
                rule(
                    rf"({_IDENTIFIER})(\s*)(=)(\s*)(\{{)",
                    groups(Name.Namespace, Text, Operator, Text, Punctuation),
                    "inline",
                ),
                rule(r"(?<!=)\s*\[[\S]+\]", Name.Namespace),
                rule(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", Literal.Date),
                rule(r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?", Number.Float),
                rule(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", Number.Float),
                rule(r"[+-]?(?:nan|inf)", Number.Float),
                rule(r"0x\h+(?:_\h+)*", Number.Hex),
                rule(r"0o[0-7]+(?:_[0-7]+)*", Number.Oct),
                rule(r"0b[01]+(?:_[01]+)*", Number.Bin),
                rule(r"[+-]?\d+(?:_\d+)*", Number.Integer),
            ],
            "root": [
                mixin("basic"),
                rule(
                    rf"({_IDENTIFIER})(\s*)(=)",
                    groups(Name.Property, Text, Punctuation),
                    "value",
                ),
            ],
            "value": [
                rule(r"\n", Text, "#pop"),
                mixin("content"),
            ],
            "content": [
                mixin("basic"),
                rule(rf"({_IDENTIFIER})(\s*)(=)", groups(Name.Property, Text, Punctuation)),
                rule(r'"""', String, "mdq"),
                rule(r'"', String, "dq"),
                rule(r"'''", String, "msq"),
                rule(r"'", String, "sq"),
                mixin("esc_str"),
                rule(r"\,", Punctuation),
                rule(r"\[", Punctuation, "array"),
            ],
            "dq": [
                rule(r'"', String, "#pop"),
                rule(r"\n", Error, "#pop"),
                mixin("esc_str"),
                rule(r'[^\\"\n]+', String),
            ],
            "mdq": [
                rule(r'"""', String, "#pop"),
                mixin("esc_str"),
                rule(r'[^\\"]+', String),
                rule(r'"+', String),
            ],
            "sq": [
                rule(r"'", String, "#pop"),
                rule(r"\n", Error, "#pop"),
                rule(r"[^'\n]+", String),
            ],
            "msq": [
                rule(r"'''", String, "#pop"),
                rule(r"[^']+", String),
                rule(r"'+", String),
            ],
            "esc_str": [rule(r'\\[0t\tn\n "\\r]', String.Escape)],
            "array": [
                mixin("content"),
                rule(r"\]", Punctuation, "#pop"),
            ],
            "inline": [
                mixin("content"),
                rule(r"\}", Punctuation, "#pop"),
            ],
        }
