"""TeX and LaTeX, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, pop_state, rule

_COMMAND = r"(?i:\\([a-z]+|\s+|.))"


class TexLexer(RegexLexer):
    tag = "tex"
    rouge_aliases = ("TeX", "LaTeX", "latex")

    @classmethod
    def detect(cls, text: str) -> bool:
        pattern = r"\A\s*\\(documentclass|input|documentstyle|relax|ProvidesPackage|ProvidesClass)"
        return re.match(pattern, text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "general": [
                rule(r"%.*$", Comment),
                rule(r"[{}&_^]", Punctuation),
            ],
            "root": [
                rule(r"\\\[", Punctuation, "displaymath"),
                rule(r"\\\(", Punctuation, "inlinemath"),
                rule(r"\$\$", Punctuation, "displaymath"),
                rule(r"\$", Punctuation, "inlinemath"),
                rule(r"\\(begin|end)\{.*?\}", Name.Tag),
                rule(
                    r"(\\verb)\b(\S)(.*?)(\2)",
                    groups(Name.Builtin, Keyword.Pseudo, String.Other, Keyword.Pseudo),
                ),
                rule(_COMMAND, Keyword, "command"),
                mixin("general"),
                rule(r"[^\\$%&_^{}]+", Text),
            ],
            "math": [
                rule(_COMMAND, Name.Variable),
                mixin("general"),
                rule(r"[0-9]+", Number),
                rule(r"[-=!+*\/()\[\]]", Operator),
                rule(r"[^=!+*\/()\[\]\\$%&_^{}0-9-]+", Name.Builtin),
            ],
            "inlinemath": [
                rule(r"\\\)", Punctuation, "#pop"),
                rule(r"\$", Punctuation, "#pop"),
                mixin("math"),
            ],
            "displaymath": [
                rule(r"\\\]", Punctuation, "#pop"),
                rule(r"\$\$", Punctuation, "#pop"),
                rule(r"\$", Name.Builtin),
                mixin("math"),
            ],
            "command": [
                rule(r"\[.*?\]", Name.Attribute),
                rule(r"\*", Keyword),
                rule(r"", pop_state),
            ],
        }
