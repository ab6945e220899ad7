"""JSON, tokenized as rouge 3.30 does (keys are ``nl``, whitespace is ``w``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Keyword, Name, Number, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, rule


class JsonLexer(RegexLexer):
    tag = "json"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "whitespace": [rule(r"\s+", Text.Whitespace)],
            "root": [
                mixin("whitespace"),
                rule(r"\{", Punctuation, "object"),
                rule(r"\[", Punctuation, "array"),
                mixin("name"),
                mixin("value"),
                rule(r"[\]}]", Punctuation),
            ],
            "object": [
                mixin("whitespace"),
                mixin("name"),
                mixin("value"),
                rule(r"\}", Punctuation, "#pop"),
                rule(r",", Punctuation),
            ],
            "name": [
                rule(
                    r'("(?:\\.|[^"\\\n])*?")(\s*)(:)',
                    groups(Name.Label, Text.Whitespace, Punctuation),
                ),
            ],
            "value": [
                mixin("whitespace"),
                mixin("constants"),
                rule(r'"', String.Double, "string"),
                rule(r"\[", Punctuation, "array"),
                rule(r"\{", Punctuation, "object"),
            ],
            "string": [
                rule(r'[^\\"]+', String.Double),
                rule(r"\\.", String.Escape),
                rule(r'"', String.Double, "#pop"),
            ],
            "array": [
                mixin("value"),
                rule(r"\]", Punctuation, "#pop"),
                rule(r",", Punctuation),
            ],
            "constants": [
                rule(r"(?:true|false|null)", Keyword.Constant),
                rule(r"-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", Number.Float, flags=re.I),
                rule(r"-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", Number.Integer, flags=re.I),
            ],
        }
